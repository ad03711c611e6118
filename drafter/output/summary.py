"""The summary of a batch run, for people and for programs: ``summary.xlsx`` and ``summary.csv``.

Staff officers live in Excel. ``summary.xlsx`` (openpyxl) is one sheet with an Excel table:
Vietnamese headers, filter buttons on every column, the header row frozen, widths that fit.

``summary.csv`` must open in columns whatever the regional settings. Excel splits a .csv opened
by double-click at the Windows list separator, which is ";" where the decimal mark is a comma
(Vietnamese) and "," elsewhere, so no comma- or semicolon-separated file suits both. A first
line ``sep=,`` makes Excel split at the comma, but Excel then ignores the UTF-8 byte-order mark
and reads the Vietnamese letters in the ANSI code page (mojibake), and LibreOffice shows that line
as a row of data. What Excel opens in columns with every letter intact in every locale is its own
"Unicode text": UTF-16LE with a byte-order mark, fields separated by tabs. LibreOffice opens the
file through its text import dialog, which takes the encoding from the byte-order mark; every
field is quoted, so a comma or semicolon inside a reason stays in its cell whichever separators
are ticked there. Programs read it with :func:`read_summary_csv`.

A field that starts with ``=``, ``+``, ``-`` or ``@`` would be taken for a formula by a
spreadsheet (a unit name comes from the user's file): the .xlsx stores every value as text, and
the .csv puts an apostrophe before such a field, which Excel and LibreOffice hide.

>>> rows = [("a.yaml", "Xã Ia Grai", "bao-cao", "a.docx", "loi", "E201: số âm, sửa; thử lại")]
>>> data = csv_bytes(rows)
>>> data[:2] == b"\\xff\\xfe", read_csv_bytes(data)[1] == list(rows[0])
(True, True)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

#: Machine names of the columns (the .csv header, stable for scripts) and their Vietnamese
#: headers in the workbook, with a width range in characters.
COLUMNS = (
    ("nguon", "Tệp số liệu", (14, 40)),
    ("don_vi", "Đơn vị", (14, 36)),
    ("mau", "Mẫu", (8, 14)),
    ("tep", "Tệp kết quả", (18, 48)),
    ("trang_thai", "Trạng thái", (10, 12)),
    ("ly_do", "Lý do", (20, 90)),
)
CSV_NAME, XLSX_NAME = "summary.csv", "summary.xlsx"
#: What a spreadsheet would read as the start of a formula (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SheetRow = Sequence[str]


def _fields(row) -> list[str]:
    """A row as its six fields: a sequence already, or an object with the batch Row's attributes."""
    if isinstance(row, Sequence) and not isinstance(row, str):
        fields = [str(value) for value in row]
    else:
        fields = [str(getattr(row, name)) for name in ("source", "unit", "template", "file", "status", "reason")]
    if len(fields) != len(COLUMNS):
        raise ValueError(f"a summary row has {len(COLUMNS)} fields, got {len(fields)}")
    return fields


