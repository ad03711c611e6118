"""The layout stage read back from real .docx files: Decree 30, news, Markdown and text."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph as DocxParagraph
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support.docx_reading import (
    all_texts,
    assert_decree30_layout,
    body_blocks,
    cant_split_rows,
    cell_texts,
    closing_table,
    column_paragraphs,
    document_default_fonts,
    find_paragraph,
    find_run,
    first_page_header_is_empty,
    has_bottom_border,
    header_table,
    open_docx,
    package_dates,
    package_parts,
    page_field_in_footer,
    page_field_in_header,
    paragraph_format,
    repeating_header_rows,
    run_fonts,
    schema_order_problems,
    section_geometry,
    table_has_all_borders,
    table_has_no_borders,
    text_runs,
    title_page,
)
from support.drafts import LEAD, MASTHEAD, RECRUIT, report

from drafter.document import (
    Byline,
    Draft,
    Heading,
    Image,
    Paragraph,
    Signature,
    Table,
    Title,
)
from drafter.layout import (
    Decree30Settings,
    NewsSettings,
    oxml,
    write_decree30,
    write_markdown,
    write_news_docx,
    write_text,
)

ROOT = Path(__file__).resolve().parents[1]
TNR = ("Times New Roman",) * 4

@pytest.fixture(scope="module")
def report_bytes() -> bytes:
    return write_decree30(report())


@pytest.fixture()
def doc(report_bytes):
    return open_docx(report_bytes)


def save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- Decree 30: the whole rule set ----------------------------------------------------


def test_report_passes_every_decree30_rule(report_bytes):
    assert_decree30_layout(report_bytes)


def test_minimal_masthead_still_passes():
    masthead = dataclasses.replace(MASTHEAD, parent_agency="", issuing_agency="UBND xã Ia Grai",
                                   number="Số:      /BC-UBND", summary="Tổng kết năm 2026",
                                   recipients=("Lưu: VT",))
    assert_decree30_layout(write_decree30(report(masthead=masthead)))


def test_same_draft_gives_identical_bytes():
    assert write_decree30(report()) == write_decree30(report())


def test_bytes_are_identical_across_processes(report_bytes):
    script = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]];"
        "from drafter.layout import write_decree30; from support.drafts import report;"
        "sys.stdout.buffer.write(write_decree30(report()))"
    )
    out = subprocess.run([sys.executable, "-c", script, str(ROOT), str(ROOT / "tests")],
                         capture_output=True, check=True).stdout
    assert out == report_bytes


def test_zip_entries_have_fixed_timestamps(report_bytes):
    assert package_dates(report_bytes) == {(1980, 1, 1, 0, 0, 0)}
    names = package_parts(report_bytes)
    # The lean package: no 430 kB styles-with-effects, no thumbnail.
    assert "word/stylesWithEffects.xml" not in names and "docProps/thumbnail.jpeg" not in names


def test_properties_follow_schema_order(doc):
    assert schema_order_problems(doc) == []
    assert schema_order_problems(open_docx(write_news_docx(article()))) == []
    # the check can fail: a w:jc moved before w:spacing is named
    ppr = next(p for p in doc.paragraphs if p.text == RECRUIT)._p.pPr
    jc = ppr.find(qn("w:jc"))
    ppr.remove(jc)
    ppr.insert(0, jc)
    assert schema_order_problems(doc) == ["pPr: ['jc', 'spacing', 'ind']"]


def test_page_is_a4_with_decree30_margins(doc):
    g = section_geometry(doc.sections[0])
    assert (round(g.page_width), round(g.page_height), g.portrait) == (210, 297, True)
    assert (round(g.top), round(g.bottom), round(g.left), round(g.right)) == (20, 20, 30, 15)
    # never under Decree 30's minimum, not even by a twip (850 twips is 14,99 mm)
    assert min(g.top - 20, g.bottom - 20, g.left - 30, g.right - 15) >= 0
    assert round(g.header_distance) == 10


def test_every_run_and_the_defaults_use_times_new_roman(doc):
    runs = run_fonts(doc)
    assert {r.where for r in runs} >= {"body", "table", "header"}
    assert all(r.fonts == TNR for r in runs)
    assert document_default_fonts(doc) == TNR
    defaults = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"


def test_core_properties(doc):
    props = doc.core_properties
    assert (props.title, props.author, props.language) == ("Báo cáo tổng kết năm 2026", "Bộ CHQS tỉnh Gia Lai",
                                                           "vi-VN")
    assert props.created.year == 2000 and props.modified == props.created


def test_header_table_texts_and_styles(doc):
    header = header_table(doc)
    assert header is not None and header._tbl is body_blocks(doc)[0]._tbl
    assert table_has_no_borders(header)
    left = [p for p in column_paragraphs(header, 0) if p.text]
    right = [p for p in column_paragraphs(header, 1) if p.text]
    assert [p.text for p in left] == ["QUÂN KHU 5", "BỘ CHỈ HUY QUÂN SỰ TỈNH GIA LAI", "Số: 05/BC-BCH"]
    assert [p.text for p in right] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                       "Gia Lai, ngày 05 tháng 12 năm 2026"]
    parent, issuer, number = (text_runs(p, doc)[0] for p in left)
    assert (parent.bold, parent.size_pt, issuer.bold, issuer.size_pt, number.size_pt) == (False, 13, True, 13, 13)
    assert text_runs(right[2], doc)[0].italic
    # Rules are borders on their own empty paragraphs, right under the texts they mark.
    cell_left = column_paragraphs(header, 0)
    rule = cell_left[[p.text for p in cell_left].index("BỘ CHỈ HUY QUÂN SỰ TỈNH GIA LAI") + 1]
    assert rule.text == "" and has_bottom_border(rule, doc)
    assert not any("_" in p.text for p in cell_left)


def test_parent_agency_is_omitted_when_empty():
    masthead = dataclasses.replace(MASTHEAD, parent_agency="")
    doc = open_docx(write_decree30(report(masthead=masthead)))
    left = [p.text for p in column_paragraphs(header_table(doc), 0) if p.text]
    assert left == ["BỘ CHỈ HUY QUÂN SỰ TỈNH GIA LAI", "Số: 05/BC-BCH"]


def test_title_block_is_capitalised_and_ruled(doc):
    paragraphs = [b for b in body_blocks(doc)[1:] if isinstance(b, DocxParagraph)]
    kind, summary, rule = paragraphs[0], paragraphs[1], paragraphs[2]
    assert kind.text == "BÁO CÁO" and summary.text == MASTHEAD.summary
    assert rule.text == "" and has_bottom_border(rule, doc)
    assert paragraph_format(kind, doc).space_before_pt >= 12


def test_headings(doc):
    texts = [p.text for p in doc.paragraphs]
    part = texts.index("Phần I")
    assert texts[part + 1] == "KẾT QUẢ THỰC HIỆN NHIỆM VỤ"
    for index in (part, part + 1):
        fmt = paragraph_format(doc.paragraphs[index], doc)
        assert fmt.alignment == "center" and fmt.keep_with_next
        assert all(r.bold for r in text_runs(doc.paragraphs[index], doc))
    expectations = {"I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO": True, "1. Công tác sẵn sàng chiến đấu": True,
                    "a) Ưu điểm": False}
    for text, bold in expectations.items():
        p = doc.paragraphs[texts.index(text)]
        fmt = paragraph_format(p, doc)
        assert fmt.keep_with_next and fmt.alignment == "both" and round(fmt.first_line_cm, 2) == 1.27
        assert all(r.bold == bold and not r.italic for r in text_runs(p, doc))


def test_body_paragraphs(doc):
    p = doc.paragraphs[[p.text for p in doc.paragraphs].index(RECRUIT)]
    fmt = paragraph_format(p, doc)
    assert (fmt.alignment, round(fmt.first_line_cm, 2), fmt.space_after_pt, fmt.line_multiple) == (
        "both", 1.27, 6, 1.15)
    assert {r.size_pt for r in text_runs(p, doc)} == {14}


def test_data_table_has_grid_and_repeating_bold_header(doc):
    table = next(t for t in doc.tables if cell_texts(t)[0][0] == "TT")
    assert table_has_all_borders(table)
    assert repeating_header_rows(table) == [0] and 0 in cant_split_rows(table)
    assert cell_texts(table)[1] == ["1", "Xã Ia Grai", "120", "120", "100%"]
    header_cell = column_paragraphs(table, 1)[0]
    assert paragraph_format(header_cell, doc).alignment == "center"
    assert all(r.bold and r.size_pt == 13 for r in text_runs(header_cell, doc))
    assert all(r.size_pt == 13 and not r.bold for r in text_runs(column_paragraphs(table, 1)[1], doc))


def test_picture_and_caption(doc):
    assert len(doc.inline_shapes) == 1
    caption = next(p for p in doc.paragraphs if p.text.startswith("Hình 1."))
    assert paragraph_format(caption, doc).alignment == "center"
    assert all(r.italic for r in text_runs(caption, doc))


def test_unreadable_picture_is_a_clear_error():
    with pytest.raises(ValueError, match="picture"):
        write_decree30(Draft(blocks=(Image(b"not a png"),)))


def test_closing_table(doc):
    closing = closing_table(doc)
    assert closing._tbl is body_blocks(doc)[-2]._tbl
    assert table_has_no_borders(closing)
    left = [p.text for p in column_paragraphs(closing, 0) if p.text]
    assert left == ["Nơi nhận:", "- Bộ Tư lệnh Quân khu 5;", "- Thường trực Tỉnh ủy;", "- UBND tỉnh;",
                    "- Lưu: VT, BCH."]
    right = [p.text for p in column_paragraphs(closing, 1)]
    assert right[:2] == ["KT. CHỈ HUY TRƯỞNG", "PHÓ CHỈ HUY TRƯỞNG"]
    assert right[-1] == "Đại tá Nguyễn Văn An" and right[2:-1] == ["", "", "", ""]
    assert cant_split_rows(closing) == [0]


def test_recipients_get_their_punctuation_whatever_they_end_with():
    masthead = dataclasses.replace(MASTHEAD, recipients=("Bộ Tư lệnh Quân khu 5;", "Thường trực Tỉnh ủy."))
    doc = open_docx(write_decree30(report(masthead=masthead)))
    left = [p.text for p in column_paragraphs(closing_table(doc), 0) if p.text]
    assert left[1:] == ["- Bộ Tư lệnh Quân khu 5;", "- Thường trực Tỉnh ủy."]


def test_page_numbers_from_page_two(doc):
    section = doc.sections[0]
    assert title_page(section) and page_field_in_header(section)
    assert first_page_header_is_empty(section) and not page_field_in_header(section, "first")
    assert not page_field_in_footer(section)


def test_settings_are_validated():
    with pytest.raises(ValueError, match="line_spacing"):
        Decree30Settings(line_spacing=2)


def test_settings_change_the_output():
    data = write_decree30(report(), Decree30Settings(margin_left_mm=35, body_size=13, line_spacing=1.5))
    assert_decree30_layout(data)
    g = section_geometry(open_docx(data).sections[0])
    assert round(g.left) == 35


def test_body_only_draft_without_masthead():
    doc = open_docx(write_decree30(Draft(blocks=(Paragraph("Nội dung."),))))
    assert [p.text for p in doc.paragraphs] == ["Nội dung."] and not doc.tables


# --- the checker rejects what breaks a rule ----------------------------------------------


def _arial(doc):
    fonts = find_run(doc, "Năm 2026")._r.rPr.rFonts
    fonts.set(qn("w:ascii"), "Arial")


def _theme_font(doc):
    find_run(doc, "Năm 2026")._r.rPr.rFonts.set(qn("w:asciiTheme"), "minorHAnsi")


def _no_title_page(doc):
    doc.sections[0].different_first_page_header_footer = False


def _narrow_left_margin(doc):
    doc.sections[0].left_margin = Mm(25)


def _right_margin_of_850_twips(doc):
    doc.sections[0].right_margin = Twips(850)  # 14,99 mm: under the 15 mm minimum, however close


def _letter_paper(doc):
    doc.sections[0].page_width = Mm(216)


def _no_tieu_ngu_rule(doc):
    header = doc.tables[0]
    paragraphs = column_paragraphs(header, 1)
    index = [p.text for p in paragraphs].index("Độc lập - Tự do - Hạnh phúc")
    ppr = paragraphs[index + 1]._p.pPr
    ppr.remove(ppr.find(qn("w:pBdr")))


def _issuer_not_bold(doc):
    find_run(doc, "BỘ CHỈ HUY").bold = False


def _left_aligned_body(doc):
    next(p for p in doc.paragraphs if p.text == RECRUIT).paragraph_format.alignment = 0


def _deep_indent(doc):
    next(p for p in doc.paragraphs if p.text == RECRUIT).paragraph_format.first_line_indent = Mm(20)


def _double_spacing(doc):
    next(p for p in doc.paragraphs if p.text == RECRUIT).paragraph_format.line_spacing = 2.0


def _recipient_without_semicolon(doc):
    run = find_run(doc, "Thường trực Tỉnh ủy;")
    run.text = run.text.rstrip(";")


def _signer_in_capitals(doc):
    run = find_run(doc, "Nguyễn Văn An")
    run.text = run.text.upper()


def _typed_rule(doc):
    find_run(doc, "Năm 2026").text += " ________"


def _bordered_header(doc):
    oxml.set_table_borders(doc.tables[0]._tbl, "single")


def _upright_date(doc):
    find_run(doc, "ngày 05 tháng 12").italic = False


def _red_text(doc):
    find_run(doc, "Năm 2026").font.color.rgb = RGBColor(0xC0, 0, 0)


def _no_signature_space(doc):
    signer = find_paragraph(doc, "Đại tá Nguyễn Văn An")
    cell = signer._p.getparent()
    for p in list(cell.iterchildren(qn("w:p"))):
        if not "".join(p.itertext()).strip() and p.getprevious() is not None:
            cell.remove(p)


def _long_summary_rule(doc):
    rule = next(p for p in doc.paragraphs if not p.text and has_bottom_border(p, doc))
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = 0


def _letter_heading_italic(doc):
    find_run(doc, "a) Ưu điểm").italic = True


def _big_recipient(doc):
    find_run(doc, "UBND tỉnh;").font.size = Pt(14)


def _page_number_on_first_page(doc):
    first = doc.sections[0].first_page_header.paragraphs[0]
    oxml.add_page_field(first._p, "Times New Roman", 14)


BREAKAGES = {
    "font": [_arial, _theme_font],
    "page numbers": [_no_title_page, _page_number_on_first_page],
    "margins": [_narrow_left_margin, _right_margin_of_850_twips],
    "page size": [_letter_paper],
    "tieu ngu rule": [_no_tieu_ngu_rule],
    "issuing agency": [_issuer_not_bold],
    "body": [_left_aligned_body, _deep_indent, _double_spacing],
    "recipients": [_recipient_without_semicolon, _big_recipient],
    "signer": [_signer_in_capitals],
    "no typed rules": [_typed_rule],
    "header table": [_bordered_header],
    "place and date": [_upright_date],
    "black text": [_red_text],
    "signature space": [_no_signature_space],
    "summary rule": [_long_summary_rule],
    "headings": [_letter_heading_italic],
}


@pytest.mark.parametrize(
    ("rule", "breakage"),
    [(rule, f) for rule, fs in BREAKAGES.items() for f in fs],
    ids=lambda value: value.__name__.strip("_") if callable(value) else value,
)
def test_checker_names_the_broken_rule(report_bytes, rule, breakage):
    doc = open_docx(report_bytes)
    breakage(doc)
    with pytest.raises(AssertionError, match=rf"\[{rule}\]"):
        assert_decree30_layout(save(doc))


def test_checker_rejects_a_news_article():
    with pytest.raises(AssertionError, match=r"\[header table\]"):
        assert_decree30_layout(write_news_docx(article()))


# --- news ------------------------------------------------------------------------------


def article() -> Draft:
    return Draft(
        blocks=(
            Title("Gia Lai tổng kết công tác quốc phòng, quân sự địa phương năm 2026"),
            Paragraph("Sáng 13/12, Bộ Chỉ huy Quân sự tỉnh tổ chức Hội nghị tổng kết công tác quốc phòng, "
                      "quân sự địa phương năm 2026, triển khai nhiệm vụ năm 2027. " + RECRUIT),
            Heading("arabic", "1.", "Kết quả nổi bật"),
            Paragraph(LEAD),
            Byline("Tin, ảnh: Khánh An"),
        ),
        title="Tin hội nghị", author="Báo Gia Lai",
    )


def test_news_layout():
    data = write_news_docx(article())
    assert data == write_news_docx(article())
    doc = open_docx(data)
    assert all(r.fonts == TNR for r in run_fonts(doc)) and document_default_fonts(doc) == TNR
    title, lead, heading, body, byline = doc.paragraphs[:5]
    assert paragraph_format(title, doc).alignment == "center"
    assert all(r.bold and r.size_pt == 16 for r in text_runs(title, doc))
    for p in (lead, body):
        fmt = paragraph_format(p, doc)
        assert (fmt.alignment, round(fmt.first_line_cm, 2), fmt.space_after_pt) == ("both", 1.27, 6)
        assert all(r.size_pt == 14 and not r.bold for r in text_runs(p, doc))
    assert heading.text == "1. Kết quả nổi bật" and all(r.bold for r in text_runs(heading, doc))
    assert paragraph_format(byline, doc).alignment == "right" and all(r.bold for r in text_runs(byline, doc))
    assert page_field_in_footer(doc.sections[0]) and not doc.tables
    g = section_geometry(doc.sections[0])
    assert (round(g.page_width), round(g.left), round(g.right)) == (210, 30, 15)


def test_news_ignores_the_masthead():
    doc = open_docx(write_news_docx(dataclasses.replace(article(), masthead=MASTHEAD)))
    assert not doc.tables and "BÁO CÁO" not in "\n".join(all_texts(doc))


def test_news_left_title_option():
    doc = open_docx(write_news_docx(article(), NewsSettings(title_align="left", page_numbers=False)))
    assert paragraph_format(doc.paragraphs[0], doc).alignment == "left"
    assert not page_field_in_footer(doc.sections[0])


# --- Markdown and text ---------------------------------------------------------------------


def test_markdown_of_a_report():
    md = write_markdown(report())
    assert md.endswith("\n") and not md.endswith("\n\n") and "None" not in md
    lines = md.splitlines()
    assert lines[:3] == ["QUÂN KHU 5\\", "**BỘ CHỈ HUY QUÂN SỰ TỈNH GIA LAI**\\", "Số: 05/BC-BCH"]
    # the right column of the .docx header, as in the .docx: Quốc hiệu and Tiêu ngữ, then place and date
    assert lines[3:9] == ["", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\\", "**Độc lập - Tự do - Hạnh phúc**", "",
                          "*Gia Lai, ngày 05 tháng 12 năm 2026*", ""]
    assert "**BÁO CÁO**\\" in lines
    assert "## Phần I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ" in lines
    assert "### I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO" in lines and "#### 1. Công tác sẵn sàng chiến đấu" in lines
    assert "a) Ưu điểm" in lines
    assert "| TT | Đơn vị | Chỉ tiêu | Đã giao | Tỷ lệ |" in lines and "|---|---|---|---|---|" in lines
    assert "| 1 | Xã Ia Grai | 120 | 120 | 100% |" in lines
    assert "*Hình 1. Kết quả tuyển quân năm 2026*" in lines
    assert lines[-5:] == ["***Nơi nhận:***", "- Bộ Tư lệnh Quân khu 5;", "- Thường trực Tỉnh ủy;", "- UBND tỉnh;",
                          "- Lưu: VT, BCH."]
    assert "**Đại tá Nguyễn Văn An**" in lines


def test_text_of_a_report_has_no_markup():
    text = write_text(report())
    assert text.endswith("\n") and not text.endswith("\n\n") and "None" not in text
    assert "**" not in text and "#" not in text and "\\" not in text
    lines = text.splitlines()
    assert lines[:9] == ["QUÂN KHU 5", "BỘ CHỈ HUY QUÂN SỰ TỈNH GIA LAI", "Số: 05/BC-BCH", "",
                         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                         "Gia Lai, ngày 05 tháng 12 năm 2026", ""]
    assert "Phần I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ" in lines and "TT\tĐơn vị\tChỉ tiêu\tĐã giao\tTỷ lệ" in lines
    assert lines[-1] == "- Lưu: VT, BCH." and "Nơi nhận:" in lines
    assert "\n\n\n" not in text


def test_markdown_escapes_what_would_become_markup():
    draft = Draft(blocks=(
        Paragraph("1. Không phải danh sách; a*b_c [x] <tag>"),
        Table(header=("A|B", "C"), rows=(("x|y", "dòng\nmới"),)),
        Byline("Tin, ảnh: Khánh An"),
    ))
    md = write_markdown(draft)
    assert "1\\. Không phải danh sách; a\\*b\\_c \\[x\\] \\<tag>" in md
    assert "| A\\|B | C |" in md and "| x\\|y | dòng mới |" in md
    assert md.rstrip("\n").endswith("*Tin, ảnh: Khánh An*")


def test_news_markdown_has_a_title():
    md = write_markdown(article())
    assert md.startswith("# Gia Lai tổng kết") and "**" not in md.split("\n")[0]
    assert "CỘNG HÒA" not in md and "Độc lập" not in md  # an article has no Decree 30 header


def test_empty_draft_is_one_newline():
    assert write_markdown(Draft(blocks=())) == "\n" == write_text(Draft(blocks=()))


# --- any text at all ------------------------------------------------------------------------

ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60)


#: Not a Char of XML 1.0 (production [2]): what no .docx can carry.
_NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def cleaned(text: str) -> str:
    """What a reader gets back: XML-illegal characters dropped, line ends as one break each."""
    return _NOT_XML_CHAR.sub("", text).replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=ANY_TEXT, b=ANY_TEXT, c=ANY_TEXT)
@example(a='<&>"\'', b="\x00\x01\x0b\x0c\ud800\ufffe😀", c="a\tb\r\nc")
def test_any_text_round_trips(a, b, c):
    masthead = dataclasses.replace(MASTHEAD, issuing_agency=b, summary=a, place_date=c,
                                   recipients=(a, b), signature=Signature((c,), a))
    draft = Draft(
        blocks=(Paragraph(a), Heading("letter", "a)", b), Table(header=(c,), rows=((a, b),)), Byline(c),
                Title(a)),
        masthead=masthead, title=a, author=b,
    )
    for data in (write_decree30(draft), write_news_docx(draft)):
        texts = "\n".join(all_texts(open_docx(data)))
        for value in (a, cleaned(b), c):
            assert cleaned(value) in texts
    for out in (write_markdown(draft), write_text(draft)):
        assert out.endswith("\n") and not out.endswith("\n\n")
        assert "None" not in out or "None" in a + b + c


# --- rendering, when LibreOffice is here -----------------------------------------------------


@pytest.mark.office
@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")), reason="needs LibreOffice")
def test_libreoffice_renders_numbers_from_page_two(tmp_path, report_bytes):
    source = tmp_path / "report.docx"
    source.write_bytes(report_bytes)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pages = []
    for n in range(1, 4):
        out = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(tmp_path / "report.pdf"), "-"],
                             check=True, capture_output=True, text=True).stdout
        pages.append([line.strip() for line in out.splitlines() if line.strip()])
    assert pages[0][0].startswith("QUÂN KHU 5") and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0][0]
    assert pages[1][0] == "2" and pages[2][0] == "3"
