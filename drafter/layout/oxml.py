"""The WordprocessingML underneath the layout writers.

Everything python-docx has no API for lives here as small functions on lxml
elements (``paragraph._p``, ``run._r``, ``table._tbl``, ``tr``): font slots,
borders, fields, table geometry, the lean base package and the
deterministic zip. The writers above speak in paragraphs, runs and tables.

For speed those functions build each kind of paragraph, table frame and row
once per process; the result is kept as XML text with holes for the text
(:func:`paragraph_xml`, :func:`table_xml`), and a document is those strings
filled, joined into a :class:`Body` and zipped with the parts of a
:class:`Skeleton` that python-docx wrote once.

>>> xml_safe("a\\x00b\\x0bc\\td")
'abc\\td'
>>> twips_from_mm(25.4)
1440
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import re
import struct
import zlib
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.oxml.table import CT_Tbl
from docx.shared import Emu
from lxml import etree

# XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and
# U+FFFE/U+FFFF; lxml refuses the rest, and Word calls such a file corrupt.
_XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BREAKS = re.compile(r"(\t|\r\n|\r|\n)")

#: Core properties are capped at 255 characters by python-docx.
_CORE_PROPERTY_LIMIT = 255


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return _XML_ILLEGAL.sub("", text)


def twips_from_mm(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def twips_from_pt(pt: float) -> int:
    return round(pt * 20)


def _half_points(pt: float) -> str:
    return str(round(pt * 2))


def _insert_in_order(parent, child, sequence: Sequence[str]):
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


def _element(tag: str, **attrs: str):
    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(_W + name, value)
    return el


# --- runs ---------------------------------------------------------------------

def fonts_element(font: str):
    """A ``w:rFonts`` naming ``font`` in all four slots, with no theme fonts.

    Theme attributes (asciiTheme…) win over the explicit ones in Word, so none is set.
    """
    return _element("w:rFonts", ascii=font, hAnsi=font, cs=font, eastAsia=font)


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
    rpr.append(_element("w:sz", val=_half_points(size_pt)))
    rpr.append(_element("w:szCs", val=_half_points(size_pt)))
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
    for piece in _BREAKS.split(xml_safe(text)):
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
    spacing = _element("w:spacing", before=str(twips_from_pt(before)), after=str(twips_from_pt(after)))
    if exact_pt is not None:
        spacing.set(qn("w:line"), str(twips_from_pt(exact_pt)))
        spacing.set(qn("w:lineRule"), "exact")
    elif line is not None:
        spacing.set(qn("w:line"), str(round(240 * line)))
        spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)
    if first_line or left or right:
        ppr.append(_element("w:ind", left=str(left), right=str(right), firstLine=str(first_line)))
    if align:
        ppr.append(_element("w:jc", val=align))
    return ppr


def set_bottom_border(p, width_pt: float = 0.75, space_pt: int = 1, color: str = "000000") -> None:
    """Draw a solid rule under paragraph ``p`` (Decree 30 rules are borders, never underscores)."""
    pbdr = OxmlElement("w:pBdr")
    pbdr.append(
        _element("w:bottom", val="single", sz=str(round(width_pt * 8)), space=str(space_pt), color=color)
    )
    _insert_in_order(p.get_or_add_pPr(), pbdr, PPR_ORDER)


def set_mark_format(p, font: str, size_pt: float) -> None:
    """Format the paragraph mark, which sets the height of an empty paragraph."""
    _insert_in_order(p.get_or_add_pPr(), run_properties(font, size_pt), PPR_ORDER)


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

    run(_element("w:fldChar", fldCharType="begin"))
    run(OxmlElement("w:instrText"), " PAGE ").set(
        "{http://www.w3.org/XML/1998/namespace}space", "preserve"
    )
    run(_element("w:fldChar", fldCharType="separate"))
    run(OxmlElement("w:t"), "2")
    run(_element("w:fldChar", fldCharType="end"))


# --- tables -------------------------------------------------------------------

_TBL_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")


def set_table_borders(tbl, style: str = "single", width_pt: float = 0.5) -> None:
    """Set every table edge to ``style``: "single" for a grid, "nil" for none at all."""
    borders = OxmlElement("w:tblBorders")
    for edge in _TBL_EDGES:
        if style == "nil":
            borders.append(_element(f"w:{edge}", val="nil"))
        else:
            borders.append(_element(f"w:{edge}", val=style, sz=str(round(width_pt * 8)), space="0",
                                    color="000000"))
    _insert_in_order(tbl.tblPr, borders, TBLPR_ORDER)


def set_table_geometry(tbl, column_twips: Sequence[int]) -> None:
    """Fix the table to ``column_twips``: fixed layout, grid, and every cell's width."""
    tblpr = tbl.tblPr
    _insert_in_order(tblpr, _element("w:tblW", w=str(sum(column_twips)), type="dxa"), TBLPR_ORDER)
    _insert_in_order(tblpr, _element("w:tblLayout", type="fixed"), TBLPR_ORDER)
    grid = tbl.tblGrid
    for col in list(grid):
        grid.remove(col)
    for width in column_twips:
        grid.append(_element("w:gridCol", w=str(width)))
    widths = [str(w) for w in column_twips]
    for tr in tbl.tr_lst:
        for tc, width in zip(tr.tc_lst, widths):
            tcw = tc.get_or_add_tcPr().get_or_add_tcW()
            tcw.set(_W_W, width)
            tcw.set(_W_TYPE, "dxa")


