"""Roll-up: one Decree 30 report over many units of one period (template ``tong-hop``).

The level above (a province's military command over its communes, a military
region over its provinces) receives one report per unit and compiles them.
This module is that compilation, as a library; ``drafter rollup`` is a thin
command over it.

Pipeline::

    inputs -> load_sources()      YAML files, folders (recursive), .xlsx workbooks, or Reports
           -> check_sources()     one period only; no unit twice (both files named)
           -> build_rollup()      RollupFacts: totals from the raw counts, rates recomputed
           -> rollup_draft()      the ``tong-hop`` pack's wording, the per-unit table and the chart
           -> lay_out()           .docx (Decree 30), Markdown or text

Totals and rates are never averaged from the units' percentages: a total is the
sum of the raw counts the units give, and a rate is the quotient of two such sums,
taken over the units that give *both* figures. Every printed figure is an input
value, a sum below, a rate below, or a count of units:

=====================  ==========================================================
name                   rule
=====================  ==========================================================
totals[path]           Σ of the field ``path`` ("recruitment.quota") over the units giving it
cover[path]            number of units giving the field ``path``
recruitment_rate       Σ delivered / Σ quota × 100, over units giving both
police_rate            Σ police_delivered / Σ police_quota × 100, over units giving both
recruit_party_share    Σ recruitment.party_members / Σ delivered × 100, over units giving both
registered_share       Σ registered_age_17 / Σ population × 100, over units giving both
militia_share          Σ militia.strength / Σ population × 100, over units giving both
militia_party_share    Σ militia.party_members / Σ militia.strength × 100, over units giving both
exercised_share        Σ communes_exercised / Σ communes_total × 100, over units giving both
remains_total          Σ remains.abroad + Σ remains.domestic
education_total        Σ of defence_education.group_1 … group_4
award_collectives      Σ of awards[].collectives over every award of every unit
award_individuals      Σ of awards[].individuals over every award of every unit
basis[rate]            number of units a rate is taken over
changes[name]          Σ current against Σ previous, only when every unit giving the
                       current figure also gives the previous one
=====================  ==========================================================

>>> from drafter.inputs.model import Report
>>> def commune(name, quota, delivered):
...     return Report.model_validate({
...         "unit": {"name": name, "kind": "xã", "province": "Gia Lai", "military_region": "Quân khu 5"},
...         "period": {"year": 2026},
...         "document": {"issuer": "chqs", "date": "2026-12-08",
...                      "signer": {"name": "Đinh Văn Khải", "position": "Chỉ huy trưởng"}},
...         "recruitment": {"quota": quota, "delivered": delivered}})
>>> facts = build_rollup([commune("Ia Grai", 10, 5), commune("Chư Sê", 90, 90)])
>>> facts.totals["recruitment.quota"], facts.totals["recruitment.delivered"], facts.derived["recruitment_rate"]
(100, 95, Decimal('95'))
>>> [row.label for row in facts.rows], [row.label for row in facts.below]
(['xã Chư Sê', 'xã Ia Grai'], ['xã Ia Grai'])
>>> facts.issuing_agency, facts.parent_agency, facts.place
('Bộ Chỉ huy Quân sự tỉnh Gia Lai', 'Quân khu 5', 'Gia Lai')

The mean of the two units' rates would be 75%; the roll-up says 95%.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationError

from drafter import vnformat
from drafter.document import Draft, Image, Masthead, Signature, Table
from drafter.errors import DrafterError, Problem
from drafter.facts import Change, PeriodWords, build_facts, change, period_words, rate
from drafter.inputs.model import Name, Report, Strict, Text

__all__ = [
    "RollupFacts",
    "RollupInfo",
    "RollupSigner",
    "UnitRow",
    "build_rollup",
    "check_sources",
    "load_info",
    "load_sources",
    "render_rollup",
    "rollup_draft",
    "rollup_to_file",
    "vietnamese_sort_key",
]

#: The built-in pack this module fills.
TEMPLATE = "tong-hop"
#: Where a problem of the roll-up as a whole is said to be.
HERE = "báo cáo tổng hợp"
INPUT_SUFFIXES = (".yaml", ".yml", ".xlsx")

# ------------------------------------------------------------------ settings


def _field(title: str, description: str, **kwargs):
    return Field(title=title, description=description, **kwargs)


class RollupSigner(Strict):
    """The signer of the roll-up; the position defaults to the head of the issuing body."""

    name: Name = _field("Người ký", "Họ và tên người ký.")
    rank: Name | None = _field("Cấp bậc", "Quân hàm người ký, nếu có.", default=None)
    position: Name | None = _field(
        "Chức vụ người ký", "Chỉ huy trưởng, Phó Chỉ huy trưởng, Tư lệnh…; mặc định là người đứng đầu cơ quan.",
        default=None)
    authority: list[Name] | None = _field(
        "Thẩm quyền ký", "Các dòng trên chức vụ: “KT. CHỈ HUY TRƯỞNG”. Bỏ trống để tự suy.", default=None)


class RollupInfo(Strict):
    """What the roll-up cannot derive from the units: ``--config rollup.yaml``.

    Every key is optional; a missing one is derived from the units (see
    :func:`build_rollup`) or, when it cannot be, left as a visible blank
    ("[Họ và tên]") for the officer to fill in, with a warning (W538). Example::

        issuing_agency: Bộ Chỉ huy Quân sự tỉnh Gia Lai
        parent_agency: Quân khu 5
        issuer_code: BCH
        number: 215
        date: 2026-12-20
        place: Gia Lai
        signer:
          rank: Đại tá
          name: Nguyễn Văn An
          position: Phó Chỉ huy trưởng     # "KT. CHỈ HUY TRƯỞNG" is added
        recipients:
          - Bộ Tư lệnh Quân khu 5
          - Thường trực Tỉnh ủy
        archive: VT, TM
        order: name                        # or "input": the table keeps the files' order
    """

    issuing_agency: Name | None = _field(
        "Cơ quan ban hành", "Tên đầy đủ cơ quan tổng hợp; mặc định suy từ các đơn vị.", default=None)
    parent_agency: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = _field(
        "Cơ quan chủ quản", "Dòng trên tên cơ quan ban hành; để chuỗi rỗng nếu không có.", default=None)
    issuer_code: Annotated[str, StringConstraints(pattern=r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$")] | None = _field(
        "Ký hiệu cơ quan", "Phần sau “BC-” trong ký hiệu: BCH, BTL…", default=None)
    number: int | None = _field("Số văn bản", "Bỏ trống để điền tay.", default=None, ge=1, le=99999)
    date: dt.date | None = _field(
        "Ngày ban hành", "Mặc định là ngày ký muộn nhất trong các báo cáo được tổng hợp.", default=None)
    place: Name | None = _field("Địa danh", "Địa danh ghi trước ngày tháng.", default=None)
    signer: RollupSigner | None = _field("Người ký", "Người ký báo cáo tổng hợp.", default=None)
    recipients: list[Name] | None = _field(
        "Nơi nhận", "Mỗi dòng một nơi nhận; dòng “Lưu” tự thêm. Bỏ trống để tự suy.", default=None)
    archive: Name = _field("Lưu", "Nơi lưu: “VT, TM”.", default="VT")
    summary: Text | None = _field("Trích yếu", "Thay trích yếu tự soạn.", default=None)
    order: Literal["name", "input"] = _field(
        "Thứ tự đơn vị", "name: theo tên (thứ tự chữ cái tiếng Việt); input: theo thứ tự tệp.", default="name")


def load_info(path: Path | str) -> RollupInfo:
    """Read ``rollup.yaml``; raises :class:`DrafterError` with located problems."""
    from drafter.inputs.validation import _problem_from_pydantic
    from drafter.inputs.yaml_reader import read_yaml

    try:
        data, positions = read_yaml(path)
    except DrafterError as error:
        raise DrafterError([Problem("E534", p.file, p.line, p.column, found=p.file)
                            if p.code == "E106" else p for p in error.problems]) from None
    from drafter.inputs.validation import text_problems

    controls = [p for p in text_problems(data, positions) if p.code in ("E216", "E123")]  # as in report data
    if controls:
        raise DrafterError(controls)
    try:
        return RollupInfo.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            problem = _problem_from_pydantic(item, positions, data)
            if problem.code == "E206":
                import difflib

                close = difflib.get_close_matches(problem.found, list(RollupInfo.model_fields), n=1, cutoff=0.6)
                problem = dataclasses.replace(problem, extra={
                    **problem.extra, "suggestion": f"; có phải ý bạn là “{close[0]}”?" if close else ""})
            problems.append(problem)
        raise DrafterError(problems) from None


# -------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Source:
    """One unit's report and where it came from (a file, a workbook row, or "đơn vị thứ 3")."""

    source: str
    report: Report


