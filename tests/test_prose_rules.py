"""Generated prose read as an editor reads it: each defect an editor found is a regression test.

The defects below were found in drafts of the samples and of real conferences written up as
inputs (issue "Say only what the input says"): claims with nothing behind them, emphasis against
the figures, the wrong verb between bodies, the user's own words dropped, machine seams. Each
test states the input that produced the defect and reads every phrasing the bank can choose
(``--variant``), so that no variant brings it back.
"""

from __future__ import annotations

import re

import pytest
from support.packs import edited_pack
from support.samples import SAMPLES, report_of

from drafter import api
from drafter.checks.sentences import check_sentences, sentences_of
from drafter.inputs import load_report
from drafter.inputs.model import Report

VARIANTS = [None, *range(10)]


def article(report: Report, variant=None) -> str:
    return "\n".join(b.text for b in api.draft(report, "tin-bai", variant).blocks if hasattr(b, "text"))


def formal(report: Report, variant=None) -> str:
    return "\n".join(getattr(b, "text", getattr(b, "display", ""))
                     for b in api.draft(report, "bao-cao", variant).blocks)


def both(report: Report):
    for variant in VARIANTS:
        yield article(report, variant)
        yield formal(report, variant)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+", text) if s]


@pytest.fixture(scope="module")
def gia_lai() -> Report:
    return load_report("samples/gia-lai-2026.yaml")


# ------------------------------------------------------ claims with nothing behind them

#: Each phrase was printed although the input never said it (the sample it came from in brackets).
UNSUPPORTED = [
    "trực phòng không",  # gia-lai: only readiness days were given
    "phương án tác chiến",  # gia-lai news
    "được theo dõi chặt chẽ",  # gia-lai news: "tình hình tội phạm được theo dõi chặt chẽ"
    "không để liệt sĩ nằm lại",  # a slogan
    "kết quả tích cực",
    "chỉ tiêu chủ yếu",  # the input says 21/23 targets, not "main" targets
    "có nhiều đóng góp",  # an award reason the input did not give
    "thành tích xuất sắc trong thực hiện nhiệm vụ",  # an award reason the input did not give
    "được triển khai bài bản",
    "góp phần giữ vững ổn định chính trị",
    "không để bị động, bất ngờ",
    "bảo đảm thống nhất, chặt chẽ, đúng quy định",
    "kết quả kiểm tra đạt yêu cầu",
    "đạt kết quả tốt",
]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_no_claim_the_input_does_not_make(sample):
    report = report_of(sample)
    given = report.model_dump_json()
    for text in both(report):
        for phrase in UNSUPPORTED:
            if phrase not in given:  # the user may of course write it
                assert phrase not in text, phrase


def test_a_starter_file_with_no_figures_says_nothing_about_results(tmp_path):
    from click.testing import CliRunner

    from drafter.cli import cli

    path = tmp_path / "so-lieu.yaml"
    result = CliRunner().invoke(cli, ["init", "-o", str(path), "--unit", "Ia Grai", "--province", "Gia Lai",
                                      "--year", "2026"])
    assert result.exit_code == 0, result.output
    report = load_report(path)
    for variant in VARIANTS:
        news = api.draft(report, "tin-bai", variant).blocks
        # a headline and the report's date and issuer, nothing more
        assert [type(b).__name__ for b in news] == ["Title", "Paragraph"], news
        body = [b for b in api.draft(report, "bao-cao", variant).blocks]
        assert [type(b).__name__ for b in body] == ["Paragraph", "Paragraph"]  # the opening and closing frames
        assert all(s.frame for b in body for s in b.sentences)


# ------------------------------------------------------ emphasis follows the figures

EMPHASIS = re.compile(r"nổi bật|điểm nhấn|đáng chú ý|giao đủ|hoàn thành|vượt|thành công|tích cực", re.IGNORECASE)


def test_a_missed_target_is_said_plainly():
    report = load_report("samples/phuong-an-khe-2026.yaml")  # 51 of 52 recruits: 98,08%
    for text in both(report):
        missed = [s for s in sentences(text) if "98,08%" in s]
        assert missed, text
        for sentence in missed:
            assert not EMPHASIS.search(sentence), sentence
        assert "Điểm nhấn" not in text and "nổi bật" not in text.lower()


def test_an_exceeded_quota_is_not_read_as_exceeded_by_the_quota(gia_lai):
    # "giao 3.351 công dân nhập ngũ, vượt chỉ tiêu 3.350 công dân" reads as 3.350 more than asked
    data = gia_lai.model_dump(mode="json", exclude_none=True)
    data["recruitment"].update(delivered=3351, police_delivered=411)
    report = Report.model_validate(data)
    for text in both(report):
        assert not re.search(r"vượt (tổng )?chỉ tiêu [\d.]+", text), re.search(r"vượt (tổng )?chỉ tiêu [\d.]+", text)
        assert any(re.search(r"\b3\.351\b", s) and re.search(r"\b3\.350\b", s) and "100,03%" in s
                   for s in sentences(text)), text


def test_a_rise_in_crime_is_a_rise(gia_lai):
    data = gia_lai.model_dump(mode="json", exclude_none=True)
    data["previous"]["criminal_cases"] = 400  # 412 cases now
    report = Report.model_validate(data)
    for text in both(report):
        assert re.search(r"tăng 12 vụ (\(3%\) )?so với năm 2025", text), text
        assert "giảm" not in " ".join(s for s in sentences(text) if "phạm pháp" in s)


