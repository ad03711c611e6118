"""Realised sentences into the document's blocks: numbered headings, paragraphs whose sentences
know their sources, table cells, and a headline's terms in full."""

from __future__ import annotations

from drafter import vnformat
from drafter.document import Heading, Paragraph, Sentence, Span
from drafter.plan.model import Slot
from drafter.realise.aggregation import Said
from drafter.realise.bank import Bank
from drafter.realise.orthography import finished, merged
from drafter.realise.values import Piece, render


def numbered(level: str, number: int, text: str) -> Heading:
    if level == "part":
        return Heading("part", f"Phần {vnformat.format_roman(number)}", text.upper())
    if level == "roman":
        return Heading("roman", f"{vnformat.format_roman(number)}.", text.upper())
    if level == "arabic":
        return Heading("arabic", f"{number}.", text)
    return Heading("letter", f"{'abcdđeghiklmnopqrstuvxy'[(number - 1) % 23]})", text)


def paragraph(item: bool, sentences: list[Said]) -> Paragraph:
    built = [finish(s) for s in sentences]
    if item and built:
        first = built[0]
        built[0] = Sentence((Span("- "),) + first.spans, first.message, first.frame, first.sources, first.topic,
                            first.also)
    return Paragraph(" ".join([s.text for s in built]), tuple(built))


def finish(sentence: Said) -> Sentence:
    """The sentence written out: its pieces made tidy (:mod:`drafter.realise.orthography`) as spans."""
    spans, sources = merged(finished(sentence.pieces)), sentence.sources  # each source once (hashing one costs)
    sources = tuple(dict.fromkeys(sources)) if len(sources) > 1 else tuple(sources)
    return Sentence(spans, sentence.message, sentence.frame, sources, sentence.topic, tuple(sentence.also))


def cell_text(cell: Slot | None, context) -> str:
    if cell is None or cell.empty:
        return "-" if cell is None else ""
    if cell.kind == "rate":
        return vnformat.format_decimal(cell.value)
    return "".join(piece.text for piece in render(cell, context))


def resolve_alone(pieces: list[Piece], bank: Bank) -> list[Piece]:
    """Terms of a headline or trích yếu are written in full: they stand apart from the text."""
    return [Piece(bank.terms[p.term]) if p.term is not None else p for p in pieces]