def _input_files(item: Path) -> tuple[list[Path], list[Problem]]:
    if item.is_dir():
        found = sorted(p for p in item.rglob("*")
                       if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES and not p.name.startswith((".", "~$")))
        return found, ([] if found else [Problem("E530", str(item), found=str(item))])
    if item.suffix.lower() not in INPUT_SUFFIXES and item.exists():
        return [], [Problem("E531", str(item), found=str(item))]
    return [item], []  # a missing file is reported by the reader (E101)


def load_sources(items: Iterable[Path | str | Report | Source]) -> tuple[list[Source], list[Problem]]:
    """Every unit of the inputs, and every problem found reading them (errors and warnings).

    Items are YAML files, folders (searched recursively for .yaml, .yml and .xlsx),
    Excel workbooks (one unit per row), :class:`~drafter.inputs.model.Report` objects or
    :class:`Source` objects. Never raises for bad input: check the problems.
    """
    from drafter.inputs import load

    sources: list[Source] = []
    problems: list[Problem] = []
    read: set[Path] = set()
    for item in items:
        if isinstance(item, Source):
            sources.append(item)
            continue
        if isinstance(item, Report):
            sources.append(Source(f"đơn vị thứ {len(sources) + 1}", item))
            continue
        files, found = _input_files(Path(item))
        problems += found
        for file in files:
            # a file named twice ("xa/" and "xa/a.yaml") is read once: that is no double count
            if file.resolve() in read:
                continue
            read.add(file.resolve())
            if file.suffix.lower() == ".xlsx":
                from drafter.inputs.excel import read_workbook

                loaded_items = read_workbook(file)
            else:
                loaded_items = [load(file)]
            for loaded in loaded_items:
                problems += loaded.problems
                if loaded.ok:
                    sources.append(Source(loaded.source, loaded.report))
    return sources, problems


def _identity(report: Report) -> tuple[str, str, str]:
    def norm(text: str | None) -> str:
        return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())

    unit = report.unit
    province = unit.province if unit.level != "province" else ""
    return norm(unit.kind), norm(unit.name), norm(province)


