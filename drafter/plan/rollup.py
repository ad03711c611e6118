"""The plan of a roll-up (pack ``tong-hop``): a report over the figures of many units.

The same topics, in the same order, as a single unit's report (:mod:`drafter.plan.report`), told
from the sums of the units' raw figures and rates recomputed from them; a figure that only some
units give says so ("số liệu của 2/3 đơn vị"), and a rate taken over some of them too. Then what
only many units have: who met the recruitment quota and who did not (with a chart when a reader
would rather look), a table with one row per unit, and the units' proposals, those addressed
to the compiling body itself set apart. No assessment is invented: the roll-up states figures.
"""

from __future__ import annotations

from dataclasses import replace

from drafter import vnformat
from drafter.document import Source
from drafter.facts.figures import RATES
from drafter.facts.rollup import RollupFacts, UnitRow
from drafter.plan import activities, forces
from drafter.plan.choice import variant_seed_of
from drafter.plan.model import (
    ChartPlan,
    DocumentPlan,
    HeadingPlan,
    Message,
    ParagraphPlan,
    Slot,
    TablePlan,
)
from drafter.plan.report import WORK_ITEMS
from drafter.plan.scope import Scope, message, nested
from drafter.plan.slots import derived, figure, flag, label, plain

#: Part I of a roll-up: the report's items, without readiness (no unit's days add up to anything);
#: the situation of security, the report's context, is an item here (a roll-up has no context).
ITEMS = (("leadership", ("leadership",)), ("security", ("security",)), *WORK_ITEMS, ("funding", ("funding",)))
TOPICS = {
    "leadership": activities.leadership, "funding": activities.funding, "security": activities.security,
    "exercises": activities.exercises, "militia": forces.militia, "reserve": forces.reserve,
    "education": forces.education, "recruitment": forces.recruitment, "welfare": activities.welfare,
    "disaster": activities.disaster, "remains": activities.remains,
    "foreign_relations": activities.foreign_relations, "defence_land": activities.defence_land,
}
#: Most bars one chart shows (as :data:`drafter.layout.chart.MAX_BARS`; the plan picks the units).
MAX_BARS = 30


def _count(value: int) -> Slot:
    return Slot("count", value)


def _units_count(rows, rate: str = "recruitment_rate") -> Slot:
    """How many units, resting on each one's rate: "Tất cả 9 đơn vị …" is a claim about each."""
    rates = ", ".join(f"{row.label} {vnformat.format_percent(row.figures.derived.get(rate) or 0)}" for row in rows)
    return Slot("count", len(rows), Source(rate, rates, "derived", units=tuple(row.label for row in rows)))


def _given(rf: RollupFacts, slot: Slot) -> list[tuple[str, int]]:
    """Each summed figure of a slot, with how many units it rests on (one for a figure, one per
    item of a list, a total as many as gave one of its parts); [] for a slot that states none."""
    sources = (slot.source,) if slot.source is not None else slot.sources
    return [(source.path, rf.figures.cover.get(source.path, rf.count)) for source in sources if source is not None and (
        source.kind == "figure" or (source.kind == "derived" and source.path in rf.figures.cover))]


def _cover(rf: RollupFacts, slot: Slot) -> int:
    return min([cover for _, cover in _given(rf, slot)] or [rf.count])


def _stated(message: Message) -> list[Slot]:
    """The slots a message states, those of the messages said inside it included."""
    found = []
    for slot in message.slots.values():
        found += _stated(slot.value) if slot.kind == "message" else [slot]
    return found


def _one_giver(rf: RollupFacts, slots: list[Slot]) -> str | None:
    """The unit, when only one of several gives every figure the slots state: the sentence is then
    about that unit ("Tỉnh Gia Lai đã tổ chức 9 hoạt động …"), not "Các đơn vị … (số liệu của tỉnh
    Gia Lai)"."""
    given = [pair for slot in slots for pair in _given(rf, slot)]
    if not given or rf.count == 1 or max(cover for _, cover in given) != 1:
        return None
    paths = {path for path, _ in given}
    givers = [row.label for row in rf.rows if paths & (row.figures.values.keys() | row.figures.derived.keys())]
    return givers[0] if len(givers) == 1 else None


def _cover_note(rf: RollupFacts, slots: list[Slot], topic: str) -> Slot | None:
    """"(số liệu của 2/3 đơn vị)", or for figures that rest on different numbers of units
    "(số liệu của 1 đến 2 trong 3 đơn vị, tùy chỉ tiêu)"; None when every unit gives them."""
    covers = [cover for slot in slots for _, cover in _given(rf, slot)]
    if not covers or min(covers) == rf.count:
        return None
    least, most = min(covers), max(covers)
    if least == most:
        return nested("rollup.cover", topic, given=_count(least), count=_count(rf.count))
    return nested("rollup.cover_uneven", topic, least=_count(least), most=_count(most), count=_count(rf.count))