def set_cell_margins(tbl, left: int, right: int, top: int = 0, bottom: int = 0) -> None:
    """Default cell margins for the table, in twips."""
    mar = OxmlElement("w:tblCellMar")
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        mar.append(_element(f"w:{side}", w=str(value), type="dxa"))
    _insert_in_order(tbl.tblPr, mar, TBLPR_ORDER)


def mark_header_row(tr) -> None:
    """Repeat row ``tr`` at the top of every page, and never split it across pages."""
    set_cant_split(tr)
    _insert_in_order(tr.get_or_add_trPr(), OxmlElement("w:tblHeader"), TRPR_ORDER)


def set_cant_split(tr) -> None:
    _insert_in_order(tr.get_or_add_trPr(), OxmlElement("w:cantSplit"), TRPR_ORDER)


# --- styles, settings, package ---------------------------------------------------

#: Styles a lean package keeps: the defaults and the ones python-docx's header part names.
_KEPT_STYLES = frozenset({"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Header",
                          "HeaderChar", "Footer", "FooterChar"})


def slim_styles(styles, keep: Iterable[str] = _KEPT_STYLES) -> None:
    """Drop latent styles and every style not in ``keep``: the default part is 430 kB."""
    keep = frozenset(keep)
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in keep:
            styles.remove(style)


def set_doc_defaults(styles, font: str, size_pt: float, lang: str) -> None:
    """Make ``font`` (four slots), ``size_pt``, black and ``lang`` the defaults of every run.

    Empty paragraphs and anything a user types later inherit them.
    """
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    for child in list(defaults):
        defaults.remove(child)
    rpr = run_properties(font, size_pt)
    _insert_in_order(rpr, _element("w:color", val="000000"), RPR_ORDER)
    _insert_in_order(rpr, _element("w:lang", val=lang, eastAsia=lang, bidi="ar-SA"), RPR_ORDER)
    rpr_default = OxmlElement("w:rPrDefault")
    rpr_default.append(rpr)
    ppr = OxmlElement("w:pPr")
    ppr.append(_element("w:spacing", before="0", after="0", line="240", lineRule="auto"))
    ppr_default = OxmlElement("w:pPrDefault")
    ppr_default.append(ppr)
    defaults.append(rpr_default)
    defaults.append(ppr_default)


