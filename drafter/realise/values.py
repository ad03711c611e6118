"""Slot values printed the Vietnamese way, as pieces of a sentence that keep their sources.

A :class:`Piece` is a run of text with the source it states (a figure, a name, the user's own
words) or the term it stands for; the realiser joins pieces into sentences and resolves terms
once the whole document is known.

>>> import datetime as dt
>>> from drafter.plan.model import Slot
>>> text_of(render(Slot("rate", 0.89), Context()))
'0,89%'
>>> text_of(render(Slot("news_date", (dt.date(2026, 12, 13), "sáng")), Context()))
'sáng 13/12'
>>> text_of(render(Slot("names", ["Lào", "Campuchia", "Thái Lan"], sources=(None, None, None)), Context()))
'Lào, Campuchia và Thái Lan'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from drafter import vnformat
from drafter.document import Source
from drafter.plan.model import Slot
from drafter.realise.referring import Mentions
from drafter.realise.surface import clause, sentence, tidy


@dataclass(slots=True)  # some 1,500 are made for each report: slots make them cheaper to make and read
class Piece:
    """A run of a sentence: text, and the source it states or the term it stands for."""

    text: str
    source: Source | None = None
    term: str | None = None
    #: The user's own words (a note, a task): they may open a sentence that a connector then
    #: opens, and have their first letter lowered there like the bank's words.
    free_text: bool = False


@dataclass
class Context:
    """What printing needs beyond the slot: the bank's labels and settings, who was named."""

    labels: dict[str, str] = field(default_factory=dict)
    pad_award_counts: bool = True
    compared: tuple[str, str] = ("", "")  # in full, and once said: "so với năm 2025", "so với năm trước"
    mentions: Mentions = field(default_factory=Mentions)
    #: Realises a nested message (a change, a conference's name) as pieces.
    nested: Callable | None = None

    def label(self, key: str) -> str:
        return self.labels[key]


def text_of(pieces: list[Piece]) -> str:
    return "".join(p.text if p.term is None else f"{{@{p.term}}}" for p in pieces)


_INDEX = re.compile(r"\[\d+\]")


def label_key(path: str) -> str:
    """The label of a field path, list indexes left out: "awards[0].collectives" -> "awards.collectives"."""
    return _INDEX.sub("", path)


def _count(value, kind: str, context: Context) -> str:
    if kind == "award_count" and context.pad_award_counts:
        return vnformat.format_count_padded(value)
    return vnformat.format_integer(value)


_SIMPLE: dict[str, Callable] = {
    "rate": vnformat.format_percent,
    "money": vnformat.format_money,
    "money_words": vnformat.format_amount_words,
    "number": vnformat.format_decimal,
    "year": str,
    "date": vnformat.format_date_nd30,
    "text": tidy,
    "clause": clause,
    "sentence": sentence,
    "plain": str,
}

_FREE_TEXT = frozenset({"text", "clause", "sentence"})

#: Private-use marks stand for list items while Babel joins them, so that each item keeps its source.
_MARK = "\ue100"


def _joined(items: list[list[Piece]], separator: str | None = None) -> list[Piece]:
    """Items joined by ``separator``, or as a Vietnamese list ("A, B và C") when it is None."""
    if separator is not None:
        out: list[Piece] = []
        for index, item in enumerate(items):
            if index:
                out.append(Piece(separator))
            out += item
        return out
    marks = [f"{_MARK}{index}{_MARK}" for index in range(len(items))]
    pattern = vnformat.format_list(marks)
    out = []
    for chunk in re.split(f"({_MARK}\\d+{_MARK})", pattern):
        if chunk.startswith(_MARK):
            out += items[int(chunk.strip(_MARK))]
        elif chunk:
            out.append(Piece(chunk))
    return out


def _sources(slot: Slot, count: int) -> list[Source | None]:
    return list(slot.sources) + [None] * (count - len(slot.sources))


