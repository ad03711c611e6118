"""The Decree 30/2020/NĐ-CP layout of an administrative report as .docx bytes.

>>> from drafter.document import Draft, Paragraph
>>> data = write_decree30(Draft(blocks=(Paragraph("Nội dung."),)))
>>> data[:2], data == write_decree30(Draft(blocks=(Paragraph("Nội dung."),)))
(b'PK', True)

The header and the closing block are two-column borderless tables, as in the
official samples; rules are paragraph borders; page numbers sit in the header
from page 2 on. See DOMAIN.md section 5 for the rules this follows.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from drafter.document import (
    Block,
    Byline,
    Draft,
    Heading,
    Image,
    Masthead,
    Paragraph,
    Table,
    Title,
)
from drafter.layout import oxml
from drafter.layout.paragraphs import (
    CENTER,
    JUSTIFY,
    LEFT,
    RIGHT,
    Flow,
    add_data_table,
    add_picture,
    end_after_table,
    line,
    rule,
    text_width_pt,
)
from drafter.layout.text import QUOC_HIEU, TIEU_NGU, recipient_lines

#: A fixed timestamp: the same draft must give the same bytes.
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class PageSettings:
    """What every drafter page shares: A4, margins, font and body text. Sizes in points, margins in mm."""

    font: str = "Times New Roman"
    body_size: float = 14
    table_size: float = 13
    caption_size: float = 13
    page_number_size: float = 14
    margin_top_mm: float = 20
    margin_bottom_mm: float = 20
    margin_left_mm: float = 30
    margin_right_mm: float = 15
    header_distance_mm: float = 10
    first_line_indent_cm: float = 1.27
    space_after_pt: float = 6
    line_spacing: float = 1.15
    created: dt.datetime = FIXED_TIME
    language: str = "vi-VN"

    def __post_init__(self) -> None:
        if not 1 <= self.line_spacing <= 1.5:
            raise ValueError(f"line_spacing must be between 1 and 1.5, got {self.line_spacing}")

    # Worked out once per settings object (kept in its __dict__ as cached_property keeps it: the
    # fields are frozen): a document asks for the width half a dozen times, 3 µs each.
    @functools.cached_property
    def text_width_twips(self) -> int:
        m = DECREE30_MARGINS_MM
        return (oxml.twips_from_mm(210) - margin_twips(self.margin_left_mm, m["left"])
                - margin_twips(self.margin_right_mm, m["right"]))

    @functools.cached_property
    def text_height_twips(self) -> int:
        m = DECREE30_MARGINS_MM
        return (oxml.twips_from_mm(297) - margin_twips(self.margin_top_mm, m["top"])
                - margin_twips(self.margin_bottom_mm, m["bottom"]))


@dataclass(frozen=True)
class Decree30Settings(PageSettings):
    """The defaults follow Decree 30."""

    parent_agency_size: float = 13
    agency_size: float = 13
    quoc_hieu_size: float = 13
    tieu_ngu_size: float = 14
    number_size: float = 13
    place_date_size: float = 14
    doc_type_size: float = 14
    summary_size: float = 14
    recipients_label_size: float = 12
    recipients_size: float = 11
    signature_size: float = 14
    #: Share of the text width taken by the left column of the header and closing tables.
    left_column_share: float = 0.4
    #: Length of the short rules under the issuing agency and the trích yếu, as a share of the text.
    short_rule_share: float = 0.4
    #: Empty lines left for the signature (about 2.5 cm at 14 pt).
    signature_gap_lines: int = 4
    quoc_hieu: str = QUOC_HIEU
    tieu_ngu: str = TIEU_NGU

    def __post_init__(self) -> None:
        super().__post_init__()
        if not 0.2 <= self.left_column_share <= 0.6:
            raise ValueError(f"left_column_share must be between 0.2 and 0.6, got {self.left_column_share}")
        if not 1 / 3 <= self.short_rule_share <= 1 / 2:
            raise ValueError(f"short_rule_share must be between 1/3 and 1/2, got {self.short_rule_share}")


def write_decree30(draft: Draft, settings: Decree30Settings | None = None) -> bytes:
    """The draft laid out by Decree 30, as the bytes of a .docx file."""
    s = settings or default_settings()
    body = oxml.Body(_skeleton(s))
    if draft.masthead is not None:
        _header_table(body, draft.masthead, s)
        _title_block(body, draft.masthead, s)
    write_blocks(body, draft.blocks, s)
    if draft.masthead is not None:
        _closing_table(body, draft.masthead, s)
    end_after_table(body, s.font)
    return body.docx(draft.title, draft.author)


@functools.lru_cache(maxsize=1)
def default_settings() -> Decree30Settings:
    """Decree30Settings(), made once: the settings are frozen, and making them (31 fields, each set
    through object.__setattr__) and hashing them for the skeleton cost 10 µs a document."""
    return Decree30Settings()


def blank_page(s: PageSettings):
    """A lean python-docx document with the page and fonts of ``s``, and its one section."""
    document = oxml.lean_document(s.font, s.body_size, s.language)
    section = document.sections[0]
    set_page(section, s.margin_top_mm, s.margin_bottom_mm, s.margin_left_mm, s.margin_right_mm,
             s.header_distance_mm)
    return document, section


@functools.lru_cache(maxsize=8)
def _skeleton(s: Decree30Settings) -> oxml.Skeleton:
    """The empty document for ``s``: page, fonts and page-number headers, built once and kept."""
    return oxml.kept_skeleton("decree30", s, lambda: _build_skeleton(s), [Path(__file__)])


def _build_skeleton(s: Decree30Settings) -> oxml.Skeleton:
    document, section = blank_page(s)
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    oxml.format_paragraph(number._p, align=CENTER)
    oxml.add_page_field(number._p, s.font, s.page_number_size)
    # An explicit empty first-page header: page 1 carries no number.
    section.first_page_header.is_linked_to_previous = False
    oxml.set_mark_format(section.first_page_header.paragraphs[0]._p, s.font, s.page_number_size)
    return oxml.Skeleton(document, s.created, s.language)


#: Decree 30/2020/NĐ-CP, Appendix I: the margins allowed, in millimetres.
DECREE30_MARGINS_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}


def margin_twips(mm: float, allowed: tuple[float, float] | None = None) -> int:
    """A margin in twips: the nearest, but kept inside ``allowed`` (mm) when ``mm`` is inside it.

    15 mm is 850,4 twips; the nearest, 850 twips, is 14,99 mm, under Decree 30's minimum, and
    35 mm rounded up would be 35,01 mm, over its maximum.

    >>> [margin_twips(mm, DECREE30_MARGINS_MM["right"]) for mm in (15, 20)], margin_twips(15)
    ([851, 1133], 850)
    >>> margin_twips(35, DECREE30_MARGINS_MM["left"]), margin_twips(20, DECREE30_MARGINS_MM["top"])
    (1984, 1134)
    """
    twips = round(mm * 1440 / 25.4)
    if allowed is not None and allowed[0] <= mm <= allowed[1]:
        low, high = (limit * 1440 / 25.4 for limit in allowed)
        twips = min(max(twips, math.ceil(low)), math.floor(high))
    return twips


def set_page(section, top: float, bottom: float, left: float, right: float, header: float) -> None:
    """A4 portrait with the given margins in millimetres, each kept inside Decree 30's range in
    twips when it is given inside it (:func:`margin_twips`)."""
    # a page is set only when a skeleton is built: python-docx is needed then, and only then
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Twips

    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    m = DECREE30_MARGINS_MM
    section.top_margin = Twips(margin_twips(top, m["top"]))
    section.bottom_margin = Twips(margin_twips(bottom, m["bottom"]))
    section.left_margin = Twips(margin_twips(left, m["left"]))
    section.right_margin = Twips(margin_twips(right, m["right"]))
    section.header_distance = section.footer_distance = Mm(header)
    section.gutter = 0


def body_paragraph(body: oxml.Body, text: str, s: Decree30Settings, *, bold: bool = False, italic: bool = False,
                   align=JUSTIFY, indent: bool = True, keep: bool = False, before: float = 0,
                   after: float | None = None, size: float | None = None) -> None:
    """A paragraph of running text: justified, first-line indent, spacing from ``s``.

    ``s`` is any settings object with the body fields of :class:`Decree30Settings`.
    """
    fmt, run = _body_formats(align, before, s.space_after_pt if after is None else after, s.line_spacing,
                             s.first_line_indent_cm if indent else None, keep, s.font, size or s.body_size, bold, italic)
    body.paragraph(fmt, run, text)


@functools.lru_cache(maxsize=256, typed=True)  # typed: 6 and 6.0 are kept apart, as they were made
def _body_formats(align, before: float, after: float, line: float, indent_cm: float | None, keep: bool, font: str,
                  size: float, bold: bool, italic: bool) -> tuple[oxml.ParagraphFormat, oxml.RunFormat]:
    """A body paragraph's formats: the same dozen in every document, made once per process."""
    fmt = oxml.ParagraphFormat(align=align, before=before, after=after, line=line,
                               first_line=0 if indent_cm is None else oxml.twips_from_mm(indent_cm * 10), keep_next=keep)
    return fmt, oxml.RunFormat(font, size, bold, italic)


