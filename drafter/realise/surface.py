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
# A stop after the user's own "!", "?" or "…": the phrasing's final stop is not added to them.
_STOP_AFTER_END = re.compile(r"([?!…])\.")
# A bullet or a number the user typed before an item of a list ("- Tăng cường …", "2. Làm tốt …"):
# the document makes its own lists, so these would be printed twice or inside a sentence.
_LIST_MARK = re.compile(r"^(?:[-–—+•*·]+|\d{1,2}[.)])\s+")
# Speed: most text is tidy already. A whitespace other than a single space, or anything
# one of the patterns below could match (this matches a superset), sends the text
# through the substitutions; otherwise each would leave it as it is.
_OTHER_SPACE = re.compile(r"[^\S ]")
# What '"|\s[,.;:?!)…]|[(“]\s|[,;:]\s*[.;,]|([,;:])\1|[?!…]\.' finds (only whether it finds one
# matters), written to open with one class of punctuation: the engine then skips to those few
# characters, where six alternatives tried at every character cost 10 µs a note (a space before
# punctuation is looked behind from the punctuation; "::" is what ([,;:])\1 adds to the one before).
_UNTIDY = re.compile(r'["(“,.;:?!)…](?:(?<=")|(?<=\s[,.;:?!)…])|(?<=[(“])\s|(?<=[,;:])\s*[.;,]|(?<=:):|(?<=[?!…])\.)')


def odd_space(text: str) -> bool:
    """Whether ``text`` has a whitespace other than a single space (tab, line break, two spaces…)."""
    # Every whitespace but the ASCII space is unprintable (Unicode's "Other" and "Separator"
    # categories; a test checks every character): a printable text, most of them, needs no search
    # with the pattern, whose class costs a call per character.
    return "  " in text or (not text.isprintable() and _OTHER_SPACE.search(text) is not None)


