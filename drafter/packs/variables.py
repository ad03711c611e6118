"""What a template may use: every variable a pack's template sees, with its Vietnamese title, kind and example.

One tree (:func:`context_vars`: name -> :class:`Var`) serves the template checker in
:mod:`drafter.packs.catalog`, which reports ``r.recruitment.quotaa`` as a typo because the tree
says what ``r.recruitment`` holds, and the listings of :mod:`drafter.packs.guide`
(``drafter templates vars``, ``docs/mau-bao-cao.md``). The report's part is read from the input
model's pydantic titles; the facts' parts have their titles here.

>>> context_vars()["r"].fields["recruitment"].fields["quota"].title
'Chỉ tiêu giao quân'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from pydantic import BaseModel

from drafter import facts as facts_module
from drafter.facts import Change, Facts, PeriodWords, UnitWords, build_facts
from drafter.inputs.model import PreviousFigures, Report

__all__ = [
    "CHANGE_TITLES", "DERIVED_TITLES", "EXAMPLE_REPORT", "FACTS_TITLES", "FUNCTIONS", "NOT_FOR_TEMPLATES",
    "PERIOD_TITLES", "UNIT_TITLES", "Var", "context_vars", "derived_names", "example_facts", "template_names",
]


@dataclass(frozen=True)
class Var:
    """One name a template can reach. ``fields`` is None unless the set of attributes is known."""

    title: str
    kind: str  # what it holds, in words an officer reads: "chữ", "số nguyên", "nhóm"…
    fields: dict[str, Var] | None = None
    item: Var | None = None  # the element of a list
    methods: frozenset[str] = frozenset()  # attribute names allowed besides the fields
    note: str = ""
    example: str = ""


_DICT_METHODS = frozenset({"get", "items", "keys", "values"})

UNIT_TITLES = {
    "name": "Tên riêng của đơn vị",
    "kind": "Loại đơn vị hành chính",
    "level": "Cấp: province, district, commune hoặc area (khu vực phòng thủ)",
    "full": "Tên đầy đủ",
    "level_word": "Từ chỉ cấp, đặt sau tên cơ quan",
    "province": "Tỉnh, thành phố trực thuộc",
    "province_full": "Tỉnh, thành phố kèm loại",
    "party": "Cấp ủy",
    "council": "Hội đồng nhân dân (viết tắt)",
    "committee": "Ủy ban nhân dân (viết tắt)",
    "committee_full": "Ủy ban nhân dân (đầy đủ)",
    "command": "Cơ quan quân sự (viết tắt)",
    "command_full": "Cơ quan quân sự (đầy đủ)",
    "military_region": "Quân khu",
    "communes": "Các đơn vị cấp dưới",
}
PERIOD_TITLES = {
    "year": "Năm báo cáo",
    "span": "Kỳ: year hoặc half-year",
    "is_half": "Là kỳ 6 tháng (đúng/sai)",
    "name": "Tên kỳ",
    "opening": "Mở câu về kỳ này",
    "next_opening": "Mở câu về kỳ tới",
    "days": "Số ngày của kỳ báo cáo (365, 366; 181, 182 với 6 tháng đầu năm)",
    "next_name": "Tên kỳ tới",
    "review": "Tổng kết hay sơ kết",
    "compared": "So với kỳ trước",
    "previous_name": "Tên kỳ trước",
    "next_year": "Năm của kỳ tới",
    "current_map": "Theo bản đồ hành chính từ 01/7/2025 (đúng/sai)",
    "communes": "Các loại đơn vị cấp xã theo bản đồ của kỳ",
    "next_short": "Tên kỳ tới khi đã nêu năm (6 tháng cuối năm)",
    "next_opening_short": "Mở câu về kỳ tới khi đã nêu năm",
    "compared_short": "So với kỳ trước khi đã nêu năm (so với cùng kỳ, so với năm trước)",
}
FACTS_TITLES = {
    "report": "Số liệu báo cáo (như r)",
    "unit": "Cách gọi đơn vị (như unit)",
    "period": "Cách gọi kỳ (như period)",
    "derived": "Số liệu tự tính (như d)",
    "militia_only": "Lực lượng của đơn vị chỉ là dân quân (xã, phường không có tự vệ) (đúng/sai)",
    "changes": "So sánh với kỳ trước (như changes)",
    "issuer": "Cơ quan ban hành: tên, cơ quan chủ quản, ký hiệu, địa danh, người ký, nơi nhận, đơn vị tổ chức",
    "issuing_agency": "Cơ quan ban hành",
    "parent_agency": "Cơ quan chủ quản",
    "issuer_code": "Ký hiệu cơ quan ban hành",
    "signature_lines": "Các dòng thẩm quyền, chức vụ người ký",
    "signer_display": "Người ký (cấp bậc, họ tên)",
    "recipients": "Nơi nhận",
    "place": "Địa danh ghi trước ngày tháng",
}
CHANGE_TITLES = {
    "current": "Số kỳ này",
    "previous": "Số kỳ trước",
    "difference": "Chênh lệch (kỳ này trừ kỳ trước)",
    "percent": "Tăng, giảm bao nhiêu phần trăm (trống khi kỳ trước bằng 0)",
    "direction": "Chiều: up (tăng), down (giảm), same (bằng)",
}
DERIVED_TITLES = {
    "recruitment_rate": "Tỷ lệ giao quân đạt chỉ tiêu (%)",
    "police_rate": "Tỷ lệ nhập ngũ CAND đạt chỉ tiêu (%)",
    "recruit_party_share": "Tỷ lệ đảng viên trong số nhập ngũ (%)",
    "registered_share": "Tỷ lệ đăng ký NVQS tuổi 17 so với dân số (%)",
    "militia_share": "Tỷ lệ dân quân tự vệ so với dân số (%)",
    "militia_party_share": "Tỷ lệ đảng viên trong dân quân tự vệ (%)",
    "militia_trained_share": "Tỷ lệ dân quân tự vệ được huấn luyện so với tổng quân số (%)",
    "exercised_share": "Tỷ lệ xã, phường đã diễn tập (%)",
    "remains_total": "Tổng số hài cốt liệt sĩ quy tập",
    "education_total": "Tổng số người được bồi dưỡng kiến thức QPAN",
    "award_collectives": "Tổng số tập thể được khen",
    "award_individuals": "Tổng số cá nhân được khen",
}
FUNCTIONS = {
    "choose": ("Chọn một cách diễn đạt, cố định theo đơn vị và kỳ",
               '{{ choose("mo-dau", "Năm qua", "Trong năm") }}'),
    "shuffle": ("Đảo thứ tự một danh sách, cố định theo đơn vị và kỳ",
                '{{ shuffle("thu-tu", ["A", "B", "C"]) | ds }}'),
    "pick": ("Chọn một số từ 0 đến n − 1, cố định theo đơn vị và kỳ", '{{ pick("kieu-cau", 3) }}'),
}

#: A report with every section filled, so that examples, derived names and
#: changes are all present. Figures are invented; only their form matters.
EXAMPLE_REPORT = {
    "unit": {"name": "Gia Lai", "kind": "tỉnh", "population": 3583693, "military_region": "Quân khu 5"},
    "period": {"year": 2026},
    "document": {"issuer": "ubnd", "date": "2026-12-05",
                 "signer": {"name": "Trần Văn Bình", "position": "Phó Chủ tịch"}},
    "recruitment": {"quota": 2850, "delivered": 2850, "party_members": 47, "police_quota": 310,
                    "police_delivered": 310, "registered_age_17": 31890},
    "militia": {"strength": 48215, "trained": 45100, "party_members": 9643},
    "reserve": {"registered": 21000, "called_for_training": 1520},
    "exercises": {"communes_exercised": 45, "communes_total": 135},
    "defence_education": {"group_1": 12, "group_2": 130, "group_3": 950, "group_4": 5200},
    "welfare": {"amount": 5_200_000_000},
    "remains": {"abroad": 31, "abroad_country": "Campuchia", "domestic": 4},
    "security": {"criminal_cases": 118},
    "awards": [{"giver": "Chủ tịch UBND tỉnh", "kind": "bằng khen", "collectives": 12, "individuals": 30}],
    "previous": {"recruits_delivered": 2780, "registered_age_17": 30500, "militia_strength": 47900,
                 "reserve_called": 1480, "criminal_cases": 131, "remains": 40, "welfare_amount": 4_700_000_000},
}


@cache
def example_facts() -> Facts:
    return build_facts(Report.model_validate(EXAMPLE_REPORT))


def derived_names() -> dict[str, str]:
    """Derived names and their rules, as the table in :mod:`drafter.facts` documents them."""
    rows = re.findall(r"^(\w+)\s{2,}(.+)$", facts_module.__doc__ or "", re.MULTILINE)
    documented = {name: rule.strip() for name, rule in rows if name not in ("name",)}
    # a name the code computes but the table forgets is still a name templates may use
    for name in example_facts().derived:
        documented.setdefault(name, "")
    return documented


def _show(value) -> str:
    if value is None or value == "" or value == () or value == []:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False, default=str)
    return str(value)


def _kind(annotation, sample=None) -> tuple[str, Var | None, dict | None]:
    """(words for the type, list element, fields) of a pydantic annotation."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Annotated, typing.Union, types.UnionType):
        return _kind(args[0], sample)
    if origin is typing.Literal:
        return "một trong: " + ", ".join(str(a) for a in typing.get_args(annotation)), None, None
    if origin in (list, tuple):
        item_kind, _, item_fields = _kind(args[0], sample[0] if sample else None)
        item = Var("", item_kind, item_fields)
        return ("danh sách nhóm" if item_fields is not None else f"danh sách {item_kind}"), item, None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "nhóm", None, _model_fields(annotation, sample)
    words = {str: "chữ", int: "số nguyên", float: "số", Decimal: "số", bool: "đúng/sai", dt.date: "ngày"}
    return words.get(annotation, "giá trị"), None, None


