"""XML as text: each kind of paragraph, table frame and row built once, filled per document.

Building lxml elements costs microseconds per element and a report has
hundreds of them, and python-docx's open and save cost more than the rest of
the pipeline. So every kind of paragraph, table frame and table row is built
ONCE per process with the helpers of :mod:`drafter.layout.oxml.elements`, which
stay the single source of the format, serialised, and cut where its text goes.
A document is these strings with its escaped text between them (see
:mod:`drafter.layout.oxml.body`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

from lxml import etree

from drafter.layout.oxml.elements import (
    LINE_BREAKS,
    PPR_ORDER,
    TCPR_ORDER,
    OxmlElement,
    format_paragraph,
    format_run,
    insert_in_order,
    mark_header_row,
    properties,
    qn,
    set_bottom_border,
    set_cant_split,
    set_cell_margins,
    set_mark_format,
    set_table_borders,
    set_table_geometry,
    set_table_look_2007,
    w_element,
    xml_safe,
)

#: Where a prototype's text goes: a private-use character, in a ``w:t`` of its own.
_SLOT = "\ue000"
_SLOT_XML = f"<w:t>{_SLOT}</w:t>"
_NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#: Namespaces the root of document.xml declares: a fragment must not declare them again.
ROOT_NAMESPACES = {"w": _NS_W, "r": _NS_R, "wp": _NS_WP}
_ROOT_DECLARATIONS = tuple(f' xmlns:{prefix}="{uri}"' for prefix, uri in ROOT_NAMESPACES.items())
_DECLARATIONS = "".join(_ROOT_DECLARATIONS).strip()
EMPTY_PARAGRAPH_XML = "<w:p/>"


def escape_text(text: str) -> str:
    """``text`` escaped as lxml writes a text node: ``&``, ``<`` and ``>``.

    >>> escape_text('a < b & "c" > d')
    'a &lt; b &amp; "c" &gt; d'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_xml(text: str) -> str:
    """What :func:`append_text` puts in a run for ``text``, as serialised XML.

    >>> text_xml("a\\tb\\nc ")
    '<w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t xml:space="preserve">c </w:t>'
    """
    text = xml_safe(text)
    if "\t" in text or "\n" in text or "\r" in text:
        pieces = LINE_BREAKS.split(text)
    elif text:  # most texts: one piece, as the loop below writes it
        if text[0].isspace() or text[-1].isspace():
            return '<w:t xml:space="preserve">' + escape_text(text) + "</w:t>"
        return "<w:t>" + escape_text(text) + "</w:t>"
    else:
        return ""
    out = []
    for piece in pieces:
        if not piece:
            continue
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n"):
            out.append("<w:br/>")
        elif piece[0].isspace() or piece[-1].isspace():
            out.append('<w:t xml:space="preserve">' + escape_text(piece) + "</w:t>")
        else:
            out.append("<w:t>" + escape_text(piece) + "</w:t>")
    return "".join(out)


def fragment_xml(element) -> str:
    """``element`` serialised as it reads inside document.xml: no re-declared root namespaces."""
    xml = etree.tostring(element, encoding="unicode")
    end = xml.index(">")
    start = xml[:end]
    for declaration in _ROOT_DECLARATIONS:
        start = start.replace(declaration, "", 1)
    return start + xml[end:]


def scratch_element(tag: str):
    """A new element inside a scratch root that declares what document.xml's root declares.

    Parts added under it later (a picture's ``wp:inline``) then leave those declarations
    out, as they do when python-docx adds them to a document.
    """
    root = etree.fromstring(f"<w:body {_DECLARATIONS}/>")
    element = OxmlElement(tag)
    root.append(element)
    return element


def _add_run(p):
    r = OxmlElement("w:r")
    p.append(r)
    return r


def _slot():
    t = OxmlElement("w:t")
    t.text = _SLOT
    return t


def _cut(xml: str, holes: int) -> tuple[str, ...]:
    pieces = tuple(xml.split(_SLOT_XML))
    if len(pieces) != holes + 1:
        raise AssertionError(f"prototype has {len(pieces) - 1} text slots, expected {holes}")
    return pieces


class ParagraphFormat(NamedTuple):
    """The arguments of :func:`format_paragraph`, as a key for prototypes."""

    align: str | None = None
    before: float = 0
    after: float = 0
    line: float | None = None
    exact_pt: float | None = None
    first_line: int = 0
    left: int = 0
    right: int = 0
    keep_next: bool = False


class RunFormat(NamedTuple):
    """The arguments of :func:`format_run`."""

    font: str
    size_pt: float
    bold: bool = False
    italic: bool = False


@functools.lru_cache(maxsize=1024)
def _paragraph_prototype(fmt: ParagraphFormat, run: RunFormat) -> tuple[str, ...]:
    p = scratch_element("w:p")
    format_paragraph(p, **fmt._asdict())
    r = _add_run(p)
    format_run(r, *run)
    r.append(_slot())
    return _cut(fragment_xml(p), 1)


