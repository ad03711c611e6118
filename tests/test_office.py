"""PDF through a real office suite, and what happens without one.

Tests marked ``office`` convert every sample's documents with LibreOffice (:mod:`drafter.output.pdf`)
and read the PDFs back with poppler (``pdftotext``, ``pdfinfo``, ``pdftoppm``): the Vietnamese
text survives, the page count is sane, page 1 has no page number and page 2 has "2". Page 1 of
each kind of document is kept as a PNG under ``out/office/`` (a CI artifact) to look at.
They skip, saying why, where LibreOffice or poppler is missing. The other tests need neither:
they stand a small script in for ``soffice``.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.docx_reading import all_paragraphs, open_docx
from support.office import MINIMAL_PDF, running, stand_in_soffice, stand_in_writing
from support.pdf_reading import (
    flat,
    font_families,
    nfc,
    page_count,
    pdftotext,
    poppler_missing,
)

from drafter import api
from drafter.cli import cli
from drafter.errors import DrafterError
from drafter.output import fonts, pdf
from drafter.output.summary import read_summary_csv

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
ANNUAL_2026 = [ROOT / "samples" / name for name in ("gia-lai-2026.yaml", "bac-ninh-2026.yaml", "phuong-an-khe-2026.yaml")]
ARTIFACTS = ROOT / "out" / "office"
PAGES = {"bao-cao": (2, 12), "tin-bai": (1, 6), "tong-hop": (2, 15)}

office = pytest.mark.skipif(pdf.find_office() is None, reason="LibreOffice (soffice) is not installed: "
                            "sudo apt-get install libreoffice-writer-nogui")
poppler = pytest.mark.skipif(bool(poppler_missing()),
                             reason=f"poppler-utils ({', '.join(poppler_missing())}) is not installed")
posix = pytest.mark.skipif(sys.platform == "win32", reason="the stand-in soffice is a shell script")


def _docx_words(path: Path) -> list[str]:
    texts = [p.text for _, p in all_paragraphs(open_docx(path), headers=False)]
    return re.findall(r"\w+", nfc("\n".join(texts)))


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    """name -> PDF, for every sample × (bao-cao, tin-bai) and the roll-up of the 2026 annual samples."""
    from drafter.api import rollup_to_file

    folder = tmp_path_factory.mktemp("office")
    documents = {}
    for sample in SAMPLES:
        for template in ("bao-cao", "tin-bai"):
            documents[f"{template}-{sample.stem}"] = api.render_to_file(
                sample, folder / f"{template}-{sample.stem}.docx", template)
    documents["tong-hop-2026"] = rollup_to_file(ANNUAL_2026, folder / "tong-hop-2026.docx")
    return {name: pdf.docx_to_pdf(path) for name, path in documents.items()}


@pytest.mark.office
@office
@poppler
def test_vietnamese_text_survives_in_every_pdf(converted):
    assert len(converted) == 2 * len(SAMPLES) + 1
    for name, path in converted.items():
        # One family for all the text: a second one (DejaVuSerif beside LiberationSerif) means
        # LibreOffice patched letters the Times New Roman substitute lacks.
        families = font_families(path)
        assert len(families) == 1, f"{name}: the text uses several font families: {sorted(families)}"
        raw = nfc(pdftotext(path))
        assert "\ufffd" not in raw, name
        text = flat(raw)
        words = set(re.findall(r"\w+", text))
        lost = [word for word in _docx_words(path.with_suffix(".docx")) if word not in words]
        assert not lost, f"{name}: words of the .docx missing from the PDF: {lost[:10]}"
        if not name.startswith("tin-bai"):
            assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text, name
            assert "Độc lập - Tự do - Hạnh phúc" in text, name


@pytest.mark.office
@office
@poppler
def test_exact_strings_of_the_gia_lai_report(converted):
    text = flat(pdftotext(converted["bao-cao-gia-lai-2026"]))
    for expected in ("ỦY BAN NHÂN DÂN", "TỈNH GIA LAI", "Số: 05/BC-UBND", "Gia Lai, ngày 15 tháng 12 năm 2026",
                     "BÁO CÁO",
                     "Tổng kết công tác quốc phòng, quân sự địa phương năm 2026; phương hướng, nhiệm vụ năm 2027",
                     "Tổng quân số dân quân tự vệ là 48.215 đồng chí", "4,7 tỷ đồng", "đạt 100% chỉ tiêu", "Nơi nhận:",
                     "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Quang Hiếu"):
        assert expected in text, expected
    news = flat(pdftotext(converted["tin-bai-gia-lai-2026"]))
    assert "Thiếu tướng Lê Minh Đạt" in news and "Tin, ảnh: Thanh Hà" in news
    rollup = flat(pdftotext(converted["tong-hop-2026"]))
    assert "Bắc Ninh" in rollup and "An Khê" in rollup


@pytest.mark.office
@office
@poppler
def test_page_counts_and_page_numbers(converted):
    for name, path in converted.items():
        kind = next(k for k in PAGES if name.startswith(k))
        low, high = PAGES[kind]
        pages = page_count(path)
        assert low <= pages <= high, f"{name}: {pages} pages"
        if kind == "tin-bai":
            continue
        first = [line.strip() for line in pdftotext(path, 1).splitlines() if line.strip()]
        assert not any(line.isdigit() for line in first[:2]), f"{name}: page 1 shows a page number: {first[:2]}"
        second = [line.strip() for line in pdftotext(path, 2).splitlines() if line.strip()]
        assert second[0] == "2", f"{name}: page 2 starts with {second[0]!r}, not its number"


@pytest.mark.office
@office
@poppler
def test_first_pages_as_png_artifacts(converted):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, target in (("bao-cao-gia-lai-2026", "bao-cao-gia-lai-2026-trang-1"),
                         ("bao-cao-phuong-an-khe-2026", "bao-cao-phuong-an-khe-2026-trang-1"),
                         ("tin-bai-gia-lai-2026", "tin-bai-gia-lai-2026-trang-1"),
                         ("tong-hop-2026", "tong-hop-2026-trang-1")):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(converted[name]), str(ARTIFACTS / target)], check=True, capture_output=True)
        png = (ARTIFACTS / f"{target}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert (abs(width - 661) <= 3, abs(height - 935) <= 3) == (True, True), (width, height)  # A4 at 80 dpi


@pytest.mark.office
@office
def test_parallel_batch_with_pdf_and_nothing_left_behind(tmp_path):
    temp = tmp_path / "tmp"  # the run's own temporary folder, to see what it leaves there
    temp.mkdir()
    script = ("import sys; from drafter.api import batch; "
              "r = batch(sys.argv[1:2], sys.argv[2], ('bao-cao', 'tin-bai'), jobs=2, pdf=True); "
              "print(r.count('xong'), r.count('loi'))")
    result = subprocess.run([sys.executable, "-c", script, str(ROOT / "samples"), str(tmp_path / "ket-qua")],
                            capture_output=True, text=True, cwd=ROOT, timeout=600,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(4 * len(SAMPLES)), "0"]
    pdfs = sorted((tmp_path / "ket-qua").glob("*.pdf"))
    assert len(pdfs) == 2 * len(SAMPLES) and all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert not list((tmp_path / "ket-qua").glob(".*.tmp"))
    left = sorted(p.name for p in temp.iterdir() if p.name.startswith("drafter-"))
    assert not left, f"LibreOffice profiles or conversion folders left behind: {left}"


@pytest.mark.office
@office
def test_render_pdf_from_the_command_line(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_LANG", "vi")
    out = tmp_path / "Kết quả" / "báo cáo.docx"
    out.parent.mkdir()
    result = CliRunner().invoke(cli, ["render", str(SAMPLES[0]), "-o", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    assert f"Đã ghi {out.with_suffix('.pdf')}." in result.output


# ---------------------------------------------------------------- without LibreOffice


def test_no_office_says_how_to_install_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_LANG", "vi")
    monkeypatch.setenv("DRAFTER_SOFFICE", str(tmp_path / "khong-co-soffice"))
    out = tmp_path / "a.docx"
    result = CliRunner().invoke(cli, ["render", str(SAMPLES[0]), "-o", str(out), "--pdf"])
    assert result.exit_code == 1
    assert "E701" in result.output and "sudo apt-get install libreoffice-writer" in result.output
    assert "libreoffice.org" in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_pdf_needs_a_docx(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["render", str(SAMPLES[0]), "--format", "md", "--pdf"]).exit_code == 2
    assert runner.invoke(cli, ["render", str(SAMPLES[0]), "-o", str(tmp_path / "a.md"), "--pdf"]).exit_code == 2
    assert runner.invoke(cli, ["batch", str(SAMPLES[0]), "-o", str(tmp_path), "-f", "md", "--pdf"]).exit_code == 2
    with pytest.raises(DrafterError) as caught:
        api.render_to_file(SAMPLES[0], tmp_path / "a.md", pdf=True)
    assert caught.value.problems[0].code == "E704"


def test_batch_without_office_fails_only_the_pdf_rows(tmp_path, monkeypatch):
    from drafter.api import batch as run_batch
    from drafter.output.batch import DONE, FAILED

    monkeypatch.setenv("DRAFTER_SOFFICE", str(tmp_path / "khong-co-soffice"))
    result = run_batch([SAMPLES[0]], tmp_path / "out", jobs=1, pdf=True)
    assert [(Path(r.file).suffix, r.status) for r in result.rows] == [(".docx", DONE), (".pdf", FAILED)]
    assert result.rows[1].reason.startswith("E701") and result.exit_code == 1
    assert "sudo apt-get install libreoffice-writer" in result.rows[1].reason
    assert any("E701" in row["ly_do"] for row in read_summary_csv(tmp_path / "out" / "summary.csv"))


# ---------------------------------------------------------------- the font for Times New Roman


def _stand_in_fc_match(tmp_path: Path, monkeypatch, family: str, charset: str) -> None:
    """An ``fc-match`` first on PATH that answers ``family`` with ``charset`` for every pattern."""
    bin_dir = tmp_path / "fc-bin" / family.replace(" ", "-")
    bin_dir.mkdir(parents=True)
    script = bin_dir / "fc-match"
    script.write_text(f"#!/bin/sh\nprintf '%s\\t%s\\t%s' '{family}' '/fonts/{family}.ttf' '{charset}'\n",
                      encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    fonts.times_substitutes.cache_clear()


@pytest.fixture
def fresh_font_cache():
    fonts.times_substitutes.cache_clear()
    yield
    fonts.times_substitutes.cache_clear()  # the next test asks the machine's fontconfig again


@posix
def test_a_times_substitute_without_vietnamese_letters_stops_pdf_before_anything_is_written(
        tmp_path, monkeypatch, fresh_font_cache):
    monkeypatch.setenv("DRAFTER_LANG", "vi")
    monkeypatch.setenv("DRAFTER_SOFFICE", str(stand_in_soffice(tmp_path, "exit 0\n")))
    # Liberation Serif 1.07: Latin-1 and Latin Extended-A/B, none of U+1EA0..U+1EF9 (ạ ả ấ … ỹ)
    _stand_in_fc_match(tmp_path, monkeypatch, "Liberation Serif", "20-7e a0-17f 1a0-1b0 300-36f 2013-2026")
    out = tmp_path / "a.docx"
    result = CliRunner().invoke(cli, ["render", str(SAMPLES[0]), "-o", str(out), "--pdf"])
    assert result.exit_code == 1, result.output
    assert "E706" in result.output and "Liberation Serif" in result.output, result.output
    assert "ả ạ" in result.output and "sudo apt-get install fonts-liberation2" in result.output
    assert "Traceback" not in result.output and not out.exists()


@posix
def test_a_substitute_with_every_letter_passes_and_no_fontconfig_is_not_checked(tmp_path, monkeypatch, fresh_font_cache):
    _stand_in_fc_match(tmp_path, monkeypatch, "Liberation Serif", "20-7e a0-17f 1a0-1b0 300-36f 1ea0-1ef9 2013-2026")
    assert fonts.font_problem() is None
    assert [m.family for m in fonts.times_substitutes()] == ["Liberation Serif"] * 4
    # one letter short: ỹ (U+1EF9)
    _stand_in_fc_match(tmp_path, monkeypatch, "Tinos", "20-7e a0-17f 1a0-1b0 300-36f 1ea0-1ef8 2013-2026")
    problem = fonts.font_problem()
    assert problem is not None and problem.code == "E706" and "ỹ" in problem.message and "Tinos" in problem.message
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    fonts.times_substitutes.cache_clear()
    assert fonts.times_substitutes() is None and fonts.font_problem() is None


@pytest.mark.office
@office
def test_this_machine_has_a_vietnamese_times_substitute(fresh_font_cache):
    """What scripts/test.sh installs (fonts-liberation2) is what --pdf asks for."""
    assert fonts.font_problem() is None, fonts.font_problem().render()


# ---------------------------------------------------------------- with a stand-in soffice


@pytest.fixture
def any_fonts(monkeypatch):
    """The stand-in soffice tests are about processes and files, not this machine's fonts."""
    monkeypatch.setattr(fonts, "times_substitutes", lambda: None)


