"""Time ``drafter batch`` over every commune of the country (3,321 since July 2025).

    python benchmarks/batch_national.py                      # 3,321 YAML files, --jobs 2, docx
    python benchmarks/batch_national.py --input excel        # one workbook of 3,321 rows
    python benchmarks/batch_national.py --units 300 --format md

Inputs are made from ``samples/gia-lai-2026.yaml``: each commune of the ``vietnam-provinces``
package gets its own name, kind, province and figures scaled to a commune. The batch runs as a
subprocess, end to end, as an officer would run it. Printed, one line per figure: wall time,
documents per second, the peak RSS of the batch's parent process, of its largest worker and of
the whole process tree (sampled from /proc every 20 ms), the maximum RSS over all children
reported by ``getrusage(RUSAGE_CHILDREN)`` and this script's own.

Then the marginal cost of one more document against docxtpl's, measured in the same run as
whole processes, files in and files out: ``drafter batch`` with ``--jobs 1`` over a small and a
larger set of the communes, and a Python process that reads each unit's docxtpl context from a
YAML file, renders an equivalent template (benchmarks/render_vs_docxtpl.py builds it from the first
commune's draft) and saves each .docx; the difference of the two sizes divided by the difference
of their counts, for both. Also: the batch parent's peak memory at the three sizes (it must not
grow with the batch), and what fsync before each rename costs on the output's file system.

Targets (issue 15): the whole country under 8 s with --jobs 2; the marginal document at least 7x
cheaper than docxtpl's.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
sys.path.insert(0, str(ROOT))


def communes(count: int) -> list[tuple[str, str, str]]:
    """(kind, name, province) of real communes, repeated with a suffix when more are asked for."""
    import vietnam_provinces as vp

    provinces = {p.code: _strip_kind(p.name) for p in vp.Province.iter_all()}
    wards = [(w.division_type.value, _strip_kind(w.name), provinces[w.province_code]) for w in vp.Ward.iter_all()]
    result = []
    for index in range(count):
        kind, name, province = wards[index % len(wards)]
        round_ = index // len(wards)
        result.append((kind, f"{name} {round_ + 1}" if round_ else name, province))
    return result


def _strip_kind(name: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def commune_data(base: dict, kind: str, name: str, province: str, rng: random.Random) -> dict:
    """The sample's figures, scaled to a commune and varied, always plausible."""
    data = {key: value for key, value in base.items() if key not in ("exercises", "foreign_relations", "defence_land")}
    population = rng.randint(8_000, 60_000)
    quota = rng.randint(10, 60)
    delivered = quota if rng.random() < 0.9 else quota - rng.randint(1, 3)
    strength = int(population * rng.uniform(0.009, 0.014))
    data["unit"] = {"name": name, "kind": kind, "province": province, "population": population}
    data["document"] = {**base["document"], "issuer": "ubnd", "number": rng.randint(1, 200),
                        "signer": {"name": "Nguyễn Văn An", "position": "Chủ tịch"},
                        "recipients": [f"UBND tỉnh {province}", f"Bộ CHQS tỉnh {province}", "Đảng ủy xã"]}
    data["conference"] = {**base["conference"], "organiser": f"UBND {kind} {name}"}
    data["recruitment"] = {"quota": quota, "delivered": delivered, "party_members": rng.randint(0, 3),
                           "registered_age_17": int(population * rng.uniform(0.005, 0.009))}
    data["militia"] = {"strength": strength, "trained": int(strength * rng.uniform(0.9, 1.0)),
                       "party_members": int(strength * rng.uniform(0.2, 0.3))}
    data["reserve"] = {"registered": rng.randint(200, 900), "called_for_training": rng.randint(10, 80)}
    data["welfare"] = {"houses": rng.randint(0, 4), "amount": rng.randint(50, 900) * 1_000_000,
                       "beneficiaries": rng.randint(20, 300)}
    data["funding"] = {**base["funding"], "amount": rng.randint(1, 30) * 100_000_000, "facilities": 1}
    data["awards"] = [{"giver": f"Chủ tịch UBND {kind}", "kind": "giấy khen",
                       "collectives": rng.randint(1, 6), "individuals": rng.randint(3, 15)}]
    data["previous"] = {"recruits_delivered": max(1, quota + rng.randint(-5, 5))}
    return data


