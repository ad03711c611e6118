"""Extractors for the message catalogue (developers only): ``pybabel extract`` runs them.

``drafter/locale/babel.cfg`` maps them onto files, so that what is not a ``_()`` call is
found too: the help texts Click takes from docstrings (walked from the live command tree)
and the messages and fixes of :data:`drafter.errors.MESSAGES`. They live here, above both
the command line and :mod:`drafter.i18n`, so that neither imports the other's extractor.
"""

from __future__ import annotations

from drafter.i18n import help_texts


def extract_cli(fileobj, keywords, comment_tags, options):
    """Babel extractor for ``drafter/cli/__init__.py``: its _() calls, then every help text of
    every command (docstrings included), walked from the live Click tree."""
    import importlib

    import click
    from babel.messages.extract import extract_python

    yield from extract_python(fileobj, keywords, comment_tags, options)
    from drafter.cli import COMMANDS, cli

    stack = [cli] + [importlib.import_module(module).command for module, _help in COMMANDS.values()]
    while stack:
        item = stack.pop(0)
        for param in item.params:
            for text in help_texts(param).values():
                yield 0, None, text, [f"{item.name} {param.name}"]
        for text in help_texts(item).values():
            yield 0, None, text, [f"drafter {item.name}"]
        if isinstance(item, click.Group):
            stack.extend(item.commands.values())


def extract_errors(fileobj, keywords, comment_tags, options):
    """Babel extractor for ``drafter/errors.py``: each code's message and fix."""
    from drafter.errors import MESSAGES

    for code, (message, fix) in MESSAGES.items():
        yield 0, None, message, [code]
        yield 0, None, fix, [f"{code} (cách sửa)"]
    yield from ((0, None, reason, ["{detail} (os_reason)"]) for reason in _os_reasons())
    # the parts of the draft a roll-up leaves blank (W538) and the place of its own problems
    from drafter.errors import BLANKS, ROLLUP_PLACE

    yield from ((0, None, blank, ["{detail} (W538)"]) for blank in BLANKS)
    yield 0, None, ROLLUP_PLACE, ["nơi của cảnh báo tổng hợp"]


def _os_reasons() -> list[str]:
    """The Vietnamese reasons ``drafter.errors.os_reason`` gives (the {detail} of E101, E502)."""
    import errno

    from drafter import errors

    reason = getattr(errors, "os_reason", None)
    if reason is None:
        return []
    marker = "\0unknown"
    found = {reason(OSError(number, marker), writing) for number in errno.errorcode for writing in (False, True)}
    return sorted(found - {marker})