def _period_name(report: Report) -> str:
    return period_words(report).name


def _files(sources: Sequence[Source], limit: int = 3) -> str:
    names = [s.source for s in sources]
    shown = ", ".join(names[:limit])
    return shown + (f" và {len(names) - limit} tệp khác" if len(names) > limit else "")


def check_sources(sources: Sequence[Source]) -> list[Problem]:
    """Why these units cannot be rolled up together (errors), and what to double-check (warnings).

    Errors: no unit (E535); reports of different periods (E532); a unit given twice
    (E533, naming both files). Warnings: a province rolled up with its own communes
    (W536: their figures may be counted twice); a single unit (W537).
    """
    if not sources:
        return [Problem("E535", HERE)]
    problems: list[Problem] = []
    periods: dict[tuple[int, str], list[Source]] = {}
    for source in sources:
        periods.setdefault((source.report.period.year, source.report.period.span), []).append(source)
    if len(periods) > 1:
        listed = "; ".join(f"{_period_name(group[0].report)}: {_files(group)}" for group in periods.values())
        problems.append(Problem("E532", HERE, extra={"detail": listed}))
    seen: dict[tuple, Source] = {}
    for source in sources:
        # the same unit in two periods is no double count; mixing periods is refused above
        key = _identity(source.report) + (source.report.period.year, source.report.period.span)
        if key in seen:
            problems.append(Problem("E533", source.source, found=seen[key].source, expected=source.source,
                                    extra={"what": _plain_label(source.report)}))
        else:
            seen[key] = source
    if problems:
        return problems
    provinces = {_identity(s.report)[1]: s for s in sources if s.report.unit.level == "province"}
    inside = {_identity(s.report)[2] for s in sources if s.report.unit.level != "province"}
    for key, source in provinces.items():
        if key in inside:
            unit = source.report.unit
            problems.append(Problem("W536", source.source, found=province_words(unit.name, source.report.period.year)))
    if len(sources) == 1:
        problems.append(Problem("W537", sources[0].source))
    return problems


# -------------------------------------------------------------------- naming

_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: rank for rank, letter in enumerate(_LETTERS)}
_SHAPES = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
           ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng


def vietnamese_sort_key(text: str) -> tuple:
    """A sort key in Vietnamese alphabetical order: a ă â b c d đ e ê …, tones second, numbers by value.

    >>> names = ["Đông Hà", "Ân Thi", "An Khê", "Dak Đoa", "Phường 10", "Phường 2", "Anh Sơn", "Ơn"]
    >>> sorted(names, key=vietnamese_sort_key)
    ['An Khê', 'Anh Sơn', 'Ân Thi', 'Dak Đoa', 'Đông Hà', 'Ơn', 'Phường 2', 'Phường 10']
    >>> sorted(["Bà", "Ba", "Bá", "Bả"], key=vietnamese_sort_key)
    ['Ba', 'Bà', 'Bả', 'Bá']
    """
    decomposed = unicodedata.normalize("NFD", text.casefold().strip())
    primary: list[tuple[int, int]] = []
    tones: list[int] = []
    i = 0
    while i < len(decomposed):
        char = decomposed[i]
        i += 1
        if char.isdigit():
            digits = char
            while i < len(decomposed) and decomposed[i].isdigit():
                digits += decomposed[i]
                i += 1
            primary.append((1, int(digits)))
            continue
        tone = 0
        while i < len(decomposed) and unicodedata.combining(decomposed[i]):
            mark = decomposed[i]
            i += 1
            if (char, mark) in _SHAPES:
                char = _SHAPES[char, mark]
            elif mark in _TONES:
                tone = _TONES[mark]
        if char in _RANK:
            primary.append((2, _RANK[char]))
            tones.append(tone)
        elif char.isspace() or char in "-–,.()":
            if primary and primary[-1] != (0, 0):
                primary.append((0, 0))
        else:
            primary.append((3, ord(char)))
    return tuple(primary), tuple(tones), unicodedata.normalize("NFC", text)


_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")
_SPECIAL_COMMANDS = {"Hà Nội": "Bộ Tư lệnh Thủ đô Hà Nội", "Hồ Chí Minh": "Bộ Tư lệnh Thành phố Hồ Chí Minh"}

#: Where each military region's command signs its documents (its seat). A default only:
#: ``place:`` in the roll-up settings overrides it.
MILITARY_REGION_PLACES = {"Quân khu 1": "Thái Nguyên", "Quân khu 2": "Phú Thọ", "Quân khu 3": "Hải Phòng",
                          "Quân khu 4": "Nghệ An", "Quân khu 5": "Đà Nẵng", "Quân khu 7": "Hồ Chí Minh",
                          "Quân khu 9": "Cần Thơ"}


def province_words(name: str, year: int) -> str:
    """A province by its kind: "tỉnh Gia Lai", "thành phố Đà Nẵng" (Huế a city from 2025).

    >>> province_words("Gia Lai", 2026), province_words("Huế", 2026), province_words("Thừa Thiên Huế", 2022)
    ('tỉnh Gia Lai', 'thành phố Huế', 'tỉnh Thừa Thiên Huế')
    """
    cities = _CITIES + (("Huế",) if year >= 2025 else ())
    return f"{'thành phố' if name in cities else 'tỉnh'} {name}"


def _plain_label(report: Report) -> str:
    unit = report.unit
    label = f"{unit.kind} {unit.name}"
    if unit.level != "province" and unit.province:
        label += f", {province_words(unit.province, report.period.year)}"
    return label


