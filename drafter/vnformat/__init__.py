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

from drafter.vnformat.collation import vietnamese_sort_key
from drafter.vnformat.dates import (
    format_date_nd30,
    format_date_numeric,
    format_date_short,
    format_news_dateline,
    format_place_date,
)
from drafter.vnformat.numeric import (
    LOCALE,
    Number,
    format_decimal,
    format_integer,
    format_money,
    format_percent,
    format_ratio_percent,
)
from drafter.vnformat.text import (
    capitalize_first,
    format_change,
    format_count_padded,
    format_doc_number,
    format_list,
    format_roman,
)
from drafter.vnformat.words import format_amount_words, format_number_words

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
    "vietnamese_sort_key",
    "LOCALE",
    "Number",
]
