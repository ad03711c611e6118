"""Drafts for many units at once: :func:`drafter.output.batch.run_batch` with the library's
rendering handed to it (the output stage knows no later one)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.api.documents import FORMATS, check_template
from drafter.api.render import render

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

    renderer = Renderer(render, check_template, FORMATS, review_for_batch if review else None)
    return run_batch(inputs, out_dir, templates, formats, jobs, force, skip_existing, progress, pdf,
                     renderer=renderer)


def review_for_batch(source, template: str):
    """A review copy's bytes and its reviewers' summary (run in a batch worker)."""
    from drafter.api.review import review_copy

    data, explained = review_copy(source, template)
    return data, explained.summary
