"""Word forms: an office's own .docx with tags, filled in place by docxtpl, in the sandbox."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from support.forms import build_form

from drafter import api
from drafter.cli import cli
from drafter.errors import DrafterError
from drafter.inputs import load_report
from drafter.inputs.model import Award
from drafter.packs.wordform import check_form

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"


@pytest.fixture
def report():
    base = load_report(SAMPLE)
    awards = [Award(giver="Chủ tịch UBND tỉnh", kind="bằng khen", collectives=16, individuals=1048),
              Award(giver="Tư lệnh Quân khu 5", kind="giấy khen", collectives=3, individuals=7)]
    return base.model_copy(update={"awards": awards})


def _texts(data: bytes) -> tuple[list[str], list[list[list[str]]], str, str]:
    document = docx.Document(io.BytesIO(data))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    section = document.sections[0]
    return ([p.text for p in document.paragraphs], tables,
            section.header.paragraphs[0].text, section.footer.paragraphs[0].text)


def test_a_form_is_filled_with_vietnamese_figures_everywhere(tmp_path, report):
    form = build_form(tmp_path / "mau.docx")
    assert check_form(form) == []
    paragraphs, tables, header, footer = _texts(api.render(report, template=form))
    assert paragraphs == [
        "Đơn vị: tỉnh Gia Lai.",
        "Giao quân 3.350 công dân, đạt 100% chỉ tiêu.",
        "Tên: Gia Lai; kỳ: Tổng kết năm 2026.",  # curly quotes inside tags were straightened
        "Tách: tỉnh Gia Lai và 3.350.",  # tags split across runs
    ]
    masthead, awards = tables
    assert masthead[0] == ["ỦY BAN NHÂN DÂN TỈNH GIA LAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert masthead[1][0] == "Số:      /BC-UBND"
    assert masthead[1][1] == "Gia Lai, ngày 15 tháng 12 năm 2026"
    assert awards == [["Cấp khen", "Tập thể", "Cá nhân"],
                      ["Chủ tịch UBND tỉnh", "16", "1.048"],
                      ["Tư lệnh Quân khu 5", "3", "7"]]  # one row per award, loop rows gone
    assert header == "Bộ Chỉ huy Quân sự tỉnh Gia Lai"
    assert footer == "Báo cáo năm 2026"


def test_the_form_itself_is_not_rewritten(tmp_path, report):
    form = build_form(tmp_path / "mau.docx")
    before = form.read_bytes()
    api.render(report, template=form)
    assert form.read_bytes() == before


def test_same_input_gives_the_same_bytes(tmp_path, report):
    form = build_form(tmp_path / "mau.docx")
    assert api.render(report, template=form) == api.render(report, template=form)


def test_data_comes_out_literally(tmp_path, report):
    tricky = 'Ghi "A" & <B> {{ 7 * 7 }} {% if x %} \'y\''
    report = report.model_copy(update={"recruitment": report.recruitment.model_copy(update={"notes": [tricky]})})
    form = build_form(tmp_path / "mau.docx", body=["{% for n in r.recruitment.notes %}{{ n }}{% endfor %}"],
                      cell="{{ a.giver }} <&>")
    paragraphs, tables, _, _ = _texts(api.render(report, template=form))
    assert paragraphs == [tricky]
    assert tables[1][1][0] == "Chủ tịch UBND tỉnh <&>"


def test_data_comes_out_literally_through_macros_blocks_case_filters_and_literals(tmp_path, report):
    # each printed "&amp;", "&AMP;" or lost its "&" and "<c>": escaped twice through a macro or a
    # {% set %} block, case-changed after escaping, or a literal's "&" left escaped by docxtpl
    tricky = 'A & b <c> "q"'
    report = report.model_copy(update={"recruitment": report.recruitment.model_copy(update={"notes": [tricky]})})
    note = "r.recruitment.notes[0]"
    form = build_form(tmp_path / "mau.docx", body=[
        f"{{% macro m(x) %}}[{{{{ x }}}}]{{% endmacro %}}{{{{ m({note}) }}}}",
        f"{{% set v %}}{{{{ {note} }}}} & {{% endset %}}{{{{ v }}}}",
        f"{{% filter upper %}}{{{{ {note} }}}} & đ{{% endfilter %}}",
        f"{{{{ {note} | upper }}}}",
        f'{{{{ "Sở A & B: " ~ {note} }}}}',
        f"{{% macro c() %}}<{{{{ caller() }}}}>{{% endmacro %}}{{% call c() %}}{{{{ {note} | title }}}}{{% endcall %}}",
    ])
    paragraphs, _, _, _ = _texts(api.render(report, template=form))
    assert paragraphs == ['[A & b <c> "q"]', 'A & b <c> "q" & ', 'A & B <C> "Q" & Đ', 'A & B <C> "Q"',
                          'Sở A & B: A & b <c> "q"', '<A & B <C> "q">']


def test_cli_renders_a_form_and_refuses_other_formats(tmp_path):
    form = build_form(tmp_path / "mau.docx")
    out = tmp_path / "ra.docx"
    runner = CliRunner()
    result = runner.invoke(cli, ["render", str(SAMPLE), "--template", str(form), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Đơn vị: tỉnh Gia Lai." in _texts(out.read_bytes())[0]
    result = runner.invoke(cli, ["render", str(SAMPLE), "--template", str(form), "--format", "md"])
    assert result.exit_code == 1 and "E525" in result.output


def test_check_places_every_problem_by_paragraph_cell_header(tmp_path):
    form = build_form(tmp_path / "loi.docx",
                      body=["Đơn vị: {{ unit.fulll }}.", "Số: {{ r.recruitment.delivered | soo }}.",
                            "{% if r.recruitment %}Mở mà không đóng", "{{ chua_dong"],
                      header="{{ 1 + }}", cell="{{ a.giverr }}")
    problems = check_form(form)
    rendered = "\n".join(p.render() for p in problems)
    assert [p.code for p in problems] == ["E512", "E513", "E516", "E510", "E512", "E510"], rendered
    by_code = {(p.code, p.path.split(":")[0]) for p in problems}
    assert ("E512", "đoạn 1") in by_code and ("E513", "đoạn 2") in by_code and ("E516", "đoạn 3") in by_code
    assert ("E510", "đoạn 4") in by_code
    assert ("E512", "bảng 2, hàng 3, ô 1") in by_code
    assert ("E510", "đầu trang 1, đoạn 1") in by_code
    assert "có phải ý bạn là “full”" in rendered and "có phải ý bạn là “giver”" in rendered
    assert "“Đơn vị: {{ unit.fulll }}.”" in rendered  # the text around the tag


def test_render_refuses_a_form_with_problems_and_writes_nothing(tmp_path):
    form = build_form(tmp_path / "loi.docx", body=["{{ unit.fulll }}"])
    out = tmp_path / "ra.docx"
    result = CliRunner().invoke(cli, ["render", str(SAMPLE), "--template", str(form), "-o", str(out)])
    assert result.exit_code == 1
    assert "E512" in result.output and "Traceback" not in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loi.docx"]


def test_templates_check_on_a_form(tmp_path):
    runner = CliRunner()
    good = build_form(tmp_path / "tot.docx")
    result = runner.invoke(cli, ["templates", "check", str(good)])
    assert result.exit_code == 0 and "hợp lệ" in result.output
    bad = build_form(tmp_path / "loi.docx", body=["{{ x | soo }}"])
    result = runner.invoke(cli, ["templates", "check", str(bad)])
    assert result.exit_code == 1
    assert "E513" in result.output and "E511" in result.output


def test_a_file_that_is_not_word_is_a_clear_error(tmp_path, report):
    fake = tmp_path / "gia.docx"
    fake.write_text("không phải Word", encoding="utf-8")
    assert [p.code for p in check_form(fake)] == ["E520"]
    with pytest.raises(DrafterError) as error:
        api.render(report, template=fake)
    assert error.value.problems[0].code == "E520"


def test_raw_xml_tags_and_filters_are_refused_in_forms(tmp_path):
    form = build_form(tmp_path / "tho.docx", body=["{{r unit.full }}", "{{ unit.full | safe }}",
                                                   "{% autoescape false %}{{ unit.full }}{% endautoescape %}",
                                                   '{% include "body.j2" %}'])
    codes = [p.code for p in check_form(form)]
    assert codes == ["E523"] * 4, codes


# ------------------------------------------------------------------ where a tag can hide; a form everywhere


def _with_field_code(path: Path, code: str) -> Path:
    from docx.oxml import parse_xml

    document = docx.Document(path)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph = document.add_paragraph("Trường: ")
    for xml in (f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r {w}><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>',
                f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml))
    document.save(path)
    return path


def test_tags_in_field_codes_are_checked_like_any_tag(tmp_path):
    form = _with_field_code(build_form(tmp_path / "mau.docx", body=["Đơn vị {{ unit.full }}"]),
                            "{{ r.__class__.__mro__ }}")
    problems = check_form(form)
    assert {p.code for p in problems} == {"E514"}, [p.render() for p in problems]  # __class__, __mro__
    assert problems[0].path.startswith("đoạn 2") and "Trường:" in problems[0].path
    with pytest.raises(DrafterError):
        api.render(SAMPLE, template=form)


def test_a_harmless_field_code_tag_is_filled(tmp_path, report):
    form = _with_field_code(build_form(tmp_path / "mau.docx", body=["Đơn vị {{ unit.full }}"]), "{{ unit.name }}")
    assert check_form(form) == []
    assert "Gia Lai" in docx.Document(io.BytesIO(api.render(report, template=form))).element.body.xml


def test_a_macro_enabled_or_template_file_is_not_a_form(tmp_path):
    good = build_form(tmp_path / "mau.docx")
    for suffix in (".docm", ".dotx", ".dotm", ".doc"):
        other = tmp_path / f"mau{suffix}"
        other.write_bytes(good.read_bytes())
        problems = check_form(other)
        assert [p.code for p in problems] == ["E520"] and suffix in problems[0].render()
        result = CliRunner().invoke(cli, ["render", str(SAMPLE), "-t", str(other), "-o", str(tmp_path / "ra.docx")])
        assert result.exit_code == 1 and "E520" in result.output and "site-packages" not in result.output


def test_a_form_is_a_form_in_batch_too(tmp_path):
    form = build_form(tmp_path / "mau.docx")
    out = tmp_path / "ra"
    result = CliRunner().invoke(cli, ["batch", str(SAMPLE), "-t", str(form), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    (written,) = out.glob("*.docx")
    assert written.name == "tinh-gia-lai-2026-mau.docx"
    assert "Đơn vị: tỉnh Gia Lai." in _texts(written.read_bytes())[0]
    broken = build_form(tmp_path / "hong.docx", body=["{{ unit.fulll }}"])
    result = CliRunner().invoke(cli, ["batch", str(SAMPLE), "-t", str(broken), "-o", str(tmp_path / "ra2")])
    assert result.exit_code == 1 and "E512" in result.output and "manifest" not in result.output


def test_the_check_of_a_form_is_kept_until_the_file_changes(tmp_path, monkeypatch):
    from drafter.packs import wordform

    form = build_form(tmp_path / "mau.docx")
    # as many answers kept as the cache holds before it makes room (so that the order of tests
    # does not matter: a full cache was once cleared on a hit, and the form read again)
    monkeypatch.setattr(wordform, "_CHECKED", {("kept", n): [] for n in range(64)})
    assert check_form(form) == []
    monkeypatch.setattr(wordform, "open_form", lambda path: (_ for _ in ()).throw(AssertionError("read again")))
    assert check_form(form) == []  # a batch of 3,321 units checks its form once
    monkeypatch.undo()
    build_form(form, body=["{{ unit.fulll }}"])
    assert [p.code for p in check_form(form)] == ["E512"]
