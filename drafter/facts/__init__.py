"""Facts stage: what a draft may say, derived from a validated report.

Nothing here formats or words anything; it computes. Every derived number is
registered in :attr:`Facts.derived` under a documented name, so the fidelity
checker can prove that each figure in a draft comes from the input or from
one of these rules:

===================  ==========================================================
name                 rule
===================  ==========================================================
recruitment_rate     recruitment.delivered / recruitment.quota × 100
police_rate          recruitment.police_delivered / recruitment.police_quota × 100
recruit_party_share  recruitment.party_members / recruitment.delivered × 100
registered_share     recruitment.registered_age_17 / unit.population × 100
militia_share        militia.strength / unit.population × 100
militia_party_share  militia.party_members / militia.strength × 100
exercised_share      exercises.communes_exercised / exercises.communes_total × 100
remains_total        remains.abroad + remains.domestic
education_total      defence_education.group_1 + … + group_4
award_collectives    sum of awards[].collectives
award_individuals    sum of awards[].individuals
change_<name>        current − previous, and (current − previous) / previous × 100
===================  ==========================================================

Rates are rounded to two decimals, the precision the drafts print.

>>> from drafter.inputs.model import Report
>>> report = Report.model_validate({
...     "unit": {"name": "Gia Lai", "kind": "tỉnh", "population": 3583693},
...     "period": {"year": 2026},
...     "document": {"date": "2026-12-05", "signer": {"name": "Trần Văn Bình", "position": "Chủ tịch"}},
...     "recruitment": {"quota": 2850, "delivered": 2850, "registered_age_17": 31890},
...     "previous": {"recruits_delivered": 2780},
... })
>>> facts = build_facts(report)
>>> facts.unit.full, facts.unit.command, facts.period.next_name
('tỉnh Gia Lai', 'Bộ CHQS tỉnh', 'năm 2027')
>>> facts.derived["recruitment_rate"], facts.derived["registered_share"]
(Decimal('100'), Decimal('0.89'))
>>> facts.changes["recruits_delivered"].direction, facts.changes["recruits_delivered"].percent
('up', Decimal('2.52'))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from drafter.inputs.model import Report

TWO_PLACES = Decimal("0.01")


def rate(part: int | None, whole: int | None) -> Decimal | None:
    """``part / whole × 100`` rounded to two places, or None when either is missing.

    >>> rate(14605, 1641000), rate(3, 0), rate(None, 5)
    (Decimal('0.89'), None, None)
    """
    if part is None or not whole:
        return None
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(TWO_PLACES, ROUND_HALF_UP)
    # trailing zeros carry no meaning here ("12,5%", "100%"), and normalize()
    # alone would turn 100 into 1E+2
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


@dataclass(frozen=True)
class UnitWords:
    """How a unit and its bodies are named at its level."""

    name: str
    kind: str
    level: str
    full: str  # "tỉnh Gia Lai"
    level_word: str  # "tỉnh", "xã", "huyện": the word after a body's name
    province: str
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


@dataclass(frozen=True)
class Change:
    """A figure against the previous period."""

    current: int
    previous: int
    difference: int
    percent: Decimal | None  # None when the previous figure is 0
    direction: str  # "up", "down", "same"


@dataclass(frozen=True)
class Facts:
    report: Report
    unit: UnitWords
    period: PeriodWords
    derived: dict[str, Decimal | int] = field(default_factory=dict)
    changes: dict[str, Change] = field(default_factory=dict)
    #: The body that issues the report ("Ủy ban nhân dân tỉnh Gia Lai"), its parent and symbol code.
    issuing_agency: str = ""
    parent_agency: str = ""
    issuer_code: str = ""
    signature_lines: tuple[str, ...] = ()
    signer_display: str = ""
    recipients: tuple[str, ...] = ()
    place: str = ""


_PARTY_BY_KIND = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "huyện": "Huyện ủy", "quận": "Quận ủy", "thị xã": "Thị ủy"}
_SPECIAL_COMMANDS = {"Hà Nội": ("Bộ Tư lệnh Thủ đô", "Bộ Tư lệnh Thủ đô Hà Nội"),
                     "Hồ Chí Minh": ("Bộ Tư lệnh Thành phố", "Bộ Tư lệnh Thành phố Hồ Chí Minh")}


def unit_words(report: Report) -> UnitWords:
    unit = report.unit
    kind, name, level = unit.kind, unit.name, unit.level
    if level == "commune":
        party = f"Đảng ủy {kind}"
        command_body, command_full_body = "Ban CHQS", "Ban Chỉ huy Quân sự"
    elif level == "district":
        party = _PARTY_BY_KIND.get(kind, "Huyện ủy")
        command_body, command_full_body = "Ban CHQS", "Ban Chỉ huy Quân sự"
    else:
        party = _PARTY_BY_KIND.get(kind, "Tỉnh ủy")
        command_body, command_full_body = "Bộ CHQS", "Bộ Chỉ huy Quân sự"
    command, command_full = f"{command_body} {kind}", f"{command_full_body} {kind} {name}"
    if level == "province" and name in _SPECIAL_COMMANDS:
        command, command_full = _SPECIAL_COMMANDS[name]
    return UnitWords(
        name=name,
        kind=kind,
        level=level,
        full=f"{kind} {name}",
        level_word=kind,
        province=unit.province or (name if level == "province" else ""),
        party=party,
        council=f"HĐND {kind}",
        committee=f"UBND {kind}",
        committee_full=f"Ủy ban nhân dân {kind} {name}",
        command=command,
        command_full=command_full,
        military_region=unit.military_region or "",
        communes="xã, phường, thị trấn" if report.period.year < 2025 else "xã, phường",
    )


def period_words(report: Report) -> PeriodWords:
    year, span = report.period.year, report.period.span
    if span == "half-year":
        return PeriodWords(year, span, True, f"6 tháng đầu năm {year}", f"Trong 6 tháng đầu năm {year}",
                           f"Trong 6 tháng cuối năm {year}", f"6 tháng cuối năm {year}",
                           "sơ kết", f"so với cùng kỳ năm {year - 1}", f"cùng kỳ năm {year - 1}", year)
    return PeriodWords(year, span, False, f"năm {year}", f"Năm {year}", f"Năm {year + 1}", f"năm {year + 1}",
                       "tổng kết", f"so với năm {year - 1}", f"năm {year - 1}", year + 1)


def _derived(report: Report) -> dict[str, Decimal | int]:
    values: dict[str, Decimal | int | None] = {}
    r, unit = report.recruitment, report.unit
    if r:
        values["recruitment_rate"] = rate(r.delivered, r.quota)
        values["police_rate"] = rate(r.police_delivered, r.police_quota)
        values["recruit_party_share"] = rate(r.party_members, r.delivered)
        values["registered_share"] = rate(r.registered_age_17, unit.population)
    if report.militia:
        values["militia_share"] = rate(report.militia.strength, unit.population)
        values["militia_party_share"] = rate(report.militia.party_members, report.militia.strength)
    if report.exercises:
        values["exercised_share"] = rate(report.exercises.communes_exercised, report.exercises.communes_total)
    if report.remains and report.remains.abroad is not None and report.remains.domestic is not None:
        values["remains_total"] = _remains_total(report)
    if report.defence_education:
        groups = [getattr(report.defence_education, f"group_{n}") for n in range(1, 5)]
        if sum(g is not None for g in groups) > 1:
            values["education_total"] = sum(g for g in groups if g is not None)
    if report.awards:
        values["award_collectives"] = sum(a.collectives for a in report.awards)
        values["award_individuals"] = sum(a.individuals for a in report.awards)
    return {name: value for name, value in values.items() if value is not None}


def _remains_total(report: Report) -> int | None:
    remains = report.remains
    if not remains or (remains.abroad is None and remains.domestic is None):
        return None
    return (remains.abroad or 0) + (remains.domestic or 0)


def change(current: int | None, previous: int | None) -> Change | None:
    """The change from ``previous`` to ``current``, or None without both figures.

    >>> change(45, 40).percent, change(37, 40).direction, change(5, 0).percent
    (Decimal('12.5'), 'down', None)
    """
    if current is None or previous is None:
        return None
    difference = current - previous
    direction = "up" if difference > 0 else "down" if difference < 0 else "same"
    return Change(current, previous, difference, rate(abs(difference), previous), direction)


def _changes(report: Report) -> dict[str, Change]:
    previous = report.previous
    if not previous:
        return {}
    r = report.recruitment
    pairs = {
        "recruits_delivered": (r and r.delivered, previous.recruits_delivered),
        "registered_age_17": (r and r.registered_age_17, previous.registered_age_17),
        "militia_strength": (report.militia and report.militia.strength, previous.militia_strength),
        "reserve_called": (report.reserve and report.reserve.called_for_training, previous.reserve_called),
        "criminal_cases": (report.security and report.security.criminal_cases, previous.criminal_cases),
        "remains": (_remains_total(report), previous.remains),
        "welfare_amount": (report.welfare and report.welfare.amount, previous.welfare_amount),
    }
    found = {name: change(now, before) for name, (now, before) in pairs.items()}
    return {name: value for name, value in found.items() if value is not None}


def _agencies(report: Report, unit: UnitWords) -> tuple[str, str, str]:
    doc = report.document
    if doc.issuer == "ubnd":
        issuing, parent, code = unit.committee_full, "", "UBND"
    elif unit.level == "province":
        issuing, parent, code = unit.command_full, unit.military_region, "BCH"
    else:
        issuing = unit.command_full
        parent = f"Bộ CHQS tỉnh {unit.province}" if unit.province else ""
        code = "BCHQS"
    return doc.issuing_agency or issuing, doc.parent_agency or parent, doc.issuer_code or code


def _signature(report: Report) -> tuple[tuple[str, ...], str]:
    doc = report.document
    signer = doc.signer
    position = signer.position.upper()
    if signer.authority is not None:
        authority = [line.upper() for line in signer.authority]
    elif doc.issuer == "ubnd":
        authority = ["TM. ỦY BAN NHÂN DÂN"]
        if signer.position.lower() != "chủ tịch":
            authority.append("KT. CHỦ TỊCH")
    else:
        authority = [] if signer.position.lower() == "chỉ huy trưởng" else ["KT. CHỈ HUY TRƯỞNG"]
    name = f"{signer.rank} {signer.name}" if signer.rank else signer.name
    return tuple(authority) + (position,), name


def _recipients(report: Report, unit: UnitWords) -> tuple[str, ...]:
    doc = report.document
    listed = list(doc.recipients)
    if not listed:
        if unit.military_region:
            listed.append(f"Bộ Tư lệnh {unit.military_region}")
        if unit.level == "commune" and unit.province:
            listed.append(f"Bộ CHQS tỉnh {unit.province}")
        listed += [f"Thường trực {unit.party}", f"Thường trực {unit.council}"]
        listed.append(unit.command if doc.issuer == "ubnd" else f"{unit.committee}")
    return tuple(listed) + (f"Lưu: {doc.archive}",)


def build_facts(report: Report) -> Facts:
    """Everything the wording stage may use, computed once."""
    unit = unit_words(report)
    issuing, parent, code = _agencies(report, unit)
    lines, signer = _signature(report)
    return Facts(
        report=report,
        unit=unit,
        period=period_words(report),
        derived=_derived(report),
        changes=_changes(report),
        issuing_agency=issuing,
        parent_agency=parent,
        issuer_code=code,
        signature_lines=lines,
        signer_display=signer,
        recipients=_recipients(report, unit),
        # Decree 30: the place is where the issuing body sits, so a commune's own name at commune level
        place=report.document.place or (unit.name if unit.level == "commune" else unit.province or unit.name),
    )
