"""LibreOffice's lifecycle: however a conversion ends, nothing is left running or lying around, and
what LibreOffice hands back is checked before it is accepted.

Each case runs in a child process with its own ``TMPDIR``, so that "nothing left" means that
folder holds no ``drafter-…`` entry and no process mentions it. Stand-in ``soffice`` scripts play
a LibreOffice that hangs or leaves a helper running; the tests marked ``office`` do it with the
real one, through ``drafter render --pdf`` and ``drafter batch --pdf``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.office import (
    MINIMAL_PDF,
    eventually,
    left_in,
    processes_mentioning,
    running,
    session_processes,
    stand_in_soffice,
    stand_in_writing,
)

from drafter.cli import cli
from drafter.errors import DrafterError
from drafter.output import fonts, pdf

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
posix = pytest.mark.skipif(sys.platform == "win32", reason="process groups and stand-in shell scripts")
linux = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads /proc")
office = pytest.mark.skipif(pdf.find_office() is None, reason="LibreOffice (soffice) is not installed")

#: A stand-in that starts a helper and waits for it, as soffice's launcher waits for soffice.bin.
HANGING = 'sleep 300 &\necho $$ $! > "{pids}"\nwait\n'


@pytest.fixture
def any_fonts(monkeypatch):
    monkeypatch.setattr(fonts, "times_substitutes", lambda: None)


# --------------------------------------------------------------- what LibreOffice hands back


@posix
@pytest.mark.parametrize(("data", "reason"), [
    (b"", "tệp rỗng"),
    (b"<html><body>Error</body></html>", "không phải tệp PDF"),
    (MINIMAL_PDF[:120], "bị cắt cụt"),
])
def test_what_is_not_a_whole_pdf_is_refused(tmp_path, monkeypatch, any_fonts, data, reason):
    monkeypatch.setenv("DRAFTER_SOFFICE", str(stand_in_writing(tmp_path, data)))
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK")
    with pytest.raises(DrafterError) as caught:
        pdf.docx_to_pdf(source)
    problem = caught.value.problems[0]
    assert problem.code == "E707" and reason in problem.message, problem.render()
    assert not source.with_suffix(".pdf").exists()


@posix
def test_render_pdf_says_why_and_writes_no_pdf(tmp_path, monkeypatch, any_fonts):
    monkeypatch.setenv("DRAFTER_LANG", "vi")
    monkeypatch.setenv("DRAFTER_SOFFICE", str(stand_in_writing(tmp_path, MINIMAL_PDF[:-20])))
    out = tmp_path / "bao-cao.docx"
    result = CliRunner().invoke(cli, ["render", str(SAMPLE), "-o", str(out), "--pdf"])
    assert result.exit_code == 1 and "E707" in result.output and "cắt cụt" in result.output, result.output
    assert "Traceback" not in result.output and not out.with_suffix(".pdf").exists()


@posix
def test_a_helper_left_running_is_ended_and_does_not_hold_the_conversion(tmp_path, monkeypatch, any_fonts):
    pids = tmp_path / "helper.pid"
    # writes the PDF, leaves a helper running with the launcher's output, and exits 0
    script = stand_in_writing(tmp_path, MINIMAL_PDF, after=f'sleep 300 &\necho $! > "{pids}"\nexit 0\n')
    monkeypatch.setenv("DRAFTER_SOFFICE", str(script))
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK")
    start = time.monotonic()
    assert pdf.docx_to_pdf(source, timeout=60).read_bytes() == MINIMAL_PDF
    assert time.monotonic() - start < 30, "the helper held the conversion open"
    assert not running(int(pids.read_text())), "the helper LibreOffice left behind still runs"


# --------------------------------------------------------------- the process that converts dies


CONVERT = """
import sys
from drafter.output import fonts, pdf
fonts.times_substitutes = lambda: None
if sys.argv[2] == "raise":
    pdf.raise_on_sigterm()
pdf.docx_to_pdf(sys.argv[1], timeout=300)
"""

WORKER = """
import multiprocessing, sys
from drafter.output import fonts, pdf

def work(source):
    pdf.end_with_parent()
    fonts.times_substitutes = lambda: None
    pdf.docx_to_pdf(source, timeout=300)

