"""A PDF beside a .docx, made by LibreOffice in headless mode.

Officers send the .docx on for editing and a PDF for reading; the PDF is what an
office suite really lays out, so it also shows that the .docx opens as intended.

How a conversion runs, and why:

- ``soffice --headless --convert-to pdf`` in its own process group, with a time limit: a
  stuck LibreOffice is killed with all its children (``oosplash`` starts ``soffice.bin``)
  and reaped, so no zombie and no orphan is left behind. The group is killed after a
  normal exit too: a helper it left running goes with it. Its output goes to a file, not a
  pipe, so such a helper cannot hold the conversion open until the time limit;
- with a LibreOffice profile of this process (``-env:UserInstallation``) in this process's
  own temporary folder: two conversions sharing a profile block each other, and a desktop
  LibreOffice that is already open would otherwise take the job over and return without
  converting. The profile is kept for the process's later conversions (creating one costs
  time) and the folder is removed when the process ends, batch workers included;
- watched by a small guard process (POSIX): this process tells it the process group of each
  running conversion, and when this process ends, however it ends (Ctrl-C, SIGTERM from
  ``timeout`` or a service manager, SIGKILL of this process alone), the guard reads the end of
  its pipe, kills what is still running and removes the folder. Folders of processes that
  died before their guard started are removed by the next conversion (the pid is in the name);
- from a copy with an ASCII name, so that a file name with Vietnamese letters cannot be
  garbled by a non-UTF-8 locale; what LibreOffice hands back is checked (a PDF header, an
  end-of-file marker, a cross-reference) before it reaches its place through
  :func:`drafter.output.files.write_atomic`: never half a PDF, no overwrite without ``force``.

For the callers that own the process (the CLI, the batch): :func:`stop_conversions` kills
running conversions and removes the folder now; :func:`raise_on_sigterm` makes SIGTERM end
the main thread with ``SystemExit(143)`` so that every ``finally`` runs; :func:`end_with_parent`,
in a batch worker, ends the worker when the batch process is killed alone.

>>> pdf_path("ket-qua/bao-cao.docx").as_posix()
'ket-qua/bao-cao.pdf'
>>> check_pdf(b"%PDF-1.7\\n1 0 obj<<>>endobj\\nstartxref\\n9\\n%%EOF\\n"), check_pdf(b"")
(None, 'tệp rỗng')
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from multiprocessing import util
from pathlib import Path

# Imported here, not where used: a Ctrl-C that lands in an import (its module lock's weakref
# callback) is reported as ignored and lost, and the conversion ran on as if none had come.
from drafter.errors import DrafterError, Problem
from drafter.output.children import end_group, wait
from drafter.output.files import write_atomic
from drafter.output.fonts import check_fonts
from drafter.output.workers import stops_deferred

#: Seconds one conversion may take; a two-page report takes about one second.
DEFAULT_TIMEOUT = 180.0
#: Where the installers put soffice when it is not on PATH (Windows, macOS).
_USUAL_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
_FOLDER_PREFIX = "drafter-lo-"
_POSIX = hasattr(os, "killpg")

_lock = threading.Lock()  # one conversion at a time per profile
_jobs = itertools.count(1)


def find_office() -> str | None:
    """The LibreOffice program: ``DRAFTER_SOFFICE``, then PATH, then the usual install places."""
    given = os.environ.get("DRAFTER_SOFFICE")
    if given:
        return given if Path(given).is_file() or shutil.which(given) else None
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((place for place in _USUAL_PLACES if Path(place).is_file()), None)


def require_office() -> str:
    """The program, or :class:`DrafterError`: E701 saying how to install it, E706 when the font
    LibreOffice would use for Times New Roman lacks Vietnamese letters (:mod:`drafter.output.fonts`)."""
    office = find_office()
    if office is None:
        raise DrafterError([Problem("E701", "--pdf")])
    check_fonts()
    return office


def pdf_path(docx: Path | str) -> Path:
    return Path(docx).with_suffix(".pdf")


def timeout_seconds() -> float:
    try:
        return max(1.0, float(os.environ.get("DRAFTER_PDF_TIMEOUT", "")))
    except ValueError:
        return DEFAULT_TIMEOUT


def check_pdf(data: bytes) -> str | None:
    """Why ``data`` is not a whole PDF (in Vietnamese, for E707), or None when it looks whole.

    A structural check, not a parse: the header, and at the end the cross-reference offset and
    the end-of-file marker that a PDF cut short lacks. A full parse would need a PDF library for
    a file that poppler, Word and every viewer read anyway once it is whole.
    """
    if not data:
        return "tệp rỗng"
    if not data.lstrip(b"\x00\t\n\r ")[:5] == b"%PDF-":
        return "không phải tệp PDF (không có dòng đầu %PDF-)"
    tail = data[-2048:]
    if b"%%EOF" not in tail or b"startxref" not in tail:
        return f"tệp PDF bị cắt cụt ({len(data)} byte, thiếu phần kết thúc %%EOF)"
    return None


def docx_to_pdf(source: Path | str, target: Path | str | None = None, force: bool = False,
                timeout: float | None = None) -> Path:
    """Convert ``source`` (.docx) to ``target`` (default: beside it, .pdf); return ``target``.

    Raises :class:`DrafterError`: E701 no LibreOffice, E706 its font lacks Vietnamese letters,
    E702 it failed, E703 it took longer than ``timeout`` seconds (it is killed), E707 what it
    handed back is not a whole PDF, E501/E502 the PDF cannot be written.
    """
    source = Path(source)
    target = pdf_path(source) if target is None else Path(target)
    if target.exists() and not force:
        raise DrafterError([Problem("E501", str(target), found=str(target))])
    office = require_office()
    timeout = timeout_seconds() if timeout is None else timeout
    with _lock:
        folder = _folder()
        work = folder / f"job-{next(_jobs)}"
        try:
            work.mkdir()
            copy = work / "ban-thao.docx"
            try:
                shutil.copyfile(source, copy)
            except OSError as error:
                raise DrafterError([Problem("E101", str(source), extra={"detail": error.strerror or str(error)})]) from None
            command = [office, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--invisible",
                       "--nologo", "--norestore", "--nolockcheck", "--nodefault",
                       "--convert-to", "pdf", "--outdir", str(work / "pdf"), str(copy)]
            output = _run(command, timeout, str(source), work / "soffice.log")
            produced = work / "pdf" / "ban-thao.pdf"
            if not produced.is_file():
                raise DrafterError([Problem("E702", str(source), extra={"detail": _last_line(output) or "không có tệp PDF"})])
            data = produced.read_bytes()
        finally:
            shutil.rmtree(work, ignore_errors=True)
    reason = check_pdf(data)
    if reason is not None:
        raise DrafterError([Problem("E707", str(source), extra={"detail": reason})])
    return write_atomic(target, data, force=force)


def _run(command: list[str], timeout: float, where: str, log: Path) -> str:
    """Run LibreOffice in its own process group under the guard; whatever happens, end the group."""
    with open(log, "w+b") as output:
        process = None
        try:
            # A Ctrl-C or stop signal while LibreOffice starts is raised once the guard and the
            # finally below know it: raised in between, it left a LibreOffice running until this
            # process ended (for a caller that carries on after KeyboardInterrupt, for good).
            with stops_deferred():
                try:
                    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output,
                                               stderr=subprocess.STDOUT, start_new_session=True)
                except OSError as error:
                    raise DrafterError([Problem("E702", where, extra={"detail": error.strerror or str(error)})]) from None
                _guard_tell(f"+ {process.pid}")
            wait(process, timeout)  # not process.wait(timeout=…): see drafter.output.children
        except subprocess.TimeoutExpired:
            raise DrafterError([Problem("E703", where, expected=f"{timeout:g}")]) from None
        finally:  # also on Ctrl-C, or SIGTERM made an exception (raise_on_sigterm)
            if process is not None:
                end_group(process)
                _guard_tell(f"- {process.pid}")
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise DrafterError([Problem("E702", where, extra={"detail": _last_line(text) or f"mã thoát {process.returncode}"})])
    return text


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and "javaldx" not in line and not line.startswith("convert ")]
    return lines[-1][:200] if lines else ""


# --------------------------------------------------------------- this process's folder and guard

_folders: dict[int, Path] = {}  # pid -> folder; keyed by pid because workers are forked
_guards: dict[int, subprocess.Popen] = {}

# The guard: waits for the end of its stdin (this process is gone, however it went), then kills
# the process groups registered and, on Linux, every process whose command line names the folder
# (a LibreOffice started a moment before it could be registered, with its group), until none is
# left; then it removes the folder. It ignores SIGINT and SIGTERM, which a terminal or `timeout`
# sends to the whole foreground group, so that it outlives this process.
_GUARD = r"""
import os, shutil, signal, sys, time
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGTERM, signal.SIG_IGN)
folder = sys.argv[1]
groups = set()
for line in sys.stdin:
    sign, _, pid = line.partition(" ")
    (groups.add if sign == "+" else groups.discard)(int(pid))

