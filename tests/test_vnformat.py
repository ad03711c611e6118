"""Tests for drafter.vnformat: a table of known answers, then properties."""

from __future__ import annotations

import datetime
import re
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter import vnformat as vf

D = datetime.date

CASES = [
    # format_integer
    (vf.format_integer, (2847,), "2.847"),
    (vf.format_integer, (3095009,), "3.095.009"),
    (vf.format_integer, (0,), "0"),
    (vf.format_integer, (-1200,), "-1.200"),
    (vf.format_integer, (999,), "999"),
    (vf.format_integer, (Decimal("1000000"),), "1.000.000"),
    (vf.format_integer, (2.5,), "3"),
    (vf.format_integer, (10**30,), "1" + ".000" * 10),
    # format_decimal
    (vf.format_decimal, (0.89,), "0,89"),
    (vf.format_decimal, (4.7,), "4,7"),
    (vf.format_decimal, (4.70,), "4,7"),
    (vf.format_decimal, (12.5,), "12,5"),
    (vf.format_decimal, (1234.5,), "1.234,5"),
    (vf.format_decimal, (100,), "100"),
    (vf.format_decimal, (100.0,), "100"),
    (vf.format_decimal, (0.885,), "0,89"),
    (vf.format_decimal, (0.125,), "0,13"),
    (vf.format_decimal, (1.005,), "1,01"),
    (vf.format_decimal, (-0.001,), "0"),
    (vf.format_decimal, (Decimal("3.10"),), "3,1"),
    (vf.format_decimal, (4.70, 2), "4,70"),
    (vf.format_decimal, (4, 1), "4,0"),
    (vf.format_decimal, (4.75, 0), "5"),
    (vf.format_decimal, (0.1 + 0.2,), "0,3"),
    # format_percent
    (vf.format_percent, (0.89,), "0,89%"),
    (vf.format_percent, (100,), "100%"),
    (vf.format_percent, (1.35,), "1,35%"),
    (vf.format_percent, (12.5,), "12,5%"),
    (vf.format_percent, (12.5, 2), "12,50%"),
    (vf.format_percent, (1234.5,), "1.234,5%"),
    (vf.format_percent, (0.005,), "0,01%"),
    # format_ratio_percent
    (vf.format_ratio_percent, (2847, 2847), "100%"),
    (vf.format_ratio_percent, (14605, 1641000), "0,89%"),
    (vf.format_ratio_percent, (1, 3), "33,33%"),
    (vf.format_ratio_percent, (2, 3), "66,67%"),
    (vf.format_ratio_percent, (1, 8, 1), "12,5%"),
    (vf.format_ratio_percent, (1, 3, 0), "33%"),
    # format_money: the unit follows the size (tỷ, triệu, đồng), at most 3 decimals, never rounded
    (vf.format_money, (4_700_000_000,), "4,7 tỷ đồng"),
    (vf.format_money, (5_050_000_000,), "5,05 tỷ đồng"),
    (vf.format_money, (22_486_000_000,), "22,486 tỷ đồng"),  # was "22.486 triệu đồng" beside the line above
    (vf.format_money, (1_005_000_000,), "1,005 tỷ đồng"),  # was "1.005 triệu đồng"
    (vf.format_money, (850_000_000,), "850 triệu đồng"),
    (vf.format_money, (21_000_000,), "21 triệu đồng"),  # was "21.000.000 đồng"
    (vf.format_money, (1_200_000,), "1.200.000 đồng"),  # DOMAIN.md: below 10 triệu in full
    (vf.format_money, (10_000_000,), "10 triệu đồng"),
    (vf.format_money, (9_000_000,), "9.000.000 đồng"),
    (vf.format_money, (999_000,), "999.000 đồng"),
    (vf.format_money, (12_345_678_901,), "12.345.678.901 đồng"),
    (vf.format_money, (1_234_500,), "1.234.500 đồng"),
    (vf.format_money, (2_500_000_000,), "2,5 tỷ đồng"),
    (vf.format_money, (1_000_000_000,), "1 tỷ đồng"),
    (vf.format_money, (1_250_000_000,), "1,25 tỷ đồng"),
    (vf.format_money, (1_255_000_000,), "1,255 tỷ đồng"),
    (vf.format_money, (1_255_500_000,), "1.255.500.000 đồng"),
    (vf.format_money, (100_000_000,), "100 triệu đồng"),
    (vf.format_money, (150_500_000,), "150,5 triệu đồng"),
    (vf.format_money, (150_505_000,), "150,505 triệu đồng"),
    (vf.format_money, (99_000_000,), "99 triệu đồng"),
    (vf.format_money, (1_500_000_000_000,), "1.500 tỷ đồng"),
    (vf.format_money, (4.7e9,), "4,7 tỷ đồng"),
    (vf.format_money, (Decimal("850000000"),), "850 triệu đồng"),
    (vf.format_money, (0,), "0 đồng"),
    (vf.format_money, (10**30 + 5 * 10**8,), "1" + ".000" * 7 + ",5 tỷ đồng"),
    (vf.format_money, (-2_500_000_000,), "-2,5 tỷ đồng"),
    # format_number_words
    (vf.format_number_words, (0,), "không"),
    (vf.format_number_words, (5,), "năm"),
    (vf.format_number_words, (10,), "mười"),
    (vf.format_number_words, (11,), "mười một"),
    (vf.format_number_words, (14,), "mười bốn"),
    (vf.format_number_words, (15,), "mười lăm"),
    (vf.format_number_words, (20,), "hai mươi"),
    (vf.format_number_words, (21,), "hai mươi mốt"),
    (vf.format_number_words, (24,), "hai mươi bốn"),
    (vf.format_number_words, (25,), "hai mươi lăm"),
    (vf.format_number_words, (55,), "năm mươi lăm"),
    (vf.format_number_words, (100,), "một trăm"),
    (vf.format_number_words, (101,), "một trăm linh một"),
    (vf.format_number_words, (105,), "một trăm linh năm"),
    (vf.format_number_words, (110,), "một trăm mười"),
    (vf.format_number_words, (111,), "một trăm mười một"),
    (vf.format_number_words, (115,), "một trăm mười lăm"),
    (vf.format_number_words, (121,), "một trăm hai mươi mốt"),
    (vf.format_number_words, (1000,), "một nghìn"),
    (vf.format_number_words, (1005,), "một nghìn không trăm linh năm"),
    (vf.format_number_words, (1010,), "một nghìn không trăm mười"),
    (vf.format_number_words, (1100,), "một nghìn một trăm"),
    (vf.format_number_words, (2024,), "hai nghìn không trăm hai mươi bốn"),
    (vf.format_number_words, (15_000,), "mười lăm nghìn"),
    (vf.format_number_words, (21_000,), "hai mươi mốt nghìn"),
    (vf.format_number_words, (1_000_000,), "một triệu"),
    (vf.format_number_words, (1_000_001,), "một triệu không trăm linh một"),
    (vf.format_number_words, (1_200_000,), "một triệu hai trăm nghìn"),
    (vf.format_number_words, (1_000_000_000,), "một tỷ"),
    (vf.format_number_words, (10_000_000_000,), "mười tỷ"),
    (vf.format_number_words, (4_700_000_000,), "bốn tỷ bảy trăm triệu"),
    (vf.format_number_words, (1_000_000_000_000,), "một nghìn tỷ"),
    (vf.format_number_words, (1_000_000_005_000,), "một nghìn tỷ không trăm linh năm nghìn"),
    (vf.format_number_words, (2_500_000_000_000,), "hai nghìn năm trăm tỷ"),
    (vf.format_number_words, (4.7,), "bốn phẩy bảy"),
    (vf.format_number_words, (3.05,), "ba phẩy không năm"),
    (vf.format_number_words, (12.5,), "mười hai phẩy năm"),
    (vf.format_number_words, (1.25,), "một phẩy hai mươi lăm"),
    (vf.format_number_words, (0.5,), "không phẩy năm"),
    (vf.format_number_words, (Decimal("12.50"),), "mười hai phẩy năm"),
    (vf.format_number_words, (4.0,), "bốn"),
    (vf.format_number_words, (-7,), "âm bảy"),
    (vf.format_number_words, (-4.7,), "âm bốn phẩy bảy"),
    (vf.format_number_words, (-0.0,), "không"),
    # format_amount_words
    (vf.format_amount_words, (4_700_000_000,), "Bốn tỷ bảy trăm triệu đồng"),
    (vf.format_amount_words, (1_200_000,), "Một triệu hai trăm nghìn đồng"),
    (vf.format_amount_words, (0,), "Không đồng"),
    # dates
    (vf.format_date_nd30, (D(2026, 1, 5),), "ngày 05 tháng 01 năm 2026"),
    (vf.format_date_nd30, (D(2026, 6, 29),), "ngày 29 tháng 6 năm 2026"),
    (vf.format_date_nd30, (D(2026, 12, 13),), "ngày 13 tháng 12 năm 2026"),
    (vf.format_date_nd30, (D(2026, 2, 1),), "ngày 01 tháng 02 năm 2026"),
    (vf.format_date_nd30, (D(2026, 3, 10),), "ngày 10 tháng 3 năm 2026"),
    (vf.format_date_nd30, (datetime.datetime(2026, 11, 9, 8, 30),), "ngày 09 tháng 11 năm 2026"),
    (vf.format_place_date, ("Gia Lai", D(2026, 12, 5)), "Gia Lai, ngày 05 tháng 12 năm 2026"),
    (vf.format_date_short, (D(2022, 12, 13),), "13/12"),
    (vf.format_date_short, (D(2022, 12, 8),), "8/12"),
    (vf.format_date_short, (D(2022, 1, 1),), "1/1"),
    (vf.format_date_numeric, (D(2022, 12, 13),), "13/12/2022"),
    (vf.format_date_numeric, (D(2022, 12, 8),), "8/12/2022"),
    (vf.format_news_dateline, (D(2022, 12, 13), "sang"), "Sáng 13/12"),
    (vf.format_news_dateline, (D(2022, 12, 8), "chieu"), "Chiều 8/12"),
    (vf.format_news_dateline, (D(2022, 7, 1), "toi"), "Tối 1/7"),
    (vf.format_news_dateline, (D(2022, 12, 13), "sáng"), "Sáng 13/12"),
    (vf.format_news_dateline, (D(2022, 12, 8), "chiều"), "Chiều 8/12"),
    (vf.format_news_dateline, (D(2022, 7, 1), "tối"), "Tối 1/7"),
    (vf.format_news_dateline, (D(2022, 12, 14), None), "Ngày 14/12"),
    (vf.format_news_dateline, (D(2022, 12, 14),), "Ngày 14/12"),
    # lists
    (vf.format_list, (["A", "B", "C"],), "A, B và C"),
    (vf.format_list, (["A", "B"],), "A và B"),
    (vf.format_list, (["A", "B", "C"], "hoặc"), "A, B hoặc C"),
    (vf.format_list, (["A", "B"], "hoặc"), "A hoặc B"),
    (vf.format_list, (["A"],), "A"),
    (vf.format_list, ([],), ""),
    # roman numerals
    (vf.format_roman, (1,), "I"),
    (vf.format_roman, (4,), "IV"),
    (vf.format_roman, (9,), "IX"),
    (vf.format_roman, (12,), "XII"),
    (vf.format_roman, (40,), "XL"),
    (vf.format_roman, (1994,), "MCMXCIV"),
    (vf.format_roman, (3999,), "MMMCMXCIX"),
    # padded counts
    (vf.format_count_padded, (5,), "05"),
    (vf.format_count_padded, (7,), "07"),
    (vf.format_count_padded, (16,), "16"),
    (vf.format_count_padded, (0,), "00"),
    (vf.format_count_padded, (120,), "120"),
    # document numbers
    (vf.format_doc_number, (5, "BC", "UBND"), "Số: 05/BC-UBND"),
    (vf.format_doc_number, (12, "KH", "BCH"), "Số: 12/KH-BCH"),
    (vf.format_doc_number, (None, "BC", "UBND"), "Số:      /BC-UBND"),
    (vf.format_doc_number, (5, None, "UBND"), "Số: 05/UBND"),
    (vf.format_doc_number, (5, " BC ", "UBND"), "Số: 05/BC-UBND"),
    # change phrases
    (vf.format_change, (112.5, 100), "tăng 12,5% so với năm trước"),
    (vf.format_change, (96.8, 100), "giảm 3,2% so với năm trước"),
    (vf.format_change, (100, 100), "bằng năm trước"),
    (vf.format_change, (5, 8, "vụ", "cùng kỳ", "absolute"), "giảm 3 vụ so với cùng kỳ"),
    (vf.format_change, (8, 5, "vụ", "cùng kỳ", "absolute"), "tăng 3 vụ so với cùng kỳ"),
    (vf.format_change, (8, 5, "", "cùng kỳ", "absolute"), "tăng 3 so với cùng kỳ"),
    (vf.format_change, (5, 0, "vụ", "cùng kỳ"), "tăng 5 vụ so với cùng kỳ"),
    (vf.format_change, (5, 0, "vụ"), "tăng 5 vụ so với năm trước"),
    (vf.format_change, (3, 3, "vụ", "cùng kỳ", "absolute"), "bằng cùng kỳ"),
    (vf.format_change, (1, 3), "giảm 66,67% so với năm trước"),
    # capitalisation
    (vf.capitalize_first, ("đồng",), "Đồng"),
    (vf.capitalize_first, ("ủy ban nhân dân",), "Ủy ban nhân dân"),
    (vf.capitalize_first, ("ấp Bắc",), "Ấp Bắc"),
    (vf.capitalize_first, ("Đã xong",), "Đã xong"),
    (vf.capitalize_first, ("",), ""),
    (vf.capitalize_first, ("“đảm bảo”",), "“Đảm bảo”"),
    (vf.capitalize_first, (unicodedata.normalize("NFD", "ấp"),), "Ấp"),
    (vf.capitalize_first, ("123",), "123"),
]


