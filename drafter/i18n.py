"""The command line's language: Vietnamese by default, English on request.

The documents stay Vietnamese; only what the command line says changes. The choice, first
found wins: ``--lang`` (the group's option), ``DRAFTER_LANG``, then the locale as gettext
reads it (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``); anything but English
(``C.UTF-8`` included) is Vietnamese.

Catalogues are gettext ``.po`` files read at run time with Babel (no compile step), once per
process:

- ``locale/en/LC_MESSAGES/drafter.po``: our strings, whose msgids are the Vietnamese texts
  (help, prompts, summary lines, and the messages and fixes of :data:`drafter.errors.MESSAGES`);
- ``locale/vi/LC_MESSAGES/click.po``: Click's own strings ("Usage:", "Show this message and
  exit.", "Missing argument …") in Vietnamese. Click looks them up through ``gettext`` names
  bound in its modules; :func:`install_click` rebinds those names to ours.

Help texts are set on the Click objects when a command is looked up (:func:`localize`), not
when its module is imported, so that the language can differ between two runs in one process
(tests) and ``--lang`` given on the command line applies to the command it precedes.

>>> set_language("en"); _("Đã ghi {path}.").format(path="a.docx")
'Wrote a.docx.'
>>> set_language("vi"); _("Đã ghi {path}.").format(path="a.docx")
'Đã ghi a.docx.'
>>> from_environment({"LANG": "en_US.UTF-8"}), from_environment({"LANG": "C.UTF-8"})
('en', 'vi')
>>> from_environment({"DRAFTER_LANG": "vi", "LC_ALL": "en_GB.UTF-8"})
'vi'
>>> set_language(None)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: Environment variables read for the language, in gettext's order after our own.
ENVIRONMENT = ("DRAFTER_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_chosen: str | None = None


def set_language(language: str | None) -> None:
    """Use ``language`` ("vi" or "en") from now on; ``None`` goes back to the environment."""
    global _chosen
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    _chosen = language


def language() -> str:
    return _chosen or from_environment(os.environ)


def from_environment(environ: Mapping[str, str]) -> str:
    for name in ENVIRONMENT:
        value = environ.get(name, "")
        if not value:
            continue
        for entry in value.split(":"):  # LANGUAGE may list several, "fr:en"
            code = entry.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
        return DEFAULT  # the first variable set decides, as in gettext ("C.UTF-8" included)
    return DEFAULT


# ------------------------------------------------------------------ catalogues


@lru_cache(maxsize=None)
def catalogue(lang: str, domain: str) -> dict[str, str | tuple[str, ...]]:
    """msgid -> translation of ``locale/LANG/LC_MESSAGES/DOMAIN.po``; fuzzy and empty entries left out."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
    if not path.is_file():
        return {}
    # Babel's reader costs more than the rest of ``drafter --help``: kept on disk by the file's stamp
    from drafter.cache import cached

    return cached(f"catalogue-{lang}-{domain}", [path, Path(__file__)], lambda: _read_catalogue(path, lang, domain))


def _read_catalogue(path: Path, lang: str, domain: str) -> dict[str, str | tuple[str, ...]]:
    from babel.messages.pofile import read_po

    with path.open("rb") as stream:
        parsed = read_po(stream, locale=lang, domain=domain)
    result: dict[str, str | tuple[str, ...]] = {}
    for message in parsed:
        if not message.id or message.fuzzy:
            continue
        key = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        if all(strings):
            result[key] = tuple(strings) if isinstance(message.string, (list, tuple)) else message.string
    return result


def _(message: str) -> str:
    """Our string (its Vietnamese text is the msgid) in the current language."""
    if not message or language() == DEFAULT:
        return message
    translated = catalogue(language(), "drafter").get(message)
    return translated if isinstance(translated, str) else message


def N_(message: str) -> str:
    """Mark a string for the catalogue without translating it yet (Click help, set later)."""
    return message


def click_gettext(message: str) -> str:
    """Click's string (English msgid) in the current language."""
    if language() != "vi":
        return message
    translated = catalogue("vi", "click").get(message)
    return translated if isinstance(translated, str) else message


