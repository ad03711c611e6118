"""Tests for the ``tin-bai`` pack: the news article about a review conference.

The article is read from the wording stage (``drafter.api.draft``), so these
tests do not depend on any layout writer.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from drafter import api
from drafter import vnformat as vf
from drafter.document import Byline, Paragraph, Title
from drafter.facts import build_facts
from drafter.inputs import load, load_report
from drafter.inputs.model import Report
from drafter.packs.manifest import load_pack

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
CHAIR_FULL = "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh"
VARIANTS = range(12)


# ------------------------------------------------------------------ helpers


def blocks(report: Report, variant: int | None = None):
    return api.draft(report, template="tin-bai", variant=variant).blocks


def text(report: Report, variant: int | None = None) -> str:
    return "\n\n".join(b.text for b in blocks(report, variant) if getattr(b, "text", ""))


def paragraphs(report: Report, variant: int | None = None) -> list[str]:
    return [b.text for b in blocks(report, variant) if isinstance(b, Paragraph)]


def lead(report: Report, variant: int | None = None) -> str:
    """The paragraph that tells the conference: the first, or the second when the article opens with
    the year's results ("Năm 2026, … / Đó là những kết quả được nêu tại Hội nghị …")."""
    return next(b.text for b in blocks(report, variant)
                if isinstance(b, Paragraph) and b.sentences and b.sentences[0].topic == "conference")


#: The date opens the lead, or follows its organiser: "… do UBND tỉnh Gia Lai tổ chức sáng 13/12 …".
DATED = r"^[^.]* (vào|tổ chức) {}[ .]"


def trigram_f1(a: str, b: str) -> float:
    """F1 of the multisets of word trigrams, lowercase, punctuation stripped."""

    def grams(t: str) -> Counter:
        t = re.sub(r"(?<=\d)[.,](?=\d)", "", unicodedata.normalize("NFC", t).lower())
        w = re.sub(r"[^\w\s]", " ", t).split()
        return Counter(zip(w, w[1:], w[2:]))

    ga, gb = grams(a), grams(b)
    return 2 * sum((ga & gb).values()) / (sum(ga.values()) + sum(gb.values()))


def data(report: Report) -> dict:
    return report.model_dump(mode="json", exclude_none=True)


def with_changes(report: Report, **changes) -> Report:
    """A copy of the report with top-level sections replaced (None removes a section)."""
    d = data(report)
    for key, value in changes.items():
        if value is None:
            d.pop(key, None)
        else:
            d[key] = value
    return Report.model_validate(d)


@pytest.fixture(scope="module")
def sample() -> Report:
    return load_report(SAMPLE)


@pytest.fixture(scope="module")
def half_year(sample: Report) -> Report:
    d = data(sample)
    d["period"] = {"year": 2026, "span": "half-year"}
    d["document"]["date"] = "2026-07-08"
    d["conference"].update(date="2026-07-10", time_of_day="chiều")
    d["previous"] = {"recruits_delivered": 3280, "criminal_cases": 436}
    return Report.model_validate(d)


def all_inputs() -> list[tuple[str, Report]]:
    """Every sample file, plus variants built here: half-year, no conference, bare minimum."""
    loaded = [(path.name, load(path)) for path in SAMPLES]
    # a sample another change has just broken is test_validation's business, not this file's
    found = [(name, result.report) for name, result in loaded if result.ok]
    base = load_report(SAMPLE)
    d = data(base)
    d["period"]["span"] = "half-year"
    d["conference"]["date"] = "2026-07-10"
    found.append(("half-year", Report.model_validate(d)))
    found.append(("no-conference", with_changes(base, conference=None, byline=None)))
    found.append(("no-chair", Report.model_validate({**data(base), "conference": {"date": "2026-12-20"}})))
    found.append(("minimal", Report.model_validate({
        "unit": {"name": "Phú Lợi", "kind": "xã", "province": "Gia Lai"},
        "period": {"year": 2026},
        "document": {"date": "2026-12-05", "issuer": "chqs",
                     "signer": {"name": "Nguyễn Văn An", "position": "Chỉ huy trưởng"}},
    })))
    return found


INPUTS = all_inputs()


# ------------------------------------------------------------------ the pack


def test_manifest():
    pack = load_pack("tin-bai")
    assert (pack.name, pack.kind, set(pack.periods)) == ("tin-bai", "news", {"year", "half-year"})
    assert pack.title and pack.description


# ------------------------------------------------------------------ anatomy


