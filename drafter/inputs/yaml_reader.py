"""Read a YAML input into plain Python data, remembering where each value stood.

ruamel.yaml's round-trip loader keeps line and column for every key and item;
we flatten those into a :class:`Positions` map keyed by field path, so that a
problem found later (by pydantic or by a plausibility check) still points at
the line the officer typed. Untrusted files are safe to read: any explicit tag
(``!!python/…``, ``!x``, even ``!!str``) is refused as soon as the parser meets it,
before anything is constructed, and depth, size and alias expansion are bounded.

Bytes that are not UTF-8 are named when they look like a legacy code page
(Windows-1258, TCVN3, VNI), so that the message says how to convert them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter.errors import DrafterError, Problem, os_problem
from drafter.inputs.encodings import (  # noqa: F401 - also read from here by validation and the tests
    is_vietnamese_syllable,
    legacy_encoding,
    legacy_vote,
    legacy_words,
)

Loc = tuple[str | int, ...]

# A real report has a few hundred values; this bounds alias bombs ("billion laughs").
MAX_VALUES = 100_000
#: Keys, items and values as written (the sample has under 300): parsing with positions costs
#: about 0.1 ms each, so this keeps the worst file to about a second.
MAX_NODES = 10_000
MAX_BYTES = 5 * 1024 * 1024
#: The model nests five levels deep; far deeper input is an attack on the recursive composer.
MAX_DEPTH = 40


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
        # a pasted paragraph used as a key would otherwise fill the screen
        path = ".".join(str(part) if len(str(part)) <= 40 else str(part)[:39] + "…" for part in loc)
        return Problem(code, self.file, line, column, path, **kwargs)


def decode(data: bytes, file: str) -> str:
    """Bytes to NFC text; UTF-8 (with or without BOM) and UTF-16 (with a BOM, or plainly so) are accepted."""
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_without_bom(data) or "utf-8-sig"
    kind = _not_text(data, file) if encoding == "utf-8-sig" else None
    if kind:
        raise DrafterError([Problem("E122", file, found=kind)])
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line, column = _line_col_of_offset(data, error.start) if encoding == "utf-8-sig" else (None, None)
        code, found, expected = legacy_encoding(data) if encoding == "utf-8-sig" else ("E105", "", "")
        detail = f", có vẻ được lưu bằng bảng mã {found}" if code == "E105" and found else ""
        raise DrafterError([Problem(code, file, line, column, found=found, expected=expected,
                                    extra={"detail": detail})]) from None
    return unicodedata.normalize("NFC", text)


def _utf16_without_bom(data: bytes) -> str | None:
    # YAML is mostly ASCII, so UTF-16 text has a zero in (nearly) every other byte
    head = data[:4000]
    if len(head) >= 8:
        if head[1::2].count(0) * 10 >= len(head) // 2 * 9:
            return "utf-16-le"
        if head[0::2].count(0) * 10 >= len(head) // 2 * 9:
            return "utf-16-be"
    return None


_MAGIC = {b"PK\x03\x04": "tệp nén ZIP (bảng tính .xlsx hoặc văn bản Word .docx)", b"%PDF": "tệp PDF",
          b"\xd0\xcf\x11\xe0": "tệp Office 97-2003 (.xls, .doc)"}
_SUFFIXES = {".xlsx": "bảng tính Excel (.xlsx)", ".xlsm": "bảng tính Excel (.xlsm)", ".xls": "bảng tính Excel 97-2003 (.xls)",
             ".docx": "văn bản Word (.docx)", ".doc": "văn bản Word 97-2003 (.doc)", ".pdf": "tệp PDF"}


def _not_text(data: bytes, file: str) -> str | None:
    """What a file that is plainly not YAML text is (a workbook given to render, a PDF…)."""
    kind = next((name for magic, name in _MAGIC.items() if data.startswith(magic)), None)
    if kind or b"\x00" in data[:4000]:
        return _SUFFIXES.get(Path(file).suffix.lower(), kind or "tệp nhị phân")
    return None


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
        text = decode(read_input_bytes(path), name)
    if not text.strip():
        raise DrafterError([Problem("E102", name)])
    tree = _parse(text, name)
    if tree is None:
        raise DrafterError([Problem("E102", name)])
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(tree, CommentedMap):
        raise DrafterError([Problem("E106", name, 1, 1)])
    positions = Positions(name)
    counter = [0]
    return _plain(tree, (), positions, counter), positions


def read_input_bytes(path: Path) -> bytes:
    """The bytes of a data file: a regular file (a FIFO would block, ``/dev/zero`` never end) of at
    most :data:`MAX_BYTES`, both known from the open file before anything is read."""
    from drafter.inputs.discovery import NotRegular, TooLarge, read_limited

    name = str(path)
    try:
        return read_limited(path, MAX_BYTES)
    except NotRegular as error:
        if error.kind == "là một thư mục":
            raise DrafterError([Problem("E107", name)]) from None
        raise DrafterError([Problem("E101", name, extra={"detail": "không phải tệp thông thường"})]) from None
    except TooLarge:
        raise DrafterError([Problem("E109", name)]) from None
    except OSError as error:
        raise DrafterError([os_problem(error, name)]) from None




def _parse(text: str, name: str):
    # ruamel.yaml is imported here, not with the module: a clean file read by the fast parser
    # (drafter.inputs.fast_yaml) never needs it
    from ruamel.yaml.constructor import DuplicateKeyError
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.reader import ReaderError

    try:
        return _loader().load(text)
    except _Refused as refused:
        mark = refused.mark
        raise DrafterError([Problem(refused.code, name, mark.line + 1, mark.column + 1, found=refused.found)]) from None
    except DuplicateKeyError as error:
        mark = error.problem_mark
        key = _duplicate_key(error)
        raise DrafterError([Problem("E104", name, mark.line + 1, mark.column + 1, found=key)]) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if "could not find expected ':'" in (error.problem or "") and error.context_mark:
            mark = error.context_mark  # where the key without ":" starts, not the next line
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = error.problem or ""
        code = "E109" if "maximum depth" in problem else "E108" if "tag handle" in problem else "E103"
        found = problem.rsplit(" ", 1)[-1].strip("'") if code == "E108" else ""  # the handle, "!x!"
        raise DrafterError([Problem(code, name, line, column, found=found, extra={"detail": _yaml_detail(error)})]) from None
    except ReaderError as error:  # a raw control character: YAML refuses it before parsing
        line, column = _line_col_of_offset(text.encode("utf-8", "surrogatepass"),
                                           len(text[:error.position].encode("utf-8", "surrogatepass")))
        found = f"U+{error.character:04X}" if isinstance(error.character, int) else ""
        raise DrafterError([Problem("E216", name, line, column, found=found)]) from None
    except NotImplementedError as error:
        # ruamel.yaml's round-trip mode cannot place a comment that ends a key's line when the
        # key's value follows on the next lines ("document:  # ghi chú" then " giá trị")
        place = re.search(r"line: (\d+), col: (\d+)", str(error))
        line, column = (int(place[1]) + 1, int(place[2]) + 1) if place else (None, None)
        detail = "chú thích “#” cuối dòng này làm giá trị ở dòng dưới không đọc được; đưa giá trị lên cùng dòng hoặc bỏ chú thích"
        raise DrafterError([Problem("E103", name, line, column, extra={"detail": detail})]) from None
    except MemoryError:
        raise
    except RecursionError:
        raise DrafterError([Problem("E109", name)]) from None
    except Exception:  # noqa: BLE001 - ruamel.yaml failing in a way it does not mark: say so, never crash
        detail = "cấu trúc không đọc được (thường do tham chiếu “*” trỏ vào chính nhóm chứa nó, hoặc “<<:” dùng sai)"
        raise DrafterError([Problem("E103", name, extra={"detail": detail})]) from None


class _Refused(Exception):
    """Something the parser met that must not go further, with its place."""

    def __init__(self, code: str, mark, found: str = ""):
        super().__init__(code)
        self.code, self.mark, self.found = code, mark, found


@lru_cache(maxsize=1)
def _ruamel_classes():
    """The composer and constructor classes over ruamel.yaml's, made when first needed."""
    from ruamel.yaml.composer import Composer
    from ruamel.yaml.constructor import RoundTripConstructor

    class _Composer(Composer):
        nodes = 0

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            # YAML lets an anchor be defined again (an alias names the latest); ruamel.yaml would
            # print a Python warning with its own source line into the user's terminal
            self.warn_double_anchors = False

        def compose_node(self, parent, index):
            event = self.parser.peek_event()
            tag = getattr(event, "ctag", None)
            if tag is not None:  # any explicit tag, refused before a constructor could see it
                raise _Refused("E108", event.start_mark, found=f"{tag.handle}{tag.suffix}" if tag.handle else str(tag))
            self.nodes += 1
            if self.nodes > MAX_NODES:  # 99,000 keys: refused in a second, not parsed for fifteen
                raise _Refused("E109", event.start_mark)
            return super().compose_node(parent, index)

    class _Constructor(RoundTripConstructor):
        """Round-trip constructor whose number parsing cannot crash or stall on odd digits."""

        def construct_yaml_int(self, node):
            text = self.construct_scalar(node)
            digits = sum(ch.isdigit() for ch in text)
            if digits > 100:  # int() of thousands of digits is refused by Python, and slow before that
                raise _Refused("E219", node.start_mark, found=str(digits))
            try:
                return super().construct_yaml_int(node)
            except (ValueError, IndexError):  # "0x_", "-_": leave as text, validation names the field
                return str(text)

        def construct_yaml_float(self, node):
            try:
                return super().construct_yaml_float(node)
            except (ValueError, IndexError):
                return str(self.construct_scalar(node))

    # Dates stay text here so that pydantic parses them and an impossible
    # date (31/02) is reported at its line like any other bad value.
    _Constructor.add_constructor("tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node))
    _Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)
    _Constructor.add_constructor("tag:yaml.org,2002:float", _Constructor.construct_yaml_float)
    return _Composer, _Constructor


