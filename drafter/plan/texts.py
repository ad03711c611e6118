"""Messages made of the user's own words: notes and legal bases of each topic, the assessment,
directions, proposals and awards. The words are kept as the user wrote them; the bank only
frames them.
"""

from __future__ import annotations

from drafter.document import Source
from drafter.inputs.model import Directive
from drafter.plan.model import Message, Slot
from drafter.plan.scope import Scope, message
from drafter.plan.slots import figures_list, label, text, texts

#: Sections whose ``notes`` and ``legal_bases`` belong to a topic of the plan, by topic.
SECTIONS = {
    "context": "socio_economic", "leadership": "leadership", "readiness": "readiness", "security": "security",
    "exercises": "exercises", "militia": "militia", "reserve": "reserve", "education": "defence_education",
    "recruitment": "recruitment", "welfare": "welfare", "disaster": "disaster", "remains": "remains",
    "foreign_relations": "foreign_relations", "defence_land": "defence_land", "funding": "funding",
}


def notes(scope: Scope, topic: str) -> list[Message]:
    """The topic's notes, each a sentence of the user's."""
    section = scope.section(SECTIONS[topic])
    items = getattr(section, "notes", None) or []
    path = f"{SECTIONS[topic]}.notes"
    return [message("note", topic, note=text(item, f"{path}[{index}]", "sentence"))
            for index, item in enumerate(items) if item and item.strip()]


def bases(scope: Scope, topic: str) -> list[Message]:
    """The legal bases the user tied to this topic (leadership's open the report instead)."""
    section = scope.section(SECTIONS[topic])
    found = getattr(section, "legal_bases", None) or []
    if topic == "leadership" or not found:
        return []
    return [message("topic.bases", topic, topic_name=label(f"topic.{topic}"),
                    bases=texts(found, f"{SECTIONS[topic]}.legal_bases", "names"))]


def topic_texts(scope: Scope, topic: str) -> list[Message]:
    return bases(scope, topic) + notes(scope, topic)


# ---------------------------------------------------------------- assessment


def assessment_items(scope: Scope, field: str, key: str) -> list[Message]:
    section = scope.section("assessment")
    items = getattr(section, field, None) or []
    return [message(key, "assessment", item=text(item, f"assessment.{field}[{index}]", "sentence"))
            for index, item in enumerate(items) if item and item.strip()]


def causes(scope: Scope) -> list[Message]:
    section = scope.section("assessment")
    found = texts(section.causes, "assessment.causes") if section else None
    return [message("assessment.causes", "assessment", causes=found)] if found else []


# ---------------------------------------------------------------- tasks


def split_tasks(items, path: str) -> tuple[list[tuple[int, str]], list[tuple[int, Directive]]]:
    """Plain tasks and tasks grouped by addressee, each with its index in the input."""
    plain_items, groups = [], []
    for index, item in enumerate(items):
        if isinstance(item, Directive):
            groups.append((index, item))
        elif item and str(item).strip():
            plain_items.append((index, str(item)))
    return plain_items, groups


def task_slot(items: list[tuple[int, str]], path: str, kind: str = "clauses"):
    """Tasks (with their input indexes) as one slot of clauses."""
    if not items:
        return None
    return Slot(kind, [item for _, item in items],
                sources=tuple(Source(f"{path}[{index}]", item, "text") for index, item in items))


def group_slot(index: int, group: Directive, path: str):
    return task_slot([(i, item) for i, item in enumerate(group.items)], f"{path}[{index}].items")


#: A sentence that lists the user's items stops adding them past this many words of items.
WORDS_PER_SENTENCE = 70


def _words(item) -> int:
    value = item[1] if isinstance(item, tuple) else item
    if hasattr(value, "titles"):  # a person: name and titles
        return len(value.name.split()) + sum(len(t.split()) for t in value.titles) + 1
    return len(str(value).split())


def chunks(items: list, size: int, words: int = WORDS_PER_SENTENCE) -> list[list]:
    """Items in runs of at most ``size`` and about ``words`` words, so that no sentence lists too
    much at once (real articles stop near 120 words, lists of attendees and tasks included).

    >>> chunks([1, 2, 3, 4, 5], 2)
    [[1, 2], [3, 4], [5]]
    >>> [len(c) for c in chunks(["một hai ba bốn năm"] * 6, 10, words=12)]
    [2, 2, 2]
    """
    runs: list[list] = []
    for item in items:
        if runs and len(runs[-1]) < size and sum(map(_words, runs[-1])) + _words(item) <= words:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs or [[]]


def proposals(scope: Scope) -> list[Message]:
    items = scope.report.proposals if scope.report is not None else []
    return [message("proposal", "proposals", item=text(item, f"proposals[{index}]", "sentence"))
            for index, item in enumerate(items) if item and item.strip()]


# ---------------------------------------------------------------- awards


def award_counts(scope: Scope, index: int):
    award = scope.report.awards[index]
    from drafter.facts.figures import Figures

    own = Figures(values={f"awards[{index}].collectives": award.collectives,
                          f"awards[{index}].individuals": award.individuals})
    paths = [f"awards[{index}].{name}" for name in ("collectives", "individuals") if getattr(award, name)]
    return figures_list(own, paths, kind="award_count")


def award_slots(scope: Scope, index: int) -> dict:
    award = scope.report.awards[index]
    return dict(giver=text(award.giver, f"awards[{index}].giver"),
                kind=label(f"award.{award.kind}", Source(f"awards[{index}].kind", award.kind, "text")),
                counts=award_counts(scope, index),
                reason=text(award.reason, f"awards[{index}].reason", "clause"))


def awards_in_report(scope: Scope) -> list[Message]:
    if scope.report is None:
        return []
    return [message("awards.given", "awards", **award_slots(scope, index))
            for index, award in enumerate(scope.report.awards) if award.collectives or award.individuals]
