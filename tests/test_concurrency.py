"""Nothing lost, nothing half-written: two batches into one folder, a full disk, an interrupted write."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from drafter.api import batch as run_batch
from drafter.cli import cli
from drafter.errors import DrafterError
from drafter.output import files as output
from drafter.output.summary import read_summary_csv

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
PROVINCES = [("Hà Nội", "thành phố"), ("Cao Bằng", "tỉnh"), ("Tuyên Quang", "tỉnh"), ("Điện Biên", "tỉnh"),
             ("Lai Châu", "tỉnh"), ("Sơn La", "tỉnh"), ("Lào Cai", "tỉnh"), ("Thái Nguyên", "tỉnh"),
             ("Lạng Sơn", "tỉnh"), ("Quảng Ninh", "tỉnh"), ("Bắc Ninh", "tỉnh"), ("Phú Thọ", "tỉnh"),
             ("Hải Phòng", "thành phố"), ("Hưng Yên", "tỉnh"), ("Ninh Bình", "tỉnh"), ("Thanh Hóa", "tỉnh")]
TEMPLATES = ("bao-cao", "tin-bai")


@pytest.fixture(scope="module")
def units(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("don-vi")
    text = SAMPLE.read_text(encoding="utf-8")
    for index, (name, kind) in enumerate(PROVINCES):
        unit = text.replace("  name: Gia Lai                    #", f"  name: {json.dumps(name, ensure_ascii=False)} #", 1)
        unit = unit.replace("  kind: tỉnh                       #", f"  kind: {kind} #", 1)
        (folder / f"{index:02d}.yaml").write_text(unit, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(units, tmp_path_factory) -> dict[str, bytes]:
    """What one batch alone writes; checked once against the library's own rendering."""
    from drafter import api
    from drafter.inputs import load_report

    out = tmp_path_factory.mktemp("mau")
    result = run_batch([units], out, TEMPLATES, jobs=1)
    assert result.exit_code == 0
    files = {p.name: p.read_bytes() for p in out.glob("*.docx")}
    assert len(files) == len(PROVINCES) * len(TEMPLATES)
    report = load_report(units / "00.yaml")
    assert files["thanh-pho-ha-noi-2026-bao-cao.docx"] == api.render(report, "bao-cao", "docx")
    return files


def two_batches(units: Path, out: Path, first: list[str], second: list[str]) -> list[subprocess.CompletedProcess]:
    """Start both at once, so that they read, plan and write over each other."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "DRAFTER_LANG": "vi"}
    command = [sys.executable, "-m", "drafter", "batch", str(units), "-o", str(out), "--jobs", "2",
               "-t", TEMPLATES[0], "-t", TEMPLATES[1]]
    processes = [subprocess.Popen(command + extra, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
                 for extra in (first, second)]
    done = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, stdout.decode(), stderr.decode()))
    return done


def assert_intact(out: Path, reference: dict[str, bytes], runs: list[subprocess.CompletedProcess]) -> None:
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([*reference, "summary.csv", "summary.xlsx"]), "a temporary or stray file is left"
    for name, expected in reference.items():
        data = (out / name).read_bytes()
        assert data == expected, f"{name} differs from a lone rendering"
        docx.Document(io.BytesIO(data))
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    rows = read_summary_csv(out / "summary.csv")
    assert len(rows) == len(reference)  # whole, not a mix of the two runs' summaries
    for run in runs:
        text = run.stdout + run.stderr
        assert run.returncode in (0, 1), text
        assert "Traceback" not in text and "Lỗi nội bộ" not in text, text
        # the only thing a run may lose is the race to create a file, which it then reports
        assert not any(code in text for code in ("E502", "E603", "E604", "E605")), text


@pytest.mark.parametrize(("first", "second"), [(["--force"], []), (["--skip-existing"], ["--skip-existing"])],
                         ids=["force-and-plain", "both-skip-existing"])
def test_two_batches_into_one_folder_do_not_corrupt_each_other(units, reference, tmp_path, first, second):
    for round_ in range(2):  # the second round meets files that are already there
        out = tmp_path / "ket-qua"
        runs = two_batches(units, out, first, second)
        assert_intact(out, reference, runs)
        if "--force" in first:
            assert runs[0].returncode == 0, runs[0].stdout + runs[0].stderr


def test_a_temporary_file_taken_by_another_run_is_written_again(tmp_path, monkeypatch):
    """What happens when another batch's clean-up of stale temporary files takes ours mid-write."""
    real_fsync, taken = os.fsync, []

    def fsync_then_vanish(fd):
        real_fsync(fd)
        if not taken:
            (temp,) = tmp_path.glob(".*.tmp")
            temp.unlink()
            taken.append(temp)

    monkeypatch.setattr(output.os, "fsync", fsync_then_vanish)
    output.write_atomic(tmp_path / "a.docx", b"noi dung")
    assert taken and (tmp_path / "a.docx").read_bytes() == b"noi dung"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