# ---------------------------------------------------------------------- facts

#: Raw counts added up over the units, by field path.
SUMMED: tuple[str, ...] = (
    "unit.population",
    "leadership.documents_issued",
    "exercises.defence_zone", "exercises.civil_defence", "exercises.communes_exercised", "exercises.communes_total",
    "exercises.units_trained",
    "militia.strength", "militia.trained", "militia.party_members",
    "reserve.registered", "reserve.called_for_training",
    "defence_education.group_1", "defence_education.group_2", "defence_education.group_3",
    "defence_education.group_4", "defence_education.students",
    "recruitment.quota", "recruitment.delivered", "recruitment.party_members", "recruitment.police_quota",
    "recruitment.police_delivered", "recruitment.registered_age_17",
    "welfare.houses", "welfare.amount", "welfare.beneficiaries",
    "disaster.responses", "disaster.personnel", "disaster.vehicles",
    "remains.abroad", "remains.domestic",
    "foreign_relations.activities",
    "defence_land.area_ha",
    "funding.amount", "funding.facilities",
    "security.criminal_cases",
)

#: Rates recomputed from two sums: name -> (part, whole), both over the units giving both.
RATES: dict[str, tuple[str, str]] = {
    "recruitment_rate": ("recruitment.delivered", "recruitment.quota"),
    "police_rate": ("recruitment.police_delivered", "recruitment.police_quota"),
    "recruit_party_share": ("recruitment.party_members", "recruitment.delivered"),
    "registered_share": ("recruitment.registered_age_17", "unit.population"),
    "militia_share": ("militia.strength", "unit.population"),
    "militia_party_share": ("militia.party_members", "militia.strength"),
    "exercised_share": ("exercises.communes_exercised", "exercises.communes_total"),
}


def value_at(report: Report, path: str):
    """The value of a dotted field path, or None when a section or the field is missing."""
    value = report
    for part in path.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


@dataclass(frozen=True)
class UnitRow:
    """One unit of the roll-up, as the table and the text name it."""

    number: int  # its row in the table, from 1
    source: str
    report: Report
    label: str  # "xã Ia Grai", with ", tỉnh Gia Lai" when two units share kind and name
    #: The unit's own derived values (:func:`drafter.facts.build_facts`): recruitment_rate, militia_share…
    derived: dict[str, Decimal | int] = field(default_factory=dict)

    @property
    def cell_label(self) -> str:
        """The label as a table cell writes it: capital first letter."""
        return vnformat.capitalize_first(self.label)

    @property
    def recruitment_rate(self) -> Decimal | None:
        return self.derived.get("recruitment_rate")

    @property
    def police_rate(self) -> Decimal | None:
        return self.derived.get("police_rate")

    @property
    def below_target(self) -> bool:
        r = self.report.recruitment
        return bool(r and r.quota and r.delivered is not None and r.delivered < r.quota)

    @property
    def police_below_target(self) -> bool:
        r = self.report.recruitment
        return bool(r and r.police_quota and r.police_delivered is not None and r.police_delivered < r.police_quota)


@dataclass(frozen=True)
class Proposal:
    """One proposal and the units that made it, in table order."""

    text: str
    units: tuple[str, ...]


@dataclass(frozen=True)
class ChartInfo:
    """What the chart shows: ``shown`` of the ``rated`` units; ``only_below`` when only those below target."""

    shown: int
    rated: int
    only_below: bool
    caption: str


@dataclass(frozen=True)
class RollupFacts:
    """Everything the ``tong-hop`` wording may use, computed once."""

    rows: tuple[UnitRow, ...]
    period: PeriodWords
    totals: dict[str, int | Decimal]
    cover: dict[str, int]
    derived: dict[str, Decimal | int]
    basis: dict[str, int]
    changes: dict[str, Change]
    #: "province" (communes of one province), "region" (provinces of one military region) or "generic".
    scope_kind: str
    scope_noun: str  # "xã, phường thuộc tỉnh Gia Lai", "tỉnh, thành phố thuộc Quân khu 5", "đơn vị"
    issuing_agency: str
    parent_agency: str
    issuer_code: str
    number: int | None
    date: dt.date
    place: str
    signature_lines: tuple[str, ...]
    signer_display: str
    recipients: tuple[str, ...]
    summary: str = ""
    #: Whether the issuing agency was derived or given (False: a blank to fill in).
    agency_known: bool = True
    #: Warnings for the officer (W536–W538).
    problems: tuple[Problem, ...] = ()

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def rated(self) -> tuple[UnitRow, ...]:
        """Units giving both quota and delivered."""
        return tuple(row for row in self.rows if row.recruitment_rate is not None)

    @property
    def below(self) -> tuple[UnitRow, ...]:
        """Units below their recruitment quota, furthest behind first."""
        rows = [row for row in self.rows if row.below_target]
        return tuple(sorted(rows, key=lambda row: (row.recruitment_rate or 0, row.number)))

    @property
    def reached(self) -> tuple[UnitRow, ...]:
        return tuple(row for row in self.rated if not row.below_target)

    @property
    def exceeded(self) -> tuple[UnitRow, ...]:
        """Units that delivered more than their quota."""
        return tuple(row for row in self.rated if row.recruitment_rate > 100)

    @property
    def police_rated(self) -> tuple[UnitRow, ...]:
        return tuple(row for row in self.rows if row.police_rate is not None)

    @property
    def police_below(self) -> tuple[UnitRow, ...]:
        rows = [row for row in self.rows if row.police_below_target]
        return tuple(sorted(rows, key=lambda row: (row.police_rate or 0, row.number)))

    @property
    def lagging(self) -> tuple[UnitRow, ...]:
        """Units below their recruitment or police-service quota, in table order."""
        return tuple(row for row in self.rows if row.below_target or row.police_below_target)

    @property
    def without_recruitment(self) -> tuple[UnitRow, ...]:
        """Units that gave no quota or no delivered figure: their reports are to be completed."""
        return tuple(row for row in self.rows if row.recruitment_rate is None)

    @property
    def proposals(self) -> tuple[Proposal, ...]:
        """The units' proposals, identical ones merged, in order of first appearance."""
        from drafter.realise.surface import clause

        grouped: dict[str, tuple[str, list[str]]] = {}
        for row in self.rows:
            for item in row.report.proposals:
                text = clause(item)
                key = vnformat.capitalize_first(text).casefold()
                grouped.setdefault(key, (text, []))[1].append(row.label)
        return tuple(Proposal(text, tuple(units)) for text, units in grouped.values())

    @property
    def seed(self) -> str:
        """The seed for phrasing choices: the period and every unit."""
        keys = sorted("|".join(_identity(row.report)) for row in self.rows)
        digest = hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16]
        return f"rollup|{self.period.year}|{self.period.span}|{digest}"


