"""Fact fidelity: every figure in a draft comes from the input, and the input's figures are all there.

A draft may only print a number or a date that can be traced to the input:

- an input value (any ``int``, ``float`` or ``date`` field of the :class:`~drafter.inputs.model.Report`,
  found by walking the model) formatted by :mod:`drafter.vnformat` in one of the forms the
  templates use (:data:`FORMS` below);
- a documented derived value (:attr:`Facts.derived <drafter.facts.Facts.derived>`, and for
  each :attr:`Facts.changes <drafter.facts.Facts.changes>` the difference and the percentage);
- the years of the period: the year, the one before and the one after;
- a number written inside an input string ("Nghị định số 02/2019/NĐ-CP", "Quân khu 5") or a
  string the facts stage builds from the input (the period's names, agencies, recipients);
- a fixed phrase of the domain (:data:`CONSTANT_PHRASES`: "17 tuổi", "đối tượng 2",
  "6 tháng đầu năm").

:func:`check_fidelity` finds every numeric token of a text in its Vietnamese form — grouped
integers "48.215", decimals "1,35", percentages "0,89%", money "4,7 tỷ đồng", fractions
"21/23", dates "13/12", "13/12/2026", "ngày 15 tháng 12 năm 2026", the number of "Số: 05/BC-UBND",
padded counts "05" — and reports those it cannot trace (``unexplained``). Heading labels
("Phần I", "1.", "a)") are not figures and are skipped. Amounts in words ("Bốn tỷ bảy trăm
triệu đồng") must read out an input amount.

It also reports the input's figures that the draft leaves out (``missing``): for the formal
report (``bao-cao``) every numeric field given, except :data:`NOT_REPORTED`; for the news article
(``tin-bai``) the key figures of :data:`KEY_FIGURES`.

>>> from drafter.facts import build_facts
>>> from drafter.inputs.model import Report
>>> report = Report.model_validate({
...     "unit": {"name": "Gia Lai", "kind": "tỉnh", "population": 3583693},
...     "period": {"year": 2026},
...     "document": {"date": "2026-12-05", "signer": {"name": "Trần Văn Bình", "position": "Chủ tịch"}},
...     "recruitment": {"quota": 2850, "delivered": 2850, "registered_age_17": 31890},
...     "funding": {"amount": 4700000000},
... })
>>> facts = build_facts(report)
>>> text = ("Năm 2026, tỉnh giao 2.850 công dân, đạt 100% chỉ tiêu; đăng ký 31.890 công dân nam "
...         "đủ 17 tuổi, đạt 0,89% so với dân số; đầu tư 4,7 tỷ đồng (Bốn tỷ bảy trăm triệu đồng).")
>>> check_fidelity(text, facts, "bao-cao").ok
True
>>> result = check_fidelity(text.replace("0,89%", "0,98%").replace("4,7 tỷ đồng", "4,5 tỷ đồng"),
...                         facts, "bao-cao")
>>> result.unexplained
['0,98%', '4,5 tỷ đồng']
>>> result.missing
['funding.amount: 4,7 tỷ đồng']
>>> print(check_fidelity("Ngày 6/12, tỉnh giao 2.850 công dân.", facts, "tin-bai"))
không đạt: 1 số không rõ nguồn, 2 số liệu bị thiếu
  số không rõ nguồn: 6/12
  thiếu: recruitment_rate: 100%
  thiếu: recruitment.registered_age_17: 31.890

Run as a tool: ``python -m drafter.checks.fidelity samples/gia-lai-2026.yaml --template bao-cao``.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel

from drafter import vnformat
from drafter.facts import Facts

__all__ = [
    "CONSTANT_PHRASES",
    "FORMS",
    "FidelityResult",
    "KEY_FIGURES",
    "NOT_REPORTED",
    "Token",
    "check_fidelity",
    "docx_text",
    "draft_plain_text",
    "numeric_tokens",
    "output_text",
]

# ------------------------------------------------------------------ tokens

#: A number as Vietnamese prints it: "48.215", "1.824,5", "1,35", "2026", "05".
_NUM = r"(?:\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d+(?:,\d+)?)"
#: "đồng" that starts another word ("48.215 đồng chí") is not money.
_DONG_COMPOUNDS = ("chí", "đội", "bào", "hương", "nghiệp", "thời", "ý", "bộ", "loạt", "tâm", "hành",
                   "minh", "cảm", "lòng", "nhất", "đều", "dạng", "thuận", "phục", "tình", "hồ", "bằng")
_LETTER_AFTER = r"(?![^\W\d_])"

#: Fixed phrases of the domain whose numbers are no figure of the input, with the reason.
CONSTANT_PHRASES: dict[str, str] = {
    r"(?:đủ\s+)?\b17\s+tuổi|\btuổi\s+17\b": "registration for military service is at 17 (Law on Military Service)",
    r"\bđối\s+tượng\s+[1-4](?![\d]|[.,]\d)(?:(?:,\s*|\s+và\s+)[1-4](?![\d]|[.,]\d))*": (
        "the four groups of defence and security education are named 1 to 4"),
    r"\b6\s+tháng\s+(?:đầu|cuối)\s+năm": "the half-year period is named “6 tháng đầu/cuối năm”",
}

_TOKEN = re.compile(
    "|".join([
        r"(?P<nd30>ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}(?!\d))",
        "(?P<phrase>" + "|".join(f"(?:{p})" for p in CONSTANT_PHRASES) + ")",
        rf"(?P<money>{_NUM}\s+(?:(?:nghìn\s+tỷ|tỷ|triệu|nghìn)\s+)?đồng{_LETTER_AFTER}"
        rf"(?!\s+(?:{'|'.join(_DONG_COMPOUNDS)}){_LETTER_AFTER}))",
        rf"(?P<percent>{_NUM}\s?%)",
        rf"(?P<slash>{_NUM}(?:/{_NUM})+)",
        rf"(?P<number>{_NUM})",
    ]),
    re.IGNORECASE,  # headings set in capitals: "NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026"
)

_NUMBER_WORD = (r"(?:không|một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn"
                r"|triệu|tỷ|linh|lẻ|phẩy)")
_AMOUNT_WORDS = re.compile(rf"(?i:\b{_NUMBER_WORD}(?:\s+{_NUMBER_WORD})*\s+đồng\b)")
_SCALE_WORD = re.compile(r"(?i:\b(?:trăm|nghìn|ngàn|triệu|tỷ)\b)")

#: Heading labels at the start of a line (after Markdown markers): not figures.
_LABEL = re.compile(
    r"^(?P<lead>[ \t]*(?:(?:#{1,6}|>|[-*+•–])[ \t]*)*(?:\*\*|__|\*|_)?)"
    r"(?P<label>(?i:phần)[ \t]+[IVXLCDM]+\b\.?|[IVXLCDM]+\.(?=[ \t])|\d{1,2}\.(?=[ \t]+\*{0,2}[^\W\d_])"
    r"|[a-zđ]\)(?=[ \t]))",
    re.MULTILINE,
)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>%])")


@dataclass(frozen=True)
class Token:
    """One numeric token: its kind, its canonical text and where it stands in the text."""

    kind: str  # nd30, phrase, money, percent, slash, number, words
    text: str
    start: int = 0

    @property
    def parts(self) -> tuple[str, ...]:
        """The numbers of a slash token ("21/23" → ("21", "23")); the text itself otherwise."""
        return tuple(self.text.split("/")) if self.kind == "slash" else (self.text,)


def _canonical(kind: str, raw: str) -> str:
    return re.sub(r"\s+", " ", raw.strip()).lower()


def _prepare(text: str) -> str:
    """NFC, Markdown escapes undone, heading labels blanked (same length, so offsets hold)."""
    text = unicodedata.normalize("NFC", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    return _LABEL.sub(lambda m: m.group("lead") + " " * len(m.group("label")), text)


def numeric_tokens(text: str, labels: bool = False) -> list[Token]:
    """Every number, date and amount of ``text`` in its Vietnamese form.

    Heading labels at the start of a line are skipped unless ``labels``.

    >>> [(t.kind, t.text) for t in numeric_tokens(
    ...     "Sáng 13/12, 48.215 đồng chí; 0,89%; 4,7 tỷ đồng; 21/23 chỉ tiêu; Số: 05/BC-UBND")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('slash', '13/12'), ('number', '48.215'), ('percent', '0,89%'), ('money', '4,7 tỷ đồng'),
     ('slash', '21/23'), ('number', '05')]
    >>> [(t.kind, t.text) for t in numeric_tokens("Gia Lai, ngày 05 tháng 12 năm 2026\\n1. Công tác 17 tuổi")]
    [('nd30', 'ngày 05 tháng 12 năm 2026'), ('phrase', '17 tuổi')]
    """
    prepared = unicodedata.normalize("NFC", text) if labels else _prepare(text)
    matches = list(_TOKEN.finditer(prepared))
    tokens = [Token(m.lastgroup, _canonical(m.lastgroup, m.group()), m.start()) for m in matches]
    taken = [(m.start(), m.end()) for m in matches]
    for m in _AMOUNT_WORDS.finditer(prepared):
        # "4,7 tỷ đồng" holds "tỷ đồng": words inside a numeric token are part of it
        inside = any(start <= m.start() < end for start, end in taken)
        if _SCALE_WORD.search(m.group()) and not inside:
            tokens.append(Token("words", _canonical("words", m.group()), m.start()))
    return sorted(tokens, key=lambda t: t.start)


# ------------------------------------------------------------------- forms

#: The forms of a value that a template may print, by kind of value.
FORMS = {
    "count": "format_integer, format_decimal, format_count_padded below 10 (05)",
    "money": "format_money, format_integer + “ đồng”, format_amount_words (linh and lẻ)",
    "area": "format_decimal (at most 2 decimals, or exactly 2)",
    "rate": "format_percent and format_decimal (at most 2 decimals, or exactly 2), as facts rounds them",
    "date": "format_date_nd30, format_date_short (13/12), format_date_numeric (13/12/2026)",
    "year": "the year as written: 2026",
}


def _is_money(path: tuple) -> bool:
    """Money fields are named ``amount`` or ``…_amount`` (:data:`drafter.inputs.model.Money`)."""
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    return name == "amount" or name.endswith("_amount")


def _count_forms(n: int) -> set[str]:
    forms = {vnformat.format_integer(n), vnformat.format_decimal(n)}
    if 0 <= n < 10:
        forms.add(vnformat.format_count_padded(n))  # "05 tập thể"
    return forms


def _money_forms(n: int) -> set[str]:
    return {vnformat.format_money(n), f"{vnformat.format_integer(n)} đồng"}


def _money_words(n: int) -> set[str]:
    words = {vnformat.format_amount_words(n)}
    words |= {vnformat.format_number_words(n, linh=linh) + " đồng" for linh in ("linh", "lẻ")}
    return {w.lower() for w in words}


def _area_forms(x: float | Decimal) -> set[str]:
    return {vnformat.format_decimal(x), vnformat.format_decimal(x, 2)}


def _rate_forms(x: Decimal) -> set[str]:
    # Rates are derived to two decimals, the precision drafts print (drafter.facts): no other rounding.
    return {vnformat.format_percent(x), vnformat.format_percent(x, 2),
            vnformat.format_decimal(x), vnformat.format_decimal(x, 2)}


def _date_forms(d: dt.date) -> set[str]:
    return {vnformat.format_date_nd30(d), vnformat.format_date_short(d), vnformat.format_date_numeric(d)}


#: Fields printed as they are written, never grouped: years and document numbers.
_AS_WRITTEN = {("period", "year"), ("document", "number")}


def _value_forms(path: tuple, value) -> set[str]:
    if isinstance(value, bool) or value is None:
        return set()
    if tuple(path) in _AS_WRITTEN and isinstance(value, int):
        return {str(value), vnformat.format_count_padded(value)}
    if isinstance(value, dt.date):
        return _date_forms(value)
    if isinstance(value, int):
        forms = _count_forms(value)
        return forms | _money_forms(value) if _is_money(path) and value >= 0 else forms
    if isinstance(value, float | Decimal):
        if _is_percent(path):
            return _rate_forms(Decimal(str(value)))
        return _area_forms(value)
    return set()


def _is_percent(path: tuple) -> bool:
    """Rates and shares a user types without counts (``recruitment.rate``, ``militia.share``)."""
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    return name == "rate" or name == "share" or name.endswith("_share")


def _walk(obj, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """(path, value) of every leaf of a model, lists included."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _walk(getattr(obj, name), path + (name,))
    elif isinstance(obj, list | tuple):
        for index, item in enumerate(obj):
            yield from _walk(item, path + (index,))
    elif obj is not None:
        yield path, obj


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _generic(path: tuple) -> str:
    return ".".join(p for p in path if isinstance(p, str))


