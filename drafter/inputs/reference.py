"""Unit names checked against the administrative map (PyPI ``vietnam-provinces``).

The package ships the map in force since 1 July 2025: 34 provinces and 3,321
communes, wards and special zones, each with its division type. A report on
a period after the reform must name a unit that exists there, with the right
kind; a report on an older period may name a unit of the old map, so an
unknown name is only a warning then. A near miss gets a suggestion.

>>> find_province("Gia Lai").name, find_province("gia lai").division
('Gia Lai', 'tỉnh')
>>> suggest_province("Gia Lại")
'Gia Lai'

It also knows, for both maps, whether a province is a tỉnh or a thành phố and which military
region it belongs to (``data/military-regions.csv``, one row per province and map, with the
evidence for every province that merged across regions):

>>> from drafter.inputs.era import era_of
>>> province_kind("Đà Nẵng", era_of(2026)), province_kind("Huế", era_of(2024)), province_kind("Huế", era_of(2025, "half-year"))
('thành phố', 'tỉnh', 'thành phố')
>>> military_region("Phú Thọ", era_of(2026)), military_region("Hòa Bình", era_of(2024)), military_region("Hà Nội", era_of(2026))
('Quân khu 2', 'Quân khu 3', None)
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafter.errors import Problem
from drafter.inputs.era import Era, era_for
from drafter.inputs.model import Report
from drafter.inputs.yaml_reader import Positions

# The package spells the prefix into the name ("Thành phố Hà Nội", "Xã Phú Lợi"); the input does not.
_PREFIXES = ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ")


@dataclass(frozen=True)
class Division:
    name: str  # without its prefix
    division: str  # "tỉnh", "thành phố", "xã", "phường", "đặc khu"
    province: str = ""


def _bare(name: str) -> str:
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


# Two spellings of the same syllable: the tone mark on the second vowel (the map's "Hòa") or on the
# first ("Hoà"), as many keyboards type it. Keys use the map's; the printed name is the map's too.
_OLD_TONES = re.compile("o([\u0300\u0301\u0303\u0309\u0323])([ae])|u([\u0300\u0301\u0303\u0309\u0323])(y)")


@lru_cache(maxsize=8192)  # every report asks for the same few names: a batch of 3,321 communes stays quick
def _key(name: str) -> str:
    text = unicodedata.normalize("NFD", " ".join(name.split()).casefold())
    text = _OLD_TONES.sub(lambda m: f"o{m[2]}{m[1]}" if m[1] else f"u{m[4]}{m[3]}", text)
    text = re.sub(r"\s*[-\u2013]\s*", " - ", text)  # "Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu"
    return unicodedata.normalize("NFC", text)


#: The key two spellings of one name share (case, spaces, dashes, the old tone placement).
name_key = _key


@lru_cache(maxsize=2)
def _map(part: int) -> dict:
    """The provinces (``part`` 0) or the communes (1) of the map, by key."""
    # Importing the package and indexing its 3,321 communes takes longer than drafting a report:
    # the index is kept on disk, keyed by the package's files and this one (drafter.cache). The
    # provinces and the communes are kept apart: a province's report reads 34 entries, not 3,355.
    from importlib.util import find_spec

    from drafter.cache import cached

    spec = find_spec("vietnam_provinces")
    package = Path(spec.origin).parent if spec is not None and spec.origin else None
    sources = [Path(__file__)] + (sorted(package.glob("*.py")) if package is not None else [])
    return cached(("map-provinces", "map-communes")[part], sources, lambda: _built_map()[part])


@lru_cache(maxsize=1)
def _built_map() -> tuple[dict[str, Division], dict[tuple[str, str], Division]]:
    return _build_map()  # once, when both parts are missing from the cache folder


def _build_map() -> tuple[dict[str, Division], dict[tuple[str, str], Division]]:
    from vietnam_provinces import Province, VietNamDivisionType, Ward

    kinds = {VietNamDivisionType.THANH_PHO_TRUNG_UONG: "thành phố"}
    provinces: dict[str, Division] = {}
    by_code = {}
    for province in Province.iter_all():
        division = Division(_bare(province.name), kinds.get(province.division_type, province.division_type.value))
        provinces[_key(division.name)] = division
        by_code[province.code] = division
    communes: dict[tuple[str, str], Division] = {}
    for ward in Ward.iter_all():
        province = by_code[ward.province_code]
        division = Division(_bare(ward.name), ward.division_type.value, province.name)
        communes[(_key(province.name), _key(division.name))] = division
    return provinces, communes


def find_province(name: str) -> Division | None:
    return _map(0).get(_key(name))


def find_commune(province: str, name: str) -> Division | None:
    return _map(1).get((_key(province), _key(name)))


def suggest_province(name: str, current_map: bool = True) -> str | None:
    names = [d.name for d in _map(0).values()] if current_map else list(military_regions(current_map=False))
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.75)
    return close[0] if close else None


def suggest_commune(province: str, name: str) -> str | None:
    names = [d.name for (p, _), d in _map(1).items() if p == _key(province)]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.75)
    return close[0] if close else None


# ------------------------------------------------------------- kinds and regions

_REGIONS_FILE = Path(__file__).parent / "data" / "military-regions.csv"


@lru_cache(maxsize=1)
def _regions() -> dict[tuple[str, str], tuple[str, str]]:
    """(map, key) -> (province as spelt in the table, "Quân khu N" or "" for Hà Nội)."""
    with _REGIONS_FILE.open(encoding="utf-8", newline="") as handle:
        return {(row["map"], _key(row["province"])): (row["province"], row["region"]) for row in csv.DictReader(handle)}


def military_regions(current_map: bool = True) -> dict[str, str | None]:
    """Every province of a map -> its military region; None for Hà Nội (directly under the Ministry)."""
    wanted = "current" if current_map else "old"
    return {name: region or None for (map_, _), (name, region) in _regions().items() if map_ == wanted}


def military_region(province: str, era: Era) -> str | None:
    """"Quân khu N" for a province of the era's map; None for Hà Nội and for a name the table lacks."""
    found = _regions().get(("current" if era.current_map else "old", _key(province)))
    return (found[1] or None) if found else None


