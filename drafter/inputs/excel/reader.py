"""Reading a workbook: one :class:`~drafter.inputs.Loaded` per data row, every problem placed at its cell.

A workbook is a zip: its directory is read before openpyxl inflates anything, so a few hundred
kilobytes that would unpack to gigabytes (a shared-strings bomb) are refused at once (E124), as
is a sheet beyond :data:`MAX_CELLS` cells or :data:`MAX_ROWS` data rows (E125). Dates are read in
the workbook's own date system (1900 or 1904).
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import DrafterError, Problem, os_problem
from drafter.inputs import Loaded
from drafter.inputs.excel.cells import TooLong, convert
from drafter.inputs.excel.columns import (
    SHEET,
    Column,
    _blank,
    _by_header,
    _by_path,
    _key,
    _letter,
    columns,
)
from drafter.inputs.validation import validate_data

MAX_BYTES = 50 * 1024 * 1024
#: Unpacked sizes: the national workbook (3,321 communes, as drafter writes it) has a 26 MB sheet.
MAX_SHEET_XML = 64 * 1024 * 1024
MAX_SHARED_STRINGS = 16 * 1024 * 1024
MAX_OTHER_XML = 8 * 1024 * 1024
MAX_UNZIPPED = 128 * 1024 * 1024
#: The national workbook has about 270,000 filled cells and 3,321 rows.
MAX_CELLS = 1_000_000
MAX_ROWS = 10_000



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
    epoch: object = None  # the workbook's date system: 1900 (Windows) or 1904 (old Mac Excel)


@dataclass
class _Layout:
    columns: dict[int, Column]  # 1-based column index -> column
    letters: dict[int, str]
    empty: dict[tuple, str]  # a field's loc -> its column letter, to place a missing value
    first_data_row: int
    epoch: object = None


def _read_sheet(path: Path) -> _Sheet:
    from drafter.inputs.lean_openpyxl import lean_openpyxl

    lean_openpyxl()
    from openpyxl import load_workbook

    name = str(path)
    if path.suffix.lower() == ".xls":
        raise DrafterError([Problem("E119", name)])
    data = _read_bytes(path)
    _check_archive(data, name)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged file fails anywhere in zipfile, zlib, openpyxl
        raise DrafterError([Problem("E110", name, extra={"detail": _short_reason(error)})]) from None
    try:
        if SHEET not in book.sheetnames:
            found = ", ".join(f"“{s}”" for s in book.sheetnames)
            raise DrafterError([Problem("E111", name, found=found, expected=SHEET)])
        return _parse(book, book[SHEET], name)
    except (DrafterError, MemoryError):
        raise
    except Exception as error:  # noqa: BLE001 - as above: the sheet's own XML may be the damaged part
        raise DrafterError([Problem("E110", name, extra={"detail": _short_reason(error)})]) from None
    finally:
        book.close()


def _read_bytes(path: Path) -> bytes:
    """The workbook's bytes: a regular file (never a FIFO or a device) of at most :data:`MAX_BYTES`."""
    from drafter.inputs.discovery import NotRegular, TooLarge, read_limited

    name = str(path)
    try:
        return read_limited(path, MAX_BYTES)
    except NotRegular:
        raise DrafterError([Problem("E101", name, extra={"detail": "không phải tệp thông thường"})]) from None
    except TooLarge as error:
        raise DrafterError([Problem("E124", name, extra={"detail": f"{error.size >> 20} MB, tối đa {MAX_BYTES >> 20} MB"})]) from None
    except OSError as error:
        raise DrafterError([os_problem(error, name)]) from None


def _short_reason(error: Exception) -> str:
    if isinstance(error, zipfile.BadZipFile):
        return "không phải tệp .xlsx"
    return "tệp bị hỏng hoặc không đúng dạng .xlsx"