worker = multiprocessing.get_context("fork").Process(target=work, args=(sys.argv[1],))
worker.start()
print(worker.pid, flush=True)
worker.join()
"""


def _environment(tmp_path: Path, soffice: Path) -> dict[str, str]:
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    return {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp), "DRAFTER_SOFFICE": str(soffice),
            "DRAFTER_LANG": "vi"}


def _wait_for(path: Path, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists() or not path.read_text().strip():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the stand-in never started"
        time.sleep(0.05)


def _assert_nothing_left(tmp_path: Path, pids: list[int]) -> None:
    for pid in pids:
        assert not running(pid, wait=15), f"process {pid} still running"
    assert not eventually(lambda: left_in(tmp_path / "tmp")), f"left behind: {left_in(tmp_path / 'tmp')}"


@posix
@pytest.mark.parametrize(("how", "mode"), [
    (signal.SIGINT, "plain"),     # Ctrl-C
    (signal.SIGTERM, "plain"),    # timeout(1), a service manager: Python's default is to die at once
    (signal.SIGTERM, "raise"),    # the same with raise_on_sigterm: finally blocks run
    (signal.SIGKILL, "plain"),    # the converting process killed alone
], ids=["ctrl-c", "sigterm", "sigterm-raised", "sigkill"])
def test_however_the_converting_process_ends_nothing_is_left(tmp_path, how, mode):
    pids = tmp_path / "pids"
    env = _environment(tmp_path, stand_in_soffice(tmp_path, HANGING.format(pids=pids)))
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK")
    process = subprocess.Popen([sys.executable, "-c", CONVERT, str(source), mode], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for(pids, process)
        process.send_signal(how)  # this process alone, not its group
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    process.stdout.close()
    process.stderr.close()
    if mode == "raise":
        assert process.returncode == 143
    _assert_nothing_left(tmp_path, [int(pid) for pid in pids.read_text().split()])
    assert not source.with_suffix(".pdf").exists()


#: Converts with a hanging stand-in again and again, Ctrl-C delivered each time at the next of the
#: points where Python looks for a pending signal (a function starting, a C call returning):
#: counted from the call of docx_to_pdf ("start", every STRIDE-th point, the profile and guard made
#: afresh each time) or from the moment LibreOffice runs and its guard knows it ("wait", every
#: point). The conversion must raise KeyboardInterrupt at once and leave no LibreOffice running;
#: what this process's exit would do (stop_conversions) leaves nothing at all; afterwards a
#: conversion still works.
INTERRUPTED_ANYWHERE = """
import faulthandler, gc, os, signal, sys, tempfile, time
from pathlib import Path
from drafter.output import fonts, pdf
from support.office import MINIMAL_PDF, eventually, left_in, processes_mentioning, stand_in_writing

fonts.times_substitutes = lambda: None
signal.signal(signal.SIGINT, signal.default_int_handler)  # as a program started from a terminal has it
source, start, points, stride = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
temp = tempfile.gettempdir()
for point in range(0, points, stride):
    faulthandler.dump_traceback_later(30, exit=True)  # stuck: show where, and end
    seen = {"counting": False, "count": 0, "sent": False, "waiting": False}

    def interrupt(frame, event, arg):
        waits = event == "return" and frame.f_code is pdf._guard_tell.__code__  # LibreOffice runs, guarded
        if not seen["counting"]:
            seen["counting"] = waits or start == "start" and event == "call" and frame.f_code is pdf.docx_to_pdf.__code__
        elif event in ("call", "c_return") or waits and start == "start":
            seen["waiting"] = waits  # "start" ends where "wait" begins
            if seen["count"] == point or seen["waiting"]:
                sys.setprofile(None)
                seen["sent"] = True
                signal.raise_signal(signal.SIGINT)
            seen["count"] += 1

    # Python drops an exception raised in a finalizer ("Exception ignored in"), and the Popen of the
    # round before, kept in a cycle by its traceback, would be finalized at a random moment
    gc.collect()
    gc.disable()
    began = time.monotonic()
    sys.setprofile(interrupt)
    try:
        pdf.docx_to_pdf(source, timeout=300)
    except KeyboardInterrupt:
        pass
    else:
        sys.exit(f"point {point}: the conversion ended without the interrupt")
    finally:
        sys.setprofile(None)
        gc.enable()
    assert seen["sent"], f"point {point}: the interrupt was never delivered"
    assert time.monotonic() - began < 20, f"point {point}: the interrupt took {time.monotonic() - began:.0f} s"
    guards = {guard.pid for guard in pdf._guards.values()}
    assert not eventually(lambda: set(processes_mentioning(temp)) - guards, 10), f"point {point}: LibreOffice runs"
    if start == "start":
        pdf.stop_conversions()
        assert not eventually(lambda: processes_mentioning(temp) or left_in(Path(temp)), 10), f"point {point}: left"
        if seen["waiting"]:
            break
