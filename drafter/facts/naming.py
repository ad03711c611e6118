"""How a unit, its bodies and its period are named, at each level and on each map.

The bodies are named here once, for the report, the news article and the roll-up alike
(:mod:`drafter.facts.issuer` builds the header, the signature and the recipients from them):

>>> from drafter.inputs.era import era_of
>>> provincial_command("Gia Lai", era_of(2026)).full, provincial_command("Đà Nẵng", era_of(2026)).named
('Bộ Chỉ huy Quân sự tỉnh Gia Lai', 'Bộ CHQS thành phố Đà Nẵng')
>>> provincial_command("Hà Nội", era_of(2026)).full, provincial_command("Hồ Chí Minh", era_of(2022)).head
('Bộ Tư lệnh Thủ đô Hà Nội', 'Tư lệnh')
>>> province_words("Huế", era_of(2026)), province_words("Thừa Thiên Huế", era_of(2022))
('thành phố Huế', 'tỉnh Thừa Thiên Huế')
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.inputs.era import Era, era_for
from drafter.inputs.model import Report, period_bounds
from drafter.inputs.reference import (
    military_region,
    name_key,
    province_kind,
    province_name,
)


@dataclass(frozen=True)
class Body:
    """An issuing body: its names, its symbol code, its head and the lines above its head's title."""

    full: str  # as the header prints it: "Bộ Chỉ huy Quân sự tỉnh Gia Lai"
    named: str  # in running text and recipients, with its unit: "Bộ CHQS tỉnh Gia Lai"
    short: str  # inside its own unit's documents: "Bộ CHQS tỉnh"
    code: str  # after "BC-" in the symbol: "BCH"
    head: str  # "Chỉ huy trưởng", "Tư lệnh", "Chủ tịch"
    lead: tuple[str, ...] = ()  # lines always above the position: ("TM. ỦY BAN NHÂN DÂN",)


#: The two military bodies that are not a "Bộ CHQS" (DOMAIN.md section 9).
CAPITAL_COMMANDS = {
    "Hà Nội": Body("Bộ Tư lệnh Thủ đô Hà Nội", "Bộ Tư lệnh Thủ đô Hà Nội", "Bộ Tư lệnh Thủ đô", "BTL", "Tư lệnh"),
    "Hồ Chí Minh": Body("Bộ Tư lệnh Thành phố Hồ Chí Minh", "Bộ Tư lệnh Thành phố Hồ Chí Minh",
                        "Bộ Tư lệnh Thành phố", "BTL", "Tư lệnh"),
}
#: Hà Nội's command is directly under the Ministry; every other province is in a military region.
MINISTRY = Body("Bộ Quốc phòng", "Bộ Quốc phòng", "Bộ Quốc phòng", "BQP", "Bộ trưởng")
CAPITAL = "Hà Nội"
_CAPITAL_KEYS = {name_key(name): name for name in CAPITAL_COMMANDS}


def capital_of(province: str | None) -> str | None:
    """"Hà Nội" or "Hồ Chí Minh" when the province is one of the two, else None."""
    return _CAPITAL_KEYS.get(name_key(province or ""))


def committee(kind: str, name: str) -> Body:
    return Body(f"Ủy ban nhân dân {kind} {name}", f"UBND {kind} {name}", f"UBND {kind}", "UBND", "Chủ tịch",
                ("TM. ỦY BAN NHÂN DÂN",))


def provincial_command(province: str, era: Era) -> Body:
    """The province's military command: a Bộ CHQS, or one of the two capital commands."""
    capital = capital_of(province)
    if capital:
        return CAPITAL_COMMANDS[capital]
    name = province_name(province, era)
    kind = province_kind(name, era)
    return Body(f"Bộ Chỉ huy Quân sự {kind} {name}", f"Bộ CHQS {kind} {name}", f"Bộ CHQS {kind}", "BCH",
                "Chỉ huy trưởng")


def local_command(kind: str, name: str) -> Body:
    """A commune's (or an old district's) Ban CHQS."""
    return Body(f"Ban Chỉ huy Quân sự {kind} {name}", f"Ban CHQS {kind} {name}", f"Ban CHQS {kind}", "BCHQS",
                "Chỉ huy trưởng")


