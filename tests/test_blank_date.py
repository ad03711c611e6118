"""A report written before it is signed has no date (new-user trials, ninth session): users had to
invent one, and the report printed "Nam Định, ngày 15 tháng 12 năm 2023". ``document.date`` may now
be left out, and every draft leaves the day and the month visibly blank for the signer (DOMAIN.md
section 10), with the year the report is signed in: its period's (``inputs.dates.signing_year``).

Every test reads the real output back: the .docx through python-docx, or the text of
``drafter render -f txt``, ``validate`` and ``check``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.docx_reading import assert_decree30_layout, find_paragraph, header_table, open_docx, paragraph_runs
from support.forms import build_form
from support.packs import edited_pack

from drafter import api
from drafter.cli import cli
from drafter.inputs import load
from drafter.inputs.model import Report

#: What Vietnamese offices leave in a draft: the day and the month blank, the year printed.
BLANK_LINE = "Nam Định, ngày     tháng     năm 2023"

UNDATED = """\
unit:
  name: Nam Định
  kind: tỉnh
period:
  year: 2023
document:
  issuer: chqs
  signer:
    name: Trần Văn Bình
    rank: Đại tá
    position: Chỉ huy trưởng
recruitment:
  quota: 1200
  delivered: 1200
"""


def _write(folder: Path, text: str, name: str = "so-lieu.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _dated(day: str) -> str:
    return UNDATED.replace("  issuer: chqs\n", f"  issuer: chqs\n  date: {day}\n")


def _cli(*args: str):
    return CliRunner().invoke(cli, list(args))


def _report(data: dict | None = None, **sections) -> Report:
    base = {"unit": {"name": "Nam Định", "kind": "tỉnh"}, "period": {"year": 2023},
            "document": {"issuer": "chqs", "signer": {"name": "Trần Văn Bình", "position": "Chỉ huy trưởng"}},
            "recruitment": {"quota": 1200, "delivered": 1200}}
    return Report.model_validate({**base, **(data or {}), **sections})


# ------------------------------------------------------------------ the report's place and date


def test_an_undated_report_leaves_the_day_and_month_blank_in_the_header(tmp_path):
    data = api.render(_write(tmp_path, UNDATED), "bao-cao")
    doc = open_docx(data)
    line = find_paragraph(doc, BLANK_LINE)
    # in the right cell of the header, under the Tiêu ngữ, italic, as the dated line is
    right = [p.text for cell in header_table(doc).columns[1].cells for p in cell.paragraphs]
    assert BLANK_LINE in right and right.index(BLANK_LINE) > right.index("Độc lập - Tự do - Hạnh phúc")
    assert all(run.italic for run in paragraph_runs(line, doc) if run.text.strip())
    assert_decree30_layout(data)
    assert "None" not in "\n".join(p.text for p in doc.paragraphs)


def test_the_blank_line_in_text_and_with_a_date_as_before(tmp_path):
    text = _cli("render", str(_write(tmp_path, UNDATED)), "-f", "txt")
    assert text.exit_code == 0, text.output
    assert BLANK_LINE in text.output.splitlines()
    dated = _cli("render", str(_write(tmp_path, _dated("2023-12-15"), "dated.yaml")), "-f", "txt")
    assert "Nam Định, ngày 15 tháng 12 năm 2023" in dated.output.splitlines()
    assert BLANK_LINE not in dated.output


def test_a_null_date_is_no_date_and_a_half_year_prints_its_own_year(tmp_path):
    null = _write(tmp_path, UNDATED.replace("  issuer: chqs\n", "  issuer: chqs\n  date:\n"))
    assert BLANK_LINE in api.render(null, "bao-cao", format="txt")
    half = _report({"period": {"year": 2026, "span": "half-year"}})
    assert "Nam Định, ngày     tháng     năm 2026" in api.render(half, "bao-cao", format="txt").splitlines()


def test_validate_accepts_an_undated_file_and_says_the_date_is_left_blank(tmp_path):
    result = _cli("validate", str(_write(tmp_path, UNDATED)))
    assert result.exit_code == 0, result.output
    assert "hợp lệ" in result.output and "chưa có ngày ban hành (document.date)" in result.output
    assert "None" not in result.output and "lỗi" not in result.output
    dated = _cli("validate", str(_write(tmp_path, _dated("2023-12-15"), "dated.yaml")))
    assert "chưa có ngày ban hành" not in dated.output


def test_drafter_check_takes_the_blank_for_intended(tmp_path):
    # the text checks refuse two spaces between words, but not the blank the signer fills in
    result = _cli("check", str(_write(tmp_path, UNDATED)), "--no-spelling")
    assert result.exit_code == 0, result.output
    assert "double-space" not in result.output


def test_the_review_copy_says_the_date_is_for_the_signer(tmp_path):
    _, explanation = api.review_copy(load(_write(tmp_path, UNDATED)), "bao-cao")
    [note] = [note for line in explanation.lines for text, note in line.sources if text == BLANK_LINE]
    assert note.text.startswith("Ngày ban hành để trống: điền ngày, tháng khi ký.")


# ------------------------------------------------------------------ what the date decided


def _parent_line(report: Report) -> str:
    return api.render(report, "bao-cao", format="txt").splitlines()[0]


@pytest.mark.parametrize("dated", [None, "2025-12-15"])
def test_an_undated_commune_report_of_2025_is_under_its_committee_as_if_signed_in_december(dated):
    # the bodies are those of the signing day; without one, the day after the period ends (era.py):
    # a commune's Ban CHQS belongs to its people's committee until 26/01/2026
    document = {"issuer": "chqs", "date": dated, "signer": {"name": "Lê Văn An", "position": "Chỉ huy trưởng"}}
    report = _report({"unit": {"name": "Ia Grai", "kind": "xã", "province": "Gia Lai"}, "period": {"year": 2025},
                      "document": document})
    assert _parent_line(report) == "UBND XÃ IA GRAI"
    signed_later = report.model_copy(update={"document": report.document.model_copy(
        update={"date": __import__("datetime").date(2026, 1, 28)})})
    assert _parent_line(signed_later) == "BỘ CHQS TỈNH GIA LAI"


@pytest.mark.parametrize(("span", "code"), [("half-year", None), ("year", "E310")])
def test_the_map_of_an_undated_report_is_its_period_s(tmp_path, span, code):
    # a thị trấn is on the map of the first half of 2025, not on the year's (E310)
    text = UNDATED.replace("  name: Nam Định\n  kind: tỉnh\n", "  name: Lâm\n  kind: thị trấn\n  province: Nam Định\n"
                           "  district: huyện Ý Yên\n").replace("  year: 2023\n", f"  year: 2025\n  span: {span}\n")
    result = _cli("validate", str(_write(tmp_path, text)))
    if code is None:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1 and code in result.output, result.output


def test_a_conference_date_outside_the_period_is_still_refused_without_a_document_date(tmp_path):
    text = UNDATED + "conference:\n  date: 2022-12-13\n"
    result = _cli("validate", str(_write(tmp_path, text)))
    assert result.exit_code == 1
    assert re.search(r":16:3: lỗi E303 \[conference\.date\]: ngày 13/12/2022 nằm ngoài kỳ báo cáo", result.output)


def test_duty_days_are_checked_against_the_period_without_a_date(tmp_path):
    days = _cli("validate", str(_write(tmp_path, UNDATED + "readiness:\n  duty_days: 400\n")))
    assert days.exit_code == 1 and "E315" in days.output
    # a whole year's duty is no W412 when the report may be signed at the year's end
    whole = _cli("validate", str(_write(tmp_path, UNDATED + "readiness:\n  duty_days: 365\n", "whole.yaml")))
    assert whole.exit_code == 0 and "W412" not in whole.output, whole.output


# ------------------------------------------------------------------ the article


def test_an_article_about_an_undated_report_says_no_date(tmp_path):
    undated = api.render(_write(tmp_path, UNDATED), "tin-bai", format="txt")
    lead = undated.splitlines()[2]
    assert lead.startswith("Bộ CHQS tỉnh Nam Định vừa ") and "báo cáo tổng kết" in lead, lead
    assert not re.search(r"\d+/\d+|None|…", undated), undated
    dated = api.render(_write(tmp_path, _dated("2023-12-15"), "dated.yaml"), "tin-bai", format="txt")
    assert dated.splitlines()[2].startswith("Ngày 15/12, Bộ CHQS tỉnh Nam Định "), dated


def test_a_bank_exported_before_the_dateless_lead_leaves_a_visible_blank(tmp_path):
    pack = edited_pack(tmp_path / "mau", "tin-bai", "phrases.yaml", "  news.lead.report.undated:\n",
                       "  news.lead.report.old:\n")
    text = (pack / "phrases.yaml").read_text(encoding="utf-8")
    (pack / "phrases.yaml").write_text(re.sub(r"  news\.lead\.report\.old:\n(    .*\n)+", "", text), encoding="utf-8")
    lead = api.render(_write(tmp_path, UNDATED), pack, format="txt").splitlines()[2]
    assert lead.startswith("Ngày …/…, Bộ CHQS tỉnh Nam Định "), lead


# ------------------------------------------------------------------ roll-ups, forms, batches


def _unit_file(folder: Path, name: str, day: str | None) -> Path:
    text = UNDATED.replace("Nam Định", name) if day is None else _dated(day).replace("Nam Định", name)
    return _write(folder, text, f"{name}.yaml")


def test_a_roll_up_of_undated_reports_is_undated_and_of_dated_ones_takes_the_last(tmp_path):
    undated = [_unit_file(tmp_path, name, None) for name in ("Thanh Hóa", "Nghệ An")]
    text = api.render_rollup(undated, "txt")
    assert "Nghệ An, ngày     tháng     năm 2023" in text.splitlines(), text[:400]
    mixed = [_unit_file(tmp_path, "Thanh Hóa", None), _unit_file(tmp_path, "Nghệ An", "2023-12-12")]
    assert "Nghệ An, ngày 12 tháng 12 năm 2023" in api.render_rollup(mixed, "txt").splitlines()


def test_a_word_form_prints_the_blank_dates_not_none(tmp_path):
    form = build_form(tmp_path / "mau.docx", body=["Ngắn: {{ r.document.date | ngay_ngan }}.",
                                                    "Số: {{ r.document.date | ngay_so }}."])
    doc = open_docx(api.render(_write(tmp_path, UNDATED), form))
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any(text.endswith(", ngày     tháng     năm 2023") for text in texts), texts
    assert "Ngắn: …/…." in texts and "Số: …/…/2023." in texts, texts
    assert not any("None" in text for text in texts)


def test_a_batch_of_undated_files_and_workbook_rows(tmp_path):
    folder = tmp_path / "vao"
    folder.mkdir()
    _unit_file(folder, "Nam Định", None)
    result = _cli("batch", str(folder), "-o", str(tmp_path / "ra"), "-t", "bao-cao", "-t", "tin-bai")
    assert result.exit_code == 0, result.output
    report = tmp_path / "ra" / "tinh-nam-dinh-2023-bao-cao.docx"
    find_paragraph(open_docx(report.read_bytes()), BLANK_LINE)
    assert (tmp_path / "ra" / "tinh-nam-dinh-2023-tin-bai.docx").exists()
    # an empty date cell of a workbook is no date
    workbook = tmp_path / "so-lieu.xlsx"
    api.write_workbook(workbook, [_report()], year=2023)
    result = _cli("batch", str(workbook), "-o", str(tmp_path / "bang"))
    assert result.exit_code == 0, result.output
    find_paragraph(open_docx((tmp_path / "bang" / "tinh-nam-dinh-2023-bao-cao.docx").read_bytes()), BLANK_LINE)


def test_the_starter_says_the_date_may_be_left_empty(tmp_path):
    result = _cli("init", "-o", str(tmp_path / "moi.yaml"), "--unit", "Gia Lai", "--year", "2026")
    assert result.exit_code == 0, result.output
    [line] = [line for line in (tmp_path / "moi.yaml").read_text(encoding="utf-8").splitlines()
              if line.startswith("  date:")]
    assert "chưa biết thì để trống" in line, line
