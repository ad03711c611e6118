"""Properties of the generated prose over generated inputs (hypothesis): what an editor checks by
hand on every article, checked on thousands of them.

- every sentence that states something names its sources, and every item the user typed is said;
- a target missed, or crime that rose, is never dressed in words of success;
- connectors ("Bên cạnh đó", …) are used once each and never open two sentences in a row;
- no sentence runs over 120 words; no bracket, quote or slot is left open;
- the same input gives the same words and the same bytes.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from support.generated import reports

from drafter import api
from drafter.checks.sentences import check_sentences
from drafter.document import Paragraph
from drafter.inputs.model import Report
from drafter.packs.manifest import load_pack
from drafter.realise.bank import load_bank

#: The news bank's connectors, read from the bank so that an added one is checked too.
CONNECTORS = load_bank(load_pack("tin-bai").bank_files(), "news").settings.connectors
#: Words of success: said of a target only when the figures meet it.
SUCCESS = re.compile(r"\b(giao đủ|hoàn thành|vượt|đạt và vượt|đạt, vượt)\b", re.IGNORECASE)
KINDS = {"tin-bai": "news", "bao-cao": "report"}
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _sentences(draft):
    for block in draft.blocks:
        if isinstance(block, Paragraph):
            yield from block.sentences


def _writes(template: str, report: Report) -> bool:
    return report.period.span in load_pack(template).periods


@pytest.mark.parametrize("template", KINDS)
@SETTINGS
@given(report=reports())
def test_every_claim_has_a_source_and_every_typed_item_is_said(template, report):
    if not _writes(template, report):
        return
    draft = api.draft(report, template)
    assert check_sentences(draft, report, KINDS[template]) == []


@pytest.mark.parametrize("template", KINDS)
@SETTINGS
@given(report=reports())
def test_a_missed_target_is_not_called_a_success(template, report):
    if not _writes(template, report):
        return
    recruitment = report.recruitment
    missed_army = recruitment and recruitment.quota and recruitment.delivered is not None \
        and recruitment.delivered < recruitment.quota
    missed_police = recruitment and recruitment.police_quota and recruitment.police_delivered is not None \
        and recruitment.police_delivered < recruitment.police_quota
    previous = report.previous.criminal_cases if report.previous else None
    cases = report.security.criminal_cases if report.security else None
    for sentence in _sentences(api.draft(report, template)):
        text = sentence.text
        if sentence.message.startswith("note"):
            continue  # the user's own words are theirs to choose
        if sentence.topic == "recruitment":
            if missed_army and "nhập ngũ" in text and "Công an" not in text:
                assert not SUCCESS.search(text), text
            if missed_police and "Công an nhân dân" in text and "nhập ngũ" not in text:
                assert not SUCCESS.search(text), text
        if sentence.topic == "security" and previous is not None and cases is not None and cases > previous:
            assert "giảm" not in text, text


@SETTINGS
@given(report=reports())
def test_connectors_are_used_once_and_never_twice_in_a_row(report):
    if not _writes("tin-bai", report):
        return
    openings = [s.text for s in _sentences(api.draft(report, "tin-bai"))]
    used = [c for text in openings for c in CONNECTORS if text.startswith(c + ",")]
    assert len(used) == len(set(used)), used
    for first, second in zip(openings, openings[1:]):
        assert not (first.startswith(CONNECTORS) and second.startswith(CONNECTORS)), (first, second)


@pytest.mark.parametrize("template", KINDS)
@SETTINGS
@given(report=reports())
def test_sentences_are_short_closed_and_tidy(template, report):
    if not _writes(template, report):
        return
    for sentence in _sentences(api.draft(report, template)):
        text = sentence.text
        assert len(text.split()) <= 120, text
        assert text == unicodedata.normalize("NFC", text)
        assert text.count("(") == text.count(")") and text.count("“") == text.count("”"), text
        assert not re.search(r"[{}<>\[\]|]|None|  | [,.;:)]", text), text
        opening = text.removeprefix("- ")[:1]
        assert opening.isupper() or opening.isdigit(), text


@pytest.mark.parametrize("template", KINDS)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_the_same_input_gives_the_same_bytes(template, report):
    if not _writes(template, report):
        return
    assert api.render(report, template=template, format="txt") == api.render(report, template=template, format="txt")
    assert api.render(report, template=template, format="docx") == api.render(report, template=template, format="docx")


@pytest.mark.parametrize("template", KINDS)
@SETTINGS
@given(report=reports())
def test_a_legal_basis_that_opens_a_sentence_goes_on_with_its_subject_or_verb(template, report):
    # "Thực hiện Nghị định …, về dân quân, …" or "…, có 21 nhà …" stacks two openings
    if not _writes(template, report):
        return
    for sentence in _sentences(api.draft(report, template)):
        said = sentence.message.split("+")  # "topic.bases+readiness.duty"; not "topic.bases+connector"
        if said[0] == "topic.bases" and len(said) > 1 and said[1] != "connector":
            rest = sentence.text.split("Chính phủ, ", 1)[1]
            first = rest.split()[0]  # a word written small, or an abbreviation said before ("LLVT phường …"),
            # or the military command whose report it is ("Bộ CHQS tỉnh …", "Ban CHQS phường …")
            assert (first[0].islower() or first.isupper() or rest.startswith(("Bộ CHQS", "Ban CHQS"))) and first not in (
                "về", "trong", "có", "qua", "để", "ở", "với", "đối", "khi", "thực", "nhằm"), sentence.text
