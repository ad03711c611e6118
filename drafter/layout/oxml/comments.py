"""Word comments in raw WordprocessingML: anchor ranges in a paragraph, the comments part, the package.

A comment is three things (ECMA-376 Part 1, 17.13.4): ``w:comment`` in ``word/comments.xml``;
``w:commentRangeStart`` and ``w:commentRangeEnd`` around the commented runs of the document;
and a run holding ``w:commentReference`` right after the range's end. The part is reached by a
relationship of the main document part and declared in ``[Content_Types].xml``.

python-docx (1.2) can add comments, but only on whole runs of a document it has loaded and then
saved again with its own zip: a review copy must keep every byte of the draft but the comments,
and anchor a comment on a figure that sits inside a longer run, so the runs are split here.

>>> from lxml import etree
>>> p = etree.fromstring(f'<w:p xmlns:w="{W_NS}"><w:r><w:t>Giao 3.350 công dân.</w:t></w:r></w:p>')
>>> anchor(p, [(5, 10, 0)])
>>> [(child.tag.split("}")[1], paragraph_text(child) if child.tag == W + "r" else "") for child in p]
[('r', 'Giao '), ('commentRangeStart', ''), ('r', '3.350'), ('commentRangeEnd', ''), ('r', ''), ('r', ' công dân.')]
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import posixpath
import zipfile
from collections.abc import Sequence

from lxml import etree

from drafter.layout.oxml.archive import zip_bytes, zip_entry
from drafter.layout.oxml.elements import xml_safe
from drafter.layout.oxml.prototypes import escape_text

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

#: Run content and the characters it stands for in a paragraph's text.
_TEXT_TAGS = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n"}


def _owner(element):
    parent = element.getparent()
    while parent is not None and parent.tag != W + "p":
        parent = parent.getparent()
    return parent


def runs_of(p) -> list:
    """The runs of paragraph ``p`` in order, those of text boxes inside it left out."""
    return [r for r in p.iter(W + "r") if _owner(r) is p]


def _content_text(child) -> str:
    if child.tag not in _TEXT_TAGS:
        return ""
    return _TEXT_TAGS[child.tag] or child.text or ""


def run_text(r) -> str:
    return "".join(_content_text(child) for child in r)


def paragraph_text(p) -> str:
    """The text of a paragraph (or of one run) as Word shows it: tabs and line breaks as characters."""
    if p.tag == W + "r":
        return run_text(p)
    return "".join(run_text(r) for r in runs_of(p))


def _set_text(t, text: str) -> None:
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set(XML_SPACE, "preserve")
    else:
        t.attrib.pop(XML_SPACE, None)


def _split_run(r, at: int):
    """Split run ``r`` after ``at`` characters; the second half, a new run with the same
    properties, follows it."""
    second = etree.Element(W + "r")
    properties = r.find(W + "rPr")
    if properties is not None:
        second.append(copy.deepcopy(properties))
    seen = 0
    for child in list(r):
        if child.tag == W + "rPr":
            continue
        length = len(_content_text(child))
        if seen >= at:
            second.append(child)  # moves it
        elif seen + length > at and child.tag == W + "t":
            tail = etree.SubElement(second, W + "t")
            _set_text(tail, child.text[at - seen:])
            _set_text(child, child.text[:at - seen])
        seen += length
    r.addnext(second)
    return second


def anchor(p, ranges: Sequence[tuple[int, int, int]]) -> None:
    """Put comment ``id`` on characters ``start:end`` of paragraph ``p``, for each (start, end, id).

    Runs are split where a range begins or ends inside them, so that each range covers
    exactly its characters; ranges may nest or overlap. Empty or out-of-range ones are skipped.
    """
    length = len(paragraph_text(p))
    ranges = [(start, end, id_) for start, end, id_ in ranges if 0 <= start < end <= length]
    for cut in sorted({offset for start, end, _ in ranges for offset in (start, end)}):
        position = 0
        for r in runs_of(p):
            size = len(run_text(r))
            if position < cut < position + size:
                _split_run(r, cut - position)
                break
            position += size
    segments, position = [], 0
    for r in runs_of(p):
        size = len(run_text(r))
        if size:
            segments.append((position, position + size, r))
        position += size
    for start, end, id_ in sorted(ranges, key=lambda item: (item[0], -item[1], item[2])):
        first = next(r for s, _, r in segments if s == start)
        first.addprevious(_marker("commentRangeStart", id_))
    ending: dict[int, list[tuple[int, int]]] = {}
    for start, end, id_ in ranges:
        ending.setdefault(end, []).append((start, id_))
    for end, found in ending.items():
        cursor = next(r for _, e, r in segments if e == end)
        for _, id_ in sorted(found, key=lambda item: (-item[0], item[1])):  # the innermost range closes first
            close, reference = _marker("commentRangeEnd", id_), _reference(id_)
            cursor.addnext(close)
            close.addnext(reference)
            cursor = reference


def _marker(name: str, id_: int):
    element = etree.Element(W + name)
    element.set(W + "id", str(id_))
    return element


def _reference(id_: int):
    run = etree.Element(W + "r")
    etree.SubElement(run, W + "commentReference").set(W + "id", str(id_))
    return run


def comments_xml(comments: Sequence[tuple[int, str]], author: str, initials: str, date: dt.datetime) -> bytes:
    """``word/comments.xml`` for (id, text) pairs; each line of a text is a paragraph."""
    stamp = date.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W_NS}">']
    for id_, text in comments:
        out.append(f'<w:comment w:id="{id_}" w:author="{_attribute(author)}" w:date="{stamp}" '
                   f'w:initials="{_attribute(initials)}">')
        for line in xml_safe(text).split("\n"):  # a value quoted from the input must not break the part
            preserve = ' xml:space="preserve"' if line[:1].isspace() or line[-1:].isspace() else ""
            out.append(f'<w:p><w:r><w:t{preserve}>{escape_text(line)}</w:t></w:r></w:p>')
        out.append("</w:comment>")
    out.append("</w:comments>")
    return "".join(out).encode("utf-8")


def _attribute(text: str) -> str:
    return escape_text(text).replace('"', "&quot;")


class Package:
    """The parts of a .docx, read once, to be written back with comments."""

    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.names = [info.filename for info in archive.infolist()]
            self.parts = {name: archive.read(name) for name in self.names}
        self.main = self._main_part()
        self.rels_name = posixpath.join(posixpath.dirname(self.main), "_rels", posixpath.basename(self.main) + ".rels")

    def _main_part(self) -> str:
        rels = etree.fromstring(self.parts["_rels/.rels"])
        for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type") == OFFICE_DOCUMENT:
                return rel.get("Target").lstrip("/")
        return "word/document.xml"

    def document(self):
        return etree.fromstring(self.parts[self.main])

    def existing_comments(self) -> tuple[str | None, list]:
        """The package's comments part name and its comments, when the document has some already."""
        if self.rels_name not in self.parts:
            return None, []
        for rel in etree.fromstring(self.parts[self.rels_name]).iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type") == COMMENTS_TYPE:
                name = posixpath.normpath(posixpath.join(posixpath.dirname(self.main), rel.get("Target")))
                if name in self.parts:
                    return name, list(etree.fromstring(self.parts[name]).iter(W + "comment"))
        return None, []

    def with_comments(self, document, comments: Sequence[tuple[int, str]], author: str, initials: str,
                      date: dt.datetime) -> bytes:
        """The package with ``document`` as its main part and these comments added."""
        parts = dict(self.parts)
        names = list(self.names)
        parts[self.main] = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
        if not comments:
            return zip_bytes([zip_entry(name, parts[name]) for name in names])
        existing, _ = self.existing_comments()
        ours = etree.fromstring(comments_xml(comments, author, initials, date))
        if existing is not None:  # a Word form with comments of its own: ours follow them
            part = etree.fromstring(parts[existing])
            part.extend(list(ours))
            parts[existing] = etree.tostring(part, xml_declaration=True, encoding="UTF-8", standalone=True)
        else:
            name = posixpath.join(posixpath.dirname(self.main), "comments.xml")
            parts[name] = etree.tostring(ours, xml_declaration=True, encoding="UTF-8", standalone=True)
            names.insert(names.index(self.main) + 1, name)
            parts[self.rels_name] = self._add_relationship(parts.get(self.rels_name))
            if self.rels_name not in names:
                names.append(self.rels_name)
            parts["[Content_Types].xml"] = self._add_override(parts["[Content_Types].xml"], "/" + name)
        return zip_bytes([zip_entry(name, parts[name]) for name in names])

    @staticmethod
    def _add_relationship(data: bytes | None) -> bytes:
        root = etree.fromstring(data) if data else etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
        taken = {rel.get("Id") for rel in root}
        number = 1
        while f"rIdComments{number}" in taken:
            number += 1
        rel = etree.SubElement(root, f"{{{REL_NS}}}Relationship")
        rel.set("Id", f"rIdComments{number}")
        rel.set("Type", COMMENTS_TYPE)
        rel.set("Target", "comments.xml")
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    @staticmethod
    def _add_override(data: bytes, part: str) -> bytes:
        root = etree.fromstring(data)
        override = etree.SubElement(root, f"{{{CT_NS}}}Override")
        override.set("PartName", part)
        override.set("ContentType", COMMENTS_CONTENT)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
