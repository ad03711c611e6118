"""Review copies: the same .docx with a Word comment on each figure, derived value, quoted text,
standard sentence and warning, saying where it comes from (issue 14).

Comments are read back with an independent reader (:mod:`support.comments`) and lines with
ruamel.yaml's own records, not with drafter's positions.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from support.comments import read_comments, strip_comments, yaml_line
from support.docx_reading import open_docx
from support.samples import SAMPLES

from drafter import api
from drafter.api import write_workbook
from drafter.checks.sentences import free_texts
from drafter.cli import cli
from drafter.document import Draft, Paragraph, Sentence, Source, Span
from drafter.errors import DrafterError
from drafter.inputs import load, load_report
from drafter.layout.oxml.comments import W_NS, anchor, paragraph_text

ROOT = Path(__file__).resolve().parent.parent
GIA_LAI = ROOT / "samples" / "gia-lai-2026.yaml"
AN_KHE = ROOT / "samples" / "phuong-an-khe-2026.yaml"
TEMPLATES = ("bao-cao", "tin-bai")
CASES = [(sample, template) for sample in SAMPLES for template in TEMPLATES]


def _ids(case):
    return f"{case[0].stem}-{case[1]}"


def _spans(draft: Draft, kind: str):
    """(span text, source) of every span of ``kind`` in the draft's sentences, in order."""
    return [(span.text, span.source) for block in draft.blocks if isinstance(block, Paragraph)
            for sentence in block.sentences for span in sentence.spans
            if span.source is not None and span.source.kind == kind]