@pytest.mark.parametrize("variant", [None, *VARIANTS])
def test_lead_opens_with_time_of_day_and_short_date(sample, variant):
    found = blocks(sample, variant)
    assert isinstance(found[0], Title) and found[0].text
    said = lead(sample, variant)
    # the date opens the lead, or follows its organiser: "… do UBND tỉnh Gia Lai tổ chức sáng 13/12 …"
    assert said.startswith("Sáng 13/12, ") or re.search(DATED.format("sáng 13/12"), said), said
    assert "UBND tỉnh Gia Lai" in said
    assert re.search(r"(?i)hội nghị tổng kết|UBND tỉnh Gia Lai tổng kết (công tác|nhiệm vụ)", said)
    assert "quốc phòng" in said and "quân sự" in said
    assert "năm 2026" in said and "nhiệm vụ năm 2027" in said
    assert "Phạm Quang Hiếu" in said


@pytest.mark.parametrize("variant", [None, *VARIANTS])
def test_full_titles_once_then_short_forms(sample, variant):
    article = text(sample, variant)
    # The chair: full titles at first mention, in the lead, and never again.
    assert article.count(CHAIR_FULL) == 1
    assert CHAIR_FULL in lead(sample, variant)
    # Later mentions use the short title or the name alone.
    after = article.split(CHAIR_FULL, 1)[1]
    assert "Phạm Quang Hiếu" in after or "Phó Chủ tịch UBND tỉnh" in after
    # An attendee who has several titles gets them once too.
    assert article.count("Ủy viên Ban Thường vụ Tỉnh ủy, Chỉ huy trưởng Bộ CHQS tỉnh") == 1


def test_attendees_are_listed_with_rank_titles_and_their_role(sample):
    for variant in VARIANTS:
        article = text(sample, variant)
        # the Military Region's deputy commander directs; the province's own commander attends
        directing = re.search(r"[^.]*(dự(,| và) chỉ đạo hội nghị|tham dự(,| và) chỉ đạo của"
                              r"|Về dự và chỉ đạo có|Dự và chỉ đạo có)[^.]*\.", article, re.IGNORECASE).group()
        assert "Thiếu tướng Lê Minh Đạt, Phó Tư lệnh Quân khu 5" in directing
        assert "Võ Thanh Tâm" not in directing
        assert re.search(r"Đại tá Võ Thanh Tâm, Ủy viên Ban Thường vụ Tỉnh ủy, Chỉ huy trưởng Bộ CHQS tỉnh"
                         r"(;|, cùng| cùng|; cùng dự có) lãnh đạo các sở", article)


@pytest.mark.parametrize("variant", [None, 0, 1, 2, 3])
def test_byline_is_the_last_block(sample, variant):
    last = blocks(sample, variant)[-1]
    assert isinstance(last, Byline) and last.text == "Tin, ảnh: Thanh Hà"


def test_no_byline_when_none_given(sample):
    assert not any(isinstance(b, Byline) for b in blocks(with_changes(sample, byline=None)))


def test_key_figures_and_awards(sample):
    article = text(sample)
    for figure in ("3.350", "100%", "62", "31.890", "0,89%", "48.215", "1,35%", "4,7 tỷ đồng", "21", "Campuchia",
                   "tỉnh Ratanakiri", "12,6 tỷ đồng", "16 tập thể", "48 cá nhân", "Bằng khen"):
        assert re.search(rf"(?<![\w.,]){re.escape(figure)}(?![\w]|[.,]\d)", article), figure


def test_small_award_counts_are_padded(sample):
    awards = [{"giver": "Chủ tịch UBND tỉnh", "kind": "giấy khen", "collectives": 5, "individuals": 7}]
    for variant in VARIANTS:
        article = text(with_changes(sample, awards=awards), variant)
        assert "05 tập thể" in article and "07 cá nhân" in article and "Giấy khen" in article


def test_conclusion_becomes_directions(sample):
    for variant in VARIANTS:
        article = text(sample, variant)
        assert re.search(r"\b(đề nghị|yêu cầu)\b", article)
        assert "kiện toàn tổ chức các Ban Chỉ huy Phòng thủ khu vực" in article


def test_conclusion_items_with_their_own_subject_follow_a_colon(sample):
    d = data(sample)
    d["conference"]["conclusion"] = [
        "Các cấp ủy, chính quyền nhận thức đầy đủ trách nhiệm đối với nhiệm vụ quốc phòng",
        "Lực lượng quân sự, công an duy trì chặt chẽ cơ chế phối hợp",
    ]
    report = Report.model_validate(d)
    for variant in VARIANTS:
        article = text(report, variant)
        assert re.search(r": các cấp ủy, chính quyền nhận thức", article), article
        assert not re.search(r"(đề nghị|yêu cầu|tập trung) (các cấp ủy|lực lượng quân sự)", article)


