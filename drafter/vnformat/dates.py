"""The dates of Decree 30/2020/NĐ-CP documents and of newspaper datelines."""

from __future__ import annotations

import datetime

from drafter.vnformat.numeric import _nfc

# ------------------------------------------------------------------ dates
# CLDR's "vi" dates ("5 tháng 1, 2026", "05/01/2026") follow neither Decree 30
# nor newspaper usage, so these are written out.


def format_date_nd30(d: datetime.date) -> str:
    """The date of issue, Decree 30/2020/NĐ-CP: a zero before days < 10 and months 1, 2.

    >>> format_date_nd30(datetime.date(2026, 1, 5)), format_date_nd30(datetime.date(2026, 6, 29))
    ('ngày 05 tháng 01 năm 2026', 'ngày 29 tháng 6 năm 2026')
    >>> format_date_nd30(datetime.date(2026, 12, 13)), format_date_nd30(datetime.date(2026, 2, 1))
    ('ngày 13 tháng 12 năm 2026', 'ngày 01 tháng 02 năm 2026')
    """
    # The decree pads months 1 and 2 only, so that "tháng 1" cannot become "tháng 11".
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def format_place_date(place: str, d: datetime.date) -> str:
    """Place and date line under the national motto.

    >>> format_place_date("Gia Lai", datetime.date(2026, 12, 5))
    'Gia Lai, ngày 05 tháng 12 năm 2026'
    """
    return _nfc(f"{place.strip()}, {format_date_nd30(d)}")


def format_date_short(d: datetime.date) -> str:
    """Day and month as newspapers print them.

    >>> format_date_short(datetime.date(2022, 12, 13)), format_date_short(datetime.date(2022, 12, 8))
    ('13/12', '8/12')
    """
    return f"{d.day}/{d.month}"


def format_date_numeric(d: datetime.date) -> str:
    """Full numeric date without leading zeros, as newspapers print it.

    >>> format_date_numeric(datetime.date(2022, 12, 13)), format_date_numeric(datetime.date(2022, 12, 8))
    ('13/12/2022', '8/12/2022')
    """
    return f"{d.day}/{d.month}/{d.year}"


_TIME_OF_DAY = {
    None: "Ngày",
    "sang": "Sáng",
    "chieu": "Chiều",
    "toi": "Tối",
    "sáng": "Sáng",
    "chiều": "Chiều",
    "tối": "Tối",
}


def format_news_dateline(d: datetime.date, time_of_day: str | None = None) -> str:
    """Opening words of a news item: part of the day (or "Ngày") and day/month.

    >>> format_news_dateline(datetime.date(2022, 12, 13), "sang")
    'Sáng 13/12'
    >>> format_news_dateline(datetime.date(2022, 12, 8), "chiều")
    'Chiều 8/12'
    >>> format_news_dateline(datetime.date(2022, 12, 14))
    'Ngày 14/12'
    """
    key = _nfc(time_of_day.strip().lower()) if time_of_day is not None else None
    if key not in _TIME_OF_DAY:
        raise ValueError(f"unknown time of day: {time_of_day!r}")
    return f"{_TIME_OF_DAY[key]} {format_date_short(d)}"