def paragraph_xml(fmt: ParagraphFormat, run: RunFormat, text: str) -> str:
    """A paragraph of one run holding ``text``, as :func:`format_paragraph`, :func:`format_run`
    and :func:`append_text` build it.

    >>> paragraph_xml(ParagraphFormat(align="center"), RunFormat("Arial", 12, bold=True), "A & B")[-40:]
    '</w:rPr><w:t>A &amp; B</w:t></w:r></w:p>'
    """
    head, tail = _paragraph_prototype(fmt, run)
    return head + text_xml(text) + tail


@functools.lru_cache(maxsize=256)
def mark_paragraph_xml(fmt: ParagraphFormat, font: str, size_pt: float, bottom_border: bool = False) -> str:
    """An empty paragraph whose mark has ``font`` and ``size_pt``; a rule under it if ``bottom_border``."""
    p = scratch_element("w:p")
    format_paragraph(p, **fmt._asdict())
    set_mark_format(p, font, size_pt)
    if bottom_border:
        set_bottom_border(p)
    return fragment_xml(p)


@functools.lru_cache(maxsize=1)
def kept_empty_paragraph_xml() -> str:
    p = scratch_element("w:p")
    insert_in_order(properties(p, "w:pPr"), OxmlElement("w:keepNext"), PPR_ORDER)
    return fragment_xml(p)


def picture_paragraph_xml(fmt: ParagraphFormat, run: RunFormat, shape_id: int, rid: str, filename: str,
                          cx: int, cy: int) -> str:
    """A paragraph of one run holding an inline picture, as python-docx's ``add_picture`` builds it."""
    # pictures are rare, and bring python-docx along anyway
    from docx.oxml.shape import CT_Inline
    from docx.shared import Emu

    p = scratch_element("w:p")
    format_paragraph(p, **fmt._asdict())
    r = _add_run(p)
    format_run(r, *run)
    drawing = OxmlElement("w:drawing")
    drawing.append(CT_Inline.new_pic_inline(shape_id, rid, filename, Emu(cx), Emu(cy)))
    r.append(drawing)
    return fragment_xml(p)


class TableFormat(NamedTuple):
    """A table's frame: column widths in twips, ``"nil"`` or ``"single"`` borders, cell margins."""

    column_twips: tuple[int, ...]
    borders: str = "nil"
    #: Left and right cell margins in twips.
    margins: tuple[int, int] = (0, 0)


class RowFormat(NamedTuple):
    header: bool = False
    cant_split: bool = False
    #: Every cell's vertical alignment ("top", "center", "bottom"), or None for the default.
    v_align: str | None = None


def _new_table(columns: int, width_twips: int):
    """A ``w:tbl`` of one row of ``columns`` cells, as python-docx's ``CT_Tbl.new_tbl`` makes it."""
    cell_twips = round(width_twips * 635 // columns / 635)  # python-docx shares the width in EMU
    cells = f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{cell_twips}"/></w:tcPr><w:p/></w:tc>' * columns
    grid = f'<w:gridCol w:w="{cell_twips}"/>' * columns
    return etree.fromstring(
        f'<w:tbl xmlns:w="{_NS_W}"><w:tblPr><w:tblW w:type="auto" w:w="0"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
        f'w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr>{cells}</w:tr></w:tbl>'
    )


@functools.lru_cache(maxsize=256)
def _table_prototype(table: TableFormat, row: RowFormat) -> tuple[tuple[str, str], tuple[str, ...]]:
    """((table head, table tail), row pieces around each cell's paragraphs), built with the helpers."""
    columns = table.column_twips
    tbl = _new_table(len(columns), sum(columns))
    set_table_look_2007(tbl)
    set_table_borders(tbl, table.borders)
    set_table_geometry(tbl, columns)
    set_cell_margins(tbl, *table.margins)
    tr = tbl.find(qn("w:tr"))
    if row.cant_split:
        set_cant_split(tr)
    if row.header:
        mark_header_row(tr)
    for tc in tr.iterchildren(qn("w:tc")):
        if row.v_align:
            insert_in_order(properties(tc, "w:tcPr"), w_element("w:vAlign", val=row.v_align), TCPR_ORDER)
        for p in tc.findall(qn("w:p")):
            tc.remove(p)
        tc.append(_slot())
    xml = fragment_xml(tbl)
    start, end = xml.index("<w:tr>"), xml.rindex("</w:tr>") + len("</w:tr>")
    return (xml[:start], xml[end:]), _cut(xml[start:end], len(columns))


def table_xml(table: TableFormat, rows: Sequence[tuple[RowFormat, Sequence[str]]]) -> str:
    """A table: each row is its format and the XML of each cell's paragraphs (one cell per column).

    A cell given no paragraph gets an empty one: the schema wants at least one.
    """
    out = []
    for row, cells in rows:
        (head, tail), pieces = _table_prototype(table, row)
        if len(cells) != len(pieces) - 1:
            raise ValueError(f"a row of {len(pieces) - 1} columns was given {len(cells)} cells")
        if not out:
            out.append(head)
        for piece, cell in zip(pieces, cells):
            out.append(piece)
            out.append(cell or EMPTY_PARAGRAPH_XML)
        out.append(pieces[-1])
    if not out:
        raise ValueError("a table needs at least one row")
    out.append(tail)
    return "".join(out)
