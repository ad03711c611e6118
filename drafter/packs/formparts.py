"""Reading a Word form as docxtpl will render it: its bytes (bounded), and every piece of text,
field code and attribute where a tag can hide, each with its place in words.

A .docx is a zip: a few kilobytes on disk can unpack to gigabytes. The archive's directory is
read first and a form whose parts would unpack beyond :data:`MAX_UNZIPPED` (its text parts
beyond :data:`MAX_XML`) is refused before python-docx inflates anything. docxtpl renders the
whole XML of the body, headers, footers and footnotes as one template, so a tag counts
wherever it is: in a run's text, in a field code (``w:instrText``), in deleted text, in an
attribute or an XML comment. The text ones are checked like any tag; the others are refused.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from drafter.errors import DrafterError, Problem

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
#: The text properties docxtpl renders as templates too (File > Properties in Word).
PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")

#: A form file on disk; a real one (logo, a few pages) is well under 5 MB.
MAX_FORM_BYTES = 20 * 1024 * 1024
#: All parts unpacked (pictures included).
MAX_UNZIPPED = 100 * 1024 * 1024
#: The XML parts docxtpl renders, unpacked: a 50-page form has about 2 MB.
MAX_XML = 5 * 1024 * 1024
#: Tags in a whole form (a real one has a few hundred): each costs compiled code when it renders.
MAX_FORM_TAGS = 5_000
MAX_ENTRIES = 2000
_OPENER = re.compile(r"\{[{%#]")
_MACRO_SUFFIXES = {".docm": "văn bản Word có macro (.docm)", ".dotm": "mẫu Word có macro (.dotm)",
                   ".dotx": "mẫu Word (.dotx)", ".doc": "văn bản Word 97-2003 (.doc)", ".rtf": "tệp RTF",
                   ".odt": "văn bản OpenDocument (.odt)"}


def read_form(path: Path) -> bytes:
    """The bytes of a Word form, refused (E520, E546) when it is not a plain .docx or too big."""
    from drafter.inputs.discovery import NotRegular, TooLarge, read_limited

    name = str(path)
    kind = _MACRO_SUFFIXES.get(path.suffix.lower())
    if kind:
        raise DrafterError([Problem("E520", name, extra={"detail": f"đây là {kind}, không phải .docx"})])
    try:
        data = read_limited(path, MAX_FORM_BYTES)
    except NotRegular as error:
        raise DrafterError([Problem("E520", name, extra={"detail": error.kind})]) from None
    except TooLarge as error:
        raise DrafterError([_too_big(name, f"{error.size // (1 << 20)} MB", f"{MAX_FORM_BYTES >> 20} MB")]) from None
    except OSError as error:
        from drafter.errors import os_problem

        if not path.exists() and not path.is_symlink():
            raise DrafterError([Problem("E520", name, extra={"detail": "không có tệp"})]) from None
        raise DrafterError([os_problem(error, name)]) from None
    _check_archive(data, name)
    return data


def _too_big(name: str, size: str, limit: str) -> Problem:
    return Problem("E546", name, found=Path(name).name, expected=limit, extra={"detail": size})


def _check_archive(data: bytes, name: str) -> None:
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise DrafterError([Problem("E520", name, extra={"detail": "không phải tệp .docx"})]) from None
    if len(entries) > MAX_ENTRIES:
        raise DrafterError([_too_big(name, f"{len(entries)} phần", f"{MAX_ENTRIES} phần")])
    unzipped = sum(entry.file_size for entry in entries)
    xml = sum(entry.file_size for entry in entries if entry.filename.startswith("word/")
              and entry.filename.endswith(".xml"))
    if unzipped > MAX_UNZIPPED:
        raise DrafterError([_too_big(name, f"{unzipped >> 20} MB khi giải nén", f"{MAX_UNZIPPED >> 20} MB")])
    if xml > MAX_XML:
        raise DrafterError([_too_big(name, f"{xml >> 20} MB chữ khi giải nén", f"{MAX_XML >> 20} MB")])


def open_form(path: Path):
    """The form as a python-docx Document, or E520/E546 saying why it cannot be."""
    import docx

    data = read_form(path)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # not Word, a .dotx, a broken part…: all mean "save it again as .docx"
        detail = str(error) or type(error).__name__
        if "content type" in detail or "is not a Word file" in detail:
            detail = "không phải văn bản Word .docx"
        raise DrafterError([Problem("E520", str(path), extra={"detail": detail[:120]})]) from None


# ------------------------------------------------------------------ places and their text


@dataclass(frozen=True)
class Spot:
    """One paragraph of the form (or a hidden place): where it is, in words, and its text."""

    where: str
    text: str
    hidden: bool = False  # an attribute or a comment: no tag may be there at all


def _owner(element):
    parent = element.getparent()
    while parent is not None and parent.tag != W + "p":
        parent = parent.getparent()
    return parent


# python-docx gives some elements a ``text`` property of its own (a run's text): read lxml's.
_RAW_TEXT, _RAW_TAIL = etree._Element.text.__get__, etree._Element.tail.__get__


def _text(p) -> str:
    """Everything docxtpl reads as text in a paragraph: runs, field codes, deleted text, maths."""
    pieces = [_RAW_TEXT(p) or ""]
    for element in p.iter():
        if element is p or not isinstance(element.tag, str) or _owner(element) is not p:
            continue
        pieces += [_RAW_TEXT(element) or "", _RAW_TAIL(element) or ""]
    return "".join(pieces)


def _paragraph(p, where: str) -> list[Spot]:
    spots = [Spot(where, _text(p))]
    # text boxes sit inside a paragraph's runs, with paragraphs of their own
    spots += [Spot(f"{where}, khung chữ", _text(inner)) for inner in p.iter(W + "p")
              if inner is not p and _owner(inner) is p]
    return spots


def container(root, prefix: str, in_cell: bool = False) -> list[Spot]:
    """The spots of a body, a cell, a header…: paragraphs and tables in order."""
    spots: list[Spot] = []
    paragraphs = tables = 0
    many = sum(1 for child in root if child.tag == W + "p") > 1
    for child in root.iterchildren():
        if child.tag == W + "p":
            paragraphs += 1
            label = prefix.rstrip(", ") if in_cell and not many else f"{prefix}đoạn {paragraphs}"
            spots += _paragraph(child, label)
        elif child.tag == W + "tbl":
            tables += 1
            for r, row in enumerate(child.iterchildren(W + "tr"), 1):
                for c, cell in enumerate(row.iterchildren(W + "tc"), 1):
                    spots += container(cell, f"{prefix}bảng {tables}, hàng {r}, ô {c}, ", in_cell=True)
        else:  # content controls and the like: their paragraphs count with the others
            for p in child.iter(W + "p"):
                if _owner(p) is None:
                    paragraphs += 1
                    spots += _paragraph(p, f"{prefix}đoạn {paragraphs}")
    return spots


def hidden(root, label: str) -> list[Spot]:
    """Attributes, comments and text outside any paragraph that hold a tag opener."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):  # an XML comment or processing instruction
            texts = [_RAW_TEXT(element) or ""]
        else:
            texts = list(element.attrib.values())
            if _owner(element) is None and element.tag != W + "p":
                texts.append(_RAW_TEXT(element) or "")
            parent = element.getparent()
            if parent is not None and parent.tag != W + "p" and _owner(parent) is None:
                texts.append(_RAW_TAIL(element) or "")
        for text in texts:
            if _OPENER.search(text):
                found.append(Spot(f"{label}, {_xml_place(element)}", text, hidden=True))
    return found