def test_plain_conclusion_tasks_follow_a_colon_without_an_invented_addressee(sample):
    for variant in range(20):
        article = text(sample, variant)
        assert re.search(r": quán triệt sâu sắc", article)
        assert not re.search(r"(đề nghị|yêu cầu) [^:.]*quán triệt sâu sắc", article)


# ------------------------------------------------------------------ periods


@pytest.mark.parametrize("variant", [None, *VARIANTS])
def test_half_year_article(half_year, variant):
    article = text(half_year, variant)
    assert "6 tháng đầu năm" in article and "6 tháng cuối năm" in article
    assert "sơ kết" in article.lower()
    assert "tổng kết" not in article.lower()
    first = lead(half_year, variant)
    assert first.startswith("Chiều 10/7, ") or re.search(DATED.format("chiều 10/7"), first), first
    assert re.search(r"(?i)hội nghị sơ kết|UBND tỉnh Gia Lai sơ kết (công tác|nhiệm vụ)", article)
    assert "cùng kỳ năm 2025" in article  # the change is against the same period


# ------------------------------------------------------------- comparisons


@pytest.mark.parametrize("variant", [None, *VARIANTS])
def test_comparisons_only_with_previous_figures(sample, variant):
    with_previous = text(sample, variant)
    assert "so với năm 2025" in with_previous
    assert "2,13%" in with_previous  # 3.350 recruits against 3.280
    # crimes, 412 against 436, are left to the report (newsworthy.yaml: report_only); up from 400, they are told
    assert "24 vụ" not in with_previous
    rose = text(with_changes(sample, previous={"recruits_delivered": 3280, "criminal_cases": 400}), variant)
    assert "tăng 12 vụ" in rose and "nhiều hơn" not in rose
    without = text(with_changes(sample, previous=None), variant)
    assert "so với năm 2025" not in without and "năm 2025" not in without
    assert "2,13%" not in without and "24 vụ" not in without


def test_equal_figures_read_as_equal(sample):
    same = with_changes(sample, previous={"recruits_delivered": 3350})
    for variant in VARIANTS:
        article = text(same, variant)
        assert "không thay đổi so với năm 2025" in article
        assert "tăng 0%" not in article and "giảm 0%" not in article


# -------------------------------------------------------- missing sections


@pytest.mark.parametrize("variant", [None, *VARIANTS])
def test_article_without_conference(sample, variant):
    report = with_changes(sample, conference=None)
    found = blocks(report, variant)
    article = text(report, variant)
    lead = found[1].text
    assert lead.startswith("Ngày 15/12, UBND tỉnh Gia Lai ")
    assert "hội nghị" not in article.replace("báo cáo tại hội nghị", "").lower()
    assert "Phạm Quang Hiếu" not in article
    assert "năm 2027" in article  # directions come from the report itself


def test_minimal_report_still_reads(sample):
    name, report = INPUTS[-1]
    assert name == "minimal"
    for variant in VARIANTS:
        found = blocks(report, variant)
        assert isinstance(found[0], Title)
        # nothing but the report's date and its issuer: no sentence about results it never gave
        assert [type(b) for b in found] == [Title, Paragraph]
        assert found[1].text.startswith("Ngày 5/12, Ban CHQS xã Phú Lợi ")


# ---------------------------------------------------------------- variation


def test_variants_differ_and_are_deterministic(sample):
    assert text(sample, 0) != text(sample, 1)
    assert text(sample) == text(sample)
    assert text(sample, 3) == text(sample, 3)


def test_many_variants_are_all_different(sample):
    articles = {text(sample, v) for v in range(10)}
    assert len(articles) == 10
    leads = {paragraphs(sample, v)[0] for v in range(10)}
    assert len(leads) >= 4


def _same_figures_for(sample: Report, name: str) -> Report:
    """The sample's figures for another province, without the narrative text the user typed.

    Conclusions, speeches, strengths and notes are the user's own sentences and
    are printed as given; they are identical by construction, so they are left
    out here to measure the wording the pack adds.
    """
    d = data(sample)
    d["unit"] = {**d["unit"], "name": name}
    for key in ("assessment", "directions", "proposals"):
        d.pop(key, None)
    for key in ("socio_economic", "leadership", "readiness", "security"):
        d[key].pop("notes", None)
    d["leadership"].pop("legal_bases", None)
    d["conference"].update(other_attendees=[], speeches=[], conclusion=[])
    return Report.model_validate(d)


