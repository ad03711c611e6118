"""One unit's documents: validate, draft, render, check, and write them; templates and starters.

>>> from drafter import api
>>> data = api.render("samples/gia-lai-2026.yaml", template="bao-cao", format="txt")  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.document import Draft
from drafter.errors import DrafterError, Problem
from drafter.facts import build_facts
from drafter.inputs import Loaded, load
from drafter.inputs.model import Report
from drafter.packs import TemplatePackError
from drafter.packs.manifest import builtin_names, is_word_form
from drafter.realise.bank import BankError

if TYPE_CHECKING:  # the checks are imported when asked for, off the render path
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
    return pack_and_draft(source, template, variant)[1]


def pack_and_draft(source: Loaded | Report | Path | str, template: str | Path, variant: int | None,
                   kept: KeptPacks | None = None):
    """The pack and the draft it makes of ``source`` (for :func:`check` and the review copy);
    with ``kept``, the pack and its bank as checked for the first document of a batch."""
    if is_word_form(template):
        # a Word form is filled in place; it has no draft to give
        raise DrafterError([Problem("E525", str(template), found="bản thảo trung gian (draft)")])
    report = report_of(source)
    if kept is not None:
        pack = kept.pack(template)
    else:
        pack = checked_pack(template, trial=False)  # the real run follows: no need for a trial one
    if pack.kind == "rollup":  # it speaks of many units, not of one report
        raise DrafterError([Problem("E504", str(pack.folder / "manifest.yaml"), found=pack.name, extra={
            "detail": "mẫu này tổng hợp nhiều đơn vị, dùng lệnh “drafter rollup”"})])
    if report.period.span not in pack.periods:
        raise DrafterError([Problem("E505", str(template), found=report.period.span,
                                    expected=", ".join(pack.periods))])
    try:
        if (kept.uses_bank(pack) if kept is not None else pack.uses_bank):
            from drafter.realise.draft import draft_with_bank

            return pack, draft_with_bank(pack, build_facts(report), variant, kept.bank(pack) if kept else None)
        from drafter.packs.jinja import build_draft  # a Jinja2 pack: Jinja2 is loaded only for one

        return pack, build_draft(pack, build_facts(report), variant)
    except BankError as error:
        raise bank_error(error) from None
    except TemplatePackError as error:
        raise DrafterError([error.problem(pack.name)]) from None


class KeptPacks:
    """The packs and banks of one batch, each checked and loaded for its first document only.

    Checking a pack again for each document (every file of the pack and of ``_shared`` looked at,
    32 ``stat`` calls, then the bank's files and the code that reads them) cost 0.4 ms of a
    commune's 6 ms. A batch checks its templates before it starts (:func:`check_template`);
    within it, a pack edited while the batch runs is not seen: all of its documents are made
    from the pack as it was when each worker began. A single render still checks every time.
    """

    def __init__(self):
        self.packs: dict = {}
        self.banks: dict = {}
        self.kinds: dict = {}  # pack folder -> whether its wording is a phrase bank (two stat calls)

    def pack(self, template: str | Path):
        pack = self.packs.get(template)
        if pack is None:  # a failed check is raised each time, as without keeping
            pack = self.packs[template] = checked_pack(template, trial=False)
        return pack

    def uses_bank(self, pack) -> bool:
        kind = self.kinds.get(pack.folder)
        if kind is None:
            kind = self.kinds[pack.folder] = pack.uses_bank
        return kind

    def bank(self, pack):
        from drafter.realise.draft import bank_of

        bank = self.banks.get(pack.folder)
        if bank is None:
            bank = self.banks[pack.folder] = bank_of(pack)
        return bank


def check(source: Loaded | Report | Path | str, template: str | Path = "bao-cao", format: str | None = None,
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

    report = report_of(source)
    format = format or ("docx" if is_word_form(template) else "txt")
    known_format(format, source)
    if is_word_form(template):
        pack, result = None, None
        content = render_form(report, Path(template), format, variant)
    else:
        pack, result = pack_and_draft(report, template, variant)
        content = lay_out(result, format)
    text = docx_text(content) if format == "docx" else content
    return run_checks(text, build_facts(report), template, format,
                      result if pack is not None and pack.uses_bank else None, pack.kind if pack is not None else "",
                      spelling, allowed)


def known_format(format: str, where) -> None:
    if format not in FORMATS:
        raise DrafterError([Problem("E505", str(where), found=format, expected=", ".join(FORMATS))])


def lay_out(result: Draft, format: str = "docx") -> bytes | str:
    """Draft -> document in the chosen format, with the layout its kind calls for."""
    from drafter.layout import drawn  # each writer is imported when its format is asked for

    if format in ("md", "txt"):
        from drafter.layout import text

        return text.write_markdown(result) if format == "md" else text.write_text(result)
    result = drawn(result)
    if result.masthead is not None:
        from drafter.layout import decree30

        return decree30.write_decree30(result)
    from drafter.layout import news

    return news.write_news_docx(result)


def render_form(source: Report | Path | str, form: Path, format: str, variant: int | None, marks=None) -> bytes:
    from drafter.packs import wordform

    if format != "docx":
        raise DrafterError([Problem("E525", str(form), found=format)])
    check_template(form, trial=False)  # all problems, before anything runs
    report = report_of(source)
    return wordform.render_form(form, build_facts(report), variant, marks)


def report_of(source: Loaded | Report | Path | str) -> Report:
    """The report of any source; a path is read by the fast reader when the file is clean (no
    place is shown then), and anything wrong is raised with its places."""
    if isinstance(source, Report):
        return source
    loaded = source if isinstance(source, Loaded) else load(source, located=False)
    if not loaded.ok:
        raise DrafterError([p for p in loaded.problems if p.is_error])
    return loaded.report


def located(source: Loaded | Report | Path | str):
    """(report, locator) of any source; a report given bare has no places."""
    from drafter.inputs.locate import NOWHERE, Locator

    if isinstance(source, Report):
        return source, NOWHERE
    loaded = source if isinstance(source, Loaded) else load(source)
    if not loaded.ok:
        raise DrafterError([p for p in loaded.problems if p.is_error])
    return loaded.report, Locator.of(loaded)


def checked_pack(template: str | Path, trial: bool = True):
    """A pack by name or folder, refused with every problem of its check before any of it runs."""
    from drafter.packs.pack_check import check_pack

    pack = find_pack(template)
    problems = check_pack(pack.folder, trial=trial)
    if problems:
        raise DrafterError(problems)
    return pack


def bank_error(error: BankError) -> DrafterError:
    from drafter.packs.pack_check import bank_problem

    return DrafterError([bank_problem(*problem) for problem in error.problems])


def find_pack(template: str | Path):
    """A built-in pack by name or a pack folder; :class:`DrafterError` (E503 unknown, E522 not a
    pack, E504… a broken one) otherwise."""
    from drafter.packs.manifest import pack_or_error  # not the catalogue: it loads Jinja2 for the checks

    return pack_or_error(template)


def check_template(template: str | Path, trial: bool = True) -> None:
    """Raise :class:`DrafterError` with every problem of a template (a built-in pack's name, a
    pack folder or a Word form), or E503 when there is no such template; checked once per file
    version, so a batch pays for it once. ``trial``: also run it once on example data
    (:mod:`drafter.packs.check`)."""
    if not is_word_form(template):
        # what drafter.packs.catalog.check does for a pack, without the catalogue, which loads
        # Jinja2: a batch of a phrase-bank pack checks it and never needs Jinja2
        checked_pack(template, trial=trial)  # E503 for an unknown name, rather than "not a template"
        return
    from drafter.packs.wordform import check_form

    if not os.path.lexists(template):
        raise DrafterError([Problem("E503", str(template), found=str(template), expected=", ".join(builtin_names()))])
    problems = check_form(template, trial=trial)
    if problems:
        raise DrafterError(problems)
