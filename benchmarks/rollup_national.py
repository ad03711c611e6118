"""Time ``drafter rollup`` over every commune of the country (3,321 since July 2025).

    python benchmarks/rollup_national.py                  # 3,321 YAML files, one roll-up .docx
    python benchmarks/rollup_national.py --units 500

The inputs are the batch benchmark's (benchmarks/batch_national.py): each commune of the
``vietnam-provinces`` package with figures scaled to a commune; about one in ten delivers fewer
recruits than its quota, so its file has a warning (W403). The command line prints only how many
warnings the inputs have, so every valid file is read by the fast reader; a file with an error by
the located one (the library's ``api.rollup`` reads a file with a warning again for its line).

Printed: the whole process as an officer runs it (``drafter rollup FOLDER -o tong-hop.docx``, file
in and file out) with its wall and CPU time and the peak memory of its parent process and of its
whole process tree (sampled from /proc); then, in process, how long each stage takes
(``drafter.api``: reading the inputs, the facts, the wording, the layout) and the anchor measured
in the same run: PyYAML's C loader alone reading the same files one by one, the least any
roll-up must do. The roll-up is checked to name every unit and its warnings to keep their lines.

Targets (issue 15): under 8 s and 250 MB for the whole country.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from batch_national import drafter_command, environment, machine_line, run_process, warm  # noqa: E402

_STAGES = """
import json, sys, time
from pathlib import Path
T = time.perf_counter
t0 = T()
from drafter.api.rollup import read_in_parallel
from drafter.api.documents import checked_pack, lay_out
from drafter.facts.rollup import build_rollup
from drafter.inputs.sources import load_sources
from drafter.realise.draft import draft_rollup
t1 = T()
# as the command line reads them: warnings counted, not located (drafter.api.rollup)
sources, problems = load_sources([sys.argv[1]], read=lambda paths: read_in_parallel(paths, False))
t2 = T()
facts = build_rollup(sources)
t3 = T()
draft = draft_rollup(checked_pack("tong-hop"), facts)
t4 = T()
del sources, facts
content = lay_out(draft, "docx")
t5 = T()
warned = [p for p in problems if p.code == "W403"]
print(json.dumps({"imports": t1 - t0, "read": t2 - t1, "facts": t3 - t2, "draft": t4 - t3, "layout": t5 - t4,
                  "warnings": len(warned)}))
"""

_ANCHOR = """
import sys, time
from pathlib import Path
import yaml
files = sorted(Path(sys.argv[1]).rglob("*.yaml"))
start = time.perf_counter()
for file in files:
    with open(file, encoding="utf-8") as stream:
        yaml.load(stream, Loader=yaml.CSafeLoader)
print(time.perf_counter() - start)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=3321)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="drafter-rollup-"))
    os.environ["DRAFTER_CACHE_DIR"] = str(folder / "cache")  # every drafter of this run: never the user's
    mb = 1024 * 1024
    try:
        made = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "batch_national.py"), "--make-inputs",
                               str(folder), "--units", str(args.units)], check=True, capture_output=True, text=True)
        inputs = Path(made.stdout.split()[0])
        print(machine_line())
        print(f"inputs: {args.units} YAML files; load average before: {os.getloadavg()[0]:.2f}")
        env = environment(folder)
        warm(folder)
        anchor = float(subprocess.run([sys.executable, "-c", _ANCHOR, str(inputs)], check=True, capture_output=True,
                                      text=True, env=env).stdout)
        output = folder / "tong-hop.docx"
        run = run_process(drafter_command() + ["rollup", str(inputs), "-o", str(output)], folder / "rollup.log")
        if run["code"] != 0:
            sys.stderr.write(run["stderr"].decode("utf-8", "replace")[-2000:])
            return 1
        stages = subprocess.run([sys.executable, "-c", _STAGES, str(inputs)], capture_output=True,
                                text=True, env=env, cwd=ROOT)
        import json

        if stages.returncode != 0:  # an older drafter without these stages
            inside = {"imports": 0, "read": 0, "facts": 0, "draft": 0, "layout": 0, "warnings": 0}
        else:
            inside = json.loads(stages.stdout.strip().splitlines()[-1])
        print(f"whole process (drafter rollup FOLDER -o tong-hop.docx): {run['wall']:.2f} s wall, "
              f"{run['cpu']:.1f} s CPU   (target under 8 s)")
        print(f"  peak RSS: parent {run['parent'] / mb:.0f} MB, largest worker {run['worker'] / mb:.0f} MB, "
              f"whole tree {run['total'] / mb:.0f} MB; wait4 max RSS {run['max'] / mb:.0f} MB   (target 250 MB)")
        print(f"  {output.stat().st_size:,} B written; the command said: "
              f"{run['stdout'].decode('utf-8', 'replace').strip().splitlines()[-1]}")
        print("in process (drafter.api stages, one run):")
        for stage in ("imports", "read", "facts", "draft", "layout"):
            print(f"  {stage:8} {inside[stage]:6.2f} s")
        print(f"  warnings W403 counted: {inside['warnings']}")
        print(f"anchor, same run: PyYAML's C loader alone over the same files: {anchor:.2f} s; "
              f"roll-up / anchor {run['wall'] / anchor:.1f}x")
        print(f"load average at the end: {os.getloadavg()[0]:.2f}")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
