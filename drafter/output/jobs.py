"""The jobs of ``drafter batch``, as workers run them: read a chunk of inputs into units, render
and write a chunk of units' files, each job ending in one :class:`Row` of ``summary.csv``.

A bad unit is a failed row, never a stopped run: whatever one unit's input or template does,
its row says why (the first problem, its place, and how many more).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import DrafterError, Problem
from drafter.inputs.fast_yaml import fast_load
from drafter.inputs.model import Report
from drafter.output import payload, workers

DONE, FAILED, SKIPPED = "xong", "loi", "bo_qua"


@dataclass(frozen=True)
class Row:
    """One job's outcome: one line of ``summary.csv``."""

    source: str
    unit: str
    template: str
    file: str
    status: str
    reason: str = ""
    #: With --review: the reviewers' summary of the file written (not a column of summary.csv).
    review: object = None


@dataclass
class _Unit:
    """A read input: a valid report (pickled) with its identity, or why it could not be read."""

    source: str
    label: str = ""
    key: tuple | None = None  # (kind, name, province, year, span)
    payload: bytes | None = None
    reason: str = ""
    problems: list[Problem] = field(default_factory=list)
    loaded: object = None  # with --review, a workbook row as read: its cells locate its figures
    #: (offset, length) of the payload in the parent's spill file, once put aside there (output.batch)
    stored: tuple[int, int] | None = None


def _unit_report(unit: _Unit, spill: int | None) -> Report:
    """The unit's report: from its payload, or read back from the spill file the parent put it in."""
    data = unit.payload
    if data is None:
        offset, length = unit.stored
        data = os.pread(spill, length, offset)
    return payload.loads(data)


def _unit_label(report: Report) -> str:
    unit = report.unit
    label = f"{unit.kind} {unit.name}"
    return f"{label} ({unit.province})" if unit.province and unit.level != "province" else label


# ------------------------------------------------------------------ inputs


def read_yaml_unit(path: Path | str) -> _Unit:
    """One YAML input, validated: through the fast parser when it can, else the full reader."""
    from drafter.inputs import load

    report, problems = fast_load(Path(path))
    if report is None:  # anything to report: the full reader gives lines and columns
        loaded = load(path)
        report = loaded.report if loaded.ok else None
        problems = loaded.problems
    return _unit_of(str(path), report, problems)


def _unit_of(source: str, report: Report | None, problems: list[Problem]) -> _Unit:
    if report is None:
        errors = [p for p in problems if p.is_error] or problems
        return _Unit(source, reason=_reason(errors), problems=errors)
    unit = report.unit
    warnings = "; ".join(f"cảnh báo {p.code}: {p.message}" for p in problems)
    return _Unit(source, _unit_label(report), (unit.kind, unit.name, unit.province, report.period.year,
                                               report.period.span),
                 payload.dumps(report), reason=warnings)


def _reason(problems: Sequence[Problem]) -> str:
    if not problems:
        return ""
    first = problems[0]
    field_path = f" [{first.path}]" if first.path else ""
    more = f" (và {len(problems) - 1} lỗi khác)" if len(problems) > 1 else ""
    place = f" {first.where}" if first.where else ""
    return f"{first.code}{place}{field_path}: {first.message}{more}"


@workers.job
def _read_yaml_chunk(paths: Sequence[str]) -> list[_Unit]:
    return [_guarded(read_yaml_unit, path) for path in paths]


def _guarded(read: Callable[[str], _Unit], path: str) -> _Unit:
    try:
        return read(path)
    except Exception as error:  # noqa: BLE001 - a reader bug on one file must not stop the others
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        return _failed(path, "E604", f"{type(error).__name__}: {error}")


def _failed(source: str, code: str, detail: str) -> _Unit:
    problem = Problem(code, source, extra={"detail": detail})
    return _Unit(source, reason=_reason([problem]), problems=[problem])


def _read_excel(path: Path, review: bool = False) -> Iterator[_Unit]:
    from drafter.inputs.excel import iter_workbook

    for loaded in iter_workbook(path):
        unit = _unit_of(loaded.source, loaded.report if loaded.ok else None, loaded.problems)
        unit.loaded = loaded if review and loaded.ok else None
        yield unit