@pytest.mark.parametrize(
    ("func", "args", "expected"),
    CASES,
    ids=[f"{f.__name__}{args!r}" for f, args, _ in CASES],
)
def test_known_answers(func, args, expected):
    result = func(*args)
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


def test_linh_option():
    assert vf.format_number_words(105, linh="lẻ") == "một trăm lẻ năm"
    assert vf.format_number_words(2005, linh="lẻ") == "hai nghìn không trăm lẻ năm"
    with pytest.raises(ValueError):
        vf.format_number_words(105, linh="lẽ")


@pytest.mark.parametrize(
    ("func", "args", "error"),
    [
        (vf.format_ratio_percent, (1, 0), ValueError),
        (vf.format_ratio_percent, (1, 0.0), ValueError),
        (vf.format_roman, (0,), ValueError),
        (vf.format_roman, (4000,), ValueError),
        (vf.format_roman, (-1,), ValueError),
        (vf.format_roman, (True,), TypeError),
        (vf.format_roman, (2.0,), TypeError),
        (vf.format_count_padded, (-1,), ValueError),
        (vf.format_doc_number, (0, "BC", "UBND"), ValueError),
        (vf.format_doc_number, (5, "B C", "UBND"), ValueError),
        (vf.format_doc_number, (5, None, ""), ValueError),
        (vf.format_money, (1.5,), ValueError),
        (vf.format_amount_words, (1.5,), ValueError),
        (vf.format_integer, ("12",), TypeError),
        (vf.format_integer, (True,), TypeError),
        (vf.format_decimal, (float("nan"),), ValueError),
        (vf.format_number_words, (float("inf"),), ValueError),
        (vf.format_news_dateline, (D(2022, 1, 1), "trua"), ValueError),
        (vf.format_list, (["A", "B"], "hay"), ValueError),
        (vf.format_change, (1, 2, "", "năm trước", "ratio"), ValueError),
    ],
)
def test_errors(func, args, error):
    with pytest.raises(error):
        func(*args)


