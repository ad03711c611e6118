"""The plan of a news article about the review conference (pack ``tin-bai``).

Order, as the corpus writes it: headline; lead (time, organiser, conference, chair) and who
attended; the results, topic by topic (context → leadership, readiness and security →
training, exercises, militia and reserves → education and recruitment → welfare, disasters,
remains, foreign relations, defence land and funding); shortcomings and their causes; the
next period's directions, which the report sets out before anyone speaks; the speeches; the
chair's conclusion; the awards; the byline.

Topics are never mixed: a paragraph holds whole topics, and the order of messages varies only
inside a topic whose meaning allows it. The article says everything the user wrote except the
proposals and the lessons, which belong to the report, and of the figures what a paper tells at
the unit's level (:mod:`drafter.plan.newsworthy`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from drafter.document import Source
from drafter.facts import Facts
from drafter.plan import activities, conference, forces, roles
from drafter.plan.choice import Chooser, variant_seed
from drafter.plan.model import (
    BylinePlan,
    DocumentPlan,
    Message,
    ParagraphPlan,
    Slot,
    TitlePlan,
)
from drafter.plan.newsworthy import firsts_first, told
from drafter.plan.scope import Scope, message, own_terms, with_subject
from drafter.plan.slots import flag, label, plain, texts
from drafter.plan.texts import with_texts, words

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
#: The words of the user's notes that count as one more sentence of a paragraph.
NOTE_WORDS = 40
#: Topics no connector leads into: "Bên cạnh đó, toàn tỉnh xảy ra 412 vụ phạm pháp hình sự" adds
#: crimes to the work just told as if they were more of it; and a state of things (days on duty, a
#: headcount) is no further achievement: a blind reader marked "Bên cạnh đó, lực lượng dân quân tự
#: vệ của xã gồm 112 đồng chí" and "Bên cạnh đó, các cơ quan, đơn vị duy trì chế độ trực …".
NO_CONNECTOR = frozenset({"security", "readiness", "militia", "reserve"})
#: Results paragraphs this short together are one paragraph: a short article is not a column of
#: one-line paragraphs (the context keeps its own, unless it and the results after it are this short
#: together). A paragraph of one sentence joins its neighbour while they make at most MAX_SENTENCES.
JOIN_UP_TO = 3

TOPICS = {
    "context": activities.context, "leadership": activities.leadership, "readiness": activities.readiness,
    "security": activities.security, "militia": lambda scope: forces.militia(scope, strength_with_training=True),
    "exercises": lambda scope: activities.exercises(scope, share_of_communes=False),
    "reserve": forces.reserve, "education": forces.education,
    "recruitment": lambda scope: forces.recruitment(scope, fraction_when_met=False),
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
    said = firsts_first(with_texts(scope, topic, found))
    return _one_doer(topic, [_with_doer(m) for m in with_subject(scope, said)])


def _one_doer(topic: str, found: list[Message]) -> list[Message]:
    """Notes in a row that the unit does ("Phối hợp …", "Hoàn thành …") are one sentence with one
    subject ("Tỉnh phối hợp …; hoàn thành …"), as a journalist writes them: a blind reader marked
    "Tỉnh … Tỉnh … Tỉnh", which no corpus article opens a sentence with."""
    out = list(found)
    for index in range(1, len(out)):
        if "acted" in out[index].slots and "acted" in out[index - 1].slots:
            group = out[index - 1].group or f"notes:{topic}:{index - 1}"
            out[index - 1] = replace(out[index - 1], group=group)
            out[index] = replace(out[index], group=group)
    return out


def _with_doer(found: Message) -> Message:
    """A note the user wrote without its subject ("Phối hợp với Bộ đội Biên phòng …") may take the
    unit as its subject in an article ("Tỉnh phối hợp với …"): the slot ``acted`` says the note as a
    clause; ``plain`` marks the others. A pack's bank that has only "{note}" says them all as written."""
    note = found.slots.get("note") if found.key == "note" else None
    if note is None:
        return found
    if roles.opens_with_action(note.value):
        return replace(found, slots={**found.slots, "acted": replace(note, kind="clause")})
    doer = {"doer": flag(True)} if roles.opens_with_doer_body(note.value) else {}
    return replace(found, slots={**found.slots, "plain": flag(True), **doer})


