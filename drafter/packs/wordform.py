"""Word forms: an office's own .docx with Jinja tags, filled in by docxtpl.

The form is not rebuilt: docxtpl fills the tags in place, so every style,
margin and logo of the office's file stays as it was. Tags see the same
variables and Vietnamese filters as a template pack, in the same sandbox and
with the same limits (:mod:`drafter.packs.limits`), with autoescaping on
because the text lands in XML::

    Đơn vị: {{ unit.full }}; giao quân {{ r.recruitment.delivered | so }} công dân.
    {%tr for a in r.awards %} … {%tr endfor %}      (one table row per award)

Before anything renders, :func:`check_form` reads every paragraph, table
cell, header, footer and field code (:mod:`drafter.packs.formparts`) and
reports every problem with its place ("bảng 1, hàng 2, ô 3") and the text
around it. The form's size is bounded before it is unpacked, so the check
costs bounded time and memory too.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import zipfile
from pathlib import Path

from jinja2 import Undefined
from markupsafe import Markup

from drafter.errors import DrafterError, Problem
from drafter.facts import Facts
from drafter.packs import limits
from drafter.packs.check import FORM_FORBIDDEN_FILTERS, check_source
from drafter.packs.failures import from_template
from drafter.packs.formparts import (
    MAX_FORM_TAGS,
    PROPERTIES,
    open_form,
    parts,
    read_form,
)
from drafter.packs.jinja import context
from drafter.packs.sandbox import QuietTestUndefined, Sandbox
from drafter.packs.syntax import tag_spans

# Characters XML 1.0 cannot carry; a value holding one would make Word call the file corrupt.
# The refused characters rather than the allowed ranges: the same set, ten times faster to compile.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _finalize(value):
    if isinstance(value, Markup):  # a macro's, a {% set %} block's output: escaped once already
        return Markup(_XML_ILLEGAL.sub("", value))
    if type(value) is not str:
        if value is None:
            return ""  # an explicit None must not print "None"
        if isinstance(value, Undefined):
            return value  # printing it raises, as it should
        value = limits.printable(value)
    return _XML_ILLEGAL.sub("", value)


# Inside a tag, docxtpl turns "&lt;", "&gt;" and curly quotes back into what the user typed, but
# not "&amp;" or "&quot;": a string literal "Sở A & B" would print as "Sở A &amp; B".
_TAG_TEXT = re.compile(r"(?<=\{[\{%])(.*?)(?=[\}%]\})")


def _unescape_tag(match: re.Match) -> str:
    return match.group(0).replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


class FormSandbox(Sandbox):
    """The sandbox of a Word form; it keeps the XML it was last given, to place an error."""

    source = ""

    def from_string(self, source, *args, **kwargs):
        if isinstance(source, str) and "&" in source:
            source = _TAG_TEXT.sub(_unescape_tag, source)
        self.source = source if isinstance(source, str) else ""
        template = super().from_string(source, *args, **kwargs)
        template.source_length = len(self.source)  # the form's own XML is output too
        return template


def form_environment(autoescape: bool = True) -> FormSandbox:
    """The sandbox a Word form runs in: our filters, minus those that print raw markup.

    Its output may be as long as the form's own XML plus what a pack may write.
    """
    env = FormSandbox(undefined=QuietTestUndefined, autoescape=autoescape, finalize=_finalize)
    for name in FORM_FORBIDDEN_FILTERS:
        env.filters.pop(name, None)
    return env


# ------------------------------------------------------------------ checking

_OPENER = re.compile(r"\{[{%#]")
# Word turns straight quotes into curly ones as the user types; docxtpl straightens them inside tags.
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_PREFIX = re.compile(r"^\{([{%#])(tr|tc|p|r) ")
_CELL = re.compile(r"^\{%-?\s*(colspan|cellbg)\s+(.*?)\s*-?%\}$")


def _excerpt(text: str, tag: str, width: int = 70) -> str:
    if len(text) <= width:
        return text
    start = max(0, min(text.find(tag), len(text) - width))
    return ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")


def _normalise(tag: str) -> tuple[str | None, str | None]:
    """The tag as Jinja will see it after docxtpl's own rewriting, or a reason to refuse it."""
    tag = tag.translate(_QUOTES)
    prefix = _PREFIX.match(tag)
    if prefix:
        if prefix.group(1) == "{":
            # {{r x}} and {{p x}} paste a value in as raw XML (docxtpl RichText / Subdoc)
            return None, "{{" + prefix.group(2)
        tag = "{" + prefix.group(1) + " " + tag[prefix.end():]
    if re.fullmatch(r"\{%-?\s*[vh]m\s*-?%\}", tag):
        return None, None  # docxtpl's merge markers: no Jinja left
    cell = _CELL.match(tag)
    if cell:
        return "{{ " + cell.group(2) + " }}", None
    return tag, None


_CHECKED: dict[tuple, list[Problem]] = {}


def check_form(path: str | Path, trial: bool = True) -> list[Problem]:
    """Every problem of a Word form, each placed by paragraph, table cell, header or footer.

    With ``trial``, a form without problems is then filled once with the guide's example data
    (:func:`_trial`); ``drafter render`` leaves that out, since it fills the form at once anyway.
    The answers are kept while the file is unchanged: a batch checks its form once.
    """
    path = Path(path)
    try:
        info = os.stat(path)
        key = (os.path.realpath(path), info.st_ino, info.st_mtime_ns, info.st_size)
    except OSError:
        key = None
    if key is None:
        problems = _check_form(path)
        return problems or (_trial(path) if trial else [])
    if key not in _CHECKED:
        if len(_CHECKED) > 64:  # only to make room: clearing on a hit would check the form again
            _CHECKED.clear()
        _CHECKED[key] = _check_form(path)
    if trial and not _CHECKED[key] and (key, "trial") not in _CHECKED:
        _CHECKED[key, "trial"] = _trial(path)
    return list(_CHECKED[key] or (_CHECKED.get((key, "trial"), []) if trial else []))


