"""What one render of an office's template may cost, and the guards that hold it to that.

A pack or a Word form from elsewhere is untrusted: the sandbox keeps it away from Python's
internals, and these limits keep it from exhausting the office computer that renders it.
They are the same for packs and Word forms, and documented in the README ("Mẫu riêng của
cơ quan"):

========================  ===================  ===========================================
limit                     value                refused with
========================  ===================  ===========================================
one template file         256 KB, 10,000 tags  E546 (a Word form: see ``formparts``)
text one render writes    2,000,000 chars      E528 (a Word form: plus its own XML)
one text or list built    500,000 chars        E544 (``"a" * n``, ``center``, ``~``, ``join``…)
loop turns, all loops     1,000,000            E529 (one ``range``: 100,000, Jinja2's own)
macros inside macros      40 deep              E539 (also a template that includes itself)
time running templates    5 seconds            E540
whole numbers             10,000 bits          E544 (about 3,000 digits)
========================  ===================  ===========================================

Every unbounded repetition in a template goes through a loop, a call or an output; each of
those counts against the budget of the render, and every operation that can make a value
much larger than its inputs (``*``, ``%``, ``center``, ``join``, ``replace``…) is checked
*before* it runs (the guarded filters are in :mod:`drafter.packs.filter_guards`). A real report
uses a tiny part of each limit (a 20-page report is about 60,000 characters); the checks cost a
few percent of a render.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Iterator
from itertools import islice

from jinja2 import Undefined
from jinja2.exceptions import TemplateRuntimeError

MAX_TEMPLATE_BYTES = 256 * 1024
#: Tags in one template file (a Word form: in all its parts): each costs compiled code.
MAX_TAGS = 10_000
MAX_OUTPUT = 2_000_000
MAX_VALUE = 500_000
MAX_ITERATIONS = 1_000_000
MAX_DEPTH = 40
MAX_SECONDS = 5.0
MAX_NUMBER_BITS = 10_000


class LimitError(TemplateRuntimeError):
    """A template went over one of its limits; ``code`` is the problem's code."""

    def __init__(self, code: str, found: str = "", expected: str = "", detail: str = ""):
        self.code, self.found, self.expected, self.detail = code, found, expected, detail
        super().__init__(detail or found)


class PrintError(TemplateRuntimeError):
    """A template printed something that is not text or a number (a function, a class…)."""

    def __init__(self, found: str, kind: str):
        self.found, self.kind = found, kind
        super().__init__(f"{found}: {kind}")


class FilterFailed(TemplateRuntimeError):
    """A filter could not handle its value (``0 | la_ma``, ``"abc" | so``)."""

    def __init__(self, name: str, value, error: Exception):
        self.name, self.value, self.reason = name, _short(value), _reason(error)
        super().__init__(f"{name}({self.value}): {self.reason}")