# Bounds for articles with the same figures, people and titles. The articles share every figure,
# name and title and the nouns of the domain ("hài cốt liệt sĩ hy sinh tại Campuchia"); only the
# bank's wording can differ, and it may not add praise or claims the input does not make (the
# Jinja news of 2026-11 reached 0.40 by adding them). A mail merge of the same inputs (one forced
# variant for every province) scores 0.98 on these measures. Since the lead's "UBND tỉnh Gia Lai"
# counts as the unit's first mention (later sentences say "tỉnh", as the corpus does), fewer of the
# names that differ are left, and a change is said with its count and rate, the same in both ("tăng 70
# công dân (2,13%)"), while a registration's share is "bằng" only, and an article says a quota met or
# the communes exercised once ("3.350 công dân …, đạt 100%", not also "3.350/3.350"; "34/135 xã", not
# also "chiếm 25,19%"): the shorter articles share more of their domain's words. 18 of the 28 pairs
# below measure under 0.6, not 23, and the averages over three sets of eight provinces went from
# 0.573, 0.579, 0.565 to 0.584, 0.593, 0.576 (benchmarks/variety.py, the measure: 0.247).
# The sixth and seventh blind readings took away phrasings that gave the articles away, not
# phrasings that differed in meaning: a topic labelled "Về …," once an article, a scene framed once,
# no connector before a headcount or days on duty, a task asked for ("đề nghị …") rather than quoted
# after one of four colon verbs, no passive grade; and they asked for the collocations the domain
# fixes ("thực hiện nghĩa vụ tham gia Công an nhân dân" every time, not also "tham gia nghĩa vụ …";
# "365/365 ngày"; "đạt 100% quân số"), which every article then shares. The averages over the same
# three sets went from 0.581, 0.583, 0.590 to 0.600, 0.588, 0.608 (medians 0.602, 0.584, 0.613; 18 to
# 23 of 28 pairs under 0.62), so the bounds below went from a mean under 0.59 with 60% of the pairs
# under 0.6 to a mean under 0.62 with 60% of the pairs under 0.62; the measure stayed at 0.249.
# The eighth reading's changes (a paragraph says "hội nghị" at most twice where the bank allows; a
# strength that opens with its verb told as the unit's, "xã đã quan tâm …"; a headline that promises
# tasks only when the article tells some) moved the three sets to 0.618, 0.600, 0.602 (10, 14 and 13
# pairs under 0.6), and a brief's figures sharing the unit's sentence and its training clause naming
# the force ("dân quân tự vệ") to 0.622, 0.602, 0.605: the bounds are now a mean under 0.63 and no
# pair over 0.76 (0.738 at worst), the share of pairs under a line saying no more than the mean does.
# The measure is 0.249.


def test_same_figures_in_two_provinces_read_differently(sample):
    a = text(_same_figures_for(sample, "Gia Lai"))
    b = text(_same_figures_for(sample, "Đắk Lắk"))
    assert a != b
    # one pair is one draw, the worst of the 28 of the test below (0.73 measured; the test below holds
    # the distribution): it moves by a few hundredths with any phrasing added or taken away
    assert trigram_f1(a, b) < 0.75
    mail_merge = trigram_f1(text(_same_figures_for(sample, "Gia Lai"), 0), text(_same_figures_for(sample, "Đắk Lắk"), 0))
    assert mail_merge > 0.95  # the measure itself still tells a copy from a rewrite


def test_same_figures_across_many_provinces(sample):
    names = ["Gia Lai", "Đắk Lắk", "Thanh Hóa", "Lâm Đồng", "Cà Mau", "Lào Cai", "Quảng Ninh", "Nghệ An"]
    articles = [text(_same_figures_for(sample, name)) for name in names]
    scores = [trigram_f1(a, b) for a, b in itertools.combinations(articles, 2)]
    assert sum(scores) / len(scores) < 0.63
    assert max(scores) < 0.76


def test_whole_sample_in_two_provinces_is_not_a_copy(sample):
    """Even with every typed sentence identical, the articles are far from a mail merge."""
    names = ["Gia Lai", "Đắk Lắk", "Thanh Hóa", "Lâm Đồng", "Cà Mau", "Lào Cai", "Quảng Ninh", "Nghệ An"]
    articles = [text(with_changes(sample, unit={**data(sample)["unit"], "name": name})) for name in names]
    scores = [trigram_f1(a, b) for a, b in itertools.combinations(articles, 2)]
    # measured 0.69 on average, 0.75 at worst; a mail merge of the same articles scores 0.98. Fewer
    # phrasings that gave the articles away and the domain's fixed collocations (the sixth to eighth
    # blind readings, 2026-12-01) moved three sets of eight from 0.703, 0.710, 0.706 to 0.723, 0.717,
    # 0.715 (0.789 at worst): the mean bound went from 0.72 to 0.74
    assert sum(scores) / len(scores) < 0.74
    assert max(scores) < 0.80


