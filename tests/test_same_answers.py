"""The same answers, faster (issue 15): an answer worked out once and kept is the one worked out
afresh (for every phrasing of every built-in bank, asked first and asked again; whole documents with
nothing kept), and a cheaper test finds what the test it replaces found. (Speed itself is measured
in benchmarks/, never asserted here.)
"""

from __future__ import annotations

import pytest

from drafter.packs.manifest import load_pack
from drafter.realise import openings
from drafter.realise.bank import load_bank
from drafter.realise.phrasing import Variant, pick_alternatives

_PACKS = (("bao-cao", "report"), ("tin-bai", "news"), ("tong-hop", "rollup"))
_KEPT = ("opening", "names_the_doer", "framing", "follows_a_lead_in", "_first_slot")


def _phrasings() -> list[Variant]:
    """Every phrasing as the realiser asks of it: with its ``<…|…>`` chosen (the first, the last)."""
    found = []
    for name, kind in _PACKS:
        pack = load_pack(name)
        bank = load_bank(pack.bank_files(), kind, shipped=pack.shipped)
        for entry in [*bank.entries.values(), *bank.headings.values()]:
            for variant in [*entry.variants, *entry.clauses]:
                if not variant.alternatives:
                    found.append(variant)
                    continue
                for pick in (lambda n: 0, lambda n: n - 1):
                    found.append(Variant(tuple(pick_alternatives(s, pick) for s in variant.sentences), variant.where))
    return found


@pytest.mark.parametrize("name", _KEPT)
def test_a_kept_opening_is_the_one_worked_out_afresh(name):
    kept = getattr(openings, name)
    phrasings = _phrasings()
    assert len(phrasings) > 300
    fresh = [kept.uncached(variant) for variant in phrasings]
    assert [kept(variant) for variant in phrasings] == fresh  # worked out, then kept
    assert [kept(variant) for variant in phrasings] == fresh  # read back
    assert len(set(map(repr, fresh))) > 1  # phrasings that differ are told apart


# ------------------------------------------------------------------ input keys, masthead widths


def test_keys_read_from_kept_answers_read_as_fresh_ones(monkeypatch):
    from support.samples import SAMPLES

    from drafter.inputs import fast_yaml

    keys = "1: a\ntrue: b\nnull: c\n2.5: d\n'0': e\n\"yes\": f\nđơn_vị: g\nten: {quota: 1}\n"
    texts = [path.read_text(encoding="utf-8") for path in SAMPLES] + [keys]
    monkeypatch.setattr(fast_yaml, "read_block_yaml", lambda *args: None)  # the C parser's path, which keeps keys
    with monkeypatch.context() as patch:
        patch.setattr(fast_yaml, "_key_scalar", fast_yaml._scalar)  # nothing kept
        fresh = [fast_yaml.parse_clean(text) for text in texts]
    assert None not in fresh
    monkeypatch.setattr(fast_yaml, "_KEYS", {})
    assert [fast_yaml.parse_clean(text) for text in texts] == fresh  # each key text worked out, then kept
    assert "quota" in fast_yaml._KEYS
    assert [fast_yaml.parse_clean(text) for text in texts] == fresh  # read back
    monkeypatch.setattr(fast_yaml, "_KEYS", {"quota": ("str", "chi_tieu")})  # a spoilt entry is used: seen here
    assert fast_yaml.parse_clean("quota: 1\n") == {"chi_tieu": 1}


def test_a_masthead_line_measures_the_same_with_its_letters_kept(monkeypatch):
    from drafter.layout import paragraphs

    lines = ["Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN XÃ ĐĂK SMAR", "Tổng kết công tác quốc phòng 2026", "中文"]
    monkeypatch.setattr(paragraphs, "_WIDTHS", {bold: dict(table) for bold, table in paragraphs._WIDTHS.items()})
    fresh = [paragraphs.text_width_pt(text, 13, bold) for text in lines for bold in (False, True)]
    assert "ỦY"[0] in paragraphs._WIDTHS[True]  # kept
    assert [paragraphs.text_width_pt(text, 13, bold) for text in lines for bold in (False, True)] == fresh
    assert round(paragraphs.text_width_pt("Độc lập - Tự do - Hạnh phúc", 14, bold=True)) == 171


