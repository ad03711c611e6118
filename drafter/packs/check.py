"""The template check: everything wrong with a pack or a Word form's tags, found without running it.

>>> from drafter.packs.sandbox import make_environment
>>> env = make_environment([])
>>> [p.render() for p in check_source(env, "{{ r.recruitment.quotaa | so }}", "mau.j2")]
['mau.j2:1: lỗi E512: “r.recruitment” không có mục “quotaa”; có phải ý bạn là “quota”? Sửa: xem danh sách biến bằng lệnh “drafter templates vars”.']

It reports every problem at once: syntax (by file and line, :mod:`drafter.packs.syntax`),
unknown variables, attributes, filters and tests (with a "did you mean"), and anything that
reaches for Python internals, also when it is hidden in a filter's argument
(``attr('__class__')``, ``map(attribute='__class__')``). The sandbox would stop the latter at
run time anyway; refusing it up front means nothing of a hostile template runs at all.
A whole pack is checked by :mod:`drafter.packs.pack_check`; the check is bounded in time by the
template's size.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from jinja2 import TemplateSyntaxError, meta, nodes
from jinja2.exceptions import TemplateAssertionError
from jinja2.sandbox import UNSAFE_COROUTINE_ATTRIBUTES, UNSAFE_GENERATOR_ATTRIBUTES

from drafter.errors import Problem
from drafter.packs.sandbox import UNSAFE_ATTRIBUTES as _RUNTIME_UNSAFE
from drafter.packs.syntax import TOO_DEEP, syntax_problems

# ---- meaning: names, attributes, filters, and what is never allowed

#: Attributes a template never needs and an attack always does (besides names starting with "_").
UNSAFE_ATTRIBUTES = _RUNTIME_UNSAFE | UNSAFE_GENERATOR_ATTRIBUTES | UNSAFE_COROUTINE_ATTRIBUTES
#: Filters that print raw markup: harmless in a pack, broken XML (or worse) in a Word form.
FORM_FORBIDDEN_FILTERS = frozenset({"safe", "urlize", "xmlattr"})
_SPECIAL_NAMES = {"loop", "caller", "varargs", "kwargs", "self"}
_SAME_SHAPE_FILTERS = {"default", "d", "sort", "reverse", "unique", "list", "select", "reject",
                       "selectattr", "rejectattr"}
#: Filters that read an attribute named in an argument: (position of that argument, keyword).
_ATTRIBUTE_ARGUMENTS = {"attr": (0, None), "selectattr": (0, None), "rejectattr": (0, None),
                        "map": (None, "attribute"), "sort": (None, "attribute"), "groupby": (0, "attribute"),
                        "unique": (None, "attribute"), "min": (None, "attribute"), "max": (None, "attribute"),
                        "sum": (None, "attribute"), "join": (None, "attribute")}
#: Filters whose first argument names another filter (``map("upper")``) or a test (``select("odd")``).
_FILTER_BY_NAME = {"map"}
_TEST_BY_NAME = {"select", "reject", "selectattr", "rejectattr"}


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
        self.filter_name(node.name, node.lineno)
        self.filter_arguments(node)
        self.generic(node)

    def filter_name(self, name: str, line: int) -> None:
        if self.form and name in FORM_FORBIDDEN_FILTERS:
            self.add("E523", line, found=name, extra={"detail": " (bộ lọc này chèn mã XML thô)"})
        elif name not in self.env.filters or name.startswith("_"):
            self.bad_filters.add(name)
            self.add("E513", line, found=name, extra={"suggestion": _suggest(name, self.user_filters())})

    def user_filters(self) -> list[str]:
        return [name for name in self.env.filters if not name.startswith("_")]

    def filter_arguments(self, node) -> None:
        """Attribute names and filter names given as text: ``attr('__class__')``, ``map('attr', 'x')``."""
        constants = [arg.value if isinstance(arg, nodes.Const) else None for arg in node.args]
        keywords = {pair.key: pair.value.value for pair in node.kwargs if isinstance(pair.value, nodes.Const)}
        position, keyword = _ATTRIBUTE_ARGUMENTS.get(node.name, (None, None))
        named = [constants[position]] if position is not None and position < len(constants) else []
        named += [keywords[keyword]] if keyword in keywords else []
        if node.name in _FILTER_BY_NAME and constants and isinstance(constants[0], str):
            self.filter_name(constants[0], node.lineno)
            if constants[0] == "attr" and len(constants) > 1:
                named.append(constants[1])
        if node.name in _TEST_BY_NAME:
            test = constants[1 if node.name.endswith("attr") else 0] if len(constants) > (
                1 if node.name.endswith("attr") else 0) else None
            if isinstance(test, str) and test not in self.env.tests:
                self.bad_tests.add(test)
                self.add("E526", node.lineno, found=test, extra={"suggestion": _suggest(test, self.env.tests)})
        for name in named:
            if isinstance(name, str):
                for part in name.split("."):  # Jinja follows "a.b" through both attributes
                    self.attribute(node.lineno, part, None, f"| {node.name}")

    def visit_Test(self, node) -> None:
        if node.name not in self.env.tests:
            self.bad_tests.add(node.name)
            self.add("E526", node.lineno, found=node.name, extra={"suggestion": _suggest(node.name, self.env.tests)})
        self.generic(node)

    # -- names nobody defines

    def unknown_names(self, tree) -> None:
        """Report names that are neither variables nor defined by the template itself.

        Only a name both the walk and Jinja's own analysis find undefined is
        reported: the walk ignores some scoping rules, and Jinja counts a name
        set in one branch of an ``if`` as possibly coming from outside.
        """
        if self.bad_filters or self.bad_tests:
            # the analysis compiles the template and stops at unknown filters, already reported
            # (fresh dicts: an overlay shares its parent's, which must stay as they are)
            overlay = self.env.overlay()
            overlay.filters = {**self.env.filters, **{name: str for name in self.bad_filters}}
            overlay.tests = {**self.env.tests, **{name: bool for name in self.bad_tests}}
            tree.set_environment(overlay)
        try:
            undeclared = meta.find_undeclared_variables(tree)
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
    found, tree = syntax_problems(env, source, where)
    if tree is None:
        return _in_order(found)  # without a syntax tree, names cannot be told from typos
    walk = _Meaning(env, where, form, variables)
    try:
        walk.visit(tree)
        walk.unknown_names(tree)
    except RecursionError:  # nested deeper than Python follows: say so rather than walk it
        return _in_order(found + [(1, Problem("E510", **where(1), extra={"detail": TOO_DEEP}))])
    if references is not None:
        references += walk.references
    return _in_order(found + walk.found)


def _in_order(found: list[tuple[int, Problem]]) -> list[Problem]:
    """Problems in the order of the template, each once."""
    return list(dict.fromkeys(problem for _, problem in sorted(found, key=lambda pair: pair[0])))
