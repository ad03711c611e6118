"""Every sample through the whole pipeline to a .docx, read back and checked against Decree 30."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pydantic import BaseModel
from support.docx_reading import all_texts, assert_decree30_layout, open_docx

import drafter
from drafter import vnformat
from drafter.inputs import load_report

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
# Used only to derive shares and to number the document; never printed as such.
NOT_PRINTED = {"population", "number", "year"}


def test_there_are_samples_for_each_kind_of_unit():
    reports = [load_report(path) for path in SAMPLES]
    levels = {(r.unit.level, r.period.year >= 2025, r.period.span) for r in reports}
    assert ("province", True, "year") in levels
    assert ("commune", True, "year") in levels
    assert ("province", False, "year") in levels
    assert any(span == "half-year" for _, _, span in levels)


def figures(model: BaseModel, path: str = ""):
    """(field path, value) for every number the input gives."""
    for name, value in model:
        where = f"{path}.{name}" if path else name
        if isinstance(value, BaseModel):
            yield from figures(value, where)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from figures(item, f"{where}[{index}]")
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and name not in NOT_PRINTED:
            yield where, name, value


def vietnamese(name: str, value) -> str:
    if name in ("amount", "welfare_amount"):
        return vnformat.format_money(value)
    if isinstance(value, float):
        return vnformat.format_decimal(value)
    return vnformat.format_integer(value)


@pytest.fixture(scope="module", params=SAMPLES, ids=lambda p: p.stem)
def rendered(request):
    report = load_report(request.param)
    return report, drafter.render(report, template="bao-cao")


def test_report_passes_every_decree30_rule(rendered):
    _, data = rendered
    assert_decree30_layout(data)


def test_report_masthead_carries_the_inputs_identity(rendered):
    report, data = rendered
    text = "\n".join(all_texts(open_docx(data)))
    flat = text.replace("\n", " ")
    span = "Sơ kết" if report.period.span == "half-year" else "Tổng kết"
    assert f"{span} công tác quốc phòng, quân sự địa phương" in flat
    assert vnformat.format_date_nd30(report.document.date) in text
    if report.document.number:
        assert f"Số: {report.document.number:02d}/BC-" in text
    else:
        assert "Số:      /BC-" in text
    assert report.document.signer.name in text
    assert "- Lưu: " + report.document.archive + "." in text


def test_every_input_figure_appears_formatted(rendered):
    report, data = rendered
    text = " ".join(all_texts(open_docx(data)))
    previous = {where for where, *_ in figures(report) if where.startswith("previous.")}
    missing = [
        f"{where} = {value} → {vietnamese(name, value)}"
        for where, name, value in figures(report)
        if where not in previous and vietnamese(name, value) not in text
    ]
    assert not missing, "figures missing from the report:\n" + "\n".join(missing)


def test_rendering_is_deterministic(rendered):
    report, data = rendered
    assert drafter.render(report, template="bao-cao") == data


def test_no_empty_heading_and_no_none(rendered):
    _, data = rendered
    document = open_docx(data)
    assert not any("None" in t for t in all_texts(document))
    paragraphs = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    for index, text in enumerate(paragraphs):
        if re.fullmatch(r"Phần [IVX]+", text):
            title, after = paragraphs[index + 1], paragraphs[index + 2 : index + 3]
            assert title.isupper() and after and not re.fullmatch(r"Phần [IVX]+", after[0]), text
        elif _is_item_heading(text):
            following = paragraphs[index + 1 : index + 2]
            assert following and not _is_item_heading(following[0]) and not following[0].startswith("Phần "), text


def _is_item_heading(text: str) -> bool:
    return bool(re.match(r"\d+\. \S", text)) and not text.endswith(".")


def test_commune_report_uses_commune_vocabulary():
    report = load_report(ROOT / "samples" / "phuong-an-khe-2026.yaml")
    text = drafter.render(report, format="txt")
    assert "Ban Chỉ huy Quân sự phường An Khê" in text.replace("\n", " ")
    assert "Tỉnh ủy" not in text
    assert "An Khê, ngày" in text


def test_half_year_wording():
    report = load_report(ROOT / "samples" / "gia-lai-2026-6-thang.yaml")
    text = drafter.render(report, format="txt")
    assert "Sơ kết công tác quốc phòng, quân sự địa phương 6 tháng đầu năm 2026" in text.replace("\n", " ")
    assert "6 tháng cuối năm 2026" in text
    assert "6 Tháng" not in text
    assert "so với cùng kỳ năm 2025" in text


def test_missing_sections_leave_no_gap_in_numbering():
    report = load_report(ROOT / "samples" / "gia-lai-2026.yaml")
    trimmed = report.model_copy(update={"militia": None, "reserve": None, "remains": None})
    text = drafter.render(trimmed, format="txt")
    numbers = [int(m.group(1)) for line in text.splitlines() if (m := re.match(r"(\d+)\. [A-ZĐÂ-Ỹ]", line))]
    assert numbers[:10] == list(range(1, 11))
    assert "dân quân tự vệ, kết quả" not in text and "hài cốt" not in text


def test_date_example_matches_decree30_rule():
    assert vnformat.format_date_nd30(dt.date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
