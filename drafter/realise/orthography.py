"""Orthography where a sentence's pieces meet: the last step of realisation, after the words are
chosen and ordered (SimpleNLG's orthography stage). The bank's words and the user's are tidy
inside a piece; what goes wrong is at the joins: a space before a comma, two stops, a capital
after a connector, a stop after the user's own "…".

>>> from drafter.realise.values import Piece
>>> pieces = finished([Piece("tỉnh tổ chức "), Piece(", "), Piece("huấn luyện")])
>>> plain_text(pieces)
'Tỉnh tổ chức, huấn luyện.'
"""

from __future__ import annotations

from collections.abc import Iterable

from drafter import vnformat
from drafter.document import Span
from drafter.realise.surface import lower_first
from drafter.realise.values import Piece

#: What may end a sentence ("./." ends an administrative document).
ENDINGS = (".", ":", "!", "?", "…", "./.")
_PUNCTUATION = (",", ".", ";", ":", "?", "!", ")", "…")
_SPACE_OR_PUNCTUATION = (" ",) + _PUNCTUATION
_STOPS = (".", ";", ",")


def finished(pieces: list[Piece]) -> list[Piece]:
    """The pieces of one sentence with tidy joins, a capital first letter and one final stop."""
    pieces = [p for p in pieces if p.text]
    if tidy_joins(pieces):
        pieces = [p for p in pieces if p.text]  # a stop the join took away leaves nothing to end on
    if pieces:
        pieces[0].text = vnformat.capitalize_first(pieces[0].text.lstrip())
        pieces[-1].text = pieces[-1].text.rstrip()
        if not pieces[-1].text.endswith(ENDINGS):
            pieces.append(Piece("."))
    return pieces


def merged(pieces: list[Piece]) -> tuple[Span, ...]:
    """Adjacent pieces without a source joined into one span."""
    spans: list[Span] = []
    run: list[str] = []  # texts of the pieces without a source since the last span
    for piece in pieces:
        if piece.source is None:
            run.append(piece.text)
            continue
        if run:
            spans.append(Span("".join(run)))
            run = []
        spans.append(Span(piece.text, piece.source))
    if run:
        spans.append(Span("".join(run)))
    return tuple(spans)


#: The first characters of a piece that a join can change: a space or a punctuation mark.
_JOINING = frozenset("".join(_SPACE_OR_PUNCTUATION))


def tidy_joins(pieces: list[Piece]) -> bool:
    """No double spaces and no space before punctuation where pieces meet (inside a piece the
    bank's and the user's texts are tidy already). Whether a piece was left without text."""
    emptied = False
    for left, right in zip(pieces, pieces[1:]):
        after = right.text
        if after[:1] not in _JOINING:  # most joins (some 500 a report): every rule below needs one
            continue
        text = left.text  # each read once
        if text.endswith(" ") and after.startswith(_SPACE_OR_PUNCTUATION):
            text = left.text = text.rstrip(" ")
            emptied = emptied or not text
        if text.endswith(_STOPS) and after.startswith(_STOPS):
            right.text = after[1:]
            emptied = emptied or not right.text
        elif text.endswith(("?", "…")) and after.startswith("."):  # the user's own ending stays
            right.text = after[1:]
            emptied = emptied or not right.text
    return emptied


def strip_end(pieces: list[Piece]) -> None:
    """The sentence's final stop and trailing blanks removed: it goes on as a clause."""
    while pieces and not pieces[-1].text.strip() and pieces[-1].term is None:
        pieces.pop()
    if pieces and pieces[-1].term is None:
        pieces[-1].text = pieces[-1].text.rstrip(" .")


def joined_clause(pieces: list[Piece], separator: str = "; ") -> list[Piece]:
    """A sentence's pieces as the clause that goes on another one: "; " (or ``separator``) first, no
    final stop, its first word small ("…; hoàn thành việc sắp xếp …")."""
    strip_end(pieces)
    lower_first_piece(pieces, 0)
    return [Piece(separator)] + pieces


def lower_first_piece(pieces: list[Piece], start: int) -> None:
    """The first word from ``start`` on written small, unless it is a name the user typed."""
    for piece in pieces[start:]:
        if piece.text.strip() or piece.term:
            if piece.term is None and (piece.source is None or piece.free_text):
                piece.text = lower_first(piece.text)
            return


def plain_text(pieces: Iterable[Piece]) -> str:
    return "".join([p.text for p in pieces])  # a list: join makes one of a generator first
