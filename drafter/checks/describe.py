"""How a reviewer is told what one source of a draft is: the note (a Word comment's text).

- a figure: the field's Vietnamese title, the value as typed, and where (``so-lieu.yaml:122``,
  ``so-lieu-2026.xlsx!Số liệu!D7``); a roll-up figure, the units it sums;
- a derived value: the computation with formatted numbers and where its inputs are;
- the user's own words: that they are quoted from the input, and where;
- a warning of the input (W4xx): its message and fix.

>>> from drafter.document import Source
>>> from drafter.inputs import load
>>> loaded = load("samples/gia-lai-2026.yaml")
>>> describer = Describer(loaded.report, Locator.of(loaded))
>>> describer.note(Source("recruitment.delivered", "3350")).text
'Số liệu: Tuyển quân - Số giao quân (recruitment.delivered) = 3350; nhập tại gia-lai-2026.yaml:109.'
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from pydantic import BaseModel

from drafter.document import Source
from drafter.errors import Problem
from drafter.facts import figures as figure_rules
from drafter.inputs.locate import NOWHERE, Locator, Place, title, value_at
from drafter.inputs.model import Report
from drafter.vnformat import format_decimal, format_integer, format_percent

#: A roll-up comment names this many units, then says how many more.
UNITS_SHOWN = 8


@dataclass(frozen=True)
class Note:
    """What a reviewer reads about one source, frame or warning; ``text`` is the comment."""

    kind: str  # "figure", "derived", "text", "frame", "warning"; "variable" for a form's other prints
    text: str
    path: str = ""
    title: str = ""
    value: str = ""
    place: str = ""  # with the file's path as given; the comment names the file only
    computation: str = ""
    inputs: tuple[tuple[str, str], ...] = ()  # (field path, place)
    units: tuple[str, ...] = ()
    code: str = ""  # a warning's code
    variable: str = ""  # a Word form's expression ("r.recruitment.delivered | so")

    def as_json(self) -> dict:
        data = dataclasses.asdict(self)
        data["comment"] = data.pop("text")  # "text" is the draft's, where a sentence's source is listed
        data["inputs"] = [{"path": path, "place": place} for path, place in self.inputs]
        data["units"] = list(self.units)
        return data



# ------------------------------------------------------------------ notes


def number(value) -> str:
    """A value of the input as a draft prints it: ``3.350``, ``1.824,5``."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return str(value)
    if isinstance(value, int) or (isinstance(value, Decimal) and value == value.to_integral()):
        return format_integer(value)
    return format_decimal(value)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


