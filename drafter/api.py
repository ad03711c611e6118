"""The library API: every CLI command is a thin wrapper over these functions.

>>> from drafter import api
>>> data = api.render("samples/gia-lai-2026.yaml", template="bao-cao", format="txt")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.document import Draft
from drafter.errors import DrafterError, Problem
from drafter.facts import build_facts
from drafter.inputs import Loaded, load, load_report
from drafter.inputs.model import Report
from drafter.output.files import write_atomic
from drafter.realise.bank import BankError
from drafter.packs import TemplatePackError
from drafter.packs.manifest import builtin_names, load_pack
from drafter.packs.jinja import build_draft

if TYPE_CHECKING:  # the checks are imported when asked for, off the render path
    from drafter.checks.provenance import Explanation
    from drafter.checks.run import CheckResult

FORMATS = ("docx", "md", "txt")


def validate(paths: list[Path | str]) -> list[Loaded]:
    """Load and check every file; problems of all files are returned, none raised."""
    return [load(path) for path in paths]


def draft(source: Loaded | Report | Path | str, template: str | Path = "bao-cao", variant: int | None = None) -> Draft:
    """Input -> facts -> wording: the draft as plain data, before any layout.

    The pack is checked first (:func:`drafter.packs.catalog.check`): a template with a
    problem is refused before any of it runs.
    """
    return _pack_and_draft(source, template, variant)[1]


def _pack_and_draft(source: Report | Path | str, template: str | Path, variant: int | None):
    from drafter.packs.catalog import is_word_form

    if is_word_form(template):
        # a Word form is filled in place; it has no draft to give
        raise DrafterError([Problem("E525", str(template), found="bản thảo trung gian (draft)")])
    report = _report(source)
    pack = _checked_pack(template)
    if pack.kind == "rollup":  # it speaks of many units, not of one report
        raise DrafterError([Problem("E504", str(pack.folder / "manifest.yaml"), found=pack.name, extra={
            "detail": "mẫu này tổng hợp nhiều đơn vị, dùng lệnh “drafter rollup”"})])
    if report.period.span not in pack.periods:
        raise DrafterError([Problem("E505", str(template), found=report.period.span,
                                    expected=", ".join(pack.periods))])
    try:
        if pack.uses_bank:
            from drafter.realise.draft import draft_with_bank

            return pack, draft_with_bank(pack, build_facts(report), variant)
        return pack, build_draft(pack, build_facts(report), variant)
    except BankError as error:
        raise _bank_error(error) from None
    except TemplatePackError as error:
        if error.unsafe:
            raise DrafterError([Problem("E518", error.where, extra={"detail": error.detail})]) from None
        raise DrafterError([Problem("E504", error.where, found=pack.name, extra={"detail": error.detail})]) from None


def render(source: Loaded | Report | Path | str, template: str | Path = "bao-cao", format: str = "docx",
           variant: int | None = None, review: bool = False) -> bytes | str:
    """The finished document: .docx bytes, or Markdown / plain text.

    ``template`` is a built-in pack's name, a pack folder, or an office's Word
    form (a ``.docx`` with tags, see :mod:`drafter.packs.wordform`). With ``review``, the
    .docx is a review copy: the same document with a Word comment on each figure, derived
    value, quoted text, standard sentence and warning (:func:`review_copy`).
    """
    _known_format(format, source)
    if review:
        if format != "docx":
            raise DrafterError([Problem("E800", "--review", found=format)])
        return review_copy(source, template, variant)[0]
    if isinstance(source, Loaded):
        source = _report(source)
    if _is_form(template):
        return _render_form(source, Path(template), format, variant)
    result = draft(source, template, variant)
    return lay_out(result, format)


def check(source: Report | Path | str, template: str | Path = "bao-cao", format: str | None = None,
          variant: int | None = None, spelling: bool = True, allowed: Iterable[str] = ()) -> CheckResult:
    """Render a draft and run every check of :mod:`drafter.checks` on it.

    Figures traced to the input and none left out, sentences with a source and every item of the
    user's said (phrase-bank packs; a Word form or a Jinja pack has no sentences to check), text
    hygiene, and spelling unless ``spelling`` is false or hunspell is missing, with the input's
    words and ``allowed`` accepted. ``format`` is the one checked: txt unless given, docx for a
    Word form (its text read back as a reader sees it).
    """
    from drafter.checks.extract import docx_text
    from drafter.checks.run import run_checks

    report = source if isinstance(source, Report) else load_report(source)
    format = format or ("docx" if _is_form(template) else "txt")
    _known_format(format, source)
    if _is_form(template):
        pack, result = None, None
        content = _render_form(report, Path(template), format, variant)
    else:
        pack, result = _pack_and_draft(report, template, variant)
        content = lay_out(result, format)
    text = docx_text(content) if format == "docx" else content
    return run_checks(text, build_facts(report), template, format,
                      result if pack is not None and pack.uses_bank else None, pack.kind if pack is not None else "",
                      spelling, allowed)


def _is_form(template: str | Path) -> bool:
    return str(template).lower().endswith(".docx")


def _known_format(format: str, where) -> None:
    if format not in FORMATS:
        raise DrafterError([Problem("E505", str(where), found=format, expected=", ".join(FORMATS))])


def lay_out(result: Draft, format: str = "docx") -> bytes | str:
    """Draft -> document in the chosen format, with the layout its kind calls for."""
    from drafter.layout import decree30, drawn, news, text

    if format == "md":
        return text.write_markdown(result)
    if format == "txt":
        return text.write_text(result)
    result = drawn(result)
    if result.masthead is not None:
        return decree30.write_decree30(result)
    return news.write_news_docx(result)


def render_to_file(source: Loaded | Report | Path | str, output: Path | str, template: str | Path = "bao-cao",
                   format: str | None = None, variant: int | None = None, force: bool = False,
                   pdf: bool = False, review: bool = False) -> Path:
    """Render and write atomically; the format follows the output's suffix unless given.
    With ``review``, a review copy (see :func:`render`).

    With ``pdf``, a PDF is also written beside the .docx (same name, ``.pdf``) through
    LibreOffice (:mod:`drafter.output.pdf`). What would stop the PDF (not a .docx, no LibreOffice,
    the PDF already there) is checked first, so that nothing is written then.
    """
    output = Path(output)
    format = format or {".md": "md", ".txt": "txt"}.get(output.suffix.lower(), "docx")
    if output.exists() and not force:
        raise DrafterError([Problem("E501", str(output), found=str(output))])
    if pdf:
        from drafter.output import pdf as office

        if format != "docx":
            raise DrafterError([Problem("E704", str(output), found=format)])
        office.require_office()
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


def _render_form(source: Report | Path | str, form: Path, format: str, variant: int | None, marks=None) -> bytes:
    from drafter.packs import wordform

    if format != "docx":
        raise DrafterError([Problem("E525", str(form), found=format)])
    if not form.is_file():
        raise DrafterError([Problem("E503", str(form), found=str(form), expected=", ".join(builtin_names()))])
    problems = wordform.check_form(form)  # all of them, before anything runs
    if problems:
        raise DrafterError(problems)
    report = source if isinstance(source, Report) else load_report(source)
    return wordform.render_form(form, build_facts(report), variant, marks)


# ------------------------------------------------------------------ review


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
    from drafter.packs.catalog import is_word_form

    report, where = _located(source)
    if is_word_form(template):
        from drafter.checks.formnotes import FormNotes, explain_form
        from drafter.layout.review import review_form
        from drafter.packs.formmarks import FormMarks

        marks = FormMarks()
        filled = _render_form(report, Path(template), "docx", variant, marks)
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


def _report(source: Loaded | Report | Path | str) -> Report:
    return _located(source)[0]


def _located(source: Loaded | Report | Path | str):
    """(report, locator) of any source; a report given bare has no places."""
    from drafter.inputs.locate import NOWHERE, Locator

    if isinstance(source, Report):
        return source, NOWHERE
    loaded = source if isinstance(source, Loaded) else load(source)
    if not loaded.ok:
        raise DrafterError([p for p in loaded.problems if p.is_error])
    return loaded.report, Locator.of(loaded)


def _checked_pack(template: str | Path):
    """A pack by name or folder, refused with every problem of its check before any of it runs."""
    from drafter.packs.catalog import check_pack

    pack = find_pack(template)
    problems = check_pack(pack.folder)
    if problems:
        raise DrafterError(problems)
    return pack


def _bank_error(error: BankError) -> DrafterError:
    from drafter.packs.catalog import bank_problem

    return DrafterError([bank_problem(*problem) for problem in error.problems])


# ------------------------------------------------------------------ roll-up


@dataclass(frozen=True)
class Rollup:
    """A finished roll-up: the document, and what the officer should know about it."""

    content: bytes | str
    count: int
    period: str
    #: Warnings of the input files (W4xx) and of the roll-up itself (W536–W538).
    input_warnings: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    #: The file written, when the roll-up was asked to write one.
    path: Path | None = None


def rollup_draft(inputs, settings=None, template: str | Path = "tong-hop", variant: int | None = None) -> Draft:
    """Many units of one period -> one report over their figures, before any layout.

    ``inputs`` are YAML files, folders, workbooks or :class:`~drafter.inputs.model.Report`
    objects; ``settings`` what the roll-up cannot derive (:class:`~drafter.inputs.rollup_config.RollupInfo`).
    """
    return _rollup(inputs, settings, template, variant)[0]


def rollup(inputs, settings=None, template: str | Path = "tong-hop", format: str = "docx",
           variant: int | None = None, output: Path | str | None = None, force: bool = False) -> Rollup:
    """The finished roll-up (.docx bytes, Markdown or text) with its warnings; written atomically
    to ``output`` when one is given (never over an existing file unless ``force``)."""
    _known_format(format, template)
    if output is not None and Path(output).exists() and not force:
        raise DrafterError([Problem("E501", str(output), found=str(output))])
    result, facts, problems = _rollup(inputs, settings, template, variant)
    content = lay_out(result, format)
    written = write_atomic(Path(output), content, force=force) if output is not None else None
    warnings = tuple(p for p in problems if not p.is_error)
    return Rollup(content, facts.count, facts.period.name, warnings, facts.problems, written)


def render_rollup(inputs, format: str = "docx", settings=None, template: str | Path = "tong-hop",
                  variant: int | None = None) -> bytes | str:
    """The finished roll-up: .docx bytes, or Markdown / plain text."""
    return rollup(inputs, settings, template, format, variant).content


def rollup_to_file(inputs, output: Path | str, format: str | None = None, settings=None, force: bool = False,
                   template: str | Path = "tong-hop", variant: int | None = None) -> Path:
    """Roll up and write atomically; the format follows the output's suffix unless given."""
    format = format or {".md": "md", ".txt": "txt"}.get(Path(output).suffix.lower(), "docx")
    return rollup(inputs, settings, template, format, variant, output, force).path


