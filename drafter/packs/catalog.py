"""Template packs for offices: list the built-in ones, export one to edit, check any template.

>>> [pack.name for pack in list_packs()][:1]
['bao-cao']
>>> check("bao-cao")
[]
>>> env = make_environment([])
>>> [p.render() for p in check_source(env, "{{ r.recruitment.quotaa | so }}", "mau.j2")]
['mau.j2:1: lỗi E512: “r.recruitment” không có mục “quotaa”; có phải ý bạn là “quota”? Sửa: xem danh sách biến bằng lệnh “drafter templates vars”.']

The check reads a template without running it and reports every problem at
once: syntax (by file and line), unknown variables, attributes and filters
(with a "did you mean"), and anything that reaches for Python internals. The
sandbox would stop the latter at run time anyway; refusing it up front means
nothing of a hostile template runs at all.
"""

from __future__ import annotations

import difflib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateNotFound, TemplateSyntaxError, meta, nodes
from jinja2.exceptions import TemplateAssertionError
from jinja2.sandbox import UNSAFE_GENERATOR_ATTRIBUTES, UNSAFE_COROUTINE_ATTRIBUTES

from drafter.errors import DrafterError, Problem
from drafter.packs.manifest import PHRASES, SHARED_PHRASES, TemplatePack, builtin_names, load_pack, templates_root
from drafter.packs import TemplatePackError
from drafter.packs.sandbox import make_environment

KIND_WORDS = {"decree30": "văn bản hành chính, Nghị định 30", "news": "bài tin", "rollup": "báo cáo tổng hợp"}
PERIOD_WORDS = {"year": "cả năm", "half-year": "6 tháng đầu năm"}

# ------------------------------------------------------------------ listing


def list_packs() -> list[TemplatePack]:
    """The built-in packs, in name order."""
    return [load_pack(name) for name in builtin_names()]


def describe(pack: TemplatePack) -> str:
    """Three lines about a pack for ``drafter templates list``."""
    kind = KIND_WORDS.get(pack.kind, pack.kind)
    periods = ", ".join(PERIOD_WORDS.get(p, p) for p in pack.periods)
    return f"{pack.name} ({kind}): {pack.title}\n    {pack.description}\n    Kỳ báo cáo: {periods}"


# ------------------------------------------------------------------- export


def export_pack(source: str | Path, target: Path | str, force: bool = False) -> list[Path]:
    """Copy a pack, and the shared partials it uses, into ``target``; the copy needs nothing else.

    Refuses a folder that already has files unless ``force``. Returns the files written.
    """
    pack = _pack_or_error(source)
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())) and not force:
        raise DrafterError([Problem("E521", str(target), found=str(target))])
    env = make_environment([pack.folder, templates_root() / "_shared"])
    files = [p for p in sorted(pack.folder.iterdir()) if p.is_file()]
    if pack.uses_bank and not (pack.folder / SHARED_PHRASES).is_file():
        files.append(pack.bank_files()[0])  # written as phrases-shared.yaml: the copy needs nothing else
    for name in _referenced(env, "body.j2"):
        _, filename, _ = env.loader.get_source(env, name)
        if Path(filename).parent != pack.folder:
            files.append(Path(filename))
    try:
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for file in files:
            name = SHARED_PHRASES if file.parent.name == "_shared" and file.name == PHRASES else file.name
            shutil.copyfile(file, target / name)
            written.append(target / name)
    except OSError as error:
        raise DrafterError([Problem("E502", str(target), extra={"detail": error.strerror or str(error)})]) from None
    return written


def _referenced(env, name: str, seen: set[str] | None = None) -> list[str]:
    """Every template ``name`` includes or imports, directly or not (missing ones skipped)."""
    seen = set() if seen is None else seen
    try:
        source, _, _ = env.loader.get_source(env, name)
        tree = env.parse(source)
    except (TemplateNotFound, TemplateSyntaxError):
        return []
    found = []
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        ref = node.template.value if isinstance(node.template, nodes.Const) else None
        if isinstance(ref, str) and ref not in seen:
            seen.add(ref)
            found += [ref, *_referenced(env, ref, seen)]
    return found


