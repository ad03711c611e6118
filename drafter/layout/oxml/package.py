"""The package around the body: styles, settings, core properties, parts, and the skeleton.

A lean python-docx document is built (:func:`lean_document`), its parts taken as
python-docx would save them (:func:`package_entries`) and cut into a :class:`Skeleton`
that every document written on it shares; the skeleton is kept on disk
(:func:`kept_skeleton`), so python-docx is imported only to build one or to add pictures.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.layout.oxml.archive import (
    ZIP_LEVEL,
    ZIP_LEVEL_FIXED,
    ZipEntry,
    zip_bytes,
    zip_entry,
    zip_entry_of_texts,
)
from drafter.layout.oxml.elements import (
    RPR_ORDER,
    OxmlElement,
    insert_in_order,
    qn,
    run_properties,
    w_element,
    xml_safe,
)
from drafter.layout.oxml.prototypes import ROOT_NAMESPACES, escape_text

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
# python-docx itself is imported where a package is built or read (a skeleton, pictures): a
# document written on a skeleton kept on disk needs none of it (see kept_skeleton).

#: Core properties are capped at 255 characters by python-docx.
_CORE_PROPERTY_LIMIT = 255


#: Styles a lean package keeps: the defaults and the ones python-docx's header part names.
_KEPT_STYLES = frozenset({"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Header",
                          "HeaderChar", "Footer", "FooterChar"})


def slim_styles(styles, keep: Iterable[str] = _KEPT_STYLES) -> None:
    """Drop latent styles and every style not in ``keep``: the default part is 430 kB."""
    keep = frozenset(keep)
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in keep:
            styles.remove(style)


def set_doc_defaults(styles, font: str, size_pt: float, lang: str) -> None:
    """Make ``font`` (four slots), ``size_pt``, black and ``lang`` the defaults of every run.

    Empty paragraphs and anything a user types later inherit them.
    """
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    for child in list(defaults):
        defaults.remove(child)
    rpr = run_properties(font, size_pt)
    insert_in_order(rpr, w_element("w:color", val="000000"), RPR_ORDER)
    insert_in_order(rpr, w_element("w:lang", val=lang, eastAsia=lang, bidi="ar-SA"), RPR_ORDER)
    rpr_default = OxmlElement("w:rPrDefault")
    rpr_default.append(rpr)
    ppr = OxmlElement("w:pPr")
    ppr.append(w_element("w:spacing", before="0", after="0", line="240", lineRule="auto"))
    ppr_default = OxmlElement("w:pPrDefault")
    ppr_default.append(ppr)
    defaults.append(rpr_default)
    defaults.append(ppr_default)


def set_theme_font_lang(settings, lang: str) -> None:
    """Tell Word the document's language for proofing and theme fonts."""
    for old in settings.findall(qn("w:rsids")):
        settings.remove(old)
    existing = settings.find(qn("w:themeFontLang"))
    if existing is not None:
        existing.set(qn("w:val"), lang)
        existing.set(qn("w:eastAsia"), lang)


_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def lean_document(font: str, size_pt: float, lang: str = "vi-VN") -> DocumentObject:
    """python-docx's default document trimmed to what a plain report needs, fonts set.

    Used once per process to build a template; parsing the full default styles
    part on every document would cost most of the time budget.
    """
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    dropped = (_STYLES_WITH_EFFECTS, RT.WEB_SETTINGS, RT.CUSTOM_XML, RT.NUMBERING)
    document = Document()
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype in dropped:
            del part.rels[rid]
    package_rels = part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]
    styles = document.styles.element
    slim_styles(styles)
    set_doc_defaults(styles, font, size_pt, lang)
    set_theme_font_lang(document.settings.element, lang)
    return document


def set_core_properties(document: DocumentObject, title: str, author: str, when: dt.datetime,
                        lang: str = "vi-VN") -> None:
    """Fill the core properties so that the same input always gives the same part."""
    props = document.core_properties
    props.title = core_property_text(title)
    props.author = core_property_text(author)
    props.last_modified_by = props.author
    props.language = lang
    props.description = ""
    props.revision = 1
    props.created = when
    props.modified = when


def core_property_text(value: str) -> str:
    """A core property as stored: XML-safe and at most 255 characters."""
    return xml_safe(value)[:_CORE_PROPERTY_LIMIT]


class _Collector:
    """Takes the place of python-docx's zip writer: keeps (member name, blob) in order."""

    def __init__(self):
        self.items: list[tuple[str, bytes]] = []

    def write(self, pack_uri, blob: bytes) -> None:
        self.items.append((pack_uri.membername, blob))


def package_entries(document: DocumentObject) -> list[tuple[str, bytes]]:
    """Every member of the .docx python-docx would save, in its order, without zipping."""
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    collector = _Collector()
    # What PackageWriter.write does, with the collector for its zip writer.
    PackageWriter._write_content_types_stream(collector, parts)
    PackageWriter._write_pkg_rels(collector, package.rels)
    PackageWriter._write_parts(collector, parts)
    return collector.items


