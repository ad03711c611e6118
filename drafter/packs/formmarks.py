"""What each ``{{ … }}`` of a Word form printed, for the form's review copy.

docxtpl renders a form's XML as one Jinja template, so the printed text keeps no trace of the
tag it came from. For a review copy, a Jinja extension rewrites every print tag, at the token
stream (Jinja's own lexer decides where tags, strings and filters are), from
``{{ EXPR }}`` to ``{{ (EXPR) | drafter_mark(N) }}``; inside a ``for`` loop over a list of the
input, the loop's index is passed too. The filter records the expression and the value and
wraps the printed text in two private-use markers carrying a per-render nonce, which
:func:`drafter.layout.review.review_form` removes while anchoring a comment on the text between
them. The expression still runs in the same sandbox, with the same filters and finalize: only
what was printed where is recorded, and no marker reaches the finished file.

>>> from drafter.packs.wordform import form_environment
>>> marks = FormMarks()
>>> env = form_environment()
>>> marks.install(env)
>>> printed = env.from_string("Giao {{ r.quota | string }} công dân").render(r={"quota": 3350})
>>> marks.pattern.sub("", printed), marks.variable(0)
('Giao 3350 công dân', ('r.quota | string', 'quota'))
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from jinja2 import pass_context
from jinja2.ext import Extension
from jinja2.lexer import Token

#: Names a form reaches the input through: ``r.…`` the report, ``d.…`` derived values.
_REPORT, _DERIVED, _CHANGES = ("r", "facts.report"), ("d", "facts.derived"), ("changes", "facts.changes")
#: Words of the facts' ``unit`` and ``period`` that are input fields as they stand.
_AS_TYPED = {"unit": ("name", "kind", "province", "population", "military_region"), "period": ("year", "span")}
_SPACED = {"pipe": " | ", "comma": ", ", "colon": ": ", "assign": " = "}
_TIGHT = {"dot", "lbracket", "rbracket", "lparen", "rparen"}


@dataclass(frozen=True)
class Printed:
    expression: int
    index: int | None
    text: str


class FormMarks:
    """The prints of one rendering of a form: install on its environment, then read them back."""

    def __init__(self):
        self.nonce = f"{secrets.randbelow(10 ** 12):012d}"  # digits: no filter changes their case
        self.expressions: list[tuple[str, str]] = []  # (expression as written, input path or "")
        self.reads_data: list[bool] = []  # False for a literal the office typed: {{ "Tổng kết" }}
        self.printed: list[Printed] = []
        self.pattern = re.compile(f"\uf8f0{self.nonce}(\\d+)\uf8f1|\uf8f2{self.nonce}(\\d+)\uf8f1")

    def install(self, env) -> None:
        # pass_context: Jinja must not fold a constant print at compile time, once for all its prints
        env.filters["drafter_mark"] = pass_context(lambda _context, *args: self._mark(*args))
        env.extend(drafter_marks=self)
        env.add_extension(_MarkPrints)

    def _mark(self, value, expression: int, index=None) -> str:
        text = "" if value is None else str(value)  # as the form's finalize: None prints nothing
        number = len(self.printed)
        self.printed.append(Printed(expression, index if isinstance(index, int) else None, text))
        return f"\uf8f0{self.nonce}{number}\uf8f1{text}\uf8f2{self.nonce}{number}\uf8f1"

    def variable(self, number: int) -> tuple[str, str]:
        """(the expression, the input path it printed: "recruitment.delivered", "awards[1].giver",
        "recruitment_rate", "changes.criminal_cases"; "" when it is not one field) of print ``number``."""
        printed = self.printed[number]
        expression, path = self.expressions[printed.expression]
        if "{}" in path:
            path = path.replace("{}", str(printed.index)) if printed.index is not None else ""
        return expression, path

    def literal(self, number: int) -> bool:
        """Whether print ``number`` printed only text the form itself holds (no variable at all)."""
        return not self.reads_data[self.printed[number].expression]

    def start_or_end(self, match: re.Match) -> tuple[bool, int]:
        """(True for a start marker, the print's number) of a match of :attr:`pattern`."""
        return (True, int(match.group(1))) if match.group(1) is not None else (False, int(match.group(2)))

    # -- the token stream
    def wrap(self, tokens: list[Token], loops: list[tuple[tuple[str, ...], str]], capturing: bool = False):
        begin, inner, end = tokens[0], tokens[1:-1], tokens[-1]
        if not inner or capturing:  # output a {% set %}, macro or filter block takes in: left as it is
            yield from tokens
            return
        path, looped = _path(inner, loops)
        number = len(self.expressions)
        self.expressions.append((_written(inner), path))
        self.reads_data.append(_reads_data(inner))
        line = begin.lineno
        yield begin
        yield Token(line, "lparen", "(")
        yield from inner
        yield Token(line, "rparen", ")")
        yield Token(line, "pipe", "|")
        yield Token(line, "name", "drafter_mark")
        yield Token(line, "lparen", "(")
        yield Token(line, "integer", number)
        if looped:  # "loop.index0 if loop is defined else none": a for-else branch has no loop
            yield Token(line, "comma", ",")
            for kind, value in (("name", "loop"), ("dot", "."), ("name", "index0"), ("name", "if"), ("name", "loop"),
                                ("name", "is"), ("name", "defined"), ("name", "else"), ("name", "none")):
                yield Token(line, kind, value)
        yield Token(line, "rparen", ")")
        yield end


class _MarkPrints(Extension):
    """Rewrites each print tag for :class:`FormMarks`; everything else passes unchanged."""

    def filter_stream(self, stream):
        marks: FormMarks = self.environment.drafter_marks
        loops: list[tuple[tuple[str, ...], str]] = []  # (loop variables, the list's input path)
        captures: list[str] = []  # open blocks whose output is captured, not printed
        held: list[Token] | None = None
        for token in stream:
            if held is None:
                if token.type in ("variable_begin", "block_begin"):
                    held = [token]
                else:
                    yield token
                continue
            held.append(token)
            if token.type == "variable_end":
                yield from marks.wrap(held, loops, bool(captures))
                held = None
            elif token.type == "block_end":
                _follow_loops(held[1:-1], loops)
                _follow_captures(held[1:-1], captures)
                yield from held
                held = None
        if held:
            yield from held


def _follow_loops(tokens: list[Token], loops: list) -> None:
    words = [t.value if t.type == "name" else None for t in tokens]
    if words[:1] == ["for"] and "in" in words:
        at = words.index("in")
        targets = tuple(w for w in words[1:at] if w)
        iterable = tokens[at + 1:]
        stop = next((n for n, t in enumerate(iterable) if t.type == "name" and t.value in ("if", "recursive")), None)
        path, _ = _path(iterable[:stop], loops)
        loops.append((targets, path if "{}" not in path else ""))  # a loop in a loop: not followed
    elif words[:1] == ["endfor"] and loops:
        loops.pop()


_CAPTURING = {"set": "endset", "macro": "endmacro", "call": "endcall", "filter": "endfilter"}


def _follow_captures(tokens: list[Token], captures: list[str]) -> None:
    """Open and close the blocks whose body's output goes into a value (``{% set x %}…{% endset %}``,
    macros, call and filter blocks): a marker there would be counted, cut or changed."""
    if not tokens or tokens[0].type != "name":
        return
    word = tokens[0].value
    if word in _CAPTURING and not (word == "set" and any(t.type == "assign" for t in tokens)):
        captures.append(_CAPTURING[word])
    elif captures and word == captures[-1]:
        captures.pop()


def _chain(tokens: list[Token]) -> list[str | int]:
    """The name and attribute chain an expression starts with: r.awards[0].giver -> [r, awards, 0, giver]."""
    if not tokens or tokens[0].type != "name":
        return []
    chain: list[str | int] = [tokens[0].value]
    n = 1
    while n < len(tokens):
        if tokens[n].type == "dot" and n + 1 < len(tokens) and tokens[n + 1].type in ("name", "integer"):
            chain.append(tokens[n + 1].value)
            n += 2
        elif (tokens[n].type == "lbracket" and n + 2 < len(tokens) and tokens[n + 2].type == "rbracket"
              and tokens[n + 1].type in ("integer", "string")):
            chain.append(tokens[n + 1].value)
            n += 3
        else:
            break
    return chain


def _dotted(parts) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) or p == "{}" else f".{p}" for p in parts).lstrip(".")


