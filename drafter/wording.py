"""Wording stage: Jinja2 templates turn facts into a :class:`~drafter.document.Draft`.

A template pack is a folder with ``manifest.yaml`` and ``body.j2``. The body
writes plain lines in a small markup, so that templates say *what* a draft
says and never *how* it is laid out::

    @summary: Tổng kết công tác …        front matter: trích yếu, document type
    # Kết quả thực hiện nhiệm vụ           part heading, numbered "Phần I"
    ## …   ### …   #### …                 headings numbered "I.", "1.", "a)"
    !title Hội nghị tổng kết …            news headline
    !byline Tin, ảnh: …                   news byline
    !table units   !image chart           a table or picture the caller prepared,
                                          by name (``tables`` / ``images`` in the context)
    - a line                              a paragraph of its own
    other lines                           joined into one paragraph up to a blank line

Numbers are given after omission, so a section left out for lack of data
never leaves a gap. Values printed with ``{{ … }}`` can never produce markup:
their markup characters are shielded while the structure is parsed.

Every template runs in Jinja2's sandbox.

>>> draft = render_markup("@summary: Tổng kết\\n# Kết quả\\n### Lãnh đạo\\nDòng một\\ndòng hai .\\n")
>>> draft.summary, [b.display for b in draft.blocks[:2]], draft.blocks[2].text
('Tổng kết', ['Phần I. KẾT QUẢ', '1. Lãnh đạo'], 'Dòng một dòng hai.')
"""

from __future__ import annotations

import abc
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from drafter import vnformat
from drafter.document import Block, Byline, Draft, Heading, Image, Masthead, Paragraph, Signature, Table, Title
from drafter.facts import Facts

# ------------------------------------------------------------------ hygiene

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:?!)…])")
_SPACE_AFTER_OPEN = re.compile(r"([(“])\s+")
_MANY_SPACES = re.compile(r"\s+")
_REPEATED_PUNCT = re.compile(r"([,;:])\1+|([,;:])\s*([.;,])")
_STRAIGHT_QUOTES = re.compile(r'"([^"]*)"')
# Speed: most text is tidy already. A whitespace other than a single space, or anything
# one of the patterns below could match (this matches a superset), sends the text
# through the substitutions; otherwise each would leave it as it is.
_ODD_SPACE = re.compile(r"[^\S ]|  ")
_UNTIDY = re.compile(r'"|\s[,.;:?!)…]|[(“]\s|[,;:]\s*[.;,]|([,;:])\1')


