"""The batch summary: ``summary.xlsx`` for Excel users, ``summary.csv`` that opens in columns anywhere."""

from __future__ import annotations

import csv
import io
import os
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.output import summary
from drafter.output.batch import STATUS_TEXT, Row

ROWS = [
    Row("so-lieu/xa-ia-grai.yaml", "Xã Ia Grai", "bao-cao", "xa-ia-grai-2026-bao-cao.docx", "xong"),
    Row("so-lieu.xlsx!Số liệu!D7", "Phường An Khê", "tin-bai", "phuong-an-khe-2026-tin-bai.pdf", "loi",
        'E701: không tìm thấy LibreOffice, “cài” đặt; sửa: sudo apt-get install "libreoffice-writer"\nrồi chạy lại'),
    Row("b.yaml", "=HYPERLINK(\"http://x\",\"bấm\")", "bao-cao", "-a.docx", "bo_qua", "@tệp đã có"),
]


def test_csv_is_utf16_tab_separated_quoted_and_reads_back(tmp_path):
    path = summary.write_summary(tmp_path, ROWS, STATUS_TEXT)
    data = path.read_bytes()
    assert path.name == "summary.csv" and data.startswith(b"\xff\xfe")  # UTF-16LE byte-order mark
    text = data.decode("utf-16")
    lines = text.split("\r\n")
    assert lines[0] == "\t".join(f'"{name}"' for name, _, _ in summary.COLUMNS)
    assert not text.startswith("sep=")  # Excel would then ignore the byte-order mark
    rows = summary.read_summary_csv(path)
    assert [r["don_vi"] for r in rows] == ["Xã Ia Grai", "Phường An Khê", "'=HYPERLINK(\"http://x\",\"bấm\")"]
    assert rows[1]["ly_do"] == ROWS[1].reason  # commas, semicolons, quotes, a line break: one field
    assert rows[2]["tep"] == "'-a.docx" and rows[2]["ly_do"] == "'@tệp đã có"  # never a formula
    # what a program would do without our reader: the standard library's Excel-tab dialect
    plain = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), dialect="excel-tab"))
    assert plain == rows


def test_xlsx_is_a_filterable_table_with_vietnamese_headers(tmp_path):
    summary.write_summary(tmp_path, ROWS, STATUS_TEXT)
    book = openpyxl.load_workbook(tmp_path / "summary.xlsx")
    sheet = book.active
    assert sheet.title == "Tổng hợp" and sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == ["Tệp số liệu", "Đơn vị", "Mẫu", "Tệp kết quả", "Trạng thái", "Lý do"]
    assert [sheet.cell(row=r, column=5).value for r in (2, 3, 4)] == ["xong", "lỗi", "bỏ qua"]
    (table,) = sheet.tables.values()
    assert table.ref == "A1:F4" and table.autoFilter is not None  # filter buttons on every column
    # text, not formulas, whatever a cell starts with
    assert sheet["B4"].value == ROWS[2].unit and sheet["B4"].data_type == "s"
    sheet_xml = zipfile.ZipFile(tmp_path / "summary.xlsx").read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEF"}
    assert all(width >= 8 for width in widths.values()) and widths["F"] > widths["C"]
    assert sheet["F3"].alignment.wrap_text


def test_an_empty_summary_is_still_a_valid_table(tmp_path):
    summary.write_summary(tmp_path, [])
    sheet = openpyxl.load_workbook(tmp_path / "summary.xlsx").active
    assert list(sheet.tables.values())[0].ref == "A1:F2"
    assert summary.read_summary_csv(tmp_path / "summary.csv") == []


def test_rows_must_have_six_fields():
    with pytest.raises(ValueError):
        summary.csv_bytes([("a", "b")])


_SUMMARY_PARTS = """
import pickle, sys, zipfile, io
sys.path[:0] = sys.argv[3:]
if sys.argv[1] == "numpy":
    import numpy  # noqa: F401 - as when something imported it first: openpyxl then uses it
from drafter.output import summary
rows = pickle.loads(bytes.fromhex(sys.argv[2]))
archive = zipfile.ZipFile(io.BytesIO(summary.xlsx_bytes(rows, {"xong": "xong", "loi": "lỗi", "bo_qua": "bỏ qua"})))
parts = {info.filename: archive.read(info) for info in archive.infolist() if info.filename != "docProps/core.xml"}
sys.stdout.buffer.write(pickle.dumps((parts, "numpy" in sys.modules)))
"""


def test_summary_xlsx_is_made_without_numpy_and_is_the_same_as_with_it():
    """openpyxl is imported without numpy (drafter.inputs.lean_openpyxl); each part of the workbook
    is the one openpyxl writes with numpy loaded (docProps/core.xml holds the time it was made)."""
    import os
    import pickle
    import subprocess
    import sys
    from pathlib import Path

    pytest.importorskip("numpy")
    root = str(Path(__file__).resolve().parent.parent)
    rows = [summary._fields(row) for row in ROWS] + [(f"{i}.yaml", f"Xã {i}", "bao-cao", f"{i}.docx", "xong", "") for i in range(50)]
    env = {**os.environ, "PYTHONPATH": root}
    made = {}
    for first in ("numpy", "nothing"):
        run = subprocess.run([sys.executable, "-c", _SUMMARY_PARTS, first, pickle.dumps(rows).hex(), root],
                             capture_output=True, env=env, check=True)
        made[first] = pickle.loads(run.stdout)
    (with_numpy, numpy_loaded), (lean, numpy_then) = made["numpy"], made["nothing"]
    assert numpy_loaded and not numpy_then
    assert lean == with_numpy and "xl/worksheets/sheet1.xml" in lean


def _parts(data: bytes) -> dict:
    import re

    archive = zipfile.ZipFile(io.BytesIO(data))
    stamp = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")  # docProps/core.xml: when it was made
    return {info.filename: stamp.sub(b"T", archive.read(info)) for info in archive.infolist()}


_CELL = st.text(st.sampled_from(list("aăâđêôơư AZ09-./:;,'\"&<>=+@é") + ["\u00a0", "\u3000", "\U0001f600", "\u200d",
                                                                              "\t", "\n", "\r", "\x01", "\ufffe"]),
                max_size=12)


@settings(max_examples=int(os.environ.get("DRAFTER_FUZZ_EXAMPLES", "60")), deadline=None)
@given(st.lists(st.tuples(*[_CELL] * 6), min_size=0, max_size=6))
def test_rows_written_by_hand_are_those_openpyxl_writes(rows):
    """summary.xlsx's rows after the first are written as text (summary._rows_xml): the workbook
    is, part for part and byte for byte, the one openpyxl writes alone."""
    status = {"xong": "xong", "loi": "lỗi"}

    def made():
        try:
            return _parts(summary.xlsx_bytes(rows, status))
        except Exception as error:  # noqa: BLE001 - openpyxl refuses a control character: so do both
            return type(error)

    hybrid = made()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(summary, "_plain_cells", lambda fields: False)  # openpyxl writes every row
        assert hybrid == made()
