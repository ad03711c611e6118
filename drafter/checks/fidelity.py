"""Fact fidelity: every figure in a draft comes from the input, and the input's figures are all there.

A draft may only print a number or a date that can be traced to the input:

- an input value (any ``int``, ``float`` or ``date`` field of the :class:`~drafter.inputs.model.Report`,
  found by walking the model) formatted by :mod:`drafter.vnformat` in one of the forms the
  templates use (:data:`~drafter.checks.forms.FORMS`);
- a documented derived value (:attr:`Facts.derived <drafter.facts.Facts.derived>`, and for
  each :attr:`Facts.changes <drafter.facts.Facts.changes>` the difference and the percentage);
- the years of the period: the year, the one before and the one after;
- a number written inside an input string ("Nghị định số 02/2019/NĐ-CP", "Quân khu 5") or a
  string the facts stage builds from the input (the period's names, agencies, recipients);
- a fixed phrase of the domain (:data:`~drafter.checks.tokens.CONSTANT_PHRASES`: "17 tuổi", "đối tượng 2",
  "6 tháng đầu năm").

:func:`check_fidelity` finds every numeric token of a text in its Vietnamese form — grouped
integers "48.215", decimals "1,35", percentages "0,89%", money "4,7 tỷ đồng", fractions
"21/23", dates "13/12", "13/12/2026", "ngày 15 tháng 12 năm 2026", the number of "Số: 05/BC-UBND",
padded counts "05" — and reports those it cannot trace (``unexplained``). Heading labels
("Phần I", "1.", "a)") are not figures and are skipped. Amounts in words ("Bốn tỷ bảy trăm
triệu đồng") must read out an input amount.

It also reports the input's figures that the draft leaves out (``missing``): for the formal
report (``bao-cao``) every numeric field given, except :data:`NOT_REPORTED`; for the news article
(``tin-bai``) the key figures of :data:`KEY_FIGURES`.

>>> from drafter.facts import build_facts
>>> from drafter.inputs.model import Report
>>> report = Report.model_validate({
...     "unit": {"name": "Gia Lai", "kind": "tỉnh", "population": 3583693},
...     "period": {"year": 2026},
...     "document": {"date": "2026-12-05", "signer": {"name": "Trần Văn Bình", "position": "Chủ tịch"}},
...     "recruitment": {"quota": 2850, "delivered": 2850, "registered_age_17": 31890},
...     "funding": {"amount": 4700000000},
... })
>>> facts = build_facts(report)
>>> text = ("Năm 2026, tỉnh giao 2.850 công dân, đạt 100% chỉ tiêu; đăng ký 31.890 công dân nam "
...         "đủ 17 tuổi, đạt 0,89% so với dân số; đầu tư 4,7 tỷ đồng (Bốn tỷ bảy trăm triệu đồng).")
>>> check_fidelity(text, facts, "bao-cao").ok
True
>>> result = check_fidelity(text.replace("0,89%", "0,98%").replace("4,7 tỷ đồng", "4,5 tỷ đồng"),
...                         facts, "bao-cao")
>>> result.unexplained
['0,98%', '4,5 tỷ đồng']
>>> result.missing
['funding.amount: 4,7 tỷ đồng']
>>> print(check_fidelity("Ngày 6/12, tỉnh giao 2.850 công dân.", facts, "tin-bai"))
không đạt: 1 số không rõ nguồn, 2 số liệu bị thiếu
  số không rõ nguồn: 6/12
  thiếu: recruitment_rate: 100%
  thiếu: recruitment.registered_age_17: 31.890

The tokens are found by :mod:`drafter.checks.tokens`, the forms a value may take by
:mod:`drafter.checks.forms`. From the command line: ``drafter check samples/gia-lai-2026.yaml``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from drafter import vnformat
from drafter.checks.forms import (
    count_forms,
    dotted_path,
    generic_path,
    is_money,
    rate_forms,
    traceable,
    value_forms,
    walk,
)
from drafter.checks.tokens import numeric_tokens, prepare
from drafter.facts import Facts

__all__ = ["KEY_FIGURES", "NOT_REPORTED", "REPORTED_AS_RATE", "REPORTED_WITH", "FidelityResult", "check_fidelity"]

# ------------------------------------------------------- reported figures

#: Numeric input fields that the formal report need not print, with the reason.
NOT_REPORTED: dict[str, str] = {
    "unit.population": "only the denominator of the shares of the population",
    "period.year": "the period, not a figure of it",
    "document.number": "the masthead's number, not a figure of the period",
    "previous": "figures of the previous period serve only to state the change",
}
#: Denominators that are reported through the rate they give, when that rate exists.
REPORTED_AS_RATE: dict[str, str] = {
    "recruitment.quota": "recruitment_rate",
    "recruitment.police_quota": "police_rate",
}
#: Totals printed as the second half of a fraction, only beside their part.
REPORTED_WITH: dict[str, str] = {
    "socio_economic.targets_total": "socio_economic.targets_met",
    "exercises.communes_total": "exercises.communes_exercised",
}

#: The news article's key figures (DOMAIN.md 2.2, item 4 and 6): each is satisfied by any one
#: alternative, an alternative by all its figures. Figures are input paths or derived names.
KEY_FIGURES: dict[str, tuple[tuple[str, ...], ...]] = {
    "recruitment delivered": (("recruitment.delivered",),),
    "recruitment rate": (("recruitment_rate",),),
    "registered at 17": (("recruitment.registered_age_17",),),
    "militia share": (("militia_share",),),
    "remains": (("remains_total",), ("remains.abroad", "remains.domestic")),
    "awards": (("awards.collectives", "awards.individuals"), ("award_collectives", "award_individuals")),
}


@dataclass(frozen=True)
class _Figure:
    label: str  # "militia.strength: 48.215"
    forms: frozenset[str]


def _input_figures(report) -> dict[str, list[_Figure]]:
    """Numeric input figures by generic path ("awards.collectives"), zeros left out."""
    found: dict[str, list[_Figure]] = {}
    for path, value in walk(report):
        if isinstance(value, bool) or not isinstance(value, int | float) or not value:
            continue
        forms = frozenset(value_forms(path, value))
        shown = vnformat.format_money(value) if is_money(path) else (
            vnformat.format_integer(value) if isinstance(value, int) else vnformat.format_decimal(value))
        found.setdefault(generic_path(path), []).append(_Figure(f"{dotted_path(path)}: {shown}", forms))
    return found


def _derived_figure(facts: Facts, name: str) -> list[_Figure]:
    value = facts.derived.get(name)
    if value is None:
        return []
    if isinstance(value, Decimal):
        return [_Figure(f"{name}: {vnformat.format_percent(value)}", frozenset(rate_forms(value)))]
    return [_Figure(f"{name}: {vnformat.format_integer(value)}", frozenset(count_forms(value)))]


def _required_report(facts: Facts) -> list[_Figure]:
    figures = _input_figures(facts.report)
    required: list[_Figure] = []
    for generic, items in figures.items():
        if any(generic == skip or generic.startswith(skip + ".") for skip in NOT_REPORTED):
            continue
        if generic in REPORTED_AS_RATE:
            required += _derived_figure(facts, REPORTED_AS_RATE[generic])
            continue
        if generic in REPORTED_WITH and REPORTED_WITH[generic] not in figures:
            continue
        required += items
    return required


def _required_news(facts: Facts, present: Counter) -> list[_Figure]:
    figures = _input_figures(facts.report)
    choices: list[list[list[_Figure]]] = []
    for alternatives in KEY_FIGURES.values():
        options = []
        for alternative in alternatives:
            option = []
            for name in alternative:
                option += figures.get(name, []) if "." in name else _derived_figure(facts, name)
            if option:
                options.append(option)
        if options:
            choices.append(options)
    # The alternatives that leave the fewest figures unmatched; on a tie, the first ones.
    best: list[_Figure] = []
    fewest = None
    for combination in itertools.product(*choices):
        required = [fig for option in combination for fig in option]
        left = len(_unmatched(required, present))
        if fewest is None or left < fewest:
            best, fewest = required, left
    return best


def _literal_spans(text: str, literals: Iterable[str]) -> list[tuple[int, int]]:
    """Where the text prints an input string as it is: its numbers are no figures of their own."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return []
    spans = []
    for literal in literals:
        pattern = r"\s+".join(re.escape(word) for word in literal.split())
        spans += [m.span() for m in re.finditer(pattern, lowered)] if pattern else []
    return spans


