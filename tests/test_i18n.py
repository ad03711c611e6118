"""The command line in Vietnamese (default) and English (--lang en, DRAFTER_LANG, the locale)."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter import i18n
from drafter.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
LOCALE_VARIABLES = ("DRAFTER_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def runner(monkeypatch):
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    yield CliRunner()
    i18n.set_language(None)


def test_vietnamese_by_default_including_clicks_own_words(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for text in ("Cách dùng:", "Tùy chọn:", "Lệnh:", "In hướng dẫn này rồi thoát.", "In số phiên bản rồi thoát."):
        assert text in result.output
    for text in ("Usage:", "Options:", "Show this message and exit."):
        assert text not in result.output
    result = runner.invoke(cli, ["render", "--help"])
    assert "Cách dùng: " in result.output and "render [OPTIONS] FILE" in result.output
    assert "[mặc định: bao-cao]" in result.output


def test_lang_en_gives_english_help(runner):
    result = runner.invoke(cli, ["--lang", "en", "--help"])
    assert result.exit_code == 0
    for text in ("Usage:", "Options:", "Commands:", "Show this message and exit.", "Print errors only.",
                 "Check input files and list every problem."):
        assert text in result.output
    assert "Kiểm tra tệp số liệu" not in result.output
    result = runner.invoke(cli, ["--lang", "en", "render", "--help"])
    assert "Draft from FILE." in result.output and "Also write a PDF" in result.output
    assert "[default: bao-cao]" in result.output


def test_english_error_messages_with_location_and_fix(runner, tmp_path):
    bad = tmp_path / "a.yaml"
    text = SAMPLE.read_text(encoding="utf-8").replace("quota: 3350", "quota: -3").replace("population:", "populaton:")
    bad.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["--lang", "en", "validate", str(bad)])
    assert result.exit_code == 1
    assert "error E201 [recruitment.quota]: the number must not be negative (found: -3). " \
           "Fix: type a number from 0 up." in result.output
    assert "error E206 [unit.populaton]: the field “populaton” is not in the model; did you mean “population”?" \
           in result.output
    assert f"{bad}: 2 error(s)." in result.output
    assert "lỗi" not in result.output and "Sửa:" not in result.output


def test_english_usage_errors_and_exit_codes(runner, tmp_path):
    result = runner.invoke(cli, ["--lang", "en", "render"])
    assert result.exit_code == 2 and "Missing argument 'FILE'" in result.output
    out = tmp_path / "a.docx"
    out.write_bytes(b"old")
    result = runner.invoke(cli, ["--lang", "en", "render", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 1
    assert "error E501: the file" in result.output and "add --force to overwrite" in result.output


def test_the_document_stays_vietnamese(runner):
    result = runner.invoke(cli, ["--lang", "en", "render", str(SAMPLE), "--format", "txt"])
    assert result.exit_code == 0
    assert "BÁO CÁO" in result.output and "48.215" in result.output


@pytest.mark.parametrize("environment, expected", [
    ({"DRAFTER_LANG": "en"}, "en"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"),
    ({"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, "vi"),
    ({"DRAFTER_LANG": "vi", "LC_ALL": "en_US.UTF-8"}, "vi"),
    ({"LANG": "C.UTF-8"}, "vi"),
    ({"LANG": "fr_FR.UTF-8"}, "vi"),
    ({}, "vi"),
])
def test_language_from_the_environment(runner, monkeypatch, environment, expected):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    result = runner.invoke(cli, ["--help"])
    assert ("Usage:" in result.output) == (expected == "en"), result.output
    assert ("Cách dùng:" in result.output) == (expected == "vi")


def test_lang_option_wins_over_the_environment_and_nothing_leaks_between_runs(runner, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert "Cách dùng:" in runner.invoke(cli, ["--lang", "vi", "--help"]).output
    assert "Usage:" in runner.invoke(cli, ["--help"]).output
    monkeypatch.delenv("LANG")
    assert "Usage:" in runner.invoke(cli, ["--lang", "en", "validate", "--help"]).output
    after = runner.invoke(cli, ["validate", "--help"]).output
    assert "Cách dùng:" in after and "Kiểm tra FILES" in after


def test_every_string_has_an_english_translation_with_the_same_placeholders():
    """The catalogue is complete: run the extraction of README "Languages" and compare."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "drafter" / "locale" / "babel.cfg").open(encoding="utf-8") as stream:
        method_map, options_map = parse_mapping_cfg(stream)
    msgids = {message for _file, _line, message, _comments, _context in
              extract_from_dir(str(ROOT), method_map, options_map, keywords={"_": None, "N_": None})}
    english = i18n.catalogue("en", "drafter")
    missing = sorted(m for m in msgids if m not in english)
    assert not missing, ("untranslated (see README, “Languages (i18n)”): " + repr(missing[:5]))
    for msgid in msgids:
        assert _fields(msgid) == _fields(english[msgid]), msgid


def test_clicks_vietnamese_catalogue_keeps_placeholders():
    catalogue = i18n.catalogue("vi", "click")
    assert catalogue["Usage:"] == "Cách dùng:"
    for msgid, text in catalogue.items():
        texts = text if isinstance(text, tuple) else (text,)
        for one in texts:
            assert _fields(one) <= _fields(msgid) | {"len", "possibilities", "choices", "formats", "nargs"}, msgid


def test_problem_rendering_follows_the_language():
    from drafter.errors import Problem

    problem = Problem("E308", "a.yaml", 3, 9, "unit.name", found="xã Ia Grau",
                      extra={"suggestion": "; có phải ý bạn là “Ia Grai”?"})
    i18n.set_language("en")
    try:
        assert i18n.render_problem(problem) == (
            "a.yaml:3:9: error E308 [unit.name]: there is no unit “xã Ia Grau” on the administrative map in force "
            "since 1 July 2025; did you mean “Ia Grai”? Fix: use a name of the current administrative map "
            "(34 provinces, 3,321 communes, wards and special zones).")
    finally:
        i18n.set_language(None)
    i18n.set_language("vi")
    try:
        assert i18n.render_problem(problem) == problem.render()
    finally:
        i18n.set_language(None)


def _fields(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name}


@pytest.mark.parametrize(("samples", "period"), [
    (["bac-ninh-2026.yaml", "gia-lai-2026.yaml"], ("year 2026", "năm 2026")),
    (["gia-lai-2026-6-thang.yaml", "phuong-hai-chau-2026-6-thang.yaml"], ("first half of 2026", "6 tháng đầu năm 2026")),
])
def test_a_rollups_own_warning_and_summary_are_all_in_the_users_language(runner, tmp_path, samples, period):
    # without --config the roll-up leaves its agency, place and signer blank (W538)
    files = [str(ROOT / "samples" / name) for name in samples]
    english = runner.invoke(cli, ["--lang", "en", "rollup", *files, "-o", str(tmp_path / "en.md")])
    assert english.exit_code == 0, english.output
    assert "roll-up report: warning W538: the roll-up report does not know its issuing agency, place name, " \
           "signer's position, and signer;" in english.output
    assert f"(2 units, {period[0]})." in english.output
    for vietnamese in ("báo cáo tổng hợp", "cơ quan ban hành", "người ký", period[1]):
        assert vietnamese not in english.output
    own = runner.invoke(cli, ["rollup", *files, "-o", str(tmp_path / "vi.md")])
    assert "báo cáo tổng hợp: cảnh báo W538: chưa xác định được cơ quan ban hành, địa danh, chức vụ người ký " \
           "và người ký của báo cáo tổng hợp;" in own.output
    assert f"(2 đơn vị, {period[1]})." in own.output
