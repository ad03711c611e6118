"""The filters of a template, guarded: Jinja2's own and drafter's (``so``, ``la_ma``…).

Every filter that prints its input refuses an unprintable one (a function, a class: E541); every
filter fails with :class:`~drafter.packs.limits.FilterFailed` (E545, with the filter's name and the
value) rather than a Python error; and every filter that can make a value far larger than its
input (``center``, ``indent``, ``replace``, ``wordwrap``, ``batch``, ``slice``, ``format``,
``join``, ``sum``) checks the size of its result before making it (E544).
"""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import Undefined, pass_environment, pass_eval_context
from jinja2.exceptions import TemplateRuntimeError
from markupsafe import Markup

from drafter.packs.limits import (
    MAX_VALUE,
    FilterFailed,
    LimitError,
    PrintError,
    _name,
    _too_long,
    check_number,
    describe,
    join,
    percent_format,
)

#: Exceptions a filter raises for a value it cannot handle (not the template errors themselves).
FILTER_ERRORS = (ValueError, TypeError, ArithmeticError, LookupError, AttributeError)


def guard_filter(name: str, function: Callable, before: Callable | None = None) -> Callable:
    """The filter, refusing unprintable input (a function, a class), values it cannot take
    (as :class:`FilterFailed`, E545) and results that are too large."""

    def guarded(*args, **kwargs):
        value = args[offset] if len(args) > offset else None
        if (callable(value) or isinstance(value, type)) and not isinstance(value, Undefined):
            raise PrintError(_name(value), describe(value))
        if before is not None:
            before(*args[offset:], **kwargs)
        if name in CASE_FILTERS and isinstance(value, Markup):
            # an escaped block ({% filter upper %} in a Word form): "&amp;" made "&AMP;" is no XML
            args = (value.unescape(), *args[1:])
            escaped = True
        else:
            escaped = False
        try:
            result = function(*args, **kwargs)
            if escaped:
                result = Markup.escape(result)
        except TemplateRuntimeError:
            raise
        except FILTER_ERRORS as error:
            raise FilterFailed(name, value, error) from None
        if type(result) is str and len(result) > MAX_VALUE:
            raise LimitError("E544", detail=_too_long())
        return result

    pass_arg = getattr(function, "jinja_pass_arg", None)
    offset = 1 if pass_arg is not None else 0
    if pass_arg is not None:
        guarded.jinja_pass_arg = pass_arg
    guarded.__name__ = getattr(function, "__name__", name)
    guarded.__doc__ = function.__doc__
    return guarded


def _width_at_most(limit_name: str):
    def check(value, width=80, *args, **kwargs):
        width = kwargs.get(limit_name, width)
        if isinstance(width, int) and width > MAX_VALUE:
            raise LimitError("E544", detail=_too_long())
    return check


def _indent(value, width=4, first=False, blank=False):
    pad = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
    lines = str(value).count("\n") + 1 if not callable(value) else 1
    if pad * lines + len(str(value)) > MAX_VALUE:
        raise LimitError("E544", detail=_too_long())


def _replace(value, old="", new="", count=None):
    text, old, new = str(value), str(old), str(new)
    times = text.count(old) if old else len(text) + 1
    if count is not None and isinstance(count, int) and count >= 0:
        times = min(times, count)
    if len(text) + times * len(new) > MAX_VALUE:
        raise LimitError("E544", detail=_too_long())


def _wordwrap(value, width=79, break_long_words=True, wrapstring=None, break_on_hyphens=True):
    if len(str(value)) * (1 + len(str(wrapstring or "\n"))) > MAX_VALUE:
        raise LimitError("E544", detail=_too_long())


def _count_at_most(value, count=1, *args, **kwargs):
    if isinstance(count, int) and count > MAX_VALUE:
        raise LimitError("E544", detail=_too_long())


def safe_format(value, *args, **kwargs):
    """Jinja's ``format`` filter (``"%s - %s" | format(a, b)``) with its widths bounded."""
    values = kwargs or args
    percent_format(str(value), values if isinstance(values, tuple) else values)
    return str(value) % values


@pass_eval_context
def safe_join(eval_ctx, value, d="", attribute=None):
    """Jinja's ``join`` filter with the size of its result known before it is made."""
    from jinja2.filters import make_attrgetter, sync_do_join

    if attribute is not None:
        value = map(make_attrgetter(eval_ctx.environment, attribute), value)
    items = list(value)
    join(items, str(d))  # printable pieces, a result within the limit: or raise
    return sync_do_join(eval_ctx, items, d)


@pass_environment
def safe_sum(environment, iterable, attribute=None, start=0):
    """Jinja's ``sum``; lists are joined in one pass (``sum`` of lists copies them quadratically)."""
    from jinja2.filters import make_attrgetter

    items = list(map(make_attrgetter(environment, attribute), iterable) if attribute else iterable)
    if isinstance(start, (list, tuple)) or any(isinstance(item, (list, tuple)) for item in items):
        total = len(start) if isinstance(start, (list, tuple)) else 0
        total += sum(len(item) for item in items if isinstance(item, (list, tuple)))
        if total > MAX_VALUE:
            raise LimitError("E544", detail=_too_long())
    result = start
    for item in items:
        result = result + item
        check_number(result)
    return result


#: Filters of Jinja2 that can make a value far larger than their input, with the check run first.
AMPLIFIERS: dict[str, Callable] = {
    "center": _width_at_most("width"),
    "indent": _indent,
    "replace": _replace,
    "wordwrap": _wordwrap,
    "batch": _count_at_most,
    "slice": _count_at_most,
    "truncate": _width_at_most("length"),
}
#: Filters that change the case of letters; given escaped text they would change its entities too.
CASE_FILTERS = frozenset({"capitalize", "lower", "title", "upper"})
#: Jinja2 filters that print their input as text: an unprintable input must not reach them.
TEXT_FILTERS = frozenset({"capitalize", "e", "escape", "forceescape", "lower", "string", "striptags", "title",
                          "trim", "upper", "urlencode", "urlize", "wordcount", "list", "reverse", "tojson"})
#: Jinja2 filters no office template needs and that print Python's view of an object.
REMOVED_FILTERS = frozenset({"pprint"})
