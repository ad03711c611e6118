"""The fast path for reading many YAML files (``drafter batch``): PyYAML's C parser when installed.

The full reader (:mod:`drafter.inputs.yaml_reader`) keeps every key's line and column, which
costs ~30 ms a file; for a national batch that is most of the time. When PyYAML's C parser is
installed, a file is first read with it, resolving scalars exactly as YAML 1.2 (what ruamel.yaml
uses): only plain decimal numbers, true/false and null become non-text, and anything else that
might resolve differently (octal, 1e3, .inf, merge keys, duplicate keys, complex keys, tags)
sends the file to the full reader, as does any validation problem, so every message still
carries its line. The file itself is read as the full reader reads it: a regular file, of
bounded size, checked before a byte is read.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from drafter.errors import Problem
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


class _Unsure(Exception):
    """The fast parser might read this file differently from the full reader."""


_FAST_LOADER: type | None | bool = False  # False: not built yet; None: PyYAML's C parser absent


def _fast_loader():
    global _FAST_LOADER
    if _FAST_LOADER is False:
        _FAST_LOADER = _build_fast_loader()
    return _FAST_LOADER


def _build_fast_loader():
    try:
        import yaml
        from yaml import CSafeLoader
    except ImportError:
        return None

    class Loader(CSafeLoader):
        yaml_implicit_resolvers: dict = {}
        yaml_constructors = dict(CSafeLoader.yaml_constructors)

        def flatten_mapping(self, node):
            keys = []
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                    raise _Unsure
                keys.append((key_node.tag, key_node.value))
            if len(set(keys)) != len(keys):
                raise _Unsure  # a duplicate key: the full reader reports it at its line

    def unsure(loader, node):
        raise _Unsure

    def scalar(pattern, convert):
        def construct(loader, node):
            text = loader.construct_scalar(node)
            if pattern.fullmatch(text):
                return convert(text)
            raise _Unsure
        return construct

    for tag, pattern, first in _RESOLVERS:
        Loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern, re.X), list(first))
    constructors = {
        "int": scalar(_INT, int),
        "float": scalar(_FLOAT, float),
        "bool": lambda loader, node: loader.construct_scalar(node).lower() == "true",
        "null": lambda loader, node: None,
        "timestamp": lambda loader, node: loader.construct_scalar(node),  # dates stay text, as in the full reader
        "value": unsure, "binary": unsure, "omap": unsure, "pairs": unsure, "set": unsure,
    }
    for tag, construct in constructors.items():
        Loader.add_constructor(f"tag:yaml.org,2002:{tag}", construct)
    Loader.add_constructor(None, unsure)  # any other tag
    return Loader


def fast_load(path: Path) -> tuple[Report | None, list[Problem]]:
    """(report, warnings) when the fast parser read the file cleanly; (None, []) otherwise."""
    from drafter.inputs.discovery import read_limited
    from drafter.inputs.validation import validate_data
    from drafter.inputs.yaml_reader import MAX_BYTES, Positions, decode

    loader = _fast_loader()
    if loader is None:
        return None, []
    try:
        data = read_limited(path, MAX_BYTES)  # a FIFO, a device, a huge file: refused unread
        text = decode(data, str(path))
        if "!" in text:  # an explicit tag ("!!str 5") would be accepted here but not by the full reader
            return None, []
        tree = __import__("yaml").load(text, Loader=loader)
        if not isinstance(tree, dict):
            return None, []
        plain = _plain(tree, [0])
    except Exception:  # noqa: BLE001 - whatever went wrong, the full reader will say it properly
        return None, []
    report, problems = validate_data(plain, Positions(str(path)))
    if report is None:
        return None, []
    return report, problems


def _plain(node, counter: list[int]):
    from drafter.inputs.yaml_reader import MAX_VALUES

    counter[0] += 1
    if counter[0] > MAX_VALUES:  # aliases can multiply a small file
        raise _Unsure
    if isinstance(node, dict):
        return {unicodedata.normalize("NFC", str(k)): _plain(v, counter) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v, counter) for v in node]
    if isinstance(node, str):
        return unicodedata.normalize("NFC", node)
    return node
