"""The library API: every CLI command is a thin wrapper over these functions.

>>> from drafter import api
>>> data = api.render("samples/gia-lai-2026.yaml", template="bao-cao", format="txt")  # doctest: +SKIP
"""

from __future__ import annotations

import os
from pathlib import Path

from drafter.document import Draft
from drafter.errors import DrafterError, Problem
from drafter.facts import build_facts
from drafter.inputs import Loaded, load, load_report
from drafter.inputs.model import Report
from drafter.output.files import write_atomic
from drafter.packs import TemplatePackError
from drafter.packs.manifest import builtin_names, is_word_form
from drafter.packs.jinja import build_draft

FORMATS = ("docx", "md", "txt")


def validate(paths: list[Path | str]) -> list[Loaded]:
    """Load and check every file; problems of all files are returned, none raised."""
    return [load(path) for path in paths]


def draft(source: Report | Path | str, template: str | Path = "bao-cao", variant: int | None = None) -> Draft:
    """Input -> facts -> wording: the draft as plain data, before any layout.

    The pack is checked first (:func:`drafter.packs.catalog.check`): a template with a
    problem is refused before any of it runs.
    """
    from drafter.packs.pack_check import check_pack

    if is_word_form(template):
        # a Word form is filled in place; it has no draft to give
        raise DrafterError([Problem("E525", str(template), found="bản thảo trung gian (draft)")])
    report = source if isinstance(source, Report) else load_report(source)
    pack = find_pack(template)
    problems = check_pack(pack.folder, trial=False)  # the real run follows: no need for a trial one
    if problems:
        raise DrafterError(problems)
    if report.period.span not in pack.periods:
        raise DrafterError([Problem("E505", str(template), found=report.period.span,
                                    expected=", ".join(pack.periods))])
    try:
        return build_draft(pack, build_facts(report), variant)
    except TemplatePackError as error:
        raise DrafterError([error.problem(pack.name)]) from None


def render(source: Report | Path | str, template: str | Path = "bao-cao", format: str = "docx",
           variant: int | None = None) -> bytes | str:
    """The finished document: .docx bytes, or Markdown / plain text.

    ``template`` is a built-in pack's name, a pack folder, or an office's Word
    form (a ``.docx`` with tags, see :mod:`drafter.packs.wordform`).
    """
    if format not in FORMATS:
        raise DrafterError([Problem("E505", str(source), found=format, expected=", ".join(FORMATS))])
    if is_word_form(template):
        return _render_form(source, Path(template), format, variant)
    result = draft(source, template, variant)
    return lay_out(result, format)


def lay_out(result: Draft, format: str = "docx") -> bytes | str:
    """Draft -> document in the chosen format, with the layout its kind calls for."""
    from drafter.layout import decree30, news, text

    if format == "md":
        return text.write_markdown(result)
    if format == "txt":
        return text.write_text(result)
    if result.masthead is not None:
        return decree30.write_decree30(result)
    return news.write_news_docx(result)


def render_to_file(source: Report | Path | str, output: Path | str, template: str | Path = "bao-cao",
                   format: str | None = None, variant: int | None = None, force: bool = False,
                   pdf: bool = False) -> Path:
    """Render and write atomically; the format follows the output's suffix unless given.

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
    written = write_atomic(output, render(source, template, format, variant), force=force)
    if pdf:
        to_pdf(written, force=force)
    return written


def to_pdf(docx: Path | str, output: Path | str | None = None, force: bool = False) -> Path:
    """A PDF of a written .docx (default: beside it) made by LibreOffice; see :mod:`drafter.output.pdf`."""
    from drafter.output.pdf import docx_to_pdf

    return docx_to_pdf(docx, output, force=force)


def _render_form(source: Report | Path | str, form: Path, format: str, variant: int | None) -> bytes:
    from drafter.packs import wordform

    if format != "docx":
        raise DrafterError([Problem("E525", str(form), found=format)])
    check_template(form, trial=False)  # all problems, before anything runs
    report = source if isinstance(source, Report) else load_report(source)
    return wordform.render_form(form, build_facts(report), variant)


def find_pack(template: str | Path):
    """A built-in pack by name or a pack folder; :class:`DrafterError` (E503 unknown, E522 not a
    pack, E504… a broken one) otherwise."""
    from drafter.packs.catalog import pack_or_error

    return pack_or_error(template)


def check_template(template: str | Path, trial: bool = True) -> None:
    """Raise :class:`DrafterError` with every problem of a template (a built-in pack's name, a
    pack folder or a Word form), or E503 when there is no such template; checked once per file
    version, so a batch pays for it once. ``trial``: also run it once on example data
    (:mod:`drafter.packs.check`)."""
    from drafter.packs.catalog import check

    if is_word_form(template) and not os.path.lexists(template):
        raise DrafterError([Problem("E503", str(template), found=str(template), expected=", ".join(builtin_names()))])
    if not is_word_form(template):
        find_pack(template)  # E503 for an unknown name, rather than "not a template"
    problems = check(template, trial=trial)
    if problems:
        raise DrafterError(problems)


def schema_json() -> str:
    """The JSON Schema of the input model, as editors (VS Code's YAML extension) read it."""
    import json

    from drafter.inputs.model import Report

    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Số liệu báo cáo công tác quốc phòng, quân sự địa phương"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
