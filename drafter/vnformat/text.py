"""Lists, Roman numerals, padded counts, document symbols, changes and capitals."""

from __future__ import annotations

import functools

from babel import lists as _lists

from drafter.vnformat.numeric import (
    Number,
    _locale,
    _nfc,
    _to_decimal,
    format_decimal,
    format_integer,
    format_percent,
)

# ------------------------------------------------------------------ lists

_LIST_STYLES = {"và": "standard", "hoặc": "or"}


def format_list(items: list[str], conjunction: str = "và") -> str:
    """Items joined with commas and a last ``và`` (or ``hoặc``).

    >>> format_list(["A", "B", "C"]), format_list(["A", "B", "C"], "hoặc")
    ('A, B và C', 'A, B hoặc C')
    >>> format_list(["A"]), format_list([])
    ('A', '')
    """
    style = _LIST_STYLES.get(_nfc(conjunction))
    if style is None:
        raise ValueError(f"conjunction must be one of {tuple(_LIST_STYLES)}, got {conjunction!r}")
    return _format_list(tuple(_nfc(str(i)) for i in items), style)


@functools.lru_cache(maxsize=1024)
def _format_list(items: tuple[str, ...], style: str) -> str:
    return _nfc(_lists.format_list(list(items), style=style, locale=_locale()))


# ---------------------------------------------------- symbols and counts

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def _require_int(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected int, got {type(n).__name__}")
    return n


@functools.lru_cache(maxsize=64, typed=True)  # typed: True is refused, not taken for 1
def format_roman(n: int) -> str:
    """Roman numerals for part and section headings, 1 to 3999.

    >>> format_roman(1), format_roman(4), format_roman(12), format_roman(3999)
    ('I', 'IV', 'XII', 'MMMCMXCIX')
    """
    if not 1 <= _require_int(n) <= 3999:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def format_count_padded(n: int) -> str:
    """Small counts padded to two digits, as award lists write them.

    >>> format_count_padded(5), format_count_padded(7), format_count_padded(16)
    ('05', '07', '16')

    Large counts are grouped like any integer:

    >>> format_count_padded(1234)
    '1.234'
    """
    if _require_int(n) < 0:
        raise ValueError(f"a count is not negative: {n}")
    return f"{n:02d}" if n < 10 else format_integer(n)


def _code(code: str | None) -> str:
    code = (code or "").strip()
    if any(c.isspace() for c in code):
        raise ValueError(f"a symbol code has no spaces: {code!r}")
    return _nfc(code)


def format_doc_number(number: int | None, type_code: str | None, issuer_code: str) -> str:
    """Number and symbol line; ``None`` leaves the number blank for the draft.

    >>> format_doc_number(5, "BC", "UBND"), format_doc_number(123, "KH", "BCH")
    ('Số: 05/BC-UBND', 'Số: 123/KH-BCH')
    >>> format_doc_number(None, "BC", "UBND")
    'Số:      /BC-UBND'

    Official letters (công văn) have no type code: ``format_doc_number(5, None, "UBND")``
    gives ``Số: 05/UBND``.
    """
    symbol = "-".join(c for c in (_code(type_code), _code(issuer_code)) if c)
    if not symbol:
        raise ValueError("a document symbol needs at least an issuer code")
    if number is None:
        # The number is written in by the clerk who registers the document.
        return f"Số:      /{symbol}"
    if _require_int(number) < 1:
        raise ValueError(f"a document number is positive: {number}")
    return f"Số: {number:02d}/{symbol}"


# ----------------------------------------------------------------- change


def format_change(
    current: Number,
    previous: Number,
    unit: str = "",
    period_word: str = "năm trước",
    mode: str = "percent",
) -> str:
    """How ``current`` compares with ``previous``, without final punctuation.

    >>> format_change(112.5, 100), format_change(96.8, 100), format_change(7, 7)
    ('tăng 12,5% so với năm trước', 'giảm 3,2% so với năm trước', 'bằng năm trước')
    >>> format_change(5, 8, "vụ", "cùng kỳ", mode="absolute")
    'giảm 3 vụ so với cùng kỳ'
    >>> format_change(5, 0, "vụ", "cùng kỳ")
    'tăng 5 vụ so với cùng kỳ'
    """
    if mode not in ("percent", "absolute"):
        raise ValueError(f"mode must be 'percent' or 'absolute', got {mode!r}")
    cur, prev = _to_decimal(current), _to_decimal(previous)
    period_word = _nfc(period_word.strip())
    if cur == prev:
        return f"bằng {period_word}"
    verb = "tăng" if cur > prev else "giảm"
    if mode == "percent" and prev:
        amount = format_percent(abs(cur - prev) * 100 / abs(prev))
    else:
        # No percentage of zero exists, so the absolute change is given instead.
        amount = format_decimal(abs(cur - prev))
        amount += f" {unit.strip()}" if unit.strip() else ""
    return _nfc(f"{verb} {amount} so với {period_word}")


def capitalize_first(s: str) -> str:
    """Upper-cases the first letter only, leaving the rest as written.

    >>> capitalize_first("đồng chí Nguyễn Văn A"), capitalize_first("ủy ban"), capitalize_first("")
    ('Đồng chí Nguyễn Văn A', 'Ủy ban', '')
    >>> capitalize_first("“đảm bảo”")
    '“Đảm bảo”'

    A sentence that opens with a figure keeps the word after it as written:

    >>> capitalize_first("6 tháng đầu năm")
    '6 tháng đầu năm'
    """
    s = _nfc(s)
    for i, char in enumerate(s):
        if char.isalpha():
            return s[:i] + char.upper() + s[i + 1 :]
        if char.isdigit():
            return s
    return s