def test_a_scope_names_its_unit_with_one_slot_made_once():
    from drafter.facts import build_facts
    from drafter.inputs import load_report
    from drafter.plan.scope import Scope
    from drafter.plan.slots import plain
    from support.samples import SAMPLES

    for sample in SAMPLES:
        facts = build_facts(load_report(sample))
        scope = Scope.of(facts)
        assert scope.unit() is scope.unit() and scope.level() is scope.level()
        # a military command's own report names the command; the others, the unit
        expected = (f"{facts.unit.command} {facts.unit.name}", facts.unit.command) \
            if facts.report.document.issuer == "chqs" and sample.stem != "phuong-an-khe-2026" \
            else (facts.unit.full, facts.unit.level_word)
        assert scope.unit().value == expected, sample.stem
        assert scope.level() == plain(facts.unit.level_word, "unit.kind")
        assert scope.place().value == (facts.unit.full, facts.unit.level_word)


def test_a_message_with_other_slots_is_the_one_dataclasses_replace_makes():
    import dataclasses

    from drafter.plan.model import Message, Slot

    message = Message("k", {"a": Slot("count", 1)}, topic="t", tone="good", connect=True, group="g", lead_in=True,
                      instead=(Message("j"),))
    others = {"b": Slot("plain", "x")}
    assert message.with_slots(others) == dataclasses.replace(message, slots=others)
    # every field but the slots passed on: a field added to Message must be added to with_slots
    assert [f.name for f in dataclasses.fields(Message)] == ["key", "slots", "topic", "tone", "connect", "group",
                                                             "lead_in", "instead"]


def _written_inits():
    from drafter import document
    from drafter.plan import model

    return [document.Source, document.Span, document.Sentence, document.Paragraph, document.Heading,
            model.Slot, model.Message, model.HeadingPlan, model.ParagraphPlan]


@pytest.mark.parametrize("cls", _written_inits(), ids=lambda cls: cls.__name__)
def test_a_hand_written_init_is_the_one_dataclass_writes(cls):
    """The classes that set their fields at once (drafter.document, ``_set``) take the arguments
    ``@dataclass(frozen=True)`` would, make the same objects and stay frozen."""
    import dataclasses
    import inspect

    fields = dataclasses.fields(cls)
    twin = dataclasses.make_dataclass(cls.__name__, [(f.name, f.type, f) for f in fields], frozen=True)
    ours, theirs = inspect.signature(cls.__init__), inspect.signature(twin.__init__)
    assert list(ours.parameters) == list(theirs.parameters)
    for name, parameter in ours.parameters.items():
        default = theirs.parameters[name].default
        assert parameter.kind == theirs.parameters[name].kind
        if default is not inspect.Parameter.empty and repr(default) != "<factory>":
            assert parameter.default == default and type(parameter.default) is type(default), name
    def values(made):
        return {f.name: getattr(made, f.name) for f in fields}

    required = [object() for p in theirs.parameters.values()
                if p.name != "self" and p.default is inspect.Parameter.empty]
    made, twin_made = cls(*required), twin(*required)
    assert values(made) == values(twin_made)  # the defaults, new containers from a factory included
    assert [f.name for f in fields if f.default_factory is not dataclasses.MISSING] == [
        name for name, value in values(made).items() if value == {} and value is not getattr(cls(*required), name)]
    every = [object() for p in theirs.parameters.values() if p.name != "self"]
    assert values(cls(*every)) == values(twin(*every))
    assert cls(*every) == cls(*every) and hash(cls(*every)) == hash(cls(*every))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.__setattr__(fields[0].name, 1)


# ------------------------------------------------------------------ whole documents


def _drafts() -> list:
    from support.samples import SAMPLES

    from drafter import api

    return [api.render(path, template, fmt) for path in SAMPLES for template in ("bao-cao", "tin-bai")
            for fmt in ("md", "docx")]


def test_documents_are_the_same_with_nothing_kept(monkeypatch):
    from drafter.inputs import fast_yaml
    from drafter.layout import decree30, paragraphs
    from drafter.realise import realiser
    from drafter.realise.bank import Entry

    kept = _drafts()
    assert _drafts() == kept  # the kept answers read back
    with monkeypatch.context() as patch:
        for name in ("opening", "names_the_doer", "framing", "follows_a_lead_in"):
            patch.setattr(realiser, name, getattr(openings, name).uncached)
        patch.setattr(openings, "_first_slot", openings._first_slot.uncached)
        patch.setattr(Entry, "heading", property(lambda entry: {}))  # a heading's words never kept
        patch.setattr(Entry, "choosing", property(lambda entry: (True, True)))  # every phrasing resolved
        patch.setattr(fast_yaml, "_key_scalar", fast_yaml._scalar)
        patch.setattr(decree30, "_body_formats", decree30._body_formats.__wrapped__)
        patch.setattr(paragraphs, "_line_formats", paragraphs._line_formats.__wrapped__)
        assert _drafts() == kept


