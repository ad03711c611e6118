"""Open a .docx and walk it: body blocks, the Decree 30 header and closing tables, every paragraph
(tables at any depth, headers, footers), every run with its effective format, schema order."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from os import PathLike

import docx
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from support.docx_styles import RunInfo, run_info, styles_of
from support.docx_tables import column_text


def open_docx(data: bytes | bytearray | str | PathLike | DocumentObject) -> DocumentObject:
    """A python-docx Document from bytes, a path, or a Document (returned as is)."""
    if isinstance(data, DocumentObject):
        return data
    if isinstance(data, (bytes, bytearray)):
        return docx.Document(io.BytesIO(bytes(data)))
    return docx.Document(data)


def body_blocks(doc: DocumentObject) -> list[Paragraph | Table]:
    """Top-level paragraphs and tables of the body, in order."""
    return list(doc.iter_inner_content())


def body_paragraph_texts(doc: DocumentObject) -> list[str]:
    """Texts of the top-level body paragraphs that are not blank."""
    return [p.text for p in doc.paragraphs if p.text.strip()]


def tables_of(doc: DocumentObject) -> list[Table]:
    return list(doc.tables)


def header_table(doc: DocumentObject) -> Table | None:
    """The Decree 30 header: the table the body opens with, before any text."""
    for block in body_blocks(doc):
        if isinstance(block, Table):
            return block
        if block.text.strip():
            return None
    return None


def closing_table(doc: DocumentObject) -> Table | None:
    """The Decree 30 closing block: the last table with "Nơi nhận" in its left column."""
    opening = header_table(doc)
    for table in reversed(doc.tables):
        if table._tbl is not getattr(opening, "_tbl", None) and "Nơi nhận" in column_text(table, 0):
            return table
    return None


def header_footer_parts(doc: DocumentObject) -> Iterator[tuple[str, object]]:
    """(kind, header-or-footer) for every defined header and footer of every section."""
    for section in doc.sections:
        for kind in ("header", "first_page_header", "even_page_header",
                     "footer", "first_page_footer", "even_page_footer"):
            part = getattr(section, kind)
            if not part.is_linked_to_previous:
                yield kind, part


def all_paragraphs(doc: DocumentObject, headers: bool = True) -> Iterator[tuple[str, Paragraph]]:
    """(where, paragraph) for body paragraphs, table-cell paragraphs at any depth, headers and footers."""
    for p_el in doc.element.body.iter(qn("w:p")):
        inside_table = any(a.tag == qn("w:tc") for a in p_el.iterancestors())
        yield ("table" if inside_table else "body"), Paragraph(p_el, doc)
    if headers:
        for kind, part in header_footer_parts(doc):
            for p_el in part._element.iter(qn("w:p")):
                yield kind, Paragraph(p_el, part)


def all_texts(doc: DocumentObject) -> list[str]:
    """Every paragraph text, body, tables, headers and footers."""
    return [p.text for _, p in all_paragraphs(doc)]


def run_fonts(doc: DocumentObject) -> list[RunInfo]:
    """Every run of the document (body, tables, headers, footers) with its effective format.

    Each item unpacks as (text, ascii, hAnsi, cs, eastAsia, size_pt, bold, italic).
    """
    styles = styles_of(doc)
    return [run_info(r, p._p, styles, where) for where, p in all_paragraphs(doc) for r in p._p.iter(qn("w:r"))]


def package_parts(data: bytes) -> dict[str, bytes]:
    """Every member of the .docx package by name, in zip order, after checking every CRC."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None, "a member of the package is corrupt"
        return {info.filename: archive.read(info) for info in archive.infolist()}


def package_dates(data: bytes) -> set[tuple[int, ...]]:
    """The dates and times of the package's members."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.date_time for info in archive.infolist()}


def find_paragraph(doc: DocumentObject, text: str) -> Paragraph:
    """The first paragraph of the body or its tables (document order) whose text is ``text``."""
    for _, paragraph in all_paragraphs(doc, headers=False):
        if paragraph.text == text:
            return paragraph
    raise LookupError(text)


def find_run(doc: DocumentObject, text: str):
    """The first run of the body or its tables (document order) whose text contains ``text``."""
    for _, paragraph in all_paragraphs(doc, headers=False):
        for run in paragraph.runs:
            if text in run.text:
                return run
    raise LookupError(text)


# --- schema order -------------------------------------------------------------------------

# Child orders written out from ECMA-376 Part 1 (w:pPr 17.3.1.26, w:rPr 17.3.2.28, w:tblPr
# 17.4.60, w:tcPr 17.4.70, w:trPr 17.4.82), here and not taken from the writers, so that a
# mistake in drafter's own tables is caught.
_ORDERS = {
    "pPr": """pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr
              shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN
              bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc
              textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange""",
    "rPr": """rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof
              snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd
              fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath""",
    "tblPr": """tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc
                tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription
                tblPrChange""",
    "tcPr": """cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign
               hideMark headers cellIns cellDel cellMerge tcPrChange""",
    # a repeated choice in the schema; held to the order Word writes
    "trPr": """cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing
               jc hidden ins del trPrChange""",
}


def schema_order_problems(doc: DocumentObject) -> list[str]:
    """Property elements whose children are out of schema order (Word calls such files unreadable)."""
    roots = [doc.element, doc.styles.element] + [part._element for _, part in header_footer_parts(doc)]
    problems = []
    for name, order in _ORDERS.items():
        rank = {qn(f"w:{child}"): i for i, child in enumerate(order.split())}
        for root in roots:
            for el in root.iter(qn(f"w:{name}")):
                ranks = [rank[c.tag] for c in el if c.tag in rank]
                if ranks != sorted(ranks) or len(ranks) != len(set(ranks)):
                    problems.append(f"{name}: {[c.tag.split('}')[1] for c in el]}")
    return problems
