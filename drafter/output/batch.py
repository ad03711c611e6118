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

>>> file_stem("xã", "Phú Lợi", 2026, "half-year")
'xa-phu-loi-2026-6-thang'
>>> slug("../../etc"), slug("Đắk Lắk 🌄"), slug("a/b"), slug("CON")
('etc', 'dak-lak', 'a-b', 'con')
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import re
import signal
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import DrafterError, Problem
from drafter.inputs.model import Report

DONE, FAILED, SKIPPED = "xong", "loi", "bo_qua"
STATUS_TEXT = {DONE: "xong", FAILED: "lỗi", SKIPPED: "bỏ qua"}
SUMMARY_NAME = "summary.csv"
SUMMARY_COLUMNS = ("nguon", "don_vi", "mau", "tep", "trang_thai", "ly_do")
YAML_SUFFIXES = (".yaml", ".yml")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
#: After Ctrl-C, how long running chunks may take to finish their current files.
GRACE_SECONDS = 10.0

#: ``progress(stage, advance, total)``: stage "doc" (reading inputs) or "ghi" (writing files).
Progress = Callable[[str, int, int], None]


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
class BatchResult:
    out_dir: Path
    rows: list[Row]
    summary: Path | None
    #: Error problems of inputs that could not be read, for the caller to print in full.
    problems: list[Problem] = field(default_factory=list)
    interrupted: bool = False

    def count(self, status: str) -> int:
        return sum(row.status == status for row in self.rows)

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130
        return 1 if self.count(FAILED) else 0


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


