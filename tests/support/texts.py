"""A draft's text in one of its formats, as the checks read it."""

from __future__ import annotations

from pathlib import Path

from drafter import api
from drafter.checks.extract import docx_text


def output_text(source, template: str | Path = "bao-cao", format: str = "txt", variant: int | None = None) -> str:
    """The draft's text in a format: ``api.render`` for txt and md, the .docx read back for docx."""
    if format == "docx":
        return docx_text(api.render(source, template, "docx", variant))
    return api.render(source, template, format, variant)