def set_theme_font_lang(settings, lang: str) -> None:
    """Tell Word the document's language for proofing and theme fonts."""
    for old in settings.findall(qn("w:rsids")):
        settings.remove(old)
    existing = settings.find(qn("w:themeFontLang"))
    if existing is not None:
        existing.set(qn("w:val"), lang)
        existing.set(qn("w:eastAsia"), lang)


_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_DROPPED_RELS = (_STYLES_WITH_EFFECTS, RT.WEB_SETTINGS, RT.CUSTOM_XML, RT.NUMBERING)


def lean_document(font: str, size_pt: float, lang: str = "vi-VN") -> DocumentObject:
    """python-docx's default document trimmed to what a plain report needs, fonts set.

    Used once per process to build a template; parsing the full default styles
    part on every document would cost most of the time budget.
    """
    document = Document()
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype in _DROPPED_RELS:
            del part.rels[rid]
    package_rels = part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]
    styles = document.styles.element
    slim_styles(styles)
    set_doc_defaults(styles, font, size_pt, lang)
    set_theme_font_lang(document.settings.element, lang)
    return document


def set_core_properties(document: DocumentObject, title: str, author: str, when: dt.datetime,
                        lang: str = "vi-VN") -> None:
    """Fill the core properties so that the same input always gives the same part."""
    props = document.core_properties
    props.title = core_property_text(title)
    props.author = core_property_text(author)
    props.last_modified_by = props.author
    props.language = lang
    props.description = ""
    props.revision = 1
    props.created = when
    props.modified = when


def core_property_text(value: str) -> str:
    """A core property as stored: XML-safe and at most 255 characters."""
    return xml_safe(value)[:_CORE_PROPERTY_LIMIT]


# --- XML as text: prototypes built once, filled per document ----------------------------
#
# Building lxml elements costs microseconds per element and a report has
# hundreds of them, and python-docx's open and save cost more than the rest of
# the pipeline. So every kind of paragraph, table frame and table row is built
# ONCE per process with the helpers above, which stay the single source of the
# format, serialised, and cut where its text goes. A document is these strings
# with its escaped text between them, joined into document.xml and zipped with
# the package parts that python-docx wrote once (see :class:`Skeleton`).

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
        pieces = _BREAKS.split(text)
    elif text:
        pieces = (text,)
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


def _new(tag: str):
    """A new element inside a scratch root that declares what document.xml's root declares.

    Parts added under it later (a picture's ``wp:inline``) then leave those declarations
    out, as they do when python-docx adds them to a document.
    """
    # parsed by python-docx's parser, so that its elements keep their python-docx classes
    root = parse_xml(f"<w:body {_DECLARATIONS}/>")
    element = OxmlElement(tag)
    root.append(element)
    return element


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
    p = _new("w:p")
    format_paragraph(p, **fmt._asdict())
    r = p.add_r()
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
    p = _new("w:p")
    format_paragraph(p, **fmt._asdict())
    set_mark_format(p, font, size_pt)
    if bottom_border:
        set_bottom_border(p)
    return fragment_xml(p)


@functools.lru_cache(maxsize=1)
def _kept_empty_paragraph_xml() -> str:
    p = _new("w:p")
    _insert_in_order(p.get_or_add_pPr(), OxmlElement("w:keepNext"), PPR_ORDER)
    return fragment_xml(p)


def picture_paragraph_xml(fmt: ParagraphFormat, run: RunFormat, shape_id: int, rid: str, filename: str,
                          cx: int, cy: int) -> str:
    """A paragraph of one run holding an inline picture, as python-docx's ``add_picture`` builds it."""
    p = _new("w:p")
    format_paragraph(p, **fmt._asdict())
    r = p.add_r()
    format_run(r, *run)
    r.add_drawing(CT_Inline.new_pic_inline(shape_id, rid, filename, Emu(cx), Emu(cy)))
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


_V_ALIGN = {"top": WD_CELL_VERTICAL_ALIGNMENT.TOP, "center": WD_CELL_VERTICAL_ALIGNMENT.CENTER,
            "bottom": WD_CELL_VERTICAL_ALIGNMENT.BOTTOM}