# ------------------------------------------------------------------ tidy's prefilters


def test_tidy_prefilters_find_what_the_patterns_they_replace_find():
    import random
    import re

    from support.samples import SAMPLES

    from drafter.realise import surface

    odd, untidy = re.compile(r"[^\S ]|  "), re.compile(r'"|\s[,.;:?!)…]|[(“]\s|[,;:]\s*[.;,]|([,;:])\1|[?!…]\.')
    pick = random.Random(15)
    letters = list('ab "(“”,.;:?!…)\t\n\r\u00a0\u2003\u3000 ') + ["  ", "..", "::", ";;", ", ."]
    texts = ["".join(pick.choice(letters) for _ in range(pick.randint(0, 10))) for _ in range(100_000)]
    texts += [line for path in SAMPLES for line in path.read_text(encoding="utf-8").splitlines()]
    assert [surface.odd_space(t) for t in texts] == [bool(odd.search(t)) for t in texts]
    assert [bool(surface._UNTIDY.search(t)) for t in texts] == [bool(untidy.search(t)) for t in texts]
    assert sum(bool(untidy.search(t)) for t in texts) > 1000 < sum(not untidy.search(t) for t in texts)


def test_one_pass_over_a_files_texts_finds_what_three_found():
    from drafter.inputs.encodings import may_be_legacy
    from drafter.inputs.validation import _CONTROL, BIDI_CONTROLS, texts_plain

    characters = [chr(code) for code in range(0x110000)]
    three = [not (_CONTROL.search(c) or BIDI_CONTROLS.search(c) or may_be_legacy(c)) for c in characters]
    assert [texts_plain([c]) for c in characters] == three
    assert 30 < three.count(False) < 4000


def test_no_character_xml_refuses_is_printable():
    from drafter.layout.oxml.elements import _XML_ILLEGAL, xml_safe

    refused = [chr(code) for code in range(0x110000) if _XML_ILLEGAL.search(chr(code))]
    assert len(refused) > 2000 and not any(c.isprintable() for c in refused)
    assert xml_safe("Tổ chức\x0b tốt\ud800.\n") == "Tổ chức tốt.\n" and xml_safe("Tổ chức tốt.") == "Tổ chức tốt."


def test_a_choice_among_one_is_the_one_the_hash_gives():
    from drafter.plan.choice import Chooser, _index

    pick = Chooser("xã Ia Grai|Gia Lai|2026")
    assert [pick.number(f"k#{i}", count) for i in range(200) for count in (1, 2, 3, 7)] == [
        _index(pick.seed, f"k#{i}", count) for i in range(200) for count in (1, 2, 3, 7)]
    with pytest.raises(ZeroDivisionError):
        pick.number("k", 0)


# ------------------------------------------------------------------ a report between batch workers


def _state(value):
    """Everything a model holds, models within it included: what its pickle must give back."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return (type(value), {name: _state(item) for name, item in value.__dict__.items()},
                value.__pydantic_fields_set__, value.__pydantic_extra__, value.__pydantic_private__)
    if isinstance(value, (list, tuple)):
        return type(value), [_state(item) for item in value]
    if isinstance(value, dict):
        return type(value), {key: _state(item) for key, item in value.items()}
    return type(value), value


def test_a_report_pickled_by_its_fields_is_the_one_pydantic_pickles():
    import pickle

    from support.samples import SAMPLES

    from drafter import api
    from drafter.inputs import load_report
    from drafter.output import payload

    for path in SAMPLES:
        report = load_report(path)
        ours, theirs = payload.loads(payload.dumps(report)), pickle.loads(pickle.dumps(report))
        assert _state(ours) == _state(theirs) == _state(report)
        assert api.render(ours, "bao-cao", "docx") == api.render(theirs, "bao-cao", "docx")


def test_every_whitespace_but_the_space_is_unprintable():
    """surface.odd_space asks its pattern only of a text that is not printable: it may, because no
    whitespace its pattern finds (every one but the ASCII space) is printable."""
    import re
    import sys

    from drafter.realise.surface import _OTHER_SPACE

    assert not [hex(code) for code in range(sys.maxunicode + 1)
                if _OTHER_SPACE.match(chr(code)) and chr(code).isprintable()]
    assert re.compile(r"\s").match(" ") and not _OTHER_SPACE.match(" ")
