"""Read a PDF back for tests with poppler's tools: text, page count, fonts.

>>> base_family("BAAAAA+LiberationSerif-BoldItalic"), base_family("DejaVuSerif-Bold")
('LiberationSerif', 'DejaVuSerif')
>>> base_family("TimesNewRomanPS-BoldMT"), base_family("TimesNewRomanPSMT")
('TimesNewRoman', 'TimesNewRoman')
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

#: The poppler tools these helpers run.
POPPLER = ("pdftotext", "pdfinfo", "pdftoppm", "pdffonts")


def poppler_missing() -> list[str]:
    return [tool for tool in POPPLER if shutil.which(tool) is None]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def flat(text: str) -> str:
    """One line, single spaces, NFC: the PDF's line breaks and justification do not matter."""
    return " ".join(nfc(text).split())


def pdftotext(path: Path, page: int | None = None) -> str:
    """The text of the PDF (or of one page), laid out as on the page."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", *pages, str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True).stdout.decode("utf-8", "replace")
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def font_names(path: Path) -> list[str]:
    """The names of the fonts the PDF uses, as ``pdffonts`` lists them ("BAAAAA+LiberationSerif-Bold")."""
    listing = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True).stdout.decode("utf-8", "replace")
    lines = listing.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("---")) + 1
    return [line.split()[0] for line in lines[start:] if line.strip()]


_SUBSET = re.compile(r"^[A-Z]{6}\+")
_STYLE = re.compile(r"(?:PS)?(?:[-,](?:Regular|Roman|Book|Bold|Italic|Oblique|BoldItalic|BoldOblique)(?:MT)?)$")


def base_family(name: str) -> str:
    """A PDF font name without its subset tag and style: the family a reader would name."""
    name = _SUBSET.sub("", name)
    name = _STYLE.sub("", name)
    return re.sub(r"(?:PS)?(?:MT)?$", "", name)


def font_families(path: Path) -> set[str]:
    """The font families the PDF's text uses."""
    return {base_family(name) for name in font_names(path)}
