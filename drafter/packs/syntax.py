"""Template syntax, tag by tag: every broken tag of a template is reported, not only the first.

Jinja2's parser stops at the first error. The template is first cut into its tags, each tag is
parsed alone (a block tag completed with its end), blocks are matched up, and the template is
repaired (broken tags cut out, unclosed blocks closed) so that its meaning can still be checked
(:mod:`drafter.packs.check`). Scanning is linear in the template's length, whatever it holds.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from jinja2 import TemplateSyntaxError

from drafter.errors import Problem

_OPENER = re.compile(r"\{[{%]")
_BLOCKS = {"for", "if", "macro", "call", "filter", "with", "autoescape", "block", "raw", "set"}
_MIDDLES = {"elif": ("if",), "else": ("if", "for")}
_ASSIGNMENT = re.compile(r"set\s+([\w\s.,]+?)\s*=(?!=)")
#: Unclosed openers reported by place; after these, one more message would say nothing new.
MAX_LOOSE = 20
TOO_DEEP = "biểu thức lồng nhau quá sâu (quá nhiều dấu ngoặc lồng nhau)"


@dataclass(frozen=True)
class Tag:
    text: str
    line: int
    start: int = 0  # offset in the source


def _word(tag: str) -> str:
    """The statement's keyword, "set=" for a one-line assignment, "{{" for an output tag."""
    if not tag.startswith("{%"):
        return "{{"
    inner = tag[2:-2].strip("-+ \t\r\n")
    match = re.match(r"\w+", inner)
    word = match.group() if match else ""
    return "set=" if word == "set" and _ASSIGNMENT.match(inner) else word


_CLOSERS = {"#": "#}", "{": "}}", "%": "%}"}


def tag_spans(source: str):
    """(start, end) of each ``{# #}``, ``{{ }}`` and ``{% %}``, left to right, as the regular
    expression ``{#.*?#}|{{.*?}}|{%.*?%}`` (dot-all) finds them, but in linear time: once a
    closer is known to be absent after some offset, no later opener looks for it again."""
    pos, absent = 0, {}
    while True:
        start = source.find("{", pos)
        if start < 0:
            return
        closer = _CLOSERS.get(source[start + 1:start + 2])
        if closer is None or absent.get(closer, len(source) + 1) <= start + 2:
            pos = start + 1
            continue
        end = source.find(closer, start + 2)
        if end < 0:
            absent[closer] = start + 2
            pos = start + 1
            continue
        yield start, end + 2
        pos = end + 2


def line_finder(source: str):
    """``line(offset)``: the 1-based line of an offset, by bisection (the template is read once)."""
    breaks, at = [], source.find("\n")
    while at >= 0:
        breaks.append(at)
        at = source.find("\n", at + 1)
    return lambda offset: bisect.bisect_left(breaks, offset) + 1


def find_tags(source: str) -> tuple[list[Tag], list[int]]:
    """The tags of a template in order, and the offsets of openers that never close."""
    tags, loose, pos, raw = [], [], 0, False
    line = line_finder(source)
    for start, end in tag_spans(source):
        if not raw:
            loose += [m.start() for m in _OPENER.finditer(source, pos, start)]
        pos = end
        text = source[start:end]
        if text.startswith("{#"):
            continue
        word = _word(text)
        if raw and word != "endraw":
            continue
        raw = word == "raw"
        tags.append(Tag(text, line(start), start))
    if not raw:
        loose += [m.start() for m in _OPENER.finditer(source, pos)]
    return tags, loose


def _alone(tag: Tag) -> str | None:
    """The tag as a template of its own (a block completed with its end); None for an end tag."""
    word = _word(tag.text)
    if word.startswith("end") or word == "else":
        return None  # structure, checked by _structure
    if word == "elif":
        return "{% if true %}" + tag.text + "{% endif %}"
    if word in _BLOCKS:
        return tag.text + "{% end" + word + " %}"
    return tag.text


def _parse_error(env, source: str) -> str | None:
    try:
        env.parse(source)
    except TemplateSyntaxError as error:
        return vietnamese(error.message)
    except RecursionError:  # "((((…" a thousand deep: Jinja's parser recurses
        return TOO_DEEP
    return None


def _tag_errors(env, tags: list[Tag]) -> list[str | None]:
    """Why each tag alone does not parse, or None.

    Tags are parsed many at a time and a group is split only when it fails, so that a
    template of fifty thousand valid tags costs a few parses, not fifty thousand.
    """
    alone = [_alone(tag) for tag in tags]
    errors: list[str | None] = [None] * len(tags)
    todo = [(0, len(tags))]
    while todo:
        low, high = todo.pop()
        chunk = [text for text in alone[low:high] if text is not None]
        if not chunk:
            continue
        if high - low == 1:
            errors[low] = _parse_error(env, chunk[0])
        elif _parse_error(env, "\n".join(chunk)) is not None:
            middle = (low + high) // 2
            todo += [(middle, high), (low, middle)]
    return errors


@dataclass
class _Fixes:
    """How to make a broken template parse, so that its meaning can still be checked."""

    cut: list[tuple[int, str]] = field(default_factory=list)  # (offset, text) to remove or replace
    add: list[tuple[int, str]] = field(default_factory=list)  # (offset, text) to insert
    hopeless: bool = False  # a block's own tag is broken: its body cannot be judged


