"""Spelling: every syllable of a draft is Vietnamese, or a name or word of the input.

The spell check runs the ``hunspell`` program with the ``vi_VN`` dictionary (Debian packages
``hunspell`` and ``hunspell-vi``). That dictionary places tones the old way (“hoà”, “thuỷ”),
so modern placement is converted first (:func:`~drafter.checks.hygiene.to_old_tone`). Acronyms
of the domain (:data:`ACRONYMS`), Roman numerals and the ``extra_words`` a caller passes (the
words of the input, an allowlist) are not checked.

:func:`check_text` runs every check on a text: the hygiene of :mod:`drafter.checks.hygiene`,
then spelling. From the command line: ``drafter check FILE [--allow WORDS.txt]``.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from drafter.checks.hygiene import Issue, hygiene_problems, line_of, to_old_tone

__all__ = [
    "ACRONYMS",
    "HunspellMissing",
    "check_spelling",
    "check_text",
    "hunspell_available",
    "input_words",
    "load_word_list",
    "misspelt_syllables",
    "words_of",
]


#: Abbreviations of the domain (DOMAIN.md glossary, document types, signing authority) that
#: are no Vietnamese syllables.
ACRONYMS: frozenset[str] = frozenset({
    "QP-QSĐP", "QP", "QS", "QSĐP", "QPAN", "QP-AN", "CHQS", "BCH", "BCHQS", "DQTV", "DBĐV", "NVQS", "KVPT",
    "UBND", "HĐND", "MTTQ", "BTV", "BTL", "CAND", "QĐND", "LLVT", "PCT", "PTKV", "VT", "BC", "KH", "TB", "TTr",
    "QĐ", "NQ", "HD", "BB", "CT", "CV", "NĐ-CP", "NĐ", "CP", "TTg", "QH", "BQP", "TM", "KT", "TL", "TUQ", "ĐVT",
})
_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_WORD_CHUNK = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PART = re.compile(r"[^\W\d_]+")
_LETTER_LABEL = re.compile(r"(?<![^\W\d_])[a-zđ]\)")


def words_of(text: str) -> set[str]:
    """The words of ``text``: hyphenated chunks (“NĐ-CP”) and each of their parts.

    >>> sorted(words_of("Nghị định số 02/2019/NĐ-CP, Quân khu 5"))
    ['CP', 'Nghị', 'NĐ', 'NĐ-CP', 'Quân', 'khu', 'số', 'định']
    """
    words: set[str] = set()
    for chunk in _WORD_CHUNK.findall(unicodedata.normalize("NFC", text)):
        words.add(chunk)
        words.update(_PART.findall(chunk))
    return words


def input_words(report) -> set[str]:
    """Every word of every string of a report: names, places and the user's own text."""
    from pydantic import BaseModel

    found: set[str] = set()

    def walk(obj) -> None:
        if isinstance(obj, BaseModel):
            for name in type(obj).model_fields:
                walk(getattr(obj, name))
        elif isinstance(obj, list | tuple):
            for item in obj:
                walk(item)
        elif isinstance(obj, str):
            found.update(words_of(obj))

    walk(report)
    return found


def load_word_list(path: Path | str) -> set[str]:
    """Words of an allowlist file: one or more per line, ``#`` starts a comment."""
    words: set[str] = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        words.update(line.split("#", 1)[0].split())
    return words


class HunspellMissing(RuntimeError):
    """The ``hunspell`` program or its ``vi_VN`` dictionary is not installed."""


@functools.lru_cache(maxsize=1)
def hunspell_available() -> bool:
    """Whether ``hunspell -d vi_VN`` runs here."""
    if shutil.which("hunspell") is None:
        return False
    try:
        run = subprocess.run(["hunspell", "-d", "vi_VN", "-i", "UTF-8", "-l"], input="quốc\n",
                             capture_output=True, text=True, encoding="utf-8", timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return run.returncode == 0 and "can't open" not in run.stderr.lower()


def _hunspell_unknown(words: Iterable[str]) -> set[str]:
    words = sorted(set(words))
    if not words:
        return set()
    if not hunspell_available():
        raise HunspellMissing("cần cài hunspell và từ điển vi_VN: apt-get install hunspell hunspell-vi")
    run = subprocess.run(["hunspell", "-d", "vi_VN", "-i", "UTF-8", "-l"], input="\n".join(words) + "\n",
                         capture_output=True, text=True, encoding="utf-8", timeout=120, check=True)
    return set(run.stdout.split())


def _candidates(text: str, known: set[str]) -> Iterator[str]:
    text = _LETTER_LABEL.sub(" ", unicodedata.normalize("NFC", text))
    for chunk in _WORD_CHUNK.findall(text):
        if chunk in ACRONYMS or chunk.casefold() in known:
            continue
        for part in _PART.findall(chunk):
            if part in ACRONYMS or part.casefold() in known or _ROMAN.match(part):
                continue
            yield part


def misspelt_syllables(text: str, extra_words: Iterable[str] = ()) -> list[str]:
    """Syllables of ``text`` that the ``vi_VN`` dictionary rejects, in order of first use.

    ``extra_words`` are accepted as they are (any case): names and words of the input, an
    allowlist. Raises :class:`HunspellMissing` when hunspell is not installed.

    For example, ``misspelt_syllables("Nghĩa vụ quân sự, hòa bình, Ủy ban; nghiã vụ quoc phòng")``
    gives ``['nghiã', 'quoc']`` (tests/test_quality.py runs it where hunspell is installed).
    """
    known = {w.casefold() for w in extra_words}
    candidates = list(dict.fromkeys(_candidates(text, known)))
    old = {word: to_old_tone(word) for word in candidates}
    unknown = _hunspell_unknown(old.values())
    return [word for word in candidates if old[word] in unknown]


def check_spelling(text: str, extra_words: Iterable[str] = ()) -> list[Issue]:
    """:func:`misspelt_syllables` as issues, each at its first line."""
    issues = []
    for word in misspelt_syllables(text, extra_words):
        m = re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", text)
        start = m.start() if m else 0
        issues.append(Issue("spelling", word, line_of(text, start)))
    return issues


def check_text(text: str, extra_words: Iterable[str] | None = None) -> list[Issue]:
    """All checks; spelling too unless ``extra_words`` is None."""
    issues = hygiene_problems(text)
    if extra_words is not None:
        issues += check_spelling(text, extra_words)
    return issues

