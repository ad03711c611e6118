"""Messages about the conference itself, for the news article: headline, lead, attendees,
speeches, the chair's conclusion, the next period's directions and the awards.

Who says what to whom follows :mod:`drafter.plan.roles`: superiors "dự và chỉ đạo", the others
"tham dự"; a conclusion addressed to a body takes the verb its relation calls for; an award
is handed over "thừa ủy quyền" when its authority is not among those present.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from drafter.document import Source
from drafter.facts import Facts
from drafter.inputs.model import Directive, Person
from drafter.plan import roles
from drafter.plan.model import Message, Slot
from drafter.plan.scope import Scope, message, nested
from drafter.plan.slots import flag, label, plain, text, texts
from drafter.plan.texts import award_slots, chunks, group_slot, split_tasks, task_slot, words

#: At most this many people or tasks in one sentence: longer lists are split, as writers do.
PEOPLE_PER_SENTENCE = 5
#: A list of attendees this short may come before its verb ("Đại tá …, Chỉ huy trưởng … dự hội
#: nghị"); a longer one keeps the verb first ("Dự hội nghị có …"), or the reader waits 70 words for it.
FEW = 2
#: … and this many words: one group of 30 words ("Lãnh đạo các sở, ban, ngành; các hội, đoàn thể …")
#: before "dự hội nghị" kept a new user waiting for the verb too.
FEW_WORDS = 24
TASKS_PER_SENTENCE = 4
#: Tasks grouped by addressee share a paragraph while it stays this short (words of the user's
#: tasks); a short paragraph of its own for each body reads as a list, not as an article.
WORDS_PER_PARAGRAPH = 120


def person(p: Person, path: str) -> Slot:
    return Slot("person", p, Source(path, p.name, "text"))


def persons(people: list[tuple[str, Person]]) -> Slot | None:
    if not people:
        return None
    return Slot("persons", [p for _, p in people], sources=tuple(Source(path, p.name, "text") for path, p in people))


def issuing_body(facts: Facts) -> str:
    """The body whose report it is, as an article names it: "UBND xã", "Ban CHQS phường"."""
    return facts.unit.committee if facts.report.document.issuer == "ubnd" else facts.unit.command


def organiser(facts: Facts) -> str:
    """The organiser as the lead names it: the input's, or the issuer's body with its unit's name."""
    conference, unit = facts.report.conference, facts.unit
    body = conference.organiser if conference and conference.organiser else issuing_body(facts)
    return f"{body} {unit.name}" if body.endswith(" " + unit.kind) else body


def conference_name(scope: Scope, tasks: bool = True) -> Slot:
    """The conference's name, itself a message: "Hội nghị tổng kết công tác QP-QSĐP năm 2026, …";
    "triển khai nhiệm vụ năm 2027" only when the article tells some (:func:`tells_tasks`). A bank
    exported before the name without them says the whole name."""
    slots = dict(review=label(f"review.{scope.period.span}"), period=scope.period_name())
    named = message("news.conference_name", "conference", **slots, next_period=scope.next_period())
    if not tasks:
        named = replace(message("news.conference_name.bare", "conference", **slots), instead=(named,))
    return Slot("message", named)


def tells_tasks(facts: Facts) -> bool:
    """Whether the article tells the next period's tasks (directions, a conclusion, a speech): only
    then do its headline and lead promise them ("…, triển khai phương hướng, nhiệm vụ 6 tháng cuối
    năm": a new-user trial found it over an article that told none, beside a report whose title,
    rightly, had no "phương hướng")."""
    conference = facts.report.conference
    if facts.report.directions:
        return True
    if conference is None:
        return False
    # praise is no task: "biểu dương, ghi nhận …" promised "triển khai nhiệm vụ năm 2024" over an
    # article that told none (a new-user trial, UBND tỉnh Nam Định 2023)
    return any(isinstance(item, Directive) or not roles.opens_with_decision(item) for item in conference.conclusion) \
        or any(roles.asks_for_work(point) for speech in conference.speeches for point in speech.points)