# ------------------------------------------------------------------ naming


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by "-": no diacritics, no separators, never "..".

    >>> slug("Thành phố Hồ Chí Minh"), slug("  ")
    ('thanh-pho-ho-chi-minh', '')
    """
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > limit:  # keep names well under any file system's limit
        text = text[:limit].rsplit("-", 1)[0] if "-" in text[:limit] else text[:limit]
    return text.strip("-")


def file_stem(kind: str, name: str, year: int, span: str, province: str | None = None) -> str:
    """``xa-phu-loi-2026``; with ``province``: ``xa-phu-loi-gia-lai-2026``."""
    parts = [slug(kind), slug(name) or "don-vi"]
    if province:
        parts.append(slug(province, 40))
    parts.append(str(year) if span != "half-year" else f"{year}-6-thang")
    return "-".join(p for p in parts if p)


def assign_stems(keys: Sequence[tuple]) -> list[tuple[str, str]]:
    """A unique stem per unit, stable for the same inputs: kind + name + period; the province
    only when two units would clash; a number when even that clashes (the same unit twice).

    Returns (stem, note), the note naming a duplicate.
    """
    plain = [file_stem(kind, name, year, span) for kind, name, _, year, span in keys]
    clashes = Counter(plain)
    stems = [file_stem(k[0], k[1], k[3], k[4], k[2]) if clashes[p] > 1 and k[2] else p
             for k, p in zip(keys, plain)]
    totals, seen = Counter(stems), Counter()
    result = []
    for stem in stems:
        seen[stem] += 1
        if totals[stem] == 1 or seen[stem] == 1:
            result.append((stem, ""))
        else:  # a stem ends with a year or "thang", so "-2" cannot meet another unit's stem
            result.append((f"{stem}-{seen[stem]}", "cùng đơn vị và kỳ báo cáo với một nguồn khác"))
    return result


def _unit_label(report: Report) -> str:
    unit = report.unit
    label = f"{unit.kind} {unit.name}"
    return f"{label} ({unit.province})" if unit.province and unit.level != "province" else label


# ------------------------------------------------------------------ inputs


def discover(inputs: Iterable[Path | str]) -> list[tuple[str, Path]]:
    """Inputs as (kind, path), kind "yaml", "excel" or an error code; folders are searched
    recursively for YAML files, in a stable order; each file once."""
    found: list[tuple[str, Path]] = []
    seen: set[Path] = set()

    def add(kind: str, path: Path) -> None:
        key = path.resolve() if path.exists() else path
        if key not in seen:
            seen.add(key)
            found.append((kind, path))

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = sorted((p for p in path.rglob("*") if p.suffix.lower() in YAML_SUFFIXES and p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(path).parts)),
                           key=lambda p: p.relative_to(path).as_posix())
            if not files:
                add("E601", path)
            for file in files:
                add("yaml", file)
        elif path.suffix.lower() in EXCEL_SUFFIXES or path.suffix.lower() == ".xls":
            add("excel", path)
        elif path.suffix.lower() in YAML_SUFFIXES or not path.exists():
            add("yaml", path)  # a missing file is reported by the reader (E101)
        else:
            add("E602", path)
    return found


def read_yaml_unit(path: Path | str) -> _Unit:
    """One YAML input, validated: through the fast parser when it can, else the full reader."""
    from drafter.inputs import load

    report, problems = _fast_load(Path(path))
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
                 pickle.dumps(report, pickle.HIGHEST_PROTOCOL), warnings)


def _reason(problems: Sequence[Problem]) -> str:
    if not problems:
        return ""
    first = problems[0]
    field_path = f" [{first.path}]" if first.path else ""
    more = f" (và {len(problems) - 1} lỗi khác)" if len(problems) > 1 else ""
    place = f" {first.where}" if first.where else ""
    return f"{first.code}{place}{field_path}: {first.message}{more}"


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


# The full YAML reader keeps every key's line and column, which costs ~30 ms a file; for a
# national batch that is most of the time. When PyYAML's C parser is installed, a file is first
# read with it, resolving scalars exactly as YAML 1.2 (what ruamel.yaml uses): only plain
# decimal numbers, true/false and null become non-text, and anything else that might resolve
# differently (octal, 1e3, .inf, merge keys, duplicate keys, tags) sends the file to the full
# reader, as does any validation problem, so every message still carries its line.
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]+")
_RESOLVERS = (  # ruamel.yaml's YAML 1.2 implicit resolvers (resolver.py), tag -> (regexp, first chars)
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("float", r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
                  |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
                  |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
                  |[-+]?\.(?:inf|Inf|INF)
                  |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("int", r"""^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$""", "-+0123456789"),
    ("merge", r"^(?:<<)$", "<"),
    ("null", r"^(?: ~ |null|Null|NULL | )$", ["~", "n", "N", ""]),
    ("timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                  |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                  (?:[Tt]|[ \t]+)[0-9][0-9]? :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                  (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
    ("value", r"^(?:=)$", "="),
)


class _Unsure(Exception):
    """The fast parser might read this file differently from the full reader."""


_FAST_LOADER: type | None | bool = False  # False: not built yet; None: PyYAML's C parser absent


def _fast_loader():
    global _FAST_LOADER
    if _FAST_LOADER is False:
        _FAST_LOADER = _build_fast_loader()
    return _FAST_LOADER


def _build_fast_loader():
    try:
        import yaml
        from yaml import CSafeLoader
    except ImportError:
        return None

    class Loader(CSafeLoader):
        yaml_implicit_resolvers: dict = {}
        yaml_constructors = dict(CSafeLoader.yaml_constructors)

        def flatten_mapping(self, node):
            keys = []
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                    raise _Unsure
                keys.append((key_node.tag, key_node.value))
            if len(set(keys)) != len(keys):
                raise _Unsure  # a duplicate key: the full reader reports it at its line

    def unsure(loader, node):
        raise _Unsure

    def scalar(pattern, convert):
        def construct(loader, node):
            text = loader.construct_scalar(node)
            if pattern.fullmatch(text):
                return convert(text)
            raise _Unsure
        return construct

    for tag, pattern, first in _RESOLVERS:
        Loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern, re.X), list(first))
    constructors = {
        "int": scalar(_INT, int),
        "float": scalar(_FLOAT, float),
        "bool": lambda loader, node: loader.construct_scalar(node).lower() == "true",
        "null": lambda loader, node: None,
        "timestamp": lambda loader, node: loader.construct_scalar(node),  # dates stay text, as in the full reader
        "value": unsure, "binary": unsure, "omap": unsure, "pairs": unsure, "set": unsure,
    }
    for tag, construct in constructors.items():
        Loader.add_constructor(f"tag:yaml.org,2002:{tag}", construct)
    Loader.add_constructor(None, unsure)  # any other tag
    return Loader


def _fast_load(path: Path) -> tuple[Report | None, list[Problem]]:
    """(report, warnings) when the fast parser read the file cleanly; (None, []) otherwise."""
    from drafter.inputs.validation import validate_data
    from drafter.inputs.yaml_reader import MAX_BYTES, Positions, decode

    loader = _fast_loader()
    if loader is None:
        return None, []
    try:
        data = path.read_bytes()
        if len(data) > MAX_BYTES:
            return None, []
        text = decode(data, str(path))
        if "!" in text:  # an explicit tag ("!!str 5") would be accepted here but not by the full reader
            return None, []
        tree = __import__("yaml").load(text, Loader=loader)
        if not isinstance(tree, dict):
            return None, []
        plain = _plain(tree, [0])
    except Exception:  # noqa: BLE001 - whatever went wrong, the full reader will say it properly
        return None, []
    report, problems = validate_data(plain, Positions(str(path)))
    if report is None:
        return None, []
    return report, problems


def _plain(node, counter: list[int]):
    from drafter.inputs.yaml_reader import MAX_VALUES

    counter[0] += 1
    if counter[0] > MAX_VALUES:  # aliases can multiply a small file
        raise _Unsure
    if isinstance(node, dict):
        return {unicodedata.normalize("NFC", str(k)): _plain(v, counter) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v, counter) for v in node]
    if isinstance(node, str):
        return unicodedata.normalize("NFC", node)
    return node


# ----------------------------------------------------------------- writing


@dataclass(frozen=True)
class _Options:
    out_dir: Path
    force: bool
    skip_existing: bool
    pdf: bool = False  # a PDF beside each .docx, through LibreOffice (drafter.output.pdf)
    review: bool = False  # each .docx a review copy (drafter.api.review_copy)


def _write_chunk(items: Sequence[tuple[_Unit, Sequence[tuple[str, str, str]]]], options: _Options) -> list[Row]:
    """Render and write the files of a few units; runs in a worker (or in-process for --jobs 1)."""
    rows = []
    for unit, jobs in items:
        rows.extend(_write_unit(pickle.loads(unit.payload), unit, jobs, options))
    return rows


def _write_unit(report: Report, unit: _Unit, jobs: Sequence[tuple[str, str, str]], options: _Options) -> Iterator[Row]:
    """One unit's jobs in order; a "pdf" job follows its .docx job and converts that file."""
    rows: dict[str, Row] = {}
    for template, fmt, name in jobs:
        if fmt == "pdf":
            row = _write_pdf(unit, template, name, rows.get(str(Path(name).with_suffix(".docx"))), options)
        else:
            row = _write_one(report, unit, template, fmt, name, options)
        rows[name] = row
        yield row