def _short(value) -> str:
    if isinstance(value, str) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        text = str(value) if not isinstance(value, int) or value.bit_length() < 200 else "một số rất lớn"
    else:
        text = "không có giá trị" if value is None or isinstance(value, Undefined) else describe(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _reason(error: Exception) -> str:
    if isinstance(error, OverflowError) or "too large" in str(error) or "Exceeds the limit" in str(error):
        return "số quá lớn"
    if isinstance(error, TypeError):
        return "giá trị không đúng kiểu"
    text = str(error)
    return "giá trị không hợp lệ" if not text or text.isascii() else text


# ------------------------------------------------------------------ the budget of one render


class Budget:
    """What one render has used so far; one per thread, shared by the templates it includes and,
    for a Word form, by all its parts.

    The clock runs only while a template runs (:meth:`running`): docxtpl's own work on a Word
    form, proportional to the form's bounded size, is not the template's time.
    """

    __slots__ = ("deadline", "turns", "depth", "output_limit", "spent", "active", "since")

    def __init__(self, output_limit: int = MAX_OUTPUT):
        self.turns = 0
        self.depth = 0
        self.output_limit = output_limit
        self.spent = 0.0
        self.active = 0
        self.since = 0.0
        self.deadline = time.monotonic() + MAX_SECONDS

    def start(self) -> None:
        if not self.active:
            self.since = time.monotonic()
            self.deadline = self.since + MAX_SECONDS - self.spent
        self.active += 1

    def stop(self) -> None:
        self.active -= 1
        if not self.active:
            self.spent += time.monotonic() - self.since

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitError("E540", expected=f"{MAX_SECONDS:g}")


_local = threading.local()


def current() -> Budget | None:
    return getattr(_local, "budget", None)


class render_budget:
    """``with render_budget():`` a render; nested renders (includes, a form's parts) share it."""

    __slots__ = ("budget", "outer")

    def __init__(self, output_limit: int = MAX_OUTPUT):
        self.outer = current()
        self.budget = self.outer or Budget(output_limit)

    def __enter__(self) -> Budget:
        _local.budget = self.budget
        return self.budget

    def __exit__(self, *exc) -> None:
        _local.budget = self.outer


# ------------------------------------------------------------------ guards the compiled code calls


class Counted:
    """A loop's iterable: each turn counts against the budget, and the clock is read."""

    __slots__ = ("items",)

    def __init__(self, items):
        self.items = items

    def __len__(self) -> int:  # LoopContext asks for it (loop.length, loop.revindex)
        return len(self.items)

    def __iter__(self) -> Iterator:
        budget = current()
        if budget is None:
            yield from self.items
            return
        for item in self.items:
            budget.turns += 1
            if budget.turns > MAX_ITERATIONS:
                raise LimitError("E529", expected=f"{MAX_ITERATIONS:,}".replace(",", "."))
            if not budget.turns & 255:
                budget.tick()
            yield item


def enter_call() -> Budget | None:
    budget = current()
    if budget is not None:
        budget.depth += 1
        if budget.depth > MAX_DEPTH:
            budget.depth = 0  # the error unwinds every level at once
            raise LimitError("E539", expected=str(MAX_DEPTH))
        budget.tick()
    return budget


def check_size(value, what: str = "") -> None:
    """A text or list no larger than :data:`MAX_VALUE`."""
    if isinstance(value, (str, list, tuple, bytes)) and len(value) > MAX_VALUE:
        raise LimitError("E544", detail=what or _too_long())


def _too_long() -> str:
    return f"chữ hoặc danh sách dài quá {MAX_VALUE:,} ký tự".replace(",", ".")


def check_number(value) -> None:
    if type(value) is int and value.bit_length() > MAX_NUMBER_BITS:
        raise LimitError("E544", detail="số quá lớn (quá khoảng 3.000 chữ số)")


def binop(operator: str, left, right) -> None:
    """Refuse, before it runs, an operation whose result would be too large."""
    if operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 \
                and left.bit_length() * abs(right) > MAX_NUMBER_BITS:
            raise LimitError("E544", detail="số mũ quá lớn")
    elif operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple, bytes)) and isinstance(n, int) and len(seq) * n > MAX_VALUE:
                raise LimitError("E544", detail=_too_long())
        if isinstance(left, int) and isinstance(right, int) \
                and left.bit_length() + right.bit_length() > MAX_NUMBER_BITS:
            raise LimitError("E544", detail="số quá lớn (quá khoảng 3.000 chữ số)")
    elif operator in ("+", "-"):
        if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)) \
                and len(left) + len(right) > MAX_VALUE:
            raise LimitError("E544", detail=_too_long())
        if isinstance(left, int) and isinstance(right, int) \
                and max(left.bit_length(), right.bit_length()) >= MAX_NUMBER_BITS:
            raise LimitError("E544", detail="số quá lớn (quá khoảng 3.000 chữ số)")
    elif operator == "%" and isinstance(left, str):
        percent_format(left, right)


