"""A pydantic validation error as the problem a user reads: our code, the value as typed, the fix.

pydantic speaks its own terms: a value left empty is ``None``, a list is ``['a', 'b']``, and a field
that takes one of two shapes (a task: a line of text, or tasks grouped by addressee) fails once per
shape, at places named after the shapes (``conference.conclusion.0.Directive.items``,
``conference.conclusion.0.constrained-str``). New users read those as they are (trials, ninth
session); here each becomes one problem at the user's own place, with what was typed as typed:

>>> shown(None), shown(["Nguyễn Phú Dũng", "Lê Tấn Vàng"]), shown({"to": "các cơ quan"}), shown(True)
('', '- Nguyễn Phú Dũng; - Lê Tấn Vàng', 'to: các cơ quan', 'true')
"""

from __future__ import annotations

import difflib
import math
import re
import types
import typing

from pydantic import BaseModel

from drafter.errors import Problem
from drafter.inputs.model import Directive, Report
from drafter.inputs.yaml_reader import Loc, Positions

__all__ = ["MAX_SUGGESTIONS", "annotation_at", "plain_types", "problem_from_pydantic", "problems_from_pydantic",
           "shown"]

# pydantic error type -> our code; the rest fall back to E299.
_CODES = {
    "missing": "E200",
    "int_parsing": "E202",
    "int_from_float": "E202",
    "int_type": "E202",
    "float_parsing": "E203",
    "float_type": "E203",
    "finite_number": "E203",
    "literal_error": "E204",
    "bool_parsing": "E204",  # "includes_police: có": a choice of true and false
    "bool_type": "E204",
    "date_parsing": "E205",
    "date_from_datetime_parsing": "E205",
    "date_from_datetime_inexact": "E205",
    "date_type": "E205",
    "extra_forbidden": "E206",
    "list_type": "E207",
    "model_type": "E208",
    "model_attributes_type": "E208",
    "dict_type": "E208",
    "string_type": "E209",
    "string_too_short": "E210",
    "string_too_long": "E211",
    "string_pattern_mismatch": "E214",
}

#: Counts of those an input could name one by one, and a new user did (E221).
_COUNTS_OF_NAMES = frozenset({("awards", "collectives"), ("awards", "individuals")})

#: "Did you mean" is worked out for this many problems; a file of thousands of unknown keys is
#: refused as fast as one of a few.
MAX_SUGGESTIONS = 50


def problems_from_pydantic(items: list[dict], positions: Positions, data) -> list[Problem]:
    """Every error of one validation, each said once at the user's place; a task that is neither a
    line of text nor a group of them is one E222, not one error per shape it failed."""
    problems: list[Problem] = []
    said: set[Loc] = set()
    for index, item in enumerate(items):
        loc = tuple(item["loc"])
        at = _task_shape_at(loc)
        if at is None:
            problems.append(problem_from_pydantic(item, positions, data, index < MAX_SUGGESTIONS))
            continue
        place, shape = loc[:at], loc[at]
        value = _typed(data, place)
        grouped = shape == Directive.__name__
        if isinstance(value, str) or (isinstance(value, dict) and set(value) & set(Directive.model_fields)):
            # the shape the user meant is clear: its own faults, at its own place ("verb" not in
            # the list, "item:" for "items:", a text too long); a group without its tasks is E222
            meant = not grouped if isinstance(value, str) else grouped
            if not meant:
                continue
            if not grouped or item["type"] not in ("missing", "too_short"):
                problems.append(problem_from_pydantic({**item, "loc": place + loc[at + 1:]}, positions, data,
                                                      index < MAX_SUGGESTIONS))
                continue
        if place not in said:  # a number, a list, "Nhiệm vụ: …" read as a mapping, a group without tasks
            said.add(place)
            problems.append(positions.problem("E222", place, found=shown(value)))
    return problems


