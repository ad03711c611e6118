"""Who issues a document: header, symbol, place, signature block, recipients and the news organiser.

One model for the unit's report, its news article and the roll-up of many units. The rules and
their sources are in ``docs/co-quan-ban-hanh.md``; the table every province is checked against is
``tests/data/co-quan-ban-hanh.csv``.

>>> from drafter.inputs.model import Report
>>> def report(unit, issuer, position, year=2026, date="2026-12-08", rank=None):
...     return Report.model_validate({"unit": unit, "period": {"year": year},
...         "document": {"issuer": issuer, "date": date,
...                      "signer": {"name": "Đinh Văn Khải", "position": position, "rank": rank}}})
>>> ward = issuer_for(report({"name": "Hải Châu", "kind": "phường", "province": "Đà Nẵng"}, "chqs",
...                          "Chỉ huy trưởng", rank="Thiếu tá"))
>>> ward.parent, ward.agency, ward.code, ward.place
('Bộ CHQS thành phố Đà Nẵng', 'Ban Chỉ huy Quân sự phường Hải Châu', 'BCHQS', 'Hải Châu')
>>> ward.signature_lines, ward.signer
(('CHỈ HUY TRƯỞNG',), 'Thiếu tá Đinh Văn Khải')
>>> ward.recipients
('Bộ CHQS thành phố Đà Nẵng', 'Thường trực Đảng ủy phường', 'Thường trực HĐND phường', 'UBND phường', 'Lưu: VT')
>>> capital = issuer_for(report({"name": "Hà Nội", "kind": "thành phố"}, "chqs", "Phó Tư lệnh"))
>>> capital.parent, capital.agency, capital.code, capital.signature_lines
('Bộ Quốc phòng', 'Bộ Tư lệnh Thủ đô Hà Nội', 'BTL', ('KT. TƯ LỆNH', 'PHÓ TƯ LỆNH'))
>>> issuer_for(report({"name": "Gia Lai", "kind": "tỉnh"}, "chqs", "Chỉ huy trưởng")).parent
'Bộ Tư lệnh Quân khu 5'
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from drafter.errors import BLANK_AGENCY, BLANK_PLACE, BLANK_POSITION, BLANK_SIGNER
from drafter.facts.naming import (
    CAPITAL,
    MINISTRY,
    Body,
    area_command,
    capital_of,
    committee,
    local_command,
    provincial_command,
    own_title,
    region_command,
    region_of,
)
from drafter.inputs.era import Era, era_for, era_of
from drafter.inputs.model import Report
from drafter.inputs.reference import name_key, province_kind, province_name

PLACEHOLDER_AGENCY = "[Tên cơ quan ban hành]"
PLACEHOLDER_PLACE = "[Địa danh]"
PLACEHOLDER_POSITION = "[Chức vụ người ký]"
PLACEHOLDER_SIGNER = "[Họ và tên]"


@dataclass(frozen=True)
class Issuer:
    """The body that issues a document, as Decree 30 prints it and as a news article names it."""

    agency: str  # the issuing agency in full: "Ủy ban nhân dân tỉnh Gia Lai"
    short: str  # as running text inside its own unit names it: "UBND tỉnh", "Ban CHQS phường"
    parent: str  # the parent agency line; "" for none: "Bộ Tư lệnh Quân khu 5"
    code: str  # after "BC-" in the symbol: "UBND", "BCH", "BCHQS", "BTL"
    place: str  # before the date: "Gia Lai", "Thành phố Hồ Chí Minh", "An Khê"
    signature_lines: tuple[str, ...]  # authority and position, in capitals: ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    signer: str  # rank and name: "Đại tá Nguyễn Văn An"
    recipients: tuple[str, ...]  # "Nơi nhận", the last line "Lưu: …"
    organiser: str  # a news article's first mention: "UBND tỉnh Gia Lai"
    organiser_short: str  # its later mentions: "UBND tỉnh"
    head: str = ""  # the head's title: "Chủ tịch", "Chỉ huy trưởng", "Tư lệnh"
    #: What is left for the officer to fill in ("người ký", "địa danh"…), printed as "[…]".
    blanks: tuple[str, ...] = ()
    #: The body a unit's report goes up to, as the closing names it ("… báo cáo Bộ CHQS tỉnh Quảng
    #: Ngãi theo dõi, chỉ đạo"); "" when unknown (a roll-up's compiler, a province without its region).
    reports_to: str = ""

    def __str__(self) -> str:  # a template's {{ facts.issuer }}: the body's name
        return self.agency


@dataclass(frozen=True)
class Conventions:
    """Details that follow practice rather than a text (DOMAIN.md section 5: settings, not constants)."""

    #: Where a military region's command signs: its seat. The place of a region's roll-up.
    region_seats: Mapping[str, str] = field(default_factory=lambda: {
        "Quân khu 1": "Thái Nguyên", "Quân khu 2": "Phú Thọ", "Quân khu 3": "Hải Phòng", "Quân khu 4": "Nghệ An",
        "Quân khu 5": "Đà Nẵng", "Quân khu 7": "Hồ Chí Minh", "Quân khu 9": "Cần Thơ"})
    #: Names a place line writes in full (Decree 30, Appendix I: units named after a person).
    full_place_names: Mapping[str, str] = field(default_factory=lambda: {"Hồ Chí Minh": "Thành phố Hồ Chí Minh"})
    #: The place of a defence-area command, whose seat the input does not give: its province.
    area_place: str = "province"


CONVENTIONS = Conventions()


def place_name(kind: str, name: str, conventions: Conventions = CONVENTIONS) -> str:
    """The place line's name: the unit's own name; in full when named after a person or by a number.

    >>> place_name("thành phố", "Hồ Chí Minh"), place_name("phường", "12"), place_name("xã", "Ia Grai")
    ('Thành phố Hồ Chí Minh', 'Phường 12', 'Ia Grai')
    """
    if name in conventions.full_place_names:
        return conventions.full_place_names[name]
    if name[:1].isdigit():
        return f"{kind[:1].upper()}{kind[1:]} {name}"
    return name


# ------------------------------------------------------------------- signing


def signature(body: Body | None, position: str | None, rank: str | None, name: str | None,
              authority: Iterable[str] | None = None) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """(signature lines, signer, blanks) for a signer of ``body``.

    The head signs under his title (and the collective line of a committee, "TM. ỦY BAN NHÂN DÂN");
    anyone else signs "KT." for the head, an acting head "Q."; ``authority`` replaces the derived lines.

    >>> signature(committee("tỉnh", "Gia Lai"), "Phó Chủ tịch", None, "Trần Văn Bình")[0]
    ('TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH')
    >>> signature(local_command("xã", "Ia Grai"), "Quyền Chỉ huy trưởng", "Thiếu tá", "Lê Văn An")[:2]
    (('Q. CHỈ HUY TRƯỞNG',), 'Thiếu tá Lê Văn An')
    """
    blanks: list[str] = []
    head = body.head if body else ""
    lead = body.lead if body else ()
    position = own_title(position or head, body)
    if not position:
        blanks.append(BLANK_POSITION)
        position = PLACEHOLDER_POSITION
    if not name:
        blanks.append(BLANK_SIGNER)
    display = (f"{rank} {name}" if rank else name) if name else PLACEHOLDER_SIGNER
    said = position.casefold()
    if authority is not None:
        lines = tuple(line.upper() for line in authority) + (position.upper(),)
    elif not head or said == head.casefold() or position.startswith("["):
        lines = lead + (position.upper(),)
    elif said == f"quyền {head.casefold()}":
        lines = lead + (f"Q. {head.upper()}",)
    else:
        lines = lead + (f"KT. {head.upper()}", position.upper())
    return lines, display, tuple(blanks)


def _body_named(agency: str) -> Body | None:
    """The kind of a body the user named, known by how its name begins (code, head, lead lines)."""
    text = unicodedata.normalize("NFC", agency).casefold()
    kinds = (("bộ chỉ huy quân sự", "BCH", "Chỉ huy trưởng", ()), ("ban chỉ huy phòng thủ", "BCH", "Chỉ huy trưởng", ()),
             ("ban chỉ huy quân sự", "BCHQS", "Chỉ huy trưởng", ()), ("bộ tư lệnh", "BTL", "Tư lệnh", ()),
             ("ủy ban nhân dân", "UBND", "Chủ tịch", ("TM. ỦY BAN NHÂN DÂN",)))
    for prefix, code, head, lead in kinds:
        if text.startswith(prefix):
            return Body(agency, agency, agency, code, head, lead)
    return None


def _without_self(recipients: Iterable[str], *names: str) -> list[str]:
    """A body never lists itself among its own recipients."""
    own = {name_key(name) for name in names if name}
    return [line for line in recipients if line and name_key(line) not in own]


def _archived(recipients: Iterable[str], archive: str) -> tuple[str, ...]:
    return tuple(recipients) + (f"Lưu: {archive}",)


# ------------------------------------------------------------- one unit's report


@dataclass(frozen=True)
class _Own:
    """What the unit and the period say of the issuer, before the user's overrides."""

    body: Body
    parent: str
    place: str
    recipients: tuple[str, ...]
    reports_to: str = ""


