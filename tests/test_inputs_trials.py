"""What new-user trials typed that passed silently, printed wrong text or got a message in the
program's own terms (ninth session): each input, fed to the real command line, gets a Vietnamese
message that names the place and the fix, and what is drafted reads right.

The messages are read as ``drafter validate`` prints them; the drafts as ``drafter render -f txt``
prints them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.docx_reading import closing_table, open_docx

from drafter import api
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


# ------------------------------------------------------------------ messages in the program's terms


def _messages(folder: Path, text: str) -> list[str]:
    path = _file(folder, text)
    result = _run("validate", path)
    assert result.exit_code == 1, result.output
    return [line.removeprefix(f"{path}:") for line in result.output.splitlines() if " lỗi E" in line]


GROUP_FIX = ("Sửa: viết ý trên một dòng “- …” (câu có dấu “:” thì đặt cả câu trong ngoặc kép), hoặc viết nhóm: "
             "“- to: …”, dòng dưới “items:”, rồi mỗi ý một dòng “- …” thụt vào.")


def test_a_conclusion_item_written_as_a_group_without_its_tasks_is_one_error_at_the_item(tmp_path):
    text = BASE + "conference:\n  conclusion:\n    - Đánh giá cao kết quả.\n    - to: các cơ quan, đơn vị\n"
    assert _messages(tmp_path, text) == [
        "18:7: lỗi E222 [conference.conclusion.1]: mỗi ý là một dòng chữ, hoặc một nhóm gồm “to:” (nơi nhận) và "
        "“items:” (danh sách các ý); gặp “to: các cơ quan, đơn vị”. " + GROUP_FIX]


def test_a_task_with_a_colon_read_as_a_mapping_is_told_to_be_quoted(tmp_path):
    [message] = _messages(tmp_path, BASE + "directions:\n  - Trọng tâm: tăng cường huấn luyện\n")
    assert message.startswith("16:5: lỗi E222 [directions.0]: ") and "gặp “Trọng tâm: tăng cường huấn luyện”" \
        in message, message


def test_a_group_s_own_fault_is_said_at_its_field_and_no_shape_is_named(tmp_path):
    text = BASE + "conference:\n  conclusion:\n    - to: các cơ quan\n      verb: bảo\n      items:\n        - Làm tốt.\n"
    assert _messages(tmp_path, text) == [
        "18:7: lỗi E204 [conference.conclusion.0.verb]: giá trị “bảo” không hợp lệ. Sửa: chọn một trong: “đề nghị”, "
        "“yêu cầu”, “giao” hoặc “nhấn mạnh”."]
    typo = _messages(tmp_path, BASE + "conference:\n  conclusion:\n    - to: các cơ quan\n      item:\n        - Làm tốt.\n")
    assert [m.split("]")[0] for m in typo] == ["17:7: lỗi E222 [conference.conclusion.0",
                                               "18:7: lỗi E206 [conference.conclusion.0.item"], typo
    assert "có phải ý bạn là “items”?" in typo[1]


def test_names_typed_as_the_count_of_individuals_say_to_write_the_count(tmp_path):
    text = BASE + ("awards:\n  - giver: Chủ tịch UBND tỉnh\n    kind: bằng khen\n    individuals:\n"
                   "      - Nguyễn Phú Dũng\n      - Lê Tấn Vàng\n")
    assert _messages(tmp_path, text) == [
        "18:5: lỗi E221 [awards.0.individuals]: “individuals” là số cá nhân, cần một số, gặp danh sách 2 mục "
        "“- Nguyễn Phú Dũng; - Lê Tấn Vàng”. Sửa: ghi số lượng: “individuals: 2”; không có trường nào ghi tên "
        "từng người, từng tập thể, nên bỏ danh sách tên."]


def test_values_are_shown_as_typed_never_as_python_writes_them(tmp_path):
    cases = {
        "    name: Trần Văn Bình\n": ("    name:\n", "10:5: lỗi E210 [document.signer.name]: để trống."),
        "  kind: tỉnh\n": ("  kind: [tỉnh]\n", "3:3: lỗi E204 [unit.kind]: giá trị “- tỉnh” không hợp lệ."),
        "    position: Chỉ huy trưởng\n": ("    position: true\n",
                                          "11:5: lỗi E209 [document.signer.position]: cần chữ, gặp “true”."),
        "  quota: 1200\n": ("  quota: {a: 1}\n", "13:3: lỗi E202 [recruitment.quota]: cần một số nguyên, gặp “a: 1”."),
        "  delivered: 1200\n": ("  delivered: 1200\n  includes_police: có\n",
                                "15:3: lỗi E204 [recruitment.includes_police]: giá trị “có” không hợp lệ. Sửa: chọn "
                                "một trong: “true” hoặc “false”."),
    }
    for old, (new, expected) in cases.items():
        [message] = _messages(tmp_path, _edit(old, new))
        assert message.startswith(expected), message
        assert not any(leak in message for leak in ("None", "['", "{'", "True", "{…}")), message


def test_a_pack_s_kind_is_shown_as_typed_and_an_empty_one_is_missing(tmp_path):
    folder = tmp_path / "mau"
    assert _run("templates", "export", "tin-bai", folder).exit_code == 0
    manifest = folder / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("kind: news", "kind: [news]"), encoding="utf-8")
    listed = _run("templates", "check", folder)
    assert "lỗi E542: loại mẫu “- news” không có" in listed.output, listed.output
    manifest.write_text(text.replace("kind: news", "kind:"), encoding="utf-8")
    empty = _run("templates", "check", folder)
    assert "lỗi E543: tệp manifest.yaml không đúng dạng: thiếu kind." in empty.output, empty.output
    assert "None" not in listed.output + empty.output


# ------------------------------------------------------------------ a kind written into a name


def test_a_name_with_its_kind_is_refused_with_the_name_alone(tmp_path):
    # "tỉnh Thanh Hóa" printed "Bộ CHQS tỉnh tỉnh Thanh Hóa" and got only W405, about the old map
    assert _messages(tmp_path, _edit("  name: Thanh Hóa\n", "  name: tỉnh Thanh Hóa\n")) == [
        "2:3: lỗi E316 [unit.name]: tên “tỉnh Thanh Hóa” có cả loại đơn vị “tỉnh”: văn bản sẽ in loại đơn vị hai "
        "lần. Sửa: chỉ ghi tên riêng: “name: Thanh Hóa”; chương trình tự thêm loại đơn vị khi viết (loại của đơn vị "
        "ghi ở dòng “kind:”)."]
    rendered = _run("render", _file(tmp_path, _edit("  name: Thanh Hóa\n", "  name: tỉnh Thanh Hóa\n")), "-f", "txt")
    assert rendered.exit_code == 1 and "tỉnh tỉnh" not in rendered.output.casefold()
    assert "W405" not in rendered.output


def test_a_province_or_another_kind_in_a_name_is_refused_too(tmp_path):
    commune = _edit("  name: Thanh Hóa\n  kind: tỉnh\n", "  name: Phường Hạc Thành\n  kind: phường\n"
                    "  province: Tỉnh Thanh Hóa\n").replace("  year: 2023\n", "  year: 2026\n").replace(
        "2023-12-15", "2026-12-15")
    messages = _messages(tmp_path, commune)
    assert [re.search(r"E316 \[(\S+)\]: tên “(.*?)”.*Sửa: chỉ ghi tên riêng: “(.*?)”", m).groups() for m in messages] \
        == [("unit.name", "Phường Hạc Thành", "name: Hạc Thành"), ("unit.province", "Tỉnh Thanh Hóa", "province: Thanh Hóa")]
    fixed = _run("validate", _file(tmp_path, commune.replace("Phường Hạc", "Hạc").replace("Tỉnh Thanh", "Thanh")))
    assert fixed.exit_code == 0, fixed.output


def test_the_starter_takes_the_kind_typed_with_the_name(tmp_path):
    result = _run("init", "-o", tmp_path / "moi.yaml", "--unit", "xã Ia Grai", "--province", "tỉnh Gia Lai",
                  "--year", "2026")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "moi.yaml").read_text(encoding="utf-8")
    assert "  name: Ia Grai " in text and "  kind: xã " in text and "  province: Gia Lai " in text
    assert _run("validate", tmp_path / "moi.yaml").exit_code == 0


# ------------------------------------------------------------------ a military region abbreviated


def test_an_abbreviated_military_region_is_spelt_out_with_a_warning(tmp_path):
    for typed in ("QK4", "qk 4", "Quân khu IV", "BTL QK.4"):
        path = _file(tmp_path, _edit("  kind: tỉnh\n", f"  kind: tỉnh\n  military_region: {typed}\n"))
        checked = _run("validate", path)
        assert checked.exit_code == 0, checked.output
        assert (f"{path}:4:3: cảnh báo W415 [unit.military_region]: “{typed}” được hiểu là “Quân khu 4”. Sửa: ghi "
                "đầy đủ “military_region: Quân khu 4” cho rõ, hoặc xóa dòng này để chương trình tự điền theo bản đồ.") \
            in checked.output, checked.output
        text = api.render(path, "bao-cao", format="txt")
        assert text.splitlines()[0] == "BỘ TƯ LỆNH QUÂN KHU 4", text[:200]
        assert typed.upper() not in text.upper().replace("QUÂN KHU 4", "")


def test_a_region_written_in_full_is_kept_without_a_word(tmp_path):
    for typed in ("Quân khu 4", "Bộ Tư lệnh Quân khu 4", "quân khu 4"):
        path = _file(tmp_path, _edit("  kind: tỉnh\n", f"  kind: tỉnh\n  military_region: {typed}\n"))
        checked = _run("validate", path)
        assert checked.exit_code == 0 and "cảnh báo" not in checked.output, checked.output
        assert api.render(path, "bao-cao", format="txt").splitlines()[0] == "BỘ TƯ LỆNH QUÂN KHU 4"


# ------------------------------------------------------------------ the signer's position


def _signature(tmp_path: Path, issuer: str, position: str) -> list[str]:
    text = _edit("  issuer: chqs\n", f"  issuer: {issuer}\n").replace("position: Chỉ huy trưởng", f"position: {position}")
    doc = open_docx(api.render(_file(tmp_path, text), "bao-cao"))
    cell = closing_table(doc).columns[1].cells[0]
    return [p.text for p in cell.paragraphs if p.text.strip()]


@pytest.mark.parametrize(("issuer", "position", "lines"), [
    ("chqs", "Chỉ huy trưởng Bộ CHQS tỉnh", ["CHỈ HUY TRƯỞNG"]),
    ("chqs", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Thanh Hóa", ["CHỈ HUY TRƯỞNG"]),
    ("chqs", "Chỉ huy trưởng Bộ Chỉ huy quân sự tỉnh", ["CHỈ HUY TRƯỞNG"]),
    ("chqs", "Phó Chỉ huy trưởng, Bộ CHQS tỉnh Thanh Hóa", ["KT. CHỈ HUY TRƯỞNG", "PHÓ CHỈ HUY TRƯỞNG"]),
    ("chqs", "Quyền Chỉ huy trưởng Bộ CHQS tỉnh", ["Q. CHỈ HUY TRƯỞNG"]),
    ("ubnd", "Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    ("ubnd", "Phó Chủ tịch UBND tỉnh", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
])
def test_a_position_with_its_own_body_after_it_signs_as_that_position(tmp_path, issuer, position, lines):
    # "Chỉ huy trưởng Bộ CHQS tỉnh" signed "KT. CHỈ HUY TRƯỞNG / CHỈ HUY TRƯỞNG BỘ CHQS TỈNH": the head on
    # behalf of himself
    assert _signature(tmp_path, issuer, position) == lines + ["Trần Văn Bình"]
