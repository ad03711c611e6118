"""A PDF beside a .docx, made by LibreOffice in headless mode.

Officers send the .docx on for editing and a PDF for reading; the PDF is what an
office suite really lays out, so it also shows that the .docx opens as intended.

How a conversion runs, and why:

- ``soffice --headless --convert-to pdf`` in its own process group, with a time limit: a
  stuck LibreOffice is killed with all its children (``oosplash`` starts ``soffice.bin``)
  and reaped, so no zombie and no orphan is left behind;
- with a LibreOffice profile of this process (``-env:UserInstallation``) in a temporary
  folder: two conversions sharing a profile block each other, and a desktop LibreOffice
  that is already open would otherwise take the job over and return without converting.
  The profile is kept for the process's later conversions (creating one costs time) and
  removed when the process ends, batch workers included;
- from a copy with an ASCII name in a temporary folder, so that a file name with Vietnamese
  letters cannot be garbled by a non-UTF-8 locale, and the PDF reaches its place through
  :func:`drafter.output.files.write_atomic`: never half a PDF, no overwrite without ``force``.

>>> pdf_path("ket-qua/bao-cao.docx").as_posix()
'ket-qua/bao-cao.pdf'
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from drafter.errors import DrafterError, Problem
from drafter.output.fonts import check_fonts

#: Seconds one conversion may take; a two-page report takes about one second.
DEFAULT_TIMEOUT = 180.0
#: Where the installers put soffice when it is not on PATH (Windows, macOS).
_USUAL_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
_PROFILE_PREFIX = "drafter-lo-"

_profiles: dict[int, Path] = {}  # pid -> profile folder; keyed by pid because workers are forked
_lock = threading.Lock()  # one conversion at a time per profile


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


def docx_to_pdf(source: Path | str, target: Path | str | None = None, force: bool = False,
                timeout: float | None = None) -> Path:
    """Convert ``source`` (.docx) to ``target`` (default: beside it, .pdf); return ``target``.

    Raises :class:`DrafterError`: E701 no LibreOffice, E702 it failed, E703 it took longer
    than ``timeout`` seconds (it is killed), E501/E502 the PDF cannot be written.
    """
    source = Path(source)
    target = pdf_path(source) if target is None else Path(target)
    if target.exists() and not force:
        raise DrafterError([Problem("E501", str(target), found=str(target))])
    office = require_office()
    timeout = timeout_seconds() if timeout is None else timeout
    work = Path(tempfile.mkdtemp(prefix="drafter-pdf-"))
    try:
        copy = work / "ban-thao.docx"
        try:
            shutil.copyfile(source, copy)
        except OSError as error:
            raise DrafterError([Problem("E101", str(source), extra={"detail": error.strerror or str(error)})]) from None
        with _lock:
            command = [office, f"-env:UserInstallation={_profile().as_uri()}", "--headless", "--invisible",
                       "--nologo", "--norestore", "--nolockcheck", "--nodefault",
                       "--convert-to", "pdf", "--outdir", str(work / "pdf"), str(copy)]
            output = _run(command, timeout, str(source))
        produced = work / "pdf" / "ban-thao.pdf"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise DrafterError([Problem("E702", str(source), extra={"detail": _last_line(output) or "không có tệp PDF"})])
        from drafter.output.files import write_atomic

        return write_atomic(target, produced.read_bytes(), force=force)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(command: list[str], timeout: float, where: str) -> str:
    """Run LibreOffice; kill its whole process group if it overruns or we are interrupted."""
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    except OSError as error:
        raise DrafterError([Problem("E702", where, extra={"detail": error.strerror or str(error)})]) from None
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise DrafterError([Problem("E703", where, expected=f"{timeout:g}")]) from None
    except BaseException:  # Ctrl-C, or a worker being stopped: leave nothing running
        _kill(process)
        raise
    text = output.decode("utf-8", "replace")
    if process.returncode != 0:
        raise DrafterError([Problem("E702", where, extra={"detail": _last_line(text) or f"mã thoát {process.returncode}"})])
    return text


def _kill(process: subprocess.Popen) -> None:
    if process.poll() is None:
        try:
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)  # the group: soffice's children too
            else:  # Windows: soffice.exe starts soffice.bin; /T ends the tree
                subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True)
                process.kill()
        except (ProcessLookupError, OSError):
            pass
    process.communicate()  # reap it: no zombie


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and "javaldx" not in line and not line.startswith("convert ")]
    return lines[-1][:200] if lines else ""


def _profile() -> Path:
    """This process's LibreOffice profile folder, made on first use, removed at exit."""
    pid = os.getpid()
    if pid not in _profiles:
        _remove_stale_profiles()
        folder = Path(tempfile.mkdtemp(prefix=f"{_PROFILE_PREFIX}{pid}-"))
        _profiles[pid] = folder
        # multiprocessing's finalizers run at the exit of the main process and of pool
        # workers alike (a worker leaves through os._exit, which skips atexit).
        from multiprocessing import util

        util.Finalize(None, shutil.rmtree, args=(str(folder),), kwargs={"ignore_errors": True}, exitpriority=10)
    return _profiles[pid]


def _remove_stale_profiles() -> None:
    """Profiles left by processes that were killed (their pid is in the name)."""
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there
        return
    pattern = re.compile(re.escape(_PROFILE_PREFIX) + r"(\d+)-")
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
