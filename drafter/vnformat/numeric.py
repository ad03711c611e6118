"""Numbers, percentages and sums of money in Vietnamese: Babel where CLDR knows the answer."""

from __future__ import annotations

import functools
import unicodedata
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

from babel import Locale
from babel import numbers as _numbers

LOCALE = "vi"
Number = int | float | Decimal


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _to_decimal(value: Number) -> Decimal:
    # bool is an int subclass, but True printed as "1" is always a bug upstream.
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"expected int, float or Decimal, got {type(value).__name__}")
    # str() first: Decimal(0.1) would carry the binary artefact 0.1000000000000000055…
    dec = value if isinstance(value, Decimal) else Decimal(str(value))
    if not dec.is_finite():
        raise ValueError(f"cannot format {value!r}")
    return dec


# Wide enough to keep every digit of any number Python prints (4300 by default):
# the default 28-digit context would round long amounts or refuse to quantize them.
_EXACT = Context(prec=5000)


def _round(value: Decimal, digits: int) -> Decimal:
    # Half-up is what readers expect ("0,885" -> "0,89"); Babel's own default is half-even.
    rounded = value.quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP, _EXACT)
    return rounded if rounded else abs(rounded)  # no "-0"


def _pattern(min_digits: int, max_digits: int, suffix: str = "") -> str:
    fraction = "0" * min_digits + "#" * (max_digits - min_digits)
    return "#,##0" + ("." + fraction if fraction else "") + suffix


# Speed: Babel parses its locale argument and the pattern string on every call, which
# cost more than the rest of a report's wording. Both are parsed once here and passed
# to the same Babel functions as objects; the formatted results are cached too.


@functools.lru_cache(maxsize=None)
def _locale() -> Locale:
    return Locale.parse(LOCALE)


@functools.lru_cache(maxsize=64)
def _number_pattern(min_digits: int, max_digits: int, percent: bool) -> _numbers.NumberPattern:
    return _numbers.parse_pattern(_pattern(min_digits, max_digits, "%" if percent else ""))


def _fixed(value: Number, min_digits: int, max_digits: int, percent: bool = False) -> str:
    if type(value) is int:  # most figures: counts, the same few hundred in every report
        return _fixed_int(value, min_digits, max_digits, percent)
    return _format_rounded(_round(_to_decimal(value), max_digits), min_digits, max_digits, percent)


@functools.lru_cache(maxsize=4096)
def _fixed_int(value: int, min_digits: int, max_digits: int, percent: bool) -> str:
    # keyed by an int only (not by True, nor by 1.0, which are equal to 1): the same text as below
    return _format_rounded(_round(_to_decimal(value), max_digits), min_digits, max_digits, percent)


@functools.lru_cache(maxsize=4096)
def _format_rounded(rounded: Decimal, min_digits: int, max_digits: int, percent: bool) -> str:
    """What Babel's ``format_decimal`` (or ``format_percent`` of a hundredth) prints of ``rounded``
    with the pattern of :func:`_number_pattern`, in Vietnamese: its symbols and grouping are
    CLDR's, read from Babel once (:func:`_symbols`); the digits are laid out here as
    ``NumberPattern.apply`` lays them out. Speed: Babel looks the locale's symbols up again on
    every call, 8 µs a figure, for the rates and amounts a report prints (a few a report, each
    new). ``tests/test_vnformat.py`` holds the two to the same text."""
    # ``rounded`` has exactly ``max_digits`` decimals (:func:`_round`), so equal keys print alike
    # and Babel's own quantizing to them changes nothing.
    decimal_symbol, group, size, next_size = _symbols()
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    grouped = ""
    while len(whole) > size:
        grouped = group + whole[-size:] + grouped
        whole, size = whole[:-size], next_size
    fraction = fraction.ljust(min_digits, "0")
    if max_digits == 0 or (min_digits == 0 and int(fraction or "0") == 0):
        fraction = ""
    else:
        while len(fraction) > min_digits and fraction[-1] == "0":
            fraction = fraction[:-1]
        fraction = decimal_symbol + fraction
    sign = "-" if rounded.is_signed() else ""  # the pattern's negative prefix
    return _nfc(f"{sign}{whole}{grouped}{fraction}{'%' if percent else ''}")


@functools.lru_cache(maxsize=None)
def _symbols() -> tuple[str, str, int, int]:
    """The decimal symbol, the group symbol and the two group sizes of the number pattern, as CLDR
    (through Babel) gives them for Vietnamese."""
    return (_numbers.get_decimal_symbol(_locale()), _numbers.get_group_symbol(_locale()),
            *_number_pattern(0, 2, False).grouping)


