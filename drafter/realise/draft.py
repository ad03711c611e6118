"""A report's or an article's draft, said with a phrase bank: plan -> realise -> Draft.

>>> from drafter.facts import build_facts
>>> from drafter.inputs import load_report
>>> from drafter.packs.manifest import load_pack
>>> facts = build_facts(load_report("samples/gia-lai-2026.yaml"))
>>> draft = draft_with_bank(load_pack("bao-cao"), facts)
>>> draft.masthead.summary
'Tổng kết công tác quốc phòng, quân sự địa phương năm 2026; phương hướng, nhiệm vụ năm 2027'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.document import Draft
from drafter.facts import Facts
from drafter.inputs.dates import signing_year
from drafter.realise.bank import load_bank
from drafter.realise.masthead import masthead_for, masthead_of
from drafter.realise.realiser import realise

if TYPE_CHECKING:
    from drafter.facts.rollup import RollupFacts


def plans(pack_kind: str):
    """What a kind of pack plans, and the bank kind it checks its phrase bank against; the plan is
    imported when a draft of its kind is made (a report needs no news plan)."""
    if pack_kind == "decree30":
        from drafter.plan.report import plan_report

        return plan_report, "report"
    if pack_kind == "news":
        from drafter.plan.news import plan_news

        return plan_news, "news"
    raise KeyError(pack_kind)


def draft_with_bank(pack, facts: Facts, variant: int | None = None, bank=None) -> Draft:
    """The draft of a pack whose wording is a phrase bank (``pack.uses_bank``); ``bank``: the
    pack's bank as :func:`bank_of` gave it, when the caller keeps it (a batch)."""
    planner, kind = plans(pack.kind)
    bank = bank or bank_of(pack)
    plan = planner(facts, variant)
    realised = realise(plan, bank, (facts.period.compared, facts.period.compared_short))
    title = realised.summary or realised.headline
    if pack.kind != "decree30":
        return Draft(blocks=realised.blocks, title=title, author=facts.issuing_agency)
    masthead = masthead_for(facts, realised.summary, plan.doc_type)
    return Draft(blocks=realised.blocks, masthead=masthead, title=title, author=facts.issuing_agency)


def bank_of(pack):
    """The pack's phrase bank, checked for what the pack plans."""
    return load_bank(pack.bank_files(), plans(pack.kind)[1], shipped=pack.shipped)


def draft_rollup(pack, facts: RollupFacts, variant: int | None = None) -> Draft:
    """The draft of a roll-up pack (kind ``rollup``): the same plan stages and masthead as a report."""
    from drafter.plan.rollup import plan_rollup

    bank = load_bank(pack.bank_files(), "rollup", shipped=pack.shipped)
    plan = plan_rollup(facts, variant)
    realised = realise(plan, bank, (facts.period.compared, facts.period.compared_short))
    summary = facts.summary or realised.summary
    masthead = masthead_of(facts.issuer, facts.number, facts.date, summary, plan.doc_type,
                           signing_year(facts.period.year, facts.period.span))
    return Draft(blocks=realised.blocks, masthead=masthead, title=summary, author=facts.issuer.agency)
