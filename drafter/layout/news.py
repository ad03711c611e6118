"""A news article as .docx bytes: plain A4 pages, no Decree 30 frame.

>>> from drafter.document import Byline, Draft, Paragraph, Title
>>> draft = Draft(blocks=(Title("Hội nghị tổng kết"), Paragraph("Sáng 13/12, …"), Byline("Tin, ảnh: Khánh An")))
>>> write_news_docx(draft) == write_news_docx(draft)
True
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from dataclasses import dataclass

from docx import Document

from drafter.document import Byline, Draft, Heading, Image, Paragraph, Table, Title
from drafter.layout import oxml
from drafter.layout.decree30 import (
    CENTER,
    FIXED_TIME,
    JUSTIFY,
    LEFT,
    RIGHT,
    add_data_table,
    add_picture,
    body_paragraph,
    end_after_table,
    set_page,
)


@dataclass(frozen=True)
class NewsSettings:
    """Sizes in points, margins in millimetres."""

    font: str = "Times New Roman"
    body_size: float = 14
    title_size: float = 16
    #: "center" or "left".
    title_align: str = CENTER
    table_size: float = 13
    caption_size: float = 13
    page_number_size: float = 12
    margin_top_mm: float = 20
    margin_bottom_mm: float = 20
    margin_left_mm: float = 30
    margin_right_mm: float = 15
    header_distance_mm: float = 10
    first_line_indent_cm: float = 1.27
    space_after_pt: float = 6
    line_spacing: float = 1.15
    page_numbers: bool = True
    created: dt.datetime = FIXED_TIME
    language: str = "vi-VN"

    def __post_init__(self) -> None:
        if self.title_align not in (CENTER, LEFT):
            raise ValueError(f"title_align must be {CENTER!r} or {LEFT!r}, got {self.title_align!r}")
        if not 1 <= self.line_spacing <= 1.5:
            raise ValueError(f"line_spacing must be between 1 and 1.5, got {self.line_spacing}")

    @property
    def text_width_twips(self) -> int:
        return oxml.twips_from_mm(210 - self.margin_left_mm - self.margin_right_mm)

    @property
    def text_height_twips(self) -> int:
        return oxml.twips_from_mm(297 - self.margin_top_mm - self.margin_bottom_mm)


def write_news_docx(draft: Draft, settings: NewsSettings | None = None) -> bytes:
    """The article as the bytes of a .docx file; ``draft.masthead`` is ignored."""
    s = settings or NewsSettings()
    document = Document(io.BytesIO(_template(s)))
    after_table = False
    for block in draft.blocks:
        before = s.space_after_pt if after_table else 0
        if isinstance(block, Title):
            body_paragraph(document, block.text, s, bold=True, align=s.title_align, indent=False, keep=True,
                           before=before, after=12, size=s.title_size)
        elif isinstance(block, Paragraph):
            body_paragraph(document, block.text, s, before=before)
        elif isinstance(block, Heading):
            body_paragraph(document, block.display, s, bold=True, align=JUSTIFY, indent=False, keep=True,
                           before=max(before, s.space_after_pt))
        elif isinstance(block, Byline):
            body_paragraph(document, block.text, s, bold=True, align=RIGHT, indent=False,
                           before=max(before, s.space_after_pt))
        elif isinstance(block, Table):
            add_data_table(document, block, s.font, s.table_size, s.text_width_twips)
        elif isinstance(block, Image):
            add_picture(document, block, s.font, s.caption_size, s.text_width_twips,
                        s.text_height_twips * 2 // 3, before)
        else:
            raise TypeError(f"not a body block: {block!r}")
        after_table = isinstance(block, Table)
    end_after_table(document, s.font)
    oxml.set_core_properties(document, draft.title, draft.author, s.created, s.language)
    return oxml.document_bytes(document)


@functools.lru_cache(maxsize=8)
def _template(s: NewsSettings) -> bytes:
    document = oxml.lean_document(s.font, s.body_size, s.language)
    section = document.sections[0]
    set_page(section, s.margin_top_mm, s.margin_bottom_mm, s.margin_left_mm, s.margin_right_mm,
             s.header_distance_mm)
    if s.page_numbers:
        number = section.footer.paragraphs[0]
        oxml.format_paragraph(number._p, align=CENTER)
        oxml.add_page_field(number._p, s.font, s.page_number_size)
    return oxml.document_bytes(document)
