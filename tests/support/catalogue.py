"""The harness of the bad-input catalogues (tests/test_bad_inputs.py, tests/test_injection.py).

Every case runs ``python -m drafter`` in a child process limited to :data:`MEMORY` of address
space, and must end within :data:`LIMIT` seconds (the child is killed at :data:`TIMEOUT`, a hang);
cases run two at a time. A case passes when the command line answers as the README promises: a
located Vietnamese message with its fix, exit 1 (2 for a wrong command), no traceback, no
"internal error", no control character on the terminal, and the output folder exactly as it was
(no draft, no temporary file).
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent.parent
LIMIT = 10  # seconds a case may take: the bound
TIMEOUT = 30  # seconds before the child is killed as hung
MEMORY = 500 << 20  # bytes of address space: the bound

# ``python -c`` rather than preexec_fn: the limit is set inside the child, so running cases from
# threads is safe. Apart from the limit this is exactly ``python -m drafter``.
LAUNCH = (f"import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_AS, ({MEMORY}, {MEMORY})); "
          "sys.argv[0] = 'drafter'; runpy.run_module('drafter', run_name='__main__', alter_sys=True)")


@dataclass
class Case:
    id: str
    content: bytes | None = None  # the input file's bytes, or
    build: Callable[[Path], Path] | None = None  # make the input (or anything) in the folder
    code: str = ""
    where: str = ""  # after the file name: ":13:3", "!Số liệu!D4", "" for the file itself
    also: tuple[str, ...] = ()  # more text the message must have
    command: str = "render"  # render, validate, batch or "usage"
    args: Callable[[Path, Path], list[str]] | None = None  # (input, out folder) -> argv
    exit: int = 1
    suffix: str = ".yaml"
    keep: tuple[str, ...] = ()  # files that were in the output folder before and must stay
    skip: str = ""
    #: (input, out folder) -> the place the message must start with, when it is not the input's
    at: Callable[[Path, Path], str] | None = None


@dataclass
class Result:
    exit: int
    stdout: str
    stderr: str
    seconds: float
    input: Path
    out: Path
    before: dict[str, bytes] = field(default_factory=dict)


def run_cli(args: list[str], cwd: Path, timeout: float = TIMEOUT) -> tuple[int | None, str, str, float]:
    """Run drafter in a child limited in memory and time: (exit, stdout, stderr, seconds).

    Going over the memory limit shows as MemoryError, which drafter reports as E614, and the
    cases refuse; going over the time limit gives exit None.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "DRAFTER_LANG": "vi"}
    env.pop("DRAFTER_DEBUG", None)
    start = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-c", LAUNCH, *args], capture_output=True, cwd=cwd, env=env,
                              stdin=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", f"quá {timeout} giây", time.monotonic() - start
    return (done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"),
            time.monotonic() - start)


def _prepare(case: Case, base: Path) -> tuple[list[str], Path, Path, dict[str, bytes]]:
    folder = base / case.id
    source, out = folder / "vao", folder / "ra"
    source.mkdir(parents=True)
    out.mkdir()
    if case.build:
        path = case.build(source)
    else:
        path = source / f"so-lieu{case.suffix}"
        path.write_bytes(case.content or b"")
    (out / "ghi-chu.txt").write_text("một tệp có sẵn\n", encoding="utf-8")  # must survive every case
    (out / "bao-cao.docx").write_bytes(b"ban cu") if "bao-cao.docx" in case.keep else None
    if case.args:
        args = case.args(path, out)
    elif case.command == "batch":
        args = ["batch", str(path), "-o", str(out), "--jobs", "1"]
    elif case.command == "validate":
        args = ["validate", str(path)]
    else:
        args = ["render", str(path), "-o", str(out / "bao-cao.docx")]
    return args, path, out, _contents(out)


def _contents(folder: Path) -> dict[str, bytes]:
    """Each entry's bytes; for a link its target, for a FIFO or a folder its kind."""
    return {p.name: (p.read_bytes() if p.is_file() and not p.is_symlink() else os.readlink(p).encode()
                     if p.is_symlink() else b"<" + oct(stat.S_IFMT(p.lstat().st_mode)).encode() + b">")
            for p in folder.iterdir()}


def run_all(cases: list[Case], base: Path) -> dict[str, Result]:
    todo = [case for case in cases if not case.skip]
    prepared = {case.id: _prepare(case, base) for case in todo}
    with ThreadPoolExecutor(2) as pool:
        runs = dict(zip(prepared, pool.map(lambda item: run_cli(item[0], base), prepared.values())))
    for path in base.rglob("*"):  # let pytest clean up what a case locked
        if not path.is_symlink() and path.exists():
            path.chmod(path.stat().st_mode | stat.S_IRWXU)
    return {key: Result(*runs[key], input=prepared[key][1], out=prepared[key][2], before=prepared[key][3])
            for key in runs}


def check_case(case: Case, result: Result, where: str = "") -> str:
    """Assert the promise of the README for one case; returns its located message line."""
    output = result.stdout + result.stderr
    assert result.exit == case.exit, output
    assert "Traceback" not in output and "Lỗi nội bộ" not in output, output
    assert "\x1b" not in output and "\x07" not in output, "a control character reached the terminal"
    assert result.seconds < LIMIT, f"took {result.seconds:.1f} s"
    # the output folder holds exactly what it held before (and the summaries for batch): no draft, no temp
    after = _contents(result.out)
    if case.command == "batch":
        after.pop("summary.csv", None)
        after.pop("summary.xlsx", None)
    assert after == result.before, sorted(after)
    if case.exit == 2:
        assert "Usage:" in output or "Cách dùng" in output
        return ""
    place = case.at(result.input, result.out) if case.at else str(result.input) + where
    located = re.compile(rf"^{re.escape(place)}: lỗi {case.code}\b.*[.?] Sửa: \S.*$", re.M)
    if case.code in ("E501", "E502") and not case.at:  # the place of an output problem is the output path
        located = re.compile(rf"^{re.escape(str(result.out))}/\S+: lỗi {case.code}\b.*[.?] Sửa: \S.*$", re.M)
    assert located.search(result.stderr), result.stderr
    line = located.search(result.stderr).group()
    for text in case.also:
        assert text in line, line
    return line