def _superior(province: str, era: Era, given_region: str | None) -> Body | None:
    """The body a province's military command answers to: its region's command, or the Ministry."""
    if capital_of(province) == CAPITAL:
        return MINISTRY
    region = region_of(province, era, given_region)
    return region_command(region) if region else None


def _district_command(district: str | None) -> Body | None:
    for kind in ("thành phố", "thị xã", "huyện", "quận"):
        if district and district.casefold().startswith(kind + " "):
            return local_command(kind, district[len(kind) + 1:].strip())
    return None


def _own(report: Report, conventions: Conventions) -> _Own:
    unit, era = report.unit, era_for(report)
    issuer = "chqs" if unit.level == "area" else report.document.issuer  # an area has no committee
    kind, name = unit.kind, unit.name
    province = province_name(unit.province or (name if unit.level == "province" else ""), era)
    command = provincial_command(province, era) if province else None
    if unit.level == "province":
        party = "Thành ủy" if kind == "thành phố" else "Tỉnh ủy"
        superior = _superior(province, era, unit.military_region)
        place = place_name(province_kind(province, era), province, conventions)
        own_committee = committee(kind, name)
        above = superior.full if superior else ""
        if issuer == "ubnd":
            lines = (superior and superior.named, f"Thường trực {party}", f"Thường trực HĐND {kind}", command.short)
            return _Own(own_committee, "", place, tuple(lines), above)
        lines = (superior and superior.named, f"Thường trực {party}", f"Thường trực HĐND {kind}", own_committee.short)
        return _Own(command, superior.full if superior else "", place, tuple(lines), above)
    if unit.level == "area":
        place = place_name(province_kind(province, era), province, conventions) if province else name
        return _Own(area_command(name), command.named if command else "", place,
                    (command.named if command else "",))
    # a commune, or a district of the old map
    if unit.level == "district":
        party, superior = {"huyện": "Huyện ủy", "quận": "Quận ủy", "thị xã": "Thị ủy"}.get(kind, "Thành ủy"), command
    else:
        party = f"Đảng ủy {kind}"
        superior = command if era.current_map else _district_command(unit.district)
    place = place_name(kind, name, conventions)
    own_committee, own_command = committee(kind, name), local_command(kind, name)
    lines = (superior and superior.named, f"Thường trực {party}", f"Thường trực HĐND {kind}")
    above = superior.full if superior else ""
    if issuer == "ubnd":
        return _Own(own_committee, "", place, lines + (own_command.short,), above)
    under_province = unit.level == "district" or era.commune_command_under_province
    parent = (command.named if command else "") if under_province else own_committee.named
    return _Own(own_command, parent, place, lines + (own_committee.short,), above)