faulthandler.cancel_dump_traceback_later()
os.environ["DRAFTER_SOFFICE"] = str(stand_in_writing(source.parent, MINIMAL_PDF))
assert pdf.docx_to_pdf(source, timeout=60).read_bytes() == MINIMAL_PDF
"""
#: A stand-in whose helper names the profile folder, as soffice.bin does: seen if it is left running.
HANGING_NAMED = 'sh -c "sleep 300; :" helper "$@" &\necho $$ $! > "{pids}"\nwait\n'


@posix
@linux
@pytest.mark.parametrize(("start", "points", "stride"), [("wait", 40, 1), ("start", 10_000, 7)])
def test_ctrl_c_wherever_it_lands_stops_the_conversion(tmp_path, start, points, stride):
    # The load-only failure of ctrl-c above, made certain: Popen.wait(timeout=...) takes a lock of
    # the Popen one step before the try that releases it; a Ctrl-C there left it held, and the
    # cleanup's Popen.wait() waited for it forever (drafter.output.children).
    env = _environment(tmp_path, stand_in_soffice(tmp_path, HANGING_NAMED.format(pids=tmp_path / "pids")))
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "tests")])
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK")
    process = subprocess.Popen([sys.executable, "-c", INTERRUPTED_ANYWHERE, str(source), start, str(points),
                                str(stride)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        _, errors = process.communicate(timeout=300)
    finally:  # whatever the test found, it leaves none of the processes it started running
        if process.poll() is None:
            process.kill()
            process.communicate()
        for pid in session_processes(process.pid) + processes_mentioning(str(tmp_path)):
            os.kill(pid, signal.SIGKILL)
    assert process.returncode == 0, errors
    assert not eventually(lambda: left_in(tmp_path / "tmp")), f"left behind: {left_in(tmp_path / 'tmp')}"


#: SIGTERM made SystemExit (raise_on_sigterm) just as subprocess.run's wait for fc-match took its lock.
STOPPED_IN_FONT_CHECK = """
import faulthandler, signal, sys
from drafter.output import fonts, pdf

pdf.raise_on_sigterm()
faulthandler.dump_traceback_later(30, exit=True)

def stop(frame, event, arg):
    if event == "c_return" and frame.f_code.co_name == "_wait" and getattr(arg, "__name__", "") == "acquire":
        sys.setprofile(None)
        signal.raise_signal(signal.SIGTERM)