# ------------------------------------------------------ who says what to whom


def _conference(report: Report, **changes) -> Report:
    data = report.model_dump(mode="json", exclude_none=True)
    data["conference"].update(changes)
    return Report.model_validate(data)


def test_a_chair_without_a_party_post_above_the_committees_proposes_to_them(gia_lai):
    chair = {"name": "Trần Văn Nam", "titles": ["Phó Chủ tịch UBND tỉnh"]}
    report = _conference(gia_lai, chair=chair, conclusion=[
        {"to": "cấp ủy, chính quyền các cấp", "items": ["quán triệt sâu sắc các chỉ thị của cấp trên"]},
        {"to": "các sở, ban, ngành, địa phương", "items": ["bố trí đủ kinh phí cho nhiệm vụ quốc phòng"]}])
    for variant in VARIANTS:
        text = article(report, variant)
        assert "đề nghị cấp ủy, chính quyền các cấp" in text
        assert "yêu cầu cấp ủy" not in text
        assert re.search(r"yêu cầu (các sở, ban, ngành, địa phương )?bố trí đủ kinh phí", text), text


def test_a_deputy_party_secretary_requires_the_committees_below(gia_lai):
    report = _conference(gia_lai, conclusion=[
        {"to": "cấp ủy, chính quyền các cấp", "items": ["quán triệt sâu sắc các chỉ thị của cấp trên"]}])
    for variant in VARIANTS:  # the sample's chair is Ủy viên Ban Thường vụ Tỉnh ủy
        assert "yêu cầu cấp ủy, chính quyền các cấp" in article(report, variant)


def _directing(text: str) -> str:
    found = re.search(r"[^.]*dự(,| và) chỉ đạo hội nghị[^.]*\.|[^.]*tham dự(,| và) chỉ đạo của[^.]*\."
                      r"|[^.]*(Về dự và chỉ đạo|Dự và chỉ đạo) có[^.]*\.", text, re.IGNORECASE)
    return found.group() if found else ""


def test_peers_the_council_and_the_hosts_own_commander_attend_and_do_not_direct(gia_lai):
    attendees = [
        {"rank": "Thiếu tướng", "name": "Lê Minh Đạt", "titles": ["Phó Tư lệnh Quân khu 5"]},
        {"name": "Nguyễn Thị Hoa", "titles": ["Phó Chủ tịch HĐND tỉnh"]},
        {"rank": "Đại tá", "name": "Võ Thanh Tâm", "titles": ["Chỉ huy trưởng Bộ CHQS tỉnh"]},
    ]
    report = _conference(gia_lai, attendees=attendees)
    for variant in VARIANTS:
        text = article(report, variant)
        directing = _directing(text)
        assert "Lê Minh Đạt" in directing
        assert "Nguyễn Thị Hoa" not in directing and "Võ Thanh Tâm" not in directing
        assert "Nguyễn Thị Hoa, Phó Chủ tịch HĐND tỉnh" in text  # still listed, as attending


def test_at_a_commune_meeting_the_provincial_command_directs():
    report = load_report("samples/phuong-an-khe-2026.yaml")
    for variant in VARIANTS:
        directing = _directing(article(report, variant))
        assert "Lưu Quang Vĩnh" in directing  # Phó Chỉ huy trưởng Bộ CHQS tỉnh
        assert "Hà Văn Tường" not in directing and "Đinh Văn Khải" not in directing  # the ward's own


@pytest.mark.parametrize("sample,directs", [
    ("dak-nong-2022", "Huỳnh Bá Lộc"),  # Phó Tư lệnh Quân khu 5 at the province's meeting
    ("gia-lai-2026-6-thang", None),  # the province's own commander speaks: he attends
    ("bac-ninh-2026", "Hoàng Văn Thao"),  # and Phó Chủ tịch UBND tỉnh attends the command's meeting
])
def test_only_a_superior_speaks_to_direct_and_no_one_reads_a_paper(sample, directs):
    # "Tham luận tại hội nghị, Thiếu tướng Huỳnh Bá Lộc …": a paper is a delegate's, and the deputy
    # commander of the military region directs the meeting
    report = load_report(f"samples/{sample}.yaml")
    directed = []
    for variant in VARIANTS:
        for sentence in sentences(article(report, variant)):
            opening, _, rest = sentence.partition(", ")
            assert not opening.startswith("Tham luận"), sentence
            if opening.startswith("Phát biểu chỉ đạo"):
                assert directs and rest.split(" đã ")[0].find(directs) >= 0, sentence
                directed.append(sentence)
            if opening.startswith(AS_A_PEER):
                assert not directs or directs not in rest[:60], sentence
    assert bool(directed) == bool(directs), directed


#: Openings of a speech that a superior's does not take: a blind reader found "Phát biểu ý kiến,
#: Bí thư Đảng ủy xã …" stiff for the guest who directs; the corpus has "Phát biểu chỉ đạo, …".
AS_A_PEER = ("Trình bày ý kiến", "Phát biểu ý kiến", "Trong phần phát biểu", "Trong ý kiến phát biểu")