def kill(pid, group=False):
    try:
        (os.killpg if group else os.kill)(pid, signal.SIGKILL)
    except OSError:
        pass

def naming_folder():
    found = []
    try:
        names = os.listdir("/proc")
    except OSError:
        return found
    for name in names:
        if name.isdigit() and int(name) != os.getpid():
            try:
                with open("/proc/" + name + "/cmdline", "rb") as cmdline:
                    if os.fsencode(folder) in cmdline.read():
                        found.append(int(name))
            except OSError:
                pass
    return found

for pid in groups:
    kill(pid, group=True)
for attempt in range(100):
    left = naming_folder()
    for pid in left:
        # a LibreOffice started but not yet registered leads its own group (start_new_session):
        # end its children too, which do not name the folder
        try:
            leads = os.getpgid(pid) == pid
        except OSError:
            leads = False
        kill(pid, group=leads)
    if not left:
        break
    time.sleep(0.05)
for attempt in range(20):
    shutil.rmtree(folder, ignore_errors=True)
    if not os.path.exists(folder):
        break
    time.sleep(0.05)
"""


def _folder() -> Path:
    """This process's folder (LibreOffice profile and conversions), made and guarded on first use."""
    pid = os.getpid()
    if pid not in _folders:
        # A Ctrl-C or stop signal meanwhile is raised once the folder, its guard and the clean-up
        # at exit are all in place: raised in between, it left a folder that nothing removed. The
        # sweep is inside too: tempfile.gettempdir() first takes a lock the way Popen.wait does.
        with stops_deferred():
            _remove_stale_folders()
            folder = Path(tempfile.mkdtemp(prefix=f"{_FOLDER_PREFIX}{pid}-"))
            _folders[pid] = folder
            if _POSIX:
                _guards[pid] = subprocess.Popen([sys.executable, "-I", "-S", "-c", _GUARD, str(folder)],
                                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                                stderr=subprocess.DEVNULL, text=True)
            # multiprocessing's finalizers run at the exit of the main process and of pool
            # workers alike (a worker leaves through os._exit, which skips atexit).
            util.Finalize(None, stop_conversions, exitpriority=10)
    return _folders[pid]


