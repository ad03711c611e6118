"""Waiting for a child process and ending it, safe against an exception raised by a signal.

Python raises a signal's exception (KeyboardInterrupt for Ctrl-C, :class:`~drafter.errors.Stopped`
in a batch worker, ``SystemExit`` from :func:`drafter.output.pdf.raise_on_sigterm`) as soon as a
call returns, wherever the main thread is. ``Popen.wait(timeout=…)`` on POSIX polls under a lock
of the Popen that it takes with ``acquire()`` one step before the ``try`` that releases it; an
exception landing between the two leaves that lock held for good, and any later wait on the
Popen (the cleanup's ``Popen.wait()``) waits for it forever. Seen under load: a Ctrl-C during a
PDF conversion killed LibreOffice, then the interrupted program never ended, stuck in
``_end_group`` → ``Popen.wait()`` → ``with self._waitpid_lock``.

So on POSIX these functions reap with ``os.waitpid`` themselves and never take the Popen's lock:
an exception anywhere in them leaves nothing to undo. A Popen whose ``returncode`` is set is
left alone by Popen itself. Windows' ``Popen.wait`` takes no lock (one ``WaitForSingleObject``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

_POSIX = hasattr(os, "killpg")


def wait(process: subprocess.Popen, timeout: float) -> None:
    """Wait for ``process`` to end and reap it; :class:`subprocess.TimeoutExpired` after ``timeout`` seconds."""
    if not _POSIX:
        process.wait(timeout=timeout)
        return
    deadline = time.monotonic() + timeout
    delay = 0.001
    while not reaped(process, block=False):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise subprocess.TimeoutExpired(process.args, timeout)
        time.sleep(min(delay, remaining))
        delay = min(delay * 2, 0.05)  # a quick conversion is seen at once, a long one costs little


def reaped(process: subprocess.Popen, block: bool) -> bool:
    """Whether ``process`` (POSIX) has ended, reaping it and setting its ``returncode`` if so."""
    if process.returncode is not None:
        return True
    try:
        pid, status = os.waitpid(process.pid, 0 if block else os.WNOHANG)
    except ChildProcessError:  # reaped already (an exception fell between waitpid and the next line)
        process.returncode = 0  # what Popen says then too
        return True
    if pid == 0:
        return False
    process.returncode = os.waitstatus_to_exitcode(status)
    return True


def end_group(process: subprocess.Popen) -> None:
    """Kill ``process`` and everything left in its process group (it leads one: ``start_new_session``),
    then reap it: no orphan, no zombie. On Windows, the process and its tree."""
    if _POSIX:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # its children too, after a normal exit as well
        except OSError:
            pass
        reaped(process, block=True)  # killed: this returns at once
        return
    if process.poll() is None:  # soffice.exe starts soffice.bin; /T ends the tree
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True)
        process.kill()
    process.wait()
