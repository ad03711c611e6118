"""Every field a user fills in reaches a draft: change it, and the report or the article changes.

A field whose change leaves both drafts as they were is a user's input silently dropped — the
complaint editors make most ("it lost my notes"). The few fields that rightly change nothing in
a given sample are listed with the reason.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

import pytest
from support.samples import SAMPLES, report_of

from drafter import api
from drafter.inputs.validation import validate_data
from drafter.inputs.yaml_reader import Positions

#: Fields that name the unit and the period, checked against the map; they head every draft and
#: the issuer tests (tests/test_issuer.py) check every value of them against a reviewed table.
NAMING = {("unit", "name"), ("unit", "province"), ("unit", "kind"), ("unit", "level"), ("period", "year"),
          ("period", "span")}
#: Values to try for fields that take one of a few words.
CHOICES = {"time_of_day": ["chiều", "sáng", "tối"], "issuer": ["chqs", "ubnd"],
           "kind": ["giấy khen", "bằng khen", "cờ thi đua"]}


def _silent_by_design(path: tuple, data: dict) -> str:
    """Why a field may change nothing in this sample, or "" when it must change something."""
    if path == ("unit", "military_region") and data["document"].get("recipients"):
        return "the region comes from the map; the user's value is only checked against it (W410)"
    if path[-1] == "short_title" or (path[:2] == ("conference", "speeches") and "speaker" in path
                                     and path[-2] == "titles"):
        return "used at a later mention only: this person is introduced once, with every title"
    return ""


def _leaves(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    elif value is not None:
        yield path, value


def _replaced(data: dict, path: tuple, value) -> dict:
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def _changes(path: tuple, value) -> list:
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, int):
        return [value + 1, value - 1, value * 2]
    if isinstance(value, float):
        return [round(value + 0.5, 2), round(value / 2, 2)]
    if isinstance(path[-1], str) and path[-1] in CHOICES:
        return [choice for choice in CHOICES[path[-1]] if choice != value]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = dt.date.fromisoformat(value)
        return [(day - dt.timedelta(days=1)).isoformat(), (day + dt.timedelta(days=1)).isoformat()]
    return [value + " mới", "Khác"]


def _drafts(report) -> tuple[str, str]:
    return api.render(report, template="bao-cao", format="txt"), api.render(report, template="tin-bai", format="txt")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_every_field_the_user_fills_reaches_a_draft(sample):
    data = report_of(sample).model_dump(mode="json")
    before = _drafts(report_of(sample))
    dropped = []
    for path, value in _leaves(data):
        if path in NAMING or _silent_by_design(path, data):
            continue
        tried = False
        for new in _changes(path, value):
            report, _ = validate_data(_replaced(data, path, new), Positions(str(sample)))
            if report is None:
                continue  # a value the input would refuse: try the next
            tried = True
            if _drafts(report) != before:
                break
        else:
            dropped.append(".".join(map(str, path)) + ("" if tried else " (no valid change found)"))
    assert dropped == [], f"fields that change neither draft: {dropped}"

