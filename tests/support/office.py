"""Stand-ins for LibreOffice and ways to see what a conversion leaves behind (POSIX)."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

#: The smallest whole PDF: header, one empty page, cross-reference, trailer, end-of-file marker.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000056 00000 n \n0000000107 00000 n \n"
    b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n171\n%%EOF\n"
)

#: Shell lines that find --outdir and the input as soffice takes them: $out and $name.
_ARGUMENTS = """
while [ $# -gt 0 ]; do
  case "$1" in --outdir) out="$2"; shift;; esac
  last="$1"; shift
done
mkdir -p "$out"; name=$(basename "$last" .docx)
"""


def stand_in_soffice(folder: Path, body: str, name: str = "soffice") -> Path:
    """An executable shell script standing in for soffice."""
    script = folder / name
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def stand_in_writing(folder: Path, data: bytes, before: str = "", after: str = "") -> Path:
    """A stand-in that writes ``data`` where soffice would put the PDF; shell ``before`` and ``after`` it."""
    payload = folder / "hands-back.bin"
    payload.write_bytes(data)
    return stand_in_soffice(folder, before + _ARGUMENTS + f'cat "{payload}" > "$out/$name.pdf"\n' + after)


def running(pid: int, wait: float = 5.0) -> bool:
    """Alive and not a zombie after ``wait`` seconds (a killed or orphaned process may take a moment)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        status = Path(f"/proc/{pid}/stat")
        try:
            if status.read_text().rsplit(")", 1)[-1].split()[0] == "Z":
                return False
        except OSError:
            return False
        if time.monotonic() > deadline:
            return True
        time.sleep(0.1)


def processes_mentioning(marker: str) -> list[int]:
    """Pids of the processes whose command line contains ``marker`` (a temporary folder's path)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if marker in cmdline and running(int(entry.name), wait=0):
            found.append(int(entry.name))
    return found


def session_processes(session: int) -> list[int]:
    """Pids of the live processes of ``session`` (a process started with ``start_new_session``)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[-1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def left_in(folder: Path, prefix: str = "drafter-") -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(prefix))


def eventually(check, seconds: float = 15.0):
    """``check()`` once it is falsy, polling up to ``seconds``; its last value otherwise."""
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if not value or time.monotonic() > deadline:
            return value
        time.sleep(0.2)
