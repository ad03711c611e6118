"""The input model: one unit, one period of local defence and military work.

Keys are English; every field carries a Vietnamese ``title`` and
``description``, which the validator, the JSON Schema and the Excel headers
use. Only raw figures live here: rates, shares and changes are derived in
:mod:`drafter.facts` and can never be typed by the user.

>>> report = Report.model_validate({
...     "unit": {"name": "Gia Lai", "kind": "tỉnh"},
...     "period": {"year": 2026},
...     "document": {"issuer": "ubnd", "date": "2026-12-05",
...                  "signer": {"name": "Trần Văn Bình", "position": "Chủ tịch"}},
... })
>>> report.unit.level, report.period.span
('province', 'year')

This module holds the report and its header (unit, period, document); the sections it gathers are
in :mod:`drafter.inputs.sections`, the field types in :mod:`drafter.inputs.fields`. Every name is
importable from here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Literal

from pydantic import StringConstraints, field_validator, model_validator

from drafter.inputs.era import OLD_CITIES
from drafter.inputs.fields import Choice, Count, Money, Name, Percent, Share, Strict, Text
from drafter.inputs.fields import described as _field
from drafter.inputs.schema_cache import complete
from drafter.inputs.sections import (
    Assessment,
    Award,
    Conference,
    DefenceEducation,
    DefenceLand,
    Directive,
    Disaster,
    Exercises,
    ForeignRelations,
    Funding,
    Leadership,
    Militia,
    Person,
    PreviousFigures,
    Readiness,
    Recruitment,
    Remains,
    Reserve,
    Security,
    SocioEconomic,
    Speech,
    Task,
    Welfare,
)

#: Every name other modules import from here, the sections' included.
__all__ = [
    "AREA_KIND", "COMMUNE_KINDS", "DISTRICT_KINDS", "Assessment", "Award", "Conference", "Count", "DefenceEducation",
    "DefenceLand", "Directive", "Disaster", "DocumentInfo", "Exercises", "ForeignRelations", "Funding", "Leadership",
    "Militia", "Money", "Name", "Percent", "Period", "Person", "PreviousFigures", "Readiness", "Recruitment", "Remains",
    "Report", "Reserve", "Security", "Share", "Signer", "SocioEconomic", "Speech", "Strict", "Task", "Text", "Unit",
    "UnitKind", "Welfare", "area_name",
]

UnitKind = Literal["tỉnh", "thành phố", "xã", "phường", "đặc khu", "thị trấn", "huyện", "quận", "thị xã", "khu vực"]
#: Kinds that exist at commune level (thị trấn on the old map only) and at the old district
#: level; "thành phố" is province-level unless ``level`` says otherwise.
COMMUNE_KINDS = ("xã", "phường", "đặc khu", "thị trấn")
DISTRICT_KINDS = ("huyện", "quận", "thị xã")
#: The area of a defence-area command (Ban Chỉ huy Phòng thủ khu vực), since July 2025.
AREA_KIND = "khu vực"
_AREA_PREFIX = re.compile(r"^\s*(ban\s+chỉ\s+huy\s+phòng\s+thủ\s+khu\s+vực|phòng\s+thủ\s+khu\s+vực|khu\s+vực)\s+",
                          re.IGNORECASE)


#: A military region as officers abbreviate it: "QK4", "qk 4", "Quân khu IV", "BTL QK 4".
_REGION = re.compile(r"(?:(?:bộ\s+tư\s+lệnh|btl)\s*)?(?:quân\s*khu|qk)\s*[-.]?\s*(\d{1,2}|[ivx]{1,4})", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}


def region_name(text):
    """A military region as the documents write it; any other text (or none) as it is.

    "QK4" printed "BỘ TƯ LỆNH QK4" in the header (a new-user trial); the abbreviation is read, and
    W415 says so. A name already right, with or without "Bộ Tư lệnh", is left as typed.

    >>> region_name("QK4"), region_name("qk 4"), region_name("Quân khu IV"), region_name("BTL QK.7")
    ('Quân khu 4', 'Quân khu 4', 'Quân khu 4', 'Quân khu 7')
    >>> region_name("Bộ Tư lệnh Quân khu 5"), region_name("Thủ đô Hà Nội"), region_name(None)
    ('Bộ Tư lệnh Quân khu 5', 'Thủ đô Hà Nội', None)
    """
    if not isinstance(text, str):
        return text
    found = _REGION.fullmatch(" ".join(unicodedata.normalize("NFC", text).split()))
    if not found:
        return text
    number = found.group(1).lower()
    if not number.isdigit() and number not in _ROMAN:
        return text
    region = f"Quân khu {_ROMAN.get(number, number)}"
    said = " ".join(text.split()).removeprefix("Bộ Tư lệnh ")
    return text if said == region else region


def _folded_name(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


#: Cities that are provinces themselves (Huế since 2025).
_CITIES = frozenset(_folded_name(city) for city in (*OLD_CITIES, "Huế", "Thành phố Hồ Chí Minh"))


def area_name(name: str) -> str:
    """A defence area's name without the words its body's name puts before it.

    >>> area_name("Ban Chỉ huy Phòng thủ khu vực 4 - Vĩnh Yên"), area_name("Khu vực 1 - Vạn An"), area_name("2 - Hà Trung")
    ('4 - Vĩnh Yên', '1 - Vạn An', '2 - Hà Trung')
    """
    return _AREA_PREFIX.sub("", unicodedata.normalize("NFC", name), count=1).strip()



class Unit(Strict):
    name: Name = _field(
        "Tên đơn vị",
        "Tên riêng, không kèm loại: “Gia Lai”, “Phú Lợi”; khu vực phòng thủ: số và tên, “4 - Vĩnh Yên”.",
        examples=["Gia Lai"],
    )
    kind: Annotated[UnitKind, Choice] = _field(
        "Loại đơn vị hành chính",
        "tỉnh, thành phố, xã, phường, đặc khu; với kỳ trước 7/2025 còn có thị trấn, huyện, quận, thị xã; "
        "khu vực: địa bàn của một Ban Chỉ huy Phòng thủ khu vực (từ 7/2025).",
        examples=["tỉnh"],
    )
    level: Annotated[Literal["province", "district", "commune", "area"], Choice] | None = _field(
        "Cấp",
        "province (cấp tỉnh), district (cấp huyện, trước 7/2025), commune (cấp xã) hoặc area (khu vực phòng thủ); "
        "mặc định suy từ loại.",
        default=None,
        validate_default=True,
    )
    province: Name | None = _field(
        "Tỉnh, thành phố trực thuộc",
        "Với xã, phường, đặc khu, thị trấn, cấp huyện cũ hoặc khu vực phòng thủ: tên tỉnh, thành phố chủ quản.",
        default=None,
        examples=["Gia Lai"],
    )
    district: Name | None = _field(
        "Huyện, quận, thị xã (trước 7/2025)",
        "Với xã, phường, thị trấn của kỳ trước 7/2025: đơn vị cấp huyện, ghi kèm loại, như “huyện Krông Pa”, "
        "“thị xã An Khê”; để nơi nhận có Ban CHQS cấp huyện.",
        default=None,
        examples=["huyện Krông Pa"],
    )
    military_region: Name | None = _field(
        "Quân khu",
        "Quân khu của tỉnh, như “Quân khu 5”; bỏ trống để tự điền theo bản đồ. Hà Nội không thuộc quân khu "
        "(Bộ Tư lệnh Thủ đô trực thuộc Bộ Quốc phòng).",
        default=None,
        examples=["Quân khu 5"],
    )
    population: Count | None = _field(
        "Dân số", "Dân số của đơn vị (người), dùng để tính tỷ lệ so với dân số.", default=None, examples=[3583693]
    )

    @field_validator("military_region", mode="before")
    @classmethod
    def _region_spelt_out(cls, value):
        return region_name(value)

    @model_validator(mode="before")
    @classmethod
    def _area_without_its_prefix(cls, data):
        # "Ban Chỉ huy Phòng thủ khu vực 4 - Vĩnh Yên" as a name would print the body's words twice
        if isinstance(data, dict) and data.get("kind") == AREA_KIND and isinstance(data.get("name"), str):
            return {**data, "name": area_name(data["name"]) or data["name"]}
        return data

    @model_validator(mode="before")
    @classmethod
    def _city_in_a_province(cls, data):
        # A "thành phố" with a province, other than the centrally-run cities, is a provincial city
        # of the district level (before 7/2025), even of its province's name (thành phố Thái
        # Nguyên, tỉnh Thái Nguyên): taken for a province, its report went up to the military
        # region (a new-user trial). After the reform such a city is W411's to point out.
        if isinstance(data, dict) and data.get("kind") == "thành phố" and data.get("level") is None \
                and isinstance(data.get("province"), str) and isinstance(data.get("name"), str) \
                and _folded_name(data["province"]) \
                and (_folded_name(data["province"]) != _folded_name(data["name"])
                     or _folded_name(data["name"]) not in _CITIES):
            return {**data, "level": "district"}
        return data

    @field_validator("level", mode="after")
    @classmethod
    def _level_from_kind(cls, level, info):
        if level is not None:
            return level
        kind = info.data.get("kind")
        if kind in COMMUNE_KINDS:
            return "commune"
        if kind in DISTRICT_KINDS:
            return "district"
        if kind == AREA_KIND:
            return "area"
        return "province"


def period_bounds(year: int, half_year: bool) -> tuple[dt.date, dt.date]:
    """A period's first day and the day after its last: the first half of a year ends on 30 June.

    >>> period_bounds(2024, False), period_bounds(2026, True)[1]
    ((datetime.date(2024, 1, 1), datetime.date(2025, 1, 1)), datetime.date(2026, 7, 1))
    """
    return dt.date(year, 1, 1), dt.date(year, 7, 1) if half_year else dt.date(year + 1, 1, 1)


class Period(Strict):
    year: int = _field("Năm", "Năm báo cáo.", ge=1990, le=2100, examples=[2026])
    span: Annotated[Literal["year", "half-year"], Choice] = _field(
        "Kỳ báo cáo", "year: tổng kết năm; half-year: sơ kết 6 tháng đầu năm.", default="year"
    )


class Signer(Strict):
    name: Name = _field("Người ký", "Họ và tên người ký.", examples=["Trần Văn Bình"])
    rank: Name | None = _field("Cấp bậc", "Quân hàm người ký, nếu có.", default=None)
    position: Name = _field("Chức vụ người ký", "Chủ tịch, Phó Chủ tịch, Chỉ huy trưởng…", examples=["Phó Chủ tịch"])
    authority: list[Name] | None = _field(
        "Thẩm quyền ký",
        "Các dòng trên chức vụ: “TM. ỦY BAN NHÂN DÂN”, “KT. CHỦ TỊCH”. Bỏ trống để tự suy.",
        default=None,
    )


class DocumentInfo(Strict):
    issuer: Annotated[Literal["ubnd", "chqs"], Choice] = _field(
        "Cơ quan ban hành",
        "ubnd: Ủy ban nhân dân; chqs: cơ quan quân sự của đơn vị (Bộ CHQS tỉnh, Bộ Tư lệnh Thủ đô Hà Nội, "
        "Bộ Tư lệnh Thành phố Hồ Chí Minh, Ban CHQS xã, Ban Chỉ huy Phòng thủ khu vực).",
        default="ubnd",
    )
    parent_agency: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = _field(
        "Cơ quan chủ quản", "Dòng trên tên cơ quan ban hành; bỏ trống để tự suy, ghi \"\" để không in dòng này.",
        default=None,
    )
    issuing_agency: Name | None = _field(
        "Tên cơ quan ban hành", "Ghi đầy đủ nếu muốn thay tên tự suy.", default=None
    )
    number: int | None = _field(
        "Số văn bản", "Số của báo cáo; bỏ trống để để chỗ điền tay.", default=None, ge=1, le=99999
    )
    issuer_code: Annotated[str, StringConstraints(pattern=r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$")] | None = _field(
        "Ký hiệu cơ quan", "Phần sau “BC-” trong ký hiệu, ví dụ UBND, BCH.", default=None
    )
    date: dt.date | None = _field(
        "Ngày ban hành",
        "Ngày ký báo cáo (YYYY-MM-DD); chưa biết thì bỏ trống: bản thảo để chỗ trống ngày, tháng "
        "để điền khi ký.",
        default=None, examples=["2026-12-05"])
    place: Name | None = _field(
        "Địa danh",
        "Địa danh ghi trước ngày tháng; mặc định tên đơn vị hành chính nơi cơ quan ban hành đóng trụ sở "
        "(tên tỉnh với cấp tỉnh, tên xã với cấp xã).",
        default=None,
    )
    signer: Signer = _field("Người ký", "Người ký báo cáo.")
    recipients: list[Name] = _field(
        "Nơi nhận", "Mỗi dòng một nơi nhận, không kèm dấu gạch đầu dòng; dòng “Lưu” tự thêm.", default_factory=list
    )
    archive: Name = _field("Lưu", "Nơi lưu: “VT, BCH”.", default="VT")



class Report(Strict):
    """One unit, one period."""

    unit: Unit = _field("Đơn vị", "Đơn vị báo cáo.")
    period: Period = _field("Kỳ báo cáo", "Năm và kỳ (cả năm hoặc 6 tháng đầu năm).")
    document: DocumentInfo = _field("Thông tin văn bản", "Số, ngày, người ký, nơi nhận.")
    conference: Conference | None = _field(
        "Hội nghị", "Hội nghị tổng kết, sơ kết; có hội nghị mà chưa rõ chi tiết thì ghi “conference: {}”.", default=None)
    socio_economic: SocioEconomic | None = _field("Kinh tế - xã hội", "Bối cảnh kinh tế - xã hội của kỳ báo cáo.", default=None)
    leadership: Leadership | None = _field("Lãnh đạo, chỉ đạo", "Mục 1: công tác lãnh đạo, chỉ đạo.", default=None)
    readiness: Readiness | None = _field("Sẵn sàng chiến đấu", "Mục 2: sẵn sàng chiến đấu, trực.", default=None)
    exercises: Exercises | None = _field("Huấn luyện, diễn tập", "Mục 3: huấn luyện, diễn tập khu vực phòng thủ, phòng thủ dân sự.", default=None)
    militia: Militia | None = _field("Dân quân tự vệ", "Mục 4: xây dựng lực lượng dân quân tự vệ.", default=None)
    reserve: Reserve | None = _field("Dự bị động viên", "Mục 5: xây dựng lực lượng dự bị động viên.", default=None)
    defence_education: DefenceEducation | None = _field("Giáo dục quốc phòng và an ninh", "Mục 6: giáo dục, bồi dưỡng kiến thức quốc phòng và an ninh.", default=None)
    recruitment: Recruitment | None = _field("Tuyển quân", "Mục 7: tuyển chọn và gọi công dân nhập ngũ, thực hiện nghĩa vụ CAND.", default=None)
    welfare: Welfare | None = _field("Chính sách hậu phương quân đội", "Mục 8: chính sách hậu phương quân đội.", default=None)
    disaster: Disaster | None = _field("Phòng, chống thiên tai, tìm kiếm cứu nạn", "Mục 9: phòng, chống thiên tai, tìm kiếm cứu nạn.", default=None)
    remains: Remains | None = _field("Quy tập hài cốt liệt sĩ", "Mục 10: tìm kiếm, quy tập hài cốt liệt sĩ.", default=None)
    foreign_relations: ForeignRelations | None = _field("Đối ngoại quốc phòng", "Mục 11: đối ngoại quốc phòng.", default=None)
    defence_land: DefenceLand | None = _field("Đất quốc phòng", "Mục 12: quản lý đất quốc phòng.", default=None)
    funding: Funding | None = _field("Kinh phí", "Kinh phí xây dựng, sửa chữa công trình quốc phòng.", default=None)
    security: Security | None = _field("An ninh, trật tự", "Tình hình an ninh chính trị, trật tự an toàn xã hội.", default=None)
    awards: list[Award] = _field("Khen thưởng", "Mục 13: các hình thức khen thưởng đã trao.", default_factory=list)
    assessment: Assessment | None = _field("Đánh giá chung", "Phần II: ưu điểm, hạn chế, nguyên nhân, bài học.", default=None)
    directions: list[Task] = _field(
        "Phương hướng, nhiệm vụ",
        "Các nhiệm vụ kỳ tới, mỗi dòng một ý; hoặc theo nơi nhận: “- to: …” rồi “items:”.",
        default_factory=list)
    proposals: list[Text] = _field("Đề xuất, kiến nghị", "Phần IV: các đề xuất, kiến nghị với cấp trên.", default_factory=list)
    previous: PreviousFigures | None = _field("Số liệu kỳ trước", "Để so sánh với kỳ trước.", default=None)
    byline: Name | None = _field("Tác giả bài viết", "Dòng ký tên bài tin: “Tin, ảnh: Khánh An”.", default=None)


# Last, once every model is defined; the modules named are those whose code makes the schema.
complete(Report, [__name__, "drafter.inputs.fields", "drafter.inputs.sections"])