def _facts_strings(facts: Facts) -> Iterator[str]:
    """Strings the facts stage builds from the input (they may carry its numbers)."""
    for group in (facts.unit, facts.period):
        for value in vars(group).values():
            if isinstance(value, str):
                yield value
    yield from (facts.issuing_agency, facts.parent_agency, facts.issuer_code, facts.signer_display, facts.place)
    yield from facts.signature_lines
    yield from facts.recipients


@dataclass
class _Sources:
    """Every token a draft may print, and the words of every amount it may read out."""

    tokens: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    #: Input and facts strings that hold a number, printed as they are.
    literals: set[str] = field(default_factory=set)

    def add(self, *strings: str) -> None:
        for string in strings:
            for token in numeric_tokens(string, labels=True):
                self.tokens.add(token.text)

    def add_literal(self, *strings: str) -> None:
        self.add(*strings)
        for string in strings:
            if any(c.isdigit() for c in string):
                self.literals.add(re.sub(r"\s+", " ", string).strip().rstrip(".;,:").lower())


def _sources(facts: Facts) -> _Sources:
    report = facts.report
    src = _Sources()
    for path, value in _walk(report):
        if isinstance(value, str):
            src.add_literal(value)
        else:
            src.add(*_value_forms(path, value))
            if _is_money(path) and isinstance(value, int) and not isinstance(value, bool):
                src.words |= _money_words(value)
    for name, value in facts.derived.items():
        src.add(*(_rate_forms(value) if isinstance(value, Decimal) else _count_forms(value)))
    for name, change in facts.changes.items():
        money = name.endswith("_amount")
        for diff in {abs(change.difference), change.difference}:
            src.add(*_count_forms(diff))
            if money and diff >= 0:
                src.add(*_money_forms(diff))
                src.words |= _money_words(diff)
        if change.percent is not None:
            src.add(*_rate_forms(change.percent))
    year = report.period.year
    src.add(*(str(y) for y in (year - 1, year, year + 1)))
    doc = report.document
    src.add(vnformat.format_doc_number(doc.number, "BC", facts.issuer_code or "UBND"))
    src.add(vnformat.format_place_date(facts.place or "x", doc.date))
    src.add_literal(*_facts_strings(facts))
    return src


