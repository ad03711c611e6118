"""What the speed-ups of issue 15 must not change: a cache never outlives an edit, the roll-up's
warnings keep their lines whichever reader and process read them, the batch writes the bytes a
single render writes, and its parent does not keep the reports. (Speed itself is measured in
benchmarks/, never asserted here.)
"""

from __future__ import annotations

import os
import shutil
import sys

import pytest
from support.samples import SAMPLES

from drafter import api, cache
from drafter.inputs import load
from drafter.packs.manifest import load_pack
from drafter.realise.bank import load_bank

# ------------------------------------------------------------------ the on-disk cache


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(folder))
    monkeypatch.delenv("DRAFTER_CACHE", raising=False)
    return folder


def test_an_entry_is_built_once_and_again_after_an_edit(cache_dir, tmp_path):
    source = tmp_path / "nguon.txt"
    source.write_text("một", encoding="utf-8")
    built = []

    def build():
        built.append(source.read_text(encoding="utf-8"))
        return built[-1]

    assert cache.cached("thu", [source], build) == "một"
    assert cache.cached("thu", [source], build) == "một"
    assert built == ["một"]  # the second answer came from the folder
    source.write_text("hai", encoding="utf-8")  # another size: another key
    assert cache.cached("thu", [source], build) == "hai"
    stamp = os.stat(source).st_mtime_ns
    source.write_text("ba!", encoding="utf-8")  # the same size, written again: another time
    os.utime(source, ns=(stamp + 1_000_000, stamp + 1_000_000))
    assert cache.cached("thu", [source], build) == "ba!"
    assert built == ["một", "hai", "ba!"]


def test_a_broken_or_foreign_entry_is_built_afresh(cache_dir, tmp_path):
    source = tmp_path / "nguon.txt"
    source.write_text("x", encoding="utf-8")
    assert cache.cached("thu", [source], lambda: 1) == 1
    (entry,) = cache_dir.glob("thu-*.pickle")
    entry.write_bytes(b"\x80\x05 cut short")  # a half-written or foreign file
    assert cache.cached("thu", [source], lambda: 2) == 2
    if os.name == "posix":
        cache_dir.chmod(0o777)  # a folder others may write to is not trusted
        assert cache.cached("thu", [source], lambda: 3) == 3
        assert cache.cached("thu", [source], lambda: 4) == 4


def test_the_cache_can_be_turned_off(cache_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_CACHE", "0")
    source = tmp_path / "nguon.txt"
    source.write_text("x", encoding="utf-8")
    assert [cache.cached("thu", [source], lambda: n) for n in (1, 2)] == [1, 2]
    assert not cache_dir.exists()


def test_a_shipped_bank_kept_on_disk_is_read_again_after_an_edit(cache_dir, tmp_path):
    files = []
    for index, original in enumerate(load_pack("bao-cao").bank_files()):
        copy = tmp_path / f"{index}-{original.name}"
        shutil.copy(original, copy)
        files.append(copy)
    first = load_bank(tuple(files), "report", shipped=True)
    assert list(cache_dir.glob("bank-report-*.pickle"))
    key = "report.closing"
    said = first.entries[key].variants[0].sentences[0][0].text
    text = files[-1].read_text(encoding="utf-8")
    assert said in text
    files[-1].write_text(text.replace(said, "Đã sửa: " + said, 1), encoding="utf-8")
    again = load_bank(tuple(files), "report", shipped=True)
    assert again.entries[key].variants[0].sentences[0][0].text == "Đã sửa: " + said


def test_documents_are_the_same_with_the_cache_filled_or_off(cache_dir, tmp_path):
    # whole processes: this one keeps what it loaded in memory, so only a new one reads the folder
    import subprocess

    from support.catalogue import ROOT

    def render(name: str, **env) -> bytes:
        out = tmp_path / name
        subprocess.run([sys.executable, "-m", "drafter", "render", str(SAMPLES[0]), "-t", "tin-bai", "-o", str(out)],
                       check=True, capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env})
        return out.read_bytes()

    filling = render("a.docx")
    entries = sorted(path.name for path in cache_dir.glob("*.pickle"))
    assert [name.split("-")[0] for name in entries] == ["bank", "catalogue", "core", "dataclass", "map", "pack", "skeleton"]
    assert render("b.docx") == filling  # read from the folder
    assert sorted(path.name for path in cache_dir.glob("*.pickle")) == entries
    assert render("c.docx", DRAFTER_CACHE="0") == filling


