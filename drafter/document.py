"""The draft as plain data: what the wording stage hands to a layout writer.

A draft is a :class:`Masthead` (everything Decree 30 puts around the body:
agencies, number, place and date, the closing block) and a list of body
blocks. Layout writers (Decree 30 .docx, news .docx, Markdown, text) read
these objects and know nothing of templates or input files.

>>> Heading("arabic", "1.", "Công tác lãnh đạo, chỉ đạo").display
'1. Công tác lãnh đạo, chỉ đạo'
>>> Heading("part", "Phần I", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ").display
'Phần I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

#: Heading kinds, from the outermost: "Phần I", "I.", "1.", "a)".
HeadingKind = Literal["part", "roman", "arabic", "letter"]
HEADING_KINDS: tuple[str, ...] = ("part", "roman", "arabic", "letter")


@dataclass(frozen=True)
class Heading:
    """A numbered heading; ``label`` is the number as printed ("Phần I", "I.", "1.", "a)")."""

    kind: HeadingKind
    label: str
    text: str

    @property
    def display(self) -> str:
        if self.kind == "part":
            return f"{self.label}. {self.text}"
        return f"{self.label} {self.text}"


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph of running text."""

    text: str


@dataclass(frozen=True)
class Title:
    """A news headline: the first line of an article, bold."""

    text: str


@dataclass(frozen=True)
class Byline:
    """The news byline ("Tin, ảnh: …"), set apart at the end."""

    text: str


@dataclass(frozen=True)
class Table:
    """A simple grid; the first row is the header, repeated on each page."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: Relative column widths; equal when empty.
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class Image:
    """A picture (PNG bytes), full text width unless ``width_cm`` is given."""

    png: bytes
    caption: str = ""
    width_cm: float | None = None


Block = Union[Heading, Paragraph, Title, Byline, Table, Image]


@dataclass(frozen=True)
class Signature:
    """The signature block of the closing table.

    ``lines`` are the authority and position, printed in capitals bold
    ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"); ``signer`` is the
    name printed under the space left for signing.
    """

    lines: tuple[str, ...]
    signer: str = ""


@dataclass(frozen=True)
class Masthead:
    """What Decree 30/2020/NĐ-CP puts around the body of an administrative text."""

    issuing_agency: str
    number: str  # "Số: 05/BC-UBND" or the draft form "Số:      /BC-UBND"
    place_date: str  # "Gia Lai, ngày 05 tháng 12 năm 2026"
    doc_type: str  # "BÁO CÁO"
    summary: str  # trích yếu
    parent_agency: str = ""
    signature: Signature = field(default_factory=lambda: Signature(lines=()))
    recipients: tuple[str, ...] = ()  # each printed as "- …;", the last "- Lưu: VT, …."


@dataclass(frozen=True)
class Draft:
    """A whole draft: the masthead (None for news) and the body blocks in order."""

    blocks: tuple[Block, ...]
    masthead: Masthead | None = None
    #: Plain metadata for the .docx core properties.
    title: str = ""
    author: str = ""
