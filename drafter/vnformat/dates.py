"""The dates of Decree 30/2020/NĐ-CP documents and of newspaper datelines."""

from __future__ import annotations

import datetime

from drafter.vnformat.numeric import _nfc

# ------------------------------------------------------------------ dates
# CLDR's "vi" dates ("5 tháng 1, 2026", "05/01/2026") follow neither Decree 30
# nor newspaper usage, so these are written out.

#: The room a draft leaves for a day or a month the input does not know (DOMAIN.md section 10: a
#: visible blank, never an invented date), as offices type it into a draft before signing:
#: "ngày     tháng     năm 2026". Plain spaces, as in the blank number "Số:      /BC-UBND": Word
#: and LibreOffice keep every one, a text copy shows them, and five are about the width of a
#: handwritten "15" at 13–14 pt.
DATE_BLANK = " " * 5
#: The blank of a short date in running text ("…/…"): spaces there would stand before the comma
#: that follows a dateline ("Sáng …/…, …").
SHORT_DATE_BLANK = "…/…"


def format_date_nd30(d: datetime.date | None, year: int | None = None) -> str:
    """The date of issue, Decree 30/2020/NĐ-CP: a zero before days < 10 and months 1, 2.

    >>> format_date_nd30(datetime.date(2026, 1, 5)), format_date_nd30(datetime.date(2026, 6, 29))
    ('ngày 05 tháng 01 năm 2026', 'ngày 29 tháng 6 năm 2026')
    >>> format_date_nd30(datetime.date(2026, 12, 13)), format_date_nd30(datetime.date(2026, 2, 1))
    ('ngày 13 tháng 12 năm 2026', 'ngày 01 tháng 02 năm 2026')

    No date: the day and month left blank for the officer, and the ``year`` when it is known.

    >>> format_date_nd30(None, 2023), format_date_nd30(None)
    ('ngày     tháng     năm 2023', 'ngày     tháng     năm     ')
    """
    if d is None:
        return f"ngày{DATE_BLANK}tháng{DATE_BLANK}năm" + (f" {year}" if year else DATE_BLANK)
    # The decree pads months 1 and 2 only, so that "tháng 1" cannot become "tháng 11".
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def format_place_date(place: str, d: datetime.date | None, year: int | None = None) -> str:
    """Place and date line under the national motto; without a date, the blank a draft leaves.

    >>> format_place_date("Gia Lai", datetime.date(2026, 12, 5))
    'Gia Lai, ngày 05 tháng 12 năm 2026'
    >>> format_place_date("Nam Định", None, 2023)
    'Nam Định, ngày     tháng     năm 2023'
    """
    return _nfc(f"{place.strip()}, {format_date_nd30(d, year)}")


def format_date_short(d: datetime.date | None) -> str:
    """Day and month as newspapers print them; a visible blank without a date.

    >>> format_date_short(datetime.date(2022, 12, 13)), format_date_short(datetime.date(2022, 12, 8))
    ('13/12', '8/12')
    >>> format_date_short(None)
    '…/…'
    """
    if d is None:
        return SHORT_DATE_BLANK
    return f"{d.day}/{d.month}"


def format_date_numeric(d: datetime.date | None, year: int | None = None) -> str:
    """Full numeric date without leading zeros, as newspapers print it; a visible blank without one.

    >>> format_date_numeric(datetime.date(2022, 12, 13)), format_date_numeric(datetime.date(2022, 12, 8))
    ('13/12/2022', '8/12/2022')
    >>> format_date_numeric(None, 2023), format_date_numeric(None)
    ('…/…/2023', '…/…/…')
    """
    if d is None:
        return f"{SHORT_DATE_BLANK}/{year or '…'}"
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