class Describer:
    """Notes for the sources of one input: ``report`` for the computations, ``where`` for places."""

    def __init__(self, report: Report | None, where: Locator = NOWHERE):
        self.report, self.where = report, where

    def place(self, path: str) -> Place | None:
        return self.where.place(path) if path else None

    def _where(self, place: Place | None) -> str:
        if place is None:
            return ""
        if place.given:
            return f"; nhập tại {place.short}"
        return f"; không ghi trong tệp (giá trị mặc định hoặc tự suy), mục gần nhất tại {place.short}"

    def note(self, source: Source, said: str = "") -> Note:
        """The note of ``source``; ``said`` is the text of the draft that stands for it."""
        if source.kind == "derived":
            return self._derived(source)
        place = self.place(source.path)
        name = title(source.path)
        label = f"{name} ({source.path})" if name else source.path
        units = self._units(source)
        if source.kind == "text":
            raw = value_at(self.report, source.path) if self.report is not None else None
            raw = source.value if raw is None or isinstance(raw, BaseModel) else raw
            shown = "" if _fold(raw) in _fold(said) else f" Giá trị nhập: “{_short(str(raw))}”."
            text = f"Trích từ số liệu: {label}{self._where(place)}.{shown}{units}"
        else:
            text = f"Số liệu: {label} = {source.value}{self._where(place)}.{units}"
        return Note(source.kind, text, source.path, name, source.value, str(place or ""), units=source.units)

    def _units(self, source: Source) -> str:
        if not source.units:
            return ""
        names = ", ".join(source.units[:UNITS_SHOWN])
        more = len(source.units) - UNITS_SHOWN
        verb = "Tính trên" if source.kind == "derived" else "Cộng từ"  # a rate is over the units, not their sum
        return f" {verb} {len(source.units)} đơn vị: {names}" + (f" và {more} đơn vị khác." if more > 0 else ".")

    def _derived(self, source: Source) -> Note:
        name = source.path
        rule = _rule_title(name)
        computation = self.computation(source)
        given = [path for path in source.inputs  # of a sum over groups, the groups the input gives
                 if self.report is None or "[]" in path or figure_rules.value_at(self.report, path) is not None]
        places = tuple((path, self.place(path)) for path in given)
        inputs = ", ".join(f"{path} ({place.short})" if place else path for path, place in places)
        body = computation or f" = {_derived_value(source)}"
        text = f"Số tự tính: {rule}{body}." + (f" Từ: {inputs}." if inputs else "") + self._units(source)
        return Note("derived", text, name, rule, source.value, "", computation,
                    tuple((path, str(place or "")) for path, place in places), source.units)

    def computation(self, source: Source) -> str:
        """How a derived value of one report is computed, with its numbers: ``3.350 / 3.350 = 100%``."""
        report, name = self.report, source.path
        if report is None or source.units:
            return ""  # a roll-up's sums are over the units; their values are not at hand here
        if name in figure_rules.RATES:
            part, whole = (figure_rules.value_at(report, path) for path in figure_rules.RATES[name])
            value = figure_rules.rate(part, whole)
            if value is None:
                return ""
            return f" = {number(part)} / {number(whole)} = {format_percent(value)}"
        if name.startswith("changes.") and name[8:] in figure_rules.CHANGES:
            current, previous = (figure_rules.value_at(report, path) for path in figure_rules.CHANGES[name[8:]])
            found = figure_rules.change(current, previous)
            if found is None:
                return ""
            verb = {"up": "tăng", "down": "giảm", "same": "bằng"}[found.direction]
            amount = "" if found.direction == "same" else f" {number(abs(found.difference))}"
            percent = f" ({format_percent(found.percent)})" if found.percent is not None and found.difference else ""
            return f": {number(current)} (kỳ này) so với {number(previous)} (kỳ trước), {verb}{amount}{percent}"
        parts = [value_at(report, path) for path in _summed(report, name)]
        parts = [part for part in parts if part is not None]
        if parts:
            return " = " + " + ".join(number(part) for part in parts) + f" = {number(sum(parts))}"
        return ""

    def warning(self, problem: Problem) -> Note:
        place = self.place(problem.path) if problem.path else None
        where = place.short if place is not None else problem.where
        stop = "" if problem.message.endswith((".", "?", "!")) else "."
        text = f"Cảnh báo {problem.code}: {problem.message}{stop} Sửa: {problem.fix}" + (f" ({where})" if where else "")
        return Note("warning", text, problem.path, title(problem.path) if problem.path else "", problem.found,
                    str(place or problem.where), code=problem.code)


def _summed(report: Report, name: str) -> tuple[str, ...]:
    if name == "remains_total":
        return ("remains.abroad", "remains.domestic")
    if name == "education_total":
        return tuple(f"defence_education.group_{n}" for n in range(1, 5))
    if name in ("award_collectives", "award_individuals"):
        return tuple(f"awards[{i}].{name[6:]}" for i in range(len(report.awards)))
    return ()


def _rule_title(name: str) -> str:
    from drafter.packs.variables import (
        DERIVED_TITLES,  # the guide's titles of derived values, one wording
    )

    if name.startswith("changes."):
        current = figure_rules.CHANGES.get(name[8:], ("",))[0]
        field_title = title(current).rsplit(" - ", 1)[-1] or current or name[8:]
        return f"{field_title} so với kỳ trước"
    return DERIVED_TITLES.get(name, name)


def _derived_value(source: Source) -> str:
    try:
        value = Decimal(source.value)
    except ArithmeticError:
        return source.value
    return format_percent(value) if source.path in figure_rules.RATES else number(value)


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
