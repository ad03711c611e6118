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
  writes it again.
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
    target = Path(target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    refuse_unusual(target)
    if target.exists() and not force:
        raise DrafterError([Problem("E501", str(target), found=str(target))])
    for attempt in range(3):
        try:
            handle, temp_name = tempfile.mkstemp(prefix=f".{_short_name(target.name)}.", suffix=".tmp",
                                                 dir=target.parent)
        except OSError as error:
            raise DrafterError([os_problem(error, str(target), writing=True)]) from None
        try:
            # mkstemp makes the file private (0600); a draft gets the usual mode for new files
            if hasattr(os, "fchmod"):  # not on Windows, where the mode bits do not apply
                os.fchmod(handle, 0o666 & ~_umask())
            with os.fdopen(handle, "wb") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())  # whole after a power cut, not only after a kill: see above
            if force:
                refuse_unusual(target)  # again: a link may have appeared since
                os.replace(temp_name, target)
            else:
                _move_no_clobber(temp_name, target)
            return target
        except FileExistsError:
            raise DrafterError([Problem("E501", str(target), found=str(target))]) from None
        except FileNotFoundError as error:
            # Our temporary file vanished before the move: another run's clean-up of stale
            # temporary files (drafter batch into the same folder) took it. Write it again.
            if attempt < 2 and target.parent.is_dir():
                continue
            raise DrafterError([os_problem(error, str(target), writing=True)]) from None
        except OSError as error:
            raise DrafterError([os_problem(error, str(target), writing=True)]) from None
        finally:
            with contextlib.suppress(FileNotFoundError):  # gone already after a move, or taken as above
                os.unlink(temp_name)
    raise AssertionError("unreachable")


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
