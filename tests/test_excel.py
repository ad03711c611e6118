"""The Excel input: the blank workbook ``drafter init --excel`` writes, and reading filled ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.utils import get_column_letter

from drafter.api import write_workbook
from drafter.cli import cli
from drafter.inputs import load
from drafter.inputs.excel import (
    FIRST_DATA_ROW,
    SHEET,
    columns,
    read_workbook,
)
from drafter.inputs.model import Report

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_REPORT = load(ROOT / "samples" / "gia-lai-2026.yaml").report


def field_title(path: str) -> str:
    """The model's own title of the leaf field at a dotted path."""
    from drafter.inputs.excel.columns import _list_item, _unwrap

    model, info = Report, None
    for part in path.split("."):
        if part.isdigit():
            continue
        info = model.model_fields[part]
        annotation = _unwrap(info.annotation, [])[0]
        model = _list_item(annotation) or annotation
    return info.title


@pytest.fixture
def blank(tmp_path) -> Path:
    path = tmp_path / "so-lieu-2026.xlsx"
    write_workbook(path, year=2026)
    return path


def letters(sheet) -> dict[str, str]:
    """Field path -> column letter, from the hidden path row."""
    return {sheet.cell(2, c).value: get_column_letter(c) for c in range(1, sheet.max_column + 1)}


# Units of 2026 are checked against the current map (since 1 July 2025): real communes of Gia Lai.
MINIMAL = {
    "unit.kind": "xã", "unit.province": "Gia Lai", "period.year": 2026,
    "document.date": dt.datetime(2026, 12, 15), "document.signer.name": "Nguyễn Văn An",
    "document.signer.position": "Chủ tịch",
}


def fill(path: Path, rows: dict[int, dict[str, object]], target: Path | None = None) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    where = letters(sheet)
    for row, values in rows.items():
        for field_path, value in values.items():
            sheet[f"{where[field_path]}{row}"] = value
    target = target or path
    book.save(target)
    return target


# ------------------------------------------------------------ blank workbook


def test_headers_are_the_model_titles(blank):
    sheet = openpyxl.load_workbook(blank)[SHEET]
    headers = [sheet.cell(1, c).value for c in range(1, sheet.max_column + 1)]
    assert headers == [c.header for c in columns()]
    assert len(set(headers)) == len(headers)
    assert "Tuyển quân - Chỉ tiêu giao quân" in headers
    for column, header in zip(columns(), headers):
        assert header.endswith(field_title(column.path)) or header.split(" - ")[-1] in field_title(column.path)
    assert sheet.cell(1, 1).value == "Đơn vị - Tên đơn vị"
    assert sheet.cell(2, 1).value == "unit.name"
    assert sheet.cell(3, 1).value == Report.model_fields["unit"].annotation.model_fields["name"].description


def test_layout_frozen_hidden_paths_styles(blank):
    sheet = openpyxl.load_workbook(blank)[SHEET]
    assert sheet.freeze_panes == f"B{FIRST_DATA_ROW}"
    assert sheet.row_dimensions[2].hidden
    assert sheet["A1"].font.b and sheet["A1"].alignment.wrap_text
    assert sheet["A3"].font.i
    assert sheet.column_dimensions["A"].width >= 12


def test_data_validation_lists_numbers_and_dates(blank):
    sheet = openpyxl.load_workbook(blank)[SHEET]
    where = letters(sheet)
    rules = sheet.data_validations.dataValidation

    def rule_for(field_path: str):
        cell = f"{where[field_path]}{FIRST_DATA_ROW + 10}"
        found = [r for r in rules if cell in r.sqref]
        assert len(found) == 1, field_path
        return found[0]

    kind = rule_for("unit.kind")
    assert kind.type == "list" and "xã" in kind.formula1 and "đặc khu" in kind.formula1
    for field_path in ("period.span", "document.issuer", "conference.time_of_day", "awards.0.kind"):
        assert rule_for(field_path).type == "list"
    quota = rule_for("recruitment.quota")
    assert quota.type == "whole" and quota.formula1 == "0"
    assert rule_for("document.date").type == "date"
    assert rule_for("defence_land.area_ha").type == "decimal"


