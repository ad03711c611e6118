"""Review copies and explanations: a draft with a Word comment on each figure, derived value,
quoted text, standard sentence and warning, or the same notes as text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.api.documents import draft, lay_out, located, render_form
from drafter.document import Draft
from drafter.inputs import Loaded
from drafter.inputs.model import Report
from drafter.packs.manifest import is_word_form

if TYPE_CHECKING:
    from drafter.checks.provenance import Explanation


def explain(source: Loaded | Report | Path | str, template: str | Path = "bao-cao",
            variant: int | None = None) -> Explanation:
    """The draft sentence by sentence, each with its sources: field, value, and where it is typed.

    ``source`` is best a :class:`~drafter.inputs.Loaded` (from :func:`drafter.inputs.load` or
    :func:`drafter.inputs.excel.read_workbook`), or a file's path: a bare report has no places.
    ``.summary`` counts what a reviewer checks; ``.as_json()`` is what ``--format json`` prints.
    """
    return review_copy(source, template, variant, docx=False)[1]


def review_copy(source: Loaded | Report | Path | str, template: str | Path = "bao-cao", variant: int | None = None,
                docx: bool = True) -> tuple[bytes, Explanation]:
    """The review copy (.docx bytes with Word comments; b"" unless ``docx``) and its explanation."""
    from drafter.checks.provenance import Describer, explain_draft
    
    report, where = located(source)
    if is_word_form(template):
        from drafter.checks.formnotes import FormNotes, explain_form
        from drafter.layout.review import review_form
        from drafter.packs.formmarks import FormMarks

        marks = FormMarks()
        filled = render_form(report, Path(template), "docx", variant, marks)
        notes = FormNotes(Describer(report, where), marks)
        data, lines = review_form(filled, marks.pattern, marks.start_or_end, notes.notes)
        return data, explain_form(lines, where, str(template))
    result = draft(report, template, variant)
    explained = explain_draft(result, report, where, str(template))
    if not docx:
        return b"", explained
    from drafter.layout.review import review_copy as commented

    return commented(lay_out(result, "docx"), result, explained.marks), explained


def review_draft(result: Draft, report: Report | None = None) -> tuple[bytes, Explanation]:
    """The review copy of a draft made elsewhere, a roll-up's for one: its notes come from the
    sources alone (a roll-up figure names the units it sums), without places in a file."""
    from drafter.checks.provenance import explain_draft
    from drafter.layout.review import review_copy as commented

    explained = explain_draft(result, report)
    return commented(lay_out(result, "docx"), result, explained.marks), explained