def test_a_kept_skeleton_is_the_one_built_and_each_settings_keep_their_own(cache_dir):
    import dataclasses
    from pathlib import Path

    from drafter.layout import decree30, oxml

    def kept(settings, build):
        return oxml.kept_skeleton("decree30", settings, build, [Path(decree30.__file__)])

    plain = decree30.Decree30Settings()
    smaller = dataclasses.replace(plain, body_size=13)
    built = decree30._build_skeleton(plain)
    assert vars(kept(plain, lambda: decree30._build_skeleton(plain))) == vars(built)
    assert vars(kept(plain, lambda: pytest.fail("built again"))) == vars(built)  # read from the folder
    assert vars(kept(smaller, lambda: decree30._build_skeleton(smaller))) != vars(built)


def test_a_render_on_kept_skeletons_does_without_python_docx(cache_dir, tmp_path):
    # python-docx builds a skeleton and adds pictures; a report without pictures, written on the
    # skeleton kept on disk, is prototypes filled and zipped: its 30 ms import is not paid
    import subprocess

    from support.catalogue import ROOT

    # printed by an exit handler: the command ends its process without returning (cli._leave_now)
    script = ("import atexit, sys, runpy; sys.argv = ['drafter'] + sys.argv[1:]\n"
              "atexit.register(lambda: print(sorted(m for m in sys.modules if m == 'docx' or m.startswith('docx.'))))\n"
              "runpy.run_module('drafter', run_name='__main__')")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen = []
    for template in ("bao-cao", "tin-bai", "bao-cao", "tin-bai"):
        out = tmp_path / f"{template}.docx"
        run = subprocess.run([sys.executable, "-c", script, "render", str(SAMPLES[0]), "-t", template, "-o", str(out),
                              "--force"], check=True, capture_output=True, text=True, cwd=ROOT, env=env)
        seen.append(run.stdout.strip().splitlines()[-1] != "[]")
    assert seen == [True, True, False, False]  # built (and kept) the first time, read after


def test_a_batch_of_a_phrase_bank_pack_starts_without_jinja2_python_docx_or_provenance(cache_dir, tmp_path):
    # what the parent of a batch loads before its workers fork is paid once, on one core, before
    # any document is made: Jinja2 (a Jinja2 pack's), python-docx (pictures'), the review copies'
    # provenance are none of a plain batch's business
    import subprocess

    from support.catalogue import ROOT

    script = ("import atexit, sys, runpy; sys.argv = ['drafter'] + sys.argv[1:]\n"
              "atexit.register(lambda: print(sorted(m for m in ('jinja2', 'docx', 'drafter.checks.provenance')\n"
              "                                     if m in sys.modules)))\n"
              "runpy.run_module('drafter', run_name='__main__')")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen = []
    for index, jobs in enumerate(("1", "1", "2")):  # the first fills the cache folder (built with both)
        run = subprocess.run([sys.executable, "-c", script, "batch", str(SAMPLES[0]), "-o", str(tmp_path / str(index)),
                              "--jobs", jobs, "-t", "bao-cao", "-t", "tin-bai", "-f", "docx", "-f", "md"],
                             capture_output=True, text=True, cwd=ROOT, env=env)
        assert run.returncode == 0, run.stderr
        seen.append(run.stdout.strip().splitlines()[-1])
    assert seen[1:] == ["[]", "[]"]


# ------------------------------------------------------------------ roll-up warnings


def _warned_copy(folder, name: str, line_of: dict):
    """A sample whose recruits fall short of the quota (W403), and where that warning stands."""
    text = next(p for p in SAMPLES if p.stem == "phuong-an-khe-2026").read_text(encoding="utf-8")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    line_of[str(path)] = [(p.code, p.line, p.column) for p in load(path).problems]
    return path


def _annual_2026(tmp_path, monkeypatch, parallel: bool, leave_out: str = ""):
    """A folder of the annual 2026 samples (but ``leave_out``), rolled up in this process or, with
    ``parallel``, by worker processes whatever their number."""
    import importlib

    if parallel:  # the module, not the function ``api.rollup`` that shadows it
        monkeypatch.setattr(importlib.import_module("drafter.api.rollup"), "PARALLEL_FROM", 1)
    folder = tmp_path / "xa"
    folder.mkdir()
    for sample in SAMPLES:
        if sample.stem.endswith("2026") and "6-thang" not in sample.stem and sample.stem != leave_out:
            shutil.copy(sample, folder / sample.name)
    return folder


