"""The fastest path for reading a clean YAML file: block mappings and sequences read line by line.

PyYAML's C parser (:mod:`drafter.inputs.fast_yaml`) still builds a Python node, with two marks,
for every key and value, and calls back into Python three times for each: 0.54 ms of a commune's
1.1 ms read, a tenth of its whole document in a batch. The files people and programs write are
almost all of one plain shape: ``key: value`` lines, nested blocks, ``- item`` lists, plain,
'single' or "double" quoted values without escapes, short ``[a, b]`` lists and comments. This
reads exactly that shape in one pass over the lines, without nodes. Anything else, or anything
it is not sure YAML 1.2 reads the same way (a value on a later line, a multi-line or escaped
text, anchors, tags, a complex or odd key, a tab, a control character, an odd indentation), and
it says so (None): the C parser reads the file then, and the located reader after it, so every
message keeps its line. The values are made as :mod:`drafter.inputs.fast_yaml` makes them (its
``plain`` resolves each plain value); ``tests/test_fast_reader.py`` holds the three readers to
the same answers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

#: A key of the schema's kind, then ":" and a space or the end: field names are such words.
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?= |$)")
#: The start of a document, of a directive: left to the parsers.
_MARKERS = ("---", "...", "%")
#: First characters a plain value may not start with in a block (YAML's indicators), or that it
#: starts something this reader leaves to the parsers (anchor, alias, block text, flow mapping).
_NOT_PLAIN = frozenset("&*!|>%@`{}]?:,#")
#: First characters of a value that _value looks at more closely (quotes, a list, a dash).
_SPECIAL = _NOT_PLAIN | frozenset("'\"[-")
_FLOW_ODD = re.compile(r"""[\[\]{}'"#:]""")
#: Keys that YAML 1.2 reads as something other than their text.
_NOT_TEXT_KEYS = frozenset(("true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"))
#: Far below the located reader's limits (yaml_reader.MAX_DEPTH); the model nests five deep.
_MAX_DEPTH = 20


class _Unsure(Exception):
    """The parsers might read this text otherwise."""


class BlockReader:
    """One text's values, with every text read (keys too) and whether a value was true or false."""

    def __init__(self, text: str, plain: Callable[[str], tuple[str, object]]):
        self.plain = plain
        self.texts: list[str] = []
        self.booleans = False
        self.nodes = 1  # keys, values and groups, as the located reader counts them: the document's mapping
        self.indents: list[int] = []  # of each line that says something
        self.contents: list[str] = []  # its text, without the indentation and the spaces at its end
        self.after_gap: list[bool] = []  # whether a blank or comment line comes before it
        gap = False
        indents, contents, after_gap = self.indents.append, self.contents.append, self.after_gap.append
        for line in text.split("\n"):
            content = line.lstrip(" ")
            if content and content[0] != "#":
                indents(len(line) - len(content))
                contents(content.rstrip(" "))
                after_gap(gap)
                gap = False
            else:
                gap = True
        self.count = len(self.contents)

    def read(self) -> dict:
        if not self.count or self.indents[0] != 0:
            raise _Unsure
        tree, end = self._mapping(0, 0, 0)
        if end != self.count:  # a line less indented than its block's, or a stray item
            raise _Unsure
        return tree

    def _mapping(self, at: int, indent: int, depth: int) -> tuple[dict, int]:
        if depth > _MAX_DEPTH:
            raise _Unsure
        indents, contents, count, texts = self.indents, self.contents, self.count, self.texts
        result: dict = {}
        while at < count:
            column = indents[at]
            if column != indent:
                if column < indent:
                    break
                raise _Unsure  # an odd indentation
            content = contents[at]
            match = _KEY.match(content)
            if match is None:
                raise _Unsure  # an item among keys, a key this reader leaves to the parsers
            end = match.end()
            key = content[:end - 1]
            if key in result or key in _NOT_TEXT_KEYS:
                raise _Unsure  # a duplicate: the located reader reports it at its line
            texts.append(key)
            self.nodes += 2  # the key and its value
            rest = content[end:].lstrip(" ")
            at += 1
            if rest and rest[0] != "#":
                if (at == count or indents[at] <= indent) and rest[0] not in _SPECIAL \
                        and " #" not in rest and ": " not in rest and rest[-1] != ":":
                    # most values: a plain count or text on its line, said here (as _value would)
                    if rest.isdigit() and rest.isascii() and (rest[0] != "0" or len(rest) == 1):
                        result[key] = int(rest)
                    else:
                        result[key] = self._plain(rest)
                else:
                    result[key], at = self._value(rest, at, indent)
            elif at < count and indents[at] > indent:
                if _is_item(contents[at]):
                    result[key], at = self._sequence(at, indents[at], depth + 1)
                else:
                    result[key], at = self._mapping(at, indents[at], depth + 1)
            elif at < count and indents[at] == indent and _is_item(contents[at]):
                result[key], at = self._sequence(at, indent, depth + 1)  # "- " under its key, as PyYAML writes
            else:
                result[key] = None  # "key:" alone, as "key: null"
        return result, at

    def _sequence(self, at: int, indent: int, depth: int) -> tuple[list, int]:
        if depth > _MAX_DEPTH:
            raise _Unsure
        indents, contents, count = self.indents, self.contents, self.count
        result = []
        while at < count and indents[at] == indent and _is_item(contents[at]):
            content = contents[at]
            rest = content[2:].lstrip(" ")
            if not rest or rest[0] == "#" or _is_item(rest):
                raise _Unsure  # an item below its dash, or a list in a list
            self.nodes += 1
            if _KEY.match(rest):  # "- key: value": a mapping whose keys are in the column of this one
                column = indent + len(content) - len(rest)
                indents[at], contents[at] = column, rest
                value, at = self._mapping(at, column, depth + 1)
            else:
                value, at = self._value(rest, at + 1, indent)
            result.append(value)
        if at < count and indents[at] > indent:
            raise _Unsure
        return result, at

    def _value(self, rest: str, at: int, indent: int) -> tuple[object, int]:
        """A value that starts a line's ``rest``, in a block at ``indent``; ``at``: the next line.
        Only a plain text may go on over the lines below, when they are indented further."""
        indents, count = self.indents, self.count
        first = rest[0]
        if first in "'\"[" and at < count and indents[at] > indent:
            raise _Unsure  # a quoted text or a list going on over lines
        if first == "'":
            end = 1
            while True:  # '' is a quote inside the text
                end = rest.find("'", end)
                if end < 0:
                    raise _Unsure  # goes on over lines
                if rest[end + 1:end + 2] != "'":
                    break
                end += 2
            _only_comment_after(rest, end + 1)
            return self._text(rest[1:end].replace("''", "'")), at
        if first == '"':
            end = rest.find('"', 1)
            if end < 0 or "\\" in rest[:end]:
                raise _Unsure  # goes on over lines, or escapes
            _only_comment_after(rest, end + 1)
            return self._text(rest[1:end]), at
        if first == "[":
            end = rest.find("]")
            inner = rest[1:end]
            if end < 0 or _FLOW_ODD.search(inner):
                raise _Unsure
            _only_comment_after(rest, end + 1)
            if not inner.strip(" "):
                return [], at
            items = [item.strip(" ") for item in inner.split(",")]
            for item in items:
                if not item or item[0] in _NOT_PLAIN or item[0] == "-" and (len(item) == 1 or item[1] == " "):
                    raise _Unsure
            self.nodes += len(items)
            return [self._plain(item) for item in items], at
        if first in _NOT_PLAIN or first == "-" and (len(rest) == 1 or rest[1] == " "):
            raise _Unsure
        comment = rest.find(" #")
        if comment >= 0:
            rest = rest[:comment].rstrip(" ")
        if ": " in rest or rest[-1] == ":":
            raise _Unsure  # a mapping inside a value: an error the located reader reports
        contents = self.contents
        while at < count and indents[at] > indent:  # a long text wrapped, as PyYAML writes it
            more = contents[at]
            if comment >= 0 or self.after_gap[at] or more[0] in _SPECIAL or ": " in more or more[-1] == ":" \
                    or " #" in more:
                raise _Unsure  # a comment or a blank line inside, or a line that might be more than text
            rest += " " + more  # YAML folds each line break of a plain text into a space
            at += 1
        return self._plain(rest), at

    def _plain(self, text: str):
        if text.isdigit() and text.isascii() and (text[0] != "0" or len(text) == 1):
            return int(text)  # a plain count, the most common value
        tag, value = self.plain(text)
        if tag == "str" or tag == "timestamp":
            self.texts.append(value)
        elif tag == "bool":
            self.booleans = True
        return value

    def _text(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        self.texts.append(text)
        return text


def _is_item(content: str) -> bool:
    return content[0] == "-" and (len(content) == 1 or content[1] == " ")


def _only_comment_after(rest: str, end: int) -> None:
    """After a quoted value or a list, nothing but spaces and a comment that a space opens."""
    tail = rest[end:]
    if tail and (tail[0] != " " or tail.lstrip(" ")[:1] not in ("", "#")):
        raise _Unsure


def read_block_yaml(text: str, plain: Callable[[str], tuple[str, object]], most: int) -> BlockReader | None:
    """The reader with its values read (``reader.tree``), or None when the text is not of the
    plain shape or might read otherwise. ``plain(text)`` gives a plain value's (tag, value) and
    raises on one that might read otherwise; a text of more than ``most`` nodes (keys, values
    and groups, as the located reader counts them against its limit) is left to the parsers."""
    # Python's printable characters leave out what YAML does not print or reads as a line break,
    # a tab, a byte-order mark inside the text, and more (every space but " "): all left to the parsers
    if not text.replace("\n", "").isprintable() or text.startswith(_MARKERS) or "\n---" in text \
            or "\n..." in text or "\n%" in text or "!" in text:
        return None
    reader = BlockReader(text, plain)
    if reader.count > most:  # each line says at least one node: refused before reading a value
        return None
    try:
        reader.tree = reader.read()
    except Exception:  # noqa: BLE001 - _Unsure, a recursion too deep, plain() refusing: the parsers read it
        return None
    return reader if reader.nodes <= most else None