def test_the_party_secretary_of_the_hosts_level_speaks_to_direct_and_is_named_by_that_post():
    # "Phát biểu chỉ đạo, đồng chí Hoàng Thị Ái Loan [Bí thư Đảng ủy, Chủ tịch HĐND xã] …" (corpus,
    # xã Bình Chương 2025): the Party committee leads the government of its level; its deputy
    # secretary, who chairs as Chủ tịch UBND, does not direct, and neither gives "trình bày ý kiến"
    report = load_report("samples/phuong-an-khe-2026.yaml")
    secretary = {"name": "Hà Văn Tường", "titles": ["Bí thư Đảng ủy phường", "Chủ tịch HĐND phường"]}
    deputy = {"name": "Trần Thị Mỹ Duyên", "titles": ["Phó Bí thư Đảng ủy phường", "Chủ tịch UBND phường"]}
    report = _conference(report, speeches=[
        {"speaker": secretary, "points": ["biểu dương lực lượng dân quân phường trong ứng phó thiên tai"]},
        {"speaker": deputy, "points": ["đề nghị các tổ dân phố phối hợp quản lý nguồn công dân"]}])
    directed = set()
    for variant in VARIANTS:
        for sentence in sentences(article(report, variant)):
            opening, _, rest = sentence.partition(", ")
            if "biểu dương lực lượng dân quân" in sentence:
                # named by that post, after a frame or opening the sentence ("Bí thư … biểu dương …")
                assert sentence.startswith("Bí thư Đảng ủy phường Hà Văn Tường ") \
                    or rest.startswith("Bí thư Đảng ủy phường Hà Văn Tường "), sentence
                assert not opening.startswith(AS_A_PEER), sentence
                directed.add(opening.startswith("Phát biểu chỉ đạo"))
            if "đề nghị các tổ dân phố" in sentence:
                assert not opening.startswith("Phát biểu chỉ đạo"), sentence
    assert True in directed, directed


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_a_long_list_of_attendees_does_not_keep_its_verb_waiting(sample):
    # "Đồng chí …, Bí thư Đảng ủy xã, Chủ tịch HĐND xã; đồng chí …; đồng chí … cùng lãnh đạo …; đại
    # diện … tham dự hội nghị.": 70 words before the verb
    report = report_of(sample)
    for variant in VARIANTS:
        for said in sentences_of(api.draft(report, "tin-bai", variant)):
            if said.message.startswith("news.attendees") and re.search(r"dự hội nghị\.$|chỉ đạo hội nghị\.$", said.text) \
                    and not re.match(r"(Dự|Về dự|Đến dự|Tham dự|Hội nghị|Cùng)", said.text):
                assert len(said.text.split()) <= 30, said.text


def test_an_award_of_an_absent_authority_is_received_not_handed_over_by_it(gia_lai):
    # "Chủ tịch UBND tỉnh" gives the award; only the Phó Chủ tịch is at the conference
    for variant in VARIANTS:
        text = article(gia_lai, variant)
        assert "Chủ tịch UBND tỉnh tặng" not in text and "Chủ tịch UBND tỉnh đã tặng" not in text
        assert re.search(r"((được tặng|nhận) Bằng khen của Chủ tịch UBND tỉnh|Bằng khen của Chủ tịch UBND tỉnh được "
                         r"(trao|tặng) cho)", text), text


def test_an_award_handed_over_on_behalf_keeps_its_presenter_without_a_conference():
    # found by tests/test_prose_properties.py: with no conference the presenter was dropped
    data = load_report("samples/lam-dong-2026.yaml").model_dump(mode="json", exclude_none=True)
    data.pop("conference")
    report = Report.model_validate(data)
    for variant in VARIANTS:
        text = article(report, variant)
        assert re.search("thừa ủy quyền, Thiếu tướng Trương Công Lực", text, re.IGNORECASE), text


def test_a_deputy_hands_an_award_over_on_behalf_of_its_authority():
    report = load_report("samples/lam-dong-2026.yaml")
    for variant in VARIANTS:
        text = article(report, variant)
        assert re.search(r"Thừa ủy quyền, (Thiếu tướng Trương Công Lực|nhân dịp này)[^.]*trao Bằng khen của "
                         r"Tư lệnh Quân khu 7", text, re.IGNORECASE), text
        assert "Tư lệnh Quân khu 7 trao" not in text and "Tư lệnh Quân khu 7 tặng" not in text


def test_a_topics_legal_basis_opens_its_first_sentence():
    # lam-dong: "Về chính sách hậu phương quân đội, tỉnh hỗ trợ … Chính sách hậu phương quân đội được
    # triển khai theo Quyết định số 49/2015/QĐ-TTg …": the topic named twice, the basis after the work
    report = load_report("samples/lam-dong-2026.yaml")
    for variant in VARIANTS:
        for text in (article(report, variant), formal(report, variant)):
            assert not re.search(r"được (thực hiện|triển khai) theo (Quyết định số 49|Chỉ thị số 13)", text), text
            for basis in ("Quyết định số 49/2015/QĐ-TTg", "Chỉ thị số 13/CT-TTg"):
                [rest] = re.findall(rf"(?:^|\. )Thực hiện {basis} của Thủ tướng Chính phủ, ([^.]+)", text, re.M)
                assert rest[0].islower() and rest.split()[0] not in ("về", "trong", "có", "qua", "để"), rest
    # a topic with nothing but its basis and a note says the basis as a sentence of its own
    data = report.model_dump(mode="json", exclude_none=True)
    data["welfare"] = {"legal_bases": data["welfare"]["legal_bases"], "notes": ["Hỗ trợ kịp thời gia đình quân nhân."]}
    alone = article(Report.model_validate(data))
    assert "Chính sách hậu phương quân đội được" in alone and "theo Quyết định số 49/2015/QĐ-TTg" in alone, alone


