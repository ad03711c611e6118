"""The numeric tokens of a Vietnamese text: every number, date and amount as a reader sees it.

:func:`numeric_tokens` finds grouped integers "48.215", decimals "1,35", percentages "0,89%",
money "4,7 tỷ đồng", fractions "21/23", dates "13/12", "13/12/2026", "ngày 15 tháng 12 năm 2026",
the number of "Số: 05/BC-UBND", padded counts "05", amounts in words ("Bốn tỷ bảy trăm triệu
đồng") and the fixed phrases of the domain (:data:`CONSTANT_PHRASES`). Heading labels ("Phần I",
"1.", "a)") are no figures: :func:`prepare` blanks them. :mod:`drafter.checks.fidelity` traces
each token to the input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["CONSTANT_PHRASES", "Token", "numeric_tokens", "prepare"]

#: A number as Vietnamese prints it: "48.215", "1.824,5", "1,35", "2026", "05".
_NUM = r"(?:\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d+(?:,\d+)?)"
#: "đồng" that starts another word ("48.215 đồng chí") is not money.
_DONG_COMPOUNDS = ("chí", "đội", "bào", "hương", "nghiệp", "thời", "ý", "bộ", "loạt", "tâm", "hành",
                   "minh", "cảm", "lòng", "nhất", "đều", "dạng", "thuận", "phục", "tình", "hồ", "bằng")
_LETTER_AFTER = r"(?![^\W\d_])"

#: Fixed phrases of the domain whose numbers are no figure of the input, with the reason.
CONSTANT_PHRASES: dict[str, str] = {
    r"(?:đủ\s+)?\b17\s+tuổi|\btuổi\s+17\b": "registration for military service is at 17 (Law on Military Service)",
    r"\bđối\s+tượng\s+[1-4](?![\d]|[.,]\d)(?:(?:,\s*|\s+và\s+)[1-4](?![\d]|[.,]\d))*": (
        "the four groups of defence and security education are named 1 to 4"),
    r"\b6\s+tháng\s+(?:đầu|cuối)\s+năm": "the half-year period is named “6 tháng đầu/cuối năm”",
}

_TOKEN = re.compile(
    "|".join([
        r"(?P<nd30>ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}(?!\d))",
        "(?P<phrase>" + "|".join(f"(?:{p})" for p in CONSTANT_PHRASES) + ")",
        rf"(?P<money>{_NUM}\s+(?:(?:nghìn\s+tỷ|tỷ|triệu|nghìn)\s+)?đồng{_LETTER_AFTER}"
        rf"(?!\s+(?:{'|'.join(_DONG_COMPOUNDS)}){_LETTER_AFTER}))",
        rf"(?P<percent>{_NUM}\s?%)",
        rf"(?P<slash>{_NUM}(?:/{_NUM})+)",
        rf"(?P<number>{_NUM})",
    ]),
    re.IGNORECASE,  # headings set in capitals: "NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026"
)

_NUMBER_WORD = (r"(?:không|một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn"
                r"|triệu|tỷ|linh|lẻ|phẩy)")
_AMOUNT_WORDS = re.compile(rf"(?i:\b{_NUMBER_WORD}(?:\s+{_NUMBER_WORD})*\s+đồng\b)")
_SCALE_WORD = re.compile(r"(?i:\b(?:trăm|nghìn|ngàn|triệu|tỷ)\b)")

#: Heading labels at the start of a line (after Markdown markers): not figures.
_LABEL = re.compile(
    r"^(?P<lead>[ \t]*(?:(?:#{1,6}|>|[-*+•–])[ \t]*)*(?:\*\*|__|\*|_)?)"
    r"(?P<label>(?i:phần)[ \t]+[IVXLCDM]+\b\.?|[IVXLCDM]+\.(?=[ \t])|\d{1,2}\.(?=[ \t]+\*{0,2}[^\W\d_])"
    r"|[a-zđ]\)(?=[ \t]))",
    re.MULTILINE,
)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>%])")


@dataclass(frozen=True)
class Token:
    """One numeric token: its kind, its canonical text and where it stands in the text."""

    kind: str  # nd30, phrase, money, percent, slash, number, words
    text: str
    start: int = 0

    @property
    def parts(self) -> tuple[str, ...]:
        """The numbers of a slash token ("21/23" → ("21", "23")); the text itself otherwise."""
        return tuple(self.text.split("/")) if self.kind == "slash" else (self.text,)


def _canonical(kind: str, raw: str) -> str:
    return re.sub(r"\s+", " ", raw.strip()).lower()


def prepare(text: str) -> str:
    """NFC, Markdown escapes undone, heading labels blanked (same length, so offsets hold)."""
    text = unicodedata.normalize("NFC", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    return _LABEL.sub(lambda m: m.group("lead") + " " * len(m.group("label")), text)


def numeric_tokens(text: str, labels: bool = False) -> list[Token]:
    """Every number, date and amount of ``text`` in its Vietnamese form.

    Heading labels at the start of a line are skipped unless ``labels``.

    >>> [(t.kind, t.text) for t in numeric_tokens(
    ...     "Sáng 13/12, 48.215 đồng chí; 0,89%; 4,7 tỷ đồng; 21/23 chỉ tiêu; Số: 05/BC-UBND")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('slash', '13/12'), ('number', '48.215'), ('percent', '0,89%'), ('money', '4,7 tỷ đồng'),
     ('slash', '21/23'), ('number', '05')]
    >>> [(t.kind, t.text) for t in numeric_tokens("Gia Lai, ngày 05 tháng 12 năm 2026\\n1. Công tác 17 tuổi")]
    [('nd30', 'ngày 05 tháng 12 năm 2026'), ('phrase', '17 tuổi')]
    """
    prepared = unicodedata.normalize("NFC", text) if labels else prepare(text)
    matches = list(_TOKEN.finditer(prepared))
    tokens = [Token(m.lastgroup, _canonical(m.lastgroup, m.group()), m.start()) for m in matches]
    taken = [(m.start(), m.end()) for m in matches]
    for m in _AMOUNT_WORDS.finditer(prepared):
        # "4,7 tỷ đồng" holds "tỷ đồng": words inside a numeric token are part of it
        inside = any(start <= m.start() < end for start, end in taken)
        if _SCALE_WORD.search(m.group()) and not inside:
            tokens.append(Token("words", _canonical("words", m.group()), m.start()))
    return sorted(tokens, key=lambda t: t.start)