def _sorted_sources(sources: Sequence[Source], order: str) -> list[Source]:
    if order == "input":
        return list(sources)
    return sorted(sources, key=lambda s: (vietnamese_sort_key(s.report.unit.name),
                                          vietnamese_sort_key(s.report.unit.kind),
                                          vietnamese_sort_key(s.report.unit.province or "")))


def _labels(sources: Sequence[Source]) -> list[str]:
    clashing: dict[tuple[str, str], int] = {}
    for s in sources:
        key = _identity(s.report)[:2]
        clashing[key] = clashing.get(key, 0) + 1
    labels = []
    for s in sources:
        unit = s.report.unit
        if clashing[_identity(s.report)[:2]] > 1:
            labels.append(_plain_label(s.report))
        else:
            labels.append(f"{unit.kind} {unit.name}")
    return labels


def _sums(reports: Sequence[Report]) -> tuple[dict[str, int | Decimal], dict[str, int]]:
    totals: dict[str, int | Decimal] = {}
    cover: dict[str, int] = {}
    for path in SUMMED:
        values = [value_at(r, path) for r in reports]
        given = [v for v in values if v is not None]
        if not given:
            continue
        if any(isinstance(v, float) for v in given):
            totals[path] = sum((Decimal(str(v)) for v in given), Decimal(0)).normalize()
        else:
            totals[path] = sum(given)
        cover[path] = len(given)
    collectives = [sum(a.collectives for a in r.awards) for r in reports if r.awards]
    if collectives:
        totals["awards.collectives"] = sum(collectives)
        totals["awards.individuals"] = sum(sum(a.individuals for a in r.awards) for r in reports)
        cover["awards.collectives"] = cover["awards.individuals"] = len(collectives)
    return totals, cover


def _rates(reports: Sequence[Report], totals: dict) -> tuple[dict[str, Decimal | int], dict[str, int]]:
    derived: dict[str, Decimal | int] = {}
    basis: dict[str, int] = {}
    for name, (part_path, whole_path) in RATES.items():
        pairs = [(value_at(r, part_path), value_at(r, whole_path)) for r in reports]
        pairs = [(p, w) for p, w in pairs if p is not None and w is not None]
        value = rate(sum(p for p, _ in pairs), sum(w for _, w in pairs)) if pairs else None
        if value is not None:
            derived[name] = value
            basis[name] = len(pairs)
    if "remains.abroad" in totals or "remains.domestic" in totals:
        derived["remains_total"] = totals.get("remains.abroad", 0) + totals.get("remains.domestic", 0)
    groups = [totals[f"defence_education.group_{n}"] for n in range(1, 5) if f"defence_education.group_{n}" in totals]
    if len(groups) > 1:
        derived["education_total"] = sum(groups)
    if "awards.collectives" in totals:
        derived["award_collectives"] = totals["awards.collectives"]
        derived["award_individuals"] = totals["awards.individuals"]
    return derived, basis


def _changes(unit_facts: Sequence) -> dict[str, Change]:
    names = {name for facts in unit_facts for name in facts.changes}
    out: dict[str, Change] = {}
    for name in sorted(names):
        with_change = [facts.changes.get(name) for facts in unit_facts]
        current_given = [_has_current(facts, name) for facts in unit_facts]
        # a change over a part of the units would be misread as the change of the whole
        if all(c is not None for c, given in zip(with_change, current_given) if given):
            found = [c for c in with_change if c is not None]
            result = change(sum(c.current for c in found), sum(c.previous for c in found))
            if result is not None:
                out[name] = result
    return out


_CURRENT = {
    "recruits_delivered": "recruitment.delivered",
    "registered_age_17": "recruitment.registered_age_17",
    "militia_strength": "militia.strength",
    "reserve_called": "reserve.called_for_training",
    "criminal_cases": "security.criminal_cases",
    "welfare_amount": "welfare.amount",
}


def _has_current(facts, name: str) -> bool:
    if name == "remains":
        remains = facts.report.remains
        return bool(remains and (remains.abroad is not None or remains.domestic is not None))
    path = _CURRENT.get(name)
    return path is not None and value_at(facts.report, path) is not None


