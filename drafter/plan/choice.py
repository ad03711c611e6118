"""Deterministic choice: the same unit, period and variant give the same words on every machine."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from drafter.facts import Facts


def variant_seed(facts: Facts, override: int | None = None) -> str:
    """The seed that picks phrasings: the unit and the period, or a forced variant."""
    report = facts.report
    own = f"{report.unit.kind}|{report.unit.name}|{report.unit.province}|{report.period.year}|{report.period.span}"
    return variant_seed_of(own, override)


def variant_seed_of(seed: str, override: int | None = None) -> str:
    """``seed``, or the seed of a forced variant (``--variant N``)."""
    return f"variant:{override}" if override is not None else seed


def _index(seed: str, key: str, count: int) -> int:
    digest = hashlib.sha256(f"{seed}#{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % count


@dataclass(frozen=True)
class Chooser:
    """Deterministic choices for one draft: same seed, same words, on every machine.

    >>> pick = Chooser("x")
    >>> pick.choose("lead", "a", "b", "c") == pick.choose("lead", "a", "b", "c")
    True
    >>> sorted(pick.shuffle("order", [1, 2, 3]))
    [1, 2, 3]
    """

    seed: str

    def choose(self, key: str, *options):
        if not options:
            return ""
        return options[_index(self.seed, key, len(options))]

    def shuffle(self, key: str, items) -> list:
        items = list(items)
        return sorted(items, key=lambda item: hashlib.sha256(f"{self.seed}#{key}#{items.index(item)}".encode()).digest())

    def number(self, key: str, count: int) -> int:
        if count == 1:  # often (one phrasing left to choose): what the hash would give, without it
            return 0
        return _index(self.seed, key, count)

