"""``drafter init``: the starter YAML, by options and by questions, checked against the map."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from drafter.cli import cli
from drafter.inputs import load
from drafter.inputs.model import Report
from drafter.inputs.reference import military_regions
from drafter.inputs.starter import resolve_unit, starter_yaml


@pytest.fixture
def runner(monkeypatch):
    monkeypatch.setenv("DRAFTER_LANG", "vi")
    return CliRunner()


def _valid(runner: CliRunner, path: Path) -> None:
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "hợp lệ" in result.output


def test_flags_write_a_commune_file_that_validates_at_once(runner, tmp_path):
    out = tmp_path / "so-lieu.yaml"
    result = runner.invoke(cli, ["init", "-o", str(out), "--unit", "Ia Grai", "--kind", "xã",
                                 "--province", "Gia Lai", "--year", "2026", "--span", "year"])
    assert result.exit_code == 0, result.output
    assert "Đã tạo" in result.output and "xã Ia Grai, tỉnh Gia Lai" in result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=report.schema.json\n")
    assert (tmp_path / "report.schema.json").is_file()
    _valid(runner, out)
    report = load(out).report
    assert (report.unit.name, report.unit.kind, report.unit.province) == ("Ia Grai", "xã", "Gia Lai")
    assert report.unit.military_region == "Quân khu 5"
    assert (report.period.year, report.period.span) == (2026, "year")
    assert report.document.signer.name == "[Họ và tên]"  # a placeholder nobody can mistake for a name
    docx = tmp_path / "bao-cao.docx"
    assert runner.invoke(cli, ["render", str(out), "-o", str(docx)]).exit_code == 0
    assert docx.read_bytes().startswith(b"PK")


def test_kind_and_spelling_come_from_the_map(runner, tmp_path):
    out = tmp_path / "a.yaml"
    # no --kind: a commune because a province is given; lower case and "xa" are fine
    result = runner.invoke(cli, ["init", "-o", str(out), "--unit", "an khê", "--province", "gia lai", "--year", "2026"])
    assert result.exit_code == 0, result.output
    report = load(out).report
    assert (report.unit.name, report.unit.kind, report.unit.province) == ("An Khê", "phường", "Gia Lai")
    out = tmp_path / "b.yaml"
    assert runner.invoke(cli, ["init", "-o", str(out), "--unit", "Hà Nội", "--year", "2026",
                               "--span", "half-year"]).exit_code == 0
    report = load(out).report
    assert (report.unit.kind, report.unit.level, report.period.span) == ("thành phố", "province", "half-year")
    # the Bộ Tư lệnh Thủ đô is directly under the Ministry: no military region is written for Hà Nội
    assert report.unit.military_region is None
    _valid(runner, out)


def test_unknown_commune_gets_a_suggestion_and_nothing_is_written(runner, tmp_path):
    out = tmp_path / "x.yaml"
    result = runner.invoke(cli, ["init", "-o", str(out), "--unit", "Ia Grau", "--province", "Gia Lai",
                                 "--year", "2026"])
    assert result.exit_code == 1
    assert "E308" in result.output and "có phải ý bạn là “Ia Grai”" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_wrong_kind_and_unknown_province_are_errors(runner, tmp_path):
    result = runner.invoke(cli, ["init", "-o", str(tmp_path / "x.yaml"), "--unit", "An Khê", "--kind", "xã",
                                 "--province", "Gia Lai", "--year", "2026"])
    assert result.exit_code == 1 and "E309" in result.output and "phường" in result.output
    result = runner.invoke(cli, ["init", "-o", str(tmp_path / "x.yaml"), "--unit", "Ia Grai",
                                 "--province", "Gia Lại", "--year", "2026"])
    assert result.exit_code == 1 and "E308" in result.output and "“Gia Lai”" in result.output


def test_old_map_names_are_accepted_for_old_years(runner, tmp_path):
    out = tmp_path / "dak-nong-2022.yaml"
    result = runner.invoke(cli, ["init", "-o", str(out), "--unit", "Đắk Nông", "--year", "2022"])
    assert result.exit_code == 0, result.output
    assert load(out).ok


def test_old_map_provinces_get_their_region_from_the_old_table(runner, tmp_path):
    out = tmp_path / "hoa-binh-2024.yaml"
    assert runner.invoke(cli, ["init", "-o", str(out), "--unit", "Hoà Bình", "--year", "2024"]).exit_code == 0
    report = load(out).report
    assert (report.unit.name, report.unit.military_region) == ("Hòa Bình", "Quân khu 3")  # merged into Phú Thọ, QK2


def test_a_thi_tran_of_an_old_year_validates_at_once(runner, tmp_path):
    out = tmp_path / "chu-se-2024.yaml"
    result = runner.invoke(cli, ["init", "-o", str(out), "--unit", "Chư Sê", "--kind", "thi tran",
                                 "--province", "Gia Lai", "--year", "2024"])
    assert result.exit_code == 0, result.output
    assert "thị trấn Chư Sê, tỉnh Gia Lai" in result.output
    text = out.read_text(encoding="utf-8")
    assert "kind: thị trấn" in text and "Loại theo danh mục hành chính: xã / phường / thị trấn" in text
    assert re.search(r"^# {3}district: +# Với xã, phường, thị trấn của kỳ trước 7/2025", text, re.M)
    _valid(runner, out)
    report = load(out).report
    assert (report.unit.kind, report.unit.level, report.unit.military_region) == ("thị trấn", "commune", "Quân khu 5")
    refused = runner.invoke(cli, ["init", "-o", str(tmp_path / "x.yaml"), "--unit", "Chư Sê", "--kind", "thị trấn",
                                  "--province", "Gia Lai", "--year", "2026"])
    assert refused.exit_code == 1 and "E310" in refused.output


def test_a_defence_area_command_gets_its_own_starter(runner, tmp_path):
    out = tmp_path / "ptkv4.yaml"
    result = runner.invoke(cli, ["init", "-o", str(out), "--unit", "Ban Chỉ huy Phòng thủ khu vực 4 - Vĩnh Yên",
                                 "--kind", "khu vực", "--province", "phú thọ", "--year", "2026"])
    assert result.exit_code == 0, result.output
    assert "Ban Chỉ huy Phòng thủ khu vực 4 - Vĩnh Yên, tỉnh Phú Thọ" in result.output
    text = out.read_text(encoding="utf-8")
    assert "issuer: chqs" in text and "position: Chỉ huy trưởng" in text
    _valid(runner, out)
    report = load(out).report
    assert (report.unit.name, report.unit.level, report.unit.province, report.unit.military_region) == (
        "4 - Vĩnh Yên", "area", "Phú Thọ", "Quân khu 2")
    refused = runner.invoke(cli, ["init", "-o", str(tmp_path / "y.yaml"), "--unit", "4 - Vĩnh Yên",
                                  "--kind", "khu vực", "--province", "Phú Thọ", "--year", "2024"])
    assert refused.exit_code == 1 and "E311" in refused.output


def test_the_kinds_init_accepts_are_the_models():
    import typing

    from drafter.cli.init import KINDS
    from drafter.inputs.model import UnitKind

    assert set(KINDS) == set(typing.get_args(UnitKind))


def test_questions_on_a_terminal_with_suggestions(runner, tmp_path):
    out = tmp_path / "hoi.yaml"
    answers = "\n".join(["2026", "year", "xa", "Gia Lại", "Gia Lai", "Ia Grau", "Ia Grai"]) + "\n"
    result = runner.invoke(cli, ["init", "-o", str(out), "--interactive"], input=answers)
    assert result.exit_code == 0, result.output
    assert "Năm báo cáo" in result.output and "Tỉnh, thành phố" in result.output
    assert "có phải ý bạn là “Gia Lai”" in result.output  # asked again after the misspelt province
    assert "có phải ý bạn là “Ia Grai”" in result.output  # and after the misspelt commune
    report = load(out).report
    assert (report.unit.name, report.unit.kind, report.unit.province, report.period.year) == (
        "Ia Grai", "xã", "Gia Lai", 2026)
    _valid(runner, out)


def test_questions_only_for_what_the_options_do_not_give(runner, tmp_path):
    out = tmp_path / "tinh.yaml"
    result = runner.invoke(cli, ["init", "-o", str(out), "-i", "--year", "2026", "--span", "half-year"],
                           input="tỉnh\nBắc Ninh\n")
    assert result.exit_code == 0, result.output
    assert "Năm báo cáo" not in result.output
    report = load(out).report
    assert (report.unit.name, report.unit.kind, report.period.span) == ("Bắc Ninh", "tỉnh", "half-year")
    assert report.unit.military_region == "Quân khu 1"


def test_without_a_terminal_the_unit_is_required(runner, tmp_path):
    result = runner.invoke(cli, ["init", "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert "--unit" in result.output and "--interactive" in result.output


def test_refuses_to_overwrite_without_force(runner, tmp_path):
    out = tmp_path / "so-lieu.yaml"
    out.write_text("cũ\n", encoding="utf-8")
    args = ["init", "-o", str(out), "--unit", "Gia Lai", "--year", "2026"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1 and "E501" in result.output and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "cũ\n"
    assert runner.invoke(cli, args + ["--force"]).exit_code == 0
    assert load(out).ok


def test_excel_still_works_and_does_not_mix_with_yaml_options(runner, tmp_path):
    book = tmp_path / "so-lieu-2026.xlsx"
    result = runner.invoke(cli, ["init", "--excel", str(book), "--year", "2026"])
    assert result.exit_code == 0, result.output
    assert book.read_bytes().startswith(b"PK")
    result = runner.invoke(cli, ["init", "--excel", str(tmp_path / "b.xlsx"), "--unit", "Gia Lai"])
    assert result.exit_code == 2


def test_every_field_of_the_model_is_in_the_starter_and_uncomments_cleanly(tmp_path):
    """Deleting every "# " that starts a line gives YAML whose keys are all the model's."""
    unit, problems = resolve_unit("Ia Grai", province="Gia Lai", year=2026)
    assert problems == []
    text = starter_yaml(unit, 2026)
    for name in _field_paths(Report):
        assert re.search(rf"^(# )?\s*(- )?{name.split('.')[-1]}:", text, re.M), f"{name} missing from the starter"
    lines = text.splitlines()
    body = lines[lines.index(next(line for line in lines if line.startswith("unit:"))):]  # after the header notes
    uncommented = "\n".join(line[2:] if line.startswith("# ") else line for line in body) + "\n"
    data = YAML(typ="safe").load(uncommented)
    assert set(data) == set(Report.model_fields)
    path = tmp_path / "all.yaml"
    path.write_text(uncommented, encoding="utf-8")
    codes = {p.code for p in load(path).problems}
    assert "E206" not in codes and "E103" not in codes, codes  # every key known, the structure intact


