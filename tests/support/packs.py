"""A built-in pack exported as an office would, with one phrasing edited."""

from __future__ import annotations

from pathlib import Path

from drafter import api


def edited_pack(folder: Path, template: str, bank: str, old: str, new: str) -> Path:
    """``template`` exported to ``folder``, ``old`` replaced by ``new`` in its ``bank`` file
    (``phrases.yaml`` or ``phrases-shared.yaml``); the test fails if ``old`` is not there."""
    api.export_template(template, folder)
    path = folder / bank
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder
