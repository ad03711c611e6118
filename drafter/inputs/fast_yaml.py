"""The fast path for reading YAML files: PyYAML's C parser, for files that are clean.

The located reader (:mod:`drafter.inputs.yaml_reader`) keeps every key's line and column and is
the reference for every message a user sees; it costs ~20 ms a file, most of a national roll-up
or batch and a tenth of a single render. Here libyaml composes the file in C and the values are
built from its nodes in one pass, resolving plain scalars exactly as YAML 1.2 (what ruamel.yaml
uses): only plain decimal numbers, true/false and null become non-text, and anything else that
might resolve differently (octal, 1e3, .inf, merge keys, duplicate keys, complex keys, tags)
is *unsure*. This path may only decide that a file is clean: an unsure file, or one with any
problem at all (an error or a warning), is read again by the located reader, so every message
still carries its line. ``tests/test_fast_paths.py`` keeps the two readers in agreement on the
samples, the bad-input catalogue and fuzzed files. The file itself is read as the located reader
reads it: a regular file, of bounded size, checked before a byte is read.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from drafter.errors import Problem
from drafter.inputs.block_yaml import read_block_yaml
from drafter.inputs.model import Report

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]+")
_RESOLVERS = (  # ruamel.yaml's YAML 1.2 implicit resolvers (resolver.py), tag -> (regexp, first chars)
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("float", r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
                  |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
                  |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
                  |[-+]?\.(?:inf|Inf|INF)
                  |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("int", r"""^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$""", "-+0123456789"),
    ("merge", r"^(?:<<)$", "<"),
    ("null", r"^(?: ~ |null|Null|NULL | )$", ["~", "n", "N", ""]),
    ("timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                  |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                  (?:[Tt]|[ \t]+)[0-9][0-9]? :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                  (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
    ("value", r"^(?:=)$", "="),
)


_PLAIN = "?plain"


class _Unsure(Exception):
    """The fast parser might read this file differently from the located reader."""


_PARSER: type | None | bool = False  # False: not built yet; None: PyYAML's C parser absent
#: first character of a plain scalar -> [(tag, regexp)], in the order the resolvers were added
_BY_FIRST: dict[str, list[tuple[str, re.Pattern]]] = {}


def _fast_loader():
    """The C composer class, or None when PyYAML was built without libyaml."""
    global _PARSER
    if _PARSER is False:
        _PARSER = _build_parser()
    return _PARSER


def _build_parser():
    from drafter.inputs.pyyaml import import_yaml

    try:
        import_yaml()
        from yaml import MappingNode, ScalarNode, SequenceNode
        from yaml.cyaml import CParser
    except ImportError:
        return None
    for tag, pattern, first in _RESOLVERS:
        compiled = re.compile(pattern, re.X)
        for char in first:
            _BY_FIRST.setdefault(char, []).append((tag, compiled))

    class Parser(CParser):
        # libyaml's composer asks these hooks for each node's tag; a plain scalar is only marked
        # here, and resolved from its text by _scalar in the same pass that builds the values.
        def resolve(self, kind, value, implicit):
            return _PLAIN if kind is ScalarNode and implicit[0] else ""

        def descend_resolver(self, current_node, current_index):
            pass

        def ascend_resolver(self):
            pass

    Parser.nodes = (ScalarNode, SequenceNode, MappingNode)
    return Parser


def _plain_tag(text: str) -> str:
    """The tag YAML 1.2 gives a plain (unquoted) scalar, as ruamel.yaml's resolver finds it."""
    for tag, pattern in _BY_FIRST.get(text[:1], ()):
        if pattern.match(text):
            return tag
    return "str"


def _scalar(node):
    """(tag, value) of a scalar node; quoted and block scalars are text."""
    if node.tag != _PLAIN:
        return "str", unicodedata.normalize("NFC", node.value)
    return _plain_scalar(node.value)


def _plain_scalar(text: str):
    """(tag, value) of a plain (unquoted) scalar's text; raises _Unsure for one that might read otherwise."""
    if text.isdigit() and text.isascii() and (text[0] != "0" or len(text) == 1):
        return "int", int(text)  # what _plain_tag and _INT make of a plain count, the most common scalar
    tag = _plain_tag(text)
    if tag == "str":
        return tag, unicodedata.normalize("NFC", text)
    if tag == "int" and _INT.fullmatch(text):
        return tag, int(text)
    if tag == "float" and _FLOAT.fullmatch(text):
        return tag, float(text)
    if tag == "bool":
        return tag, text.lower() == "true"
    if tag == "null":
        return tag, None
    if tag == "timestamp":  # dates stay text, as in the located reader, for pydantic to parse
        return tag, text
    raise _Unsure  # octal, 1e3, 1_000, .inf, "<<", "="


#: plain key text -> what _scalar makes of it: every input spells the same field names ("quota",
#: "delivered"), some hundred of them a file; bounded, for a batch of files with keys of their own
_KEYS: dict[str, tuple[str, object]] = {}


def _key_scalar(node):
    """(tag, value) of a mapping's key, as :func:`_scalar` says: worked out once per key text."""
    if node.tag != _PLAIN:
        return _scalar(node)
    found = _KEYS.get(node.value)
    if found is None:
        found = _scalar(node)  # raises _Unsure for a key text that might read otherwise: never kept
        if len(_KEYS) < 4096:
            _KEYS[node.value] = found
    return found