def babel_format(rounded: Decimal, min_digits: int, max_digits: int, percent: bool) -> str:
    """Babel's own formatting of what :func:`_format_rounded` prints (the tests compare the two)."""
    pattern = _number_pattern(min_digits, max_digits, percent)
    with localcontext(_EXACT):  # Babel quantizes again, in the current context
        if percent:
            # Babel's percent format scales by 100; the value is a percentage already.
            text = _numbers.format_percent(rounded.scaleb(-2), format=pattern, locale=_locale())
        else:
            text = _numbers.format_decimal(rounded, format=pattern, locale=_locale())
    return _nfc(text)


# ---------------------------------------------------------------- numbers


def format_integer(n: Number) -> str:
    """Dots group the thousands; a fraction is rounded half-up.

    >>> format_integer(2847), format_integer(3095009), format_integer(0), format_integer(-1200)
    ('2.847', '3.095.009', '0', '-1.200')
    """
    return _fixed(n, 0, 0)


def format_decimal(x: Number, digits: int | None = None) -> str:
    """At most two decimals with trailing zeros dropped, or exactly ``digits``.

    >>> format_decimal(0.89), format_decimal(4.70), format_decimal(12.5), format_decimal(1234.5)
    ('0,89', '4,7', '12,5', '1.234,5')
    >>> format_decimal(100), format_decimal(0.885), format_decimal(4.70, digits=2)
    ('100', '0,89', '4,70')
    """
    if digits is None:
        return _fixed(x, 0, 2)
    return _fixed(x, digits, digits)


def format_percent(x: Number, digits: int | None = None) -> str:
    """``x`` is a percentage already; no space goes before ``%``.

    >>> format_percent(0.89), format_percent(100), format_percent(1.35), format_percent(12.5)
    ('0,89%', '100%', '1,35%', '12,5%')
    >>> format_percent(12.5, digits=2)
    '12,50%'
    """
    if digits is None:
        return _fixed(x, 0, 2, percent=True)
    return _fixed(x, digits, digits, percent=True)


def format_ratio_percent(part: Number, whole: Number, digits: int = 2) -> str:
    """``part`` as a percentage of ``whole``, at most ``digits`` decimals.

    >>> format_ratio_percent(2847, 2847), format_ratio_percent(14605, 1641000)
    ('100%', '0,89%')
    >>> format_ratio_percent(1, 0)
    Traceback (most recent call last):
    ...
    ValueError: the whole is zero: no percentage of it exists
    """
    whole_dec = _to_decimal(whole)
    if not whole_dec:
        raise ValueError("the whole is zero: no percentage of it exists")
    # A ratio of counts is rarely round: "100%" must not print as "100,00%".
    return _fixed(_to_decimal(part) * 100 / whole_dec, 0, digits, percent=True)


# ------------------------------------------------------------------ money

#: (power of ten, name) of the units amounts are written in, largest first. Above 1.000 tỷ
#: the press keeps counting in tỷ ("1.500 tỷ đồng").
#: (exponent, name, the smallest amount said in that unit). Below 10 triệu an amount is written in
#: full, as allowances are in documents ("1.200.000 đồng", DOMAIN.md §4), not "1,2 triệu đồng".
_MONEY_UNITS = ((9, "tỷ", 10**9), (6, "triệu", 10**7))


def _whole_dong(amount: Number) -> Decimal:
    dec = _to_decimal(amount)
    if dec != dec.to_integral_value():
        raise ValueError(f"an amount in đồng has no fraction: {amount!r}")
    return dec


def format_money(amount_dong: Number, *, fraction_digits: int = 3) -> str:
    """An amount in đồng by one rule, so that a document never mixes its forms.

    The unit follows the size of the amount, as Babel's long compact format does: *tỷ* from
    1 tỷ, *triệu* from 10 triệu, plain đồng below. The amount in that unit keeps at most
    ``fraction_digits`` decimals (3: exact to the triệu in tỷ, to the nghìn in triệu),
    trailing zeros dropped:

    >>> format_money(4_700_000_000), format_money(22_486_000_000), format_money(1_005_000_000)
    ('4,7 tỷ đồng', '22,486 tỷ đồng', '1,005 tỷ đồng')
    >>> format_money(850_000_000), format_money(21_000_000), format_money(1_200_000), format_money(950_000)
    ('850 triệu đồng', '21 triệu đồng', '1.200.000 đồng', '950.000 đồng')
    >>> format_money(1_500_000_000_000), format_money(0)
    ('1.500 tỷ đồng', '0 đồng')

    A sum of money is never rounded: an amount its unit cannot show exactly is written in full.

    >>> format_money(12_345_678_901), format_money(1_234_500)
    ('12.345.678.901 đồng', '1.234.500 đồng')
    """
    amount = _whole_dong(amount_dong)
    for exponent, name, smallest in _MONEY_UNITS:
        if abs(amount) < smallest:
            continue
        in_unit = amount.scaleb(-exponent, _EXACT)
        if in_unit == _round(in_unit, fraction_digits):
            return f"{_fixed(in_unit, 0, fraction_digits)} {name} đồng"
        break  # the unit the size calls for cannot show it: a smaller unit would mix forms
    return f"{format_integer(amount)} đồng"


