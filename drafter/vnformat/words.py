"""Numbers and sums of money read out in words ("hai nghìn không trăm hai mươi bốn")."""

from __future__ import annotations

from drafter.vnformat.numeric import Number, _nfc, _to_decimal, _whole_dong
from drafter.vnformat.text import capitalize_first

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


