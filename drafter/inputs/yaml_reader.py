"""Read a YAML input into plain Python data, remembering where each value stood.

ruamel.yaml's round-trip loader keeps line and column for every key and item;
we flatten those into a :class:`Positions` map keyed by field path, so that a
problem found later (by pydantic or by a plausibility check) still points at
the line the officer typed. The round-trip loader never constructs objects
from tags, so untrusted files are safe to read.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError

from drafter.errors import DrafterError, Problem

Loc = tuple[str | int, ...]

# A real report has a few hundred values; this bounds alias bombs ("billion laughs").
MAX_VALUES = 100_000
MAX_BYTES = 5 * 1024 * 1024


@dataclass
class Positions:
    """1-based (line, column) of each key (for mappings) or item (for lists)."""

    file: str
    places: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def of(self, loc: Loc) -> tuple[int | None, int | None]:
        """The place of ``loc`` or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.places:
                return self.places[loc]
            loc = loc[:-1]
        return (1, 1) if self.places else (None, None)

    def problem(self, code: str, loc: Loc, **kwargs) -> Problem:
        line, column = self.of(loc)
        path = ".".join(str(part) for part in loc)
        return Problem(code, self.file, line, column, path, **kwargs)


def decode(data: bytes, file: str) -> str:
    """Bytes to NFC text; UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DrafterError([Problem("E105", file, *_line_col_of_offset(data, error.start))]) from None
    return unicodedata.normalize("NFC", text)


def _line_col_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def read_yaml(path: Path | str, text: str | None = None) -> tuple[dict, Positions]:
    """Parse one YAML file into plain dicts and lists plus their positions.

    Raises :class:`DrafterError` with located problems when the file cannot be read.
    """
    path = Path(path)
    name = str(path)
    if text is None:
        if path.is_dir():
            raise DrafterError([Problem("E107", name)])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise DrafterError([Problem("E101", name, extra={"detail": error.strerror or str(error)})]) from None
        if len(data) > MAX_BYTES:
            raise DrafterError([Problem("E109", name)])
        text = decode(data, name)
    if not text.strip():
        raise DrafterError([Problem("E102", name)])
    try:
        tree = _loader().load(text)
    except DuplicateKeyError as error:
        mark = error.problem_mark
        key = _duplicate_key(error)
        raise DrafterError([Problem("E104", name, mark.line + 1, mark.column + 1, found=key)]) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        detail = _yaml_detail(error)
        raise DrafterError([Problem("E103", name, line, column, extra={"detail": detail})]) from None
    if tree is None:
        raise DrafterError([Problem("E102", name)])
    if not isinstance(tree, CommentedMap):
        raise DrafterError([Problem("E106", name, 1, 1)])
    positions = Positions(name)
    counter = [0]
    return _plain(tree, (), positions, counter), positions


def _loader() -> YAML:
    yaml = YAML(typ="rt")
    # Dates stay text here so that pydantic parses them and an impossible
    # date (31/02) is reported at its line like any other bad value.
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", _as_text)
    return yaml


def _as_text(constructor, node):
    return constructor.construct_scalar(node)


def _duplicate_key(error: DuplicateKeyError) -> str:
    problem = error.problem or ""
    start = problem.find('"')
    end = problem.find('"', start + 1)
    return problem[start + 1 : end] if 0 <= start < end else ""


_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token": "có ký tự tab",
    "mapping values are not allowed here": "dấu “:” không đúng chỗ (thiếu dấu cách sau “:”, hoặc cần đặt chữ trong ngoặc kép)",
    "could not find expected ':'": "thiếu dấu “:” sau tên trường",
    "found undefined alias": "tham chiếu “*” chưa được khai báo",
}


def _yaml_detail(error: MarkedYAMLError) -> str:
    problem = (error.problem or "").strip()
    for english, vietnamese in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return vietnamese
    if "expected" in problem and ("block end" in problem or "<block" in problem):
        return "thụt lề không khớp với các dòng trên"
    if "while scanning a quoted scalar" in (error.context or ""):
        return "thiếu dấu ngoặc kép đóng"
    return problem or "không phân tích được"


def _plain(node, loc: Loc, positions: Positions, counter: list[int]):
    counter[0] += 1
    if counter[0] > MAX_VALUES:
        raise DrafterError([positions.problem("E109", loc)])
    if isinstance(node, TaggedScalar) or getattr(node, "tag", None) is not None and _has_custom_tag(node):
        raise DrafterError([positions.problem("E108", loc, found=str(node.tag.value))])
    if isinstance(node, CommentedMap):
        result = {}
        for key, value in node.items():
            key_text = unicodedata.normalize("NFC", str(key))
            line, column = _key_place(node, key)
            positions.places[loc + (key_text,)] = (line + 1, column + 1)
            result[key_text] = _plain(value, loc + (key_text,), positions, counter)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            line, column = node.lc.item(index)
            positions.places[loc + (index,)] = (line + 1, column + 1)
            items.append(_plain(value, loc + (index,), positions, counter))
        return items
    if isinstance(node, str):
        return unicodedata.normalize("NFC", str(node))
    if isinstance(node, bool) or node is None or isinstance(node, (dt.date, dt.datetime)):
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def _key_place(node: CommentedMap, key) -> tuple[int, int]:
    try:
        return node.lc.key(key)
    except (KeyError, TypeError):
        # a key that came in through a merge ("<<: *base") has no place of its own here
        return node.lc.line, node.lc.col


def _has_custom_tag(node) -> bool:
    tag = getattr(node, "tag", None)
    value = getattr(tag, "value", None)
    return bool(value) and not str(value).startswith("tag:yaml.org,2002:")