def tidy(text: str) -> str:
    """Normalise one paragraph: NFC, single spaces, no space before punctuation, curly quotes.

    >>> tidy('  Năm 2026 ,  tỉnh đạt "Tốt"  ;;  hoàn thành . ')
    'Năm 2026, tỉnh đạt “Tốt”; hoàn thành.'
    """
    text = unicodedata.normalize("NFC", text)
    if _ODD_SPACE.search(text):
        text = _MANY_SPACES.sub(" ", text)
    text = text.strip()
    if not _UNTIDY.search(text):
        return text
    text = _STRAIGHT_QUOTES.sub(r"“\1”", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    text = _REPEATED_PUNCT.sub(lambda m: m.group(1) or m.group(3), text)
    return text


def clause(text: str) -> str:
    """A user's item made ready to sit inside a sentence: no final stop, first letter lowered.

    Acronyms and proper names ("UBND", "Đảng") keep their capital.

    >>> clause("Tăng cường công tác tuyên truyền."), clause("UBND xã chỉ đạo;"), clause("Đảng ủy lãnh đạo")
    ('tăng cường công tác tuyên truyền', 'UBND xã chỉ đạo', 'Đảng ủy lãnh đạo')
    """
    text = tidy(text).rstrip(" .;,:")
    first = text.split(" ", 1)[0]
    keeps_capital = first in _PROPER_WORDS or text.startswith(_TITLES)
    if first and first[0].isupper() and first[1:].islower() and not keeps_capital:
        text = first[0].lower() + text[1:]
    return text


# Capitalised words and titles that keep their capital inside a sentence
# ("… và Chủ tịch UBND các xã"), as the corpus writes them.
_PROPER_WORDS = {"Đảng", "Nhà", "Nhân", "Quân", "Bộ", "Tỉnh", "Chính", "Quốc", "Hội", "Ban", "Ủy", "Thủ"}
_TITLES = ("Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "Chỉ huy trưởng", "Phó Chỉ huy trưởng",
           "Chính ủy", "Chính trị viên", "Trưởng ban", "Phó Trưởng ban", "Thường trực", "Đại tá", "Thượng tá",
           "Trung tá", "Thiếu tá", "Thiếu tướng", "Trung tướng", "Công an", "Bộ đội", "Mặt trận")


def sentence(text: str) -> str:
    """A user's item as a whole sentence: capital first letter, one final stop.

    >>> sentence("tăng cường tuyên truyền;")
    'Tăng cường tuyên truyền.'
    """
    text = tidy(text).rstrip(" .;,:")
    return vnformat.capitalize_first(text) + "." if text else ""


def join_clauses(items, last: str = "") -> str:
    """User items as one run of clauses separated by semicolons.

    >>> join_clauses(["Làm tốt A.", "làm tốt B;"])
    'làm tốt A; làm tốt B'
    """
    return "; ".join(clause(item) for item in items if item and item.strip())


# ---------------------------------------------------------------- variation


def variant_seed(facts: Facts, override: int | None = None) -> str:
    """The seed that picks phrasings: the unit and the period, or a forced variant."""
    if override is not None:
        return f"variant:{override}"
    report = facts.report
    return f"{report.unit.kind}|{report.unit.name}|{report.unit.province}|{report.period.year}|{report.period.span}"


def _index(seed: str, key: str, count: int) -> int:
    digest = hashlib.sha256(f"{seed}#{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % count


@dataclass(frozen=True)
class Chooser:
    """Deterministic choices for one draft: same seed, same words, on every machine.

    >>> pick = Chooser("x")
    >>> pick.choose("lead", "a", "b", "c") == pick.choose("lead", "a", "b", "c")
    True
    >>> sorted(pick.shuffle("order", [1, 2, 3]))
    [1, 2, 3]
    """

    seed: str

    def choose(self, key: str, *options):
        if not options:
            return ""
        return options[_index(self.seed, key, len(options))]

    def shuffle(self, key: str, items) -> list:
        items = list(items)
        return sorted(items, key=lambda item: hashlib.sha256(f"{self.seed}#{key}#{items.index(item)}".encode()).digest())

    def number(self, key: str, count: int) -> int:
        return _index(self.seed, key, count)


# ------------------------------------------------------------------ filters

FILTERS = {
    "so": vnformat.format_integer,
    "thap_phan": vnformat.format_decimal,
    "phan_tram": vnformat.format_percent,
    "tien": vnformat.format_money,
    "tien_chu": vnformat.format_amount_words,
    "chu": vnformat.format_number_words,
    "ngay": vnformat.format_date_nd30,
    "ngay_ngan": vnformat.format_date_short,
    "ngay_so": vnformat.format_date_numeric,
    "ds": vnformat.format_list,
    "la_ma": vnformat.format_roman,
    "so_2": vnformat.format_count_padded,
    "hoa_dau": vnformat.capitalize_first,
    "menh_de": clause,
    "cau": sentence,
    "noi": join_clauses,
}

#: One example per filter, for ``drafter templates vars`` and docs/mau-bao-cao.md:
#: name -> (what it does, a snippet). The output shown to users is computed live
#: from the snippet, so it can never drift from the code; a test keeps this in
#: step with FILTERS. Snippets may use the reference's example report (``r``).
FILTER_EXAMPLES: dict[str, tuple[str, str]] = {
    "so": ("số nguyên, dấu chấm ngăn hàng nghìn", "{{ 2847 | so }}"),
    "thap_phan": ("số thập phân, dấu phẩy thập phân", "{{ 1234.5 | thap_phan }}"),
    "phan_tram": ("tỷ lệ phần trăm", "{{ 12.5 | phan_tram }}"),
    "tien": ("số tiền (đồng) viết gọn", "{{ 4700000000 | tien }}"),
    "tien_chu": ("số tiền bằng chữ", "{{ 4700000000 | tien_chu }}"),
    "chu": ("số bằng chữ", "{{ 105 | chu }}"),
    "ngay": ("ngày đầy đủ theo Nghị định 30", "{{ r.document.date | ngay }}"),
    "ngay_ngan": ("ngày ngắn kiểu báo chí", "{{ r.document.date | ngay_ngan }}"),
    "ngay_so": ("ngày dạng số", "{{ r.document.date | ngay_so }}"),
    "ds": ("nối danh sách bằng dấu phẩy và “và”", '{{ ["Lào", "Campuchia", "Thái Lan"] | ds }}'),
    "la_ma": ("số La Mã", "{{ 12 | la_ma }}"),
    "so_2": ("số có hai chữ số", "{{ 7 | so_2 }}"),
    "hoa_dau": ("viết hoa chữ cái đầu", '{{ "ủy ban nhân dân" | hoa_dau }}'),
    "menh_de": ("một ý của người dùng đặt giữa câu", '{{ "Tăng cường tuyên truyền." | menh_de }}'),
    "cau": ("một ý thành một câu trọn vẹn", '{{ "tăng cường tuyên truyền;" | cau }}'),
    "noi": ("nhiều ý nối bằng dấu chấm phẩy", '{{ ["Làm tốt A.", "làm tốt B;"] | noi }}'),
}

# Markup characters in values are swapped for private-use code points while
# the structure is parsed, so data can never open a heading or a byline.
_SHIELD = {"#": "\ue000", "!": "\ue001", "@": "\ue002", "-": "\ue003"}
_UNSHIELD = {v: k for k, v in _SHIELD.items()}
_SHIELD_TABLE = str.maketrans(_SHIELD)
_UNSHIELD_TABLE = str.maketrans(_UNSHIELD)
_SHIELD_PAIRS, _UNSHIELD_PAIRS = tuple(_SHIELD.items()), tuple(_UNSHIELD.items())


def _shield(text: str) -> str:
    """``text.translate(_SHIELD_TABLE)``; four ``replace`` calls are many times faster on Vietnamese."""
    for char, shielded in _SHIELD_PAIRS:
        if char in text:
            text = text.replace(char, shielded)
    return text


def _unshield(text: str) -> str:
    """``text.translate(_UNSHIELD_TABLE)``, fast."""
    for shielded, char in _UNSHIELD_PAIRS:
        if shielded in text:
            text = text.replace(shielded, char)
    return text


def _finalize(value):
    if value is None:
        # StrictUndefined catches missing names; an explicit None must not print "None".
        return ""
    text = value if isinstance(value, str) else str(value)
    if _ODD_SPACE.search(text):
        text = _MANY_SPACES.sub(" ", text)
    return _shield(text)


class QuietTestUndefined(StrictUndefined):
    """Missing values fail loudly when printed but read as false in ``{% if %}``.

    Templates test for optional data all the time ("if there is a previous
    figure…"); printing a missing value is always a template bug.
    """

    def __bool__(self) -> bool:
        return False

    def __iter__(self):
        return iter(())


class TemplatePackError(Exception):
    """A template pack that cannot be loaded or rendered; ``where`` names the file and line.

    ``unsafe`` is set when the sandbox, not a mistake, stopped the template.
    """

    def __init__(self, where: str, detail: str, unsafe: bool = False):
        self.where, self.detail, self.unsafe = where, detail, unsafe
        super().__init__(f"{where}: {detail}")


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja2's sandbox, plus a cap on ``*`` and ``**``.

    The sandbox stops a template from reaching Python internals but not from
    asking for ``"a" * 10**10``; a user's template must not be able to exhaust
    the memory of the office computer that renders it.
    """

    intercepted_binops = frozenset({"*", "**"})
    MAX_SIZE = 100_000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._verdicts: dict[tuple, bool] = {}

    def is_safe_attribute(self, obj, attr, value):
        # Speed only, the same verdicts: Jinja's checks look at nothing but the object's
        # type (isinstance, ABCs) and the name, so each (type, name) is judged once.
        # ABC registrations change isinstance answers; their cache token is in the key.
        # An object that reports another class than its type is judged every time.
        cls = type(obj)
        if obj.__class__ is not cls:
            return super().is_safe_attribute(obj, attr, value)
        key = (cls, attr, abc.get_cache_token())
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = super().is_safe_attribute(obj, attr, value)
            if len(self._verdicts) >= 4096:
                self._verdicts.clear()
            self._verdicts[key] = verdict
        return verdict

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(left, int) and isinstance(right, int):
            if left.bit_length() * abs(right) > 10_000:  # 10**3000 and beyond: no report needs it
                raise SecurityError("số mũ quá lớn")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > self.MAX_SIZE:
                    raise SecurityError("chuỗi quá dài")
        return super().call_binop(context, operator, left, right)


def make_environment(folders: list[Path]) -> ImmutableSandboxedEnvironment:
    env = Sandbox(
        loader=FileSystemLoader([str(f) for f in folders]),
        undefined=QuietTestUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # output is our line markup, not XML; writers escape for XML
        finalize=_finalize,
    )
    env.filters.update(FILTERS)
    return env


# -------------------------------------------------------------------- packs


@dataclass(frozen=True)
class TemplatePack:
    """A folder of wording: ``manifest.yaml`` plus ``body.j2`` and its partials."""

    folder: Path
    name: str
    title: str
    description: str
    kind: str  # "decree30" or "news"
    periods: tuple[str, ...]
    settings: dict = field(default_factory=dict)


def templates_root() -> Path:
    """Built-in packs: inside the installed package, or ``templates/`` beside it in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "bao-cao" / "manifest.yaml").is_file():
            return candidate
    raise TemplatePackError(str(here / "templates"), "không tìm thấy thư mục mẫu")


def builtin_names() -> list[str]:
    root = templates_root()
    return sorted(p.name for p in root.iterdir() if (p / "manifest.yaml").is_file())


def load_pack(name_or_folder: str | Path) -> TemplatePack:
    """A built-in pack by name ("bao-cao") or a user's pack by folder."""
    folder = Path(name_or_folder)
    if not (folder / "manifest.yaml").is_file():
        folder = templates_root() / str(name_or_folder)
    return _load_pack(folder.resolve())


@lru_cache(maxsize=32)
def _load_pack(folder: Path) -> TemplatePack:
    from ruamel.yaml import YAML

    manifest_path = folder / "manifest.yaml"
    try:
        manifest = YAML(typ="safe").load(manifest_path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise TemplatePackError(str(manifest_path), "không có tệp manifest.yaml") from None
    except Exception as error:  # a user's pack: any parse failure is reported, not raised
        raise TemplatePackError(str(manifest_path), str(error)) from None
    missing = [key for key in ("name", "kind") if key not in manifest]
    if missing:
        raise TemplatePackError(str(manifest_path), "thiếu " + ", ".join(missing))
    return TemplatePack(
        folder=folder,
        name=str(manifest["name"]),
        title=str(manifest.get("title", manifest["name"])),
        description=str(manifest.get("description", "")),
        kind=str(manifest["kind"]),
        periods=tuple(manifest.get("periods", ("year", "half-year"))),
        settings=dict(manifest.get("settings", {}) or {}),
    )


@lru_cache(maxsize=32)
def _environment(folder: Path) -> ImmutableSandboxedEnvironment:
    return make_environment([folder, templates_root() / "_shared"])


def _template(folder: Path):
    # The environment is cached, not the template: Jinja re-reads a file that
    # changed on disk, so an office editing its pack sees the edit at once.
    env = _environment(folder)
    try:
        return env.get_template("body.j2")
    except TemplateError as error:
        line = getattr(error, "lineno", None)
        where = f"{getattr(error, 'filename', None) or folder / 'body.j2'}" + (f":{line}" if line else "")
        raise TemplatePackError(where, getattr(error, "message", None) or str(error)) from None


# ------------------------------------------------------------------- render


@dataclass(frozen=True)
class Wording:
    """What a template said: front matter and body blocks."""

    blocks: tuple[Block, ...]
    summary: str = ""
    doc_type: str = ""
    headline: str = ""


def context(facts: Facts, variant: int | None = None) -> dict:
    """The variables a template sees (documented for users in docs/mau-bao-cao.md)."""
    chooser = Chooser(variant_seed(facts, variant))
    return {
        "r": facts.report,
        "unit": facts.unit,
        "period": facts.period,
        "d": facts.derived,
        "changes": facts.changes,
        "facts": facts,
        "choose": chooser.choose,
        "shuffle": chooser.shuffle,
        "pick": chooser.number,
    }


def render_pack(pack: TemplatePack, facts: Facts, variant: int | None = None) -> Wording:
    """Render a pack's body for these facts."""
    return render_template(pack, context(facts, variant))


def render_template(pack: TemplatePack, values: dict) -> Wording:
    """Render a pack's body with the given variables.

    This is the hook for drafts that are not about one report (the roll-up of many
    units builds its own variables). ``values["tables"]`` and ``values["images"]``,
    when present, map names to the :class:`Table` and :class:`Image` blocks that the
    body places with ``!table NAME`` and ``!image NAME``.
    """
    template = _template(pack.folder)
    try:
        text = template.render(values)
    except TemplateError as error:
        line = getattr(error, "lineno", None)
        where = f"{pack.folder / 'body.j2'}" + (f":{line}" if line else "")
        raise TemplatePackError(where, str(error), unsafe=isinstance(error, SecurityError)) from None
    try:
        return render_markup(text, values.get("tables"), values.get("images"))
    except TemplatePackError as error:
        raise TemplatePackError(f"{pack.folder / 'body.j2'}", error.detail) from None


_HEADING = re.compile(r"^(#{1,4}) (.+)$")
_KINDS = ("part", "roman", "arabic", "letter")


def _label(kind: str, number: int) -> str:
    if kind == "part":
        return f"Phần {vnformat.format_roman(number)}"
    if kind == "roman":
        return f"{vnformat.format_roman(number)}."
    if kind == "arabic":
        return f"{number}."
    return f"{'abcdđeghiklmnopqrstuvxy'[(number - 1) % 23]})"


def render_markup(text: str, tables: dict | None = None, images: dict | None = None) -> Wording:
    """Parse the markup a template wrote into blocks, numbering headings.

    A heading with nothing under it before the next heading of its level or
    above is dropped, so a section without data never prints an empty title.
    ``!table NAME`` and ``!image NAME`` place the blocks ``tables[NAME]`` and
    ``images[NAME]``; a name that is not there is a template error.

    >>> grid = Table(header=("TT", "Đơn vị"), rows=(("1", "Xã A"),))
    >>> wording = render_markup("### Bảng\\n!table units\\n", tables={"units": grid})
    >>> [type(b).__name__ for b in wording.blocks]
    ['Heading', 'Table']
    >>> render_markup("!image chart\\n", images={})
    Traceback (most recent call last):
    ...
    drafter.wording.TemplatePackError: !image chart: không có hình “chart”
    """
    front: dict[str, str] = {}
    items: list[Block | tuple[int, str]] = []  # (depth, title) stands for a heading
    pending: list[str] = []

    def flush():
        if pending:
            paragraph = _clean(" ".join(pending))
            if paragraph:
                items.append(Paragraph(paragraph))
            pending.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("@") and not items and not pending and ":" in line:
            key, value = line[1:].split(":", 1)
            front[key.strip()] = _clean(value)
        elif heading := _HEADING.match(line):
            flush()
            items.append((len(heading.group(1)) - 1, _clean(heading.group(2))))
        elif line.startswith("!title "):
            flush()
            items.append(Title(_clean(line[7:])))
        elif line.startswith("!byline "):
            flush()
            items.append(Byline(_clean(line[8:])))
        elif line.startswith(("!table ", "!image ")):
            flush()
            items.append(_placed(line, tables, images))
        elif line.startswith("- "):
            flush()
            pending.append(line)
            flush()
        else:
            pending.append(line)
    flush()
    blocks = _number_headings(_drop_empty_headings(items))
    headline = next((b.text for b in blocks if isinstance(b, Title)), "")
    return Wording(tuple(blocks), front.get("summary", ""), front.get("doc_type", ""), headline)


def _placed(line: str, tables: dict | None, images: dict | None) -> Block:
    """The block a ``!table NAME`` or ``!image NAME`` line names."""
    kind, name = line[1:6], _unshield(line[7:]).strip()
    found = (tables if kind == "table" else images) or {}
    block = found.get(name)
    wanted = Table if kind == "table" else Image
    if not isinstance(block, wanted):
        word = "bảng" if kind == "table" else "hình"
        raise TemplatePackError(f"!{kind} {name}", f"không có {word} “{name}”")
    return block


def _drop_empty_headings(items: list) -> list:
    kept: list = []
    for item in reversed(items):
        if isinstance(item, tuple):
            depth = item[0]
            following = kept[-1] if kept else None
            # a heading needs content: a block, or a deeper heading that itself survived
            if following is None or (isinstance(following, tuple) and following[0] <= depth):
                continue
        kept.append(item)
    return list(reversed(kept))


def _number_headings(items: list) -> list[Block]:
    counters = [0, 0, 0, 0]
    blocks: list[Block] = []
    for item in items:
        if not isinstance(item, tuple):
            blocks.append(item)
            continue
        depth, title = item
        counters[depth] += 1
        counters[depth + 1 :] = [0] * (3 - depth)
        kind = _KINDS[depth]
        blocks.append(Heading(kind, _label(kind, counters[depth]), title.upper() if depth < 2 else title))
    return blocks


def _clean(text: str) -> str:
    text = tidy(_unshield(text))
    if text and text[0].islower():
        text = vnformat.capitalize_first(text)
    return text


_KIND_WORDS = re.compile(r" (?=(tỉnh|thành phố|xã|phường|đặc khu|huyện|quận|thị xã) [^ ])", re.IGNORECASE)


def masthead_name(name: str, width: int = 24) -> str:
    """An agency name broken as offices break it in the header: the body, then its unit.

    >>> masthead_name("Ủy ban nhân dân tỉnh Gia Lai")
    'Ủy ban nhân dân\\ntỉnh Gia Lai'
    >>> masthead_name("Quân khu 5")
    'Quân khu 5'
    """
    if len(name) <= width or "\n" in name:
        return name
    matches = list(_KIND_WORDS.finditer(name))
    if not matches:
        return name
    cut = matches[-1].start()
    return name[:cut] + "\n" + name[cut + 1 :]


def build_draft(pack: TemplatePack, facts: Facts, variant: int | None = None) -> Draft:
    """The whole draft: the pack's wording plus the masthead the facts dictate."""
    if pack.kind == "rollup":
        # its body speaks of many units, not of one report's facts
        raise TemplatePackError(str(pack.folder / "manifest.yaml"),
                                "mẫu này tổng hợp nhiều đơn vị, dùng lệnh “drafter rollup”")
    wording = render_pack(pack, facts, variant)
    report = facts.report
    title = wording.summary or wording.headline
    if pack.kind != "decree30":
        return Draft(blocks=wording.blocks, title=title, author=facts.issuing_agency)
    masthead = Masthead(
        issuing_agency=masthead_name(facts.issuing_agency),
        parent_agency=masthead_name(facts.parent_agency),
        number=vnformat.format_doc_number(report.document.number, "BC", facts.issuer_code),
        place_date=vnformat.format_place_date(facts.place, report.document.date),
        doc_type=wording.doc_type or "BÁO CÁO",
        summary=wording.summary,
        signature=Signature(lines=facts.signature_lines, signer=facts.signer_display),
        recipients=facts.recipients,
    )
    return Draft(blocks=wording.blocks, masthead=masthead, title=title, author=facts.issuing_agency)
