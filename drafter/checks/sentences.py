"""Sentence-level fidelity: every sentence rests on the input, and every word of the user's is said.

Two rules a generated draft must keep (the figures themselves are checked by
:mod:`drafter.checks.fidelity`):

- every sentence that is not a frame of the phrase bank (wording that names the event or the
  document and states no result) has at least one source;
- every free-text item the user gave (notes, legal bases, assessment, tasks, speeches…) appears,
  in the user's words, in a sentence of its own topic, in each document that covers that topic:
  the report covers all but the conference and the byline, the article all but the proposals
  and the lessons.

>>> from drafter import api
>>> from drafter.inputs import load_report
>>> report = load_report("samples/gia-lai-2026.yaml")
>>> check_sentences(api.draft(report, "bao-cao"), report, "report")
[]
>>> check_sentences(api.draft(report, "tin-bai"), report, "news")
[]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from drafter.document import Byline, Draft, Paragraph, Sentence
from drafter.inputs.model import Directive, Report

#: Sections whose free texts belong to one topic of the plan.
_SECTION_TOPICS = {
    "socio_economic": "context", "leadership": "leadership", "readiness": "readiness", "security": "security",
    "exercises": "exercises", "militia": "militia", "reserve": "reserve", "defence_education": "education",
    "recruitment": "recruitment", "welfare": "welfare", "disaster": "disaster", "remains": "remains",
    "foreign_relations": "foreign_relations", "defence_land": "defence_land", "funding": "funding",
}
#: Single text fields that a topic states.
_TEXT_FIELDS = {
    "exercises": ("scope", "evaluated_by", "rating"),
    "remains": ("abroad_country", "team", "category"),
    "funding": ("purpose",),
}
#: What each kind of document leaves out: the report, the conference (who handed an award over
#: included) and the byline; the article, the proposals and the lessons.
NOT_COVERED = {"report": re.compile(r"conference\.|byline|awards\[\d+\]\.presenter"),
               "news": re.compile(r"proposals|assessment\.lessons")}


def free_texts(report: Report) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Every free-text item of the input: (path, text, topics it may be said in)."""
    for section, topic in _SECTION_TOPICS.items():
        value = getattr(report, section, None)
        if value is None:
            continue
        for field in ("notes", "legal_bases", "partners"):
            for index, item in enumerate(getattr(value, field, None) or []):
                topics = (topic, "document") if (section, field) == ("leadership", "legal_bases") else (topic,)
                yield f"{section}.{field}[{index}]", item, topics
        for field in _TEXT_FIELDS.get(section, ()):
            if getattr(value, field, None):
                yield f"{section}.{field}", getattr(value, field), (topic,)
    for index, award in enumerate(report.awards):
        yield f"awards[{index}].giver", award.giver, ("awards",)
        if award.reason:
            yield f"awards[{index}].reason", award.reason, ("awards",)
        if award.presenter:
            yield f"awards[{index}].presenter", award.presenter, ("awards",)
    if report.assessment:
        for field in ("strengths", "shortcomings", "causes", "lessons"):
            for index, item in enumerate(getattr(report.assessment, field)):
                yield f"assessment.{field}[{index}]", item, ("assessment",)
    yield from _tasks(report.directions, "directions", "directions")
    for index, item in enumerate(report.proposals):
        yield f"proposals[{index}]", item, ("proposals",)
    conference = report.conference
    if conference is not None:
        if conference.name:
            yield "conference.name", conference.name, ("conference",)
        if conference.venue:
            yield "conference.venue", conference.venue, ("conference",)
        for index, item in enumerate(conference.other_attendees):
            yield f"conference.other_attendees[{index}]", item, ("conference",)
        for index, speech in enumerate(conference.speeches):
            for n, point in enumerate(speech.points):
                yield f"conference.speeches[{index}].points[{n}]", point, ("speeches",)
        yield from _tasks(conference.conclusion, "conference.conclusion", "conclusion")


def _tasks(items, path: str, topic: str):
    for index, item in enumerate(items):
        if isinstance(item, Directive):
            yield f"{path}[{index}].to", item.to, (topic,)
            for n, task in enumerate(item.items):
                yield f"{path}[{index}].items[{n}]", task, (topic,)
        else:
            yield f"{path}[{index}]", item, (topic,)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text)).casefold()
    return " ".join(re.sub(r"[“”\"'.,;:!?()]", " ", text).split())


def _subject_shared(text: str, sentence: str) -> bool:
    """Whether a note is said after another with the subject they share said once: "Lực lượng quân sự
    xã làm tốt …; duy trì nghiêm …" says "Lực lượng quân sự xã duy trì nghiêm …".

    >>> _subject_shared("Lực lượng quân sự xã duy trì nghiêm chế độ trực", "Lực lượng quân sự xã làm tốt; duy trì nghiêm chế độ trực.")
    True
    """
    words, folded = _fold(text).split(), _fold(sentence)
    for shared in range(2, min(8, len(words) - 2)):
        subject, rest = " ".join(words[:shared]), " ".join(words[shared:])
        where = folded.find(rest)
        if where > 0 and subject in folded[:where]:
            return True
    return False


def sentences_of(draft: Draft) -> list[Sentence]:
    return [s for block in draft.blocks if isinstance(block, Paragraph) for s in block.sentences]


def check_sentences(draft: Draft, report: Report, kind: str) -> list[str]:
    """What the draft's sentences get wrong, in Vietnamese; empty when all is well."""
    problems: list[str] = []
    sentences = sentences_of(draft)
    for sentence in sentences:
        if not sentence.frame and not sentence.all_sources():
            problems.append(f"câu không có nguồn: {sentence.text}")
    said: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        for source in sentence.all_sources():
            said.setdefault(source.path, []).append(sentence)
    skipped = NOT_COVERED.get(kind)
    for path, text, topics in free_texts(report):
        if skipped is not None and skipped.match(path):
            continue
        # a name the user's own note of the topic says word for word is said ("… với 3 tỉnh Đông Bắc
        # Campuchia" in a note: the partners are not said a second time)
        where = [s for s in said.get(path, []) if s.of(topics)] or [
            s for s in sentences if s.of(topics) and _fold(text) in _fold(s.text)]
        if not where:
            problems.append(f"thiếu ý của người dùng ở mục {topics[0]}: {path} “{text}”")
        elif not any(_fold(text) in _fold(s.text) or _subject_shared(text, s.text) for s in where):
            problems.append(f"ý của người dùng bị sửa: {path} “{text}”")
    if kind == "news" and report.byline and not any(isinstance(b, Byline) and b.text == report.byline
                                                     for b in draft.blocks):
        problems.append(f"thiếu dòng tác giả: “{report.byline}”")
    return problems