# --- header, title, closing -----------------------------------------------------


def _columns(s: Decree30Settings) -> tuple[int, int]:
    total = s.text_width_twips
    left = round(total * s.left_column_share)
    return left, total - left


def _header_table(body: oxml.Body, m: Masthead, s: Decree30Settings) -> None:
    left_w, right_w = _columns(s)
    left, right = Flow(), Flow()
    if m.parent_agency:
        line(left, m.parent_agency.upper(), s.font, s.parent_agency_size)
    if m.issuing_agency:
        agency = m.issuing_agency.upper()
        line(left, agency, s.font, s.agency_size, bold=True)
        # The rule measures against the agency's longest line, not the unwrapped string.
        longest = max(text_width_pt(part, s.agency_size, bold=True) for part in agency.split("\n"))
        agency_twips = min(longest * 20, left_w)
        rule(left, agency_twips * s.short_rule_share, left_w, s.font)
    line(right, s.quoc_hieu, s.font, s.quoc_hieu_size, bold=True)
    line(right, s.tieu_ngu, s.font, s.tieu_ngu_size, bold=True)
    rule(right, text_width_pt(s.tieu_ngu, s.tieu_ngu_size, bold=True) * 20, right_w, s.font)
    rows = [(oxml.RowFormat(), (left.xml, right.xml))]
    if m.number or m.place_date:
        # A row of its own keeps "Số:" level with the date however tall the agency block is.
        number, place_date = Flow(), Flow()
        if m.number:
            line(number, m.number, s.font, s.number_size, before=6)
        if m.place_date:
            line(place_date, m.place_date, s.font, s.place_date_size, italic=True, before=6)
        rows.append((oxml.RowFormat(), (number.xml, place_date.xml)))
    body.table(_borderless(s), rows)