def _partial(rf: RollupFacts, message: Message) -> Message:
    """The message with a note of how many units its figures rest on (every figure it states:
    a count of party members from two units beside a strength from three is not the whole's),
    and of the units its rates rest on; or, when one unit gives them all, with that unit as its
    subject."""
    fig = rf.figures
    stated = _stated(message)
    one = _one_giver(rf, stated)
    if one is not None:
        subject = Slot("plain", one, Source("unit.name", one, "text", units=(one,)))
        return replace(message, slots={**message.slots, "subject": subject})
    extra: dict[str, Slot] = {}
    note = _cover_note(rf, stated, message.topic)
    if note is not None:
        extra["cover"] = note
    for slot in message.slots.values():
        path = slot.source.path if slot.source is not None else ""
        if "basis" not in extra and path in RATES and fig.basis.get(path, rf.count) < rf.count:
            extra["basis"] = nested("rollup.basis", message.topic, given=_count(fig.basis[path]))
    return replace(message, slots={**message.slots, **extra}) if extra else message


def _parts_apart(rf: RollupFacts, message: Message) -> list[Message]:
    """A breakdown in brackets ("… đồng chí (gồm …)") says that its parts make up the total: when
    fewer units give the parts than the total, the parts are said apart, with their own cover."""
    parts = message.slots.get("parts")
    totals = [slot for name, slot in message.slots.items() if name != "parts" and slot.kind == "count"]
    if parts is None or not totals or _cover(rf, parts) >= _cover(rf, totals[0]):
        return [message]
    rest = {name: slot for name, slot in message.slots.items() if name != "parts"}
    return [replace(message, slots=rest), replace(message, key=f"rollup.{message.topic}.parts", slots={"parts": parts})]


def _units_slot(rows: tuple[UnitRow, ...], rate: str | None = "recruitment_rate") -> Slot:
    """Units named in a sentence, each with its rate: "xã A (96,15%), xã B (90%)"."""
    items = [(row.label, row.figures.derived.get(rate) if rate else None) for row in rows]
    return Slot("units", items, sources=tuple(Source(rate or "unit.name", str(value or ""), "derived" if rate else "text",
                                                     units=(label,)) for label, value in items))


def _recruitment_units(rf: RollupFacts) -> list[Message]:
    rated, below = rf.rated, rf.below
    found: list[Message] = []
    if len(rated) == 1:  # "Cả 1 đơn vị … đều" says nothing a writer would: the unit, with its rate
        found.append(message("rollup.recruitment.one", "recruitment", units=_units_slot(rated)))
    elif rated and not below:
        found.append(message("rollup.recruitment.all_reached", "recruitment", rated=_units_count(rated),
                             partly=flag(len(rated) < rf.count),
                             exceeded=_units_count(rf.exceeded) if rf.exceeded else None))
    elif rated and not rf.reached:
        found.append(message("rollup.recruitment.none_reached", "recruitment", rated=_units_count(rated),
                             units=_units_slot(below)))
    elif rated:
        found.append(message("rollup.recruitment.some_below", "recruitment", reached=_count(len(rf.reached)),
                             rated=_count(len(rated)), exceeded=_count(len(rf.exceeded)) if rf.exceeded else None,
                             below=_count(len(below)), units=_units_slot(below)))
    if rf.police_below:
        found.append(message("rollup.recruitment.police_below", "recruitment", below=_count(len(rf.police_below)),
                             units=_units_slot(rf.police_below, "police_rate")))
    missing = rf.without_recruitment
    if missing and len(missing) < rf.count:
        found.append(message("rollup.recruitment.missing", "recruitment", count=_count(len(missing)),
                             units=_units_slot(missing, None)))
    return found


def chart_rows(rf: RollupFacts) -> tuple[list[UnitRow], bool]:
    """The units a recruitment chart shows, and whether they are only those below target.

    Up to :data:`MAX_BARS` units: all of them, lowest rate on top. Beyond that a reader looks
    for who is behind, so the chart keeps the units below target (the furthest behind, when
    even they are too many). Empty when the chart would add nothing: fewer than three units
    with a rate, or every rate the same.
    """
    rated = list(rf.rated)
    if len(rated) < 3 or len({row.recruitment_rate for row in rated}) < 2:
        return [], False
    ordered = sorted(rated, key=lambda row: (row.recruitment_rate, row.number))
    if len(ordered) <= MAX_BARS:
        return ordered, False
    return [row for row in ordered if row.below_target][:MAX_BARS], True


def _chart(rf: RollupFacts) -> list:
    rows, only_below = chart_rows(rf)
    if not rows:
        return []
    whose = "chart.whose.all"
    if only_below:
        whose = "chart.whose.lowest" if len(rows) < len(rf.below) else "chart.whose.below"
    caption = message("rollup.chart.caption", "recruitment", period=plain(rf.period.name), whose=label(whose),
                      shown=_count(len(rows)))
    intro = message("rollup.chart.intro", "recruitment", whose=label(whose), shown=_count(len(rows)),
                    rest=flag(only_below))
    bars = tuple((vn_label(row.label), row.recruitment_rate, row.below_target) for row in rows)
    return [ParagraphPlan((intro,)), ChartPlan(bars, "chart.axis", ("chart.below", "chart.reached", "chart.line"),
                                               caption)]


