"""Schema errors and plausibility checks, with their locations, read through the real loader."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.samples import MINIMAL_YAML

from drafter.inputs import load

VALID = MINIMAL_YAML


def write(tmp_path: Path, text: str, name: str = "input.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def codes_at(loaded) -> list[tuple[str, int | None, int | None, str]]:
    return [(p.code, p.line, p.column, p.path) for p in loaded.problems]


def test_valid_input_has_no_problems(tmp_path):
    loaded = load(write(tmp_path, VALID))
    assert loaded.ok, [p.render() for p in loaded.problems]
    assert loaded.report.unit.level == "province"


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        ("  quota: 3350", "  quota: -5", ("E201", 13, 3, "recruitment.quota")),
        ("  delivered: 3350", "  delivered: 2.847", ("E202", 14, 3, "recruitment.delivered")),
        ("  delivered: 3350", "  delivered: yes", ("E215", 14, 3, "recruitment.delivered")),
        ("  kind: tỉnh", "  kind: tinh", ("E204", 3, 3, "unit.kind")),
        ("  date: 2026-12-15", "  date: 2026-02-31", ("E205", 8, 3, "document.date")),
        ("  population: 3583693", "  populaton: 3583693", ("E206", 4, 3, "unit.populaton")),
        ("    name: Phạm Quang Hiếu\n", "", ("E200", 9, 3, "document.signer.name")),
    ],
)
def test_each_schema_error_is_located(tmp_path, replace, by, expected):
    assert replace in VALID
    loaded = load(write(tmp_path, VALID.replace(replace, by, 1)))
    assert not loaded.ok
    assert expected in codes_at(loaded)


def test_choices_are_read_whatever_their_case(tmp_path):
    # "Giấy khen", "Sáng", "UBND" as a document writes them were refused: E204 "giá trị không hợp lệ"
    text = VALID.replace("  kind: tỉnh", "  kind: Tỉnh").replace("document:\n", "document:\n  issuer: UBND\n") + (
        "conference:\n  date: 2026-12-13\n  time_of_day: Sáng\n"
        "awards:\n  - giver: Chủ tịch UBND tỉnh\n    kind: Giấy khen\n    collectives: 2\n")
    loaded = load(write(tmp_path, text))
    assert loaded.ok, [p.render() for p in loaded.problems]
    report = loaded.report
    assert (report.unit.kind, report.document.issuer, report.conference.time_of_day, report.awards[0].kind) == (
        "tỉnh", "ubnd", "sáng", "giấy khen")
    [wrong] = load(write(tmp_path, text.replace("Giấy khen", "Giấy khenn"))).problems
    assert wrong.code == "E204" and "“Giấy khenn”" in wrong.render()  # as typed, not as folded


def test_unknown_key_suggests_the_close_name(tmp_path):
    loaded = load(write(tmp_path, VALID.replace("  population:", "  populaton:")))
    (problem,) = loaded.problems
    assert "có phải ý bạn là “population”?" in problem.render()


def test_all_problems_of_a_file_are_reported_at_once(tmp_path):
    text = VALID.replace("quota: 3350", "quota: -1").replace("kind: tỉnh", "kind: tinh").replace(
        "population:", "populaton:"
    )
    loaded = load(write(tmp_path, text))
    assert {p.code for p in loaded.problems} == {"E201", "E204", "E206"}


def test_the_allowed_values_are_listed_in_the_language_of_the_message(tmp_path):
    from drafter import i18n

    path = write(tmp_path, VALID.replace("  kind: tỉnh", "  kind: tinh", 1))
    (problem,) = load(path).problems
    assert "Sửa: chọn một trong: “tỉnh”, “thành phố”," in problem.render()
    assert problem.render().endswith("“thị xã” hoặc “khu vực”.") and " or " not in problem.render()
    try:
        i18n.set_language("en")
        (problem,) = load(path).problems
        assert problem.render().endswith("“thị xã”, or “khu vực”."), problem.render()
    finally:
        i18n.set_language("vi")


def test_messages_name_file_place_and_fix_in_vietnamese(tmp_path):
    path = write(tmp_path, VALID.replace("quota: 3350", "quota: -5"))
    (problem,) = load(path).problems
    rendered = problem.render()
    assert rendered.startswith(f"{path}:13:3: lỗi E201 [recruitment.quota]: số không được âm")
    assert "Sửa: nhập số từ 0 trở lên." in rendered


@pytest.mark.parametrize(
    ("replace", "by", "code", "path"),
    [
        ("delivered: 3350", "delivered: 9000", "E301", "recruitment.delivered"),
        ("delivered: 3350", "delivered: 3400", "W401", "recruitment.delivered"),
        ("delivered: 3350", "delivered: 3300", "W403", "recruitment.delivered"),
        ("date: 2026-12-15", "date: 2026-03-01", "E303", "document.date"),
        ("population: 3583693", "population: 1000", "E305", "unit.population"),
    ],
)
def test_implausible_figures(tmp_path, replace, by, code, path):
    text = VALID.replace(replace, by)
    if code == "E305":
        text += "  registered_age_17: 31890\n"
        path = "recruitment.registered_age_17"
    loaded = load(write(tmp_path, text))
    found = {(p.code, p.path) for p in loaded.problems}
    assert (code, path) in found
    assert loaded.ok is code.startswith("W")


def test_share_over_usual_range_is_a_warning(tmp_path):
    text = VALID + "militia:\n  strength: 300000\n"
    loaded = load(write(tmp_path, text))
    assert loaded.ok
    assert [(p.code, p.line) for p in loaded.problems] == [("W402", 16)]


def test_district_level_after_reform_is_refused(tmp_path):
    text = VALID.replace("  kind: tỉnh\n", "  kind: huyện\n  province: Gia Lai\n")
    assert "E304" in {p.code for p in load(write(tmp_path, text)).problems}


def test_district_level_of_old_years_is_accepted(tmp_path):
    text = (
        VALID.replace("  kind: tỉnh\n", "  kind: huyện\n  province: Gia Lai\n")
        .replace("year: 2026", "year: 2022")
        .replace("2026-12-15", "2022-12-15")
    )
    loaded = load(write(tmp_path, text))
    assert loaded.ok, [p.render() for p in loaded.problems]


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("", "E102", None),
        ("unit: [a\nperiod: 1\n", "E103", 2),
        ("unit:\n\tname: A\n", "E103", 2),
        ("unit: 1\nunit: 2\n", "E104", 2),
        ("- a\n- b\n", "E106", 1),
        ("unit: !!python/object:os.system echo\n", "E108", 1),
        ("unit: !custom x\n", "E108", 1),
    ],
)
def test_unreadable_yaml_is_located(tmp_path, text, code, line):
    loaded = load(write(tmp_path, text))
    (problem,) = loaded.problems
    assert (problem.code, problem.line) == (code, line)


def test_nfd_and_bom_are_accepted(tmp_path):
    import unicodedata

    path = tmp_path / "nfd.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + unicodedata.normalize("NFD", VALID).encode("utf-8"))
    loaded = load(path)
    assert loaded.ok
    assert loaded.report.document.signer.name == unicodedata.normalize("NFC", "Phạm Quang Hiếu")


def test_legacy_encoding_is_refused_with_a_fix(tmp_path):
    path = tmp_path / "cp1258.yaml"
    path.write_bytes(VALID.replace("Phạm Quang Hiếu", "Pham Quang Hieu").replace("tỉnh", "tinh").encode()
                     + "  notes: [\"Hoàn thành\"]\n".encode("cp1258"))
    (problem,) = load(path).problems
    assert problem.code == "E105"
    assert "UTF-8" in problem.fix


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 9):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    loaded = load(write(tmp_path, "\n".join(lines) + "\n"))
    assert [p.code for p in loaded.problems] == ["E109"]


def test_an_anchor_defined_twice_is_yaml_and_prints_no_python_warning(tmp_path):
    # ruamel.yaml printed "ReusedAnchorWarning" with its own source line into the user's terminal
    import subprocess
    import sys

    text = VALID.replace("  quota: 3350", "  quota: &n 3350", 1).replace("delivered: 3350", "delivered: *n", 1)
    assert text.count("&n") == 1 and "*n" in text
    path = write(tmp_path, f"x_note: &n 5\n{text}")
    result = subprocess.run([sys.executable, "-W", "default", "-m", "drafter", "validate", str(path)],
                            capture_output=True, text=True, encoding="utf-8", cwd=Path(__file__).parent.parent)
    assert "Warning" not in result.stderr and "ruamel" not in result.stderr, result.stderr
    assert "x_note" in result.stdout + result.stderr  # the file is read to the end and its unknown key named
    assert "W403" not in result.stdout + result.stderr  # the alias names the latest anchor: 3350 of 3350


# ------------------------------------------------- levels and issuers against the map of the period

COMMUNE = """\
unit:
  name: {name}
  kind: {kind}
  province: {province}
{extra}period:
  year: {year}
  span: {span}
