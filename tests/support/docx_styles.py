"""Effective formatting of a .docx as Word shows it: run fonts and sizes, paragraph format, rules.

A run's font comes from the run, then its character style, then the paragraph style chain, then
the document defaults. Table styles' conditional formats are not resolved (the writers use none).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FONT_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
TWIPS_PER_CM = 1440 / 2.54
TWIPS_PER_MM = 1440 / 25.4


class Styles:
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


_STYLE_CACHE: dict[int, tuple[object, Styles]] = {}


def styles_of(doc: DocumentObject) -> Styles:
    """Styles of ``doc``, parsed once per document."""
    root = doc.styles.element
    hit = _STYLE_CACHE.get(id(root))
    if hit is None or hit[0] is not root:
        if len(_STYLE_CACHE) > 64:
            _STYLE_CACHE.clear()
        hit = _STYLE_CACHE[id(root)] = (root, Styles(doc))
    return hit[1]


def _document_of(paragraph: Paragraph) -> DocumentObject:
    return paragraph.part.package.main_document_part.document


def is_on(el) -> bool:
    return el.get(qn("w:val"), "true") not in ("0", "false", "off", "none")


def first_attr(sources, child: str, attr: str):
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


def font_slot(sources, slot: str) -> str | None:
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
            return is_on(el)
    return False


def run_info(r_el, p_el, styles: Styles, where: str = "body") -> RunInfo:
    sources = styles.run_property_sources(r_el, p_el)
    size = first_attr(sources, "w:sz", "w:val")
    return RunInfo(
        text=_run_text(r_el),
        ascii=font_slot(sources, "ascii"),
        hAnsi=font_slot(sources, "hAnsi"),
        cs=font_slot(sources, "cs"),
        eastAsia=font_slot(sources, "eastAsia"),
        size_pt=int(size) / 2 if size is not None else 10.0,
        bold=_toggle(sources, "w:b"),
        italic=_toggle(sources, "w:i"),
        color=first_attr(sources, "w:color", "w:val"),
        where=where,
    )


def paragraph_runs(paragraph: Paragraph, doc: DocumentObject | None = None, where: str = "body") -> list[RunInfo]:
    """Effective format of every run in ``paragraph``, including runs inside fields and hyperlinks."""
    styles = styles_of(doc if doc is not None else _document_of(paragraph))
    return [run_info(r, paragraph._p, styles, where) for r in paragraph._p.iter(qn("w:r"))]


def text_runs(paragraph: Paragraph, doc: DocumentObject) -> list[RunInfo]:
    """The runs of ``paragraph`` that carry visible text."""
    return [r for r in paragraph_runs(paragraph, doc) if r.text.strip()]


def document_default_fonts(doc: DocumentObject) -> tuple[str | None, ...]:
    """The four font slots of the document defaults (what empty paragraphs use)."""
    rpr = styles_of(doc).rpr_default
    return tuple(font_slot([rpr] if rpr is not None else [], slot) for slot in FONT_SLOTS)


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
    styles = styles_of(doc if doc is not None else _document_of(paragraph))
    sources = styles.paragraph_property_sources(paragraph._p)
    first = _twips_attr(sources, "w:ind", "w:firstLine")
    hanging = _twips_attr(sources, "w:ind", "w:hanging")
    first_line = first if first is not None else (-hanging if hanging is not None else 0)
    line = _twips_attr(sources, "w:spacing", "w:line")
    rule = first_attr(sources, "w:spacing", "w:lineRule") or "auto"
    keep = next((is_on(src.find(qn("w:keepNext"))) for src in sources if src.find(qn("w:keepNext")) is not None),
                False)
    return ParagraphFormat(
        alignment=first_attr(sources, "w:jc", "w:val") or "left",
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
