"""Realisation: a document plan and a phrase bank in, the draft's blocks out.

For every message the realiser chooses one phrasing of the bank — deterministically from the
seed, among those that need no slot the message lacks and leave out none it has — and fills
it; then it orders the words into sentences (a group of messages into one sentence of clauses,
a connector where the plan allows one and none has been used, never two in a row), names
people and terms by first or later mention, and applies the surface rules (capital letter,
one final stop, tidy spaces). Each sentence keeps the sources of what it states.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter import vnformat
from drafter.document import (
    Block,
    Byline,
    Chart,
    Table,
    Title,
)
from drafter.plan.catalog import OPTIONAL
from drafter.plan.choice import Chooser
from drafter.plan.model import (
    BylinePlan,
    ChartPlan,
    DocumentPlan,
    HeadingPlan,
    Message,
    ParagraphPlan,
    TablePlan,
    TitlePlan,
)
from drafter.realise.aggregation import Aggregating, Said
from drafter.realise.bank import Bank, Entry
from drafter.realise.blocks import cell_text, numbered, paragraph, resolve_alone
from drafter.realise.openings import (
    follows_a_lead_in,
    framing,
    framing_kind,
    labels_a_topic,
    literal_words,
    names_the_doer,
    opening,
    opens_framed,
    opens_with_figure,
    text_opening,
)
from drafter.realise.orthography import lower_first_piece, plain_text, strip_end
from drafter.realise.phrasing import (
    BankError,
    Lit,
    Opt,
    Ref,
    Term,
    Variant,
    pick_alternatives,
)
from drafter.realise.referring import Mentions, write_terms
from drafter.realise.values import Context, Piece, render


@dataclass
class Realised:
    """The realised document: body blocks, and the trích yếu or headline."""

    blocks: tuple[Block, ...]
    summary: str = ""
    headline: str = ""


class Realiser(Aggregating):
    """Realises one document plan with one bank; holds what the document has said so far."""

    def __init__(self, bank: Bank, plan: DocumentPlan, compared: tuple[str, str] = ("", "")):
        self.bank, self.plan = bank, plan
        self.chooser = Chooser(plan.seed)
        self.context = Context(labels=bank.labels, pad_award_counts=bank.settings.pad_award_counts,
                               compared=compared, nested=self._inline,
                               mentions=Mentions(shorten_unit=bank.settings.shorten_unit,
                                                 shorten_period=bank.settings.shorten_period))
        #: How the last sentence opens: its phrasing's opening ("ref:unit") and its written first word.
        self.last_openings: set[str] = set()
        self.framings: set[str] = set()
        self.paragraph_words = ""  # what the paragraph has said so far, folded: for ``sparing`` words
        self.said_once: set[str] = set()  # the ``once`` words the article has said
        self.unit_subject = False  # whether the last sentence's phrasing opens with the unit
        self.doer_subject = False  # whether its subject is the unit or its forces, after a frame or not
        self.body_subject = False  # whether it is a note whose subject is a body of the unit ("Đảng ủy, …")
        self.used: dict[str, set[int]] = {}
        self.occurrences: dict[str, int] = {}
        self.connectors_used: set[str] = set()
        self.connector_commas = tuple(f"{c}," for c in bank.settings.connectors)  # how a sentence opens with one
        self.led_in_last = False  # whether the last sentence opened with a lead-in ("Thực hiện …, ")
        self.previous_topic = ""  # the topic the paragraph's last sentence ended on ("" at a paragraph's start)
        self.sentences: list[Said] = []  # every sentence in order, for the terms

    # phrasings ----------------------------------------------------------------------------

    def _entry(self, key: str) -> Entry:
        entry = self.bank.entries.get(key)
        if entry is None:
            raise BankError([("E564", str(self.bank.files[-1]) if self.bank.files else "", f"thiếu cách nói cho “{key}”")])
        return entry

    def _choose(self, message: Message, entry: Entry, top: bool = False, first: bool = False,
                clause: bool = False, lead: bool = False, led_in: bool = False) -> Variant:
        present = message.filled()
        variants = entry.clauses if clause and entry.clauses else entry.variants
        eligible = entry.fitting(variants, present)
        if not eligible:
            where = entry.variants[0].where if entry.variants else ""
            raise BankError([("E567", where, f"không có cách nói nào của “{message.key}” dùng đủ các ô "
                                             f"{', '.join(sorted(present))}")])
        used_key = message.key + ("|clause" if variants is entry.clauses else "")
        occurrence = self.occurrences.get(used_key, 0)
        self.occurrences[used_key] = occurrence + 1
        if entry.choosing[variants is entry.clauses]:
            known: dict[int, Variant] = {}

            def resolved(i: int) -> Variant:
                # each choice depends only on its key: resolving only the phrasings looked at says the same
                if i not in known:
                    known[i] = self._resolved(variants[i], f"{used_key}#{occurrence}#{i}")
                return known[i]
        else:  # most: no phrasing has words to choose
            resolved = variants.__getitem__  # each as it is, as _resolved would give it
        used = self.used.get(used_key)
        fresh = eligible if used is None else [i for i in eligible if i not in used] or eligible
        if led_in:  # "Thực hiện …, " opens the sentence: :meth:`_can_follow` found such a phrasing
            fresh = [i for i in fresh if follows_a_lead_in(variants[i])] or [
                i for i in eligible if follows_a_lead_in(variants[i])] or fresh  # after a period, any
        # Each filter below keeps a phrasing left alone (``or fresh``), and asks only what is the
        # same whenever asked: with one left there is nothing to filter.
        if first and len(fresh) > 1:
            # a sentence never opens with a figure ("21 nhà tình nghĩa…"): newspapers write "Có 21…"
            fresh = [i for i in fresh if not opens_with_figure(resolved(i), message)] or fresh
        if lead and len(fresh) > 1:  # clauses follow: the unit must be the one doing what they say
            # (or goes on without its subject from a sentence whose subject does, as above)
            fresh = [i for i in fresh if names_the_doer(resolved(i)) or opening(resolved(i)) == "ref:acted"] or fresh
        if top:  # this one may widen to other fitting phrasings: asked even of one left
            fresh = self._subject_kept(fresh, eligible, lambda i: opening(resolved(i)) == "ref:acted", led_in)
        if top and len(fresh) > 1:
            # no two sentences in a row open alike ("Tỉnh … Tỉnh …", "Có … Có …")
            fresh = [i for i in fresh if opening(resolved(i)) not in self.last_openings] or fresh
            fresh = [i for i in fresh if framing_kind(framing(resolved(i))) not in self.framings] or fresh
            if self.previous_topic == message.topic:
                # a topic's label ("Trong công tác diễn tập, …") introduces it: after a sentence of the
                # same topic ("Lần đầu tiên tỉnh tổ chức diễn tập …") a reader marked it as filler
                fresh = [i for i in fresh if not labels_a_topic(framing(resolved(i)))] or fresh
            for words in self.bank.settings.sparing:
                if self.paragraph_words.count(words) >= 2:
                    fresh = [i for i in fresh if words not in literal_words(resolved(i))] or fresh
            for words in self.said_once:
                fresh = [i for i in fresh if words not in literal_words(resolved(i))] or fresh
        index = fresh[self.chooser.number(f"{used_key}#{occurrence}", len(fresh))]
        self.used.setdefault(used_key, set()).add(index)
        chosen = resolved(index)
        if top:
            elided = self._elided(chosen, message, f"{used_key}#{occurrence}") if not led_in else None
            self.last_openings = {opening(elided or chosen)}
            self._remember_subject(chosen, elided, message)
            said = framing_kind(framing(chosen))
            if said:  # "" (no framing words) is never kept, so never refused
                self.framings.add(said)
            chosen = elided or chosen
        return chosen

    def _resolved(self, variant: Variant, key: str) -> Variant:
        """The phrasing with one of each ``<…|…>`` chosen: the same draft always chooses alike."""
        if not variant.alternatives:
            return variant  # what picking would rebuild, node for node
        count = iter(range(1 << 30))
        sentences = tuple(pick_alternatives(s, lambda n: self.chooser.number(f"{key}#alt{next(count)}", n))
                          for s in variant.sentences)
        return Variant(sentences, variant.where)

    def _fill(self, nodes, message: Message) -> list[Piece] | None:
        """A phrasing's nodes filled from the message; None when a slot it needs is empty."""
        out: list[Piece] = []
        append, slots = out.append, message.slots  # some 70 phrasings a report, of a dozen nodes each
        for node in nodes:
            kind = type(node)  # the node classes are never subclassed
            if kind is Lit:  # most nodes: words of the bank
                append(Piece(node.text))
            elif kind is Ref:  # then slots: looked up once (Message.present would look twice)
                slot = slots.get(node.name)
                if slot is None or slot.empty:
                    if node.default is None:
                        return None
                    append(Piece(node.default))
                else:
                    out += render(slot, self.context)
            elif kind is Opt:
                out += self._fill(node.nodes, message) or []
            elif kind is Term:
                append(Piece("", term=node.abbreviation))
            else:
                append(Piece(node.text))
        return out

    def _inline(self, message: Message) -> list[Piece]:
        """A message said inside another (a change, a conference's name): no capital, no stop."""
        if message.instead and message.key not in self.bank.entries:
            message = message.instead[0]  # a bank exported before the key says what it said then
        variant = self._choose(message, self._entry(message.key))
        pieces: list[Piece] = []
        for nodes in variant.sentences:
            pieces += self._fill(nodes, message) or []
        if pieces and pieces[-1].term is None:
            pieces[-1].text = pieces[-1].text.rstrip(" .")
        return pieces

    def say(self, message: Message, first: bool = True, lead: bool = False, led_in: bool = False) -> list[Said]:
        entry = self._entry(message.key)
        variant = self._choose(message, entry, top=first, first=first, clause=not first, lead=lead, led_in=led_in)
        said = []
        for nodes in variant.sentences:
            pieces = self._fill(nodes, message) or []
            sources, words = [], False
            for piece in pieces:  # one pass: the sources, and whether any piece says something
                if piece.source is not None:
                    sources.append(piece.source)
                if not words and (piece.term or piece.text.strip()):
                    words = True
            if not words:
                continue  # a sentence made only of an optional part that had nothing to say
            said.append(Said(pieces, message.key, entry.frame, sources, message.topic))
        if first and said:  # as written: "{next_when}, …" opens with "Trong", a phrasing of two with its second
            self.last_openings.add(text_opening(plain_text(said[-1].pieces)))
        return said

    # sentences and paragraphs -------------------------------------------------------------

    def _connector(self) -> str | None:
        for connector in self.chooser.shuffle("connectors", self.bank.settings.connectors):
            if connector not in self.connectors_used:
                self.connectors_used.add(connector)
                return connector
        return None

    def paragraph(self, plan: ParagraphPlan) -> list[Said]:
        messages = list(plan.messages)
        self.paragraph_words = ""
        if plan.free_order:
            messages = self.chooser.shuffle(f"paragraph|{messages[0].key}", messages)
        out: list[Said] = []
        index = 0
        while index < len(messages):
            message = messages[index]
            if message.instead and message.key not in self.bank.entries:
                messages[index:index + 1] = message.instead  # a bank without the key says its parts
                continue
            if self._goes_on(message, out) or self._joins_brief(message, out, len(messages)):
                self._go_on(message, out[-1])
                index += 1
                continue
            rest = self._shares_subject(message, out)
            if rest is not None:
                self._go_on(rest, out[-1])
                index += 1
                continue
            if message.key in OPTIONAL and message.key not in self.bank.entries:
                index += 1  # a frame the bank leaves out
                continue
            led_in = message.lead_in and index + 1 < len(messages) and not self.led_in_last \
                and self._can_follow(message, messages[index + 1])
            if message.lead_in and not led_in and self._entry(message.key).frame:
                index += 1  # a period or a source opens a sentence, it is not one
                continue
            self.previous_topic = (out[-1].last_topic or out[-1].topic) if out else ""
            if led_in:
                said, index = self._said(messages, index + 1, led_in=True)
                said[0] = self._led_in(message, said[0])
            else:
                said, index = self._said(messages, index)
            self.led_in_last = led_in
            # a connector at about every other place the plan allows one: writers do not chain them
            # (a bank without connectors, as a report's, has none to choose: nothing to work out)
            if self.connector_commas and message.connect and out and not _opens_with_connector(out[-1]) \
                    and not opens_framed(plain_text(said[0].pieces)) \
                    and self.chooser.number(f"connect#{len(self.sentences) + len(out)}", 2) == 0:
                connector = self._connector()
                if connector:
                    first = said[0]
                    first.pieces.insert(0, Piece(f"{connector}, "))
                    if len(said) == 1:
                        self.last_openings.add(text_opening(connector))
                    lower_first_piece(first.pieces, 1)
                    first.message += "+connector"
            for sentence in said if self.connector_commas else ():
                # a phrasing of the bank that opens with a connector uses it up as well
                text = plain_text(sentence.pieces).lstrip()
                opening = next((c for c in self.bank.settings.connectors if text.startswith(c + ",")), None) \
                    if text.startswith(self.connector_commas) else None  # seldom: then which one
                if opening and not sentence.message.endswith("+connector"):
                    self.connectors_used.add(opening)
                    sentence.message += "+connector"
            out += said
            if self.bank.settings.sparing or self.bank.settings.once:
                words = " ".join(plain_text(s.pieces) for s in said).casefold() + " "
                self.paragraph_words += words
                self.said_once.update(w for w in self.bank.settings.once if w in words)
            index += 1
        self.sentences += out
        return out

    def heading(self, plan: HeadingPlan) -> str:
        entry = self.bank.headings.get(plan.key)
        if entry is None or not entry.variants:
            raise BankError([("E564", str(self.bank.files[-1]), f"thiếu tiêu đề “{plan.key}” trong headings")])
        kept = entry.heading if not plan.slots and not entry.variants[0].alternatives else {}
        if "text" not in kept:
            variant = self._resolved(entry.variants[0], f"heading|{plan.key}")
            pieces = self._fill(variant.sentences[0], Message(plan.key, plan.slots)) or []
            kept["text"] = vnformat.capitalize_first(plain_text(pieces).strip().rstrip("."))
        return kept["text"]

    def table(self, plan: TablePlan) -> Table:
        """A table of figures: rates as plain decimals (the header says "%"), "-" for a figure not given."""
        header = tuple(self.bank.labels[key] for key in plan.header)
        rows = tuple(tuple(cell_text(cell, self.context) for cell in row) for row in plan.rows)
        return Table(header=header, rows=rows, widths=plan.widths)

    def line(self, message: Message) -> str:
        """A message as one line without a final stop: a headline, a trích yếu."""
        self.context.mentions.apart = True
        try:
            sentence = self.say(message)[0]
        finally:
            self.context.mentions.apart = False
        strip_end(sentence.pieces)
        return vnformat.capitalize_first(plain_text(resolve_alone(sentence.pieces, self.bank)).strip())


