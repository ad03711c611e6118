"""Template packs: list, export, edit, check, and render from a user's folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter import api
from drafter.cli import cli
from drafter.packs.catalog import _referenced, check, check_pack
from drafter.packs.manifest import builtin_names, load_pack, templates_root
from drafter.packs.sandbox import make_environment

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
HAS_DOCX_WRITER = (ROOT / "drafter" / "layout" / "decree30.py").is_file()
SENTENCE = "Quản lý {area} ha đất quốc phòng."


@pytest.fixture
def runner():
    return CliRunner()


def _pack(tmp_path: Path, body: str, name: str = "mau") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "manifest.yaml").write_text(f"name: {name}\nkind: decree30\n", encoding="utf-8")
    (folder / "body.j2").write_text(body, encoding="utf-8")
    return folder


def test_list_shows_every_builtin_pack_with_its_details(runner):
    result = runner.invoke(cli, ["templates", "list"])
    assert result.exit_code == 0, result.output
    for name in builtin_names():
        pack = load_pack(name)
        assert f"{name} (" in result.output
        assert pack.title in result.output and pack.description in result.output
    assert "văn bản hành chính, Nghị định 30" in result.output
    assert "Kỳ báo cáo: cả năm, 6 tháng đầu năm" in result.output


def test_export_of_a_phrase_bank_is_self_contained(runner, tmp_path):
    target = tmp_path / "mau-cua-toi"
    result = runner.invoke(cli, ["templates", "export", "bao-cao", str(target)])
    assert result.exit_code == 0, result.output
    assert {p.name for p in target.iterdir()} == {"manifest.yaml", "phrases.yaml", "phrases-shared.yaml"}
    shared = (templates_root() / "_shared" / "phrases.yaml").read_bytes()
    assert (target / "phrases-shared.yaml").read_bytes() == shared
    assert load_pack(target).bank_files() == (target / "phrases-shared.yaml", target / "phrases.yaml")


def test_export_of_a_jinja_pack_is_self_contained(runner, tmp_path):
    # an office's own Jinja2 pack that uses the shared macros: its copy carries them
    source = _pack(tmp_path, '{% from "macros.j2" import notes with context %}\n'
                             '@summary: Tổng kết {{ period.name }}\n{{ notes(r.security.notes) }}\n', name="cua-toi")
    target = tmp_path / "mau-cua-toi"
    result = runner.invoke(cli, ["templates", "export", str(source), str(target)])
    assert result.exit_code == 0, result.output
    assert {p.name for p in target.iterdir()} >= {"manifest.yaml", "body.j2", "macros.j2"}
    env = make_environment([target])  # the copy alone, without templates/_shared
    for name in _referenced(env, "body.j2"):
        assert (target / name).is_file(), name
    assert (target / "macros.j2").read_bytes() == (templates_root() / "_shared" / "macros.j2").read_bytes()


# a roll-up pack speaks of many units and renders through `drafter rollup`, not `render`
REPORT_PACKS = [name for name in builtin_names() if load_pack(name).kind != "rollup"]


@pytest.mark.parametrize("name", REPORT_PACKS)
def test_an_unedited_export_renders_byte_identically(tmp_path, name):
    target = tmp_path / name
    api.export_template(name, target)
    fmt = "docx" if HAS_DOCX_WRITER else "txt"
    assert api.render(SAMPLE, template=target, format=fmt) == api.render(SAMPLE, template=name, format=fmt)


def test_export_refuses_a_folder_with_files_unless_forced(runner, tmp_path):
    target = tmp_path / "mau"
    target.mkdir()
    runner.invoke(cli, ["templates", "export", "bao-cao", str(target)])  # empty folder: fine
    (target / "phrases.yaml").write_text("của tôi", encoding="utf-8")
    result = runner.invoke(cli, ["templates", "export", "bao-cao", str(target)])
    assert result.exit_code == 1 and "E521" in result.output and "--force" in result.output
    assert (target / "phrases.yaml").read_text(encoding="utf-8") == "của tôi"
    assert runner.invoke(cli, ["templates", "export", "bao-cao", str(target), "--force"]).exit_code == 0
    assert (target / "phrases.yaml").read_text(encoding="utf-8") != "của tôi"


def test_export_of_an_unknown_pack_lists_the_builtin_ones(runner, tmp_path):
    result = runner.invoke(cli, ["templates", "export", "khong-co", str(tmp_path / "x")])
    assert result.exit_code == 1 and "E503" in result.output and "bao-cao" in result.output


def test_an_edited_sentence_shows_in_the_output(runner, tmp_path):
    target = tmp_path / "mau"
    api.export_template("bao-cao", target)
    bank = target / "phrases.yaml"
    assert SENTENCE in bank.read_text(encoding="utf-8")
    before = api.render(SAMPLE, template=target, format="txt")
    assert "Quản lý 1.824,5 ha đất quốc phòng." in before
    edited = "Diện tích đất quốc phòng đơn vị quản lý là {area} ha."
    bank.write_text(bank.read_text(encoding="utf-8").replace(SENTENCE, edited), encoding="utf-8")
    # the same process sees the edit: nothing of the old text is kept in a cache
    after = api.render(SAMPLE, template=target, format="txt")
    assert "Diện tích đất quốc phòng đơn vị quản lý là 1.824,5 ha." in after
    assert "Quản lý 1.824,5 ha" not in after
    out = tmp_path / "ra.txt"
    result = runner.invoke(cli, ["render", str(SAMPLE), "--template", str(target), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "đơn vị quản lý là 1.824,5 ha" in out.read_text(encoding="utf-8")


def test_an_edited_shared_phrase_in_the_copy_wins(tmp_path):
    target = tmp_path / "mau"
    api.export_template("bao-cao", target)
    shared = target / "phrases-shared.yaml"
    shared.write_text(shared.read_text(encoding="utf-8").replace('"giảm {amount}', '"giảm được {amount}'),
                      encoding="utf-8")
    text = api.render(SAMPLE, template=target, format="txt")
    assert "giảm được 24 vụ (5,5%) so với năm 2025" in text


@pytest.mark.parametrize("name", builtin_names())
def test_every_builtin_pack_passes_the_check(runner, name):
    assert check(name) == []
    result = runner.invoke(cli, ["templates", "check", name])
    assert result.exit_code == 0 and "hợp lệ" in result.output


def test_check_reports_every_problem_at_once_with_file_and_line(runner, tmp_path):
    folder = _pack(tmp_path, "\n".join([
        "@summary: Tổng kết {{ period.name }}",          # 1 fine
        "{{ r.recruitment.quotaa | so }}",              # 2 unknown attribute
        "{{ unit.full | soo }}",                         # 3 unknown filter
        "{{ tong_so }}",                                 # 4 unknown variable
        "{% for a in r.awards %}{{ a.giverr }}{% endfor %}",  # 5 attribute of a list item
        "{{ 1 + }}",                                     # 6 syntax
        "{% if r.militia %}không đóng",                  # 7 block never closed
    ]) + "\n")
    result = runner.invoke(cli, ["templates", "check", str(folder)])
    assert result.exit_code == 1
    body = folder / "body.j2"
    for line, code, words in [(2, "E512", "có phải ý bạn là “quota”"), (3, "E513", "có phải ý bạn là “so”"),
                              (4, "E511", "tong_so"), (5, "E512", "có phải ý bạn là “giver”"),
                              (6, "E510", "lỗi cú pháp"), (7, "E516", "endif")]:
        assert any(row.startswith(f"{body}:{line}: lỗi {code}") and words in row for row in result.output.splitlines()), \
            (line, code, result.output)
    assert "Traceback" not in result.output


def test_render_refuses_a_pack_with_problems_and_writes_nothing(runner, tmp_path):
    folder = _pack(tmp_path, "Giao {{ r.recruitment.deliverd | so }} công dân.\n")
    out = tmp_path / "ra.docx"
    result = runner.invoke(cli, ["render", str(SAMPLE), "--template", str(folder), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{folder / 'body.j2'}:1: lỗi E512" in result.output and "delivered" in result.output
    assert not out.exists()


def test_a_pack_that_does_not_load_says_why_and_where(runner, tmp_path):
    broken = _pack(tmp_path, "ok\n", "hong")
    (broken / "manifest.yaml").write_text("name: [hong\n", encoding="utf-8")
    result = runner.invoke(cli, ["templates", "check", str(broken)])
    assert result.exit_code == 1 and "E504" in result.output and "manifest.yaml" in result.output

    syntax = _pack(tmp_path, "dòng một\n{% for x in r.awards %}\n{{ x.giver }\n", "cu-phap")
    result = runner.invoke(cli, ["render", str(SAMPLE), "--template", str(syntax), "--format", "txt"])
    assert result.exit_code == 1 and f"{syntax / 'body.j2'}:" in result.output and "E51" in result.output

    missing = _pack(tmp_path, '{% include "khong-co.j2" %}\n', "thieu")
    result = runner.invoke(cli, ["templates", "check", str(missing)])
    assert result.exit_code == 1 and f"{missing / 'body.j2'}:1: lỗi E524" in result.output

    no_body = _pack(tmp_path, "", "trong")
    (no_body / "body.j2").unlink()
    assert [p.code for p in check_pack(no_body)] == ["E524"]


def test_check_of_something_that_is_not_a_template(runner, tmp_path):
    result = runner.invoke(cli, ["templates", "check", str(tmp_path / "khong-co")])
    assert result.exit_code == 1 and "E522" in result.output


def test_partials_are_checked_too(tmp_path):
    folder = _pack(tmp_path, '{% from "phan.j2" import cau %}{{ cau() }}\n')
    (folder / "phan.j2").write_text("{% macro cau() %}\n{{ unit.fulll }}\n{% endmacro %}\n", encoding="utf-8")
    problems = check(folder)
    assert [(p.code, Path(p.file).name, p.line) for p in problems] == [("E512", "phan.j2", 2)]


def test_templates_help_is_vietnamese(runner):
    result = runner.invoke(cli, ["templates", "--help"])
    assert result.exit_code == 0
    assert "sao ra để sửa" in result.output
    for name in ("list", "export", "check", "vars"):
        assert name in result.output
    assert runner.invoke(cli, ["templates", "export"]).exit_code == 2


# ------------------------------------------------------------------ resource limits, packs and forms alike

from support.forms import build_form  # noqa: E402

from drafter.errors import DrafterError  # noqa: E402
from drafter.packs import limits  # noqa: E402

#: (template line, code): each goes over exactly one limit of drafter.packs.limits.
OVER_THE_LIMIT = [
    ('{% for i in range(40) %}{{ "x" * 99999 }}{% endfor %}', "E528"),            # output
    ('{{ "x" * 500001 }}', "E544"),                                                # one value
    ('{% set ns = namespace(s="x") %}{% for i in range(30) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}', "E544"),
    ("{{ (2 ** 9000) * (2 ** 9000) }}", "E544"),                                   # a number
    ("{% for i in range(11) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "E529"),  # loop turns
    ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}", "E539"),            # depth
    ('{{ "a" | center(500001) }}', "E544"),
    ('{{ "a".rjust(500001) }}', "E544"),
    ('{{ range(10) | join("x" * 60000) }}', "E544"),
    ('{{ "ab" | replace("", "x" * 300000) }}', "E544"),
    ('{{ "%500001d" | format(1) }}', "E544"),
    ("{{ [1] | batch(500001) | list }}", "E544"),
]
#: The same, just under each limit: they run.
UNDER_THE_LIMIT = [
    '{% for i in range(19) %}{{ "x" * 99999 }}{% endfor %}',
    '{{ ("x" * 500000) | length }}',
    "{{ ((2 ** 4000) * (2 ** 4000)) > 0 }}",
    "{% for i in range(9) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% macro m(n) %}{% if n < 30 %}{{ m(n + 1) }}{% endif %}{% endmacro %}{{ m(1) }}",
    '{{ "a" | center(400000) | length }}',
]


def _in_pack(tmp_path, line):
    return _pack(tmp_path, "@summary: Báo cáo\n# Kết quả\n" + line + "\n")


def _in_form(tmp_path, line):
    return build_form(tmp_path / "mau.docx", body=[line])


@pytest.mark.parametrize("where", [_in_pack, _in_form], ids=["pack", "word-form"])
@pytest.mark.parametrize(("line", "code"), OVER_THE_LIMIT, ids=[code + ":" + line[:30] for line, code in OVER_THE_LIMIT])
def test_a_template_over_a_limit_is_stopped_with_its_code_and_place(tmp_path, where, line, code):
    template = where(tmp_path, line)
    with pytest.raises(DrafterError) as raised:
        api.render(SAMPLE, template=template, format="docx")
    (problem,) = raised.value.problems
    assert problem.code == code, problem.render()
    if where is _in_pack:  # the line where it happened; the output's length is the whole body's doing
        assert (Path(problem.file).name, problem.line) == ("body.j2", None if code == "E528" else 3)
    else:
        assert problem.file == str(template)
    assert [p.code for p in check(template)] == [code]  # the check finds it too (a trial run, bounded)


@pytest.mark.parametrize("where", [_in_pack, _in_form], ids=["pack", "word-form"])
@pytest.mark.parametrize("line", UNDER_THE_LIMIT)
def test_a_template_under_the_limits_renders(tmp_path, where, line):
    assert api.render(SAMPLE, template=where(tmp_path, line), format="docx")[:2] == b"PK"


@pytest.mark.parametrize("where", [_in_pack, _in_form], ids=["pack", "word-form"])
def test_a_template_that_runs_too_long_is_stopped(tmp_path, where, monkeypatch):
    monkeypatch.setattr(limits, "MAX_SECONDS", 0.3)
    slow = '{% for i in range(1000) %}{% for j in range(900) %}{% set x = "ab" * 1000 %}{% endfor %}{% endfor %}'
    with pytest.raises(DrafterError) as raised:
        api.render(SAMPLE, template=where(tmp_path, slow), format="docx")
    assert [p.code for p in raised.value.problems] == ["E540"]


def test_the_limits_are_the_ones_the_readme_gives():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Mẫu riêng của cơ quan", 1)[1].split("\n## ", 1)[0]
    for value in (f"{limits.MAX_OUTPUT:,}", f"{limits.MAX_VALUE:,}", f"{limits.MAX_ITERATIONS:,}"):
        assert value.replace(",", ".") in section, value
    assert f"{limits.MAX_DEPTH} tầng" in section and f"{limits.MAX_SECONDS:g} giây" in section
    assert f"{limits.MAX_TEMPLATE_BYTES // 1024} KB" in section
    notes = readme.split("## For developers", 1)[1]
    assert "drafter/packs/limits.py" in notes


# ------------------------------------------------------------------ files a pack may read and write


def test_a_pack_reads_no_file_through_a_link(tmp_path):
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("BÍ MẬT", encoding="utf-8")
    folder = _pack(tmp_path, '{% include "ghi-chu.j2" %}\n')
    (folder / "ghi-chu.j2").symlink_to(secret)
    problems = check(folder)
    assert [(p.code, Path(p.file).name) for p in problems] == [("E527", "ghi-chu.j2")]
    with pytest.raises(DrafterError):
        api.render(SAMPLE, template=folder, format="txt")
    (folder / "ghi-chu.j2").unlink()
    (folder / "ghi-chu.j2").write_text(secret.read_text(encoding="utf-8"), encoding="utf-8")
    assert "BÍ MẬT" in api.render(SAMPLE, template=folder, format="txt")  # the same text as a real file: fine


def test_export_never_writes_through_a_link_even_with_force(runner, tmp_path):
    target = tmp_path / "mau"
    target.mkdir()
    victim = tmp_path / "khac.txt"
    victim.write_text("không được ghi đè", encoding="utf-8")
    (target / "phrases.yaml").symlink_to(victim)  # a file the export writes
    result = runner.invoke(cli, ["templates", "export", "bao-cao", str(target), "--force"])
    assert result.exit_code == 1 and "E607" in result.output and "Traceback" not in result.output
    assert victim.read_text(encoding="utf-8") == "không được ghi đè"
    linked = tmp_path / "lien-ket"
    linked.symlink_to(target)
    result = runner.invoke(cli, ["templates", "export", "bao-cao", str(linked), "--force"])
    assert result.exit_code == 1 and "E607" in result.output


def test_export_refuses_a_pack_with_a_link(tmp_path):
    folder = _pack(tmp_path, '{% include "ghi-chu.j2" %}\n')
    (folder / "ghi-chu.j2").symlink_to("/etc/hostname")
    with pytest.raises(DrafterError) as raised:
        api.export_template(folder, tmp_path / "ban-sao")
    assert [p.code for p in raised.value.problems] == ["E527"]
    assert not (tmp_path / "ban-sao" / "ghi-chu.j2").exists()


@pytest.mark.parametrize("where", [_in_pack, _in_form], ids=["pack", "word-form"])
def test_too_many_tags_are_refused_before_any_is_compiled(tmp_path, where):
    from drafter.packs.formparts import MAX_FORM_TAGS

    count = (limits.MAX_TAGS if where is _in_pack else MAX_FORM_TAGS) + 1
    template = where(tmp_path, "{{ unit.name }}" * count)
    for run in (lambda: check(template), lambda: api.render(SAMPLE, template=template, format="docx")):
        try:
            problems = run()
        except DrafterError as error:
            problems = error.problems
        assert [p.code for p in problems] == ["E546"], [p.render() for p in problems]
        assert "thẻ" in problems[0].render()
