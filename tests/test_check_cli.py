"""``drafter check``: renders a draft, runs every check on it, says what failed and exits 0, 1 or 2."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.forms import build_form

from drafter import api
from drafter.checks.run import run_checks
from drafter.checks.spelling import hunspell_available
from drafter.cli import cli
from drafter.document import Paragraph
from drafter.facts import build_facts
from drafter.inputs import load_report

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
HALF_YEAR = ROOT / "samples" / "phuong-hai-chau-2026-6-thang.yaml"

needs_hunspell = pytest.mark.skipif(
    not hunspell_available(),
    reason="hunspell with the vi_VN dictionary is not installed (apt-get install hunspell hunspell-vi); CI has it",
)


@pytest.fixture
def runner(monkeypatch):
    monkeypatch.setenv("DRAFTER_LANG", "vi")
    return CliRunner()


def _pack(tmp_path: Path, body: str, kind: str = "news") -> Path:
    """A hand-made Jinja pack, as an office would write one."""
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "manifest.yaml").write_text(f"name: mau\nkind: {kind}\n", encoding="utf-8")
    (folder / "body.j2").write_text(body, encoding="utf-8")
    return folder


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\S+", text))


@pytest.mark.parametrize("template", ["bao-cao", "tin-bai"])
@pytest.mark.parametrize("format", ["txt", "md", "docx"])
def test_a_clean_sample_passes(runner, template, format):
    result = runner.invoke(cli, ["check", str(SAMPLE), "-t", template, "-f", format])
    assert result.exit_code == 0, result.output
    assert f"{SAMPLE} [{template}, {format}]: đạt." in result.stdout


def test_every_file_is_checked_and_reported(runner):
    result = runner.invoke(cli, ["check", str(SAMPLE), str(HALF_YEAR), "--no-spelling"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count(": đạt.") == 2


def test_an_invented_figure_fails_and_is_named(runner, tmp_path):
    pack = _pack(tmp_path, "{{ unit.full }} tổ chức hội nghị tổng kết.\n\nTổ chức 999 cuộc diễn tập.\n")
    result = runner.invoke(cli, ["check", str(SAMPLE), "-t", str(pack)])
    assert result.exit_code == 1, result.output
    assert f"{SAMPLE} [{pack}, txt]: không đạt" in result.stdout
    unexplained = result.stdout.split("Số liệu không rõ nguồn:")[1].split("Số liệu bị thiếu:")[0]
    assert _tokens(unexplained) == {"999"}
    # the article's key figures that the pack leaves out are named too
    assert "recruitment.delivered: 3.350" in result.stdout


def test_the_same_pack_without_the_figure_only_misses_key_figures(runner, tmp_path):
    pack = _pack(tmp_path, "{{ unit.full }} tổ chức hội nghị tổng kết.\n")
    result = runner.invoke(cli, ["check", str(SAMPLE), "-t", str(pack)])
    assert result.exit_code == 1
    assert "Số liệu không rõ nguồn:" not in result.stdout and "Số liệu bị thiếu:" in result.stdout


def test_a_hygiene_fault_fails(runner, tmp_path):
    # what a template pasted from a leaky draft carries
    pack = _pack(tmp_path, "{{ unit.full }} tổ chức hội nghị tổng kết, kết quả: None.\n", kind="decree30")
    result = runner.invoke(cli, ["check", str(SAMPLE), "-t", str(pack), "--no-spelling"])
    assert result.exit_code == 1
    assert "Trình bày:" in result.stdout and "residue: “kết, kết quả: None.”" in result.stdout


@needs_hunspell
def test_spelling_fails_unless_allowed_or_skipped(runner, tmp_path):
    pack = _pack(tmp_path, "{{ unit.full }} tổ chức hội nghị quoc phòng.\n", kind="decree30")
    failed = runner.invoke(cli, ["check", str(SAMPLE), "-t", str(pack)])
    assert failed.exit_code == 1 and "Chính tả:" in failed.stdout and "spelling: “quoc”" in failed.stdout
    words = tmp_path / "tu-rieng.txt"
    words.write_text("# từ riêng của cơ quan\nquoc\n", encoding="utf-8")
    allowed = runner.invoke(cli, ["check", str(SAMPLE), "-t", str(pack), "--allow", str(words)])
    assert "Chính tả:" not in allowed.stdout and "quoc" not in allowed.stdout
    skipped = runner.invoke(cli, ["check", str(SAMPLE), "-t", str(pack), "--no-spelling"])
    assert "Chính tả:" not in skipped.stdout


def test_a_word_form_is_checked_as_docx(runner, tmp_path):
    form = build_form(tmp_path / "mau.docx")
    result = runner.invoke(cli, ["check", str(SAMPLE), "-t", str(form), "--no-spelling"])
    assert f"[{form}, docx]" in result.stdout
    assert result.exit_code == 0, result.output


def test_bad_input_and_wrong_usage(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SAMPLE.read_text(encoding="utf-8").replace("quota: 3350", "quota: -3"), encoding="utf-8")
    result = runner.invoke(cli, ["check", str(bad), str(SAMPLE), "--no-spelling"])
    assert result.exit_code == 1
    assert "E201" in result.stderr and f"{bad}: không kiểm tra được." in result.stderr
    assert f"{SAMPLE} [bao-cao, txt]: đạt." in result.stdout  # the other file is still checked
    assert runner.invoke(cli, ["check", str(SAMPLE), "-t", "khong-co"]).exit_code == 1
    assert runner.invoke(cli, ["check"]).exit_code == 2
    assert runner.invoke(cli, ["check", str(SAMPLE), "-f", "pdf"]).exit_code == 2
    assert runner.invoke(cli, ["check", str(SAMPLE), "--allow", str(tmp_path / "khong-co.txt")]).exit_code == 2


def test_english_headings(runner, tmp_path):
    pack = _pack(tmp_path, "{{ unit.full }} tổ chức hội nghị tổng kết.\n\nTổ chức 999 cuộc diễn tập.\n")
    result = runner.invoke(cli, ["--lang", "en", "check", str(SAMPLE), "-t", str(pack), "--no-spelling"])
    assert result.exit_code == 1
    assert f"[{pack}, txt]: failed, " in result.stdout and "Figures with no source in the input:" in result.stdout
    assert "đạt" not in result.stdout


# ------------------------------------------------------------------- library


def test_the_api_checks_sentences_of_phrase_bank_packs_only(tmp_path):
    assert api.check(SAMPLE, "bao-cao", spelling=False).sentences == ()
    pack = _pack(tmp_path, "{{ unit.full }} tổ chức hội nghị tổng kết.\n")
    assert api.check(SAMPLE, pack, spelling=False).sentences is None
    assert api.check(SAMPLE, build_form(tmp_path / "mau.docx"), spelling=False).sentences is None


def test_a_sentence_without_a_source_and_a_users_item_left_out_are_found():
    report = load_report(SAMPLE)
    draft = api.draft(report, "bao-cao")
    blocks = list(draft.blocks)
    index = next(i for i, b in enumerate(blocks) if isinstance(b, Paragraph)
                 and any(not s.frame and s.all_sources() for s in b.sentences))
    paragraph = blocks[index]
    stated = next(n for n, s in enumerate(paragraph.sentences) if not s.frame and s.all_sources())
    sentences = list(paragraph.sentences)
    sentences[stated] = dataclasses.replace(sentences[stated], sources=(), spans=tuple(
        dataclasses.replace(span, source=None) for span in sentences[stated].spans))
    blocks[index] = dataclasses.replace(paragraph, sentences=tuple(sentences))
    proposal = next(i for i, b in enumerate(blocks) if isinstance(b, Paragraph)
                    and any(src.path.startswith("proposals[") for s in b.sentences for src in s.all_sources()))
    del blocks[proposal]
    broken = dataclasses.replace(draft, blocks=tuple(blocks))
    result = run_checks(api.lay_out(draft, "txt"), build_facts(report), "bao-cao", "txt", broken, "decree30",
                        spelling=False)
    assert any(problem.startswith("câu không có nguồn: ") for problem in result.sentences), result.sentences
    assert any(problem.startswith("thiếu ý của người dùng ở mục proposals: proposals[0]")
               for problem in result.sentences), result.sentences
    assert not result.ok
    clean = run_checks(api.lay_out(draft, "txt"), build_facts(report), "bao-cao", "txt", draft, "decree30",
                       spelling=False)
    assert clean.ok and clean.sentences == ()
