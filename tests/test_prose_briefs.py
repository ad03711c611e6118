"""What blind readers marked in generated articles set beside real ones (2026-12-01): the unit named
again in full after the lead had named it, a brief cut into one-line paragraphs, a quota met said
twice over."""

from __future__ import annotations

import re

import pytest
from support.packs import edited_pack

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


def test_a_brief_says_its_assessment_and_result_in_one_paragraph_once():
    # "Theo báo cáo, …" then "Chỉ tiêu giao quân được hoàn thành với 12/12 …" as a paragraph of its
    # own; "giao đủ 12/12 công dân nhập ngũ, đạt 100% chỉ tiêu" says one thing twice
    for variant in VARIANTS:
        draft = api.draft(_brief(), "tin-bai", variant)
        topics = [[s.topic for s in b.sentences] for b in draft.blocks if getattr(b, "sentences", ())]
        assert ["assessment", "recruitment"] in topics, topics
        [recruited] = [s.text for s in sentences_of(draft) if s.topic == "recruitment"]
        assert not ("12/12" in recruited and "100%" in recruited), recruited


def test_a_note_without_its_subject_takes_the_unit_in_an_article_only():
    # "Phối hợp với Bộ đội Biên phòng tỉnh tuần tra …" as a sentence of its own: three blind readers
    # marked sentences without a subject; a report writes them so, an article does not
    report = load_report("samples/dak-nong-2022.yaml")
    note = "Phối hợp với Bộ đội Biên phòng tỉnh tuần tra, kiểm soát trên tuyến biên giới giáp tỉnh Mondulkiri"
    passive = "Hội đồng giáo dục quốc phòng và an ninh, Hội đồng nghĩa vụ quân sự các cấp được kiện toàn"
    for variant in VARIANTS:
        article = [s.text for s in sentences_of(api.draft(report, "tin-bai", variant))]
        # its own sentence, or one that goes on the sentence before it whose subject is the unit or its forces
        assert any(re.match(r"([^,.]+, )?([Tt]ỉnh|[Ll]ực lượng vũ trang (\(LLVT\) )?tỉnh) (phối hợp|[^.]*; phối hợp) với Bộ đội Biên phòng tỉnh tuần tra", s)
                   for s in article), article  # after a connector, if any: "Ngoài ra, tỉnh duy trì …; phối hợp …"
        assert any(s.startswith(passive) for s in article)  # its first word is not its verb: as written
        formal = [s.text for s in sentences_of(api.draft(report, "bao-cao", variant))]
        assert any(s.startswith(note) for s in formal), formal


#: The tin-bai bank's entry for a note, as this version ships it (replaced whole below).
NOTE_ENTRY = (
    '    say:\n'
    '      - "{note}{plain}"\n'
    '      - "{unit} {acted}."\n'
    '      # không chủ ngữ, như bài thật viết tiếp sau câu có đơn vị làm chủ ngữ ("… đã quán triệt …. Duy trì\n'
    '      # nghiêm chế độ trực …"); chỉ dùng ngay sau câu như thế trong cùng đoạn\n'
    '      - "{acted}."\n'
    '    clause:\n'
    '      - "{acted}"\n'
)


def test_a_packs_bank_with_only_the_note_as_written_still_says_every_note(tmp_path):
    # a tin-bai bank exported before {acted} existed has only "{note}": it says the note as written
    target = edited_pack(tmp_path / "mau", "tin-bai", "phrases.yaml",
                         NOTE_ENTRY, '    - "{note}"\n')
    article = api.render("samples/dak-nong-2022.yaml", template=target, format="txt")
    assert "Phối hợp với Bộ đội Biên phòng tỉnh tuần tra" in article


@pytest.mark.parametrize("sample", ["gia-lai-2026", "bac-ninh-2026", "dak-nong-2022"])
def test_an_article_says_a_count_once(sample):
    # "chỉ đạo 25/99 xã, phường diễn tập …, chiếm 25,25%", "giao đủ 3.350/3.350 công dân …, đạt 100%":
    # a rate to two decimals beside its own fraction, a quota met said twice (the report keeps both)
    report = load_report(f"samples/{sample}.yaml")
    for variant in VARIANTS:
        for sentence in sentences_of(api.draft(report, "tin-bai", variant)):
            assert not re.search(r"\d+/\d+ xã[^.;]*, chiếm [\d,]+%", sentence.text), sentence.text
            assert not re.search(r"([\d.]+)/\1 công dân[^.;]*100%", sentence.text), sentence.text
    formal = " ".join(s.text for s in sentences_of(api.draft(report, "bao-cao")))
    assert re.search(r"\d+/\d+ xã[^.;]*, chiếm [\d,]+%", formal)
