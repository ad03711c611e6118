"""The pieces every page of ours is made of: single lines, rules as long as a text, tables of
figures and pictures with their captions. The Decree 30 and news writers arrange them.

>>> round(text_width_pt("Độc lập - Tự do - Hạnh phúc", 14, bold=True))
171
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from drafter.document import Image, Table
from drafter.layout import oxml

# Paragraph alignments as WordprocessingML names them.
CENTER, JUSTIFY, LEFT, RIGHT = "center", "both", "left", "right"


# --- text widths -------------------------------------------------------------------

# Advance widths (1/1000 em) of Times New Roman for U+0020..U+007E; Liberation
# Serif has the same metrics. Rules "as long as the text" need the text's length.
_REGULAR = (
    "250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500 500 "
    "500 500 278 278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 "
    "556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 333 444 500 444 500 444 333 500 "
    "500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444 480 200 480 541"
)
_BOLD = (
    "250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 500 "
    "500 500 333 333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 "
    "611 778 722 556 667 722 722 1000 722 722 667 333 278 333 581 500 333 500 556 444 556 444 333 500 "
    "556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444 394 220 394 520"
)


def _width_table(widths: str, extra: dict[str, int]) -> dict[str, int]:
    table = {chr(32 + i): int(w) for i, w in enumerate(widths.split())}
    table.update(extra)
    return table


_WIDTHS = {
    False: _width_table(_REGULAR, {"Đ": 722, "đ": 500, "Ơ": 722, "ơ": 529, "Ư": 776, "ư": 542}),
    True: _width_table(_BOLD, {"Đ": 722, "đ": 556, "Ơ": 778, "ơ": 554, "Ư": 796, "ư": 600}),
}


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """Approximate printed width of ``text`` in Times New Roman.

    >>> round(text_width_pt("Độc lập - Tự do - Hạnh phúc", 14, bold=True))
    171
    """
    table = _WIDTHS[bold]
    total = 0
    for char in text:
        width = table.get(char)
        if width is None:
            # Vietnamese letters are a base letter plus marks that add no width.
            base = unicodedata.normalize("NFD", char)[:1]
            width = table.get(base)
            if width is None:
                wide = unicodedata.east_asian_width(char) in ("W", "F")
                width = 1000 if wide else 500
            table[char] = width  # kept: the same few dozen marked letters in every masthead
        total += width
    return total * size_pt / 1000


# --- paragraphs and runs ----------------------------------------------------------
#
# The writers below say which paragraphs a document has and how each is formatted;
# oxml turns a format into XML once per process and fills in the text.

Flow = oxml.Flow  # a table cell's paragraphs; oxml.Body, the document's body, is a Flow too


def line(target: Flow, text: str, font: str, size: float, *, bold: bool = False, italic: bool = False,
         align=CENTER, before: float = 0, after: float = 0) -> None:
    """One single-spaced paragraph of one run: the unit of the header and closing blocks."""
    target.paragraph(*_line_formats(align, before, after, font, size, bold, italic), text)


@functools.lru_cache(maxsize=256, typed=True)  # typed: 6 and 6.0 are kept apart, as they were made
def _line_formats(align, before: float, after: float, font: str, size: float, bold: bool,
                  italic: bool) -> tuple[oxml.ParagraphFormat, oxml.RunFormat]:
    """A line's formats: the same few in every masthead, made once per process."""
    return oxml.ParagraphFormat(align=align, before=before, after=after), oxml.RunFormat(font, size, bold, italic)


def rule(target: Flow, length_twips: float, container_twips: int, font: str, *, after: float = 0) -> None:
    """A centred solid rule ``length_twips`` long: an empty, 2-pt-high paragraph with a bottom border.

    A separate paragraph keeps the text above free to wrap at the full width;
    Word and LibreOffice both draw the border at the indents.
    """
    length = max(1, min(int(length_twips), container_twips))
    side = (container_twips - length) // 2
    target.mark_paragraph(oxml.ParagraphFormat(align=CENTER, after=after, exact_pt=2, left=side, right=side),
                          font, 1, bottom_border=True)


def end_after_table(body: oxml.Body, font: str) -> None:
    """Close a body that ends in a table with a 1-pt paragraph, as Word itself would."""
    if body.ends_in_table:
        body.mark_paragraph(oxml.ParagraphFormat(exact_pt=1), font, 1)


_NUMERIC = re.compile(r"^[\d\s.,%+\-–/()]+$")


def _column_twips(widths: Sequence[float], count: int, total: int) -> list[int]:
    """Relative widths scaled to ``total``; equal when missing, wrong in number, or not positive."""
    if len(widths) != count or any(not w > 0 for w in widths):
        widths = [1.0] * count
    scale = total / sum(widths)
    columns = [int(w * scale) for w in widths]
    columns[-1] += total - sum(columns)
    return columns


def add_data_table(body: oxml.Body, block: Table, font: str, size: float, width_twips: int) -> None:
    """A gridded table whose first row is a bold, centred header repeated on every page."""
    rows = [list(block.header)] if block.header else []
    rows += [list(r) for r in block.rows]
    count = max((len(r) for r in rows), default=0)
    if count == 0:
        return
    table = oxml.TableFormat(tuple(_column_twips(block.widths, count, width_twips)), "single", (85, 85))
    plain, repeated = oxml.RowFormat(), oxml.RowFormat(header=True, cant_split=True)
    out = []
    for index, values in enumerate(rows):
        header = index == 0 and bool(block.header)
        run = oxml.RunFormat(font, size, header)
        cells = []
        for value in values + [""] * (count - len(values)):
            fmt = oxml.ParagraphFormat(align=CENTER if header or _NUMERIC.match(value) else LEFT, before=2, after=2)
            cells.append(oxml.paragraph_xml(fmt, run, value) if value else oxml.mark_paragraph_xml(fmt, font, size))
        out.append((repeated if header else plain, cells))
    body.table(table, out)


# python-docx's Cm(...).twips and Twips(...) as EMU, written out: the same integers without its import.
def _twips_from_cm(cm: float) -> int:
    return round(int(cm * 360000) / 635)


def _emu_from_twips(twips: float) -> int:
    return int(int(twips) * 635)


def add_picture(body: oxml.Body, block: Image, font: str, caption_size: float, width_twips: int,
                max_height_twips: int, before: float = 0) -> None:
    """A centred picture, no wider than the text nor taller than ``max_height_twips``, with its caption."""
    # pictures are rare: python-docx only for them
    from docx.image.image import Image as ImageInfo

    try:
        info = ImageInfo.from_blob(block.png)
    except Exception as error:  # python-docx raises several types for unreadable data
        raise ValueError(f"image block is not a readable picture: {error}") from error
    width = width_twips if block.width_cm is None else min(_twips_from_cm(block.width_cm), width_twips)
    width = max(width, 1)
    height = width * info.px_height / max(info.px_width, 1)
    if height > max_height_twips:
        width, height = width * max_height_twips / height, max_height_twips
    fmt = oxml.ParagraphFormat(align=CENTER, before=before, after=3 if block.caption else 6,
                               keep_next=bool(block.caption))
    body.picture(fmt, oxml.RunFormat(font, caption_size), block.png, _emu_from_twips(width), _emu_from_twips(height))
    if block.caption:
        line(body, block.caption, font, caption_size, italic=True, after=6)
