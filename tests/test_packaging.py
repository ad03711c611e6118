"""The wheel carries the templates, so an installed drafter works from any directory."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_every_template_pack(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("drafter-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    packs = [p.name for p in (ROOT / "templates").iterdir() if (p / "manifest.yaml").is_file()]
    assert "bao-cao" in packs
    for pack in packs:
        assert f"drafter/templates/{pack}/manifest.yaml" in names
        wording = "phrases.yaml" if (ROOT / "templates" / pack / "phrases.yaml").is_file() else "body.j2"
        assert f"drafter/templates/{pack}/{wording}" in names
    assert "drafter/templates/_shared/macros.j2" in names
    assert "drafter/templates/_shared/phrases.yaml" in names
    assert "drafter/plan/roles.yaml" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "drafter = drafter.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
