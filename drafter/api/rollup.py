"""Roll-ups: many units of one period in one report over their figures."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from drafter.api.documents import bank_error, checked_pack, known_format, lay_out
from drafter.document import Draft
from drafter.errors import DrafterError, Problem
from drafter.inputs.model import Report
from drafter.output.files import write_atomic
from drafter.realise.bank import BankError


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
    #: With ``review``: the reviewers' summary of the review copy.
    review: object = None
    #: The period's kind ("year", "half-year") and year, for a caller that names it in another language.
    span: str = "year"
    year: int = 0


def rollup_draft(inputs, settings=None, template: str | Path = "tong-hop", variant: int | None = None) -> Draft:
    """Many units of one period -> one report over their figures, before any layout.

    ``inputs`` are YAML files, folders, workbooks or :class:`~drafter.inputs.model.Report`
    objects; ``settings`` what the roll-up cannot derive (:class:`~drafter.inputs.rollup_config.RollupInfo`).
    """
    return _rollup(inputs, settings, template, variant)[0]


def rollup(inputs, settings=None, template: str | Path = "tong-hop", format: str = "docx",
           variant: int | None = None, output: Path | str | None = None, force: bool = False,
           review: bool = False, warnings_located: bool = True) -> Rollup:
    """The finished roll-up (.docx bytes, Markdown or text) with its warnings; written atomically
    to ``output`` when one is given (never over an existing file unless ``force``). With
    ``review``, the .docx is a review copy: each summed figure names the units it comes from.

    The input files' warnings (``input_warnings``) carry their lines: a file with one is read again
    by the located reader. ``warnings_located=False`` leaves them without places (the same codes
    and messages) for a caller that only counts them, as the command line does: a tenth of a
    country's files have one, and reading them again took half the time of a national roll-up."""
    known_format(format, template)
    if review and format != "docx":
        raise DrafterError([Problem("E800", "--review", found=format)])
    if output is not None and Path(output).exists() and not force:
        raise DrafterError([Problem("E501", str(output), found=str(output))])
    result, facts, problems = _rollup(inputs, settings, template, variant, warnings_located or review)
    count, period, own = facts.count, facts.period.name, facts.problems
    span, year = facts.period.span, facts.period.year
    # the units' reports are not needed to lay the draft out: a national roll-up's are a third of its memory
    del facts
    summary = None
    if review:
        from drafter.api.review import review_draft

        content, explained = review_draft(result)
        summary = explained.summary
    else:
        content = lay_out(result, format)
    written = write_atomic(Path(output), content, force=force) if output is not None else None
    warnings = tuple(p for p in problems if not p.is_error)
    return Rollup(content, count, period, warnings, own, written, summary, span, year)


def render_rollup(inputs, format: str = "docx", settings=None, template: str | Path = "tong-hop",
                  variant: int | None = None) -> bytes | str:
    """The finished roll-up: .docx bytes, or Markdown / plain text."""
    return rollup(inputs, settings, template, format, variant).content


def rollup_to_file(inputs, output: Path | str, format: str | None = None, settings=None, force: bool = False,
                   template: str | Path = "tong-hop", variant: int | None = None) -> Path:
    """Roll up and write atomically; the format follows the output's suffix unless given."""
    format = format or {".md": "md", ".txt": "txt"}.get(Path(output).suffix.lower(), "docx")
    return rollup(inputs, settings, template, format, variant, output, force).path


def _rollup(inputs, settings, template, variant, warnings_located: bool = True):
    from drafter.facts.rollup import build_rollup
    from drafter.inputs.sources import UnitSource, load_sources
    from drafter.realise.draft import draft_rollup

    if isinstance(inputs, (str, Path, Report, UnitSource)):
        inputs = [inputs]
    pack = checked_pack(template)
    if pack.kind != "rollup":
        raise DrafterError([Problem("E504", str(pack.folder / "manifest.yaml"), found=pack.name, extra={
            "detail": "mẫu này viết cho một đơn vị, dùng lệnh “drafter render”"})])
    sources, problems = load_sources(inputs, read=lambda paths: read_in_parallel(paths, warnings_located))
    errors = [p for p in problems if p.is_error]
    if errors:
        raise DrafterError(errors)
    facts = build_rollup(sources, settings)
    if facts.period.span not in pack.periods:
        raise DrafterError([Problem("E505", str(template), found=facts.period.span, expected=", ".join(pack.periods))])
    try:
        return draft_rollup(pack, facts, variant), facts, problems
    except BankError as error:
        raise bank_error(error) from None


#: Below this many files a roll-up reads them itself: starting workers would cost more.
PARALLEL_FROM = 200
_CHUNK = 64


def read_in_parallel(paths: list[Path], warnings_located: bool = True) -> list:
    """YAML files read as :func:`drafter.inputs.load` (``located=False``) reads them, in order, by
    worker processes (:mod:`drafter.output.workers`) when there are many and several cores."""
    jobs = min(os.cpu_count() or 1, 4)
    if len(paths) < PARALLEL_FROM or jobs < 2:
        return _read_chunk(paths, warnings_located)
    from drafter.output import workers

    pool = workers.make_pool(jobs)
    try:
        chunks = [paths[start:start + _CHUNK] for start in range(0, len(paths), _CHUNK)]
        done = pool.map(_read_chunk, chunks, [warnings_located] * len(chunks))
        return [loaded for chunk in done for loaded in chunk]
    finally:
        workers.terminate(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _read_chunk(paths: list[Path], warnings_located: bool) -> list:
    from drafter.inputs import load
    from drafter.output import workers

    return workers.job(lambda: [load(path, located=False, warnings_located=warnings_located) for path in paths])()
