"""Finished documents: rendered in a format, written to a file, turned into a PDF."""

from __future__ import annotations

from pathlib import Path

from drafter.api.documents import draft, known_format, lay_out, render_form, report_of
from drafter.api.review import review_copy
from drafter.errors import DrafterError, Problem
from drafter.inputs import Loaded
from drafter.inputs.model import Report
from drafter.output.files import write_atomic
from drafter.packs.manifest import is_word_form


def render(source: Loaded | Report | Path | str, template: str | Path = "bao-cao", format: str = "docx",
           variant: int | None = None, review: bool = False) -> bytes | str:
    """The finished document: .docx bytes, or Markdown / plain text.

    ``template`` is a built-in pack's name, a pack folder, or an office's Word
    form (a ``.docx`` with tags, see :mod:`drafter.packs.wordform`). With ``review``, the
    .docx is a review copy: the same document with a Word comment on each figure, derived
    value, quoted text, standard sentence and warning (:func:`drafter.api.review_copy`).
    """
    known_format(format, source)
    if review:
        if format != "docx":
            raise DrafterError([Problem("E800", "--review", found=format)])
        return review_copy(source, template, variant)[0]
    if isinstance(source, Loaded):
        source = report_of(source)
    if is_word_form(template):
        return render_form(source, Path(template), format, variant)
    return lay_out(draft(source, template, variant), format)


def render_to_file(source: Loaded | Report | Path | str, output: Path | str, template: str | Path = "bao-cao",
                   format: str | None = None, variant: int | None = None, force: bool = False,
                   pdf: bool = False, review: bool = False) -> Path:
    """Render and write atomically; the format follows the output's suffix unless given.
    With ``review``, a review copy (see :func:`render`).

    With ``pdf``, a PDF is also written beside the .docx (same name, ``.pdf``) through
    LibreOffice (:mod:`drafter.output.pdf`). What would stop the PDF (not a .docx, no LibreOffice,
    the PDF already there) is checked first, so that nothing is written then.
    """
    from drafter.output.files import refuse_unusual

    output = Path(output)
    format = format or {".md": "md", ".txt": "txt"}.get(output.suffix.lower(), "docx")
    refuse_unusual(output)  # a link, a folder, a FIFO at that name: never replaced, even with force (E607)
    if output.exists() and not force:
        raise DrafterError([Problem("E501", str(output), found=str(output))])
    if pdf:
        from drafter.output import pdf as office

        if format != "docx":
            raise DrafterError([Problem("E704", str(output), found=format)])
        office.require_office()
        refuse_unusual(office.pdf_path(output))
        if office.pdf_path(output).exists() and not force:
            raise DrafterError([Problem("E501", str(office.pdf_path(output)), found=str(office.pdf_path(output)))])
    written = write_atomic(output, render(source, template, format, variant, review), force=force)
    if pdf:
        to_pdf(written, force=force)
    return written


def to_pdf(docx: Path | str, output: Path | str | None = None, force: bool = False) -> Path:
    """A PDF of a written .docx (default: beside it) made by LibreOffice; see :mod:`drafter.output.pdf`."""
    from drafter.output.pdf import docx_to_pdf

    return docx_to_pdf(docx, output, force=force)