# ------------------------------------------------------- reported figures

#: Numeric input fields that the formal report need not print, with the reason.
NOT_REPORTED: dict[str, str] = {
    "unit.population": "only the denominator of the shares of the population",
    "period.year": "the period, not a figure of it",
    "document.number": "the masthead's number, not a figure of the period",
    "previous": "figures of the previous period serve only to state the change",
}
#: Denominators that are reported through the rate they give, when that rate exists.
REPORTED_AS_RATE: dict[str, str] = {
    "recruitment.quota": "recruitment_rate",
    "recruitment.police_quota": "police_rate",
}
#: Totals printed as the second half of a fraction, only beside their part.
REPORTED_WITH: dict[str, str] = {
    "socio_economic.targets_total": "socio_economic.targets_met",
    "exercises.communes_total": "exercises.communes_exercised",
}

#: The news article's key figures (DOMAIN.md 2.2, item 4 and 6): each is satisfied by any one
#: alternative, an alternative by all its figures. Figures are input paths or derived names.
KEY_FIGURES: dict[str, tuple[tuple[str, ...], ...]] = {
    "recruitment delivered": (("recruitment.delivered",),),
    "recruitment rate": (("recruitment_rate",),),
    "registered at 17": (("recruitment.registered_age_17",),),
    "militia share": (("militia_share",),),
    "remains": (("remains_total",), ("remains.abroad", "remains.domestic")),
    "awards": (("awards.collectives", "awards.individuals"), ("award_collectives", "award_individuals")),
}


