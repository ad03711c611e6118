"""Excel input: one sheet, one row per unit, one column per leaf field of the model.

Layout written by :func:`write_blank_workbook` and expected by :func:`read_workbook`:

- row 1, headers: the Vietnamese titles of the model's fields, prefixed by their section
  ("Tuyển quân - Chỉ tiêu giao quân"), so the model stays the single source of truth;
- row 2, hidden: the dotted field path ("recruitment.quota"). Reading keys on this row, so a
  retitled header or a moved column never changes what a cell means;
- row 3, notes: the field's description, in italics;
- row 4 on: one unit per row. Entirely empty rows are skipped.

Lists of free text (recipients, notes, directions…) take one cell: one item per line (Alt+Enter),
or, when the cell has no line break, items separated by ";". Lists of objects are flattened to a
fixed number of column groups (:data:`REPEATS`: 3 attendees, 2 speeches, 3 awards); a unit that
needs more uses a YAML file.

Cells may hold numbers, dates or text: "2.847" typed as text is 2847 in a whole-number field,
"0,89" is 0.89 in a decimal field, "13/12/2026" is a date, 2847.0 is 2847. A problem's place is
the cell, written ``tệp.xlsx!Số liệu!D7`` in :attr:`Problem.file` (line and column stay None).

>>> [c.header for c in columns()[:3]]
['Đơn vị - Tên đơn vị', 'Đơn vị - Loại đơn vị hành chính', 'Đơn vị - Cấp']
"""

from __future__ import annotations

import datetime as dt
import io
import re
import types
import typing
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import BaseModel

from drafter.errors import DrafterError, Problem, os_reason
from drafter.inputs import Loaded
from drafter.inputs.validation import validate_data
from drafter.inputs.model import Report

SHEET = "Số liệu"
GUIDE_SHEET = "Hướng dẫn"
HEADER_ROW, PATH_ROW, NOTE_ROW, FIRST_DATA_ROW = 1, 2, 3, 4
#: Data validation and formats cover this many rows: every commune of the country fits.
DATA_ROWS = 5000
#: Lists of objects become this many column groups.
REPEATS = {"conference.attendees": 3, "conference.speeches": 2, "awards": 3}
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Column:
    """One leaf field of the model as a spreadsheet column."""

    path: str  # "recruitment.quota", "awards.0.giver"
    header: str
    description: str
    kind: str  # "int", "float", "date", "text", "list", "choice"
    choices: tuple[str, ...] = ()
    ge: float | None = None
    le: float | None = None
    max_length: int | None = None

    @cached_property
    def loc(self) -> tuple[str | int, ...]:
        return tuple(int(part) if part.isdigit() else part for part in self.path.split("."))

    @cached_property
    def repeated(self) -> bool:
        """Inside a list of objects (attendees, speeches, awards)."""
        return any(isinstance(part, int) for part in self.loc)


# ----------------------------------------------------------------- columns


@lru_cache(maxsize=1)
def columns() -> tuple[Column, ...]:
    """Every column, in model order; headers are unique (checked here, so a model change that
    breaks uniqueness fails at once rather than mixing two fields up)."""
    found = tuple(_walk(Report, (), ()))
    headers = [c.header for c in found]
    duplicates = {h for h in headers if headers.count(h) > 1}
    if duplicates:
        raise AssertionError(f"tiêu đề cột trùng nhau: {sorted(duplicates)}")
    return found


def _walk(model: type[BaseModel], loc: tuple, titles: tuple[str, ...]) -> Iterator[Column]:
    for name, info in model.model_fields.items():
        annotation, constraints = _unwrap(info.annotation, list(info.metadata))
        title = info.title or name
        path = ".".join(str(p) for p in loc + (name,))
        inner = _list_item(annotation)
        if _is_model(annotation):
            yield from _walk(annotation, loc + (name,), titles + (title,))
        elif inner is not None and _is_model(inner):
            for index in range(REPEATS.get(path, 0)):
                yield from _walk(inner, loc + (name, index), titles + (f"{title} {index + 1}",))
        else:
            yield _column(path, titles + (title,), info.description or "", annotation, constraints)


