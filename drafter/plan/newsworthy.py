"""Which of the period's results a news article tells: the article's content selection.

A report states every figure it is given; an article tells the ones a reader of the provincial
paper looks for, as many as an article of the unit's level holds. The rules are data
(``newsworthy.yaml`` beside this module); this module only applies them. The user's own words
are always told, and so is a topic whose figures went the wrong way.

>>> from drafter.plan.model import Slot, Message
>>> from drafter.document import Source
>>> count = Slot("count", 12, Source("leadership.documents_issued", "12"))
>>> note = Slot("sentence", "Kiện toàn Ban CHQS.", Source("leadership.notes[0]", "", "text"))
>>> quotes_user(Message("leadership.documents", {"documents": count})), quotes_user(Message("note", {"note": note}))
(False, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources

from drafter.plan import roles
from drafter.plan.model import Message

#: Slot kinds that carry words the user typed (a unit's name or a label of the bank do not).
USER_WORDS = frozenset({"text", "sentence", "clause", "clauses", "acts", "names"})


@cache
def rules() -> dict:
    """The selection rules of ``newsworthy.yaml``."""
    from drafter.inputs.pyyaml import import_yaml

    yaml = import_yaml()  # PyYAML's C loader: the file is ours, read once per process

    text = resources.files("drafter.plan").joinpath("newsworthy.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def quotes_user(message: Message) -> bool:
    """Whether the message says something in the user's own words (a note, a rating, a name)."""
    for slot in message.slots.values():
        if slot is None or slot.empty:
            continue
        if slot.kind in USER_WORDS and (slot.source is not None or any(slot.sources)):
            return True
        if slot.kind == "message" and quotes_user(slot.value):
            return True
    return False


def firsts_first(messages: list[Message]) -> list[Message]:
    """The topic's messages with the notes that tell a first moved before its figures (after its
    legal basis, which opens the topic's first sentence).

    >>> from drafter.plan.slots import text
    >>> note = lambda words: Message("note", {"note": text(words, "x.notes[0]", "sentence")})
    >>> [m.key for m in firsts_first([Message("exercises.drills"), note("Lần đầu diễn tập theo mô hình mới")])]
    ['note', 'exercises.drills']
    """
    def first(message: Message) -> bool:
        note = message.slots.get("note") if message.key == "note" else None
        return note is not None and roles.opens_with(str(note.value), rules()["firsts"])

    firsts = [m for m in messages if first(m)]
    if not firsts:
        return messages
    bases = [m for m in messages if m.lead_in]
    return bases + firsts + [m for m in messages if m not in firsts and m not in bases]


def told(topics: Mapping[str, list[Message]], level: str) -> dict[str, list[Message]]:
    """Each topic's messages an article of a unit at ``level`` tells, in their order.

    Topics not ranked (the context) are told whole; a ranked topic is told whole or only by the
    messages in the user's words.
    """
    found = rules()
    most = found["most"].get(level, found["most"]["province"])
    figures = {topic: [m for m in messages if not quotes_user(m)] for topic, messages in topics.items()}
    kept = {topic for topic in topics if topic not in found["rank"]}
    kept |= {topic for topic in found["rank"] if any(m.tone == "bad" for m in figures.get(topic, ()))}
    used = sum(len(figures.get(topic, ())) for topic in kept if topic in found["rank"])
    bookkeeping = set(found.get("report_only", ()))
    for topic in found["rank"]:
        size = len(figures.get(topic, ()))
        if topic not in kept and topic not in bookkeeping and size and used + size <= most:
            kept.add(topic)
            used += size
    return {topic: messages if topic in kept else [m for m in messages if quotes_user(m)]
            for topic, messages in topics.items()}