def test_init_command_writes_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "so-lieu-2026.xlsx"
    runner = CliRunner()
    first = runner.invoke(cli, ["init", "--excel", str(target), "--year", "2026"])
    assert first.exit_code == 0, first.output
    assert SHEET in openpyxl.load_workbook(target).sheetnames
    again = runner.invoke(cli, ["init", "--excel", str(target)])
    assert again.exit_code == 1 and "E501" in again.output
    assert runner.invoke(cli, ["init", "--excel", str(target), "--force"]).exit_code == 0
    assert runner.invoke(cli, ["init"]).exit_code == 2
    assert runner.invoke(cli, ["init", "--excel", str(tmp_path / "x.csv")]).exit_code == 2


# ------------------------------------------------------------------- reading


def test_three_filled_units_read_to_three_reports(blank):
    fill(blank, {
        4: {**MINIMAL, "unit.name": "Phú Thiện", "recruitment.quota": 40, "recruitment.delivered": 40},
        5: {**MINIMAL, "unit.name": "Ia Grai", "unit.kind": "Xã", "recruitment.quota": "2.847",
            "recruitment.delivered": 2847.0, "unit.population": "3.583.693",
            "defence_land.area_ha": "0,89", "conference.date": "13/12/2026",
            "directions": "Tuyển quân đạt chỉ tiêu\n- Diễn tập khu vực phòng thủ", "proposals": "Một; Hai ;"},
        6: {**MINIMAL, "unit.name": "An Phú", "unit.kind": "phường", "period.span": "half-year",
            "document.date": dt.datetime(2026, 7, 10), "awards.1.giver": "Chủ tịch UBND phường",
            "awards.1.kind": "giấy khen", "awards.1.individuals": 5},
    })
    loaded = read_workbook(blank)
    assert [item.source for item in loaded] == [f"{blank}!{SHEET}!{r}:{r}" for r in (4, 5, 6)]
    assert all(item.ok for item in loaded), [p.render() for item in loaded for p in item.problems]
    first, second, third = (item.report for item in loaded)
    assert (first.unit.name, first.unit.kind, first.unit.level) == ("Phú Thiện", "xã", "commune")
    assert first.document.date == dt.date(2026, 12, 15)
    assert second.recruitment.quota == 2847 and second.recruitment.delivered == 2847
    assert second.unit.population == 3583693 and second.unit.kind == "xã"
    assert second.defence_land.area_ha == pytest.approx(0.89)
    assert second.conference.date == dt.date(2026, 12, 13)
    assert second.directions == ["Tuyển quân đạt chỉ tiêu", "Diễn tập khu vực phòng thủ"]
    assert second.proposals == ["Một", "Hai"]
    assert third.period.span == "half-year"
    assert [(a.giver, a.kind, a.individuals) for a in third.awards] == [("Chủ tịch UBND phường", "giấy khen", 5)]


def test_round_trip_of_the_sample(tmp_path):
    other = SAMPLE_REPORT.model_copy(update={"unit": SAMPLE_REPORT.unit.model_copy(update={"name": "Quảng Ngãi"})})
    path = write_workbook(tmp_path / "a.xlsx", [SAMPLE_REPORT, other])
    reports = [item.report for item in read_workbook(path)]
    assert reports == [SAMPLE_REPORT, other]


def test_bad_cell_is_reported_at_its_cell_with_the_field_path(blank):
    fill(blank, {4: {**MINIMAL, "unit.name": "Chư Sê"},
                 5: {**MINIMAL, "unit.name": "Đak Pơ", "recruitment.quota": "hai nghìn", "unit.kind": "làng"}})
    first, second = read_workbook(blank)
    assert first.ok and not second.ok
    where = letters(openpyxl.load_workbook(blank)[SHEET])
    by_path = {p.path: p for p in second.problems}
    quota = by_path["recruitment.quota"]
    assert quota.code == "E202"
    assert quota.where == f"{blank}!{SHEET}!{where['recruitment.quota']}5"
    assert quota.line is None and quota.column is None
    assert f"{SHEET}!{where['recruitment.quota']}5: lỗi E202 [recruitment.quota]" in quota.render()
    assert by_path["unit.kind"].where.endswith(f"!{SHEET}!{where['unit.kind']}5")


