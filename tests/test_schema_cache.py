"""The report model's core schema kept on disk (drafter.inputs.schema_cache): a process with the
entry builds no schema and validates, reports and dumps exactly as pydantic's own build does; an
entry that is broken, of another shape or made with another pydantic is built afresh, silently.

Each case runs fresh Python processes (the model is built when it is imported) that count
pydantic's schema generations through its private ``GenerateSchema``: only the test looks there.
"""

from __future__ import annotations

import ast
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from support.samples import MINIMAL_YAML, SAMPLES

ROOT = Path(__file__).resolve().parents[1]

#: Counts the schemas generated for drafter's models, then validates, reports, dumps and describes (as JSON).
PROBE = r"""
import json, sys
import pydantic._internal._generate_schema as generate

built = []
original = generate.GenerateSchema.generate_schema

def counting(self, obj, *args, **kwargs):
    if str(getattr(obj, "__module__", "")).startswith("drafter"):  # not the type adapters of JSON Schema defaults
        built.append(obj.__name__)
    return original(self, obj, *args, **kwargs)

generate.GenerateSchema.generate_schema = counting
exec(sys.argv[1])

from pydantic import ValidationError
from drafter.inputs import load
from drafter.inputs.model import Report

results = []
for path in sys.argv[2:]:
    loaded = load(path)
    dumped = loaded.report.model_dump(mode="json") if loaded.report else None
    results.append([loaded.ok, dumped, [[p.where, p.code, p.path, p.message] for p in loaded.problems]])
try:
    Report.model_validate({"unit": {"name": " ", "kind": "Tinh"}, "period": {"year": 1}, "oops": 1})
except ValidationError as error:
    results.append([error.title, error.errors(include_url=False)])
results.append(Report.model_json_schema())
print(json.dumps({"built": built, "results": results}, ensure_ascii=False, default=repr))
"""


@pytest.fixture
def inputs(tmp_path) -> list[str]:
    bad = {
        "kind": MINIMAL_YAML.replace("kind: tỉnh", "kind: Tinh"),
        "extra": MINIMAL_YAML.replace("  population:", "  popultion: 5\n  population:"),
        "date": MINIMAL_YAML.replace("2026-12-15", "2026-13-45"),
        "count": MINIMAL_YAML.replace("quota: 3350", "quota: -3"),
    }
    for name, text in bad.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return [str(path) for path in SAMPLES[:3]] + [str(tmp_path / f"{name}.yaml") for name in bad]


