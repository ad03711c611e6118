"""Input stage: files (YAML today) to validated :class:`~drafter.inputs.model.Report` objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import DrafterError, Problem
from drafter.inputs.model import Report
from drafter.inputs.validation import validate_data
from drafter.inputs.yaml_reader import Positions, read_yaml


@dataclass
class Loaded:
    """One input file: the report when it is valid, and every problem found."""

    source: str
    report: Report | None
    problems: list[Problem] = field(default_factory=list)
    positions: Positions | None = None

    @property
    def ok(self) -> bool:
        return self.report is not None and not any(p.is_error for p in self.problems)


def load(path: Path | str, located: bool = True, warnings_located: bool = True) -> Loaded:
    """Read and validate one YAML file; never raises for bad input.

    With ``located=False`` a file that is clean (valid, not one warning) may be read by PyYAML's
    C parser (:mod:`drafter.inputs.fast_yaml`), ten times faster; the report is the same and
    ``positions`` is None. Any problem, or any doubt, and the file is read by the located reader,
    so every message still has its line and column. Pass ``located=False`` only where no place
    is shown for a clean file (rendering, rolling up), never for review copies or ``explain``.
    With ``warnings_located=False`` too, a valid file's warnings come from the fast reader, without
    their places (the same codes and messages): for a caller that only counts them.

    >>> loaded = load("does-not-exist.yaml")
    >>> loaded.ok, loaded.problems[0].code
    (False, 'E101')
    >>> load("samples/gia-lai-2026.yaml", located=False).report == load("samples/gia-lai-2026.yaml").report
    True
    """
    if not located:
        from drafter.inputs.fast_yaml import fast_load

        report, problems = fast_load(Path(path))
        if report is not None and (not problems or not warnings_located):
            return Loaded(str(path), report, problems)
    try:
        data, positions = read_yaml(path)
    except DrafterError as error:
        return Loaded(str(path), None, error.problems)
    report, problems = validate_data(data, positions)
    return Loaded(str(path), report, problems, positions)


def load_report(path: Path | str) -> Report:
    """Like :func:`load`, but raises :class:`DrafterError` when the input has errors."""
    loaded = load(path)
    if not loaded.ok:
        raise DrafterError([p for p in loaded.problems if p.is_error])
    return loaded.report
