"""Messages made of the user's own words: notes and legal bases of each topic, the assessment,
directions, proposals and awards. The words are kept as the user wrote them; the bank only
frames them.
"""

from __future__ import annotations

from dataclasses import replace

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


#: Topics whose figures are a state of things, not work done under a legal basis: their basis is
#: a sentence of its own ("Thực hiện Nghị định …, toàn tỉnh xảy ra 120 vụ …" makes no sense).
STATES = frozenset({"context", "security"})


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
    said = message("topic.bases", topic, topic_name=label(f"topic.{topic}"),
                   bases=texts(found, f"{SECTIONS[topic]}.legal_bases", "names"))
    return [replace(said, lead_in=topic not in STATES)]


def with_texts(scope: Scope, topic: str, found: list[Message]) -> list[Message]:
    """A topic's messages with the user's words: its legal bases first, which may open the first
    sentence ("Thực hiện Quyết định số 49/2015/QĐ-TTg …, tỉnh hỗ trợ …") rather than follow it
    as "Chính sách hậu phương quân đội được triển khai theo …" after "Về chính sách hậu phương
    quân đội, …"; then its figures, then its notes."""
    return bases(scope, topic) + found + notes(scope, topic)


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
WORDS_PER_SENTENCE = 85


def words(item) -> int:
    """Words of one item of the user's: a text, a person (name and titles), or (index, text)."""
    value = item[1] if isinstance(item, tuple) else item
    if hasattr(value, "titles"):  # a person: name and titles
        return len(value.name.split()) + sum(len(t.split()) for t in value.titles) + 1
    return len(str(value).split())


def chunks(items: list, size: int, limit: int = WORDS_PER_SENTENCE) -> list[list]:
    """Items in runs of at most ``size`` and about ``limit`` words, so that no sentence lists too
    much at once (real articles stop near 120 words, lists of attendees and tasks included).

    As few runs as those limits allow, and as even as can be: four tasks that do not fit one
    sentence go two and two, not three and a lone one that reads as an afterthought.

    >>> chunks([1, 2, 3, 4, 5], 2)
    [[1, 2], [3, 4], [5]]
    >>> [len(c) for c in chunks(["một hai ba bốn năm"] * 6, 10, limit=12)]
    [2, 2, 2]
    >>> [len(c) for c in chunks(["một hai ba"] * 4, 4, limit=10)]
    [2, 2]
    """
    greedy: list[list] = []
    for item in items:
        if greedy and len(greedy[-1]) < size and sum(map(words, greedy[-1])) + words(item) <= limit:
            greedy[-1].append(item)
        else:
            greedy.append([item])
    if len(greedy) < 2:
        return greedy or [[]]
    return _even(items, len(greedy), size, limit)


def _even(items: list, runs: int, size: int, limit: int) -> list[list]:
    """``items`` cut into ``runs`` runs within the limits, the longest run as short as can be
    (there is one: the greedy cut into as many runs is within them)."""
    weight = [words(item) for item in items]
    best: dict[tuple[int, int], tuple[int, list[list]]] = {}  # (start, runs left) -> (longest, runs)

    def cut(start: int, left: int):
        if (start, left) in best:
            return best[start, left]
        found = None
        if left == 1:
            rest = sum(weight[start:])
            if len(items) - start <= size and (rest <= limit or len(items) - start == 1):
                found = (rest, [items[start:]])
        else:
            # longest first, so that of two cuts as even the earlier run takes the extra item
            for end in range(min(len(items) - left + 1, start + size), start, -1):
                head = sum(weight[start:end])
                if head > limit and end - start > 1:
                    continue
                tail = cut(end, left - 1)
                if tail is not None and (found is None or max(head, tail[0]) < found[0]):
                    found = (max(head, tail[0]), [items[start:end]] + tail[1])
        best[start, left] = found
        return found

    return cut(0, runs)[1]


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
