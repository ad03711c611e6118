"""How an article names periods (ninth session, 2026-12-02): readers marked "so với cùng kỳ năm
2025" five times and "6 tháng cuối năm 2026" three times in one article. The press says the year
once, then "so với cùng kỳ", "6 tháng cuối năm"; a year's comparison after the first is "so với năm
trước". A headline stands apart and keeps the year; a report names its periods in full throughout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from drafter import api
from drafter.checks.sentences import sentences_of
from drafter.inputs import load
from drafter.inputs.model import Report

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
VARIANTS = [None, *range(8)]


def _article(sample: str, variant) -> tuple[str, str]:
    """The headline and the body of a sample's article."""
    draft = api.draft(load(SAMPLES / sample), "tin-bai", variant)
    return draft.title, " ".join(s.text for s in sentences_of(draft))


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_half_years_article_says_the_year_of_each_period_once(variant):
    title, body = _article("gia-lai-2026-6-thang.yaml", variant)
    assert "6 tháng cuối năm" not in title or "6 tháng cuối năm 2026" in title, title
    assert len(re.findall(r"\bcùng kỳ năm 2025\b", body)) == 1, body
    assert len(re.findall(r"\bso với cùng kỳ\b(?! năm)", body)) >= 3, body
    assert len(re.findall(r"\b6 tháng cuối năm 2026\b", body)) == 1, body
    assert re.search(r"\b6 tháng cuối năm\b(?! 2026)", body), body
    assert body.index("6 tháng cuối năm 2026") == body.index("6 tháng cuối năm"), body


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_years_article_compares_with_the_year_before_by_its_number_once(variant):
    data = yaml.safe_load((SAMPLES / "gia-lai-2026-6-thang.yaml").read_text(encoding="utf-8"))
    data["period"]["span"] = "year"
    report = Report.model_validate(data)
    body = " ".join(s.text for s in sentences_of(api.draft(report, "tin-bai", variant)))
    assert len(re.findall(r"\bso với năm 2025\b", body)) == 1, body
    assert re.search(r"\bso với năm trước\b", body), body
    assert body.index("so với năm 2025") < body.index("so với năm trước"), body


def test_a_report_names_its_periods_in_full_throughout():
    text = " ".join(s.text for s in sentences_of(api.draft(load(SAMPLES / "gia-lai-2026-6-thang.yaml"), "bao-cao")))
    assert len(re.findall(r"\bso với cùng kỳ năm 2025\b", text)) >= 3, text
    assert not re.search(r"\bso với cùng kỳ\b(?! năm)", text), text
