"""Rendering a Jinja2 pack: its body, for one report's facts or for the variables a caller builds."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from drafter.document import Draft
from drafter.facts import Facts
from drafter.packs import TemplatePackError
from drafter.packs.failures import from_template
from drafter.packs.manifest import TemplatePack, templates_root
from drafter.packs.markup import Wording, render_markup
from drafter.packs.sandbox import make_environment
from drafter.packs.syntax import TOO_DEEP
from drafter.plan.choice import Chooser, variant_seed
from drafter.realise.masthead import masthead_for


@lru_cache(maxsize=32)
def _environment(folder: Path) -> ImmutableSandboxedEnvironment:
    return make_environment([folder, templates_root() / "_shared"])


def _template(folder: Path):
    # The environment is cached, not the template: Jinja re-reads a file that
    # changed on disk, so an office editing its pack sees the edit at once.
    env = _environment(folder)
    try:
        return env.get_template("body.j2")
    except TemplateError as error:
        raise from_template(error, str(folder / "body.j2"), getattr(error, "lineno", None)) from None
    except (RecursionError, SyntaxError):  # nested deeper than Python compiles: the checker refuses it too
        raise TemplatePackError(str(folder / "body.j2"), TOO_DEEP, code="E510") from None



def context(facts: Facts, variant: int | None = None) -> dict:
    """The variables a template sees (documented for users in docs/mau-bao-cao.md)."""
    chooser = Chooser(variant_seed(facts, variant))
    return {
        "r": facts.report,
        "unit": facts.unit,
        "period": facts.period,
        "d": facts.derived,
        "changes": facts.changes,
        "facts": facts,
        "choose": chooser.choose,
        "shuffle": chooser.shuffle,
        "pick": chooser.number,
    }


def render_pack(pack: TemplatePack, facts: Facts, variant: int | None = None) -> Wording:
    """Render a pack's body for these facts."""
    return render_template(pack, context(facts, variant))


def render_template(pack: TemplatePack, values: dict) -> Wording:
    """Render a pack's body with the given variables.

    This is the hook for drafts that are not about one report (the roll-up of many
    units builds its own variables). ``values["tables"]`` and ``values["images"]``,
    when present, map names to the :class:`Table` and :class:`Image` blocks that the
    body places with ``!table NAME`` and ``!image NAME``.
    """
    template = _template(pack.folder)
    try:
        text = template.render(values)
    except Exception as error:  # noqa: BLE001 - sorted out below: the template's fault, or ours
        failure = from_template(error, str(pack.folder / "body.j2"))
        if failure is None:
            raise
        raise failure from None
    try:
        return render_markup(text, values.get("tables"), values.get("images"))
    except TemplatePackError as error:
        error.where = str(pack.folder / "body.j2")
        raise error from None


def build_draft(pack: TemplatePack, facts: Facts, variant: int | None = None) -> Draft:
    """The whole draft: the pack's wording plus the masthead the facts dictate."""
    if pack.kind == "rollup":
        # its body speaks of many units, not of one report's facts
        raise TemplatePackError(str(pack.folder / "manifest.yaml"),
                                "mẫu này tổng hợp nhiều đơn vị, dùng lệnh “drafter rollup”")
    wording = render_pack(pack, facts, variant)
    title = wording.summary or wording.headline
    if pack.kind != "decree30":
        return Draft(blocks=wording.blocks, title=title, author=facts.issuing_agency)
    masthead = masthead_for(facts, wording.summary, wording.doc_type)
    return Draft(blocks=wording.blocks, masthead=masthead, title=title, author=facts.issuing_agency)