def _column(path: str, titles: tuple[str, ...], description: str, annotation, constraints) -> Column:
    parts: list[str] = []
    for title in titles:  # "Người ký - Người ký" (signer.name) says it once
        if not parts or parts[-1] != title:
            parts.append(title)
    header = " - ".join(parts)
    ge = next((c.ge for c in constraints if hasattr(c, "ge")), None)
    le = next((c.le for c in constraints if hasattr(c, "le")), None)
    max_length = next((c.max_length for c in constraints if getattr(c, "max_length", None)), None)
    if _list_item(annotation) is not None:
        kind = "list"
    elif typing.get_origin(annotation) is typing.Literal:
        return Column(path, header, description, "choice", tuple(typing.get_args(annotation)))
    elif annotation is bool:
        kind = "text"
    elif annotation is int:
        kind = "int"
    elif annotation is float:
        kind = "float"
    elif annotation is dt.date:
        kind = "date"
    else:
        kind = "text"
    return Column(path, header, description, kind, (), ge, le, max_length)


def _unwrap(annotation, constraints: list):
    """``Count | None`` -> (int, [Ge, Le]): drop None and Annotated, keep the constraints."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        return _unwrap(args[0], constraints)
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        for item in extra:
            constraints.extend(getattr(item, "metadata", None) or [item])
        return _unwrap(base, constraints)
    return annotation, constraints


def _list_item(annotation):
    if typing.get_origin(annotation) is list:
        return _unwrap(typing.get_args(annotation)[0], [])[0]
    return None


def _is_model(annotation) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


@lru_cache(maxsize=1)
def _by_path() -> dict[str, Column]:
    return {c.path: c for c in columns()}


@lru_cache(maxsize=1)
def _by_header() -> dict[str, Column]:
    return {_key(c.header): c for c in columns()}


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


# ----------------------------------------------------------------- reading


def read_workbook(path: Path | str) -> list[Loaded]:
    """One :class:`Loaded` per data row (source ``tệp.xlsx!Số liệu!7:7``); never raises for bad input.

    A problem with the whole file (unreadable, no sheet, merged cells, unknown columns) is one
    ``Loaded`` with source = the file and no report.
    """
    return list(iter_workbook(path))


def iter_workbook(path: Path | str) -> Iterator[Loaded]:
    """Like :func:`read_workbook`, validating one row at a time."""
    name = str(path)
    try:
        sheet = _read_sheet(Path(path))
        layout = _layout(sheet, name)
    except DrafterError as error:
        yield Loaded(name, None, error.problems)
        return
    count = 0
    for row_number in sorted(sheet.rows):
        if row_number < layout.first_data_row:
            continue
        values = sheet.rows.pop(row_number)  # let go of raw cells as rows are read
        cells = {col: values[col - 1] for col in layout.columns if col <= len(values) and not _blank(values[col - 1])}
        if cells:
            count += 1
            yield _read_row(name, row_number, cells, layout)
    if count == 0:
        yield Loaded(name, None, [Problem("E118", _cell_place(name, "A", layout.first_data_row),
                                          expected=str(layout.first_data_row))])


class _Uncalculated:
    """A formula cell without a cached value."""


class _CellError(str):
    """An error value such as #N/A or #DIV/0!."""


@dataclass
class _Sheet:
    rows: dict[int, list]  # row number -> values by column (index 0 = column A); None when empty
    merged: list[str]


@dataclass
class _Layout:
    columns: dict[int, Column]  # 1-based column index -> column
    letters: dict[int, str]
    empty: dict[tuple, str]  # a field's loc -> its column letter, to place a missing value
    first_data_row: int


