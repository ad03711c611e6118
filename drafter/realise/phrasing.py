"""One phrasing of the phrase bank, parsed: literal words, slots, optional parts, terms and
equivalent words.

In a phrasing, ``{name}`` is a slot the plan fills; ``{name|chữ}`` prints "chữ" when the slot is
empty; ``[ … ]`` is an optional part that vanishes when a slot inside it is empty; ``{@QP-QSĐP}``
is a term; ``<tổ chức|đã tổ chức|tiến hành>`` is one of equivalent words, chosen like a phrasing
(RosaeNLG's ``syn``), each of them using the same slots. A phrasing that needs a slot the message
lacks (outside ``[ ]``) is never chosen. A phrasing may be a list of sentences.

>>> parse("Đạt {rate}[, trong đó {party} đảng viên].", "x:1")
(Lit(text='Đạt '), Ref(name='rate', default=None), Opt(nodes=(Lit(text=', trong đó '), Ref(name='party', default=None), Lit(text=' đảng viên'))), Lit(text='.'))
>>> required_slots(parse("Đạt {rate}[, trong đó {party}].", "x:1"))
frozenset({'rate'})
>>> parse("<Có|Tổng cộng có> {n} người.", "x:1")[0]
Alt(options=((Lit(text='Có'),), (Lit(text='Tổng cộng có'),)))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Union


class BankError(Exception):
    """Problems of a phrase bank: ``problems`` are (code, where, detail) triples, where = file:line."""

    def __init__(self, problems: list[tuple[str, str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{where}: {detail}" for _, where, detail in problems))


# ------------------------------------------------------------------ phrasings


@dataclass(frozen=True)
class Lit:
    text: str


@dataclass(frozen=True)
class Ref:
    name: str
    default: str | None = None


@dataclass(frozen=True)
class Term:
    abbreviation: str


@dataclass(frozen=True)
class Opt:
    nodes: tuple


@dataclass(frozen=True)
class Alt:
    """Equivalent words, one of which is said: ``<tổ chức|đã tổ chức>``."""

    options: tuple


Node = Union[Lit, Ref, Term, Opt, Alt]  # noqa: UP007 (a runtime alias)


_TOKENS = re.compile(r"\{[^{}]*\}|[{}\[\]<>|]|[^{}\[\]<>|]+")


def parse(text: str, where: str) -> tuple[Node, ...]:
    """A phrasing as nodes; raises :class:`BankError` (E563) on a bracket that does not match."""
    # Each open bracket is a frame: "[" collects nodes, "<" collects options of nodes.
    stack: list[tuple[str, list]] = [("", [])]

    def bad(detail: str):
        return BankError([("E563", where, f"{detail}: {text}")])

    def close_option():
        _, nodes = stack.pop()
        stack[-1][1].append(tuple(nodes))

    for match in _TOKENS.finditer(text):
        token, at = match.group(), match.start() + 1
        if token.startswith("{") and token.endswith("}") and len(token) > 1:
            inner = token[1:-1].strip()
            if inner.startswith("@"):
                stack[-1][1].append(Term(inner[1:].strip()))
                continue
            name, bar, default = inner.partition("|")
            if not name.strip() or not name.strip().replace("_", "").isalnum():
                raise bad(f"tên ô “{{{inner}}}” không hợp lệ")
            stack[-1][1].append(Ref(name.strip(), default if bar else None))
        elif token == "{":
            raise bad(f"“{{” ở vị trí {at} chưa có “}}” đóng")
        elif token == "}":
            raise bad(f"“}}” ở vị trí {at} không khớp “{{” nào")
        elif token in "[<":
            if token == "<":
                stack.append(("<", []))  # the options
            stack.append((token, []))
        elif token == "|" and stack[-1][0] == "<":
            close_option()
            stack.append(("<", []))
        elif token == "]":
            if stack[-1][0] != "[":
                raise bad(f"“]” ở vị trí {at} không khớp “[” nào")
            _, nodes = stack.pop()
            stack[-1][1].append(Opt(tuple(nodes)))
        elif token == ">":
            if stack[-1][0] != "<":
                raise bad(f"“>” ở vị trí {at} không khớp “<” nào")
            close_option()
            _, options = stack.pop()
            stack[-1][1].append(_alternatives(tuple(options), bad))
        else:
            nodes = stack[-1][1]
            if nodes and isinstance(nodes[-1], Lit):
                nodes[-1] = Lit(nodes[-1].text + token)  # a "|" outside "<…>" is plain text
            else:
                nodes.append(Lit(token))
    if len(stack) > 1:
        raise bad("“[” chưa có “]” đóng" if stack[-1][0] == "[" else "“<” chưa có “>” đóng")
    return tuple(stack[0][1])


def _alternatives(options: tuple, bad) -> Alt:
    if len(options) < 2:
        raise bad("“<…>” cần ít nhất hai cách nói, ngăn bằng “|”")
    slots = [frozenset(n.name for n in all_refs(o) if isinstance(n, Ref)) for o in options]
    if any(s != slots[0] for s in slots):
        raise bad("các cách nói trong “<…|…>” phải dùng cùng các ô")
    for option in options:
        # each option is chosen alone: "(" opened in one and closed in another would be left open
        words = "".join(n.text for n in _literals(option))
        if words.count("(") != words.count(")"):
            raise bad("mỗi cách nói trong “<…|…>” phải tự đóng các dấu ngoặc “( )” của nó")
    return Alt(options)


def _literals(nodes):
    for node in nodes:
        if isinstance(node, Lit):
            yield node
        elif isinstance(node, Opt):
            yield from _literals(node.nodes)
        elif isinstance(node, Alt):
            for option in node.options:
                yield from _literals(option)


def required_slots(nodes) -> frozenset[str]:
    """Slots a phrasing cannot do without: those outside ``[ ]`` with no default."""
    found = frozenset(n.name for n in nodes if isinstance(n, Ref) and n.default is None)
    for node in nodes:
        if isinstance(node, Alt):
            found |= frozenset.intersection(*(required_slots(o) for o in node.options))
    return found


def all_refs(nodes) -> list[Node]:
    found = []
    for node in nodes:
        if isinstance(node, Opt):
            found += all_refs(node.nodes)
        elif isinstance(node, Alt):
            for option in node.options:
                found += all_refs(option)
        elif isinstance(node, (Ref, Term)):
            found.append(node)
    return found


def pick_alternatives(nodes, pick) -> tuple[Node, ...]:
    """The nodes with each ``<…|…>`` replaced by the option ``pick(count)`` names."""
    out: list[Node] = []
    for node in nodes:
        if isinstance(node, Alt):
            out += pick_alternatives(node.options[pick(len(node.options))], pick)
        elif isinstance(node, Opt):
            out.append(Opt(pick_alternatives(node.nodes, pick)))
        else:
            out.append(node)
    return tuple(out)


@dataclass(frozen=True)
class Variant:
    """One phrasing: one or more sentences of nodes, and where it is written."""

    sentences: tuple[tuple[Node, ...], ...]
    where: str

    # Both are asked of every phrasing of a message each time it is said (12,000 times for 300
    # reports): worked out once per phrasing. A frozen dataclass still has a __dict__ to keep them.
    @cached_property
    def required(self) -> frozenset[str]:
        return frozenset().union(*(required_slots(s) for s in self.sentences))

    @cached_property
    def alternatives(self) -> bool:
        """Whether the phrasing has a ``<…|…>`` anywhere (most have none: nothing to choose)."""
        return any(_has_alternatives(s) for s in self.sentences)

    @cached_property
    def names(self) -> frozenset[str]:
        """The slots the phrasing names anywhere, optional parts and alternatives included."""
        return frozenset(n.name for s in self.sentences for n in all_refs(s) if isinstance(n, Ref))


def _has_alternatives(nodes) -> bool:
    return any(isinstance(node, Alt) or isinstance(node, Opt) and _has_alternatives(node.nodes) for node in nodes)
