"""What a draft may print: every form of every input value, derived figure and input string.

A draft may only print a number or a date that can be traced to the input (see
:mod:`drafter.checks.fidelity`). :func:`traceable` gathers, for one report's facts, every token
that qualifies:

- an input value (any ``int``, ``float`` or ``date`` field of the :class:`~drafter.inputs.model.Report`,
  found by walking the model) formatted by :mod:`drafter.vnformat` in one of the forms the
  templates use (:data:`FORMS` below);
- a documented derived value (:attr:`Facts.derived <drafter.facts.Facts.derived>`, and for
  each :attr:`Facts.changes <drafter.facts.Facts.changes>` the difference and the percentage);
- the years of the period: the year, the one before and the one after;
- a number written inside an input string ("Nghị định số 02/2019/NĐ-CP", "Quân khu 5") or a
  string the facts stage builds from the input (the period's names, agencies, recipients).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from pydantic import BaseModel

from drafter import vnformat
from drafter.checks.tokens import numeric_tokens
from drafter.facts import Facts
from drafter.inputs.dates import signing_year

__all__ = ["FORMS", "Traceable", "count_forms", "dotted_path", "generic_path", "is_money", "rate_forms",
           "traceable", "value_forms", "walk"]

#: The forms of a value that a template may print, by kind of value.
FORMS = {
    "count": "format_integer, format_decimal, format_count_padded below 10 (05)",
    "money": "format_money, format_integer + “ đồng”, format_amount_words (linh and lẻ)",
    "area": "format_decimal (at most 2 decimals, or exactly 2)",
    "rate": "format_percent and format_decimal (at most 2 decimals, or exactly 2), as facts rounds them",
    "date": "format_date_nd30, format_date_short (13/12), format_date_numeric (13/12/2026)",
    "year": "the year as written: 2026",
}


def is_money(path: tuple) -> bool:
    """Money fields are named ``amount`` or ``…_amount`` (:data:`drafter.inputs.model.Money`)."""
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    return name == "amount" or name.endswith("_amount")


def count_forms(n: int) -> set[str]:
    forms = {vnformat.format_integer(n), vnformat.format_decimal(n)}
    if 0 <= n < 10:
        forms.add(vnformat.format_count_padded(n))  # "05 tập thể"
    return forms


def _money_forms(n: int) -> set[str]:
    return {vnformat.format_money(n), f"{vnformat.format_integer(n)} đồng"}


def _money_words(n: int) -> set[str]:
    words = {vnformat.format_amount_words(n)}
    words |= {vnformat.format_number_words(n, linh=linh) + " đồng" for linh in ("linh", "lẻ")}
    return {w.lower() for w in words}


def _area_forms(x: float | Decimal) -> set[str]:
    return {vnformat.format_decimal(x), vnformat.format_decimal(x, 2)}


def rate_forms(x: Decimal) -> set[str]:
    # Rates are derived to two decimals, the precision drafts print (drafter.facts): no other rounding.
    return {vnformat.format_percent(x), vnformat.format_percent(x, 2),
            vnformat.format_decimal(x), vnformat.format_decimal(x, 2)}


def _date_forms(d: dt.date) -> set[str]:
    return {vnformat.format_date_nd30(d), vnformat.format_date_short(d), vnformat.format_date_numeric(d)}


#: Fields printed as they are written, never grouped: years and document numbers.
_AS_WRITTEN = {("period", "year"), ("document", "number")}


def value_forms(path: tuple, value) -> set[str]:
    if isinstance(value, bool) or value is None:
        return set()
    if tuple(path) in _AS_WRITTEN and isinstance(value, int):
        return {str(value), vnformat.format_count_padded(value)}
    if isinstance(value, dt.date):
        return _date_forms(value)
    if isinstance(value, int):
        forms = count_forms(value)
        return forms | _money_forms(value) if is_money(path) and value >= 0 else forms
    if isinstance(value, float | Decimal):
        if _is_percent(path):
            return rate_forms(Decimal(str(value)))
        return _area_forms(value)
    return set()


def _is_percent(path: tuple) -> bool:
    """Rates and shares a user types without counts (``recruitment.rate``, ``militia.share``)."""
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    return name == "rate" or name == "share" or name.endswith("_share")


def walk(obj, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """(path, value) of every leaf of a model, lists included."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from walk(getattr(obj, name), path + (name,))
    elif isinstance(obj, list | tuple):
        for index, item in enumerate(obj):
            yield from walk(item, path + (index,))
    elif obj is not None:
        yield path, obj


def dotted_path(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def generic_path(path: tuple) -> str:
    return ".".join(p for p in path if isinstance(p, str))


def _facts_strings(facts: Facts) -> Iterator[str]:
    """Strings the facts stage builds from the input (they may carry its numbers)."""
    for group in (facts.unit, facts.period):
        for value in vars(group).values():
            if isinstance(value, str):
                yield value
    yield from (facts.issuing_agency, facts.parent_agency, facts.issuer_code, facts.signer_display, facts.place)
    yield from facts.signature_lines
    yield from facts.recipients


@dataclass
class Traceable:
    """Every token a draft may print, and the words of every amount it may read out."""

    tokens: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    #: Input and facts strings that hold a number, printed as they are.
    literals: set[str] = field(default_factory=set)

    def add(self, *strings: str) -> None:
        for string in strings:
            for token in numeric_tokens(string, labels=True):
                self.tokens.add(token.text)

    def add_literal(self, *strings: str) -> None:
        self.add(*strings)
        for string in strings:
            if any(c.isdigit() for c in string):
                self.literals.add(re.sub(r"\s+", " ", string).strip().rstrip(".;,:").lower())


def traceable(facts: Facts) -> Traceable:
    report = facts.report
    src = Traceable()
    for path, value in walk(report):
        if isinstance(value, str):
            src.add_literal(value)
        else:
            src.add(*value_forms(path, value))
            if is_money(path) and isinstance(value, int) and not isinstance(value, bool):
                src.words |= _money_words(value)
    for name, value in facts.derived.items():
        src.add(*(rate_forms(value) if isinstance(value, Decimal) else count_forms(value)))
    for name, change in facts.changes.items():
        money = name.endswith("_amount")
        for diff in {abs(change.difference), change.difference}:
            src.add(*count_forms(diff))
            if money and diff >= 0:
                src.add(*_money_forms(diff))
                src.words |= _money_words(diff)
        if change.percent is not None:
            src.add(*rate_forms(change.percent))
    year = report.period.year
    src.add(*(str(y) for y in (year - 1, year, year + 1)))
    doc = report.document
    src.add(vnformat.format_doc_number(doc.number, "BC", facts.issuer_code or "UBND"))
    src.add(vnformat.format_place_date(facts.place or "x", doc.date, signing_year(year, report.period.span)))
    src.add_literal(*_facts_strings(facts))
    return src
