"""Variants of the samples that several test files check the same way."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from drafter.inputs import load_report
from drafter.inputs.model import Report

ROOT = Path(__file__).resolve().parents[2]
#: Every sample input of the repository.
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


@cache
def report_of(path: Path) -> Report:
    """A sample's report, read once per test session."""
    return load_report(path)

#: The smallest input that validates: a province, a year, a signer and the recruitment figures.
MINIMAL_YAML = """\
unit:
  name: Gia Lai
  kind: tỉnh
  population: 3583693
period:
  year: 2026
document:
  date: 2026-12-15
  signer:
    name: Phạm Quang Hiếu
    position: Phó Chủ tịch
recruitment:
  quota: 3350
  delivered: 3350
"""


def half_year(report: Report) -> Report:
    """The same unit and figures as a half-year review held and signed in July."""
    year = report.period.year
    update = {
        "period": report.period.model_copy(update={"span": "half-year"}),
        "document": report.document.model_copy(update={"date": dt.date(year, 7, 3)}),
    }
    if report.conference is not None:
        update["conference"] = report.conference.model_copy(update={"date": dt.date(year, 7, 1)})
    return Report.model_validate(report.model_copy(update=update).model_dump())