_WIDTHS = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def percent_format(pattern: str, values) -> None:
    """``"%0400000000d" % 1`` pads to 400 million characters: refuse widths that large."""
    args = values if isinstance(values, tuple) else (values,)
    stars = iter(a for a in args if isinstance(a, int))
    for width, precision in _WIDTHS.findall(pattern):
        for number in (width, precision):
            size = next(stars, 0) if number == "*" else int(number or 0)
            if abs(size) > MAX_VALUE:
                raise LimitError("E544", detail=_too_long())


def join(pieces: Iterable, separator: str = "") -> str:
    """``separator.join(pieces)`` when the result fits; every piece must be printable."""
    items = []
    total = 0
    for piece in pieces:
        text = piece if type(piece) is str else printable(piece)
        total += len(text) + len(separator)
        if total > MAX_VALUE:
            raise LimitError("E544", detail=_too_long())
        items.append(text)
    return separator.join(items)


def bounded_concat(pieces: Iterable[str]) -> str:
    """What a render, a macro or a ``{% set %}`` block wrote, as long as it fits the budget.

    Pieces are measured a few hundred at a time, so that a render that would write without
    end is stopped at the limit, not after.
    """
    budget = current()
    limit = budget.output_limit if budget is not None else MAX_OUTPUT
    if type(pieces) is list:  # a macro's or a block's buffer: already made, only its size matters
        if sum(map(len, pieces)) > limit:
            raise LimitError("E528", expected=f"{limit:,}".replace(",", "."))
        return "".join(pieces)
    out: list[str] = []
    total = 0
    iterator = iter(pieces)
    while True:
        chunk = list(islice(iterator, 256))
        if not chunk:
            return "".join(out)
        total += sum(map(len, chunk))
        if total > limit:
            raise LimitError("E528", expected=f"{limit:,}".replace(",", "."))
        out += chunk
        if budget is not None:
            budget.tick()


# ------------------------------------------------------------------ what may be printed

_PRINTABLE = (str, int, float)


def printable(value) -> str:
    """``value`` as text, or :class:`PrintError` for a function, a class, a list, a section…"""
    if isinstance(value, _PRINTABLE) or _is_plain(value):
        check_number(value)
        return str(value)
    if isinstance(value, Undefined):
        return str(value)  # "" for an inline if without else; a missing value raises, as it should
    raise PrintError(_name(value), describe(value))


def _is_plain(value) -> bool:
    import datetime as dt
    from decimal import Decimal

    return isinstance(value, (Decimal, dt.date))


def describe(value) -> str:
    """What an object is, in words an officer reads, for a message."""
    if isinstance(value, type) or callable(value):
        return "một hàm hoặc lớp của chương trình, không phải số liệu"
    if isinstance(value, (list, tuple, set, frozenset)) or type(value).__name__ in ("generator", "map", "filter"):
        return "một danh sách; in từng phần tử trong {% for %}, hoặc nối lại bằng bộ lọc ds, join"
    if isinstance(value, dict) or hasattr(value, "model_fields") or hasattr(value, "__dataclass_fields__"):
        return "một nhóm số liệu; chọn một mục của nó, ví dụ r.recruitment.quota"
    return "một đối tượng của chương trình, không phải chữ hay số"


def _name(value) -> str:
    name = getattr(value, "__name__", None) or type(value).__name__
    return str(name)[:40]


# ------------------------------------------------------------------ where a render stopped


def place_of(error: BaseException) -> tuple[str | None, int | None]:
    """The template file and line a runtime error was raised at (the innermost template frame).

    Jinja2 rewrites a render's traceback so that template frames carry the template's
    file name and line; frames not yet rewritten carry the compiled template instead.
    """
    file = line = None
    tb = error.__traceback__
    while tb is not None:
        frame_globals = tb.tb_frame.f_globals
        template = frame_globals.get("__jinja_template__")
        if template is not None:
            file, line = template.filename or template.name, template.get_corresponding_lineno(tb.tb_lineno)
        elif "__jinja_exception__" in frame_globals:
            file, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    return file, line
