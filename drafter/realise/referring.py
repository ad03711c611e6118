"""Referring expressions: how a person or a term is named the first time and after.

People: the first mention gives rank (or "đồng chí") and name, then all titles; later mentions
are shorter — an officer keeps his rank ("Thiếu tướng Lê Minh Đạt"), a civilian is named by the
short title ("Phó Chủ tịch UBND tỉnh Phạm Quang Hiếu"). Terms: an abbreviation used more than
once is introduced in full at its first use ("quốc phòng, quân sự địa phương (QP-QSĐP)") and
used alone after; used once, it is written in full.

>>> from drafter.inputs.model import Person
>>> mentions = Mentions()
>>> officer = Person(rank="Đại tá", name="Võ Thanh Tâm", titles=["Chỉ huy trưởng Bộ CHQS tỉnh"])
>>> mentions.name(officer), mentions.name(officer)
('Đại tá Võ Thanh Tâm, Chỉ huy trưởng Bộ CHQS tỉnh', 'Đại tá Võ Thanh Tâm')
>>> civilian = Person(name="Phạm Quang Hiếu", titles=["Phó Bí thư Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"])
>>> mentions.name(civilian), mentions.name(civilian)
('đồng chí Phạm Quang Hiếu, Phó Bí thư Tỉnh ủy, Phó Chủ tịch UBND tỉnh', 'Phó Chủ tịch UBND tỉnh Phạm Quang Hiếu')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from drafter.inputs.model import Person
from drafter.realise.surface import tidy


@dataclass
class Mentions:
    """Who has been named so far in one document."""

    seen: set[str] = field(default_factory=set)
    #: Whether a unit named once is named by its level word after ("tỉnh" for "tỉnh Gia Lai").
    shorten_unit: bool = False
    #: Whether a period named once is named without its year after ("6 tháng cuối năm").
    shorten_period: bool = False
    #: Whether what is said stands apart from the text (a headline, a trích yếu): in full, and not
    #: counted as a mention, so the text names the period in full once too.
    apart: bool = False

    def unit(self, full: str, level_word: str) -> str:
        """The unit in full the first time; its level word after, when the bank says so.

        >>> m = Mentions(shorten_unit=True)
        >>> m.unit("tỉnh Gia Lai", "tỉnh"), m.unit("tỉnh Gia Lai", "tỉnh")
        ('tỉnh Gia Lai', 'tỉnh')
        """
        return full if self._first("unit:" + full) or not self.shorten_unit or not level_word else level_word

    def period(self, full: str, short: str, key: str) -> str:
        """A period (or the comparison with the last) in full the first time, shorter after.

        >>> m = Mentions(shorten_period=True)
        >>> m.period("6 tháng cuối năm 2026", "6 tháng cuối năm", "next"), m.period(
        ...     "Trong 6 tháng cuối năm 2026", "Trong 6 tháng cuối năm", "next")
        ('6 tháng cuối năm 2026', 'Trong 6 tháng cuối năm')
        """
        if self.apart:
            return full
        return full if self._first("period:" + key) or not self.shorten_period else short

    def _first(self, key: str) -> bool:
        """Whether ``key`` is mentioned for the first time; it is mentioned from now on."""
        first = key not in self.seen
        self.seen.add(key)
        return first

    def said_unit(self, full: str) -> bool:
        """Whether the unit has been named already (a later mention may leave it out)."""
        return "unit:" + full in self.seen

    def named(self, text: str, full: str, place: str = "", also: str = "") -> str:
        """Text that may name the unit on its way ("UBND tỉnh Gia Lai"): the unit counts as named (in
        ``full`` or ``also``, its name in full: "Bộ Chỉ huy Quân sự tỉnh Gia Lai" for "Bộ CHQS tỉnh
        Gia Lai"), and so does the place when the unit is its command.

        >>> m = Mentions(shorten_unit=True)
        >>> m.named("UBND tỉnh Gia Lai", "tỉnh Gia Lai"), m.unit("tỉnh Gia Lai", "tỉnh")
        ('UBND tỉnh Gia Lai', 'tỉnh')
        >>> _ = m.named("Đảng ủy - Bộ Chỉ huy Quân sự tỉnh Nghệ An", "Bộ CHQS tỉnh Nghệ An", "tỉnh Nghệ An",
        ...             "Bộ Chỉ huy Quân sự tỉnh Nghệ An")
        >>> m.unit("Bộ CHQS tỉnh Nghệ An", "Bộ CHQS tỉnh"), m.unit("tỉnh Nghệ An", "tỉnh")
        ('Bộ CHQS tỉnh', 'tỉnh')
        """
        folded = text.casefold()
        if full and (full.casefold() in folded or also and also.casefold() in folded):
            self.seen.add("unit:" + full)
        if place and place.casefold() in folded:
            self.seen.add("unit:" + place)
        return text

    def name(self, person: Person) -> str:
        return tidy(full(person) if self._first(" ".join(person.name.split()).casefold()) else short(person))


def full(person: Person) -> str:
    """The first mention: rank or "đồng chí", name, then every title."""
    head = f"{person.rank} {person.name}" if person.rank else f"đồng chí {person.name}"
    return head + (", " + ", ".join(person.titles) if person.titles else "")


#: A Party committee's secretary is named by that post at later mentions, as the press names the
#: first post of the Party ("Bí thư Đảng ủy xã Hoàng Thị Ái Loan", not "Chủ tịch HĐND xã …"); anyone
#: else by the post in the people's committee, the government's side of the meeting's business
#: ("Chủ tịch UBND phường Nguyễn Văn Đẹp", not "Chủ tịch Hội đồng nghĩa vụ quân sự phường …"), or
#: without one by the last title ("Phó Chủ tịch HĐND tỉnh …").
SECRETARY = "Bí thư "
COMMITTEE = ("UBND", "Ủy ban nhân dân")


def short(person: Person) -> str:
    """A later mention: rank and name for an officer, short title and name for a civilian.

    >>> short(Person(name="Nguyễn Văn Đẹp", titles=["Phó Bí thư Đảng ủy phường", "Chủ tịch UBND phường",
    ...                                             "Chủ tịch Hội đồng nghĩa vụ quân sự phường"]))
    'Chủ tịch UBND phường Nguyễn Văn Đẹp'
    """
    if person.rank:
        return f"{person.rank} {person.name}"
    titles = person.titles
    title = person.short_title or next((t for t in titles if t.startswith(SECRETARY)), None) or next(
        (t for t in titles if any(word in t for word in COMMITTEE)), None) or (titles[-1] if titles else "")
    return f"{title} {person.name}" if title else f"đồng chí {person.name}"


def resolve_terms(uses: list[str], terms: dict[str, str], abbreviate: bool,
                  bracketed: Sequence[bool] = ()) -> list[str]:
    """The written form of each use of a term, in document order.

    A use that a bracket follows does not introduce the abbreviation: "dân quân tự vệ (DQTV)
    (gồm …)" is two brackets in a row; the next use introduces it.

    >>> resolve_terms(["QP", "QP", "X"], {"QP": "quốc phòng", "X": "xa"}, True)
    ['quốc phòng (QP)', 'QP', 'xa']
    >>> resolve_terms(["QP", "QP"], {"QP": "quốc phòng"}, False)
    ['quốc phòng', 'quốc phòng']
    >>> resolve_terms(["QP", "QP", "QP"], {"QP": "quốc phòng"}, True, [True, False, False])
    ['quốc phòng', 'quốc phòng (QP)', 'QP']
    """
    bracketed = list(bracketed) or [False] * len(uses)
    left: dict[str, int] = {}
    for abbreviation in uses:
        left[abbreviation] = left.get(abbreviation, 0) + 1
    said: set[str] = set()
    forms = []
    for abbreviation, before_bracket in zip(uses, bracketed):
        left[abbreviation] -= 1
        spelled = terms[abbreviation]
        if not abbreviate:
            forms.append(spelled)
        elif abbreviation in said:
            forms.append(abbreviation)
        elif before_bracket or not left[abbreviation]:
            forms.append(spelled)
        else:
            forms.append(f"{spelled} ({abbreviation})")
            said.add(abbreviation)
    return forms


def write_terms(sentences: Iterable[list], terms: dict[str, str], abbreviate: bool,
                instead: Mapping[str, str] | None = None) -> None:
    """Each term of the sentences (lists of pieces, in document order) written in its form, in place.

    ``instead`` maps a term to the one this document says in its place, always in full: a
    commune's "DQTV" is its "DQ", "dân quân" (:func:`drafter.plan.scope.own_terms`).
    """
    uses, bracketed = [], []
    for pieces in sentences:
        for index, piece in enumerate(pieces):
            if piece.term is not None:
                if instead and piece.term in instead:
                    piece.text, piece.term = terms[instead[piece.term]], None
                    continue
                uses.append(piece)
                bracketed.append("".join(p.text for p in pieces[index + 1:index + 3]).lstrip().startswith("("))
    for piece, form in zip(uses, resolve_terms([p.term for p in uses], terms, abbreviate, bracketed)):
        piece.text, piece.term = form, None