def test_the_military_region_table_covers_the_34_provinces():
    from drafter.inputs.reference import _map

    provinces = {division.name for division in _map(0).values()}
    regions = military_regions()
    assert set(regions) == provinces and len(provinces) == 34
    assert set(regions.values()) == {None} | {f"Quân khu {n}" for n in (1, 2, 3, 4, 5, 7, 9)}
    assert [name for name, region in regions.items() if region is None] == ["Hà Nội"]  # the Capital Command
    old = military_regions(current_map=False)
    assert len(old) == 64 and "Thừa Thiên Huế" in old and "Huế" in old  # 63 provinces, Huế by both names


def _field_paths(model, prefix: str = "") -> list[str]:
    from drafter.inputs.starter import _shape

    paths = []
    for name, info in model.model_fields.items():
        paths.append(prefix + name)
        shape, inner = _shape(info.annotation)
        if shape in ("model", "model list"):
            paths += _field_paths(inner, f"{prefix}{name}.")
    return paths


def test_samples_point_editors_at_the_schema():
    """VS Code's YAML extension reads the first line; the schema it names is the committed one."""
    root = Path(__file__).resolve().parent.parent
    for sample in sorted((root / "samples").glob("*.yaml")):
        first = sample.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/report.schema.json", sample.name
        assert (sample.parent / "../schema/report.schema.json").resolve().is_file()