def _loader():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Composer, yaml.Constructor = _ruamel_classes()
    yaml.max_depth = MAX_DEPTH
    return yaml


def _duplicate_key(error) -> str:
    problem = error.problem or ""
    start = problem.find('"')
    end = problem.find('"', start + 1)
    return problem[start + 1 : end] if 0 <= start < end else ""


# ruamel.yaml's wording (problem, then context) -> what to tell the officer
_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token": "có ký tự tab",
    "found a tab character": "có ký tự tab",
    "mapping values are not allowed here": "dấu “:” không đúng chỗ (thiếu dấu cách sau “:”, hoặc cần đặt chữ trong ngoặc kép)",
    "could not find expected ':'": "thiếu dấu “:” sau tên trường",
    "found undefined alias": "tham chiếu “*” chưa được khai báo",
    "found undefined tag handle": "thẻ “!” không được phép",
    "but found another document": "tệp chỉ được có một phần số liệu; xóa dòng “---” và phần sau nó",
    "expected ',' or ']'": "danh sách […] thiếu dấu “,” hoặc dấu “]” đóng",
    "expected ',' or '}'": "nhóm {…} thiếu dấu “,” hoặc dấu “}” đóng",
    "found unknown escape character": "trong ngoặc kép, dấu “\\” phải đi kèm ký tự hợp lệ; dùng ngoặc đơn ' ' nếu cần viết dấu “\\”",
    "for merging": "“<<:” chỉ dùng được với một nhóm trường",
    "found unhashable key": "tên trường phải là chữ, không phải một nhóm hay danh sách",
    "that cannot start any token": "có ký tự không được đứng đầu giá trị (như @, `, %); đặt giá trị trong ngoặc kép",
    "expected alphabetic or numeric character": "tên sau “&” hoặc “*” không hợp lệ; chữ có “&”, “*” nên đặt trong ngoặc kép",
    "maximum depth": "các nhóm lồng nhau quá sâu",
    "found unexpected end of stream": "tệp kết thúc giữa chừng (thiếu dấu đóng ngoặc hoặc dấu nháy)",
    "while scanning a quoted scalar": "thiếu dấu ngoặc kép đóng",
    "while scanning a directive": "dòng bắt đầu bằng “%” không hợp lệ; đặt chữ trong ngoặc kép",
    "expected '<document start>'": "có ký tự thừa sau phần số liệu",
}


