"""The shape of the package: the folders tell the pipeline, no stage knows a later one, no cycles.

Read statically from the source, deferred imports (inside functions) included: a cycle hidden in
a function is still a cycle, and a stage that imports a later one only when asked still knows it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "drafter"
#: A module this long does more than one job (the developer guide says "about 400").
MAX_LINES = 420
#: The pipeline, in order; a stage may import the ones before it, never those after.
STAGES = ["inputs", "facts", "plan", "realise", "packs", "layout", "checks", "output"]
#: Modules every stage may use: plain data and helpers that know no stage.
SHARED = {"drafter", "drafter.errors", "drafter.vnformat", "drafter.document", "drafter.i18n", "drafter.cache"}


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = modules()


def _resolve(name: str) -> str:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def imports(module: str) -> set[str]:
    """The drafter modules ``module`` imports, anywhere in its body."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names]
            if any(name not in MODULES for name in names):
                names.append(base)
        for name in names:
            target = _resolve(name) if name.startswith("drafter") else ""
            if target and target != module:
                found.add(target)
    return found


GRAPH = {module: imports(module) for module in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle():
    assert cycles(GRAPH) == []


def test_the_cycle_check_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def test_no_stage_imports_a_later_one():
    wrong = []
    for module, targets in GRAPH.items():
        stage = _stage(module)
        if stage is None:
            continue
        for target in targets:
            other = _stage(target)
            if other is not None and STAGES.index(other) > STAGES.index(stage):
                wrong.append(f"{module} -> {target}")
            elif other is None and target not in SHARED and not target.startswith("drafter.inputs"):
                wrong.append(f"{module} -> {target}")
    assert wrong == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_short(module):
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module}: {lines} lines"


def test_the_cli_runs_the_pipeline_only_through_the_api():
    reached = {t for m, targets in GRAPH.items() if m.startswith("drafter.cli") for t in targets}
    running = {"drafter.plan", "drafter.realise", "drafter.layout", "drafter.facts"}
    assert not {t for t in reached if any(t == r or t.startswith(r + ".") for r in running)}
