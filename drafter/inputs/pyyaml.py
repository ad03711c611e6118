"""PyYAML, imported without compiling the regular expressions it compiles at import until they are used.

Why: drafter reads YAML with PyYAML's C parser (libyaml), but the C extension imports the whole
package, whose pure-Python reader, resolver and constructor compile about twenty regular
expressions as they are imported: 9-10 ms of every render (half of it one pattern of the reader
that only the pure-Python reader uses). While :func:`import_yaml` imports PyYAML, a
``re.compile`` called by PyYAML's own modules, in this thread, gives a pattern compiled when it is
first used; every other caller, and every other thread, gets ``re.compile`` itself.

What differs from a compiled pattern: only its type (``isinstance(p, re.Pattern)`` is false, and
``re.match(p, …)`` refuses it); PyYAML only calls their methods (``match``, ``search``).
"""

from __future__ import annotations

import re
import sys
import threading

__all__ = ["import_yaml"]

_LOCK = threading.Lock()


class _Pattern:
    """A regular expression compiled when first used; it answers as the compiled pattern."""

    __slots__ = ("_arguments", "_compiled")

    def __init__(self, pattern, flags) -> None:
        self._arguments = (pattern, flags)
        self._compiled = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = _COMPILE(*self._arguments)
        return getattr(self._compiled, name)


_COMPILE = re.compile


def import_yaml():
    """The ``yaml`` module; ImportError when PyYAML is not installed."""
    if "yaml" in sys.modules:
        import yaml

        return yaml
    with _LOCK:
        thread, previous = threading.get_ident(), re.compile

        def compile(pattern, flags=0):
            if threading.get_ident() == thread and _called_by_pyyaml():
                return _Pattern(pattern, flags)
            return previous(pattern, flags)

        re.compile = compile
        try:
            import yaml
        finally:
            re.compile = previous
    return yaml


def _called_by_pyyaml() -> bool:
    # sys._getframe is CPython's (PyPy has it too); without it every pattern is compiled at once
    getframe = getattr(sys, "_getframe", None)
    caller = getframe(2).f_globals.get("__name__", "") if getframe else ""
    return caller == "yaml" or caller.startswith("yaml.")