def test_two_lead_ins_never_follow_each_other_and_an_office_bank_cannot_break_one(tmp_path):
    report = load_report("samples/lam-dong-2026.yaml")
    data = report.model_dump(mode="json", exclude_none=True)
    basis = ["Nghị định số 21/2019/NĐ-CP của Chính phủ"]
    data["security"] = {"criminal_cases": 120, "legal_bases": basis}  # crimes are not work done under it
    data["readiness"].pop("legal_bases")
    data["exercises"] = {"defence_zone": 3, "legal_bases": basis}
    data["militia"] = {"strength": 52400, "legal_bases": basis}
    both = Report.model_validate(data)
    for variant in VARIANTS:
        said = [s.text for s in sentences_of(api.draft(both, "tin-bai", variant))]
        for first, second in zip(said, said[1:]):
            assert not (first.startswith("Thực hiện") and second.startswith("Thực hiện")), (first, second)
        assert not any(re.search(r"^Thực hiện [^.]*xảy ra", s) for s in said), said
    # a clerk's lead-in of two sentences: the basis is said on its own, not a crash
    pack = edited_pack(tmp_path / "mau", "tin-bai", "phrases-shared.yaml",
                       '      - "thực hiện {bases}"', '      - ["thực hiện {bases}", "Câu thứ hai."]')
    assert "Công tác sẵn sàng chiến đấu được" in article_with(report, pack)


def article_with(report: Report, pack) -> str:
    return "\n".join(b.text for b in api.draft(report, pack).blocks if hasattr(b, "text"))


def test_speech_points_keep_their_own_verbs(gia_lai):
    speeches = [{"speaker": {"rank": "Thiếu tướng", "name": "Lê Minh Đạt", "titles": ["Phó Tư lệnh Quân khu 5"]},
                 "points": ["ghi nhận kết quả tỉnh đạt được", "cam kết hỗ trợ tỉnh trong diễn tập năm 2027"]}]
    report = _conference(gia_lai, speeches=speeches)
    for variant in VARIANTS:
        text = article(report, variant)
        assert not re.search(r"(lưu ý|nhấn mạnh|nêu rõ): (ghi nhận|cam kết)", text), text
        # two things a speaker did: "…, đồng thời cam kết …" (the twenty-first reading)
        assert re.search(r"Lê Minh Đạt (đã )?ghi nhận kết quả tỉnh đạt được, đồng thời cam kết hỗ trợ", text), text


# ------------------------------------------------------ the user's own words


def test_notes_of_every_topic_reach_the_article(gia_lai):
    data = gia_lai.model_dump(mode="json", exclude_none=True)
    data["recruitment"]["notes"] = ["Tổ chức lễ giao nhận quân gọn, an toàn"]
    data["exercises"]["notes"] = ["Diễn tập sát với tình hình địa bàn biên giới"]
    data["foreign_relations"]["notes"] = ["Tổ chức giao lưu với Bộ CHQS tỉnh Ratanakiri"]
    report = Report.model_validate(data)
    for variant in VARIANTS:
        draft = api.draft(report, "tin-bai", variant)
        assert check_sentences(draft, report, "news") == []
        text = article(report, variant)
        for note in data["recruitment"]["notes"] + data["exercises"]["notes"] + data["foreign_relations"]["notes"]:
            # "Tổ chức lễ giao nhận quân …" opens with its verb: "Tỉnh tổ chức lễ …", written small
            assert note.casefold() in text.casefold(), note


def test_a_note_inside_a_sentence_is_written_small_and_a_name_keeps_its_capital(gia_lai):
    # bac-ninh: "Theo báo cáo tại hội nghị, Bộ máy quân sự …" and "Cùng với đó, Tình hình an ninh …"
    data = gia_lai.model_dump(mode="json", exclude_none=True)
    data["assessment"]["strengths"] = ["Bộ máy quân sự địa phương được sắp xếp gọn",
                                       "Các Ban Chỉ huy Phòng thủ khu vực phối hợp nhịp nhàng"]
    data["security"]["notes"] = ["Tình hình an ninh chính trị ổn định",
                                 "Ban CHQS các xã phối hợp tuần tra dịp lễ, Tết"]
    report = Report.model_validate(data)
    for variant in VARIANTS:
        text = article(report, variant)
        assert not re.search(r"[,;] (Bộ máy|Tình hình)", text), text
        assert not re.search(r"[,;] (ban CHQS|Các Ban Chỉ huy)", text), text
        assert re.search(r"(^|[.:] )Bộ máy|[,;:] bộ máy", text, re.MULTILINE), text


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_every_sentence_has_a_source_and_every_user_item_is_said(sample):
    report = report_of(sample)
    for variant in VARIANTS:
        assert check_sentences(api.draft(report, "bao-cao", variant), report, "report") == []
        assert check_sentences(api.draft(report, "tin-bai", variant), report, "news") == []


# ------------------------------------------------------ machine seams

SEAMS = ["Cũng tại hội nghị, chỉ đạo tại hội nghị", "Có thể thấy", "nâng tổng số", "bằng 100% chỉ tiêu",
         "ít hơn", "thu hút", "hạng mục công trình", "người có công", "Trong kỳ", "nghĩa vụ công an",
         "với 212 đầu mối", "đầu mối tham gia", "§", "None", "  "]
