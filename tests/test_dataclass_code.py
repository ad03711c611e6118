"""The data classes' code kept on disk (drafter.cli.dataclass_code): every function ``dataclasses``
generates is the same, to its bytecode, annotations and defaults, whether compiled by Python, by
the command's first process or read from the kept table; a process with the table compiles
nothing; a spoilt table is compiled afresh; only the command line installs it. Fresh processes:
data classes are made when their modules are imported."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Every generated function of every data class a render's modules define, described.
PROBE = r"""
import dataclasses, json, sys
from drafter.cli import dataclass_code
if sys.argv[1] == "installed":
    dataclass_code.install()
import drafter.api, drafter.inputs, drafter.layout.decree30, drafter.output.files, pydantic  # a render's modules

def described(value):
    if hasattr(value, "co_code"):
        return repr([described(getattr(value, name)) for name in (
            "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_flags",
            "co_argcount", "co_kwonlyargcount", "co_posonlyargcount", "co_name", "co_qualname",
            "co_firstlineno", "co_linetable", "co_exceptiontable", "co_filename", "co_stacksize")])
    if isinstance(value, tuple):
        return repr([described(item) for item in value])
    return repr(value)

found = {}
for module in list(sys.modules.values()):
    for value in list(vars(module).values()) if module is not None else ():
        if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == module.__name__:
            for name, function in vars(value).items():
                code = getattr(function, "__code__", None)
                if code is not None and code.co_filename == "<string>":
                    cells = [type(cell.cell_contents).__name__ for cell in function.__closure__ or ()]
                    found[f"{value.__module__}.{value.__qualname__}.{name}"] = [
                        described(code), repr(function.__annotations__), repr(function.__defaults__),
                        repr(function.__kwdefaults__), cells]
print(json.dumps({"found": found, "installed": "exec" in vars(dataclasses)}))
"""


def probe(folder: Path, mode: str, cache: str = "1") -> dict:
    env = {**os.environ, "DRAFTER_CACHE_DIR": str(folder), "DRAFTER_CACHE": cache,
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    # object addresses in a default's repr differ between any two processes
    result["found"] = json.loads(re.sub(r"0x[0-9a-f]+", "0x", json.dumps(result["found"])))
    return result


def entry(folder: Path) -> Path:
    (found,) = folder.glob("dataclass-code-*.pickle")
    return found


def test_kept_code_is_the_code_python_compiles_and_a_second_process_compiles_nothing(tmp_path):
    folder = tmp_path / "cache"
    python = probe(folder, "plain")
    assert not python["installed"] and not list(folder.glob("dataclass-*"))
    first = probe(folder, "installed")
    written = entry(folder).stat()
    second = probe(folder, "installed")
    assert first["installed"] and second["installed"]
    assert len(python["found"]) > 100
    assert second["found"] == first["found"] == python["found"]
    assert entry(folder).stat().st_mtime_ns == written.st_mtime_ns  # nothing new compiled, nothing written


@pytest.mark.parametrize("spoilt", [b"\x80\x05 cut short", None], ids=["unreadable", "not-code"])
def test_a_spoilt_table_is_compiled_afresh(tmp_path, spoilt):
    import marshal
    import pickle

    folder = tmp_path / "cache"
    python = probe(folder, "plain")
    probe(folder, "installed")
    path = entry(folder)
    if spoilt is None:  # every source's code replaced by text that would run instead of it
        stored, table = pickle.loads(path.read_bytes())
        spoilt = pickle.dumps((stored, marshal.dumps(dict.fromkeys(marshal.loads(table), "pass"))))
    path.write_bytes(spoilt)
    again = probe(folder, "installed")
    assert again["found"] == python["found"]
    assert pickle.loads(path.read_bytes())[1] != b""  # written again, whole


def test_the_cache_off_or_a_program_importing_drafter_leaves_dataclasses_alone(tmp_path):
    folder = tmp_path / "cache"
    assert not probe(folder, "installed", cache="0")["installed"]
    assert not probe(folder, "plain")["installed"]
    assert not list(folder.glob("dataclass-*"))