def vn_label(text: str) -> str:
    return text[:1].upper() + text[1:]


#: Columns of the table by unit: header label key, width, figure path or derived rate.
COLUMNS = (("table.quota", 1.2, "recruitment.quota"), ("table.delivered", 1.2, "recruitment.delivered"),
           ("table.rate", 1.1, "recruitment_rate"), ("table.militia", 1.2, "militia.strength"),
           ("table.militia_share", 1.4, "militia_share"))


def _cell(figures, name: str, units=()) -> Slot | None:
    return derived(figures, name, units) if name in RATES else figure(figures, name, units=units)


def unit_table(rf: RollupFacts) -> TablePlan | None:
    """One row per unit and a "Tổng cộng" row; columns only for figures some unit gives."""
    columns = [c for c in COLUMNS if _cell(rf.figures, c[2]) is not None]
    if not columns:
        return None
    rows = [(plain(str(row.number)), plain(vn_label(row.label)))
            + tuple(_cell(row.figures, c[2], (row.label,)) for c in columns) for row in rf.rows]
    rows.append((plain(""), label("table.total")) + tuple(_cell(rf.figures, c[2], rf.labels) for c in columns))
    return TablePlan(("table.number", "table.unit") + tuple(c[0] for c in columns), tuple(rows),
                     (0.6, 2.6) + tuple(c[1] for c in columns))


def _proposals(rf: RollupFacts) -> tuple[list, list]:
    """The units' proposals, identical ones merged; those naming the compiling body set apart."""
    grouped: dict[str, tuple[str, list[str], list[Source]]] = {}
    for row in rf.rows:
        for index, item in enumerate(row.report.proposals):
            text = item.strip()
            # the same proposal typed with another case, spacing or final stop is the same proposal
            entry = grouped.setdefault(" ".join(text.casefold().rstrip(" .;").split()), (text, [], []))
            entry[1].append(row.label)
            entry[2].append(Source(f"proposals[{index}]", item, "text", units=(row.label,)))
    own = [name.casefold() for name in (rf.issuer.agency, rf.issuer.short) if name]
    general, to_issuer = [], []
    for text, units, sources in grouped.values():
        whom = label("rollup.all_units") if len(units) == rf.count > 1 else Slot(
            "units", [(u, None) for u in units], sources=tuple(Source("unit.name", u, "text", units=(u,)) for u in units))
        item = message("rollup.proposal", "proposals", units=whom, item=Slot("clause", text, sources[0]))
        (to_issuer if any(name in text.casefold() for name in own) else general).append(
            ParagraphPlan((item,), item=True))
    return general, to_issuer


def plan_rollup(rf: RollupFacts, variant: int | None = None) -> DocumentPlan:
    period_slots = dict(review=label(f"review.{rf.period.span}"), period=plain(rf.period.name, "period.year"))
    noun = plain(rf.scope_noun)
    issuer = None if rf.issuer.blanks and "cơ quan ban hành" in rf.issuer.blanks else plain(rf.issuer.agency)
    blocks: list = [ParagraphPlan((message("rollup.opening", "document", count=_count(rf.count), units=noun,
                                           issuer=issuer, **period_slots),))]
    scope = Scope(rf.figures, rf.period, "", "các đơn vị", rf.period.communes, None, rf.labels)
    results: list = []
    for key, topics in ITEMS:
        paragraphs = []
        for topic in topics:
            found = [_partial(rf, part) for m in TOPICS[topic](scope) for part in _parts_apart(rf, m)]
            if topic == "recruitment":
                found += _recruitment_units(rf)
            if found:
                paragraphs.append(ParagraphPlan(tuple(found)))
            if topic == "recruitment" and found:
                paragraphs += _chart(rf)
        if paragraphs:
            results += [HeadingPlan("arabic", key)] + paragraphs
    awards = figure(rf.figures, "awards.collectives", units=rf.labels)
    if awards:
        results += [HeadingPlan("arabic", "awards"), ParagraphPlan((_partial(rf, message(
            "rollup.awards", "awards", collectives=awards,
            individuals=figure(rf.figures, "awards.individuals", units=rf.labels))),))]
    if results:
        blocks += [HeadingPlan("part", "results")] + results
    table = unit_table(rf)
    if table is not None:
        gaps = any(cell is None for row in table.rows for cell in row)
        blocks += [HeadingPlan("part", "table"), ParagraphPlan((message(
            "rollup.table.intro", "document", gaps=flag(gaps)),)), table]
    general, to_issuer = _proposals(rf)
    if general:
        blocks += [HeadingPlan("part", "proposals")] + general
    if to_issuer:
        blocks += [HeadingPlan("part", "proposals_to_issuer", {"issuer": plain(rf.issuer.short)})] + to_issuer
    blocks.append(ParagraphPlan((message("rollup.closing", "document", units=noun, period=period_slots["period"]),)))
    summary = message("rollup.summary", "document", units=noun, period=period_slots["period"])
    return DocumentPlan("rollup", tuple(blocks), variant_seed_of(rf.seed, variant), summary=summary)
