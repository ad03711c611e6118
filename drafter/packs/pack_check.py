"""The check of a whole pack: its manifest, ``body.j2``, every file that one pulls in, then (with
``trial``) one bounded run on the guide's example data.

Files are read as :mod:`drafter.packs.loader` allows (no link, no file outside the pack, UTF-8,
bounded size and tags); each template's text is checked by :func:`drafter.packs.check.check_source`.
The answer is kept while no file of the pack changes: a batch checks its pack once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import Problem
from drafter.packs import TemplatePackError
from drafter.packs.manifest import load_pack, templates_root

if TYPE_CHECKING:  # Jinja2 is loaded for a Jinja2 pack only
    from drafter.packs.loader import TemplateFileError

#: Files one pack may pull in (includes, imports): far more than any real pack, few enough to check.
MAX_FILES = 100
_CHECKED: dict[tuple, list[Problem]] = {}


def check_pack(folder: Path, trial: bool = True) -> list[Problem]:
    """Problems of a pack: its manifest, ``body.j2`` and every template that one pulls in; with
    ``trial``, then what a run on the guide's example data says (:func:`_trial`)."""
    folder = Path(folder) if Path(folder).is_absolute() else Path(os.path.realpath(folder))
    shared = templates_root() / "_shared"
    # the answer only changes when a file does: batch runs check a pack once
    key = (folder, *_state(folder), *_state(shared))
    if len(_CHECKED) > 64:
        _CHECKED.clear()
    if key not in _CHECKED:
        _CHECKED[key] = _check_pack(folder, shared)
    if trial and not _CHECKED[key] and (key, "trial") not in _CHECKED:
        _CHECKED[key, "trial"] = _trial(load_pack(folder))
    return list(_CHECKED[key] or (_CHECKED.get((key, "trial"), []) if trial else []))


def _state(folder: Path) -> list[tuple]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return []
    found = []
    for entry in entries[:1000]:
        info = entry.stat(follow_symlinks=False)
        found.append((entry.name, info.st_mode, info.st_mtime_ns, info.st_size))
    return found


def variables_for(kind: str) -> dict | None:
    """The variables a Jinja2 pack of this kind sees, as :class:`~drafter.packs.variables.Var`.

    Report and news packs see :func:`drafter.packs.jinja.context`; a roll-up is said only by a
    phrase bank (its pack has ``phrases.yaml``), so it has no variables.
    """
    from drafter.packs.variables import context_vars

    return context_vars() if kind != "rollup" else None


def _check_pack(folder: Path, shared: Path) -> list[Problem]:
    try:
        pack = load_pack(folder)
    except TemplatePackError as error:
        return [error.problem(folder.name)]
    if pack.uses_bank:
        return bank_problems(pack)
    if pack.kind == "rollup":
        return [Problem("E504", str(folder / "manifest.yaml"), found=folder.name, extra={
            "detail": "mẫu tổng hợp nhiều đơn vị cần ngân hàng câu phrases.yaml (xuất mẫu tong-hop để làm theo)"})]
    # Jinja2 and the template checks, for a Jinja2 pack only: a phrase bank is checked above
    from jinja2 import TemplateNotFound

    from drafter.packs.check import check_source
    from drafter.packs.loader import TemplateFileError
    from drafter.packs.sandbox import make_environment

    variables = variables_for(pack.kind)
    env = make_environment([folder, shared])
    problems: list[Problem] = []
    todo, seen = [("body.j2", str(folder), None)], {"body.j2"}
    while todo:
        name, caller, line = todo.pop(0)
        try:
            source, filename, _ = env.loader.get_source(env, name)
        except TemplateFileError as error:
            problems.append(file_problem(error))
            continue
        except TemplateNotFound:
            problems.append(Problem("E524", caller, line, found=name))
            continue
        references: list[tuple[str, int]] = []
        problems += check_source(env, source, filename, references=references, variables=variables)
        for ref, ref_line in references:
            if ref not in seen and len(seen) < MAX_FILES:
                seen.add(ref)
                todo.append((ref, filename, ref_line))
    return problems


def _trial(pack) -> list[Problem]:
    """What running the pack on the guide's example report says (a self-include, a loop without
    end, a function printed…): found now, with its line, rather than at the first real render.

    The run is bounded like any other (:mod:`drafter.packs.limits`). A phrase bank runs no code:
    its check is the whole of it.
    """
    if pack.uses_bank or pack.kind == "rollup":
        return []
    from drafter.packs.failures import TRIAL_CODES  # Jinja2 and the example data: for a Jinja2 pack only
    from drafter.packs.jinja import context, render_template
    from drafter.packs.variables import example_facts

    try:
        values = context(example_facts())
    except Exception:  # noqa: BLE001 - the example is another module's business; the check stands
        return []
    try:
        render_template(pack, values)
    except TemplatePackError as error:
        problem = error.problem(pack.name)
        return [problem] if problem.code in TRIAL_CODES else []
    return []


def bank_problems(pack) -> list[Problem]:
    """Problems of a pack's phrase bank (keys, slots, brackets, terms), each with file and line."""
    from drafter.realise.bank import BankError, load_bank

    kind = {"decree30": "report", "news": "news", "rollup": "rollup"}.get(pack.kind, pack.kind)
    try:
        load_bank(pack.bank_files(), kind, shipped=pack.shipped)
    except BankError as error:
        return [bank_problem(code, where, detail) for code, where, detail in error.problems]
    return []


def bank_problem(code: str, where: str, detail: str) -> Problem:
    """A bank problem ("file:line") as a located :class:`Problem`."""
    file, _, line = where.rpartition(":")
    if not line.isdigit():
        file, line = where, ""
    return Problem(code, file, int(line) if line else None, extra={"detail": detail})


def file_problem(error: TemplateFileError) -> Problem:
    """Why a template file was not read: at the file itself (E105, E546, E527)."""
    if error.code == "E105":
        return Problem("E105", error.path, int(error.expected or 0) or None, extra={"detail": error.detail})
    return Problem(error.code, error.path, found=Path(error.path).name, expected=error.expected,
                   extra={"detail": error.detail})
