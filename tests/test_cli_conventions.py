"""What a command line is expected to do: --quiet, --verbose, NO_COLOR, exit codes, shell
completion, python -m, UTF-8 on any console, paths with Vietnamese letters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from drafter.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
ANSI = "\x1b["


@pytest.fixture
def runner(monkeypatch):
    monkeypatch.setenv("DRAFTER_LANG", "vi")
    monkeypatch.delenv("NO_COLOR", raising=False)
    return CliRunner()


@pytest.fixture
def bad(tmp_path) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace("quota: 3350", "quota: -3"), encoding="utf-8")
    return path


def _run(*args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "DRAFTER_LANG": "vi", **(env or {})}
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, cwd=cwd, env=environment)


def test_colour_unless_no_color(runner, monkeypatch, bad):
    coloured = runner.invoke(cli, ["validate", str(bad)], color=True)
    assert coloured.exit_code == 1 and ANSI in coloured.output
    monkeypatch.setenv("NO_COLOR", "1")
    plain = runner.invoke(cli, ["validate", str(bad)], color=True)
    assert plain.exit_code == 1 and "E201" in plain.output
    assert ANSI not in plain.output
    plain = runner.invoke(cli, ["--help"], color=True)
    assert ANSI not in plain.output


def test_no_color_in_a_real_process(bad):
    result = _run("validate", str(bad), env={"NO_COLOR": "1"})
    assert result.returncode == 1
    assert b"E201" in result.stderr and b"\x1b[" not in result.stderr + result.stdout


def test_quiet_prints_only_errors(runner, tmp_path, bad):
    out = tmp_path / "a.docx"
    result = runner.invoke(cli, ["--quiet", "render", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0 and result.output == "" and out.exists()
    assert runner.invoke(cli, ["-q", "validate", str(SAMPLE)]).output == ""
    warned = ROOT / "samples" / "phuong-an-khe-2026.yaml"  # valid, with a warning (W403)
    assert "W403" in runner.invoke(cli, ["validate", str(warned)]).output
    assert runner.invoke(cli, ["-q", "validate", str(warned)]).output == ""
    result = runner.invoke(cli, ["-q", "validate", str(bad)])
    assert result.exit_code == 1 and "E201" in result.output
    result = runner.invoke(cli, ["-q", "render", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 1 and "E501" in result.output


def test_quiet_still_prints_a_document_asked_for_on_stdout(runner):
    result = runner.invoke(cli, ["-q", "render", str(SAMPLE), "--format", "txt"])
    assert result.exit_code == 0 and "BÁO CÁO" in result.output


def test_verbose_tells_the_template_and_the_time(runner, tmp_path):
    result = runner.invoke(cli, ["--verbose", "render", str(SAMPLE), "-o", str(tmp_path / "a.docx")])
    assert result.exit_code == 0, result.output
    assert f"Mẫu: bao-cao ({ROOT / 'templates' / 'bao-cao'})" in result.stderr
    assert "Tạo văn bản: " in result.stderr and " giây" in result.stderr
    assert "Đã ghi" in result.stdout and "giây" not in result.stdout  # details stay off stdout
    assert runner.invoke(cli, ["--lang", "en", "-v", "validate", str(SAMPLE)]).stderr.startswith("Checking: ")


def test_quiet_and_verbose_together_is_a_usage_error(runner):
    assert runner.invoke(cli, ["-q", "-v", "validate", str(SAMPLE)]).exit_code == 2


def test_exit_codes(runner, bad):
    assert runner.invoke(cli, ["validate", str(SAMPLE)]).exit_code == 0
    assert runner.invoke(cli, ["validate", str(bad)]).exit_code == 1
    assert runner.invoke(cli, ["validate"]).exit_code == 2
    assert runner.invoke(cli, ["--lang", "xx", "validate", str(SAMPLE)]).exit_code == 2


def test_vietnamese_letters_in_paths(runner, tmp_path):
    source_dir, result_dir = tmp_path / "Số liệu", tmp_path / "Kết quả"
    source_dir.mkdir()
    result_dir.mkdir()
    source = source_dir / "Gia Lai năm 2026.yaml"
    source.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = result_dir / "báo cáo.docx"
    result = runner.invoke(cli, ["render", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Đã ghi {out}." in result.output
    assert "3.350 công dân" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert [p.name for p in result_dir.iterdir()] == ["báo cáo.docx"]
    # and through a real process, relative paths, run from the folder above
    again = _run("render", "Số liệu/Gia Lai năm 2026.yaml", "-o", "Kết quả/báo cáo 2.docx", cwd=tmp_path)
    assert again.returncode == 0, again.stderr.decode("utf-8", "replace")
    assert (result_dir / "báo cáo 2.docx").is_file()


def test_utf8_output_on_a_legacy_console_encoding(tmp_path):
    # what a Windows console with code page 1252 would give Python; main() switches to UTF-8
    result = _run("validate", str(SAMPLE), env={"PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"})
    assert result.returncode == 0
    assert "hợp lệ" in result.stdout.decode("utf-8")


def test_python_dash_m_in_english():
    result = _run("--lang", "en", "--help")
    assert result.returncode == 0 and b"Usage: drafter" in result.stdout


def test_shell_completion_scripts_and_answers():
    bash = _run(env={"_DRAFTER_COMPLETE": "bash_source"})
    assert bash.returncode == 0 and b"_drafter_completion" in bash.stdout and b"complete " in bash.stdout
    zsh = _run(env={"_DRAFTER_COMPLETE": "zsh_source"})
    assert zsh.returncode == 0 and b"#compdef drafter" in zsh.stdout
    fish = _run(env={"_DRAFTER_COMPLETE": "fish_source"})
    assert fish.returncode == 0 and b"complete" in fish.stdout
    # the protocol the scripts (and the PowerShell snippet of the README) use: "type,value" lines
    commands = _run(env={"_DRAFTER_COMPLETE": "bash_complete", "COMP_WORDS": "drafter re", "COMP_CWORD": "1"})
    assert commands.stdout.decode().split() == ["plain,render"]
    options = _run(env={"_DRAFTER_COMPLETE": "bash_complete", "COMP_WORDS": "drafter render --pd",
                        "COMP_CWORD": "2"})
    assert options.stdout.decode().split() == ["plain,--pdf"]
    spans = _run(env={"_DRAFTER_COMPLETE": "bash_complete", "COMP_WORDS": "drafter init --span ",
                      "COMP_CWORD": "3"})
    assert spans.stdout.decode().split() == ["plain,year", "plain,half-year"]


def _imports(module_file: Path, modules: set[str]) -> set[str]:
    """drafter modules a file imports, at the top or inside a function."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(module_file.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found |= {name for name in names if name in modules}
    return found


def test_no_import_cycles_in_the_command_line_inputs_outputs_and_templates():
    """Deferred imports included. drafter.api and drafter.rollup, above all of these, are left out:
    the roll-up is being taken apart (it imports the API, which checks templates)."""
    package = ROOT / "drafter"
    files = {".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): path
             for path in package.rglob("*.py")}
    scope = {name for name in files if name.startswith(("drafter.cli", "drafter.i18n", "drafter.packs",
                                                         "drafter.inputs", "drafter.output", "drafter.errors"))}
    graph = {name: _imports(files[name], scope) - {name} for name in scope}
    cycles, state = [], {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for other in sorted(graph[name]):
            if state.get(other) == "open":
                cycles.append(path[path.index(other):] + [other] if other in path else [name, other])
            elif other not in state:
                visit(other, path + [other])
        state[name] = "done"

    for name in sorted(scope):
        if name not in state:
            visit(name, [name])
    # a module importing its own package's __init__ (drafter.packs.limits <- drafter.packs) is no cycle
    real = [cycle for cycle in cycles if not all(a.startswith(b + ".") or b.startswith(a + ".")
                                                   for a, b in zip(cycle, cycle[1:]))]
    assert not real, real
