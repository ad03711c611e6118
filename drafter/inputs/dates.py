"""Dates and days against the report's period: when a review can be held or signed, and how many
days of duty the period has had by then."""

from __future__ import annotations

import datetime as dt

from drafter.errors import Problem
from drafter.inputs.model import Report, period_bounds
from drafter.inputs.yaml_reader import Positions


def period_window(year: int, span: str) -> tuple[dt.date, dt.date]:
    """Dates on which a review of the period can plausibly be held or signed.

    An annual review runs from the autumn into the first quarter of the next
    year; a half-year review from June to September.

    >>> period_window(2026, "year")
    (datetime.date(2026, 9, 1), datetime.date(2027, 3, 31))
    """
    if span == "half-year":
        return dt.date(year, 5, 15), dt.date(year, 9, 30)
    return dt.date(year, 9, 1), dt.date(year + 1, 3, 31)


def signing_year(year: int, span: str) -> int:
    """The year a draft without a date prints in its blank date line: the year the period's window
    opens (:func:`period_window`), which is the period's own. An annual review is held and signed
    in December, so "năm 2023" is right for nearly every report of 2023; one signed in the first
    quarter after is the exception an officer corrects by hand, as he writes the day and month.

    >>> signing_year(2023, "year"), signing_year(2026, "half-year")
    (2023, 2026)
    """
    return period_window(year, span)[0].year


#: How long before its end a period may be reported on as if whole: reviews held in December count
#: the duty to 31 December, as every sample does; one signed in early November is a month short.
WHOLE_PERIOD_SLACK = dt.timedelta(days=31)


def date_problems(report: Report, positions: Positions) -> list[Problem]:
    """Dates outside the period's window (E303), and days on duty the period cannot have (E315) or
    has not had yet by the earliest date of the report, more than a month before the period ends
    (W412): a report signed on 13 November that says "365/365 ngày" counts days still to come,
    which a blind reader took for a machine's sum. A time of day without its day (W416) is dropped
    by the article, so the user hears of it."""
    problems: list[Problem] = []
    period = report.period
    first, last = period_window(period.year, period.span)
    window = f"{first:%d/%m/%Y} - {last:%d/%m/%Y}"
    dated = [(day, loc) for day, loc in (
        (report.document.date, ("document", "date")),  # None: left blank for the signing day
        (report.conference.date if report.conference else None, ("conference", "date"))) if day is not None]
    conference = report.conference
    if conference is not None and conference.date is None and conference.time_of_day is not None:
        # "sáng" without a day cannot be said ("Sáng …, UBND tỉnh …"): the article leaves it out
        problems.append(positions.problem("W416", ("conference", "time_of_day"), found=conference.time_of_day))
    for day, loc in dated:
        if not first <= day <= last:
            problems.append(positions.problem("E303", loc, found=f"{day:%d/%m/%Y}", expected=window))
    days = report.readiness.duty_days if report.readiness else None
    if days is None:
        return problems
    start, end = period_bounds(period.year, period.span == "half-year")
    loc = ("readiness", "duty_days")
    whole = (end - start).days  # 365 or 366 days a year, 181 or 182 its first half
    if days > whole:
        problems.append(positions.problem("E315", loc, found=str(days), expected=str(whole)))
    elif dated:  # undated, the report may be signed at the period's end: any count of days fits
        earliest = min(day for day, _ in dated)
        # days from the period's start to the earliest date, that day included
        elapsed = (earliest - start).days + 1
        if start <= earliest and end - earliest > WHOLE_PERIOD_SLACK and days > elapsed:
            problems.append(positions.problem("W412", loc, found=str(days), expected=str(elapsed),
                                              extra={"date": f"{earliest:%d/%m/%Y}"}))
    return problems
