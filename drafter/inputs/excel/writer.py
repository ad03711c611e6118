"""Writing workbooks: the blank one officers fill in (titles, notes, drop-down lists, a guide), and
one with reports in it (tests and benchmarks)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from drafter.inputs.excel.columns import (
    DATA_ROWS,
    FIRST_DATA_ROW,
    GUIDE_SHEET,
    HEADER_ROW,
    NOTE_ROW,
    PATH_ROW,
    REPEATS,
    SHEET,
    Column,
    _by_path,
    _letter,
    columns,
)
from drafter.inputs.model import Report


def workbook_bytes(reports: Sequence[Report] = (), year: int | None = None) -> bytes:
    """The .xlsx officers fill in, with one row per report (none: the blank workbook);
    :func:`drafter.api.write_workbook` writes it.

    Raises ``ValueError`` when a report has more attendees, speeches or awards than the columns hold.
    """
    book = _blank_book(year)
    sheet = book[SHEET]
    for offset, report in enumerate(reports):
        values = report_cells(report)
        for index, column in enumerate(columns(), start=1):
            if column.path in values:
                sheet.cell(FIRST_DATA_ROW + offset, index, values[column.path])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


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
    from drafter.inputs.lean_openpyxl import lean_openpyxl

    lean_openpyxl()
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

    from drafter.inputs.dates import period_window

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