@dataclass(frozen=True)
class _Figure:
    label: str  # "militia.strength: 48.215"
    forms: frozenset[str]


def _input_figures(report) -> dict[str, list[_Figure]]:
    """Numeric input figures by generic path ("awards.collectives"), zeros left out."""
    found: dict[str, list[_Figure]] = {}
    for path, value in _walk(report):
        if isinstance(value, bool) or not isinstance(value, int | float) or not value:
            continue
        forms = frozenset(_value_forms(path, value))
        shown = vnformat.format_money(value) if _is_money(path) else (
            vnformat.format_integer(value) if isinstance(value, int) else vnformat.format_decimal(value))
        found.setdefault(_generic(path), []).append(_Figure(f"{_dotted(path)}: {shown}", forms))
    return found


def _derived_figure(facts: Facts, name: str) -> list[_Figure]:
    value = facts.derived.get(name)
    if value is None:
        return []
    if isinstance(value, Decimal):
        return [_Figure(f"{name}: {vnformat.format_percent(value)}", frozenset(_rate_forms(value)))]
    return [_Figure(f"{name}: {vnformat.format_integer(value)}", frozenset(_count_forms(value)))]


def _required_report(facts: Facts) -> list[_Figure]:
    figures = _input_figures(facts.report)
    required: list[_Figure] = []
    for generic, items in figures.items():
        if any(generic == skip or generic.startswith(skip + ".") for skip in NOT_REPORTED):
            continue
        if generic in REPORTED_AS_RATE:
            required += _derived_figure(facts, REPORTED_AS_RATE[generic])
            continue
        if generic in REPORTED_WITH and REPORTED_WITH[generic] not in figures:
            continue
        required += items
    return required


