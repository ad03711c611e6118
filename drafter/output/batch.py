"""Drafts for many units at once: YAML files, folders of them, or Excel workbooks.

Each unit × template × format is a job. Two stages share one process pool:

1. *read*: workers parse and validate chunks of YAML files (workbooks are read here, one row at
   a time) and send back each unit's identity and its report, pickled;
2. *write*: file names are decided here, where every unit is known, so that two communes with
   the same name get their province added; workers then render chunks of units and write each
   file atomically, returning only (status, reason) rows. Documents never cross processes and
   never pile up in memory.

Files are written with :func:`drafter.output.files.write_atomic`, so an interrupted run leaves only
complete documents; ``skip_existing`` resumes it. Two batches writing into the same folder at the
same time are not supported (each clears the other's stale temporary files).

File names are decided by :mod:`drafter.output.naming`; the worker processes are started and
stopped by :mod:`drafter.output.workers` (however the run ends, none is left behind).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import DrafterError, Problem, os_problem, take_noted_stop
from drafter.inputs.discovery import discover
from drafter.output import workers
from drafter.output.jobs import (  # noqa: F401
    DONE,
    FAILED,
    SKIPPED,
    Renderer,
    Row,
    _failed,
    _Options,
    _read_excel,
    _read_yaml_chunk,
    _reason,
    _Unit,
    _unit_report,
    _write_chunk,
    _write_unit,
    read_yaml_unit,
    write_rows,
)
from drafter.output.naming import assign_stems, file_stem, slug, template_slugs  # noqa: F401 - public names

STATUS_TEXT = {DONE: "xong", FAILED: "lỗi", SKIPPED: "bỏ qua"}
SUMMARY_NAME = "summary.csv"
SUMMARY_COLUMNS = ("nguon", "don_vi", "mau", "tep", "trang_thai", "ly_do")
#: After Ctrl-C, how long workers may take to finish the file each is on.
GRACE_SECONDS = 5.0
#: How often a wait for the workers looks for a Ctrl-C that came meanwhile (workers.stops_deferred).
_LOOK_SECONDS = 0.5

#: ``progress(stage, advance, total)``: stage "doc" (reading inputs) or "ghi" (writing files).
Progress = Callable[[str, int, int], None]


@dataclass
class BatchResult:
    out_dir: Path
    rows: list[Row]
    summary: Path | None
    #: Error problems of inputs that could not be read, for the caller to print in full.
    problems: list[Problem] = field(default_factory=list)
    interrupted: bool = False
    #: The signal that stopped the run (SIGINT for Ctrl-C), when it was stopped.
    signal: int = 0

    def count(self, status: str) -> int:
        return sum(row.status == status for row in self.rows)

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 128 + (self.signal or signal.SIGINT)
        return 1 if self.count(FAILED) else 0


# ------------------------------------------------------------------- batch


def run_batch(inputs: Iterable[Path | str], out_dir: Path | str, templates: Sequence[str] = ("bao-cao",),
              formats: Sequence[str] = ("docx",), jobs: int | None = None, force: bool = False,
              skip_existing: bool = False, progress: Progress | None = None, pdf: bool = False, *,
              renderer: Renderer) -> BatchResult:
    """Write every unit × template × format into ``out_dir`` and ``out_dir/summary.csv``.

    With ``pdf``, each .docx also gets a PDF beside it (its own row in the summary); without
    LibreOffice those rows fail with E701, which says how to install it.

    Never raises for a bad unit (it becomes a failed row); raises :class:`DrafterError` only
    when nothing can start: an unknown template or format, or an unusable output folder.
    Ctrl-C stops cleanly: the result has ``interrupted`` set and the summary lists what is missing.
    ``renderer`` is the library's part (:func:`drafter.api.batch` gives it).
    """
    templates, formats = tuple(dict.fromkeys(templates)), tuple(dict.fromkeys(formats))
    for fmt in formats:
        if fmt not in renderer.formats:
            raise DrafterError([Problem("E505", "--format", found=fmt, expected=", ".join(renderer.formats))])
    for template in templates:
        renderer.check_template(template)  # every problem of a pack or a Word form now, not once per unit
    out = _prepare_out_dir(Path(out_dir))
    jobs = max(1, jobs or os.cpu_count() or 1)
    progress = progress or (lambda stage, advance, total: None)
    spill = _Spill()  # before the pool: forked workers share its descriptor
    options = _Options(out, force, skip_existing, pdf, renderer, spill.fd)
    batch = _Batch(out, templates, formats, options, progress, spill)
    pool = None
    # with workers, a stop signal is raised only where the batch looks for it (workers.stops_deferred)
    with workers.stops_deferred() if jobs > 1 else contextlib.nullcontext(), workers.fewer_collections():
        try:
            pool = workers.make_pool(jobs) if jobs > 1 else None
            batch.run(discover(inputs), pool, jobs)
            workers.raise_noted_stop()  # one that came after the last look
        except KeyboardInterrupt as stop:
            batch.interrupted, batch.signal = True, getattr(stop, "signum", signal.SIGINT)
        finally:
            previous = workers.ignore_further_interrupts()  # stopping and the summary must not be cut short
            take_noted_stop()  # a second Ctrl-C noted on the way here is ignored as well
            try:
                if pool is not None:
                    batch.stop(pool)
                rows = batch.final_rows()
                summary = write_summary(out / SUMMARY_NAME, rows)
            finally:
                workers.restore(previous)
                spill.close()
    return BatchResult(out, rows, summary, batch.problems, batch.interrupted, batch.signal)


def _prepare_out_dir(out: Path) -> Path:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file, or a link to nowhere, by that name
        raise DrafterError([Problem("E606", str(out), found=str(out), extra={"detail": "đã có một tệp cùng tên"})]) from None
    except OSError as error:
        problem = os_problem(error, str(out), writing=True)
        if problem.code == "E502":
            problem = Problem("E606", str(out), found=str(out), extra=problem.extra)
        raise DrafterError([problem]) from None
    return out


class _Spill:
    """The reports read, put aside in an unnamed temporary file until their documents are written,
    so that the parent's memory does not grow with the number of units (a national batch held
    20 MB of them). Where workers are forked (Linux) they read their units back from the shared
    descriptor; elsewhere the reports stay in memory. The file has no name: nothing is left
    behind however the run ends."""

    def __init__(self):
        self.file = None
        if sys.platform.startswith("linux"):
            try:
                self.file = tempfile.TemporaryFile(prefix="drafter-batch-")
            except OSError:  # no usable temporary folder: memory it is
                self.file = None
        self.size = 0

    @property
    def fd(self) -> int | None:
        return self.file.fileno() if self.file is not None else None

    def put(self, unit: _Unit) -> None:
        if self.file is None or unit.payload is None:
            return
        try:
            os.write(self.file.fileno(), unit.payload)
        except OSError:  # a full disk: this one stays in memory
            return
        unit.stored, unit.payload = (self.size, len(unit.payload)), None
        self.size += unit.stored[1]

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


class _Batch:
    """The state of one run: inputs, units read, jobs planned, rows received."""

    def __init__(self, out: Path, templates, formats, options: _Options, progress: Progress, spill: _Spill | None = None):
        self.spill = spill or _Spill()
        self.out, self.templates, self.formats = out, templates, formats
        self.options, self.progress = options, progress
        self.sources: list[tuple[str, Path]] = []
        self.units: list[_Unit] = []
        self.planned: list[Row] = []  # every job in order; a job not heard of is reported missing
        self.received: dict[tuple[str, str], Row] = {}  # (source, file) -> row
        self.problems: list[Problem] = []
        self.interrupted = False
        self.signal = 0
        self.pending: set[Future] = set()

    def run(self, sources: list[tuple[str, Path]], pool: ProcessPoolExecutor | None, jobs: int) -> None:
        self.sources = sources
        self.read(pool, jobs)
        self.write(pool, jobs)

    # -- stage 1: inputs to units
    def read(self, pool: ProcessPoolExecutor | None, jobs: int) -> None:
        sources, total = self.sources, len(self.sources)
        results: dict[int, list[_Unit]] = {}
        yaml_at = [i for i, (kind, _) in enumerate(sources) if kind == "yaml"]
        size = _chunk_size(len(yaml_at), jobs, 32)
        futures: dict[Future, list[int]] = {}
        for start in range(0, len(yaml_at), size):
            indexes = yaml_at[start:start + size]
            paths = [str(sources[i][1]) for i in indexes]
            if pool is None:
                workers.raise_noted_stop()
                for index, unit in zip(indexes, _read_yaml_chunk(paths)):
                    self.spill.put(unit)
                    results[index] = [unit]
                self.progress("doc", len(paths), total)
            else:
                future = pool.submit(_read_yaml_chunk, paths)
                futures[future] = indexes
                self.pending.add(future)
        for index, (kind, path) in enumerate(sources):  # workbooks are read here while workers parse YAML
            if kind == "excel":
                try:
                    results[index] = []
                    for unit in _read_excel(path, self.options.renderer.review is not None):
                        workers.raise_noted_stop()
                        self.spill.put(unit)  # row by row: a national workbook never sits in memory
                        results[index].append(unit)
                except Exception as error:  # noqa: BLE001 - as for YAML: fail this input only
                    if os.environ.get("DRAFTER_DEBUG"):
                        raise
                    results[index] = [_failed(str(path), "E604", f"{type(error).__name__}: {error}")]
            elif kind != "yaml":
                problem = Problem(kind, str(path), found=str(path))
                results[index] = [_Unit(str(path), reason=_reason([problem]), problems=[problem])]
            else:
                continue
            self.progress("doc", 1, total)
        for future in _as_completed(futures):
            try:
                units = future.result()
            except Exception as error:  # noqa: BLE001 - a dead worker fails its chunk only
                units = [_broken(str(sources[i][1]), error) for i in futures[future]]
            for index, unit in zip(futures[future], units):
                self.spill.put(unit)
                results[index] = [unit]
            self.pending.discard(future)
            self.progress("doc", len(units), total)
        self.units = [unit for index in range(total) for unit in results[index]]
        self.problems = [problem for unit in self.units for problem in unit.problems]

    # -- stage 2: units to files
    def write(self, pool: ProcessPoolExecutor | None, jobs: int) -> None:
        work = self.plan()
        workers.raise_noted_stop()  # before any file is begun
        total = sum(len(unit_jobs) for _, unit_jobs in work)
        if pool is None:  # in order, so that Ctrl-C loses track of a few files at most (removed, reported missing)
            with contextlib.closing(write_rows(work, self.options, workers.raise_noted_stop)) as rows:
                for row in rows:
                    self.accept([row], total)
            return
        futures: dict[Future, list] = {}
        start = 0
        while start < len(work):
            # Large chunks while much is left: a chunk ends by waiting for its last files' fsync,
            # which no rendering hides. Smaller ones towards the end, so that the workers finish together.
            size = _chunk_size(len(work) - start, jobs, 32)
            items = work[start:start + size]
            start += size
            future = pool.submit(_write_chunk, items, self.options)
            futures[future] = items
            self.pending.add(future)
        for future in _as_completed(futures):
            try:
                rows = future.result()
            except Exception as error:  # noqa: BLE001 - a dead worker fails its chunk only
                rows = [Row(unit.source, unit.label, template, name, FAILED, _broken(name, error).reason)
                        for unit, unit_jobs in futures[future] for template, _, name in unit_jobs]
            self.accept(rows, total)
            self.pending.discard(future)

    def plan(self) -> list[tuple[_Unit, list[tuple[str, str, str]]]]:
        """File names for every job; rows for the units that could not be read."""
        good = [unit for unit in self.units if unit.payload is not None or unit.stored is not None]
        stems = dict(zip(map(id, good), assign_stems([unit.key for unit in good])))
        slugs = template_slugs(self.templates)
        work = []
        for unit in self.units:
            if unit.payload is None and unit.stored is None:
                self.planned.extend(Row(unit.source, unit.label, t, "", FAILED, unit.reason) for t in self.templates)
                continue
            stem, note = stems[id(unit)]
            if note:
                unit.reason = "; ".join(filter(None, [note, unit.reason]))
            unit_jobs = [(t, fmt, f"{stem}-{slugs[t]}.{fmt}") for t in self.templates for fmt in self.formats]
            if self.options.pdf:  # each PDF right after its .docx, which it is made from
                unit_jobs = [job for t, fmt, name in unit_jobs for job in
                             [(t, fmt, name)] + ([(t, "pdf", name[:-len("docx")] + "pdf")] if fmt == "docx" else [])]
            self.planned.extend(Row(unit.source, unit.label, t, name, FAILED, _reason([Problem("E603", "")]))
                                for t, _, name in unit_jobs)
            work.append((unit, unit_jobs))
        _remove_stale_temp_files(self.out, {name for _, unit_jobs in work for *_, name in unit_jobs})
        return work

    def accept(self, rows: list[Row], total: int) -> None:
        for row in rows:
            self.received[(row.source, row.file)] = row
        self.progress("ghi", len(rows), total)

    def stop(self, pool: ProcessPoolExecutor) -> None:
        """Workers start no new file; after Ctrl-C they may finish the file they are on (up to
        :data:`GRACE_SECONDS`); after a stop signal (a service manager wants the process gone) or
        past the grace they are ended, and clean up as they go (:mod:`drafter.output.workers`)."""
        workers.ask_to_stop(pool)
        running = [f for f in self.pending if not f.done()]
        if running and self.signal in (0, signal.SIGINT):
            wait(running, timeout=GRACE_SECONDS)
        if any(not f.done() for f in self.pending):
            # not cancelled first: Python 3.11's pool fails (InvalidStateError) setting its
            # "broken" error on a future already cancelled
            workers.terminate(pool)
        for future in self.pending:
            if future.done() and not future.cancelled() and future.exception() is None:
                for row in future.result():
                    if isinstance(row, Row):
                        self.received.setdefault((row.source, row.file), row)
        pool.shutdown(wait=True, cancel_futures=True)

    def final_rows(self) -> list[Row]:
        if not self.planned:  # stopped while reading inputs: all of it is missing
            missing = _reason([Problem("E603", "")])
            return [Row(str(path), "", t, "", FAILED, missing) for _, path in self.sources for t in self.templates]
        return [self.received.get((row.source, row.file), row) if row.file else row for row in self.planned]


def _broken(source: str, error: Exception) -> _Unit:
    if isinstance(error, BrokenProcessPool):
        return _failed(source, "E605", str(error) or type(error).__name__)
    return _failed(source, "E604", f"{type(error).__name__}: {error}")


def _as_completed(futures) -> Iterator[Future]:
    """Each future once it is done, looking for a noted stop at least every :data:`_LOOK_SECONDS`.

    A callback per future into one queue: ``wait()`` on all those left goes over every one of
    them at each call (a national batch's 519 chunks cost the parent 90,000 lock round trips)."""
    import queue

    finished = queue.SimpleQueue()
    for future in futures:
        future.add_done_callback(finished.put)
    for _ in range(len(futures)):
        while True:
            try:
                future = finished.get(timeout=_LOOK_SECONDS)
                break
            except queue.Empty:
                workers.raise_noted_stop()
        workers.raise_noted_stop()
        yield future


def _chunk_size(count: int, jobs: int, largest: int) -> int:
    # Several chunks per worker balance the load and keep Ctrl-C and the progress bar responsive.
    return max(1, min(largest, count // (jobs * 4) or 1))


def _remove_stale_temp_files(out: Path, names: set[str]) -> None:
    """Temporary files ``.NAME.xxxx.tmp`` left by a run that was killed, for this run's names only."""
    for entry in os.scandir(out):
        if entry.name.startswith(".") and entry.name.endswith(".tmp"):
            target = entry.name[1:-4].rsplit(".", 1)[0]
            if target in names:
                try:
                    os.unlink(entry.path)
                except OSError:
                    pass


# ----------------------------------------------------------------- summary


def write_summary(path: Path, rows: Sequence[Row]) -> Path:
    """``summary.csv`` and ``summary.xlsx`` beside it (:mod:`drafter.output.summary`); the .csv's path."""
    from drafter.output import summary

    return summary.write_summary(path.parent, rows, STATUS_TEXT)