def _unmatched(required: list[_Figure], present: Counter) -> list[_Figure]:
    """Figures left without a token of their own (each printed token serves one figure)."""
    slots = [text for text, count in present.items() for _ in range(count)]
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j, slot in enumerate(slots):
            if slot in required[i].forms and j not in seen:
                seen.add(j)
                if j not in owner or assign(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    matched = {i for i in range(len(required)) if assign(i, set())}
    return [fig for i, fig in enumerate(required) if i not in matched]


# ------------------------------------------------------------------ check


@dataclass
class FidelityResult:
    """What :func:`check_fidelity` found: untraceable figures and unreported ones."""

    unexplained: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.unexplained and not self.missing

    def __str__(self) -> str:
        if self.ok:
            return "đạt: mọi số liệu đều có nguồn và đủ"
        lines = [f"không đạt: {len(self.unexplained)} số không rõ nguồn, {len(self.missing)} số liệu bị thiếu"]
        lines += [f"  số không rõ nguồn: {u}" for u in self.unexplained]
        lines += [f"  thiếu: {m}" for m in self.missing]
        return "\n".join(lines)


def _rule(template: str | Path) -> str:
    name = Path(str(template)).name
    if name in ("bao-cao", "tin-bai"):
        return {"bao-cao": "decree30", "tin-bai": "news"}[name]
    try:
        from drafter.packs.manifest import load_pack

        return load_pack(template).kind
    except Exception:  # an unknown pack: only traceability is checked
        return ""


def check_fidelity(text: str, facts: Facts, template: str | Path = "bao-cao") -> FidelityResult:
    """Check a draft's text against the facts it was written from.

    ``template`` decides which input figures must appear: a pack name ("bao-cao", "tin-bai")
    or folder; a pack of kind ``decree30`` reports every figure, ``news`` the key figures.
    """
    src = traceable(facts)
    prepared = prepare(text)
    quoted = _literal_spans(prepared, src.literals)
    unexplained: list[str] = []
    present: Counter = Counter()  # printed figures, each usable once by a required figure
    for token in numeric_tokens(prepared, labels=True):
        if token.kind == "words":
            words = token.text.lower().split()
            # "đầu tư hai trăm triệu đồng": the amount may start anywhere in the run
            if not any(" ".join(words[i:]) in src.words for i in range(len(words))):
                unexplained.append(token.text)
            continue
        literal = any(a <= token.start < b for a, b in quoted)
        fraction = token.kind == "slash" and len(token.parts) == 2 and all(p in src.tokens for p in token.parts)
        if token.kind == "phrase" or token.text in src.tokens:
            if not literal:
                present[token.text] += 1
                if fraction:  # "5/9" is a date of the input and a fraction of two figures alike
                    present.update(token.parts)
            continue
        if fraction:
            present[token.text] += 1
            present.update(token.parts)  # a fraction of two figures: "21/23"
            continue
        unexplained.append(token.text)
    rule = _rule(template)
    if rule == "decree30":
        required = _required_report(facts)
    elif rule == "news":
        required = _required_news(facts, present)
    else:
        required = []
    missing = []
    for fig in _unmatched(required, present):
        twins = [other.label.split(":")[0] for other in required if other is not fig and other.forms & fig.forms]
        missing.append(fig.label + (f" (hoặc {', '.join(twins)}, cùng giá trị)" if twins else ""))
    return FidelityResult(unexplained, missing)
