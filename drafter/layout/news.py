"""A news article as .docx bytes: plain A4 pages, no Decree 30 frame.

>>> from drafter.document import Byline, Draft, Paragraph, Title
>>> draft = Draft(blocks=(Title("Hội nghị tổng kết"), Paragraph("Sáng 13/12, …"), Byline("Tin, ảnh: Khánh An")))
>>> write_news_docx(draft) == write_news_docx(draft)
True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from drafter.document import Byline, Draft, Heading, Paragraph, Title
from drafter.layout import decree30, oxml
from drafter.layout.decree30 import (
    PageSettings,
    blank_page,
    body_paragraph,
    write_blocks,
)
from drafter.layout.paragraphs import CENTER, JUSTIFY, LEFT, RIGHT, end_after_table


@dataclass(frozen=True)
class NewsSettings(PageSettings):
    """A plain article page: a headline over justified text, page numbers in the footer."""

    title_size: float = 16
    #: "center" or "left".
    title_align: str = CENTER
    page_number_size: float = 12
    page_numbers: bool = True

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.title_align not in (CENTER, LEFT):
            raise ValueError(f"title_align must be {CENTER!r} or {LEFT!r}, got {self.title_align!r}")


def write_news_docx(draft: Draft, settings: NewsSettings | None = None) -> bytes:
    """The article as the bytes of a .docx file; ``draft.masthead`` is ignored."""
    s = settings or _default_settings()
    body = oxml.Body(_skeleton(s))
    write_blocks(body, draft.blocks, s, _text_block)
    end_after_table(body, s.font)
    return body.docx(draft.title, draft.author)


@functools.lru_cache(maxsize=1)
def _default_settings() -> NewsSettings:
    """NewsSettings(), made once (frozen): as decree30.default_settings."""
    return NewsSettings()


def _text_block(body: oxml.Body, block, s: NewsSettings, before: float) -> bool:
    if isinstance(block, Title):
        body_paragraph(body, block.text, s, bold=True, align=s.title_align, indent=False, keep=True,
                       before=before, after=12, size=s.title_size)
    elif isinstance(block, Paragraph):
        body_paragraph(body, block.text, s, before=before)
    elif isinstance(block, Heading):
        body_paragraph(body, block.display, s, bold=True, align=JUSTIFY, indent=False, keep=True,
                       before=max(before, s.space_after_pt))
    elif isinstance(block, Byline):
        body_paragraph(body, block.text, s, bold=True, align=RIGHT, indent=False,
                       before=max(before, s.space_after_pt))
    else:
        return False
    return True


@functools.lru_cache(maxsize=8)
def _skeleton(s: NewsSettings) -> oxml.Skeleton:
    """The empty article for ``s``: page, fonts and the page-number footer, built once and kept."""
    return oxml.kept_skeleton("news", s, lambda: _build_skeleton(s), [Path(__file__), Path(decree30.__file__)])


def _build_skeleton(s: NewsSettings) -> oxml.Skeleton:
    document, section = blank_page(s)
    if s.page_numbers:
        number = section.footer.paragraphs[0]
        oxml.format_paragraph(number._p, align=CENTER)
        oxml.add_page_field(number._p, s.font, s.page_number_size)
    return oxml.Skeleton(document, s.created, s.language)
