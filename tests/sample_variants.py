"""Variants of the samples that several test files check the same way."""

from __future__ import annotations

import datetime as dt

from drafter.model import Report


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