def make_inputs(folder: Path, count: int, as_excel: bool) -> list[Path]:
    from drafter.inputs import load

    base = load(SAMPLE).report.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    rng = random.Random(2026)
    units = [commune_data(base, kind, name, province, rng) for kind, name, province in communes(count)]
    if as_excel:
        from drafter.api import write_workbook
        from drafter.inputs.model import Report

        target = folder / "so-lieu-2026.xlsx"
        write_workbook(target, [Report.model_validate(unit) for unit in units], year=2026)
        return [target]
    dump = _dumper()
    inputs = folder / "so-lieu"
    for index, unit in enumerate(units):
        sub = inputs / f"{index // 100:02d}"  # provinces send folders of about a hundred files
        sub.mkdir(parents=True, exist_ok=True)
        with open(sub / f"{index:04d}.yaml", "w", encoding="utf-8") as stream:
            dump(unit, stream)
    return [inputs]


def _dumper():
    """PyYAML's C emitter when installed (ten times faster to make 3,321 files), else ruamel.yaml."""
    try:
        import yaml

        return lambda data, stream: yaml.dump(data, stream, Dumper=yaml.CSafeDumper, allow_unicode=True,
                                              sort_keys=False)
    except (ImportError, AttributeError):
        from ruamel.yaml import YAML

        emitter = YAML(typ="safe", pure=True)
        emitter.allow_unicode = True
        emitter.default_flow_style = False
        return emitter.dump


class TreeSampler(threading.Thread):
    """Peak RSS of a process and its children, read from /proc (Linux only)."""

    def __init__(self, pid: int, interval: float = 0.02):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.parent = self.worker = self.total = 0
        self.running = True

    def run(self) -> None:
        while self.running:
            parent = _rss(self.pid)
            children = [_rss(child) for child in _children(self.pid)]
            self.parent = max(self.parent, parent)
            self.worker = max([self.worker, *children])
            self.total = max(self.total, parent + sum(children))
            time.sleep(self.interval)


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as children:
            return [int(child) for child in children.read().split()]
    except OSError:
        return []


def environment(folder: Path) -> dict:
    """As after an install: bytecode written and read; drafter's cache folder in ``folder``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["DRAFTER_CACHE_DIR"] = str(folder / "cache")
    return env


def warm(folder: Path) -> None:
    """What a user's earlier runs left: bytecode and the cache folder filled (drafter.cache)."""
    env = environment(folder)
    for args in (["render", str(SAMPLE), "-o", str(folder / "warm.docx"), "--force"], ["templates", "check", "tong-hop"]):
        subprocess.run(drafter_command() + args, cwd=ROOT, env=env, capture_output=True)


def run_process(command: list[str], log: Path) -> dict:
    """Run ``command`` as the user would, sampling its process tree: wall and CPU time, peaks."""
    env = environment(log.parent)
    with open(log, "wb") as out_stream, open(log.with_suffix(".err"), "wb") as err_stream:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out_stream, stderr=err_stream)
        sampler = TreeSampler(process.pid)
        sampler.start()
        # wait4 gives the usage of this child and its workers only, not of the input maker
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    sampler.running = False
    sampler.join()
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "max": usage.ru_maxrss * 1024,
            "parent": sampler.parent, "worker": sampler.worker, "total": sampler.total,
            "code": os.waitstatus_to_exitcode(status), "stdout": log.read_bytes(),
            "stderr": log.with_suffix(".err").read_bytes()}


def machine_line() -> str:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from render_vs_docxtpl import machine

    return f"machine: {machine()}; {time.strftime('%Y-%m-%d')}"


def drafter_command() -> list[str]:
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.exists() else [sys.executable, "-m", "drafter"]


_DOCXTPL_BATCH = """
import sys
from pathlib import Path
import yaml
from docxtpl import DocxTemplate
template, out = sys.argv[1], Path(sys.argv[2])
for context_file in sys.argv[3:]:
    with open(context_file, encoding="utf-8") as stream:
        context = yaml.load(stream, Loader=yaml.CSafeLoader)
    document = DocxTemplate(template)
    document.render(context, autoescape=True)
    document.save(out / (Path(context_file).stem + ".docx"))
"""


