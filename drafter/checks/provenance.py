"""Where each statement of a draft comes from, in the words a reviewer checks it with.

A draft's sentences carry their sources (:mod:`drafter.document`); this module says each of
them for a reviewing officer or editor, as Word comments (:mod:`drafter.layout.review`) and as
``drafter explain`` prints them:

- a figure: the field's Vietnamese title, the value as typed, and where (``so-lieu.yaml:122``,
  ``so-lieu-2026.xlsx!Số liệu!D7``); a roll-up figure, the units it sums;
- a derived value: the computation with formatted numbers and where its inputs are;
- the user's own words: that they are quoted from the input, and where (each field once);
- a frame of the phrase bank: standard wording that states no input, to confirm;
- a warning of the input (W4xx): at the first sentence resting on its field.

>>> from drafter import api
>>> from drafter.inputs import load
>>> loaded = load("samples/gia-lai-2026.yaml")
>>> explained = explain_draft(api.draft(loaded.report, "bao-cao"), loaded.report, Locator.of(loaded))
>>> [m.note.text for m in explained.marks if m.note.path == "recruitment_rate"][0]
'Số tự tính: Tỷ lệ giao quân đạt chỉ tiêu (%) = 3.350 / 3.350 = 100%. Từ: recruitment.delivered (gia-lai-2026.yaml:109), recruitment.quota (gia-lai-2026.yaml:108).'
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from drafter.document import Block, Byline, Draft, Heading, Paragraph, Sentence, Source, Title
from drafter.errors import Problem
from drafter.facts import figures as figure_rules
from drafter.inputs.locate import NOWHERE, Locator, Place, parse_path, title, value_at
from drafter.inputs.model import Report
from drafter.vnformat import format_decimal, format_integer, format_percent

FRAME_TEXT = "Lời văn chuẩn của mẫu, không nêu số liệu nào: xác nhận lại cho phù hợp."
TITLE_TEXT = "Tiêu đề do mẫu đặt, không nêu số liệu nào: xác nhận lại cho phù hợp."
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
        data["inputs"] = [{"path": path, "place": place} for path, place in self.inputs]
        data["units"] = list(self.units)
        return data


@dataclass(frozen=True)
class Mark:
    """A note anchored on characters ``start:end`` of the printed text of block ``block``."""

    block: int
    start: int
    end: int
    note: Note


@dataclass(frozen=True)
class Line:
    """One sentence (or heading, title, byline, paragraph without sentences) and its sources."""

    block: int
    kind: str  # "sentence", "heading", "title", "byline", "paragraph"
    text: str
    message: str = ""
    topic: str = ""
    frame: bool = False
    sources: tuple[tuple[str, Note], ...] = ()  # (the text the source stands for, its note)
    warnings: tuple[Note, ...] = ()
    start: int = 0  # where the sentence starts in its block's text, or -1 when it cannot be found

    def as_json(self) -> dict:
        return {"block": self.block, "kind": self.kind, "text": self.text, "message": self.message,
                "topic": self.topic, "frame": self.frame,
                "sources": [{"text": text, **note.as_json()} for text, note in self.sources],
                "warnings": [note.as_json() for note in self.warnings]}


@dataclass(frozen=True)
class Summary:
    """How much a reviewer has to check: the comments of a review copy, by kind."""

    figures: int = 0
    derived: int = 0
    frames: int = 0
    quoted: int = 0
    warnings: int = 0
    #: Paragraphs and sentences that say nothing of their sources (a pack without a phrase bank).
    unsourced: int = 0
    #: A Word form's prints that are no one field of the input (a unit's full name, a place).
    variables: int = 0

    @property
    def comments(self) -> int:
        return self.figures + self.derived + self.frames + self.quoted + self.warnings + self.variables

    def __add__(self, other: Summary) -> Summary:
        return Summary(*(a + b for a, b in zip(dataclasses.astuple(self), dataclasses.astuple(other))))

    def as_json(self) -> dict:
        return {**dataclasses.asdict(self), "comments": self.comments}


@dataclass(frozen=True)
class Explanation:
    """A draft sentence by sentence with its sources, the comments of its review copy, the counts."""

    source: str
    template: str
    lines: tuple[Line, ...]
    marks: tuple[Mark, ...]

    @property
    def summary(self) -> Summary:
        counts = {"figure": 0, "derived": 0, "frame": 0, "text": 0, "warning": 0, "variable": 0}
        for mark in self.marks:
            counts[mark.note.kind] += 1
        unsourced = sum(1 for line in self.lines if line.kind in ("sentence", "paragraph")
                        and not line.frame and not line.sources)
        return Summary(counts["figure"], counts["derived"], counts["frame"], counts["text"], counts["warning"],
                       unsourced, counts["variable"])

    def as_json(self) -> dict:
        return {"source": self.source, "template": self.template, "summary": self.summary.as_json(),
                "sentences": [line.as_json() for line in self.lines]}


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
            raw = source.value if raw is None or hasattr(raw, "model_fields") else raw
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
        return f" Cộng từ {len(source.units)} đơn vị: {names}" + (f" và {more} đơn vị khác." if more > 0 else ".")

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
            if part is None or whole is None:
                return ""
            return f" = {number(part)} / {number(whole)} = {format_percent(Decimal(source.value))}"
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
    from drafter.packs.guide import DERIVED_TITLES  # the guide's titles of derived values, one wording

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


# ------------------------------------------------------------------ a draft


def explain_draft(draft: Draft, report: Report | None, where: Locator = NOWHERE, template: str = "",
                  describer: Describer | None = None) -> Explanation:
    """Every sentence of ``draft`` with its notes, and the marks of its review copy."""
    walk = _Walk(describer or Describer(report, where), report)
    for index, block in enumerate(draft.blocks):
        walk.block(index, block)
    walk.leftover_warnings()
    return Explanation(where.source, template, tuple(walk.lines), tuple(walk.marks))


class _Walk:
    def __init__(self, describer: Describer, report: Report | None):
        self.describer, self.report = describer, report
        self.lines: list[Line] = []
        self.marks: list[Mark] = []
        self.quoted: set[str] = set()  # text fields already commented: a unit's name once, not each time
        self.pending: list[Problem] = list(describer.where.warnings)

    def block(self, index: int, block: Block) -> None:
        if isinstance(block, Paragraph) and block.sentences:
            cursor = 0
            for sentence in block.sentences:
                start = block.text.find(sentence.text, cursor)
                cursor = start + len(sentence.text) if start >= 0 else cursor
                self.sentence(index, sentence, start)
        elif isinstance(block, Paragraph) and block.text.strip():
            self.lines.append(Line(index, "paragraph", block.text))
        elif isinstance(block, Heading):
            self.lines.append(Line(index, "heading", block.display))
        elif isinstance(block, Title) and block.text.strip():
            note = Note("frame", TITLE_TEXT)
            self.lines.append(Line(index, "title", block.text, frame=True))
            self.marks.append(Mark(index, 0, len(block.text), note))
        elif isinstance(block, Byline) and block.text.strip():
            sources: tuple[tuple[str, Note], ...] = ()
            if self.report is not None and self.report.byline:
                note = self.describer.note(Source("byline", self.report.byline, "text"), block.text)
                sources = ((block.text, note),)
                self.marks.append(Mark(index, 0, len(block.text), note))
            self.lines.append(Line(index, "byline", block.text, sources=sources))

    def sentence(self, index: int, sentence: Sentence, start: int) -> None:
        found: list[tuple[str, Note]] = []
        position = start
        spanned = set()
        for span in sentence.spans:
            if span.source is not None:
                spanned.add(span.source)
                note = self.describer.note(span.source, span.text)
                found.append((span.text, note))
                if start >= 0 and span.text.strip() and self._comment(span.source):
                    self.marks.append(Mark(index, position, position + len(span.text), note))
            position += len(span.text)
        found += [("", self.describer.note(source)) for source in sentence.sources if source not in spanned]
        end = start + len(sentence.text)
        if sentence.frame and start >= 0:
            self.marks.append(Mark(index, start, end, Note("frame", FRAME_TEXT)))
        warnings = tuple(self.describer.warning(w) for w in self._warnings_of(sentence))
        if start >= 0:
            self.marks += [Mark(index, start, end, note) for note in warnings]
        self.lines.append(Line(index, "sentence", sentence.text, sentence.message, sentence.topic, sentence.frame,
                               tuple(found), warnings, start))

    def _comment(self, source: Source) -> bool:
        if source.kind != "text":
            return True  # every figure and derived value, each time it is printed
        if source.path in self.quoted:
            return False
        self.quoted.add(source.path)
        return True

    def _warnings_of(self, sentence: Sentence) -> list[Problem]:
        locs = [parse_path(path) for source in sentence.all_sources() for path in (source.path, *source.inputs)]
        found = []
        for problem in list(self.pending):
            wanted = parse_path(problem.path) if problem.path else None
            if wanted and any(loc[:len(wanted)] == wanted for loc in locs):
                found.append(problem)
                self.pending.remove(problem)
        return found

    def leftover_warnings(self) -> None:
        """Warnings no sentence rests on go to the first sentence, so that none is lost."""
        if not self.pending:
            return
        first = next((n for n, line in enumerate(self.lines) if line.kind == "sentence" and line.start >= 0), None)
        if first is None:
            return
        line = self.lines[first]
        notes = tuple(self.describer.warning(problem) for problem in self.pending)
        self.lines[first] = dataclasses.replace(line, warnings=line.warnings + notes)
        self.marks += [Mark(line.block, line.start, line.start + len(line.text), note) for note in notes]
        self.pending = []