@functools.lru_cache(maxsize=256)
def _table_prototype(table: TableFormat, row: RowFormat) -> tuple[tuple[str, str], tuple[str, ...]]:
    """((table head, table tail), row pieces around each cell's paragraphs), built with the helpers."""
    columns = table.column_twips
    tbl = CT_Tbl.new_tbl(1, len(columns), Emu(sum(columns) * 635))
    set_table_borders(tbl, table.borders)
    set_table_geometry(tbl, columns)
    set_cell_margins(tbl, *table.margins)
    tr = tbl.tr_lst[0]
    if row.cant_split:
        set_cant_split(tr)
    if row.header:
        mark_header_row(tr)
    for tc in tr.tc_lst:
        if row.v_align:
            tc.get_or_add_tcPr().vAlign_val = _V_ALIGN[row.v_align]
        for p in tc.p_lst:
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


class Flow:
    """The paragraphs of one container (a table cell), as XML strings in order."""

    __slots__ = ("parts",)

    def __init__(self):
        self.parts: list[str] = []

    def paragraph(self, fmt: ParagraphFormat, run: RunFormat, text: str) -> None:
        self.parts.append(paragraph_xml(fmt, run, text))

    def mark_paragraph(self, fmt: ParagraphFormat, font: str, size_pt: float, bottom_border: bool = False) -> None:
        self.parts.append(mark_paragraph_xml(fmt, font, size_pt, bottom_border))

    def empty_paragraph(self) -> None:
        self.parts.append(EMPTY_PARAGRAPH_XML)

    @property
    def xml(self) -> str:
        return "".join(self.parts)


class Body(Flow):
    """The body of one document being written on ``skeleton``; :meth:`docx` gives the file.

    Besides paragraphs it takes tables and pictures, and remembers its last paragraph
    so that the block that follows can keep it on its page.
    """

    __slots__ = ("_skeleton", "_last", "_last_is_table", "_pictures")

    def __init__(self, skeleton: Skeleton):
        super().__init__()
        self._skeleton = skeleton
        self._last = None  # (index, builder, format, arguments) of the last paragraph
        self._last_is_table = False
        self._pictures: _Pictures | None = None

    def _add(self, builder, fmt, *args) -> None:
        self._last = (len(self.parts), builder, fmt, args)
        self._last_is_table = False
        self.parts.append(builder(fmt, *args))

    def paragraph(self, fmt: ParagraphFormat, run: RunFormat, text: str) -> None:
        self._add(paragraph_xml, fmt, run, text)

    def mark_paragraph(self, fmt: ParagraphFormat, font: str, size_pt: float, bottom_border: bool = False) -> None:
        self._add(mark_paragraph_xml, fmt, font, size_pt, bottom_border)

    def empty_paragraph(self) -> None:
        self._add(lambda fmt: _kept_empty_paragraph_xml() if fmt.keep_next else EMPTY_PARAGRAPH_XML,
                  ParagraphFormat())

    def picture(self, fmt: ParagraphFormat, run: RunFormat, blob: bytes, width: int, height: int) -> None:
        """A paragraph holding the picture ``blob`` (PNG, JPEG…) at ``width`` × ``height`` EMU."""
        if self._pictures is None:
            self._pictures = _Pictures(self._skeleton)
        rid, filename, shape_id, cx, cy = self._pictures.add(blob, width, height)
        self._add(picture_paragraph_xml, fmt, run, shape_id, rid, filename, cx, cy)

    def table(self, table: TableFormat, rows: Sequence[tuple[RowFormat, Sequence[str]]]) -> None:
        self.parts.append(table_xml(table, rows))
        self._last_is_table = True

    @property
    def ends_in_table(self) -> bool:
        return self._last_is_table

    def keep_last_paragraph_with_next(self) -> None:
        """Set "keep with next" on the last paragraph of the body, as python-docx's
        ``paragraph_format.keep_with_next = True`` would."""
        if self._last is None:
            return
        index, builder, fmt, args = self._last
        if not fmt.keep_next:
            fmt = fmt._replace(keep_next=True)
            self._last = (index, builder, fmt, args)
            self.parts[index] = builder(fmt, *args)

    def docx(self, title: str, author: str) -> bytes:
        """The finished .docx: this body in the skeleton, with these core properties."""
        return self._skeleton.docx(self.xml, title, author, self._pictures)