def issuer_for(report: Report, conventions: Conventions = CONVENTIONS) -> Issuer:
    """The issuer of one unit's report, its overrides (``document.*``, ``conference.organiser``) applied."""
    doc, own = report.document, _own(report, conventions)
    body = own.body
    agency = doc.issuing_agency or body.full
    if doc.issuing_agency:
        body = _body_named(doc.issuing_agency) or body
    lines, signer, blanks = signature(body, doc.signer.position, doc.signer.rank, doc.signer.name,
                                      doc.signer.authority)
    recipients = list(doc.recipients) or _without_self(own.recipients, agency, own.body.full, own.body.named)
    organiser = report.conference.organiser if report.conference and report.conference.organiser else None
    return Issuer(
        agency=agency,
        short=own.body.short,
        parent=doc.parent_agency if doc.parent_agency is not None else own.parent,
        code=doc.issuer_code or body.code,
        place=doc.place or own.place,
        signature_lines=lines,
        signer=signer,
        recipients=_archived(recipients, doc.archive),
        organiser=organiser or own.body.named,
        organiser_short=organiser or own.body.short,
        head=body.head,
        blanks=blanks,
        reports_to=own.reports_to,
    )


# ------------------------------------------------------------------- roll-up


def signed_last(reports: Iterable[Report]) -> dt.date | None:
    """The latest signing date of the units' reports; None when none is dated (each left blank)."""
    return max((r.document.date for r in reports if r.document.date is not None), default=None)