def _path(tokens: list[Token], loops: list) -> tuple[str, bool]:
    """The input path an expression prints ("" when it is no field of the input) and whether it
    goes through the innermost loop's variable (its index then fills "{}")."""
    chain = _chain(tokens)
    if not chain:
        return "", False
    dotted = ".".join(str(p) for p in chain)
    for prefixes, kind in ((_REPORT, "report"), (_DERIVED, "derived"), (_CHANGES, "changes")):
        for prefix in prefixes:
            if dotted.startswith(prefix + ".") and len(chain) > prefix.count(".") + 1:
                rest = chain[prefix.count(".") + 1:]
                if kind == "report":
                    return _dotted(rest), False
                return (str(rest[0]) if kind == "derived" else f"changes.{rest[0]}"), False
    head = chain[0]
    if head in _AS_TYPED and len(chain) == 2 and chain[1] in _AS_TYPED[head]:
        return f"{head}.{chain[1]}", False
    if loops and head in loops[-1][0] and loops[-1][1] and len(loops[-1][0]) == 1:
        return _dotted([loops[-1][1], "{}", *chain[1:]]), True
    return "", False


def _reads_data(tokens: list[Token]) -> bool:
    """Whether an expression names a variable (a name not right after "|" or "is": a filter, a test)."""
    previous = None
    for token in tokens:
        if token.type == "name" and token.value not in ("true", "false", "none", "True", "False", "None") and not (
                previous is not None and (previous.type == "pipe" or (previous.type == "name" and previous.value == "is"))):
            return True
        previous = token
    return False


def _written(tokens: list[Token]) -> str:
    """An expression as its tokens read: ``r.recruitment.delivered | so``."""
    out = []
    for token in tokens:
        text = f'"{token.value}"' if token.type == "string" else str(token.value)
        if token.type in _SPACED:
            out.append(_SPACED[token.type])
        elif token.type in _TIGHT or not out or out[-1].endswith((" ", "(", "[", ".")) or out[-1] in ("(", "["):
            out.append(text)
        else:
            out.append(" " + text)
    return "".join(out).strip()
