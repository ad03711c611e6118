"""The units of a roll-up, read from what the user named: files, folders, workbooks or reports.

>>> sources, problems = load_sources(["samples/gia-lai-2026.yaml", "samples/phuong-an-khe-2026.yaml"])
>>> [s.source for s in sources], [p.code for p in problems if p.is_error]
(['samples/gia-lai-2026.yaml', 'samples/phuong-an-khe-2026.yaml'], [])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import Problem
from drafter.inputs.model import Report

INPUT_SUFFIXES = (".yaml", ".yml", ".xlsx")


@dataclass(frozen=True)
class UnitSource:
    """One unit's report and where it came from (a file, a workbook row, or "đơn vị thứ 3")."""

    source: str
    report: Report


def _input_files(item: Path) -> tuple[list[Path], list[Problem]]:
    if item.is_dir():
        found = sorted(p for p in item.rglob("*")
                       if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES and not p.name.startswith((".", "~$")))
        return found, ([] if found else [Problem("E530", str(item), found=str(item))])
    if item.suffix.lower() not in INPUT_SUFFIXES and item.exists():
        return [], [Problem("E531", str(item), found=str(item))]
    return [item], []  # a missing file is reported by the reader (E101)


def load_sources(items: Iterable[Path | str | Report | UnitSource]) -> tuple[list[UnitSource], list[Problem]]:
    """Every unit of the inputs, and every problem found reading them (errors and warnings).

    Items are YAML files, folders (searched recursively for .yaml, .yml and .xlsx), Excel
    workbooks (one unit per row), reports, or :class:`UnitSource` objects. Never raises for bad
    input: check the problems.
    """
    from drafter.inputs import load

    sources: list[UnitSource] = []
    problems: list[Problem] = []
    read: set[Path] = set()
    for item in items:
        if isinstance(item, UnitSource):
            sources.append(item)
            continue
        if isinstance(item, Report):
            sources.append(UnitSource(f"đơn vị thứ {len(sources) + 1}", item))
            continue
        files, found = _input_files(Path(item))
        problems += found
        for file in files:
            # a file named twice ("xa/" and "xa/a.yaml") is read once: that is no double count
            if file.resolve() in read:
                continue
            read.add(file.resolve())
            if file.suffix.lower() == ".xlsx":
                from drafter.inputs.excel import read_workbook

                loaded_items = read_workbook(file)
            else:
                loaded_items = [load(file)]
            for loaded in loaded_items:
                problems += loaded.problems
                if loaded.ok:
                    sources.append(UnitSource(loaded.source, loaded.report))
    return sources, problems
