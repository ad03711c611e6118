"""The review copy of a draft: the same .docx, plus a Word comment on each thing to check.

The writers (:mod:`drafter.layout.decree30`, :mod:`drafter.layout.news`) are left alone: a
review copy takes their finished bytes and the draft, finds each commented block's paragraph
in the body (in order, by its printed text), splits its runs exactly where a commented span
begins and ends, and adds the comments part (:mod:`drafter.layout.oxml.comments`). Every other
byte of every part is as the writer made it; author, date and zip are fixed, so the same draft
gives the same review copy.

A Word form is filled by docxtpl, not written from a draft: its prints come back wrapped in
markers (:mod:`drafter.packs.formmarks`), which :func:`review_form` removes while anchoring.

>>> from drafter.document import Draft, Paragraph
>>> from drafter.checks.provenance import Mark, Note
>>> from drafter.layout.decree30 import write_decree30
>>> draft = Draft(blocks=(Paragraph("Giao 3.350 công dân."),))
>>> copy = review_copy(write_decree30(draft), draft, [Mark(0, 5, 10, Note("figure", "Số liệu: …"))])
>>> copy == review_copy(write_decree30(draft), draft, [Mark(0, 5, 10, Note("figure", "Số liệu: …"))])
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from lxml import etree

from drafter.document import Byline, Draft, Paragraph, Title
from drafter.layout.decree30 import FIXED_TIME
from drafter.layout.oxml.comments import Package, W, anchor, paragraph_text, runs_of
from drafter.layout.oxml.elements import xml_safe

AUTHOR, INITIALS = "drafter", "DR"
#: The comments' date: the writers' fixed time, so that a review copy is deterministic too.
DATE = FIXED_TIME


def printed(text: str) -> tuple[str, list[int]]:
    """The text a writer puts in a paragraph for ``text``, and where each character of ``text``
    went in it (one offset more than characters, for the end): characters XML cannot carry
    are dropped and a "\\r\\n" becomes one line break, as :func:`drafter.layout.oxml.text_xml` does.

    >>> printed("a\\x07b\\r\\nc")
    ('ab\\nc', [0, 1, 1, 2, 3, 3, 4])
    """
    if "\r" not in text and xml_safe(text) == text:  # nearly always: every character is kept
        return text, range(len(text) + 1)
    out: list[str] = []
    offsets: list[int] = []
    previous = ""
    for char in text:
        offsets.append(len(out))
        if char == "\n" and previous == "\r":
            pass
        elif char == "\r":
            out.append("\n")
        elif xml_safe(char):
            out.append(char)
        previous = char
    offsets.append(len(out))
    return "".join(out), offsets


def _block_text(block) -> str | None:
    if isinstance(block, (Paragraph, Title, Byline)):
        return block.text
    return None


def review_copy(docx: bytes, draft: Draft, marks: Sequence) -> bytes:
    """``docx`` (written from ``draft``) with a comment for each :class:`~drafter.checks.provenance.Mark`.

    A mark on a body block is found in the body's paragraphs, in order, by the block's text; a
    mark with a negative block (the masthead, in its tables) by its ``paragraph`` text. A mark
    that cannot be found (a writer that changed the text) is left out rather than put on the
    wrong words.
    """
    if not marks:
        return docx
    package = Package(docx)
    document = package.document()
    body = document.find(W + "body")
    paragraphs = [child for child in body if child.tag == W + "p"]
    by_block: dict[int, list] = {}
    for mark in marks:
        by_block.setdefault(mark.block, []).append(mark)
    comments: list[tuple[int, str]] = []
    first = _first_free_id(package, document)
    placed: list[tuple[object, list]] = []  # (paragraph, its marks) in document order
    cursor = 0
    for index in sorted(block for block in by_block if block >= 0):
        text = _block_text(draft.blocks[index])
        if text is None:
            continue
        expected, _ = printed(text)
        found = next((n for n in range(cursor, len(paragraphs)) if paragraph_text(paragraphs[n]) == expected), None)
        if found is not None:
            cursor = found + 1
            placed.append((paragraphs[found], by_block[index]))
    # the masthead's paragraphs sit in its tables: each is found by its text
    everywhere = list(document.iter(W + "p"))
    for mark in (mark for block in by_block if block < 0 for mark in by_block[block]):
        expected, _ = printed(mark.paragraph)
        found = next((p for p in everywhere if paragraph_text(p) == expected), None)
        if found is not None:
            placed.append((found, [mark]))
    order = {id(p): n for n, p in enumerate(everywhere)}
    for paragraph, found_marks in sorted(placed, key=lambda item: order[id(item[0])]):
        ranges = []
        _, offsets = printed(found_marks[0].paragraph or _block_text(draft.blocks[found_marks[0].block]))
        for mark in sorted(found_marks, key=lambda m: (m.start, -m.end)):
            id_ = first + len(comments)
            comments.append((id_, mark.note.text))
            ranges.append((offsets[mark.start], offsets[mark.end], id_))
        anchor(paragraph, ranges)
    if not comments:
        return docx
    return package.with_comments(document, comments, AUTHOR, INITIALS, DATE)


def _first_free_id(package: Package, document) -> int:
    _, existing = package.existing_comments()
    taken = [int(c.get(W + "id")) for c in existing if (c.get(W + "id") or "").lstrip("-").isdigit()]
    taken += [int(e.get(W + "id")) for e in document.iter(W + "commentReference")
              if (e.get(W + "id") or "").lstrip("-").isdigit()]
    return max(taken, default=-1) + 1


# ------------------------------------------------------------------ Word forms


def review_form(docx: bytes, pattern: re.Pattern, which: Callable[[re.Match], tuple[bool, int]],
                notes_of: Callable[[int, str], Sequence]) -> tuple[bytes, list[tuple[str, list]]]:
    """A filled form whose prints are wrapped in markers, without them and with comments.

    ``which(match)`` says whether a marker opens or closes and the print's number;
    ``notes_of(number, printed text)`` gives the print's notes (``.text`` is a comment), none for
    no comment. Returns the review copy and, for each body paragraph with prints, its text and
    its (start, end, note) in order: what ``drafter explain`` says of a form.
    """
    package = Package(docx)
    document = package.document()
    comments: list[tuple[int, str]] = []
    lines: list[tuple[str, list]] = []
    first = _first_free_id(package, document)
    for p in list(document.iter(W + "p")):
        if any(ancestor.tag == W + "txbxContent" for ancestor in p.iterancestors()):
            continue  # a text box: Word keeps no comment there; its markers go with the others below
        spans = _unmark(p, pattern, which)
        ranges, noted = [], []
        text = paragraph_text(p)
        for start, end, number in spans:
            for note in notes_of(number, text[start:end]) if start < end else ():
                ranges.append((start, end, first + len(comments)))
                comments.append((first + len(comments), note.text))
                noted.append((start, end, note))
        if noted:
            lines.append((text, noted))
            anchor(p, ranges)
    for name, data in package.parts.items():  # markers anywhere else: headers, footers, field codes
        if name.endswith(".xml") and pattern.search(data.decode("utf-8", "ignore")):
            package.parts[name] = pattern.sub("", data.decode("utf-8")).encode("utf-8")
    leftover = etree.tostring(document, encoding="unicode")
    if pattern.search(leftover):
        document = etree.fromstring(pattern.sub("", leftover).encode("utf-8"))
    return package.with_comments(document, comments, AUTHOR, INITIALS, DATE), lines


def _unmark(p, pattern: re.Pattern, which) -> list[tuple[int, int, int]]:
    """Remove the markers from the text of paragraph ``p``; the (start, end, number) of each print
    whose two markers were both in it."""
    opened: dict[int, int] = {}
    spans: list[tuple[int, int, int]] = []
    position = 0
    for r in runs_of(p):
        for child in r:
            if child.tag != W + "t":
                position += len(_content_chars(child))
                continue
            text, kept = child.text or "", []
            last = 0
            for match in pattern.finditer(text):
                kept.append(text[last:match.start()])
                position += match.start() - last
                last = match.end()
                is_start, number = which(match)
                if is_start:
                    opened[number] = position
                elif number in opened:
                    spans.append((opened.pop(number), position, number))
            kept.append(text[last:])
            position += len(text) - last
            if last:
                child.text = "".join(kept)
    return sorted(spans)


def _content_chars(child) -> str:
    """The characters a run's content element stands for (a tab, a break)."""
    return {W + "tab": "\t", W + "br": "\n", W + "cr": "\n"}.get(child.tag, "")
