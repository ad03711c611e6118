"""An on-disk cache of the work every ``drafter`` process would otherwise redo on files that ship
with drafter and its dependencies.

Why on disk: ``drafter render`` is one short process, and an officer waits for it. Before it
writes a page it needs the administrative map (3,321 communes, built from ``vietnam-provinces``:
about 130 ms to import and index), the command line's gettext catalogues (Babel's .po reader,
about 40 ms), and the built-in packs' checked phrase banks (about 50 ms). A cache inside the
process is gone before it helps; this one keeps the results between runs.

What it keeps: only what is derived from files shipped with drafter or its dependencies, never a
user's input, pack or Word form (those are read afresh, or kept per process by their stamps).

Why it is safe:

- the key of an entry is its name, drafter's version, Python's version, and the path, size and
  modification time (ns) of every file the result is made from, the code that makes it included:
  an edit to any of them, or an upgrade, makes another key; the whole key is stored in the entry
  and compared when it is read;
- entries are written atomically (a temporary file, then ``os.replace``), so a reader sees a
  whole entry or none;
- the folder is the user's own (created 0700); an entry that cannot be read or unpickled, or a
  folder that another user owns or may write to, is ignored and the work done afresh. Entries are
  pickles of drafter's own data classes, of the input model's core schema and of the data
  classes' compiled code (:mod:`drafter.cli.dataclass_code`): whoever can write into a user's
  private cache folder can already run code as that user.

``DRAFTER_CACHE_DIR`` names the folder (default: ``$XDG_CACHE_HOME/drafter``, ``~/.cache/drafter``,
on Windows ``%LOCALAPPDATA%\\drafter\\cache``); ``DRAFTER_CACHE=0`` turns the cache off.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_MISSING = object()


def folder() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    if os.environ.get("DRAFTER_CACHE", "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    if os.environ.get("DRAFTER_CACHE_DIR"):
        return Path(os.environ["DRAFTER_CACHE_DIR"])
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "drafter" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "drafter"


def stamps(paths: Iterable[Path | str]) -> tuple:
    """(path, size, mtime_ns) of each file; a missing file stamps as missing."""
    found = []
    for path in paths:
        try:
            info = os.stat(path)
            found.append((str(path), info.st_size, info.st_mtime_ns))
        except OSError:
            found.append((str(path), None, None))
    return tuple(found)


def key(name: str, sources: Iterable[Path | str], extra: str = "") -> str:
    """Everything an entry depends on, as text: it is stored in the entry and compared on reading."""
    # the package is loaded before any of its modules; read from sys.modules, it is no import cycle
    version = getattr(sys.modules.get("drafter"), "__version__", "")
    return repr((name, version, sys.version, extra, stamps(sources)))


def cached(name: str, sources: Iterable[Path | str], build: Callable[[], T], extra: str = "") -> T:
    """``build()``, or what it gave last time for the same ``sources`` (see the module's notes)."""
    found = read(name, sources, extra)
    if found is not _MISSING:
        return found
    value = build()
    keep(name, sources, value, extra)
    return value


def read(name: str, sources: Iterable[Path | str], extra: str = "", missing=_MISSING):
    """The entry kept for ``name``, ``sources`` and ``extra``, or ``missing``."""
    where = folder()
    if where is None:
        return missing
    text = key(name, sources, extra)
    found = _read(_path(where, name, text), text)
    return missing if found is _MISSING else found


def keep(name: str, sources: Iterable[Path | str], value, extra: str = "") -> None:
    """Keep ``value`` as the entry :func:`read` gives for the same ``name``, ``sources`` and ``extra``."""
    where = folder()
    if where is not None:
        text = key(name, sources, extra)
        _write(where, _path(where, name, text), (text, value))


def _path(where: Path, name: str, text: str) -> Path:
    # The file name only spreads the entries (crc32: hashlib costs more than the rest of
    # ``drafter --help``); the whole key inside decides, so two keys that share a name only miss.
    return where / f"{name}-{zlib.crc32(text.encode('utf-8', 'surrogatepass')):08x}.pickle"


def _trusted(where: Path) -> bool:
    try:
        info = os.stat(where)
    except OSError:
        return False
    if os.name != "posix":
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def _read(path: Path, text: str):
    try:
        if not _trusted(path.parent):
            return _MISSING
        with open(path, "rb") as stream:
            stored, value = pickle.load(stream)
        return value if stored == text else _MISSING
    except Exception:  # noqa: BLE001 - missing, truncated, from an older drafter: built afresh
        return _MISSING


def _write(where: Path, path: Path, value) -> None:
    import tempfile

    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(where):
            return
        handle, temporary = tempfile.mkstemp(dir=where, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            raise
    except Exception:  # noqa: BLE001 - a read-only home, a full disk: the cache is only a help
        pass