def _write_pdf(unit: _Unit, template: str, name: str, docx_row: Row | None, options: _Options) -> Row:
    from drafter.output.pdf import docx_to_pdf

    def row(status: str, reason: str) -> Row:
        return Row(unit.source, unit.label, template, name, status, reason)

    target = options.out_dir / name
    docx = target.with_suffix(".docx")
    if target.exists():
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


def _write_one(report: Report, unit: _Unit, template: str, fmt: str, name: str, options: _Options) -> Row:
    from drafter import api
    from drafter.output.files import write_atomic

    def row(status: str, reason: str) -> Row:
        return Row(unit.source, unit.label, template, name, status, reason)

    target = options.out_dir / name
    if os.sep in name or (os.altsep and os.altsep in name) or name.startswith("."):
        raise AssertionError(f"unsafe output name {name!r}")  # slugs make this impossible
    if target.exists():
        if options.skip_existing:
            return row(SKIPPED, "tệp đã có")
        if not options.force:
            return row(FAILED, _reason([Problem("E501", str(target), found=name)]))
    try:
        review = None
        if options.review and fmt == "docx":  # a YAML file is read again, with its lines
            data, review = api.review_copy(unit.loaded or Path(unit.source), template)
            review = review.summary
        else:
            data = api.render(report, template, fmt)
        write_atomic(target, data, force=options.force)
    except DrafterError as error:
        return row(FAILED, _reason(error.problems))
    except Exception as error:  # noqa: BLE001 - one unit's bug must not stop the others
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        return row(FAILED, _reason([Problem("E604", name, extra={"detail": f"{type(error).__name__}: {error}"})]))
    return dataclasses.replace(row(DONE, unit.reason), review=review)


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group; only the parent decides how to stop, so that
    # workers finish the file they are writing and report it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# ------------------------------------------------------------------- batch


