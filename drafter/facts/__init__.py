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

from drafter.facts.issuer import Issuer, issuer_for
from drafter.facts.naming import PeriodWords, UnitWords, period_words, unit_words
from drafter.inputs.model import Report

__all__ = ["Change", "Facts", "Issuer", "PeriodWords", "UnitWords", "build_facts", "change", "period_words", "rate",
           "unit_words"]

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
    #: Who issues the draft: header, symbol, place, signature, recipients, organiser (:mod:`drafter.facts.issuer`).
    issuer: Issuer | None = None
    # The issuer's parts under the names office templates have used since the first packs
    # (docs/mau-bao-cao.md); read from ``issuer``, never set on their own.
    issuing_agency: str = field(init=False, default="")
    parent_agency: str = field(init=False, default="")
    issuer_code: str = field(init=False, default="")
    signature_lines: tuple[str, ...] = field(init=False, default=())
    signer_display: str = field(init=False, default="")
    recipients: tuple[str, ...] = field(init=False, default=())
    place: str = field(init=False, default="")

    def __post_init__(self) -> None:
        issuer = self.issuer or issuer_for(self.report)
        flat = {"issuer": issuer, "issuing_agency": issuer.agency, "parent_agency": issuer.parent,
                "issuer_code": issuer.code, "signature_lines": issuer.signature_lines,
                "signer_display": issuer.signer, "recipients": issuer.recipients, "place": issuer.place}
        for name, value in flat.items():
            object.__setattr__(self, name, value)


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


def build_facts(report: Report) -> Facts:
    """Everything the wording stage may use, computed once."""
    return Facts(
        report=report,
        unit=unit_words(report),
        period=period_words(report),
        derived=_derived(report),
        changes=_changes(report),
        issuer=issuer_for(report),
    )