def province_name(name: str, era: Era) -> str:
    """The province as its map spells it ("gia lai" -> "Gia Lai"); the name itself when unknown."""
    if era.current_map and (found := find_province(name)):
        return found.name
    found = _regions().get(("old", _key(name))) or _regions().get(("current", _key(name)))
    return found[0] if found else " ".join(name.split())


def province_kind(name: str, era: Era) -> str:
    """"tỉnh" or "thành phố" for a province of the era's map (a name no map knows: "tỉnh")."""
    if era.current_map:
        found = find_province(name)
        return found.division if found else "tỉnh"
    return "thành phố" if _key(name) in {_key(city) for city in era.cities} else "tỉnh"


def after_reform(report: Report) -> bool:
    """Whether the period is reported on the map in force since 1 July 2025 (:mod:`drafter.inputs.era`)."""
    return era_for(report).current_map


#: A kind of unit written into a name: "tỉnh Thanh Hóa" prints "Bộ CHQS tỉnh tỉnh Thanh Hóa".
_KIND_IN_NAME = re.compile(r"(tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)\s+(?=\S)", re.IGNORECASE)


def kind_in_name(name: str) -> tuple[str, str] | None:
    """(kind word, the name without it) when ``name`` opens with a kind of unit. No proper name of
    the current map (34 provinces, 3,321 communes) nor of the old map's provinces does.

    >>> kind_in_name("tỉnh Thanh Hóa"), kind_in_name("Thành phố Hồ Chí Minh"), kind_in_name("Thanh Hóa")
    (('tỉnh', 'Thanh Hóa'), ('thành phố', 'Hồ Chí Minh'), None)
    """
    found = _KIND_IN_NAME.match(name)
    return (found.group(1).casefold(), name[found.end():].strip()) if found else None