def test_missing_required_field_points_at_its_empty_cell(blank):
    fill(blank, {4: {key: value for key, value in MINIMAL.items() if key != "document.signer.name"} | {"unit.name": "Chư Sê"}})
    (item,) = read_workbook(blank)
    (problem,) = [p for p in item.problems if p.code == "E200"]
    where = letters(openpyxl.load_workbook(blank)[SHEET])
    assert problem.path == "document.signer.name"
    assert problem.where.endswith(f"!{SHEET}!{where['document.signer.name']}4")


def test_empty_rows_are_skipped_and_an_empty_sheet_is_an_error(blank, tmp_path):
    assert [p.code for p in read_workbook(blank)[0].problems] == ["E118"]
    fill(blank, {4: {**MINIMAL, "unit.name": "Chư Sê"}, 5: {"unit.name": "   "}, 7: {**MINIMAL, "unit.name": "Ia Pa"}})
    loaded = read_workbook(blank)
    assert [item.source.rsplit("!", 1)[1] for item in loaded] == ["4:4", "7:7"]


def test_missing_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.save(tmp_path / "x.xlsx")
    (item,) = read_workbook(tmp_path / "x.xlsx")
    assert not item.ok and item.problems[0].code == "E111"
    assert "Số liệu" in item.problems[0].render() and "Sheet1" in item.problems[0].render()


def test_merged_cells_are_an_error_naming_the_range(blank):
    fill(blank, {4: {**MINIMAL, "unit.name": "Chư Sê"}, 5: {**MINIMAL, "unit.name": "Đak Pơ"}})
    book = openpyxl.load_workbook(blank)
    book[SHEET].merge_cells("B4:B5")
    book.save(blank)
    (item,) = read_workbook(blank)
    assert item.problems[0].code == "E112" and "B4:B5" in item.problems[0].render()


def test_uncalculated_formula_is_an_error_naming_the_cell(blank):
    fill(blank, {4: {**MINIMAL, "unit.name": "Chư Sê", "recruitment.quota": "=20+20"}})
    (item,) = read_workbook(blank)
    where = letters(openpyxl.load_workbook(blank)[SHEET])
    (problem,) = item.problems
    assert problem.code == "E113" and problem.path == "recruitment.quota"
    assert problem.where.endswith(f"!{SHEET}!{where['recruitment.quota']}4")


def test_headers_alone_are_enough_when_the_path_row_is_gone(blank):
    fill(blank, {4: {**MINIMAL, "unit.name": "Chư Sê", "recruitment.quota": 12}})
    book = openpyxl.load_workbook(blank)
    book[SHEET].delete_rows(2)  # someone deleted the hidden row
    book.save(blank)
    (item,) = read_workbook(blank)
    assert item.ok and item.report.recruitment.quota == 12


def test_unknown_column_is_reported(blank):
    book = openpyxl.load_workbook(blank)
    sheet = book[SHEET]
    column = sheet.max_column + 1
    sheet.cell(1, column, "Ghi chú riêng")
    sheet.cell(2, column, "unit.nickname")
    book.save(blank)
    fill(blank, {4: {**MINIMAL, "unit.name": "Chư Sê"}})
    (item,) = read_workbook(blank)
    assert item.problems[0].code == "E116" and "unit.nickname" in item.problems[0].render()