def _borderless(s: Decree30Settings) -> oxml.TableFormat:
    return oxml.TableFormat(_columns(s), "nil", (0, 0))


def _title_block(body: oxml.Body, m: Masthead, s: Decree30Settings) -> None:
    if m.doc_type:
        line(body, m.doc_type.upper(), s.font, s.doc_type_size, bold=True, before=18)
    if m.summary:
        line(body, m.summary, s.font, s.summary_size, bold=True, before=0 if m.doc_type else 18)
        text = s.text_width_twips
        summary_twips = min(text_width_pt(m.summary, s.summary_size, bold=True) * 20, text)
        rule(body, summary_twips * s.short_rule_share, text, s.font, after=12)


def _closing_table(body: oxml.Body, m: Masthead, s: Decree30Settings) -> None:
    # A signature split over two pages is not signable; the last body paragraph comes along.
    body.keep_last_paragraph_with_next()
    left, right = Flow(), Flow()
    recipients = recipient_lines(m.recipients)
    if recipients:
        line(left, "Nơi nhận:", s.font, s.recipients_label_size, bold=True, italic=True, align=LEFT,
             before=12)
        for text in recipients:
            line(left, text, s.font, s.recipients_size, align=LEFT)
    before = 12
    for text in m.signature.lines:
        line(right, text.upper(), s.font, s.signature_size, bold=True, before=before)
        before = 0
    if m.signature.signer:
        for _ in range(s.signature_gap_lines):
            right.empty_paragraph()
        line(right, m.signature.signer, s.font, s.signature_size, bold=True)
    body.table(_borderless(s), [(oxml.RowFormat(cant_split=True, v_align="top"), (left.xml, right.xml))])


# --- body -------------------------------------------------------------------------


def write_blocks(body: oxml.Body, blocks: Sequence[Block], s: PageSettings, text_block=None) -> None:
    """Write the body blocks; ``text_block(body, block, s, before)`` writes the text kinds and
    returns False for a block it does not know (the Decree 30 forms unless given)."""
    text_block = text_block or _decree30_text_block
    after_table = False
    for block in blocks:
        before = s.space_after_pt if after_table else 0
        if isinstance(block, Table):
            add_data_table(body, block, s.font, s.table_size, s.text_width_twips)
        elif isinstance(block, Image):
            add_picture(body, block, s.font, s.caption_size, s.text_width_twips,
                        s.text_height_twips * 2 // 3, before)
        elif not text_block(body, block, s, before):
            raise TypeError(f"not a body block: {block!r}")
        after_table = isinstance(block, Table)


def _decree30_text_block(body: oxml.Body, block: Block, s: Decree30Settings, before: float) -> bool:
    if isinstance(block, Paragraph):
        body_paragraph(body, block.text, s, before=before)
    elif isinstance(block, Heading):
        _heading(body, block, s, before)
    elif isinstance(block, Title):
        body_paragraph(body, block.text, s, bold=True, align=CENTER, indent=False, keep=True, before=before)
    elif isinstance(block, Byline):
        body_paragraph(body, block.text, s, bold=True, align=RIGHT, indent=False, before=before)
    else:
        return False
    return True


def _joined(label: str, text: str) -> str:
    return " ".join(part for part in (label.strip(), text.strip()) if part)


def _heading(body: oxml.Body, h: Heading, s: Decree30Settings, before: float) -> None:
    if h.kind == "part":
        body_paragraph(body, h.label, s, bold=True, align=CENTER, indent=False, keep=True,
                       before=max(before, s.space_after_pt), after=0)
        if h.text:
            body_paragraph(body, h.text.upper(), s, bold=True, align=CENTER, indent=False, keep=True)
    elif h.kind == "roman":
        body_paragraph(body, _joined(h.label, h.text.upper()), s, bold=True, keep=True, before=before)
    elif h.kind == "arabic":
        body_paragraph(body, _joined(h.label, h.text), s, bold=True, keep=True, before=before)
    else:
        body_paragraph(body, _joined(h.label, h.text), s, keep=True, before=before)