# ------------------------------------------------------------ every figure, every sample


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_every_figure_has_a_comment_on_exactly_its_text_naming_its_field_and_line(case):
    sample, template = case
    loaded = load(sample)
    data, _ = api.review_copy(loaded, template)
    comments = read_comments(data)
    figures = [(text, source) for text, source in _spans(api.draft(loaded, template), "figure") if text.strip()]
    assert figures, "the sample states no figure"
    said = Counter((c.anchored, c.text) for c in comments if c.text.startswith("Số liệu:"))
    wanted = Counter()
    for text, source in figures:
        line = yaml_line(sample, source.path)
        expected = f"({source.path}) = {source.value}; nhập tại {sample.name}:{line}."
        match = [t for (anchored, t) in said if anchored == text and expected in t]
        assert match, f"no comment on “{text}” naming {source.path} and line {line}"
        wanted[(text, match[0])] += 1
    assert +(wanted - said) == Counter(), "a figure printed twice has one comment only"
    assert all(c.author == "drafter" and c.initials == "DR" and c.date == "2000-01-01T00:00:00Z" for c in comments)
    assert all(c.referenced for c in comments)


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_the_review_copy_is_the_document_plus_comments_and_nothing_else(case):
    sample, template = case
    plain = api.render(sample, template)
    data, explained = api.review_copy(load(sample), template)
    before, after = zipfile.ZipFile(io.BytesIO(plain)), zipfile.ZipFile(io.BytesIO(data))
    changed = {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
    assert set(after.namelist()) == set(before.namelist()) | {"word/comments.xml"}
    for name in before.namelist():
        if name not in changed:
            assert after.read(name) == before.read(name), name
    original = etree.tostring(etree.fromstring(before.read("word/document.xml")))
    assert strip_comments(after.read("word/document.xml")) == original
    assert len(read_comments(data)) == explained.summary.comments > 0


def test_without_review_nothing_changes(tmp_path):
    for sample, template in CASES:
        report = load_report(sample)
        plain = api.render(report, template)
        assert api.render(sample, template) == plain == api.render(load(sample), template, review=False)
        assert "word/comments.xml" not in zipfile.ZipFile(io.BytesIO(plain)).namelist()
    out = tmp_path / "a.docx"
    result = CliRunner().invoke(cli, ["render", str(GIA_LAI), "-o", str(out)])
    assert result.exit_code == 0 and "Cần đối chiếu" not in result.output
    assert out.read_bytes() == api.render(load_report(GIA_LAI), "bao-cao")


def test_the_same_input_gives_the_same_review_copy():
    assert api.render(GIA_LAI, "tin-bai", review=True) == api.render(GIA_LAI, "tin-bai", review=True)


# ------------------------------------------------------------ what the comments say


def test_a_derived_value_shows_its_computation_and_where_its_inputs_are():
    comments = read_comments(api.render(GIA_LAI, "bao-cao", review=True))
    on_rate = [c for c in comments if c.anchored == "100%" and "recruitment_rate" not in c.text
               and "3.350 / 3.350 = 100%" in c.text]
    assert len(on_rate) == 1
    text = on_rate[0].text
    delivered, quota = yaml_line(GIA_LAI, "recruitment.delivered"), yaml_line(GIA_LAI, "recruitment.quota")
    assert f"recruitment.delivered (gia-lai-2026.yaml:{delivered}), recruitment.quota (gia-lai-2026.yaml:{quota})" in text
    share = next(c for c in comments if c.anchored == "1,35%")
    assert "48.215 / 3.583.693 = 1,35%" in share.text and "unit.population" in share.text
    change = next(c for c in comments if c.anchored == "24")  # "giảm 24 vụ so với năm 2025"
    assert "412 (kỳ này) so với 436 (kỳ trước), giảm 24" in change.text
    total = next(c for c in comments if c.anchored == "6.468")
    assert "96 + 742 + 5.630 = 6.468" in total.text and "group_1" not in total.text  # group 1 is not given


def test_every_derived_value_has_its_comment():
    loaded = load(GIA_LAI)
    for template in TEMPLATES:
        data, _ = api.review_copy(loaded, template)
        derived = Counter(text for text, _ in _spans(api.draft(loaded, template), "derived"))
        commented = Counter(c.anchored for c in read_comments(data) if c.text.startswith("Số tự tính:"))
        assert derived and derived == commented


@pytest.mark.parametrize("template,kind", [("bao-cao", "report"), ("tin-bai", "news")])
def test_the_users_own_words_are_marked_quoted_with_their_line(template, kind):
    from drafter.checks.sentences import NOT_COVERED

    report = load_report(GIA_LAI)
    comments = [c for c in read_comments(api.render(GIA_LAI, template, review=True))
                if c.text.startswith("Trích từ số liệu:")]
    skipped = NOT_COVERED[kind]
    checked = 0
    for path, text, _ in free_texts(report):
        if skipped.match(path):
            continue
        line = yaml_line(GIA_LAI, path)
        found = [c for c in comments if f"({path}); nhập tại gia-lai-2026.yaml:{line}." in c.text]
        assert len(found) == 1, path
        assert text.casefold().rstrip(".") in found[0].anchored.casefold(), path
        checked += 1
    assert checked > 10


def test_a_field_said_many_times_is_commented_once_a_figure_each_time():
    comments = read_comments(api.render(GIA_LAI, "bao-cao", review=True))
    names = [c for c in comments if "(unit.name)" in c.text]
    assert len(names) == 1
    assert sum(c.anchored == "3.350" for c in comments) == 2  # delivered and quota, both 3.350


def test_standard_sentences_are_marked_to_confirm():
    loaded = load(GIA_LAI)
    for template in TEMPLATES:
        draft = api.draft(loaded, template)
        frames = [s.text for b in draft.blocks if isinstance(b, Paragraph) for s in b.sentences if s.frame]
        notes = [c for c in read_comments(api.render(loaded, template, review=True))
                 if c.text.startswith(("Lời văn chuẩn", "Tiêu đề do mẫu đặt"))]
        assert sorted(c.anchored for c in notes if c.text.startswith("Lời văn chuẩn")) == sorted(frames)
        if template == "tin-bai":
            assert [c.anchored for c in notes if c.text.startswith("Tiêu đề")] == [draft.blocks[0].text]


def test_a_warning_sits_at_the_sentence_that_rests_on_its_field():
    line = yaml_line(AN_KHE, "recruitment.delivered")
    for template in TEMPLATES:
        comments = read_comments(api.render(AN_KHE, template, review=True))
        warnings = [c for c in comments if c.text.startswith("Cảnh báo W403")]
        assert len(warnings) == 1
        assert "51/52" in warnings[0].anchored and warnings[0].anchored.endswith(".")
        assert f"(phuong-an-khe-2026.yaml:{line})" in warnings[0].text
        assert "số giao quân 51 chưa đạt chỉ tiêu 52" in warnings[0].text


def test_the_masthead_says_where_its_number_date_and_signer_come_from():
    comments = {c.anchored: c.text for c in read_comments(api.render(GIA_LAI, "bao-cao", review=True))}
    assert comments["Số: 05/BC-UBND"].endswith(f"(document.number) = 5; nhập tại gia-lai-2026.yaml:"
                                                f"{yaml_line(GIA_LAI, 'document.number')}.")
    assert f"= 2026-12-15; nhập tại gia-lai-2026.yaml:{yaml_line(GIA_LAI, 'document.date')}." \
        in comments["Gia Lai, ngày 15 tháng 12 năm 2026"]
    assert f"(document.signer.name); nhập tại gia-lai-2026.yaml:{yaml_line(GIA_LAI, 'document.signer.name')}." \
        in comments["Phạm Quang Hiếu"]
    assert "document.issuer = ubnd" in comments["ỦY BAN NHÂN DÂN\nTỈNH GIA LAI"]


def test_a_place_typed_in_the_input_is_named_with_its_line(tmp_path):
    path = tmp_path / "so-lieu.yaml"
    path.write_text(GIA_LAI.read_text(encoding="utf-8").replace("  date: 2026-12-15", "  place: Pleiku\n  date: 2026-12-15"),
                    encoding="utf-8")
    comments = {c.anchored: c.text for c in read_comments(api.render(path, "bao-cao", review=True))}
    assert comments["Pleiku, ngày 15 tháng 12 năm 2026"].endswith(
        f"Địa danh “Pleiku”: nhập tại document.place (so-lieu.yaml:{yaml_line(path, 'document.place')}).")


def test_a_report_given_without_its_file_names_fields_but_no_lines():
    comments = read_comments(api.render(load_report(GIA_LAI), "bao-cao", review=True))
    delivered = [c.text for c in comments if "(recruitment.delivered) = 3350" in c.text]
    assert delivered and all(".yaml" not in text for text in delivered)


# ------------------------------------------------------------ Excel, batch


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("excel") / "so-lieu-2026.xlsx"
    write_workbook(path, [load_report(GIA_LAI), load_report(AN_KHE)])
    return path


def _cell_of(workbook: Path, row: int, field: str) -> tuple[str, object]:
    """(cell, value) of ``field`` in ``row``, found through the sheet's hidden row of field paths."""
    sheet = openpyxl.load_workbook(workbook)["Số liệu"]
    column = next(cell.column_letter for cell in sheet[2] if cell.value == field)
    return f"{column}{row}", sheet[f"{column}{row}"].value


def test_batch_review_from_excel_names_the_cells(workbook, tmp_path):
    out = tmp_path / "ket-qua"
    result = CliRunner().invoke(cli, ["batch", str(workbook), "-o", str(out), "-t", "bao-cao", "-t", "tin-bai",
                                      "--review", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    cell, value = _cell_of(workbook, 5, "recruitment.delivered")
    assert value == 51
    total = 0
    for name in ("phuong-an-khe-2026-bao-cao.docx", "phuong-an-khe-2026-tin-bai.docx"):
        comments = read_comments((out / name).read_bytes())
        total += len(comments)
        assert any(c.anchored == "51" and f"(recruitment.delivered) = 51; nhập tại so-lieu-2026.xlsx!Số liệu!{cell}."
                   in c.text for c in comments)
        assert any(c.text.startswith("Cảnh báo W403") and f"so-lieu-2026.xlsx!Số liệu!{cell}" in c.text
                   for c in comments)
    award_cell, award = _cell_of(workbook, 4, "awards.0.individuals")
    comments = read_comments((out / "tinh-gia-lai-2026-bao-cao.docx").read_bytes())
    assert any(c.anchored == str(award) and f"Số liệu!{award_cell}." in c.text for c in comments)
    notes_cell, notes = _cell_of(workbook, 4, "leadership.notes")  # a list in one cell, a line per item
    assert any(c.anchored.rstrip(".") == notes.splitlines()[0].rstrip(".") and
               f"(leadership.notes[0]); nhập tại so-lieu-2026.xlsx!Số liệu!{notes_cell}." in c.text for c in comments)
    total += len(comments) + len(read_comments((out / "tinh-gia-lai-2026-tin-bai.docx").read_bytes()))
    assert f"({total} ghi chú)" in result.output


def test_batch_review_of_yaml_files_names_their_lines(tmp_path):
    out = tmp_path / "ket-qua"
    result = CliRunner().invoke(cli, ["batch", str(AN_KHE), "-o", str(out), "--review", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    comments = read_comments((out / "phuong-an-khe-2026-bao-cao.docx").read_bytes())
    line = yaml_line(AN_KHE, "recruitment.quota")
    assert any(c.anchored == "52" and f"phuong-an-khe-2026.yaml:{line}." in c.text for c in comments)


def test_batch_without_review_writes_plain_documents(tmp_path):
    CliRunner().invoke(cli, ["batch", str(AN_KHE), "-o", str(tmp_path), "--jobs", "1"])
    assert (tmp_path / "phuong-an-khe-2026-bao-cao.docx").read_bytes() == api.render(AN_KHE, "bao-cao")


# ------------------------------------------------------------ roll-ups, options


def test_a_roll_up_figure_points_to_the_units_it_sums():
    units = tuple(f"xã {name}" for name in ("Ia Grai", "Ia Hrung", "Chư Sê", "Đak Đoa", "Ia Dơk", "Ia Tô", "Ia Pếch",
                                               "Kông Chro", "Phú Thiện"))
    total = Source("recruitment.delivered", "1240", units=units)
    rate = Source("recruitment_rate", "98.5", "derived", ("recruitment.delivered", "recruitment.quota"), units)
    sentence = Sentence((Span("Toàn tỉnh giao "), Span("1.240", total), Span(" công dân, đạt "), Span("98,5%", rate),
                         Span(" chỉ tiêu.")), "recruitment.army")
    draft = Draft(blocks=(Paragraph(sentence.text, (sentence,)),))
    comments = read_comments(api.review_draft(draft)[0])
    assert [c.anchored for c in comments] == ["1.240", "98,5%"]
    assert "Cộng từ 9 đơn vị: xã Ia Grai, xã Ia Hrung" in comments[0].text
    assert comments[0].text.endswith("xã Kông Chro và 1 đơn vị khác.")
    assert "= 98,5%" in comments[1].text and "Tính trên 9 đơn vị: xã Ia Grai" in comments[1].text


def test_todays_roll_up_reviews_and_says_what_has_no_source():
    data, explained = api.review_draft(api.rollup_draft([GIA_LAI, AN_KHE]))
    assert explained.summary.unsourced > 0 and open_docx(data)


def test_review_is_for_docx_only():
    with pytest.raises(DrafterError) as error:
        api.render(GIA_LAI, "bao-cao", format="md", review=True)
    assert error.value.problems[0].code == "E800"
    result = CliRunner().invoke(cli, ["render", str(GIA_LAI), "--format", "md", "--review"])
    assert result.exit_code == 2 and "drafter explain" in result.output
    result = CliRunner().invoke(cli, ["batch", str(GIA_LAI), "-o", "ket-qua", "--format", "md", "--review"])
    assert result.exit_code == 2 and "--review" in result.output


_PREFIXES = (("Số liệu:", "figures"), ("Số tự tính:", "derived"), ("Tự suy:", "derived"), ("Trích từ số liệu:", "quoted"),
             ("Lời văn chuẩn", "frames"), ("Tiêu đề do mẫu đặt", "frames"), ("Số văn bản để trống", "frames"),
             ("Cảnh báo", "warnings"))


def _kind(text: str) -> str:
    return next(kind for prefix, kind in _PREFIXES if text.startswith(prefix))


@pytest.mark.parametrize("template", TEMPLATES)
def test_render_review_prints_the_reviewers_summary(tmp_path, template):
    out = tmp_path / "a.docx"
    result = CliRunner().invoke(cli, ["render", str(AN_KHE), "-t", template, "-o", str(out), "--review"])
    assert result.exit_code == 0
    comments = read_comments(out.read_bytes())
    kinds = Counter(_kind(c.text) for c in comments)
    summary = re.search(r"Cần đối chiếu: (\d+) số liệu, (\d+) số tự tính, (\d+) đoạn trích từ số liệu, "
                        r"(\d+) câu văn mẫu, (\d+) cảnh báo \((\d+) ghi chú\)", result.stdout)
    assert summary, result.stdout
    assert tuple(map(int, summary.groups())) == (kinds["figures"], kinds["derived"], kinds["quoted"],
                                                kinds["frames"], kinds["warnings"], len(comments))
    assert kinds["warnings"] == 1
    result = CliRunner().invoke(cli, ["render", str(AN_KHE), "-t", template, "-f", "md", "--review-summary"])
    assert result.exit_code == 0 and "Cần đối chiếu" in result.stderr and "Cần đối chiếu" not in result.stdout


# ------------------------------------------------------------ anchoring, as a property


def _paragraph(pieces: list[str]):
    runs = "".join(f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{piece}</w:t></w:r>' for piece in pieces)
    return etree.fromstring(f'<w:p xmlns:w="{W_NS}"><w:pPr/>{runs}</w:p>')


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="ab cđ", min_size=1, max_size=6), min_size=1, max_size=5), st.data())
def test_anchors_cover_exactly_their_characters_however_runs_fall(pieces, data):
    p = _paragraph(pieces)
    text = paragraph_text(p)
    ranges = []
    for id_ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text) - 1))
        ranges.append((start, data.draw(st.integers(start + 1, len(text))), id_))
    anchor(p, ranges)
    assert paragraph_text(p) == text
    document = (f'<w:document xmlns:w="{W_NS}"><w:body>'.encode() + etree.tostring(p)
                + b"</w:body></w:document>")
    comments = {c.id: c for c in read_comments(_package(document, len(ranges)))}
    for start, end, id_ in ranges:
        assert comments[str(id_)].anchored == text[start:end]
        assert comments[str(id_)].referenced


def _package(document: bytes, count: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels",
                         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="c" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                         'relationships/comments" Target="comments.xml"/></Relationships>')
        archive.writestr("word/comments.xml", f'<w:comments xmlns:w="{W_NS}">' + "".join(
            f'<w:comment w:id="{n}"><w:p/></w:comment>' for n in range(count)) + "</w:comments>")
    return buffer.getvalue()


def test_a_roll_up_review_copy_from_the_command_line_names_the_units_of_each_figure(tmp_path):
    out = tmp_path / "tong-hop.docx"
    inputs = [str(ROOT / "samples" / name) for name in ("gia-lai-2026.yaml", "bac-ninh-2026.yaml", "lam-dong-2026.yaml")]
    result = CliRunner().invoke(cli, ["rollup", *inputs, "-o", str(out), "--review"])
    assert result.exit_code == 0, result.output
    assert "Cần đối chiếu:" in result.output and "không rõ nguồn" not in result.output
    comments = read_comments(out.read_bytes())
    assert any("tỉnh Bắc Ninh" in c.text and "tỉnh Gia Lai" in c.text for c in comments)
    assert CliRunner().invoke(cli, ["rollup", *inputs, "--format", "md", "--review"]).exit_code == 2
