"""Schema errors and plausibility checks, with their locations, read through the real loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.inputs import load
from support.samples import MINIMAL_YAML

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
