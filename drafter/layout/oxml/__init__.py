"""The WordprocessingML underneath the layout writers, one module per job.

- :mod:`~drafter.layout.oxml.elements`: small functions on lxml elements (``paragraph._p``,
  ``run._r``, ``table._tbl``, ``tr``) for what python-docx has no API for: font slots,
  paragraph format, borders, the PAGE field, table geometry, in schema order;
- :mod:`~drafter.layout.oxml.prototypes`: for speed, each kind of paragraph, table frame and
  row built once per process with those functions and kept as XML text with holes for the
  text (:func:`paragraph_xml`, :func:`table_xml`);
- :mod:`~drafter.layout.oxml.body`: a document's :class:`Body`, those strings filled and joined;
- :mod:`~drafter.layout.oxml.package`: styles, settings, core properties, the package parts
  python-docx writes once, and the :class:`Skeleton` every document shares;
- :mod:`~drafter.layout.oxml.archive`: the deterministic zip.

The writers import from here: ``from drafter.layout import oxml``, then ``oxml.Body``.
"""

from drafter.layout.oxml.archive import (
    ZIP_LEVEL,
    ZIP_LEVEL_FIXED,
    ZipEntry,
    zip_bytes,
    zip_entry,
)
from drafter.layout.oxml.body import Body, Flow, Pictures
from drafter.layout.oxml.elements import (
    PPR_ORDER,
    RPR_ORDER,
    TBLPR_ORDER,
    TCPR_ORDER,
    TRPR_ORDER,
    add_page_field,
    append_text,
    fonts_element,
    format_paragraph,
    format_run,
    insert_in_order,
    mark_header_row,
    run_properties,
    set_bottom_border,
    set_cant_split,
    set_cell_margins,
    set_mark_format,
    set_table_borders,
    set_table_geometry,
    set_table_look_2007,
    twips_from_mm,
    twips_from_pt,
    w_element,
    xml_safe,
)
from drafter.layout.oxml.package import (
    Skeleton,
    core_property_text,
    document_bytes,
    kept_skeleton,
    lean_document,
    package_entries,
    set_core_properties,
    set_doc_defaults,
    set_theme_font_lang,
    slim_styles,
)
from drafter.layout.oxml.prototypes import (
    EMPTY_PARAGRAPH_XML,
    ROOT_NAMESPACES,
    ParagraphFormat,
    RowFormat,
    RunFormat,
    TableFormat,
    escape_text,
    fragment_xml,
    mark_paragraph_xml,
    paragraph_xml,
    picture_paragraph_xml,
    scratch_element,
    table_xml,
    text_xml,
)

__all__ = [
    "EMPTY_PARAGRAPH_XML", "PPR_ORDER", "ROOT_NAMESPACES", "RPR_ORDER", "TBLPR_ORDER", "TCPR_ORDER",
    "TRPR_ORDER", "ZIP_LEVEL", "ZIP_LEVEL_FIXED", "Body", "Flow", "ParagraphFormat", "Pictures",
    "RowFormat", "RunFormat", "Skeleton", "TableFormat", "ZipEntry", "add_page_field", "append_text",
    "core_property_text", "document_bytes", "escape_text", "fonts_element", "format_paragraph",
    "format_run", "fragment_xml", "insert_in_order", "kept_skeleton", "lean_document", "mark_header_row",
    "mark_paragraph_xml", "package_entries", "paragraph_xml", "picture_paragraph_xml", "run_properties",
    "scratch_element", "set_bottom_border", "set_cant_split", "set_cell_margins", "set_core_properties",
    "set_doc_defaults", "set_mark_format", "set_table_borders", "set_table_geometry", "set_table_look_2007", "set_theme_font_lang",
    "slim_styles", "table_xml", "text_xml", "twips_from_mm", "twips_from_pt", "w_element", "xml_safe",
    "zip_bytes", "zip_entry",
]