def _model_fields(model: type[BaseModel], sample=None) -> dict[str, Var]:
    """Fields of a model; examples from ``sample`` (the example report), else from the model."""
    found = {}
    for name, info in model.model_fields.items():
        value = getattr(sample, name, None)
        kind, item, fields = _kind(info.annotation, value)
        if item is not None and item.fields is not None:
            item = dataclasses.replace(item, title=info.title or name)
        example = _show(value) if not isinstance(value, (BaseModel, list)) else ""
        if not example and info.examples:
            example = _show(info.examples[0])
        found[name] = Var(info.title or name, kind, fields, item, note=info.description or "", example=example)
    return found


#: Fields of the facts that are for the program, not for templates (templates see them as
#: ``d`` and ``changes``, or through the properties listed in the titles).
NOT_FOR_TEMPLATES = frozenset({"figures"})


def template_names(cls) -> list[str]:
    """What a template may read on ``cls``: its fields and its public properties, in order."""
    names = [f.name for f in dataclasses.fields(cls) if f.name not in NOT_FOR_TEMPLATES]
    names += [name for name, member in vars(cls).items() if isinstance(member, property) and not name.startswith("_")]
    return names


def _dataclass_fields(cls, titles: dict[str, str], sample, special: dict[str, Var] | None = None) -> dict[str, Var]:
    hints = typing.get_type_hints(cls)
    found = {}
    for name in template_names(cls):
        if special and name in special:
            found[name] = special[name]
            continue
        hint = hints[name] if name in hints else typing.get_type_hints(getattr(cls, name).fget)["return"]
        kind, item, _ = _kind(hint)
        if typing.get_origin(hint) is tuple:
            kind = "danh sách chữ"
        found[name] = Var(titles.get(name, name), kind, None, item, example=_show(getattr(sample, name, None)))
    return found


