"""Small functions on WordprocessingML's lxml elements for what python-docx has no API for.

They take a ``w:p`` (``paragraph._p``), ``w:r``, ``w:tbl`` or ``w:tr`` and set font slots,
paragraph format, borders, the PAGE field and table geometry, always keeping the
schema's child order (Word calls a file with properties out of order unreadable).
They are the single source of each format: the string prototypes of
:mod:`drafter.layout.oxml.prototypes` are built with them.

They need lxml alone, not python-docx, whose import costs 30 ms of every ``drafter render``:
with the skeleton kept on disk (:func:`~drafter.layout.oxml.package.kept_skeleton`), a document
without pictures is written without it. Their elements are plain lxml elements, which serialise
as python-docx's do; python-docx's own elements (a header's ``paragraph._p``) take them too.

>>> xml_safe("a\\x00b\\x0bc\\td")
'abc\\td'
>>> twips_from_mm(25.4)
1440
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Sequence

from lxml import etree

#: The namespaces of the elements made here, by prefix.
NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}


@functools.lru_cache(maxsize=512)
def qn(tag: str) -> str:
    """``"w:p"`` as lxml names it, ``"{…/main}p"`` (python-docx's ``qn``)."""
    prefix, name = tag.split(":")
    return f"{{{NAMESPACES[prefix]}}}{name}"


def OxmlElement(tag: str):  # python-docx's name, for the same thing
    """A new element ``tag`` declaring its own prefix only, as python-docx's ``OxmlElement`` makes it."""
    prefix = tag.split(":")[0]
    return etree.Element(qn(tag), nsmap={prefix: NAMESPACES[prefix]})


def properties(parent, tag: str):
    """The properties element ``tag`` (``w:pPr``, ``w:trPr``, ``w:tcPr``) of ``parent``, added as its
    first child when missing, where the schema puts it (python-docx's ``get_or_add_pPr()``…)."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.insert(0, found)
    return found

# XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and
# U+FFFE/U+FFFF; lxml refuses the rest, and Word calls such a file corrupt. Written as the
# few characters refused rather than the ranges allowed: the same set, compiled in a tenth
# of the 5 ms a class reaching U+10FFFF costs at every start.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: What :func:`append_text` turns into ``w:tab`` and ``w:br``.
LINE_BREAKS = re.compile(r"(\t|\r\n|\r|\n)")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    if text.isprintable():  # most texts, and none of those characters is printable: no pass of the regex
        return text
    return _XML_ILLEGAL.sub("", text)


def twips_from_mm(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def twips_from_pt(pt: float) -> int:
    return round(pt * 20)


def _half_points(pt: float) -> str:
    return str(round(pt * 2))


def insert_in_order(parent, child, sequence: Sequence[str]):
    """Put ``child`` where ``sequence`` (the schema's child order) wants it, replacing a namesake.

    Word refuses property elements out of schema order as unreadable content.
    """
    old = parent.find(child.tag)
    if old is not None:
        parent.replace(old, child)
        return child
    tags = [qn(tag) for tag in sequence]
    rank = tags.index(child.tag)
    for existing in parent:
        if existing.tag in tags and tags.index(existing.tag) > rank:
            existing.addprevious(child)
            return child
    parent.append(child)
    return child


#: Child orders from the WordprocessingML schema (ECMA-376 Part 1, 17.3.1.26, 17.4.60, 17.4.42, 17.4.82).
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
    "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
    "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
    "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
    "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)
TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize", "w:tblStyleColBandSize",
    "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
    "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange",
)
TCPR_ORDER = (
    "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar",
    "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
)
TRPR_ORDER = (
    "w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
    "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange",
)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_W, _W_TYPE = _W + "w", _W + "type"


def w_element(tag: str, **attrs: str):
    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(_W + name, value)
    return el


# --- runs ---------------------------------------------------------------------

def fonts_element(font: str):
    """A ``w:rFonts`` naming ``font`` in all four slots, with no theme fonts.

    Theme attributes (asciiTheme…) win over the explicit ones in Word, so none is set.
    """
    return w_element("w:rFonts", ascii=font, hAnsi=font, cs=font, eastAsia=font)


def run_properties(font: str, size_pt: float, bold: bool = False, italic: bool = False):
    """A complete ``w:rPr``: the four font slots, bold, italic, size, in schema order."""
    return copy.deepcopy(_run_properties(font, size_pt, bold, italic))


@functools.lru_cache(maxsize=256)
def _run_properties(font: str, size_pt: float, bold: bool, italic: bool):
    # Copying a cached element is several times faster than building one.
    rpr = OxmlElement("w:rPr")
    rpr.append(fonts_element(font))
    if bold:
        rpr.append(OxmlElement("w:b"))
        rpr.append(OxmlElement("w:bCs"))
    if italic:
        rpr.append(OxmlElement("w:i"))
        rpr.append(OxmlElement("w:iCs"))
    rpr.append(w_element("w:sz", val=_half_points(size_pt)))
    rpr.append(w_element("w:szCs", val=_half_points(size_pt)))
    return rpr


def format_run(r, font: str, size_pt: float, bold: bool = False, italic: bool = False) -> None:
    """Give run ``r`` its whole character format, replacing any it had."""
    old = r.find(qn("w:rPr"))
    if old is not None:
        r.remove(old)
    r.insert(0, run_properties(font, size_pt, bold, italic))


def append_text(r, text: str) -> None:
    """Append ``text`` to run ``r``: tabs as ``w:tab``, line ends as ``w:br``.

    Characters XML cannot carry are dropped, so any ``str`` is safe here.
    """
    for piece in LINE_BREAKS.split(xml_safe(text)):
        if not piece:
            continue
        if piece == "\t":
            r.append(OxmlElement("w:tab"))
        elif piece in ("\n", "\r", "\r\n"):
            r.append(OxmlElement("w:br"))
        else:
            t = OxmlElement("w:t")
            t.text = piece
            if piece[0].isspace() or piece[-1].isspace():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)


# --- paragraphs ---------------------------------------------------------------

def format_paragraph(p, *, align: str | None = None, before: float = 0, after: float = 0,
                     line: float | None = None, exact_pt: float | None = None, first_line: int = 0,
                     left: int = 0, right: int = 0, keep_next: bool = False) -> None:
    """Give paragraph ``p`` its whole paragraph format, replacing any it had; call it first.

    ``align`` is an ST_Jc value ("left", "center", "right", "both"); ``before``
    and ``after`` are points; ``line`` is a multiple of single spacing and
    ``exact_pt`` a fixed line height; indents are twips.
    """
    old = p.find(qn("w:pPr"))
    if old is not None:
        p.remove(old)
    key = (align, before, after, line, exact_pt, first_line, left, right, keep_next)
    p.insert(0, copy.deepcopy(_paragraph_properties(*key)))


@functools.lru_cache(maxsize=256)
def _paragraph_properties(align, before, after, line, exact_pt, first_line, left, right, keep_next):
    ppr = OxmlElement("w:pPr")
    if keep_next:
        ppr.append(OxmlElement("w:keepNext"))
    spacing = w_element("w:spacing", before=str(twips_from_pt(before)), after=str(twips_from_pt(after)))
    if exact_pt is not None:
        spacing.set(qn("w:line"), str(twips_from_pt(exact_pt)))
        spacing.set(qn("w:lineRule"), "exact")
    elif line is not None:
        spacing.set(qn("w:line"), str(round(240 * line)))
        spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)
    if first_line or left or right:
        ppr.append(w_element("w:ind", left=str(left), right=str(right), firstLine=str(first_line)))
    if align:
        ppr.append(w_element("w:jc", val=align))
    return ppr


def set_bottom_border(p, width_pt: float = 0.75, space_pt: int = 1, color: str = "000000") -> None:
    """Draw a solid rule under paragraph ``p`` (Decree 30 rules are borders, never underscores)."""
    pbdr = OxmlElement("w:pBdr")
    pbdr.append(
        w_element("w:bottom", val="single", sz=str(round(width_pt * 8)), space=str(space_pt), color=color)
    )
    insert_in_order(properties(p, "w:pPr"), pbdr, PPR_ORDER)


def set_mark_format(p, font: str, size_pt: float) -> None:
    """Format the paragraph mark, which sets the height of an empty paragraph."""
    insert_in_order(properties(p, "w:pPr"), run_properties(font, size_pt), PPR_ORDER)


def add_page_field(p, font: str, size_pt: float) -> None:
    """Append a PAGE field to paragraph ``p`` as begin / instrText / separate / result / end runs."""

    def run(child, text: str | None = None):
        r = OxmlElement("w:r")
        r.append(run_properties(font, size_pt))
        r.append(child)
        if text is not None:
            child.text = text
        p.append(r)
        return child

    run(w_element("w:fldChar", fldCharType="begin"))
    run(OxmlElement("w:instrText"), " PAGE ").set(
        "{http://www.w3.org/XML/1998/namespace}space", "preserve"
    )
    run(w_element("w:fldChar", fldCharType="separate"))
    run(OxmlElement("w:t"), "2")
    run(w_element("w:fldChar", fldCharType="end"))


# --- tables -------------------------------------------------------------------

_TBL_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")


def set_table_borders(tbl, style: str = "single", width_pt: float = 0.5) -> None:
    """Set every table edge to ``style``: "single" for a grid, "nil" for none at all."""
    borders = OxmlElement("w:tblBorders")
    for edge in _TBL_EDGES:
        if style == "nil":
            borders.append(w_element(f"w:{edge}", val="nil"))
        else:
            borders.append(w_element(f"w:{edge}", val=style, sz=str(round(width_pt * 8)), space="0",
                                    color="000000"))
    insert_in_order(tbl.find(qn("w:tblPr")), borders, TBLPR_ORDER)


def set_table_geometry(tbl, column_twips: Sequence[int]) -> None:
    """Fix the table to ``column_twips``: fixed layout, grid, and every cell's width."""
    tblpr = tbl.find(qn("w:tblPr"))
    insert_in_order(tblpr, w_element("w:tblW", w=str(sum(column_twips)), type="dxa"), TBLPR_ORDER)
    insert_in_order(tblpr, w_element("w:tblLayout", type="fixed"), TBLPR_ORDER)
    grid = tbl.find(qn("w:tblGrid"))
    for col in list(grid):
        grid.remove(col)
    for width in column_twips:
        grid.append(w_element("w:gridCol", w=str(width)))
    widths = [str(w) for w in column_twips]
    for tr in tbl.iterchildren(qn("w:tr")):
        for tc, width in zip(tr.iterchildren(qn("w:tc")), widths):
            tcpr = properties(tc, "w:tcPr")
            tcw = tcpr.find(qn("w:tcW"))
            if tcw is None:
                tcw = insert_in_order(tcpr, OxmlElement("w:tcW"), TCPR_ORDER)
            tcw.set(_W_W, width)
            tcw.set(_W_TYPE, "dxa")


def set_cell_margins(tbl, left: int, right: int, top: int = 0, bottom: int = 0) -> None:
    """Default cell margins for the table, in twips."""
    mar = OxmlElement("w:tblCellMar")
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        mar.append(w_element(f"w:{side}", w=str(value), type="dxa"))
    insert_in_order(tbl.find(qn("w:tblPr")), mar, TBLPR_ORDER)


#: Attributes python-docx writes on ``w:tblLook`` that came with Word 2010: Word 2007's schema
#: does not declare them. ``w:val`` (the same flags as a bit mask) is read by every version.
_TBLLOOK_2010 = tuple(_W + name for name in ("firstRow", "lastRow", "firstColumn", "lastColumn", "noHBand", "noVBand"))


def set_table_look_2007(tbl) -> None:
    """Keep only the ``w:val`` of the table's ``w:tblLook``, which Word 2007 can read too.

    The flags only choose parts of a table style, and the writers use none.
    """
    look = tbl.find(qn("w:tblPr")).find(qn("w:tblLook"))
    if look is not None:
        for name in _TBLLOOK_2010:
            look.attrib.pop(name, None)


def mark_header_row(tr) -> None:
    """Repeat row ``tr`` at the top of every page, and never split it across pages."""
    set_cant_split(tr)
    insert_in_order(properties(tr, "w:trPr"), OxmlElement("w:tblHeader"), TRPR_ORDER)


def set_cant_split(tr) -> None:
    insert_in_order(properties(tr, "w:trPr"), OxmlElement("w:cantSplit"), TRPR_ORDER)
