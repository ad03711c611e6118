"""What a staff officer reviewing two generated reports changed before the commander would sign
(2026-12-01), and what applies to every document: each test fails on the drafts he read."""

from __future__ import annotations

import re

import pytest
from support.samples import SAMPLES, report_of

from drafter import api
from drafter.inputs import load_report

VARIANTS = [None, *range(5)]


def formal(report, variant=None) -> list[str]:
    """The report's blocks as printed: a heading with its number ("1. Công tác …")."""
    return [getattr(b, "display", None) or getattr(b, "text", "") for b in api.draft(report, "bao-cao", variant).blocks]


def every_document(report):
    for variant in VARIANTS:
        for template in ("bao-cao", "tin-bai"):
            yield "\n".join(getattr(b, "display", None) or getattr(b, "text", "")
                         for b in api.draft(report, template, variant).blocks)


def test_the_situation_comes_before_the_items_and_buildings_are_an_item_of_their_own():
    # "Trong năm, trên địa bàn xảy ra 412 vụ phạm pháp hình sự …" sat under "2. Công tác sẵn sàng
    # chiến đấu, trực" (crimes are the police's results), and "Đầu tư 4,7 tỷ đồng … nhà làm việc Ban
    # CHQS cấp xã" under "1. Công tác lãnh đạo, chỉ đạo"
    blocks = formal(load_report("samples/gia-lai-2026.yaml"))
    first_item = next(i for i, b in enumerate(blocks) if b.startswith("1. "))
    crimes = next(i for i, b in enumerate(blocks) if "phạm pháp hình sự" in b)
    assert crimes < first_item
    investment = next(i for i, b in enumerate(blocks) if b.startswith("Đầu tư 4,7 tỷ đồng"))
    assert re.match(r"\d+\. Công tác đầu tư xây dựng, sửa chữa công trình$", blocks[investment - 1])
    land = next(i for i, b in enumerate(blocks) if "Công tác quản lý đất quốc phòng" in b)
    assert land < investment


@pytest.mark.parametrize("sample", ["phuong-an-khe-2026", "gia-lai-2026"])
def test_duty_is_the_reporting_bodys_and_remains_give_their_total_first(sample):
    # "Lực lượng vũ trang phường duy trì trực …": the armed forces include the police, for whom the
    # commune's military command does not report
    text = "\n".join(formal(load_report(f"samples/{sample}.yaml")))
    assert "Duy trì chế độ trực sẵn sàng chiến đấu 365/365 ngày." in text
    assert "Lực lượng vũ trang" not in text
    if sample == "gia-lai-2026":
        assert "Tìm kiếm, quy tập 27 hài cốt liệt sĩ (trong đó 21 hài cốt liệt sĩ hy sinh tại Campuchia, " \
               "6 hài cốt liệt sĩ trên địa bàn)." in text
    # "có 310 lượt người và 18 lượt phương tiện được huy động": a report says who did it
    assert "được huy động" not in text


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_wordings_of_every_document(sample):
    report = report_of(sample)
    given = report.model_dump_json()
    for text in every_document(report):
        # a share of population has no target for 17-year-olds: "bằng 0,89% dân số", not "đạt … so với"
        assert not re.search(r"17 tuổi[^.;]*đạt [\d,]+% so với dân số|tuổi 17[^.;]*đạt [\d,]+%", text), text
        # the law's name: Luật Phòng, chống thiên tai
        assert "phòng chống thiên tai" not in text.casefold() or "phòng chống thiên tai" in given.casefold()
        # "đạt 100% chỉ tiêu ở 2 cấp, trong đó đảng viên chiếm 1,66%": 1,66% of what? (a blind reader)
        assert not re.search(r"ở \d+ cấp, trong đó", text), text
        # a rate of change alone, on a count of people: "số giao quân tăng 4,08%" beside a missed quota
        assert not re.search(r"số giao quân (tăng|giảm) [\d,]+%", text), text


def test_a_change_of_a_count_says_the_count_and_its_rate():
    for text in every_document(load_report("samples/gia-lai-2026.yaml")):
        assert "số giao quân tăng 70 công dân (2,13%) so với năm 2025" in text



def test_a_rollup_keeps_the_reports_items():
    # the investment in buildings was under "1. Công tác lãnh đạo, chỉ đạo" in a roll-up too
    draft = api.rollup_draft(["samples/gia-lai-2026.yaml", "samples/bac-ninh-2026.yaml"])
    blocks = [getattr(b, "display", None) or getattr(b, "text", "") for b in draft.blocks]
    headings = [b for b in blocks if re.match(r"\d+\. ", b)]
    assert headings[-2] == f"{len(headings) - 1}. Công tác đầu tư xây dựng, sửa chữa công trình", headings
    leadership = blocks[blocks.index(headings[0]) + 1]
    assert "tỷ đồng" not in leadership, leadership