def _common(values: Iterable[str | None]) -> str | None:
    found = {" ".join((v or "").split()) for v in values}
    return found.pop() if len(found) == 1 and "" not in found else None


def _kind_list(kinds: Iterable[str], order: Sequence[str]) -> str:
    found = set(kinds)
    present = [k for k in order if k in found]
    return ", ".join(present)


PLACEHOLDER_AGENCY = "[Tên cơ quan ban hành]"
PLACEHOLDER_PLACE = "[Địa danh]"
PLACEHOLDER_POSITION = "[Chức vụ người ký]"
PLACEHOLDER_SIGNER = "[Họ và tên]"


def _scope(reports: Sequence[Report], year: int) -> dict:
    """Who the units are and who compiles them, as far as the units tell."""
    levels = {r.unit.level for r in reports}
    provinces = _common(r.unit.province for r in reports) if levels <= {"commune", "district"} else None
    regions = _common(r.unit.military_region for r in reports)
    if provinces:
        order = {frozenset({"district"}): ("huyện", "quận", "thị xã", "thành phố"),
                 frozenset({"commune"}): ("xã", "phường", "đặc khu")}.get(
            frozenset(levels), ("huyện", "quận", "thị xã", "thành phố", "xã", "phường", "đặc khu"))
        kinds = _kind_list((r.unit.kind for r in reports), order) or "đơn vị"
        where = province_words(provinces, year)
        agency = _SPECIAL_COMMANDS.get(provinces, f"Bộ Chỉ huy Quân sự {where}")
        city = where.startswith("thành phố")
        recipients = [f"Bộ Tư lệnh {regions}"] if regions and regions.startswith("Quân khu") else []
        recipients += ["Thường trực Thành ủy" if city else "Thường trực Tỉnh ủy", "UBND thành phố" if city else "UBND tỉnh"]
        scope = {"kind": "province", "noun": f"{kinds} thuộc {where}", "agency": agency,
                 "parent": regions if regions and regions not in agency else "", "place": provinces,
                 "recipients": recipients}
        return _body(agency, scope)
    if levels == {"province"} and regions and regions.startswith("Quân khu"):
        kinds = _kind_list(("thành phố" if r.unit.name in _CITIES or r.unit.kind == "thành phố" else "tỉnh"
                            for r in reports), ("tỉnh", "thành phố"))
        return _body(f"Bộ Tư lệnh {regions}", {
            "kind": "region", "noun": f"{kinds} thuộc {regions}", "agency": f"Bộ Tư lệnh {regions}",
            "parent": "Bộ Quốc phòng", "place": MILITARY_REGION_PLACES.get(regions, ""),
            "recipients": ["Bộ Tổng Tham mưu"]})
    one_province = _common((r.unit.name if r.unit.level == "province" else r.unit.province) for r in reports)
    return {"kind": "generic", "noun": "đơn vị", "agency": "", "parent": "", "code": "",
            "place": one_province or "", "position": "", "head": "", "recipients": []}


#: Kinds of issuing body, known by how their name begins: symbol code, head, lines always above the position.
_BODIES = (
    ("bộ chỉ huy quân sự", "BCH", "Chỉ huy trưởng", ()),
    ("ban chỉ huy quân sự", "BCHQS", "Chỉ huy trưởng", ()),
    ("bộ tư lệnh", "BTL", "Tư lệnh", ()),
    ("ủy ban nhân dân", "UBND", "Chủ tịch", ("TM. ỦY BAN NHÂN DÂN",)),
)


def _body(agency: str, scope: dict) -> dict:
    """``scope`` with the code and head of a given agency, when its kind is known."""
    name = unicodedata.normalize("NFC", agency).casefold()
    for prefix, code, position, lead in _BODIES:
        if name.startswith(prefix):
            return {**scope, "code": code, "position": position, "head": position.upper(), "lead": lead}
    return scope


def _signature(info: RollupInfo, scope: dict) -> tuple[tuple[str, ...], str, list[str]]:
    missing: list[str] = []
    signer = info.signer
    lead = tuple(scope.get("lead", ()))
    if signer is None:
        if not scope["head"]:
            missing.append("chức vụ người ký")
        missing.append("người ký")
        return lead + (scope["head"] or PLACEHOLDER_POSITION.upper(),), PLACEHOLDER_SIGNER, missing
    position = signer.position or scope["position"]
    if not position:
        missing.append("chức vụ người ký")
        position = PLACEHOLDER_POSITION
    if signer.authority is not None:
        authority = [line.upper() for line in signer.authority]
    elif scope["head"] and position.upper() != scope["head"] and not position.startswith("["):
        authority = [*lead, f"KT. {scope['head']}"]
    else:
        authority = list(lead)
    name = f"{signer.rank} {signer.name}" if signer.rank else signer.name
    return tuple(authority) + (position.upper(),), name, missing