def _read_sheet(path: Path) -> _Sheet:
    from openpyxl import load_workbook

    name = str(path)
    if path.suffix.lower() == ".xls":
        raise DrafterError([Problem("E119", name)])
    if path.exists() and not path.is_file():  # a folder, or a FIFO that would block
        raise DrafterError([Problem("E101", name, extra={"detail": "không phải tệp thông thường"})])
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DrafterError([Problem("E110", name, extra={"detail": "tệp quá lớn"})])
        book = load_workbook(path, read_only=True, data_only=True)
    except DrafterError:
        raise
    except OSError as error:
        raise DrafterError([Problem("E101", name, extra={"detail": os_reason(error)})]) from None
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged file fails anywhere in zipfile, zlib, openpyxl
        raise DrafterError([Problem("E110", name, extra={"detail": _short_reason(error)})]) from None
    try:
        if SHEET not in book.sheetnames:
            found = ", ".join(f"“{s}”" for s in book.sheetnames)
            raise DrafterError([Problem("E111", name, found=found, expected=SHEET)])
        return _parse(book, book[SHEET])
    except (DrafterError, MemoryError):
        raise
    except Exception as error:  # noqa: BLE001 - as above: the sheet's own XML may be the damaged part
        raise DrafterError([Problem("E110", name, extra={"detail": _short_reason(error)})]) from None
    finally:
        book.close()


def _short_reason(error: Exception) -> str:
    if isinstance(error, zipfile.BadZipFile):
        return "không phải tệp .xlsx"
    text = str(error) or type(error).__name__
    text = text if len(text) <= 60 else text[:57] + "…"
    return f"tệp bị hỏng hoặc không đúng dạng .xlsx: {text}"