def document_bytes(document: DocumentObject, level: int = ZIP_LEVEL) -> bytes:
    """``document`` saved as a .docx with fixed zip timestamps, zipped once."""
    return zip_bytes([zip_entry(name, blob, level) for name, blob in package_entries(document)])


def kept_skeleton(name: str, settings, build: Callable[[], Skeleton], code: Iterable[Path]) -> Skeleton:
    """``build()``, kept on disk (:mod:`drafter.cache`): building a skeleton through python-docx
    (its default package parsed, slimmed, saved and cut) costs 15 ms of every ``drafter render``.

    A skeleton is made of python-docx's default template, ``settings`` (whose repr goes in the key)
    and code alone: ``code`` (the writer that builds it), the oxml modules, and python-docx, which
    is stamped by its templates and its ``__init__.py`` (which holds its version: an upgrade or a
    reinstall writes it anew) without being imported. zlib's version is in the key too: the
    fixed parts are kept compressed.
    """
    from importlib.util import find_spec

    from drafter.cache import cached

    here = Path(__file__).parent
    sources = [*code, *(here / f"{module}.py" for module in ("package", "elements", "prototypes", "archive"))]
    spec = find_spec("docx")
    if spec is not None and spec.origin:
        docx_folder = Path(spec.origin).parent
        sources += [docx_folder / "__init__.py", *sorted((docx_folder / "templates").iterdir())]
    return cached(f"skeleton-{name}", sources, build, extra=f"{settings!r} zlib {zlib.ZLIB_RUNTIME_VERSION}")


_TITLE_SLOT, _AUTHOR_SLOT = "\ue001", "\ue002"
_DOCUMENT_XML, _CORE_XML = "word/document.xml", "docProps/core.xml"


class Skeleton:
    """A python-docx document cut into what every document written on it shares.

    The fixed parts (styles, settings, headers with their fields, relationships…)
    are kept compressed; document.xml keeps its root and section properties
    around a hole for the body, core.xml holes for the title and the author.
    ``document`` must have an empty body; it is used up.
    """

    def __init__(self, document: DocumentObject, created: dt.datetime, lang: str = "vi-VN"):
        root = document.element
        if [child.tag for child in root.body] != [qn("w:sectPr")]:
            raise ValueError("a skeleton's body holds nothing but its section properties")
        if any(root.nsmap.get(prefix) != uri for prefix, uri in ROOT_NAMESPACES.items()):
            raise ValueError("document.xml does not declare the namespaces fragments rely on")
        set_core_properties(document, _TITLE_SLOT, _AUTHOR_SLOT, created, lang)
        self.entries: list[ZipEntry | str] = []
        for name, blob in package_entries(document):
            if name == _DOCUMENT_XML:
                xml = blob.decode("utf-8")
                start = xml.index("<w:body>") + len("<w:body>")
                end = xml.index("<w:sectPr", start)
                self._document = (xml[:start], xml[end:])
                self.entries.append(name)
            elif name == _CORE_XML:
                self._core = tuple(re.split(f"({_TITLE_SLOT}|{_AUTHOR_SLOT})", blob.decode("utf-8")))
                self.entries.append(name)
            else:
                self.entries.append(zip_entry(name, blob, ZIP_LEVEL_FIXED))
        #: The skeleton as a .docx, for python-docx to add picture parts to.
        self.source = zip_bytes([self._entry(e, "", "", "") for e in self.entries])

    def _entry(self, entry: ZipEntry | str, body: str | list[str], title: str, author: str) -> ZipEntry:
        if not isinstance(entry, str):
            return entry
        if entry == _DOCUMENT_XML:
            head, tail = self._document
            parts = [body] if isinstance(body, str) else body
            return zip_entry_of_texts(entry, [head, *parts, tail])
        values = {_TITLE_SLOT: escape_text(core_property_text(title)),
                  _AUTHOR_SLOT: escape_text(core_property_text(author))}
        return zip_entry(entry, "".join(values.get(piece, piece) for piece in self._core).encode("utf-8"))

    def docx(self, body: str | list[str], title: str, author: str, pictures=None) -> bytes:
        """The .docx with ``body`` (XML of the body's blocks, whole or in pieces) and these core properties.

        ``pictures`` is the body's :class:`~drafter.layout.oxml.body.Pictures` when it has any.
        """
        if pictures is None:
            return zip_bytes([self._entry(e, body, title, author) for e in self.entries])
        # Pictures added parts and relationships: take the package as python-docx has it now.
        entries = []
        for name, blob in package_entries(pictures.document):
            entries.append(self._entry(name, body, title, author) if name in (_DOCUMENT_XML, _CORE_XML)
                           else zip_entry(name, blob))
        return zip_bytes(entries)
