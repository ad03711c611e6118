"""The units of a roll-up, read from what the user named: files, folders, workbooks or reports.

>>> sources, problems = load_sources(["samples/gia-lai-2026.yaml", "samples/phuong-an-khe-2026.yaml"])
>>> [s.source for s in sources], [p.code for p in problems if p.is_error]
(['samples/gia-lai-2026.yaml', 'samples/phuong-an-khe-2026.yaml'], [])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import Problem
from drafter.inputs.model import Report

#: What discovery calls an empty folder or a file that is no input, in the roll-up's own codes.
_ROLLUP_CODES = {"E601": "E530", "E602": "E531"}


@dataclass(frozen=True)
class UnitSource:
    """One unit's report and where it came from (a file, a workbook row, or "đơn vị thứ 3")."""

    source: str
    report: Report


def load_sources(items: Iterable[Path | str | Report | UnitSource],
                 read: Callable[[list[Path]], Iterable] | None = None) -> tuple[list[UnitSource], list[Problem]]:
    """Every unit of the inputs, and every problem found reading them (errors and warnings).

    Items are YAML files, folders (searched recursively for .yaml, .yml and .xlsx), Excel
    workbooks (one unit per row), reports, or :class:`UnitSource` objects. Never raises for bad
    input: check the problems. ``read`` reads a list of YAML files into
    :class:`~drafter.inputs.Loaded` objects, in order (the library hands a parallel one for a
    whole country, :mod:`drafter.api.rollup`); by default they are read here, one by one. A clean
    file is read by the fast reader; one with any problem by the located reader, so that every
    warning keeps its line.
    """
    from drafter.inputs.discovery import discover

    plan: list[tuple[str, object]] = []  # in the order of the inputs: what each place holds
    read_already: set[Path] = set()
    for item in items:
        if isinstance(item, UnitSource):
            plan.append(("unit", item))
            continue
        if isinstance(item, Report):
            plan.append(("report", item))
            continue
        # the batch's discovery: the same files, links and odd entries refused the same way
        for kind, file in discover([item], workbooks_in_folders=True):
            if kind in _ROLLUP_CODES:
                plan.append(("problem", Problem(_ROLLUP_CODES[kind], str(file), found=str(file))))
                continue
            # a file named twice ("xa/" and "xa/a.yaml") is read once: that is no double count
            key = file.resolve() if file.exists() else file
            if key in read_already:
                continue
            read_already.add(key)
            plan.append((kind, file))
    yaml_files = [file for kind, file in plan if kind not in ("unit", "report", "problem", "excel")]
    loaded_yaml = iter((read or _read_one_by_one)(yaml_files))
    sources: list[UnitSource] = []
    problems: list[Problem] = []
    for kind, what in plan:
        if kind == "unit":
            sources.append(what)
            continue
        if kind == "report":
            sources.append(UnitSource(f"đơn vị thứ {len(sources) + 1}", what))
            continue
        if kind == "problem":
            problems.append(what)
            continue
        if kind == "excel":
            from drafter.inputs.excel import read_workbook

            loaded_items = read_workbook(what)
        else:
            loaded_items = [next(loaded_yaml)]
        for loaded in loaded_items:
            problems += loaded.problems
            if loaded.ok:
                sources.append(UnitSource(loaded.source, loaded.report))
    return sources, problems


def _read_one_by_one(paths: list[Path]):
    from drafter.inputs import load

    return (load(path, located=False) for path in paths)  # a file with any warning is read with its lines
