"""Property-based fuzzing: whatever the input, drafter either writes a sound document or refuses
with located problems; it never crashes, hangs, or writes XML Word cannot open.

The CI budget is small (``max_examples`` below, about 30 s in all). For a longer run:

    DRAFTER_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py -p no:cacheprovider
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import signal
import types
import typing
import zipfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from drafter import api
from drafter.errors import MESSAGES, DrafterError, Problem
from drafter.inputs import load
from drafter.inputs.model import Report
from drafter.inputs.dates import period_window
from drafter.inputs.validation import validate_data
from drafter.inputs.yaml_reader import Positions, legacy_words

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "gia-lai-2026.yaml"
EXAMPLES = int(os.environ.get("DRAFTER_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
#: Seconds one read may take before it counts as a hang.
READ_LIMIT = 10


class Hang(BaseException):
    """Not an Exception, so that no ``except Exception`` in drafter can swallow it."""


@contextmanager
def time_limit(seconds: float):
    def expire(signum, frame):
        raise Hang(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def assert_clean(problems: list[Problem]) -> None:
    """Problems a user can read: known codes, one rendered line each, with a fix."""
    for problem in problems:
        assert problem.code in MESSAGES, problem
        line = problem.render()
        assert "\n" not in line and " Sửa: " in line, line
        assert not re.search(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]", line), line
        line.encode("utf-8")  # printable: no lone surrogates


# ------------------------------------------------------------------ text and numbers
# Most examples are "clean" (text Word can hold, numbers in range) so that they reach the layout;
# the rest mix in what must be refused: control characters, empty or endless text, negative counts.

WORDS = ["Gia Lai", "dân quân tự vệ", "Bộ CHQS tỉnh", "Quân khu 5", "huấn luyện", "Nguyễn Văn An", "Đắk Lắk",
         "Ủy ban nhân dân", "phòng thủ dân sự", "100%", "2.847", "0,89", "“trích dẫn”"]
ODD = ["<w:t>", "&amp;", "]]>", "<?xml?>", "\"'", "{{ unit.full }}", "{% if %}", "\u202e", "\u200f", "\u200d",
       "\ufeff", "🎖️", "👩🏽‍✈️", "𝕍𝕚ệ𝕥", "\u0301", "Ⅻ", "ﬁ", "\u00a0", "\u2028", "\t", "\n", "\r\n",
       "Việt" * 45]  # a 180-letter word: within a name's limit, wider than any page
BAD = ["\x07", "\x1b[31m", "\x00", "\ufffe", "\ud800", "x" * 2500, " ", ""]
clean_text = st.one_of(
    st.sampled_from(WORDS),
    st.lists(st.sampled_from(WORDS + ODD), min_size=1, max_size=4).map(" ".join).filter(str.strip),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn")), min_size=1, max_size=60)
    .filter(lambda s: s.strip() and not any(legacy_words(s))),  # random Latin-1 letters can read as TCVN3
)
dirty_text = st.one_of(
    clean_text,
    st.lists(st.sampled_from(WORDS + ODD + BAD), min_size=1, max_size=4).map(" ".join),
    st.text(min_size=0, max_size=300),
)


def _plain_types(annotation) -> list:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _plain_types(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _plain_types(arg) if t is not type(None)]
    return [annotation]


def _limits(annotation, info) -> tuple[int, int]:
    """The ``ge``/``le`` bounds of an int field, wherever pydantic keeps them."""
    found = list(info.metadata) if info is not None else []
    stack = [annotation]
    while stack:
        item = stack.pop()
        found += [m for meta in getattr(item, "__metadata__", ()) for m in getattr(meta, "metadata", [meta])]
        stack += typing.get_args(item)
    low = next((m.ge for m in found if getattr(m, "ge", None) is not None), 0)
    high = next((m.le for m in found if getattr(m, "le", None) is not None), 10**8)
    return int(low), int(high)


def value_for(annotation, clean: bool, info=None, name: str = "") -> st.SearchStrategy:
    """A strategy for one field, from its type: the model is the single source of truth."""
    (kind, *_) = _plain_types(annotation) or [str]
    if typing.get_origin(kind) is list:
        return st.lists(value_for(typing.get_args(kind)[0], clean), max_size=4)
    if typing.get_origin(kind) is typing.Literal:
        return st.sampled_from(typing.get_args(kind))
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return section(kind, clean)
    if kind is int:
        low, high = _limits(annotation, info)
        edges = [v for v in (low, 0, 1, 9, 10, 100, 1000, 10**6, 10**8, 10**15, high) if low <= v <= high]
        valid = st.one_of(st.sampled_from(edges), st.integers(low, high))
        return valid if clean else st.one_of(valid, st.integers(low - 10, high + 10**6))
    if kind is float:
        valid = st.one_of(st.floats(0, 10**7, allow_nan=False), st.sampled_from([0.0, 0.89, 1824.5, 1e-9]))
        return valid if clean else st.one_of(valid, st.floats())
    if kind is dt.date:
        return st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))
    if name == "issuer_code" and clean:
        return st.sampled_from(["UBND", "BCH", "BCH-QS", "Đ1"])
    return clean_text if clean else dirty_text


def section(model: type[BaseModel], clean: bool) -> st.SearchStrategy:
    """Required fields always, optional ones in any subset."""
    required, optional = {}, {}
    for name, info in model.model_fields.items():
        (required if info.is_required() else optional)[name] = value_for(info.annotation, clean, info, name)
    return st.fixed_dictionaries(required, optional=optional)


UNITS = [{"name": "Gia Lai", "kind": "tỉnh"}, {"name": "Hà Nội", "kind": "thành phố"},
         {"name": "Quy Nhơn", "kind": "phường", "province": "Gia Lai"}]


@st.composite
def reports(draw) -> dict:
    clean = draw(st.integers(0, 4)) > 0
    data = draw(section(Report, clean))
    year = draw(st.one_of(st.just(2026), st.integers(1990, 2100)))
    span = draw(st.sampled_from(["year", "half-year"]))
    data["period"] = {"year": year, "span": span}
    if clean:  # a real unit, a date in the period, figures that fit together
        unit = draw(st.sampled_from(UNITS))
        data["unit"] = {**data["unit"], "level": None, **unit}
        first, last = period_window(year, span)
        day = first + dt.timedelta(days=draw(st.integers(0, (last - first).days)))
        data["document"]["date"] = day
        if "conference" in data:
            data["conference"]["date"] = day
        _consistent(data)
    return data


def _consistent(data: dict) -> None:
    """Parts no larger than their wholes, shares of the population below the usual maximum."""
    pairs = [("militia", "trained", "strength"), ("militia", "party_members", "strength"),
             ("exercises", "communes_exercised", "communes_total"), ("socio_economic", "targets_met", "targets_total"),
             ("recruitment", "party_members", "delivered"), ("recruitment", "delivered", "quota"),
             ("recruitment", "police_delivered", "police_quota")]
    for name, part, whole in pairs:
        values = data.get(name) or {}
        if values.get(part) is not None and values.get(whole) is not None:
            values[part] = min(values[part], values[whole])
    data["unit"].pop("population", None)
    for award in data.get("awards", []):
        award["collectives"] = max(award.get("collectives", 1), 1)


# ------------------------------------------------------------------ (a), (b), (c)

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def check_docx(data: bytes) -> None:
    """Word will open it: python-docx reads it and every XML part is well formed and legal."""
    import docx
    from lxml import etree

    docx.Document(io.BytesIO(data))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                raw = archive.read(name)
                etree.fromstring(raw)  # raises on anything malformed
                assert not _XML_ILLEGAL.search(raw.decode("utf-8")), name


@FUZZ
@given(reports())
def test_any_report_renders_or_is_refused_cleanly(data):
    report, problems = validate_data(data, Positions("fuzz.yaml"))
    assert_clean(problems)
    if report is None:
        assert any(p.is_error for p in problems)
        return
    for template in ("bao-cao", "tin-bai"):
        for fmt in ("docx", "txt"):
            try:
                first = api.render(report, template, fmt)
            except DrafterError as error:
                assert_clean(error.problems)
                continue
            assert api.render(report, template, fmt) == first, "rendering must be deterministic"
            if fmt == "docx":
                check_docx(first)
            else:
                assert not _XML_ILLEGAL.search(first)


# ------------------------------------------------------------------ (d) raw bytes: YAML


def load_bytes(tmp: Path, data: bytes, name: str = "fuzz.yaml"):
    path = tmp / name
    path.write_bytes(data)
    with time_limit(READ_LIMIT):
        loaded = load(path)
    assert_clean(loaded.problems)
    assert loaded.ok or any(p.is_error for p in loaded.problems)
    return loaded


@lru_cache(maxsize=1)
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


@st.composite
def mutated(draw, original: bytes) -> bytes:
    """The sample with a few byte flips, cuts and insertions."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, max(0, len(data) - 1)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "truncate", "duplicate"]))
        if action == "flip" and data:
            data[where] ^= 1 << draw(st.integers(0, 7))
        elif action == "cut":
            del data[where:where + draw(st.integers(1, 40))]
        elif action == "insert":
            data[where:where] = draw(st.one_of(st.binary(max_size=8), st.sampled_from(
                [b"\t", b":", b"- ", b"&a ", b"*a", b"!!python/name:os.system ", b"\xff", b"\xc3", b"\n  ",
                 b"{", b"[", b'"', b"'", b"\\x07", b"<<: *a\n", b"---\n", b"0x_", b"1e999", b".nan", b"\x00"])))
        elif action == "truncate":
            del data[where:]
        else:
            start = draw(st.integers(0, max(0, len(data) - 1)))
            data[where:where] = data[start:start + draw(st.integers(1, 200))]
    return bytes(data)


