"""File names for many units' drafts: readable ASCII, unique, and stable for the same inputs.

``xa-phu-loi-2026-bao-cao.docx``: kind, name and period without diacritics. Names that look
alike once the diacritics are gone ("Phú Lợi" and "Phú Lới") are different units and never
share a name: the province is added when it tells them apart, else a short fingerprint of the
name as written. Only the very same unit given twice (same kind, name, province and period,
whatever the case or the Unicode form of the text) is called a duplicate and numbered.

>>> file_stem("xã", "Phú Lợi", 2026, "half-year")
'xa-phu-loi-2026-6-thang'
>>> slug("../../etc"), slug("Đắk Lắk 🌄"), slug("a/b"), slug("CON")
('etc', 'dak-lak', 'a-b', 'con')
>>> [stem for stem, _ in assign_stems([("xã", "Phú Lợi", "Gia Lai", 2026, "year"),
...                                   ("xã", "Phú Lới", "Gia Lai", 2026, "year")])]
['xa-phu-loi-gia-lai-b419ca-2026', 'xa-phu-loi-gia-lai-b5a06c-2026']
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

#: The note of a unit given twice (summary.csv).
DUPLICATE = "cùng đơn vị và kỳ báo cáo với một nguồn khác"


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by "-": no diacritics, no separators, never "..".

    >>> slug("Thành phố Hồ Chí Minh"), slug("  ")
    ('thanh-pho-ho-chi-minh', '')
    """
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > limit:  # keep names well under any file system's limit
        text = text[:limit].rsplit("-", 1)[0] if "-" in text[:limit] else text[:limit]
    return text.strip("-")


def file_stem(kind: str, name: str, year: int, span: str, province: str | None = None, mark: str = "") -> str:
    """``xa-phu-loi-2026``; with ``province``: ``xa-phu-loi-gia-lai-2026``; ``mark`` before the year."""
    parts = [slug(kind), slug(name) or "don-vi"]
    if province:
        parts.append(slug(province, 40))
    if mark:
        parts.append(mark)
    parts.append(str(year) if span != "half-year" else f"{year}-6-thang")
    return "-".join(p for p in parts if p)


def identity(key: tuple) -> tuple:
    """What makes a unit the same unit: its words as written (diacritics count), not their case or
    Unicode form, nor extra spaces."""
    kind, name, province, year, span = key

    def words(text) -> str:
        return " ".join(unicodedata.normalize("NFC", str(text or "")).casefold().split())

    return words(kind), words(name), words(province), year, span


def _fingerprint(key: tuple) -> str:
    kind, name, province, *_ = identity(key)
    return hashlib.sha1(f"{kind}|{name}|{province}".encode("utf-8")).hexdigest()[:6]


def assign_stems(keys: Sequence[tuple]) -> list[tuple[str, str]]:
    """A unique stem per unit (kind, name, province, year, span), stable for the same inputs.

    Kind + name + period; the province when two different units would clash; a fingerprint
    of the name as written when even that clashes; a number only for the same unit given
    twice. Returns (stem, note), the note naming a duplicate.
    """
    ids = [identity(key) for key in keys]
    stems = [file_stem(k[0], k[1], k[3], k[4]) for k in keys]
    for widen in (lambda k: file_stem(k[0], k[1], k[3], k[4], k[2]),
                  lambda k: file_stem(k[0], k[1], k[3], k[4], k[2], _fingerprint(k))):
        units = defaultdict(set)
        for stem, unit in zip(stems, ids):
            units[stem].add(unit)
        stems = [widen(key) if len(units[stem]) > 1 else stem for key, stem in zip(keys, stems)]
    totals, seen = Counter(zip(stems, ids)), Counter()
    result = []
    for stem, unit in zip(stems, ids):
        seen[stem, unit] += 1
        if totals[stem, unit] == 1 or seen[stem, unit] == 1:
            result.append((stem, ""))
        else:  # a stem ends with a year or "thang", so "-2" cannot meet another unit's stem
            result.append((f"{stem}-{seen[stem, unit]}", DUPLICATE))
    return result


def template_slugs(templates: Sequence[str]) -> dict[str, str]:
    """The template part of file names: "bao-cao", a pack folder's or a Word form's name."""
    result: dict[str, str] = {}
    for template in templates:
        base = slug(Path(template).stem if Path(template).suffix.lower() in (".docx", ".docm") else
                    Path(template).name) or "mau"
        name, number = base, 1
        while name in result.values():
            number += 1
            name = f"{base}-{number}"
        result[template] = name
    return result
