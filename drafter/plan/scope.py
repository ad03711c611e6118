"""What a plan is about: the figures of one unit or many, the period, and how to name them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from drafter.document import Source
from drafter.facts import Facts, PeriodWords
from drafter.facts.figures import Figures
from drafter.inputs.model import Report
from drafter.plan.model import Message, Slot
from drafter.plan.slots import filled, label, plain


@dataclass(frozen=True)
class Scope:
    """The subject of a document's results: one unit's report, or the figures of many units.

    ``report`` is None for a roll-up, whose figures are sums: its free texts are not told.
    ``units`` names the units a roll-up figure sums over, for a reviewer.
    """

    figures: Figures
    period: PeriodWords
    level_word: str = ""  # "tỉnh", "phường": the word after a body's name
    unit_full: str = ""  # "tỉnh Gia Lai"
    communes: str = "xã, phường"  # the units one level down
    report: Report | None = None
    units: tuple[str, ...] = ()
    unit_short: str = ""  # the unit named again, when not by its level word
    territory: str = ""  # the unit as a place, when its results are told of another who acts ("tỉnh Gia Lai")

    @classmethod
    def of(cls, facts: Facts) -> "Scope":
        unit = facts.unit
        if unit.level == "area":
            # A defence area is a territory, not one who acts: its command does what the results
            # say ("Ban Chỉ huy Phòng thủ khu vực 4 - Vĩnh Yên …", then "đơn vị"), as the corpus
            # writes; "Khu vực duy trì nghiêm chế độ trực …" read as no one's (a new-user trial).
            return cls(facts.figures, facts.period, unit.level_word, unit.command_full, unit.communes, facts.report,
                       unit_short="đơn vị", territory=unit.full)
        if facts.report.document.issuer == "chqs" and _military_organiser(facts.report):
            # The military command's own report: it did the work ("Bộ CHQS tỉnh duy trì nghiêm chế
            # độ trực …", "Ban CHQS huyện triển khai …", as the corpus writes), not the province:
            # three new-user trials marked "Tỉnh tham mưu …", "Huyện duy trì …"
            return cls(facts.figures, facts.period, unit.level_word, _command_named(unit), unit.communes,
                       facts.report, unit_short=unit.command, territory=unit.full)
        return cls(facts.figures, facts.period, unit.level_word, unit.full, unit.communes, facts.report)

    def section(self, name: str):
        """The report's section ``name`` (None for a roll-up or when not given)."""
        return getattr(self.report, name, None) if self.report is not None else None

    # common slots ----------------------------------------------------------------------------

    def unit(self) -> Slot:
        """The unit, named in full the first time and by its level word after ("tỉnh")."""
        return self._unit

    def level(self) -> Slot:
        return self._level

    def place(self) -> Slot:
        """The unit as a place ("tỉnh Gia Lai", then "tỉnh"), for what is told of it, not done by its
        command: its economy, the crimes in it."""
        if not self.territory:
            return self._unit
        return Slot("place", (self.territory, self.level_word), Source("unit.name", self.territory, "text"))

    # Every topic's messages are given both (:func:`with_subject`): made once per document. A slot
    # is immutable, and who was named when is the realiser's (referring.Mentions), not the slot's.
    @cached_property
    def _unit(self) -> Slot:
        return Slot("unit", (self.unit_full, self.unit_short or self.level_word), Source("unit.name", self.unit_full, "text"))

    @cached_property
    def _level(self) -> Slot:
        return plain(self.level_word, "unit.kind")

    def in_period(self) -> Slot:
        return label(f"in_period.{self.period.span}")

    def period_name(self) -> Slot:
        return plain(self.period.name, "period.year")

    def next_period(self) -> Slot:
        return _period(self.period.next_name, self.period.next_short, "next")

    def when(self) -> Slot:
        """The period as a sentence opens with it: "Năm 2026", "Trong 6 tháng đầu năm 2026"."""
        return plain(self.period.opening, "period.year")

    def next_when(self) -> Slot:
        """The next period as a sentence opens with it: "Năm 2027", "Trong 6 tháng cuối năm 2026"."""
        return _period(self.period.next_opening, self.period.next_opening_short, "next")


def _period(full: str, short: str, key: str) -> Slot:
    """A period named in full, then shorter once said (``key``: the period, however the sentence opens)."""
    return Slot("period", (full, short or full, key), Source("period.year", full, "text"))


def _military_organiser(report: Report) -> bool:
    """Whether the conference, if any, is the military's own: organised by the command (the default
    for its report) or its Party committee, not by the people's committee ("UBND phường …")."""
    conference = report.conference
    organiser = conference.organiser if conference is not None and conference.organiser else ""
    return not organiser or bool(_MILITARY.search(organiser))


_MILITARY = re.compile(r"(?i)quân sự|\bCHQS\b|Chỉ huy")


def _command_named(unit) -> str:
    """The unit's military command in running text: "Bộ CHQS tỉnh Gia Lai", "Ban CHQS phường An Khê";
    a capital's command by its whole name ("Bộ Tư lệnh Thủ đô Hà Nội")."""
    return f"{unit.command} {unit.name}" if unit.command.endswith(" " + unit.kind) else unit.command_full


def own_terms(facts: Facts) -> dict[str, str]:
    """The bank's terms a document says with another of its terms: a commune's force is its dân
    quân ("DQ"), not dân quân tự vệ ("DQTV"), unless it has tự vệ (:attr:`Facts.militia_only`)."""
    return {"DQTV": "DQ"} if facts.militia_only else {}


def with_subject(scope: Scope, messages: list[Message]) -> list[Message]:
    """Results messages given the unit's name and level word, which a phrasing may use."""
    extra = {"unit": scope.unit(), "level": scope.level()}
    return [m.with_slots({**extra, **m.slots}) for m in messages]


def message(key: str, topic: str, group: str = "", tone: str = "neutral", connect: bool = False,
            **found: Slot | None) -> Message:
    """A message with the given slots (empty ones left out)."""
    return Message(key, filled(found), topic=topic, tone=tone, connect=connect, group=group)


def nested(key: str, topic: str, **found: Slot | None) -> Slot | None:
    """A message said inside another one (an evaluation, a party share), as a slot; None when
    none of its slots has a value."""
    inner = message(key, topic, **found)
    return Slot("message", inner) if inner.slots else None


def outcome(value, target: int = 100) -> tuple[str, str]:
    """("met" | "exceeded" | "missed", tone) of a rate against its target.

    >>> outcome(100), outcome(98.08), outcome(101)
    (('met', 'good'), ('missed', 'bad'), ('exceeded', 'good'))
    """
    if value > target:
        return "exceeded", "good"
    if value == target:
        return "met", "good"
    return "missed", "bad"