@FUZZ
@given(st.binary(max_size=2000))
def test_yaml_reader_survives_any_bytes(tmp_path, data):
    load_bytes(tmp_path, data)


@FUZZ
@given(st.data())
def test_yaml_reader_survives_a_mutated_sample(tmp_path, data):
    load_bytes(tmp_path, data.draw(mutated(sample_bytes())))


@FUZZ
@given(st.text(st.characters(codec="utf-8"), max_size=400))
def test_yaml_reader_survives_any_text(tmp_path, data):
    load_bytes(tmp_path, ("unit:\n  name: " + data + "\n" + data).encode("utf-8", "surrogatepass"))


# ------------------------------------------------------------------ (d) raw bytes: Excel


@lru_cache(maxsize=1)
def workbook_bytes() -> bytes:
    """A valid one-unit workbook, as drafter writes it."""
    import tempfile

    from drafter.api import write_workbook
    from drafter.inputs import load_report

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "so-lieu.xlsx"
        write_workbook(path, [load_report(SAMPLE)])
        return path.read_bytes()


def read_book(tmp: Path, data: bytes):
    from drafter.inputs.excel import read_workbook

    path = tmp / "so-lieu.xlsx"
    path.write_bytes(data)
    with time_limit(READ_LIMIT):
        rows = read_workbook(path)
    assert rows
    for loaded in rows:
        assert_clean(loaded.problems)
        assert loaded.ok or any(p.is_error for p in loaded.problems)
    return rows