def _check_form(path: Path) -> list[Problem]:
    try:
        document = open_form(path)
    except DrafterError as error:
        return error.problems
    env, problems = form_environment(), []
    found_parts = parts(document)
    tags = sum(1 for _, spots in found_parts for spot in spots for _ in tag_spans(spot.text))
    if tags > MAX_FORM_TAGS:  # each tag is compiled code: refused before any is compiled
        return [Problem("E546", str(path), found=path.name, expected=f"{MAX_FORM_TAGS:,} thẻ".replace(",", "."),
                        extra={"detail": f"{tags:,} thẻ".replace(",", ".")})]
    for _, spots in found_parts:
        found, lines, places, order = [], [], [], {}
        for index, spot in enumerate(spots):
            if spot.hidden:
                place = f"{spot.where}: “{_excerpt(spot.text, '{')}”"
                order.setdefault(place, index)
                found.append(Problem("E523", str(path), path=place, found=_excerpt(spot.text, "{", 30),
                                     extra={"detail": " (thẻ nằm trong mã XML, không nhìn thấy khi mở bằng Word)"}))
                continue
            spans, pos, loose = list(tag_spans(spot.text)), 0, False
            for start, end in spans:
                loose |= bool(_OPENER.search(spot.text, pos, start))
                pos = end
            if loose or _OPENER.search(spot.text, pos):
                place = f"{spot.where}: “{_excerpt(spot.text, '{')}”"
                order.setdefault(place, index)
                found.append(Problem("E510", str(path), path=place,
                                     extra={"detail": "thẻ mở “{{” hoặc “{%” không đóng trong cùng đoạn"}))
            for start, end in spans:
                tag = spot.text[start:end]
                if tag.startswith("{#"):
                    continue
                text, refused = _normalise(tag)
                place = f"{spot.where}: “{_excerpt(spot.text, tag)}”"
                order.setdefault(place, index)
                if refused:
                    found.append(Problem("E523", str(path), path=place, found=refused,
                                         extra={"detail": " (chèn mã XML thô)"}))
                elif text:
                    lines.append(text.replace("\n", " "))
                    places.append(place)
        if lines:  # one tag a line: a line number names its paragraph
            found += check_source(env, "\n".join(lines), str(path), form=True,
                                  where=lambda n, places=places: {"file": str(path), "path": places[n - 1]})
        problems += sorted(found, key=lambda problem: order.get(problem.path, 0))  # stable: the form's order
    return problems


def _trial(path: Path) -> list[Problem]:
    """What filling the form with the guide's example report says, bounded like any render."""
    from drafter.packs.failures import TRIAL_CODES
    from drafter.packs.guide import example_facts

    try:
        render_form(path, example_facts())
    except DrafterError as error:
        return [problem for problem in error.problems if problem.code in TRIAL_CODES]
    return []


# ----------------------------------------------------------------- rendering


def render_form(path: str | Path, facts: Facts, variant: int | None = None, marks=None) -> bytes:
    """The filled form as .docx bytes; the same input gives the same bytes.

    Call :func:`check_form` first (``drafter.api.render`` does): this only
    relies on the sandbox and the limits, which stop a hostile form with a rougher place.
    ``marks`` (a :class:`drafter.packs.formmarks.FormMarks`) records what each tag printed,
    for a review copy; its markers are left in the text for :mod:`drafter.layout.review`.
    """
    from docxtpl import DocxTemplate

    path = Path(path)
    template = DocxTemplate(io.BytesIO(read_form(path)))
    values = context(facts, variant)
    env = form_environment()
    try:
        if marks is not None:
            marks.install(env)
        with limits.render_budget(env.output_limit):  # one budget (time, loops) for every part
            template.init_docx()
            originals = {name: getattr(template.docx.core_properties, name) or "" for name in PROPERTIES}
            template.render(values, jinja_env=env, autoescape=True)
            _plain_properties(template.docx.core_properties, originals, values)
        buffer = io.BytesIO()
        template.save(buffer)
    except DrafterError:
        raise
    except Exception as error:  # noqa: BLE001 - the form's fault (located) or docxtpl choking on it
        failure = from_template(error, str(path))
        if failure is None:  # docxtpl or lxml choking on what a tag produced
            raise DrafterError([Problem("E519", str(path), extra={"detail": "mẫu tạo ra mã Word không hợp lệ"})]) from None
        problem = failure.problem()
        raise DrafterError([dataclasses.replace(problem, file=str(path), line=None,
                                                path=_near(env.source, failure.line))]) from None
    return fixed_zip(buffer.getvalue())


def _plain_properties(core, originals: dict[str, str], values: dict) -> None:
    # Properties are plain text that python-docx escapes itself; docxtpl rendered
    # them with the XML-escaping environment, which would show "&amp;" in Word.
    env = form_environment(autoescape=False)
    for name, text in originals.items():
        if "{" in text:
            setattr(core, name, env.from_string(text.translate(_QUOTES)).render(values)[:255])


def _near(source: str, line: int | None) -> str:
    """The form's text around a line of the XML docxtpl rendered (one paragraph a line)."""
    if not line or not source:
        return ""
    lines = source.splitlines()[max(line - 2, 0):line + 1]
    text = " / ".join(t for t in (re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", x)).strip() for x in lines) if t)
    return f"gần: “{text[:120]}”" if text else ""


def fixed_zip(data: bytes) -> bytes:
    """The same .docx with every entry dated 1980-01-01, so equal input gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