# ------------------------------------------------------------------ the document


def realise(plan: DocumentPlan, bank: Bank, compared: tuple[str, str] = ("", "")) -> Realised:
    """The plan said with the bank: blocks whose paragraphs know their sentences' sources."""
    realiser = Realiser(bank, plan, compared)
    headline = ""
    staged: list = []  # blocks, with paragraphs as lists of Said until terms are resolved
    counters = {"part": 0, "arabic": 0}
    for block in plan.blocks:
        if isinstance(block, ParagraphPlan):  # most blocks (the kinds are unrelated classes: any order)
            staged.append((block.item, realiser.paragraph(block)))
        elif isinstance(block, HeadingPlan):
            counters[block.level] = counters.get(block.level, 0) + 1
            if block.level == "part":
                counters["arabic"] = 0
            staged.append(numbered(block.level, counters[block.level], realiser.heading(block)))
        elif isinstance(block, TitlePlan):
            headline = realiser.line(block.message)
            staged.append(Title(headline))
        elif isinstance(block, BylinePlan):
            staged.append(Byline(block.text))
        elif isinstance(block, TablePlan):
            staged.append(realiser.table(block))
        elif isinstance(block, ChartPlan):
            staged.append(Chart(block.bars, bank.labels[block.axis_label], tuple(bank.labels[k] for k in block.legend),
                                realiser.line(block.caption)))
        else:
            raise TypeError(f"not a plan block: {block!r}")
    summary = realiser.line(plan.summary) if plan.summary is not None else ""
    # a cycle (context.nested): left, the realiser, plan and pieces (700 objects) wait for the cycle collector
    realiser.context.nested = None
    write_terms([s.pieces for s in realiser.sentences], bank.terms, bank.settings.abbreviate, plan.terms)
    blocks = [paragraph(*item) if isinstance(item, tuple) else item for item in staged]
    return Realised(tuple(blocks), summary, headline)


def _opens_with_connector(sentence: Said) -> bool:
    return sentence.message.endswith("+connector")
