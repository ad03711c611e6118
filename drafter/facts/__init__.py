"""Facts stage: what a draft may say, derived from a validated report.

Nothing here formats or words anything; it computes. Figures, derived values and changes
come from one table, :mod:`drafter.facts.figures`, shared with the roll-up of many units, so
that the fidelity checker can prove each figure of a draft comes from the input or a rule; who
issues the draft comes from one issuer model, :mod:`drafter.facts.issuer`; how units and periods
are named from :mod:`drafter.facts.naming`.

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

from drafter.facts.figures import Change, Figures, change, figures_of, rate
from drafter.facts.issuer import Issuer, issuer_for
from drafter.facts.naming import PeriodWords, UnitWords, period_words, unit_words
from drafter.inputs.model import Report

__all__ = ["Change", "Facts", "Issuer", "PeriodWords", "UnitWords", "build_facts", "change", "period_words", "rate",
           "unit_words"]


@dataclass(frozen=True)
class Facts:
    report: Report
    unit: UnitWords
    period: PeriodWords
    #: The report's figures and what is derived from them (:mod:`drafter.facts.figures`).
    figures: Figures = field(default_factory=Figures)
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

    @property
    def militia_only(self) -> bool:
        """Whether the unit's force is "dân quân" alone: a commune organises dân quân, and tự vệ are
        organised in agencies and enterprises (Luật Dân quân tự vệ 2019); a commune that gives a
        count of tự vệ has both. A staff officer and a blind reader marked "dân quân tự vệ" for a
        commune without them."""
        militia = self.report.militia
        return self.unit.level == "commune" and not (militia is not None and militia.self_defence)

    @property
    def derived(self) -> dict[str, Decimal | int]:
        """Derived values by name (rates, shares, totals); see :mod:`drafter.facts.figures`."""
        return self.figures.derived

    @property
    def changes(self) -> dict[str, Change]:
        """Changes against the previous period by name; see :mod:`drafter.facts.figures`."""
        return self.figures.changes


def build_facts(report: Report) -> Facts:
    """Everything the wording stage may use, computed once."""
    return Facts(
        report=report,
        unit=unit_words(report),
        period=period_words(report),
        figures=figures_of([report]),
        issuer=issuer_for(report),
    )
