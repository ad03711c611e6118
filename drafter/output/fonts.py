"""Does the font LibreOffice will use for Times New Roman carry every Vietnamese letter?

The drafts name Times New Roman. Where it is not installed (Linux), LibreOffice takes the font
fontconfig substitutes for it, usually Liberation Serif, which has the same metrics. Liberation
1.07 (Debian's ``fonts-liberation`` up to bookworm) lacks the precomposed Vietnamese letters
(ể, ọ, ả…): LibreOffice then patches each of them from another font (DejaVu), the PDF looks
mended letter by letter and ``pdftotext`` splits the words ("Tuy ển ch ọn"). Liberation 2
(``fonts-liberation2``) has them.

fontconfig answers the question: ``fc-match`` names the substitute for each style the drafts
use, and its character set. LibreOffice depends on fontconfig on Linux, so ``fc-match`` is
there wherever this matters; where it is absent (Windows, macOS, which have Times New Roman)
nothing is checked.

>>> len(VIETNAMESE_LETTERS), "ể" in VIETNAMESE_LETTERS, "Đ" in VIETNAMESE_LETTERS
(146, True, True)
>>> _covers(_parse_charset("20-7e c0-1b0 1ea0-1ef9"), "Aể"), _covers(_parse_charset("20-7e"), "Aể")
('', 'ể')
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata
from typing import NamedTuple

from drafter.errors import DrafterError, Problem
from drafter.output.workers import stops_deferred

#: The family the drafts name (drafter.layout.decree30.PageSettings.font).
FAMILY = "Times New Roman"
#: The styles the drafts use, as fontconfig patterns.
STYLES = {"thường": "", "đậm": ":bold", "nghiêng": ":italic", "đậm nghiêng": ":bold:italic"}


def _vietnamese_letters() -> str:
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang, huyền, sắc, hỏi, ngã, nặng
    letters = [unicodedata.normalize("NFC", vowel + tone) for vowel in "aăâeêioôơuưy" for tone in tones]
    letters.append("đ")
    return "".join(letters) + "".join(letter.upper() for letter in letters)


#: Every precomposed Vietnamese letter (12 vowels × 6 tones, and đ), lower and upper case.
VIETNAMESE_LETTERS = _vietnamese_letters()
#: What a draft prints besides ASCII and those letters: curly quotes, dashes, ellipsis.
PUNCTUATION = "“”‘’–…"


class FontMatch(NamedTuple):
    style: str  # "đậm", as the message names it
    family: str
    file: str
    missing: str  # the needed characters the font lacks


def _parse_charset(text: str) -> list[tuple[int, int]]:
    """fontconfig's ``%{charset}`` ("20-7e a0-17f 1ea0") as inclusive ranges."""
    ranges = []
    for item in text.split():
        low, _, high = item.partition("-")
        try:
            ranges.append((int(low, 16), int(high or low, 16)))
        except ValueError:
            continue
    return ranges


def _covers(ranges: list[tuple[int, int]], needed: str) -> str:
    """The characters of ``needed`` outside ``ranges``, in order, each once."""
    missing = [char for char in dict.fromkeys(needed)
               if not any(low <= ord(char) <= high for low, high in ranges)]
    return "".join(missing)


@functools.lru_cache(maxsize=1)
def times_substitutes() -> tuple[FontMatch, ...] | None:
    """What fontconfig gives for Times New Roman in each style, or None when it cannot say.

    Cached: installed fonts do not change while a batch runs. ``times_substitutes.cache_clear()``
    after installing one.
    """
    program = shutil.which("fc-match")
    if program is None:
        return None
    found = []
    # A stop signal made an exception (raise_on_sigterm's SystemExit, a batch worker's Stopped) that
    # lands in subprocess.run's timed wait can leave the Popen's lock held, and run's clean-up then
    # waits for it forever (drafter.output.children). fc-match answers in milliseconds, once per
    # process: a stop, Ctrl-C included, waits for it and is raised after.
    with stops_deferred():
        for style, suffix in STYLES.items():
            try:
                result = subprocess.run([program, "--format", "%{family[0]}\t%{file}\t%{charset}", FAMILY + suffix],
                                        capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
            except (OSError, subprocess.SubprocessError):
                return None
            family, _, rest = result.stdout.decode("utf-8", "replace").partition("\t")
            file, _, charset = rest.partition("\t")
            if result.returncode != 0 or not family:
                return None
            found.append(FontMatch(style, family, file, _covers(_parse_charset(charset), VIETNAMESE_LETTERS + PUNCTUATION)))
    return tuple(found)


def font_problem(where: str = "--pdf") -> Problem | None:
    """E706 when a style of the Times New Roman substitute lacks Vietnamese letters; else None."""
    matches = times_substitutes()
    lacking = [m for m in matches or () if m.missing]
    if not lacking:
        return None
    first = lacking[0]
    files: dict[str, str] = {}
    for m in lacking:
        files.setdefault(m.family, m.file)
    fonts = "; ".join(f"“{family}” ({file})" for family, file in files.items())
    return Problem("E706", where, found=fonts, extra={
        "styles": ", ".join(m.style for m in lacking),
        "letters": " ".join(first.missing[:8]) + (" …" if len(first.missing) > 8 else ""),
    })


def check_fonts(where: str = "--pdf") -> None:
    """Raise :class:`DrafterError` E706, naming the font and the fix, when PDFs would mix fonts."""
    problem = font_problem(where)
    if problem is not None:
        raise DrafterError([problem])
