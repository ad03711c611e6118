"""The fast reader (drafter.inputs.fast_yaml) against the located reader, the reference."""

from __future__ import annotations

from pathlib import Path

from drafter.inputs import load
from drafter.inputs.fast_yaml import fast_load


def assert_fast_agrees(path: Path) -> bool:
    """The fast reader may only say that a file is clean: whenever it gives a report, the located
    reader gives the same report, and the same problems (code, field, message; the fast reader
    knows no lines). Returns whether the fast reader took the file."""
    report, problems = fast_load(path)
    located = load(path)
    assert_block_agrees(path)
    if report is None:
        assert problems == []
        return False
    assert located.ok, [p.render() for p in located.problems]
    assert located.report == report
    said = sorted((p.code, p.path, p.message) for p in located.problems)
    assert sorted((p.code, p.path, p.message) for p in problems) == said
    quick = load(path, located=False)
    assert quick.report == report and quick.problems == located.problems if problems else quick.problems == []
    assert (quick.positions is None) == (not problems)  # only a file with no problem at all skips the located reader
    return True


def assert_block_agrees(path: Path) -> None:
    """Where the line reader (drafter.inputs.block_yaml) takes a text that the C parser takes too,
    the two give the same values, the same texts and the same booleans."""
    from unittest import mock

    from drafter.inputs import fast_yaml
    from drafter.inputs.yaml_reader import decode

    try:
        text = decode(path.read_bytes(), str(path))
    except Exception:  # noqa: BLE001 - neither reader gets as far
        return
    block = fast_yaml.read_block_yaml(text, fast_yaml._plain_scalar, 10**9) if "!" not in text else None
    with mock.patch.object(fast_yaml, "read_block_yaml", lambda *args: None):
        parsed = fast_yaml._parse(text)
    if block is None or parsed is None:
        return
    tree, built = parsed
    assert repr(block.tree) == repr(tree)
    assert sorted(block.texts) == sorted(built.texts) and block.booleans == built.booleans