def test_num2words_bugs_do_not_leak():
    # num2words(lang="vi") writes these; they are wrong.
    assert vf.format_number_words(2024) != "hai nghìn lẻ hai mươi bốn"
    assert vf.format_number_words(12.5) != "mười hai phẩy năm mươi"


def test_money_never_uses_short_forms():
    for amount in (4_700_000_000, 1_000_000_000, 850_000_000, 10**15, 123_456):
        text = vf.format_money(amount)
        assert text.endswith(" đồng")
        assert not re.search(r"\d\s*(T|Tr|tr|K|k|B|M)\b", text), text


# ------------------------------------------------------------- properties

WORD_INTS = st.integers(min_value=0, max_value=10**15)


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_integer_round_trips(n):
    text = vf.format_integer(n)
    assert int(text.replace(".", "")) == n
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*", text)


@given(WORD_INTS)
def test_words_are_well_formed(n):
    words = vf.format_number_words(n)
    assert words
    assert unicodedata.is_normalized("NFC", words)
    assert words == words.strip() and "  " not in words
    assert words == words.lower()
    assert "lẽ" not in words
    # Units after a tens word: 5 is "lăm", 1 is "mốt" (after 20 and up).
    assert "mươi năm" not in words and "mười năm" not in words
    assert "mươi một" not in words
    assert "mươi tư" not in words


@given(st.integers(min_value=2, max_value=9), st.integers(min_value=0, max_value=10**6))
def test_tens_with_five_and_one(tens, thousands):
    n = thousands * 1000
    assert vf.format_number_words(n + tens * 10 + 5).endswith(" mươi lăm")
    assert vf.format_number_words(n + tens * 10 + 1).endswith(" mươi mốt")


@given(WORD_INTS)
def test_words_skip_only_the_leading_hundreds(n):
    words = vf.format_number_words(n)
    # Only an inner group may start with "không trăm"; the number never does.
    assert n == 0 or not words.startswith("không")


@given(st.integers(min_value=0, max_value=10**12))
def test_half_reads_as_nam(n):
    words = vf.format_number_words(Decimal(n) + Decimal("0.5"))
    assert words.endswith(" phẩy năm")
    assert "năm mươi" not in words.split(" phẩy ")[1]
    assert words.split(" phẩy ")[0] == vf.format_number_words(n)


@given(
    st.decimals(
        min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False
    )
)
def test_decimal_words_are_well_formed(x):
    words = vf.format_number_words(x)
    assert words and "  " not in words
    assert unicodedata.is_normalized("NFC", words)
    assert words.count("phẩy") <= 1
    assert not words.endswith("phẩy")
    assert words.startswith("âm ") == (x < 0)


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_decimal_format_has_no_float_artefacts(x):
    text = vf.format_decimal(x)
    integer, _, fraction = text.lstrip("-").partition(",")
    assert len(fraction) <= 2 and not fraction.endswith("0")
    assert re.fullmatch(r"\d{1,3}(\.\d{3})*", integer)