@pytest.mark.filterwarnings("ignore::UserWarning")  # openpyxl's notes on odd XML
@FUZZ
@given(st.data())
def test_excel_reader_survives_mutated_bytes(tmp_path, data):
    read_book(tmp_path, data.draw(mutated(workbook_bytes())))


@pytest.mark.filterwarnings("ignore::UserWarning")  # openpyxl's notes on odd XML
@FUZZ
@given(st.data())
def test_excel_reader_survives_mutated_sheet_xml(tmp_path, data):
    """Mutations inside the zip, where openpyxl's parser meets them, not just a broken archive."""
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes()))
    target = data.draw(st.sampled_from([n for n in source.namelist() if n.endswith(".xml")]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in source.namelist():
            content = source.read(name)
            archive.writestr(name, data.draw(mutated(content)) if name == target else content)
    read_book(tmp_path, buffer.getvalue())


cell_values = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(), clean_text,
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2200, 1, 1)), st.dates(dt.date(1900, 3, 1), dt.date(2200, 1, 1)),
    st.sampled_from(["=1+1", "=SUM(A1:A3)", "#N/A", "2.847", "0,89", "13/12/2026", "31/02/2026", "yes", " ", "-5",
                     "1.824,5", "∞", "_x0007_", "Vieät Nam ViÖt Nam"]),
)


