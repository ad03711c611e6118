"""The workbook's columns: one per leaf field of the model, titled from it (the model is the only source)."""

from __future__ import annotations

import datetime as dt
import types
import typing
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from pydantic import BaseModel

from drafter.inputs.model import Report

SHEET = "Số liệu"
GUIDE_SHEET = "Hướng dẫn"
HEADER_ROW, PATH_ROW, NOTE_ROW, FIRST_DATA_ROW = 1, 2, 3, 4
#: Data validation and formats cover this many rows: every commune of the country fits.
DATA_ROWS = 5000
#: Lists of objects become this many column groups.
REPEATS = {"conference.attendees": 3, "conference.speeches": 2, "awards": 3}


@dataclass(frozen=True)
class Column:
    """One leaf field of the model as a spreadsheet column."""

    path: str  # "recruitment.quota", "awards.0.giver"
    header: str
    description: str
    kind: str  # "int", "float", "date", "text", "list", "choice"
    choices: tuple[str, ...] = ()
    ge: float | None = None
    le: float | None = None
    max_length: int | None = None

    @cached_property
    def loc(self) -> tuple[str | int, ...]:
        return tuple(int(part) if part.isdigit() else part for part in self.path.split("."))

    @cached_property
    def repeated(self) -> bool:
        """Inside a list of objects (attendees, speeches, awards)."""
        return any(isinstance(part, int) for part in self.loc)


# ----------------------------------------------------------------- columns


@lru_cache(maxsize=1)
def columns() -> tuple[Column, ...]:
    """Every column, in model order; headers are unique (checked here, so a model change that
    breaks uniqueness fails at once rather than mixing two fields up)."""
    found = tuple(_walk(Report, (), ()))
    headers = [c.header for c in found]
    duplicates = {h for h in headers if headers.count(h) > 1}
    if duplicates:
        raise AssertionError(f"tiêu đề cột trùng nhau: {sorted(duplicates)}")
    return found


def _walk(model: type[BaseModel], loc: tuple, titles: tuple[str, ...]) -> Iterator[Column]:
    for name, info in model.model_fields.items():
        annotation, constraints = _unwrap(info.annotation, list(info.metadata))
        title = info.title or name
        path = ".".join(str(p) for p in loc + (name,))
        inner = _list_item(annotation)
        if _is_model(annotation):
            yield from _walk(annotation, loc + (name,), titles + (title,))
        elif inner is not None and _is_model(inner):
            for index in range(REPEATS.get(path, 0)):
                yield from _walk(inner, loc + (name, index), titles + (f"{title} {index + 1}",))
        else:
            yield _column(path, titles + (title,), info.description or "", annotation, constraints)


def _column(path: str, titles: tuple[str, ...], description: str, annotation, constraints) -> Column:
    parts: list[str] = []
    for title in titles:  # "Người ký - Người ký" (signer.name) says it once
        if not parts or parts[-1] != title:
            parts.append(title)
    header = " - ".join(parts)
    ge = next((c.ge for c in constraints if hasattr(c, "ge")), None)
    le = next((c.le for c in constraints if hasattr(c, "le")), None)
    max_length = next((c.max_length for c in constraints if getattr(c, "max_length", None)), None)
    if _list_item(annotation) is not None:
        kind = "list"
    elif typing.get_origin(annotation) is typing.Literal:
        return Column(path, header, description, "choice", tuple(typing.get_args(annotation)))
    elif annotation is bool:
        kind = "text"
    elif annotation is int:
        kind = "int"
    elif annotation is float:
        kind = "float"
    elif annotation is dt.date:
        kind = "date"
    else:
        kind = "text"
    return Column(path, header, description, kind, (), ge, le, max_length)


def _unwrap(annotation, constraints: list):
    """``Count | None`` -> (int, [Ge, Le]): drop None and Annotated, keep the constraints."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        return _unwrap(args[0], constraints)
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        for item in extra:
            constraints.extend(getattr(item, "metadata", None) or [item])
        return _unwrap(base, constraints)
    return annotation, constraints


def _list_item(annotation):
    if typing.get_origin(annotation) is list:
        return _unwrap(typing.get_args(annotation)[0], [])[0]
    return None


def _is_model(annotation) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


@lru_cache(maxsize=1)
def _by_path() -> dict[str, Column]:
    return {c.path: c for c in columns()}


@lru_cache(maxsize=1)
def _by_header() -> dict[str, Column]:
    return {_key(c.header): c for c in columns()}


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def _letter(col: int) -> str:
    from drafter.inputs.lean_openpyxl import lean_openpyxl

    lean_openpyxl()
    from openpyxl.utils.cell import get_column_letter

    return get_column_letter(col)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
