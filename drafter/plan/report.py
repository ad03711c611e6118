"""The plan of a formal report in the Decree 30 format (pack ``bao-cao``), DOMAIN.md section 2.1.

Phần I (results): the context, then the numbered items in the usual order, each only when the
input has data for it; Phần II (overall assessment) only from the user's own assessment;
Phần III (directions) from the user's tasks; Phần IV (proposals) only when there are any. The
report says everything the user wrote except what belongs to the conference (its date, people,
speeches and conclusion) and the news byline.
"""

from __future__ import annotations

from drafter.facts import Facts
from drafter.plan import activities, forces, roles
from drafter.plan.choice import variant_seed
from drafter.plan.model import DocumentPlan, HeadingPlan, Message, ParagraphPlan
from drafter.plan.scope import Scope, message, own_terms, with_subject
from drafter.plan.slots import flag, label, plain, text, texts
from drafter.plan.texts import (
    assessment_items,
    awards_in_report,
    causes,
    group_slot,
    proposals,
    split_tasks,
    with_texts,
)

#: From the exercises on, the items a report and a roll-up share, in the order of DOMAIN.md 2.1:
#: heading key -> the topics it tells.
WORK_ITEMS = tuple((topic, (topic,)) for topic in (
    "exercises", "militia", "reserve", "education", "recruitment", "welfare", "disaster", "remains",
    "foreign_relations", "defence_land"))
#: The numbered items of Phần I, in order. The situation of security goes with the socio-economic
#: context before them (crimes are the police's results, not the armed forces' readiness), and the
#: investment in buildings is an item of its own after the defence land, not leadership: what a staff
#: officer reviewing the drafts moved.
SITUATION = ("context", "security")
ITEMS = (("leadership", ("leadership",)), ("readiness", ("readiness",)), *WORK_ITEMS, ("funding", ("funding",)))

TOPICS = {
    "context": activities.context, "leadership": lambda s: activities.leadership(s, with_bases=False),
    "funding": lambda s: activities.funding(s, True),
    "readiness": activities.readiness, "security": activities.security, "exercises": activities.exercises,
    "militia": forces.militia, "reserve": forces.reserve, "education": forces.education,
    "recruitment": forces.recruitment, "welfare": activities.welfare, "disaster": activities.disaster,
    "remains": activities.remains, "foreign_relations": activities.foreign_relations,
    "defence_land": activities.defence_land,
}


def _period_slots(scope: Scope, with_directions: bool) -> dict:
    return dict(review=label(f"review.{scope.period.span}"), period=scope.period_name(),
                next_period=scope.next_period() if with_directions else None)


def _results(scope: Scope, level: str, militia_only: bool = False) -> list:
    blocks: list = []
    said = {topic: with_subject(scope, with_texts(scope, topic, TOPICS[topic](scope)))
            for topic in (*SITUATION, *(topic for _, topics in ITEMS for topic in topics))}
    # what the forces did for security ("Phối hợp chặt chẽ với Công an xã …") is readiness work: alone
    # before item 1 it read as a stray result without a heading (two new users)
    acted = [m.key == "note" and roles.opens_with_action(m.slots["note"].value) for m in said["security"]]
    extra = {"readiness": [m for m, done in zip(said["security"], acted) if done]}
    said["security"] = [m for m, done in zip(said["security"], acted) if not done]
    for topic in SITUATION:
        if said[topic]:
            blocks.append(ParagraphPlan(tuple(said[topic])))
    for key, topics in ITEMS:
        paragraphs = []
        for topic in topics:
            found = said[topic] + extra.get(topic, [])
            if found:
                paragraphs.append(ParagraphPlan(tuple(found)))
        if paragraphs:
            commune = level == "commune" and (key == "exercises" or key == "militia" and militia_only)
            # "Công tác huấn luyện, diễn tập khu vực phòng thủ" over a note of training and shooting
            # claims an exercise the input never gave (a new-user trial): the plainer heading then
            plain = key == "exercises" and not _defence_zone_given(scope)
            heading = f"{key}.commune" if commune or plain else key
            blocks += [HeadingPlan("arabic", heading)] + paragraphs
    awards = awards_in_report(scope)
    if awards:
        blocks += [HeadingPlan("arabic", "awards"), ParagraphPlan(tuple(awards))]
    return blocks


