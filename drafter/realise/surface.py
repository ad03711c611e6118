"""Surface rules of Vietnamese text: one tidy paragraph, a user's item as a clause or a sentence.

These are the orthography step of realisation (NFC, spaces, punctuation, quotes) and the few
rules that fit a user's own words into generated prose.

>>> tidy('  Năm 2026 ,  tỉnh đạt "Tốt"  ;;  hoàn thành . ')
'Năm 2026, tỉnh đạt “Tốt”; hoàn thành.'
"""

from __future__ import annotations

import re
import unicodedata

from drafter import vnformat

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:?!)…])")
_SPACE_AFTER_OPEN = re.compile(r"([(“])\s+")
_MANY_SPACES = re.compile(r"\s+")
_REPEATED_PUNCT = re.compile(r"([,;:])\1+|([,;:])\s*([.;,])")
_STRAIGHT_QUOTES = re.compile(r'"([^"]*)"')
# Speed: most text is tidy already. A whitespace other than a single space, or anything
# one of the patterns below could match (this matches a superset), sends the text
# through the substitutions; otherwise each would leave it as it is.
_ODD_SPACE = re.compile(r"[^\S ]|  ")
_UNTIDY = re.compile(r'"|\s[,.;:?!)…]|[(“]\s|[,;:]\s*[.;,]|([,;:])\1')


def tidy(text: str) -> str:
    """Normalise one paragraph: NFC, single spaces, no space before punctuation, curly quotes.

    >>> tidy('  Năm 2026 ,  tỉnh đạt "Tốt"  ;;  hoàn thành . ')
    'Năm 2026, tỉnh đạt “Tốt”; hoàn thành.'
    """
    text = unicodedata.normalize("NFC", text)
    if _ODD_SPACE.search(text):
        text = _MANY_SPACES.sub(" ", text)
    text = text.strip()
    if not _UNTIDY.search(text):
        return text
    text = _STRAIGHT_QUOTES.sub(r"“\1”", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    text = _REPEATED_PUNCT.sub(lambda m: m.group(1) or m.group(3), text)
    return text


def clause(text: str) -> str:
    """A user's item made ready to sit inside a sentence: no final stop, first letter lowered.

    Acronyms and proper names ("UBND", "Đảng") keep their capital.

    >>> clause("Tăng cường công tác tuyên truyền."), clause("UBND xã chỉ đạo;"), clause("Đảng ủy lãnh đạo")
    ('tăng cường công tác tuyên truyền', 'UBND xã chỉ đạo', 'Đảng ủy lãnh đạo')
    """
    text = tidy(text).rstrip(" .;,:")
    first = text.split(" ", 1)[0]
    keeps_capital = first in _PROPER_WORDS or text.startswith(_TITLES)
    if first and first[0].isupper() and first[1:].islower() and not keeps_capital:
        text = first[0].lower() + text[1:]
    return text


# Capitalised words and titles that keep their capital inside a sentence
# ("… và Chủ tịch UBND các xã"), as the corpus writes them.
_PROPER_WORDS = {"Đảng", "Nhà", "Nhân", "Quân", "Bộ", "Tỉnh", "Chính", "Quốc", "Hội", "Ban", "Ủy", "Thủ"}
_TITLES = ("Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "Chỉ huy trưởng", "Phó Chỉ huy trưởng",
           "Chính ủy", "Chính trị viên", "Trưởng ban", "Phó Trưởng ban", "Thường trực", "Đại tá", "Thượng tá",
           "Trung tá", "Thiếu tá", "Thiếu tướng", "Trung tướng", "Công an", "Bộ đội", "Mặt trận")


def lower_first(text: str) -> str:
    """The bank's words lowered where a clause goes on inside a sentence ("Đồng thời, quân số …");
    names of bodies, titles and acronyms keep their capital.

    >>> lower_first("Tổ chức huấn luyện"), lower_first("Hội đồng nghĩa vụ quân sự"), lower_first("LLVT tỉnh")
    ('tổ chức huấn luyện', 'Hội đồng nghĩa vụ quân sự', 'LLVT tỉnh')
    >>> lower_first("Quân số dân quân"), lower_first("Quân khu 5"), lower_first("Nhân dịp này")
    ('quân số dân quân', 'Quân khu 5', 'nhân dịp này')
    """
    first = text.split(" ", 1)[0]
    if first and first[0].isupper() and first[1:].islower() \
            and not text.startswith(_NAME_OPENINGS) and not text.startswith(_TITLES):
        return first[0].lower() + text[1:]
    return text


# The bank's own words name a body or an honour only with these openings; unlike a user's
# item (``clause``), the bank's "Quân số", "Nhân dịp này", "Hội nghị" are ordinary words.
_NAME_OPENINGS = ("Quân khu", "Quân ủy", "Quân đội", "Bộ ", "Ban Chỉ huy", "Ban CHQS", "Tỉnh ủy", "Thành ủy",
                  "Đảng", "Nhà nước", "Nhân dân", "Ủy ban", "Hội đồng", "Chính phủ", "Quốc hội", "Thủ tướng",
                  "Bằng khen", "Giấy khen", "Cờ thi đua", "Huân chương")


def sentence(text: str) -> str:
    """A user's item as a whole sentence: capital first letter, one final stop.

    >>> sentence("tăng cường tuyên truyền;")
    'Tăng cường tuyên truyền.'
    """
    text = tidy(text).rstrip(" .;,:")
    return vnformat.capitalize_first(text) + "." if text else ""


def join_clauses(items, last: str = "") -> str:
    """User items as one run of clauses separated by semicolons.

    >>> join_clauses(["Làm tốt A.", "làm tốt B;"])
    'làm tốt A; làm tốt B'
    """
    return "; ".join(clause(item) for item in items if item and item.strip())

