"""The wrong issuers issue 10 found, each read back from a rendered report (header and closing block).

Only the library's long-standing entry points are used (``api.render``, ``build_facts``,
``inputs.load``), so each test runs, and failed, on the code before the issuer model.
"""

from __future__ import annotations

import pytest

from drafter import api
from drafter.facts import build_facts
from drafter.inputs import load
from drafter.inputs.model import Report
from tests.support.frame import read_frame


def _report(unit: dict, issuer: str, position: str, *, year: int = 2026, span: str = "year",
            date: str = "2026-12-08", rank: str | None = "Thiếu tá") -> Report:
    signer = {"name": "Đinh Văn Khải", "position": position} | ({"rank": rank} if rank else {})
    return Report.model_validate({"unit": unit, "period": {"year": year, "span": span},
                                  "document": {"issuer": issuer, "date": date, "signer": signer}})


def _frame(report: Report):
    return read_frame(api.render(report, "bao-cao", "docx"))


@pytest.mark.parametrize("city, ward", [("Đà Nẵng", "Hải Châu"), ("Hải Phòng", "Thành Đông"), ("Huế", "Phú Xuân"),
                                        ("Cần Thơ", "Cái Khế")])
def test_a_ward_of_a_centrally_run_city_is_under_the_city_command_not_a_province(city, ward):
    frame = _frame(_report({"name": ward, "kind": "phường", "province": city}, "chqs", "Chỉ huy trưởng"))
    assert frame.parent == f"BỘ CHQS THÀNH PHỐ {city.upper()}"
    assert frame.agency == f"BAN CHỈ HUY QUÂN SỰ PHƯỜNG {ward.upper()}"
    assert frame.recipients[0] == f"Bộ CHQS thành phố {city}"
    assert not any("tỉnh " + city in line for line in frame.recipients)


@pytest.mark.parametrize("issuer", ["chqs", "ubnd"])
@pytest.mark.parametrize("city, ward, command", [("Hà Nội", "Ba Đình", "Bộ Tư lệnh Thủ đô Hà Nội"),
                                                 ("Hồ Chí Minh", "Bến Thành", "Bộ Tư lệnh Thành phố Hồ Chí Minh")])
def test_a_ward_of_a_capital_is_under_its_capital_command(city, ward, command, issuer):
    position = "Chỉ huy trưởng" if issuer == "chqs" else "Chủ tịch"
    frame = _frame(_report({"name": ward, "kind": "phường", "province": city}, issuer, position))
    if issuer == "chqs":
        assert frame.parent == command.upper()
    assert frame.recipients[0] == command
    assert not any("CHQS tỉnh" in line or "CHQS thành phố" in line for line in frame.recipients)


def test_the_capital_commands_own_report_is_under_the_ministry_and_not_sent_to_itself():
    # "Thủ đô Hà Nội" as the region is what `drafter init` wrote for Hà Nội: old inputs say so
    unit = {"name": "Hà Nội", "kind": "thành phố", "military_region": "Thủ đô Hà Nội"}
    frame = _frame(_report(unit, "chqs", "Phó Tư lệnh", rank="Thiếu tướng"))
    assert frame.parent == "BỘ QUỐC PHÒNG"
    assert frame.agency == "BỘ TƯ LỆNH THỦ ĐÔ HÀ NỘI"
    assert frame.number.endswith("/BC-BTL")
    assert frame.signature == ("KT. TƯ LỆNH", "PHÓ TƯ LỆNH")
    assert "Bộ Tư lệnh Thủ đô Hà Nội" not in frame.recipients
    assert frame.recipients[0] == "Bộ Quốc phòng"


def test_a_provincial_command_is_under_the_command_of_its_military_region():
    frame = read_frame(api.render("samples/bac-ninh-2026.yaml", "bao-cao", "docx"))
    assert frame.parent == "BỘ TƯ LỆNH QUÂN KHU 1"
    # the same with the region left to the map
    frame = _frame(_report({"name": "Gia Lai", "kind": "tỉnh"}, "chqs", "Chỉ huy trưởng", rank="Đại tá"))
    assert frame.parent == "BỘ TƯ LỆNH QUÂN KHU 5"
    assert frame.recipients[0] == "Bộ Tư lệnh Quân khu 5"


def test_a_2025_half_year_is_on_the_old_map_everywhere(tmp_path):
    """The validator and the wording gave two answers for the first half of 2025."""
    report = _report({"name": "Chư Sê", "kind": "thị trấn", "province": "Gia Lai"}, "ubnd", "Chủ tịch",
                     year=2025, span="half-year", date="2025-06-25", rank=None)
    facts = build_facts(report)
    assert facts.unit.communes == "xã, phường, thị trấn"
    path = tmp_path / "a.yaml"
    path.write_text("unit: {name: Krông Pa, kind: huyện, province: Gia Lai}\nperiod: {year: 2025, span: half-year}\n"
                    "document: {date: 2025-06-25, signer: {name: A, position: Chủ tịch}}\n", encoding="utf-8")
    loaded = load(path)
    assert loaded.ok, [p.render() for p in loaded.problems]  # districts still existed on 30 June 2025


def test_no_default_recipient_list_names_its_own_issuer():
    for unit, issuer, position in [({"name": "Hà Nội", "kind": "thành phố", "military_region": "Thủ đô Hà Nội"},
                                     "chqs", "Tư lệnh"),
                                    ({"name": "Hồ Chí Minh", "kind": "thành phố"}, "chqs", "Tư lệnh"),
                                    ({"name": "Gia Lai", "kind": "tỉnh"}, "ubnd", "Chủ tịch")]:
        facts = build_facts(_report(unit, issuer, position))
        own = {facts.issuing_agency.casefold()}
        assert not own & {line.casefold() for line in facts.recipients}, facts.recipients


@pytest.mark.parametrize("city, province", [("Thái Nguyên", "Thái Nguyên"), ("Biên Hòa", "Đồng Nai")])
def test_a_provincial_city_before_the_reform_reports_to_its_province_not_the_military_region(city, province):
    # "thành phố Thái Nguyên", province Thái Nguyên, 2020: taken for a province, its report closed
    # "kính báo cáo Bộ Tư lệnh Quân khu 1" and went to the region first (a new-user trial)
    report = _report({"name": city, "kind": "thành phố", "province": province}, "ubnd", "Chủ tịch", year=2020,
                     date="2020-12-20", rank=None)
    assert report.unit.level == "district"
    frame = _frame(report)
    assert frame.recipients[0] == f"Bộ CHQS tỉnh {province}"
    assert not any("Quân khu" in line for line in frame.recipients)


@pytest.mark.parametrize("unit", [{"name": "Hà Nội", "kind": "thành phố", "province": "Hà Nội"},
                                  {"name": "Đà Nẵng", "kind": "thành phố"}])
def test_a_centrally_run_city_stays_a_province(unit):
    assert _report(unit, "ubnd", "Chủ tịch", rank=None).unit.level == "province"
