"""The starter YAML of ``drafter init``: one unit's file, ready to fill in.

What can be known is filled in: the unit's spelling, kind (tỉnh / thành phố / xã / phường /
đặc khu) and province from the administrative map (:mod:`drafter.inputs.reference`), its
military region, the period, a signing date inside it. What only the office knows is a clear
placeholder that still validates (the signer "[Họ và tên]"), so ``drafter validate`` passes
at once. Every other field of the input model is there, commented out under its section,
with its Vietnamese description: uncomment a section, fill the figures.

The commented part is generated from :mod:`drafter.inputs.model`, so it follows the model.

>>> unit, problems = resolve_unit("ia grai", province="gia lai", year=2026)
>>> unit, problems
(StarterUnit(name='Ia Grai', kind='xã', province='Gia Lai', military_region='Quân khu 5'), [])
>>> resolve_unit("Ia Grau", province="Gia Lai", year=2026)[1][0].render()
'--unit: lỗi E308: không có đơn vị “xã Ia Grau” trên bản đồ hành chính từ 01/7/2025; có phải ý bạn là “Ia Grai”? Sửa: sửa tên theo danh mục đơn vị hành chính hiện hành (34 tỉnh, 3.321 xã, phường, đặc khu).'
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field

from drafter.errors import Problem
from drafter.inputs.era import era_of

PROVINCE_KINDS = ("tỉnh", "thành phố")
COMMUNE_KINDS = ("xã", "phường", "đặc khu", "thị trấn")
DISTRICT_KINDS = ("huyện", "quận", "thị xã")
AREA_KIND = "khu vực"

COMMENT_COLUMN = 35  # as in samples/*.yaml


@dataclass(frozen=True)
class StarterUnit:
    name: str
    kind: str
    province: str | None = None
    military_region: str | None = None

    #: The map the period is on (:mod:`drafter.inputs.era`); the current one unless told.
    current_map: bool = field(default=True, repr=False)

    @property
    def level(self) -> str:
        if self.kind in COMMUNE_KINDS:
            return "commune"
        if self.kind == AREA_KIND:
            return "area"
        return "district" if self.kind in DISTRICT_KINDS else "province"

    @property
    def label(self) -> str:
        """“xã Ia Grai, tỉnh Gia Lai”; “Ban Chỉ huy Phòng thủ khu vực 4 - Vĩnh Yên, tỉnh Phú Thọ”."""
        own = f"Ban Chỉ huy Phòng thủ khu vực {self.name}" if self.level == "area" else f"{self.kind} {self.name}"
        if self.level == "province" or not self.province:
            return own
        from drafter.inputs.reference import province_kind

        era = era_of(2026 if self.current_map else 2024)
        return f"{own}, {province_kind(self.province, era)} {self.province}"


def resolve_unit(name: str, kind: str | None = None, province: str | None = None, year: int | None = None,
                 span: str = "year") -> tuple[StarterUnit, list[Problem]]:
    """Complete a unit from the map; problems say what does not match, with a suggestion.

    Without ``kind``: a commune when ``province`` is given (and is not the unit itself), else a
    province. For a period before the July 2025 reform, names of the old map are accepted, and
    a thị trấn; a defence area (``kind="khu vực"``, name "4 - Vĩnh Yên") only after it.
    """
    from drafter.inputs import reference

    name, province = " ".join(name.split()), " ".join((province or "").split()) or None
    # "xã Ia Grai", "tỉnh Gia Lai" typed as officers write them: the starter looks the rest up on the
    # map, so the kind word can be taken as said (a file's name is refused with it, E316)
    said = reference.kind_in_name(name)
    if said and kind in (None, said[0]):
        kind, name = said
    said = reference.kind_in_name(province) if province else None
    if said and said[0] in PROVINCE_KINDS:
        province = said[1]
    era = era_of(year or dt.date.today().year, span)
    current = era.current_map
    problems: list[Problem] = []

    def say(code: str, where: str, found: str, suggestion: str | None = None, expected: str = "") -> None:
        if code == "E308" and not current:
            return  # an old-map name: the validator warns (W405), the starter need not
        hint = f"; có phải ý bạn là “{suggestion}”?" if suggestion else ""
        problems.append(Problem(code, where, found=found, expected=expected, extra={"suggestion": hint}))

    if province and reference._key(province) == reference._key(name) and kind not in COMMUNE_KINDS:
        province = None  # "--unit Gia Lai --province Gia Lai": the province itself
    province_level = kind in PROVINCE_KINDS or (kind is None and province is None)
    if kind in DISTRICT_KINDS:
        if current:
            problems.append(Problem("E304", "--kind"))
        return StarterUnit(name, kind, province, current_map=current), problems
    if kind == "thị trấn" and current:
        problems.append(Problem("E310", "--kind", found=name))
    if kind == AREA_KIND and not current:
        problems.append(Problem("E311", "--kind", found=name))
    if province_level:
        if not current:  # the old map is not in the package: the name as given, the region from the table
            found_name = reference.province_name(name, era)
            return StarterUnit(found_name, kind or reference.province_kind(found_name, era), None,
                               reference.military_region(found_name, era), current_map=False), problems
        found = reference.find_province(name)
        if found is None:
            say("E308", "--unit", name, reference.suggest_province(name))
            return StarterUnit(name, kind or "tỉnh"), problems
        if kind and kind != found.division:
            say("E309", "--kind", kind, expected=found.division)
        return StarterUnit(found.name, found.division, None, reference.military_region(found.name, era)), problems
    if province is None:
        problems.append(Problem("E307", "--province"))
        return StarterUnit(name, kind or "xã", current_map=current), problems
    found_province = reference.find_province(province) if current else None
    if found_province is None:
        if current:
            say("E308", "--province", province, reference.suggest_province(province))
        province = reference.province_name(province, era)
        return StarterUnit(_area_name(name) if kind == AREA_KIND else name, kind or "xã", province,
                           reference.military_region(province, era), current_map=current), problems
    region = reference.military_region(found_province.name, era)
    if kind == AREA_KIND:  # a defence area is not on the administrative map
        return StarterUnit(_area_name(name), kind, found_province.name, region), problems
    commune = reference.find_commune(found_province.name, name)
    if commune is None:
        say("E308", "--unit", f"{kind or 'xã'} {name}", reference.suggest_commune(found_province.name, name))
        return StarterUnit(name, kind or "xã", found_province.name, region), problems
    if kind and kind != commune.division:
        say("E309", "--kind", kind, expected=commune.division)
    return StarterUnit(commune.name, commune.division, found_province.name, region), problems


def _area_name(name: str) -> str:
    """“Ban Chỉ huy Phòng thủ khu vực 4 - Vĩnh Yên” or “khu vực 4 - Vĩnh Yên” -> “4 - Vĩnh Yên”."""
    from drafter.inputs.model import area_name

    return area_name(name)


def signing_date(year: int, span: str) -> dt.date:
    """A plausible signing date inside the period: mid-December, or late June for a half-year."""
    return dt.date(year, 12, 15) if span == "year" else dt.date(year, 6, 20)


# ------------------------------------------------------------------ the text


def starter_yaml(unit: StarterUnit, year: int, span: str = "year", schema: str | None = "report.schema.json",
                 filename: str = "so-lieu.yaml") -> str:
    from drafter.inputs.model import DocumentInfo, Report, Signer
    from drafter.inputs.model import Unit as UnitModel

    period_words = f"năm {year}" if span == "year" else f"6 tháng đầu năm {year}"
    review = "tổng kết" if span == "year" else "sơ kết"
    lines = [f"# yaml-language-server: $schema={schema}"] if schema else []
    lines += [
        f"# Số liệu {review} công tác quốc phòng, quân sự địa phương {period_words} của {unit.label}.",
        "# Tạo bằng “drafter init”. Cách điền:",
        "#   1. Sửa các dòng có chữ “SỬA”: người ký, ngày ký.",
        "#   2. Mục nào có số liệu thì bỏ dấu “# ” ở đầu các dòng của mục đó rồi điền (trong VS Code: chọn",
        "#      các dòng, bấm Ctrl+/). Số viết liền, không dấu chấm: 2847. Mục không có số liệu thì để nguyên.",
        f"#   3. Kiểm tra: drafter validate {filename}",
        f"#   4. Soạn: drafter render {filename} -o bao-cao.docx   (thêm --pdf để có cả tệp PDF)",
        "",
    ]
    era = era_of(year, span)
    unit_fields = UnitModel.model_fields
    kinds = {"province": PROVINCE_KINDS, "area": (AREA_KIND,)}.get(unit.level, era.commune_kinds)
    lines.append(_line("unit:", Report.model_fields["unit"].description))
    lines.append(_line(f"  name: {_scalar(unit.name)}", "Số và tên khu vực, như “4 - Vĩnh Yên”" if unit.level == "area"
                       else "Tên riêng, không kèm loại đơn vị"))
    lines.append(_line(f"  kind: {unit.kind}", "Loại theo danh mục hành chính: " + " / ".join(kinds)
                       if unit.level != "area" else "Địa bàn của một Ban Chỉ huy Phòng thủ khu vực"))
    if unit.province:
        lines.append(_line(f"  province: {_scalar(unit.province)}", unit_fields["province"].title))
    if unit.military_region:
        lines.append(_line(f"  military_region: {_scalar(unit.military_region)}",
                           "Quân khu phụ trách (tự điền theo tỉnh; kiểm tra lại)"))
    else:
        lines += _commented_fields(UnitModel, ("military_region",), 1)
    lines += _commented_fields(UnitModel, ("population", "district", "level"), 1)
    lines += ["", _line("period:", Report.model_fields["period"].title),
              _line(f"  year: {year}", "Năm báo cáo"),
              _line(f"  span: {span}", "year: tổng kết năm; half-year: sơ kết 6 tháng đầu năm"), ""]
    if unit.level == "area":
        issuer = _line("  issuer: chqs", "chqs: Ban Chỉ huy Phòng thủ khu vực ban hành")
        signer_position = "Chỉ huy trưởng"
        position_note = "SỬA nếu cần: Chỉ huy trưởng; Phó Chỉ huy trưởng (tự thêm “KT. CHỈ HUY TRƯỞNG”)"
    else:
        issuer = _line("  issuer: ubnd", "ubnd: Ủy ban nhân dân ban hành; chqs: Bộ/Ban CHQS ban hành")
        signer_position = "Chủ tịch"
        position_note = "SỬA nếu cần: Chủ tịch; Phó Chủ tịch (tự thêm “KT. CHỦ TỊCH”); Chỉ huy trưởng (khi issuer: chqs)"
    lines += [
        _line("document:", "Thông tin văn bản theo Nghị định 30/2020/NĐ-CP"),
        issuer,
        _line(f"  date: {signing_date(year, span).isoformat()}",
              "SỬA: ngày ký báo cáo (YYYY-MM-DD); chưa biết thì để trống, bản thảo để chỗ điền ngày"),
        _line("  signer:", "Người ký"),
        _line('    name: "[Họ và tên]"', "SỬA: họ và tên người ký"),
        _line(f"    position: {signer_position}", position_note),
    ]
    lines += _commented_fields(Signer, ("rank", "authority"), 2)
    lines += _commented_fields(DocumentInfo, ("number", "issuer_code", "place", "parent_agency", "issuing_agency",
                                              "recipients", "archive"), 1)
    optional = [name for name in Report.model_fields if name not in ("unit", "period", "document")]
    for name in optional:
        lines.append("")
        lines += _commented(name, Report.model_fields[name], 0)
    return "\n".join(lines) + "\n"


def _line(code: str, comment: str = "", commented: bool = False) -> str:
    """``code`` with its comment at the samples' column; ``commented``: the whole line behind “# ”,
    so that deleting those two characters (Ctrl+/ in VS Code) gives the YAML line back."""
    text = ("# " if commented else "") + code
    if comment:
        text = text.ljust(COMMENT_COLUMN) + "# " + comment.rstrip(".")
    return text.rstrip()


def _commented_fields(model, names: tuple[str, ...], depth: int) -> list[str]:
    return [line for name in names for line in _commented(name, model.model_fields[name], depth)]


def _commented(name: str, info, depth: int, first_item: bool = False) -> list[str]:
    """Commented-out YAML lines for one field, recursing into nested models and lists of them.

    Values are left empty on purpose: an uncommented optional field left empty is simply
    absent, a required one is reported at its line, and no example can slip into a report.
    """
    indent = "  " * depth
    lead = indent[:-2] + "- " if first_item else indent
    comment = (info.description or info.title or "").rstrip(".")
    if info.is_required():
        comment = f"(bắt buộc) {comment}"
    shape, inner = _shape(info.annotation)
    if shape == "model":
        lines = [_line(f"{lead}{name}:", comment, commented=True)]
        for sub, sub_info in inner.model_fields.items():
            lines += _commented(sub, sub_info, depth + 1)
        return lines
    if shape == "model list":
        lines = [_line(f"{lead}{name}:", comment + "; mỗi mục bắt đầu bằng “- ”", commented=True)]
        for n, (sub, sub_info) in enumerate(inner.model_fields.items()):
            lines += _commented(sub, sub_info, depth + 2, first_item=n == 0)
        return lines
    if shape == "text list":
        if "mỗi dòng" not in comment.lower():
            comment += "; mỗi ý một dòng “- …”"
        return [_line(f"{lead}{name}:", comment, commented=True),
                _line(f"{indent}  -", commented=True)]
    if inner is dt.date:
        comment += " (YYYY-MM-DD)"
    return [_line(f"{lead}{name}:", comment, commented=True)]


def _shape(annotation) -> tuple[str, object]:
    """("model", cls), ("model list", cls), ("text list", None) or ("scalar", type)."""
    from pydantic import BaseModel

    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is list:
        item = _unwrap(typing.get_args(annotation)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "model list", item
        return "text list", None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    return "scalar", annotation


def _unwrap(annotation):
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _scalar(text: str) -> str:
    """A YAML scalar for ``text``: quoted when plain style would read it differently."""
    import json

    plain = text and text[0] not in "-?:,[]{}#&*!|>'\"%@`\"" and ": " not in text and " #" not in text \
        and text.strip() == text and text.lower() not in ("true", "false", "null", "yes", "no", "~")
    try:
        float(text)
        plain = False
    except ValueError:
        pass
    return text if plain else json.dumps(text, ensure_ascii=False)