def problem_from_pydantic(item: dict, positions: Positions, data, suggest: bool = True) -> Problem:
    """One pydantic error as a located problem."""
    loc: Loc = tuple(part for part in item["loc"] if not _is_union_tag(part))
    kind = item["type"]
    value = item.get("input")
    found = shown(value)
    code = _CODES.get(kind, "E299")
    expected = ""
    extra: dict = {"detail": item.get("msg", "")}
    if value is None and kind != "missing":
        code = "E210"  # "date:" with nothing after it is empty, not the value "None"
    elif kind in ("greater_than_equal", "greater_than"):
        limit = item.get("ctx", {}).get("ge", item.get("ctx", {}).get("gt"))
        code, expected = ("E201", "") if limit == 0 else ("E213", str(limit))
    elif kind in ("less_than_equal", "less_than"):
        code, expected = "E212", str(item.get("ctx", {}).get("le", item.get("ctx", {}).get("lt")))
    elif kind == "missing":
        expected = ".".join(str(p) for p in loc)
    elif kind == "literal_error":
        expected = _choices(item.get("ctx", {}).get("expected", ""))
        typed = _typed(data, loc)  # as the user typed it, not as the choice was folded ("Giấy khenn")
        found = shown(typed) if isinstance(typed, str) else found
    elif kind in ("bool_parsing", "bool_type"):
        expected = "“true” hoặc “false”"
    elif kind == "extra_forbidden" and loc:
        found = _short(str(loc[-1]))
        extra["suggestion"] = _suggestion(loc) if suggest else ""
    elif kind == "string_too_long":
        found = str(len(value)) if isinstance(value, str) else found
        expected = str(item.get("ctx", {}).get("max_length", ""))
    elif kind == "string_pattern_mismatch":
        expected = "chỉ dùng chữ in hoa, số và dấu “-”, ví dụ UBND"
    elif kind == "int_type" and isinstance(value, list) and value and all(isinstance(v, str) for v in value) \
            and tuple(part for part in loc if isinstance(part, str)) in _COUNTS_OF_NAMES:
        # the people's names typed under "individuals:": the count, and that the names have no place
        # to go (in a count of anything else, such as a quota, the number of lines is no answer)
        code, expected = "E221", str(len(value))
        title = _title_at(loc)
        extra.update(key=str(loc[-1]), what=title[:1].lower() + title[1:] if title else str(loc[-1]),
                     count=str(len(value)))
    if kind in ("int_parsing", "int_type", "float_parsing") and _looks_boolean(value):
        code = "E215"
    elif isinstance(value, float) and not math.isfinite(value):  # .nan, .inf
        code, found = "E217", {"nan": ".nan", "inf": ".inf", "-inf": "-.inf"}[str(value)]
    elif kind == "float_parsing" and isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value.strip()):
        # "0,89" is refused rather than guessed: in a YAML file "1,824" may just as well be 1824.
        code, expected = "E218", value.strip().replace(".", "").replace(",", ".")
    elif kind == "float_parsing" and isinstance(value, str) and _PERCENT.fullmatch(value.strip()):
        # "100%" in a field of percent: the field is the percent already (the fix said "0.89", which
        # a new user then took for a fraction and wrote 1 for 100%)
        code, expected = "E220", _PERCENT.fullmatch(value.strip()).group(1).replace(",", ".")
    return positions.problem(code, loc, found=found, expected=expected, extra=extra)


def shown(value) -> str:
    """A value as the user typed it, shortened: empty for nothing, ``true`` and ``false`` as YAML
    writes them, a list as its lines ("- a; - b"), a mapping as its "key: value" lines."""
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list):
        text = "; ".join(f"- {_flat(item)}" for item in value)
    elif isinstance(value, dict):
        text = "; ".join(f"{key}: {_flat(item)}" for key, item in value.items())
    else:
        text = str(value)
    return _short(text)


def _flat(value) -> str:
    return "…" if isinstance(value, (list, dict)) else shown(value)


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def _choices(expected: str) -> str:
    """pydantic's list of allowed values ("'a', 'b' or 'c'", joined in English) as the message's
    language lists them: “a”, “b” hoặc “c”.

    >>> _choices("'bằng khen', 'giấy khen' or 'cờ thi đua'")
    '“bằng khen”, “giấy khen” hoặc “cờ thi đua”'
    """
    from babel.lists import format_list  # only when a file has such an error: off the render path

    from drafter.i18n import language

    values = re.findall(r"'([^']*)'", expected)
    return format_list([f"“{value}”" for value in values], style="or", locale=language()) if values else expected


_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")


_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]{1,3}(?:\.[0-9]{3})*,[0-9]+|[+-]?[0-9]+,[0-9]+")


def _task_shape_at(loc: Loc) -> int | None:
    """Where ``loc`` names the shape a task failed ("Directive", "constrained-str") after the task's
    own place (``conference.conclusion.0``); None when it passes through no task."""
    for at in range(1, len(loc)):
        if isinstance(loc[at], str) and isinstance(loc[at - 1], int) and _is_task(annotation_at(loc[:at])):
            return at
    return None


def _is_task(annotation) -> bool:
    types_ = plain_types(annotation) if annotation is not None else []
    return Directive in types_ and str in types_


def annotation_at(loc: Loc):
    """The model's type for the value at ``loc``; None when the model has no such place."""
    annotation = Report
    for part in loc:
        if isinstance(part, int):
            annotation = next((typing.get_args(a)[0] for a in plain_types(annotation) if typing.get_origin(a) is list), None)
        else:
            model = _model_in(annotation)
            info = model.model_fields.get(part) if model else None
            annotation = info.annotation if info else None
        if annotation is None:
            return None
    return annotation


def plain_types(annotation) -> list:
    """``Count | None`` -> [int, NoneType]: the types inside unions and ``Annotated``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return plain_types(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [plain for arg in typing.get_args(annotation) for plain in plain_types(arg)]
    return [annotation]


def _title_at(loc: Loc) -> str:
    """The Vietnamese title of the field at ``loc`` ("Số cá nhân"); "" when the model has none."""
    model = _model_in(annotation_at(loc[:-1])) if loc else None
    info = model.model_fields.get(loc[-1]) if model and isinstance(loc[-1], str) else None
    return (info.title or "") if info else ""


def _typed(data, loc: Loc):
    """The value at ``loc`` of the data as read, or None."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _looks_boolean(value) -> bool:
    words = {"yes", "no", "true", "false", "on", "off", "có", "không", "x"}
    return isinstance(value, bool) or (isinstance(value, str) and value.strip().lower() in words)


def _is_union_tag(part) -> bool:
    # pydantic puts a validator's name ("function-after[...]") into loc
    return isinstance(part, str) and "[" in part


def _suggestion(loc: Loc) -> str:
    model = _model_in(annotation_at(loc[:-1]))  # the model that has no field of this name
    close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields) if model else [], n=1, cutoff=0.6)
    return f"; có phải ý bạn là “{close[0]}”?" if close else ""


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None