def title(facts: Facts, scope: Scope) -> Message:
    unit = facts.unit
    # the headline names who the results are of, as the scope does: a defence area's command ("Khu vực
    # 4 - Vĩnh Yên: tổng kết …" read as nobody's), a military command's own report's command ("Bộ
    # CHQS tỉnh Bắc Ninh tổng kết …"); a province by its name alone
    name = unit.name if unit.kind == "tỉnh" and not scope.territory else scope.unit_full
    conference = facts.report.conference
    tasks = tells_tasks(facts)
    said = message("news.title", "conference", unit=plain(name, "unit.name"),
                   review=label(f"review.{scope.period.span}"), period=scope.period_name(),
                   next_period=scope.next_period(), held=flag(conference is not None), tasks=flag(tasks))
    if conference is None or not conference.name:
        return said
    # the conference's own name ("Hội nghị Quân chính 6 tháng đầu năm 2025"); a bank without the
    # phrasing says the usual headline
    return replace(message("news.title.named", "conference", unit=plain(name, "unit.name"),
                           conference=text(conference.name, "conference.name")), instead=(said,))


def lead(facts: Facts, scope: Scope) -> list[Message]:
    conference = facts.report.conference
    chair = person(conference.chair, "conference.chair") if conference and conference.chair else None
    co_chairs = persons([(f"conference.co_chairs[{i}]", p) for i, p in enumerate(conference.co_chairs)]) \
        if conference else None
    chairs = None
    if chair is not None:
        chairs = nested("news.chairs.many" if co_chairs else "news.chairs.one", "conference", chair=chair,
                        co_chairs=co_chairs)
    said = organiser(facts)
    tasks = tells_tasks(facts)
    # the lead's "UBND tỉnh Gia Lai" names the unit: the results go on with "tỉnh", as the corpus does
    names = (said, scope.unit_full, scope.territory, facts.unit.command_full if scope.territory else "")
    common = dict(organiser=Slot("naming", names, Source("conference.organiser", said, "text")),
                  conference=conference_name(scope, tasks),
                  venue=text(conference.venue, "conference.venue") if conference else None, chairs=chairs,
                  review=label(f"review.{scope.period.span}"), period=scope.period_name(),
                  next_period=scope.next_period() if tasks else None, untold=flag(not tasks))
    if conference is not None and conference.name:
        # named by the unit: the lead says that name ("tổ chức Hội nghị Quân chính …"), not what the
        # conference reviewed in the bank's words
        common.update(conference=text(conference.name, "conference.name"), review=None, period=None,
                      next_period=None, untold=None)
    if conference is None:
        report = dict(review=common["review"], period=common["period"], next_period=common["next_period"],
                      organiser=common["organiser"])
        signed = facts.report.document.date
        if signed is None:
            # a report not yet signed has no day to open with; a bank exported before the key
            # says its dated phrasing with the blank an officer fills in ("…/…, UBND tỉnh …")
            blank = message("news.lead.report", "conference", date=Slot("news_date", (None, None)), **report)
            return [replace(message("news.lead.report.undated", "conference", **report), instead=(blank,))]
        return [message("news.lead.report", "conference", date=Slot(
            "news_date", (signed, None), Source("document.date", str(signed))), **report)]
    if conference.date is None:
        return [message("news.lead.undated", "conference", **common)]
    when = Slot("news_date", (conference.date, conference.time_of_day),
                Source("conference.date", str(conference.date)))
    # "Chiều 31/12, dưới sự chủ trì của đồng chí …, UBND tỉnh tổ chức …" (Thanh Hóa 2025, Đắk Nông 2022)
    return [message("news.lead", "conference", time=when, chair=chair if not co_chairs else None, **common)]