# ------------------------------------------------------------------ a full disk


@pytest.fixture(autouse=True)
def vietnamese(monkeypatch):
    monkeypatch.setenv("DRAFTER_LANG", "vi")  # the messages checked here are the Vietnamese ones


def _no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("force", [False, True])
def test_a_full_disk_is_a_clear_error_and_leaves_nothing(tmp_path, monkeypatch, force):
    monkeypatch.setattr(output.os, "fsync", _no_space)
    with pytest.raises(DrafterError) as raised:
        output.write_atomic(tmp_path / "bao-cao.docx", b"x" * 1000, force=force)
    (problem,) = raised.value.problems
    assert problem.code == "E609" and "ổ đĩa đã đầy" in problem.render()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
def test_writing_to_dev_full_is_a_clear_error_through_the_cli(tmp_path, monkeypatch):
    """A real ENOSPC from the kernel: the draft's bytes go to /dev/full instead of the temporary file."""
    real_fdopen = os.fdopen

    def full(handle, mode="r", *args, **kwargs):
        os.close(handle)
        return real_fdopen(os.open("/dev/full", os.O_WRONLY), mode, *args, **kwargs)

    monkeypatch.setattr(output.os, "fdopen", full)
    target = tmp_path / "bao-cao.docx"
    result = CliRunner().invoke(cli, ["render", str(SAMPLE), "-o", str(target)])
    assert result.exit_code == 1, result.output
    assert f"{target}: lỗi E609" in result.output and "ổ đĩa đã đầy" in result.output and "Sửa:" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_write_leaves_nothing(tmp_path, monkeypatch):
    def interrupt(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", interrupt)
    result = CliRunner().invoke(cli, ["render", str(SAMPLE), "-o", str(tmp_path / "bao-cao.docx")])
    assert result.exit_code == 130
    assert "Đã dừng theo yêu cầu" in result.output
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ every way a run can be stopped
# However a run ends (SIGTERM from `timeout` or a service manager, Ctrl-C, SIGHUP, the parent killed
# alone, a helper that hangs and leaves a child behind), no worker, no LibreOffice, and no temporary
# file or folder is left. LibreOffice is played by a script that hangs and starts a child of its own.

HANGING_OFFICE = """#!/bin/sh
sleep 300 &
echo "$$ $!" >> "$DRAFTER_TEST_PIDS"
sleep 300
"""


def _run_env(tmp_path: Path, marker: str) -> dict:
    office = tmp_path / "soffice"
    office.write_text(HANGING_OFFICE, encoding="utf-8")
    office.chmod(0o755)
    (tmp_path / "tmp").mkdir()
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "DRAFTER_LANG": "vi",
            "DRAFTER_SOFFICE": str(office), "DRAFTER_TEST_PIDS": str(tmp_path / "pids"), "TMPDIR": str(tmp_path / "tmp"),
            "DRAFTER_PDF_TIMEOUT": "120", "DRAFTER_TEST_RUN": marker}