@dataclass(frozen=True)
class RollupSettings:
    """What an officer may set for a roll-up; each None is derived (or left as a visible blank)."""

    issuing_agency: str | None = None
    parent_agency: str | None = None  # "" for no parent line
    issuer_code: str | None = None
    place: str | None = None
    signer_name: str | None = None
    signer_rank: str | None = None
    signer_position: str | None = None
    signer_authority: tuple[str, ...] | None = None
    recipients: tuple[str, ...] | None = None
    archive: str = "VT"
    date: dt.date | None = None

    @classmethod
    def of(cls, settings) -> RollupSettings:
        """From None, a mapping (``rollup.yaml`` as read) or an object with those attributes (RollupInfo)."""
        if settings is None or isinstance(settings, cls):
            return settings or cls()
        get = settings.get if isinstance(settings, Mapping) else lambda key, default=None: getattr(settings, key, default)
        signer = get("signer")
        sign = (signer.get if isinstance(signer, Mapping) else lambda key, default=None: getattr(signer, key, default)) \
            if signer is not None else (lambda key, default=None: default)
        authority, recipients = sign("authority"), get("recipients")
        date = get("date")
        return cls(issuing_agency=get("issuing_agency"), parent_agency=get("parent_agency"),
                   issuer_code=get("issuer_code"), place=get("place"), signer_name=sign("name"),
                   signer_rank=sign("rank"), signer_position=sign("position"),
                   signer_authority=tuple(authority) if authority is not None else None,
                   recipients=tuple(recipients) if recipients is not None else None,
                   archive=get("archive") or "VT",
                   date=dt.date.fromisoformat(date) if isinstance(date, str) else date)


