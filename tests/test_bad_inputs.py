"""The catalogue of bad inputs: each one, fed to the real command line, gets a Vietnamese message
that names the file, the place and the fix; exit code 1 (2 for a wrong command); no traceback;
no output file and no temporary file left; bounded time and memory.

Every case runs ``python -m drafter`` in a child process limited to 500 MB of address space and
must end within 10 s (the harness is tests/support/catalogue.py); the cases run two at a time.

Decisions the cases pin down:

- a decimal comma typed in a YAML file (``area_ha: "0,89"``) is refused with the fix ``0.89``
  (E218): in YAML "1,824" may as well mean 1824, and the sample files teach the dot. Excel cells,
  where the comma is the Vietnamese locale's decimal mark, accept it (see test_excel);
- a missing required section (``document:``) is E200 at 1:1, naming the section;
- an empty row in a workbook is skipped, not an error;
- NFD text, a UTF-8 BOM and UTF-16 with a BOM are accepted (and NFC in the output).
"""

from __future__ import annotations

import os
import re
import unicodedata
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

import pytest
from support.catalogue import ROOT, Case, check_case, run_all, run_cli
from support.readers import assert_fast_agrees
from support.samples import MINIMAL_YAML

VALID = MINIMAL_YAML


def edit(old: str, new: str) -> bytes:
    assert old in VALID, old
    return VALID.replace(old, new, 1).encode("utf-8")


def extra(text: str) -> bytes:
    """VALID with more lines at the end (they start at line 15)."""
    return (VALID + text).encode("utf-8")


# --------------------------------------------------------------- legacy encodings, built here
# Independently of drafter's own tables: the TCVN3 (ABC) codes of the letters these samples use,
# and VNI Windows spelled out as it shows when its bytes are read as Windows-1252.
TCVN3 = dict(zip("ỉâệễđồíăòậạếóủịộự", "Ø©ÖÔ®åÝ¨ßË¹ÕãñÞéù"))


def tcvn3(text: str) -> str:
    return "".join(TCVN3.get(ch, ch) for ch in text)


TCVN3_TEXT = tcvn3("Bộ Chỉ huy Quân sự tỉnh Gia Lai, Việt Nam; đồng chí Nguyễn Văn An; phòng thủ, tập luyện")
VNI_TEXT = "Quaân khu 5, tænh Gia Lai, Vieät Nam; ñoàng chí Nguyeãn Vaên An"


def cp1258(text: str) -> bytes:
    """Windows-1258 keeps â ê ô ơ ư ă đ whole and writes tones as combining marks."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return out


def alias_bomb() -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    return ("\n".join(lines) + "\n").encode()


# --------------------------------------------------------------------------- workbooks


def workbook(folder: Path, change: Callable | None = None, name: str = "so-lieu.xlsx") -> Path:
    """A valid one-unit workbook written by drafter, then spoilt by ``change(book, {field path: column})``."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from drafter.api import write_workbook
    from drafter.inputs.excel import columns
    from drafter.inputs.validation import validate_data
    from drafter.inputs.yaml_reader import read_yaml

    path = folder / name
    report, _ = validate_data(*read_yaml("so-lieu.yaml", VALID))
    write_workbook(path, [report])
    if change:
        book = load_workbook(path)
        letters = {c.path: get_column_letter(i) for i, c in enumerate(columns(), start=1)}
        change(book, letters)
        book.save(path)
    return path


def _merge(book, letters):
    book["Số liệu"].merge_cells(f"{letters['unit.name']}4:{letters['unit.kind']}4")


def _formula(book, letters):
    book["Số liệu"][f"{letters['recruitment.quota']}4"] = "=1+1"  # openpyxl stores no cached value


def _bad_cell(book, letters):
    book["Số liệu"][f"{letters['recruitment.quota']}4"] = "nhiều"


def _rename_sheet(book, letters):
    book["Số liệu"].title = "Sheet1"


def _empty_row(book, letters):
    sheet = book["Số liệu"]
    sheet.insert_rows(4)  # row 4 empty, the unit on row 5


