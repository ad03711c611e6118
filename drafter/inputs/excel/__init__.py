"""Excel input: one sheet, one row per unit, one column per leaf field of the model.

Layout written by :func:`workbook_bytes` and expected by :func:`read_workbook`:

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

from drafter.inputs.excel.cells import convert
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
                                          columns,
)
from drafter.inputs.excel.reader import MAX_BYTES, iter_workbook, read_workbook
from drafter.inputs.excel.writer import report_cells, workbook_bytes

__all__ = ["DATA_ROWS", "FIRST_DATA_ROW", "GUIDE_SHEET", "HEADER_ROW", "MAX_BYTES", "NOTE_ROW", "PATH_ROW", "REPEATS",
           "SHEET", "Column", "columns", "convert", "iter_workbook", "read_workbook", "report_cells",
           "workbook_bytes", "_by_path"]
