"""Hostile templates: known server-side template injection payloads, in a pack and in a Word form.

Each one must be refused before it runs, with a Vietnamese message and exit 1,
and must not run even when the check is bypassed (the sandbox stops it). A
canary file shows that no command ever ran. Data that looks like markup or
like a tag comes out as plain text.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from drafter import api
from drafter.cli import cli
from drafter.errors import DrafterError
from drafter.facts import build_facts
from drafter.inputs import load_report
from drafter.packs import TemplatePackError
from drafter.packs.manifest import load_pack
from drafter.packs.jinja import render_pack
from drafter.packs.wordform import render_form
from support.forms import build_form

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
CANARY = "CANARY"  # replaced by a path in the test's own folder

PAYLOADS = {
    "mro-subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "cycler-popen": "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "cycler-system": "{{ cycler.__init__.__globals__.os.system('touch CANARY') }}",
    "template-reference": "{{ self._TemplateReference__context }}",
    "flask-config": "{{ config.items() }}",
    "lipsum-os": "{{ lipsum.__globals__['os'] }}",
    "lipsum-system": "{{ lipsum.__globals__['os'].system('touch CANARY') }}",
    "request-globals": "{{ request.application.__globals__ }}",
    "tuple-subclasses": "{{ ().__class__.__base__.__subclasses__() }}",
    "loop-subclasses": "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
    "namespace-globals": "{{ namespace.__init__.__globals__ }}",
    "builtins-open": "{{ __builtins__.open('/etc/passwd').read() }}",
    "globals-builtins-open": "{{ lipsum.__globals__.__builtins__.open('/etc/passwd').read() }}",
    "self-import": "{{ self.__init__.__globals__.__builtins__.__import__('os').system('touch CANARY') }}",
    "joiner-set": "{% set x = joiner.__init__.__globals__.os.system('touch CANARY') %}{{ x }}",
    "format-string": '{{ "{0.__class__}".format(r) }}',
    "format-globals": '{{ "{0.__init__.__globals__}".format(cycler) }}',
    "getitem-dunder": "{{ r['__class__']['__mro__'] }}",
}
LEAKS = ("uid=", "root:", "<class", "subclasses", "__globals__", "module 'os'")


@pytest.fixture
def canary(tmp_path):
    path = tmp_path / "canary-xyz"
    yield path
    assert not path.exists(), "a template ran a shell command"


def _payload(name: str, canary: Path) -> str:
    return PAYLOADS[name].replace(CANARY, str(canary))


def _user_pack(folder: Path, body: str) -> Path:
    folder.mkdir()
    (folder / "manifest.yaml").write_text("name: doc\nkind: decree30\n", encoding="utf-8")
    (folder / "body.j2").write_text("@summary: Báo cáo\n# Kết quả\n" + body + "\n", encoding="utf-8")
    return folder


def _refused(result, out: Path) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "Lỗi nội bộ" not in result.output
    assert " lỗi E5" in result.output and "Sửa:" in result.output  # a located Vietnamese message
    assert not out.exists()
    for leak in LEAKS[:2]:
        assert leak not in result.output


@pytest.mark.parametrize("name", PAYLOADS)
def test_payload_in_a_pack_is_refused(tmp_path, canary, name):
    folder = _user_pack(tmp_path / "mau", _payload(name, canary))
    out = tmp_path / "ra.docx"
    runner = CliRunner()
    _refused(runner.invoke(cli, ["render", str(SAMPLE), "--template", str(folder), "-o", str(out)]), out)
    check = runner.invoke(cli, ["templates", "check", str(folder)])
    assert check.exit_code == 1 and "lỗi E51" in check.output


@pytest.mark.parametrize("name", PAYLOADS)
def test_payload_in_a_word_form_is_refused(tmp_path, canary, name):
    form = build_form(tmp_path / "mau.docx", body=["Đơn vị {{ unit.full }}", _payload(name, canary)])
    out = tmp_path / "ra.docx"
    runner = CliRunner()
    _refused(runner.invoke(cli, ["render", str(SAMPLE), "--template", str(form), "-o", str(out)]), out)
    check = runner.invoke(cli, ["templates", "check", str(form)])
    assert check.exit_code == 1 and "[đoạn 2:" in check.output


@pytest.mark.parametrize("name", PAYLOADS)
def test_the_sandbox_stops_a_payload_even_without_the_check(tmp_path, canary, name):
    facts = build_facts(load_report(SAMPLE))
    folder = _user_pack(tmp_path / "mau", _payload(name, canary))
    try:
        text = " ".join(block.text for block in render_pack(load_pack(folder), facts).blocks if hasattr(block, "text"))
    except (TemplatePackError, DrafterError):
        text = ""
    assert not any(leak in text for leak in LEAKS), text
    form = build_form(tmp_path / "mau.docx", body=[_payload(name, canary)])
    try:
        data = render_form(form, facts)
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    except DrafterError as error:
        assert error.problems[0].code in ("E518", "E519")
        text = ""
    assert not any(leak in text for leak in LEAKS), text


def test_a_template_cannot_exhaust_memory(tmp_path):
    folder = _user_pack(tmp_path / "mau", '{{ "a" * 1000000000 }}')
    with pytest.raises(DrafterError) as error:
        api.render(SAMPLE, template=folder, format="txt")
    (problem,) = error.value.problems
    assert (problem.code, Path(problem.file).name, problem.line) == ("E544", "body.j2", 3)


TRICKY = "Ghi <b>đậm</b> & {{ 7 * 7 }} {% if x %} 'y' 5\" cao"


def _tricky_report():
    report = load_report(SAMPLE)
    recruitment = report.recruitment.model_copy(update={"notes": [TRICKY]})
    return report.model_copy(update={"recruitment": recruitment})


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_data_that_looks_like_markup_stays_text_in_a_pack_docx():
    fmt = "docx" if (ROOT / "drafter" / "layout" / "decree30.py").is_file() else "txt"
    data = api.render(_tricky_report(), template="bao-cao", format=fmt)
    text = _docx_text(data) if fmt == "docx" else data
    assert TRICKY in text


def test_data_that_looks_like_markup_stays_text_in_a_word_form(tmp_path):
    form = build_form(tmp_path / "mau.docx", body=["{{ r.recruitment.notes | first }}"])
    assert _docx_text(api.render(_tricky_report(), template=form)).splitlines()[0] == TRICKY
