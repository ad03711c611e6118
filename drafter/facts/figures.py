"""Figures: one table of sums and rates, for one unit or for many.

A single unit's report is a roll-up of one unit, so both read their figures from one
:class:`Figures` table built by :func:`figures_of`:

=====================  ==========================================================
name                   rule
=====================  ==========================================================
values[path]           the field ``path`` ("recruitment.quota"), Σ over the units giving it
cover[path]            number of units giving the field ``path``
recruitment_rate       Σ recruitment.delivered / Σ recruitment.quota × 100
police_rate            Σ police_delivered / Σ police_quota × 100
recruit_party_share    Σ recruitment.party_members / Σ recruitment.delivered × 100
registered_share       Σ recruitment.registered_age_17 / Σ unit.population × 100
militia_share          Σ militia.strength / Σ unit.population × 100
militia_party_share    Σ militia.party_members / Σ militia.strength × 100
militia_trained_share  Σ militia.trained / Σ militia.strength × 100 ("đạt 100% quân số")
exercised_share        Σ exercises.communes_exercised / Σ exercises.communes_total × 100
remains_total          Σ remains.abroad + Σ remains.domestic, when both are given
education_total        Σ defence_education.group_1 … group_4, when two groups or more are given
award_collectives      Σ awards[].collectives
award_individuals      Σ awards[].individuals
basis[rate]            number of units a rate is taken over (those giving both figures)
changes[name]          Σ current against Σ previous (``previous.*``), only when every unit
                       giving the current figure gives the previous one too
=====================  ==========================================================

A rate is the quotient of two sums over the units that give both figures, never a mean of
the units' own rates. Rates are rounded to two decimals, the precision drafts print. Rates a
user states without counts (``recruitment.rate``, ``militia.share``…) belong to one report and
are kept for one unit only: percentages of different units cannot be added.

>>> from drafter.inputs.model import Report
>>> def unit(name, quota, delivered):
...     return Report.model_validate({
...         "unit": {"name": name, "kind": "xã", "province": "Gia Lai"}, "period": {"year": 2026},
...         "document": {"date": "2026-12-08", "signer": {"name": "A", "position": "Chỉ huy trưởng"}},
...         "recruitment": {"quota": quota, "delivered": delivered}})
>>> both = figures_of([unit("Ia Grai", 10, 5), unit("Chư Sê", 90, 90)])
>>> both.values["recruitment.delivered"], both.derived["recruitment_rate"], both.basis["recruitment_rate"]
(95, Decimal('95'), 2)
>>> figures_of([unit("Ia Grai", 10, 5)]).derived["recruitment_rate"]
Decimal('50')

The mean of the two units' rates would be 75%; the table says 95%.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from drafter.inputs.model import Report

TWO_PLACES = Decimal("0.01")

#: Raw figures added up over the units, by field path.
SUMMED: tuple[str, ...] = (
    "unit.population",
    "leadership.documents_issued",
    "exercises.defence_zone", "exercises.civil_defence", "exercises.communes_exercised", "exercises.communes_total",
    "exercises.units_trained",
    "militia.strength", "militia.trained", "militia.party_members", "militia.mobile", "militia.local",
    "militia.standing", "militia.self_defence",
    "reserve.registered", "reserve.called_for_training",
    "defence_education.group_1", "defence_education.group_2", "defence_education.group_3",
    "defence_education.group_4", "defence_education.students",
    "recruitment.quota", "recruitment.delivered", "recruitment.party_members", "recruitment.police_quota",
    "recruitment.police_delivered", "recruitment.registered_age_17",
    "welfare.houses", "welfare.amount", "welfare.beneficiaries",
    "disaster.responses", "disaster.fires", "disaster.storms_floods", "disaster.landslides",
    "disaster.personnel", "disaster.vehicles",
    "remains.abroad", "remains.domestic",
    "foreign_relations.activities",
    "defence_land.area_ha",
    "funding.amount", "funding.facilities",
    "security.criminal_cases",
)

#: Figures that only one report can state: rates and shares typed without their counts, and
#: figures that only make sense for one unit (one unit's days on duty).
ONE_UNIT_ONLY: tuple[str, ...] = (
    "recruitment.rate", "recruitment.levels", "recruitment.party_share", "militia.share", "exercises.communes_share",
    "readiness.duty_days", "socio_economic.targets_met", "socio_economic.targets_total",
)

#: Rates recomputed from two sums: name -> (part, whole), both over the units giving both.
RATES: dict[str, tuple[str, str]] = {
    "recruitment_rate": ("recruitment.delivered", "recruitment.quota"),
    "police_rate": ("recruitment.police_delivered", "recruitment.police_quota"),
    "recruit_party_share": ("recruitment.party_members", "recruitment.delivered"),
    "registered_share": ("recruitment.registered_age_17", "unit.population"),
    "militia_share": ("militia.strength", "unit.population"),
    "militia_party_share": ("militia.party_members", "militia.strength"),
    "militia_trained_share": ("militia.trained", "militia.strength"),
    "exercised_share": ("exercises.communes_exercised", "exercises.communes_total"),
}

#: Changes against the previous period: name -> (current figure, previous figure).
#: "remains" compares the period's remains (abroad + domestic) with ``previous.remains``.
CHANGES: dict[str, tuple[str, str]] = {
    "recruits_delivered": ("recruitment.delivered", "previous.recruits_delivered"),
    "registered_age_17": ("recruitment.registered_age_17", "previous.registered_age_17"),
    "militia_strength": ("militia.strength", "previous.militia_strength"),
    "reserve_called": ("reserve.called_for_training", "previous.reserve_called"),
    "criminal_cases": ("security.criminal_cases", "previous.criminal_cases"),
    "remains": ("remains", "previous.remains"),
    "welfare_amount": ("welfare.amount", "previous.welfare_amount"),
}

#: Derived values that are sums of figures (a roll-up says how many units they rest on).
SUMS = ("remains_total", "education_total")
#: The input fields each derived value is computed from, for a reviewer.
DERIVED_INPUTS: dict[str, tuple[str, ...]] = {
    **RATES,
    "remains_total": ("remains.abroad", "remains.domestic"),
    "education_total": tuple(f"defence_education.group_{n}" for n in range(1, 5)),
    "award_collectives": ("awards[].collectives",),
    "award_individuals": ("awards[].individuals",),
}


def rate(part: int | Decimal | None, whole: int | Decimal | None) -> Decimal | None:
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


def value_at(report: Report, path: str):
    """The value of a dotted field path, or None when a section or the field is missing.

    ``"remains"`` is the period's remains, abroad and domestic together, when either is given.
    """
    if path == "remains":
        remains = report.remains
        if not remains or (remains.abroad is None and remains.domestic is None):
            return None
        return (remains.abroad or 0) + (remains.domestic or 0)
    value = report
    for part in path.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


@dataclass(frozen=True)
class Figures:
    """The figures of one or many units of one period, and what is derived from them."""

    values: dict[str, int | Decimal] = field(default_factory=dict)
    cover: dict[str, int] = field(default_factory=dict)
    derived: dict[str, Decimal | int] = field(default_factory=dict)
    basis: dict[str, int] = field(default_factory=dict)
    changes: dict[str, Change] = field(default_factory=dict)
    #: The number of units the table is over.
    count: int = 1

    def partial(self, name: str) -> bool:
        """Whether a figure or rate rests on only some of the units (a roll-up says so)."""
        given = self.basis.get(name, self.cover.get(name))
        return given is not None and given < self.count


def _number(value) -> int | Decimal:
    return Decimal(str(value)).normalize() if isinstance(value, float) else value


def figures_of(reports: Sequence[Report]) -> Figures:
    """The table of figures of these reports (one unit, or many units of one period)."""
    values: dict[str, int | Decimal] = {}
    cover: dict[str, int] = {}
    for path in SUMMED + (ONE_UNIT_ONLY if len(reports) == 1 else ()):
        given = [_number(v) for r in reports if (v := value_at(r, path)) is not None]
        if given:
            values[path] = sum(given, Decimal(0)).normalize() if any(isinstance(v, Decimal) for v in given) \
                else sum(given)
            cover[path] = len(given)
    with_awards = [r for r in reports if r.awards]
    if with_awards:
        for name in ("collectives", "individuals"):
            values[f"awards.{name}"] = sum(getattr(a, name) for r in with_awards for a in r.awards)
            cover[f"awards.{name}"] = len(with_awards)
    derived, basis = _derived(reports, values)
    for name in SUMS:  # a total rests on every unit that gave one of its parts, and on no other
        if name in derived:
            cover[name] = sum(1 for r in reports if any(value_at(r, path) is not None for path in DERIVED_INPUTS[name]))
    return Figures(values, cover, derived, basis, _changes(reports), len(reports))


def _derived(reports: Sequence[Report], values: dict) -> tuple[dict, dict]:
    derived: dict[str, Decimal | int] = {}
    basis: dict[str, int] = {}
    for name, (part_path, whole_path) in RATES.items():
        pairs = [(value_at(r, part_path), value_at(r, whole_path)) for r in reports]
        pairs = [(p, w) for p, w in pairs if p is not None and w is not None]
        value = rate(sum(p for p, _ in pairs), sum(w for _, w in pairs)) if pairs else None
        if value is not None:
            derived[name], basis[name] = value, len(pairs)
    if "remains.abroad" in values and "remains.domestic" in values:
        derived["remains_total"] = values["remains.abroad"] + values["remains.domestic"]
    groups = [values[f"defence_education.group_{n}"] for n in range(1, 5) if f"defence_education.group_{n}" in values]
    if len(groups) > 1:
        derived["education_total"] = sum(groups)
    if "awards.collectives" in values:
        derived["award_collectives"] = values["awards.collectives"]
        derived["award_individuals"] = values["awards.individuals"]
    return derived, basis


def _changes(reports: Sequence[Report]) -> dict[str, Change]:
    out: dict[str, Change] = {}
    for name, (current_path, previous_path) in CHANGES.items():
        pairs = [(value_at(r, current_path), value_at(r, previous_path)) for r in reports]
        # a change over a part of the units would be misread as the change of the whole
        if any(now is not None and before is None for now, before in pairs):
            continue
        found = [(now, before) for now, before in pairs if now is not None and before is not None]
        if found:
            out[name] = change(sum(now for now, _ in found), sum(before for _, before in found))
    return out
