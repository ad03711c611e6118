"""The line markup a Jinja2 pack writes, parsed into the blocks of a draft.

::

    @summary: Tổng kết công tác …        front matter: trích yếu, document type
    # Kết quả thực hiện nhiệm vụ           part heading, numbered "Phần I"
    ## …   ### …   #### …                 headings numbered "I.", "1.", "a)"
    !title Hội nghị tổng kết …            news headline
    !byline Tin, ảnh: …                   news byline
    !table units   !image chart           a table or picture the caller prepared,
                                          by name (``tables`` / ``images`` in the context)
    - a line                              a paragraph of its own
    other lines                           joined into one paragraph up to a blank line

Numbers are given after omission, so a section left out for lack of data
never leaves a gap.

>>> draft = render_markup("@summary: Tổng kết\\n# Kết quả\\n### Lãnh đạo\\nDòng một\\ndòng hai .\\n")
>>> draft.summary, [b.display for b in draft.blocks[:2]], draft.blocks[2].text
('Tổng kết', ['Phần I. KẾT QUẢ', '1. Lãnh đạo'], 'Dòng một dòng hai.')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter import vnformat
from drafter.document import Block, Byline, Heading, Image, Paragraph, Table, Title
from drafter.packs import TemplatePackError
from drafter.packs.sandbox import _unshield
from drafter.realise.surface import tidy


@dataclass(frozen=True)
class Wording:
    """What a template said: front matter and body blocks."""

    blocks: tuple[Block, ...]
    summary: str = ""
    doc_type: str = ""
    headline: str = ""



_HEADING = re.compile(r"^(#{1,4}) (.+)$")
# Characters XML 1.0 cannot hold or that only drive a terminal (as drafter.inputs.validation refuses in data).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_KINDS = ("part", "roman", "arabic", "letter")


def _label(kind: str, number: int) -> str:
    if kind == "part":
        return f"Phần {vnformat.format_roman(number)}"
    if kind == "roman":
        return f"{vnformat.format_roman(number)}."
    if kind == "arabic":
        return f"{number}."
    return f"{'abcdđeghiklmnopqrstuvxy'[(number - 1) % 23]})"


def render_markup(text: str, tables: dict | None = None, images: dict | None = None) -> Wording:
    """Parse the markup a template wrote into blocks, numbering headings.

    A heading with nothing under it before the next heading of its level or
    above is dropped, so a section without data never prints an empty title.
    ``!table NAME`` and ``!image NAME`` place the blocks ``tables[NAME]`` and
    ``images[NAME]``; a name that is not there is a template error.

    >>> grid = Table(header=("TT", "Đơn vị"), rows=(("1", "Xã A"),))
    >>> wording = render_markup("### Bảng\\n!table units\\n", tables={"units": grid})
    >>> [type(b).__name__ for b in wording.blocks]
    ['Heading', 'Table']
    >>> render_markup("!image chart\\n", images={})
    Traceback (most recent call last):
    ...
    drafter.packs.TemplatePackError: !image chart: không có hình “chart”
    """
    control = _CONTROL.search(text)
    if control:  # written by the template itself ("\x1b" in a string): data cannot carry one (E216)
        raise TemplatePackError("", "", code="E216", found=f"U+{ord(control.group()):04X}")
    front: dict[str, str] = {}
    items: list[Block | tuple[int, str]] = []  # (depth, title) stands for a heading
    pending: list[str] = []

    def flush():
        if pending:
            paragraph = _clean(" ".join(pending))
            if paragraph:
                items.append(Paragraph(paragraph))
            pending.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("@") and not items and not pending and ":" in line:
            key, value = line[1:].split(":", 1)
            front[key.strip()] = _clean(value)
        elif heading := _HEADING.match(line):
            flush()
            items.append((len(heading.group(1)) - 1, _clean(heading.group(2))))
        elif line.startswith("!title "):
            flush()
            items.append(Title(_clean(line[7:])))
        elif line.startswith("!byline "):
            flush()
            items.append(Byline(_clean(line[8:])))
        elif line.startswith(("!table ", "!image ")):
            flush()
            items.append(_placed(line, tables, images))
        elif line.startswith("- "):
            flush()
            pending.append(line)
            flush()
        else:
            pending.append(line)
    flush()
    blocks = _number_headings(_drop_empty_headings(items))
    headline = next((b.text for b in blocks if isinstance(b, Title)), "")
    return Wording(tuple(blocks), front.get("summary", ""), front.get("doc_type", ""), headline)


def _placed(line: str, tables: dict | None, images: dict | None) -> Block:
    """The block a ``!table NAME`` or ``!image NAME`` line names."""
    kind, name = line[1:6], _unshield(line[7:]).strip()
    found = (tables if kind == "table" else images) or {}
    block = found.get(name)
    wanted = Table if kind == "table" else Image
    if not isinstance(block, wanted):
        word = "bảng" if kind == "table" else "hình"
        raise TemplatePackError(f"!{kind} {name}", f"không có {word} “{name}”")
    return block


def _drop_empty_headings(items: list) -> list:
    kept: list = []
    for item in reversed(items):
        if isinstance(item, tuple):
            depth = item[0]
            following = kept[-1] if kept else None
            # a heading needs content: a block, or a deeper heading that itself survived
            if following is None or (isinstance(following, tuple) and following[0] <= depth):
                continue
        kept.append(item)
    return list(reversed(kept))


def _number_headings(items: list) -> list[Block]:
    counters = [0, 0, 0, 0]
    blocks: list[Block] = []
    for item in items:
        if not isinstance(item, tuple):
            blocks.append(item)
            continue
        depth, title = item
        counters[depth] += 1
        counters[depth + 1 :] = [0] * (3 - depth)
        kind = _KINDS[depth]
        blocks.append(Heading(kind, _label(kind, counters[depth]), title.upper() if depth < 2 else title))
    return blocks


def _clean(text: str) -> str:
    text = tidy(_unshield(text))
    if text and text[0].islower():
        text = vnformat.capitalize_first(text)
    return text

