"""The guide to templates: every variable, function and filter with an example, for the console and the docs.

One description serves two readers: ``drafter templates vars`` (officers at the console,
:func:`render_text`) and ``docs/mau-bao-cao.md`` (the guide, :func:`render_markdown`,
regenerated with ``python -m drafter.packs.guide > docs/mau-bao-cao.md``). The variables come
from the tree of :mod:`drafter.packs.variables`, which the template checker reads too; the
examples of functions and filters are computed now, from the code itself.

>>> [row.example for row in filter_rows() if row.name == "so"]
['2.847']
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.packs.guide_text import (
    FILTERS_INTRO,
    FUNCTIONS_INTRO,
    GUIDE_HEAD,
    GUIDE_TAIL,
    VARS_INTRO,
)
from drafter.packs.variables import FUNCTIONS, Var, context_vars, example_facts

# context_vars is named here too: the template checker has always found the tree in this module.
__all__ = ["Row", "context_vars", "filter_rows", "function_rows", "render_markdown", "render_text", "variable_rows"]


# ------------------------------------------------------------------- the rows


@dataclass(frozen=True)
class Row:
    name: str  # "r.recruitment.quota", "{{ 2847 | so }}"
    title: str
    kind: str = ""
    example: str = ""
    note: str = ""
    depth: int = 0


def variable_rows() -> list[Row]:
    """Every variable, depth first, lists written ``r.awards[].giver``."""
    rows: list[Row] = []

    def walk(name: str, var: Var, depth: int) -> None:
        rows.append(Row(name, var.title, var.kind, var.example, var.note, depth))
        if name in ("facts.report", "facts.unit", "facts.period", "facts.derived", "facts.changes"):
            return  # the same as r, unit, period, d, changes: listed once
        if name == "changes":
            # every comparison has the same parts: list the names, then the parts once
            for child, sub in var.fields.items():
                rows.append(Row(f"changes.{child}", sub.title, sub.kind, depth=depth + 1))
            for part, sub in next(iter(var.fields.values())).fields.items():
                rows.append(Row(f"changes.<tên>.{part}", sub.title, sub.kind, depth=depth + 1))
            return
        for child, sub in (var.fields or {}).items():
            walk(f"{name}.{child}", sub, depth + 1)
        if var.item is not None and var.item.fields:
            for child, sub in var.item.fields.items():
                walk(f"{name}[].{child}", sub, depth + 1)

    for name, var in context_vars().items():
        if var.kind != "hàm":
            walk(name, var, 0)
    return rows


def _example_env():
    from jinja2 import StrictUndefined

    from drafter.packs.filters import FILTERS
    from drafter.packs.sandbox import Sandbox

    env = Sandbox(undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env


def filter_rows() -> list[Row]:
    """Every filter with its example; the output is computed now, from the filter itself."""
    from drafter.packs.filters import FILTER_EXAMPLES, FILTERS
    from drafter.packs.jinja import context

    env, values = _example_env(), context(example_facts())
    return [Row(name, FILTER_EXAMPLES[name][0], example=env.from_string(FILTER_EXAMPLES[name][1]).render(values),
                note=FILTER_EXAMPLES[name][1]) for name in FILTERS]


def function_rows() -> list[Row]:
    from drafter.packs.jinja import context

    env, values = _example_env(), context(example_facts())
    return [Row(name, title, "hàm", env.from_string(usage).render(values), usage) for name, (title, usage) in FUNCTIONS.items()]


# ------------------------------------------------------------------ printing


def render_text() -> str:
    """The console listing of ``drafter templates vars``."""
    lines = ["BIẾN DÙNG TRONG MẪU (viết trong {{ … }}; “[]” là từng phần tử của danh sách)", ""]
    rows = variable_rows()
    width = max(len(row.name) + 2 * row.depth for row in rows) + 2
    for row in rows:
        label = "  " * row.depth + row.name
        extra = f" [{row.kind}]" if row.kind else ""
        example = f" — ví dụ: {row.example}" if row.example and row.kind != "nhóm" else ""
        lines.append(f"{label:<{width}}{row.title}{extra}{example}")
    lines += ["", "HÀM CHỌN CÁCH DIỄN ĐẠT", ""]
    for row in function_rows():
        lines.append(f"  {row.note}  →  {row.example}    ({row.title})")
    lines += ["", "BỘ LỌC (viết sau dấu |)", ""]
    for row in filter_rows():
        lines.append(f"  {row.note}  →  {row.example}    ({row.title})")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown() -> str:
    """docs/mau-bao-cao.md: the guide, with the tables generated from the code."""
    out = [GUIDE_HEAD.rstrip(), ""]
    out += ["## Bảng biến", "", VARS_INTRO, "", "| biến | ý nghĩa | kiểu | ví dụ |", "|---|---|---|---|"]
    for row in variable_rows():
        example = row.example if row.kind != "nhóm" else ""
        out.append(f"| `{_cell(row.name)}` | {_cell(row.title)} | {_cell(row.kind)} | {_cell(example)} |")
    out += ["", "## Hàm chọn cách diễn đạt", "", FUNCTIONS_INTRO, "",
            "| hàm | tác dụng | ví dụ | kết quả |", "|---|---|---|---|"]
    for row in function_rows():
        out.append(f"| `{row.name}` | {_cell(row.title)} | `{_cell(row.note)}` | {_cell(row.example)} |")
    out += ["", "## Bộ lọc", "", FILTERS_INTRO, "", "| bộ lọc | tác dụng | ví dụ | kết quả |", "|---|---|---|---|"]
    for row in filter_rows():
        out.append(f"| `{row.name}` | {_cell(row.title)} | `{_cell(row.note)}` | {_cell(row.example)} |")
    out += ["", GUIDE_TAIL.strip(), ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(render_markdown(), end="")
