"""The draft as plain data: what the wording stage hands to a layout writer.

A draft is a :class:`Masthead` (everything Decree 30 puts around the body:
agencies, number, place and date, the closing block) and a list of body
blocks. Layout writers (Decree 30 .docx, news .docx, Markdown, text) read
these objects and know nothing of templates or input files.

>>> Heading("arabic", "1.", "Công tác lãnh đạo, chỉ đạo").display
'1. Công tác lãnh đạo, chỉ đạo'
>>> Heading("part", "Phần I", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ").display
'Phần I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ'

Generated prose also says where each statement comes from: a :class:`Paragraph` may carry its
:class:`Sentence` objects, each made of :class:`Span` pieces, and a span that states a figure or
quotes the user carries its :class:`Source`. Layout writers print ``Paragraph.text``; a review copy
(Word comments) and ``drafter explain`` read the sentences.

>>> delivered = Source("recruitment.delivered", "3350")
>>> s = Sentence((Span("Đã giao "), Span("3.350", delivered), Span(" công dân.")), "recruitment.army")
>>> s.text, [span.source.path for span in s.spans if span.source]
('Đã giao 3.350 công dân.', ['recruitment.delivered'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

# Speed: a frozen data class's own ``__init__`` sets each field through ``object.__setattr__``,
# a slow call; a report makes some 500 spans, sources, sentences, slots and messages, and the
# calls cost more than anything else the plan does. The classes made that often set their fields
# at once instead (``init=False`` and an ``__init__`` of the same signature: equality, hashing,
# ``repr``, ``replace`` and freezing are the data class's; ``tests/test_same_answers.py`` holds
# each signature to the one ``dataclass`` would write).
_set = object.__setattr__

#: Heading kinds, from the outermost: "Phần I", "I.", "1.", "a)".
HeadingKind = Literal["part", "roman", "arabic", "letter"]
HEADING_KINDS: tuple[str, ...] = ("part", "roman", "arabic", "letter")


@dataclass(frozen=True, init=False)
class Heading:
    """A numbered heading; ``label`` is the number as printed ("Phần I", "I.", "1.", "a)")."""

    kind: HeadingKind
    label: str
    text: str

    def __init__(self, kind: HeadingKind, label: str, text: str):
        _set(self, "__dict__", {"kind": kind, "label": label, "text": text})

    @property
    def display(self) -> str:
        if self.kind == "part":
            return f"{self.label}. {self.text}"
        return f"{self.label} {self.text}"


@dataclass(frozen=True, init=False)
class Source:
    """What a piece of a draft rests on: an input field, or a value derived from input fields.

    ``path`` names the field as the input model spells it ("recruitment.delivered",
    "awards[0].individuals", "conference.conclusion[2]") or, for a derived value, the rule
    ("recruitment_rate"); ``value`` is the value as the input gave it, or for a derived value
    the computation in words ("3.350 / 3.350 = 100%"); ``inputs`` are the field paths a derived
    value is computed from. ``units`` names the units a roll-up figure sums over. Where a path
    sits in the user's file (line, cell) is looked up from the input's positions, not stored here.
    """

    path: str
    value: str = ""
    kind: Literal["figure", "derived", "text"] = "figure"
    inputs: tuple[str, ...] = ()
    units: tuple[str, ...] = ()

    def __init__(self, path: str, value: str = "", kind: Literal["figure", "derived", "text"] = "figure",
                 inputs: tuple[str, ...] = (), units: tuple[str, ...] = ()):
        _set(self, "__dict__", {"path": path, "value": value, "kind": kind, "inputs": inputs, "units": units})


@dataclass(frozen=True, init=False)
class Span:
    """A piece of a sentence: its text and, for a figure or the user's own words, its source."""

    text: str
    source: Source | None = None

    def __init__(self, text: str, source: Source | None = None):
        _set(self, "__dict__", {"text": text, "source": source})


