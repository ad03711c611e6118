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
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from drafter.errors import Problem
from drafter.inputs.yaml_reader import Positions
from drafter.inputs.model import Report

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


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


@lru_cache(maxsize=1)
def _map() -> tuple[dict[str, Division], dict[tuple[str, str], Division]]:
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
    return _map()[0].get(_key(name))


def find_commune(province: str, name: str) -> Division | None:
    return _map()[1].get((_key(province), _key(name)))


def suggest_province(name: str) -> str | None:
    names = [d.name for d in _map()[0].values()]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.75)
    return close[0] if close else None


def suggest_commune(province: str, name: str) -> str | None:
    names = [d.name for (p, _), d in _map()[1].items() if p == _key(province)]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.75)
    return close[0] if close else None


def after_reform(report: Report) -> bool:
    """Whether the period is reported on the map in force since 1 July 2025."""
    year, span = report.period.year, report.period.span
    return year > 2025 or (year == 2025 and span == "year")


def unit_problems(report: Report, positions: Positions) -> list[Problem]:
    """Problems with the unit's name, kind and province against the current map."""
    unit = report.unit
    if unit.level == "district":
        return []  # the old district level is not in the current map; E304 covers misuse
    current = after_reform(report)
    unknown, wrong_kind = ("E308", "E309") if current else ("W405", "W405")
    problems: list[Problem] = []

    def say(code, loc, found, suggestion=None, expected=""):
        hint = f"; có phải ý bạn là “{suggestion}”?" if suggestion else ""
        problems.append(positions.problem(code, loc, found=found, expected=expected, extra={"suggestion": hint}))

    province_name = unit.name if unit.level == "province" else unit.province
    province_loc = ("unit", "name") if unit.level == "province" else ("unit", "province")
    if not province_name:
        return problems
    province = find_province(province_name)
    if province is None:
        say(unknown, province_loc, province_name, suggest_province(province_name))
        return problems
    if unit.level == "province":
        if unit.kind != province.division:
            say(wrong_kind, ("unit", "kind"), unit.kind, expected=province.division)
        return problems
    commune = find_commune(province.name, unit.name)
    if commune is None:
        say(unknown, ("unit", "name"), f"{unit.kind} {unit.name}", suggest_commune(province.name, unit.name))
    elif unit.kind != commune.division:
        say(wrong_kind, ("unit", "kind"), unit.kind, expected=commune.division)
    return problems