def test_not_a_workbook(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    assert read_workbook(path)[0].problems[0].code == "E110"
    assert read_workbook(tmp_path / "old.xls")[0].problems[0].code == "E119"
    assert read_workbook(tmp_path / "missing.xlsx")[0].problems[0].code == "E101"


def test_error_values_are_reported_at_their_cell(blank):
    fill(blank, {4: {**MINIMAL, "unit.name": "Chư Sê", "recruitment.quota": "#DIV/0!"}})
    (item,) = read_workbook(blank)
    (problem,) = item.problems
    assert problem.code == "E114" and problem.path == "recruitment.quota" and "#DIV/0!" in problem.render()


# ------------------------------------------------------------ the workbook's own date system; odd files


def test_a_workbook_in_the_1904_date_system_gives_the_right_dates(blank, tmp_path):
    """Old Mac Excel counts days from 1904: a day number typed in a date column is read in the
    workbook's own system, not four years and a day off (E303, outside the period)."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, to_excel

    book = openpyxl.load_workbook(blank)
    book.epoch = CALENDAR_MAC_1904
    sheet = book[SHEET]
    where = letters(sheet)
    for field_path, value in {**MINIMAL, "unit.name": "Chư Sê"}.items():
        sheet[f"{where[field_path]}4"] = value
    sheet[f"{where['document.date']}4"] = to_excel(dt.datetime(2026, 12, 15), CALENDAR_MAC_1904)  # a number
    sheet[f"{where['document.date']}4"].number_format = "General"
    sheet[f"{where['conference.date']}4"] = dt.datetime(2026, 12, 13)  # a date cell: openpyxl reads it right
    path = tmp_path / "mac.xlsx"
    book.save(path)
    (item,) = read_workbook(path)
    assert item.ok, [p.render() for p in item.problems]
    assert (item.report.document.date, item.report.conference.date) == (dt.date(2026, 12, 15), dt.date(2026, 12, 13))


@pytest.mark.parametrize(("typed", "code"), [("3350²", "E202"), ("١٢٣", "E202"), ("1" + "0" * 5000, "E219"),
                                             ("2.847", None), (" 3 350 ", None)])
def test_odd_numbers_in_cells(blank, typed, code):
    fill(blank, {4: {**MINIMAL, "unit.name": "Chư Sê", "recruitment.quota": typed}})
    (item,) = read_workbook(blank)
    codes = [p.code for p in item.problems if p.is_error]
    assert codes == ([code] if code else []), [p.render() for p in item.problems]
    if code:
        assert item.problems[0].path == "recruitment.quota" and item.problems[0].file.endswith("4")


def test_a_workbook_that_unpacks_too_large_is_refused_before_it_is_read(blank, tmp_path, monkeypatch):
    import zipfile

    from drafter.inputs.excel import reader

    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(blank) as old, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            new.writestr(name, old.read(name))
        new.writestr("xl/sharedStrings.xml", b" " * (reader.MAX_SHARED_STRINGS + 1))
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: (_ for _ in ()).throw(AssertionError("opened")))
    (item,) = read_workbook(bomb)
    assert [p.code for p in item.problems] == ["E124"] and "sharedStrings" in item.problems[0].render()


def test_too_many_rows_or_cells_are_refused(blank, monkeypatch):
    from drafter.inputs.excel import reader

    fill(blank, {row: {**MINIMAL, "unit.name": "Chư Sê"} for row in range(4, 30)})
    monkeypatch.setattr(reader, "MAX_ROWS", 10)
    assert [p.code for p in read_workbook(blank)[0].problems] == ["E125"]
    monkeypatch.setattr(reader, "MAX_ROWS", 10_000)
    monkeypatch.setattr(reader, "MAX_CELLS", 100)
    assert [p.code for p in read_workbook(blank)[0].problems] == ["E124"]


def test_a_word_file_named_xlsx_is_said_to_be_one(tmp_path):
    import docx

    path = tmp_path / "so-lieu.xlsx"
    docx.Document().save(path)
    (item,) = read_workbook(path)
    assert [p.code for p in item.problems] == ["E110"]
    assert "văn bản Word" in item.problems[0].render() and item.problems[0].render().isascii() is False
