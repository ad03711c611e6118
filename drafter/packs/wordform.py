"""Word forms: an office's own .docx with Jinja tags, filled in by docxtpl.

The form is not rebuilt: docxtpl fills the tags in place, so every style,
margin and logo of the office's file stays as it was. Tags see the same
variables and Vietnamese filters as a template pack, in the same sandbox, with
autoescaping on because the text lands in XML::

    Đơn vị: {{ unit.full }}; giao quân {{ r.recruitment.delivered | so }} công dân.
    {%tr for a in r.awards %} … {%tr endfor %}      (one table row per award)

Before anything renders, :func:`check_form` reads every paragraph, table
cell, header and footer and reports every problem with its place
("bảng 1, hàng 2, ô 3") and the text around it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateError, UndefinedError
from jinja2.exceptions import SecurityError

from drafter.errors import DrafterError, Problem
from drafter.facts import Facts
from drafter.packs.catalog import FORM_FORBIDDEN_FILTERS, check_source
from drafter.packs.filters import FILTERS
from drafter.packs.sandbox import QuietTestUndefined, Sandbox
from drafter.packs.jinja import context

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
#: The text properties docxtpl renders as templates too (File > Properties in Word).
_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")

# Characters XML 1.0 cannot carry; a value holding one would make Word call the file corrupt.
_XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _finalize(value):
    if value is None:
        return ""  # an explicit None must not print "None"
    return _XML_ILLEGAL.sub("", value if isinstance(value, str) else str(value))


def form_environment(autoescape: bool = True) -> Sandbox:
    """The sandbox a Word form runs in: our filters, minus those that print raw markup."""
    env = Sandbox(undefined=QuietTestUndefined, autoescape=autoescape, finalize=_finalize)
    env.filters.update(FILTERS)
    for name in FORM_FORBIDDEN_FILTERS:
        env.filters.pop(name, None)
    return env


# ------------------------------------------------------------------ reading


@dataclass(frozen=True)
class Spot:
    """One paragraph of the form: where it is, in words, and its text."""

    where: str
    text: str


def _owner(element):
    parent = element.getparent()
    while parent is not None and parent.tag != W + "p":
        parent = parent.getparent()
    return parent


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t") if _owner(t) is p)


def _paragraph(p, where: str) -> list[Spot]:
    spots = [Spot(where, _text(p))]
    # text boxes sit inside a paragraph's runs, with paragraphs of their own
    spots += [Spot(f"{where}, khung chữ", _text(inner)) for inner in p.iter(W + "p")
              if inner is not p and _owner(inner) is p]
    return spots


def _container(root, prefix: str, in_cell: bool = False) -> list[Spot]:
    spots: list[Spot] = []
    paragraphs = tables = 0
    many = sum(1 for child in root if child.tag == W + "p") > 1
    for child in root.iterchildren():
        if child.tag == W + "p":
            paragraphs += 1
            label = prefix.rstrip(", ") if in_cell and not many else f"{prefix}đoạn {paragraphs}"
            spots += _paragraph(child, label)
        elif child.tag == W + "tbl":
            tables += 1
            for r, row in enumerate(child.iterchildren(W + "tr"), 1):
                for c, cell in enumerate(row.iterchildren(W + "tc"), 1):
                    spots += _container(cell, f"{prefix}bảng {tables}, hàng {r}, ô {c}, ", in_cell=True)
        else:  # content controls and the like: their paragraphs count with the others
            for p in child.iter(W + "p"):
                if _owner(p) is None:
                    paragraphs += 1
                    spots += _paragraph(p, f"{prefix}đoạn {paragraphs}")
    return spots


def _open(path: Path):
    import docx

    try:
        return docx.Document(str(path))
    except Exception as error:  # not a zip, not Word, a .dotx…: all mean "save it again as .docx"
        detail = "không có tệp" if not path.exists() else (str(error) or type(error).__name__)
        raise DrafterError([Problem("E520", str(path), extra={"detail": detail})]) from None


def _parts(document) -> list[tuple[str, list[Spot]]]:
    """Each part docxtpl renders as a template of its own, with its paragraphs."""
    parts = [("", _container(document.element.body, ""))]
    for kind, label in ((_HEADER, "đầu trang"), (_FOOTER, "chân trang")):
        found = sorted((rel.target_part for rel in document.part.rels.values() if rel.reltype == kind),
                       key=lambda part: str(part.partname))
        for n, part in enumerate(found, 1):
            parts.append((label, _container(part.element, f"{label} {n}, ")))
    for part in document.part.package.parts:
        if part.content_type == _FOOTNOTES:
            from docx.oxml import parse_xml

            notes = parse_xml(part.blob)
            parts.append(("chú thích", [s for note in notes for s in _container(note, "chú thích, ")]))
    core = document.core_properties
    for name in _PROPERTIES:
        value = getattr(core, name) or ""
        if "{" in value:
            parts.append((name, [Spot(f"thuộc tính tệp “{name}”", value)]))
    return parts


# ------------------------------------------------------------------ checking

_TAG = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}")
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


def check_form(path: str | Path) -> list[Problem]:
    """Every problem of a Word form, each placed by paragraph, table cell, header or footer."""
    path = Path(path)
    try:
        document = _open(path)
    except DrafterError as error:
        return error.problems
    env, problems = form_environment(), []
    for _, spots in _parts(document):
        found, lines, places, order = [], [], [], {}
        for index, spot in enumerate(spots):
            if _OPENER.search(_TAG.sub("", spot.text)):
                place = f"{spot.where}: “{_excerpt(spot.text, '{')}”"
                order.setdefault(place, index)
                found.append(Problem("E510", str(path), path=place,
                                     extra={"detail": "thẻ mở “{{” hoặc “{%” không đóng trong cùng đoạn"}))
            for match in _TAG.finditer(spot.text):
                if match.group().startswith("{#"):
                    continue
                text, refused = _normalise(match.group())
                place = f"{spot.where}: “{_excerpt(spot.text, match.group())}”"
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


# ----------------------------------------------------------------- rendering


def render_form(path: str | Path, facts: Facts, variant: int | None = None, marks=None) -> bytes:
    """The filled form as .docx bytes; the same input gives the same bytes.

    Call :func:`check_form` first (``drafter.api.render`` does): this only
    relies on the sandbox, which stops a hostile form but with a rougher message.
    ``marks`` (a :class:`drafter.packs.formmarks.FormMarks`) records what each tag printed,
    for a review copy; its markers are left in the text for :mod:`drafter.layout.review`.
    """
    from docxtpl import DocxTemplate

    path = Path(path)
    template = DocxTemplate(str(path))
    values = context(facts, variant)
    try:
        template.init_docx()
        originals = {name: getattr(template.docx.core_properties, name) or "" for name in _PROPERTIES}
        env = form_environment()
        if marks is not None:
            marks.install(env)
        template.render(values, jinja_env=env, autoescape=True)
        _plain_properties(template.docx.core_properties, originals, values)
        buffer = io.BytesIO()
        template.save(buffer)
    except DrafterError:
        raise
    except SecurityError as error:
        raise DrafterError([Problem("E518", str(path), extra={"detail": str(error)})]) from None
    except TemplateError as error:
        raise DrafterError([Problem("E519", str(path), path=_near(error), extra={"detail": _detail(error)})]) from None
    except Exception as error:  # docxtpl or lxml choking on what a tag produced
        raise DrafterError([Problem("E519", str(path), extra={"detail": f"{type(error).__name__}: {error}"})]) from None
    return fixed_zip(buffer.getvalue())


def _plain_properties(core, originals: dict[str, str], values: dict) -> None:
    # Properties are plain text that python-docx escapes itself; docxtpl rendered
    # them with the XML-escaping environment, which would show "&amp;" in Word.
    env = form_environment(autoescape=False)
    for name, text in originals.items():
        if "{" in text:
            setattr(core, name, env.from_string(text.translate(_QUOTES)).render(values)[:255])


def _near(error: TemplateError) -> str:
    lines = [re.sub(r"\s+", " ", line).strip() for line in getattr(error, "docx_context", None) or []]
    text = " / ".join(line for line in lines if line)
    return f"gần: “{text[:120]}”" if text else ""


def _detail(error: TemplateError) -> str:
    if isinstance(error, UndefinedError):
        return f"thiếu số liệu ({error.message})"
    return error.message or type(error).__name__


def fixed_zip(data: bytes) -> bytes:
    """The same .docx with every entry dated 1980-01-01, so equal input gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