CONNECTORS = ("Bên cạnh đó", "Cùng với đó", "Ngoài ra", "Đồng thời", "Song song với đó", "Thêm vào đó")
#: Wordings an editor rewrote in the samples' articles: a count put as "Số … là N"; "giao đủ 3.350
#: trên tổng số 3.350"; a lone last task as "Các nhiệm vụ khác gồm"; "Đối với các sở: …" as a
#: sentence without a verb; "các cuộc diễn tập" after one drill; a verb or "cùng" said twice in
#: one sentence; "Theo như … nêu"; a verb said again by the item after its colon ("tập trung: tập trung");
#: clauses that go on from a subject who does nothing ("Công dân nam … gồm 32.780 người; hoàn thành …");
#: "diễn ra" in two sentences in a row of the lead; "Các văn bản … gồm" one document, or for one
#: "Văn bản được quán triệt, triển khai Chỉ thị …", a sentence without its verb; "để sửa chữa nhà
#: làm việc …, gồm 1 công trình" after a purpose that names the one building; "quan hệ đối ngoại
#: quốc phòng … được thể hiện qua 6 hoạt động"; "để xây dựng, sửa chữa nhà làm việc … cho 10 công
#: trình"; a lead whose conference name has a semicolon and then "; đồng chí … chủ trì hội nghị";
#: a clause without its verb ("…; với 480/480 công dân tham gia nghĩa vụ Công an nhân dân"); two
#: brackets in a row ("dân quân tự vệ (DQTV) (gồm 1.240 dân quân thường trực, …)"); "có" twice
#: ("ghi nhận 2 vụ, việc có lực lượng vũ trang tham gia, có 160 lượt người …"); "Về huấn luyện,
#: … tham gia huấn luyện"; "được gọi đăng ký nghĩa vụ quân sự gồm 31.890 người"; "Về dự hội nghị
#: có" for peers and the host's own commander, who do not come from above; a connector before an
#: introduction of the sentence's own ("Đồng thời, qua Đội K72, tỉnh …").
SEAM_PATTERNS = [r"(^|[.;:] |, )[Ss]ố [^.;:]* là [\d.,]+( (vụ|người|đồng chí|ha))?[.;,]",
                 r"(^|\. )Các văn bản [^.;]* gồm (?:(?! và )[^,;])*?\.(\s|$)",
                 r"(^|\. )Văn bản được quán triệt, (triển khai|thực hiện) [A-ZĐ]", r"giao đủ [\d.]+ trên tổng số",
                 r"Các nhiệm vụ khác gồm", r"(^|\. )Đối với [^,.]*: ", r"(?<!\d)1 cuộc diễn tập [^.]*; các cuộc diễn tập",
                 r"huy động[^.]*huy động", r"đạt [^.;]*; [^.;]*đạt tỷ lệ", r"Cùng (tham )?dự[^.;]*, cùng ", r"Theo như",
                 r"đi bồi dưỡng[^.]*bồi dưỡng|bồi dưỡng[^.]*đi bồi dưỡng",
                 r"(?i)(?<!\w)(\w+(?: \w+)?): \1(?!\w)",
                 r"(^|\. )(Công dân nam|Có [\d.]+|Lực lượng)[^.]*; (hoàn thành|giao|bàn giao|tuyển chọn|huấn luyện|"
                 r"tổ chức|cử|quản lý|gọi|đăng ký|chỉ đạo|thăm hỏi|xây)(?!\w)",
                 r"diễn ra[^.]*\. [^.]*diễn ra", r"(?i)(để|việc) [^.;]*(, gồm|, với| cho) 1 công trình",
                 r"đối ngoại quốc phòng[^.]* thể hiện qua", r"(?i)để [^.;]* cho [\d.]+ công trình",
                 r"đồng với [\d.]+ công trình", r"(^|\. )[^.]*;[^.]*;[^.]* chủ trì hội nghị\.",
                 r"; với [\d.]+(/[\d.]+)? (công dân|người)", r"\) \(", r"vụ, việc có [^.;]*, có [\d.]+ lượt",
                 r"Về huấn luyện, [^.]*huấn luyện", r"đăng ký [^.;]* gồm [\d.]+ người", r"Về dự hội nghị có",
                 r"(Bên cạnh đó|Cùng với đó|Ngoài ra|Đồng thời|Song song với đó|Thêm vào đó), (qua|về|trong|thực hiện) ",
                 # what a blind reader of two generated and two real articles marked (2026-12-01)
                 r"(^|\. )(Đánh giá chung|Như|Nhìn chung),? (theo )?báo cáo", r"bàn phương hướng",
                 r"được quán triệt, (thực hiện|triển khai) là", r"Nguồn \S+ được đăng ký, quản lý với",
                 r"có kết quả với|ghi nhận [\d.]+ hài cốt", r"(^|\. )Kinh tế - xã hội của",
                 r"(^|\. )Chỉ tiêu giao quân được hoàn thành với", r"được thực hiện với [\d.]+ (người|quân nhân|công dân)",
                 r"\b(năm|tháng đầu năm) \d{4} (tỉnh|xã|phường|thành phố|đặc khu) ", r"có sự tham dự của [^.]*cùng dự",
                 r"[,;] (Năm \d{4}|Trong (\d+ tháng|năm))",  # a period that opens sentences, said inside one
                 r"(đồng )?chủ trì hội nghị (là|có) ", r"; [^.;]* chủ trì hội nghị\.", r"; hội nghị do ",
                 r"(?m)^(Sáng|Chiều|Tối|Ngày) \d+/\d+, [^.]* đã tổ chức", r"(Dịp này|Tại hội nghị), [^.]* đã tặng",
                 r"Ở lĩnh vực", r"Đồng chí cũng (nhấn mạnh|nêu rõ):",
                 # a sixth blind reading (2026-12-01): a grade said backwards, a passive where the
                 # corpus names who trained, a lead that "diễn ra", "chỉ huy các Ban Chỉ huy"
                 r"xếp loại \w+ theo đánh giá của", r"huấn luyện được (triển khai|tổ chức) ở [\d.]+ cơ quan",
                 r"tổ chức diễn ra", r"chỉ huy các Ban Chỉ huy", r"(^|\. )Tổ chức lực lượng",
                 # a rate in brackets is a table's, "tham gia nghĩa vụ Công an" the wrong order
                 r"\((đạt )?[\d,]+% chỉ tiêu\)", r"tham gia nghĩa vụ (Công an|CAND)",
                 # the eighth reading: work does not complete a quota, the whole province directs nothing
                 r"Công tác [^.;]* hoàn thành [\d,]+% chỉ tiêu", r"Toàn (tỉnh|xã|phường) (đã )?tổ chức \d+ cuộc diễn tập",
                 # the ninth: the sentence's own long subject said again as the base of a share
                 r"trong số công dân nhập ngũ và thực hiện nghĩa vụ",
                 r"Các (cơ quan, )?đơn vị duy trì (chế độ )?trực",  # who kept the duty: not in the input
                 r"(?i)báo cáo cũng [^.]*\. Báo cáo cũng",  # "cũng" twice: shortcomings, then causes
                 # the eleventh and twelfth: the same passive sentence of duty days in every article,
                 # a quota "hoàn thành" and the recruits "bàn giao" as two statements, a stiff headcount
                 r"(^|\. )(Chế độ trực|Trực) sẵn sàng chiến đấu được duy trì",
                 r"hoàn thành [\d,]+% chỉ tiêu giao quân, bàn giao", r"(^|\. )Quân số [^.;]* là [\d.]+ đồng chí",
                 r"đồng chí (dân quân|DQTV)\b", r"Kế hoạch huấn luyện [^.;]* được triển khai cho",
                 r"đảng viên chiếm [\d,]+% với",  # the fourteenth: a share before its count
                 r"\d trong (tổng )?số [\d.]+ chỉ tiêu"]  # the fifteenth: reporters write "17/20 chỉ tiêu"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_no_machine_seams(sample):
    report = report_of(sample)
    given = report.model_dump_json()
    for variant in VARIANTS:
        draft = api.draft(report, "tin-bai", variant)
        text = article(report, variant)
        for seam in SEAMS:
            assert seam not in text or seam in given, seam
        for pattern in SEAM_PATTERNS:
            assert not re.search(pattern, text, re.M), (pattern, re.search(pattern, text, re.M).group())
        openers = [s.text for s in sentences_of(draft)]
        used = [c for s in openers for c in CONNECTORS if s.startswith(c + ",")]
        assert len(used) == len(set(used)), used
        for first, second in zip(openers, openers[1:]):
            assert not (first.startswith(CONNECTORS) and second.startswith(CONNECTORS)), (first, second)
        # no filler before the user's own words: "Ngoài ra, phối hợp với Bộ đội Biên phòng …"
        for sentence in sentences_of(draft):
            assert not (sentence.message.startswith("note") and sentence.text.startswith(CONNECTORS)), sentence.text
        # a scene set once: "Tại hội nghị, …" three times in a brief gave it away to a blind reader
        for frame in (("Tại hội nghị,",), ("Phát biểu tại hội nghị,",), ("Dịp này,", "Nhân dịp này,")):
            assert sum(s.startswith(frame) for s in openers) <= 1, (frame, openers)
        # the order of the words the task is named by is the same in headline and body
        assert "quân sự, quốc phòng" not in text or "quân sự, quốc phòng" in given
        # no two sentences of the bank in a row open with one word, as written: "Hội nghị do … chủ trì.
        # Hội nghị có sự tham dự …", "Trong 6 tháng cuối năm … Trong ý kiến phát biểu …"
        said = sentences_of(draft)
        for first, second in zip(said, said[1:]):
            if not first.message.startswith("note") and not second.message.startswith("note"):
                assert first.text.split()[0].casefold() != second.text.split()[0].casefold(), (first.text, second.text)
        for sentence in openers:
            assert len(sentence.split()) <= 120, sentence


