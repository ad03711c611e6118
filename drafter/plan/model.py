"""What a document will say, before any wording: messages, and the plan that orders them.

A :class:`Message` is one thing a document may say ("the unit delivered 3.350 recruits, 100% of
its quota"), named by a key of the phrase bank ("recruitment.army.met") and carrying its values
in named :class:`Slot` objects, each with the :class:`~drafter.document.Source` it rests on. A
message exists only when its data does; which words say it is the realiser's business
(:mod:`drafter.realise`).

A :class:`DocumentPlan` is the document's skeleton: headings and paragraphs of messages in the
order the corpus uses, with tables and charts the plan prepared.

>>> delivered = Slot("count", 3350, Source("recruitment.delivered", "3350"))
>>> message = Message("recruitment.army.met", {"delivered": delivered}, topic="recruitment")
>>> message.present("delivered"), message.present("quota")
(True, False)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, Union

from drafter.document import Source

# The classes a plan makes by the hundred set their fields at once: see drafter.document (_set).
_set = object.__setattr__
_NEW_DICT: Any = object()  # a slots mapping not given: a new dict, as field(default_factory=dict) makes

#: How a slot's value is printed (see :mod:`drafter.realise.slots`).
SlotKind = Literal[
    "count",  # 2.847
    "award_count",  # 05 when the bank pads small counts of awards, else 5
    "rate",  # 0,89%
    "money",  # 4,7 tỷ đồng
    "money_words",  # Bốn tỷ bảy trăm triệu đồng
    "number",  # 1.824,5
    "year",  # 2026, never grouped
    "date",  # ngày 13 tháng 12 năm 2026
    "news_date",  # (date, "sáng") -> sáng 13/12 (a capital when it opens the sentence)
    "text",  # a name or phrase of the input, as written
    "clause",  # one item of the user's, fit to sit inside a sentence
    "clauses",  # the user's items joined by semicolons
    "acts",  # as "clauses", what a speaker did ("ghi nhận …"); the last of two after the bank's ``also``
    "sentence",  # one item of the user's as a whole sentence
    "names",  # names joined as a list: A, B và C
    "person",  # a person, by first or later mention
    "unit",  # (full name, level word): "tỉnh Gia Lai" first, "tỉnh" after when the bank says so
    "place",  # as "unit", of the unit as a place when another (its military command) does the work
    "period",  # (full, short, key): "6 tháng cuối năm 2026" first, "6 tháng cuối năm" after when the bank says so
    "persons",  # people joined by semicolons
    "figures",  # counts with labels: 96 cán bộ đối tượng 2 và 742 cán bộ đối tượng 3
    "units",  # units of a roll-up, each with its rate when given: xã A (96,15%), xã B (90%)
    "change",  # a Change against the previous period, worded by the bank
    "label",  # a wording of the bank's, by key
    "plain",  # text the plan made from the facts (a unit's or a period's name)
    "naming",  # (text, unit's full names…): "UBND tỉnh Gia Lai" names the unit, so later mentions say "tỉnh"
    "flag",  # prints nothing; keeps an optional part of a phrasing when a condition holds
    "message",  # a message said inside another (an evaluation, a change, a conference's name)
]


@dataclass(frozen=True, init=False)
class Slot:
    """A value a message may state, how it is printed, and where it comes from.

    ``value`` depends on ``kind``: a number, a date, a text, a list of texts, a Person, a
    :class:`~drafter.facts.figures.Change`, or for ``figures`` a list of ``(value, label key,
    source)``. ``source`` is the value's source; list kinds carry one source per item in
    ``sources``. ``unit`` is the counted word a change speaks of ("vụ", "hài cốt").
    """

    kind: SlotKind
    value: Any
    source: Source | None = None
    sources: tuple[Source | None, ...] = ()
    unit: str = ""

    def __init__(self, kind: SlotKind, value: Any, source: Source | None = None,
                 sources: tuple[Source | None, ...] = (), unit: str = ""):
        _set(self, "__dict__", {"kind": kind, "value": value, "source": source, "sources": sources, "unit": unit,
                                "empty": _empty(value)})

    #: Whether the slot has nothing to say (None, "", an empty list): worked out once, when the slot
    #: is made (a report asks it some 300 times of its 80 slots); an attribute, not a field, so
    #: equality, ``repr`` and ``replace`` are the fields'. A slot's value is never changed in place.
    empty: ClassVar[bool]


def _empty(value) -> bool:
    return value is None or value == "" or (isinstance(value, (list, tuple)) and not value)


@dataclass(frozen=True, init=False)
class Message:
    """One thing a document may say: a phrase-bank key and the slots that fill it.

    ``tone`` follows the data ("good": a target met or a figure improved; "bad": missed or
    worse; "neutral"); only the keys of good messages have phrasings with emphasis words.
    ``connect`` lets the realiser open the sentence with a connector ("Bên cạnh đó, …");
    ``lead_in`` lets it open the next message's sentence with this one said as a clause
    ("Thực hiện Chỉ thị số 13/CT-TTg …, lực lượng vũ trang tỉnh duy trì …").
    Consecutive messages of one ``group`` are said in one sentence, as clauses joined by
    semicolons ("thăm hỏi, tặng quà 5.240 lượt đối tượng; xây tặng 38 nhà tình nghĩa").
    ``instead``: what to say when the bank has no phrasing for ``key`` (a pack's bank exported
    before the key existed).
    """

    key: str
    slots: Mapping[str, Slot] = field(default_factory=dict)
    topic: str = ""
    tone: Literal["good", "bad", "neutral"] = "neutral"
    connect: bool = False
    group: str = ""
    lead_in: bool = False
    instead: tuple[Message, ...] = ()

    def __init__(self, key: str, slots: Mapping[str, Slot] = _NEW_DICT, topic: str = "",
                 tone: Literal["good", "bad", "neutral"] = "neutral", connect: bool = False, group: str = "",
                 lead_in: bool = False, instead: tuple[Message, ...] = ()):
        _set(self, "__dict__", {"key": key, "slots": {} if slots is _NEW_DICT else slots, "topic": topic, "tone": tone,
                                "connect": connect, "group": group, "lead_in": lead_in, "instead": instead})

    def present(self, name: str) -> bool:
        slot = self.slots.get(name)
        return slot is not None and not slot.empty

    def with_slots(self, slots: Mapping[str, Slot]) -> Message:
        """The message with other slots: ``dataclasses.replace(self, slots=slots)``, without its walk
        over the fields (each topic's messages are given the unit's slots this way)."""
        return Message(self.key, slots, self.topic, self.tone, self.connect, self.group, self.lead_in, self.instead)

    def filled(self) -> frozenset[str]:
        """The names of the slots that have a value: what a phrasing of the message must say."""
        return frozenset([name for name, slot in self.slots.items() if slot is not None and not slot.empty])


@dataclass(frozen=True, init=False)
class HeadingPlan:
    """A numbered heading; ``key`` names its title in the bank's ``headings``; ``slots`` fill it."""

    level: Literal["part", "roman", "arabic", "letter"]
    key: str
    slots: Mapping[str, Slot] = field(default_factory=dict)

    def __init__(self, level: Literal["part", "roman", "arabic", "letter"], key: str,
                 slots: Mapping[str, Slot] = _NEW_DICT):
        _set(self, "__dict__", {"level": level, "key": key, "slots": {} if slots is _NEW_DICT else slots})