def probe(folder: Path, inputs: list[str], prelude: str = "", cache: str = "1", plugins: str | None = "__all__") -> dict:
    env = {**os.environ, "DRAFTER_CACHE_DIR": str(folder), "DRAFTER_CACHE": cache, "DRAFTER_LANG": "vi",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    if plugins is not None:  # as drafter's command line sets it, unless the user chose plugins
        env["PYDANTIC_DISABLE_PLUGINS"] = plugins
    done = subprocess.run([sys.executable, "-c", PROBE, prelude, *inputs], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def entry(folder: Path) -> Path:
    (found,) = folder.glob("core-schema-Report-*.pickle")
    return found


def test_a_warm_cache_builds_no_schema_and_changes_nothing(tmp_path, inputs):
    folder = tmp_path / "cache"
    pydantics = probe(folder, inputs, cache="0")
    assert "Report" in pydantics["built"] and not folder.exists()
    cold = probe(folder, inputs)
    assert "Report" in cold["built"]
    entry(folder)
    warm = probe(folder, inputs)
    assert warm["built"] == []
    assert warm["results"] == cold["results"] == pydantics["results"]
    assert any(problems for _, _, problems in warm["results"][:-2])  # the bad inputs were reported


def test_a_render_with_a_warm_cache_builds_no_schema(tmp_path):
    folder = tmp_path / "cache"
    # the command line leaves through os._exit, after the atexit functions
    render = ("import atexit, runpy; atexit.register(lambda: print(json.dumps(built), flush=True))\n"
              "sys.argv = ['drafter', 'render', {!r}, '-o', {!r}, '--force']\n"
              "runpy.run_module('drafter', run_name='__main__')").format(str(SAMPLES[0]), str(tmp_path / "x.docx"))
    env = {**os.environ, "DRAFTER_CACHE_DIR": str(folder), "DRAFTER_CACHE": "1",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)  # the command line's own choice, as a user gets it
    built = []
    for _ in ("cold", "warm"):
        done = subprocess.run([sys.executable, "-c", PROBE, render], capture_output=True, text=True,
                              encoding="utf-8", env=env, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        built.append(json.loads(done.stdout.splitlines()[-1]))
    assert "Report" in built[0] and built[1] == []
    assert (tmp_path / "x.docx").stat().st_size > 0


def _rewrite(path: Path, change) -> None:
    stored, schema = pickle.loads(path.read_bytes())
    path.write_bytes(pickle.dumps((stored, change(schema))))


@pytest.mark.parametrize("spoil", [
    lambda path: path.write_bytes(b"\x80\x05 cut short"),  # half written
    lambda path: _rewrite(path, lambda schema: {"type": "any"}),  # not a model's schema
    lambda path: _rewrite(path, lambda schema: {**schema, "schema": {**schema["schema"], "cls": int}}),  # another's
    lambda path: _rewrite(path, lambda schema: {**schema, "schema": {**schema["schema"], "schema": {"type": "?"}}}),
], ids=["unreadable", "no-model", "other-class", "not-building"])
def test_a_spoilt_entry_is_built_afresh_with_the_same_results(tmp_path, inputs, spoil):
    folder = tmp_path / "cache"
    cold = probe(folder, inputs)
    spoil(entry(folder))
    again = probe(folder, inputs)
    assert "Report" in again["built"]
    assert again["results"] == cold["results"]


def test_another_pydantic_makes_another_entry(tmp_path, inputs):
    folder = tmp_path / "cache"
    probe(folder, inputs)
    upgraded = probe(folder, inputs, prelude="import pydantic.version; pydantic.version.VERSION = '9.9.9'")
    assert "Report" in upgraded["built"]
    assert len(list(folder.glob("core-schema-Report-*.pickle"))) == 2


@pytest.mark.parametrize("plugins", [None, "logfire"])
def test_with_pydantic_plugins_maybe_wanted_pydantic_builds_the_model(tmp_path, inputs, plugins):
    # plugins wrap the validator pydantic makes: a validator made from the kept schema would skip them
    folder = tmp_path / "cache"
    kept = probe(folder, inputs)
    again = probe(folder, inputs, plugins=plugins)
    assert "Report" in again["built"]
    assert again["results"] == kept["results"]


def _functions(schema) -> set:
    """The classes and functions a core schema calls, wherever they sit in it."""
    found = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack += node.values()
        elif isinstance(node, (list, tuple)):
            stack += node
        elif callable(node):
            found.add(getattr(node, "__func__", node))
    return found


def test_the_key_holds_every_module_that_makes_the_schema_and_both_versions(tmp_path, inputs):
    import pydantic
    import pydantic_core

    from drafter.inputs.model import Report

    folder = tmp_path / "cache"
    probe(folder, inputs)
    stored, _ = pickle.loads(entry(folder).read_bytes())
    _name, _version, _python, versions, stamps = ast.literal_eval(stored)
    assert pydantic.VERSION in versions and pydantic_core.__version__ in versions
    keyed = {Path(path).resolve() for path, _size, _time in stamps}
    makers = {getattr(thing, "__module__", None) for thing in _functions(Report.__pydantic_core_schema__)}
    makers |= {base.__module__ for thing in _functions(Report.__pydantic_core_schema__)
               if isinstance(thing, type) for base in thing.__mro__}
    ours = {Path(sys.modules[name].__file__).resolve() for name in makers if name and name.startswith("drafter")}
    assert ours and ours <= keyed, ours - keyed
    assert Path(sys.modules["drafter.inputs.schema_cache"].__file__).resolve() in keyed


def test_a_section_used_on_its_own_is_built_when_first_used():
    from drafter.inputs.model import Award, Unit

    assert Unit.model_validate({"name": "Ia Grai", "kind": "Xã"}).level == "commune"
    assert Award(giver="Chủ tịch UBND tỉnh", kind="Bằng khen").model_dump()["kind"] == "bằng khen"