@FUZZ
@given(st.lists(st.tuples(st.integers(1, 400), st.integers(4, 7), cell_values), min_size=1, max_size=12))
def test_excel_reader_survives_any_cell_values(tmp_path, cells):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook_bytes()))
    sheet = book["Số liệu"]
    for column, row, value in cells:
        if isinstance(value, float) and value != value:
            value = None  # openpyxl writes NaN as text Excel cannot read; a real workbook has no such cell
        sheet.cell(row, column, value)
    buffer = io.BytesIO()
    book.save(buffer)
    read_book(tmp_path, buffer.getvalue())


# ------------------------------------------------------------------ (e) hostile templates
# Packs and Word forms built from pieces an attacker (or a careless colleague) would use: Python
# internals, operations that grow a value, loops and recursion without end, links to files outside
# the pack. Whatever the mix, drafter either writes a document that shows none of it, or refuses
# with located problems; never a crash, a hang (10 s), or more than 500 MB. Run on the code before
# issue 11, this finds the symbolic links (1), the exhaustion (2) and the leaks (3) within the
# default budget.

SECRET = "BÍ-MẬT-NGOÀI-GÓI"  # in a file outside the pack: must never reach a document
LEAKS = (SECRET, "<class", " at 0x", "<function", "<built-in", "<bound method", "<jinja2", "<Namespace",
         "Lorem ipsum", "lorem ipsum", "<generator", "<module")
BIG = ["900000000", "100000000", "10000000", "99999"]
ATOMS = ["unit.full", "r.recruitment.delivered", "period.year", '"chữ"', "7", "r.awards", "r.document.recipients",
         "cycler", "joiner", "lipsum", "namespace", "range", "dict(a=1)", "dict(a=1).items", "r.model_dump_json",
         "lipsum({n})", '"a".center({n})', '"a" * {n}', "{n} ** 50", "(10 ** 2400) * (10 ** 2400)",
         "'%0{n}d' | format(1)", 'range(100000) | join("x" * 99999)', '"x".expandtabs({n})',
         '"ab".replace("", "{w}")', "r.model_dump_json(indent={n})", "r.__class__", "r | attr('__class__')",
         "r.awards | map(attribute='__class__') | list", "self", "loop"]
FILTERS = ["", " | upper", " | string", " | list", " | join", " | length", " | center({n})", " | so", " | la_ma",
           " | e", " | pprint", " | tojson", " | first", " | indent({n})", ' | replace("", "{w}")', " | wordwrap(1)",
           " | batch({n}) | list", " | sum", ' | join(", ")', " | ds", " | hoa_dau"]
STATEMENTS = [
    "{{{{ {atom}{flt} }}}}",
    "{{{{ {atom} ~ {atom2} }}}}",
    "{{% for x in range({k}) %}}{{% for y in range({k}) %}}{{{{ {atom} }}}}{{% endfor %}}{{% endfor %}}",
    "{{% macro m(n) %}}{{{{ m(n + 1) }}}}{{% endmacro %}}{{{{ m(1) }}}}",
    "{{% macro d(s, n) %}}{{% if n %}}{{{{ d(s ~ s, n - 1) }}}}{{% else %}}{{{{ s | length }}}}{{% endif %}}"
    "{{% endmacro %}}{{{{ d('ab', 60) }}}}",
    '{{% set ns = namespace(s="ab") %}}{{% for i in range(70) %}}{{% set ns.s = ns.s ~ ns.s %}}{{% endfor %}}'
    "{{{{ ns.s | length }}}}",
    '{{% include "body.j2" %}}',
    '{{% include "ghi-chu.j2" %}}',
    '{{% include "con/bi-mat.txt" %}}',
    '{{% import "ghi-chu.j2" as g %}}{{{{ g }}}}',
]


