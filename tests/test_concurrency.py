"""Nothing lost, nothing half-written: two batches into one folder, a full disk, an interrupted write."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from drafter.output import files as output
from drafter.output.batch import run_batch
from drafter.cli import cli
from drafter.errors import DrafterError

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
PROVINCES = [("Hà Nội", "thành phố"), ("Cao Bằng", "tỉnh"), ("Tuyên Quang", "tỉnh"), ("Điện Biên", "tỉnh"),
             ("Lai Châu", "tỉnh"), ("Sơn La", "tỉnh"), ("Lào Cai", "tỉnh"), ("Thái Nguyên", "tỉnh"),
             ("Lạng Sơn", "tỉnh"), ("Quảng Ninh", "tỉnh"), ("Bắc Ninh", "tỉnh"), ("Phú Thọ", "tỉnh"),
             ("Hải Phòng", "thành phố"), ("Hưng Yên", "tỉnh"), ("Ninh Bình", "tỉnh"), ("Thanh Hóa", "tỉnh")]
TEMPLATES = ("bao-cao", "tin-bai")


@pytest.fixture(scope="module")
def units(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("don-vi")
    text = SAMPLE.read_text(encoding="utf-8")
    for index, (name, kind) in enumerate(PROVINCES):
        unit = text.replace("  name: Gia Lai                    #", f"  name: {json.dumps(name, ensure_ascii=False)} #", 1)
        unit = unit.replace("  kind: tỉnh                       #", f"  kind: {kind} #", 1)
        (folder / f"{index:02d}.yaml").write_text(unit, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(units, tmp_path_factory) -> dict[str, bytes]:
    """What one batch alone writes; checked once against the library's own rendering."""
    from drafter import api
    from drafter.inputs import load_report

    out = tmp_path_factory.mktemp("mau")
    result = run_batch([units], out, TEMPLATES, jobs=1)
    assert result.exit_code == 0
    files = {p.name: p.read_bytes() for p in out.glob("*.docx")}
    assert len(files) == len(PROVINCES) * len(TEMPLATES)
    report = load_report(units / "00.yaml")
    assert files["thanh-pho-ha-noi-2026-bao-cao.docx"] == api.render(report, "bao-cao", "docx")
    return files


def two_batches(units: Path, out: Path, first: list[str], second: list[str]) -> list[subprocess.CompletedProcess]:
    """Start both at once, so that they read, plan and write over each other."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "DRAFTER_LANG": "vi"}
    command = [sys.executable, "-m", "drafter", "batch", str(units), "-o", str(out), "--jobs", "2",
               "-t", TEMPLATES[0], "-t", TEMPLATES[1]]
    processes = [subprocess.Popen(command + extra, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
                 for extra in (first, second)]
    done = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, stdout.decode(), stderr.decode()))
    return done


def assert_intact(out: Path, reference: dict[str, bytes], runs: list[subprocess.CompletedProcess]) -> None:
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([*reference, "summary.csv"]), "a temporary or stray file is left"
    for name, expected in reference.items():
        data = (out / name).read_bytes()
        assert data == expected, f"{name} differs from a lone rendering"
        docx.Document(io.BytesIO(data))
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    rows = list(csv.DictReader(io.StringIO((out / "summary.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(reference)  # whole, not a mix of the two runs' summaries
    for run in runs:
        text = run.stdout + run.stderr
        assert run.returncode in (0, 1), text
        assert "Traceback" not in text and "Lỗi nội bộ" not in text, text
        # the only thing a run may lose is the race to create a file, which it then reports
        assert not any(code in text for code in ("E502", "E603", "E604", "E605")), text


@pytest.mark.parametrize(("first", "second"), [(["--force"], []), (["--skip-existing"], ["--skip-existing"])],
                         ids=["force-and-plain", "both-skip-existing"])
def test_two_batches_into_one_folder_do_not_corrupt_each_other(units, reference, tmp_path, first, second):
    for round_ in range(2):  # the second round meets files that are already there
        out = tmp_path / "ket-qua"
        runs = two_batches(units, out, first, second)
        assert_intact(out, reference, runs)
        if "--force" in first:
            assert runs[0].returncode == 0, runs[0].stdout + runs[0].stderr


def test_a_temporary_file_taken_by_another_run_is_written_again(tmp_path, monkeypatch):
    """What happens when another batch's clean-up of stale temporary files takes ours mid-write."""
    real_fsync, taken = os.fsync, []

    def fsync_then_vanish(fd):
        real_fsync(fd)
        if not taken:
            (temp,) = tmp_path.glob(".*.tmp")
            temp.unlink()
            taken.append(temp)

    monkeypatch.setattr(output.os, "fsync", fsync_then_vanish)
    output.write_atomic(tmp_path / "a.docx", b"noi dung")
    assert taken and (tmp_path / "a.docx").read_bytes() == b"noi dung"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


# ------------------------------------------------------------------ a full disk


@pytest.fixture(autouse=True)
def vietnamese(monkeypatch):
    monkeypatch.setenv("DRAFTER_LANG", "vi")  # the messages checked here are the Vietnamese ones


def _no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("force", [False, True])
def test_a_full_disk_is_a_clear_error_and_leaves_nothing(tmp_path, monkeypatch, force):
    monkeypatch.setattr(output.os, "fsync", _no_space)
    with pytest.raises(DrafterError) as raised:
        output.write_atomic(tmp_path / "bao-cao.docx", b"x" * 1000, force=force)
    (problem,) = raised.value.problems
    assert problem.code == "E609" and "ổ đĩa đã đầy" in problem.render()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
def test_writing_to_dev_full_is_a_clear_error_through_the_cli(tmp_path, monkeypatch):
    """A real ENOSPC from the kernel: the draft's bytes go to /dev/full instead of the temporary file."""
    real_fdopen = os.fdopen

    def full(handle, mode="r", *args, **kwargs):
        os.close(handle)
        return real_fdopen(os.open("/dev/full", os.O_WRONLY), mode, *args, **kwargs)

    monkeypatch.setattr(output.os, "fdopen", full)
    target = tmp_path / "bao-cao.docx"
    result = CliRunner().invoke(cli, ["render", str(SAMPLE), "-o", str(target)])
    assert result.exit_code == 1, result.output
    assert f"{target}: lỗi E609" in result.output and "ổ đĩa đã đầy" in result.output and "Sửa:" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_write_leaves_nothing(tmp_path, monkeypatch):
    def interrupt(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", interrupt)
    result = CliRunner().invoke(cli, ["render", str(SAMPLE), "-o", str(tmp_path / "bao-cao.docx")])
    assert result.exit_code == 130
    assert "Đã dừng theo yêu cầu" in result.output
    assert list(tmp_path.iterdir()) == []
