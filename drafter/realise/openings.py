"""How a sentence opens: the checks that keep an article from opening two sentences alike, with a
figure, or with two introductions in a row.

>>> from drafter.realise.phrasing import parse, Variant
>>> opening(Variant((parse("Toàn {level} có {n} xã.", "x:1"),), "x:1")), opening(Variant((parse("{unit} có.", "x:1"),), "x:1"))
('ref:unit', 'ref:unit')
>>> opens_framed("Về đầu tư, tỉnh dành 4,7 tỷ đồng."), opens_framed("Tỉnh dành 4,7 tỷ đồng.")
(True, False)
>>> doer = lambda text: names_the_doer(Variant((parse(text, "x:1"),), "x:1"))
>>> doer("Về dân quân, {unit} có {n} đồng chí."), doer("Lực lượng của {unit} gồm {n} đồng chí."), doer("Có {n} đồng chí.")
(True, False, False)
>>> after = lambda text: follows_a_lead_in(Variant((parse(text, "x:1"),), "x:1"))
>>> after("{unit} giao {n} công dân."), after("Giao {n} công dân."), after("Giáo dục được tổ chức cho {n} em.")
(True, True, False)
>>> after("Về dân quân, {unit} có {n} đồng chí."), after("[Qua {team}, ]{unit} quy tập {n} hài cốt."), after("Có {n} xã.")
(False, False, False)
"""

from __future__ import annotations

import functools

from drafter.plan.model import Message
from drafter.realise.phrasing import Alt, Lit, Opt, Ref, Term, Variant

def _kept(function):
    """``function(variant)``, worked out once per phrasing and kept on it (as ``cached_property``
    keeps ``Variant.required``): it depends on the phrasing only, and the realiser asks it of every
    fitting phrasing each time a message is said (some 150 times a report, of the same phrasings
    in every report). A phrasing with its ``<…|…>`` chosen is a new object, worked out afresh."""
    name = f"_{function.__name__}"

    @functools.wraps(function)
    def kept(variant: Variant):
        try:
            return variant.__dict__[name]
        except KeyError:
            value = variant.__dict__[name] = function(variant)  # a frozen dataclass: as cached_property writes
            return value

    kept.uncached = function  # tests compare the two
    return kept


#: First words that open alike: "Toàn tỉnh …" names the unit as "Tỉnh …" does; "Nhân dịp này" is "Dịp này".
_SAME_OPENING = {"toàn": "ref:unit", "nhân": "dịp"}


@_kept
def opening(variant: Variant) -> str:
    """How a phrasing opens: the slot it starts with, or its first word."""
    for node in variant.sentences[0]:
        if isinstance(node, Ref):
            return "ref:" + node.name
        if isinstance(node, Opt):
            continue
        if isinstance(node, Term):
            return "term:" + node.abbreviation
        if node.text.strip():
            return text_opening(node.text)
    return ""


def text_opening(text: str) -> str:
    """How a written sentence opens, named as :func:`opening` names a phrasing's first word.

    >>> text_opening("Hội nghị có sự tham dự của …"), text_opening("Toàn tỉnh có 9 vụ.")
    ('hội', 'ref:unit')
    """
    words = text.split(maxsplit=1)
    if not words:
        return ""
    word = words[0].casefold().strip(",")
    return _SAME_OPENING.get(word, word)


_FIGURE_KINDS = frozenset({"count", "award_count", "rate", "money", "number", "figures"})


@_kept
def names_the_doer(variant: Variant) -> bool:
    """Whether the phrasing makes the unit its subject ("{unit} giao …", "Toàn {level} có …",
    "Về …, {unit} cử …"), not a possessor ("lực lượng của {unit}") or nothing ("Có … được …").

    A sentence of clauses goes on from its first phrasing's subject ("…; huấn luyện cho 610 cán bộ,
    chiến sĩ"): after "Công dân nam đủ 17 tuổi được đăng ký …" such a clause has no one doing it.
    """
    return _doer_in(variant.sentences[0])


@_kept
def ends_with_the_doer(variant: Variant) -> bool:
    """Whether the phrasing's last sentence makes the unit its subject: what goes on after it (a
    clause, a sentence without its subject) goes on from that sentence, not from its first ("Toàn
    tỉnh có … Có 44.950 cán bộ, chiến sĩ được huấn luyện." ends with no one doing anything).

    >>> from drafter.realise.phrasing import parse, Variant
    >>> two = Variant((parse("Toàn {level} có {n} đồng chí.", "x:1"), parse("Có {m} đồng chí được huấn luyện.", "x:1")), "x:1")
    >>> names_the_doer(two), ends_with_the_doer(two)
    (True, False)
    """
    return _doer_in(variant.sentences[-1])


def _doer_in(nodes) -> bool:
    before = ""
    for node in nodes:
        if isinstance(node, Ref) and node.name in ("unit", "level"):
            return not before.rstrip().casefold().endswith("của")
        if isinstance(node, Lit):
            before = node.text
    return False


def opens_with_figure(variant: Variant, message: Message) -> bool:
    name = _first_slot(variant)
    slot = message.slots.get(name) if name is not None else None
    return slot is not None and slot.kind in _FIGURE_KINDS