def test_items_typed_as_a_list_with_their_own_marks_and_endings_read_as_one_sentence(gia_lai):
    # "…; - Tăng cường huấn luyện dân quân; …", "tuyển quân!." and "LLVT xã…." were printed
    data = gia_lai.model_dump(mode="json", exclude_none=True)
    data["conference"]["conclusion"] = ["- Tăng cường huấn luyện dân quân;", "2. Làm tốt công tác tuyển quân!",
                                       "Quan tâm chế độ chính sách cho LLVT xã …"]
    data["conference"]["speeches"][0]["points"] = ["Ghi nhận kết quả của tỉnh!", "Bảo đảm kinh phí cho năm 2027?"]
    data["proposals"] = ["- Đề nghị bổ sung trang bị…"]
    report = Report.model_validate(data)
    for variant in VARIANTS:
        news = article(report, variant)
        assert "huấn luyện dân quân; làm tốt công tác tuyển quân; quan tâm chế độ chính sách cho LLVT xã…" in news
    for text in both(report):
        for seam in ("; -", ": -", "!.", "!;", "….", "?.", "; 2.", "LLVT xã …"):
            assert seam not in text, seam
    assert "Đề nghị bổ sung trang bị…" in formal(report) and "- - Đề nghị" not in formal(report)


def test_a_long_conclusion_is_split_into_sentences_a_person_would_write(gia_lai):
    items = [f"thực hiện nhiệm vụ số {n} về công tác quốc phòng, quân sự địa phương trên địa bàn tỉnh năm 2027"
             for n in range(1, 13)]
    report = _conference(gia_lai, conclusion=items)
    for variant in VARIANTS:
        draft = api.draft(report, "tin-bai", variant)
        conclusion = [s for s in sentences_of(draft) if s.topic == "conclusion"]
        assert len(conclusion) >= 3
        assert all(len(s.text.split()) <= 120 for s in conclusion)
        text = article(report, variant)
        assert all(item in text for item in items)


