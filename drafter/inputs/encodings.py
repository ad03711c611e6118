"""Vietnamese typed in a legacy encoding: recognised, so that a message can say how to convert it.

Before Unicode, Vietnamese was typed in 8-bit fonts: TCVN3 (ABC, ".VnTime") puts each accented
letter on one Latin-1 code ("Việt" is "ViÖt"); VNI Windows writes a base letter followed by
accent codes ("Vieät"). Text copied from such a document keeps those Latin-1 letters. A word is
evidence of one of them when it is not a Vietnamese syllable as written but becomes one once
decoded; real Vietnamese, English and ethnic-minority names never qualify.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

_TCVN3 = dict(zip(
    "¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉËÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô\xadøõö÷ùýúûüþ®¡¢£¤¥¦§",
    "áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđĂÂÊÔƠƯĐ"))
_VNI_LETTERS = dict(zip("ìíæóòîñôöÌÍÆÓÒÎÑÔÖ", "ìíỉĩịỵđơưÌÍỈĨỊỴĐƠƯ"))
_VNI_MARKS = {code: marks for codes, marks in (
    ("øØ", "\u0300"), ("ùÙ", "\u0301"), ("ûÛ", "\u0309"), ("õÕ", "\u0303"), ("ïÏ", "\u0323"),
    ("âÂ", "\u0302"), ("àÀ", "\u0302\u0300"), ("áÁ", "\u0302\u0301"), ("åÅ", "\u0302\u0309"),
    ("ãÃ", "\u0302\u0303"), ("äÄ", "\u0302\u0323"), ("êÊ", "\u0306"), ("èÈ", "\u0306\u0300"),
    ("éÉ", "\u0306\u0301"), ("úÚ", "\u0306\u0309"), ("üÜ", "\u0306\u0303"), ("ëË", "\u0306\u0323"),
) for code in codes}
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_NUCLEI = ("a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy "
           "ưa ưi ươ ưu yê iêu yêu oai oay oeo uây uôi ươi ươu uyê uya uyu").split()
_SYLLABLE = re.compile("(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(?:%s)(?:ng|nh|ch|[cmnptk])?"
                       % "|".join(sorted(_NUCLEI, key=len, reverse=True)))
_WORD = re.compile("[A-Za-z\u00a1-\u024f\u1e00-\u1eff]+")


@lru_cache(maxsize=8192)  # the same few hundred words come back in every report
def is_vietnamese_syllable(word: str) -> bool:
    """
    >>> [is_vietnamese_syllable(w) for w in ("Việt", "Nguyễn", "Đắk", "ViÖt", "Quaân", "Krông")]
    [True, True, True, False, False, False]
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(ch in _TONES for ch in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return bool(_SYLLABLE.fullmatch(bare))


def from_tcvn3(text: str) -> str:
    return "".join(_TCVN3.get(ch, ch) for ch in text)


def from_vni(text: str) -> str:
    out: list[str] = []
    for ch in text:
        if ch in _VNI_MARKS and out and out[-1][-1:].lower() in "aeiouyơư":
            out[-1] += _VNI_MARKS[ch]
        else:
            out.append(_VNI_LETTERS.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(out))


def legacy_words(text: str) -> Iterator[tuple[str, str, str]]:
    """(code, word, decoded) for each word that reads as TCVN3 (E120) or VNI (E121) text; a word
    may read as both, so callers count votes (:func:`legacy_vote`).

    >>> list(legacy_words("tØnh Gia Lai, Vieät Nam"))
    [('E120', 'tØnh', 'tỉnh'), ('E121', 'Vieät', 'Việt')]
    """
    if not may_be_legacy(text):  # the common case, and a cheap one: plain Vietnamese text
        return
    for match in _WORD.finditer(text):
        word = match.group()
        # a word with no plain letter ("«", "ë") may be punctuation; real legacy text has plenty of others
        if word.isascii() or not any("a" <= ch.lower() <= "z" for ch in word) or is_vietnamese_syllable(word):
            continue
        for code, decode in (("E120", from_tcvn3), ("E121", from_vni)):
            decoded = decode(word)
            if decoded != word and is_vietnamese_syllable(decoded):
                yield code, word, decoded


def may_be_legacy(text: str) -> bool:
    """Whether ``text`` has a legacy code that is no letter of Vietnamese as Unicode writes it;
    without one, :func:`legacy_words` finds nothing."""
    return foreign_codes().search(text) is not None


@lru_cache(maxsize=1)
def foreign_codes() -> re.Pattern:
    """Legacy codes that are not letters of Vietnamese as Unicode writes it ("Ö", "©", "ï"…)."""
    codes = set(_TCVN3) | set(_VNI_LETTERS) | set(_VNI_MARKS)
    return re.compile("[%s]" % re.escape("".join(sorted(c for c in codes if not is_vietnamese_syllable(c)))))


@lru_cache(maxsize=4)
def with_foreign_codes(*classes: re.Pattern) -> re.Pattern:
    """One class of the characters of ``classes`` (each a class) and of :func:`foreign_codes`: one pass
    over a text finds whether any of them is there, where a pass for each cost as much again."""
    return re.compile("[" + "".join(c.pattern[1:-1] for c in (*classes, foreign_codes())) + "]")


def legacy_vote(evidence: list[tuple[str, ...]], least: int) -> tuple[str, ...] | None:
    """The first piece of evidence for the encoding with most words, when it has at least ``least``."""
    votes = Counter(item[0] for item in evidence)
    if not votes or max(votes.values()) < least:
        return None
    code = max(votes, key=lambda c: (votes[c], c == "E121"))  # a tie: VNI, whose codes TCVN3 often also reads
    return next(item for item in evidence if item[0] == code)


def legacy_encoding(data: bytes) -> tuple[str, str, str]:
    """(code, found, expected) for bytes that are not UTF-8: TCVN3 (E120), VNI (E121), or E105
    with the code page they look like."""
    evidence = list(legacy_words(data.decode("latin-1")))
    words = [w for w in _WORD.findall(unicodedata.normalize("NFC", data.decode("cp1258", "replace"))) if not w.isascii()]
    vietnamese = sum(map(is_vietnamese_syllable, words))
    best = legacy_vote(evidence, 1)
    if best and sum(item[0] == best[0] for item in evidence) > vietnamese:
        return best
    if words and vietnamese * 2 >= len(words):
        return "E105", "Windows-1258 (tiếng Việt)", ""
    if words:
        return "E105", "Windows-1252 (Latin-1)", ""
    return "E105", "", ""