@dataclass(frozen=True, init=False)
class Sentence:
    """One sentence of generated prose, with what it states and where that comes from.

    ``message`` is the plan's name for what the sentence says ("recruitment.army"); ``frame``
    marks standard wording that names the event or the document and states no input (a reviewer
    confirms it rather than checks it); ``sources`` are all the sources the sentence rests on,
    those of its spans included.
    """

    spans: tuple[Span, ...]
    message: str = ""
    frame: bool = False
    sources: tuple[Source, ...] = ()
    #: The plan's topic the sentence belongs to ("recruitment", "conclusion").
    topic: str = ""
    #: Topics of clauses joined on after the first ("Xã duy trì …; phối hợp với Công an xã …": security).
    also: tuple[str, ...] = ()

    def __init__(self, spans: tuple[Span, ...], message: str = "", frame: bool = False,
                 sources: tuple[Source, ...] = (), topic: str = "", also: tuple[str, ...] = ()):
        _set(self, "__dict__", {"spans": spans, "message": message, "frame": frame, "sources": sources,
                                "topic": topic, "also": also})

    def of(self, topics) -> bool:
        """Whether the sentence says something of one of ``topics``."""
        return self.topic in topics or any(topic in topics for topic in self.also)

    @property
    def text(self) -> str:
        return "".join([span.text for span in self.spans])  # a list: join makes one of a generator first

    def all_sources(self) -> tuple[Source, ...]:
        """The sentence's sources, those of its spans first, each once."""
        found = [span.source for span in self.spans if span.source is not None] + list(self.sources)
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True, init=False)
class Paragraph:
    """A body paragraph of running text; ``sentences`` when the prose knows its sources.

    When ``sentences`` is given, ``text`` is their texts joined by single spaces.
    """

    text: str
    sentences: tuple[Sentence, ...] = ()

    def __init__(self, text: str, sentences: tuple[Sentence, ...] = ()):
        _set(self, "__dict__", {"text": text, "sentences": sentences})


@dataclass(frozen=True)
class Title:
    """A news headline: the first line of an article, bold."""

    text: str


@dataclass(frozen=True)
class Byline:
    """The news byline ("Tin, ảnh: …"), set apart at the end."""

    text: str


@dataclass(frozen=True)
class Table:
    """A simple grid; the first row is the header, repeated on each page."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: Relative column widths; equal when empty.
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class Image:
    """A picture (PNG bytes), full text width unless ``width_cm`` is given."""

    png: bytes
    caption: str = ""
    width_cm: float | None = None


@dataclass(frozen=True)
class Chart:
    """A bar chart the layout draws (:mod:`drafter.layout.chart`): ``bars`` are (label, percent,
    highlighted); the layout turns it into an :class:`Image` of the same caption."""

    bars: tuple[tuple[str, object, bool], ...]
    axis_label: str
    legend: tuple[str, str, str]
    caption: str = ""
    width_cm: float | None = 16.0


Block = Union[Heading, Paragraph, Title, Byline, Table, Image, Chart]


@dataclass(frozen=True)
class Signature:
    """The signature block of the closing table.

    ``lines`` are the authority and position, printed in capitals bold
    ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"); ``signer`` is the
    name printed under the space left for signing.
    """

    lines: tuple[str, ...]
    signer: str = ""


@dataclass(frozen=True)
class Masthead:
    """What Decree 30/2020/NĐ-CP puts around the body of an administrative text."""

    issuing_agency: str
    number: str  # "Số: 05/BC-UBND" or the draft form "Số:      /BC-UBND"
    place_date: str  # "Gia Lai, ngày 05 tháng 12 năm 2026"
    doc_type: str  # "BÁO CÁO"
    summary: str  # trích yếu
    parent_agency: str = ""
    signature: Signature = field(default_factory=lambda: Signature(lines=()))
    recipients: tuple[str, ...] = ()  # each printed as "- …;", the last "- Lưu: VT, …."


@dataclass(frozen=True)
class Draft:
    """A whole draft: the masthead (None for news) and the body blocks in order."""

    blocks: tuple[Block, ...]
    masthead: Masthead | None = None
    #: Plain metadata for the .docx core properties.
    title: str = ""
    author: str = ""
