"""What new-user trials typed that passed silently, printed wrong text or got a message in the
program's own terms (ninth session): each input, fed to the real command line, gets a Vietnamese
message that names the place and the fix, and what is drafted reads right.

The messages are read as ``drafter validate`` prints them; the drafts as ``drafter render -f txt``
prints them.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from drafter.cli import cli

BASE = """\
unit:
  name: Thanh Hóa
  kind: tỉnh
period:
  year: 2023
document:
  issuer: chqs
  date: 2023-12-15
  signer:
    name: Trần Văn Bình
    position: Chỉ huy trưởng
recruitment:
  quota: 1200
  delivered: 1200
"""


def _file(folder: Path, text: str) -> Path:
    path = folder / "so-lieu.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


# ------------------------------------------------------------------ the conference's time of day


def test_a_time_of_day_without_the_conference_date_is_a_warning_with_the_fix(tmp_path):
    path = _file(tmp_path, BASE + "conference:\n  time_of_day: sáng\n  venue: Hội trường Bộ CHQS tỉnh\n")
    result = _run("validate", path)
    assert result.exit_code == 0, result.output
    assert (f"{path}:16:3: cảnh báo W416 [conference.time_of_day]: có buổi “sáng” mà chưa có ngày hội nghị, nên "
            "bài tin không nêu buổi. Sửa: thêm dòng “date: YYYY-MM-DD” (ngày hội nghị) dưới “conference:”") \
        in result.output, result.output
    dated = _file(tmp_path, BASE + "conference:\n  date: 2023-12-13\n  time_of_day: sáng\n")
    assert "W416" not in _run("validate", dated).output
