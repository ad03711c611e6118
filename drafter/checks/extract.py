"""The text of a draft as a reader sees it: a :class:`~drafter.document.Draft` or a written .docx.

The checks (:mod:`drafter.checks.fidelity`, :mod:`drafter.checks.hygiene`,
:mod:`drafter.checks.spelling`) read plain text; these give it for the two forms a draft takes
besides Markdown and text.
"""

from __future__ import annotations

import io

__all__ = ["docx_text", "draft_plain_text"]

def draft_plain_text(draft) -> str:
    """A :class:`~drafter.document.Draft` as plain lines: masthead, blocks, closing block.

    The stand-in for the text layout writer; every string of the draft is in it.
    """
    from drafter.document import Heading, Image, Table

    lines: list[str] = []
    m = draft.masthead
    if m is not None:
        lines += [m.parent_agency, m.issuing_agency, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc", m.number, m.place_date, "", m.doc_type, m.summary, ""]
    for block in draft.blocks:
        if isinstance(block, Heading):
            lines.append(block.display)
        elif isinstance(block, Table):
            lines += [" | ".join(row) for row in (block.header, *block.rows)]
        elif isinstance(block, Image):
            lines.append(block.caption)
        else:
            lines.append(block.text)
    if m is not None:
        lines += ["", "Nơi nhận:"]
        lines += [f"- {r};" for r in m.recipients[:-1]] + [f"- {r}." for r in m.recipients[-1:]]
        lines += ["", *m.signature.lines, "", m.signature.signer]
    return "\n".join(line for line in lines if line is not None).strip() + "\n"


def docx_text(data: bytes) -> str:
    """The text of a .docx as a reader sees it: body paragraphs and table cells, in order."""
    from docx import Document
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    document = Document(io.BytesIO(data))
    lines: list[str] = []

    def walk(parent, container) -> None:
        for child in container.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(DocxParagraph(child, parent).text)
            elif tag == "tbl":
                seen = set()
                for row in DocxTable(child, parent).rows:
                    for cell in row.cells:
                        if cell._tc in seen:  # a merged cell shows once
                            continue
                        seen.add(cell._tc)
                        walk(cell, cell._tc)

    walk(document, document.element.body)
    return "\n".join(lines)
