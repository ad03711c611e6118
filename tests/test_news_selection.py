"""What a news article tells of the results (drafter/plan/newsworthy.yaml), read back from the .docx.

A commune's article in the provincial papers runs to a few hundred words with the figures a
reader looks for; the report keeps every figure. An article never leaves out the user's own
words, nor a figure that went the wrong way.
"""

from __future__ import annotations

import re

import pytest
from support.texts import output_text

from drafter.inputs import load_report
from drafter.inputs.model import Report
from drafter.plan import news, newsworthy

COMMUNE = "samples/phuong-an-khe-2026.yaml"
VARIANTS = [None, 0, 3, 7]


def figure(value: str, text: str) -> bool:
    """Whether ``value`` ("1.148", "486 triệu") stands in ``text`` as whole tokens."""
    return re.search(rf"(?<![\d.,]){re.escape(value)}(?![\d]|[.,]\d)", text) is not None


@pytest.fixture(scope="module")
def commune() -> Report:
    return load_report(COMMUNE)


def _with(report: Report, **sections) -> Report:
    data = report.model_dump(mode="json", exclude_none=True)
    for name, values in sections.items():
        data[name] = {**data.get(name, {}), **values}
    return Report.model_validate(data)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_communes_article_leaves_the_bookkeeping_to_the_report(commune, variant):
    article = output_text(commune, "tin-bai", "docx", variant)
    report = output_text(commune, "bao-cao", "docx", variant)
    # reservists on the books and the welfare budget: the report states them, the article does not
    for value in ("1.148", "486 triệu"):
        assert figure(value, report), value
        assert not figure(value, article), value
    # what a reader of the paper looks for is told: recruitment, militia, disaster relief
    for value in ("51/52", "642", "310"):
        assert figure(value, article), value


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_province_tells_more_than_a_commune(variant):
    province = output_text(load_report("samples/gia-lai-2026.yaml"), "tin-bai", "docx", variant)
    assert len(re.findall(r"\d[\d.,]*", province)) > len(re.findall(r"\d[\d.,]*",
                                                                     output_text(load_report(COMMUNE), "tin-bai", "docx", variant)))


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_users_words_of_a_topic_left_out_are_still_told(commune, variant):
    note = "Tổ chức kiểm tra sẵn sàng động viên tại 3 tổ dân phố"
    changed = _with(commune, reserve={"notes": [note]})
    article = output_text(changed, "tin-bai", "docx", variant)
    assert note.casefold() in article.casefold()  # after a connector it is written small
    assert not figure("1.148", article)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_figure_that_went_the_wrong_way_is_never_left_out(commune, variant):
    # with remains, foreign relations and training to tell too, the commune's 9 criminal cases no longer fit
    fuller = _with(commune, remains={"domestic": 2}, foreign_relations={"activities": 2},
                   exercises={"units_trained": 14})
    assert not figure("9 vụ", output_text(fuller, "tin-bai", "docx", variant))
    # up from 5 the year before, they are told all the same: a draft does not hide bad news
    previous = commune.previous.model_dump(mode="json", exclude_none=True)
    worse = _with(fuller, previous={**previous, "criminal_cases": 5})
    article = output_text(worse, "tin-bai", "docx", variant)
    assert figure("9 vụ", article) and figure("4 vụ", article), article


def test_every_topic_of_the_results_is_ranked():
    ranked = newsworthy.rules()["rank"]
    assert len(ranked) == len(set(ranked))
    assert set(ranked) == set(news.TOPICS) - {"context"}
    assert set(newsworthy.rules()["most"]) == {"province", "district", "commune"}


@pytest.mark.parametrize("variant", VARIANTS)
def test_causes_are_a_sentence_of_their_own(variant):
    article = output_text(load_report(COMMUNE), "tin-bai", "docx", variant)
    [shortcomings] = [s for s in re.split(r"(?<=\.)\s+", article) if "chưa hoàn thành 100% chỉ tiêu giao quân" in s]
    assert "nguyên nhân" not in shortcomings.casefold()
    assert "phúc tra sức khỏe" in article
