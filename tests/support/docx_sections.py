"""Sections of a .docx: page geometry, the different first page, PAGE fields in headers and footers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from support.docx_styles import TWIPS_PER_MM


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
