"""The fast reader agrees with the located reader, the reference for every message.

``drafter render`` and ``drafter rollup`` read a clean file with PyYAML's C parser
(:mod:`drafter.inputs.fast_yaml`); any problem, any doubt, and the located reader
(:mod:`drafter.inputs.yaml_reader`) reads it. These tests hold the fast reader to that on the
samples, on YAML that the two parsers could read differently, and on fuzzed files
(the bad-input catalogue is checked the same way in tests/test_bad_inputs.py).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.readers import assert_fast_agrees
from support.samples import MINIMAL_YAML, SAMPLES

from drafter.inputs import load
from drafter.inputs.fast_yaml import _fast_loader

pytestmark = pytest.mark.skipif(_fast_loader() is None, reason="PyYAML without libyaml: the located reader reads all")
EXAMPLES = int(os.environ.get("DRAFTER_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_reads_alike(sample, tmp_path):
    path = tmp_path / sample.name
    path.write_bytes(sample.read_bytes())
    taken = assert_fast_agrees(path)
    assert taken  # the samples are clean YAML: the fast reader takes them (with their warnings, if any)


# Lines that YAML 1.1 (libyaml) and YAML 1.2 (ruamel.yaml) read differently, or that only one of
# the two parsers accepts; each replaces "  quota: 3350" or is added at the end.
ODD_VALUES = ["010", "0o10", "0x10", "1_000", "1e3", "3.35e3", ".inf", "-.inf", ".nan", "~", "null", "Null",
              "yes", "no", "on", "off", "y", "n", "true", "False", "'3350'", '"3350"', "3350.0", "+3350",
              "-0", "0", "00", "3350 # chú thích", "!!int 3350", "!!str 3350", "&a 3350", "2026-12-15",
              "2026-12-15 10:00:00", "12:30", "1:30:00", "0b101", "=", "<<", "|\n    3350", ">-\n    3350",
              "[3350]", "{a: 1}", "\"\\u0033350\"", "3350\n  quota: 3350"]
EXTRA_LINES = ["document_extra: 1", "? quota\n: 1", "<<: {quota: 1}", "x: &a {b: 1}\ny: *a",
               "notes:   # ghi chú\n  Văn bản", "---\nunit: x", "...", "%YAML 1.2\n---", "notes: 'a''b'",
               "notes: \"Nguye\\u0302\\u0303n\"", "notes: |\n  dòng 1\n  dòng 2", "\"unit\": {}",
               "notes: x\nnotes: y", "true: 1", "1: 2", "null: 3", "? [a]\n: 1"]


@pytest.mark.parametrize("value", ODD_VALUES)
def test_odd_values_read_alike(value, tmp_path):
    path = tmp_path / "so-lieu.yaml"
    path.write_text(MINIMAL_YAML.replace("  quota: 3350", f"  quota: {value}"), encoding="utf-8")
    assert_fast_agrees(path)


@pytest.mark.parametrize("extra", EXTRA_LINES)
def test_odd_lines_read_alike(extra, tmp_path):
    path = tmp_path / "so-lieu.yaml"
    path.write_text(MINIMAL_YAML + extra + "\n", encoding="utf-8")
    assert_fast_agrees(path)


def test_a_comment_between_a_key_and_its_value_goes_to_the_located_reader(tmp_path):
    # valid YAML that ruamel.yaml's round-trip mode cannot read (E103): libyaml reads it, so the
    # fast reader must not take it
    path = tmp_path / "so-lieu.yaml"
    path.write_text(MINIMAL_YAML.replace("  name: Gia Lai", "  name:   # tên\n    Gia Lai\n"), encoding="utf-8")
    assert not assert_fast_agrees(path)
    assert load(path).problems[0].code == "E103"


@st.composite
def yaml_mutation(draw) -> str:
    """The minimal file with a few YAML-level changes: odd values, comments, quotes, anchors."""
    lines = MINIMAL_YAML.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        action = draw(st.sampled_from(["value", "comment", "quote", "extra", "indent", "anchor"]))
        key, colon, value = line.partition(":")
        if action == "value" and colon and value.strip():
            lines[index] = f"{key}: {draw(st.sampled_from(ODD_VALUES))}"
        elif action == "comment":
            lines[index] = line + draw(st.sampled_from(["  # x", " #x", "#x", "  # “ghi chú”: 1"]))
        elif action == "quote" and colon and value.strip():
            opening = draw(st.sampled_from(['"', "'"]))
            lines[index] = f"{key}: {opening}{value.strip()}" + draw(st.sampled_from(['"', "'", ""]))
        elif action == "extra":
            lines.insert(index, draw(st.sampled_from(EXTRA_LINES)))
        elif action == "indent":
            lines[index] = " " * draw(st.integers(0, 3)) + line
        elif action == "anchor" and colon and value.strip():
            lines[index] = f"{key}: &v{index} {value.strip()}"
    return "\n".join(lines) + "\n"


@FUZZ
@given(yaml_mutation())
def test_mutated_files_read_alike(tmp_path, text):
    path = tmp_path / "so-lieu.yaml"
    path.write_text(text, encoding="utf-8")
    assert_fast_agrees(path)


@FUZZ
@given(st.data())
def test_mutated_samples_read_alike(tmp_path, data):
    original = SAMPLES[0].read_bytes()
    buffer = bytearray(original)
    for _ in range(data.draw(st.integers(1, 4))):
        where = data.draw(st.integers(0, len(buffer) - 1))
        buffer[where:where] = data.draw(st.sampled_from(
            [b"# x\n", b"  # x", b" ", b"\n", b"'", b'"', b"&a ", b"*a", b"0", b"-", b"{", b"~", b":"]))
    path = tmp_path / "so-lieu.yaml"
    path.write_bytes(bytes(buffer))
    assert_fast_agrees(path)


# Vietnamese letters, legacy TCVN3 and VNI codes, control and direction characters, keys and values.
_TEXT = st.text(st.sampled_from(list("aăâeêoơuưđ ViệtNguyễn,.-0123") + list("ÖØ©ïâøñ¸µ«") +
                                ["\x00", "\x07", "\x1f", "\x7f", "\x85", "\u202e", "\u200f", "\u2066", "\ufffe", "\n"]),
                max_size=30)


@FUZZ
@given(st.dictionaries(_TEXT, st.one_of(_TEXT, st.lists(_TEXT, max_size=3)), max_size=4))
def test_plain_texts_are_those_text_problems_finds_nothing_in(data):
    """The fast reader skips text_problems when texts_plain says there is nothing: never wrongly."""
    from drafter.inputs.validation import text_problems, texts_plain
    from drafter.inputs.yaml_reader import Positions

    texts = [text for key, value in data.items() for text in [key, *(value if isinstance(value, list) else [value])]]
    if texts_plain(texts):
        assert text_problems(data, Positions("so-lieu.yaml")) == []


# Texts of the plain shape that drafter.inputs.block_yaml reads line by line, and texts near it
# that it must leave to the parsers; each replaces the signer's two lines of the minimal file.
BLOCK_SHAPES = [
    "  signer: {name: Phạm Quang Hiếu, position: Phó Chủ tịch}",
    "  signer:\n    name: Phạm Quang\n      Hiếu\n    position: Phó Chủ tịch",  # a wrapped text
    "  signer:\n    name: Phạm Quang\n\n      Hiếu\n    position: Phó Chủ tịch",  # a blank line inside
    "  signer:\n    name: Phạm Quang\n    # x\n      Hiếu\n    position: Phó Chủ tịch",
    "  signer:\n    name: Phạm Quang # x\n      Hiếu\n    position: Phó Chủ tịch",
    "  signer:\n    name: 'Phạm Quang\n      Hiếu'\n    position: Phó Chủ tịch",
    "  signer:\n    name: \"Phạm\\u0020Quang Hiếu\"\n    position: Phó Chủ tịch",
    "  signer:\n    name: 'Phạm ''Quang'' Hiếu'   # x\n    position: \"Phó Chủ tịch\"",
    "  signer:\n    name: 'Phạm Quang Hiếu'x\n    position: Phó Chủ tịch",
    "  signer:\n    name: Phạm Quang Hiếu\n     position: Phó Chủ tịch",  # an odd indentation
    "  signer:\n      name: Phạm Quang Hiếu\n      position: Phó Chủ tịch",
    "  signer:\n    name:\n    position: Phó Chủ tịch",
    "  signer:\n    name: Phạm: Quang\n    position: Phó Chủ tịch",
    "  signer:\n    name: Phạm Quang Hiếu:\n    position: Phó Chủ tịch",
    "  signer:\n    name: Phạm#Quang\n    position: Phó Chủ tịch",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n    name: Lê Văn A",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n  recipients: [A, B, 'C']",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n  recipients: [A, B,\n    C]",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n  recipients: [A, , B]",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n  recipients: []",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n  recipients:\n  - A\n  - B\n    và C\n  - -1",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n  recipients:\n    -   A\n    - - B",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n  recipients:\n  -\n    A",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n  number: 7 # số\n  archive: VT, NC",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n  number: 07",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n  number: -7",
    "  signer:\n    name: Phạm\u00a0Quang Hiếu\n    position: Phó Chủ tịch",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n  True: 1",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n  x y: 1",
    "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n...\n",
    "  signer:\n  - name: Phạm Quang Hiếu\n    position: Phó Chủ tịch\n  -   name: Lê Văn A\n      position: Chủ tịch",
]


@pytest.mark.parametrize("shape", BLOCK_SHAPES)
def test_plain_shapes_read_alike(shape, tmp_path):
    path = tmp_path / "so-lieu.yaml"
    signer = "  signer:\n    name: Phạm Quang Hiếu\n    position: Phó Chủ tịch"
    assert signer in MINIMAL_YAML
    path.write_text(MINIMAL_YAML.replace(signer, shape), encoding="utf-8")
    assert_fast_agrees(path)


def test_the_line_reader_takes_what_pyyaml_writes(tmp_path):
    """PyYAML's block style, lists under their keys and long texts wrapped, as the national
    benchmark's inputs and most programs write them: the line reader takes all of it."""
    import yaml

    from drafter.inputs.block_yaml import read_block_yaml
    from drafter.inputs.fast_yaml import _plain_scalar

    for sample in SAMPLES:
        data = load(sample).report.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        for width in (30, 80):
            text = yaml.dump(data, allow_unicode=True, sort_keys=False, width=width)
            path = tmp_path / "so-lieu.yaml"
            path.write_text(text, encoding="utf-8")
            assert read_block_yaml(text, _plain_scalar, 10_000) is not None, text
            assert assert_fast_agrees(path)