def render(slot: Slot, context: Context) -> list[Piece]:
    """The pieces that print a slot."""
    kind, value = slot.kind, slot.value
    if kind in ("count", "award_count"):
        return [Piece(_count(value, kind, context), slot.source)]
    if kind in _SIMPLE:
        return [Piece(_SIMPLE[kind](value), slot.source, free_text=kind in _FREE_TEXT)]
    if kind == "news_date":
        day, time_of_day = value
        word = time_of_day or context.labels.get("news.day", "ngày")
        # written small: a sentence that opens with it gets its capital ("Sáng 13/12, …") from the
        # orthography, and a phrasing that puts it inside a sentence keeps none
        return [Piece(f"{word} {vnformat.format_date_short(day)}", slot.source)]
    if kind == "label":
        return [Piece(context.label(value), slot.source)]
    if kind in ("clauses", "acts"):
        sources = _sources(slot, len(value))
        items = [[Piece(clause(item), source, free_text=True)] for item, source in zip(value, sources)]
        also = context.labels.get("acts.also") if kind == "acts" and len(items) == 2 else None
        if also and not clause(value[1]).startswith(also):
            # "… ghi nhận …, đồng thời nhấn mạnh …" as the press joins two things a speaker did; "…;
            # nhấn mạnh …" read as a stock pattern to two blind readers and a new user
            return items[0] + [Piece(f", {also} ")] + items[1]
        return _joined(items, "; ")
    if kind == "names":
        sources = _sources(slot, len(value))
        return _joined([[Piece(tidy(item), source)] for item, source in zip(value, sources)])
    if kind == "person":
        return [Piece(context.mentions.name(value), slot.source)]
    if kind in ("unit", "place"):
        said = context.mentions.unit(*value)
        source = slot.source
        if source is not None and said != value[0]:  # "tỉnh" after "tỉnh Gia Lai": the level word alone
            source = replace(source, path="unit.kind", value=said)
        return [Piece(said, source)]
    if kind == "period":
        return [Piece(context.mentions.period(*value), slot.source)]
    if kind == "naming":
        return [Piece(context.mentions.named(*value), slot.source)]
    if kind == "persons":
        sources = _sources(slot, len(value))
        return _joined([[Piece(context.mentions.name(p), source)] for p, source in zip(value, sources)], "; ")
    if kind == "figures":
        items = [[Piece(_count(number, item_kind, context), source), Piece(f" {context.label(label_key(path))}")]
                 for number, path, source, item_kind in value]
        return _joined(items)
    if kind == "units":
        return _units(slot)
    if kind == "flag":
        return []
    if kind == "change":
        return _change(slot, context)
    if kind == "message":
        return context.nested(value)
    raise ValueError(f"unknown slot kind {kind!r}")


def _units(slot: Slot) -> list[Piece]:
    """Units, each with its rate when it has one; labels that carry a comma are kept apart by semicolons."""
    sources = _sources(slot, len(slot.value))
    items = [[Piece(unit + (f" ({vnformat.format_percent(rate)})" if rate is not None else ""), source)]
             for (unit, rate), source in zip(slot.value, sources)]
    return _joined(items, "; " if any("," in unit for unit, _ in slot.value) else None)


def _change(slot: Slot, context: Context) -> list[Piece]:
    """A change against the previous period, worded by the bank's ``change.*`` messages."""
    from drafter.plan.model import Message

    found = slot.value
    compared = Slot("period", (*context.compared, "compared"))
    if found.direction == "same":
        return context.nested(Message("change.same", {"compared": compared}))
    if slot.unit == "đồng" and found.percent is None:  # an amount from nothing: said in money
        amount, unit = Slot("money", abs(found.difference), slot.source), None
    elif slot.unit not in ("", "đồng") or found.percent is None:
        amount = Slot("count", abs(found.difference), slot.source)
        unit = Slot("plain", slot.unit) if slot.unit else None
    else:
        amount, unit = Slot("rate", found.percent, slot.source), None
    slots = {"amount": amount, "compared": compared}
    if unit is not None:
        slots["unit"] = unit
        if found.percent is not None:  # "tăng 2 công dân (4,08%)": a rate of a small count reads as spin alone
            slots["percent"] = Slot("rate", abs(found.percent), slot.source)
    return context.nested(Message(f"change.{found.direction}", slots))
