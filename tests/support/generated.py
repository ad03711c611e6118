"""Valid reports grown from the samples, for property tests (hypothesis): new figures, dates and
periods, optional sections dropped, the figures kept consistent with each other as real ones are."""

from __future__ import annotations

import copy
import math

from hypothesis import assume
from hypothesis import strategies as st

from drafter.inputs.model import Report
from drafter.inputs.dates import period_window
from drafter.inputs.validation import validate_data
from drafter.inputs.yaml_reader import Positions
from support.samples import SAMPLES, report_of

BASES = [report_of(path).model_dump(mode="python") for path in SAMPLES]
OPTIONAL_SECTIONS = (
    "conference", "socio_economic", "leadership", "readiness", "exercises", "militia", "reserve",
    "defence_education", "recruitment", "welfare", "disaster", "remains", "foreign_relations",
    "defence_land", "funding", "security", "assessment", "previous",
)
#: Sections that may name the legal bases of their own topic (a basis may open the topic's first
#: sentence: "Thực hiện …, tỉnh …").
BASED = ("readiness", "exercises", "militia", "reserve", "defence_education", "recruitment", "welfare",
         "disaster", "remains", "foreign_relations", "defence_land", "funding", "security")
#: Fields that name the report rather than count anything; kept as the sample has them.
FIXED = {("unit", "population"), ("period", "year"), ("document", "number")}


def _money(draw) -> int:
    kind = draw(st.sampled_from(["tỷ", "triệu", "exact"]))
    if kind == "tỷ":
        return draw(st.integers(1, 400)) * 10**8  # 0,1 … 40 tỷ
    if kind == "triệu":
        return draw(st.integers(1, 999)) * 10**6
    return draw(st.integers(1_000, 9_999_999_999))


def _vary(draw, value, path: tuple):
    """A plausible new value for one field of a sample, of the same kind."""
    if isinstance(value, bool) or path in FIXED:
        return value
    if isinstance(value, dict):
        return {key: _vary(draw, item, path + (key,)) for key, item in value.items()}
    if isinstance(value, list):
        return [_vary(draw, item, path) for item in value]
    if isinstance(value, float):
        return draw(st.integers(1, 10**6)) / draw(st.sampled_from([1, 10, 100]))
    if isinstance(value, int):
        if path[-1] in ("amount", "welfare_amount"):
            return _money(draw)
        if path[-1] in ("collectives", "individuals"):
            return draw(st.integers(0, 60))
        return draw(st.integers(max(1, value // 3), value * 3 + 10))
    return value


def _clamp(data: dict, draw) -> None:
    """Make the varied figures agree with each other as real ones do."""
    population = data["unit"].get("population")
    rc = data.get("recruitment")
    if rc:
        if rc.get("quota") and rc.get("delivered") is not None:
            rc["delivered"] = draw(st.integers(math.ceil(rc["quota"] * 0.9), rc["quota"]))
        if rc.get("party_members") is not None and rc.get("delivered") is not None:
            rc["party_members"] = min(rc["party_members"], rc["delivered"])
        if rc.get("police_quota") and rc.get("police_delivered") is not None:
            rc["police_delivered"] = draw(st.integers(math.ceil(rc["police_quota"] * 0.9), rc["police_quota"]))
        if population and rc.get("registered_age_17"):
            rc["registered_age_17"] = max(1, min(rc["registered_age_17"], population * 3 // 100))
    mi = data.get("militia")
    if mi and mi.get("strength"):
        if population:
            mi["strength"] = max(1, min(mi["strength"], population * 5 // 100))
        for key in ("trained", "party_members"):
            if mi.get(key) is not None:
                mi[key] = min(mi[key], mi["strength"])
    rd = data.get("readiness")
    if rd and rd.get("duty_days") is not None:  # never more days than the period has (E315)
        rd["duty_days"] = min(rd["duty_days"], 181 if data["period"].get("span") == "half-year" else 365)
    ex = data.get("exercises")
    if ex and ex.get("communes_total") and ex.get("communes_exercised") is not None:
        ex["communes_exercised"] = min(ex["communes_exercised"], ex["communes_total"])
    se = data.get("socio_economic")
    if se and se.get("targets_total") and se.get("targets_met") is not None:
        se["targets_met"] = min(se["targets_met"], se["targets_total"])
    for award in data.get("awards", []):
        if not award["collectives"] and not award["individuals"]:
            award["individuals"] = 1


@st.composite
def reports(draw) -> Report:
    """Valid reports grown from the samples: new figures, dates, period; sections dropped."""
    data = copy.deepcopy(draw(st.sampled_from(BASES)))
    data = {key: _vary(draw, value, (key,)) if key not in ("unit", "period", "document") else value
            for key, value in data.items()}
    span = draw(st.sampled_from(["year", "half-year"]))
    data["period"] = {**data["period"], "span": span}
    first, last = period_window(data["period"]["year"], span)
    data["document"] = {**data["document"], "date": draw(st.dates(first, last))}
    if data.get("conference"):
        data["conference"]["date"] = draw(st.dates(first, last))
    for name in OPTIONAL_SECTIONS:
        if data.get(name) is not None and draw(st.booleans()):
            data[name] = None
    if draw(st.booleans()):
        data["awards"] = []
    for name in draw(st.lists(st.sampled_from(BASED), max_size=3, unique=True)):
        if data.get(name) is not None:
            data[name] = {**data[name], "legal_bases": ["Nghị định số 21/2019/NĐ-CP của Chính phủ"]}
    _clamp(data, draw)
    report, problems = validate_data(data, Positions("hypothesis"))
    assume(report is not None)
    return report