def _started(tmp_path: Path, conversions: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        pids = tmp_path / "pids"
        if pids.exists() and len(pids.read_text().split()) >= 2 * conversions:
            return
        time.sleep(0.1)
    raise AssertionError("LibreOffice (the hanging script) was never started")


def _left_behind(marker: str) -> list[str]:
    """Processes of the run still alive (a zombie is dead: only its exit status is left)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if f"DRAFTER_TEST_RUN={marker}".encode() in (entry / "environ").read_bytes():
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    alive.append(f"{entry.name} {(entry / 'cmdline').read_bytes()[:80]!r} {state}")
        except OSError:
            continue
    return alive


def _assert_clean(tmp_path: Path, marker: str, out: Path | None = None) -> None:
    deadline = time.monotonic() + 10
    while _left_behind(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _left_behind(marker), _left_behind(marker)
    assert list((tmp_path / "tmp").iterdir()) == [], "a temporary folder is left"
    if out is not None:
        assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")], "a temporary file is left"


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "vao"
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for index, (name, kind) in enumerate(PROVINCES[:4]):
        unit = text.replace("  name: Gia Lai                    #", f"  name: {json.dumps(name, ensure_ascii=False)} #", 1)
        (folder / f"{index}.yaml").write_text(unit.replace("  kind: tỉnh                       #", f"  kind: {kind} #", 1),
                                              encoding="utf-8")
    return folder


needs_proc = pytest.mark.skipif(not Path("/proc/self/environ").exists() or not hasattr(os, "killpg"),
                                reason="needs Linux's /proc and process groups")


@needs_proc
@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "Ctrl-C", "parent-killed"])
def test_a_stopped_batch_leaves_no_process_and_no_temporary_file(tmp_path, how):
    import signal
    import uuid

    marker = uuid.uuid4().hex
    out = tmp_path / "ra"
    process = subprocess.Popen([sys.executable, "-m", "drafter", "batch", str(_inputs(tmp_path)), "-o", str(out),
                                "--pdf", "--jobs", "2"], env=_run_env(tmp_path, marker), start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _started(tmp_path, 2, process)
    start = time.monotonic()
    if how == "Ctrl-C":
        os.killpg(process.pid, signal.SIGINT)  # what a terminal sends: the whole process group
    elif how == "parent-killed":
        process.kill()  # the parent alone, without a chance to clean up: its workers must
    else:
        process.send_signal(getattr(signal, how))
    stdout, stderr = process.communicate(timeout=60)
    text = (stdout + stderr).decode("utf-8", "replace")
    assert time.monotonic() - start < 10, "stopping took too long"
    assert "Traceback" not in text and "Lỗi nội bộ" not in text, text
    _assert_clean(tmp_path, marker, out)
    if how == "parent-killed":
        return
    assert process.returncode == 128 + {"SIGTERM": 15, "SIGHUP": 1, "Ctrl-C": 2}[how], text
    rows = read_summary_csv(out / "summary.csv")
    assert len(rows) == 8 and any("E603" in row["ly_do"] for row in rows)
    for row in rows:  # a file the summary calls done is there and whole
        if row["trang_thai"] == "xong":
            zipfile.ZipFile(out / row["tep"]).testzip()


# drafter's command line, with Ctrl-C sent to it once, at a moment where Python would raise it
# in code that drops it, or that holds a lock of the process pool.
INTERRUPTED_AT = """
import os, signal, sys

def interrupt(*args):
    if not sent:
        sent.append(True)
        os.kill(os.getpid(), signal.SIGINT)

class Lost:
    def __del__(self):
        interrupt()

def add_done_callback(self, callback, add=None):
    with self._condition:  # a Ctrl-C while the lock of a future the pool has yet to finish is held
        if not self.done():
            interrupt()
        return add(self, callback)

sent, moment = [], sys.argv.pop(1)
from drafter.output import batch

if sys.argv[1] == "rollup":  # its workers read the inputs, however few
    import importlib

    importlib.import_module("drafter.api.rollup").PARALLEL_FROM, os.cpu_count = 1, lambda: 2

if moment == "starting":  # in a __del__ method, which reports an exception as ignored: before the pool
    prepare = batch._prepare_out_dir
    batch._prepare_out_dir = lambda out: (Lost(), prepare(out))[1]
elif moment == "fork":  # in the after-fork hooks, which report an exception as ignored
    os.register_at_fork(after_in_parent=interrupt)
elif moment == "worker-started":  # a worker forked, the pool not yet handed over
    from multiprocessing.process import BaseProcess

    start = BaseProcess.start
    BaseProcess.start = lambda self: (start(self), interrupt())
elif moment == "read":  # in a __del__ method again, the pool at work
    plan = batch._Batch.plan
    batch._Batch.plan = lambda self: (Lost(), plan(self))[1]
else:  # waiting for the pool's chunks (batch._as_completed), holding the lock of a future
    import functools
    from concurrent.futures import Future

    Future.add_done_callback = functools.partialmethod(add_done_callback, add=Future.add_done_callback)
from drafter.cli import main

main()
"""


@needs_proc
@pytest.mark.parametrize("moment", ["starting", "fork", "worker-started", "read", "waiting"])
def test_ctrl_c_at_an_awkward_moment_still_stops_the_batch(tmp_path, moment):
    import signal
    import uuid

    marker = uuid.uuid4().hex
    out = tmp_path / "ra"
    process = subprocess.Popen([sys.executable, "-c", INTERRUPTED_AT, moment, "batch", str(_inputs(tmp_path)), "-o",
                                str(out), "--pdf", "--jobs", "2"], env=_run_env(tmp_path, marker),
                               start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:  # LibreOffice hangs: a Ctrl-C lost, or a stop that hangs, shows as a process still there
        stdout, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
    text = (stdout + stderr).decode("utf-8", "replace")
    assert process.returncode == 130, text
    assert "Traceback" not in text and "Exception ignored" not in text, text
    assert (out / "summary.csv").is_file()
    _assert_clean(tmp_path, marker, out)


@needs_proc
def test_ctrl_c_while_the_workers_of_a_rollup_start_stops_it(tmp_path):
    import signal
    import uuid

    marker = uuid.uuid4().hex
    process = subprocess.Popen([sys.executable, "-c", INTERRUPTED_AT, "worker-started", "rollup", str(_inputs(tmp_path)),
                                "-f", "md"], env=_run_env(tmp_path, marker), start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        stdout, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
    text = (stdout + stderr).decode("utf-8", "replace")
    assert process.returncode == 130 and "Traceback" not in text, text
    _assert_clean(tmp_path, marker)


@needs_proc
@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP"])
def test_a_stopped_render_with_pdf_leaves_no_process_and_no_temporary_file(tmp_path, how):
    import signal
    import uuid

    marker = uuid.uuid4().hex
    out = tmp_path / "ra"
    out.mkdir()
    process = subprocess.Popen([sys.executable, "-m", "drafter", "render", str(SAMPLE), "-o", str(out / "bao-cao.docx"),
                                "--pdf"], env=_run_env(tmp_path, marker), start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _started(tmp_path, 1, process)
    process.send_signal(getattr(signal, how))
    stdout, stderr = process.communicate(timeout=30)
    text = (stdout + stderr).decode("utf-8", "replace")
    assert process.returncode == 128 + getattr(signal, how), text
    assert f"lỗi E615: đã dừng vì nhận tín hiệu {how}" in text and "Sửa:" in text, text
    assert "Traceback" not in text
    _assert_clean(tmp_path, marker, out)
    assert sorted(p.name for p in out.iterdir()) == ["bao-cao.docx"]  # written whole before the PDF began
    zipfile.ZipFile(out / "bao-cao.docx").testzip()


@needs_proc
def test_a_hanging_office_suite_is_stopped_with_its_child(tmp_path):
    import uuid

    marker = uuid.uuid4().hex
    out = tmp_path / "ra"
    env = {**_run_env(tmp_path, marker), "DRAFTER_PDF_TIMEOUT": "2"}
    done = subprocess.run([sys.executable, "-m", "drafter", "batch", str(SAMPLE), "-o", str(out), "--pdf", "--jobs", "1"],
                          env=env, capture_output=True, timeout=60)
    text = (done.stdout + done.stderr).decode("utf-8", "replace")
    assert done.returncode == 1 and "E703" in text and "Traceback" not in text, text
    _assert_clean(tmp_path, marker, out)


@pytest.mark.parametrize(("number", "writing", "code"), [
    (errno.ENAMETOOLONG, True, "E608"), (errno.ENAMETOOLONG, False, "E608"), (errno.ENOSPC, True, "E609"),
    (errno.EDQUOT, True, "E609"), (errno.EFBIG, True, "E609"), (errno.EACCES, True, "E613"), (errno.EROFS, True, "E613"),
    (errno.EMFILE, True, "E616"), (errno.EMFILE, False, "E616"), (errno.EIO, True, "E617"), (errno.EIO, False, "E617"),
    (errno.ENOENT, True, "E502"), (errno.ENOENT, False, "E101"), (errno.EACCES, False, "E101")])
def test_every_kind_of_os_error_has_its_code_and_a_vietnamese_message(number, writing, code):
    from drafter.errors import os_problem

    problem = os_problem(OSError(number, os.strerror(number)), "a.docx", writing=writing)
    assert problem.code == code
    line = problem.render()
    assert line.startswith(f"a.docx: lỗi {code}: ") and " Sửa: " in line
    assert os.strerror(number) not in line, "the message is Vietnamese, not the system's English"