def _superscript(book, letters):
    book["Số liệu"][f"{letters['recruitment.quota']}4"] = "3350²"  # "²" is a digit to str.isdigit


def _long_digits(book, letters):
    book["Số liệu"][f"{letters['recruitment.quota']}4"] = "1" + "0" * 5000


def _patched(source: Path, target: Path, change: Callable[[str, bytes], bytes], extra: dict | None = None) -> Path:
    """A copy of a .xlsx/.docx zip with some parts rewritten (or added) as raw bytes."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            new.writestr(name, change(name, old.read(name)))
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


def _numeric_digits(folder: Path) -> Path:
    """A number cell of 5,001 digits, as only a hand-made file can hold (Excel rounds to 15)."""
    book = workbook(folder, name="goc.xlsx")
    cell = f"{_quota_letter()}4".encode()
    return _patched(book, folder / "so-lieu.xlsx", lambda name, data: re.sub(
        rb'(<c r="' + cell + rb'"[^>]*>)<v>[^<]*</v>', lambda m: m.group(1) + b"<v>1" + b"0" * 5000 + b"</v>", data)
        if name == "xl/worksheets/sheet1.xml" else data)


def _shared_strings_bomb(folder: Path) -> Path:
    """A workbook of about 2 MB whose shared strings unpack to about 750 MB."""
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + \
        b"<si><t>aaaaaaaaaaaaaaaa</t></si>" * 25_000_000 + b"</sst>"
    return _patched(workbook(folder, name="goc.xlsx"), folder / "so-lieu.xlsx", lambda name, data: data,
                    {"xl/sharedStrings.xml": strings})


def _word_as_xlsx(folder: Path) -> Path:
    import docx

    path = folder / "so-lieu.xlsx"
    document = docx.Document()
    document.add_paragraph("không phải bảng tính")
    document.save(path)
    return path


def _folder_with(name: str, make: Callable[[Path], None]) -> Callable[[Path], Path]:
    """A folder of YAML files for batch holding ``name``, made by ``make`` (a unit beside it would be
    written: one bad input never stops the others, see test_batch)."""
    def build(folder: Path) -> Path:
        data = folder / "don-vi"
        data.mkdir()
        make(data / name)
        return data
    return build


def _sparse(path: Path) -> None:
    with open(path, "wb") as stream:  # 600 MB that take no room on disk: read whole, it would
        stream.truncate(600 << 20)


def _target_beside(folder: Path) -> Path:
    (folder / "dich.txt").write_text("không được ghi đè\n", encoding="utf-8")
    return _valid(folder)


def _output_link(i: Path, o: Path) -> list[str]:
    (o / "bao-cao.docx").symlink_to(i.parent / "dich.txt")
    return ["render", str(i), "-o", str(o / "bao-cao.docx"), "--force"]


def _output_fifo(i: Path, o: Path) -> list[str]:
    os.mkfifo(o / "bao-cao.docx")
    return ["render", str(i), "-o", str(o / "bao-cao.docx"), "--force"]


def _rollup_config(folder: Path) -> Path:
    path = folder / "tong-hop.yaml"
    path.write_text('place: "Gia\\e[31mLai"\n', encoding="utf-8")  # "\e" is ESC in a YAML string
    _valid(folder)
    return path


def _many_keys() -> bytes:
    return ("unit:\n" + "".join(f"  k{i}: 1\n" for i in range(99_000))).encode()


# ------------------------------------------------------------------------------ cases


def _folder(folder: Path) -> Path:
    path = folder / "thu-muc.yaml"
    path.mkdir()
    return path


def _missing(folder: Path) -> Path:
    return folder / "khong-co.yaml"


def _broken_link(folder: Path) -> Path:
    path = folder / "lien-ket.yaml"
    path.symlink_to(folder / "da-xoa.yaml")
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "fifo.yaml"
    os.mkfifo(path)  # opening it to read would block forever
    return path


def _unreadable(folder: Path) -> Path:
    path = folder / "khoa.yaml"
    path.write_text(VALID, encoding="utf-8")
    path.chmod(0)
    return path


def _valid(folder: Path) -> Path:
    path = folder / "so-lieu.yaml"
    path.write_text(VALID, encoding="utf-8")
    return path


def _canary_tag(folder: Path) -> Path:
    path = folder / "the.yaml"
    canary = folder / "canary"
    path.write_text(f'unit: !!python/object/apply:os.system ["touch {canary}"]\n', encoding="utf-8")
    return path


CASES = [
    # reading the file
    Case("empty", b"", code="E102"),
    Case("only-comments", b"# chua co gi\n\n   \n", code="E102"),
    Case("folder", build=_folder, code="E107", command="validate"),
    Case("missing", build=_missing, code="E101", also=("không tìm thấy tệp",)),
    Case("broken-symlink", build=_broken_link, code="E101", also=("không tìm thấy tệp",)),
    Case("fifo", build=_fifo, code="E101", also=("không phải tệp thông thường",)),
    Case("unreadable", build=_unreadable, code="E101", also=("không có quyền",),
         skip="chmod does not stop root from reading" if os.geteuid() == 0 else ""),
    Case("xlsx-to-render", build=lambda f: workbook(f), code="E122", also=("drafter batch",)),
    Case("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", code="E122", suffix=".yaml", also=("tệp PDF",)),
    Case("binary", bytes(range(256)) * 4, code="E122", also=("tệp nhị phân",)),
    Case("too-big", b"a: " + b"x" * (6 << 20) + b"\n", code="E109"),
    # YAML syntax
    Case("unclosed-bracket", edit("  quota: 3350", "  quota: [3350"), code="E103", where=":14:12",
         also=("dấu “]”",)),
    Case("missing-colon", edit("  kind: tỉnh", "  kind tỉnh"), code="E103", where=":3:3", also=("thiếu dấu “:”",)),
    Case("unclosed-quote", edit("  name: Gia Lai", '  name: "Gia Lai'), code="E103", where=":15:1",
         also=("dấu nháy",)),
    Case("bad-indent", edit("  kind: tỉnh", "     kind: tỉnh"), code="E103", where=":3:10"),
    Case("colon-in-text", edit("    position: Phó Chủ tịch", "    position: Phó Chủ tịch: UBND: tỉnh"),
         code="E103", where=":11:27", also=("ngoặc kép",)),
    Case("two-documents", extra("---\nunit: x\n"), code="E103", where=":15:1", also=("“---”",)),
    Case("comment-before-value", b"unit:   # don vi\n x y\n\nperiod: 1\n", code="E103", where=":1:9",
         also=("chú thích",)),  # valid YAML that ruamel.yaml's round-trip mode cannot read; found by fuzzing
    Case("tab", edit("  kind: tỉnh", "\tkind: tỉnh"), code="E103", where=":3:1", also=("tab",)),
    Case("duplicate-key", edit("  delivered: 3350", "  delivered: 3350\n  quota: 3000"), code="E104",
         where=":15:3", also=("“quota”",)),
    Case("root-is-a-list", b"- unit: Gia Lai\n- period: 2026\n", code="E106", where=":1:1"),
    Case("deep-nesting", b"unit: " + b"[" * 5000 + b"]" * 5000 + b"\n", code="E109", where=":1:46"),
    Case("alias-bomb", alias_bomb(), code="E109", where=":5:1"),
    # tags: never constructed
    Case("tag-os-system", build=_canary_tag, code="E108", where=":1:7"),
    Case("tag-python-name", b"unit: !!python/name:os.system\n", code="E108", where=":1:7"),
    Case("tag-python-new", b"unit: !!python/object/new:os.system [ls]\n", code="E108", where=":1:7"),
    Case("tag-ruby", b"unit: !ruby/object:Gem::Installer\n  i: x\n", code="E108", where=":1:7"),
    Case("tag-on-a-key", b"? !!python/object/apply:os.system [ls]\n: 1\n", code="E108", where=":1:3"),
    # keys and structure that are valid YAML but no report (issue 11, item 8)
    Case("complex-key", b"? {a: 1}\n: 2\n" + VALID.encode(), code="E126", where=":1:3", also=("một nhóm",)),
    Case("complex-key-flow", b"{? [a, b]: 2}\n", code="E126", where=":1:4", also=("một danh sách",)),
    Case("recursive-merge", b"unit: &a\n  <<: *a\n", code="E103", also=("tham chiếu",)),
    Case("merge-only-mapping", edit("unit:\n  name: Gia Lai\n  kind: tỉnh\n  population: 3583693\n",
                                    "unit:\n  <<: {name: Gia Lai, kind: tỉnh, population: 3583693, hang: 1}\n"),
         code="E206", where=":2:3", also=("“hang”",)),  # a key that came in through "<<:" has no line of its own
    Case("99000-unknown-keys", _many_keys(), code="E109", where=":5000:10"),
    # values
    Case("wrong-type-text", edit("  quota: 3350", "  quota: nhiều"), code="E202", where=":13:3"),
    Case("wrong-type-section", edit("unit:\n  name: Gia Lai\n  kind: tỉnh\n  population: 3583693\n",
                                    "unit: Gia Lai\n"), code="E208", where=":1:1"),
    Case("wrong-type-list", edit("    position: Phó Chủ tịch", "    position: Phó Chủ tịch\n  recipients: {a: 1}"),
         code="E207", where=":12:3"),
    Case("boolean-yes", edit("  quota: 3350", "  quota: yes"), code="E215", where=":13:3"),
    Case("boolean-no", edit("  quota: 3350", "  quota: no"), code="E215", where=":13:3"),
    Case("boolean-true", edit("  quota: 3350", "  quota: true"), code="E215", where=":13:3"),
    Case("negative", edit("  quota: 3350", "  quota: -5"), code="E201", where=":13:3"),
    Case("huge", edit("  population: 3583693", "  population: 99999999999999999999"), code="E212",
         where=":4:3"),
    Case("endless-digits", edit("  population: 3583693", "  population: 1" + "0" * 5000), code="E219",
         where=":4:15"),
    Case("nan", edit("  quota: 3350", "  quota: .nan"), code="E217", where=":13:3"),
    Case("infinity", extra("defence_land:\n  area_ha: .inf\n"), code="E217", where=":16:3"),
    Case("decimal-comma", extra('defence_land:\n  area_ha: "0,89"\n'), code="E218", where=":16:3",
         also=("0.89",)),
    Case("impossible-date", edit("2026-12-15", "2026-02-31"), code="E205", where=":8:3"),
    Case("date-outside-period", edit("2026-12-15", "2024-12-15"), code="E303", where=":8:3"),
    Case("year-3000", edit("  year: 2026", "  year: 3000"), code="E212", where=":6:3"),
    Case("duty-days-beyond-period", extra("readiness:\n  duty_days: 400\n"), code="E315", where=":16:3",
         also=("365 ngày",)),
    Case("quota-zero", edit("  quota: 3350", "  quota: 0"), code="E301", where=":14:3"),  # item 11
    Case("bidi-override", edit("    name: Phạm Quang Hiếu", '    name: "Phạm \\u202eQuang Hiếu"'), code="E123",
         where=":10:5", also=("U+202E",)),  # item 5: it would print the signer's name reversed
    Case("year-1800", edit("  year: 2026", "  year: 1800"), code="E213", where=":6:3"),
    Case("missing-section", edit("document:\n  date: 2026-12-15\n  signer:\n    name: Phạm Quang Hiếu\n"
                                 "    position: Phó Chủ tịch\n", ""), code="E200", where=":1:1",
         also=("“document”",)),
    Case("unknown-key", edit("  population: 3583693", "  populaton: 3583693"), code="E206", where=":4:3",
         also=("có phải ý bạn là “population”",)),
    Case("megabyte-string", extra("leadership:\n  notes:\n    - " + "chữ " * 250_000 + "\n"), code="E211",
         where=":17:7"),
    Case("control-bell", extra('leadership:\n  notes: ["Gia\\x07Lai"]\n'), code="E216", where=":16:11",
         also=("U+0007",)),
    Case("control-escape", extra('leadership:\n  notes: ["đỏ \\x1b[31m chữ"]\n'), code="E216",
         where=":16:11", also=("U+001B",)),
    Case("control-raw", edit("  name: Gia Lai", "  name: Gia\x0bLai"), code="E216", where=":2:12"),
    # encodings
    Case("tcvn3-in-utf8", extra(f'leadership:\n  notes: ["{TCVN3_TEXT}"]\n'), code="E120", where=":16:11",
         also=("Unikey", "“ChØ” có lẽ là “Chỉ”")),
    Case("vni-in-utf8", extra(f'leadership:\n  notes: ["{VNI_TEXT}"]\n'), code="E121", where=":16:11",
         also=("Unikey", "“Quaân” có lẽ là “Quân”")),
    Case("tcvn3-bytes", tcvn3(VALID).encode("latin-1"), code="E120", where=":3:10", also=("“tØnh” có lẽ là “tỉnh”",)),
    Case("vni-bytes", VALID.replace("tỉnh", "tænh").replace("Phạm Quang Hiếu", "Phaïm Quang Hieáu")
         .replace("Phó Chủ tịch", "Phoù Chuû tòch").encode("cp1252"), code="E121", where=":3:10", also=("VNI",)),
    Case("windows-1258", cp1258(VALID), code="E105", where=":3:11", also=("Windows-1258",)),
    Case("windows-1252", VALID.replace("Phạm Quang Hiếu", "Jérôme Müller").replace("Phó Chủ tịch", "Président")
         .replace("tỉnh", "tinh").encode("cp1252"), code="E105", where=":10:12", also=("Windows-1252",)),
    # writing the output
    Case("output-folder-missing", build=_valid, code="E502", also=("thư mục không tồn tại",),
         args=lambda i, o: ["render", str(i), "-o", str(o / "khong-co" / "bao-cao.docx")]),
    Case("output-under-a-file", build=_valid, code="E502", also=("không phải thư mục",),
         args=lambda i, o: ["render", str(i), "-o", str(o / "ghi-chu.txt" / "bao-cao.docx")], keep=("ghi-chu.txt",)),
    Case("output-exists", build=_valid, code="E501", also=("--force",),
         args=lambda i, o: ["render", str(i), "-o", str(o / "bao-cao.docx")], keep=("bao-cao.docx",)),
    # -o never replaces what is not a regular file, even with --force, and never writes through a link
    Case("output-symlink-force", build=_target_beside, code="E607", args=_output_link,
         at=lambda i, o: str(o / "bao-cao.docx"), also=("liên kết tượng trưng",)),
    Case("output-fifo-force", build=_target_beside, code="E607", args=_output_fifo,
         at=lambda i, o: str(o / "bao-cao.docx"), also=("FIFO",)),
    Case("output-name-too-long", build=_valid, code="E608",
         args=lambda i, o: ["render", str(i), "-o", str(o / ("ư" * 200 + ".docx"))],
         at=lambda i, o: str(o / ("ư" * 200 + ".docx"))),
    Case("rollup-config-escape", build=_rollup_config, code="E216", where=":1:1", also=("U+001B",),
         args=lambda i, o: ["rollup", str(i.parent / "so-lieu.yaml"), "--config", str(i), "-o", str(o / "th.docx")]),
    # wrong usage
    Case("unknown-option", build=_valid, exit=2, args=lambda i, o: ["render", str(i), "--khong-co"]),
    Case("missing-argument", build=_valid, exit=2, args=lambda i, o: ["render"]),
    Case("unknown-command", build=_valid, exit=2, args=lambda i, o: ["ve-ban-do", str(i)]),
    Case("unknown-format", build=_valid, exit=2, args=lambda i, o: ["render", str(i), "-f", "pdfx"]),
    # workbooks (through drafter batch, which reads them)
    Case("xlsx-missing-sheet", build=lambda f: workbook(f, _rename_sheet), code="E111", command="batch",
         also=("“Sheet1”",)),
    Case("xlsx-merged-cells", build=lambda f: workbook(f, _merge), code="E112", where="!Số liệu!A4:B4",
         command="batch"),
    Case("xlsx-uncached-formula", build=lambda f: workbook(f, _formula), code="E113", where="!Số liệu!{quota}4",
         command="batch"),
    Case("xlsx-bad-cell", build=lambda f: workbook(f, _bad_cell), code="E202", where="!Số liệu!{quota}4",
         command="batch"),
    Case("xlsx-not-a-workbook", b"PK\x03\x04 not really a zip", code="E110", suffix=".xlsx", command="batch"),
    # odd workbooks and odd cells (issue 11, item 7)
    Case("xlsx-shared-strings-bomb", build=_shared_strings_bomb, code="E124", command="batch",
         also=("sharedStrings",)),
    Case("xlsx-superscript", build=lambda f: workbook(f, _superscript), code="E202", where="!Số liệu!{quota}4",
         command="batch", also=("3350²",)),
    Case("xlsx-5000-digit-text", build=lambda f: workbook(f, _long_digits), code="E219", where="!Số liệu!{quota}4",
         command="batch"),
    Case("xlsx-5000-digit-number", build=_numeric_digits, code="E219", where="!Số liệu!{quota}4", command="batch"),
    Case("xlsx-is-a-word-file", build=_word_as_xlsx, code="E110", command="batch", also=("văn bản Word",)),
    # files that are not files (issue 11, item 6): refused before anything is read, in a folder too
    Case("batch-fifo-in-folder", build=_folder_with("ong.yaml", os.mkfifo), code="E101", command="batch",
         at=lambda i, o: str(i / "ong.yaml"), also=("không phải tệp thông thường",)),
    Case("batch-sparse-600mb", build=_folder_with("lon.yaml", _sparse), code="E109", command="batch",
         at=lambda i, o: str(i / "lon.yaml")),
    Case("batch-dev-zero-link", build=_folder_with("z.yaml", lambda p: p.symlink_to("/dev/zero")), code="E101",
         command="batch", at=lambda i, o: str(i / "z.yaml"), also=("không phải tệp thông thường",)),
]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return run_all(CASES, tmp_path_factory.mktemp("bad-inputs"))


def _quota_letter() -> str:
    from openpyxl.utils import get_column_letter

    from drafter.inputs.excel import columns

    return next(get_column_letter(i) for i, c in enumerate(columns(), start=1) if c.path == "recruitment.quota")


@pytest.mark.parametrize("case", [c for c in CASES if c.content is not None and c.suffix == ".yaml"],
                         ids=lambda case: case.id)
def test_the_fast_reader_never_takes_a_file_the_located_reader_would_speak_of(case, tmp_path):
    # render and rollup read a clean file with the fast reader; every message comes from the located one
    path = tmp_path / "so-lieu.yaml"
    path.write_bytes(case.content)
    assert_fast_agrees(path)


def test_catalogue_is_large_enough():
    assert len(CASES) >= 40
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case: Case, results):
    if case.skip:
        pytest.skip(case.skip)
    result = results[case.id]
    check_case(case, result, case.where.format(quota=_quota_letter()) if case.where else "")
    if case.id == "tag-os-system":
        assert not (result.input.parent / "canary").exists()
    if case.id.startswith("output-") and case.code == "E607":
        assert Path(result.input.parent / "dich.txt").read_text(encoding="utf-8") == "không được ghi đè\n"


@pytest.fixture(scope="module")
def accepted(tmp_path_factory):
    """Inputs that look odd but are fine: rendered, and the document text returned."""
    base = tmp_path_factory.mktemp("accepted")
    nfd = unicodedata.normalize("NFD", VALID)
    inputs = {
        "nfd": nfd.encode("utf-8"),
        "bom": b"\xef\xbb\xbf" + VALID.encode("utf-8"),
        "utf16-le": b"\xff\xfe" + VALID.encode("utf-16-le"),
        "utf16-be": b"\xfe\xff" + VALID.encode("utf-16-be"),
    }
    inputs["merge-only"] = edit("unit:\n  name: Gia Lai\n  kind: tỉnh\n  population: 3583693\n",
                                "unit:\n  <<: {name: Gia Lai, kind: tỉnh, population: 3583693}\n")
    jobs = []
    for name, data in inputs.items():
        path = base / f"{name}.yaml"
        path.write_bytes(data)
        jobs.append((name, ["render", str(path), "-o", str(base / f"{name}.docx")]))
    book = workbook(base, _empty_row, "dong-trong.xlsx")
    jobs.append(("empty-row", ["batch", str(book), "-o", str(base / "ra"), "--jobs", "1"]))
    with ThreadPoolExecutor(2) as pool:
        runs = dict(zip([n for n, _ in jobs], pool.map(lambda job: run_cli(job[1], base), jobs)))
    return base, runs


@pytest.mark.parametrize("name", ["nfd", "bom", "utf16-le", "utf16-be", "merge-only"])
def test_odd_but_valid_text_is_accepted(name, accepted):
    base, runs = accepted
    exit_code, stdout, stderr, seconds = runs[name]
    assert exit_code == 0, stdout + stderr
    with zipfile.ZipFile(base / f"{name}.docx") as document:
        xml = document.read("word/document.xml").decode("utf-8")
    assert "Phạm Quang Hiếu" in xml  # NFC, whatever the input's form
    assert unicodedata.normalize("NFC", xml) == xml
    assert not list(base.glob(".*.tmp"))


def test_an_empty_row_in_a_workbook_is_skipped(accepted):
    base, runs = accepted
    exit_code, stdout, stderr, seconds = runs["empty-row"]
    assert exit_code == 0, stdout + stderr
    assert [p.name for p in (base / "ra").glob("*.docx")] == ["tinh-gia-lai-2026-bao-cao.docx"]


def test_every_message_code_is_in_the_readme_table():
    """The troubleshooting table lists each code of drafter.errors.MESSAGES on its own row."""
    from drafter.errors import MESSAGES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Xử lý lỗi thường gặp", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| ([EW]\d{3}) \|", section, re.M)
    missing = sorted(set(MESSAGES) - set(listed))
    assert not missing, f"add a row to the README's “Xử lý lỗi thường gặp” table for: {', '.join(missing)}"
    assert sorted(set(listed) - set(MESSAGES)) == [], "the README lists codes that no longer exist"
    assert len(listed) == len(set(listed)), "a code has two rows"


TAGGED = [
    'unit: !!python/object/apply:os.system ["echo pwned"]',
    "unit: !!python/name:os.system",
    "unit: !!python/object/new:subprocess.Popen [[echo, pwned]]",
    "unit: !!python/module:os",
    "unit: !ruby/object:Gem::Installer\n  i: x",
    "unit: !<tag:yaml.org,2002:python/object/apply:os.system> [echo]",
    "%TAG !p! tag:yaml.org,2002:python/\n---\nunit: !p!object/apply:os.system [echo]",
    "? !!python/object/apply:os.system [echo]\n: 1",
    "unit: [1, !!python/object/apply:os.system [echo]]",
    "unit: {a: !!binary aGVsbG8=, b: !!set {x}, c: !!omap [x: 1]}",
    "unit: !!str 5",
    "unit: ! x",
]


@pytest.mark.parametrize("text", TAGGED)
def test_the_reader_never_constructs_anything_from_a_tag(text, tmp_path, monkeypatch):
    """Every explicit tag is refused (E108) before a constructor sees it: nothing runs, nothing is built."""
    import subprocess as child

    from drafter.inputs import load

    def forbidden(*args, **kwargs):
        raise AssertionError("the YAML reader ran a command")

    monkeypatch.setattr(os, "system", forbidden)
    monkeypatch.setattr(child, "Popen", forbidden)
    path = tmp_path / "the.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    loaded = load(path)
    assert [p.code for p in loaded.problems] == ["E108"], [p.render() for p in loaded.problems]
    assert loaded.report is None and loaded.problems[0].line is not None
