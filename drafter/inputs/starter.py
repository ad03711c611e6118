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
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import DrafterError, Problem

PROVINCE_KINDS = ("tỉnh", "thành phố")
COMMUNE_KINDS = ("xã", "phường", "đặc khu")
DISTRICT_KINDS = ("huyện", "quận", "thị xã")

#: The 34 provinces of the 2025 map -> the military region in charge. Each merged province is
#: in the region of the province whose name it kept (Phú Thọ took in Hòa Bình of Quân khu 3,
#: Lâm Đồng took in Đắk Nông of Quân khu 5; the others merged within one region). Hà Nội is
#: under the Capital Command, written so that "Bộ Tư lệnh {region}" reads right (as the
#: report's recipients are built). The starter file says to check it.
MILITARY_REGIONS: dict[str, str] = {
    "Hà Nội": "Thủ đô Hà Nội",
    **dict.fromkeys(("Cao Bằng", "Lạng Sơn", "Thái Nguyên", "Bắc Ninh"), "Quân khu 1"),
    **dict.fromkeys(("Tuyên Quang", "Lào Cai", "Lai Châu", "Điện Biên", "Sơn La", "Phú Thọ"), "Quân khu 2"),
    **dict.fromkeys(("Quảng Ninh", "Hải Phòng", "Hưng Yên", "Ninh Bình"), "Quân khu 3"),
    **dict.fromkeys(("Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế"), "Quân khu 4"),
    **dict.fromkeys(("Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Đắk Lắk"), "Quân khu 5"),
    **dict.fromkeys(("Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Lâm Đồng"), "Quân khu 7"),
    **dict.fromkeys(("Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang"), "Quân khu 9"),
}

COMMENT_COLUMN = 35  # as in samples/*.yaml


@dataclass(frozen=True)
class StarterUnit:
    name: str
    kind: str
    province: str | None = None
    military_region: str | None = None

    @property
    def level(self) -> str:
        if self.kind in COMMUNE_KINDS:
            return "commune"
        return "district" if self.kind in DISTRICT_KINDS else "province"

    @property
    def label(self) -> str:
        """“xã Ia Grai, tỉnh Gia Lai”."""
        if self.level == "province" or not self.province:
            return f"{self.kind} {self.name}"
        from drafter.inputs.reference import find_province

        province = find_province(self.province)
        return f"{self.kind} {self.name}, {province.division if province else 'tỉnh'} {self.province}"


def after_reform(year: int, span: str) -> bool:
    """Whether the period is on the map in force since 1 July 2025 (as the validator decides)."""
    return year > 2025 or (year == 2025 and span == "year")


def resolve_unit(name: str, kind: str | None = None, province: str | None = None, year: int | None = None,
                 span: str = "year") -> tuple[StarterUnit, list[Problem]]:
    """Complete a unit from the map; problems say what does not match, with a suggestion.

    Without ``kind``: a commune when ``province`` is given (and is not the unit itself), else a
    province. For a period before the July 2025 reform, names of the old map are accepted.
    """
    from drafter.inputs import reference

    name, province = " ".join(name.split()), " ".join((province or "").split()) or None
    current = after_reform(year or dt.date.today().year, span)
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
        return StarterUnit(name, kind, province), problems
    if province_level:
        found = reference.find_province(name)
        if found is None:
            say("E308", "--unit", name, reference.suggest_province(name))
            return StarterUnit(name, kind or "tỉnh"), problems
        if kind and kind != found.division and current:
            say("E309", "--kind", kind, expected=found.division)
        return StarterUnit(found.name, found.division, None, MILITARY_REGIONS.get(found.name)), problems
    if province is None:
        problems.append(Problem("E307", "--province"))
        return StarterUnit(name, kind or "xã"), problems
    found_province = reference.find_province(province)
    if found_province is None:
        say("E308", "--province", province, reference.suggest_province(province))
        return StarterUnit(name, kind or "xã", province), problems
    region = MILITARY_REGIONS.get(found_province.name)
    commune = reference.find_commune(found_province.name, name)
    if commune is None:
        say("E308", "--unit", f"{kind or 'xã'} {name}", reference.suggest_commune(found_province.name, name))
        return StarterUnit(name, kind or "xã", found_province.name, region), problems
    if kind and kind != commune.division and current:
        say("E309", "--kind", kind, expected=commune.division)
    return StarterUnit(commune.name, commune.division, found_province.name, region), problems