def _check_archive(data: bytes, name: str) -> None:
    """What the archive says it holds, before anything is unpacked: refuse bombs and non-workbooks."""
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise DrafterError([Problem("E110", name, extra={"detail": "không phải tệp .xlsx"})]) from None
    names = {entry.filename for entry in entries}
    if "xl/workbook.xml" not in names:
        kind = "văn bản Word (.docx)" if "word/document.xml" in names else "tệp nén ZIP"
        raise DrafterError([Problem("E110", name, extra={"detail": f"đây là {kind}, không phải bảng tính .xlsx"})])
    total = 0
    for entry in entries:
        total += entry.file_size
        part = entry.filename
        limit = (MAX_SHEET_XML if part.startswith("xl/worksheets/") else
                 MAX_SHARED_STRINGS if part == "xl/sharedStrings.xml" else
                 MAX_OTHER_XML if part.endswith((".xml", ".rels")) else MAX_UNZIPPED)
        if entry.file_size > limit:
            raise DrafterError([Problem("E124", name, extra={
                "detail": f"phần {part} giải nén ra {entry.file_size >> 20} MB, tối đa {limit >> 20} MB"})])
    if total > MAX_UNZIPPED:
        raise DrafterError([Problem("E124", name, extra={
            "detail": f"giải nén ra {total >> 20} MB, tối đa {MAX_UNZIPPED >> 20} MB"})])


def _parse(book, sheet, name: str) -> _Sheet:
    # openpyxl's own read-only sheet parser, used directly because the public read-only API
    # can tell neither an uncalculated formula from an empty cell nor where cells are merged
    # (the merge list comes after the cells): one streaming pass gets values and both facts.
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    uncalculated = _Uncalculated()

    class Parser(WorkSheetParser):
        def parse_cell(self, element):
            try:
                cell = super().parse_cell(element)
            except ValueError:  # a number of thousands of digits: int() refuses it
                text = element.findtext(VALUE_TAG, "") or ""
                if not (len(text) > 100 and text.lstrip("-+").isdigit()):
                    raise
                row, column = (self.row_counter, self.col_counter)
                return {"row": row, "column": column, "value": TooLong(len(text.lstrip("-+"))),
                        "data_type": "n", "style_id": 0}
            if cell["value"] is None:
                # A formula nobody calculated (written by a script, never saved by Excel) has no
                # cached value; Excel marks a formula that gives an empty text with t="str".
                if element.find(FORMULA_TAG) is not None and element.get("t") != "str":
                    cell["value"] = uncalculated
            elif cell["data_type"] == "e":
                cell["value"] = _CellError(cell["value"])
            return cell

    rows: dict[int, list] = {}
    cells = 0
    with sheet._get_source() as source:
        parser = Parser(source, sheet._shared_strings, data_only=True, epoch=book.epoch,
                        date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for row_number, row_cells in parser.parse():
            present = [c for c in row_cells if c["value"] is not None]
            if present:
                cells += len(present)
                if cells > MAX_CELLS:
                    raise DrafterError([Problem("E124", f"{name}!{SHEET}", extra={
                        "detail": f"trang “{SHEET}” có quá {MAX_CELLS:,} ô có dữ liệu".replace(",", ".")})])
                if len(rows) > MAX_ROWS + 10:  # headers and notes above the data
                    raise DrafterError([Problem("E125", f"{name}!{SHEET}", expected=f"{MAX_ROWS:,}".replace(",", "."))])
                values = [None] * max(c["column"] for c in present)  # a list per row: ~1 KB, not ~20
                for cell in present:
                    values[cell["column"] - 1] = cell["value"]
                rows[row_number] = values
    merged = [str(m.ref) for m in parser.merged_cells.mergeCell] if parser.merged_cells else []
    return _Sheet(rows, merged, book.epoch)


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
    return _Layout(mapping, letters, {column.loc: letters[col] for col, column in mapping.items()}, first_data_row,
                   sheet.epoch)


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


def _cell_place(name: str, letter: str, row: int | None) -> str:
    return f"{name}!{SHEET}!{letter}{row or ''}"


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
        converted = convert(value, column, layout.epoch)
        if converted is None:
            continue
        if isinstance(converted, TooLong):  # 5,000 digits: not a figure, and int() would refuse it
            problems.append(Problem("E219", _cell_place(name, letter, row), path=column.path, found=str(converted)))
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