def lead_after(facts: Facts, scope: Scope, lead: Message) -> Message:
    """The lead after the results it reported ("Đó là những kết quả được nêu tại Hội nghị … do UBND
    xã … tổ chức sáng 25/11."): the conference's name, organiser, time, place and chair of ``lead``.
    A bank without the phrasing says the usual lead."""
    slots = {name: lead.slots.get(name) for name in ("time", "organiser", "conference", "venue", "chairs")}
    return replace(message("news.lead.after", "conference", **slots, recent=flag(slots["time"] is None)),
                   instead=(lead,))


def attendees(facts: Facts) -> list[Message]:
    conference = facts.report.conference
    if conference is None:
        return []
    level = facts.unit.level
    chairs = {p.name for p in ([conference.chair] if conference.chair else []) + list(conference.co_chairs)}
    people = [(f"conference.attendees[{i}]", p) for i, p in enumerate(conference.attendees) if p.name not in chairs]
    directing = [item for item in people if roles.attendance(item[1], level) == "chỉ đạo"]
    attending = [item for item in people if roles.attendance(item[1], level) != "chỉ đạo"]
    groups = texts(conference.other_attendees, "conference.other_attendees")
    found = []
    for index, part in enumerate(chunks(directing, PEOPLE_PER_SENTENCE) if directing else []):
        found.append(message("news.attendees.directing" if index == 0 else "news.attendees.more", "conference",
                             persons=persons(part),
                             few=flag(len(part) <= FEW and sum(words(item) for item in part) <= FEW_WORDS)))
    parts = chunks(attending, PEOPLE_PER_SENTENCE) if attending else [[]]
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        listed = part + (list(groups.value) if groups and last else [])
        slots = dict(persons=persons(part), groups=groups if last else None,
                     few=flag(len(listed) <= FEW and sum(words(item) for item in listed) <= FEW_WORDS))
        if not part and not slots["groups"]:
            continue
        key = "news.attendees.more" if index else (
            "news.attendees.also" if directing else "news.attendees.attending")
        found.append(message(key, "conference", **slots))
    return found


def speeches(facts: Facts) -> list[list[Message]]:
    """One paragraph per speech; points that open with their own verb keep it, tasks are asked for.

    A run of points is said by how they open: with a speech verb ("ghi nhận …") as written, with a
    task's verb ("tiếp tục …") marked ``asks`` (the bank says "đề nghị …"), others marked ``stated``
    (the bank quotes them after "nhấn mạnh:"). A pack's bank without the marks says both after a colon.
    """
    conference = facts.report.conference
    if conference is None:
        return []
    paragraphs = []
    for index, speech in enumerate(conference.speeches):
        speaker = person(speech.speaker, f"conference.speeches[{index}].speaker")
        directing = roles.speaks_to_direct(speech.speaker, facts.unit.level)
        runs: list[tuple[str, list[tuple[int, str]]]] = []
        for n, point in enumerate(speech.points):
            opening = "verb" if roles.opens_with_speech_verb(point) else (
                "task" if roles.opens_with_task(point) else "statement")
            if runs and runs[-1][0] == opening:
                runs[-1][1].append((n, point))
            else:
                runs.append((opening, [(n, point)]))
        path = f"conference.speeches[{index}].points"
        found = []
        if not runs:
            found.append(message("news.speech.bare.directing" if directing else "news.speech.bare", "speeches",
                                 speaker=speaker))
        for n, (opening, items) in enumerate(runs):
            verb = opening == "verb"
            key = ("news.speech" if verb else "news.speech.emphasis") if n == 0 else (
                "news.speech.more" if verb else "news.speech.more_emphasis")
            marks = {} if verb else {"asks": flag(opening == "task"), "stated": flag(opening == "statement")}
            # a speaker's acknowledgement and the tasks asked right after are one sentence: "… ghi
            # nhận …; đồng thời đề nghị …", not "Đồng chí đồng thời đề nghị …" (a blind reader)
            joined = n == 1 and opening == "task" and runs[0][0] == "verb" and len(runs[0][1]) + len(items) <= 3
            found.append(message(key, "speeches", speaker=speaker if n == 0 else None,
                                 points=task_slot(items, path, "acts" if verb else "clauses"),
                                 directing=flag(directing and n == 0),
                                 attending=flag(not directing and n == 0), **marks,
                                 group=f"speech:{index}" if joined else ""))
            if joined:
                found[-2] = replace(found[-2], group=f"speech:{index}")
                found[-2:] = [_acknowledged(found[-2], found[-1], directing)]
        paragraphs.append(found)
    return paragraphs