def build_rollup(items: Iterable[Report | Source], settings: RollupInfo | dict | None = None) -> RollupFacts:
    """The roll-up's facts; raises :class:`DrafterError` when the units cannot be rolled up together."""
    info = settings if isinstance(settings, RollupInfo) else RollupInfo.model_validate(settings or {})
    sources = [item if isinstance(item, Source) else Source(f"đơn vị thứ {n}", item)
               for n, item in enumerate(items, start=1)]
    problems = check_sources(sources)
    if any(p.is_error for p in problems):
        raise DrafterError([p for p in problems if p.is_error])
    ordered = _sorted_sources(sources, info.order)
    reports = [s.report for s in ordered]
    unit_facts = [build_facts(r) for r in reports]
    rows = tuple(UnitRow(n, s.source, s.report, label, facts.derived)
                 for n, (s, label, facts) in enumerate(zip(ordered, _labels(ordered), unit_facts), start=1))
    totals, cover = _sums(reports)
    derived, basis = _rates(reports, totals)
    period = period_words(reports[0])
    scope = _scope(reports, period.year)
    missing: list[str] = []
    agency = info.issuing_agency or scope["agency"]
    if info.issuing_agency:
        scope = _body(info.issuing_agency, scope)
    if not agency:
        missing.append("cơ quan ban hành")
    place = info.place or scope["place"]
    if not place:
        missing.append("địa danh")
    lines, signer, missing_signer = _signature(info, scope)
    missing += missing_signer
    recipients = list(info.recipients) if info.recipients is not None else scope["recipients"]
    problems = list(problems)
    if missing:
        problems.append(Problem("W538", HERE, extra={"detail": vnformat.format_list(missing)}))
    return RollupFacts(
        rows=rows,
        period=period,
        totals=totals,
        cover=cover,
        derived=derived,
        basis=basis,
        changes=_changes(unit_facts),
        scope_kind=scope["kind"],
        scope_noun=scope["noun"],
        issuing_agency=agency or PLACEHOLDER_AGENCY,
        parent_agency=info.parent_agency if info.parent_agency is not None else scope["parent"],
        issuer_code=info.issuer_code or scope["code"],
        number=info.number,
        date=info.date or max(r.document.date for r in reports),
        place=place or PLACEHOLDER_PLACE,
        signature_lines=lines,
        signer_display=signer,
        recipients=tuple(recipients) + (f"Lưu: {info.archive}",),
        summary=info.summary or "",
        agency_known=bool(agency),
        problems=tuple(problems),
    )


# ------------------------------------------------------------ table and chart


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, Decimal):
        return vnformat.format_decimal(value)
    return vnformat.format_integer(value)


def unit_table(facts: RollupFacts) -> Table | None:
    """One row per unit and a "Tổng cộng" row; columns only for figures some unit gives."""
    columns: list[tuple[str, float, object, object]] = []  # header, width, row -> value, total

    def add(header: str, width: float, per_row, total) -> None:
        columns.append((header, width, per_row, total))

    t, d = facts.totals, facts.derived
    if "recruitment.quota" in t:
        add("Chỉ tiêu giao quân", 1.2, lambda row: value_at(row.report, "recruitment.quota"), t["recruitment.quota"])
    if "recruitment.delivered" in t:
        add("Số giao quân", 1.2, lambda row: value_at(row.report, "recruitment.delivered"),
            t["recruitment.delivered"])
    if "recruitment_rate" in d:
        add("Tỷ lệ đạt (%)", 1.1, lambda row: row.recruitment_rate, d["recruitment_rate"])
    if "militia.strength" in t:
        add("Quân số DQTV", 1.2, lambda row: value_at(row.report, "militia.strength"), t["militia.strength"])
    if "militia_share" in d:
        add("Tỷ lệ DQTV so với dân số (%)", 1.4, lambda row: row.derived.get("militia_share"), d["militia_share"])
    if not columns:
        return None
    header = ("TT", "Đơn vị") + tuple(c[0] for c in columns)
    rows = [(str(row.number), row.cell_label) + tuple(_cell(c[2](row)) for c in columns) for row in facts.rows]
    rows.append(("", "Tổng cộng") + tuple(_cell(c[3]) for c in columns))
    widths = (0.6, 2.6) + tuple(c[1] for c in columns)
    return Table(header=header, rows=tuple(rows), widths=widths)


def chart_rows(facts: RollupFacts) -> tuple[list[UnitRow], bool]:
    """The units a recruitment chart shows, and whether they are only those below target.

    Up to :data:`drafter.layout.chart.MAX_BARS` units: all of them, lowest rate on top.
    Beyond that a reader looks for who is behind, so the chart keeps the units below
    target (the furthest behind, when even they are too many). Empty when the chart
    would add nothing: fewer than three units with a rate, or every rate the same.
    """
    from drafter.layout.chart import MAX_BARS

    rated = list(facts.rated)
    if len(rated) < 3 or len({row.recruitment_rate for row in rated}) < 2:
        return [], False
    ordered = sorted(rated, key=lambda row: (row.recruitment_rate, row.number))
    if len(ordered) <= MAX_BARS:
        return ordered, False
    below = [row for row in ordered if row.below_target]
    return below[:MAX_BARS], True


def recruitment_chart(facts: RollupFacts) -> tuple[Image | None, ChartInfo | None]:
    rows, only_below = chart_rows(facts)
    if not rows:
        return None, None
    from drafter.layout.chart import bar_chart

    png = bar_chart([(row.cell_label, row.recruitment_rate, row.below_target) for row in rows],
                    axis_label="Tỷ lệ hoàn thành chỉ tiêu giao quân (%)",
                    legend=("Chưa đạt chỉ tiêu", "Đạt, vượt chỉ tiêu", "Mức 100% chỉ tiêu"))
    rated = len(facts.rated)
    if only_below and len(rows) < len(facts.below):
        whose = f"{vnformat.format_integer(len(rows))} đơn vị có tỷ lệ thấp nhất"
    elif only_below:
        whose = "các đơn vị chưa đạt chỉ tiêu"
    else:
        whose = "các đơn vị"
    caption = (f"Hình 1. Tỷ lệ hoàn thành chỉ tiêu giao quân {facts.period.name} của {whose} "
               "(xếp từ thấp đến cao)")
    info = ChartInfo(shown=len(rows), rated=rated, only_below=only_below, caption=caption)
    return Image(png=png, caption=caption, width_cm=16.0), info


