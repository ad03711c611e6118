"""The command line, driven through Click's CliRunner and checked on what it writes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from drafter.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"


@pytest.fixture
def runner():
    return CliRunner()


def test_help_is_vietnamese_and_lists_commands(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Soạn bản thảo báo cáo" in result.output
    for name in ("validate", "render", "schema"):
        assert name in result.output


def test_version(runner):
    from drafter import __version__

    result = runner.invoke(cli, ["--version"])
    assert result.output.strip() == f"drafter {__version__}"


def test_validate_valid_sample(runner):
    result = runner.invoke(cli, ["validate", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "hợp lệ" in result.output


def test_validate_reports_every_problem_of_every_file_with_exit_1(runner, tmp_path):
    bad1 = tmp_path / "a.yaml"
    bad1.write_text(SAMPLE.read_text(encoding="utf-8").replace("quota: 3350", "quota: -3"), encoding="utf-8")
    bad2 = tmp_path / "b.yaml"
    bad2.write_text("unit: [x\n", encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(bad1), str(SAMPLE), str(bad2)])
    assert result.exit_code == 1
    assert f"{bad1}:" in result.output and "E201" in result.output
    assert f"{bad2}:2:1: lỗi E103" in result.output
    assert f"{SAMPLE}: hợp lệ" in result.output
    assert "Traceback" not in result.output


def test_wrong_usage_exits_2(runner):
    assert runner.invoke(cli, ["render"]).exit_code == 2
    assert runner.invoke(cli, ["render", str(SAMPLE), "--format", "pdfx"]).exit_code == 2
    assert runner.invoke(cli, ["nonsense"]).exit_code == 2


def test_render_writes_a_docx_with_the_reports_figures(runner, tmp_path):
    out = tmp_path / "bao-cao.docx"
    result = runner.invoke(cli, ["render", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Tổng kết công tác quốc phòng, quân sự địa phương năm 2026; phương hướng, nhiệm vụ năm 2027" in text
    assert "3.350 công dân" in text


def test_render_refuses_to_overwrite_without_force(runner, tmp_path):
    out = tmp_path / "bao-cao.docx"
    out.write_bytes(b"old")
    result = runner.invoke(cli, ["render", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 1
    assert "E501" in result.output and "--force" in result.output
    assert out.read_bytes() == b"old"
    assert runner.invoke(cli, ["render", str(SAMPLE), "-o", str(out), "--force"]).exit_code == 0
    assert out.read_bytes().startswith(b"PK")


def test_render_text_to_stdout(runner):
    result = runner.invoke(cli, ["render", str(SAMPLE), "--format", "txt"])
    assert result.exit_code == 0, result.output
    assert "BÁO CÁO" in result.output and "48.215" in result.output


def test_render_bad_input_writes_nothing(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SAMPLE.read_text(encoding="utf-8").replace("year: 2026", "year: hai"), encoding="utf-8")
    out = tmp_path / "x.docx"
    result = runner.invoke(cli, ["render", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "lỗi E202 [period.year]" in result.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]


def test_render_into_missing_folder_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(cli, ["render", str(SAMPLE), "-o", str(tmp_path / "khong-co" / "a.docx")])
    assert result.exit_code == 1
    assert "E502" in result.output and "thư mục không tồn tại" in result.output


def test_unknown_template_lists_the_builtin_ones(runner, tmp_path):
    result = runner.invoke(cli, ["render", str(SAMPLE), "-t", "khong-co", "-o", str(tmp_path / "a.docx")])
    assert result.exit_code == 1
    assert "E503" in result.output and "bao-cao" in result.output


def test_schema_matches_the_committed_file(runner):
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["properties"]["unit"]["title"] == "Đơn vị"
    committed = (ROOT / "schema" / "report.schema.json").read_text(encoding="utf-8")
    assert result.output == committed, "schema/report.schema.json is stale: run `drafter schema > schema/report.schema.json`"


def test_python_dash_m_and_fast_help():
    result = subprocess.run([sys.executable, "-m", "drafter", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    probe = "import sys, drafter.cli; print(sorted(m for m in ('docx', 'jinja2', 'pydantic') if m in sys.modules))"
    imported = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert imported.stdout.strip() == "[]", "the CLI entry point must not import heavy modules"


# ------------------------------------------------------------------ what the operating system says no to
# Standard output closed or full, a prompt without input or with bytes that are not text: each has
# its own code and a Vietnamese message, exit 1, never a traceback (issue 11).


def _shell(command: str, tmp_path: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "DRAFTER_LANG": "vi"}
    env.pop("DRAFTER_DEBUG", None)
    done = subprocess.run(["sh", "-c", command.replace("DRAFTER", f"{sys.executable} -m drafter")], cwd=tmp_path,
                          env=env, input=stdin, capture_output=True, timeout=60)
    text = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in text and "Lỗi nội bộ" not in text, text
    return done


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(("redirect", "detail"), [(">&-", "đầu ra chuẩn đã đóng"), ("> /dev/full", "ổ đĩa đã đầy")])
def test_a_document_with_nowhere_to_go_is_e610(tmp_path, redirect, detail):
    done = _shell(f"DRAFTER render {SAMPLE} --format txt {redirect}", tmp_path)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 1, stderr
    assert re.search(rf"^stdout: lỗi E610: .*{detail}.*Sửa: ", stderr, re.M), stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("option", ["--help", "--version"])
def test_the_groups_own_help_with_nowhere_to_go_is_e610(tmp_path, option):
    # click prints them while it reads the options, before any command's guard: a traceback
    done = _shell(f"DRAFTER {option} > /dev/full", tmp_path)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 1, stderr
    assert re.search(r"^stdout: lỗi E610: .*ổ đĩa đã đầy", stderr, re.M), stderr


def test_a_reader_that_goes_away_is_e610(tmp_path):
    # "true" has exited long before drafter, which takes most of a second to start, writes a byte
    done = _shell(f"DRAFTER render {SAMPLE} --format txt | true; exit 0", tmp_path)
    stderr = done.stderr.decode("utf-8")
    assert re.search(r"^stdout: lỗi E610: .*nơi nhận đã đóng", stderr, re.M), stderr


@pytest.mark.parametrize(("stdin", "code"), [(b"", "E611"), (b"\xff\xfe\n", "E612"), (None, "E611")])
def test_a_prompt_without_an_answer_is_said_plainly(tmp_path, stdin, code):
    command = "DRAFTER init -i -o so-lieu.yaml" + (" <&-" if stdin is None else "")
    done = _shell(command, tmp_path, stdin if stdin is not None else b"")
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 1, stderr
    assert re.search(rf"^stdin: lỗi {code}: .*Sửa: ", stderr, re.M), stderr
    assert not (tmp_path / "so-lieu.yaml").exists()


def test_a_name_too_long_is_e608(runner, tmp_path):
    out = tmp_path / ("ư" * 200 + ".docx")
    result = runner.invoke(cli, ["render", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 1 and "E608" in result.output and "quá dài" in result.output
    assert list(tmp_path.iterdir()) == []


def test_no_permission_to_write_is_e613(runner, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("permissions do not stop root")
    folder = tmp_path / "khoa"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = runner.invoke(cli, ["render", str(SAMPLE), "-o", str(folder / "a.docx")])
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 1 and "E613" in result.output


@pytest.mark.parametrize("option", ["--signer", "--place", "--recipient"])
def test_rollup_options_refuse_control_and_direction_characters(runner, tmp_path, option):
    for text, code in (("Gia\x1b[31mLai", "E216"), ("Phạm \u202eHiếu", "E123")):
        result = runner.invoke(cli, ["rollup", str(SAMPLE), option, text, "--format", "md"])
        assert result.exit_code == 1 and f"{option}: lỗi {code}" in result.output, result.output
        assert "\x1b" not in result.output