@pytest.mark.parametrize("parallel", [False, True], ids=["in-process", "workers"])
def test_roll_up_warnings_keep_their_lines(tmp_path, monkeypatch, parallel):
    folder = _annual_2026(tmp_path, monkeypatch, parallel, leave_out="phuong-an-khe-2026")
    expected: dict = {}
    _warned_copy(folder, "an-khe.yaml", expected)
    assert any(code == "W403" and line for code, line, _ in expected[str(folder / "an-khe.yaml")])
    result = api.rollup([folder], format="txt")
    said = {}
    for problem in result.input_warnings:
        said.setdefault(problem.file, []).append((problem.code, problem.line, problem.column))
    assert said[str(folder / "an-khe.yaml")] == expected[str(folder / "an-khe.yaml")]
    assert all(line is not None for p in result.input_warnings for line in [p.line])


@pytest.mark.parametrize("parallel", [False, True], ids=["in-process", "workers"])
def test_warnings_only_counted_are_the_same_warnings(tmp_path, monkeypatch, parallel):
    folder = _annual_2026(tmp_path, monkeypatch, parallel)  # An Khê's quota is missed (W403)
    located = api.rollup([folder], format="txt").input_warnings
    counted = api.rollup([folder], format="txt", warnings_located=False).input_warnings
    assert located and all(p.line for p in located)
    assert sorted((p.file, p.code, p.path, p.message) for p in counted) == \
        sorted((p.file, p.code, p.path, p.message) for p in located)


def test_the_command_line_counts_the_warnings_the_library_locates(tmp_path):
    from click.testing import CliRunner

    from drafter.cli import cli

    folder = tmp_path / "xa"
    folder.mkdir()
    shutil.copy(SAMPLES[0], folder / "a.yaml")
    _warned_copy(folder, "an-khe.yaml", {})
    located = api.rollup([folder], format="txt").input_warnings
    run = CliRunner().invoke(cli, ["--lang", "vi", "rollup", str(folder), "--format", "txt"])
    assert run.exit_code == 0, run.output
    assert f"Các tệp số liệu có {len(located)} cảnh báo" in run.output


# ------------------------------------------------------------------ batch


def test_batch_files_are_the_bytes_of_single_renders(tmp_path):
    out = tmp_path / "out"
    result = api.batch(SAMPLES, out, templates=("bao-cao", "tin-bai"), jobs=2)
    assert result.exit_code == 0
    done = [row for row in result.rows if row.status == "xong"]
    assert len(done) == 2 * len(SAMPLES)
    for row in done:
        assert (out / row.file).read_bytes() == api.render(row.source, row.template, "docx"), row.file
        # the summary names each unit's warnings, as the located reader finds them
        said = {f"cảnh báo {p.code}: {p.message}" for p in load(row.source).problems}
        assert set(filter(None, row.reason.split("; "))) == said, row.source
    assert any("W403" in row.reason for row in done)


def test_the_batch_parent_puts_the_reports_aside(tmp_path, monkeypatch):
    if not sys.platform.startswith("linux"):
        pytest.skip("reports are put aside where workers are forked (Linux)")
    from drafter.output import batch as batch_module

    seen = []
    original = batch_module._Batch.plan

    def plan(self):
        seen.extend(self.units)
        return original(self)

    monkeypatch.setattr(batch_module._Batch, "plan", plan)
    result = api.batch(SAMPLES[:3], tmp_path / "out", jobs=1)
    assert result.exit_code == 0
    assert seen and all(unit.payload is None and unit.stored is not None for unit in seen)


@pytest.mark.parametrize("template, fmt", [("bao-cao", "docx"), ("tin-bai", "md")])
def test_a_document_leaves_no_cyclic_garbage(template, fmt):
    """What a render makes is freed as soon as it is done with: garbage in reference cycles waits
    for the cycle collector, which a batch then runs every few documents over all of it."""
    import gc

    from drafter.inputs import load_report

    reports = [load_report(sample) for sample in SAMPLES]
    api.render(reports[0], template, fmt)  # imports and caches filled first
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for report in reports:
            api.render(report, template, fmt)
        gc.collect()
        # what a document's size makes; a recursive helper's own small cycle (a long list cut
        # evenly, plan.texts) is not one of these
        left = sorted({type(thing).__qualname__ for thing in gc.garbage} & {"Realiser", "Piece", "Message", "Slot"})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert not left, f"freed only by the cycle collector: {left}"


