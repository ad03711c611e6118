"""Vietnamese formatting of numbers, money, dates, lists and document symbols.

Babel (CLDR locale ``vi``) answers whatever CLDR knows: digit grouping and
the decimal comma, percent placement, list conjunctions. Code is written here
only for what CLDR lacks: amounts in *tỷ*/*triệu*, numbers read out in words,
the dates of Decree 30/2020/NĐ-CP and newspaper datelines.

>>> format_integer(3095009), format_percent(0.89), format_money(4_700_000_000)
('3.095.009', '0,89%', '4,7 tỷ đồng')
>>> format_number_words(2024)
'hai nghìn không trăm hai mươi bốn'

Every function returns NFC text.
"""

from __future__ import annotations

import datetime
import functools
import unicodedata
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

from babel import Locale
from babel import lists as _lists
from babel import numbers as _numbers

__all__ = [
    "capitalize_first",
    "format_amount_words",
    "format_change",
    "format_count_padded",
    "format_date_nd30",
    "format_date_numeric",
    "format_date_short",
    "format_decimal",
    "format_doc_number",
    "format_integer",
    "format_list",
    "format_money",
    "format_news_dateline",
    "format_number_words",
    "format_percent",
    "format_place_date",
    "format_ratio_percent",
    "format_roman",
]

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
    return _format_rounded(_round(_to_decimal(value), max_digits), min_digits, max_digits, percent)


@functools.lru_cache(maxsize=4096)
def _format_rounded(rounded: Decimal, min_digits: int, max_digits: int, percent: bool) -> str:
    # ``rounded`` has exactly ``max_digits`` decimals, so equal keys print alike.
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


# ------------------------------------------------------------------ words

# Hand-written: num2words (lang="vi") reads 2024 as "hai nghìn lẻ hai mươi bốn"
# and 12,5 as "mười hai phẩy năm mươi"; vietnam-number writes "lẽ" for "lẻ"
# and cannot read decimals.
_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_LINH = ("linh", "lẻ")


def _triple_words(g: int, full: bool, linh: str) -> list[str]:
    """Words of 0 < g < 1000; ``full`` reads an inner group's hundreds even if 0."""
    hundreds, tens, units = g // 100, g // 10 % 10, g % 10
    words = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += [linh] * bool(words) + [_DIGITS[units]]
        return words
    words += ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if units == 1 and tens >= 2:
        words.append("mốt")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def _int_words(n: int, leading: bool, linh: str) -> list[str]:
    """Words of n > 0; ``leading`` when nothing bigger was read before it."""
    if n >= 10**9:
        # Above tỷ the scales start over: 10^12 is "một nghìn tỷ".
        high, low = divmod(n, 10**9)
        words = _int_words(high, leading, linh) + ["tỷ"]
        return words + (_int_words(low, False, linh) if low else [])
    words: list[str] = []
    for size, scale in ((10**6, "triệu"), (10**3, "nghìn"), (1, "")):
        group = n // size % 1000
        if group:
            words += _triple_words(group, full=bool(words) or not leading, linh=linh)
            words += [scale] if scale else []
    return words


def format_number_words(x: Number, linh: str = "linh") -> str:
    """A number read out in lowercase words; ``linh="lẻ"`` for the southern form.

    >>> format_number_words(15), format_number_words(21), format_number_words(101)
    ('mười lăm', 'hai mươi mốt', 'một trăm linh một')
    >>> format_number_words(1_000_001)
    'một triệu không trăm linh một'
    >>> format_number_words(1_000_000_000_000)
    'một nghìn tỷ'
    >>> format_number_words(3.05), format_number_words(12.5), format_number_words(-4.7)
    ('ba phẩy không năm', 'mười hai phẩy năm', 'âm bốn phẩy bảy')
    >>> format_number_words(105, linh="lẻ")
    'một trăm lẻ năm'
    """
    if linh not in _LINH:
        raise ValueError(f"linh must be one of {_LINH}, got {linh!r}")
    dec = _to_decimal(x)
    integer, _, fraction = format(abs(dec), "f").partition(".")
    fraction = fraction.rstrip("0")
    n = int(integer)
    words = _int_words(n, True, linh) if n else ["không"]
    if fraction:
        # Convention: leading zeros read one by one, the rest as a number.
        significant = fraction.lstrip("0")
        zeros = len(fraction) - len(significant)
        words += ["phẩy"] + ["không"] * zeros + _int_words(int(significant), True, linh)
    if dec < 0 and (n or fraction):
        words.insert(0, "âm")
    return _nfc(" ".join(words))


def format_amount_words(amount_dong: Number) -> str:
    """The amount in words as written on a formal money line.

    >>> format_amount_words(4_700_000_000)
    'Bốn tỷ bảy trăm triệu đồng'
    >>> format_amount_words(1_200_000)
    'Một triệu hai trăm nghìn đồng'
    """
    return capitalize_first(format_number_words(_whole_dong(amount_dong))) + " đồng"


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


# ------------------------------------------------------------ collation

_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: rank for rank, letter in enumerate(_LETTERS)}
_SHAPES = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
           ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng


def vietnamese_sort_key(text: str) -> tuple:
    """A sort key in Vietnamese alphabetical order: a ă â b c d đ e ê …, tones second, numbers by value.

    >>> names = ["Đông Hà", "Ân Thi", "An Khê", "Dak Đoa", "Phường 10", "Phường 2", "Anh Sơn", "Ơn"]
    >>> sorted(names, key=vietnamese_sort_key)
    ['An Khê', 'Anh Sơn', 'Ân Thi', 'Dak Đoa', 'Đông Hà', 'Ơn', 'Phường 2', 'Phường 10']
    >>> sorted(["Bà", "Ba", "Bá", "Bả"], key=vietnamese_sort_key)
    ['Ba', 'Bà', 'Bả', 'Bá']
    """
    decomposed = unicodedata.normalize("NFD", text.casefold().strip())
    primary: list[tuple[int, int]] = []
    tones: list[int] = []
    i = 0
    while i < len(decomposed):
        char = decomposed[i]
        i += 1
        if char.isdigit():
            digits = char
            while i < len(decomposed) and decomposed[i].isdigit():
                digits += decomposed[i]
                i += 1
            primary.append((1, int(digits)))
            continue
        tone = 0
        while i < len(decomposed) and unicodedata.combining(decomposed[i]):
            mark = decomposed[i]
            i += 1
            if (char, mark) in _SHAPES:
                char = _SHAPES[char, mark]
            elif mark in _TONES:
                tone = _TONES[mark]
        if char in _RANK:
            primary.append((2, _RANK[char]))
            tones.append(tone)
        elif char.isspace() or char in "-–,.()":
            if primary and primary[-1] != (0, 0):
                primary.append((0, 0))
        else:
            primary.append((3, ord(char)))
    return tuple(primary), tuple(tones), unicodedata.normalize("NFC", text)