def area_command(name: str) -> Body:
    """A defence-area command: “Ban Chỉ huy Phòng thủ khu vực 4 - Vĩnh Yên”."""
    full = f"Ban Chỉ huy Phòng thủ khu vực {name}"
    return Body(full, full, "Ban Chỉ huy Phòng thủ khu vực", "BCH", "Chỉ huy trưởng")


def region_command(region: str) -> Body:
    """“Quân khu 5” -> the Bộ Tư lệnh Quân khu 5, the body its provinces report to."""
    full = f"Bộ Tư lệnh {region}"
    return Body(full, full, "Bộ Tư lệnh Quân khu", "BTL", "Tư lệnh")


#: The abbreviations a body's name is written with, either way round.
_ABBREVIATED = (("Bộ CHQS", "Bộ Chỉ huy Quân sự"), ("Ban CHQS", "Ban Chỉ huy Quân sự"), ("UBND", "Ủy ban nhân dân"))


def own_title(position: str, body: Body | None) -> str:
    """A signer's position without the name of his own body after it, as the signature block writes it
    under the body's name in the header.

    "Chỉ huy trưởng Bộ CHQS tỉnh", typed by the head, signed "KT. CHỈ HUY TRƯỞNG / CHỈ HUY TRƯỞNG BỘ
    CHQS TỈNH": the head on behalf of himself (a new-user trial). Any way the body is named counts:
    in full, with its unit, by its abbreviation.

    >>> from drafter.inputs.era import era_of
    >>> body = provincial_command("Nam Định", era_of(2023))
    >>> own_title("Chỉ huy trưởng Bộ CHQS tỉnh", body), own_title("Phó Chỉ huy trưởng, Bộ Chỉ huy quân sự tỉnh Nam Định", body)
    ('Chỉ huy trưởng', 'Phó Chỉ huy trưởng')
    >>> own_title("Chủ tịch UBND tỉnh", body), own_title("Chỉ huy trưởng", None)
    ('Chủ tịch UBND tỉnh', 'Chỉ huy trưởng')
    """
    words = position.split()
    if body is None:
        return " ".join(words)
    names = {body.full, body.named, body.short}
    for short, full in _ABBREVIATED:
        names |= {name.replace(short, full) for name in names} | {name.replace(full, short) for name in names}
    for name in sorted(names, key=len, reverse=True):  # the longest first: "Bộ CHQS tỉnh Nam Định", not "… tỉnh"
        tail = name.split()
        if len(words) > len(tail) and [name_key(w) for w in words[-len(tail):]] == [name_key(w) for w in tail]:
            return " ".join(words[:-len(tail)]).rstrip(" ,-–")
    return " ".join(words)


def region_of(province: str, era: Era, given: str | None = None) -> str | None:
    """The province's military region: the one the user gave, else the map's; None for Hà Nội.

    A value that names the capital command ("Thủ đô Hà Nội", as older starters wrote) is no region.
    """
    if capital_of(province) == CAPITAL:
        return None
    given = " ".join((given or "").split())
    if given and "thủ đô" not in given.casefold():
        return given.removeprefix("Bộ Tư lệnh ").strip()
    return military_region(province, era)


def province_words(name: str, era: Era) -> str:
    """A province by its kind: "tỉnh Gia Lai", "thành phố Đà Nẵng"."""
    name = province_name(name, era)
    return f"{province_kind(name, era)} {name}"


# ---------------------------------------------------------------- unit and period


@dataclass(frozen=True)
class UnitWords:
    """How a unit and its bodies are named at its level."""

    name: str
    kind: str
    level: str
    full: str  # "tỉnh Gia Lai"
    level_word: str  # "tỉnh", "xã", "huyện": the word after a body's name
    province: str
    province_full: str  # "tỉnh Gia Lai", "thành phố Đà Nẵng"
    party: str  # "Tỉnh ủy", "Đảng ủy xã"
    council: str  # "HĐND tỉnh"
    committee: str  # "UBND tỉnh"
    committee_full: str  # "Ủy ban nhân dân tỉnh Gia Lai"
    command: str  # "Bộ CHQS tỉnh"
    command_full: str  # "Bộ Chỉ huy Quân sự tỉnh Gia Lai"
    military_region: str
    communes: str  # the units one level down: "xã, phường", before 7/2025 "xã, phường, thị trấn"


