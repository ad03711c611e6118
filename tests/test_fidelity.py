"""Every figure of every draft is traceable to the input, and no reported figure is left out.

Runs :func:`drafter.checks.fidelity.check_fidelity` over every sample × template pack × format × period,
over generated inputs (hypothesis), and proves the checker fails on invented, changed and
removed figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from support.generated import BASES, reports
from support.samples import half_year
from support.texts import output_text

from drafter.checks.fidelity import check_fidelity
from drafter.checks.tokens import numeric_tokens
from drafter.facts import build_facts
from drafter.inputs import load_report
from drafter.inputs.model import Report
from drafter.packs.manifest import load_pack

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
TEMPLATES = ("bao-cao", "tin-bai")
TEXT_FORMATS = ("txt", "md")


def available_templates() -> list:
    """The built-in packs the checks read; a pack that goes missing fails, it is never skipped."""
    return [pytest.param(name, id=name) for name in TEMPLATES]


def sample_cases() -> list:
    """Every sample, and a half-year twin of every annual one (the periods both get checked)."""
    cases = []
    for path in SAMPLES:
        report = load_report(path)
        cases.append(pytest.param(report, id=path.stem))
        if report.period.span == "year":
            cases.append(pytest.param(half_year(report), id=f"{path.stem}-half-year"))
    return cases or [pytest.param(None, marks=pytest.mark.skip(reason="no samples/*.yaml"))]


def render_or_skip(report: Report, template: str, format: str) -> str:
    if report.period.span not in load_pack(template).periods:
        pytest.skip(f"{template} does not write {report.period.span} reviews")
    return output_text(report, template, format)


def assert_faithful(report: Report, template: str, text: str) -> None:
    result = check_fidelity(text, build_facts(report), template)
    assert result.ok, f"{result}\n--- text ---\n{text}"


# ----------------------------------------------------------------- samples


def test_there_are_samples_with_both_periods():
    spans = {load_report(path).period.span for path in SAMPLES}
    assert SAMPLES, "samples/*.yaml is empty"
    assert "year" in spans


@pytest.mark.parametrize("format", TEXT_FORMATS + ("docx",))
@pytest.mark.parametrize("template", available_templates())
@pytest.mark.parametrize("report", sample_cases())
def test_every_figure_of_every_sample_draft_is_traceable_and_reported(report, template, format):
    text = render_or_skip(report, template, format)
    assert numeric_tokens(text), "a draft without a single figure: the check would prove nothing"
    assert_faithful(report, template, text)


@pytest.mark.parametrize("template", available_templates())
@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_every_wording_variant_keeps_every_figure(path, template):
    report = load_report(path)
    for variant in range(3):
        assert_faithful(report, template, output_text(report, template, "txt", variant))


# ---------------------------------------------------------------- generated

@pytest.mark.skipif(not BASES, reason="no samples/*.yaml to grow inputs from")
@pytest.mark.parametrize("template", available_templates())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_generated_inputs_give_faithful_drafts(template, report):
    if report.period.span not in load_pack(template).periods:
        return
    text = output_text(report, template, "txt")
    assert_faithful(report, template, text)


# ------------------------------------------------------ the checker can fail

REPORT = Report.model_validate({
    "unit": {"name": "Gia Lai", "kind": "tỉnh", "military_region": "Quân khu 5", "population": 3583693},
    "period": {"year": 2026},
    "document": {"number": 5, "date": "2026-12-15",
                 "signer": {"name": "Phạm Quang Hiếu", "position": "Phó Chủ tịch"}},
    "conference": {"date": "2026-12-13", "time_of_day": "sáng"},
    "socio_economic": {"targets_met": 21, "targets_total": 23},
    "militia": {"strength": 48215, "party_members": 12870},
    "recruitment": {"quota": 3350, "delivered": 3350, "registered_age_17": 31890},
    "funding": {"amount": 4_700_000_000, "facilities": 10},
    "disaster": {"responses": 27, "vehicles": 412},
    "security": {"criminal_cases": 412},
    "remains": {"abroad": 21, "domestic": 6},
    "awards": [{"giver": "Chủ tịch UBND tỉnh", "kind": "bằng khen", "collectives": 16, "individuals": 48}],
    "directions": ["Tổ chức diễn tập khu vực phòng thủ tỉnh năm 2027 theo Nghị định số 02/2019/NĐ-CP"],
    "previous": {"criminal_cases": 436},
})
FACTS = build_facts(REPORT)
TEXT = (
    "Gia Lai, ngày 15 tháng 12 năm 2026\n"
    "Phần I. KẾT QUẢ\n"
    "1. Kinh tế - xã hội\n"
    "Năm 2026, 21/23 chỉ tiêu đạt và vượt kế hoạch.\n"
    "12. Dân quân tự vệ\n"
    "Tổng quân số 48.215 đồng chí, đạt tỷ lệ 1,35% so với dân số; đảng viên 12.870 đồng chí, chiếm 26,69%.\n"
    "Đã giao 3.350 công dân, đạt 100% chỉ tiêu; đăng ký 31.890 công dân nam đủ 17 tuổi, đạt 0,89% so với dân số.\n"
    "Đầu tư 4,7 tỷ đồng (Bốn tỷ bảy trăm triệu đồng), hoàn thành 10 công trình.\n"
    "Tham gia ứng phó 27 vụ, việc với 412 lượt phương tiện. Xảy ra 412 vụ phạm pháp hình sự, giảm 24 vụ so với năm 2025.\n"
    "Quy tập 21 hài cốt liệt sĩ ở nước ngoài và 6 trên địa bàn, tổng số 27 hài cốt.\n"
    "Chủ tịch UBND tỉnh tặng bằng khen cho 16 tập thể, 48 cá nhân.\n"
    "- Tổ chức diễn tập khu vực phòng thủ tỉnh năm 2027 theo Nghị định số 02/2019/NĐ-CP.\n"
    "Sáng 13/12, Quân khu 5 dự hội nghị.\n"
)


def check(text: str, template: str = "bao-cao"):
    return check_fidelity(text, FACTS, template)


def test_the_hand_written_text_is_faithful():
    result = check(TEXT)
    assert result.ok, str(result)


def test_an_invented_figure_is_unexplained():
    result = check(TEXT + "Số vụ tai nạn giao thông tăng 17,3% so với năm 2025.\n")
    assert result.unexplained == ["17,3%"]
    assert not result.ok


@pytest.mark.parametrize(
    ("old", "new", "unexplained"),
    [
        ("48.215 đồng chí", "48.251 đồng chí", "48.251"),  # a typo in a figure
        ("48.215 đồng chí", "48215 đồng chí", "48215"),  # not grouped the Vietnamese way
        ("1,35%", "1.35%", "35%"),  # English decimal point: "1" and "35%"
        ("0,89%", "0,9%", "0,9%"),  # rounded differently from the facts
        ("4,7 tỷ đồng", "4,5 tỷ đồng", "4,5 tỷ đồng"),
        ("4,7 tỷ đồng", "4,7 tỷ VNĐ", "4,7"),  # money without “đồng”
        ("Bốn tỷ bảy trăm", "Bốn tỷ tám trăm", "bốn tỷ tám trăm triệu đồng"),
        ("ngày 15 tháng 12 năm 2026", "ngày 16 tháng 12 năm 2026", "ngày 16 tháng 12 năm 2026"),
        ("Sáng 13/12", "Sáng 14/12", "14/12"),
        ("giảm 24 vụ", "giảm 42 vụ", "42"),
        ("21/23 chỉ tiêu", "21/25 chỉ tiêu", "21/25"),
        ("năm 2027 theo", "năm 2028 theo", "2028"),
        ("16 tập thể", "15 tập thể", "15"),
    ],
)
def test_a_changed_figure_is_caught(old, new, unexplained):
    assert old in TEXT
    result = check(TEXT.replace(old, new))
    assert unexplained in result.unexplained, str(result)


@pytest.mark.parametrize(
    ("figure", "label"),
    [
        ("48.215", "militia.strength: 48.215"),
        ("12.870", "militia.party_members: 12.870"),
        ("4,7 tỷ đồng", "funding.amount: 4,7 tỷ đồng"),
        ("100%", "recruitment_rate: 100%"),  # the quota is reported as the rate
        ("48 cá nhân", "awards[0].individuals: 48"),
    ],
)
def test_a_removed_figure_is_missing(figure, label):
    result = check(TEXT.replace(figure, "", 1))
    assert any(m.startswith(label) for m in result.missing), str(result)
    assert not result.ok


def test_each_printed_figure_serves_one_input_figure():
    # 412 vehicles and 412 criminal cases: one "412" printed leaves one of them missing
    result = check(TEXT.replace("với 412 lượt phương tiện", "với nhiều lượt phương tiện"))
    assert len(result.missing) == 1 and "412" in result.missing[0], str(result)


def test_a_number_inside_an_input_string_is_no_figure_of_its_own():
    # "10" is printed only inside the direction's "... 10 ..." text: funding.facilities is missing
    report = REPORT.model_copy(update={"directions": [*REPORT.directions, "Hoàn thành 10 nhà làm việc năm 2027"]})
    text = TEXT.replace("hoàn thành 10 công trình", "hoàn thành các công trình") + "- Hoàn thành 10 nhà làm việc năm 2027.\n"
    result = check_fidelity(text, build_facts(report), "bao-cao")
    assert result.missing == ["funding.facilities: 10"], str(result)


def _gap(section: str, change: dict):
    return pytest.param(section, change, id=f"{section}-{'-'.join(change)}")


@pytest.mark.parametrize(
    ("section", "change"),
    [
        _gap("socio_economic", {"targets_total": None}),
        _gap("militia", {"strength": None}),
        _gap("recruitment", {"delivered": None}),
        _gap("recruitment", {"police_delivered": 0}),
        _gap("funding", {"amount": None}),
    ],
)
def test_a_figure_given_without_its_neighbour_is_still_reported(section, change):
    data = REPORT.model_dump()
    data[section] = {**(data[section] or {}), **change}
    data["recruitment"].update({"party_members": 62, "police_quota": 410, "police_delivered": 410} | (
        change if section == "recruitment" else {}))
    report = Report.model_validate(data)
    result = check_fidelity(output_text(report, "bao-cao", "txt"), build_facts(report), "bao-cao")
    assert result.ok, str(result)


def test_large_award_counts_are_grouped_in_the_news():
    award = REPORT.awards[0].model_copy(update={"collectives": 1050, "individuals": 1234})
    report = REPORT.model_copy(update={"awards": [award]})
    result = check_fidelity(output_text(report, "tin-bai", "txt"), build_facts(report), "tin-bai")
    assert result.ok, str(result)


def test_heading_labels_are_not_figures():
    result = check("13. Công tác thi đua, khen thưởng\nII. ĐÁNH GIÁ\na) Ưu điểm\n" + TEXT)
    assert result.unexplained == []


def test_constant_phrases_are_explained():
    text = TEXT + "Bồi dưỡng đối tượng 2, 3 và 4; công dân tuổi 17; 6 tháng đầu năm 2027.\n"
    assert check(text).unexplained == []


def test_news_key_figures():
    news = ("Sáng 13/12, tỉnh giao 3.350 công dân, đạt 100% chỉ tiêu; đăng ký 31.890 công dân tuổi 17; "
            "dân quân đạt 1,35% so với dân số; quy tập 27 hài cốt liệt sĩ; "
            "tặng bằng khen cho 16 tập thể, 48 cá nhân.")
    assert check(news, "tin-bai").ok, str(check(news, "tin-bai"))
    # the remains may be given as the two parts instead of the total
    parts = news.replace("27 hài cốt liệt sĩ", "21 hài cốt liệt sĩ ở Campuchia và 6 trên địa bàn")
    assert check(parts, "tin-bai").ok, str(check(parts, "tin-bai"))
    missing = check(news.replace("1,35%", "nhiều").replace("31.890", "nhiều"), "tin-bai").missing
    assert missing == ["recruitment.registered_age_17: 31.890", "militia_share: 1,35%"]


def test_news_needs_no_figure_beyond_the_key_ones():
    assert check("Sáng 13/12, tỉnh giao 3.350 công dân, đạt 100% chỉ tiêu.", "tin-bai").missing == [
        "recruitment.registered_age_17: 31.890", "militia_share: 1,35%", "remains_total: 27",
        "awards[0].collectives: 16", "awards[0].individuals: 48"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("48.215", [("number", "48.215")]),
        ("3.095.009 người", [("number", "3.095.009")]),
        ("1.824,5 ha", [("number", "1.824,5")]),
        ("0,89% và 100%", [("percent", "0,89%"), ("percent", "100%")]),
        ("4,7 tỷ đồng; 850 triệu đồng; 1.200.000 đồng", [
            ("money", "4,7 tỷ đồng"), ("money", "850 triệu đồng"), ("money", "1.200.000 đồng")]),
        ("48.215 đồng chí", [("number", "48.215")]),
        ("21/23 chỉ tiêu; Sáng 13/12; 13/12/2026", [("slash", "21/23"), ("slash", "13/12"), ("slash", "13/12/2026")]),
        ("Gia Lai, Ngày 05 tháng 01 năm 2026", [("nd30", "ngày 05 tháng 01 năm 2026")]),
        ("Số: 05/BC-UBND", [("number", "05")]),
        ("Số:      /BC-UBND", []),
        ("05 tập thể, 07 cá nhân", [("number", "05"), ("number", "07")]),
        ("Nghị định số 02/2019/NĐ-CP", [("slash", "02/2019")]),
        ("Đang online32", [("number", "32")]),
        ("(Bốn tỷ bảy trăm triệu đồng)", [("words", "bốn tỷ bảy trăm triệu đồng")]),
    ],
)
def test_tokens(text, expected):
    assert [(t.kind, t.text) for t in numeric_tokens(text)] == expected