def rollup_issuer(units: Iterable[Report], settings=None, conventions: Conventions = CONVENTIONS) -> Issuer:
    """The issuer of a roll-up of ``units`` (reports of one period), with the officer's ``settings``.

    ``settings`` is a :class:`RollupSettings`, a mapping with the keys of ``rollup.yaml``
    (issuing_agency, parent_agency, issuer_code, place, signer: {name, rank, position, authority},
    recipients, archive, date) or an object with those attributes, such as the roll-up's RollupInfo.
    Who compiles the units, when they do not say otherwise:

    - the communes (or old districts, or defence areas) of one province: that province's military
      command, under its military region (the Bộ Tư lệnh Thủ đô Hà Nội under the Ministry);
    - the provinces of one military region: the region's Bộ Tư lệnh, signing at the region's seat;
    - anything else: visible blanks for the officer ("[Tên cơ quan ban hành]"), listed in ``blanks``.

    >>> from drafter.inputs.model import Report
    >>> def unit(name, kind, province=None):
    ...     return Report.model_validate({"unit": {"name": name, "kind": kind, "province": province},
    ...         "period": {"year": 2026}, "document": {"issuer": "chqs", "date": "2026-12-08",
    ...         "signer": {"name": "Đinh Văn Khải", "position": "Chỉ huy trưởng"}}})
    >>> wards = [unit("Ba Đình", "phường", "Hà Nội"), unit("Hoàn Kiếm", "phường", "Hà Nội")]
    >>> capital = rollup_issuer(wards, {"signer": {"name": "Nguyễn Văn An", "rank": "Thiếu tướng",
    ...                                            "position": "Phó Tư lệnh"}})
    >>> capital.parent, capital.agency, capital.code, capital.place, capital.signature_lines
    ('Bộ Quốc phòng', 'Bộ Tư lệnh Thủ đô Hà Nội', 'BTL', 'Hà Nội', ('KT. TƯ LỆNH', 'PHÓ TƯ LỆNH'))
    >>> region = rollup_issuer([unit("Gia Lai", "tỉnh"), unit("Đà Nẵng", "thành phố")])
    >>> region.agency, region.place, region.signer, region.blanks
    ('Bộ Tư lệnh Quân khu 5', 'Đà Nẵng', '[Họ và tên]', ('người ký',))
    >>> mixed = rollup_issuer([unit("Gia Lai", "tỉnh"), unit("Ia Grai", "xã", "Gia Lai")])
    >>> mixed.agency, mixed.parent, mixed.blanks
    ('[Tên cơ quan ban hành]', '', ('cơ quan ban hành', 'chức vụ người ký', 'người ký'))
    """
    reports = list(units)
    info = RollupSettings.of(settings)
    first = reports[0]
    era = era_of(first.period.year, first.period.span, info.date or signed_last(reports))
    body, parent, place, recipients = _rollup_scope(reports, era, conventions)
    blanks: list[str] = []
    agency = info.issuing_agency or (body.full if body else "")
    if info.issuing_agency:
        body = _body_named(info.issuing_agency) or body
    if not agency:
        blanks.append(BLANK_AGENCY)
    place = info.place or place
    if not place:
        blanks.append(BLANK_PLACE)
    lines, signer, missing = signature(body, info.signer_position, info.signer_rank, info.signer_name,
                                      info.signer_authority)
    chosen = list(info.recipients) if info.recipients is not None else _without_self(recipients, agency)
    return Issuer(
        agency=agency or PLACEHOLDER_AGENCY,
        short=body.short if body else "",
        parent=info.parent_agency if info.parent_agency is not None else parent,
        code=info.issuer_code or (body.code if body else ""),
        place=place or PLACEHOLDER_PLACE,
        signature_lines=lines,
        signer=signer,
        recipients=_archived(chosen, info.archive),
        organiser=agency or PLACEHOLDER_AGENCY,
        organiser_short=body.short if body else agency or PLACEHOLDER_AGENCY,
        head=body.head if body else "",
        blanks=tuple(blanks) + missing,
    )


def _common(values: Iterable[str | None]) -> str | None:
    keys = {name_key(value or ""): value for value in values}
    return next(iter(keys.values())) if len(keys) == 1 and "" not in keys else None


def _rollup_scope(reports: list[Report], era: Era, conventions: Conventions):
    """(body, parent, place, recipients) of whoever compiles these units, or (None, "", place, ())."""
    levels = {r.unit.level for r in reports}
    if levels <= {"commune", "district", "area"}:
        province = _common(r.unit.province for r in reports)
        if province:
            province = province_name(province, era)
            command = provincial_command(province, era)
            given = _common(r.unit.military_region for r in reports)
            superior = _superior(province, era, given)
            place = place_name(province_kind(province, era), province, conventions)
            kind = province_kind(province, era)
            party = "Thành ủy" if kind == "thành phố" else "Tỉnh ủy"
            lines = (superior.named if superior else "", f"Thường trực {party}", f"Thường trực HĐND {kind}",
                     f"UBND {kind}")
            return command, superior.full if superior else "", place, tuple(line for line in lines if line)
    if levels == {"province"}:
        regions = {region_of(province_name(r.unit.name, era), era, r.unit.military_region) for r in reports}
        region = regions.pop() if len(regions) == 1 else None
        if region and region.startswith("Quân khu"):
            seat = conventions.region_seats.get(region, "")
            place = place_name("thành phố" if seat in conventions.full_place_names else "tỉnh", seat, conventions) \
                if seat else ""
            return region_command(region), MINISTRY.full, place, (MINISTRY.named, "Bộ Tổng Tham mưu")
    one = _common((r.unit.name if r.unit.level == "province" else r.unit.province) for r in reports)
    place = place_name(province_kind(one, era), province_name(one, era), conventions) if one else ""
    return None, "", place, ()
