"""The facts of a roll-up: many units of one period, their figures summed, their issuer.

A roll-up is a report over the table of figures of many units (:mod:`drafter.facts.figures`,
the same table a single unit's report reads) and an issuer computed by the same model
(:func:`drafter.facts.issuer.rollup_issuer`). What is particular to many units is here: the
check that they can be rolled up together, the order and labels of their rows, and who is
below target.

>>> from drafter.inputs.model import Report
>>> def commune(name, quota, delivered):
...     return Report.model_validate({
...         "unit": {"name": name, "kind": "xã", "province": "Gia Lai", "military_region": "Quân khu 5"},
...         "period": {"year": 2026},
...         "document": {"issuer": "chqs", "date": "2026-12-08",
...                      "signer": {"name": "Đinh Văn Khải", "position": "Chỉ huy trưởng"}},
...         "recruitment": {"quota": quota, "delivered": delivered}})
>>> facts = build_rollup([commune("Ia Grai", 10, 5), commune("Chư Sê", 90, 90)])
>>> facts.figures.values["recruitment.delivered"], facts.figures.derived["recruitment_rate"]
(95, Decimal('95'))
>>> [row.label for row in facts.rows], [row.label for row in facts.below]
(['xã Chư Sê', 'xã Ia Grai'], ['xã Ia Grai'])
>>> facts.issuer.agency, facts.issuer.parent
('Bộ Chỉ huy Quân sự tỉnh Gia Lai', 'Bộ Tư lệnh Quân khu 5')
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from drafter.errors import ROLLUP_PLACE, DrafterError, Problem
from drafter.facts.figures import Figures, figures_of
from drafter.facts.issuer import Issuer, rollup_issuer, signed_last
from drafter.facts.naming import PeriodWords, period_words, province_words
from drafter.inputs.era import era_of
from drafter.inputs.model import Report
from drafter.inputs.reference import name_key
from drafter.inputs.rollup_config import RollupInfo
from drafter.inputs.sources import UnitSource
from drafter.vnformat import format_list, vietnamese_sort_key

#: Where a problem of the roll-up as a whole is said to be.
HERE = ROLLUP_PLACE


def identity(report: Report) -> tuple[str, str, str]:
    """What makes two reports the same unit: kind, name and province, with the spellings the
    administrative map takes for one name ("Hòa" and "Hoà", case, spaces, dashes) made one: a
    unit typed two ways in two files is still one unit, and must not be summed twice."""
    unit = report.unit
    return (name_key(unit.kind or ""), name_key(unit.name or ""),
            name_key(unit.province or "") if unit.level != "province" else "")


def _files(sources: Sequence[UnitSource], limit: int = 3) -> str:
    names = [s.source for s in sources]
    shown = ", ".join(names[:limit])
    return shown + (f" và {len(names) - limit} tệp khác" if len(names) > limit else "")


def plain_label(report: Report) -> str:
    """A unit with its province when it is not one: "xã Ia Grai, tỉnh Gia Lai"."""
    unit, period = report.unit, report.period
    label = f"{unit.kind} {unit.name}"
    if unit.level != "province" and unit.province:
        label += f", {province_words(unit.province, era_of(period.year, period.span))}"
    return label


def check_sources(sources: Sequence[UnitSource]) -> list[Problem]:
    """Why these units cannot be rolled up together (errors), and what to double-check (warnings).

    Errors: no unit (E535); reports of different periods (E532); a unit given twice (E533,
    naming both files). Warnings: a province rolled up with its own communes (W536: their
    figures may be counted twice); a single unit (W537).
    """
    if not sources:
        return [Problem("E535", HERE)]
    problems: list[Problem] = []
    periods: dict[tuple[int, str], list[UnitSource]] = {}
    for source in sources:
        periods.setdefault((source.report.period.year, source.report.period.span), []).append(source)
    if len(periods) > 1:
        listed = "; ".join(f"{period_words(group[0].report).name}: {_files(group)}" for group in periods.values())
        problems.append(Problem("E532", HERE, extra={"detail": listed}))
    seen: dict[tuple, UnitSource] = {}
    for source in sources:
        key = identity(source.report) + (source.report.period.year, source.report.period.span)
        if key in seen:
            problems.append(Problem("E533", source.source, found=seen[key].source, expected=source.source,
                                    extra={"what": plain_label(source.report)}))
        else:
            seen[key] = source
    if problems:
        return problems
    provinces = {identity(s.report)[1]: s for s in sources if s.report.unit.level == "province"}
    inside = {identity(s.report)[2] for s in sources if s.report.unit.level != "province"}
    for key, source in provinces.items():
        if key in inside:
            period = source.report.period
            problems.append(Problem("W536", source.source,
                                    found=province_words(source.report.unit.name, era_of(period.year, period.span))))
    if len(sources) == 1:
        problems.append(Problem("W537", sources[0].source))
    return problems


@dataclass(frozen=True)
class UnitRow:
    """One unit of the roll-up, as the table and the text name it."""

    number: int  # its row in the table, from 1
    source: str
    report: Report
    label: str  # "xã Ia Grai", with ", tỉnh Gia Lai" when two units share kind and name
    #: The unit's own figures (its row of the table, its rates).
    figures: Figures = field(default_factory=Figures)

    @property
    def recruitment_rate(self) -> Decimal | None:
        return self.figures.derived.get("recruitment_rate")

    @property
    def police_rate(self) -> Decimal | None:
        return self.figures.derived.get("police_rate")

    @property
    def below_target(self) -> bool:
        return self.recruitment_rate is not None and self.recruitment_rate < 100

    @property
    def police_below_target(self) -> bool:
        return self.police_rate is not None and self.police_rate < 100


@dataclass(frozen=True)
class RollupFacts:
    """Everything a roll-up may say, computed once."""

    rows: tuple[UnitRow, ...]
    period: PeriodWords
    figures: Figures
    issuer: Issuer
    #: The units as the text names them together: "xã, phường thuộc tỉnh Gia Lai", "đơn vị".
    scope_noun: str
    number: int | None = None
    date: object = None
    summary: str = ""
    #: Warnings for the officer (W536–W538).
    problems: tuple[Problem, ...] = ()

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(row.label for row in self.rows)

    @property
    def rated(self) -> tuple[UnitRow, ...]:
        """Units giving both quota and delivered."""
        return tuple(row for row in self.rows if row.recruitment_rate is not None)

    @property
    def below(self) -> tuple[UnitRow, ...]:
        """Units below their recruitment quota, furthest behind first."""
        return tuple(sorted((r for r in self.rows if r.below_target), key=lambda r: (r.recruitment_rate, r.number)))

    @property
    def reached(self) -> tuple[UnitRow, ...]:
        return tuple(row for row in self.rated if not row.below_target)

    @property
    def exceeded(self) -> tuple[UnitRow, ...]:
        return tuple(row for row in self.rated if row.recruitment_rate > 100)

    @property
    def police_below(self) -> tuple[UnitRow, ...]:
        return tuple(sorted((r for r in self.rows if r.police_below_target), key=lambda r: (r.police_rate, r.number)))

    @property
    def without_recruitment(self) -> tuple[UnitRow, ...]:
        """Units that gave no quota or no delivered figure: their reports are to be completed."""
        return tuple(row for row in self.rows if row.recruitment_rate is None)

    @property
    def seed(self) -> str:
        """The seed for phrasing choices: the period and every unit."""
        keys = sorted("|".join(identity(row.report)) for row in self.rows)
        digest = hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16]
        return f"rollup|{self.period.year}|{self.period.span}|{digest}"


def _sorted(sources: Sequence[UnitSource], order: str) -> list[UnitSource]:
    if order == "input":
        return list(sources)
    return sorted(sources, key=lambda s: (vietnamese_sort_key(s.report.unit.name),
                                          vietnamese_sort_key(s.report.unit.kind),
                                          vietnamese_sort_key(s.report.unit.province or "")))


def _labels(sources: Sequence[UnitSource]) -> list[str]:
    clashing: dict[tuple[str, str], int] = {}
    for s in sources:
        key = identity(s.report)[:2]
        clashing[key] = clashing.get(key, 0) + 1
    return [plain_label(s.report) if clashing[identity(s.report)[:2]] > 1
            else f"{s.report.unit.kind} {s.report.unit.name}" for s in sources]


def _scope_noun(reports: Sequence[Report]) -> str:
    """How the text names the units together: their kinds and, when they share it, their province."""
    levels = {r.unit.level for r in reports}
    kinds = [k for k in ("xã", "phường", "đặc khu", "thị trấn", "huyện", "quận", "thị xã", "khu vực", "tỉnh",
                         "thành phố") if k in {r.unit.kind for r in reports}]
    provinces = {r.unit.province for r in reports}
    if levels <= {"commune", "district", "area"} and len(provinces) == 1 and None not in provinces:
        period = reports[0].period
        return f"{', '.join(kinds)} thuộc {province_words(provinces.pop(), era_of(period.year, period.span))}"
    regions = {r.unit.military_region for r in reports}
    if levels == {"province"} and len(regions) == 1 and None not in regions:
        return f"{', '.join(kinds)} thuộc {regions.pop()}"
    return "đơn vị"


def build_rollup(items: Iterable[Report | UnitSource], settings: RollupInfo | dict | None = None) -> RollupFacts:
    """The roll-up's facts; raises :class:`DrafterError` when the units cannot be rolled up together."""
    info = settings if isinstance(settings, RollupInfo) else RollupInfo.model_validate(settings or {})
    sources = [item if isinstance(item, UnitSource) else UnitSource(f"đơn vị thứ {n}", item)
               for n, item in enumerate(items, start=1)]
    problems = check_sources(sources)
    if any(p.is_error for p in problems):
        raise DrafterError([p for p in problems if p.is_error])
    ordered = _sorted(sources, info.order)
    reports = [s.report for s in ordered]
    rows = tuple(UnitRow(n, s.source, s.report, label, figures_of([s.report]))
                 for n, (s, label) in enumerate(zip(ordered, _labels(ordered)), start=1))
    issuer = rollup_issuer(reports, info)
    if issuer.blanks:
        # each blank is a msgid of its own: the command line lists them in the user's language
        problems.append(Problem("W538", HERE, extra={"detail": format_list(list(issuer.blanks)),
                                                             "parts": issuer.blanks}))
    return RollupFacts(
        rows=rows,
        period=period_words(reports[0]),
        figures=figures_of(reports),
        issuer=issuer,
        scope_noun=_scope_noun(reports),
        number=info.number,
        date=info.date or signed_last(reports),
        summary=info.summary or "",
        problems=tuple(problems),
    )
