"""Read a .docx back for tests: effective fonts, paragraph formats, borders, sections, fields.

Everything here reads what Word would show, not only direct formatting: a
run's font comes from the run, then its character style, then the paragraph
style chain, then the document defaults. Table styles' conditional formats are
not resolved (the writers use none).

>>> from drafter.document import Draft, Paragraph
>>> from drafter.layout import write_decree30
>>> doc = open_docx(write_decree30(Draft(blocks=(Paragraph("Một đoạn."),))))
>>> body_paragraph_texts(doc)
['Một đoạn.']
>>> run_fonts(doc)[0].ascii, paragraph_format(doc.paragraphs[0]).alignment
('Times New Roman', 'both')

:func:`assert_decree30_layout` checks every rule of DOMAIN.md section 5 at once.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from os import PathLike

import docx
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FONT_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
TWIPS_PER_CM = 1440 / 2.54
TWIPS_PER_MM = 1440 / 25.4


def open_docx(data: bytes | bytearray | str | PathLike | DocumentObject) -> DocumentObject:
    """A python-docx Document from bytes, a path, or a Document (returned as is)."""
    if isinstance(data, DocumentObject):
        return data
    if isinstance(data, (bytes, bytearray)):
        return docx.Document(io.BytesIO(bytes(data)))
    return docx.Document(data)


# --- walking the document ------------------------------------------------------


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


# --- styles and effective formatting ---------------------------------------------------


class _Styles:
    """Style lookup for resolving effective properties."""

    def __init__(self, doc: DocumentObject):
        root = doc.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
        self.default_paragraph = next(
            (s for s in root.findall(qn("w:style"))
             if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true", "on")),
            None,
        )
        self.rpr_default = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.ppr_default = root.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")

    def chain(self, style) -> list:
        """The style and its basedOn ancestors, nearest first."""
        seen, out = set(), []
        while style is not None and id(style) not in seen:
            seen.add(id(style))
            out.append(style)
            based = style.find(qn("w:basedOn"))
            style = self.by_id.get(based.get(qn("w:val"))) if based is not None else None
        return out

    def paragraph_style(self, p_el):
        ppr = p_el.find(qn("w:pPr"))
        ref = ppr.find(qn("w:pStyle")) if ppr is not None else None
        if ref is not None and ref.get(qn("w:val")) in self.by_id:
            return self.by_id[ref.get(qn("w:val"))]
        return self.default_paragraph

    def run_property_sources(self, r_el, p_el) -> list:
        """rPr elements that may define a run's format, nearest first."""
        sources = [r_el.find(qn("w:rPr"))]
        rpr = sources[0]
        ref = rpr.find(qn("w:rStyle")) if rpr is not None else None
        if ref is not None:
            sources += [s.find(qn("w:rPr")) for s in self.chain(self.by_id.get(ref.get(qn("w:val"))))]
        sources += [s.find(qn("w:rPr")) for s in self.chain(self.paragraph_style(p_el))]
        sources.append(self.rpr_default)
        return [s for s in sources if s is not None]

    def paragraph_property_sources(self, p_el) -> list:
        sources = [p_el.find(qn("w:pPr"))]
        sources += [s.find(qn("w:pPr")) for s in self.chain(self.paragraph_style(p_el))]
        sources.append(self.ppr_default)
        return [s for s in sources if s is not None]


_STYLE_CACHE: dict[int, tuple[object, _Styles]] = {}


def _styles(doc: DocumentObject) -> _Styles:
    """Styles of ``doc``, parsed once per document."""
    root = doc.styles.element
    hit = _STYLE_CACHE.get(id(root))
    if hit is None or hit[0] is not root:
        if len(_STYLE_CACHE) > 64:
            _STYLE_CACHE.clear()
        hit = _STYLE_CACHE[id(root)] = (root, _Styles(doc))
    return hit[1]


def _document_of(paragraph: Paragraph) -> DocumentObject:
    return paragraph.part.package.main_document_part.document


def _on(el) -> bool:
    return el.get(qn("w:val"), "true") not in ("0", "false", "off", "none")


def _first_attr(sources, child: str, attr: str):
    for src in sources:
        el = src.find(qn(child))
        if el is not None and el.get(qn(attr)) is not None:
            return el.get(qn(attr))
    return None