@posix
def test_conversion_arguments_profile_and_atomic_write(tmp_path, monkeypatch, any_fonts):
    log = tmp_path / "args.txt"
    # writes a small PDF where --outdir says, named after the input, as soffice does
    script = stand_in_writing(tmp_path, MINIMAL_PDF, before=f'for a in "$@"; do echo "$a" >> "{log}"; done\n')
    monkeypatch.setenv("DRAFTER_SOFFICE", str(script))
    source = tmp_path / "Kết quả" / "báo cáo.docx"
    source.parent.mkdir()
    source.write_bytes(b"PK fake")
    written = pdf.docx_to_pdf(source)
    assert written == source.with_suffix(".pdf") and written.read_bytes() == MINIMAL_PDF
    args = log.read_text(encoding="utf-8").splitlines()
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file://"))
    assert f"drafter-lo-{os.getpid()}-" in profile
    assert "--headless" in args and args[args.index("--convert-to") + 1] == "pdf"
    assert args[-1].endswith("ban-thao.docx")  # an ASCII copy, whatever the locale
    with pytest.raises(DrafterError) as caught:
        pdf.docx_to_pdf(source)
    assert caught.value.problems[0].code == "E501"
    assert pdf.docx_to_pdf(source, force=True) == written
    assert sorted(p.name for p in source.parent.iterdir()) == ["báo cáo.docx", "báo cáo.pdf"]


