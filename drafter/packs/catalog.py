"""Template packs for offices: list the built-in ones, export one to edit, check any template.

>>> [pack.name for pack in list_packs()][:1]
['bao-cao']
>>> check("bao-cao")
[]

What a check finds is described in :mod:`drafter.packs.check` (packs) and
:mod:`drafter.packs.wordform` (Word forms); :func:`check` takes either, or a built-in
pack's name, and says which it is.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateNotFound, TemplateSyntaxError, nodes

from drafter.errors import DrafterError, Problem
from drafter.packs import TemplatePackError
from drafter.packs.check import check_source  # noqa: F401 - the public name
from drafter.packs.manifest import (  # noqa: F401 - pack_or_error: a public name here too
    SHARED_PHRASES,
    TemplatePack,
    builtin_names,
    is_word_form,
    load_pack,
    pack_or_error,
    templates_root,
)
from drafter.packs.pack_check import check_pack
from drafter.packs.sandbox import make_environment

KIND_WORDS = {"decree30": "văn bản hành chính, Nghị định 30", "news": "bài tin", "rollup": "báo cáo tổng hợp"}
PERIOD_WORDS = {"year": "cả năm", "half-year": "6 tháng đầu năm"}

# ------------------------------------------------------------------ listing


def list_packs() -> list[TemplatePack]:
    """The built-in packs, in name order."""
    return [load_pack(name) for name in builtin_names()]


def describe(pack: TemplatePack) -> str:
    """Three lines about a pack for ``drafter templates list``."""
    kind = KIND_WORDS.get(pack.kind, pack.kind)
    periods = ", ".join(PERIOD_WORDS.get(p, p) for p in pack.periods)
    return f"{pack.name} ({kind}): {pack.title}\n    {pack.description}\n    Kỳ báo cáo: {periods}"


# ------------------------------------------------------------------- export


def pack_files(source: str | Path) -> dict[str, str | bytes]:
    """A pack's files, and the shared partials and bank it uses, by name: what a copy needs to
    work alone (:func:`drafter.api.export_template` writes them). Read as the loader reads
    templates: no link, nothing outside the pack, bounded sizes."""
    from drafter.packs.loader import TemplateFileError
    from drafter.packs.pack_check import file_problem

    pack = pack_or_error(source)
    env = make_environment([pack.folder, templates_root() / "_shared"])
    names = [p.name for p in sorted(pack.folder.iterdir()) if p.is_file() and not p.is_symlink()]
    raw = {name: pack.folder / name for name in names}
    if pack.uses_bank and SHARED_PHRASES not in raw:
        raw[SHARED_PHRASES] = pack.bank_files()[0]  # the shared bank travels with the copy
    try:
        sources = {name: env.loader.get_source(env, name)[0] if name.endswith(".j2") else None for name in raw}
        for name in _referenced(env, "body.j2"):
            if name not in sources:
                sources[name] = env.loader.get_source(env, name)[0]
    except TemplateFileError as error:
        raise DrafterError([file_problem(error)]) from None
    return {Path(name).name: text if text is not None else _raw(raw[name]) for name, text in sources.items()}


def _raw(path: Path) -> bytes:
    """A pack's other files (manifest.yaml…), read as the loader reads templates."""
    from drafter.inputs.discovery import NotRegular, TooLarge, read_limited
    from drafter.packs.limits import MAX_TEMPLATE_BYTES

    try:
        return read_limited(path, MAX_TEMPLATE_BYTES, follow_symlinks=False)
    except NotRegular as error:
        raise DrafterError([Problem("E527", str(path), found=path.name, extra={"detail": error.kind})]) from None
    except TooLarge as error:
        raise DrafterError([Problem("E546", str(path), found=path.name, expected=f"{MAX_TEMPLATE_BYTES // 1024} KB",
                                    extra={"detail": f"{error.size:,} byte".replace(",", ".")})]) from None


def _referenced(env, name: str, seen: set[str] | None = None) -> list[str]:
    """Every template ``name`` includes or imports, directly or not (missing ones skipped)."""
    seen = set() if seen is None else seen
    try:
        source, _, _ = env.loader.get_source(env, name)
        tree = env.parse(source)
    except (TemplateNotFound, TemplateSyntaxError, RecursionError):
        return []
    found = []
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        ref = node.template.value if isinstance(node.template, nodes.Const) else None
        if isinstance(ref, str) and ref not in seen and len(seen) < 100:
            seen.add(ref)
            found += [ref, *_referenced(env, ref, seen)]
    return found


# -------------------------------------------------------------------- check


def check(target: str | Path, trial: bool = True) -> list[Problem]:
    """Every problem of a pack folder, a built-in pack's name or a Word form; [] when it is fine.

    ``trial``: a template without problems is also run once on the guide's example data, for
    faults that do not depend on data (a self-include, a loop without end).
    """
    if is_word_form(target):
        from drafter.packs.wordform import check_form

        return check_form(target, trial=trial)
    try:
        pack = load_pack(target)
    except TemplatePackError as error:
        if error.code == "E522":
            return [Problem("E522", str(target), found=str(target), expected=", ".join(builtin_names()))]
        return [error.problem(str(target))]
    return check_pack(pack.folder, trial=trial)
