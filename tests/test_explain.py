"""``drafter explain``: the draft sentence by sentence with its sources, as text and as JSON (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.comments import read_comments, yaml_line
from support.forms import build_form

from drafter import api, i18n
from drafter.api import write_workbook
from drafter.cli import cli
from drafter.document import Paragraph
from drafter.inputs import load, load_report

ROOT = Path(__file__).resolve().parent.parent
GIA_LAI = ROOT / "samples" / "gia-lai-2026.yaml"
AN_KHE = ROOT / "samples" / "phuong-an-khe-2026.yaml"


@pytest.fixture
def runner(monkeypatch):
    for name in ("DRAFTER_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    yield CliRunner()
    i18n.set_language(None)


def _json(runner, *args) -> dict:
    result = runner.invoke(cli, ["explain", *map(str, args), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_every_sentence_in_order_with_its_sources_and_lines(runner):
    result = runner.invoke(cli, ["explain", str(GIA_LAI)])
    assert result.exit_code == 0, result.output
    draft = api.draft(GIA_LAI, "bao-cao")
    sentences = [s for b in draft.blocks if isinstance(b, Paragraph) for s in b.sentences]
    at = -1
    for sentence in sentences:  # each sentence, in the draft's order
        found = result.stdout.find(f"] {sentence.text}", at + 1)
        assert found > at, sentence.text
        at = found
    line = yaml_line(GIA_LAI, "recruitment.delivered")
    assert (f"[số liệu] “3.350” recruitment.delivered = 3350 (Tuyển quân - Số giao quân) — "
            f"{GIA_LAI}:{line}") in result.stdout
    assert "[tự tính] “100%” recruitment_rate: Tỷ lệ giao quân đạt chỉ tiêu (%) = 3.350 / 3.350 = 100%" in result.stdout
    frames = [s.text for s in sentences if s.frame]
    assert frames and all(f"{text} (câu văn mẫu: xác nhận lại)" in result.stdout for text in frames)
    assert "1. Công tác lãnh đạo, chỉ đạo" in result.stdout  # headings orient the reader
    assert "Cần đối chiếu: 42 số liệu" in result.stdout


def test_json_for_tools_matches_the_review_copy(runner):
    data = _json(runner, AN_KHE, "-t", "tin-bai")
    assert data["template"] == "tin-bai" and len(data["documents"]) == 1
    document = data["documents"][0]
    comments = read_comments(api.render(AN_KHE, "tin-bai", review=True))
    assert document["summary"]["comments"] == len(comments)
    sources = [source for sentence in document["sentences"] for source in sentence["sources"]]
    delivered = next(s for s in sources if s["path"] == "recruitment.delivered")
    assert delivered == {**delivered, "kind": "figure", "value": "51", "text": "51", "title": "Tuyển quân - Số giao quân",
                         "place": f"{AN_KHE}:{yaml_line(AN_KHE, 'recruitment.delivered')}"}
    rate = next(s for s in sources if s["path"] == "recruitment_rate")
    assert rate["kind"] == "derived" and rate["computation"] == " = 51 / 52 = 98,08%"
    assert [i["path"] for i in rate["inputs"]] == ["recruitment.delivered", "recruitment.quota"]
    warned = [s for s in document["sentences"] if s["warnings"]]
    assert len(warned) == 1 and warned[0]["warnings"][0]["code"] == "W403" and "51/52" in warned[0]["text"]
    assert any(s["frame"] and s["kind"] == "title" for s in document["sentences"])


def test_a_unit_named_by_its_level_word_points_to_its_kind(runner):
    # "phường" after "UBND phường An Khê" said only the kind; its comment named the unit's name field
    document = _json(runner, AN_KHE, "-t", "tin-bai")["documents"][0]
    sources = [source for sentence in document["sentences"] for source in sentence["sources"]]
    assert any(s["text"] == "UBND phường An Khê" for s in sources)  # the lead names the unit
    named = {s["text"]: s["path"] for s in sources if s["path"].startswith("unit.")}
    assert {path for text, path in named.items() if text.casefold() == "phường"} == {"unit.kind"}, named


def test_the_library_gives_the_same(runner):
    explained = api.explain(load(GIA_LAI), "bao-cao")
    assert explained.as_json() == _json(runner, GIA_LAI)["documents"][0]
    bare = api.explain(load_report(GIA_LAI), "bao-cao")  # a report without its file: fields, no places
    assert bare.summary == explained.summary
    assert all(note.place == "" for line in bare.lines for _, note in line.sources)


def test_a_workbook_row_by_row_with_its_cells(runner, tmp_path):
    book = tmp_path / "so-lieu-2026.xlsx"
    write_workbook(book, [load_report(GIA_LAI), load_report(AN_KHE)])
    data = _json(runner, book)
    assert [d["source"] for d in data["documents"]] == [f"{book}!Số liệu!4:4", f"{book}!Số liệu!5:5"]
    data = _json(runner, book, "--row", "5")
    sources = [s for sentence in data["documents"][0]["sentences"] for s in sentence["sources"]]
    place = next(s["place"] for s in sources if s["path"] == "recruitment.delivered")
    assert place.startswith(f"{book}!Số liệu!") and place.endswith("5")
    result = runner.invoke(cli, ["explain", str(book), "--row", "9"])
    assert result.exit_code == 1 and "E801" in result.output and "4, 5" in result.output
    result = runner.invoke(cli, ["explain", str(GIA_LAI), "--row", "4"])
    assert result.exit_code == 2


def test_a_word_form_prints_with_their_variables(runner, tmp_path):
    form = build_form(tmp_path / "mau.docx")
    result = runner.invoke(cli, ["explain", str(AN_KHE), "-t", str(form)])
    assert result.exit_code == 0, result.output
    line = yaml_line(AN_KHE, "recruitment.delivered")
    assert (f"[số liệu] {{{{ r.recruitment.delivered | so }}}} “51” recruitment.delivered = 51 "
            f"(Tuyển quân - Số giao quân) — {AN_KHE}:{line}") in result.stdout
    assert "[biến mẫu] {{ unit.full }} “phường An Khê”" in result.stdout


def test_bad_input_is_reported_with_its_place(runner, tmp_path):
    bad = tmp_path / "a.yaml"
    bad.write_text(GIA_LAI.read_text(encoding="utf-8").replace("quota: 3350", "quota: -3"), encoding="utf-8")
    result = runner.invoke(cli, ["explain", str(bad)])
    assert result.exit_code == 1 and "E201" in result.output and "Traceback" not in result.output


def test_in_english_the_labels_change_not_the_draft(runner):
    result = runner.invoke(cli, ["--lang", "en", "explain", str(GIA_LAI)])
    assert result.exit_code == 0
    assert "[figure] “3.350” recruitment.delivered = 3350" in result.stdout
    assert "To check: 42 figures" in result.stdout and "(standard wording: confirm it)" in result.stdout
    assert "Cần đối chiếu" not in result.stdout


def test_a_bad_workbook_row_is_reported_and_the_others_explained(runner, tmp_path):
    import openpyxl

    book = tmp_path / "so-lieu-2026.xlsx"
    write_workbook(book, [load_report(GIA_LAI), load_report(AN_KHE)])
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["Số liệu"]
    column = next(cell.column_letter for cell in sheet[2] if cell.value == "recruitment.quota")
    sheet[f"{column}4"] = -3
    workbook.save(book)
    result = runner.invoke(cli, ["explain", str(book), "--format", "json"])
    assert result.exit_code == 1
    assert f"so-lieu-2026.xlsx!Số liệu!{column}4" in result.stderr and "E201" in result.stderr
    assert [d["source"] for d in json.loads(result.stdout)["documents"]] == [f"{book}!Số liệu!5:5"]