def _rollup(inputs, settings, template, variant):
    from drafter.facts.rollup import build_rollup
    from drafter.inputs.sources import UnitSource, load_sources
    from drafter.realise.draft import draft_rollup

    if isinstance(inputs, (str, Path, Report, UnitSource)):
        inputs = [inputs]
    pack = _checked_pack(template)
    if pack.kind != "rollup":
        raise DrafterError([Problem("E504", str(pack.folder / "manifest.yaml"), found=pack.name, extra={
            "detail": "mẫu này viết cho một đơn vị, dùng lệnh “drafter render”"})])
    sources, problems = load_sources(inputs)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise DrafterError(errors)
    facts = build_rollup(sources, settings)
    if facts.period.span not in pack.periods:
        raise DrafterError([Problem("E505", str(template), found=facts.period.span, expected=", ".join(pack.periods))])
    try:
        return draft_rollup(pack, facts, variant), facts, problems
    except BankError as error:
        raise _bank_error(error) from None


def find_pack(template: str | Path):
    try:
        return load_pack(template)
    except TemplatePackError as error:
        if not Path(template).exists() and str(template) not in builtin_names():
            raise DrafterError([Problem("E503", str(template), found=str(template),
                                        expected=", ".join(builtin_names()))]) from None
        raise DrafterError([Problem("E504", error.where, found=str(template), extra={"detail": error.detail})]) from None


def schema_json() -> str:
    """The JSON Schema of the input model, as editors (VS Code's YAML extension) read it."""
    import json

    from drafter.inputs.model import Report

    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Số liệu báo cáo công tác quốc phòng, quân sự địa phương"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_starter(path: Path | str, name: str, kind: str | None = None, province: str | None = None,
                  year: int | None = None, span: str = "year", force: bool = False, schema: bool = True) -> Path:
    """Resolve the unit on the map and write a starter YAML atomically (no overwrite without ``force``).

    With ``schema``, ``report.schema.json`` is written (or refreshed) beside it: the first line
    of the YAML points there, for the editor's completion and checks.
    """
    import datetime as dt

    from drafter.inputs.starter import resolve_unit, starter_yaml

    path = Path(path)
    if path.exists() and not force:
        raise DrafterError([Problem("E501", str(path), found=str(path))])
    year = year or dt.date.today().year
    unit, problems = resolve_unit(name, kind, province, year, span)
    if problems:
        raise DrafterError(problems)
    text = starter_yaml(unit, year, span, schema="report.schema.json" if schema else None, filename=path.name)
    written = write_atomic(path, text, force=force)
    if schema:
        write_atomic(path.parent / "report.schema.json", schema_json(), force=True)
    return written