class _Pictures:
    """Picture parts for one document, added through python-docx's package (pictures are rare)."""

    def __init__(self, skeleton: Skeleton):
        self.document = Document(io.BytesIO(skeleton.source))
        self.count = 0

    def add(self, blob: bytes, width: int, height: int) -> tuple[str, str, int, int, int]:
        rid, image = self.document.part.get_or_add_image(io.BytesIO(blob))
        cx, cy = image.scaled_dimensions(width, height)
        self.count += 1  # as python-docx numbers shapes: one more than the largest id so far
        return rid, image.filename, self.count, int(cx), int(cy)


# --- the package and the zip ---------------------------------------------------------------

#: Deflate level of the parts written for each document (document.xml, core.xml). Measured
#: on a two-page report: level 3 makes the .docx 8% larger than zlib's default 6 and
#: takes 0.2 ms less per document; 1 and 2 are no faster. The fixed parts are
#: compressed once per process, so they get the smallest output.
ZIP_LEVEL = 3
ZIP_LEVEL_FIXED = 9
# DOS date and time of 1980-01-01 00:00:00, the zip epoch: the same input gives the same bytes.
_ZIP_TIME, _ZIP_DATE = 0, 0x21


class ZipEntry(NamedTuple):
    name: bytes
    crc: int
    size: int
    data: bytes  # raw deflate


def zip_entry(name: str, blob: bytes, level: int = ZIP_LEVEL) -> ZipEntry:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    data = compressor.compress(blob) + compressor.flush()
    if max(len(blob), len(data)) >= 0xFFFFFFFF:
        raise ValueError(f"{name} is too large for a zip without ZIP64")
    return ZipEntry(name.encode("utf-8"), zlib.crc32(blob), len(blob), data)


def zip_bytes(entries: Sequence[ZipEntry]) -> bytes:
    """A deflated zip of ``entries`` in order, every entry dated 1980-01-01 00:00, mode 0600.

    Written directly (APPNOTE 4.3.7, 4.3.12, 4.3.16) because :mod:`zipfile` cannot take
    data compressed beforehand, and compressing the fixed parts again for every
    document cost more than laying the document out.

    >>> import zipfile
    >>> data = zip_bytes([zip_entry("a.xml", b"<a/>"), zip_entry("b/c.xml", b"<c/>" * 100)])
    >>> archive = zipfile.ZipFile(io.BytesIO(data))
    >>> archive.testzip(), archive.read("b/c.xml") == b"<c/>" * 100, archive.getinfo("a.xml").date_time
    (None, True, (1980, 1, 1, 0, 0, 0))
    """
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for entry in entries:
        flags = 0 if entry.name.isascii() else 0x800  # UTF-8 name
        header = _LOCAL.pack(0x04034B50, 20, flags, 8, _ZIP_TIME, _ZIP_DATE, entry.crc, len(entry.data),
                             entry.size, len(entry.name), 0)
        central.append(_CENTRAL.pack(0x02014B50, 0x0314, 20, flags, 8, _ZIP_TIME, _ZIP_DATE, entry.crc,
                                     len(entry.data), entry.size, len(entry.name), 0, 0, 0, 0, 0o600 << 16,
                                     offset) + entry.name)
        out += (header, entry.name, entry.data)
        offset += len(header) + len(entry.name) + len(entry.data)
    if len(entries) > 0xFFFF or offset > 0xFFFFFFFF:
        raise ValueError("too large for a zip without ZIP64")
    directory = b"".join(central)
    out += (directory, _END.pack(0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0))
    return b"".join(out)


_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")