def tidy(text: str) -> str:
    """Normalise one paragraph: NFC, single spaces, no space before punctuation, curly quotes.

    >>> tidy('  Năm 2026 ,  tỉnh đạt "Tốt"  ;;  hoàn thành . ')
    'Năm 2026, tỉnh đạt “Tốt”; hoàn thành.'
    """
    text = unicodedata.normalize("NFC", text)
    if odd_space(text):
        text = _MANY_SPACES.sub(" ", text)
    text = text.strip()
    if not _UNTIDY.search(text):
        return text
    text = _STRAIGHT_QUOTES.sub(r"“\1”", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    text = _REPEATED_PUNCT.sub(lambda m: m.group(1) or m.group(3), text)
    return _STOP_AFTER_END.sub(r"\1", text)


def _item(text: str) -> str:
    """A user's item tidied, without a list mark of its own and without a final stop, semicolon,
    comma, colon or exclamation mark (a question mark and an ellipsis are the writer's meaning)."""
    return _LIST_MARK.sub("", tidy(text)).rstrip(" .;,:!")


def clause(text: str) -> str:
    """A user's item made ready to sit inside a sentence: no final stop, first letter lowered.

    Acronyms and proper names ("UBND", "Đảng", "Bộ CHQS") keep their capital.

    >>> clause("Tăng cường công tác tuyên truyền."), clause("UBND xã chỉ đạo;"), clause("Đảng ủy lãnh đạo")
    ('tăng cường công tác tuyên truyền', 'UBND xã chỉ đạo', 'Đảng ủy lãnh đạo')
    >>> clause("Bộ máy được sắp xếp"), clause("Bộ CHQS tỉnh tham mưu"), clause("Tình hình ổn định")
    ('bộ máy được sắp xếp', 'Bộ CHQS tỉnh tham mưu', 'tình hình ổn định')
    >>> clause("- Tăng cường huấn luyện;"), clause("2. Làm tốt tuyển quân!"), clause("Chăm lo chính sách …")
    ('tăng cường huấn luyện', 'làm tốt tuyển quân', 'chăm lo chính sách…')
    """
    return lower_first(_item(text))


def lower_first(text: str) -> str:
    """Words lowered where a clause goes on inside a sentence ("Đồng thời, quân số …");
    names of bodies, titles, honours and acronyms keep their capital.

    >>> lower_first("Tổ chức huấn luyện"), lower_first("Hội đồng nghĩa vụ quân sự"), lower_first("LLVT tỉnh")
    ('tổ chức huấn luyện', 'Hội đồng nghĩa vụ quân sự', 'LLVT tỉnh')
    >>> lower_first("Quân số dân quân"), lower_first("Quân khu 5"), lower_first("Nhân dịp này")
    ('quân số dân quân', 'Quân khu 5', 'nhân dịp này')
    >>> lower_first("Ban Chỉ huy Phòng thủ khu vực"), lower_first("Tỉnh Gia Lai"), lower_first("Hội nghị")
    ('Ban Chỉ huy Phòng thủ khu vực', 'tỉnh Gia Lai', 'hội nghị')
    """
    first, _, rest = text.partition(" ")
    if first and first[0].isupper() and first[1:].islower() and not keeps_capital(first, rest):
        return first[0].lower() + text[1:]
    return text


def keeps_capital(first: str, rest: str) -> bool:
    """Whether a text opening with the word ``first`` (then ``rest``) opens with a name.

    Vietnamese writes a body, a title, an honour or a document with a capital anywhere in a
    sentence ("Bộ CHQS", "Ban Chỉ huy", "Luật Dân quân tự vệ", "Chủ tịch"), and an ordinary word
    ("bộ máy", "quân số", "hội nghị", "các Ban CHQS") without one; so a name is a word of
    ``_NAME_WORDS``, two words of ``_NAMES``, a title, or the head of a body's name followed by
    a capitalised word ("Bộ Tư lệnh", "Hội Cựu chiến binh", "Đội K72").

    >>> keeps_capital("Các", "Ban CHQS xã"), keeps_capital("Ban", "CHQS xã"), keeps_capital("Tỉnh", "Gia Lai")
    (False, True, False)
    """
    if first in _NAME_WORDS:
        return True
    second = rest.split(" ", 1)[0]
    if f"{first} {second}" in _NAMES or f"{first} {rest}".startswith(_TITLES):
        return True
    return first in _NAME_HEADS and bool(second) and second[0].isupper()


_NAME_WORDS = frozenset({"Đảng", "Luật"})
_NAMES = frozenset({
    "Quân khu", "Quân ủy", "Quân đội", "Quân chủng", "Quân đoàn", "Bộ đội", "Tỉnh ủy", "Thành ủy", "Huyện ủy",
    "Tỉnh đội", "Nhà nước", "Nhân dân", "Ủy ban", "Hội đồng", "Chính phủ", "Quốc hội", "Thủ tướng", "Thủ đô",
    "Bằng khen", "Giấy khen", "Cờ thi", "Huân chương", "Huy chương", "Công an", "Mặt trận", "Nghị quyết",
    "Nghị định", "Chỉ thị", "Thông tư", "Hiến pháp", "Văn phòng", "Trung tâm",
})
_TITLES = ("Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "Chỉ huy trưởng", "Phó Chỉ huy trưởng",
           "Chính ủy", "Chính trị viên", "Trưởng ban", "Phó Trưởng ban", "Thường trực", "Đại tá", "Thượng tá",
           "Trung tá", "Thiếu tá", "Thiếu tướng", "Trung tướng", "Thượng tướng", "Đại úy", "Thượng úy",
           "Trung úy", "Tư lệnh", "Phó Tư lệnh")
_NAME_HEADS = frozenset({"Bộ", "Ban", "Hội", "Sở", "Cục", "Phòng", "Trường", "Đoàn", "Viện", "Tòa", "Đội",
                         "Trung", "Tiểu", "Lữ", "Sư", "Hải", "Học"})


def sentence(text: str) -> str:
    """A user's item as a whole sentence: capital first letter, one final stop.

    >>> sentence("tăng cường tuyên truyền;"), sentence("- kiến nghị bổ sung trang bị …")
    ('Tăng cường tuyên truyền.', 'Kiến nghị bổ sung trang bị…')
    """
    text = _item(text)
    if not text:
        return ""
    return vnformat.capitalize_first(text) + ("" if text.endswith(("?", "…")) else ".")


def join_clauses(items, last: str = "") -> str:
    """User items as one run of clauses separated by semicolons.

    >>> join_clauses(["Làm tốt A.", "làm tốt B;"])
    'làm tốt A; làm tốt B'
    """
    return "; ".join(clause(item) for item in items if item and item.strip())