def _acknowledged(thanks: Message, tasks: Message, directing: bool) -> Message:
    """A speaker's acknowledgement and the tasks asked after it as one message: the bank may open
    with the acknowledgement ("Ghi nhận …, Bí thư Đảng ủy xã … đề nghị …", as two blind readers
    rewrote "… ghi nhận …; đồng thời đề nghị …"); a bank without it says the two as a group."""
    said = message("news.speech.acknowledged", "speeches", speaker=thanks.slots["speaker"],
                   acknowledged=thanks.slots["points"], points=tasks.slots["points"],
                   directing=flag(directing), attending=flag(not directing), asks=tasks.slots.get("asks"),
                   one=flag(len(thanks.slots["points"].value) == 1))
    return replace(said, instead=(thanks, tasks))


def conclusion(facts: Facts, scope: Scope) -> list[list[Message]]:
    """The chair's conclusion: one paragraph for plain tasks, one per addressee of grouped ones."""
    conference = facts.report.conference
    if conference is None or not conference.conclusion:
        return []
    chair = conference.chair
    plain_items, groups = split_tasks(conference.conclusion, "conference.conclusion")
    paragraphs = []
    said = False
    decided = [item for item in plain_items if roles.opens_with_decision(item[1])]
    if decided:
        # "Thống nhất đánh giá cao …", "Thông qua Nghị quyết …" are what the conference or its chair
        # did, not the next period's tasks: "Hội nghị thống nhất các nhiệm vụ trọng tâm năm 2026:
        # thống nhất đánh giá cao …" (a new-user trial). A bank without the key lists them as before.
        plain_items = [item for item in plain_items if item not in decided]
        for part in chunks(decided, TASKS_PER_SENTENCE):
            before = message("news.conclusion" if chair else "news.conclusion.nochair", "conclusion",
                             chair=person(chair, "conference.chair") if chair and not said else None,
                             items=task_slot(part, "conference.conclusion"), next_period=scope.next_period(),
                             several=flag(len(part) > 1))
            key = "news.conclusion.decided" if chair and not said else "news.conclusion.decided.next" if chair \
                else "news.conclusion.decided.nochair"
            paragraphs.append([replace(message(key, "conclusion", chair=before.slots.get("chair"),
                                               items=before.slots["items"]), instead=(before,))])
            said = True
    if plain_items:
        found = []
        for index, part in enumerate(chunks(plain_items, TASKS_PER_SENTENCE)):
            key = "news.conclusion" if chair else "news.conclusion.nochair"
            if index:
                key = "news.conclusion.more" if chair else "news.conclusion.more.nochair"
            found.append(message(key, "conclusion", chair=person(chair, "conference.chair") if chair and not index
                                 else None, items=task_slot(part, "conference.conclusion"),
                                 next_period=scope.next_period() if not index else None,
                                 several=flag(len(plain_items) > 1 and not index)))
        paragraphs.append(found)
        said = True
    for index, group in groups:
        verb = group.verb or roles.direction_verb(chair, group.to, facts.unit.level)
        slots = dict(verb=plain(verb, f"conference.conclusion[{index}].verb" if group.verb else ""),
                     to=text(group.to, f"conference.conclusion[{index}].to"),
                     items=group_slot(index, group, "conference.conclusion"))
        if chair is None:
            found = message("news.conclusion.group.nochair", "conclusion", **slots)
        elif said:
            found = message("news.conclusion.group.next", "conclusion", **slots)
        else:
            found = message("news.conclusion.group", "conclusion", chair=person(chair, "conference.chair"), **slots)
        _add_group(paragraphs, found)
        said = True
    return paragraphs


