"""The library API: every CLI command is a thin wrapper over these functions.

>>> from drafter import api
>>> data = api.render("samples/gia-lai-2026.yaml", template="bao-cao", format="txt")  # doctest: +SKIP

A unit's draft and its checks are in :mod:`drafter.api.documents`, finished documents in
:mod:`drafter.api.render`, review copies in :mod:`drafter.api.review`, roll-ups in
:mod:`drafter.api.rollup`, batches in :mod:`drafter.api.batch`, other files in :mod:`drafter.api.files`.
"""

from __future__ import annotations

from drafter.api.batch import batch
from drafter.api.documents import (
    FORMATS,
    check,
    check_template,
    draft,
    find_pack,
    lay_out,
    validate,
)
from drafter.api.files import (
    export_template,
    schema_json,
    write_starter,
    write_workbook,
)
from drafter.api.render import render, render_to_file, to_pdf
from drafter.api.review import explain, review_copy, review_draft
from drafter.api.rollup import (
    Rollup,
    render_rollup,
    rollup,
    rollup_draft,
    rollup_to_file,
)

__all__ = [
    "FORMATS", "Rollup", "batch", "check", "check_template", "draft", "explain", "export_template", "find_pack",
    "lay_out", "render", "render_rollup", "render_to_file", "review_copy", "review_draft", "rollup", "rollup_draft",
    "rollup_to_file", "schema_json", "to_pdf", "validate", "write_starter", "write_workbook",
]