class _Collector:
    """Takes the place of python-docx's zip writer: keeps (member name, blob) in order."""

    def __init__(self):
        self.items: list[tuple[str, bytes]] = []

    def write(self, pack_uri, blob: bytes) -> None:
        self.items.append((pack_uri.membername, blob))


def package_entries(document: DocumentObject) -> list[tuple[str, bytes]]:
    """Every member of the .docx python-docx would save, in its order, without zipping."""
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    collector = _Collector()
    # What PackageWriter.write does, with the collector for its zip writer.
    PackageWriter._write_content_types_stream(collector, parts)
    PackageWriter._write_pkg_rels(collector, package.rels)
    PackageWriter._write_parts(collector, parts)
    return collector.items


def document_bytes(document: DocumentObject, level: int = ZIP_LEVEL) -> bytes:
    """``document`` saved as a .docx with fixed zip timestamps, zipped once."""
    return zip_bytes([zip_entry(name, blob, level) for name, blob in package_entries(document)])


_TITLE_SLOT, _AUTHOR_SLOT = "\ue001", "\ue002"
_DOCUMENT_XML, _CORE_XML = "word/document.xml", "docProps/core.xml"


class Skeleton:
    """A python-docx document cut into what every document written on it shares.

    The fixed parts (styles, settings, headers with their fields, relationships…)
    are kept compressed; document.xml keeps its root and section properties
    around a hole for the body, core.xml holes for the title and the author.
    ``document`` must have an empty body; it is used up.
    """

    def __init__(self, document: DocumentObject, created: dt.datetime, lang: str = "vi-VN"):
        root = document.element
        if [child.tag for child in root.body] != [qn("w:sectPr")]:
            raise ValueError("a skeleton's body holds nothing but its section properties")
        if any(root.nsmap.get(prefix) != uri for prefix, uri in ROOT_NAMESPACES.items()):
            raise ValueError("document.xml does not declare the namespaces fragments rely on")
        set_core_properties(document, _TITLE_SLOT, _AUTHOR_SLOT, created, lang)
        self.entries: list[ZipEntry | str] = []
        for name, blob in package_entries(document):
            if name == _DOCUMENT_XML:
                xml = blob.decode("utf-8")
                start = xml.index("<w:body>") + len("<w:body>")
                end = xml.index("<w:sectPr", start)
                self._document = (xml[:start], xml[end:])
                self.entries.append(name)
            elif name == _CORE_XML:
                self._core = tuple(re.split(f"({_TITLE_SLOT}|{_AUTHOR_SLOT})", blob.decode("utf-8")))
                self.entries.append(name)
            else:
                self.entries.append(zip_entry(name, blob, ZIP_LEVEL_FIXED))
        #: The skeleton as a .docx, for python-docx to add picture parts to.
        self.source = zip_bytes([self._entry(e, "", "", "") for e in self.entries])

    def _entry(self, entry: ZipEntry | str, body: str, title: str, author: str) -> ZipEntry:
        if not isinstance(entry, str):
            return entry
        if entry == _DOCUMENT_XML:
            head, tail = self._document
            return zip_entry(entry, (head + body + tail).encode("utf-8"))
        values = {_TITLE_SLOT: escape_text(core_property_text(title)),
                  _AUTHOR_SLOT: escape_text(core_property_text(author))}
        return zip_entry(entry, "".join(values.get(piece, piece) for piece in self._core).encode("utf-8"))

    def docx(self, body: str, title: str, author: str, pictures: _Pictures | None = None) -> bytes:
        """The .docx with ``body`` (XML of the body's blocks) and these core properties."""
        if pictures is None:
            return zip_bytes([self._entry(e, body, title, author) for e in self.entries])
        # Pictures added parts and relationships: take the package as python-docx has it now.
        entries = []
        for name, blob in package_entries(pictures.document):
            entries.append(self._entry(name, body, title, author) if name in (_DOCUMENT_XML, _CORE_XML)
                           else zip_entry(name, blob))
        return zip_bytes(entries)