def directions(facts: Facts, scope: Scope) -> list[list[Message]]:
    """The next period's tasks the report sets (the article covers them, grouped as given)."""
    plain_items, groups = split_tasks(facts.report.directions, "directions")
    paragraphs = []
    if plain_items:
        found = []
        for index, part in enumerate(chunks(plain_items, TASKS_PER_SENTENCE)):
            found.append(message("news.directions" if index == 0 else "news.directions.more", "directions",
                                 next_when=scope.next_when() if index == 0 else None,
                                 next_period=scope.next_period() if index == 0 else None,
                                 unit=scope.unit() if index == 0 else None, items=task_slot(part, "directions"),
                                 several=flag(len(plain_items) > 1 and index == 0)))
        paragraphs.append(found)
    for n, (index, group) in enumerate(groups):
        first = n == 0 and not plain_items
        _add_group(paragraphs, message("news.directions.group" if first else "news.directions.group.next", "directions",
                                       next_when=scope.next_when() if first else None,
                                       to=text(group.to, f"directions[{index}].to"),
                                       items=group_slot(index, group, "directions")))
    return paragraphs


def _add_group(paragraphs: list[list[Message]], found: Message) -> None:
    """One addressee's tasks, in the paragraph before while that stays short, else in a new one."""
    if paragraphs and sum(map(_task_words, paragraphs[-1])) + _task_words(found) <= WORDS_PER_PARAGRAPH:
        paragraphs[-1].append(found)
    else:
        paragraphs.append([found])


def _task_words(found: Message) -> int:
    """Words of the user's text a message of tasks says: its addressee and its items."""
    values = [found.slots[name].value for name in ("to", "items") if found.present(name)]
    return sum(words(item) for value in values for item in (value if isinstance(value, list) else [value]))


def _fold(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def _present(facts: Facts) -> list[tuple[str, Person]]:
    conference = facts.report.conference
    if conference is None:
        return []
    found = [("conference.chair", conference.chair)] if conference.chair else []
    found += [(f"conference.co_chairs[{i}]", p) for i, p in enumerate(conference.co_chairs)]
    found += [(f"conference.attendees[{i}]", p) for i, p in enumerate(conference.attendees)]
    return found


def awards(facts: Facts, scope: Scope) -> list[Message]:
    """Each award by its authority: given by someone present, handed over on behalf, or received.

    The first award opens ("Nhân dịp này, …"); the next ones take the ``….next`` keys, whose
    phrasings go on from it ("… cũng tặng …").
    """
    present = _present(facts)
    hosts = _fold(organiser(facts))
    found = []
    for index, award in enumerate(facts.report.awards):
        if not (award.collectives or award.individuals):
            continue
        slots = award_slots(scope, index)
        more = ".next" if found else ""
        if facts.report.conference is None and not award.presenter:
            found.append(message("awards.given", "awards", **slots))
            continue
        giver = _fold(award.giver)
        holder = next(((path, p) for path, p in present if any(_fold(t) == giver for t in p.titles)), None)
        if holder is None and re.search(rf"(?<!\w){re.escape(giver)}(?!\w)", hosts):
            # the body that holds the conference gives its own award there ("Dịp này, UBND xã tặng Giấy
            # khen …"), not "… được tặng Giấy khen của UBND xã" as if it were away (a new user)
            holder = ("conference.organiser", None)
        if award.presenter and not (holder and holder[1] and _fold(award.presenter) in _fold(holder[1].name)):
            known = next((p for _, p in present if _fold(p.name) in _fold(award.presenter)), None)
            where = f"awards[{index}].presenter"
            # someone present is named as everywhere else in the article: in full once, short after
            presenter = Slot("person", known, Source(where, award.presenter, "text")) if known \
                else text(award.presenter, where)
            found.append(message("awards.delegated" + more, "awards", presenter=presenter, **slots))
        elif holder:
            found.append(message("awards.present" + more, "awards", **slots))
        else:
            found.append(message("awards.received" + more, "awards", **slots))
    return found