def _defence_zone_given(scope: Scope) -> bool:
    """Whether the exercises tell of the defence zone: its exercises, their scope, or the communes
    that exercised in it (a roll-up, which has no report, says them whenever it sums them)."""
    section = scope.section("exercises")
    if scope.report is None:
        return True
    return section is not None and any(value is not None for value in (
        section.defence_zone, section.scope, section.communes_exercised, section.communes_share))


def _items(messages: list[Message]) -> list[ParagraphPlan]:
    return [ParagraphPlan((m,), item=True) for m in messages]


def _assessment(scope: Scope) -> list:
    blocks: list = []
    strengths = assessment_items(scope, "strengths", "assessment.strength")
    if strengths:
        blocks += [HeadingPlan("arabic", "strengths")] + _items(strengths)
    shortcomings = assessment_items(scope, "shortcomings", "assessment.shortcoming")
    found_causes = causes(scope)
    if shortcomings or found_causes:
        blocks += [HeadingPlan("arabic", "shortcomings")] + _items(shortcomings)
        if found_causes:
            blocks.append(ParagraphPlan(tuple(found_causes)))
    lessons = assessment_items(scope, "lessons", "assessment.lesson")
    if lessons:
        blocks += [HeadingPlan("arabic", "lessons")] + _items(lessons)
    return blocks


def _directions(facts: Facts, scope: Scope) -> list:
    plain_items, groups = split_tasks(facts.report.directions, "directions")
    if not plain_items and not groups:
        return []
    blocks: list = [ParagraphPlan((message("report.directions.intro", "directions", unit=scope.unit(),
                                           next_when=scope.next_when(),
                                           several=flag(len(plain_items) + len(groups) > 1)),))]
    blocks += [ParagraphPlan((message("direction", "directions", item=text(item, f"directions[{i}]", "sentence")),),
                             item=True) for i, item in plain_items]
    for index, group in groups:
        blocks.append(ParagraphPlan((message("report.directions.group", "directions",
                                             to=text(group.to, f"directions[{index}].to"),
                                             items=group_slot(index, group, "directions")),), item=True))
    return blocks


def plan_report(facts: Facts, variant: int | None = None) -> DocumentPlan:
    scope = Scope.of(facts)
    with_directions = bool(facts.report.directions)
    period = _period_slots(scope, with_directions)
    leadership = facts.report.leadership
    opening = message("report.opening", "document", issuer=plain(facts.issuing_agency, "document.issuer"),
                      bases=texts(leadership.legal_bases, "leadership.legal_bases", "names") if leadership else None,
                      **period)
    blocks: list = [ParagraphPlan((opening,))]
    results = _results(scope, facts.unit.level, facts.militia_only)
    if results:
        blocks += [HeadingPlan("part", "results")] + results
    assessment = _assessment(scope)
    if assessment:
        blocks += [HeadingPlan("part", "assessment")] + assessment
    directions = _directions(facts, scope)
    if directions:
        blocks += [HeadingPlan("part", "directions", {"next_period": scope.next_period()})] + directions
    found_proposals = proposals(scope)
    if found_proposals:
        blocks += [HeadingPlan("part", "proposals")] + _items(found_proposals)
    above = facts.issuer.reports_to if facts.issuer else ""
    blocks.append(ParagraphPlan((message("report.closing", "document",
                                         issuer=plain(facts.issuing_agency, "document.issuer"),
                                         reports_to=plain(above, "unit.province") if above else None,
                                         alone=flag(not above), **period),)))
    summary = message("report.summary", "document", **period)
    return DocumentPlan("report", tuple(blocks), variant_seed(facts, variant), summary=summary, terms=own_terms(facts))