def _yaml_detail(error) -> str:
    problem = (error.problem or "").strip()
    for text in (problem, (error.context or "").strip()):
        for english, vietnamese in _YAML_PROBLEMS.items():
            if english in text:
                return vietnamese
    if "expected" in problem and ("block end" in problem or "<block" in problem):
        return "thụt lề không khớp với các dòng trên"
    return f"cú pháp không hợp lệ ({problem or 'không rõ'})"


def _plain(node, loc: Loc, positions: Positions, counter: list[int]):
    from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar

    counter[0] += 1
    if counter[0] > MAX_VALUES or len(loc) > MAX_DEPTH:  # aliases can multiply, and nest, a small file
        raise DrafterError([positions.problem("E109", loc[:1])])  # the top-level key that grew so
    if isinstance(node, TaggedScalar) or getattr(node, "tag", None) is not None and _has_custom_tag(node):
        raise DrafterError([positions.problem("E108", loc, found=str(node.tag.value))])
    if isinstance(node, CommentedMap):
        result = {}
        for key, value in node.items():
            line, column = _key_place(node, key)
            if not isinstance(key, (str, int, float, bool, dt.date)) and key is not None:
                # "? {a: 1}", "? [a, b]": a group of values written where a field's name goes
                found = "một nhóm {…}" if isinstance(key, Mapping) else "một danh sách […]"
                raise DrafterError([Problem("E126", positions.file, line + 1, column + 1,
                                            ".".join(str(p) for p in loc), found=found)])
            key_text = unicodedata.normalize("NFC", str(key))
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


def _key_place(node, key) -> tuple[int, int]:
    try:
        place = node.lc.key(key)
    except (KeyError, TypeError):
        place = None
    # a key that came in through a merge ("<<: *base") has no place of its own here
    return place if place is not None else (node.lc.line or 0, node.lc.col or 0)


def _has_custom_tag(node) -> bool:
    tag = getattr(node, "tag", None)
    value = getattr(tag, "value", None)
    return bool(value) and not str(value).startswith("tag:yaml.org,2002:")
