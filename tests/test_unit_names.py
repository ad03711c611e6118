"""Unit names against the administrative map of 2025 (package vietnam-provinces)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.inputs import load

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (ROOT / "samples" / "phuong-an-khe-2026.yaml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "input.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path, text):
    return [(p.code, p.path, p.render()) for p in load(write(tmp_path, text)).problems if p.code[1:3] in ("30", "40")]


def test_real_ward_is_accepted(tmp_path):
    assert load(write(tmp_path, SAMPLE)).ok


def test_misspelt_ward_is_an_error_with_a_suggestion(tmp_path):
    (found,) = [p for p in problems(tmp_path, SAMPLE.replace("name: An Khê", "name: An Khe", 1)) if p[0] != "W403"]
    code, path, rendered = found
    assert (code, path) == ("E308", "unit.name")
    assert "có phải ý bạn là “An Khê”?" in rendered


def test_wrong_kind_is_an_error_naming_the_right_one(tmp_path):
    text = SAMPLE.replace("kind: phường", "kind: xã", 1)
    assert "kind: xã" in text
    codes = {(c, p) for c, p, _ in problems(tmp_path, text)}
    assert ("E309", "unit.kind") in codes


def test_unknown_province_is_an_error_with_a_suggestion(tmp_path):
    text = SAMPLE.replace("province: Gia Lai", "province: Gia Lại", 1)
    assert "province: Gia Lại" in text
    rendered = [r for c, p, r in problems(tmp_path, text) if c == "E308"]
    assert rendered and "“Gia Lai”" in rendered[0]


@pytest.mark.parametrize("name", ["Đắk Nông", "Quảng Bình", "quảng  bình"])
def test_old_map_province_is_right_for_old_years(tmp_path, name):
    # a province of the map in force in 2022 is what a 2022 report must say: nothing to warn about
    text = (ROOT / "samples" / "dak-nong-2022.yaml").read_text(encoding="utf-8").replace("name: Đắk Nông", f"name: {name}", 1)
    loaded = load(write(tmp_path, text))
    assert loaded.ok
    assert [p.code for p in loaded.problems if p.path == "unit.name"] == []  # (Quảng Bình is in Quân khu 4: W410)


def test_misspelt_province_of_an_old_year_is_a_warning_naming_the_old_map_name(tmp_path):
    text = (ROOT / "samples" / "dak-nong-2022.yaml").read_text(encoding="utf-8").replace("name: Đắk Nông", "name: Quảng Bìnhh", 1)
    loaded = load(write(tmp_path, text))
    assert loaded.ok
    (found,) = [p for p in loaded.problems if p.path == "unit.name"]
    assert found.code == "W405"
    assert "“Quảng Bình”" in found.message  # on the old map only: the current map has no Quảng Bình


def test_old_map_province_is_an_error_for_current_years(tmp_path):
    text = (ROOT / "samples" / "gia-lai-2026.yaml").read_text(encoding="utf-8").replace("name: Gia Lai", "name: Đắk Nông", 1)
    loaded = load(write(tmp_path, text))
    assert not loaded.ok
    assert ("E308", "unit.name") in {(p.code, p.path) for p in loaded.problems}
