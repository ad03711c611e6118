"""The body of one document being written: paragraphs, tables and pictures as XML strings.

A :class:`Body` is filled block by block with the prototypes of
:mod:`drafter.layout.oxml.prototypes` and zipped with the parts of its
:class:`~drafter.layout.oxml.package.Skeleton`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from drafter.layout.oxml.package import Skeleton
from drafter.layout.oxml.prototypes import (
    EMPTY_PARAGRAPH_XML,
    ParagraphFormat,
    RowFormat,
    RunFormat,
    TableFormat,
    kept_empty_paragraph_xml,
    mark_paragraph_xml,
    paragraph_xml,
    picture_paragraph_xml,
    table_xml,
)


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
        self._pictures: Pictures | None = None

    def _add(self, builder, fmt, *args) -> None:
        self._last = (len(self.parts), builder, fmt, args)
        self._last_is_table = False
        self.parts.append(builder(fmt, *args))

    def paragraph(self, fmt: ParagraphFormat, run: RunFormat, text: str) -> None:
        self._add(paragraph_xml, fmt, run, text)

    def mark_paragraph(self, fmt: ParagraphFormat, font: str, size_pt: float, bottom_border: bool = False) -> None:
        self._add(mark_paragraph_xml, fmt, font, size_pt, bottom_border)

    def empty_paragraph(self) -> None:
        self._add(lambda fmt: kept_empty_paragraph_xml() if fmt.keep_next else EMPTY_PARAGRAPH_XML,
                  ParagraphFormat())

    def picture(self, fmt: ParagraphFormat, run: RunFormat, blob: bytes, width: int, height: int) -> None:
        """A paragraph holding the picture ``blob`` (PNG, JPEG…) at ``width`` × ``height`` EMU."""
        if self._pictures is None:
            self._pictures = Pictures(self._skeleton)
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
        return self._skeleton.docx(self.parts, title, author, self._pictures)  # in pieces: never joined


class Pictures:
    """Picture parts for one document, added through python-docx's package (pictures are rare)."""

    def __init__(self, skeleton: Skeleton):
        from docx import Document

        self.document = Document(io.BytesIO(skeleton.source))
        self.count = 0

    def add(self, blob: bytes, width: int, height: int) -> tuple[str, str, int, int, int]:
        rid, image = self.document.part.get_or_add_image(io.BytesIO(blob))
        cx, cy = image.scaled_dimensions(width, height)
        self.count += 1  # as python-docx numbers shapes: one more than the largest id so far
        return rid, image.filename, self.count, int(cx), int(cy)
