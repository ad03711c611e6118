"""Why a template stopped while it ran, as a located problem: never "internal error" for a user's file.

Every way a pack or a Word form can fail at run time has its own code (a limit of
:mod:`drafter.packs.limits`, something unprintable, a filter given a value it cannot take,
the sandbox, a missing value, a file it must not read) and the template line where it
happened, read off the traceback Jinja2 gives template frames.
"""

from __future__ import annotations

import re

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from drafter.packs import TemplatePackError, limits
from drafter.packs.loader import TemplateFileError

#: What a trial run may report: faults of the template whatever the data. A missing value (E519)
#: or a filter given a value it cannot take (E545) may be the example's, not the template's.
TRIAL_CODES = frozenset({"E105", "E216", "E510", "E518", "E524", "E527", "E528", "E529", "E539", "E540", "E541",
                         "E544", "E546"})

_SECURITY = [
    (r"access to attribute '(.+?)' of '(.+?)' object is unsafe\.?", r"truy cập “\1” của “\2”"),
    (r".* is not safely callable", "gọi một hàm không an toàn"),
]
_UNDEFINED = [
    (r"'(.+?)' is undefined", r"“\1” không có giá trị"),
    (r"'(.+?)' has no attribute '(.+?)'", r"“\1” không có mục “\2”"),
    (r"(.+?) has no element (.+)", r"\1 không có phần tử \2"),
]


def _translated(message: str, table) -> str:
    message = (message or "").strip()
    for pattern, replacement in table:
        if re.fullmatch(pattern, message, re.DOTALL):
            return re.sub(pattern, replacement, message, flags=re.DOTALL)
    return message


def from_template(error: BaseException, file: str, line: int | None = None) -> TemplatePackError | None:
    """The :class:`TemplatePackError` for an exception raised by running a template at ``file``;
    None when the exception did not come from the template (a bug of ours: let it rise).

    The place is the innermost template frame of the traceback; ``file`` and ``line`` are
    used when there is none (a Word form's XML, an error before the first line ran).
    """
    found_file, found_line = limits.place_of(error)
    if found_file and not found_file.startswith("<"):
        file, line = found_file, found_line
    elif found_line is not None:
        line = found_line
    if isinstance(error, limits.LimitError):
        return TemplatePackError(file, error.detail, code=error.code, line=line, found=error.found,
                                 expected=error.expected)
    if isinstance(error, OverflowError) and str(error).startswith("Range too big"):  # Jinja's own cap on range()
        return TemplatePackError(file, "", code="E529", line=line, expected="100.000")
    if isinstance(error, RecursionError):
        return TemplatePackError(file, "", code="E539", line=line, expected=str(limits.MAX_DEPTH))
    if isinstance(error, limits.PrintError):
        return TemplatePackError(file, error.kind, code="E541", line=line, found=error.found)
    if isinstance(error, limits.FilterFailed):
        return TemplatePackError(file, error.reason, code="E545", line=line, found=error.name, expected=error.value)
    if isinstance(error, TemplateSyntaxError):  # a partial pulled in while running
        from drafter.packs.syntax import vietnamese

        return TemplatePackError(error.filename or file, vietnamese(error.message), code="E510", line=error.lineno)
    if isinstance(error, TemplateFileError):
        if error.code == "E105":
            return TemplatePackError(error.path, error.detail, code="E105", line=int(error.expected or 0) or None)
        return TemplatePackError(error.path, error.detail, code=error.code, found=error.name, expected=error.expected)
    if isinstance(error, SecurityError):
        return TemplatePackError(file, _translated(str(error), _SECURITY), unsafe=True, line=line)
    if isinstance(error, TemplateNotFound):
        return TemplatePackError(file, "", code="E524", line=line, found=str(error.name))
    if isinstance(error, UndefinedError):
        return TemplatePackError(file, f"thiếu số liệu ({_translated(error.message or '', _UNDEFINED)})", code="E519",
                                 line=line)
    if isinstance(error, TemplateError):
        return TemplatePackError(file, error.message or type(error).__name__, code="E519", line=line)
    if isinstance(error, (ArithmeticError, ValueError, TypeError, LookupError, AttributeError)) and found_file:
        # raised by the template's own arithmetic ({{ 1 / 0 }}), not by drafter
        return TemplatePackError(file, _arithmetic(error), code="E519", line=line)
    return None


def _arithmetic(error: Exception) -> str:
    if isinstance(error, ZeroDivisionError):
        return "phép chia cho 0"
    if isinstance(error, OverflowError):
        return "số quá lớn"
    return "phép tính không thực hiện được với các giá trị này"
