"""Tables of a .docx: borders (with the table style chain), grid columns, cells, row flags."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from support.docx_styles import W, is_on, styles_of


def table_borders(table: Table) -> dict[str, str | None]:
    """Edge -> border value ("single", "nil"…, None when unset) from the table and its style chain."""
    edges = ("top", "left", "bottom", "right", "insideH", "insideV")
    tblpr = table._tbl.tblPr
    sources = [tblpr]
    style_ref = tblpr.find(qn("w:tblStyle"))
    if style_ref is not None:
        doc_styles = styles_of(table.part.package.main_document_part.document)
        for style in doc_styles.chain(doc_styles.by_id.get(style_ref.get(qn("w:val")))):
            if style.find(qn("w:tblPr")) is not None:
                sources.append(style.find(qn("w:tblPr")))
    out = {}
    for edge in edges:
        value = None
        for src in sources:
            el = src.find(f"{W}tblBorders/{W}{edge}")
            if el is not None:
                value = el.get(qn("w:val"))
                break
        out[edge] = value
    return out


def _visible(value: str | None) -> bool:
    return value not in (None, "nil", "none")


def table_has_no_borders(table: Table) -> bool:
    """No edge of the table nor of any cell is drawn."""
    if any(_visible(v) for v in table_borders(table).values()):
        return False
    for edge in table._tbl.iter(f"{W}tcBorders"):
        if any(_visible(child.get(qn("w:val"))) for child in edge):
            return False
    return True


def table_has_all_borders(table: Table) -> bool:
    """Every outer edge and inside line is drawn."""
    return all(_visible(v) for v in table_borders(table).values())


def table_column_count(table: Table) -> int:
    return len(table._tbl.tblGrid.findall(qn("w:gridCol")))


def table_column_twips(table: Table) -> list[int]:
    return [int(c.get(qn("w:w"), "0")) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def column_cells(table: Table, column: int) -> list:
    """The ``w:tc`` elements that start at grid ``column``, top to bottom."""
    out = []
    for tr in table._tbl.tr_lst:
        position = 0
        for tc in tr.tc_lst:
            if position == column:
                out.append(tc)
            position += tc.grid_span
    return out


def column_paragraphs(table: Table, column: int) -> list[Paragraph]:
    """Paragraphs of one column of ``table`` across all rows, top to bottom."""
    return [Paragraph(p, table) for tc in column_cells(table, column) for p in tc.iterchildren(qn("w:p"))]


def column_text(table: Table, column: int) -> str:
    return "\n".join(p.text for p in column_paragraphs(table, column))


def cell_texts(table: Table) -> list[list[str]]:
    """Text of each cell, row by row."""
    return [["\n".join(p.text for p in tc.iterchildren(qn("w:p"))) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def repeating_header_rows(table: Table) -> list[int]:
    """Indexes of rows marked to repeat at the top of each page."""
    return [i for i, tr in enumerate(table._tbl.tr_lst)
            if tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None
            and is_on(tr.trPr.find(qn("w:tblHeader")))]


def cant_split_rows(table: Table) -> list[int]:
    return [i for i, tr in enumerate(table._tbl.tr_lst)
            if tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None]


def cell_content_width_twips(table: Table, tc) -> int:
    """Width available to text in cell ``tc``: its width less the cell margins."""
    width = tc.tcPr.find(qn("w:tcW")) if tc.tcPr is not None else None
    total = int(width.get(qn("w:w"))) if width is not None and width.get(qn("w:type")) == "dxa" else 0
    if not total:
        grid = table_column_twips(table)
        total = grid[0] if grid else 0
    margins = []
    for side in ("left", "right"):
        el = table._tbl.tblPr.find(f"{W}tblCellMar/{W}{side}")
        margins.append(int(el.get(qn("w:w"))) if el is not None else 108)  # Word's default
    return total - sum(margins)
