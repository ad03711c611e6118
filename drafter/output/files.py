"""Output stage: write a finished draft to disk, atomically.

A draft is written to a temporary file beside its target and then moved into
place in one step, so a reader (or a crash) never sees half a document.
Without ``force`` the move refuses to replace an existing file, even one that
another process created a moment ago. Even with ``force`` only a regular file
is ever replaced: a symbolic link, a folder, a FIFO or a device at the target's
name is refused (E607), so that ``-o`` can never write through a link into
another file. Every operating-system error has its own code (:func:`drafter.errors.os_problem`).

Durability, decided for single renders and batches alike (measured by benchmarks/batch_national.py):

- the rename alone means a killed process (Ctrl-C, SIGTERM, SIGKILL, a crash) never leaves a
  partial document under its final name; a stray temporary file is removed by the next batch;
- the ``fsync`` of each file before its rename means that after a power cut or a crash of the
  operating system, a document under its final name is whole: without it, file systems that
  allocate late (ext4, XFS) can show an empty or cut file, which ``batch --skip-existing`` would
  then take for done. So it stays, for every file: 0.22 ms a document with it, 0.05 ms without,
  on the 2-core machine of the README's benchmarks (about 2% of a batch's document; an SSD laptop
  pays about a millisecond, an old spinning disk about ten);
- not guaranteed: that the last renames before a power cut survive it (the folder itself is not
  synced, which would cost a second flush per file). A missing document is safe: ``--skip-existing``
  writes it again;
- a batch makes its next documents while the last ones are synced (:class:`PendingWrite`,
  :class:`SyncThread`): the sync measured 0.4 to 1.2 ms a document on the same machine on a busy
  day, most of it waiting for the disk. The order stays: synced, then renamed, then reported.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from drafter.errors import DrafterError, Problem, os_problem


def write_atomic(target: Path | str, data: bytes | str, force: bool = False) -> Path:
    """Write ``data`` to ``target`` in one step; refuse to overwrite unless ``force``.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.md", "xin chào").read_text(encoding="utf-8")
    'xin chào'
    >>> write_atomic(folder / "a.md", "lần hai")
    Traceback (most recent call last):
    ...
    drafter.errors.DrafterError: ...E501...
    """
    return PendingWrite(target, data, force).finish()


class PendingWrite:
    """A file being written atomically: on creation its bytes are in a temporary file beside the
    target; :meth:`finish` syncs it and moves it into place, :meth:`abandon` removes it.

    Split so that a batch can sync documents in a thread while it renders the next ones
    (:func:`drafter.output.jobs.write_rows`): the fsync waits for the disk (0.2 to 1 ms a
    document) and holds no lock of Python's, so the wait costs no time there. The steps
    and every error are those of :func:`write_atomic`, which is this class used at once.
    """

    def __init__(self, target: Path | str, data: bytes | str, force: bool = False, attempts: int = 3):
        self.target, self.force, self.attempts = Path(target), force, attempts
        self.payload = data.encode("utf-8") if isinstance(data, str) else data
        self.synced = None  # the Future of the fsync when another thread runs it (sync_in)
        refuse_unusual(self.target)
        if self.target.exists() and not force:
            raise DrafterError([Problem("E501", str(self.target), found=str(self.target))])
        try:
            handle, self.temp_name = tempfile.mkstemp(prefix=f".{_short_name(self.target.name)}.", suffix=".tmp",
                                                      dir=self.target.parent)
        except OSError as error:
            raise DrafterError([os_problem(error, str(self.target), writing=True)]) from None
        self.stream = None
        try:
            # mkstemp makes the file private (0600); a draft gets the usual mode for new files
            if hasattr(os, "fchmod"):  # not on Windows, where the mode bits do not apply
                os.fchmod(handle, 0o666 & ~_umask())
            self.stream = os.fdopen(handle, "wb")
            self.stream.write(self.payload)
            self.stream.flush()
        except BaseException as error:
            if self.stream is None:
                os.close(handle)
            self.abandon()
            if isinstance(error, OSError):
                raise DrafterError([os_problem(error, str(self.target), writing=True)]) from None
            raise

    def sync(self) -> None:
        """The fsync alone: whole after a power cut, not only after a kill (see above)."""
        os.fsync(self.stream.fileno())

    def sync_in(self, executor) -> None:
        """Start the fsync in ``executor`` (a thread); :meth:`finish` waits for it."""
        self.synced = executor.submit(self.sync)

    def finish(self) -> Path:
        """Sync (unless done in a thread), close and move the file into place; remove what is left."""
        target = self.target
        try:
            self._synced()
            self.stream.close()
            if self.force:
                refuse_unusual(target)  # again: a link may have appeared since
                os.replace(self.temp_name, target)
            else:
                _move_no_clobber(self.temp_name, target)
            return target
        except FileExistsError:
            raise DrafterError([Problem("E501", str(target), found=str(target))]) from None
        except FileNotFoundError as error:
            # Our temporary file vanished before the move: another run's clean-up of stale
            # temporary files (drafter batch into the same folder) took it. Write it again.
            if self.attempts > 1 and target.parent.is_dir():
                self._remove()
                return PendingWrite(target, self.payload, self.force, self.attempts - 1).finish()
            raise DrafterError([os_problem(error, str(target), writing=True)]) from None
        except OSError as error:
            raise DrafterError([os_problem(error, str(target), writing=True)]) from None
        finally:
            self._remove()

    def abandon(self) -> None:
        """Leave nothing behind: wait for a sync under way, close and remove the temporary file."""
        try:
            if self.synced is not None:  # its error, if any, no longer matters
                self.synced.exception()
        finally:
            self._remove()

    def _synced(self) -> None:
        if self.synced is None:
            self.sync()
        else:
            self.synced.result()

    def _remove(self) -> None:
        if self.stream is not None:
            with contextlib.suppress(OSError):
                self.stream.close()
        with contextlib.suppress(FileNotFoundError):  # gone already after a move, or taken as above
            os.unlink(self.temp_name)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _move_no_clobber(temp_name: str, target: Path) -> None:
    # link() fails if the target exists, which makes "create only" atomic
    # even against another process writing the same name.
    try:
        os.link(temp_name, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(temp_name, target)


def refuse_unusual(target: Path) -> None:
    """E607 when something other than a regular file has the target's name (a symbolic link, even
    to a regular file; a folder; a FIFO; a device); nothing when there is nothing or a file."""
    from drafter.inputs.discovery import kind_of

    try:
        mode = os.lstat(target).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as error:
        raise DrafterError([os_problem(error, str(target), writing=True)]) from None
    if not stat.S_ISREG(mode):
        raise DrafterError([Problem("E607", str(target), found=str(target), extra={"detail": kind_of(mode)})])


def _short_name(name: str) -> str:
    # the temporary name adds ~12 characters: keep it within the usual 255-byte limit
    while len(name.encode("utf-8")) > 200:
        name = name[:-1]
    return name


class SyncThread:
    """A thread that syncs written files (:meth:`PendingWrite.sync_in`) while the caller goes on,
    for as long as the ``with`` block lasts; on leaving it waits for the sync under way.

    Python passes its interpreter lock between threads every 5 ms by default: the thread would
    start each fsync up to 5 ms late, after the next document is made, and the wait would not
    be hidden. Within the block the interval is 1 ms; the thread asks for the lock twice a
    document, so the busy thread is interrupted no more than that.
    """

    def __enter__(self):
        import sys
        from concurrent.futures import ThreadPoolExecutor

        self.interval = sys.getswitchinterval()
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="drafter-fsync")
        sys.setswitchinterval(min(self.interval, 0.001))
        return self.executor

    def __exit__(self, *exc) -> None:
        import sys

        try:
            self.executor.shutdown(wait=True)
        finally:
            sys.setswitchinterval(self.interval)