def _pack_or_error(source: str | Path) -> TemplatePack:
    try:
        return load_pack(source)
    except TemplatePackError as error:
        if not Path(source).exists() and str(source) not in builtin_names():
            raise DrafterError([Problem("E503", str(source), found=str(source),
                                        expected=", ".join(builtin_names()))]) from None
        raise DrafterError([Problem("E504", error.where, found=str(source), extra={"detail": error.detail})]) from None


# -------------------------------------------------------------------- check


def is_word_form(target: str | Path) -> bool:
    return str(target).lower().endswith(".docx")


def check(target: str | Path) -> list[Problem]:
    """Every problem of a pack folder, a built-in pack's name or a Word form; [] when it is fine."""
    if is_word_form(target):
        from drafter.packs.wordform import check_form

        return check_form(target)
    folder = Path(target)
    if not (folder / "manifest.yaml").is_file():
        if str(target) not in builtin_names():
            return [Problem("E522", str(target), found=str(target), expected=", ".join(builtin_names()))]
        folder = templates_root() / str(target)
    return check_pack(folder)


_CHECKED: dict[tuple, list[Problem]] = {}


def check_pack(folder: Path) -> list[Problem]:
    """Problems of a pack: its manifest, ``body.j2`` and every template that one pulls in."""
    folder = Path(folder).resolve()
    shared = templates_root() / "_shared"
    # the answer only changes when a file does: batch runs check a pack once
    key = (folder, *((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                     for d in (folder, shared) if d.is_dir() for p in sorted(d.iterdir()) if p.is_file()))
    if key not in _CHECKED:
        _CHECKED[key] = _check_pack(folder, shared)
    return list(_CHECKED[key])


def variables_for(kind: str) -> dict | None:
    """The variables a Jinja2 pack of this kind sees, as :class:`~drafter.packs.guide.Var`.

    Report and news packs see :func:`drafter.packs.jinja.context`; a roll-up is said only by a
    phrase bank (its pack has ``phrases.yaml``), so it has no variables.
    """
    from drafter.packs.guide import context_vars

    return context_vars() if kind != "rollup" else None


def _check_pack(folder: Path, shared: Path) -> list[Problem]:
    try:
        pack = load_pack(folder)
    except TemplatePackError as error:
        return [Problem("E504", error.where, found=folder.name, extra={"detail": error.detail})]
    if pack.uses_bank:
        return bank_problems(pack)
    if pack.kind == "rollup":
        return [Problem("E504", str(folder / "manifest.yaml"), found=folder.name, extra={
            "detail": "mẫu tổng hợp nhiều đơn vị cần ngân hàng câu phrases.yaml (xuất mẫu tong-hop để làm theo)"})]
    variables = variables_for(pack.kind)
    env = make_environment([folder, shared])
    problems: list[Problem] = []
    todo, seen = [("body.j2", str(folder), None)], {"body.j2"}
    while todo:
        name, caller, line = todo.pop(0)
        try:
            source, filename, _ = env.loader.get_source(env, name)
        except TemplateNotFound:
            problems.append(Problem("E524", caller, line, found=name))
            continue
        references: list[tuple[str, int]] = []
        problems += check_source(env, source, filename, references=references, variables=variables)
        for ref, ref_line in references:
            if ref not in seen:
                seen.add(ref)
                todo.append((ref, filename, ref_line))
    return problems


def bank_problems(pack: TemplatePack) -> list[Problem]:
    """Problems of a pack's phrase bank (keys, slots, brackets, terms), each with file and line."""
    from drafter.realise.bank import BankError, load_bank

    kind = {"decree30": "report", "news": "news", "rollup": "rollup"}.get(pack.kind, pack.kind)
    try:
        load_bank(pack.bank_files(), kind)
    except BankError as error:
        return [bank_problem(code, where, detail) for code, where, detail in error.problems]
    return []


def bank_problem(code: str, where: str, detail: str) -> Problem:
    file, _, line = where.rpartition(":")
    if not line.isdigit():
        file, line = where, ""
    return Problem(code, file, int(line) if line else None, extra={"detail": detail})


# ---- syntax, tag by tag, so that every broken tag is reported and not only the first

_TAG = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_OPENER = re.compile(r"\{[{%]")
_BLOCKS = {"for", "if", "macro", "call", "filter", "with", "autoescape", "block", "raw", "set"}
_MIDDLES = {"elif": ("if",), "else": ("if", "for")}
_ASSIGNMENT = re.compile(r"set\s+([\w\s.,]+?)\s*=(?!=)")


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


def find_tags(source: str) -> tuple[list[Tag], list[int]]:
    """The tags of a template in order, and the offsets of openers that never close."""
    tags, loose, pos, raw = [], [], 0, False
    for match in _TAG.finditer(source):
        if not raw:
            loose += [pos + m.start() for m in _OPENER.finditer(source, pos, match.start())]
        pos = match.end()
        text = match.group()
        if text.startswith("{#"):
            continue
        word = _word(text)
        if raw and word != "endraw":
            continue
        raw = word == "raw"
        tags.append(Tag(text, source.count("\n", 0, match.start()) + 1, match.start()))
    if not raw:
        loose += [m.start() for m in _OPENER.finditer(source, pos)]
    return tags, loose


def _tag_error(env, tag: Tag) -> str | None:
    """Why one tag alone does not parse, or None; block tags are completed with their end."""
    word = _word(tag.text)
    if word.startswith("end") or word == "else":
        return None  # structure, checked by _structure
    source = tag.text
    if word == "elif":
        source = "{% if true %}" + tag.text + "{% endif %}"
    elif word in _BLOCKS:
        source = tag.text + "{% end" + word + " %}"
    try:
        env.parse(source)
    except TemplateSyntaxError as error:
        return vietnamese(error.message)
    return None


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


def syntax_problems(env, source: str, where) -> tuple[list[tuple[int, Problem]], str | None]:
    """Every syntax problem found tag by tag (or the parser's own), and a source safe to analyse."""
    tags, loose = find_tags(source)
    line_of = lambda offset: source.count("\n", 0, offset) + 1  # noqa: E731
    problems = [(line_of(o), Problem("E510", **where(line_of(o)), extra={"detail": "thẻ mở “{{” hoặc “{%” chưa đóng"}))
                for o in loose]
    fixes = _Fixes(cut=[(offset, source[offset:offset + 2]) for offset in loose])
    for tag in tags:
        detail = _tag_error(env, tag)
        if detail:
            fixes.cut.append((tag.start, tag.text))
            fixes.hopeless |= _word(tag.text) in _BLOCKS
            problems.append((tag.line, Problem("E510", **where(tag.line), extra={"detail": detail})))
    problems += _structure(tags, where, len(source), fixes)
    repaired = _repair(source, fixes)
    try:
        env.parse(repaired if repaired is not None else source)
    except TemplateSyntaxError as error:
        if not problems:
            line = error.lineno or 1
            problems.append((line, Problem("E510", **where(line), extra={"detail": vietnamese(error.message)})))
        repaired = None
    return problems, repaired


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


# ---- meaning: names, attributes, filters, and what is never allowed

#: Attributes a template never needs and an attack always does (besides names starting with "_").
UNSAFE_ATTRIBUTES = frozenset({"mro", "format", "format_map", "f_globals", "f_locals", "f_builtins", "f_code",
                               "tb_frame", "tb_next", "func_globals", "func_code", "im_func", "im_self",
                               "gi_yieldfrom", "cr_await", "ag_await"}
                              | UNSAFE_GENERATOR_ATTRIBUTES | UNSAFE_COROUTINE_ATTRIBUTES)
#: Filters that print raw markup: harmless in a pack, broken XML (or worse) in a Word form.
FORM_FORBIDDEN_FILTERS = frozenset({"safe", "urlize", "xmlattr"})
_SPECIAL_NAMES = {"loop", "caller", "varargs", "kwargs", "self"}
_SAME_SHAPE_FILTERS = {"default", "d", "sort", "reverse", "unique", "list", "select", "reject",
                       "selectattr", "rejectattr"}


def _suggest(name: str, names) -> str:
    close = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.6)
    return f"; có phải ý bạn là “{close[0]}”?" if close else ""