sys.setprofile(stop)
fonts.times_substitutes()
sys.exit("the font check ended without the stop")
"""


@posix
def test_a_stop_during_the_font_check_ends_the_process(tmp_path):
    fc_bin = tmp_path / "fc-bin"
    fc_bin.mkdir()
    stand_in_soffice(fc_bin, "printf 'Liberation Serif\\t/fonts/a.ttf\\t20-7e'\n", name="fc-match")
    env = {**_environment(tmp_path, Path("/nowhere")), "PATH": f"{fc_bin}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run([sys.executable, "-c", STOPPED_IN_FONT_CHECK], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 143, done.stderr


@posix
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_worker_ends_with_its_parent_and_takes_libreoffice_with_it(tmp_path):
    pids = tmp_path / "pids"
    env = _environment(tmp_path, stand_in_soffice(tmp_path, HANGING.format(pids=pids)))
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK")
    parent = subprocess.Popen([sys.executable, "-c", WORKER, str(source)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    worker = None
    try:
        worker = int(parent.stdout.readline())
        _wait_for(pids, parent)
        parent.kill()  # the batch process killed alone; its worker is not signalled
        parent.wait(timeout=30)
        _assert_nothing_left(tmp_path, [worker, *(int(pid) for pid in pids.read_text().split())])
    finally:  # whatever the test found, it leaves none of the processes it started running
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        parent.stdout.close()
        if worker is not None and running(worker, wait=0):
            os.kill(worker, signal.SIGKILL)


@posix
@linux
def test_the_guard_ends_a_libreoffice_it_was_never_told_of_with_its_children(tmp_path):
    # seen under load in a stopped batch: a worker killed between starting LibreOffice and telling
    # its guard; the guard found the launcher by its command line, killed it alone, and the
    # launcher's child (which does not name the folder) lived on
    folder = tmp_path / "tmp" / "drafter-guarded"  # the guard removes it at the end
    folder.mkdir(parents=True)
    pids = tmp_path / "pids"
    launcher = subprocess.Popen(["sh", "-c", f'sleep 300 & echo $$ $! > "{pids}"; wait', str(folder)],
                                start_new_session=True)
    guard = subprocess.Popen([sys.executable, "-I", "-S", "-c", pdf._GUARD, str(folder)],
                             stdin=subprocess.PIPE, text=True)
    started = []
    try:
        _wait_for(pids, launcher)
        started = [int(pid) for pid in pids.read_text().split()]
        guard.stdin.close()  # the process it guards is gone, having registered nothing
        guard.wait(timeout=30)
        launcher.wait(timeout=30)
        _assert_nothing_left(tmp_path, started)
    finally:
        for pid in started:
            if running(pid, wait=0):
                os.kill(pid, signal.SIGKILL)
        if launcher.poll() is None:
            launcher.kill()
            launcher.wait()


# --------------------------------------------------------------- with the real LibreOffice


def _real_run(tmp_path: Path, arguments: list[str], how: signal.Signals) -> None:
    """Start ``drafter …`` (as its own group, as a shell would), wait until LibreOffice runs, signal
    drafter's process alone, then check that no LibreOffice and no folder of it remain."""
    env = _environment(tmp_path, Path(pdf.find_office()))
    temp = env["TMPDIR"]
    process = subprocess.Popen([sys.executable, "-m", "drafter", *arguments], env=env, cwd=tmp_path,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not processes_mentioning(temp):
            assert process.poll() is None, "drafter ended before LibreOffice started"
            assert time.monotonic() < deadline, "LibreOffice never started"
            time.sleep(0.05)
        process.send_signal(how)
        process.wait(timeout=120)
        assert not eventually(lambda: processes_mentioning(temp), 15), "LibreOffice or its guard still runs"
        assert not eventually(lambda: left_in(Path(temp))), f"left behind: {left_in(Path(temp))}"
        assert not list(tmp_path.rglob("*.pdf.tmp")) and not list(tmp_path.rglob(".*.tmp"))
    finally:  # whatever the test found, it leaves none of the processes it started running
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid in session_processes(process.pid):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.office
@office
@linux
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["ctrl-c", "sigterm", "sigkill"])
def test_render_pdf_interrupted_leaves_nothing(tmp_path, how):
    _real_run(tmp_path, ["render", str(SAMPLE), "-o", str(tmp_path / "bao-cao.docx"), "--pdf"], how)


@pytest.mark.office
@office
@linux
@pytest.mark.parametrize("how", [
    signal.SIGINT,
    # Killed without a word, the batch process must not leave its pool workers waiting on a queue
    # that nothing writes to any more: they end with it (drafter.output.workers asks the kernel
    # for a signal when their parent dies), and so do their LibreOffice guards.
    signal.SIGTERM,
], ids=["ctrl-c", "sigterm"])
def test_batch_pdf_interrupted_leaves_nothing(tmp_path, how):
    _real_run(tmp_path, ["batch", str(ROOT / "samples"), "-o", str(tmp_path / "ket-qua"), "--pdf", "--jobs", "2"],
              how)
