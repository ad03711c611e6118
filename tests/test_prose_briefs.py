"""What a blind reader marked in two generated articles set beside two real ones (2026-12-01): the
unit named again in full after the lead had named it, a brief cut into one-line paragraphs, and a
brief that never said the next year's tasks were set, though its headline promised them."""

from __future__ import annotations

import pytest

from drafter import api
from drafter.checks.sentences import sentences_of
from drafter.inputs import load_report
from drafter.inputs.model import Report

VARIANTS = [None, *range(10)]



@pytest.mark.parametrize("sample", ["gia-lai-2026", "phuong-an-khe-2026", "bac-ninh-2026"])
def test_the_lead_names_the_unit_and_the_results_go_on_with_its_level_word(sample):
    # "UBND tỉnh Gia Lai tổ chức … Về kinh tế - xã hội, năm 2026 tỉnh Gia Lai có …": the organiser
    # already named the province; the corpus goes on with "tỉnh", "phường"
    report = load_report(f"samples/{sample}.yaml")
    full = f"{report.unit.kind} {report.unit.name}"
    for variant in VARIANTS:
        said = sentences_of(api.draft(report, "tin-bai", variant))
        lead = [s for s in said if s.topic == "conference"]
        assert full in lead[0].text, lead[0].text
        for sentence in said:
            if sentence.topic not in ("conference", "speeches", "awards") and not sentence.message.startswith("note"):
                assert full not in sentence.text, sentence.text


def _brief(**extra) -> Report:
    # a commune's brief as the corpus prints them (xã Bình Chương 2025): an assessment, one result
    data = {"unit": {"name": "Bình Chương", "kind": "xã", "province": "Quảng Ngãi"}, "period": {"year": 2025},
            "document": {"issuer": "ubnd", "date": "2025-11-20", "signer": {"name": "Võ Văn Tâm", "position": "Chủ tịch"}},
            "conference": {"date": "2025-11-25", "time_of_day": "sáng",
                           "chair": {"name": "Võ Văn Tâm", "titles": ["Chủ tịch UBND xã"]}},
            "assessment": {"strengths": ["lực lượng quân sự xã duy trì nghiêm chế độ sẵn sàng chiến đấu"]},
            "recruitment": {"quota": 12, "delivered": 12}}
    data.update(extra)
    return Report.model_validate(data)


def test_a_brief_says_its_assessment_and_result_in_one_paragraph_and_that_the_tasks_were_set():
    # "Theo báo cáo, …" then "Chỉ tiêu giao quân được hoàn thành với 12/12 …" as a paragraph of its
    # own; a brief with no directions said nothing of the next year that its headline promises
    for variant in VARIANTS:
        draft = api.draft(_brief(), "tin-bai", variant)
        topics = [[s.topic for s in b.sentences] for b in draft.blocks if getattr(b, "sentences", ())]
        assert ["assessment", "recruitment"] in topics, topics
        deployed = [s.text for s in sentences_of(draft) if s.message == "news.deployed"]
        assert len(deployed) == 1 and "năm 2026" in deployed[0], deployed
    with_tasks = _brief(directions=["hoàn thành 100% chỉ tiêu giao quân năm 2026"])
    assert not [s for s in sentences_of(api.draft(with_tasks, "tin-bai")) if s.message == "news.deployed"]
    without_conference = _brief(conference=None)
    assert not [s for s in sentences_of(api.draft(without_conference, "tin-bai")) if s.message == "news.deployed"]
