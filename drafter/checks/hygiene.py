"""Text hygiene of a Vietnamese draft: what DOMAIN.md section 4 asks of every line.

:func:`hygiene_problems` runs the mechanical checks and returns one :class:`Issue`
per fault found, none for a clean text:

=================  ================================================================
check              fault
=================  ================================================================
``nfc``            the text is not in Unicode NFC (typed with combining marks)
``double-space``   two spaces between words (indentation and the blank document
                   number “Số:      /BC-UBND” are allowed)
``space-before``   a space before ``, . ; : ? ! )``
``straight-quote`` a straight double quote ``"``; prose uses “ ”
``residue``        “None”, “null”, template braces ``{{ }}`` or shielded markup
``empty-heading``  a heading label without title, or a heading with nothing under it
``noise``          scraped-page noise (view counters, “Viết bình luận mới”…)
``capitals``       a title written in the wrong case (:data:`REQUIRED_FORMS`, ranks)
``sentence-start`` a sentence or line starting with a small letter
=================  ================================================================

>>> [issue.check for issue in hygiene_problems('Năm 2026 , tỉnh  đạt "tốt"; None')]
['double-space', 'space-before', 'straight-quote', 'residue']
>>> hygiene_problems("Chủ tịch UBND tỉnh tặng bằng khen cho 16 tập thể.")
[]
>>> [str(i) for i in hygiene_problems("Đồng chí chủ tịch UBND tỉnh phát biểu.")]
['dòng 1: capitals: “chủ tịch UBND” phải viết “Chủ tịch UBND”']

Spelling, the last check of DOMAIN.md section 4, is :mod:`drafter.checks.spelling`; its
:func:`~drafter.checks.spelling.check_text` runs both. From the command line: ``drafter check FILE``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "NOISE_PATTERNS",
    "REQUIRED_FORMS",
    "Issue",
    "check_capitals",
    "check_double_spaces",
    "check_empty_headings",
    "check_nfc",
    "check_noise",
    "check_quotes",
    "check_residue",
    "check_sentence_starts",
    "check_space_before_punctuation",
    "hygiene_problems",
    "line_of",
    "to_old_tone",
]


@dataclass(frozen=True)
class Issue:
    """One fault: which check found it, the offending text and its 1-based line."""

    check: str
    excerpt: str
    line: int = 0
    hint: str = ""

    def __str__(self) -> str:
        where = f"dòng {self.line}: " if self.line else ""
        return f"{where}{self.check}: “{self.excerpt}”" + (f" {self.hint}" if self.hint else "")


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _excerpt(text: str, start: int, end: int, around: int = 12) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left, right = max(line_start, start - around), min(line_end, end + around)
    while left > line_start and not text[left - 1].isspace():
        left -= 1  # whole words only
    while right < line_end and not text[right].isspace():
        right += 1
    return text[left:right].strip()


def _found(check: str, text: str, matches: Iterable[re.Match], around: int = 12) -> list[Issue]:
    return [Issue(check, _excerpt(text, m.start(), m.end(), around), line_of(text, m.start())) for m in matches]


# ------------------------------------------------------------ mechanical


def check_nfc(text: str) -> list[Issue]:
    """Text typed with combining marks (NFD) instead of precomposed letters.

    >>> import unicodedata
    >>> check_nfc(unicodedata.normalize("NFD", "Quốc phòng"))[0].check
    'nfc'
    """
    if unicodedata.is_normalized("NFC", text):
        return []
    issues = []
    for number, line in enumerate(text.split("\n"), 1):
        if not unicodedata.is_normalized("NFC", line):
            issues.append(Issue("nfc", unicodedata.normalize("NFC", line.strip())[:60], number))
    return issues


#: The blanks of a draft keep their spaces for the clerk and the signer: the number
#: “Số:      /BC-UBND” and the date of a report not yet signed, “ngày     tháng     năm 2026”
#: (vnformat.DATE_BLANK).
_BLANKS = re.compile(r"Số:[ \u00a0]+/|ngày[ \u00a0]+tháng[ \u00a0]+năm(?=[ \u00a0]+\d{4}\b|[ \u00a0]*$)", re.MULTILINE)
_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


def check_double_spaces(text: str) -> list[Issue]:
    """Two or more spaces between words; leading indentation is not checked.

    >>> [i.excerpt for i in check_double_spaces("Tỉnh  ủy\\n    thụt lề\\nSố:      /BC-UBND")]
    ['Tỉnh  ủy']
    >>> check_double_spaces("Nam Định, ngày     tháng     năm 2023"), len(check_double_spaces("ngày  13 tháng 12"))
    ([], 1)
    """
    blanks = [m.span() for m in _BLANKS.finditer(text)]
    return _found("double-space", text, (m for m in _DOUBLE_SPACE.finditer(text)
                                         if not any(a <= m.start() < b for a, b in blanks)))


_SPACE_BEFORE = re.compile(r"(?<=\S)[ \t\u00a0]+[,.;:?!)]")


def check_space_before_punctuation(text: str) -> list[Issue]:
    """A space before ``, . ; : ? ! )``.

    >>> [i.excerpt for i in check_space_before_punctuation("năm 2023 .\\nđạt ( 100% )")]
    ['năm 2023 .', 'đạt ( 100% )']
    """
    return _found("space-before", text, _SPACE_BEFORE.finditer(text))


def check_quotes(text: str) -> list[Issue]:
    """Straight double quotes; Vietnamese prose uses “ ”.

    >>> len(check_quotes('thế trận "lòng dân"')), len(check_quotes("thế trận “lòng dân”"))
    (1, 0)
    """
    return _found("straight-quote", text, re.finditer(r'"[^"\n]*"?', text), around=0)


_RESIDUE = re.compile(r"\b(?:None|none|NONE|null|NULL|undefined|Undefined|NaN)\b|\{\{|\}\}|\{%|%\}|\{#|#\}"
                      r"|[\ue000-\uf8ff]")


def check_residue(text: str) -> list[Issue]:
    """What a template leaks when a value is missing: “None”, “null”, braces, shielded markup.

    >>> [i.excerpt for i in check_residue("đạt None% chỉ tiêu")]
    ['đạt None% chỉ tiêu']
    """
    return _found("residue", text, _RESIDUE.finditer(text))


#: Phrases of a scraped web page (corpus/README.md) that a draft must never carry.
NOISE_PATTERNS: tuple[str, ...] = (
    r"Số lượt xem", r"Lượt xem", r"Viết bình luận", r"Gửi bình luận", r"Thống kê truy cập", r"Đang online",
    r"Đang truy cập", r"Tổng lượt truy cập", r"Cập nhật ngày", r"Cập nhật lúc", r"GMT\s*[+-]\s*\d", r"Tất cả\s*\d",
    r"Tin liên quan", r"Bài viết liên quan", r"Chia sẻ bài viết", r"In bài viết", r"Bản in",
    r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?",  # "2022-12-15 16:17:43"
    r"\b\d{2}/\d{2}/\d{4}\s*\|\s*\d{2}:\d{2}",  # "08/12/2022 | 16:53"
    r"(?m:^[ \t]*(?:Video|Toàn cảnh hội nghị|Ảnh minh họa)[ \t]*$)",  # captions and widgets on a line alone
)
_NOISE = re.compile("|".join(f"(?:{p})" for p in NOISE_PATTERNS), re.IGNORECASE)


def check_noise(text: str) -> list[Issue]:
    """Web-page noise copied along with the corpus.

    >>> [i.excerpt for i in check_noise("Đang online32\\nTất cả3095009")]
    ['Đang online32', 'Tất cả3095009']
    """
    return _found("noise", text, _NOISE.finditer(text))


# ---------------------------------------------------------------- headings

#: Heading labels at the start of a line, after Markdown markers: level 0 "Phần I" … 3 "a)".
_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*"
    r"(?:(?P<part>(?i:phần)[ \t]+[IVXLCDM]+)|(?P<roman>[IVXLCDM]+\.)|(?P<arabic>\d{1,2}\.)|(?P<letter>[a-zđ]\)))"
    r"(?:[ \t]*\.)?(?P<title>.*)$"
)
_LEVELS = ("part", "roman", "arabic", "letter")
_MD_HEADING_ONLY = re.compile(r"^[ \t]*#{1,6}[ \t]*(?:\*\*[ \t]*\*\*)?[ \t]*$")


def _heading(line: str) -> tuple[int, str] | None:
    """(level, title) when ``line`` is a heading: a label and a short title with no final stop."""
    m = _HEADING.match(line)
    if not m:
        return None
    title = m.group("title").strip().strip("*_").strip()
    if title and (title[-1] in ".;:!?…," or len(title) > 160 or not title[0].isalpha()):
        return None  # a numbered sentence or list item, not a heading
    return next(level for level, kind in enumerate(_LEVELS) if m.group(kind)), title


def check_empty_headings(text: str) -> list[Issue]:
    """A label without a title, or a heading with nothing under it before the next of its rank.

    “Phần I” alone is fine when its title follows on the next line in capitals.

    >>> [i.excerpt for i in check_empty_headings("1. Công tác A\\n2. Công tác B\\nNội dung.\\n3.\\n##")]
    ['1. Công tác A', '3.', '##']
    >>> check_empty_headings("Phần I\\nKẾT QUẢ\\n1. Lãnh đạo\\nNội dung.")
    []
    """
    lines = text.split("\n")
    content = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    issues = []
    for index, (number, line) in enumerate(content):
        if _MD_HEADING_ONLY.match(line):
            issues.append(Issue("empty-heading", line.strip(), number))
            continue
        heading = _heading(line)
        if heading is None:
            continue
        level, title = heading
        following = content[index + 1][1] if index + 1 < len(content) else None
        if not title:
            if level == 0 and following and following.strip().strip("*#_ ").isupper():
                index += 1  # the part's title is the next line
                following = content[index + 1][1] if index + 1 < len(content) else None
            else:
                issues.append(Issue("empty-heading", line.strip(), number))
                continue
        after = _heading(following) if following is not None else None
        if following is None or (after is not None and after[1] and after[0] <= level):
            issues.append(Issue("empty-heading", line.strip(), number, "(không có nội dung)"))
    return issues


# ---------------------------------------------------------------- capitals

_TONE_MARKS = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_MODERN_PAIR = re.compile(rf"(?<![qQ])([oOuU][\u0300\u0301\u0309\u0303\u0323]?)([aAeEyY][\u0300\u0301\u0309\u0303\u0323]?){_NOT_LETTER_AFTER}")


def _split_tone(char_nfd: str) -> tuple[str, str]:
    marks = "".join(c for c in char_nfd if c in _TONE_MARKS)
    return "".join(c for c in char_nfd if c not in _TONE_MARKS), marks


def to_old_tone(text: str) -> str:
    """Modern tone placement in oa, oe, uy at a syllable's end moved to the old place.

    The ``vi_VN`` hunspell dictionary knows “hoà”, “khoẻ”, “thuỷ”, not “hòa”, “khỏe”, “thủy”.
    Syllables that go on (“hoàn”, “khuyến”, “khuỷu”) and “quý” are the same in both styles.

    >>> to_old_tone("hòa bình, sức khỏe, thủy lợi, Ủy ban, ỦY BAN, hoàn thành, khuyến khích, quý, khuỷu")
    'hoà bình, sức khoẻ, thuỷ lợi, Uỷ ban, UỶ BAN, hoàn thành, khuyến khích, quý, khuỷu'
    >>> to_old_tone("òa óa ỏa õa ọa òe ùy úy ủy ũy ụy")
    'oà oá oả oã oạ oè uỳ uý uỷ uỹ uỵ'
    """
    decomposed = unicodedata.normalize("NFD", text)

    def move(m: re.Match) -> str:
        first, first_tone = _split_tone(m.group(1))
        second, second_tone = _split_tone(m.group(2))
        if first.lower() == "o" and second.lower() not in ("a", "e"):
            return m.group()
        if first.lower() == "u" and second.lower() != "y":
            return m.group()
        if not first_tone or second_tone:
            return m.group()
        return first + second + first_tone

    return unicodedata.normalize("NFC", _MODERN_PAIR.sub(move, decomposed))


#: Titles and bodies as the corpus and Decree 30 capitalise them. A form is checked wherever it
#: occurs in any case, except when set all in capitals; a form starting with a small letter may
#: start a sentence with a capital.
REQUIRED_FORMS: tuple[str, ...] = (
    "Chủ tịch UBND", "Phó Chủ tịch UBND", "Chủ tịch HĐND", "Phó Chủ tịch HĐND",
    "Chủ tịch Ủy ban nhân dân", "Ủy ban nhân dân", "Hội đồng nhân dân", "Công an nhân dân",
    "Bí thư Tỉnh ủy", "Phó Bí thư Tỉnh ủy", "Bí thư Thành ủy", "Phó Bí thư Thành ủy",
    "Bí thư Đảng ủy", "Phó Bí thư Đảng ủy", "Ủy viên Ban Thường vụ",
    "Bộ CHQS", "Ban CHQS", "Bộ Chỉ huy Quân sự", "Ban Chỉ huy Quân sự",
    "Chỉ huy trưởng Bộ CHQS", "Chỉ huy trưởng Ban CHQS", "Chính ủy Bộ CHQS", "Tư lệnh Quân khu", "Phó Tư lệnh Quân khu",
    "Bộ Quốc phòng", "Mặt trận Tổ quốc",
    "đời sống Nhân dân", "ngoại giao Nhân dân",
)
#: Bodies whose name must keep its capital; “UBND tỉnh ủy quyền” (delegates) is another word.
_PARTY_COMMITTEES = r"\b(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+uỷ(?!\s+(?:quyền|nhiệm|thác|ban|viên)\b)"  # old tone: see check_capitals
_RANK = re.compile(r"(?i:\b(?:đại|thượng|trung|thiếu)\s+(?:tá|tướng|úy|uý)\b)(?=\s+(?P<next>[^\W\d_]))")
_MILITARY_REGION = re.compile(r"(?i:\bquân\s+khu)(?=\s+\d)")


def _form_regex(form: str) -> re.Pattern:
    words = [re.escape(w) for w in to_old_tone(form).split()]
    return re.compile(r"(?<![^\W\d_])" + r"\s+".join(words) + r"(?![^\W\d_])", re.IGNORECASE)


_FORMS = [(to_old_tone(form), _form_regex(form)) for form in REQUIRED_FORMS]


def _in_capitals(written: str) -> bool:
    """Words set in capitals (“ỦY BAN NHÂN DÂN” in a signature) are outside the check."""
    letters = [c for c in written if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _same(found: str, form: str) -> bool:
    found = re.sub(r"\s+", " ", found)
    if found == form:
        return True
    # "đời sống Nhân dân" may open a sentence as "Đời sống Nhân dân"
    return form[0].islower() and found[0].lower() == form[0] and found[1:] == form[1:]


def check_capitals(text: str) -> list[Issue]:
    """Titles, bodies and ranks in the case the corpus writes them.

    >>> [i.hint for i in check_capitals("đại tá Võ Thanh Tâm, Phó bí thư tỉnh ủy; Thượng Tá Lê Văn A")]
    ['phải viết “Đại tá”', 'phải viết “Phó Bí thư Tỉnh ủy”', 'phải viết “Thượng tá”']
    >>> check_capitals("UBND tỉnh ủy quyền cho Sở; TM. ỦY BAN NHÂN DÂN; Đại tá Võ Thanh Tâm; Quân khu 5")
    []
    """
    text = unicodedata.normalize("NFC", text)
    canonical = to_old_tone(text)
    found: list[tuple[int, Issue]] = []
    spans: list[tuple[int, int]] = []

    def report(start: int, end: int, right: str | None = None) -> None:
        if _in_capitals(text[start:end]) or any(a <= start and end <= b for a, b in spans):
            return
        written = re.sub(r"\s+", " ", text[start:end])
        right = right or written[0].upper() + written[1:].lower()
        spans.append((start, end))
        found.append((start, Issue("capitals", written, line_of(text, start), f"phải viết “{right}”")))

    # the longest forms first, so "Phó Bí thư Tỉnh ủy" is reported once, not also as "Bí thư Tỉnh ủy"
    for (form, regex), original in sorted(zip(_FORMS, REQUIRED_FORMS), key=lambda f: -len(f[1])):
        for m in regex.finditer(canonical):
            if not _same(m.group(), form):
                report(m.start(), m.end(), original)
    for m in re.finditer(_PARTY_COMMITTEES, canonical, re.IGNORECASE):
        written = m.group()
        if not (written[0].isupper() and written[1:] == written[1:].lower()):
            report(m.start(), m.end())
    for m in _RANK.finditer(canonical):
        if not m.group("next").isupper():
            continue  # a rank is capitalised before a name
        written = re.sub(r"\s+", " ", m.group())
        if written != written[0].upper() + written[1:].lower():
            report(m.start(), m.end())
    for m in _MILITARY_REGION.finditer(canonical):
        if re.sub(r"\s+", " ", m.group()) != "Quân khu":
            report(m.start(), m.end(), "Quân khu")
    return [issue for _, issue in sorted(found, key=lambda pair: pair[0])]


_SENTENCE_START = re.compile(
    r"(?:^[ \t]*(?:[-–•+>][ \t]+|#{1,6}[ \t]+)?(?:\*\*|__|\*|_)?|(?<=[^.\s][.!?])[ \t]+(?:\*\*|__|\*|_)?)"
    r"(?P<letter>[^\W\d_])",
    re.MULTILINE,
)


def check_sentence_starts(text: str) -> list[Issue]:
    """A line or a sentence that starts with a small letter.

    >>> [i.excerpt for i in check_sentence_starts("Năm 2026 tốt. năm sau\\n- các sở;\\nTM. ỦY BAN; v.v.")]
    ['Năm 2026 tốt. năm sau', '- các sở;']
    """
    issues = []
    for m in _SENTENCE_START.finditer(text):
        letter = m.group("letter")
        if not letter.islower():
            continue
        before = text[max(0, m.start() - 4): m.start() + 1]
        if re.search(r"\b(?:v\.v|tr|TP|Tp|ThS|TS|PGS|GS)\.$", before.strip()):
            continue
        issues.append(Issue("sentence-start", _excerpt(text, m.start(), m.end()), line_of(text, m.start())))
    return issues


def hygiene_problems(text: str) -> list[Issue]:
    """Every mechanical fault of ``text`` (all checks but spelling), in check order."""
    checks = (check_nfc, check_double_spaces, check_space_before_punctuation, check_quotes, check_residue,
              check_empty_headings, check_noise, check_capitals, check_sentence_starts)
    return [issue for check in checks for issue in check(text)]