def marginal(folder: Path, yaml_root: Path, small: int, large: int) -> dict:
    """The cost of one more document, file in and file out, in one process each (--jobs 1):
    drafter's batch of ``small`` then ``large`` of the communes, and docxtpl rendering as many
    documents from their YAML contexts into files, each in a process of its own, alternately."""
    import yaml

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from render_vs_docxtpl import build_docxtpl_template

    from drafter import api
    from drafter.inputs import load_report

    files = sorted(yaml_root.rglob("*.yaml"))
    template = folder / "docxtpl-template.docx"
    context = build_docxtpl_template(api.draft(load_report(files[0])), template)
    contexts = folder / "docxtpl-contexts"
    contexts.mkdir()
    for index, file in enumerate(files[:large]):  # one context file per unit, as drafter has one input each
        with open(contexts / f"{file.stem}.yaml", "w", encoding="utf-8") as stream:
            yaml.dump({**context, "number": str(index + 1)}, stream, allow_unicode=True)
    script = folder / "docxtpl_batch.py"
    script.write_text(_DOCXTPL_BATCH, encoding="utf-8")
    result = {}
    for count in (small, large):
        subset = folder / f"subset-{count}"
        subset.mkdir()
        for file in files[:count]:
            os.link(file, subset / file.name) if hasattr(os, "link") else shutil.copy(file, subset / file.name)
        out, tpl_out = folder / f"out-{count}", folder / f"docxtpl-out-{count}"
        tpl_out.mkdir()
        drafter = run_process(drafter_command() + ["batch", str(subset), "-o", str(out), "--jobs", "1"],
                              folder / f"batch-{count}.log")
        docxtpl = run_process([sys.executable, str(script), str(template), str(tpl_out),
                               *sorted(str(p) for p in contexts.glob("*.yaml"))[:count]], folder / f"docxtpl-{count}.log")
        if drafter["code"] != 0 or docxtpl["code"] != 0:
            raise SystemExit(f"a run failed: {drafter['stderr'][-500:]!r} {docxtpl['stderr'][-500:]!r}")
        result[count] = (drafter, docxtpl)
    (d1, t1), (d2, t2) = result[small], result[large]
    more = large - small
    return {"drafter": 1000 * (d2["wall"] - d1["wall"]) / more, "docxtpl": 1000 * (t2["wall"] - t1["wall"]) / more,
            "drafter cpu": 1000 * (d2["cpu"] - d1["cpu"]) / more, "docxtpl cpu": 1000 * (t2["cpu"] - t1["cpu"]) / more,
            "parent small": d1["parent"], "parent large": d2["parent"], "docs": list((folder / f"out-{large}").glob("*.docx"))}


