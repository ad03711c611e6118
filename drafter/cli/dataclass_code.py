"""The code ``dataclasses`` generates for data classes, compiled once and kept on disk (:mod:`drafter.cache`).

Why: ``@dataclass`` writes the source of each class's ``__init__``, ``__repr__``, ``__eq__``…
and compiles it, in every process: the 109 data classes a render creates (drafter's, pydantic's,
annotated_types') cost 35-40 ms of compiling, a sixth of the render. The same source compiled
by the same Python gives the same code; so, in the command's process only, ``dataclasses`` is
given an ``exec`` that takes the code from a table kept between runs, compiles what the table
lacks as ``exec`` itself would, and keeps the grown table when the process ends.

Why it is safe: the table is keyed by the exact source text, in an entry keyed on Python's version
and the stamp of ``dataclasses.py``; the code of a source is the one ``exec`` would compile
(``compile(source, "<string>", "exec")``, inheriting no ``__future__`` flag, as ``dataclasses``
has none); an unreadable table is an empty one. It replaces nothing but the name ``exec`` in
``dataclasses``' globals (a module global shadows the builtin), and only where nothing else did.
A program that imports drafter is left alone: only :func:`drafter.cli.main` installs it.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import marshal
from types import CodeType

from drafter import cache

__all__ = ["install"]

_NAME = "dataclass-code"


def install() -> None:
    """Give ``dataclasses`` the kept code, and keep what this process compiles."""
    if "exec" in vars(dataclasses) or cache.folder() is None:
        return  # someone else's exec, or no cache: dataclasses as it is
    # read at the first data class, not here: `drafter --help` makes none and need not wait 2 ms
    table: dict = {}
    known: list[int] = []

    def exec(source, globals=None, locals=None, /):
        if type(source) is str:
            if not known:
                table.update(_read())
                known.append(len(table))
            code = table.get(source)
            if code is None:
                code = table[source] = compile(source, "<string>", "exec", dont_inherit=True)
            source = code
        return builtins.exec(source, globals, locals)

    dataclasses.exec = exec
    atexit.register(lambda: known and len(table) > known[0] and _keep(table))


def _keep(table: dict) -> None:
    cache.keep(_NAME, [dataclasses.__file__], marshal.dumps(table))


def _read() -> dict:
    kept = cache.read(_NAME, [dataclasses.__file__], missing=None)
    try:
        table = marshal.loads(kept)
    except Exception:  # noqa: BLE001 - none kept, or not a table: compiled afresh
        return {}
    if isinstance(table, dict) and all(type(code) is CodeType for code in table.values()):
        return table
    return {}