def run_batch(inputs: Iterable[Path | str], out_dir: Path | str, templates: Sequence[str] = ("bao-cao",),
              formats: Sequence[str] = ("docx",), jobs: int | None = None, force: bool = False,
              skip_existing: bool = False, progress: Progress | None = None, pdf: bool = False,
              review: bool = False) -> BatchResult:
    """Write every unit × template × format into ``out_dir`` and ``out_dir/summary.csv``.

    With ``pdf``, each .docx also gets a PDF beside it (its own row in the summary); without
    LibreOffice those rows fail with E701, which says how to install it.

    Never raises for a bad unit (it becomes a failed row); raises :class:`DrafterError` only
    when nothing can start: an unknown template or format, or an unusable output folder.
    Ctrl-C stops cleanly: the result has ``interrupted`` set and the summary lists what is missing.
    """
    from drafter import api

    templates, formats = tuple(dict.fromkeys(templates)), tuple(dict.fromkeys(formats))
    for fmt in formats:
        if fmt not in api.FORMATS:
            raise DrafterError([Problem("E505", "--format", found=fmt, expected=", ".join(api.FORMATS))])
    for template in templates:
        api.find_pack(template)  # E503/E504 now, not once per unit
    out = _prepare_out_dir(Path(out_dir))
    jobs = max(1, jobs or os.cpu_count() or 1)
    progress = progress or (lambda stage, advance, total: None)
    batch = _Batch(out, templates, formats, _Options(out, force, skip_existing, pdf, review), progress)
    pool = _make_pool(jobs) if jobs > 1 else None
    try:
        batch.run(discover(inputs), pool, jobs)
    except KeyboardInterrupt:
        batch.interrupted = True
    finally:
        previous = _ignore_further_interrupts()  # stopping and the summary must not be cut short
        try:
            if pool is not None:
                batch.stop(pool)
            rows = batch.final_rows()
            summary = write_summary(out / SUMMARY_NAME, rows)
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)
    return BatchResult(out, rows, summary, batch.problems, batch.interrupted)


def _prepare_out_dir(out: Path) -> Path:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DrafterError([Problem("E606", str(out), found=str(out), extra={"detail": error.strerror or str(error)})]) from None
    return out


def _make_pool(jobs: int) -> ProcessPoolExecutor:
    import multiprocessing

    # Warm the parent's imports before forking, so that workers start with them loaded.
    import drafter.api  # noqa: F401
    for module in ("drafter.layout.decree30", "drafter.layout.news", "drafter.layout.text", "docx"):
        try:
            __import__(module)
        except Exception:  # noqa: BLE001 - a missing writer is reported per job, later
            pass
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_ignore_sigint)
    # Start the workers now, while this process is small: forked after a national workbook has
    # been read, each would carry a copy of it.
    pool.submit(os.getpid)
    return pool


