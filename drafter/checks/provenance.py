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
from dataclasses import dataclass

from drafter.checks.describe import Describer, Note
from drafter.document import (
    Block,
    Byline,
    Draft,
    Heading,
    Masthead,
    Paragraph,
    Sentence,
    Source,
    Title,
)
from drafter.errors import Problem
from drafter.inputs.locate import NOWHERE, Locator, parse_path
from drafter.inputs.model import Report

__all__ = ["Describer", "Explanation", "Line", "Mark", "Note", "Summary", "explain_draft"]

FRAME_TEXT = "Lời văn chuẩn của mẫu, không nêu số liệu nào: xác nhận lại cho phù hợp."
TITLE_TEXT = "Tiêu đề do mẫu đặt, không nêu số liệu nào: xác nhận lại cho phù hợp."


#: The block number of a mark or line of the masthead (agency, number, date, signer).
MASTHEAD = -1


@dataclass(frozen=True)
class Mark:
    """A note anchored on characters ``start:end`` of the printed text of block ``block``;
    on the masthead (``block`` is :data:`MASTHEAD`), of the paragraph whose text is ``paragraph``."""

    block: int
    start: int
    end: int
    note: Note
    paragraph: str = ""


@dataclass(frozen=True)
class Line:
    """One sentence (or heading, title, byline, paragraph without sentences) and its sources."""

    block: int
    kind: str  # "sentence", "heading", "title", "byline", "paragraph", "masthead"
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


# ------------------------------------------------------------------ a draft


def explain_draft(draft: Draft, report: Report | None, where: Locator = NOWHERE, template: str = "",
                  describer: Describer | None = None) -> Explanation:
    """Every sentence of ``draft`` with its notes, and the marks of its review copy."""
    walk = _Walk(describer or Describer(report, where), report)
    closing = walk.masthead(draft.masthead) if draft.masthead is not None and report is not None else []
    for index, block in enumerate(draft.blocks):
        walk.block(index, block)
    walk.leftover_warnings()
    walk.lines += closing
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

    def masthead(self, masthead: Masthead) -> list[Line]:
        """Notes on what the officer signs under: agency, number, place and date (lines now), signer
        (the line returned, for the end)."""
        assert self.report is not None
        document, describe = self.report.document, self.describer.note
        found: list[tuple[str, Note]] = []
        agency = masthead.issuing_agency.upper()
        if agency and document.issuing_agency:
            found.append((agency, describe(Source("document.issuing_agency", document.issuing_agency, "text"), agency)))
        elif agency:
            unit = self.report.unit
            found.append((agency, Note("derived", f"Tự suy: tên cơ quan ban hành theo đơn vị “{unit.kind} {unit.name}” "
                                       f"và cơ quan ban hành (document.issuer = {document.issuer}); quy tắc: "
                                       "docs/co-quan-ban-hanh.md.", "document.issuing_agency")))
        if masthead.number and document.number is not None:
            found.append((masthead.number, describe(Source("document.number", str(document.number)))))
        elif masthead.number:
            found.append((masthead.number, Note("frame", "Số văn bản để trống: văn thư điền khi ban hành.")))
        if masthead.place_date:
            note = describe(Source("document.date", document.date.isoformat())) if document.date is not None \
                else Note("frame", "Ngày ban hành để trống: điền ngày, tháng khi ký.")
            name = masthead.place_date.split(",")[0]
            typed = self.describer.place("document.place")
            place = ("nhập tại document.place" + (f" ({typed.short})" if typed else "") if document.place
                     else "tự suy từ nơi cơ quan ban hành đóng trụ sở")
            found.append((masthead.place_date, dataclasses.replace(note, text=f"{note.text} Địa danh “{name}”: {place}.")))
        signer = masthead.signature.signer
        closing = ([(signer, describe(Source("document.signer.name", document.signer.name, "text"), signer))]
                   if signer else [])
        for text, note in found + closing:
            self.marks.append(Mark(MASTHEAD, 0, len(text), note, text))
        self.lines += [Line(MASTHEAD, "masthead", text, sources=((text, note),)) for text, note in found]
        return [Line(MASTHEAD, "masthead", text, sources=((text, note),)) for text, note in closing]

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
