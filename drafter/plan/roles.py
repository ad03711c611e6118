"""Roles and hierarchy: who attends as a superior, and which verb a speaker uses to whom.

The rules are data (``roles.yaml`` beside this module, documented in docs/thu-bac.md); this
module only reads them. A phrase matches a title or a name as whole words, whatever the case.

>>> from drafter.inputs.model import Person
>>> deputy = Person(rank="Thiếu tướng", name="Lê Minh Đạt", titles=["Phó Tư lệnh Quân khu 5"])
>>> own = Person(rank="Đại tá", name="Võ Thanh Tâm", titles=["Chỉ huy trưởng Bộ CHQS tỉnh"])
>>> attendance(deputy, "province"), attendance(own, "province"), attendance(own, "commune")
('chỉ đạo', 'dự', 'chỉ đạo')
>>> aide = Person(rank="Thiếu tá", name="Trần Quốc Văn", titles=["Trợ lý Ban Quân lực", "Ban Chỉ huy Phòng thủ khu vực 4"])
>>> attendance(aide, "commune")
'dự'
>>> chair = Person(name="Phạm Quang Hiếu", titles=["Phó Bí thư Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"])
>>> vice = Person(name="Trần Văn Nam", titles=["Phó Chủ tịch UBND tỉnh"])
>>> direction_verb(vice, "cấp ủy, chính quyền các cấp", "province")
'đề nghị'
>>> direction_verb(chair, "cấp ủy, chính quyền các cấp", "province")
'yêu cầu'
>>> direction_verb(vice, "các sở, ban, ngành, địa phương", "province")
'yêu cầu'
>>> direction_verb(vice, "Mặt trận Tổ quốc và các đoàn thể", "province")
'đề nghị'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from drafter.inputs.model import Person


@cache
def rules() -> dict:
    """The hierarchy rules of ``roles.yaml``."""
    from drafter.inputs.pyyaml import import_yaml

    yaml = import_yaml()  # PyYAML's C loader: the file is ours, read once per process

    text = resources.files("drafter.plan").joinpath("roles.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(_fold(p)) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@cache
def _folded(key: str) -> tuple[str, ...]:
    """A list of ``roles.yaml`` folded once per process, not once per note or speech point."""
    return tuple(_fold(phrase) for phrase in rules()[key])


def mentions(text: str, phrases) -> bool:
    """Whether ``text`` names one of ``phrases`` as whole words."""
    return bool(phrases) and bool(_pattern(tuple(phrases)).search(_fold(text)))


def _level(level: str) -> str:
    return level if level in ("province", "district", "commune", "area") else "province"


def attendance(person: Person, level: str) -> str:
    """"chỉ đạo" for a leader of a body above the host (dự và chỉ đạo), else "dự" (tham dự)."""
    if person.attends_as:
        return person.attends_as
    superiors = rules()["superior_bodies"][_level(level)]
    if any(_fold(title).startswith(_folded("staff_posts")) for title in person.titles):
        return "dự"  # an aide of the superior body: "Trợ lý Ban Quân lực", then the body's name
    return "chỉ đạo" if any(mentions(title, superiors) for title in person.titles) else "dự"


def speaks_to_direct(person: Person, level: str) -> bool:
    """Whether a speech is "phát biểu chỉ đạo": a superior's, or the Party secretary's of the host's
    own level (the Party committee leads the government of its level); not a deputy secretary's."""
    if attendance(person, level) == "chỉ đạo":
        return True
    posts = rules()["party_secretaries"][_level(level)]
    deputies = ["Phó " + post for post in posts]
    return any(mentions(title, posts) and not mentions(title, deputies) for title in person.titles)


def holds_party_post_above(person: Person | None, level: str) -> bool:
    """Whether the speaker holds a Party post above the committees of the levels below."""
    if person is None:
        return False
    posts = rules()["party_posts_above"][_level(level)]
    return any(mentions(title, posts) for title in person.titles)


