"""The plan of a news article about the review conference (pack ``tin-bai``).

Order, as the corpus writes it: headline; lead (time, organiser, conference, chair) and who
attended; the results, topic by topic (context → leadership, readiness and security →
training, exercises, militia and reserves → education and recruitment → welfare, disasters,
remains, foreign relations, defence land and funding); shortcomings and their causes; the
speeches; the chair's conclusion; the next period's directions; the awards; the byline.

Topics are never mixed: a paragraph holds whole topics, and the order of messages varies only
inside a topic whose meaning allows it. The article says everything the user wrote except the
proposals and the lessons, which belong to the report.
"""

from __future__ import annotations

from dataclasses import replace

from drafter.document import Source
from drafter.facts import Facts
from drafter.plan import activities, conference, forces
from drafter.plan.choice import Chooser, variant_seed
from drafter.plan.model import (
    BylinePlan,
    DocumentPlan,
    Message,
    ParagraphPlan,
    TitlePlan,
)
from drafter.plan.scope import Scope, message, with_subject
from drafter.plan.slots import label, texts
from drafter.plan.texts import topic_texts

#: Paragraphs of results, each a run of whole topics.
RESULT_PARAGRAPHS = (
    ("context",),
    ("leadership", "readiness", "security"),
    ("exercises", "militia", "reserve"),
    ("education", "recruitment"),
    ("welfare", "disaster", "remains", "foreign_relations", "defence_land", "funding"),
)
#: Topics whose messages may come in any order without changing the meaning.
FREE_ORDER = frozenset({"reserve"})
#: Topics whose figures a writer may say in one sentence of clauses ("đăng ký …; giao …; tuyển chọn …").
AGGREGATABLE = frozenset({"recruitment", "reserve", "education", "exercises", "militia"})
#: A results paragraph longer than this many sentences is split at a topic boundary.
MAX_SENTENCES = 6
#: Results paragraphs this short together are one paragraph: a short article is not a column of
#: one-line paragraphs (the context keeps its own).
JOIN_UP_TO = 3

TOPICS = {
    "context": activities.context, "leadership": activities.leadership, "readiness": activities.readiness,
    "security": activities.security, "exercises": activities.exercises, "militia": forces.militia,
    "reserve": forces.reserve, "education": forces.education, "recruitment": forces.recruitment,
    "welfare": activities.welfare, "disaster": activities.disaster, "remains": activities.remains,
    "foreign_relations": activities.foreign_relations, "defence_land": activities.defence_land,
    "funding": activities.funding,
}


def topic_messages(scope: Scope, topic: str, chooser: Chooser) -> list[Message]:
    found = TOPICS[topic](scope)
    if topic in FREE_ORDER and len(found) > 1 and not any(m.group for m in found):
        found = chooser.shuffle(f"order|{topic}", found)
    if topic in AGGREGATABLE and 2 <= len(found) <= 3 and not any(m.group for m in found) \
            and chooser.number(f"aggregate|{topic}", 2) == 0:
        found = [replace(m, group=f"agg:{topic}") for m in found]
    return with_subject(scope, found + topic_texts(scope, topic))


def _strengths(facts: Facts, scope: Scope) -> list[Message]:
    section = facts.report.assessment
    found = texts(section.strengths, "assessment.strengths") if section else None
    where = label("where.conference" if facts.report.conference else "where.report")
    return [message("news.strengths", "assessment", where=where, strengths=found)] if found else []


def _shortcomings(facts: Facts) -> list[Message]:
    section = facts.report.assessment
    if not section:
        return []
    items = texts(section.shortcomings, "assessment.shortcomings")
    causes = texts(section.causes, "assessment.causes")
    if items:
        return [message("news.shortcomings", "assessment", shortcomings=items, causes=causes)]
    return [message("news.causes", "assessment", causes=causes)] if causes else []


def _result_paragraphs(facts: Facts, scope: Scope, chooser: Chooser) -> list[ParagraphPlan]:
    paragraphs = []
    for topics in RESULT_PARAGRAPHS:
        current: list[Message] = []
        for topic in topics:
            found = topic_messages(scope, topic, chooser)
            if topic == "context":
                found += _strengths(facts, scope)
            if not found:
                continue
            if current and len(current) + len(found) > MAX_SENTENCES:
                paragraphs.append(ParagraphPlan(tuple(current)))
                current = []
            if current:
                # a new topic inside a paragraph may be introduced by a connector
                found[0] = replace(found[0], connect=True)
            current += found
        if current:
            paragraphs.append(ParagraphPlan(tuple(current)))
    return _joined(paragraphs)


def _joined(paragraphs: list[ParagraphPlan]) -> list[ParagraphPlan]:
    out: list[ParagraphPlan] = []
    for paragraph in paragraphs:
        before = out[-1].messages if out else ()
        if before and before[0].topic != "context" and paragraph.messages[0].topic != "context" \
                and len(before) + len(paragraph.messages) <= JOIN_UP_TO:
            first = replace(paragraph.messages[0], connect=True)
            out[-1] = ParagraphPlan(before + (first,) + paragraph.messages[1:])
        else:
            out.append(paragraph)
    return out


def plan_news(facts: Facts, variant: int | None = None) -> DocumentPlan:
    seed = variant_seed(facts, variant)
    chooser = Chooser(seed)
    scope = Scope.of(facts)
    blocks: list = [TitlePlan(conference.title(facts, scope))]
    opening = conference.lead(facts, scope) + conference.attendees(facts)
    if len(opening) > 3:
        blocks += [ParagraphPlan(tuple(opening[:1])), ParagraphPlan(tuple(opening[1:]))]
    else:
        blocks.append(ParagraphPlan(tuple(opening)))
    blocks += _result_paragraphs(facts, scope, chooser)
    shortcomings = _shortcomings(facts)
    if shortcomings:
        blocks.append(ParagraphPlan(tuple(shortcomings)))
    for part in (conference.speeches(facts) + conference.conclusion(facts, scope)
                 + conference.directions(facts, scope)):
        blocks.append(ParagraphPlan(tuple(part)))
    awards = conference.awards(facts, scope)
    if awards:
        blocks.append(ParagraphPlan(tuple(awards)))
    if facts.report.byline:
        blocks.append(BylinePlan(facts.report.byline, Source("byline", facts.report.byline, "text")))
    return DocumentPlan("news", tuple(blocks), seed)

