"""Aggregation: messages said as one sentence. A group of the plan's as clauses joined by
semicolons, a legal basis or a period opening the next message's sentence ("Thực hiện …, tỉnh
…", "Năm 2025, …"), and a note of what the unit did going on the sentence that names it.

:class:`Aggregating` is the part of :class:`drafter.realise.realiser.Realiser` that does this; it
uses the realiser's ``say``, ``_entry`` and what the document has said so far.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from drafter.document import Source
from drafter.plan.model import Message, Slot
from drafter.plan.roles import opens_with_action
from drafter.realise.openings import ends_with_the_doer, follows_a_lead_in, opening, text_opening
from drafter.realise.orthography import joined_clause, lower_first_piece, plain_text, strip_end
from drafter.realise.phrasing import Lit, Ref, Variant
from drafter.realise.values import Piece

#: Words a sentence may reach when a note goes on it (the corpus's sentences of results run to 40–60).
GO_ON_WORDS = 60
#: A brief's paragraph (this many messages at most) joins a figure of one topic to the sentence
#: before, of another topic, when that sentence is this short.
BRIEF, BRIEF_WORDS = 4, 20


@dataclass(slots=True)
class Said:
    """A sentence being built: its pieces, what it says, whether it is a frame."""

    pieces: list[Piece]
    message: str
    frame: bool
    sources: list[Source] = field(default_factory=list)
    topic: str = ""
    #: the topic of the last clause joined on, when another than ``topic``: a note goes on after it
    last_topic: str = ""
    also: list[str] = field(default_factory=list)  # the topics of clauses joined on, other than ``topic``


#: A note this short (in syllables), without commas of its own, goes on a sentence after a comma.
SHORT_CLAUSE = 16


def _clauses(sentence: Said) -> int:
    """How many clauses a sentence of notes has: "note+note" is two, a frame before them none."""
    return sum(key == "note" for key in sentence.message.split("+"))


def _ends_on_a_note(sentence: Said) -> bool:
    """Whether the sentence's last clause is a note of the user's ("news.results.when+note" too)."""
    return [key for key in sentence.message.split("+") if key != "connector"][-1] == "note"


def _says_again(note: str, sentence: str) -> bool:
    """Whether the note's verb (its first two words) is already in the sentence: "duy trì trực 181/181
    ngày; duy trì tổ dân quân …" says the verb twice, which a writer avoids by a new sentence.

    >>> _says_again("duy trì tổ dân quân trực", "Phường duy trì trực 181/181 ngày."), _says_again("phối hợp tuần tra", "Phường duy trì trực.")
    (True, False)
    """
    verb = " ".join(note.casefold().split()[:2])
    return f" {verb}" in f" {sentence.casefold()}"


class Aggregating:
    """Joins messages into sentences (mixed into the realiser, which provides ``say``)."""

    def _goes_on(self, message: Message, out: list[Said]) -> bool:
        """Whether a note of what the unit did goes on the sentence before, whose subject is the
        unit or its forces and which is of its topic ("Tỉnh triển khai …; hoàn thành việc sắp xếp
        …"), rather than open one more sentence with "Tỉnh": the corpus names the doer once. Of its
        topic, or after a clause of its topic that a brief joined on ("xã duy trì trực …; huấn luyện
        cho 96/96 …; tham gia hội thi …"), or after an article's sentence of notes of another topic
        (:meth:`_note_after_note`): a sentence keeps the topics it says (``Said.also``)."""
        # a run of such notes (one subject, "notes:…") goes on as well, clause by clause
        return ("acted" in message.slots and (not message.group or message.group.startswith("notes:")) and bool(out)
                and ((out[-1].last_topic or out[-1].topic) == message.topic or self._note_after_note(out[-1]))
                and self.doer_subject and bool(self._entry(message.key).clauses)
                and len(plain_text(out[-1].pieces).split()) + len(str(message.slots["acted"].value).split()) <= GO_ON_WORDS
                and not _says_again(str(message.slots["acted"].value), plain_text(out[-1].pieces)))

    def _shares_subject(self, message: Message, out: list[Said]) -> Message | None:
        """A note of the user's that opens with the subject of the note said just before, as the
        rest of it ("Lực lượng quân sự xã làm tốt …" then "Lực lượng quân sự xã duy trì nghiêm …"):
        it goes on that sentence without its subject ("…; duy trì nghiêm …"), which a blind reader
        wrote for two sentences in a row opening alike. None when it does not."""
        if self.plan.kind != "news" or message.key != "note" or "plain" not in message.slots or not out:
            return None
        sentence = out[-1]
        if not _ends_on_a_note(sentence) or _clauses(sentence) >= 3:
            return None
        before = next((s.value for s in reversed(sentence.sources) if ".notes[" in s.path), None)
        note = message.slots["note"]
        if before is None or note.source is None:
            return None
        words, previous = str(note.value).split(), str(before).split()
        shared = 0
        while shared < min(len(words), len(previous)) and words[shared].casefold() == previous[shared].casefold():
            shared += 1
        rest = " ".join(words[shared:])
        if shared < 2 or len(words) - shared < 3 or not opens_with_action(rest) \
                or len(plain_text(sentence.pieces).split()) + len(words) - shared > GO_ON_WORDS:
            return None
        return Message("note", {"acted": Slot("clause", rest, note.source)}, message.topic)

    def _separator(self, message: Message, sentence: Said, clause: Said) -> str:
        """How a clause goes on: short notes of what was done by commas, as a writer lists them
        ("… làm tốt công tác tham mưu …, duy trì nghiêm chế độ sẵn sàng chiến đấu, phối hợp chặt chẽ
        …"; a blind reader marked the semicolons of "…; duy trì …; phối hợp …" as a machine's rhythm);
        a clause that has commas of its own, or after one joined by a semicolon, by "; "."""
        said, before = plain_text(clause.pieces), plain_text(sentence.pieces)
        # before it, at most the comma of a frame ("Năm 2025, …") or of the clauses joined so
        if self.plan.kind == "news" and message.key == "note" and "," not in said and ";" not in before \
                and len(said.split()) <= SHORT_CLAUSE and before.count(",") <= _clauses(sentence):
            return ", "
        return "; "

    def _note_after_note(self, sentence: Said) -> bool:
        """Whether a note of another topic may go on an article's sentence of notes: "Lực lượng quân
        sự xã duy trì nghiêm chế độ sẵn sàng chiến đấu; phối hợp chặt chẽ với Công an xã …", as new
        users rewrote a column of one-clause sentences, each of its topic ("Xã thực hiện tốt công tác
        huấn luyện. Củng cố lực lượng dân quân. Xã làm tốt …"); a sentence of three clauses ends."""
        return self.plan.kind == "news" and _ends_on_a_note(sentence) and _clauses(sentence) < 3

    def _after_a_doer(self) -> bool:
        """Whether the sentence about to be said follows one of its paragraph whose subject is the
        unit, its forces or a body the user named: only there may it go on without a subject."""
        return bool(self.previous_topic) and self.doer_subject

    def _subject_kept(self, fresh: list[int], eligible: list[int], subjectless: Callable[[int], bool],
                      led_in: bool) -> list[int]:
        """The phrasings a sentence may take as far as its subject goes: a note said without its
        subject ("Duy trì nghiêm chế độ trực …", as the corpus goes on after "Năm 2025, Ban Chỉ huy …
        đã quán triệt …") only right after a sentence of the paragraph whose subject does it, and
        then always after a note whose subject is a body the user named ("Đảng ủy, Ban CHQS huyện …
        bám sát …": "Huyện tập trung tham mưu …" is not who did it); elsewhere it is no one's."""
        if led_in or not self._after_a_doer():
            return [i for i in fresh if not subjectless(i)] or [i for i in eligible if not subjectless(i)] or fresh
        if self.body_subject:
            return [i for i in fresh if subjectless(i)] or fresh
        return fresh

    def _remember_subject(self, chosen: Variant, elided: Variant | None, message: Message) -> None:
        """Who the sentence just chosen has do what it says, for what may go on from it."""
        self.unit_subject = opening(chosen) == "ref:unit" and elided is None
        # "doer": a note the user wrote whose subject is the unit's own bodies ("Đảng ủy, Bộ CHQS …")
        self.body_subject = "doer" in message.slots
        # the unit or its forces, even after a frame ("Trong phòng, chống thiên tai, LLVT tỉnh …"), not
        # the place when its command does the work ("Tỉnh hoàn thành 21/23 chỉ tiêu …" is no doer)
        unit = message.slots.get("unit")
        place = unit is not None and unit.kind == "place"
        self.doer_subject = (ends_with_the_doer(chosen) and not place) or opening(chosen) == "ref:acted" \
            or self.body_subject

    def _elided(self, variant: Variant, message: Message, key: str) -> Variant | None:
        """The phrasing without its subject, at times, when it opens with the unit already named and
        then its verb, right after a sentence of the paragraph whose subject is the unit or its
        forces: "… lực lượng vũ trang xã duy trì chế độ trực 365/365 ngày. Huấn luyện cho 96 cán bộ,
        chiến sĩ dân quân …", as the corpus goes on ("Tổ chức huấn luyện cho các đối tượng …"); a
        blind reader marked "Xã huấn luyện … Xã bồi dưỡng … xã đặt ra …". Not when it is the first
        sentence of a paragraph, nor a verb the rules do not know."""
        first = variant.sentences[0]
        if not self._after_a_doer() or len(first) < 2 or first[0] != Ref("unit"):
            return None
        unit = message.slots.get("unit")
        if unit is None or unit.empty or unit.kind == "place" or not self.context.mentions.said_unit(unit.value[0]):
            return None
        words = "".join(node.text for node in first[1:4] if isinstance(node, Lit))
        if not words.startswith(" ") or not opens_with_action(words.strip()) or self.chooser.number(f"{key}#elide", 2):
            return None
        rest = (Lit(first[1].text.lstrip()),) + first[2:] if isinstance(first[1], Lit) else first[1:]
        return Variant((rest,) + variant.sentences[1:], variant.where)

    def _joins_brief(self, message: Message, out: list[Said], size: int) -> bool:
        """Whether, in a brief's paragraph (at most BRIEF messages), a figure of another topic goes on
        the sentence before, which names the unit as its subject and has nothing joined yet: "Năm
        2025, xã duy trì trực sẵn sàng chiến đấu 365/365 ngày; có 112/112 đồng chí dân quân được huấn
        luyện …", as a blind reader rewrote four sentences of one figure each."""
        return (self.plan.kind == "news" and size <= BRIEF and bool(out) and self.unit_subject
                and message.key != "note" and not message.group and not message.lead_in
                and out[-1].topic != message.topic and ";" not in plain_text(out[-1].pieces)
                and bool(self._entry(message.key).clauses)
                and len(plain_text(out[-1].pieces).split()) <= BRIEF_WORDS)

    def _go_on(self, message: Message, sentence: Said) -> None:
        [clause] = self.say(message, first=False)
        strip_end(sentence.pieces)
        sentence.pieces += joined_clause(clause.pieces, self._separator(message, sentence, clause))
        sentence.sources += clause.sources
        sentence.frame = sentence.frame and clause.frame
        sentence.message += "+" + message.key
        if message.topic != sentence.topic:
            sentence.last_topic = message.topic
            if message.topic not in sentence.also:
                sentence.also.append(message.topic)

    def _said(self, messages: list[Message], index: int, led_in: bool = False) -> tuple[list[Said], int]:
        """The sentences of the message at ``index``, or of the run of its group; and the index of
        the last message said."""
        message = messages[index]
        run = [message]
        while message.group and index + 1 < len(messages) and messages[index + 1].group == message.group \
                and self._joins(messages[index + 1]):
            index += 1
            run.append(messages[index])
        return ([self._grouped(run, led_in)] if len(run) > 1 else self.say(message, led_in=led_in)), index

    def _can_follow(self, lead_in: Message, message: Message) -> bool:
        """Whether ``lead_in`` can open the sentence of ``message`` ("Thực hiện …, tỉnh …"): the
        bank says it as a clause of one sentence, ``message`` is of its topic, in the bank's words
        (not a note), and has a phrasing that opens with its subject or verb."""
        lead_entry, entry = self._entry(lead_in.key), self._entry(message.key)
        if not lead_entry.clauses or any(len(v.sentences) > 1 for v in lead_entry.clauses):
            return False
        if lead_entry.frame:  # a period or a source ("Năm 2025, …") opens any sentence
            return not message.lead_in
        if message.topic != lead_in.topic or message.key == "note":
            return False
        return any(follows_a_lead_in(entry.variants[i]) for i in entry.fitting(entry.variants, message.filled()))

    def _led_in(self, lead_in: Message, sentence: Said) -> Said:
        [clause] = self.say(lead_in, first=False)
        strip_end(clause.pieces)
        lower_first_piece(sentence.pieces, 0)
        self.last_openings = {text_opening(plain_text(clause.pieces))}
        return Said(clause.pieces + [Piece(", ")] + sentence.pieces, f"{lead_in.key}+{sentence.message}",
                    clause.frame and sentence.frame, clause.sources + sentence.sources, sentence.topic)

    def _joins(self, message: Message) -> bool:
        """Whether a message can go on a sentence as a clause: a group the plan made of clauses
        ("welfare"), or an aggregation ("agg:…") whose bank entry has clause phrasings."""
        return not message.group.startswith("agg:") or bool(self._entry(message.key).clauses)

    def _grouped(self, run: list[Message], led_in: bool = False) -> Said:
        """Messages said as one sentence: their clauses joined by semicolons."""
        pieces: list[Piece] = []
        sources: list[Source] = []
        frame = True
        for position, message in enumerate(run):
            for sentence in self.say(message, first=position == 0, lead=position == 0, led_in=led_in and not position):
                if position:
                    pieces += joined_clause(sentence.pieces)
                else:
                    strip_end(sentence.pieces)
                    pieces += sentence.pieces
                sources += sentence.sources
                frame = frame and sentence.frame
        return Said(pieces, "+".join(m.key for m in run), frame, sources, run[0].topic)