def addressee_kind(addressee: str) -> str:
    """"party", "other" or "subordinate": what kind of body a task is addressed to."""
    kinds = rules()["addressees"]
    for kind in ("party", "others", "subordinate"):
        if mentions(addressee, kinds[kind]):
            return "other" if kind == "others" else kind
    return "other"


def direction_verb(speaker: Person | None, addressee: str, level: str) -> str:
    """The verb a speaker directs a body with: "đề nghị" or "yêu cầu" (DOMAIN.md section 8)."""
    verbs = rules()["verbs"]
    kind = addressee_kind(addressee)
    if kind == "party":
        return verbs["party_by_party_leader" if holds_party_post_above(speaker, level) else "party"]
    return verbs[kind]


#: Words after which a note's first word is a noun, not its verb ("Tổ chức lực lượng … được củng cố").
#: "bị" of "thiết bị", "chuẩn bị", "trang bị", "phòng bị" is not the passive's; "đạt" makes the
#: words before it a subject ("Đăng ký thanh niên tuổi 17 đạt 100%": not "Phường đăng ký thanh niên"),
#: but not after a subject of its own ("…, quân số đạt 100%", "với quân số là 105"); "nhiệm vụ được
#: giao" is a noun's, "được 15 đợt" a count's.
_NOT_ACTED = re.compile(r"(?<!\w)(được(?! giao(?!\w))(?! \d)|(?<!quân số )(?<!tổng số )là|(?<!quân số )(?<!tỷ lệ )đạt"
                        r"|(?<!thiết )(?<!chuẩn )(?<!trang )(?<!phòng )(?<!dự )bị)(?!\w)")
#: What follows these says the purpose of the action, not who does it ("bảo đảm … để thực hiện các
#: nhiệm vụ được giao").
_PURPOSE = re.compile(r"\s(?:để|nhằm)\s")


def opens_with_action(text: str) -> bool:
    """Whether a note of results is a sentence without its subject that opens with its verb.

    >>> opens_with_action("Phối hợp với Bộ đội Biên phòng tỉnh tuần tra"), opens_with_action("Tổ chức lực lượng được củng cố")
    (True, False)
    >>> opens_with_action("Thực hiện rà soát, phúc tra đăng ký quân nhân dự bị")  # "dự bị": no passive
    True
    >>> opens_with_action("Quản lý tốt vũ khí, trang thiết bị"), opens_with_action("Huấn luyện bị gián đoạn")
    (True, False)
    >>> opens_with_action("Đăng ký thanh niên tuổi 17 đạt 100%")
    False
    >>> opens_with_action("Bảo đảm tốt hậu cần để thực hiện các nhiệm vụ được giao")
    True
    >>> opens_with_action("Huấn luyện cho các lực lượng đúng nội dung, quân số đạt 100%")
    True
    >>> opens_with_action("Tổ chức tuần tra được 15 đợt với quân số là 105 đồng chí")
    True
    """
    folded = _fold(text)
    # the verb as a whole word, before a space or a comma ("Tuyên truyền, giáo dục …")
    return not _NOT_ACTED.search(_PURPOSE.split(folded, 1)[0]) and bool(_pattern(_folded("action_verbs")).match(folded))


def opens_with_task(text: str) -> bool:
    """Whether a point of a speech is a task the speaker asks for, opening with its verb.

    >>> opens_with_task("tiếp tục xây dựng lực lượng dân quân"), opens_with_task("kết quả năm qua rất đáng ghi nhận")
    (True, False)
    """
    folded = _fold(text)
    # no _NOT_ACTED test: a task is asked for, never passive, and "chuẩn bị" holds the word "bị"
    return bool(_pattern(_folded("action_verbs") + _folded("task_verbs")).match(folded)) or _addressed_task(folded)


#: How far into a point its task verb may stand after the body it names ("Đảng ủy - Ban CHQS
#: thành phố tiếp tục …").
_ADDRESSEE_WORDS = 10