# -------------------------------------------------------------------- drafts


def list_units(rows: Iterable[UnitRow], rate: str | None = "recruitment_rate") -> str:
    """Units named in a sentence, each with its rate: "xã A (96,15%), xã B (90%) và xã C (80%)".

    Labels that carry a comma ("xã Phú Lợi, tỉnh Gia Lai") are separated by semicolons.
    """
    rows = list(rows)
    items = [row.label + (f" ({vnformat.format_percent(row.derived[rate])})" if rate and rate in row.derived else "")
             for row in rows]
    if any("," in row.label for row in rows):
        return "; ".join(items)
    return vnformat.format_list(items)


def rollup_context(facts: RollupFacts) -> dict:
    """The variables the ``tong-hop`` pack sees."""
    from drafter.realise.choice import Chooser

    chooser = Chooser(facts.seed)
    tables, images = {}, {}
    table = unit_table(facts)
    if table is not None:
        tables["units"] = table
    image, chart = recruitment_chart(facts)
    if image is not None:
        images["chart"] = image
    return {
        "rollup": facts,
        "period": facts.period,
        "units": facts.rows,
        "n": facts.count,
        "t": _nested(facts.totals),
        "cover": _nested(facts.cover),
        "d": facts.derived,
        "basis": facts.basis,
        "changes": facts.changes,
        "chart": chart,
        "tables": tables,
        "images": images,
        "table_has_gaps": table is not None and any(cell == "-" for row in table.rows for cell in row),
        "ds_don_vi": list_units,
        "choose": chooser.choose,
        "shuffle": chooser.shuffle,
        "pick": chooser.number,
    }


def _nested(flat: dict[str, object]) -> dict[str, dict[str, object]]:
    """{"recruitment.quota": 5} -> {"recruitment": {"quota": 5}}, for ``t.recruitment.quota`` in templates."""
    out: dict[str, dict[str, object]] = {path.split(".")[0]: {} for path in SUMMED + ("awards.collectives",)}
    for path, value in flat.items():
        section, name = path.split(".", 1)
        out.setdefault(section, {})[name] = value
    return out


def draft_from_facts(facts: RollupFacts, template: str | Path = TEMPLATE) -> Draft:
    """The roll-up as plain data: the pack's wording inside the masthead the facts dictate."""
    from drafter.packs import TemplatePackError
    from drafter.packs.manifest import load_pack
    from drafter.realise.masthead import masthead_name
    from drafter.packs.jinja import render_template

    try:
        pack = load_pack(template)
        if facts.period.span not in pack.periods:
            raise DrafterError([Problem("E505", str(template), found=facts.period.span,
                                        expected=", ".join(pack.periods))])
        wording = render_template(pack, rollup_context(facts))
    except TemplatePackError as error:
        raise DrafterError([Problem("E504", error.where, found=str(template),
                                    extra={"detail": error.detail})]) from None
    summary = facts.summary or wording.summary
    masthead = Masthead(
        issuing_agency=masthead_name(facts.issuing_agency),
        parent_agency=masthead_name(facts.parent_agency),
        number=vnformat.format_doc_number(facts.number, "BC", facts.issuer_code),
        place_date=vnformat.format_place_date(facts.place, facts.date),
        doc_type=wording.doc_type or "BÁO CÁO",
        summary=summary,
        signature=Signature(lines=facts.signature_lines, signer=facts.signer_display),
        recipients=facts.recipients,
    )
    return Draft(blocks=wording.blocks, masthead=masthead, title=summary, author=facts.issuing_agency)


def _sources_or_raise(items) -> list[Source]:
    if isinstance(items, (str, Path, Report, Source)):
        items = [items]
    sources, problems = load_sources(items)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise DrafterError(errors)
    return sources


def rollup_draft(reports: Iterable[Report | Source | Path | str], settings: RollupInfo | dict | None = None,
                 template: str | Path = TEMPLATE) -> Draft:
    """One report over many units: input -> roll-up facts -> wording, before any layout."""
    return draft_from_facts(build_rollup(_sources_or_raise(reports), settings), template)


def render_rollup(paths_or_reports, format: str = "docx", settings: RollupInfo | dict | None = None,
                  template: str | Path = TEMPLATE) -> bytes | str:
    """The finished roll-up: .docx bytes, or Markdown / plain text."""
    from drafter.api import FORMATS, lay_out

    if format not in FORMATS:
        raise DrafterError([Problem("E505", TEMPLATE, found=format, expected=", ".join(FORMATS))])
    return lay_out(rollup_draft(paths_or_reports, settings, template), format)


def rollup_to_file(paths_or_reports, output: Path | str, format: str | None = None,
                   settings: RollupInfo | dict | None = None, force: bool = False,
                   template: str | Path = TEMPLATE) -> Path:
    """Render and write atomically; the format follows the output's suffix unless given."""
    from drafter.output.files import write_atomic

    output = Path(output)
    format = format or {".md": "md", ".txt": "txt"}.get(output.suffix.lower(), "docx")
    if output.exists() and not force:
        raise DrafterError([Problem("E501", str(output), found=str(output))])
    return write_atomic(output, render_rollup(paths_or_reports, format, settings, template), force=force)
