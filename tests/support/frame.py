"""The Decree 30 frame of a rendered report, read back from the .docx: who issues it and who receives it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tests.support.docx_reading import (
    closing_table,
    column_paragraphs,
    header_table,
    open_docx,
    text_runs,
)


@dataclass(frozen=True)
class Frame:
    parent: str  # the parent agency line(s), joined by a space; "" when absent
    agency: str  # the issuing agency line(s), joined by a space
    number: str  # "Số:      /BC-BCHQS"
    place_date: str  # "Hải Châu, ngày 08 tháng 12 năm 2026"
    recipients: tuple[str, ...]  # without the "- " and the final ";" or "."
    signature: tuple[str, ...]  # the authority and position lines
    signer: str


def _text(paragraph) -> str:
    return " ".join(unicodedata.normalize("NFC", paragraph.text).split())


def read_frame(data) -> Frame:
    """Header and closing block of a Decree 30 .docx, as printed (capitals where the page has them)."""
    doc = open_docx(data)
    header, closing = header_table(doc), closing_table(doc)
    assert header is not None and closing is not None, "no Decree 30 header or closing table"
    left = [p for p in column_paragraphs(header, 0) if p.text.strip()]
    number = unicodedata.normalize("NFC", left[-1].text).strip()  # its spaces are the blank for the number
    parent, agency = [], []
    for p in left[:-1]:  # the parent agency is upright, the issuing agency bold (Decree 30, Appendix I)
        (agency if text_runs(p, doc)[0].bold else parent).append(_text(p))
    right = [_text(p) for p in column_paragraphs(header, 1) if p.text.strip()]
    place_date = next(text for text in right if ", ngày " in text)
    names = [_text(p) for p in column_paragraphs(closing, 0) if p.text.strip()]
    assert names[0] == "Nơi nhận:"
    recipients = tuple(re.sub(r"[;.]$", "", name.removeprefix("- ")) for name in names[1:])
    signing = [_text(p) for p in column_paragraphs(closing, 1) if p.text.strip()]
    return Frame(" ".join(parent), " ".join(agency), number, place_date, recipients, tuple(signing[:-1]),
                 signing[-1])