document:
  issuer: {issuer}
  date: {date}
  signer:
    name: Nguyễn Văn An
    position: Chỉ huy trưởng
"""


def _unit_file(tmp_path, name="Chư Sê", kind="thị trấn", province="Gia Lai", extra="", year=2024, span="year",
               issuer="chqs", date=None):
    date = date or (f"{year}-06-25" if span == "half-year" else f"{year}-12-10")
    return load(write(tmp_path, COMMUNE.format(name=name, kind=kind, province=province, extra=extra, year=year,
                                               span=span, issuer=issuer, date=date)))


def _codes(loaded):
    return [(p.code, p.path) for p in loaded.problems]


@pytest.mark.parametrize("year, span", [(2024, "year"), (2025, "half-year")])
def test_a_thi_tran_of_the_old_map_is_accepted(tmp_path, year, span):
    loaded = _unit_file(tmp_path, extra="  district: huyện Chư Sê\n", year=year, span=span)
    assert loaded.ok, [p.render() for p in loaded.problems]
    assert (loaded.report.unit.level, loaded.report.unit.district) == ("commune", "huyện Chư Sê")


def test_a_thi_tran_on_the_current_map_is_refused_once(tmp_path):
    loaded = _unit_file(tmp_path, year=2025)
    assert _codes(loaded) == [("E310", "unit.kind")]
    assert "thị trấn “Chư Sê” không còn từ ngày 01/7/2025" in loaded.problems[0].render()


def test_a_defence_area_is_an_issuer_of_the_current_map(tmp_path):
    loaded = _unit_file(tmp_path, name="Ban Chỉ huy Phòng thủ khu vực 4 - Vĩnh Yên", kind="khu vực",
                        province="Phú Thọ", year=2026)
    assert loaded.ok, [p.render() for p in loaded.problems]
    assert (loaded.report.unit.name, loaded.report.unit.level) == ("4 - Vĩnh Yên", "area")


@pytest.mark.parametrize("change, expected", [
    ({"year": 2024}, [("E311", "unit.kind")]),
    ({"issuer": "ubnd"}, [("E312", "document.issuer")]),
    ({"province": '""'}, None),  # an empty province is a type error, E210
])
def test_a_defence_area_needs_the_current_map_its_command_and_a_province(tmp_path, change, expected):
    arguments = {"name": "4 - Vĩnh Yên", "kind": "khu vực", "province": "Phú Thọ", "year": 2026} | change
    loaded = _unit_file(tmp_path, **arguments)
    assert not loaded.ok
    if expected:
        assert _codes(loaded) == expected


def test_a_defence_area_without_a_province_is_refused(tmp_path):
    text = COMMUNE.format(name="4 - Vĩnh Yên", kind="khu vực", province="x", extra="", year=2026, span="year",
                          issuer="chqs", date="2026-12-10").replace("  province: x\n", "")
    loaded = load(write(tmp_path, text))
    assert _codes(loaded) == [("E314", "unit.name")]


def test_a_district_must_say_its_kind_and_only_before_the_reform(tmp_path):
    assert _codes(_unit_file(tmp_path, extra="  district: Chư Sê\n")) == [("E313", "unit.district")]
    loaded = _unit_file(tmp_path, name="Ia Grai", kind="xã", extra="  district: huyện Ia Grai\n", year=2026)
    assert loaded.ok and _codes(loaded) == [("W411", "unit.district")]


def test_a_military_region_the_map_disagrees_with_is_a_warning(tmp_path):
    loaded = _unit_file(tmp_path, name="Ia Grai", kind="xã", extra="  military_region: Quân khu 4\n", year=2026)
    assert loaded.ok and _codes(loaded) == [("W410", "unit.military_region")]
    assert "tỉnh Gia Lai thuộc Quân khu 5, không phải “Quân khu 4”" in loaded.problems[0].render()
    same = _unit_file(tmp_path, name="Ia Grai", kind="xã", extra="  military_region: Bộ Tư lệnh Quân khu 5\n",
                      year=2026)
    assert same.ok and same.problems == []
    old = _unit_file(tmp_path, province="Hòa Bình", name="Lương Sơn", kind="thị trấn",
                     extra="  military_region: Quân khu 2\n", year=2024)
    assert ("W410", "unit.military_region") in _codes(old)  # Hòa Bình was in Quân khu 3


def test_hanoi_as_older_starters_wrote_it_is_still_accepted(tmp_path):
    text = VALID.replace("  name: Gia Lai\n  kind: tỉnh\n", "  name: Hà Nội\n  kind: thành phố\n"
                                                                   "  military_region: Thủ đô Hà Nội\n")
    loaded = load(write(tmp_path, text))
    assert loaded.ok and loaded.problems == [], [p.render() for p in loaded.problems]
    wrong = load(write(tmp_path, text.replace("Thủ đô Hà Nội", "Quân khu 3")))
    assert [p.code for p in wrong.problems] == ["W410"]


@pytest.mark.parametrize("date, days, expected", [
    ("2026-11-16", 365, [("W412", "readiness.duty_days")]),  # six weeks of the year still to run
    ("2026-11-16", 320, []),  # the days up to the report, 16/11 included
    ("2026-12-10", 365, []),  # December: the year's duty counted to its end, as every sample does
    ("2026-12-10", 366, [("E315", "readiness.duty_days")]),  # 2026 has 365 days
])
def test_days_on_duty_are_checked_against_the_period_and_the_reports_date(tmp_path, date, days, expected):
    # "duy trì trực 365/365 ngày" at a meeting of 13 November: a blind reader saw days still to come
    text = MINIMAL_YAML.replace("2026-12-15", date) + f"readiness:\n  duty_days: {days}\n"
    loaded = load(write(tmp_path, text))
    assert _codes(loaded) == expected
    if expected:
        message = loaded.problems[0].render()
        assert ("320 ngày" if expected[0][0] == "W412" else "365 ngày") in message, message


def test_a_percent_written_with_its_sign_is_refused_with_the_number_to_write(tmp_path):
    # "rate: 100%" was told "viết số thập phân với dấu chấm, ví dụ 0.89": a new user then wrote 1 for 100%
    path = tmp_path / "a.yaml"
    path.write_text(_without_counts() + "  rate: 98,5 %\n", encoding="utf-8")
    [problem] = [p for p in load(path).problems if p.path == "recruitment.rate"]
    assert problem.code == "E220" and problem.expected == "98.5"


@pytest.mark.parametrize("rate,warned", [(1, True), (0.95, True), (100, False), (1.5, False), (0, False)])
def test_a_recruitment_rate_written_as_a_fraction_is_questioned(tmp_path, rate, warned):
    path = tmp_path / "a.yaml"
    path.write_text(_without_counts() + f"  rate: {rate}\n", encoding="utf-8")
    found = [p for p in load(path).problems if p.code == "W413"]
    assert bool(found) == warned
    if warned:
        assert found[0].expected == f"{rate * 100:g}" and found[0].line == _without_counts().count("\n") + 1


def _without_counts() -> str:
    """The smallest input with its recruitment section open and no counts in it (a rate stands alone)."""
    return MINIMAL_YAML.replace("  quota: 3350\n  delivered: 3350\n", "")


@pytest.mark.parametrize("name,warned", [("Đại tá Vũ Văn Tùng", "Đại tá"), ("thượng tá Trần Văn B", "Thượng tá"),
                                         ("Vũ Văn Tùng", None), ("Đại Văn Tá", None)])
def test_a_rank_written_into_a_name_is_questioned(tmp_path, name, warned):
    # "Đại tá Vũ Văn Tùng" as a chair's name was taken silently (a new-user trial); with a rank added it
    # prints the rank twice, and later mentions cannot say "Đại tá Tùng"
    path = tmp_path / "a.yaml"
    path.write_text(MINIMAL_YAML + f"conference:\n  chair:\n    name: {name}\n", encoding="utf-8")
    found = [p for p in load(path).problems if p.code == "W414"]
    assert [(p.path, p.expected, p.line) for p in found] == (
        [("conference.chair.name", warned, MINIMAL_YAML.count("\n") + 3)] if warned else [])