def _strengths(facts: Facts, scope: Scope) -> list[Message]:
    section = facts.report.assessment
    found = texts(section.strengths, "assessment.strengths") if section else None
    where = label("where.conference" if facts.report.conference else "where.report")
    if not found:
        return []
    acts = roles.opens_with_action(found.value[0])
    return [message("news.strengths", "assessment", where=where, strengths=found, when=scope.when(),
                    period=scope.period_name(),
                    reporter=None if roles.opens_with_doer_body(found.value[0]) else _reporter(facts),
                    stated=flag(not acts), acts=flag(acts), unit=scope.unit() if acts else None)]


def _reporter(facts: Facts) -> Slot:
    """Who the report is of, as an article names it once the lead has named the unit ("Theo báo cáo
    của Ban CHQS xã, …"): a blind reader asked for it over "Theo báo cáo tại hội nghị", said alike in
    every article."""
    return plain(conference.issuing_body(facts), "document.issuer")


def _shortcomings(facts: Facts) -> list[Message]:
    section = facts.report.assessment
    if not section:
        return []
    items = texts(section.shortcomings, "assessment.shortcomings")
    causes = texts(section.causes, "assessment.causes")
    found = [message("news.shortcomings", "assessment", shortcomings=items)] if items else []
    return found + ([message("news.causes", "assessment", causes=causes)] if causes else [])


def _result_paragraphs(facts: Facts, scope: Scope, chooser: Chooser) -> list[ParagraphPlan]:
    every = {topic: topic_messages(scope, topic, chooser) for topics in RESULT_PARAGRAPHS for topic in topics}
    # the report's judgement opens the results, before the economy: two blind readers marked economic
    # sentences said unattributed ahead of "Báo cáo tại hội nghị cho biết, …" (the corpus opens so:
    # "Năm 2023, xã Sơn Xuân đã khắc phục khó khăn, hoàn thành toàn diện …")
    every["context"] = _strengths(facts, scope) + every["context"]
    selected = told(every, facts.unit.level)
    paragraphs = []
    for topics in RESULT_PARAGRAPHS:
        runs = [selected[topic] for topic in topics if selected[topic]]
        for part in _balanced(runs):
            current: list[Message] = []
            for found in part:
                if current and _connectable(found[0]):
                    # a new topic inside a paragraph may be introduced by a connector
                    found = [replace(found[0], connect=True)] + found[1:]
                current += found
            paragraphs.append(ParagraphPlan(tuple(current)))
    return _framed(_joined(paragraphs), facts, scope)


def _framed(paragraphs: list[ParagraphPlan], facts: Facts, scope: Scope) -> list[ParagraphPlan]:
    """Results that open without the report's assessment open with their period or source ("Năm
    2025, chế độ trực …", "Theo báo cáo tại hội nghị, …"): a blind reader marked results that
    start cold after the list of guests, which no corpus article does."""
    if not paragraphs or _context(paragraphs[0].messages) or paragraphs[0].messages[0].lead_in:
        return paragraphs
    first = paragraphs[0].messages[0]
    where = label("where.conference" if facts.report.conference else "where.report")
    # not "Theo báo cáo của Bộ CHQS tỉnh, Đảng ủy - Bộ Chỉ huy Quân sự tỉnh nỗ lực …": the body twice
    reporter = None if "doer" in first.slots else _reporter(facts)
    frame = replace(message("news.results.when", first.topic, when=scope.when(), where=where,
                            period=scope.period_name(), reporter=reporter), lead_in=True)
    return [ParagraphPlan((frame,) + paragraphs[0].messages)] + paragraphs[1:]