@dataclass(frozen=True)
class RunInfo:
    """A run's text and effective format; a theme font shows as "theme:minorHAnsi"."""

    text: str
    ascii: str | None
    hAnsi: str | None
    cs: str | None
    eastAsia: str | None
    size_pt: float
    bold: bool
    italic: bool
    color: str | None = None
    where: str = "body"

    def __iter__(self):
        # Unpacks as (text, ascii, hAnsi, cs, eastAsia, size_pt, bold, italic).
        return iter((self.text, self.ascii, self.hAnsi, self.cs, self.eastAsia, self.size_pt, self.bold,
                     self.italic))

    @property
    def fonts(self) -> tuple[str | None, ...]:
        return (self.ascii, self.hAnsi, self.cs, self.eastAsia)


def _run_text(r_el) -> str:
    out = []
    for child in r_el:
        if child.tag in (qn("w:t"), qn("w:instrText")):
            out.append(child.text or "")
        elif child.tag == qn("w:tab"):
            out.append("\t")
        elif child.tag in (qn("w:br"), qn("w:cr")):
            out.append("\n")
    return "".join(out)


def _font_slot(sources, slot: str) -> str | None:
    for src in sources:
        fonts = src.find(qn("w:rFonts"))
        if fonts is None:
            continue
        theme = fonts.get(qn(f"w:{slot}Theme" if slot != "cs" else "w:cstheme"))
        if theme is not None:
            return f"theme:{theme}"
        if fonts.get(qn(f"w:{slot}")) is not None:
            return fonts.get(qn(f"w:{slot}"))
    return None


def _toggle(sources, tag: str) -> bool:
    for src in sources:
        el = src.find(qn(tag))
        if el is not None:
            return _on(el)
    return False


def run_info(r_el, p_el, styles: _Styles, where: str = "body") -> RunInfo:
    sources = styles.run_property_sources(r_el, p_el)
    size = _first_attr(sources, "w:sz", "w:val")
    return RunInfo(
        text=_run_text(r_el),
        ascii=_font_slot(sources, "ascii"),
        hAnsi=_font_slot(sources, "hAnsi"),
        cs=_font_slot(sources, "cs"),
        eastAsia=_font_slot(sources, "eastAsia"),
        size_pt=int(size) / 2 if size is not None else 10.0,
        bold=_toggle(sources, "w:b"),
        italic=_toggle(sources, "w:i"),
        color=_first_attr(sources, "w:color", "w:val"),
        where=where,
    )


def paragraph_runs(paragraph: Paragraph, doc: DocumentObject | None = None, where: str = "body") -> list[RunInfo]:
    """Effective format of every run in ``paragraph``, including runs inside fields and hyperlinks."""
    styles = _styles(doc if doc is not None else _document_of(paragraph))
    return [run_info(r, paragraph._p, styles, where) for r in paragraph._p.iter(qn("w:r"))]


def run_fonts(doc: DocumentObject) -> list[RunInfo]:
    """Every run of the document (body, tables, headers, footers) with its effective format.

    Each item unpacks as (text, ascii, hAnsi, cs, eastAsia, size_pt, bold, italic).
    """
    styles = _styles(doc)
    return [run_info(r, p._p, styles, where) for where, p in all_paragraphs(doc) for r in p._p.iter(qn("w:r"))]


def text_runs(paragraph: Paragraph, doc: DocumentObject) -> list[RunInfo]:
    """The runs of ``paragraph`` that carry visible text."""
    return [r for r in paragraph_runs(paragraph, doc) if r.text.strip()]


def document_default_fonts(doc: DocumentObject) -> tuple[str | None, ...]:
    """The four font slots of the document defaults (what empty paragraphs use)."""
    rpr = _styles(doc).rpr_default
    return tuple(_font_slot([rpr] if rpr is not None else [], slot) for slot in FONT_SLOTS)


@dataclass(frozen=True)
class ParagraphFormat:
    """Effective paragraph format; lengths in cm and pt, ``alignment`` as WordprocessingML names it."""

    alignment: str
    first_line_cm: float
    left_cm: float
    right_cm: float
    space_before_pt: float
    space_after_pt: float
    line_rule: str
    #: Multiple of single spacing for the "auto" rule, else None.
    line_multiple: float | None
    #: Line height in points for "exact" and "atLeast", else None.
    line_pt: float | None
    keep_with_next: bool
    bottom_border: dict | None


def _twips_attr(sources, child: str, *attrs: str) -> int | None:
    for src in sources:
        el = src.find(qn(child))
        if el is None:
            continue
        for attr in attrs:
            if el.get(qn(attr)) is not None:
                return int(el.get(qn(attr)))
    return None