def test_topics_keep_the_corpus_order(gia_lai):
    order = ["context", "leadership", "readiness", "security", "exercises", "militia", "reserve", "education",
             "recruitment", "welfare", "disaster", "remains", "foreign_relations", "defence_land", "funding",
             "assessment", "directions", "speeches", "conclusion", "awards"]
    for variant in VARIANTS:
        topics = [s.topic for s in sentences_of(api.draft(gia_lai, "tin-bai", variant)) if s.topic in order]
        positions = [order.index(t) for t in topics]
        # assessment (strengths) sits with the context; everything else follows the order: the
        # report's directions come with the report, before anyone speaks
        rest = [p for t, p in zip(topics, positions) if t != "assessment"]
        assert rest == sorted(rest), topics


# ------------------------------------------------------ what real reports say


def test_rates_without_counts_scope_breakdowns_and_grouped_tasks():
    report = load_report("samples/lam-dong-2026.yaml")
    for variant in VARIANTS:
        news, text = article(report, variant), formal(report, variant)
        for doc in (news, text):
            assert re.search(r"100% chỉ tiêu[^.]* ở 2 cấp", doc) and "1,66%" in doc and "1,38%" in doc
            assert "25% số xã, phường" in doc and re.search(r"(cho|ở) 3 Ban Chỉ huy Phòng thủ khu vực", doc)
            assert "9 vụ bão, lũ, 7 vụ sạt lở đất và 3 vụ cháy" in doc
            assert "1.238 dân quân thường trực, 15.604 dân quân cơ động, 31.789 dân quân tại chỗ và 3.756 tự vệ" in doc
            assert "nhập ngũ và thực hiện nghĩa vụ tham gia Công an nhân dân" in doc
            assert "Chỉ thị số 13/CT-TTg" in doc and "Quyết định số 49/2015/QĐ-TTg" in doc
        # a conclusion grouped by addressee: a sentence per addressee, in one paragraph while short
        paragraphs = [b for b in api.draft(report, "tin-bai", variant).blocks
                      if getattr(b, "sentences", ()) and b.sentences[0].topic == "conclusion"]
        assert len(paragraphs) == 1
        said = [s.text for s in paragraphs[0].sentences]
        assert len(said) == 3
        for sentence, body in zip(said, ("cấp ủy, chính quyền các cấp", "các sở, ban, ngành, địa phương",
                                         "Bộ CHQS tỉnh")):
            assert body in sentence, said


def test_long_tasks_for_many_bodies_are_split_into_paragraphs_and_lists_are_split_evenly():
    from drafter.plan.conference import WORDS_PER_PARAGRAPH
    from drafter.plan.texts import WORDS_PER_SENTENCE

    report = load_report("samples/lam-dong-2026.yaml")
    long_task = "chủ động rà soát, bổ sung kế hoạch bảo đảm hậu cần, kỹ thuật cho các lực lượng tham gia diễn tập"
    groups = [{"to": body, "items": [long_task, long_task]}
              for body in ("các sở, ban, ngành", "Bộ CHQS tỉnh", "Công an tỉnh", "các xã, phường")]
    report = report.model_copy(update={"conference": report.conference.model_copy(
        update={"conclusion": type(report.conference).model_validate(
            {**report.conference.model_dump(), "conclusion": groups}).conclusion})})
    for variant in VARIANTS:
        blocks = [b for b in api.draft(report, "tin-bai", variant).blocks
                  if getattr(b, "sentences", ()) and b.sentences[0].topic == "conclusion"]
        assert len(blocks) > 1
        for block in blocks:
            assert len(block.text.split()) <= WORDS_PER_PARAGRAPH + 40, block.text
        assert sum(len(b.sentences) for b in blocks) == 4
    # four tasks too long for one sentence go two and two, not three and a lone one
    task = "tổ chức huấn luyện lực lượng dân quân tự vệ sát với thực tế địa bàn, bảo đảm an toàn tuyệt đối về người, vũ khí, trang bị"
    assert len(task.split()) * 3 <= WORDS_PER_SENTENCE < len(task.split()) * 4
    bac_ninh = load_report("samples/bac-ninh-2026.yaml").model_copy(update={"directions": [task] * 4})
    for variant in VARIANTS:
        directions = [s.text for s in sentences_of(api.draft(bac_ninh, "tin-bai", variant)) if s.topic == "directions"]
        assert [d.count(";") for d in directions] == [1, 1], directions


