"""A draft as Markdown or plain text, for previews, chat and web forms.

>>> from drafter.document import Draft, Heading, Paragraph
>>> draft = Draft(blocks=(Heading("roman", "I.", "Kết quả"), Paragraph("Đạt 100% chỉ tiêu.")))
>>> print(write_markdown(draft), end="")
### I. KẾT QUẢ
<BLANKLINE>
Đạt 100% chỉ tiêu.
>>> print(write_text(draft), end="")
I. KẾT QUẢ
<BLANKLINE>
Đạt 100% chỉ tiêu.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from drafter.document import (
    Block,
    Byline,
    Chart,
    Draft,
    Heading,
    Image,
    Masthead,
    Paragraph,
    Table,
    Title,
)

_HEADING_LEVELS = {"part": "##", "roman": "###", "arabic": "####"}

#: The national name and motto every administrative text carries (Decree 30/2020/NĐ-CP, Appendix I).
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


def write_markdown(draft: Draft) -> str:
    """The draft as CommonMark with GFM tables, ending in exactly one newline."""
    return _write(draft, _MARKDOWN)


def write_text(draft: Draft) -> str:
    """The draft as plain text: one paragraph per block, blank lines between, no wrapping."""
    return _write(draft, _PLAIN)


def heading_line(h: Heading) -> str:
    """A heading on one line, capitalised as printed.

    >>> heading_line(Heading("part", "Phần I", "Kết quả thực hiện nhiệm vụ"))
    'Phần I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ'
    >>> heading_line(Heading("letter", "a)", "Ưu điểm"))
    'a) Ưu điểm'
    """
    text = _one_line(h.text.upper() if h.kind in ("part", "roman") else h.text)
    label = _one_line(h.label)
    if h.kind == "part" and label and text:
        return f"{label}. {text}"
    return " ".join(part for part in (label, text) if part)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def recipient_lines(recipients: Sequence[str]) -> list[str]:
    """Recipients as printed: "- …;" each, the last "- ….".

    >>> recipient_lines(["Bộ Tư lệnh Quân khu 5;", "  ", "Lưu: VT, BCH"])
    ['- Bộ Tư lệnh Quân khu 5;', '- Lưu: VT, BCH.']
    """
    bare = [r.strip().rstrip(";.").rstrip() for r in recipients]
    bare = [r for r in bare if r]
    return [f"- {r}{'.' if i == len(bare) - 1 else ';'}" for i, r in enumerate(bare)]


# --- the two dialects ------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_\[\]<])")
_MD_LINE_START = re.compile(r"^(\s*)(#|>|\+|-|=|~|\|)", re.MULTILINE)
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def _md_escape(text: str) -> str:
    """Text that Markdown prints as typed: inline markers and line-start markers escaped.

    >>> _md_escape("1. a*b_c [x]")
    '1\\\\. a\\\\*b\\\\_c \\\\[x\\\\]'
    """
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(r"\1\\\2", text)
    return _MD_ORDERED.sub(r"\1\\\2", text)


class _Dialect:
    def __init__(self, escape: Callable[[str], str], bold: str, italic: str, hard_break: str,
                 title: Callable[[str], str], heading: Callable[[Heading, str], str],
                 table: Callable[[Table], str], image: Callable[[str], str], recipients_label: str,
                 recipient: Callable[[str], str]):
        self.escape, self.bold, self.italic, self.hard_break = escape, bold, italic, hard_break
        self.title, self.heading, self.table, self.image = title, heading, table, image
        self.recipients_label, self.recipient = recipients_label, recipient

    def strong(self, text: str) -> str:
        text = text.strip()
        return f"{self.bold}{self.escape(text)}{self.bold}" if text else ""

    def em(self, text: str) -> str:
        text = text.strip()
        return f"{self.italic}{self.escape(text)}{self.italic}" if text else ""

    def lines(self, items: Sequence[str]) -> str:
        """Lines kept apart inside one paragraph."""
        return self.hard_break.join(item for item in items if item)


def _md_inline(text: str) -> str:
    return _MD_INLINE.sub(r"\\\1", text)


def _caption(caption: str) -> str:
    """ "Hình: …" unless the caption already names itself a figure ("Hình 1. …")."""
    caption = _one_line(caption)
    return caption if caption.lower().startswith("hình") else f"Hình: {caption}"


def _md_heading(h: Heading, line: str) -> str:
    level = _HEADING_LEVELS.get(h.kind)
    return f"{level} {_md_inline(line)}" if level else _md_escape(line)


def _cells(block: Table) -> tuple[list[str], list[list[str]]]:
    """Header and rows padded to one width, each cell on one line."""
    count = max([len(block.header)] + [len(r) for r in block.rows])

    def pad(row: Sequence[str]) -> list[str]:
        return [_one_line(v) for v in row] + [""] * (count - len(row))

    return pad(block.header), [pad(r) for r in block.rows]


def _md_table(block: Table) -> str:
    header, rows = _cells(block)
    if not header:
        return ""

    def row(values: Sequence[str]) -> str:
        return "| " + " | ".join(_md_inline(v).replace("|", "\\|") for v in values) + " |"

    # GFM needs a header row; a table without one gets an empty header.
    return "\n".join([row(header), "|" + "---|" * len(header)] + [row(r) for r in rows])


def _plain_table(block: Table) -> str:
    header, rows = _cells(block)
    lines = ([header] if block.header else []) + rows
    return "\n".join("\t".join(row).rstrip() for row in lines)


_MARKDOWN = _Dialect(
    escape=_md_escape, bold="**", italic="*", hard_break="\\\n",
    title=lambda text: f"# {_md_inline(text)}", heading=_md_heading, table=_md_table,
    image=lambda caption: f"*{_md_escape(_caption(caption))}*" if caption.strip() else "",
    recipients_label="***Nơi nhận:***", recipient=lambda line: "- " + _md_escape(line[2:]),
)
_PLAIN = _Dialect(
    escape=lambda text: text, bold="", italic="", hard_break="\n",
    title=lambda text: text, heading=lambda h, line: line,
    table=_plain_table,
    image=lambda caption: f"[{_caption(caption)}]" if caption.strip() else "",
    recipients_label="Nơi nhận:", recipient=lambda line: line,
)


# --- assembly -------------------------------------------------------------------------


def _write(draft: Draft, d: _Dialect) -> str:
    parts: list[str] = []
    if draft.masthead is not None:
        parts += _opening(draft.masthead, d)
    parts += [_block(block, d) for block in draft.blocks]
    if draft.masthead is not None:
        parts += _closing(draft.masthead, d)
    text = "\n\n".join(part.strip("\n") for part in parts if part.strip())
    return text.rstrip() + "\n"


def _opening(m: Masthead, d: _Dialect) -> list[str]:
    """The header table read left column first, as a screen reader reads the .docx: the agency and
    the number, then the Quốc hiệu and Tiêu ngữ with the place and date; then the title."""
    agency = d.lines([d.escape(m.parent_agency.upper().strip()), d.strong(m.issuing_agency.upper()),
                      d.escape(m.number.strip())])
    nation = d.lines([d.strong(QUOC_HIEU), d.strong(TIEU_NGU)])
    title = d.lines([d.strong(m.doc_type.upper()), d.strong(m.summary)])
    return [agency, nation, d.em(m.place_date), title]


def _closing(m: Masthead, d: _Dialect) -> list[str]:
    signature = d.lines([d.strong(line.upper()) for line in m.signature.lines] + [d.strong(m.signature.signer)])
    recipients = recipient_lines(m.recipients)
    listing = "\n".join([d.recipients_label] + [d.recipient(r) for r in recipients]) if recipients else ""
    return [signature, listing]


def _block(block: Block, d: _Dialect) -> str:
    if isinstance(block, Paragraph):
        return d.escape(block.text.strip())
    if isinstance(block, Heading):
        return d.heading(block, heading_line(block))
    if isinstance(block, Title):
        text = _one_line(block.text)
        return d.title(text) if text else ""
    if isinstance(block, Byline):
        return d.em(_one_line(block.text))
    if isinstance(block, Table):
        return d.table(block)
    if isinstance(block, Image | Chart):  # text shows a picture by its caption; nothing to draw
        return d.image(block.caption)
    raise TypeError(f"not a body block: {block!r}")
