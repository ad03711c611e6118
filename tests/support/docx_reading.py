"""Read a .docx back for tests, independently of the writers: what Word would show.

The reader is split by job; this module gathers the public names the tests import:

- :mod:`support.docx_walk`: open a document, walk its blocks, paragraphs and runs, schema order;
- :mod:`support.docx_styles`: effective run and paragraph format through styles and defaults;
- :mod:`support.docx_tables`: borders, grid columns, cells, repeating and unsplittable rows;
- :mod:`support.docx_sections`: page geometry, first-page header, PAGE fields;
- :mod:`support.decree30_check`: :func:`assert_decree30_layout`, every rule of DOMAIN.md section 5.

>>> from drafter.document import Draft, Paragraph
>>> from drafter.layout import write_decree30
>>> doc = open_docx(write_decree30(Draft(blocks=(Paragraph("Một đoạn."),))))
>>> body_paragraph_texts(doc)
['Một đoạn.']
>>> run_fonts(doc)[0].ascii, paragraph_format(doc.paragraphs[0]).alignment
('Times New Roman', 'both')
"""

from support.decree30_check import QUOC_HIEU, TIEU_NGU, assert_decree30_layout
from support.docx_sections import (
    SectionGeometry,
    first_page_header_is_empty,
    page_field_in_footer,
    page_field_in_header,
    page_field_paragraphs,
    section_geometry,
    title_page,
)
from support.docx_styles import (
    FONT_SLOTS,
    TWIPS_PER_CM,
    TWIPS_PER_MM,
    ParagraphFormat,
    RunInfo,
    W,
    document_default_fonts,
    estimate_text_width_pt,
    has_bottom_border,
    paragraph_format,
    paragraph_runs,
    rule_length_twips,
    text_runs,
)
from support.docx_tables import (
    cant_split_rows,
    cell_content_width_twips,
    cell_texts,
    column_cells,
    column_paragraphs,
    column_text,
    repeating_header_rows,
    table_borders,
    table_column_count,
    table_column_twips,
    table_has_all_borders,
    table_has_no_borders,
)
from support.docx_walk import (
    all_paragraphs,
    all_texts,
    body_blocks,
    body_paragraph_texts,
    closing_table,
    find_paragraph,
    find_run,
    header_footer_parts,
    header_table,
    open_docx,
    package_dates,
    package_parts,
    run_fonts,
    schema_order_problems,
    tables_of,
)

__all__ = [
    "FONT_SLOTS", "QUOC_HIEU", "TIEU_NGU", "TWIPS_PER_CM", "TWIPS_PER_MM", "W", "ParagraphFormat", "RunInfo",
    "SectionGeometry", "all_paragraphs", "all_texts", "assert_decree30_layout", "body_blocks",
    "body_paragraph_texts", "cant_split_rows", "cell_content_width_twips", "cell_texts", "closing_table",
    "column_cells", "column_paragraphs", "column_text", "document_default_fonts", "estimate_text_width_pt",
    "find_paragraph", "find_run", "package_dates", "package_parts",
    "first_page_header_is_empty", "has_bottom_border", "header_footer_parts", "header_table", "open_docx",
    "page_field_in_footer", "page_field_in_header", "page_field_paragraphs", "paragraph_format",
    "paragraph_runs", "repeating_header_rows", "rule_length_twips", "run_fonts", "schema_order_problems",
    "section_geometry", "table_borders", "table_column_count", "table_column_twips", "table_has_all_borders",
    "table_has_no_borders", "tables_of", "text_runs", "title_page",
]