def _addressed_task(folded: str) -> bool:
    """Whether a point names a body, then what it should go on doing: "Đảng ủy - Ban CHQS thành
    phố tiếp tục làm tốt …" is asked of that body ("đề nghị Đảng ủy - Ban CHQS …", as the corpus
    writes), not stated after "nhấn mạnh:". Only the verbs of asking (task_verbs), never after
    "đã": "lực lượng vũ trang tỉnh đã hoàn thành …" is a statement.

    >>> _addressed_task("đảng ủy - ban chqs thành phố tiếp tục làm tốt công tác tham mưu")
    True
    >>> _addressed_task("lực lượng vũ trang tỉnh đã tiếp tục hoàn thành tốt nhiệm vụ"), _addressed_task("kết quả tiếp tục tốt")
    (False, False)
    """
    kinds = rules()["addressees"]
    bodies = tuple(_fold(b) for kind in ("party", "others", "subordinate") for b in kinds[kind])
    body = _pattern(bodies).match(folded.removeprefix("các "))
    if not body:
        return False
    words = folded.split()[:_ADDRESSEE_WORDS]
    verb = _pattern(_folded("task_verbs")).search(" ".join(words))
    return bool(verb) and "đã" not in " ".join(words)[:verb.start()].split()


def opens_with(text: str, phrases) -> bool:
    """Whether ``text`` begins with one of ``phrases``, folded as the rules are ("Lần đầu tiên …").

    >>> opens_with("Lần đầu tiên tỉnh tổ chức …", ["lần đầu"]), opens_with("Năm 2026 …", ["lần đầu"])
    (True, False)
    """
    folded = _fold(text)
    return any(folded.startswith(_fold(phrase)) for phrase in phrases)


def opens_with_doer_body(text: str) -> bool:
    """Whether a note the user wrote names the unit's own bodies as its subject ("Đảng ủy, Bộ CHQS
    thành phố … bám sát …"): what the unit did goes on from it.

    >>> opens_with_doer_body("Đảng ủy, Bộ CHQS thành phố bám sát các nghị quyết"), opens_with_doer_body("Công tác tuyển quân được thực hiện")
    (True, False)
    >>> opens_with_doer_body("Ban CHQS phường được kiện toàn đủ thành phần")  # what was done to it
    False
    """
    folded = _fold(text)
    return bool(_pattern(_folded("doer_bodies")).match(folded)) and not _NOT_ACTED.search(_PURPOSE.split(folded, 1)[0])


def opens_with_decision(text: str) -> bool:
    """Whether an item of a conclusion says what the conference or its chair did ("thống nhất …",
    "thông qua Nghị quyết …", "biểu dương …"), not a task for the next period.

    >>> opens_with_decision("Thông qua Nghị quyết lãnh đạo thực hiện nhiệm vụ năm 2026"), opens_with_decision("xây dựng lực lượng vững mạnh")
    (True, False)
    """
    return bool(_pattern(_folded("decision_verbs")).match(_fold(text)))


def asks_for_work(point: str) -> bool:
    """Whether a point of a speech gives work for the next period ("đề nghị …", "tiếp tục xây dựng
    …"), not praise or an assessment ("biểu dương, ghi nhận …").

    >>> asks_for_work("đề nghị tỉnh chuẩn bị chu đáo"), asks_for_work("biểu dương, ghi nhận những kết quả")
    (True, False)
    """
    return bool(_pattern(_folded("asking_verbs")).match(_fold(point))) or opens_with_task(point)


def opens_with_speech_verb(text: str) -> bool:
    """Whether a point of a speech starts with its own verb ("ghi nhận …", "đề nghị …"), a comma after
    it or not ("biểu dương, ghi nhận …").

    >>> opens_with_speech_verb("biểu dương, ghi nhận những kết quả"), opens_with_speech_verb("biểu dươngx")
    (True, False)
    """
    return bool(_pattern(_folded("speech_verbs")).match(_fold(text)))