def test_a_short_article_is_not_a_column_of_one_line_paragraphs():
    data = load_report("samples/phuong-an-khe-2026.yaml").model_dump(mode="json", exclude_none=True)
    keep = ("unit", "period", "document", "conference", "socio_economic", "militia", "recruitment", "awards")
    data = {key: value for key, value in data.items() if key in keep}
    data["militia"] = {"strength": data["militia"]["strength"]}
    data["recruitment"] = {key: data["recruitment"][key] for key in ("quota", "delivered")}
    report = Report.model_validate(data)
    for variant in VARIANTS:
        paragraphs = [[s.topic for s in b.sentences] for b in api.draft(report, "tin-bai", variant).blocks
                      if getattr(b, "sentences", ()) and b.sentences[0].topic in ("context", "militia", "recruitment")]
        messages = [" ".join(s.message for s in b.sentences) for b in api.draft(report, "tin-bai", variant).blocks
                    if getattr(b, "sentences", ()) and b.sentences[0].topic == "militia"]
        # one paragraph of both (a brief may say them in one sentence: "phường có …; giao …")
        assert paragraphs[0] == ["context", "context"] and len(paragraphs) == 2, paragraphs
        assert "militia." in messages[0] and "recruitment." in messages[0], messages



def test_a_long_run_of_topics_is_cut_into_even_paragraphs():
    # dak-nong: welfare, disasters, remains and foreign relations made six sentences, and the
    # investment was left a paragraph of its own: "Về đầu tư, tỉnh dành 2,9 tỷ đồng …"
    report = load_report("samples/dak-nong-2022.yaml")
    last = {"welfare", "disaster", "remains", "foreign_relations", "defence_land", "funding"}
    for variant in VARIANTS:
        lengths = [len(b.sentences) for b in api.draft(report, "tin-bai", variant).blocks
                   if getattr(b, "sentences", ()) and b.sentences[0].topic in last]
        # (notes of two topics may go on one sentence: "Tỉnh tổ chức thăm …; hoàn thành cắm mốc …")
        assert len(lengths) == 2 and min(lengths) >= 2, lengths


def test_a_sentence_of_results_is_not_a_paragraph_of_its_own_beside_a_short_one():
    # lam-dong: "Thực hiện Chỉ thị số 13/CT-TTg …, lực lượng vũ trang tỉnh duy trì trực … 365 ngày." alone
    # between the assessment and a paragraph of four sentences
    report = load_report("samples/lam-dong-2026.yaml")
    for variant in VARIANTS:
        lengths = [len(b.sentences) for b in api.draft(report, "tin-bai", variant).blocks
                   if any(s.topic in ("readiness", "exercises", "militia") for s in getattr(b, "sentences", ()))]
        assert lengths and 1 not in lengths, lengths


def test_the_reports_assessment_is_not_followed_by_a_connector_nor_left_alone_in_one_sentence():
    # lam-dong: "Báo cáo tại hội nghị đánh giá: hoàn thành 100% chỉ tiêu …. Ngoài ra, LLVT tỉnh duy trì …";
    # and (a sixth blind reading) "Báo cáo tại hội nghị nêu rõ: kiện toàn xong …" as a paragraph of one
    # sentence: the results that follow go on in its paragraph, as the corpus writes them
    report = load_report("samples/lam-dong-2026.yaml")
    for variant in VARIANTS:
        paragraphs = [list(b.sentences) for b in api.draft(report, "tin-bai", variant).blocks
                      if getattr(b, "sentences", ())]
        first = next(p for p in paragraphs if p[0].topic == "assessment")  # the strengths; shortcomings later
        if first is paragraphs[0]:
            continue  # the article opens with it, then names the conference: "Đó là những kết quả …"
        assert len(first) > 1, [s.text for s in first]
        assert not first[1].text.startswith(CONNECTORS), first[1].text

def test_one_task_is_not_announced_as_several(gia_lai):
    # "nêu các nhiệm vụ trọng tâm năm 2027: làm tốt công tác tuyển quân" for a single task
    data = gia_lai.model_dump(mode="json", exclude_none=True)
    data["conference"]["conclusion"] = ["làm tốt công tác tuyển quân năm 2027"]
    data["directions"] = ["hoàn thành chỉ tiêu tuyển quân năm 2027"]
    report = Report.model_validate(data)
    for variant in VARIANTS:
        said = [s.text for s in sentences_of(api.draft(report, "tin-bai", variant))
                if s.topic in ("conclusion", "directions")]
        assert len(said) == 2, said
        for sentence in said:
            assert not re.search(r"\b(các|những|một số) (nhiệm vụ|việc)", sentence.split(":")[0]), sentence
        intro = [s.text for s in sentences_of(api.draft(report, "bao-cao", variant)) if s.topic == "directions"][0]
        assert "tập trung thực hiện nhiệm vụ trọng tâm sau:" in intro, intro


def test_an_undated_conference_is_not_given_a_date():
    report = load_report("samples/lam-dong-2026.yaml")
    assert report.conference.date is None
    for variant in VARIANTS:
        lead = next(b.text for b in api.draft(report, "tin-bai", variant).blocks
                    if getattr(b, "sentences", ()) and b.sentences[0].topic == "conference")
        assert not re.search(r"\d+/\d+", lead) and "ngày" not in lead.lower().split(",")[0]
        assert lead.startswith(("UBND tỉnh Lâm Đồng", "Tại Hội trường", "Mới đây, UBND tỉnh Lâm Đồng",
                                "Vừa qua, UBND tỉnh Lâm Đồng", "Đó là", "Thông tin trên", "Những kết quả này")), lead
        # a lead without a time says it is recent
        assert re.search(r"vừa (tổ chức|tổng kết (công tác|nhiệm vụ))", lead) or lead.startswith(("Mới đây", "Vừa qua")), lead

