"""Read Word comments back for tests, independently of drafter's writer: the comments part, and
for each comment the exact text its range covers, in the paragraph it sits in.

The reader follows ECMA-376 Part 1, 17.13.4: a comment's range is everything between its
``w:commentRangeStart`` and ``w:commentRangeEnd`` in document order; its ``w:commentReference``
run must come after the end. Text is what Word shows: ``w:t``, tabs and breaks.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class Comment:
    id: str
    author: str
    date: str
    initials: str
    text: str  # the comment's paragraphs joined by "\n"
    anchored: str  # the document's text inside the comment's range
    paragraph: str  # the whole text of the paragraph the range starts in
    start: int  # where the range starts in that paragraph's text
    referenced: bool  # a w:commentReference follows the range's end


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _paragraph_text(p) -> str:
    out = []
    for element in p.iter(W + "t", W + "tab", W + "br", W + "cr"):
        if element.tag == W + "t":
            out.append(element.text or "")
        else:
            out.append("\t" if element.tag == W + "tab" else "\n")
    return "".join(out)


def comments_part_name(data: bytes) -> str | None:
    """The comments part the main document's relationships name, or None."""
    parts = _parts(data)
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    for rel in rels.iter(REL + "Relationship"):
        if rel.get("Type", "").endswith("/comments"):
            return "word/" + rel.get("Target").lstrip("/").removeprefix("word/")
    return None


def read_comments(data: bytes) -> list[Comment]:
    """Every comment of a .docx in the order of its range in the document."""
    parts = _parts(data)
    name = comments_part_name(data)
    if name is None:
        return []
    bodies = {}
    for comment in etree.fromstring(parts[name]).iter(W + "comment"):
        text = "\n".join(_paragraph_text(p) for p in comment.iter(W + "p"))
        bodies[comment.get(W + "id")] = (comment.get(W + "author"), comment.get(W + "date"),
                                         comment.get(W + "initials"), text)
    document = etree.fromstring(parts["word/document.xml"])
    open_ranges: dict[str, list[str]] = {}
    starts: dict[str, tuple[str, int]] = {}
    ended: dict[str, str] = {}
    referenced: set[str] = set()
    for p in document.iter(W + "p"):
        position = 0
        paragraph = _paragraph_text(p)
        for element in p.iter():
            if element.tag == W + "commentRangeStart":
                open_ranges[element.get(W + "id")] = []
                starts[element.get(W + "id")] = (paragraph, position)
            elif element.tag == W + "commentRangeEnd":
                id_ = element.get(W + "id")
                ended[id_] = "".join(open_ranges.pop(id_, []))
            elif element.tag == W + "commentReference":
                if element.get(W + "id") in ended:
                    referenced.add(element.get(W + "id"))
            elif element.tag in (W + "t", W + "tab", W + "br", W + "cr"):
                text = (element.text or "") if element.tag == W + "t" else ("\t" if element.tag == W + "tab" else "\n")
                for collected in open_ranges.values():
                    collected.append(text)
                position += len(text)
    found = []
    for id_, (paragraph, start) in starts.items():
        author, date, initials, text = bodies.get(id_, ("", "", "", ""))
        found.append(Comment(id_, author, date, initials, text, ended.get(id_, ""), paragraph, start,
                             id_ in referenced))
    return found


def strip_comments(document_xml: bytes) -> bytes:
    """document.xml without comment ranges and reference runs, adjacent runs of equal properties
    merged: what the document was before comments were anchored in it."""
    root = etree.fromstring(document_xml)
    for element in list(root.iter(W + "commentRangeStart", W + "commentRangeEnd")):
        element.getparent().remove(element)
    for reference in list(root.iter(W + "commentReference")):
        run = reference.getparent()
        run.getparent().remove(run)
    for p in root.iter(W + "p"):
        runs = [child for child in p if child.tag == W + "r"]
        for first, second in zip(runs, runs[1:]):
            if first.getparent() is None or first.getnext() is not second:
                continue
            props = [etree.tostring(r.find(W + "rPr")) if r.find(W + "rPr") is not None else b"" for r in (first, second)]
            texts = [r.findall(W + "t") for r in (first, second)]
            if props[0] == props[1] and len(texts[0]) == 1 and len(texts[1]) == 1 and len(first) == len(second):
                merged = (texts[0][0].text or "") + (texts[1][0].text or "")
                texts[1][0].text = merged
                if merged[:1].isspace() or merged[-1:].isspace():
                    texts[1][0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                else:
                    texts[1][0].attrib.pop("{http://www.w3.org/XML/1998/namespace}space", None)
                p.remove(first)
    return etree.tostring(root)


@functools.lru_cache(maxsize=32)
def _yaml_tree(file: str, _mtime: float):
    from ruamel.yaml import YAML

    return YAML().load(Path(file).read_text(encoding="utf-8"))


def yaml_line(file, field_path: str) -> int:
    """The 1-based line where ``field_path`` ("awards[0].individuals", "leadership.notes[1]") is
    written in a YAML file, read with ruamel.yaml's own line records (not drafter's reader)."""
    node = _yaml_tree(str(file), Path(file).stat().st_mtime)
    parts = [int(i) if i else name for name, i in re.findall(r"([^.\[\]]+)|\[(\d+)\]", field_path)]
    line = None
    for part in parts:
        line = (node.lc.item(part) if isinstance(part, int) else node.lc.key(part))[0] + 1
        node = node[part]
    return line
