"""Review copies survive an open-and-save in LibreOffice: the comments, their text and what they cover.

Marked ``office`` (``pytest -m office``); skips, saying what to install, without LibreOffice.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pytest
from support.comments import read_comments
from support.forms import build_form

from drafter import api
from drafter.output import pdf

ROOT = Path(__file__).resolve().parent.parent
GIA_LAI = ROOT / "samples" / "gia-lai-2026.yaml"
AN_KHE = ROOT / "samples" / "phuong-an-khe-2026.yaml"

office = pytest.mark.skipif(pdf.find_office() is None, reason="LibreOffice (soffice) is not installed: "
                            "sudo apt-get install libreoffice-writer-nogui")


def _saved_by_libreoffice(path: Path, folder: Path) -> Path:
    """``path`` opened and saved again as .docx by LibreOffice, with a profile of its own."""
    out = folder / "saved"
    out.mkdir(exist_ok=True)
    profile = (folder / "profile").resolve().as_uri()
    subprocess.run([pdf.find_office(), f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=240)
    return out / path.name


@pytest.mark.office
@office
def test_comments_survive_a_save_in_libreoffice(tmp_path):
    form = build_form(tmp_path / "mau.docx")
    copies = {"bao-cao": api.render(GIA_LAI, "bao-cao", review=True),
              "tin-bai": api.render(AN_KHE, "tin-bai", review=True),
              "mau-word": api.render(AN_KHE, form, review=True)}
    for name, data in copies.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        before = read_comments(data)
        after = read_comments(_saved_by_libreoffice(path, tmp_path).read_bytes())
        assert len(before) > 10, name
        assert Counter((c.anchored, c.text) for c in after) == Counter((c.anchored, c.text) for c in before), name
        assert {c.author for c in after} == {"drafter"}, name
        assert all(c.referenced for c in after), name