@cache
def context_vars() -> dict[str, Var]:
    """name -> :class:`Var`: the variables every template sees (see :func:`drafter.packs.jinja.context`)."""
    sample = example_facts()
    report = Var("Số liệu báo cáo: mọi trường của tệp số liệu", "nhóm", _model_fields(Report, sample.report))
    unit = Var("Cách gọi đơn vị theo cấp", "nhóm", _dataclass_fields(UnitWords, UNIT_TITLES, sample.unit))
    period = Var("Cách gọi kỳ báo cáo", "nhóm", _dataclass_fields(PeriodWords, PERIOD_TITLES, sample.period))
    derived = Var("Số liệu do chương trình tự tính (chỉ có khi đủ số liệu)", "nhóm", {
        name: Var(DERIVED_TITLES.get(name, rule or name), "số", note=rule, example=_show(sample.derived.get(name)))
        for name, rule in derived_names().items()
    }, methods=_DICT_METHODS)
    change = _dataclass_fields(Change, CHANGE_TITLES, None)
    names = dict.fromkeys(PreviousFigures.model_fields) | dict.fromkeys(sample.changes)
    changes = Var("So sánh với kỳ trước (chỉ có khi có số kỳ trước)", "nhóm", {
        name: Var("So với kỳ trước: " + _previous_title(name), "so sánh", dict(change))
        for name in names
    }, methods=_DICT_METHODS)
    special = {"report": report, "unit": unit, "period": period, "derived": derived, "changes": changes}
    facts = Var("Mọi dữ kiện của bản thảo", "nhóm", _dataclass_fields(Facts, FACTS_TITLES, sample, special))
    context = {"r": report, "unit": unit, "period": period, "d": derived, "changes": changes, "facts": facts}
    for name, (title, usage) in FUNCTIONS.items():
        context[name] = Var(title, "hàm", note=usage)
    return context


def _previous_title(name: str) -> str:
    info = PreviousFigures.model_fields.get(name)
    title = info.title if info and info.title else name
    title = title.removesuffix(" kỳ trước")
    # "Quân số DQTV" -> "quân số DQTV": lower the first letter only, keep acronyms
    return title[0].lower() + title[1:]