@dataclass(frozen=True)
class PeriodWords:
    year: int
    span: str
    is_half: bool
    name: str  # "năm 2026", "6 tháng đầu năm 2026"
    opening: str  # how a sentence about the period begins: "Năm 2026", "Trong 6 tháng đầu năm 2026"
    next_opening: str  # "Năm 2027", "Trong 6 tháng cuối năm 2026"
    next_name: str  # "năm 2027", "6 tháng cuối năm 2026"
    review: str  # "tổng kết", "sơ kết"
    compared: str  # "so với năm 2025", "so với cùng kỳ năm 2025"
    previous_name: str  # "năm 2025", "cùng kỳ năm 2025"
    next_year: int
    current_map: bool = True  # on the map of 34 provinces (from 1 July 2025)
    communes: str = "xã, phường"  # the commune-level kinds of the period's map
    #: How an article names the next period and the comparison once it has named them in full: the
    #: year is said once ("6 tháng cuối năm", "so với cùng kỳ"; a year's comparison "so với năm
    #: trước"). Readers marked "so với cùng kỳ năm 2025" said five times in one article.
    next_short: str = ""
    next_opening_short: str = ""
    compared_short: str = ""

    @property
    def days(self) -> int:
        """The period's days, which a duty kept every day of it is counted out of ("365/365 ngày").

        >>> PeriodWords(2024, "year", False, *[""] * 7, 2025).days, PeriodWords(2026, "half-year", True, *[""] * 7, 2026).days
        (366, 181)
        """
        first, end = period_bounds(self.year, self.is_half)
        return (end - first).days


_PARTY_BY_KIND = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "huyện": "Huyện ủy", "quận": "Quận ủy", "thị xã": "Thị ủy"}


def unit_words(report: Report) -> UnitWords:
    unit, era = report.unit, era_for(report)
    kind, name, level = unit.kind, unit.name, unit.level
    province = province_name(unit.province or (name if level == "province" else ""), era)
    command: Body
    if level == "province":
        command = provincial_command(name, era)
        party = _PARTY_BY_KIND.get(kind, "Tỉnh ủy")
    elif level == "district":
        command, party = local_command(kind, name), _PARTY_BY_KIND.get(kind, "Huyện ủy")
    elif level == "area":
        command = area_command(name)
    else:
        command, party = local_command(kind, name), f"Đảng ủy {kind}"
    if level == "area":  # no people's committee or council of its own: those of its communes
        here = f"các {era.communes} trong khu vực"
        words = dict(full=f"khu vực {name}", party="Đảng ủy Ban Chỉ huy Phòng thủ khu vực", council=f"HĐND {here}",
                     committee=f"UBND {here}", committee_full=f"Ủy ban nhân dân {here}")
    else:
        words = dict(full=f"{kind} {name}", party=party, council=f"HĐND {kind}", committee=f"UBND {kind}",
                     committee_full=f"Ủy ban nhân dân {kind} {name}")
    return UnitWords(
        name=name,
        kind=kind,
        level=level,
        level_word=kind,
        province=province,
        province_full=province_words(province, era) if province else "",
        command=command.short,
        command_full=command.full,
        military_region=(region_of(province, era, unit.military_region) or "") if province else "",
        communes=era.communes,
        **words,
    )


def period_words(report: Report) -> PeriodWords:
    year, span = report.period.year, report.period.span
    era = era_for(report)
    if span == "half-year":
        return PeriodWords(year, span, True, f"6 tháng đầu năm {year}", f"Trong 6 tháng đầu năm {year}",
                           f"Trong 6 tháng cuối năm {year}", f"6 tháng cuối năm {year}",
                           "sơ kết", f"so với cùng kỳ năm {year - 1}", f"cùng kỳ năm {year - 1}", year,
                           era.current_map, era.communes, "6 tháng cuối năm", "Trong 6 tháng cuối năm",
                           "so với cùng kỳ")
    return PeriodWords(year, span, False, f"năm {year}", f"Năm {year}", f"Năm {year + 1}", f"năm {year + 1}",
                       "tổng kết", f"so với năm {year - 1}", f"năm {year - 1}", year + 1, era.current_map, era.communes,
                       f"năm {year + 1}", f"Năm {year + 1}", "so với năm trước")