@dataclass(frozen=True, init=False)
class ParagraphPlan:
    """One paragraph: its messages in order. ``item`` makes it a list item ("- " in Markdown).

    ``free_order`` lets the realiser vary the order of the messages, when their meaning allows.
    """

    messages: tuple[Message, ...]
    item: bool = False
    free_order: bool = False

    def __init__(self, messages: tuple[Message, ...], item: bool = False, free_order: bool = False):
        _set(self, "__dict__", {"messages": messages, "item": item, "free_order": free_order})


@dataclass(frozen=True)
class TitlePlan:
    """A news headline."""

    message: Message


@dataclass(frozen=True)
class BylinePlan:
    """The news byline, as the user wrote it."""

    text: str
    source: Source | None = None


@dataclass(frozen=True)
class TablePlan:
    """A table of figures: ``header`` names its columns by label key of the bank; each cell is a
    slot (a figure and its source) or None for a unit that gave no such figure ("-")."""

    header: tuple[str, ...]
    rows: tuple[tuple[Slot | None, ...], ...]
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class ChartPlan:
    """A bar chart the layout draws: ``bars`` are (label, value, highlighted); the axis and legend
    are label keys of the bank; the caption a message."""

    bars: tuple[tuple[str, Any, bool], ...]
    axis_label: str
    legend: tuple[str, str, str]
    caption: Message


PlanBlock = Union[HeadingPlan, ParagraphPlan, TitlePlan, BylinePlan, TablePlan, ChartPlan]


@dataclass(frozen=True)
class DocumentPlan:
    """The plan of a whole document.

    ``summary`` is the trích yếu of an administrative document; ``seed`` makes the choice of
    phrasings repeatable (the unit and the period, or a forced variant). ``terms`` are the bank's
    terms this document spells its own way, in full every time ("DQTV": "dân quân" for a commune).
    """

    kind: Literal["report", "news", "rollup"]
    blocks: tuple[PlanBlock, ...]
    seed: str
    summary: Message | None = None
    doc_type: str = "BÁO CÁO"
    terms: Mapping[str, str] = field(default_factory=dict)
