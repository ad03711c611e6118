"""The variables and filters reference: complete, computed from the code, and in step with the guide."""

from __future__ import annotations

import re
import subprocess
import sys
import types
import typing
from pathlib import Path

from click.testing import CliRunner
from pydantic import BaseModel

from drafter import vnformat
from drafter.cli import cli
from drafter.facts import Change, Facts, PeriodWords, UnitWords
from drafter.inputs.model import Report
from drafter.packs import guide
from drafter.packs import variables as reference
from drafter.packs.catalog import check_source
from drafter.packs.filters import FILTER_EXAMPLES, FILTERS
from drafter.packs.sandbox import make_environment

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "mau-bao-cao.md"


def test_vars_lists_variables_with_titles_and_filters_with_live_examples():
    result = CliRunner().invoke(cli, ["templates", "vars"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert re.search(r"r\.recruitment\.quota\s+Chỉ tiêu giao quân \[số nguyên\]", out)
    assert re.search(r"r\.awards\[\]\.giver\s+Cấp khen", out)
    assert re.search(r"unit\.full\s+Tên đầy đủ \[chữ\] — ví dụ: tỉnh Gia Lai", out)
    assert re.search(r"period\.next_name\s+Tên kỳ tới", out)
    assert re.search(r"d\.recruitment_rate\s+Tỷ lệ giao quân đạt chỉ tiêu", out)
    assert re.search(r"changes\.militia_strength\s+So với kỳ trước", out)
    assert "{{ 2847 | so }}  →  2.847" in out
    assert "{{ 12.5 | phan_tram }}  →  12,5%" in out
    for name in ("choose", "shuffle", "pick"):
        assert f"{{{{ {name}(" in out


def test_every_filter_has_an_example_whose_output_is_the_filters_own():
    assert list(FILTER_EXAMPLES) == list(FILTERS)
    rows = {row.name: row for row in guide.filter_rows()}
    assert rows["so"].example == FILTERS["so"](2847) == "2.847"
    assert rows["tien"].example == FILTERS["tien"](4_700_000_000)
    assert rows["ngay"].example == vnformat.format_date_nd30(reference.example_facts().report.document.date)
    for name, row in rows.items():
        assert row.example and f"| {name}" in row.note, name


def _model_paths(model: type[BaseModel], prefix: str) -> set[str]:
    """Every field path of a model, lists of groups written ``name[].child``."""
    paths = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}.{name}"
        paths.add(path)
        kind = next((a for a in typing.get_args(info.annotation) if a is not type(None)), info.annotation) \
            if typing.get_origin(info.annotation) in (typing.Union, types.UnionType) else info.annotation
        if typing.get_origin(kind) is list:
            kind, path = typing.get_args(kind)[0], path + "[]"
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            paths |= _model_paths(kind, path)
    return paths


def test_every_field_of_the_input_model_is_listed_with_its_title():
    names = {row.name: row for row in guide.variable_rows()}
    assert _model_paths(Report, "r") <= set(names)
    assert names["r.recruitment.quota"].title == Report.model_fields["recruitment"].annotation.__args__[0] \
        .model_fields["quota"].title


def test_every_facts_name_has_a_vietnamese_title():
    for cls, titles in ((UnitWords, reference.UNIT_TITLES), (PeriodWords, reference.PERIOD_TITLES),
                        (Facts, reference.FACTS_TITLES), (Change, reference.CHANGE_TITLES)):
        assert set(reference.template_names(cls)) == set(titles), cls.__name__
    assert set(reference.derived_names()) == set(reference.DERIVED_TITLES)
    changes = reference.context_vars()["changes"].fields
    assert set(reference.example_facts().changes) <= set(changes)


def test_every_listed_variable_passes_the_template_check():
    env = make_environment([])
    expressions = []
    for row in guide.variable_rows():
        expression = row.name.replace("[]", "[0]").replace("<tên>", "remains")
        expressions.append("{{ " + expression + " }}")
    for row in guide.function_rows():
        expressions.append(row.note)
    assert check_source(env, "\n".join(expressions), "tat-ca.j2") == []


def test_the_committed_guide_is_up_to_date():
    committed = GUIDE.read_text(encoding="utf-8")
    assert committed == guide.render_markdown(), \
        "docs/mau-bao-cao.md is stale: run `python -m drafter.packs.guide > docs/mau-bao-cao.md`"
    result = CliRunner().invoke(cli, ["templates", "vars", "--markdown"])
    assert result.exit_code == 0 and result.output == committed


def test_the_guide_can_be_regenerated_with_python_m():
    result = subprocess.run([sys.executable, "-m", "drafter.packs.guide"], capture_output=True, cwd=ROOT, check=True)
    assert result.stdout.decode("utf-8") == GUIDE.read_text(encoding="utf-8")