def paragraph_format(paragraph: Paragraph, doc: DocumentObject | None = None) -> ParagraphFormat:
    styles = _styles(doc if doc is not None else _document_of(paragraph))
    sources = styles.paragraph_property_sources(paragraph._p)
    first = _twips_attr(sources, "w:ind", "w:firstLine")
    hanging = _twips_attr(sources, "w:ind", "w:hanging")
    first_line = first if first is not None else (-hanging if hanging is not None else 0)
    line = _twips_attr(sources, "w:spacing", "w:line")
    rule = _first_attr(sources, "w:spacing", "w:lineRule") or "auto"
    keep = next((_on(src.find(qn("w:keepNext"))) for src in sources if src.find(qn("w:keepNext")) is not None),
                False)
    return ParagraphFormat(
        alignment=_first_attr(sources, "w:jc", "w:val") or "left",
        first_line_cm=first_line / TWIPS_PER_CM,
        left_cm=(_twips_attr(sources, "w:ind", "w:left", "w:start") or 0) / TWIPS_PER_CM,
        right_cm=(_twips_attr(sources, "w:ind", "w:right", "w:end") or 0) / TWIPS_PER_CM,
        space_before_pt=(_twips_attr(sources, "w:spacing", "w:before") or 0) / 20,
        space_after_pt=(_twips_attr(sources, "w:spacing", "w:after") or 0) / 20,
        line_rule=rule,
        line_multiple=(line if line is not None else 240) / 240 if rule == "auto" else None,
        line_pt=line / 20 if rule != "auto" and line is not None else None,
        keep_with_next=keep,
        bottom_border=_bottom_border(sources),
    )


def _bottom_border(sources) -> dict | None:
    for src in sources:
        bottom = src.find(f"{W}pBdr/{W}bottom")
        if bottom is not None:
            if bottom.get(qn("w:val")) in ("nil", "none"):
                return None
            return {k.split("}")[1]: v for k, v in bottom.attrib.items()}
    return None


def has_bottom_border(paragraph: Paragraph, doc: DocumentObject | None = None) -> bool:
    """Whether a visible rule is drawn under ``paragraph``."""
    return paragraph_format(paragraph, doc).bottom_border is not None


# --- tables -----------------------------------------------------------------------------


def table_borders(table: Table) -> dict[str, str | None]:
    """Edge -> border value ("single", "nil"…, None when unset) from the table and its style chain."""
    edges = ("top", "left", "bottom", "right", "insideH", "insideV")
    tblpr = table._tbl.tblPr
    sources = [tblpr]
    style_ref = tblpr.find(qn("w:tblStyle"))
    if style_ref is not None:
        doc_styles = _styles(table.part.package.main_document_part.document)
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
            and _on(tr.trPr.find(qn("w:tblHeader")))]


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


# --- schema order -------------------------------------------------------------------------


def schema_order_problems(doc: DocumentObject) -> list[str]:
    """Property elements whose children are out of schema order (Word calls such files unreadable)."""
    from drafter.layout.oxml import PPR_ORDER, RPR_ORDER, TBLPR_ORDER, TCPR_ORDER, TRPR_ORDER

    orders = {qn("w:pPr"): PPR_ORDER, qn("w:rPr"): RPR_ORDER, qn("w:tblPr"): TBLPR_ORDER,
              qn("w:tcPr"): TCPR_ORDER, qn("w:trPr"): TRPR_ORDER}
    roots = [doc.element, doc.styles.element] + [part._element for _, part in header_footer_parts(doc)]
    problems = []
    for root in roots:
        for tag, order in orders.items():
            rank = {qn(t): i for i, t in enumerate(order)}
            for el in root.iter(tag):
                ranks = [rank[c.tag] for c in el if c.tag in rank]
                if ranks != sorted(ranks) or len(ranks) != len(set(ranks)):
                    names = [c.tag.split("}")[1] for c in el]
                    problems.append(f"{tag.split('}')[1]}: {names}")
    return problems


# --- sections, headers, fields ----------------------------------------------------------------


@dataclass(frozen=True)
class SectionGeometry:
    """Page and margins in millimetres."""

    page_width: float
    page_height: float
    top: float
    bottom: float
    left: float
    right: float
    header_distance: float
    portrait: bool

    @property
    def text_width_twips(self) -> int:
        return round((self.page_width - self.left - self.right) * TWIPS_PER_MM)


def section_geometry(section) -> SectionGeometry:
    mm = lambda length: (length or 0) / 36000  # noqa: E731 - EMU to mm
    return SectionGeometry(
        page_width=mm(section.page_width), page_height=mm(section.page_height),
        top=mm(section.top_margin), bottom=mm(section.bottom_margin),
        left=mm(section.left_margin), right=mm(section.right_margin),
        header_distance=mm(section.header_distance),
        portrait=(section.page_height or 0) >= (section.page_width or 0),
    )


