"""Answers worked out once and kept (issue 15): each must be the answer worked out afresh, for every
phrasing of every built-in bank, asked first and asked again. (Speed itself is measured in
benchmarks/, never asserted here.)
"""

from __future__ import annotations

import pytest

from drafter.packs.manifest import load_pack
from drafter.realise import openings
from drafter.realise.bank import load_bank
from drafter.realise.phrasing import Variant, pick_alternatives

_PACKS = (("bao-cao", "report"), ("tin-bai", "news"), ("tong-hop", "rollup"))
_KEPT = ("opening", "names_the_doer", "framing", "follows_a_lead_in", "_first_slot")


def _phrasings() -> list[Variant]:
    """Every phrasing as the realiser asks of it: with its ``<…|…>`` chosen (the first, the last)."""
    found = []
    for name, kind in _PACKS:
        pack = load_pack(name)
        bank = load_bank(pack.bank_files(), kind, shipped=pack.shipped)
        for entry in [*bank.entries.values(), *bank.headings.values()]:
            for variant in [*entry.variants, *entry.clauses]:
                if not variant.alternatives:
                    found.append(variant)
                    continue
                for pick in (lambda n: 0, lambda n: n - 1):
                    found.append(Variant(tuple(pick_alternatives(s, pick) for s in variant.sentences), variant.where))
    return found


@pytest.mark.parametrize("name", _KEPT)
def test_a_kept_opening_is_the_one_worked_out_afresh(name):
    kept = getattr(openings, name)
    phrasings = _phrasings()
    assert len(phrasings) > 300
    fresh = [kept.uncached(variant) for variant in phrasings]
    assert [kept(variant) for variant in phrasings] == fresh  # worked out, then kept
    assert [kept(variant) for variant in phrasings] == fresh  # read back
    assert len(set(map(repr, fresh))) > 1  # phrasings that differ are told apart