def kind_problems(report: Report, positions: Positions) -> list[Problem]:
    """E316 for a unit's or a province's name that opens with a kind of unit.

    An error with the fix rather than the word taken off: which unit is meant is not always the
    name without it ("thị trấn Lâm" typed for a report of 2026 is some xã under another name), and
    the map's own messages would then speak of the wrong name.
    """
    unit = report.unit
    problems = []
    for key, name in (("name", unit.name if unit.level != "area" else None), ("province", unit.province)):
        found = kind_in_name(name) if name else None
        if found:
            problems.append(positions.problem("E316", ("unit", key), found=name, expected=found[1],
                                              extra={"what": found[0], "key": key}))
    return problems


def unit_problems(report: Report, positions: Positions) -> list[Problem]:
    """Problems with the unit's name, kind, province and military region against the map of its period."""
    unit = report.unit
    kinds = kind_problems(report, positions)
    if kinds:
        return kinds  # the map would not know the name with its kind, and say so misleadingly
    era = era_for(report)
    if unit.level == "district" or (unit.kind == "thị trấn" and era.current_map):
        return []  # not on the current map at all: E304 and E310 say so
    current = era.current_map
    unknown, wrong_kind = ("E308", "E309") if current else ("W405", None)
    problems: list[Problem] = []

    def say(code, loc, found, suggestion=None, expected=""):
        hint = f"; có phải ý bạn là “{suggestion}”?" if suggestion else ""
        problems.append(positions.problem(code, loc, found=found, expected=expected, extra={"suggestion": hint}))

    province_name = unit.name if unit.level == "province" else unit.province
    province_loc = ("unit", "name") if unit.level == "province" else ("unit", "province")
    if not province_name:
        return problems
    problems += region_problems(province_name, unit.military_region, era, positions)
    province = find_province(province_name)
    if province is None:
        if not current and ("old", _key(province_name)) in _regions():
            # a province of its period's map (Đắk Nông in 2022) is right as written: a warning would ask
            # an officer to check what cannot be wrong. Its communes are on no map drafter has.
            return problems
        say(unknown, province_loc, province_name, suggest_province(province_name, current))
        return problems
    # kinds changed with the reform (thị trấn became xã, Huế a thành phố): only the current map's are checked
    if unit.level == "province":
        if current and unit.kind != province.division:
            say(wrong_kind, ("unit", "kind"), unit.kind, expected=province.division)
        return problems
    if unit.level == "area":
        return problems  # a defence area is the provincial command's, not on the administrative map
    commune = find_commune(province.name, unit.name)
    if commune is None:
        say(unknown, ("unit", "name"), f"{unit.kind} {unit.name}", suggest_commune(province.name, unit.name))
    elif current and unit.kind != commune.division:
        say(wrong_kind, ("unit", "kind"), unit.kind, expected=commune.division)
    return problems


def region_problems(province: str, given: str | None, era: Era, positions: Positions) -> list[Problem]:
    """W410 when the military region given is not the one the map's table has for the province."""
    if not given:
        return []
    said = " ".join(given.split()).removeprefix("Bộ Tư lệnh ").strip()
    if _key(province) == _key("Hà Nội"):
        if "thủ đô" in said.casefold():
            return []  # what older starters wrote: the capital command, not a region
        expected = "Bộ Tư lệnh Thủ đô Hà Nội (trực thuộc Bộ Quốc phòng, không thuộc quân khu nào)"
    else:
        expected = military_region(province, era)
        if expected is None or _key(said) == _key(expected):
            return []
    return [positions.problem("W410", ("unit", "military_region"), found=given, expected=expected,
                              extra={"what": f"{province_kind(province, era)} {province_name(province, era)}"})]