def _parse(book, sheet) -> _Sheet:
    # openpyxl's own read-only sheet parser, used directly because the public read-only API
    # can tell neither an uncalculated formula from an empty cell nor where cells are merged
    # (the merge list comes after the cells): one streaming pass gets values and both facts.
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    uncalculated = _Uncalculated()

    class Parser(WorkSheetParser):
        def parse_cell(self, element):
            cell = super().parse_cell(element)
            if cell["value"] is None:
                # A formula nobody calculated (written by a script, never saved by Excel) has no
                # cached value; Excel marks a formula that gives an empty text with t="str".
                if element.find(FORMULA_TAG) is not None and element.get("t") != "str":
                    cell["value"] = uncalculated
            elif cell["data_type"] == "e":
                cell["value"] = _CellError(cell["value"])
            return cell

    rows: dict[int, list] = {}
    with sheet._get_source() as source:
        parser = Parser(source, sheet._shared_strings, data_only=True, epoch=book.epoch,
                        date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for row_number, cells in parser.parse():
            present = [c for c in cells if c["value"] is not None]
            if present:
                values = [None] * max(c["column"] for c in present)  # a list per row: ~1 KB, not ~20
                for cell in present:
                    values[cell["column"] - 1] = cell["value"]
                rows[row_number] = values
    merged = [str(m.ref) for m in parser.merged_cells.mergeCell] if parser.merged_cells else []
    return _Sheet(rows, merged)


def _layout(sheet: _Sheet, name: str) -> _Layout:
    """Find which column holds which field: by the hidden path row, else by header text."""
    by_path, by_header = _by_path(), _by_header()
    first_rows = sorted(sheet.rows)[:10]
    path_row = next((r for r in first_rows if sum(_text(v) in by_path for v in sheet.rows[r]) >= 2), None)
    header_row = path_row - 1 if path_row and path_row - 1 in sheet.rows else None
    if path_row is None:
        header_row = next((r for r in first_rows if sum(_key(_text(v)) in by_header for v in sheet.rows[r]) >= 2), None)
        if header_row is None:
            raise DrafterError([Problem("E115", f"{name}!{SHEET}")])
    paths, headers = sheet.rows.get(path_row or 0, []), sheet.rows.get(header_row or 0, [])
    problems: list[Problem] = []
    mapping: dict[int, Column] = {}
    seen: set[str] = set()
    for col in range(1, max(len(paths), len(headers)) + 1):
        path_text = _text(paths[col - 1]) if col <= len(paths) else ""
        header_text = _text(headers[col - 1]) if col <= len(headers) else ""
        column = by_path.get(path_text) if path_text else by_header.get(_key(header_text)) if header_text else None
        if column is None:
            if path_text or header_text:
                where = _cell_place(name, _letter(col), path_row if path_text else header_row)
                problems.append(Problem("E116", where, found=path_text or header_text,
                                        extra={"suggestion": _suggest(path_text or header_text)}))
        elif column.path in seen:
            problems.append(Problem("E117", _cell_place(name, _letter(col), header_row or path_row),
                                    path=column.path, found=column.header))
        else:
            seen.add(column.path)
            mapping[col] = column
    first_data_row = max(r for r in (path_row, header_row) if r) + 1
    while first_data_row in sheet.rows and _is_note_row(sheet.rows[first_data_row], mapping):
        first_data_row += 1
    problems += [Problem("E112", f"{name}!{SHEET}!{ref}", found=ref)
                 for ref in sheet.merged if _merged_last_row(ref) >= first_data_row]
    if problems:
        raise DrafterError(problems)
    letters = {col: _letter(col) for col in mapping}
    return _Layout(mapping, letters, {column.loc: letters[col] for col, column in mapping.items()}, first_data_row)


def _suggest(text: str) -> str:
    import difflib

    close = difflib.get_close_matches(text, [c.header for c in columns()] + [c.path for c in columns()], n=1, cutoff=0.75)
    return f"; có phải ý bạn là “{close[0]}”?" if close else ""


def _text(value) -> str:
    return unicodedata.normalize("NFC", value).strip() if isinstance(value, str) else ""


def _is_note_row(values: list, mapping: dict[int, Column]) -> bool:
    texts = [(column, _text(values[col - 1])) for col, column in mapping.items()
             if col <= len(values) and values[col - 1] is not None]
    if not texts:
        return False
    return sum(bool(text) and text.startswith(column.description) for column, text in texts) * 2 >= len(texts)


def _merged_last_row(ref: str) -> int:
    from openpyxl.utils.cell import range_boundaries

    return range_boundaries(ref)[3]


def _letter(col: int) -> str:
    from openpyxl.utils.cell import get_column_letter

    return get_column_letter(col)


def _cell_place(name: str, letter: str, row: int | None) -> str:
    return f"{name}!{SHEET}!{letter}{row or ''}"


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _CellPositions:
    """The ``problem()`` of the YAML reader's Positions, placing a problem at a cell, not a line."""

    def __init__(self, file: str, row: int, places: dict[tuple, str], empty: dict[tuple, str]):
        self.file, self.row, self.places, self.empty = file, row, places, empty

    def problem(self, code: str, loc, **kwargs) -> Problem:
        path = ".".join(str(part) for part in loc)
        loc, letter = tuple(loc), "A"  # a field the sheet has no column for points at the row
        if loc not in self.places and loc in self.empty:  # a missing value: its own empty cell
            letter = self.empty[loc]
            loc = ()
        while loc:
            if loc in self.places:
                letter = self.places[loc]
                break
            loc = loc[:-1]
        return Problem(code, _cell_place(self.file, letter, self.row), None, None, path, **kwargs)

    def cell(self, loc) -> str | None:
        """``Số liệu!D7``: the cell holding ``loc`` (a line of a list cell included), ``Số liệu!7:7``
        for ``()``, None when the row has no cell for it (for :mod:`drafter.inputs.locate`)."""
        loc = tuple(loc)
        if not loc:
            return f"{SHEET}!{self.row}:{self.row}"
        letter = self.places.get(loc)
        if letter is None and isinstance(loc[-1], int):
            letter = self.places.get(loc[:-1])
        return f"{SHEET}!{letter}{self.row}" if letter else None


def _read_row(name: str, row: int, cells: dict, layout: _Layout) -> Loaded:
    source = f"{name}!{SHEET}!{row}:{row}"
    data: dict = {}
    places: dict[tuple, str] = {}
    problems: list[Problem] = []
    groups: dict[tuple, dict[int, int]] = {}  # list of objects -> original index -> compacted index
    for col, value in cells.items():
        column, letter = layout.columns[col], layout.letters[col]
        if isinstance(value, _Uncalculated):
            problems.append(Problem("E113", _cell_place(name, letter, row), path=column.path))
            continue
        if isinstance(value, _CellError):
            problems.append(Problem("E114", _cell_place(name, letter, row), path=column.path, found=str(value)))
            continue
        converted = convert(value, column)
        if converted is None:
            continue
        loc = column.loc
        if column.repeated:  # awards.2 after an empty awards.1 becomes awards[1]
            loc = list(loc)
            for index, part in enumerate(loc):
                if isinstance(part, int):
                    order = groups.setdefault(tuple(loc[:index]), {})
                    loc[index] = order.setdefault(part, len(order))
            loc = tuple(loc)
        _put(data, loc, converted)
        places[loc] = letter
        for depth in range(1, len(loc)):
            places.setdefault(loc[:depth], letter)
    positions = _CellPositions(name, row, places, layout.empty)
    report, found = validate_data(data, positions)  # only .problem() is used
    if problems:  # a formula cell's field is absent from data: don't also call it missing
        broken = {p.path for p in problems}
        return Loaded(source, None, problems + [p for p in found if p.path not in broken])
    return Loaded(source, report, found, positions)  # type: ignore[arg-type] - cells, not lines


def _put(data: dict, loc: tuple, value) -> None:
    target = data
    for part, following in zip(loc, loc[1:]):
        if isinstance(target, list):
            while len(target) <= part:
                target.append({} if isinstance(following, str) else [])
            target = target[part]
        else:
            target = target.setdefault(part, [] if isinstance(following, int) else {})
    target[loc[-1]] = value


# ------------------------------------------------------------- cell values

_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_VN_DECIMAL = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})*,[0-9]+|[0-9]+,[0-9]+")
_DMY = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
_BULLET = re.compile(r"^\s*[-•+*]\s+")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def convert(value, column: Column):
    """A cell's value as the model wants it; None for an empty cell. A value that cannot be
    converted is passed on unchanged so that validation reports it, at this cell.

    >>> quota = _by_path()["recruitment.quota"]
    >>> convert("2.847", quota), convert(2847.0, quota), convert(" ", quota)
    (2847, 2847, None)
    >>> convert("0,89", _by_path()["defence_land.area_ha"])
    0.89
    """
    if _blank(value):
        return None
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value).strip()
    kind = column.kind
    if kind == "list":
        return _split(value)
    if kind == "int":
        return _to_int(value)
    if kind == "float":
        return _to_float(value)
    if kind == "date":
        return _to_date(value)
    if kind == "choice":
        if isinstance(value, str):
            return next((c for c in column.choices if c.lower() == value.lower()), value)
        return value
    return _to_text(value)