def fsync_cost(folder: Path, documents: list[Path]) -> tuple[float, float]:
    """ms per file to write these documents atomically (temporary file, rename), with and without
    fsync of each file before its rename, alternately, on the output's file system."""
    import tempfile as temp

    blobs = [path.read_bytes() for path in documents]
    times = {True: [], False: []}
    for round_ in range(4):
        for sync in (True, False):
            target = folder / f"fsync-{sync}-{round_}"
            target.mkdir()
            started = time.perf_counter()
            for index, blob in enumerate(blobs):
                handle, name = temp.mkstemp(dir=target, prefix=".x.", suffix=".tmp")
                with os.fdopen(handle, "wb") as stream:
                    stream.write(blob)
                    stream.flush()
                    if sync:
                        os.fsync(stream.fileno())
                os.replace(name, target / f"{index}.docx")
            times[sync].append((time.perf_counter() - started) * 1000 / len(blobs))
    return min(times[True]), min(times[False])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=3321)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--format", default="docx", choices=("docx", "md", "txt"))
    parser.add_argument("--template", default="bao-cao")
    parser.add_argument("--input", default="yaml", choices=("yaml", "excel"))
    parser.add_argument("--marginal", type=int, nargs=2, default=(100, 600), metavar=("SMALL", "LARGE"),
                        help="units of the two --jobs 1 batches whose difference gives the marginal cost")
    parser.add_argument("--no-marginal", action="store_true", help="only the national batch")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--make-inputs", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_inputs:
        for path in make_inputs(args.make_inputs, args.units, args.input == "excel"):
            print(path)
        return 0

    folder = Path(tempfile.mkdtemp(prefix="drafter-batch-"))
    os.environ["DRAFTER_CACHE_DIR"] = str(folder / "cache")  # this process's drafter too: never the user's
    mb = 1024 * 1024
    try:
        started = time.perf_counter()
        # Made in another process: RUSAGE_CHILDREN counts a child's memory from the fork on,
        # so this process must be small when it starts the batch.
        made = subprocess.run([sys.executable, __file__, "--make-inputs", str(folder), "--units", str(args.units),
                               "--input", args.input], check=True, capture_output=True, text=True)
        inputs = [Path(line) for line in made.stdout.splitlines() if line.strip()]
        print(machine_line())
        print(f"inputs: {args.units} units as {args.input} in {time.perf_counter() - started:.1f} s ({folder})")
        print(f"load average before (other work on this machine): {os.getloadavg()[0]:.2f}")
        out = folder / "ket-qua"
        warm(folder)
        run = run_process(drafter_command() + ["batch", *map(str, inputs), "-o", str(out), "--jobs", str(args.jobs),
                                               "--template", args.template, "--format", args.format],
                          folder / "batch.log")
        written = len(list(out.glob(f"*.{args.format}")))
        wall, cpu = run["wall"], run["cpu"]
        print(f"exit code: {run['code']}")
        print(f"documents written: {written} ({args.format}, template {args.template}, --jobs {args.jobs}, "
              f"{os.cpu_count()} CPUs)")
        print(f"wall time, whole process (drafter batch, files in and out): {wall:.2f} s   (target under 8 s)")
        print(f"documents per second: {written / wall:.1f}")
        print(f"CPU time of the batch (all processes): {cpu:.1f} s, {1000 * cpu / max(written, 1):.1f} ms per document; "
              f"on {args.jobs} otherwise idle cores that is {cpu / args.jobs:.1f} s")
        print(f"load average at the end: {os.getloadavg()[0]:.2f}")
        print(f"peak RSS, batch parent process: {run['parent'] / mb:.0f} MB")
        print(f"peak RSS, largest worker: {run['worker'] / mb:.0f} MB")
        print(f"peak RSS, whole batch process tree (sum): {run['total'] / mb:.0f} MB")
        print(f"max RSS of any batch process (wait4 rusage of the batch): {run['max'] / mb:.0f} MB")
        if run["code"] not in (0, 1):
            sys.stderr.write(run["stderr"].decode("utf-8", "replace")[-2000:])
        tail = run["stdout"].decode("utf-8", "replace").strip().splitlines()[-1:]
        print(f"batch said: {tail[0] if tail else ''}")
        if not args.no_marginal and args.input == "yaml" and args.format == "docx" and args.template == "bao-cao":
            small, large = args.marginal
            cost = marginal(folder, inputs[0], small, large)
            print(f"marginal cost of one more document, whole processes, --jobs 1 ({small} then {large} units):")
            print(f"  drafter batch:  {cost['drafter']:6.2f} ms wall, {cost['drafter cpu']:6.2f} ms CPU")
            print(f"  docxtpl:        {cost['docxtpl']:6.2f} ms wall, {cost['docxtpl cpu']:6.2f} ms CPU")
            if min(cost["drafter"], cost["drafter cpu"]) <= 0:
                print("  ratio: the two batches are too close in size to tell (use --marginal 100 600)")
            else:
                print(f"  ratio docxtpl/drafter: {cost['docxtpl'] / cost['drafter']:.1f}x wall, "
                      f"{cost['docxtpl cpu'] / cost['drafter cpu']:.1f}x CPU   (target at least 7x)")
            print(f"  batch parent peak RSS: {cost['parent small'] / mb:.0f} MB for {small} units, "
                  f"{cost['parent large'] / mb:.0f} MB for {large} (--jobs 1), "
                  f"{run['parent'] / mb:.0f} MB for {written} (--jobs {args.jobs})")
            synced, unsynced = fsync_cost(folder, cost["docs"])
            print(f"  atomic write of one document: {synced:.2f} ms with fsync, {unsynced:.2f} ms without "
                  f"(drafter keeps the fsync: see output/files.py)")
        return 0 if run["code"] == 0 and written == args.units else 1
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