def _defused(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_bytes(rows: Iterable) -> bytes:
    """``summary.csv``: UTF-16LE with a byte-order mark, tab-separated, every field quoted, CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel-tab", quoting=csv.QUOTE_ALL)
    writer.writerow([name for name, _, _ in COLUMNS])
    for row in rows:
        writer.writerow([_defused(value) for value in _fields(row)])
    return "\ufeff".encode("utf-16-le") + buffer.getvalue().encode("utf-16-le")


def read_csv_bytes(data: bytes) -> list[list[str]]:
    """The rows of a ``summary.csv`` (header first), as :func:`csv_bytes` wrote them."""
    text = data.decode("utf-16")  # the byte-order mark says which end first, and is dropped
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect="excel-tab")]


def read_summary_csv(path: Path | str) -> list[dict[str, str]]:
    """The rows of ``summary.csv`` as dictionaries keyed by the machine column names."""
    header, *rows = read_csv_bytes(Path(path).read_bytes())
    return [dict(zip(header, row)) for row in rows]


def xlsx_bytes(rows: Iterable, status_text: Mapping[str, str] | None = None) -> bytes:
    """``summary.xlsx``: the rows in an Excel table with filters, Vietnamese headers and widths.

    ``status_text`` turns the status keys ("loi") into the words shown ("lỗi").
    """
    from drafter.inputs.lean_openpyxl import lean_openpyxl

    lean_openpyxl()
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    status_text = status_text or {}
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tổng hợp"
    sheet.append([title for _, title, _ in COLUMNS])
    values = [_fields(row) for row in rows]
    status_at = [name for name, _, _ in COLUMNS].index("trang_thai")
    for fields in values:
        fields[status_at] = status_text.get(fields[status_at], fields[status_at])
    # openpyxl writes the header and the first row, and every other part; the other rows are
    # written here as it would write them (_rows_xml), where they can be (_plain_cells)
    later = values[1:] if all(_plain_cells(fields) for fields in values[1:]) else []
    for fields in values[:len(values) - len(later)]:
        sheet.append(fields)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.data_type = "s"  # text, never a formula, whatever it starts with
    for index, (_, title, (low, high)) in enumerate(COLUMNS, start=1):
        longest = max([len(title)] + [len(fields[index - 1]) for fields in values])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, low), high)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2, min_col=len(COLUMNS), max_col=len(COLUMNS)):
        row[0].alignment = wrap
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    last = f"{get_column_letter(len(COLUMNS))}{max(2, len(values) + 1)}"
    if not values:
        sheet.append([""] * len(COLUMNS))  # a table needs a data row
    table = Table(displayName="TongHop", ref=f"A1:{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.add_table(table)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fonts_in_sdk_order(buffer.getvalue(), later)


#: What openpyxl (through lxml, in ASCII) writes for a character of a text, where it differs from it.
_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _plain_cells(fields: list[str]) -> bool:
    # no control character (openpyxl refuses some, lxml escapes others), no surrogate or non-character
    return all(text.isprintable() or not any(ord(c) < 32 or 0xD800 <= ord(c) < 0xE000 or ord(c) in (0xFFFE, 0xFFFF)
                                             for c in text) for text in fields)


def _rows_xml(values: list[list[str]], first_row: int, styles: dict[int, str]) -> str:
    """Rows of text cells, byte for byte as openpyxl writes them with lxml (``cell/_writer.py``,
    ``lxml_write_cell``): an inline string each, ``xml:space`` kept where the text has spaces at
    an end, an empty cell as an empty element, characters beyond ASCII as numeric references.

    Hand-written because openpyxl builds a Cell object and an lxml element for each of a
    national batch's 20,000 cells: 0.25 s at the end of the batch, when nothing else is running.
    ``tests/test_summary.py`` holds the two to the same bytes."""
    out = []
    for number, fields in enumerate(values, start=first_row):
        out.append(f'<row r="{number}">')
        for column, text in enumerate(fields):
            style = styles.get(column, "")
            head = f'<c r="{_LETTERS[column]}{number}"{style} t="inlineStr">'
            if not text:
                out.append(head + "</c>")
                continue
            escaped = text.translate(_ESCAPES).encode("ascii", "xmlcharrefreplace").decode("ascii")
            space = ' xml:space="preserve"' if text != text.strip() else ""
            out.append(f"{head}<is><t{space}>{escaped}</t></is></c>")
        out.append("</row>")
    return "".join(out)


#: The children of a ``font`` of styles.xml in the order of the Open XML SDK's Font class.
_FONT_ORDER = ("b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color",
               "name", "family", "charset", "scheme")


def _fonts_in_sdk_order(data: bytes, later: list[list[str]] = ()) -> bytes:
    """The workbook with each ``font``'s children in the order the Open XML SDK validates, and
    the ``later`` rows added to its sheet after the two openpyxl wrote.

    openpyxl writes name, family, color, sz, scheme. ECMA-376 lets them come in any order
    (CT_Font is a repeated choice) and Excel reads either, but the SDK's validator, which CI
    runs, wants its own sequence; reordering satisfies both.
    """
    import re
    import zipfile

    from lxml import etree

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            blob = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml" and later:
                # the sheet's size as openpyxl gives it for all the rows, and the rows; each cell
                # styled as openpyxl styled the first row's cell of its column
                text = blob.decode("utf-8")
                last = f"{_LETTERS[len(COLUMNS) - 1]}{len(later) + 2}"
                text = text.replace(f'<dimension ref="A1:{_LETTERS[len(COLUMNS) - 1]}2"/>', f'<dimension ref="A1:{last}"/>', 1)
                first = text[text.index('<row r="2">'):]
                styles = {_LETTERS.index(letter): f' s="{style}"' for letter, style in re.findall(
                    r'<c r="([A-Z])2" s="(\d+)"', first[:first.index("</row>")])}
                end = text.index("</sheetData>")
                blob = (text[:end] + _rows_xml(later, 3, styles) + text[end:]).encode("utf-8")
            if item.filename == "xl/styles.xml":
                root = etree.fromstring(blob)
                for font in root.iter("{*}font"):
                    font[:] = sorted(font, key=lambda child: _FONT_ORDER.index(etree.QName(child).localname)
                                     if etree.QName(child).localname in _FONT_ORDER else len(_FONT_ORDER))
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, blob)
    return out.getvalue()


def write_summary(out_dir: Path | str, rows: Sequence, status_text: Mapping[str, str] | None = None) -> Path:
    """Write ``summary.xlsx`` and ``summary.csv`` into ``out_dir`` atomically; return the .csv's path."""
    from drafter.output.files import write_atomic

    out_dir = Path(out_dir)
    write_atomic(out_dir / XLSX_NAME, xlsx_bytes(rows, status_text), force=True)
    return write_atomic(out_dir / CSV_NAME, csv_bytes(rows), force=True)
