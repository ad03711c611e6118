"""Drafts for many units at once: :func:`drafter.output.batch.run_batch` with the library's
rendering handed to it (the output stage knows no later one)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.api.documents import FORMATS, KeptPacks, check_template, known_format, lay_out, pack_and_draft
from drafter.api.render import render
from drafter.packs.manifest import is_word_form

if TYPE_CHECKING:  # the batch machinery (process pools) is loaded when a batch runs, off the render path
    from drafter.output.batch import BatchResult, Progress


def batch(inputs: Iterable[Path | str], out_dir: Path | str, templates: Sequence[str] = ("bao-cao",),
          formats: Sequence[str] = ("docx",), jobs: int | None = None, force: bool = False,
          skip_existing: bool = False, progress: Progress | None = None, pdf: bool = False,
          review: bool = False) -> BatchResult:
    """Every unit × template × format written into ``out_dir``, with ``summary.csv`` and
    ``summary.xlsx``; see :func:`drafter.output.batch.run_batch`. With ``review``, each .docx is
    a review copy and each row carries its reviewers' summary."""
    from drafter.output.batch import run_batch
    from drafter.output.jobs import Renderer

    # the packs are kept for this batch only (its token): a later batch in this process checks them anew
    renderer = Renderer(functools.partial(render_in_batch, os.urandom(16).hex()), check_template, FORMATS,
                        review_for_batch if review else None)
    return run_batch(inputs, out_dir, templates, formats, jobs, force, skip_existing, progress, pdf,
                     renderer=renderer)


#: The packs kept by this process for the batch it works for: (token, KeptPacks).
_kept: list = [None, None]


def render_in_batch(token: str, report, template: str, format: str):
    """:func:`drafter.api.render` for a batch's worker, each pack checked once for the batch
    (:class:`~drafter.api.documents.KeptPacks`)."""
    if is_word_form(template):
        return render(report, template, format)
    if _kept[0] != token:
        _kept[:] = [token, KeptPacks()]
    known_format(format, report)
    return lay_out(pack_and_draft(report, template, None, _kept[1])[1], format)


def review_for_batch(source, template: str):
    """A review copy's bytes and its reviewers' summary (run in a batch worker)."""
    from drafter.api.review import review_copy

    data, explained = review_copy(source, template)
    return data, explained.summary
