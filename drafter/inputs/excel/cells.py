"""A cell's value as the model wants it: numbers typed the Vietnamese way, dates, lists in one cell."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from drafter.inputs.excel.columns import Column, _blank, _by_path  # noqa: F401 - _by_path: the doctest

#: More digits than any figure has (a population has 9): a number this long is refused (E219).
MAX_DIGITS = 100


class TooLong(int):
    """A cell whose number has more than :data:`MAX_DIGITS` digits; its value is the count of digits."""


_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_DIGITS = re.compile(r"[0-9]+")
_VN_DECIMAL = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})*,[0-9]+|[0-9]+,[0-9]+")
_DMY = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
_BULLET = re.compile(r"^\s*[-•+*]\s+")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def convert(value, column: Column, epoch=None):
    """A cell's value as the model wants it; None for an empty cell. A value that cannot be
    converted is passed on unchanged so that validation reports it, at this cell.

    >>> quota = _by_path()["recruitment.quota"]
    >>> convert("2.847", quota), convert(2847.0, quota), convert(" ", quota)
    (2847, 2847, None)
    >>> convert("0,89", _by_path()["defence_land.area_ha"])
    0.89
    """
    if _blank(value):
        return None
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value).strip()
    kind = column.kind
    if kind == "list":
        return _split(value)
    if isinstance(value, TooLong):
        return value
    if kind == "int":
        return _to_int(value)
    if kind == "float":
        return _to_float(value)
    if kind == "date":
        return _to_date(value, epoch)
    if kind == "choice":
        if isinstance(value, str):
            return next((c for c in column.choices if c.lower() == value.lower()), value)
        return value
    return _to_text(value)


def _too_many_digits(text: str) -> int:
    """The number of digits of a number typed as text, when it has more than any figure; else 0."""
    if len(text) <= MAX_DIGITS:
        return 0
    digits = sum(ch.isdigit() for ch in text)
    return digits if digits > MAX_DIGITS else 0


def _to_int(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = _SPACES.sub("", value)
        if _too_many_digits(text):
            return TooLong(_too_many_digits(text))
        if _DIGITS.fullmatch(text):  # ASCII digits only: "3350²" is text, not 3350 squared
            return int(text)
        if _THOUSANDS.fullmatch(text):  # Vietnamese thousands separator: "2.847"
            return int(text.replace(".", ""))
    return value


def _to_float(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, str):
        text = _SPACES.sub("", value)
        if _too_many_digits(text):
            return TooLong(_too_many_digits(text))
        if _VN_DECIMAL.fullmatch(text):  # "0,89", "1.824,5"
            return float(text.replace(".", "").replace(",", "."))
        if _THOUSANDS.fullmatch(text):
            return float(text.replace(".", ""))
        try:
            return float(text)
        except ValueError:
            return value
    return value


def _to_date(value, epoch=None):
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 < value < 80000:
        # a date typed into a cell formatted as a number, counted from the workbook's own epoch
        from drafter.inputs.lean_openpyxl import lean_openpyxl

        lean_openpyxl()
        from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900, from_excel

        return _to_date(from_excel(value, epoch or CALENDAR_WINDOWS_1900))
    if isinstance(value, str):
        match = _DMY.fullmatch(value)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                return value
    return value


def _to_text(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return value


def _split(value) -> list:
    if not isinstance(value, str):
        return [_to_text(value)]
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    parts = text.split("\n") if "\n" in text else text.split(";")
    items = [_BULLET.sub("", part).strip() for part in parts]
    return [item for item in items if item]