@posix
def test_a_failing_office_is_reported_with_its_reason(tmp_path, monkeypatch, any_fonts):
    monkeypatch.setenv("DRAFTER_SOFFICE", str(stand_in_soffice(tmp_path, "echo 'Error: source file could not be loaded'\nexit 1\n")))
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK")
    with pytest.raises(DrafterError) as caught:
        pdf.docx_to_pdf(source)
    problem = caught.value.problems[0]
    assert problem.code == "E702" and "source file could not be loaded" in problem.message
    monkeypatch.setenv("DRAFTER_SOFFICE", str(stand_in_soffice(tmp_path, "exit 0\n")))  # "succeeds", writes nothing
    with pytest.raises(DrafterError) as caught:
        pdf.docx_to_pdf(source)
    assert caught.value.problems[0].code == "E702"
    assert not source.with_suffix(".pdf").exists()


@posix
def test_a_hanging_office_is_killed_with_its_children(tmp_path, monkeypatch, any_fonts):
    pids = tmp_path / "pids"
    # like soffice: a launcher that starts the real program and waits for it
    script = stand_in_soffice(tmp_path, f"sleep 300 &\necho $$ $! > \"{pids}\"\nwait\n")
    monkeypatch.setenv("DRAFTER_SOFFICE", str(script))
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK")
    start = time.monotonic()
    with pytest.raises(DrafterError) as caught:
        pdf.docx_to_pdf(source, timeout=1)
    assert caught.value.problems[0].code == "E703" and time.monotonic() - start < 30
    launcher, child = (int(pid) for pid in pids.read_text().split())
    for pid in (launcher, child):
        assert not running(pid), f"process {pid} still running"
    assert not source.with_suffix(".pdf").exists()


def test_timeout_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DRAFTER_PDF_TIMEOUT", "600")
    assert pdf.timeout_seconds() == 600
    monkeypatch.setenv("DRAFTER_PDF_TIMEOUT", "nhiều")
    assert pdf.timeout_seconds() == pdf.DEFAULT_TIMEOUT
    assert signal.SIGKILL  # the group is killed with SIGKILL on POSIX
