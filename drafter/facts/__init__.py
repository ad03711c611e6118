"""Facts stage: what a draft may say, derived from a validated report.

Nothing here formats or words anything; it computes. Figures, derived values and changes
come from one table, :mod:`drafter.facts.figures`, shared with the roll-up of many units, so
that the fidelity checker can prove each figure of a draft comes from the input or a rule.

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
from decimal import Decimal

from drafter.facts.figures import Change, Figures, figures_of
from drafter.inputs.model import Report

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
class Facts:
    report: Report
    unit: UnitWords
    period: PeriodWords
    #: The report's figures and what is derived from them (:mod:`drafter.facts.figures`).
    figures: Figures = field(default_factory=Figures)
    #: The body that issues the report ("Ủy ban nhân dân tỉnh Gia Lai"), its parent and symbol code.
    issuing_agency: str = ""
    parent_agency: str = ""
    issuer_code: str = ""
    signature_lines: tuple[str, ...] = ()
    signer_display: str = ""
    recipients: tuple[str, ...] = ()
    place: str = ""

    @property
    def derived(self) -> dict[str, Decimal | int]:
        """Derived values by name (rates, shares, totals); see :mod:`drafter.facts.figures`."""
        return self.figures.derived

    @property
    def changes(self) -> dict[str, Change]:
        """Changes against the previous period by name; see :mod:`drafter.facts.figures`."""
        return self.figures.changes


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
        figures=figures_of([report]),
        issuing_agency=issuing,
        parent_agency=parent,
        issuer_code=code,
        signature_lines=lines,
        signer_display=signer,
        recipients=_recipients(report, unit),
        # Decree 30: the place is where the issuing body sits, so a commune's own name at commune level
        place=report.document.place or (unit.name if unit.level == "commune" else unit.province or unit.name),
    )
