"""The phrase bank as an office edits it: every mistake named with its file, line and fix, and the
bank's own syntax (slots, optional parts, terms, equivalent words) doing what the guide says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.samples import SAMPLES

from drafter import api
from drafter.cli import cli
from drafter.realise.phrasing import (
    Alt,
    BankError,
    Lit,
    Opt,
    Ref,
    parse,
    pick_alternatives,
    required_slots,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
LAND = "Quản lý {area} ha đất quốc phòng."


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def pack(tmp_path) -> Path:
    target = tmp_path / "mau"
    api.export_template("bao-cao", target)
    return target


def _edit(pack: Path, old: str, new: str) -> int:
    """Replaces ``old`` in the pack's phrases.yaml; returns the line it is on."""
    bank = pack / "phrases.yaml"
    text = bank.read_text(encoding="utf-8")
    assert old in text, old
    line = text[:text.index(old)].count("\n") + 1
    bank.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def _check(runner, pack: Path) -> list[str]:
    result = runner.invoke(cli, ["templates", "check", str(pack)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output.splitlines()


# ------------------------------------------------------------------ the syntax


def test_parse_reads_slots_defaults_optional_parts_and_alternatives():
    nodes = parse("<Có|Tổng cộng có> {n|không} người[ (gồm {parts})].", "x:1")
    assert nodes[0] == Alt(((Lit("Có"),), (Lit("Tổng cộng có"),)))
    assert nodes[2] == Ref("n", "không")
    assert isinstance(nodes[4], Opt) and Ref("parts") in nodes[4].nodes
    assert required_slots(nodes) == frozenset()  # a default and an optional part need nothing
    assert required_slots(parse("<a {x}|b {x}>", "x:1")) == {"x"}


def test_picking_an_alternative_keeps_the_rest():
    nodes = parse("tỉnh <tổ chức|đã tổ chức> {n} cuộc[ <tại|ở> {place}]", "x:1")
    first = pick_alternatives(nodes, lambda count: 0)
    second = pick_alternatives(nodes, lambda count: count - 1)
    def words(nodes):
        return "".join(n.text if isinstance(n, Lit) else words(n.nodes) if isinstance(n, Opt) else f"{{{n.name}}}"
                       for n in nodes)

    assert words(first) == "tỉnh tổ chức {n} cuộc tại {place}"
    assert words(second) == "tỉnh đã tổ chức {n} cuộc ở {place}"


@pytest.mark.parametrize("text,words", [
    ("a <b|c", "“<” chưa có “>” đóng"),
    ("a b|c> d", "“>” ở vị trí"),
    ("a <b> c", "ít nhất hai cách"),
    ("a <{x}|b> c", "cùng các ô"),
    ("a <, chiếm {x}| (chiếm {x}> c", "tự đóng các dấu ngoặc"),
    ("a [b <c|d] e>", "không khớp"),
    ("a {x c", "chưa có “}” đóng"),
    ("a {x y} c", "không hợp lệ"),
    ("a ] c", "không khớp “[”"),
])
def test_a_broken_phrasing_is_refused_with_what_is_wrong(text, words):
    with pytest.raises(BankError) as error:
        parse(text, "phrases.yaml:7")
    [(code, where, detail)] = error.value.problems
    assert code == "E563" and where == "phrases.yaml:7" and words in detail and text in detail


# ------------------------------------------------------------- an office's edits


def test_every_kind_of_mistake_is_named_with_its_file_and_line(runner, pack):
    bank = pack / "phrases.yaml"
    lines = {
        "E561": _edit(pack, "  land.area:", "  land.areaa:"),
        "E562": _edit(pack, "xảy ra {cases} vụ", "xảy ra {case} vụ"),
        "E565": _edit(pack, "\"Duy trì chế độ trực", "\"{@LLVTT} duy trì chế độ trực"),
    }
    out = _check(runner, pack)
    for code, words in [("E561", "có phải ý bạn là “land.area”"), ("E562", "có phải ý bạn là “{cases}”"),
                        ("E565", "LLVTT")]:
        prefix = f"{bank}:{lines[code]}: lỗi {code}"
        assert any(line.startswith(prefix) and words in line and "Sửa:" in line for line in out), (code, out)
    # the message renamed away is now missing: E564 names it
    assert any("E564" in line and "land.area" in line for line in out), out


def test_a_misspelt_section_is_named_with_a_suggestion(runner, pack):
    line = _edit(pack, "messages:", "mesages:")
    out = _check(runner, pack)
    assert any(row.startswith(f"{pack / 'phrases.yaml'}:{line}: lỗi E566") and "“messages”" in row for row in out), out


def test_yaml_and_encoding_errors_say_where(runner, pack):
    bank = pack / "phrases.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("messages:", "messages:\n  - [không đóng", 1), encoding="utf-8")
    out = _check(runner, pack)
    assert any(re.match(rf"{re.escape(str(bank))}:\d+: lỗi E560", row) and "YAML" in row for row in out), out
    bank.write_bytes(text.encode("utf-16"))
    out = _check(runner, pack)
    assert any("E560" in row and "UTF-8" in row for row in out), out


def test_a_phrasing_that_needs_a_slot_the_draft_lacks_is_skipped_not_printed_empty(pack):
    # the sample has no {purpose}-less funding; a phrasing that needs a slot the message lacks
    # is never chosen, so an office may add a narrower one without breaking other units
    _edit(pack, LAND, "Quản lý {area} ha đất quốc phòng[ tại {unit}].")
    text = api.render(SAMPLE, template=pack, format="txt")
    assert "Quản lý 1.824,5 ha đất quốc phòng" in text and "{" not in text


def test_a_message_with_no_phrasing_for_its_figures_stops_with_the_place_to_fix(runner, pack, tmp_path):
    # every phrasing of land.area left without {area}: nothing can say the figure the user gave
    line = _edit(pack, LAND, "Quản lý đất quốc phòng.")
    out = tmp_path / "ra.docx"
    result = runner.invoke(cli, ["render", str(SAMPLE), "--template", str(pack), "-o", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{pack / 'phrases.yaml'}:{line}: lỗi E567" in result.output and "area" in result.output
    assert not out.exists()


def test_an_edited_alternative_appears_and_stays_put(pack):
    _edit(pack, LAND, "<Quản lý|Đang quản lý> {area} ha đất quốc phòng.")
    texts = {api.render(SAMPLE, template=pack, format="txt", variant=v) for v in range(12)}
    said = {m.group() for t in texts for m in re.finditer(r"(Đang q|Q)uản lý 1\.824,5 ha đất quốc phòng", t)}
    assert said == {"Quản lý 1.824,5 ha đất quốc phòng", "Đang quản lý 1.824,5 ha đất quốc phòng"}
    # the same unit and period always get the same words
    assert api.render(SAMPLE, template=pack, format="txt") == api.render(SAMPLE, template=pack, format="txt")


# ---------------------------------------------------------------- built-in banks


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_no_builtin_phrasing_leaves_a_bracket_or_a_slot_in_a_draft(sample):
    for template in ("bao-cao", "tin-bai"):
        for variant in (None, *range(6)):
            text = api.render(sample, template=template, format="txt", variant=variant)
            body = re.sub(r"\d+/\d+", "", text)
            assert not re.search(r"[{}<>\[\]|]", body), re.search(r".{30}[{}<>\[\]|].{30}", body)
            assert text.count("(") == text.count(")"), template
            assert text.count("“") == text.count("”"), template


@pytest.mark.parametrize("template", ["bao-cao", "tin-bai", "tong-hop"])
def test_every_message_that_may_lead_a_sentence_of_clauses_can_make_the_unit_its_subject(template):
    # "Công dân nam đủ 17 tuổi được đăng ký …; hoàn thành 100% chỉ tiêu …": the clauses after it go on
    # from a subject that does nothing. A message with clauses may lead such a sentence.
    from drafter.realise.bank import load_bank
    from drafter.realise.openings import names_the_doer

    files = (ROOT / "templates" / "_shared" / "phrases.yaml", ROOT / "templates" / template / "phrases.yaml")
    kind = {"bao-cao": "report", "tin-bai": "news", "tong-hop": "rollup"}[template]
    bank = load_bank(files, kind)
    # a topic's legal bases are a clause only to open another sentence ("Thực hiện …, tỉnh …"), and
    # so is a frame ("Năm 2025, …")
    # … and so are a speech's tasks after its acknowledgement ("…; đồng thời đề nghị …")
    lacking = [key for key, entry in bank.entries.items()
               if entry.clauses and key not in ("topic.bases", "news.speech.more_emphasis") and not entry.frame
               and not any(names_the_doer(v) for v in entry.variants)]
    assert lacking == []


def test_words_said_once_are_read_folded_and_a_wrong_value_is_reported():
    from drafter.realise.bank import BankError, _settings
    assert _settings({"once": ["Báo  Cáo"], "sparing": ["hội nghị"]}, "x:1").once == ("báo cáo",)
    with pytest.raises(BankError) as raised:
        _settings({"once": 5}, "mau/phrases.yaml:7")
    assert [(code, where) for code, where, _ in raised.value.problems] == [("E566", "mau/phrases.yaml:7")]