def click_ngettext(singular: str, plural: str, count: int) -> str:
    if language() == "vi":
        translated = catalogue("vi", "click").get(singular)
        if isinstance(translated, tuple):
            return translated[0]  # Vietnamese has one form
        if isinstance(translated, str):
            return translated
    return singular if count == 1 else plural


_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "_optparse", "types", "termui",
                  "utils", "shell_completion", "_termui_impl")


def install_click() -> None:
    """Point the ``gettext`` names Click's modules imported at our catalogue (idempotent).

    Only names still bound to the standard ``gettext`` functions are changed, so a Click that
    stops using them is left alone (its strings then stay English).
    """
    import gettext
    import importlib
    import sys

    for name in _CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            try:
                module = importlib.import_module(f"click.{name}")
            except ImportError:
                continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = click_gettext
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = click_ngettext


def localize(command) -> None:
    """Set the help texts of a Click command (and its subcommands) in the current language.

    The texts first found on an object are its msgids; they are kept on the object, so that
    this can run again for another language.
    """
    import click

    stack = [command]
    while stack:
        item = stack.pop()
        _retext(item, ("help", "short_help", "epilog"))
        for param in item.params:
            _retext(param, ("help", "prompt"))
        if hasattr(item, "_help_option"):
            item._help_option = None  # Click makes it again, with its text in the current language
        if isinstance(item, click.Group):
            stack.extend(item.commands.values())


def _retext(item, names: tuple[str, ...]) -> None:
    for name, msgid in help_texts(item, names).items():
        setattr(item, name, _(msgid))


def help_texts(item, names: tuple[str, ...] = ("help", "short_help", "epilog", "prompt")) -> dict[str, str]:
    """The msgids of a Click command or parameter: its first texts, as Click prints them
    (``inspect.cleandoc``: a docstring's indentation is not part of the msgid)."""
    import inspect

    if "_drafter_msgids" not in item.__dict__:
        item.__dict__["_drafter_msgids"] = {name: getattr(item, name, None) for name in names if hasattr(item, name)}
    return {name: inspect.cleandoc(text) for name, text in item.__dict__["_drafter_msgids"].items()
            if isinstance(text, str) and text}


# ------------------------------------------------------------------ problems


def problem_texts(problem) -> tuple[str, str]:
    """(message, fix) of a :class:`~drafter.errors.Problem` in the current language."""
    if language() == DEFAULT:
        return problem.message, problem.fix
    import re

    from drafter.errors import MESSAGES, _defaults

    text, fix = MESSAGES[problem.code]
    fields = {"found": problem.found, "expected": problem.expected, **_defaults(problem.extra)}
    # the "did you mean" hints are built in several places with the same Vietnamese words
    hint = _("; có phải ý bạn là “{0}”?")
    fields["suggestion"] = re.sub(r"; có phải ý bạn là “(.*)”\?$", lambda match: hint.format(match.group(1)),
                                  str(fields["suggestion"]))
    detail = fields["detail"]
    parts = problem.extra.get("parts")
    if parts:  # a list of the message's own words ("người ký", "địa danh"), each translated
        from babel.lists import format_list

        fields["detail"] = format_list([_(part) for part in parts], locale=language())
    elif isinstance(detail, str):
        fields["detail"] = _(detail)  # the reasons of drafter.errors.os_reason and the like, when known
    return _printable(_(text).format(**fields)), _printable(_(fix).format(**fields))


def render_problem(problem) -> str:
    """:meth:`drafter.errors.Problem.render` in the current language."""
    if language() == DEFAULT:
        return problem.render()
    message, fix = problem_texts(problem)
    kind = _("lỗi") if problem.is_error else _("cảnh báo")
    field_path = f" [{_printable(problem.path)}]" if problem.path else ""
    stop = "" if message.endswith(("?", ".", "!")) else "."
    fix_label = _("Sửa:")
    # a place without a line is a file, or a part of the work named in words ("báo cáo tổng hợp")
    where = problem.where if problem.line is not None else _(problem.where)
    return f"{_printable(where)}: {kind} {problem.code}{field_path}: {message}{stop} {fix_label} {fix}"


def _printable(text: str) -> str:
    """As :meth:`Problem.render` shows text: control characters escaped (when errors.py has it)."""
    from drafter import errors

    printable = getattr(errors, "printable", None)
    return printable(text) if printable else text
