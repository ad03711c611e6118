"""Vietnamese alphabetical order (a, ă, â, b, … đ …, tones after letters)."""

from __future__ import annotations

import unicodedata

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