# ----------------------------------------------------------------- writing


@dataclass(frozen=True)
class Renderer:
    """What a batch asks of the library, handed over by :func:`drafter.api.batch`: the output
    stage knows no later one. Module-level functions, so that workers receive them pickled."""

    #: ``render(report, template, format)``: the document's bytes or text.
    render: Callable
    #: ``check_template(template)``: raises DrafterError on any problem of a pack or a Word form.
    check_template: Callable
    formats: tuple[str, ...]
    #: ``review(source, template)``: a review copy's bytes and its reviewers' summary; None without --review.
    review: Callable | None = None


@dataclass(frozen=True)
class _Options:
    out_dir: Path
    force: bool
    skip_existing: bool
    pdf: bool = False  # a PDF beside each .docx, through LibreOffice (drafter.output.pdf)
    renderer: Renderer | None = None
    #: The parent's spill file of reports read (a descriptor the forked workers share), or None.
    spill: int | None = None


@workers.job
def _write_chunk(items: Sequence[tuple[_Unit, Sequence[tuple[str, str, str]]]], options: _Options) -> list[Row]:
    """Render and write the files of a few units; runs in a worker (or in-process for --jobs 1)."""
    rows: list[Row] = []
    with contextlib.closing(write_rows(items, options, workers.stopping)) as written:
        for row in written:
            rows.append(row)
            if workers.stopping():  # Ctrl-C: this file is done; the rest are reported missing (E603)
                return rows
    return rows


#: How many written files may wait for their fsync while the next documents render. With two
#: workers syncing at once, one fsync in ten took longer than a document (4 ms) on the README's
#: machine, and one in a few hundred 25 ms (the journal's commit): one file of slack left a
#: worker idle for each of those; a few absorb them.
SYNC_DEPTH = 4


def write_rows(items: Sequence[tuple[_Unit, Sequence[tuple[str, str, str]]]], options: _Options,
               stop: Callable[[], object]) -> Iterator[Row]:
    """The rows of these units' jobs in order, each given once its file is in place; no job is
    begun once ``stop()`` is true (it may also raise). Close the iterator when leaving it early:
    the files written and not yet reported are then removed, and reported missing by the batch.

    Each file's fsync runs in a thread (:class:`~drafter.output.files.SyncThread`) while the
    next jobs render, so a row comes up to :data:`SYNC_DEPTH` jobs late. With PDFs, one job at
    a time: a PDF is made from its .docx in place.
    """
    if options.pdf:
        for unit, jobs in items:
            if stop():
                return
            yield from _write_unit(_unit_report(unit, options.spill), unit, jobs, options)
        return
    from collections import deque

    from drafter.output.files import SyncThread

    waiting: deque[_Job] = deque()  # the jobs written last, oldest first, their files being synced
    try:
        with SyncThread() as thread:
            for report, unit, template, fmt, name in _begun(items, options, stop):
                # in waiting before the row of an older one is given: if the caller leaves at
                # that row, this one's temporary file is removed too (finally)
                waiting.append(_write_one(report, unit, template, fmt, name, options, thread))
                if len(waiting) > SYNC_DEPTH:
                    yield waiting[0].row()
                    waiting.popleft()
            while waiting:
                yield waiting[0].row()
                waiting.popleft()
    finally:
        for job in waiting:
            job.abandon()


def _begun(items: Sequence[tuple[_Unit, Sequence[tuple[str, str, str]]]], options: _Options,
           stop: Callable[[], object]) -> Iterator[tuple]:
    """Each job with its unit's report, read when its first job begins; none once ``stop()``."""
    for unit, jobs in items:
        report = None
        for template, fmt, name in jobs:
            if stop():
                return
            if report is None:
                report = _unit_report(unit, options.spill)
            yield report, unit, template, fmt, name


def _write_unit(report: Report, unit: _Unit, jobs: Sequence[tuple[str, str, str]], options: _Options) -> Iterator[Row]:
    """One unit's jobs in order; a "pdf" job follows its .docx job and converts that file."""
    rows: dict[str, Row] = {}
    for template, fmt, name in jobs:
        if fmt == "pdf":
            row = _write_pdf(unit, template, name, rows.get(str(Path(name).with_suffix(".docx"))), options)
        else:
            row = _write_one(report, unit, template, fmt, name, options).row()
        rows[name] = row
        yield row