def title_page(section) -> bool:
    """Whether the section has a different first page (``w:titlePg``)."""
    return bool(section.different_first_page_header_footer)


_PAGE_INSTR = re.compile(r"(?<![A-Z])PAGE(?![A-Z])")


def _has_page_field(element) -> bool:
    for fld in element.iter(qn("w:fldSimple")):
        if _PAGE_INSTR.search(fld.get(qn("w:instr"), "").upper()):
            return True
    return any(_PAGE_INSTR.search((t.text or "").upper()) for t in element.iter(qn("w:instrText")))


def page_field_in_header(section, which: str = "default") -> bool:
    """Whether the header (``which``: "default", "first" or "even") holds a PAGE field."""
    header = _header(section, which)
    return header is not None and _has_page_field(header._element)


def page_field_in_footer(section, which: str = "default") -> bool:
    footer = {"default": section.footer, "first": section.first_page_footer,
              "even": section.even_page_footer}[which]
    return not footer.is_linked_to_previous and _has_page_field(footer._element)


def _header(section, which: str):
    header = {"default": section.header, "first": section.first_page_header,
              "even": section.even_page_header}[which]
    # Reading a linked header through python-docx would add one; look first.
    return None if header.is_linked_to_previous else header


def page_field_paragraphs(section, which: str = "default") -> list[Paragraph]:
    header = _header(section, which)
    if header is None:
        return []
    return [Paragraph(p, header) for p in header._element.iter(qn("w:p")) if _has_page_field(p)]


def first_page_header_is_empty(section) -> bool:
    """Page 1 shows no header text and no page number."""
    if not title_page(section):
        return False
    header = _header(section, "first")
    if header is None:
        return True
    return not _has_page_field(header._element) and not "".join(p.text for p in header.paragraphs).strip()


# --- text widths for rule lengths ---------------------------------------------------


def estimate_text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """A rough printed width of ``text`` in a Times-like font, by character class."""
    total = 0.0
    for char in unicodedata.normalize("NFC", text):
        base = unicodedata.normalize("NFD", char)[:1] or char
        if base.isspace():
            em = 0.25
        elif base.isupper():
            em = 0.72 if bold else 0.68
        elif base.islower():
            em = 0.49 if bold else 0.45
        elif base.isdigit():
            em = 0.5
        else:
            em = 0.33
        total += em
    return total * size_pt


def rule_length_twips(paragraph: Paragraph, container_twips: int, doc: DocumentObject | None = None) -> float:
    """Length of the bottom-border rule of ``paragraph``: its container less its indents."""
    fmt = paragraph_format(paragraph, doc)
    return container_twips - (fmt.left_cm + fmt.right_cm) * TWIPS_PER_CM


# --- Decree 30 ---------------------------------------------------------------------------

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
PLACE_DATE = re.compile(r"^.+, ngày \d{2} tháng \d{1,2} năm \d{4}$")
NUMBER = re.compile(r"^Số:\s*[^\s/]*\s*/\S+$")
PART_LABEL = re.compile(r"^Phần\s+[IVXLCDM]+\.?$")
ROMAN = re.compile(r"^[IVXLCDM]+\.\s")
ARABIC = re.compile(r"^\d+(\.\d+)*\.\s")
LETTER = re.compile(r"^[a-zđ]\)\s")
TYPED_RULE = re.compile(r"_{3,}")


class _Check:
    """Collects broken rules; raises them all at the end."""

    def __init__(self):
        self.failures: list[str] = []

    def that(self, ok: bool, rule: str, message: str) -> bool:
        if not ok:
            self.failures.append(f"[{rule}] {message}")
        return ok

    def done(self) -> None:
        if self.failures:
            raise AssertionError("Decree 30 layout broken:\n" + "\n".join(self.failures))