def _xml_place(element) -> str:
    owner = _owner(element) if isinstance(element.tag, str) else None
    kind = "thuộc tính XML" if isinstance(element.tag, str) else "chú thích XML"
    return f"{kind} {'trong' if owner is not None else 'ngoài'} đoạn văn"


def parts(document) -> list[tuple[str, list[Spot]]]:
    """Each part docxtpl renders as a template of its own, with its spots."""
    body = document.element.body
    found = [("", container(body, "") + hidden(body, "thân văn bản"))]
    for kind, label in ((_HEADER, "đầu trang"), (_FOOTER, "chân trang")):
        related = sorted((rel.target_part for rel in document.part.rels.values() if rel.reltype == kind),
                         key=lambda part: str(part.partname))
        for n, part in enumerate(related, 1):
            found.append((label, container(part.element, f"{label} {n}, ") + hidden(part.element, f"{label} {n}")))
    for part in document.part.package.parts:
        if part.content_type == _FOOTNOTES:
            from docx.oxml import parse_xml

            notes = parse_xml(part.blob)
            found.append(("chú thích", [s for note in notes for s in container(note, "chú thích, ")]
                          + hidden(notes, "chú thích")))
    core = document.core_properties
    for name in PROPERTIES:
        value = getattr(core, name) or ""
        if "{" in value:
            found.append((name, [Spot(f"thuộc tính tệp “{name}”", value)]))
    return found