def _balanced(runs: list[list[Message]]) -> list[list[list[Message]]]:
    """Topics cut into as few paragraphs of at most MAX_SENTENCES as they allow, as even as can be:
    cut greedily, six sentences of four topics were left before a lone "Về đầu tư, …" paragraph."""
    sizes = [_sentences(run) for run in runs]
    best: tuple = ()
    # at most six topics to a group: every way of cutting between them is 32 at most
    for cuts in range(1 << max(len(runs) - 1, 0)):
        parts, start = [], 0
        for index in range(1, len(runs) + 1):
            if index == len(runs) or cuts >> (index - 1) & 1:
                parts.append((start, index))
                start = index
        lengths = [sum(sizes[a:b]) for a, b in parts]
        over = sum(max(0, n - MAX_SENTENCES) for n in lengths)
        key = (over, len(parts), max(lengths, default=0))
        if not best or key < best[0]:
            best = (key, parts)
    return [runs[a:b] for a, b in best[1]] if runs else []


def _sentences(messages: Sequence[Message]) -> int:
    """How many sentences the messages make: a run of one group is one sentence of clauses, and a
    legal basis before its topic's figures opens their sentence ("Thực hiện …, tỉnh …")."""
    count = sum(1 for index, m in enumerate(messages)
                if (not m.group or index == 0 or messages[index - 1].group != m.group)
                and not (m.lead_in and index + 1 < len(messages) and messages[index + 1].key != "note"))
    # the user's notes weigh as the sentences their words would make: four notes of one subject are
    # one sentence of 110 words, and a paragraph of them and four more ran to 239 (a new-user trial)
    return count + sum(words(m.slots["note"].value) for m in messages if m.key == "note") // NOTE_WORDS


def _connectable(first: Message) -> bool:
    """Whether a connector may lead into a topic: not into crimes, and not into the user's own words
    ("Ngoài ra, phối hợp với …" hangs a filler on a sentence that has no subject)."""
    return first.topic not in NO_CONNECTOR and first.key != "note"


def _context(messages: Sequence[Message]) -> bool:
    """Whether a paragraph is the context: its figures, or only the report's general assessment."""
    return messages[0].topic in ("context", "assessment")


def _joined(paragraphs: list[ParagraphPlan]) -> list[ParagraphPlan]:
    out: list[ParagraphPlan] = []
    for paragraph in paragraphs:
        before = out[-1].messages if out else ()
        sizes = (_sentences(before), _sentences(paragraph.messages)) if before else (0, 0)
        if before and not _context(before) and not _context(paragraph.messages) \
                and (sum(sizes) <= JOIN_UP_TO or (min(sizes) == 1 and sum(sizes) <= MAX_SENTENCES)):
            first = paragraph.messages[0]
            first = replace(first, connect=True) if _connectable(first) else first
            out[-1] = ParagraphPlan(before + (first,) + paragraph.messages[1:])
        else:
            out.append(paragraph)
    sizes = (_sentences(out[0].messages), _sentences(out[1].messages)) if len(out) > 1 else (0, 0)
    judged = [m.key for m in out[0].messages] == ["news.strengths"] if out else False
    # the report's judgement alone is never a paragraph ("Báo cáo tại hội nghị nêu rõ: nhiều nhiệm vụ
    # hoàn thành tốt và xuất sắc." over a paragraph of long notes, a blind reader): it opens the next
    if len(out) > 1 and _context(out[0].messages) and not _context(out[1].messages) \
            and (sum(sizes) <= JOIN_UP_TO or (sizes[0] == 1 and sum(sizes) <= MAX_SENTENCES) or judged):
        # a brief: the assessment and a result or two are one paragraph, as a brief writes them, and
        # an assessment of one sentence is not a paragraph of its own; no connector after it
        out[:2] = [ParagraphPlan(out[0].messages + out[1].messages)]
    return out