def signing_date(year: int, span: str) -> dt.date:
    """A plausible signing date inside the period: mid-December, or late June for a half-year."""
    return dt.date(year, 12, 15) if span == "year" else dt.date(year, 6, 20)


def write_starter(path: Path | str, name: str, kind: str | None = None, province: str | None = None,
                  year: int | None = None, span: str = "year", force: bool = False,
                  schema: bool = True) -> Path:
    """Resolve the unit, write the starter YAML atomically (no overwrite without ``force``).

    With ``schema``, ``report.schema.json`` is written (or refreshed) beside it: the first line
    of the YAML points there, for the editor's completion and checks.
    """
    from drafter.output.files import write_atomic

    path = Path(path)
    if path.exists() and not force:
        raise DrafterError([Problem("E501", str(path), found=str(path))])
    year = year or dt.date.today().year
    unit, problems = resolve_unit(name, kind, province, year, span)
    if problems:
        raise DrafterError(problems)
    text = starter_yaml(unit, year, span, schema="report.schema.json" if schema else None, filename=path.name)
    written = write_atomic(path, text, force=force)
    if schema:
        from drafter.api import schema_json

        write_atomic(path.parent / "report.schema.json", schema_json(), force=True)
    return written


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
    unit_fields = UnitModel.model_fields
    lines.append(_line("unit:", Report.model_fields["unit"].description))
    lines.append(_line(f"  name: {_scalar(unit.name)}", "Tên riêng, không kèm loại đơn vị"))
    lines.append(_line(f"  kind: {unit.kind}", "Loại theo danh mục hành chính: " + " / ".join(
        PROVINCE_KINDS if unit.level == "province" else COMMUNE_KINDS)))
    if unit.province:
        lines.append(_line(f"  province: {_scalar(unit.province)}", unit_fields["province"].title))
    if unit.military_region:
        lines.append(_line(f"  military_region: {_scalar(unit.military_region)}",
                           "Quân khu phụ trách (tự điền theo tỉnh; kiểm tra lại)"))
    else:
        lines += _commented_fields(UnitModel, ("military_region",), 1)
    lines += _commented_fields(UnitModel, ("population", "level"), 1)
    lines += ["", _line("period:", Report.model_fields["period"].title),
              _line(f"  year: {year}", "Năm báo cáo"),
              _line(f"  span: {span}", "year: tổng kết năm; half-year: sơ kết 6 tháng đầu năm"), ""]
    signer_position = "Chủ tịch"
    lines += [
        _line("document:", "Thông tin văn bản theo Nghị định 30/2020/NĐ-CP"),
        _line("  issuer: ubnd", "ubnd: Ủy ban nhân dân ban hành; chqs: Bộ/Ban CHQS ban hành"),
        _line(f"  date: {signing_date(year, span).isoformat()}", "SỬA: ngày ký báo cáo (YYYY-MM-DD)"),
        _line("  signer:", "Người ký"),
        _line('    name: "[Họ và tên]"', "SỬA: họ và tên người ký"),
        _line(f"    position: {signer_position}",
              "SỬA nếu cần: Chủ tịch; Phó Chủ tịch (tự thêm “KT. CHỦ TỊCH”); Chỉ huy trưởng (khi issuer: chqs)"),
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

    plain = text and not text[0] in "-?:,[]{}#&*!|>'\"%@`\"" and ": " not in text and " #" not in text \
        and text.strip() == text and text.lower() not in ("true", "false", "null", "yes", "no", "~")
    try:
        float(text)
        plain = False
    except ValueError:
        pass
    return text if plain else json.dumps(text, ensure_ascii=False)