class _Built:
    """The values of a document built from its nodes, with what validation would otherwise walk
    the values again to learn: every text (keys too), and whether any value is true or false."""

    def __init__(self, kinds: tuple, text: str):
        from drafter.inputs.yaml_reader import MAX_VALUES

        self.kinds, self.text, self.left = kinds, text, MAX_VALUES
        self.texts: list[str] = []
        self.booleans = False

    def value(self, node):
        self.left -= 1
        if self.left < 0:  # aliases can multiply a small file
            raise _Unsure
        scalar, sequence, mapping = self.kinds
        kind = type(node)  # libyaml's composer makes these three classes exactly, never subclasses
        if kind is scalar:
            return self._scalar_value(node)
        if kind is sequence:
            return [self.value(item) for item in node.value]
        if kind is not mapping:
            raise _Unsure
        result, seen, texts = {}, set(), self.texts
        for key_node, value_node in node.value:
            if type(key_node) is not scalar:
                raise _Unsure  # a complex key: the located reader names it
            text = key_node.value
            # a plain key, as almost all are, is looked up at once (_key_scalar, without the call)
            found = _KEYS.get(text) if key_node.tag == _PLAIN else None
            tag, key = found if found is not None else _key_scalar(key_node)
            if (tag, text) in seen:
                raise _Unsure  # a duplicate key: the located reader reports it at its line
            seen.add((tag, text))
            # a key's text is NFC already (_scalar); only a number or a boolean needs making text
            name = key if tag == "str" else unicodedata.normalize("NFC", str(key))
            texts.append(name)
            if type(value_node) is scalar:  # most values: said here, without a call per value
                if value_node.start_mark.line > key_node.end_mark.line and _comment_before(key_node, value_node,
                                                                                          self.lines):
                    raise _Unsure
                self.left -= 1
                if self.left < 0:
                    raise _Unsure
                value = value_node.value
                # a plain count, the most common value, as _scalar makes it (without two calls)
                if value_node.tag == _PLAIN and value.isdigit() and value.isascii() and (
                        value[0] != "0" or len(value) == 1):
                    result[name] = int(value)
                else:
                    result[name] = self._scalar_value(value_node)
            else:
                result[name] = self.value(value_node)
        return result

    def _scalar_value(self, node):
        tag, value = _scalar(node)
        if tag == "str" or tag == "timestamp":
            self.texts.append(value)
        elif tag == "bool":
            self.booleans = True
        return value

    @functools.cached_property
    def lines(self) -> list[str]:
        """The text's lines, split when a value below its key needs looking at (seldom)."""
        return self.text.splitlines()


def _comment_before(key_node, value_node, lines: list[str]) -> bool:
    """A comment between a key and its text on a later line ("ghi_chu:  # …" then the text):
    ruamel.yaml's round-trip reader refuses some of these (E103), libyaml reads them all."""
    first, last = key_node.end_mark.line, value_node.start_mark.line
    if last <= first:
        return False
    return any("#" in line for line in lines[first:last + 1])


def parse_clean(text: str) -> dict | None:
    """The plain data of ``text`` when the fast parser reads it exactly as the located reader
    would; None when it might not (or cannot)."""
    built = _parse(text)
    return built[0] if built is not None else None


def _parse(text: str) -> tuple[dict, _Built] | None:
    parser_class = _fast_loader()
    if parser_class is None or "!" in text:  # an explicit tag ("!!str 5"): the located reader refuses it
        return None
    from drafter.inputs.yaml_reader import MAX_NODES

    # most files are of the plain shape that drafter.inputs.block_yaml reads without nodes
    block = read_block_yaml(text, _plain_scalar, MAX_NODES)
    if block is not None:
        return block.tree, block
    try:
        parser = parser_class(text)
        try:
            node = parser.get_single_node()
        finally:
            parser.dispose()
        if node is None:
            return None
        built = _Built(parser_class.nodes, text)
        tree = built.value(node)
    except Exception:  # noqa: BLE001 - whatever went wrong, the located reader will say it properly
        return None
    return (tree, built) if isinstance(tree, dict) else None


def fast_load(path: Path) -> tuple[Report | None, list[Problem]]:
    """(report, warnings) when the fast parser read the file cleanly and it is valid; (None, [])
    otherwise. The warnings carry no line: a caller that shows a place re-reads the file with the
    located reader when there are any (:func:`drafter.inputs.load` with ``located=False`` does)."""
    from drafter.inputs.discovery import read_limited
    from drafter.inputs.validation import texts_plain, validate_data
    from drafter.inputs.yaml_reader import MAX_BYTES, Positions, decode

    if _fast_loader() is None:
        return None, []
    try:
        data = read_limited(path, MAX_BYTES)  # a FIFO, a device, a huge file: refused unread
        parsed = _parse(decode(data, str(path)))
    except Exception:  # noqa: BLE001 - the located reader says what is wrong with the file
        return None, []
    if parsed is None:
        return None, []
    plain, built = parsed
    report, problems = validate_data(plain, Positions(str(path)), texts_plain=texts_plain(built.texts),
                                     booleans=built.booleans)
    if report is None:
        return None, []
    return report, problems
