"""Notes on what a Word form printed: each ``{{ … }}`` with the field it shows and where that is typed.

A form has no sentences: what it says is the office's own text, which a reviewer knows. What a
reviewer checks is each value the form filled in, so each print gets the note of its source
(:mod:`drafter.checks.provenance`), headed by the form's expression; a print that is no one
field of the input (a unit's full name, a place) is said to be the program's wording; a warning
of the input goes with the first print of its field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from pydantic import BaseModel

from drafter.checks.provenance import Describer, Explanation, Line, Mark, Note
from drafter.document import Source
from drafter.facts.figures import CHANGES, DERIVED_INPUTS
from drafter.inputs.locate import Locator, parse_path, value_at


class FormNotes:
    """``notes(number, text)`` for :func:`drafter.layout.review.review_form`, print by print."""

    def __init__(self, describer: Describer, marks):
        self.describer, self.marks = describer, marks  # a drafter.packs.formmarks.FormMarks
        self.pending = list(describer.where.warnings)

    def notes(self, number: int, text: str) -> list[Note]:
        if self.marks.literal(number):
            return []  # the office's own words, written as a tag: nothing to trace
        expression, path = self.marks.variable(number)
        source = self.source(path, text)
        head = f"Biến “{{{{ {expression} }}}}” của mẫu Word. "
        if source is None:
            note = Note("variable", head + "Do chương trình soạn từ số liệu (không phải một trường nhập): "
                        "xác nhận lại cho phù hợp.", path, variable=expression)
            return [note]
        note = self.describer.note(source, text)
        found = [dataclasses.replace(note, text=head + note.text, variable=expression)]
        wanted = [parse_path(path), *(parse_path(p) for p in source.inputs)]
        for problem in list(self.pending):
            loc = parse_path(problem.path) if problem.path else None
            if loc and any(w[:len(loc)] == loc for w in wanted):
                found.append(self.describer.warning(problem))
                self.pending.remove(problem)
        return found

    def source(self, path: str, text: str) -> Source | None:
        if not path:
            return None
        if path in DERIVED_INPUTS:
            return Source(path, text, "derived", DERIVED_INPUTS[path])
        if path.startswith("changes."):
            rule = CHANGES.get(path[8:])
            return Source(path, text, "derived", rule) if rule else None
        report = self.describer.report
        raw = value_at(report, path) if report is not None else None
        if raw is None or isinstance(raw, BaseModel) or isinstance(raw, (list, tuple)):
            return None
        figure = isinstance(raw, (int, float)) and not isinstance(raw, bool)
        return Source(path, str(raw), "figure" if figure else "text")


def explain_form(lines: Sequence[tuple[str, list]], where: Locator, template: str) -> Explanation:
    """The explanation of a filled form from what :func:`drafter.layout.review.review_form` found."""
    explained, marks = [], []
    for index, (text, noted) in enumerate(lines):
        sources = tuple((text[start:end], note) for start, end, note in noted if note.kind != "warning")
        warnings = tuple(note for _, _, note in noted if note.kind == "warning")
        explained.append(Line(index, "form", text, sources=sources, warnings=warnings))
        marks += [Mark(index, start, end, note) for start, end, note in noted]
    return Explanation(where.source, template, tuple(explained), tuple(marks))