def _to_int(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = _SPACES.sub("", value)
        if text.isdigit():
            return int(text)
        if _THOUSANDS.fullmatch(text):  # Vietnamese thousands separator: "2.847"
            return int(text.replace(".", ""))
    return value


def _to_float(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, str):
        text = _SPACES.sub("", value)
        if _VN_DECIMAL.fullmatch(text):  # "0,89", "1.824,5"
            return float(text.replace(".", "").replace(",", "."))
        if _THOUSANDS.fullmatch(text):
            return float(text.replace(".", ""))
        try:
            return float(text)
        except ValueError:
            return value
    return value


def _to_date(value):
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 < value < 80000:
        from openpyxl.utils.datetime import from_excel  # a date typed into a cell formatted as a number

        return _to_date(from_excel(value))
    if isinstance(value, str):
        match = _DMY.fullmatch(value)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                return value
    return value


def _to_text(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return value


def _split(value) -> list:
    if not isinstance(value, str):
        return [_to_text(value)]
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    parts = text.split("\n") if "\n" in text else text.split(";")
    items = [_BULLET.sub("", part).strip() for part in parts]
    return [item for item in items if item]


# ----------------------------------------------------------------- writing


def write_blank_workbook(path: Path | str, year: int | None = None, force: bool = False) -> Path:
    """Write the empty workbook officers fill in, atomically; refuse to overwrite unless ``force``."""
    return write_workbook(path, (), year=year, force=force)


def write_workbook(path: Path | str, reports: Sequence[Report] = (), year: int | None = None,
                   force: bool = False) -> Path:
    """The workbook with one row per report (used by tests and benchmarks to make inputs).

    Raises ``ValueError`` when a report has more attendees, speeches or awards than the columns hold.
    """
    from drafter.output.files import write_atomic

    target = Path(path)
    if target.exists() and not force:
        raise DrafterError([Problem("E501", str(target), found=str(target))])
    book = _blank_book(year)
    sheet = book[SHEET]
    for offset, report in enumerate(reports):
        values = report_cells(report)
        for index, column in enumerate(columns(), start=1):
            if column.path in values:
                sheet.cell(FIRST_DATA_ROW + offset, index, values[column.path])
    buffer = io.BytesIO()
    book.save(buffer)
    return write_atomic(target, buffer.getvalue(), force=force)


def report_cells(report: Report) -> dict[str, object]:
    """A report as {field path: cell value}; lists of text become one cell, one item per line."""
    data = report.model_dump(mode="python", exclude_none=True)
    cells: dict[str, object] = {}

    def visit(value, loc: tuple):
        path = ".".join(str(p) for p in loc)
        if path in _by_path():
            if isinstance(value, list):
                if value:
                    cells[path] = "\n".join(str(v) for v in value)
            else:
                cells[path] = value
        elif isinstance(value, dict):
            for key, item in value.items():
                visit(item, loc + (key,))
        elif isinstance(value, list):
            limit = REPEATS.get(path, 0)
            if len(value) > limit:
                raise ValueError(f"{path}: {len(value)} mục, bảng tính chỉ có {limit} nhóm cột")
            for index, item in enumerate(value):
                visit(item, loc + (index,))

    visit(data, ())
    return cells


def _blank_book(year: int | None):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    bold, italic = Font(bold=True), Font(italic=True, color="555555")
    fill = PatternFill("solid", fgColor="DDEBF7")
    wrap_top = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(columns(), start=1):
        letter = _letter(index)
        header = sheet.cell(HEADER_ROW, index, column.header)
        header.font, header.fill, header.alignment = bold, fill, wrap_top
        sheet.cell(PATH_ROW, index, column.path).font = Font(color="888888", size=8)
        note = sheet.cell(NOTE_ROW, index, _note(column, year))
        note.font, note.alignment = italic, wrap_top
        dimension = sheet.column_dimensions[letter]
        dimension.width = _width(column)
        # A column style applies to every cell typed later; text columns are "@" so Excel
        # keeps "05" or "1/2" as typed instead of turning them into numbers or dates.
        dimension.number_format = {"date": "dd/mm/yyyy", "int": "#,##0", "float": "General"}.get(column.kind, "@")
        if column.kind in ("list", "text"):
            dimension.alignment = Alignment(wrap_text=column.kind == "list", vertical="top")
    sheet.row_dimensions[PATH_ROW].hidden = True  # field paths: for the reader, not for people
    sheet.row_dimensions[HEADER_ROW].height = 48
    sheet.row_dimensions[NOTE_ROW].height = 60
    sheet.freeze_panes = f"B{FIRST_DATA_ROW}"  # headers and the unit's name stay in view
    _add_validations(sheet, year)
    _add_guide(book.create_sheet(GUIDE_SHEET))
    book.properties.title = "Số liệu công tác quốc phòng, quân sự địa phương" + (f" năm {year}" if year else "")
    return book


def _note(column: Column, year: int | None) -> str:
    note = column.description
    if column.kind == "list":
        note += " (nhiều ý: mỗi ý một dòng, Alt+Enter; hoặc ngăn cách bằng “;”)"
    elif column.kind == "choice":
        note += " Chọn: " + ", ".join(column.choices) + "."
    elif column.kind == "date":
        note += " (ngày/tháng/năm)"
    if column.path == "period.year" and year:
        note += f" Ví dụ: {year}."
    return note


def _width(column: Column) -> float:
    if column.kind == "list":
        return 45
    if column.kind == "text":
        return 22 if column.max_length != 2000 else 40
    return max(12.0, min(24.0, len(column.header) * 0.5))


def _add_validations(sheet, year: int | None) -> None:
    from openpyxl.utils.datetime import to_excel
    from openpyxl.worksheet.datavalidation import DataValidation

    from drafter.inputs.validation import period_window

    first, last = (period_window(year, "half-year")[0], period_window(year, "year")[1]) if year else (
        dt.date(1990, 1, 1), dt.date(2100, 12, 31))
    rules: dict[tuple, DataValidation] = {}
    for index, column in enumerate(columns(), start=1):
        key: tuple
        if column.kind == "choice":
            key = ("list", '"' + ",".join(column.choices) + '"', None)
        elif column.kind == "int":
            key = ("whole", str(int(column.ge or 0)), str(int(column.le)) if column.le is not None else None)
        elif column.kind == "float":
            key = ("decimal", str(column.ge or 0), str(column.le) if column.le is not None else None)
        elif column.kind == "date":
            window = (first, last) if column.path in ("document.date", "conference.date") else (
                dt.date(1990, 1, 1), dt.date(2100, 12, 31))
            key = ("date", str(int(to_excel(window[0]))), str(int(to_excel(window[1]))))
        elif column.kind == "text" and column.max_length:
            key = ("textLength", "0", str(column.max_length))
        else:
            continue
        rule = rules.get(key)
        if rule is None:
            rule = rules[key] = _rule(DataValidation, *key)
            sheet.add_data_validation(rule)
        letter = _letter(index)
        rule.add(f"{letter}{FIRST_DATA_ROW}:{letter}{FIRST_DATA_ROW + DATA_ROWS - 1}")


_RULE_TEXT = {
    "list": ("Giá trị không có trong danh sách", "Chọn một giá trị trong danh sách thả xuống."),
    "whole": ("Cần một số nguyên", "Nhập số nguyên từ {0} trở lên, không có chữ."),
    "decimal": ("Cần một số", "Nhập số từ {0} trở lên; phần thập phân dùng dấu phẩy theo cài đặt máy."),
    "date": ("Cần một ngày", "Nhập ngày dạng ngày/tháng/năm, trong khoảng cho phép."),
    "textLength": ("Nội dung quá dài", "Rút gọn còn dưới {1} ký tự."),
}


def _rule(factory, kind: str, formula1: str, formula2: str | None):
    title, message = _RULE_TEXT[kind]
    if kind == "list":
        rule = factory(type="list", formula1=formula1, allow_blank=True)
    elif formula2 is None:
        rule = factory(type=kind, operator="greaterThanOrEqual", formula1=formula1, allow_blank=True)
    else:
        rule = factory(type=kind, operator="between", formula1=formula1, formula2=formula2, allow_blank=True)
    rule.errorTitle, rule.error = title, message.format(formula1, formula2)
    rule.showErrorMessage = True
    return rule


_GUIDE = (
    "HƯỚNG DẪN ĐIỀN SỐ LIỆU",
    "",
    f"1. Mỗi đơn vị (tỉnh, xã, phường…) điền trên một dòng của trang “{SHEET}”, từ dòng {FIRST_DATA_ROW}.",
    "2. Dòng 1 là tên cột, dòng 3 là giải thích; không xóa, không đổi thứ tự ba dòng đầu.",
    "   Dòng 2 (ẩn) giữ mã trường để chương trình đọc đúng cột, kể cả khi tiêu đề bị sửa.",
    "3. Ô bỏ trống là không có số liệu; mục không có số liệu sẽ không xuất hiện trong báo cáo.",
    "4. Số nguyên nhập như số (2847) hoặc chữ có dấu chấm ngăn cách hàng nghìn (2.847).",
    "   Số thập phân dùng dấu phẩy (0,89). Ngày nhập dạng ngày/tháng/năm (13/12/2026).",
    "5. Ô nhiều ý (nơi nhận, ưu điểm, phương hướng…): mỗi ý một dòng trong ô (Alt+Enter),",
    "   hoặc các ý ngăn cách bằng dấu chấm phẩy “;”.",
    "6. Đại biểu, phát biểu, khen thưởng có số nhóm cột cố định (3 đại biểu, 2 phát biểu, 3 hình thức khen);",
    "   cần nhiều hơn thì dùng tệp YAML.",
    "7. Không gộp ô, không để công thức chưa tính. Lưu tệp dạng .xlsx.",
    "8. Kiểm tra: drafter batch so-lieu.xlsx -o ket-qua/ (mỗi lỗi chỉ rõ ô, ví dụ so-lieu.xlsx!Số liệu!D7).",
)


def _add_guide(sheet) -> None:
    from openpyxl.styles import Font

    for row, text in enumerate(_GUIDE, start=1):
        sheet.cell(row, 1, text)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 110
