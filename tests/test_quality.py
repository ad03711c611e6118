"""Text hygiene of every draft (DOMAIN.md section 4), and proof that each check catches its fault."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from support.samples import half_year
from support.texts import output_text

from drafter.checks.extract import docx_text
from drafter.checks.hygiene import (
    check_capitals,
    check_double_spaces,
    check_empty_headings,
    check_nfc,
    check_noise,
    check_quotes,
    check_residue,
    check_sentence_starts,
    check_space_before_punctuation,
    hygiene_problems,
    to_old_tone,
)
from drafter.checks.spelling import (
    ACRONYMS,
    check_text,
    hunspell_available,
    input_words,
    load_word_list,
    misspelt_syllables,
    words_of,
)
from drafter.inputs import load_report
from drafter.inputs.model import Report
from drafter.packs.manifest import load_pack

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
TEMPLATES = ("bao-cao", "tin-bai")
FORMATS = ("txt", "md", "docx")
ALLOWED = load_word_list(Path(__file__).with_name("allowed_words.txt"))

needs_hunspell = pytest.mark.skipif(
    not hunspell_available(),
    reason="hunspell with the vi_VN dictionary is not installed (apt-get install hunspell hunspell-vi); CI has it",
)

def cases() -> list:
    """sample (and half-year twin) × template × format."""
    params = []
    for path in SAMPLES:
        report = load_report(path)
        reports = [(path.stem, report)]
        if report.period.span == "year":
            reports.append((f"{path.stem}-half-year", half_year(report)))
        for name, rep in reports:
            for template in TEMPLATES:
                for format in FORMATS:
                    params.append(pytest.param(rep, template, format, id=f"{name}-{template}-{format}"))
    assert params, "no samples/*.yaml"
    return params


def render_or_skip(report: Report, template: str, format: str) -> str:
    if report.period.span not in load_pack(template).periods:
        pytest.skip(f"{template} does not write {report.period.span} reviews")
    return output_text(report, template, format)


# ---------------------------------------------------------------- drafts


@pytest.mark.parametrize(("report", "template", "format"), cases())
def test_every_draft_is_clean(report, template, format):
    text = render_or_skip(report, template, format)
    assert text.strip()
    problems = hygiene_problems(text)
    assert not problems, "\n".join(str(p) for p in problems)


@needs_hunspell
@pytest.mark.parametrize(("report", "template", "format"), cases())
def test_every_draft_is_spelt_right(report, template, format):
    text = render_or_skip(report, template, format)
    misspelt = misspelt_syllables(text, input_words(report) | ALLOWED)
    assert not misspelt, f"not in the vi_VN dictionary: {misspelt}"


def test_docx_text_reads_paragraphs_and_table_cells():
    import io

    from docx import Document

    document = Document()
    document.add_paragraph("Đoạn một.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ô trái"
    table.cell(0, 1).text = "Ô phải"
    document.add_paragraph("Đoạn hai.")
    stream = io.BytesIO()
    document.save(stream)
    assert docx_text(stream.getvalue()).split("\n") == ["Đoạn một.", "Ô trái", "Ô phải", "Đoạn hai."]


# ------------------------------------------------------ each check catches

CLEAN = (
    "Phần I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n"
    "1. Công tác lãnh đạo, chỉ đạo\n"
    "Năm 2026, Tỉnh ủy, UBND tỉnh quán triệt “thế trận lòng dân”; Chủ tịch UBND tỉnh Phạm Quang Hiếu, "
    "Đại tá Võ Thanh Tâm, Chỉ huy trưởng Bộ CHQS tỉnh dự hội nghị. Đời sống Nhân dân được nâng lên.\n"
    "Số:      /BC-UBND\n"
    "TM. ỦY BAN NHÂN DÂN\n"
)


def test_a_clean_text_has_no_problem():
    assert hygiene_problems(CLEAN) == []


@pytest.mark.parametrize(
    ("fault", "check"),
    [
        (unicodedata.normalize("NFD", "Quốc phòng toàn dân."), "nfc"),
        ("Tỉnh  ủy lãnh đạo.", "double-space"),
        ("Năm 2026 , tỉnh đạt kết quả.", "space-before"),
        ("Hoàn thành 100% chỉ tiêu .", "space-before"),
        ("Trực sẵn sàng chiến đấu (365 ngày ) nghiêm túc.", "space-before"),
        ("Có hỏi ?", "space-before"),
        ('Xây dựng "thế trận lòng dân".', "straight-quote"),
        ("Đạt None% chỉ tiêu.", "residue"),
        ("Đơn vị: none.", "residue"),
        ("Tổng quân số {{ mi.strength }} đồng chí.", "residue"),
        ("Viết bình luận mới2022-12-15 16:17:43 Số lượt xem 537", "noise"),
        ("Thống kê truy cập", "noise"),
        ("Đang online32", "noise"),
        ("Tất cả3095009", "noise"),
        ("Cập nhật ngày: 08/12/2022 | 16:53 GMT+7", "noise"),
        ("Video", "noise"),
        ("Đồng chí chủ tịch UBND tỉnh phát biểu.", "capitals"),
        ("Thường trực tỉnh ủy dự.", "capitals"),
        ("Đồng chí Phó bí thư Tỉnh ủy dự.", "capitals"),
        ("Có đại tá Võ Thanh Tâm dự.", "capitals"),
        ("Có Thiếu Tướng Lê Minh Đạt dự.", "capitals"),
        ("Đề nghị quân khu 5 hỗ trợ.", "capitals"),
        ("Lãnh đạo bộ CHQS tỉnh dự.", "capitals"),
        ("Báo cáo của ủy ban nhân dân tỉnh.", "capitals"),
        ("Năm 2026 đạt kết quả tốt. năm 2027 tiếp tục.", "sentence-start"),
        ("- các sở, ban, ngành;", "sentence-start"),
        ("1. Công tác lãnh đạo\n2. Công tác sẵn sàng chiến đấu\nNội dung.", "empty-heading"),
        ("Phần II\n1. Ưu điểm\nNội dung.", "empty-heading"),
        ("Nội dung.\n3.", "empty-heading"),
        ("Nội dung.\n##\nTiếp.", "empty-heading"),
        ("Nội dung.\n4. Công tác dự bị động viên", "empty-heading"),
    ],
)
def test_each_check_catches_its_fault(fault, check):
    found = [problem.check for problem in hygiene_problems(fault)]
    assert check in found, found


@pytest.mark.parametrize(
    "fine",
    [
        "Số:      /BC-UBND",  # the blank number keeps its spaces for the clerk
        "    Thụt lề đầu dòng.",
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",  # capitals are outside the case check
        "UBND tỉnh ủy quyền cho Sở Nội vụ.",  # “ủy quyền” is no party committee
        "Trung tá là cấp bậc.",  # a rank before no name
        "Công dân nam đủ 17 tuổi; v.v. còn nữa.",
        "Phần I\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ\n1. Công tác lãnh đạo\nNội dung.",  # title on the next line
        "1. Tăng cường tuyên truyền;\n2. Làm tốt công tác tuyển quân.",  # a numbered list, not headings
        "Đời sống Nhân dân được nâng lên; ngoại giao Nhân dân.",
        "Các quân khu phối hợp.",
    ],
)
def test_what_is_right_is_not_reported(fine):
    assert hygiene_problems(fine) == []


def test_problems_say_where_they_are():
    (problem,) = check_double_spaces("Dòng một.\nDòng  hai.")
    assert (problem.check, problem.line, problem.excerpt) == ("double-space", 2, "Dòng  hai.")
    (problem,) = check_capitals("Có đại tá Võ Thanh Tâm dự.")
    assert str(problem) == "dòng 1: capitals: “đại tá” phải viết “Đại tá”"


def test_single_checks_are_usable_alone():
    assert check_nfc("Quốc phòng") == []
    assert check_space_before_punctuation("đạt 100%.") == []
    assert check_quotes("“thế trận”") == []
    assert check_residue("Không có gì") == []
    assert check_noise("Tin, ảnh: Thanh Hà") == []
    assert check_sentence_starts("Câu một. Câu hai.") == []
    assert check_empty_headings("1. Công tác\nNội dung.") == []


# ------------------------------------------------------------------ spelling


@pytest.mark.parametrize(
    ("modern", "old"),
    [
        ("hòa", "hoà"), ("Hòa", "Hoà"), ("HÒA", "HOÀ"), ("hóa", "hoá"), ("hỏa", "hoả"), ("hõa", "hoã"), ("họa", "hoạ"),
        ("khỏe", "khoẻ"), ("xòe", "xoè"), ("thủy", "thuỷ"), ("Ủy", "Uỷ"), ("ỦY", "UỶ"), ("thùy", "thuỳ"),
        ("thúy", "thuý"), ("lũy", "luỹ"), ("tụy", "tuỵ"),
        # unchanged: the syllable goes on, the tone is already on the second vowel, or "qu"
        ("hoàn", "hoàn"), ("khuyến", "khuyến"), ("khuỷu", "khuỷu"), ("quý", "quý"), ("của", "của"),
        ("hoà", "hoà"), ("hoặc", "hoặc"), ("toàn", "toàn"), ("quà", "quà"),
    ],
)
def test_to_old_tone(modern, old):
    assert to_old_tone(modern) == old


def test_words_of_keeps_hyphenated_acronyms_whole():
    assert {"QP-QSĐP", "QP", "QSĐP", "NĐ-CP"} <= words_of("công tác QP-QSĐP theo Nghị định số 03/2019/NĐ-CP")


def test_input_words_are_every_word_of_the_input():
    words = input_words(load_report(SAMPLES[0])) if SAMPLES else pytest.skip("no samples")
    assert words and all(w == w.strip() and w for w in words)


def test_the_allowlist_is_short_and_commented():
    lines = Path(__file__).with_name("allowed_words.txt").read_text(encoding="utf-8").splitlines()
    entries = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert len(entries) <= 20
    assert all("#" in line for line in entries), "every allowed word says why"


@needs_hunspell
def test_misspelt_syllables_are_found():
    text = "Thực hiện nghiã vụ quoc phòng, đảm bảoo an ninh; hòa bình, Ủy ban, sức khỏe, thủy lợi."
    assert misspelt_syllables(text) == ["nghiã", "quoc", "bảoo"]


@needs_hunspell
def test_acronyms_names_and_extra_words_are_accepted():
    text = "UBND, HĐND, Bộ CHQS, DQTV, DBĐV, QP-QSĐP, NĐ-CP, Phần IV, a) Mục; tỉnh Mondulkiri"
    assert misspelt_syllables(text) == ["Mondulkiri"]
    assert misspelt_syllables(text, extra_words={"Mondulkiri"}) == []
    assert misspelt_syllables("MONDULKIRI", extra_words={"Mondulkiri"}) == []


@needs_hunspell
def test_check_text_adds_spelling_only_when_asked():
    assert [p.check for p in check_text("Nghiã vụ.", extra_words=())] == ["spelling"]
    assert check_text("Nghiã vụ.") == []


def test_acronyms_cover_the_glossary():
    assert {"QP-QSĐP", "QPAN", "CHQS", "DQTV", "DBĐV", "NVQS", "UBND", "HĐND", "MTTQ", "BTV", "CAND"} <= ACRONYMS
