"""``drafter batch`` and :func:`drafter.api.batch`: names, summary, failures, resuming, Ctrl-C.

Inputs are copies of ``samples/gia-lai-2026.yaml`` with other unit names, so these tests depend
on no other sample. Units of 2026 are checked against the map in force since 1 July 2025, so they
are real units of the ``vietnam-provinces`` package; a test that needs a made-up name reports on
2022, an old-map period, where an unknown name is only a warning.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter import api
from drafter.api import batch as run_batch
from drafter.cli import cli
from drafter.output.batch import (
    FAILED,
    SKIPPED,
    assign_stems,
    file_stem,
    read_yaml_unit,
    slug,
)
from drafter.output.summary import read_summary_csv

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
TEXT = SAMPLE.read_text(encoding="utf-8")


FORMAT = "docx"


def real_units(province: str) -> list[tuple[str, str]]:
    """(name, kind) of every commune, ward and special zone of a province on the current map."""
    from vietnam_provinces import Province, Ward

    (code,) = [p.code for p in Province.iter_all()
               if p.name in (province, f"Tỉnh {province}", f"Thành phố {province}")]
    units = []
    for ward in Ward.iter_all():
        if ward.province_code == code:
            kind = ward.division_type.value
            prefix = f"{kind[0].upper()}{kind[1:]} "  # "Xã ", "Phường ", "Đặc khu "
            assert ward.name.startswith(prefix), ward.name
            units.append((ward.name[len(prefix):], kind))
    return units


def unit_yaml(name: str, kind: str = "tỉnh", province: str | None = None, half_year: bool = False,
              quota: int = 3350, old_map: bool = False) -> str:
    """The sample with another unit; names are JSON-quoted so any text is valid YAML.

    ``old_map`` moves the report to 2022, before the 2025 reform, for names not on the current map.
    """
    text = TEXT.replace("  name: Gia Lai                    #", f"  name: {json.dumps(name, ensure_ascii=False)} #", 1)
    text = text.replace("  kind: tỉnh                       #", f"  kind: {kind} #", 1)
    if province:
        text = text.replace("  military_region:", f"  province: {json.dumps(province, ensure_ascii=False)}\n  military_region:", 1)
    if half_year:
        text = text.replace("span: year", "span: half-year").replace("2026-12-15", "2026-07-10").replace("2026-12-13", "2026-07-08")
        text = text.replace("duty_days: 365 ", "duty_days: 181 ", 1)  # a half-year has 181 days (E315)
    if old_map:
        text = text.replace("2026", "2022").replace("2027", "2023")
    return text.replace("quota: 3350", f"quota: {quota}", 1)


def write_unit(folder: Path, file_name: str, *args, **kwargs) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    path.write_text(unit_yaml(*args, **kwargs), encoding="utf-8")
    return path


def read_summary(out: Path) -> list[dict]:
    assert (out / "summary.csv").read_bytes().startswith(b"\xff\xfe"), "Excel reads UTF-16 text with a BOM in any locale"
    assert (out / "summary.xlsx").is_file()
    return read_summary_csv(out / "summary.csv")


def document_text(path: Path) -> str:
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join(parts)
    return path.read_text(encoding="utf-8")


@pytest.fixture
def two_units(tmp_path):
    folder = tmp_path / "so-lieu"
    write_unit(folder, "gia-lai.yaml", "Gia Lai")
    write_unit(folder / "xa", "phu-thien.yml", "Phú Thiện", "xã", "Gia Lai", half_year=True)
    return folder


# ------------------------------------------------------------------ naming


def test_slugs_are_ascii_and_safe():
    assert file_stem("tỉnh", "Gia Lai", 2026, "year") == "tinh-gia-lai-2026"
    assert file_stem("xã", "Phú Thiện", 2026, "half-year") == "xa-phu-thien-2026-6-thang"
    assert file_stem("đặc khu", "Côn Đảo", 2026, "year") == "dac-khu-con-dao-2026"
    for name in ("../../etc", "a/b", "a\\b", "..", "CON", "NUL", "🌄🌄", "x" * 300, "Ǆ ﬁ"):
        text = slug(name)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*|", text), (name, text)
        assert len(text) <= 60


def test_clashing_names_get_the_province_then_a_number():
    keys = [("xã", "Tân Phú", "Gia Lai", 2026, "year"), ("xã", "Tân Phú", "Đồng Nai", 2026, "year"),
            ("xã", "Tân Phú", "Đồng Nai", 2026, "year"), ("xã", "Tân Phú", "Gia Lai", 2026, "half-year")]
    stems = [stem for stem, _ in assign_stems(keys)]
    assert stems == ["xa-tan-phu-gia-lai-2026", "xa-tan-phu-dong-nai-2026", "xa-tan-phu-dong-nai-2026-2",
                     "xa-tan-phu-2026-6-thang"]


def test_units_alike_only_without_diacritics_never_share_a_name_or_a_duplicate_note():
    """"Phú Lợi" and "Phú Lới" are two communes; "phú lợi" typed in lower case is the first again."""
    keys = [("xã", "Phú Lợi", "Gia Lai", 2026, "year"), ("xã", "Phú Lới", "Gia Lai", 2026, "year"),
            ("Xã", "phú  lợi", "Gia Lai", 2026, "year"), ("xã", "Phu Loi", "Gia Lai", 2026, "year")]
    named = assign_stems(keys)
    stems = [stem for stem, _ in named]
    assert len(set(stems)) == 4
    assert all(stem.startswith("xa-phu-loi-gia-lai-") and stem.endswith("-2026") for stem, _ in named[:2])
    assert stems[2] == stems[0] + "-2" and named[2][1]  # the same unit twice: numbered, and said so
    assert [note for _, note in named] == ["", "", named[2][1], ""]
    assert assign_stems(keys) == named  # stable for the same inputs
    assert assign_stems(keys[:1]) == [("xa-phu-loi-2026", "")]  # no clash: the plain name


def test_alike_units_in_a_batch_get_their_own_files(tmp_path):
    folder = tmp_path / "vao"
    folder.mkdir()
    for index, name in enumerate(["Hòa Bình", "Hoà Bình", "Hóa Bình"]):  # old and new tone placement, and another
        (folder / f"{index}.yaml").write_text(unit_yaml(name, old_map=True), encoding="utf-8")
    out = tmp_path / "ra"
    result = run_batch([folder], out, formats=("md",), jobs=1)
    assert result.exit_code == 0
    rows = {row.source.rsplit("/", 1)[-1]: row for row in result.rows}
    assert rows["0.yaml"].file != rows["2.yaml"].file and "cùng đơn vị" not in rows["2.yaml"].reason
    assert len({row.file for row in result.rows}) == 3


# ------------------------------------------------------------------ library


def test_run_batch_in_process_writes_named_documents_and_summary(two_units, tmp_path):
    out = tmp_path / "ket-qua"
    events = []
    result = run_batch([two_units], out, formats=(FORMAT,), jobs=1, progress=lambda *e: events.append(e))
    assert result.exit_code == 0, result.rows
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f"tinh-gia-lai-2026-bao-cao.{FORMAT}", f"xa-phu-thien-2026-6-thang-bao-cao.{FORMAT}",
                            "summary.csv", "summary.xlsx"])
    text = document_text(out / f"tinh-gia-lai-2026-bao-cao.{FORMAT}")
    assert "3.350" in text
    rows = read_summary(out)
    assert list(rows[0]) == ["nguon", "don_vi", "mau", "tep", "trang_thai", "ly_do"]
    assert [(r["don_vi"], r["mau"], r["tep"], r["trang_thai"]) for r in rows] == [
        ("tỉnh Gia Lai", "bao-cao", f"tinh-gia-lai-2026-bao-cao.{FORMAT}", "xong"),
        ("xã Phú Thiện (Gia Lai)", "bao-cao", f"xa-phu-thien-2026-6-thang-bao-cao.{FORMAT}", "xong"),
    ]
    assert rows[0]["nguon"].endswith("gia-lai.yaml")
    assert {stage for stage, *_ in events} == {"doc", "ghi"}
    assert sum(advance for stage, advance, _ in events if stage == "ghi") == 2


def test_documents_are_real_docx_with_the_figures(two_units, tmp_path):
    import docx

    out = tmp_path / "ket-qua"
    assert run_batch([two_units], out, jobs=2).exit_code == 0
    for path in out.glob("*.docx"):
        assert "3.350" in document_text(path), path.name
        docx.Document(str(path))


def test_one_bad_unit_does_not_stop_the_others(two_units, tmp_path):
    write_unit(two_units, "hong.yaml", "Quảng Ngãi", quota=-5)
    (two_units / "ghi-chu.txt").write_text("không phải số liệu", encoding="utf-8")
    (tmp_path / "rong").mkdir()
    out = tmp_path / "ket-qua"
    result = run_batch([two_units, tmp_path / "khong-co.yaml", two_units / "ghi-chu.txt", tmp_path / "rong"],
                       out, formats=(FORMAT,), jobs=2)
    assert result.exit_code == 1
    by_source = {Path(r.source).name: r for r in result.rows}
    assert by_source["gia-lai.yaml"].status == "xong" and by_source["phu-thien.yml"].status == "xong"
    bad = by_source["hong.yaml"]
    assert bad.status == FAILED and bad.file == ""
    assert "E201" in bad.reason and "[recruitment.quota]" in bad.reason and re.search(r"hong\.yaml:\d+:\d+", bad.reason)
    assert "E101" in by_source["khong-co.yaml"].reason
    assert "E602" in by_source["ghi-chu.txt"].reason
    assert "E601" in by_source["rong"].reason  # a folder without YAML
    assert any(p.code == "E201" for p in result.problems)
    assert len(list(out.glob(f"*.{FORMAT}"))) == 2


def test_names_stay_inside_out_whatever_the_unit_is_called(tmp_path):
    folder = tmp_path / "in"
    hostile = ["../../etc", "a/b", "CON", "🌄", "..", "a\\b", "/tmp/x", "nul"]
    for index, name in enumerate(hostile):
        write_unit(folder, f"{index}.yaml", name, "xã", "Gia Lai", old_map=True)  # not on the current map
    out = tmp_path / "out"
    result = run_batch([folder], out, formats=(FORMAT,), jobs=1)
    assert result.exit_code == 0, [r.reason for r in result.rows if r.reason]
    written = sorted(p.name for p in out.iterdir() if p.name not in ("summary.csv", "summary.xlsx"))
    assert len(written) == len(hostile)
    assert all(re.fullmatch(rf"[a-z0-9]+(-[a-z0-9]+)*\.{FORMAT}", name) for name in written), written
    outside = [p for p in tmp_path.rglob(f"*.{FORMAT}") if p.parent != out]
    assert outside == []


def test_same_commune_in_two_provinces(tmp_path):
    folder = tmp_path / "in"
    write_unit(folder, "a.yaml", "Tây Sơn", "xã", "Gia Lai")  # both real communes of the current map
    write_unit(folder, "b.yaml", "Tây Sơn", "xã", "Đắk Lắk")
    out = tmp_path / "out"
    assert run_batch([folder], out, formats=(FORMAT,), jobs=1).exit_code == 0
    assert {p.name for p in out.glob(f"*.{FORMAT}")} == {
        f"xa-tay-son-gia-lai-2026-bao-cao.{FORMAT}", f"xa-tay-son-dak-lak-2026-bao-cao.{FORMAT}"}


def test_existing_files_fail_skip_or_are_overwritten(two_units, tmp_path):
    out = tmp_path / "out"
    assert run_batch([two_units], out, formats=(FORMAT,), jobs=1).exit_code == 0
    again = run_batch([two_units], out, formats=(FORMAT,), jobs=1)
    assert again.exit_code == 1 and all("E501" in r.reason for r in again.rows)
    target = out / f"tinh-gia-lai-2026-bao-cao.{FORMAT}"
    target.unlink()
    resumed = run_batch([two_units], out, formats=(FORMAT,), jobs=2, skip_existing=True)
    assert resumed.exit_code == 0
    assert {r.file: r.status for r in resumed.rows} == {target.name: "xong",
                                                        f"xa-phu-thien-2026-6-thang-bao-cao.{FORMAT}": SKIPPED}
    assert target.exists()
    before = target.stat().st_mtime_ns
    time.sleep(0.01)
    forced = run_batch([two_units], out, formats=(FORMAT,), jobs=1, force=True)
    assert forced.exit_code == 0 and target.stat().st_mtime_ns != before


def test_stale_temporary_files_of_a_killed_run_are_removed(two_units, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = out / f".tinh-gia-lai-2026-bao-cao.{FORMAT}.k3j4h5.tmp"
    stale.write_bytes(b"half a document")
    foreign = out / ".someone-elses.tmp"
    foreign.write_bytes(b"")
    assert run_batch([two_units], out, formats=(FORMAT,), jobs=1).exit_code == 0
    assert not stale.exists() and foreign.exists()


def test_excel_rows_are_units(tmp_path):
    from drafter.api import write_workbook
    from drafter.inputs import load

    report = load(SAMPLE).report
    other = report.model_copy(update={"unit": report.unit.model_copy(update={"name": "Quảng Ngãi"})})
    book = tmp_path / "so-lieu.xlsx"
    write_workbook(book, [report, other])
    out = tmp_path / "out"
    result = run_batch([book], out, formats=(FORMAT,), jobs=1)
    assert result.exit_code == 0
    assert [r.source for r in result.rows] == [f"{book}!Số liệu!4:4", f"{book}!Số liệu!5:5"]
    assert (out / f"tinh-quang-ngai-2026-bao-cao.{FORMAT}").exists()


def test_fast_yaml_reading_matches_the_full_reader(tmp_path):
    from drafter.inputs import load
    from drafter.inputs.fast_yaml import _fast_loader, parse_clean
    from drafter.inputs.fast_yaml import fast_load as _fast_load
    from drafter.inputs.yaml_reader import read_yaml

    if _fast_loader() is None:
        pytest.skip("PyYAML with libyaml is not installed; the full reader is used")

    data, _ = read_yaml(SAMPLE)
    assert parse_clean(SAMPLE.read_text(encoding="utf-8")) == data
    assert read_yaml_unit(SAMPLE).payload is not None
    assert _fast_load(SAMPLE)[0] == load(SAMPLE).report
    # Anything YAML 1.1 and 1.2 read differently, or that the full reader rejects, goes to the full reader.
    for line in ("quota: 010", "quota: 1e3", "quota: 0x10", "quota: 1_000", "quota: !!str 5"):
        path = tmp_path / "x.yaml"
        path.write_text(TEXT.replace("quota: 3350", line), encoding="utf-8")
        assert _fast_load(path) == (None, []), line
    path.write_text(TEXT.replace("byline:", "byline: a\nbyline:"), encoding="utf-8")
    assert "E104" in read_yaml_unit(path).reason  # duplicate key, at its line
    path.write_text(unit_yaml("yes", old_map=True), encoding="utf-8")  # YAML 1.2: "yes" is text
    assert read_yaml_unit(path).label == "tỉnh yes"


# ---------------------------------------------------------------------- CLI


def test_cli_batch_with_two_jobs_and_two_templates(two_units, tmp_path):
    from drafter.packs.manifest import builtin_names

    templates = [t for t in ("bao-cao", "tin-bai") if t in builtin_names()]
    out = tmp_path / "out"
    args = ["batch", str(two_units), "-o", str(out), "--jobs", "2", "--format", FORMAT]
    for template in templates:
        args += ["--template", template]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert len(list(out.glob(f"*.{FORMAT}"))) == 2 * len(templates)
    assert "Xong 4" in result.output or "Xong 2" in result.output
    assert "Tạo văn bản" not in result.output  # no progress bar when stderr is not a terminal
    assert "Traceback" not in result.output
    if "tin-bai" in templates:
        assert (out / f"xa-phu-thien-2026-6-thang-tin-bai.{FORMAT}").exists()


def test_cli_bad_unit_exits_1_and_prints_the_summary(two_units, tmp_path):
    write_unit(two_units, "hong.yaml", "Quảng Ngãi", quota=-5)
    result = CliRunner().invoke(cli, ["batch", str(two_units), "-o", str(tmp_path / "out"), "-j", "1", "-f", FORMAT])
    assert result.exit_code == 1
    assert "lỗi" in result.output and "E201" in result.output
    assert "Xong 2, lỗi 1" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("extra", [["--force", "--skip-existing"], ["--template", "khong-co"], ["--jobs", "0"]])
def test_cli_wrong_usage_exits_2(two_units, tmp_path, extra):
    result = CliRunner().invoke(cli, ["batch", str(two_units), "-o", str(tmp_path / "out"), *extra])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_cli_without_inputs_is_wrong_usage():
    assert CliRunner().invoke(cli, ["batch", "-o", "x"]).exit_code == 2


# ------------------------------------------------------------------- Ctrl-C


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
def test_interrupted_batch_leaves_only_complete_files_and_resumes(tmp_path):
    folder = tmp_path / "in"
    units = real_units("Gia Lai")[:40]
    assert len(units) == 40
    for index, (name, kind) in enumerate(units):
        write_unit(folder, f"{index:02d}.yaml", name, kind, "Gia Lai")
    out = tmp_path / "out"
    from drafter.packs.manifest import builtin_names

    formats = sorted({FORMAT, "md"})
    templates = [t for t in ("bao-cao", "tin-bai") if t in builtin_names()]
    command = [sys.executable, "-m", "drafter", "batch", str(folder), "-o", str(out), "--jobs", "2"]
    for option in [("-f", fmt) for fmt in formats] + [("-t", t) for t in templates]:
        command += option
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    # A shell starts background jobs with SIGINT ignored, and children inherit that: restore
    # the default so that the batch sees Ctrl-C as it would in a terminal.
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and len(list(out.glob(f"*.{FORMAT}"))) >= 3:
            break
        time.sleep(0.02)
    finished_first = process.poll() is not None
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    stderr = process.stderr.read().decode("utf-8", "replace")
    assert process.returncode == (0 if finished_first else 130), stderr
    assert "Traceback" not in stderr
    assert list(out.glob("*.tmp")) == [] and list(out.glob(".*.tmp")) == []
    rows = read_summary(out)
    assert len(rows) == 40 * len(formats) * len(templates)
    done = [r for r in rows if r["trang_thai"] == "xong"]
    for row in done:  # every file reported done is whole
        path = out / row["tep"]
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None
        else:
            assert path.read_text(encoding="utf-8") == api.render(row["nguon"], row["mau"], "md")
    for path in out.glob("*.docx"):  # and so is every file present
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
    if not finished_first:
        missing = [r for r in rows if r["trang_thai"] == "loi"]
        assert missing and all("E603" in r["ly_do"] for r in missing)
    rerun = subprocess.run(command + ["--skip-existing"], cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr.decode("utf-8", "replace")
    for fmt in formats:
        assert len(list(out.glob(f"*.{fmt}"))) == 40 * len(templates)
    assert all(r["trang_thai"] in ("xong", "bo_qua") for r in read_summary(out))


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("stage", ["doc", "ghi"])
def test_interrupt_in_any_stage_writes_a_summary_of_what_is_missing(two_units, tmp_path, jobs, stage):
    others = [unit for unit in real_units("Gia Lai") if unit != ("Phú Thiện", "xã")][:6]
    for index, (name, kind) in enumerate(others):
        write_unit(two_units, f"them-{index}.yaml", name, kind, "Gia Lai")

    def progress(current, advance, total):
        if current == stage:
            raise KeyboardInterrupt

    out = tmp_path / "out"
    result = run_batch([two_units], out, formats=(FORMAT,), jobs=jobs, progress=progress)
    assert result.interrupted and result.exit_code == 130
    rows = read_summary(out)
    assert len(rows) == 8
    missing = [r for r in rows if r["trang_thai"] == "loi"]
    assert missing and all("E603" in r["ly_do"] for r in missing)
    done = {r["tep"] for r in rows if r["trang_thai"] == "xong"}
    assert {p.name for p in out.glob(f"*.{FORMAT}")} == done


@pytest.mark.parametrize("after", [1, 2, 3, 7])
def test_a_file_written_and_not_yet_reported_is_removed_when_the_batch_stops(two_units, tmp_path, after):
    """Files are synced a few jobs late (output.jobs.write_rows): at a stop, the files written after
    the last row given must go, and every file present must be one reported done."""
    from drafter.output.jobs import SYNC_DEPTH, Renderer, _Options, read_yaml_unit, write_rows

    units = [read_yaml_unit(path) for path in sorted(two_units.rglob("*.y*ml"))]
    assert len(units) == 2 and all(unit.payload for unit in units)
    renderer = Renderer(api.render, api.check_template, api.FORMATS)
    out = tmp_path / "out"
    out.mkdir()
    options = _Options(out, force=False, skip_existing=False, renderer=renderer)
    jobs = [(t, fmt, f"{t}.{fmt}") for t in ("bao-cao", "tin-bai") for fmt in ("md", "txt", "docx")]
    items = [(unit, [(t, fmt, f"{i}-{name}") for t, fmt, name in jobs]) for i, unit in enumerate(units)]
    assert sum(len(unit_jobs) for _, unit_jobs in items) > after + SYNC_DEPTH  # some files written, not reported
    rows = write_rows(items, options, lambda: False)
    given = [next(rows) for _ in range(after)]
    rows.close()
    assert sorted(p.name for p in out.iterdir()) == sorted(row.file for row in given)
    assert all(row.status == "xong" for row in given)


def test_discovery_lists_each_file_once_however_it_is_named(tmp_path):
    """A file named again (itself, through a link to it, through a linked folder, or through
    "./" and ".."), is one input; a dangling link or a loop is listed for the reader to refuse."""
    from drafter.inputs.discovery import discover

    folder, other = tmp_path / "so-lieu", tmp_path / "khac"
    (folder / "con").mkdir(parents=True)
    other.mkdir()
    for path in (folder / "a.yaml", folder / "con" / "b.yml", other / "c.yaml"):
        path.write_text("x: 1\n", encoding="utf-8")
    (folder / "lien-ket").symlink_to(other)
    (folder / "c-lien-ket.yaml").symlink_to(other / "c.yaml")
    (folder / "mat.yaml").symlink_to(tmp_path / "khong-co.yaml")
    (folder / "vong.yaml").symlink_to(folder / "vong.yaml")
    found = discover([folder, folder / "a.yaml", tmp_path / "khac" / ".." / "so-lieu" / "con" / "b.yml",
                      other, other / "c.yaml", tmp_path / "khong-co.yaml"])
    names = [path.relative_to(tmp_path).as_posix() for _, path in found]
    assert names == ["so-lieu/a.yaml", "so-lieu/c-lien-ket.yaml", "so-lieu/con/b.yml", "so-lieu/mat.yaml",
                     "so-lieu/vong.yaml"]  # the missing file is the dangling link's target


def test_chunks_are_taken_as_they_finish_each_once_and_a_stop_is_seen_while_waiting(monkeypatch):
    """The parent waits for its chunks through their done callbacks (output.batch._as_completed)."""
    import threading
    from concurrent.futures import Future

    from drafter.errors import note_stop
    from drafter.output import batch as batch_module

    futures = [Future() for _ in range(5)]
    futures[3].set_result(3)
    threading.Timer(0.05, lambda: [futures[i].set_result(i) for i in (4, 0, 2, 1)]).start()
    assert [future.result() for future in batch_module._as_completed(futures)] == [3, 4, 0, 2, 1]

    monkeypatch.setattr(batch_module, "_LOOK_SECONDS", 0.01)
    late = Future()
    timer = threading.Timer(2, late.set_result, (None,))  # a wait that never looks would end here
    timer.start()
    note_stop(signal.SIGINT)
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            next(batch_module._as_completed([late]))
    finally:
        timer.cancel()
    assert time.monotonic() - started < 1  # seen while the chunk was still running