def _dotted(node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_dotted(node.node)}[{node.arg.value!r}]"
    return "…"


class _Meaning:
    """One walk over a template's syntax tree, keeping track of what each local name holds."""

    def __init__(self, env, where, form: bool, variables: dict | None):
        self.env, self.where, self.form = env, where, form
        self.names_known = variables is not None
        self.context = variables or {}
        self.allowed = set(self.context) | set(env.globals) | _SPECIAL_NAMES
        self.scopes: list[dict] = [{}]
        self.found: list[tuple[int, Problem]] = []
        self.unknown: dict[str, int] = {}
        self.references: list[tuple[str, int]] = []
        self.bad_filters: set[str] = set()
        self.bad_tests: set[str] = set()

    def add(self, code: str, line: int, **kwargs) -> None:
        self.found.append((line, Problem(code, **self.where(line), **kwargs)))

    # -- scopes

    def lookup(self, name: str):
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return self.context.get(name)

    def bound(self, name: str) -> bool:
        return any(name in scope for scope in self.scopes)

    def bind(self, target, shape=None) -> None:
        if isinstance(target, nodes.Name):
            self.scopes[-1][target.name] = shape
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item)
        elif isinstance(target, nodes.NSRef):
            self.attribute(target.lineno, target.attr, None, target.name)

    def shape(self, node):
        """What an expression holds, as a :class:`~drafter.packs.guide.Var`, when known."""
        if isinstance(node, nodes.Name):
            return self.lookup(node.name)
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            parent = self.shape(node.node)
            key = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
            if parent is None:
                return None
            if isinstance(key, str) and parent.fields is not None:
                return parent.fields.get(key)
            return parent.item if isinstance(key, int) else None
        if isinstance(node, nodes.Filter) and node.node is not None:
            inner = self.shape(node.node)
            if node.name in ("first", "last", "random"):
                return inner.item if inner else None
            return inner if node.name in _SAME_SHAPE_FILTERS else None
        return None

    # -- the walk

    def visit(self, node) -> None:
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method:
            method(node)
        else:
            self.generic(node)

    def generic(self, node) -> None:
        for child in node.iter_child_nodes():
            self.visit(child)

    def scoped(self, names: dict, *bodies) -> None:
        self.scopes.append(dict(names))
        for body in bodies:
            for child in body if isinstance(body, list) else [body]:
                if child is not None:
                    self.visit(child)
        self.scopes.pop()

    def visit_Name(self, node) -> None:
        if node.ctx != "load":
            return
        if node.name.startswith("_"):
            self.add("E514", node.lineno, found=node.name)
        elif not self.bound(node.name) and node.name not in self.allowed:
            self.unknown.setdefault(node.name, node.lineno)

    def visit_Assign(self, node) -> None:
        self.visit(node.node)
        self.bind(node.target, self.shape(node.node))

    def visit_AssignBlock(self, node) -> None:
        self.generic(node)
        self.bind(node.target)

    def visit_For(self, node) -> None:
        self.visit(node.iter)
        item = getattr(self.shape(node.iter), "item", None)
        self.scopes.append({"loop": None})
        self.bind(node.target, item)
        for child in [node.test, *node.body]:
            if child is not None:
                self.visit(child)
        self.scopes.pop()
        for child in node.else_:
            self.visit(child)

    def visit_Macro(self, node) -> None:
        self.scopes[-1][node.name] = None
        for default in node.defaults:
            self.visit(default)
        names = {arg.name: None for arg in node.args} | dict.fromkeys(("varargs", "kwargs", "caller"))
        self.scoped(names, node.body)

    def visit_CallBlock(self, node) -> None:
        self.visit(node.call)
        self.scoped({arg.name: None for arg in node.args} | {"caller": None}, node.body)

    def visit_With(self, node) -> None:
        for value in node.values:
            self.visit(value)
        self.scopes.append({})
        for target, value in zip(node.targets, node.values):
            self.bind(target, self.shape(value))
        for child in node.body:
            self.visit(child)
        self.scopes.pop()

    def _reference(self, node, what: str) -> None:
        if self.form:
            self.add("E523", node.lineno, found=what, extra={"detail": " (mẫu Word không gọi tệp mẫu khác)"})
        elif isinstance(node.template, nodes.Const) and isinstance(node.template.value, str):
            self.references.append((node.template.value, node.lineno))
        self.generic(node)

    def visit_Include(self, node) -> None:
        self._reference(node, "include")

    def visit_Extends(self, node) -> None:
        self._reference(node, "extends")

    def visit_Import(self, node) -> None:
        self._reference(node, "import")
        self.scopes[-1][node.target] = None

    def visit_FromImport(self, node) -> None:
        self._reference(node, "from … import")
        for name in node.names:
            self.scopes[-1][name[1] or name[0] if isinstance(name, tuple) else name] = None

    def visit_ScopedEvalContextModifier(self, node) -> None:
        if self.form:
            self.add("E523", node.lineno, found="autoescape", extra={"detail": " (chữ luôn được giữ nguyên)"})
        self.generic(node)

    visit_EvalContextModifier = visit_ScopedEvalContextModifier

    def attribute(self, line: int, attr, owner_node, owner_text: str | None = None) -> None:
        if not isinstance(attr, str):
            return
        if attr.startswith("_") or attr in UNSAFE_ATTRIBUTES:
            self.add("E515" if attr in ("format", "format_map") else "E514", line, found=attr)
            return
        parent = self.shape(owner_node) if owner_node is not None else None
        if parent is not None and parent.fields is not None and attr not in parent.fields \
                and attr not in parent.methods:
            self.add("E512", line, found=owner_text or _dotted(owner_node), extra={
                "what": attr, "suggestion": _suggest(attr, list(parent.fields) + list(parent.methods))})

    def visit_Getattr(self, node) -> None:
        self.visit(node.node)
        self.attribute(node.lineno, node.attr, node.node)

    def visit_Getitem(self, node) -> None:
        self.visit(node.node)
        self.visit(node.arg)
        if isinstance(node.arg, nodes.Const):
            self.attribute(node.lineno, node.arg.value, node.node)

    def visit_Filter(self, node) -> None:
        if self.form and node.name in FORM_FORBIDDEN_FILTERS:
            self.add("E523", node.lineno, found=node.name, extra={"detail": " (bộ lọc này chèn mã XML thô)"})
        elif node.name not in self.env.filters:
            self.bad_filters.add(node.name)
            self.add("E513", node.lineno, found=node.name, extra={"suggestion": _suggest(node.name, self.env.filters)})
        self.generic(node)

    def visit_Test(self, node) -> None:
        if node.name not in self.env.tests:
            self.bad_tests.add(node.name)
            self.add("E526", node.lineno, found=node.name, extra={"suggestion": _suggest(node.name, self.env.tests)})
        self.generic(node)

    # -- names nobody defines

    def unknown_names(self, source: str) -> None:
        """Report names that are neither variables nor defined by the template itself.

        Only a name both the walk and Jinja's own analysis find undefined is
        reported: the walk ignores some scoping rules, and Jinja counts a name
        set in one branch of an ``if`` as possibly coming from outside.
        """
        overlay = self.env.overlay()
        # the analysis compiles the template and stops at unknown filters, already reported
        # (fresh dicts: an overlay shares its parent's, which must stay as they are)
        overlay.filters = {**self.env.filters, **{name: str for name in self.bad_filters}}
        overlay.tests = {**self.env.tests, **{name: bool for name in self.bad_tests}}
        try:
            undeclared = meta.find_undeclared_variables(overlay.parse(source))
        except (TemplateAssertionError, TemplateSyntaxError):
            undeclared = set(self.unknown)
        if not self.names_known:
            return
        for name in sorted(undeclared & set(self.unknown)):
            self.add("E511", self.unknown[name], found=name,
                     extra={"suggestion": _suggest(name, self.allowed - _SPECIAL_NAMES)})


_REPORT = object()  # default for ``variables``: the variables of a report's template


def check_source(env, source: str, filename: str, *, where: Callable[[int], dict] | None = None,
                 form: bool = False, references: list | None = None, variables=_REPORT) -> list[Problem]:
    """Every problem of one template's text.

    ``where(line)`` places a problem (default: file:line); ``variables`` are the
    names the template may use (default: a report's, see :func:`variables_for`).
    """
    from drafter.packs.guide import context_vars

    variables = context_vars() if variables is _REPORT else variables
    where = where or (lambda line: {"file": filename, "line": line})
    found, repaired = syntax_problems(env, source, where)
    if repaired is None:
        return _in_order(found)  # without a syntax tree, names cannot be told from typos
    walk = _Meaning(env, where, form, variables)
    walk.visit(env.parse(repaired))
    walk.unknown_names(repaired)
    if references is not None:
        references += walk.references
    return _in_order(found + walk.found)


def _in_order(found: list[tuple[int, Problem]]) -> list[Problem]:
    """Problems in the order of the template, each once."""
    unique: list[Problem] = []
    for _, problem in sorted(found, key=lambda pair: pair[0]):
        if problem not in unique:
            unique.append(problem)
    return unique