@_kept
def _first_slot(variant: Variant) -> str | None:
    """The slot a phrasing opens with, past optional parts and blanks; None when words come first."""
    for node in variant.sentences[0]:
        if isinstance(node, Ref):
            return node.name
        if isinstance(node, Opt) or (isinstance(node, Lit) and not node.text.strip()):
            continue
        return None
    return None


#: Openings that already set the scene ("Về đầu tư, …", "Trong phòng, chống thiên tai, …"): a connector
#: before them ("Bên cạnh đó, về đầu tư, …") stacks two introductions.
_FRAMING_WORDS = frozenset({"về", "trong", "ở", "đối", "với", "khi", "tại", "trên", "nhân", "dịp", "để", "nhằm",
                            "thực", "qua"})


@_kept
def framing(variant: Variant) -> str:
    """The words of the bank that set a sentence's scene before its first comma ("Tại hội nghị",
    "Phát biểu tại hội nghị", "Dịp này"), or "": an article says each once. A blind reader marked
    "Tại hội nghị, …" said three times in a brief.

    >>> from drafter.realise.phrasing import parse
    >>> frame = lambda text: framing(Variant((parse(text, "x:1"),), "x:1"))
    >>> frame("Tại hội nghị, {giver} tặng {kind}."), frame("Nhân dịp này, {giver} tặng."), frame("{unit} có {n} xã.")
    ('tại hội nghị', 'dịp này', '')
    >>> frame("Về công tác {@NVQS}, {unit} giao {n} công dân.")
    'về công tác nvqs'

    """
    before = ""
    for node in variant.sentences[0]:
        if isinstance(node, Term):  # "Về công tác {@NVQS}, …" frames as its words do
            before += node.abbreviation.casefold()
            continue
        if isinstance(node, Ref) and before.strip():  # "Về phương hướng {next_period}, …" too
            before += node.name
            continue
        if not isinstance(node, Lit):
            return ""
        before += node.text
        if "," in before:
            words = before.split(",", 1)[0].casefold().split()
            return " ".join(words[1:] if words[:1] == ["nhân"] else words)
    return ""


def literal_words(variant: Variant) -> str:
    """The bank's own words of a resolved phrasing, folded (its slots left out).

    >>> from drafter.realise.phrasing import parse
    >>> literal_words(Variant((parse("Cùng dự Hội nghị có {persons}.", "x:1"),), "x:1"))
    'cùng dự hội nghị có .'
    """
    return " ".join(" ".join("".join(node.text for node in sentence if isinstance(node, Lit)).casefold().split())
                    for sentence in variant.sentences)


def framing_kind(words: str) -> str:
    """Framings an article says once: each scene ("tại hội nghị"), and a topic's label ("Về tuyển
    quân, …", "Về diễn tập, …") once in all: a blind reader marked three in one opening, and the
    corpus opens none of its 180 sentences so.

    >>> framing_kind("về diễn tập"), framing_kind("tại hội nghị")
    ('về', 'tại hội nghị')
    """
    return "về" if words.startswith("về ") else words


def labels_a_topic(words: str) -> bool:
    """Whether a framing names the topic the sentence is about ("về diễn tập", "trong công tác diễn
    tập", "ở nhiệm vụ …"), not its scene ("tại hội nghị", "dịp này").

    >>> labels_a_topic("trong công tác diễn tập"), labels_a_topic("tại hội nghị"), labels_a_topic("")
    (True, False, False)
    """
    return words.split(" ", 1)[0] in _TOPIC_LABELS


_TOPIC_LABELS = frozenset({"về", "trong", "ở", "đối"})


def opens_framed(text: str) -> bool:
    words = text.split(maxsplit=1)
    return bool(words) and words[0].casefold() in _FRAMING_WORDS


#: Verbs a report's sentence opens with, its subject the reporting unit ("Giao 51/52 công dân …",
#: "Duy trì trực …"). Such a sentence, like one that opens with the unit ("Tỉnh giao …",
#: "Lực lượng vũ trang tỉnh …"), can follow a lead-in: "Thực hiện Chỉ thị số 13/CT-TTg …, duy trì …".
_VERBS = frozenset({"ban", "bàn", "bồi", "cử", "duy", "đăng", "đầu", "giao", "giáo", "gọi", "hoàn", "huấn",
                    "huy", "kiện", "mở", "phối", "quản", "quán", "sửa", "tham", "thăm", "tìm", "tổ", "triển",
                    "tuyển", "xây"})


@_kept
def follows_a_lead_in(variant: Variant) -> bool:
    """Whether a phrasing can go on from "Thực hiện …, ": it opens with its subject or, in a report's
    voice, its verb; not with a frame of its own ("Về …, ", "[Qua {team}, ]"), "Có …", a figure, or a
    noun the verb comes after ("Giáo dục … được tổ chức cho …")."""
    nodes = [n for n in variant.sentences[0] if not (isinstance(n, Lit) and not n.text.strip())]
    if not nodes or isinstance(nodes[0], (Opt, Alt)):
        return False
    if isinstance(nodes[0], Term) or (isinstance(nodes[0], Ref) and nodes[0].name in ("unit", "level")):
        return True
    if not isinstance(nodes[0], Lit):
        return False
    before = ""
    for node in nodes:
        if isinstance(node, Ref):
            break
        before += node.text if isinstance(node, Lit) else " "
    words = before.casefold().split()
    return bool(words) and (words[0] == "toàn" or (words[0] in _VERBS and "được" not in words and "là" not in words))