def _write_pdf(unit: _Unit, template: str, name: str, docx_row: Row | None, options: _Options) -> Row:
    from drafter.output.pdf import docx_to_pdf

    def row(status: str, reason: str) -> Row:
        return Row(unit.source, unit.label, template, name, status, reason)

    target = options.out_dir / name
    docx = target.with_suffix(".docx")
    if os.path.lexists(target):
        if options.skip_existing:
            return row(SKIPPED, "tệp đã có")
        if not options.force:
            return row(FAILED, _reason([Problem("E501", str(target), found=name)]))
    if docx_row is None or docx_row.status == FAILED or not docx.exists():
        return row(FAILED, _reason([Problem("E705", name, found=docx.name)]))
    try:
        docx_to_pdf(docx, target, force=options.force)
    except DrafterError as error:  # with the fix: how to install LibreOffice belongs in summary.csv too
        return row(FAILED, f"{_reason(error.problems)}. Sửa: {error.problems[0].fix}")
    except Exception as error:  # noqa: BLE001 - as for the .docx: this unit only
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        return row(FAILED, _reason([Problem("E604", name, extra={"detail": f"{type(error).__name__}: {error}"})]))
    return row(DONE, "")


class _Job:
    """A job's outcome: its row, once its file (if any) is in place."""

    def __init__(self, row: Callable[[str, str], Row], done: Row | None = None, pending=None, review=None):
        self.make, self.done, self.pending, self.review = row, done, pending, review

    def row(self) -> Row:
        if self.done is not None:
            return self.done
        pending, self.pending = self.pending, None
        try:
            pending.finish()
        except DrafterError as error:
            return self.make(FAILED, _reason(error.problems))
        except Exception as error:  # noqa: BLE001 - one unit's bug must not stop the others
            if os.environ.get("DRAFTER_DEBUG"):
                raise
            return self.make(FAILED, _error_reason(pending.target.name, error))
        return self.make(DONE, None)

    def abandon(self) -> None:
        if self.pending is not None:
            self.pending.abandon()


def _error_reason(name: str, error: Exception) -> str:
    return _reason([Problem("E604", name, extra={"detail": f"{type(error).__name__}: {error}"})])


def _write_one(report: Report, unit: _Unit, template: str, fmt: str, name: str, options: _Options,
               sync_thread=None) -> _Job:
    """Render one job and write its file; with ``sync_thread`` the file is synced there and
    moved into place when the job's row is asked for."""
    from drafter.output.files import PendingWrite

    review = None

    def row(status: str, reason: str | None) -> Row:
        if reason is None:  # done
            return dataclasses.replace(Row(unit.source, unit.label, template, name, DONE, unit.reason), review=review)
        return Row(unit.source, unit.label, template, name, status, reason)

    target = options.out_dir / name
    if os.sep in name or (os.altsep and os.altsep in name) or name.startswith("."):
        raise AssertionError(f"unsafe output name {name!r}")  # slugs make this impossible
    if os.path.lexists(target):  # a link or a folder there is refused by PendingWrite (E607)
        if options.skip_existing:
            return _Job(row, row(SKIPPED, "tệp đã có"))
        if not options.force:
            return _Job(row, row(FAILED, _reason([Problem("E501", str(target), found=name)])))
    renderer = options.renderer
    try:
        if renderer.review is not None and fmt == "docx":  # a YAML file is read again, with its lines
            data, review = renderer.review(unit.loaded or Path(unit.source), template)
        else:
            data = renderer.render(report, template, fmt)
        pending = PendingWrite(target, data, force=options.force)
    except DrafterError as error:
        return _Job(row, row(FAILED, _reason(error.problems)))
    except Exception as error:  # noqa: BLE001 - one unit's bug must not stop the others
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        return _Job(row, row(FAILED, _error_reason(name, error)))
    if sync_thread is not None:
        pending.sync_in(sync_thread)
    return _Job(row, pending=pending)