@given(st.integers(min_value=0, max_value=10**15))
def test_money_is_lossless(amount):
    text = vf.format_money(amount)
    number, _, unit = text.partition(" ")
    size = {"tỷ đồng": 10**9, "triệu đồng": 10**6, "đồng": 1}[unit]
    value = Decimal(number.replace(".", "").replace(",", "."))
    assert value * size == amount
    assert unicodedata.is_normalized("NFC", text)


@given(st.one_of(st.integers(min_value=0, max_value=10**15),
                 st.integers(min_value=0, max_value=10**9).map(lambda n: n * 10**6)))
def test_money_unit_follows_the_size_alone(amount):
    """One rule for every amount: the unit is the one the size calls for, or the amount in full
    đồng when that unit cannot show it in three decimals; never a smaller unit ("1.005 triệu")."""
    number, _, unit = vf.format_money(amount).partition(" ")
    integer, _, fraction = number.partition(",")
    expected = "tỷ đồng" if amount >= 10**9 else "triệu đồng" if amount >= 10**7 else "đồng"
    assert unit in (expected, "đồng"), (amount, unit)
    if unit != "đồng":
        assert 1 <= int(integer.replace(".", "")) and len(fraction) <= 3 and not fraction.endswith("0")
    if amount % 10**6 == 0:  # whole triệu: always the unit of its size
        assert unit == expected, (amount, unit)


@given(st.integers(min_value=1, max_value=3999))
def test_roman_uses_only_roman_letters(n):
    assert re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", vf.format_roman(n))


@given(st.dates())
def test_dates_are_consistent(d):
    nd30 = vf.format_date_nd30(d)
    m = re.fullmatch(r"ngày (\d\d) tháng (\d+) năm (\d+)", nd30)
    assert m and int(m[1]) == d.day and int(m[2]) == d.month and int(m[3]) == d.year
    assert (len(m[2]) == 2) == (d.month <= 2 or d.month >= 10)
    assert vf.format_date_numeric(d).startswith(vf.format_date_short(d) + "/")


def test_numbers_are_laid_out_as_babel_lays_them_out():
    """vnformat lays out the digits itself with CLDR's symbols (numeric._format_rounded): the same
    text as Babel's own formatting, for counts, rates and amounts of every size and sign."""
    import random

    from drafter.vnformat import numeric

    rng = random.Random(15)
    values = [0, 1, -1, 999, 1000, -1000, 10**12, 0.5, 0.005, 0.995, 99.995, 98.08, 100.0, -0.004, 1234.5,
              Decimal("1E+3"), Decimal("0.00"), Decimal("-1234.5678"), 2**70, Decimal("123456789.123456789")]
    values += [rng.randint(-10**9, 10**9) for _ in range(300)]
    values += [round(rng.uniform(-1e6, 1e6), rng.randint(0, 6)) for _ in range(300)]
    values += [Decimal(rng.randint(-10**12, 10**12)).scaleb(-rng.randint(0, 8)) for _ in range(300)]
    for value in values:
        for low, high in ((0, 0), (0, 2), (0, 3), (1, 1), (2, 2)):
            for percent in (False, True):
                rounded = numeric._round(numeric._to_decimal(value), high)
                assert numeric._format_rounded.__wrapped__(rounded, low, high, percent) == \
                    numeric.babel_format(rounded, low, high, percent), (value, low, high, percent)