def _nonempty(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return [p for p in paragraphs if p.text.strip()]


def _is_caps(text: str) -> bool:
    return text == text.upper() and any(c.isalpha() for c in text)


def _runs_ok(check: _Check, rule: str, p: Paragraph, doc, *, sizes: tuple[float, float],
             bold: bool | None = None, italic: bool | None = None) -> None:
    runs = text_runs(p, doc)
    check.that(bool(runs), rule, f"{p.text!r} has no text run")
    for r in runs:
        check.that(sizes[0] <= r.size_pt <= sizes[1], rule,
                   f"{r.text!r} is {r.size_pt:g} pt, expected {sizes[0]:g}–{sizes[1]:g}")
        if bold is not None:
            check.that(r.bold == bold, rule, f"{r.text!r} should {'' if bold else 'not '}be bold")
        if italic is not None:
            check.that(r.italic == italic, rule, f"{r.text!r} should {'' if italic else 'not '}be italic")


def _rule_after(paragraphs: list[Paragraph], index: int, doc) -> Paragraph | None:
    """The paragraph drawing the rule under ``paragraphs[index]``: itself or the empty one after it."""
    if has_bottom_border(paragraphs[index], doc):
        return paragraphs[index]
    following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
    if following is not None and not following.text.strip() and has_bottom_border(following, doc):
        return following
    return None


def _check_rule_length(check: _Check, rule: str, rule_p: Paragraph, container: int, text_twips: float,
                       low: float, high: float, doc) -> None:
    length = rule_length_twips(rule_p, container, doc)
    ratio = length / text_twips if text_twips else 0
    check.that(low <= ratio <= high, rule,
               f"rule is {length / TWIPS_PER_MM:.1f} mm, {ratio:.2f} of the text; expected {low:.2f}–{high:.2f}")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def assert_decree30_layout(data) -> None:
    """Assert every rule of DOMAIN.md section 5 on a .docx (bytes, path or Document).

    Raises AssertionError listing each broken rule as "[rule] what is wrong".
    """
    doc = open_docx(data)
    check = _Check()
    _check_page(check, doc)
    _check_fonts(check, doc)
    blocks = body_blocks(doc)
    elements = [b._element for b in blocks]
    opening, closing = header_table(doc), closing_table(doc)
    if check.that(opening is not None, "header table",
                  "the document must open with the two-column header table"):
        _check_header_table(check, doc, opening)
    if check.that(closing is not None, "closing table",
                  "no closing table with \"Nơi nhận:\" in its left column"):
        _check_closing_table(check, doc, closing)
    if opening is not None:
        end = elements.index(closing._element) if closing is not None else len(blocks)
        _check_title_and_body(check, doc, blocks[elements.index(opening._element) + 1:end])
    _check_page_numbers(check, doc)
    for where, p in all_paragraphs(doc):
        check.that(not TYPED_RULE.search(p.text), "no typed rules",
                   f"typed underscores in {where}: {p.text!r}")
    check.done()


def _check_page(check: _Check, doc) -> None:
    for n, section in enumerate(doc.sections):
        g = section_geometry(section)
        check.that(abs(g.page_width - 210) <= 1 and abs(g.page_height - 297) <= 1, "page size",
                   f"section {n} is {g.page_width:.0f}x{g.page_height:.0f} mm, not A4 portrait")
        for name, value, low, high in (("top", g.top, 20, 25), ("bottom", g.bottom, 20, 25),
                                       ("left", g.left, 30, 35), ("right", g.right, 15, 20)):
            # exactly: 850 twips (14,99 mm) is under 15 mm, however close
            check.that(low <= value <= high, "margins", f"{name} margin is {value:.3f} mm, expected {low}–{high}")


def _check_fonts(check: _Check, doc) -> None:
    defaults = document_default_fonts(doc)
    check.that(all(f == "Times New Roman" for f in defaults), "font",
               f"document defaults use {defaults}, not Times New Roman in all four slots")
    for r in run_fonts(doc):
        if not check.that(all(f == "Times New Roman" for f in r.fonts), "font",
                          f"run {r.text[:40]!r} in {r.where} uses {r.fonts}"):
            break
    for r in run_fonts(doc):
        if not check.that(r.color in (None, "auto", "000000"), "black text",
                          f"run {r.text[:40]!r} is coloured {r.color}"):
            break


def _check_header_table(check: _Check, doc, table: Table) -> None:
    rule = "header table"
    check.that(table_column_count(table) == 2, rule, f"{table_column_count(table)} columns, expected 2")
    check.that(table_has_no_borders(table), rule, "the header table must have no borders")
    text_width = section_geometry(doc.sections[0]).text_width_twips
    width = sum(table_column_twips(table))
    check.that(abs(width - text_width) <= 0.05 * text_width, rule,
               f"table is {width / TWIPS_PER_MM:.0f} mm wide, text width is {text_width / TWIPS_PER_MM:.0f} mm")
    if table_column_count(table) != 2:
        return
    _check_header_left(check, doc, table)
    _check_header_right(check, doc, table)


def _container(table: Table, column: int, paragraph: Paragraph) -> int:
    for tc in column_cells(table, column):
        if paragraph._p in list(tc.iterchildren(qn("w:p"))):
            return cell_content_width_twips(table, tc)
    return cell_content_width_twips(table, column_cells(table, column)[0])


def _check_header_left(check: _Check, doc, table: Table) -> None:
    paragraphs = column_paragraphs(table, 0)
    texts = [p.text.strip() for p in paragraphs]
    number_i = next((i for i, t in enumerate(texts) if t.startswith("Số")), None)
    if check.that(number_i is not None, "number", "no \"Số:\" line in the left column of the header"):
        p = paragraphs[number_i]
        check.that(bool(NUMBER.match(_nfc(p.text))), "number", f"{p.text!r} is not \"Số: 05/BC-BCH\"")
        _runs_ok(check, "number", p, doc, sizes=(13, 13), italic=False)
    agency_lines = [i for i, t in enumerate(texts) if t and (number_i is None or i < number_i)]
    issuer_i = next((i for i in agency_lines if text_runs(paragraphs[i], doc)
                     and all(r.bold for r in text_runs(paragraphs[i], doc))), None)
    if not check.that(issuer_i is not None, "issuing agency", "no bold issuing agency in the header"):
        return
    issuer = paragraphs[issuer_i]
    check.that(_is_caps(issuer.text), "issuing agency", f"{issuer.text!r} is not in capitals")
    check.that(paragraph_format(issuer, doc).alignment == "center", "issuing agency", "not centred")
    _runs_ok(check, "issuing agency", issuer, doc, sizes=(12, 13), bold=True)
    for i in agency_lines:
        if i < issuer_i:
            parent = paragraphs[i]
            check.that(_is_caps(parent.text), "parent agency", f"{parent.text!r} is not in capitals")
            _runs_ok(check, "parent agency", parent, doc, sizes=(12, 13), bold=False, italic=False)
    rule_p = _rule_after(paragraphs, issuer_i, doc)
    if check.that(rule_p is not None, "issuing agency rule", "no rule (bottom border) under the issuing agency"):
        container = _container(table, 0, rule_p)
        size = text_runs(issuer, doc)[0].size_pt
        # measured against the longest printed line: agency names are broken by hand ("ỦY BAN NHÂN DÂN / TỈNH …")
        longest = max(estimate_text_width_pt(part.strip(), size, True) for part in issuer.text.split("\n"))
        line = min(longest * 20, container)
        _check_rule_length(check, "issuing agency rule", rule_p, container, line, 0.28, 0.6, doc)


def _check_header_right(check: _Check, doc, table: Table) -> None:
    paragraphs = column_paragraphs(table, 1)
    texts = [_nfc(p.text) for p in paragraphs]
    if check.that(QUOC_HIEU in texts, "quoc hieu", f"no {QUOC_HIEU!r} in the right column"):
        p = paragraphs[texts.index(QUOC_HIEU)]
        _runs_ok(check, "quoc hieu", p, doc, sizes=(12, 13), bold=True)
        check.that(paragraph_format(p, doc).alignment == "center", "quoc hieu", "not centred")
    if check.that(TIEU_NGU in texts, "tieu ngu", f"no {TIEU_NGU!r} in the right column"):
        i = texts.index(TIEU_NGU)
        p = paragraphs[i]
        _runs_ok(check, "tieu ngu", p, doc, sizes=(13, 14), bold=True)
        check.that(paragraph_format(p, doc).alignment == "center", "tieu ngu", "not centred")
        check.that(QUOC_HIEU not in texts or texts.index(QUOC_HIEU) < i, "tieu ngu", "must follow the Quốc hiệu")
        rule_p = _rule_after(paragraphs, i, doc)
        if check.that(rule_p is not None, "tieu ngu rule", "no rule (bottom border) under the Tiêu ngữ"):
            size = text_runs(p, doc)[0].size_pt
            _check_rule_length(check, "tieu ngu rule", rule_p, _container(table, 1, rule_p),
                               estimate_text_width_pt(TIEU_NGU, size, True) * 20, 0.85, 1.2, doc)
    dates = [p for p, t in zip(paragraphs, texts) if PLACE_DATE.match(t)]
    if check.that(len(dates) == 1, "place and date",
                  "no line like \"Gia Lai, ngày 05 tháng 12 năm 2026\" in the right column"):
        _runs_ok(check, "place and date", dates[0], doc, sizes=(13, 14), italic=True)
        check.that(texts.index(_nfc(dates[0].text)) > texts.index(TIEU_NGU) if TIEU_NGU in texts else True,
                   "place and date", "must come under the Tiêu ngữ")


def _check_title_and_body(check: _Check, doc, blocks: list) -> None:
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    texts = [p.text.strip() for p in paragraphs]
    filled = [i for i, t in enumerate(texts) if t]
    if not check.that(len(filled) >= 2, "document type", "no document type and trích yếu after the header"):
        return
    kind = paragraphs[filled[0]]
    check.that(_is_caps(kind.text), "document type", f"{kind.text!r} is not in capitals")
    check.that(paragraph_format(kind, doc).alignment == "center", "document type", "not centred")
    _runs_ok(check, "document type", kind, doc, sizes=(13, 14), bold=True)
    summary_i = filled[1]
    summary = paragraphs[summary_i]
    check.that(paragraph_format(summary, doc).alignment == "center", "summary", "trích yếu not centred")
    _runs_ok(check, "summary", summary, doc, sizes=(13, 14), bold=True)
    rule_p = _rule_after(paragraphs, summary_i, doc)
    text_width = section_geometry(doc.sections[0]).text_width_twips
    if check.that(rule_p is not None, "summary rule", "no short rule under the trích yếu"):
        size = text_runs(summary, doc)[0].size_pt if text_runs(summary, doc) else 14
        line = min(estimate_text_width_pt(summary.text.strip(), size, True) * 20, text_width)
        _check_rule_length(check, "summary rule", rule_p, text_width, line, 0.25, 0.62, doc)
    start = paragraphs.index(rule_p) + 1 if rule_p is not None else summary_i + 1
    body = [p for p in paragraphs[start:] if p.text.strip()]
    check.that(bool(body), "body", "the body is empty")
    for n, p in enumerate(body):
        _check_body_paragraph(check, doc, p, body[n + 1] if n + 1 < len(body) else None)


def _heading_kind(text: str) -> str | None:
    text = _nfc(text)
    if PART_LABEL.match(text):
        return "part"
    if text.endswith((".", ";", "!", "?")) or len(text) > 200:
        return None
    for kind, pattern in (("roman", ROMAN), ("arabic", ARABIC), ("letter", LETTER)):
        if pattern.match(text):
            return kind
    return None


def _check_body_paragraph(check: _Check, doc, p: Paragraph, following: Paragraph | None) -> None:
    fmt = paragraph_format(p, doc)
    runs = text_runs(p, doc)
    for r in runs:
        check.that(13 <= r.size_pt <= 14, "body", f"{r.text[:40]!r} is {r.size_pt:g} pt, expected 13–14")
    kind = _heading_kind(p.text)
    if kind == "part":
        check.that(all(r.bold for r in runs) and fmt.alignment == "center", "headings",
                   f"{p.text!r} must be bold and centred")
        if check.that(following is not None, "headings", f"{p.text!r} has no title on the next line"):
            title_runs = text_runs(following, doc)
            check.that(_is_caps(following.text) and all(r.bold for r in title_runs), "headings",
                       f"part title {following.text!r} must be bold capitals")
            check.that(paragraph_format(following, doc).alignment == "center", "headings",
                       f"part title {following.text!r} must be centred")
        return
    if kind == "roman":
        check.that(_is_caps(p.text) and all(r.bold for r in runs), "headings",
                   f"{p.text!r} must be bold capitals")
        return
    if kind == "arabic":
        check.that(all(r.bold for r in runs), "headings", f"{p.text!r} must be bold")
        return
    if kind == "letter":
        check.that(not any(r.italic for r in runs), "headings", f"{p.text!r} must be upright")
        return
    if fmt.alignment == "center" or (runs and all(r.bold for r in runs)):
        return  # a part title, a caption or a centred line: not running text
    _check_running_text(check, p, fmt, runs)


def _check_running_text(check: _Check, p: Paragraph, fmt: ParagraphFormat, runs: list[RunInfo]) -> None:
    where = f"{p.text[:40]!r}"
    check.that(fmt.alignment in ("both", "distribute"), "body", f"{where} is not justified ({fmt.alignment})")
    check.that(0.97 <= fmt.first_line_cm <= 1.3, "body",
               f"{where} first-line indent is {fmt.first_line_cm:.2f} cm, expected 1–1.27")
    check.that(fmt.space_after_pt >= 6 - 0.01 or fmt.space_before_pt >= 6 - 0.01, "body",
               f"{where} has {fmt.space_after_pt:g} pt after, expected at least 6")
    if fmt.line_multiple is not None:
        check.that(1 - 0.01 <= fmt.line_multiple <= 1.5 + 0.01, "body",
                   f"{where} line spacing is {fmt.line_multiple:.2f}, expected 1–1.5")
    elif fmt.line_pt is not None and runs:
        size = runs[0].size_pt
        check.that(size <= fmt.line_pt <= size * 1.15 * 1.5 + 0.5, "body",
                   f"{where} line height is {fmt.line_pt:g} pt for {size:g} pt text, expected single to 1.5")


def _check_closing_table(check: _Check, doc, table: Table) -> None:
    rule = "closing table"
    check.that(table_column_count(table) == 2, rule, f"{table_column_count(table)} columns, expected 2")
    check.that(table_has_no_borders(table), rule, "the closing table must have no borders")
    if table_column_count(table) != 2:
        return
    left = _nonempty(column_paragraphs(table, 0))
    label_i = next((i for i, p in enumerate(left) if p.text.strip().startswith("Nơi nhận")), 0)
    label = left[label_i]
    check.that(label.text.strip() == "Nơi nhận:", "recipients label", f"{label.text!r} is not \"Nơi nhận:\"")
    _runs_ok(check, "recipients label", label, doc, sizes=(12, 12), bold=True, italic=True)
    recipients = left[label_i + 1:]
    if check.that(bool(recipients), "recipients", "no recipient under \"Nơi nhận:\""):
        for n, p in enumerate(recipients):
            text, last = _nfc(p.text), n == len(recipients) - 1
            _runs_ok(check, "recipients", p, doc, sizes=(11, 11), italic=False)
            check.that(text.startswith("- "), "recipients", f"{text!r} must start with \"- \"")
            check.that(text.endswith("." if last else ";"), "recipients",
                       f"{text!r} must end with {'.' if last else ';'!r}")
        check.that(_nfc(recipients[-1].text).startswith("- Lưu:"), "recipients",
                   f"the last recipient {recipients[-1].text!r} must be \"- Lưu: …\"")
    _check_signature(check, doc, table)


def _check_signature(check: _Check, doc, table: Table) -> None:
    paragraphs = column_paragraphs(table, 1)
    filled = [i for i, p in enumerate(paragraphs) if p.text.strip()]
    if not check.that(len(filled) >= 2, "signature", "the signature needs an authority line and a signer"):
        return
    for i in filled[:-1]:
        p = paragraphs[i]
        check.that(_is_caps(p.text), "signature", f"{p.text!r} must be in capitals")
        check.that(paragraph_format(p, doc).alignment == "center", "signature", f"{p.text!r} not centred")
        _runs_ok(check, "signature", p, doc, sizes=(13, 14), bold=True)
    signer = paragraphs[filled[-1]]
    check.that(not _is_caps(signer.text), "signer", f"{signer.text!r} must not be in capitals")
    check.that(paragraph_format(signer, doc).alignment == "center", "signer", "not centred")
    _runs_ok(check, "signer", signer, doc, sizes=(13, 14), bold=True)
    gap = paragraph_format(signer, doc).space_before_pt
    for p in paragraphs[filled[-2] + 1:filled[-1]]:
        fmt = paragraph_format(p, doc)
        size = max((r.size_pt for r in paragraph_runs(p, doc)), default=_mark_size(p, doc))
        gap += fmt.space_before_pt + fmt.space_after_pt + (fmt.line_pt or size * 1.15 * (fmt.line_multiple or 1))
    check.that(gap >= 40, "signature space", f"only {gap:.0f} pt left for the signature, expected about 2.5 cm")


def _mark_size(p: Paragraph, doc) -> float:
    styles = _styles(doc)
    mark = p._p.find(f"{W}pPr/{W}rPr")
    sources = ([mark] if mark is not None else []) + [
        s.find(qn("w:rPr")) for s in styles.chain(styles.paragraph_style(p._p)) if s.find(qn("w:rPr")) is not None
    ] + ([styles.rpr_default] if styles.rpr_default is not None else [])
    size = _first_attr(sources, "w:sz", "w:val")
    return int(size) / 2 if size else 10.0


def _check_page_numbers(check: _Check, doc) -> None:
    section = doc.sections[0]
    rule = "page numbers"
    check.that(title_page(section), rule, "the first section has no different first page (titlePg)")
    check.that(first_page_header_is_empty(section), rule, "page 1 must show no page number")
    if check.that(page_field_in_header(section), rule, "no PAGE field in the page header"):
        for p in page_field_paragraphs(section):
            check.that(paragraph_format(p, doc).alignment == "center", rule, "the page number is not centred")
            for r in paragraph_runs(p, doc):
                check.that(13 <= r.size_pt <= 14, rule, f"the page number is {r.size_pt:g} pt, expected 13–14")