class _Batch:
    """The state of one run: inputs, units read, jobs planned, rows received."""

    def __init__(self, out: Path, templates, formats, options: _Options, progress: Progress):
        self.out, self.templates, self.formats = out, templates, formats
        self.options, self.progress = options, progress
        self.sources: list[tuple[str, Path]] = []
        self.units: list[_Unit] = []
        self.planned: list[Row] = []  # every job in order; a job not heard of is reported missing
        self.received: dict[tuple[str, str], Row] = {}  # (source, file) -> row
        self.problems: list[Problem] = []
        self.interrupted = False
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
                for index, unit in zip(indexes, _read_yaml_chunk(paths)):
                    results[index] = [unit]
                self.progress("doc", len(paths), total)
            else:
                future = pool.submit(_read_yaml_chunk, paths)
                futures[future] = indexes
                self.pending.add(future)
        for index, (kind, path) in enumerate(sources):  # workbooks are read here while workers parse YAML
            if kind == "excel":
                try:
                    results[index] = list(_read_excel(path, self.options.review))
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
                results[index] = [unit]
            self.pending.discard(future)
            self.progress("doc", len(units), total)
        self.units = [unit for index in range(total) for unit in results[index]]
        self.problems = [problem for unit in self.units for problem in unit.problems]

    # -- stage 2: units to files
    def write(self, pool: ProcessPoolExecutor | None, jobs: int) -> None:
        work = self.plan()
        total = sum(len(unit_jobs) for _, unit_jobs in work)
        if pool is None:  # one job at a time, so that Ctrl-C loses track of one file at most
            for unit, unit_jobs in work:
                for row in _write_unit(pickle.loads(unit.payload), unit, unit_jobs, self.options):
                    self.accept([row], total)
            return
        size = _chunk_size(len(work), jobs, 8)
        futures: dict[Future, list] = {}
        for start in range(0, len(work), size):
            items = work[start:start + size]
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
        good = [unit for unit in self.units if unit.payload is not None]
        stems = dict(zip(map(id, good), assign_stems([unit.key for unit in good])))
        template_slugs = _template_slugs(self.templates)
        work = []
        for unit in self.units:
            if unit.payload is None:
                self.planned.extend(Row(unit.source, unit.label, t, "", FAILED, unit.reason) for t in self.templates)
                continue
            stem, note = stems[id(unit)]
            if note:
                unit.reason = "; ".join(filter(None, [note, unit.reason]))
            unit_jobs = [(t, fmt, f"{stem}-{template_slugs[t]}.{fmt}") for t in self.templates for fmt in self.formats]
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
        """Cancel what has not started; let running chunks finish the files they are on."""
        for future in self.pending:
            future.cancel()
        running = [f for f in self.pending if not f.done()]
        if running:
            wait(running, timeout=GRACE_SECONDS)
        for future in self.pending:
            if future.done() and not future.cancelled() and future.exception() is None:
                for row in future.result():
                    if isinstance(row, Row):
                        self.received.setdefault((row.source, row.file), row)
        if any(not f.done() for f in self.pending):
            _terminate(pool)
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
    waiting = set(futures)
    while waiting:
        done, waiting = wait(waiting, return_when=FIRST_COMPLETED)
        yield from done


def _chunk_size(count: int, jobs: int, largest: int) -> int:
    # Several chunks per worker balance the load and keep Ctrl-C and the progress bar responsive.
    return max(1, min(largest, count // (jobs * 4) or 1))


def _template_slugs(templates: Sequence[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for template in templates:
        base = slug(Path(template).name) or "mau"
        name, number = base, 1
        while name in result.values():
            number += 1
            name = f"{base}-{number}"
        result[template] = name
    return result


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


def _ignore_further_interrupts():
    try:
        return signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to change
        return None


def _terminate(pool: ProcessPoolExecutor) -> None:
    # No public way before Python 3.14 (terminate_workers); a stuck worker must not hang the exit.
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()


# ----------------------------------------------------------------- summary


def write_summary(path: Path, rows: Sequence[Row]) -> Path:
    """``summary.csv`` and ``summary.xlsx`` beside it (:mod:`drafter.output.summary`); the .csv's path."""
    from drafter.output import summary

    return summary.write_summary(path.parent, rows, STATUS_TEXT)
