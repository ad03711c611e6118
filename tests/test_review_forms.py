"""Review copies of an office's Word form: each value a tag printed gets a comment naming the tag's
expression and the input field it shows, with its line (issue 14). The form runs in the same
sandbox; the review copy's text is the plain copy's, headers and footers included.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.comments import read_comments, yaml_line
from support.docx_reading import all_texts, open_docx
from support.forms import build_form

from drafter import api
from drafter.errors import DrafterError
from drafter.inputs import load, load_report

ROOT = Path(__file__).resolve().parent.parent
AN_KHE = ROOT / "samples" / "phuong-an-khe-2026.yaml"


def test_a_word_forms_prints_get_comments_naming_their_variable_and_field(tmp_path):
    form = build_form(tmp_path / "mau.docx")
    plain = api.render(AN_KHE, form)
    data, explained = api.review_copy(load(AN_KHE), form)
    assert all_texts(open_docx(data)) == all_texts(open_docx(plain))  # no marker left, headers included
    comments = read_comments(data)
    line = yaml_line(AN_KHE, "recruitment.delivered")
    delivered = [c for c in comments if c.anchored == "51" and not c.text.startswith("Cảnh báo")]
    assert len(delivered) == 2  # the paragraph, and the tag Word split over three runs
    assert all(c.text.startswith("Biến “{{ r.recruitment.delivered | so }}” của mẫu Word. Số liệu: ")
               and f"nhập tại phuong-an-khe-2026.yaml:{line}." in c.text for c in delivered)
    rate = next(c for c in comments if c.anchored == "98,08%")
    assert "51 / 52 = 98,08%" in rate.text and "{{ d.recruitment_rate | phan_tram }}" in rate.text
    givers = [c for c in comments if "{{ a.giver }}" in c.text]  # the table loop: one row per award
    assert [c.anchored for c in givers] == [a.giver for a in load_report(AN_KHE).awards]
    assert [f"(awards[{n}].giver); nhập tại phuong-an-khe-2026.yaml:{yaml_line(AN_KHE, f'awards[{n}].giver')}."
            in c.text for n, c in enumerate(givers)] == [True] * len(givers)
    assert not any(c.anchored == "Tổng kết" for c in comments)  # a literal the office typed
    assert any(c.text.startswith("Cảnh báo W403") and c.anchored == "51" for c in comments)
    assert explained.summary.comments == len(comments)


def test_a_word_form_without_review_is_unchanged(tmp_path):
    from drafter.facts import build_facts
    from drafter.packs.wordform import render_form

    form = build_form(tmp_path / "mau.docx")
    assert api.render(AN_KHE, form) == render_form(form, build_facts(load_report(AN_KHE)))


def test_the_mark_filter_cannot_open_the_sandbox(tmp_path):
    form = build_form(tmp_path / "mau.docx", body=["{{ r.__class__ }}"])
    with pytest.raises(DrafterError) as error:
        api.render(AN_KHE, form, review=True)
    assert error.value.problems[0].code in ("E514", "E518")


def test_a_form_prints_nothing_for_a_missing_value_in_its_review_copy_too(tmp_path):
    assert load_report(AN_KHE).document.place is None
    form = build_form(tmp_path / "mau.docx", body=["Địa danh: [{{ r.document.place }}], giao {{ r.recruitment.delivered }}."])
    plain, data = api.render(AN_KHE, form), api.render(AN_KHE, form, review=True)
    assert "Địa danh: [], giao 51." in all_texts(open_docx(plain))
    assert all_texts(open_docx(data)) == all_texts(open_docx(plain))
    assert [c.anchored for c in read_comments(data) if "{{ r.re" in c.text or "{{ r.document.place" in c.text] == ["51"]


def test_output_a_form_captures_and_reworks_is_left_alone(tmp_path):
    body = ["{% set ten %}{{ unit.full }}{% endset %}Tên: {{ ten | upper }} ({{ ten | length }} ký tự).",
            "{% filter upper %}{{ r.recruitment.delivered }} công dân{% endfilter %}; giao {{ r.recruitment.delivered }}."]
    form = build_form(tmp_path / "mau.docx", body=body)
    plain, data = api.render(AN_KHE, form), api.render(AN_KHE, form, review=True)
    texts = all_texts(open_docx(data))
    assert texts == all_texts(open_docx(plain))
    assert "Tên: PHƯỜNG AN KHÊ (13 ký tự)." in texts
    assert not any(re.search("[\uf8f0-\uf8f2]", text) for text in texts)
    assert [c.paragraph for c in read_comments(data) if "{{ r.recruitment.delivered }}" in c.text] == \
        ["51 CÔNG DÂN; giao 51."]


def test_a_form_with_comments_of_its_own_keeps_them(tmp_path):
    import docx

    form = build_form(tmp_path / "mau.docx")
    document = docx.Document(str(form))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Đơn vị:"))
    document.add_comment(paragraph.runs, text="Văn thư: kiểm tra tên đơn vị", author="Văn thư", initials="VT")
    document.save(str(form))
    data = api.render(AN_KHE, form, review=True)
    comments = read_comments(data)
    ours = [c for c in comments if c.author == "drafter"]
    assert [c.text for c in comments if c.author == "Văn thư"] == ["Văn thư: kiểm tra tên đơn vị"]
    assert len(ours) == len(comments) - 1 > 5
    assert len({c.id for c in comments}) == len(comments)  # one part, no id twice