# ------------------------------------------------------------------ hygiene

NOISE = ("Viết bình luận", "Thống kê truy cập", "Đang online", "lượt xem", "Cập nhật ngày", "GMT")


@pytest.mark.parametrize("name,report", INPUTS, ids=[name for name, _ in INPUTS])
def test_text_hygiene(name, report):
    for variant in [None, *range(8)]:
        found = blocks(report, variant)
        assert isinstance(found[0], Title)
        article = text(report, variant)
        assert article == unicodedata.normalize("NFC", article)
        assert "None" not in article
        assert "  " not in article
        assert not re.search(r" [,.;:?!)]", article)
        assert not re.search(r"[,;:] *[,.;:]", article), re.search(r".{30}[,;:] *[,.;:].{10}", article)
        assert '"' not in article and "''" not in article
        assert not any(noise in article for noise in NOISE)
        for block in found:
            if isinstance(block, Paragraph):
                assert block.text.endswith(".")
                for sentence in re.split(r"(?<=[.!?])\s+", block.text):
                    assert sentence and not sentence[0].isdigit(), sentence
                    assert not sentence[0].islower(), sentence


def _allowed_numbers(report: Report) -> set[str]:
    """Every number a draft may print: input values, derived values, changes, dates, years."""
    facts = build_facts(report)
    allowed: set[str] = set()

    def walk(value):
        if isinstance(value, bool):
            return
        if isinstance(value, int):
            allowed.update({vf.format_integer(value), vf.format_count_padded(value)})
            if value >= 10**6:
                allowed.add(vf.format_money(value).split(" ")[0])
        elif isinstance(value, float):
            allowed.add(vf.format_decimal(value))
        elif isinstance(value, str):
            allowed.update(re.findall(r"\d[\d.,/]*\d|\d", value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(report.model_dump(mode="python"))
    for key, value in facts.derived.items():
        allowed.add(vf.format_percent(value) if ("rate" in key or "share" in key) else vf.format_integer(value))
    for change in facts.changes.values():
        allowed.add(vf.format_integer(abs(change.difference)))
        if change.percent is not None:
            allowed.add(vf.format_percent(change.percent))
    for day in [report.document.date] + ([report.conference.date] if report.conference and report.conference.date
                                         else []):
        allowed.update({vf.format_date_short(day), vf.format_date_numeric(day)})
    year = report.period.year
    # Years of the period, the age of registration, the half-year and the education groups.
    allowed.update({str(year), str(year + 1), str(year - 1), "17", "6", "1", "2", "3", "4"})
    return {a.rstrip("%") for a in allowed if a}


@pytest.mark.parametrize("name,report", INPUTS, ids=[name for name, _ in INPUTS])
def test_every_number_comes_from_the_input(name, report):
    allowed = _allowed_numbers(report)
    for variant in [None, *range(8)]:
        for number in re.findall(r"\d[\d.,/]*\d|\d", text(report, variant)):
            number = number.rstrip(".,")
            assert number in allowed or all(part in allowed for part in number.split("/")), number


def test_no_hundred_percent_unless_computed(sample):
    d = data(sample)
    d["recruitment"]["delivered"] = 3340
    d["recruitment"]["police_delivered"] = 400
    d["assessment"]["strengths"] = ["Cấp ủy, chính quyền các cấp quan tâm lãnh đạo, chỉ đạo"]
    d.pop("directions")  # the user's own tasks may well say "100%"; this is about what drafter says
    report = Report.model_validate(d)
    for variant in [None, *VARIANTS]:
        article = text(report, variant)
        assert "100%" not in article
        assert "99,7%" in article
        assert "giao đủ" not in article


# ---------------------------------------------------------------- benchmark


def test_variety_benchmark_meets_its_target():
    import importlib.util

    spec = importlib.util.spec_from_file_location("variety", ROOT / "benchmarks" / "variety.py")
    variety = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(variety)
    reports = variety.build_reports()
    assert len(reports) == 34
    assert len({(r.unit.kind, r.unit.name) for r in reports}) == 34
    articles = [variety.article(r) for r in reports]
    assert variety.mean_pairwise_f1(articles) <= variety.TARGET == 0.25
    assert variety.mean_pairwise_f1([variety.baseline(r) for r in reports]) > 0.35