def _structure(tags: list[Tag], where, end: int, fixes: _Fixes) -> list[tuple[int, Problem]]:
    """Blocks opened and closed in the right order, every one of them."""
    problems, stack = [], []
    for tag in tags:
        word = _word(tag.text)
        if word in _BLOCKS:
            stack.append((word, tag))
        elif word in _MIDDLES:
            if not stack or stack[-1][0] not in _MIDDLES[word]:
                problems.append((tag.line, Problem("E517", **where(tag.line), found=word)))
                fixes.cut.append((tag.start, tag.text))
        elif word.startswith("end") and word[3:] in _BLOCKS:
            if word[3:] not in [name for name, _ in stack]:
                problems.append((tag.line, Problem("E517", **where(tag.line), found=word)))
                fixes.cut.append((tag.start, tag.text))
                continue
            while stack[-1][0] != word[3:]:
                problems.append(_unclosed(*stack.pop(), where, tag.start, fixes))
            stack.pop()
    return problems + [_unclosed(name, tag, where, end, fixes) for name, tag in reversed(stack)]


def _unclosed(name: str, tag: Tag, where, closed_at: int, fixes: _Fixes) -> tuple[int, Problem]:
    fixes.add.append((closed_at, "{% end" + name + " %}"))
    return tag.line, Problem("E516", **where(tag.line), found=name, expected="end" + name)


def _repair(source: str, fixes: _Fixes) -> str | None:
    """The source with the fixes applied and every line where it was; None when hopeless.

    It lets the meaning checks run despite a typo in one tag, so that a user
    sees every problem at once. A broken ``set`` keeps its name, so later uses
    of it are not reported as unknown.
    """
    if fixes.hopeless:
        return None
    edits = [(start, len(text), _stand_in(text)) for start, text in fixes.cut]
    edits += [(start, 0, text) for start, text in fixes.add]
    pieces, pos = [], 0
    for start, length, text in sorted(edits, key=lambda edit: (edit[0], -edit[1])):
        pieces += [source[pos:start], text]
        pos = max(pos, start + length)
    return "".join(pieces) + source[pos:]


def _stand_in(text: str) -> str:
    """What replaces a tag that is cut out: nothing, but its line breaks and any name it sets."""
    word = _word(text) if len(text) > 2 else ""
    assignment = _ASSIGNMENT.match(text[2:-2].strip("-+ \t\r\n")) if word == "set=" else None
    replacement = "{% elif false %}" if word == "elif" else ""
    if assignment:
        replacement = "{% set " + assignment.group(1) + " = none %}"
    return replacement + "\n" * text.count("\n")


def syntax_problems(env, source: str, where):
    """Every syntax problem found tag by tag (or the parser's own), and the syntax tree of the
    template (repaired when it had problems; None when it cannot be repaired).

    A template Jinja2 parses as it stands has no syntax problem: the tag-by-tag analysis runs
    only for one that does not.
    """
    tags, loose = find_tags(source)
    if not loose:
        try:
            return [], env.parse(source)
        except TemplateSyntaxError:
            pass
        except RecursionError:  # "((((…" a thousand deep: Jinja's parser recurses
            return [(1, Problem("E510", **where(1), extra={"detail": TOO_DEEP}))], None
    line_of = line_finder(source)
    # a file full of "{{" says the same thing everywhere: the first few places are enough
    problems = [(line_of(o), Problem("E510", **where(line_of(o)), extra={"detail": "thẻ mở “{{” hoặc “{%” chưa đóng"}))
                for o in loose[:MAX_LOOSE]]
    fixes = _Fixes(cut=[(offset, source[offset:offset + 2]) for offset in loose])
    for tag, detail in zip(tags, _tag_errors(env, tags)):
        if detail:
            fixes.cut.append((tag.start, tag.text))
            fixes.hopeless |= _word(tag.text) in _BLOCKS
            problems.append((tag.line, Problem("E510", **where(tag.line), extra={"detail": detail})))
    problems += _structure(tags, where, len(source), fixes)
    repaired = _repair(source, fixes)
    tree = None
    try:
        tree = env.parse(repaired if repaired is not None else source)
    except TemplateSyntaxError as error:
        if not problems:
            line = error.lineno or 1
            problems.append((line, Problem("E510", **where(line), extra={"detail": vietnamese(error.message)})))
    except RecursionError:
        problems.append((1, Problem("E510", **where(1), extra={"detail": TOO_DEEP})))
    return problems, tree if repaired is not None else None


_JINJA_MESSAGES = [
    (r"Encountered unknown tag '(\w+)'.*", r"không có lệnh “\1”"),
    (r"unexpected end of template.*", "mẫu kết thúc khi còn khối chưa đóng"),
    (r"unexpected 'end of print statement'", "thiếu giá trị trước “}}”"),
    (r"Expected an expression, got 'end of statement block'", "thiếu biểu thức trước “%}”"),
    (r"Expected an expression, got 'end of print statement'", "thiếu biểu thức trước “}}”"),
    (r"expected token '(.+?)', got '(.+?)'", r"cần “\1”, gặp “\2”"),
    (r"unexpected '(.+?)', expected '(.+?)'", r"gặp “\1”, cần “\2”"),
    (r"unexpected char '(.+?)' at \d+", r"ký tự lạ “\1”"),
    (r"unexpected '(.+?)'", r"gặp “\1” không đúng chỗ"),
    (r"unexpected end of string.*|unterminated string.*", "chuỗi chưa đóng dấu nháy"),
]


def vietnamese(message: str | None) -> str:
    """Jinja's usual syntax messages in Vietnamese; anything else as Jinja said it.

    >>> vietnamese("Encountered unknown tag 'endfro'.")
    'không có lệnh “endfro”'
    """
    message = (message or "").strip()
    for pattern, replacement in _JINJA_MESSAGES:
        if re.fullmatch(pattern, message, re.DOTALL):
            return re.sub(pattern, replacement, message, flags=re.DOTALL)
    return message