# ------------------------------------------------------------------ start-up shortcuts


def _xml_allowed(char: str) -> bool:
    code = ord(char)
    return char in "\t\n\r" or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000


def test_the_characters_xml_refuses_are_written_as_their_short_complement():
    from drafter.layout.oxml.elements import xml_safe
    from drafter.packs import wordform

    every = "".join(map(chr, range(0x110000)))
    allowed = "".join(filter(_xml_allowed, every))
    assert xml_safe(every) == allowed
    assert wordform._XML_ILLEGAL.sub("", every) == allowed


# ------------------------------------------------------------------ pydantic's plugin loader

_PROBE = r"""
import os, sys
from drafter.cli import _without_pydantic_plugins
_without_pydantic_plugins()
from drafter.inputs.model import Report  # builds the models: pydantic asks its loader for plugins
loader = sys.modules["pydantic.plugin._loader"]
print(os.environ["PYDANTIC_DISABLE_PLUGINS"], "stub" if "drafter" in (loader.__doc__ or "") else "real",
      "importlib.metadata" in sys.modules)
from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP  # anything else: pydantic's own loader
print(PYDANTIC_ENTRY_POINT_GROUP, "drafter" in (sys.modules["pydantic.plugin._loader"].__doc__ or ""))
"""


@pytest.mark.parametrize(("given", "expected"), [
    (None, ["__all__ stub False", "pydantic False"]),
    ("true", ["true stub False", "pydantic False"]),
    ("logfire", ["logfire real True", "pydantic False"]),  # the user's choice of plugins: pydantic's loader
])
def test_the_command_skips_pydantic_plugins_unless_the_user_chose_some(given, expected):
    import subprocess

    env = {key: value for key, value in os.environ.items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    if given is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = given
    out = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[:2] == expected, out


_EXIT_PROBE = """
import atexit, runpy, sys

atexit.register(lambda: print("exit handler ran"))
sys.argv = ["drafter"] + sys.argv[1:]
runpy.run_module("drafter", run_name="__main__")
"""


@pytest.mark.parametrize("args, code", [(["render", "{sample}", "-f", "md"], 0), (["render", "{missing}"], 1),
                                        (["render"], 2), (["--version"], 0)])
def test_a_command_ended_without_the_teardown_keeps_its_status_output_and_exit_handlers(tmp_path, args, code):
    import subprocess

    from support.catalogue import ROOT

    args = [a.format(sample=SAMPLES[0], missing=tmp_path / "khong-co.yaml") for a in args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRAFTER_LANG": "vi"}
    run = subprocess.run([sys.executable, "-c", _EXIT_PROBE, *args], capture_output=True, text=True, cwd=ROOT, env=env)
    assert run.returncode == code, run.stderr
    assert run.stdout.rstrip().endswith("exit handler ran")  # printed after the command's own output, and kept
    if code == 0 and args[0] == "render":
        assert "- Lưu: " in run.stdout and len(run.stdout) > 2000  # the whole document, to its last lines


def test_a_command_ends_its_process_once_its_exit_handlers_ran_and_its_streams_are_flushed(monkeypatch):
    # Python frees every object one by one on its way out: the command skips that (cli._leave_now)
    import atexit
    import threading

    from drafter import cli

    done = []

    class Ended(BaseException):
        pass

    def end(code):
        done.append(("exit", code))
        raise Ended

    monkeypatch.setattr(os, "_exit", end)
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: done.append("handlers"))
    for code, status in ((None, 0), (0, 0), (1, 1), (130, 130)):
        done.clear()
        with pytest.raises(Ended):
            cli._leave_now(code)
        assert done == ["handlers", ("exit", status)]
    done.clear()
    cli._leave_now("a message to print")  # Python's own way: it prints the message
    waiting = threading.Event()
    thread = threading.Thread(target=waiting.wait)
    thread.start()
    try:
        cli._leave_now(0)  # a thread still running: Python's own way, which waits for it
    finally:
        waiting.set()
        thread.join()
    assert done == []
