"""The issuer model against the reviewed table ``tests/data/co-quan-ban-hanh.csv``.

The table has one row per case: its input columns (province, level, kind, name, district, issuer,
year, span, date, position, rank) and what the header and closing block must say (parent, agency,
code, place, signature, signer, recipients, organiser). It covers the 34 provinces × {province,
commune} × {ubnd, chqs} in a 2024 report (old map), a review of the first half of 2025 (still the
old map) and a 2026 report, and the special cases after them. A sample of rows is also rendered
and read back from the .docx.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from drafter import api
from drafter.facts import build_facts
from drafter.facts.issuer import RollupSettings, issuer_for, rollup_issuer
from drafter.inputs.era import era_of
from drafter.inputs.model import Report
from drafter.inputs.reference import _map, name_key
from tests.support.frame import read_frame

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "data" / "co-quan-ban-hanh.csv"
ROWS = list(csv.DictReader(TABLE.open(encoding="utf-8", newline="")))


def report_of(row: dict, **document) -> Report:
    unit = {"name": row["name"], "kind": row["kind"], "level": row["level"]}
    unit |= {key: row[key] for key in ("province", "district") if row[key]}
    signer = {"name": "Nguyễn Văn An", "position": row["position"]} | ({"rank": row["rank"]} if row["rank"] else {})
    return Report.model_validate({"unit": unit, "period": {"year": int(row["year"]), "span": row["span"]},
                                  "document": {"issuer": row["issuer"], "date": row["date"], "signer": signer}
                                  | document})


def _id(row: dict) -> str:
    where = row["name"] if row["level"] == "province" else f"{row['kind']} {row['name']}, {row['province']}"
    return f"{where}-{row['issuer']}-{row['year']}{'h1' if row['span'] == 'half-year' else ''}"


@pytest.mark.parametrize("row", ROWS, ids=[_id(row) for row in ROWS])
def test_the_issuer_is_the_reviewed_one(row):
    issuer = issuer_for(report_of(row))
    found = {"parent": issuer.parent, "agency": issuer.agency, "code": issuer.code, "place": issuer.place,
             "signature": " / ".join(issuer.signature_lines), "signer": issuer.signer,
             "recipients": "; ".join(issuer.recipients), "organiser": issuer.organiser}
    assert found == {key: row[key] for key in found}
    # a body never lists itself among its own recipients
    assert name_key(issuer.agency) not in {name_key(line) for line in issuer.recipients}


def test_the_table_covers_every_province_level_issuer_and_side_of_the_reform():
    grid = [row for row in ROWS if row["case"] == "grid"]
    provinces = {division.name for division in _map(0).values()}
    assert len(provinces) == 34

    def province_of(row):  # the 2024 rows name Huế by its name then
        name = row["name"] if row["level"] == "province" else row["province"]
        return "Huế" if name == "Thừa Thiên Huế" else name

    seen = Counter((province_of(r), r["level"], r["issuer"], r["year"], r["span"]) for r in grid)
    periods = {("2024", "year"), ("2025", "half-year"), ("2026", "year")}
    expected = {(p, level, issuer, y, s) for p in provinces for level in ("province", "commune")
                for issuer in ("ubnd", "chqs") for y, s in periods}
    assert set(seen) == expected and set(seen.values()) == {1}
    # the grid's 2025 rows are on the old map, its 2026 rows on the new one
    assert {era_of(int(y), s).current_map for _, _, _, y, s in seen} == {False, True}


SAMPLED = ROWS[::23] + [row for row in ROWS if row["case"] != "grid"]


@pytest.mark.parametrize("row", SAMPLED, ids=[_id(row) for row in SAMPLED])
def test_the_rendered_report_prints_the_reviewed_header_and_closing(row):
    frame = read_frame(api.render(report_of(row, number=7), "bao-cao", "docx"))
    assert frame.parent == row["parent"].upper()
    assert frame.agency == row["agency"].upper()
    assert frame.number == f"Số: 07/BC-{row['code']}"
    assert frame.place_date.startswith(row["place"] + ", ngày ")
    assert frame.signature == tuple(row["signature"].split(" / "))
    assert frame.signer == row["signer"]
    assert frame.recipients == tuple(row["recipients"].split("; "))


# ------------------------------------------------------------------ the user's word


def test_the_users_overrides_win():
    row = next(r for r in ROWS if r["name"] == "Gia Lai" and r["issuer"] == "chqs" and r["year"] == "2026")
    report = report_of(row, parent_agency="", issuer_code="BCH-TM", place="Pleiku",
                       recipients=["Bộ Tư lệnh Quân khu 5"], archive="VT, TM")
    issuer = issuer_for(report)
    assert (issuer.parent, issuer.code, issuer.place) == ("", "BCH-TM", "Pleiku")
    assert issuer.recipients == ("Bộ Tư lệnh Quân khu 5", "Lưu: VT, TM")
    named = issuer_for(report_of(row, issuing_agency="Ủy ban nhân dân tỉnh Gia Lai"))
    assert named.code == "UBND" and named.signature_lines[0] == "TM. ỦY BAN NHÂN DÂN"  # known by its name


def test_the_signer_may_give_the_authority_lines():
    row = next(r for r in ROWS if r["name"] == "Gia Lai" and r["issuer"] == "ubnd" and r["year"] == "2026")
    report = Report.model_validate(report_of(row).model_dump() | {"document": report_of(row).document.model_dump()
                                   | {"signer": {"name": "A", "position": "Phó Chủ tịch",
                                                 "authority": ["TM. ỦY BAN NHÂN DÂN", "KT. Chủ tịch"]}}})
    assert issuer_for(report).signature_lines == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


def test_the_news_organiser_is_the_issuer_unless_the_conference_names_another():
    row = next(r for r in ROWS if r["case"] == "defence-area command")
    assert issuer_for(report_of(row)).organiser_short == "Ban Chỉ huy Phòng thủ khu vực"
    data = report_of(row).model_dump(mode="json") | {
        "conference": {"date": "2026-12-02", "organiser": "Đảng ủy Ban Chỉ huy Phòng thủ khu vực 4 - Vĩnh Yên"}}
    issuer = issuer_for(Report.model_validate(data))
    assert issuer.organiser == issuer.organiser_short == "Đảng ủy Ban Chỉ huy Phòng thủ khu vực 4 - Vĩnh Yên"


def test_the_flat_names_office_templates_use_read_the_issuer():
    facts = build_facts(report_of(ROWS[0]))
    issuer = facts.issuer
    assert (facts.issuing_agency, facts.parent_agency, facts.issuer_code, facts.place) == (
        issuer.agency, issuer.parent, issuer.code, issuer.place)
    assert (facts.signature_lines, facts.signer_display, facts.recipients) == (
        issuer.signature_lines, issuer.signer, issuer.recipients)
    assert str(issuer) == issuer.agency


# ------------------------------------------------------------------------ roll-up


def _units(*rows_of):
    return [report_of(row) for row in rows_of]


def _row(**match):
    return next(r for r in ROWS if all(r[k] == v for k, v in match.items()))


SIGNER = {"name": "Nguyễn Văn An", "rank": "Đại tá", "position": "Phó Chỉ huy trưởng"}


def test_a_provinces_communes_are_rolled_up_by_its_command_as_its_own_report_is_signed():
    communes = _units(_row(province="Đà Nẵng", issuer="chqs", year="2026"),
                      _row(case="acting head"))
    rolled = rollup_issuer(communes, {"signer": SIGNER, "archive": "VT, TM", "date": "2026-12-20"})
    own = issuer_for(report_of(_row(name="Đà Nẵng", issuer="chqs", year="2026", position="Phó Chỉ huy trưởng")))
    for part in ("agency", "parent", "code", "place", "signature_lines", "head"):
        assert getattr(rolled, part) == getattr(own, part), part
    assert rolled.recipients[:-1] == own.recipients[:-1] and rolled.recipients[-1] == "Lưu: VT, TM"
    assert rolled.agency == "Bộ Chỉ huy Quân sự thành phố Đà Nẵng" and rolled.blanks == ()


def test_hanois_wards_are_rolled_up_by_the_capital_command_under_the_ministry():
    wards = [report_of(_row(province="Hà Nội", issuer=issuer, year="2026")) for issuer in ("chqs",)]
    wards.append(Report.model_validate(wards[0].model_dump() | {"unit": {"name": "Hoàn Kiếm", "kind": "phường",
                                                                         "province": "Hà Nội"}}))
    rolled = rollup_issuer(wards, RollupSettings(signer_name="Lê Văn Bình", signer_position="Tư lệnh",
                                                 signer_rank="Trung tướng"))
    assert (rolled.parent, rolled.agency, rolled.code, rolled.place) == (
        "Bộ Quốc phòng", "Bộ Tư lệnh Thủ đô Hà Nội", "BTL", "Hà Nội")
    assert rolled.signature_lines == ("TƯ LỆNH",) and rolled.signer == "Trung tướng Lê Văn Bình"
    assert "Bộ Tư lệnh Thủ đô Hà Nội" not in rolled.recipients and rolled.recipients[0] == "Bộ Quốc phòng"


def test_a_regions_provinces_are_rolled_up_by_its_command_at_its_seat():
    provinces = _units(_row(name="Gia Lai", issuer="chqs", year="2026"), _row(name="Đà Nẵng", issuer="ubnd",
                                                                                year="2026"))
    rolled = rollup_issuer(provinces)
    assert (rolled.parent, rolled.agency, rolled.code, rolled.place) == (
        "Bộ Quốc phòng", "Bộ Tư lệnh Quân khu 5", "BTL", "Đà Nẵng")
    assert rolled.signature_lines == ("TƯ LỆNH",) and rolled.signer == "[Họ và tên]"
    assert rolled.blanks == ("người ký",)
    seven = rollup_issuer(_units(_row(name="Lâm Đồng", issuer="chqs", year="2026"),
                                 _row(name="Hồ Chí Minh", issuer="chqs", year="2026")))
    assert seven.agency == "Bộ Tư lệnh Quân khu 7" and seven.place == "Thành phố Hồ Chí Minh"


def test_anything_else_leaves_visible_blanks_for_the_officer():
    mixed = _units(_row(name="Gia Lai", issuer="chqs", year="2026"), _row(province="Gia Lai", issuer="chqs",
                                                                           year="2026"))
    rolled = rollup_issuer(mixed)
    assert (rolled.agency, rolled.parent, rolled.code, rolled.place) == ("[Tên cơ quan ban hành]", "", "", "Gia Lai")
    assert rolled.signature_lines == ("[CHỨC VỤ NGƯỜI KÝ]",) and rolled.recipients == ("Lưu: VT",)
    assert rolled.blanks == ("cơ quan ban hành", "chức vụ người ký", "người ký")
    named = rollup_issuer(mixed, {"issuing_agency": "Bộ Chỉ huy Quân sự tỉnh Gia Lai", "place": "Gia Lai",
                                  "signer": {"name": "Trần Văn Bình", "position": "Chỉ huy trưởng"}})
    assert (named.agency, named.code, named.signature_lines, named.blanks) == (
        "Bộ Chỉ huy Quân sự tỉnh Gia Lai", "BCH", ("CHỈ HUY TRƯỞNG",), ())


def test_the_rollup_settings_may_be_the_rollup_modules_own_model():
    from drafter.inputs.rollup_config import RollupInfo

    info = RollupInfo.model_validate({"parent_agency": "", "issuer_code": "BCH", "place": "Pleiku",
                                      "signer": {"name": "A", "position": "Phó Chỉ huy trưởng"},
                                      "recipients": ["Bộ Tư lệnh Quân khu 5"], "archive": "VT, TM",
                                      "date": "2026-12-20"})
    communes = _units(_row(province="Gia Lai", issuer="chqs", year="2026"))
    rolled = rollup_issuer(communes, info)
    assert (rolled.parent, rolled.code, rolled.place) == ("", "BCH", "Pleiku")
    assert rolled.signature_lines == ("KT. CHỈ HUY TRƯỞNG", "PHÓ CHỈ HUY TRƯỞNG")
    assert rolled.recipients == ("Bộ Tư lệnh Quân khu 5", "Lưu: VT, TM")
    by_order = RollupInfo.model_validate({"signer": {"name": "A", "position": "Tham mưu trưởng",
                                                     "authority": ["TL. Chỉ huy trưởng"]}})
    assert rollup_issuer(communes, by_order).signature_lines == ("TL. CHỈ HUY TRƯỞNG", "THAM MƯU TRƯỞNG")


def test_the_rollup_module_uses_the_one_issuer_model():
    from drafter.facts.rollup import build_rollup

    communes = [r for r in _units(_row(province="Đà Nẵng", issuer="chqs", year="2026"), _row(case="acting head"))
                if (r.period.year, r.period.span) == (2026, "year")]
    facts = build_rollup(communes, {"signer": SIGNER})
    assert facts.issuer == rollup_issuer(communes, {"signer": SIGNER})


# --------------------------------------------------------------------------- era


_CUTOFF = re.compile(r"\b(year|\.year)\s*(<|>|<=|>=|==)\s*202[56]\b|\b202[56]\s*(<|>|<=|>=)\s*\w*year")


def _copies_of_the_cutoff() -> set[str]:
    found = set()
    for path in [*(ROOT / "drafter").rglob("*.py"), *(ROOT / "templates").rglob("*.j2")]:
        if path.name != "era.py" and _CUTOFF.search(path.read_text(encoding="utf-8")):
            found.add(str(path.relative_to(ROOT)))
    return found


def test_the_reform_cutoff_is_written_once_everywhere():
    assert _copies_of_the_cutoff() == set()


def test_the_era_of_a_signing_day():
    assert era_of(2025, "year", dt.date(2026, 1, 25)).commune_command_under_province is False
    assert era_of(2025, "year", dt.date(2026, 1, 26)).commune_command_under_province is True


def test_the_da_nang_ward_sample_is_issued_under_the_city_command():
    frame = read_frame(api.render(ROOT / "samples" / "phuong-hai-chau-2026-6-thang.yaml", "bao-cao", "docx"))
    assert (frame.parent, frame.agency) == ("BỘ CHQS THÀNH PHỐ ĐÀ NẴNG", "BAN CHỈ HUY QUÂN SỰ PHƯỜNG HẢI CHÂU")
    assert frame.number == "Số:      /BC-BCHQS" and frame.place_date.startswith("Hải Châu, ngày 06 tháng 7 năm 2026")
    assert frame.signature == ("KT. CHỈ HUY TRƯỞNG", "PHÓ CHỈ HUY TRƯỞNG")
    assert frame.recipients == ("Bộ CHQS thành phố Đà Nẵng", "Thường trực Đảng ủy phường", "Thường trực HĐND phường",
                                "UBND phường", "Lưu: VT, BCHQS")
