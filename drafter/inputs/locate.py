"""Where a field of the input stands in the user's file, and what the field is called.

A reviewer checks a draft against the file its figures were typed in, so each field path a
draft's sources name ("recruitment.delivered", "awards[0].individuals", "leadership.notes[1]")
is turned into a place the reviewer can open: a line of the YAML file, or a cell of the
workbook row (``so-lieu-2026.xlsx!Số liệu!D7``), the same places the validator's messages give.
A field the file does not hold (a default, a value inferred from others) is said to be so.

>>> from drafter.inputs import load
>>> where = Locator.of(load("samples/gia-lai-2026.yaml"))
>>> str(where.place("recruitment.delivered")), where.place("recruitment.delivered").given
('samples/gia-lai-2026.yaml:109', True)
>>> where.place("unit.level").given
False
>>> title("recruitment.delivered"), title("awards[0].individuals"), title("leadership.notes[1]")
('Tuyển quân - Số giao quân', 'Khen thưởng 1 - Số cá nhân', 'Lãnh đạo, chỉ đạo - Kết quả khác, ý 2')
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from drafter.errors import Problem
from drafter.inputs import Loaded
from drafter.inputs.model import Report
from drafter.inputs.yaml_reader import Positions

Loc = tuple[str | int | None, ...]

_PART = re.compile(r"([^.\[\]]+)|\[(\d*)\]")


def parse_path(path: str) -> Loc:
    """A dotted field path as a loc tuple; ``[]`` (any item of a list) becomes None.

    >>> parse_path("awards[0].individuals"), parse_path("awards.0.giver"), parse_path("awards[].collectives")
    (('awards', 0, 'individuals'), ('awards', 0, 'giver'), ('awards', None, 'collectives'))
    """
    loc: list[str | int | None] = []
    for name, index in _PART.findall(path):
        if name:
            loc.append(int(name) if name.isdigit() else name)
        else:
            loc.append(int(index) if index else None)
    return tuple(loc)


@dataclass(frozen=True)
class Place:
    """A place in the user's file: a line of a YAML file or a cell of a workbook.

    ``given`` is False when the file does not hold the field itself (a default value, or one
    inferred from others); the place is then that of the nearest section the file does hold.
    """

    file: str
    line: int | None = None
    cell: str = ""  # "Số liệu!D7"
    given: bool = True

    def __str__(self) -> str:
        return self.text(self.file)

    @property
    def short(self) -> str:
        """The place with the file's name only, as a comment in the document shows it."""
        return self.text(Path(self.file).name)

    def text(self, file: str) -> str:
        if self.cell:
            return f"{file}!{self.cell}"
        return f"{file}:{self.line}" if self.line else file


@dataclass(frozen=True)
class Locator:
    """Field paths of one input to places in its file, and the input's warnings.

    Build it with :meth:`of` from what :func:`drafter.inputs.load` or
    :func:`drafter.inputs.excel.read_workbook` returned; a report given without its file
    has no places (:data:`NOWHERE`).
    """

    source: str = ""
    positions: object | None = None  # yaml_reader.Positions, or the workbook row's cells
    warnings: tuple[Problem, ...] = field(default=())

    @classmethod
    def of(cls, loaded: Loaded) -> Locator:
        return cls(loaded.source, loaded.positions, tuple(p for p in loaded.problems if not p.is_error))

    def place(self, path: str) -> Place | None:
        """Where ``path`` stands, or None when the input came without its file."""
        loc = tuple(part for part in parse_path(path) if part is not None)
        positions = self.positions
        if isinstance(positions, Positions):
            if not positions.places:
                return None
            given = loc in positions.places
            line, _column = positions.of(loc)
            return Place(positions.file, line, given=given)
        cell = getattr(positions, "cell", None)
        if cell is None:
            return None
        # a workbook row: the cell of the field, or of the row when the sheet holds no such cell
        found = cell(loc)
        if found is not None:
            return Place(positions.file, cell=found)
        return Place(positions.file, cell=cell(()) or "", given=False)


NOWHERE = Locator()


# ------------------------------------------------------------------ titles


def _unwrap(annotation):
    """``Count | None``, ``Annotated[int, …]``, ``list[Text | Directive]`` -> the types inside."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    return annotation


def _model_in(annotation) -> type[BaseModel] | None:
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):  # Text | Directive: the model of a grouped task
        found = _model_in(arg)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=512)
def title(path: str) -> str:
    """The Vietnamese title of a field path, section first, as the workbook's headers say it;
    "" when the path is not a field of the input model (a derived value's rule name).
    """
    model: type[BaseModel] | None = Report
    parts: list[str] = []
    item: object = None  # the item type of the list the last field is, if it is one
    loc = parse_path(path)
    for position, part in enumerate(loc):
        if isinstance(part, int) or part is None:
            if item is None or not parts:
                return ""
            model = _model_in(item)
            if part is not None:
                # "Khen thưởng 1" for an item with fields of its own; "Ghi chú, ý 2" for a line of text
                plain = model is None or (position == len(loc) - 1 and _holds_text(item))
                parts[-1] += f", ý {part + 1}" if plain else f" {part + 1}"
            item = None
            continue
        if model is None or part not in model.model_fields:
            return ""
        info = model.model_fields[part]
        annotation = _unwrap(info.annotation)
        if info.title and (not parts or parts[-1] != info.title):
            parts.append(info.title)
        if typing.get_origin(annotation) is list:
            item, model = typing.get_args(annotation)[0], None
        else:
            item, model = None, _model_in(annotation)
    return " - ".join(parts)


def _holds_text(annotation) -> bool:
    annotation = _unwrap(annotation)
    return annotation is str or any(_unwrap(arg) is str for arg in typing.get_args(annotation))


def value_at(report: Report, path: str):
    """The input's value at ``path`` (list items included), or None when it is not given.

    >>> from drafter.inputs import load_report
    >>> report = load_report("samples/gia-lai-2026.yaml")
    >>> value_at(report, "awards[0].individuals"), value_at(report, "recruitment.quota"), value_at(report, "x.y")
    (48, 3350, None)
    """
    value = report
    for part in parse_path(path):
        if part is None:
            return None
        if isinstance(part, int):
            if not isinstance(value, (list, tuple)) or part >= len(value):
                return None
            value = value[part]
        else:
            value = getattr(value, part, None) if isinstance(value, BaseModel) else None
        if value is None:
            return None
    return value