@st.composite
def hostile_templates(draw) -> tuple[list[str], dict[str, str]]:
    """Template lines, and how the pack's other files are made ("link": a symlink out of the pack)."""
    def piece(choices: list[str]) -> str:
        return draw(st.sampled_from(choices)).format(n=draw(st.sampled_from(BIG)),
                                                      w="x" * draw(st.sampled_from([1, 1000, 99999])))

    def statement() -> str:
        return draw(st.sampled_from(STATEMENTS)).format(atom=piece(ATOMS), atom2=piece(ATOMS), flt=piece(FILTERS),
                                                         k=draw(st.sampled_from(["3", "1000", "100000"])))

    lines = [statement() for _ in range(draw(st.integers(1, 3)))]
    files = {"ghi-chu.j2": draw(st.sampled_from(["link", "file", "none"])),
             "con": draw(st.sampled_from(["link", "none"])),
             "body.j2": draw(st.sampled_from(["file", "file", "file", "link"]))}
    return lines, files


@contextmanager
def memory_limit(extra: int):
    """At most ``extra`` more bytes of address space than now (Linux); MemoryError beyond."""
    import resource

    try:
        pages = int(open("/proc/self/statm").read().split()[0])
    except OSError:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (pages * os.sysconf("SC_PAGE_SIZE") + extra, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _make_pack(folder: Path, lines: list[str], files: dict[str, str]) -> Path:
    outside = folder / "ngoai"
    outside.mkdir()
    (outside / "bi-mat.txt").write_text(SECRET + "\n", encoding="utf-8")
    (outside / "body.j2").write_text(SECRET + "\n", encoding="utf-8")
    pack = folder / "mau"
    pack.mkdir()
    (pack / "manifest.yaml").write_text("name: mau\nkind: decree30\n", encoding="utf-8")
    body = "@summary: Báo cáo\n# Kết quả\n" + "\n".join(lines) + "\n"
    if files["body.j2"] == "link":
        (outside / "body.j2").write_text(SECRET + "\n" + body, encoding="utf-8")
        (pack / "body.j2").symlink_to(outside / "body.j2")
    else:
        (pack / "body.j2").write_text(body, encoding="utf-8")
    if files["ghi-chu.j2"] == "link":
        (pack / "ghi-chu.j2").symlink_to(outside / "bi-mat.txt")
    elif files["ghi-chu.j2"] == "file":
        (pack / "ghi-chu.j2").write_text("Ghi chú {{ unit.full }}\n", encoding="utf-8")
    if files["con"] == "link":
        (pack / "con").symlink_to(outside)
    return pack


def _bounded(run):
    """``run()`` within 10 s and 500 MB: its text, or the problems it was refused with."""
    try:
        with time_limit(READ_LIMIT), memory_limit(500 << 20):
            return run(), []
    except DrafterError as error:
        assert_clean(error.problems)
        return None, error.problems


@lru_cache(maxsize=1)
def fuzz_report():
    from drafter.inputs import load_report

    return load_report(SAMPLE)


@FUZZ
@given(hostile_templates())
def test_a_hostile_pack_is_refused_or_harmless(tmp_path_factory, case):
    from drafter.packs.catalog import check

    lines, files = case
    pack = _make_pack(tmp_path_factory.mktemp("mau"), lines, files)
    problems, _ = _bounded(lambda: check(pack))
    assert_clean(problems or [])
    text, refused = _bounded(lambda: api.render(fuzz_report(), template=pack, format="txt"))
    if text is None:
        assert refused and all(p.is_error for p in refused)
        return
    assert not problems, "the check passed a pack that rendered, or refused one that renders"
    for leak in LEAKS:
        assert leak not in text, (leak, lines, files)
    assert len(text) < 3_000_000


@FUZZ
@given(hostile_templates())
def test_a_hostile_word_form_is_refused_or_harmless(tmp_path_factory, case):
    from support.forms import build_form

    from drafter.packs.wordform import check_form

    lines, _ = case
    form = build_form(tmp_path_factory.mktemp("mau") / "mau.docx", body=lines)
    problems, _ = _bounded(lambda: check_form(form))
    assert_clean(problems or [])
    data, refused = _bounded(lambda: api.render(fuzz_report(), template=form))
    if data is None:
        assert refused and all(p.is_error for p in refused)
        return
    check_docx(data)
    text = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    for leak in LEAKS:
        assert leak.replace("<", "&lt;") not in text and leak not in text, (leak, lines)


def test_fuzz_budget_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "DRAFTER_FUZZ_EXAMPLES" in readme


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__, "-q"])