#: A list of guests longer than this many words is a paragraph of its own after the lead, as the
#: corpus sets it (xã Sơn Tây, xã Bình Chương 2025, Thanh Hóa, Phú Thọ 2025); blind readers marked
#: leads of 110 words that end in a list of bodies.
GUEST_WORDS = 40


def _guest_words(messages) -> int:
    count = 0
    for found in messages:
        people = found.slots["persons"].value if found.slots.get("persons") else ()
        groups = found.slots.get("groups")
        count += sum(words(item) - 1 for item in people) + (sum(words(group) for group in groups.value) if groups else 0)
    return count


def _results_first(facts: Facts, results: list[ParagraphPlan], chooser: Chooser) -> bool:
    """Whether the article opens with the year's results and names the conference after ("Năm 2023,
    thành phố … đã đạt nhiều kết quả … / Đó là những kết quả được nêu tại Hội nghị … do UBND … tổ
    chức sáng 25/11"), as a third of the corpus does: blind readers found one skeleton (lead, chair,
    guests, results, speech) in every generated article. Only when the report's own judgement opens
    the results, at about one draft in three; the headline has named the unit, and the conference's
    organiser names it again (Nghệ An 2025 opens "Năm 2025, Đảng ủy - Bộ Chỉ huy Quân sự tỉnh đã …")."""
    return (facts.report.conference is not None and bool(results)
            and results[0].messages[0].key == "news.strengths" and chooser.number("shape", 3) == 0)


def _without_source(judgement: Message) -> Message:
    """The judgement said before the conference is named: by its period ("Năm 2023, tỉnh …"), not
    "Theo báo cáo tại hội nghị, …" of a conference not yet told."""
    return replace(judgement, slots={name: slot for name, slot in judgement.slots.items()
                                     if name not in ("where", "reporter")})


def plan_news(facts: Facts, variant: int | None = None) -> DocumentPlan:
    seed = variant_seed(facts, variant)
    chooser = Chooser(seed)
    scope = Scope.of(facts)
    blocks: list = [TitlePlan(conference.title(facts, scope))]
    results = _result_paragraphs(facts, scope, chooser)
    lead = conference.lead(facts, scope)
    if _results_first(facts, results, chooser):
        # the judgement and the results a brief joins to it ("Năm 2025, xã đã …; giao 12/12 …"), not the
        # economy (its own period: "Năm 2026, … Năm 2026, tỉnh có 21/23 chỉ tiêu …")
        messages = results[0].messages
        cut = next((i for i, m in enumerate(messages) if i and m.topic == "context"), len(messages))
        blocks.append(ParagraphPlan((_without_source(messages[0]),) + messages[1:cut]))
        results[:1] = [ParagraphPlan(messages[cut:])] if cut < len(messages) else []
        lead = [conference.lead_after(facts, scope, lead[0])]
    opening = lead + conference.attendees(facts)
    if len(opening) > 3 or _guest_words(opening[1:]) > GUEST_WORDS:
        blocks += [ParagraphPlan(tuple(opening[:1])), ParagraphPlan(tuple(opening[1:]))]
    else:
        blocks.append(ParagraphPlan(tuple(opening)))
    blocks += results
    shortcomings = _shortcomings(facts)
    if shortcomings:
        blocks.append(ParagraphPlan(tuple(shortcomings)))
    for part in (conference.directions(facts, scope) + conference.speeches(facts)
                 + conference.conclusion(facts, scope)):
        blocks.append(ParagraphPlan(tuple(part)))
    awards = conference.awards(facts, scope)
    if awards:
        blocks.append(ParagraphPlan(tuple(awards)))
    if facts.report.byline:
        blocks.append(BylinePlan(facts.report.byline, Source("byline", facts.report.byline, "text")))
    return DocumentPlan("news", tuple(blocks), seed, terms=own_terms(facts))

