"""Slots from facts: each value a message states, with the source it rests on.

>>> from drafter.facts.figures import Figures
>>> figures = Figures(values={"recruitment.quota": 10}, cover={"recruitment.quota": 1})
>>> figure(figures, "recruitment.quota")
Slot(kind='count', value=10, source=Source(path='recruitment.quota', value='10', kind='figure', inputs=(), units=()), sources=(), unit='')
>>> figure(figures, "recruitment.delivered") is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from drafter.document import Source
from drafter.facts.figures import CHANGES, DERIVED_INPUTS, Figures
from drafter.plan.model import Slot

#: Slot kinds of figures whose field says what they are.
_KIND_BY_FIELD = {"amount": "money", "area_ha": "number", "rate": "rate", "share": "rate", "party_share": "rate",
                  "communes_share": "rate"}


def _raw(value) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def figure(figures: Figures, path: str, kind: str | None = None, units: Sequence[str] = ()) -> Slot | None:
    """The figure at ``path`` (a value, or a sum over the units), or None when not given."""
    value = figures.values.get(path)
    if value is None:
        return None
    if not kind:
        kind = _KINDS.get(path)
        if kind is None:  # worked out once per path: the same hundred figures in every report
            kind = _KIND_BY_FIELD.get(path.rsplit(".", 1)[-1], "count")
            if len(_KINDS) < 4096:
                _KINDS[path] = kind
    return Slot(kind, value, Source(path, _raw(value), "figure", units=tuple(units)))


#: Figure path -> its slot kind, as :func:`figure` works it out (bounded, for paths with list indexes).
_KINDS: dict[str, str] = {}


def derived(figures: Figures, name: str, units: Sequence[str] = ()) -> Slot | None:
    """A derived value (rate, share, total), or None when it cannot be computed."""
    value = figures.derived.get(name)
    if value is None:
        return None
    kind = "rate" if isinstance(value, Decimal) else "count"
    return Slot(kind, value, Source(name, _raw(value), "derived", DERIVED_INPUTS.get(name, ()), tuple(units)))


def change(figures: Figures, name: str, unit: str = "") -> Slot | None:
    """The change of a figure against the previous period, or None without both figures."""
    found = figures.changes.get(name)
    if found is None:
        return None
    source = Source(f"changes.{name}", f"{found.previous} → {found.current}", "derived", CHANGES[name])
    return Slot("change", found, source, unit=unit)


def text(value: str | None, path: str, kind: str = "text") -> Slot | None:
    """A text of the input (a name, a venue, one note), or None when absent."""
    if value is None or not str(value).strip():
        return None
    return Slot(kind, str(value), Source(path, str(value), "text"))


def texts(items: Sequence[str], path: str, kind: str = "clauses") -> Slot | None:
    """A list of the user's items (notes, tasks), each with its own source; None when empty."""
    kept = [(index, item) for index, item in enumerate(items) if item and str(item).strip()]
    if not kept:
        return None
    return Slot(kind, [str(item) for _, item in kept],
                sources=tuple(Source(f"{path}[{index}]", str(item), "text") for index, item in kept))


def figures_list(figures: Figures, paths: Iterable[str], units: Sequence[str] = (),
                 kind: str = "count") -> Slot | None:
    """Counts with their labels ("96 cán bộ đối tượng 2, 742 …"); labels are the bank's, by path
    without list indexes ("awards.collectives" for "awards[0].collectives")."""
    items = []
    for path in paths:
        value = figures.values.get(path)
        if value is not None:
            items.append((value, path, Source(path, _raw(value), "figure", units=tuple(units)), kind))
    if not items:
        return None
    return Slot("figures", items, sources=tuple(item[2] for item in items))


def plain(value: str, path: str = "") -> Slot:
    """Text the plan builds from the facts (a unit's full name, a period's name)."""
    return Slot("plain", value, Source(path, value, "text") if path else None)


def label(key: str, source: Source | None = None) -> Slot:
    """A wording of the bank's, named by key (labels:); ``source`` when the key comes from the input."""
    return Slot("label", key, source)


def flag(condition: bool) -> Slot | None:
    """A slot that prints nothing: its presence keeps an optional part "[ … {flag}]" of a phrasing."""
    return Slot("flag", True) if condition else None


def slots(**found: Slot | None) -> dict[str, Slot]:
    """The given slots, those that are None or empty left out.

    >>> sorted(slots(a=plain("x"), b=None))
    ['a']
    """
    return filled(found)


def filled(found: dict[str, Slot | None]) -> dict[str, Slot]:
    """:func:`slots` of a mapping already made (``message`` has one: no second one from ``**``)."""
    return {name: slot for name, slot in found.items() if slot is not None and not slot.empty}