def _required_news(facts: Facts, present: Counter) -> list[_Figure]:
    figures = _input_figures(facts.report)
    choices: list[list[list[_Figure]]] = []
    for alternatives in KEY_FIGURES.values():
        options = []
        for alternative in alternatives:
            option = []
            for name in alternative:
                option += figures.get(name, []) if "." in name else _derived_figure(facts, name)
            if option:
                options.append(option)
        if options:
            choices.append(options)
    # The alternatives that leave the fewest figures unmatched; on a tie, the first ones.
    best: list[_Figure] = []
    fewest = None
    for combination in itertools.product(*choices):
        required = [fig for option in combination for fig in option]
        left = len(_unmatched(required, present))
        if fewest is None or left < fewest:
            best, fewest = required, left
    return best


def _literal_spans(text: str, literals: Iterable[str]) -> list[tuple[int, int]]:
    """Where the text prints an input string as it is: its numbers are no figures of their own."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return []
    spans = []
    for literal in literals:
        pattern = r"\s+".join(re.escape(word) for word in literal.split())
        spans += [m.span() for m in re.finditer(pattern, lowered)] if pattern else []
    return spans


def _unmatched(required: list[_Figure], present: Counter) -> list[_Figure]:
    """Figures left without a token of their own (each printed token serves one figure)."""
    slots = [text for text, count in present.items() for _ in range(count)]
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j, slot in enumerate(slots):
            if slot in required[i].forms and j not in seen:
                seen.add(j)
                if j not in owner or assign(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    matched = {i for i in range(len(required)) if assign(i, set())}
    return [fig for i, fig in enumerate(required) if i not in matched]


# ------------------------------------------------------------------ check


@dataclass
class FidelityResult:
    """What :func:`check_fidelity` found: untraceable figures and unreported ones."""

    unexplained: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.unexplained and not self.missing

    def __str__(self) -> str:
        if self.ok:
            return "đạt: mọi số liệu đều có nguồn và đủ"
        lines = [f"không đạt: {len(self.unexplained)} số không rõ nguồn, {len(self.missing)} số liệu bị thiếu"]
        lines += [f"  số không rõ nguồn: {u}" for u in self.unexplained]
        lines += [f"  thiếu: {m}" for m in self.missing]
        return "\n".join(lines)


def _rule(template: str | Path) -> str:
    name = Path(str(template)).name
    if name in ("bao-cao", "tin-bai"):
        return {"bao-cao": "decree30", "tin-bai": "news"}[name]
    try:
        from drafter.packs.manifest import load_pack

        return load_pack(template).kind
    except Exception:  # an unknown pack: only traceability is checked
        return ""


def check_fidelity(text: str, facts: Facts, template: str | Path = "bao-cao") -> FidelityResult:
    """Check a draft's text against the facts it was written from.

    ``template`` decides which input figures must appear: a pack name ("bao-cao", "tin-bai")
    or folder; a pack of kind ``decree30`` reports every figure, ``news`` the key figures.
    """
    src = _sources(facts)
    prepared = _prepare(text)
    quoted = _literal_spans(prepared, src.literals)
    unexplained: list[str] = []
    present: Counter = Counter()  # printed figures, each usable once by a required figure
    for token in numeric_tokens(prepared, labels=True):
        if token.kind == "words":
            words = token.text.lower().split()
            # "đầu tư hai trăm triệu đồng": the amount may start anywhere in the run
            if not any(" ".join(words[i:]) in src.words for i in range(len(words))):
                unexplained.append(token.text)
            continue
        literal = any(a <= token.start < b for a, b in quoted)
        if token.kind == "phrase" or token.text in src.tokens:
            if not literal:
                present[token.text] += 1
            continue
        if token.kind == "slash" and len(token.parts) == 2 and all(p in src.tokens for p in token.parts):
            present[token.text] += 1
            present.update(token.parts)  # a fraction of two figures: "21/23"
            continue
        unexplained.append(token.text)
    rule = _rule(template)
    if rule == "decree30":
        required = _required_report(facts)
    elif rule == "news":
        required = _required_news(facts, present)
    else:
        required = []
    missing = []
    for fig in _unmatched(required, present):
        twins = [other.label.split(":")[0] for other in required if other is not fig and other.forms & fig.forms]
        missing.append(fig.label + (f" (hoặc {', '.join(twins)}, cùng giá trị)" if twins else ""))
    return FidelityResult(unexplained, missing)


# ------------------------------------------------------ the text to check


def draft_plain_text(draft) -> str:
    """A :class:`~drafter.document.Draft` as plain lines: masthead, blocks, closing block.

    The stand-in for the text layout writer; every string of the draft is in it.
    """
    from drafter.document import Heading, Image, Table

    lines: list[str] = []
    m = draft.masthead
    if m is not None:
        lines += [m.parent_agency, m.issuing_agency, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc", m.number, m.place_date, "", m.doc_type, m.summary, ""]
    for block in draft.blocks:
        if isinstance(block, Heading):
            lines.append(block.display)
        elif isinstance(block, Table):
            lines += [" | ".join(row) for row in (block.header, *block.rows)]
        elif isinstance(block, Image):
            lines.append(block.caption)
        else:
            lines.append(block.text)
    if m is not None:
        lines += ["", "Nơi nhận:"]
        lines += [f"- {r};" for r in m.recipients[:-1]] + [f"- {r}." for r in m.recipients[-1:]]
        lines += ["", *m.signature.lines, "", m.signature.signer]
    return "\n".join(line for line in lines if line is not None).strip() + "\n"


def docx_text(data: bytes) -> str:
    """The text of a .docx as a reader sees it: body paragraphs and table cells, in order."""
    from docx import Document
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    document = Document(io.BytesIO(data))
    lines: list[str] = []

    def walk(parent, container) -> None:
        for child in container.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(DocxParagraph(child, parent).text)
            elif tag == "tbl":
                seen = set()
                for row in DocxTable(child, parent).rows:
                    for cell in row.cells:
                        if cell._tc in seen:  # a merged cell shows once
                            continue
                        seen.add(cell._tc)
                        walk(cell, cell._tc)

    walk(document, document.element.body)
    return "\n".join(lines)


def output_text(source, template: str | Path = "bao-cao", format: str = "txt", variant: int | None = None) -> str:
    """The draft's text in a format: ``api.render`` for txt and md, the .docx read back for docx."""
    from drafter import api

    if format == "docx":
        return docx_text(api.render(source, template, "docx", variant))
    return api.render(source, template, format, variant)


# -------------------------------------------------------------------- CLI


def main(argv: list[str] | None = None) -> int:
    """``python -m drafter.checks.fidelity INPUT.yaml [--template bao-cao] [--format txt] [--variant N]``."""
    import argparse

    from drafter.errors import DrafterError
    from drafter.facts import build_facts
    from drafter.inputs import load_report

    parser = argparse.ArgumentParser(prog="python -m drafter.checks.fidelity", description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+", help="tệp số liệu YAML")
    parser.add_argument("--template", "-t", default="bao-cao")
    parser.add_argument("--format", "-f", default="txt", choices=("txt", "md"))
    parser.add_argument("--variant", type=int, default=None)
    args = parser.parse_args(argv)
    failed = 0
    for path in args.inputs:
        try:
            report = load_report(path)
            text = output_text(report, args.template, args.format, args.variant)
        except DrafterError as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 2
        result = check_fidelity(text, build_facts(report), args.template)
        print(f"{path} [{args.template}, {args.format}]: {result}")
        failed += not result.ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