def _guard_tell(line: str) -> None:
    guard = _guards.get(os.getpid())
    if guard is not None:
        try:
            guard.stdin.write(line + "\n")
            guard.stdin.flush()
        except (OSError, ValueError):
            pass  # the guard is gone; the group is ended here anyway


def _forget_inherited() -> None:
    """In a forked child: the parent's guard and folder are not ours; close our copy of its pipe."""
    for pid, guard in list(_guards.items()):
        if pid != os.getpid():
            try:
                guard.stdin.close()
            except OSError:
                pass
            del _guards[pid]


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_inherited)


def stop_conversions() -> None:
    """Kill this process's running LibreOffice conversions and remove its folder now.

    For a caller that stops early (a signal handler, an interrupted batch) and at exit;
    harmless when nothing runs. The next conversion starts afresh.
    """
    pid = os.getpid()
    guard = _guards.pop(pid, None)
    if guard is not None:
        try:
            guard.stdin.close()  # the guard kills what is registered and removes the folder
        except OSError:
            pass
        try:
            wait(guard, 10)
        except subprocess.TimeoutExpired:
            guard.kill()
    folder = _folders.pop(pid, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def raise_on_sigterm():
    """Make SIGTERM raise ``SystemExit(143)`` in the main thread, so that ``finally`` blocks run.

    Returns the previous handler (for ``signal.signal(signal.SIGTERM, previous)``), or None
    outside the main thread or where SIGTERM cannot be caught.
    """
    def handler(signum, frame):
        raise SystemExit(128 + signum)

    try:
        return signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError, AttributeError):
        return None


def end_with_parent() -> bool:
    """Ask Linux to send this process SIGTERM when its parent dies (``PR_SET_PDEATHSIG``).

    For a batch worker (a pool initializer): when the batch process is killed alone, its workers
    would go on converting; with this they end, and their guards end their LibreOffice. Call it
    in a process forked by the main thread of its parent (the signal follows the thread that
    forked). Returns False where it is not available (not Linux).
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, int(signal.SIGTERM), 0, 0, 0) != 0:  # 1: PR_SET_PDEATHSIG
            return False
    except (OSError, AttributeError):
        return False
    if os.getppid() != parent:  # the parent died before the request: end now
        os.kill(os.getpid(), signal.SIGTERM)
    return True


def _remove_stale_folders() -> None:
    """Folders left by processes that died before their guard could start (their pid is in the name)."""
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there
        return
    pattern = re.compile(re.escape(_FOLDER_PREFIX) + r"(\d+)-")
    root = Path(tempfile.gettempdir())
    try:
        entries = list(os.scandir(root))
    except OSError:
        return
    for entry in entries:
        match = pattern.match(entry.name)
        if not match or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_uid != os.getuid():
                continue
            os.kill(int(match.group(1)), 0)
        except ProcessLookupError:
            shutil.rmtree(entry.path, ignore_errors=True)
        except OSError:
            continue
