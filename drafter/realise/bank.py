"""The phrase bank: a document's Vietnamese wording as data, checked when it is loaded.

A bank is a YAML file (``phrases.yaml`` in a pack, over ``templates/_shared/phrases.yaml``)::

    settings:                       # how the realiser behaves for this kind of document
      abbreviate: true              # introduce abbreviations once, then use them
      connectors: [Bên cạnh đó, Cùng với đó]
    terms:                          # {@QP-QSĐP} in a phrasing
      QP-QSĐP: quốc phòng, quân sự địa phương
    labels:                         # words the plan names by key
      militia.mobile: dân quân cơ động
    headings:                       # titles of numbered headings
      leadership: Công tác lãnh đạo, chỉ đạo
    messages:                       # what to say for each message: several equivalent phrasings
      recruitment.police.met:
        - Tuyển chọn {delivered} công dân thực hiện nghĩa vụ tham gia Công an nhân dân, đạt {rate} chỉ tiêu.
      report.closing:
        frame: true                 # names the document, states no result
        say:
          - Trên đây là báo cáo …
      recruitment.registered:
        say: [ … ]                  # as a sentence of its own
        clause: [ … ]               # after another message of its topic, in one sentence

The phrasings themselves are parsed by :mod:`drafter.realise.phrasing`. Keys, slot names, terms
and brackets are checked when the bank is loaded, each problem with its file and line.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from drafter.plan.catalog import MESSAGES, OPTIONAL
from drafter.realise.phrasing import BankError, Ref, Term, Variant, all_refs, parse


@dataclass(frozen=True)
class Entry:
    """What to say for one message: its phrasings, whether it is a frame, and the clauses
    (verb phrases without a subject) it takes when it follows another message in one sentence."""

    key: str
    variants: tuple[Variant, ...]
    frame: bool = False
    clauses: tuple[Variant, ...] = ()

    def fitting(self, variants: tuple[Variant, ...], present: frozenset[str]) -> list[int]:
        """The phrasings of ``variants`` (the entry's own or its clauses) that need no slot of
        ``present`` the message lacks and leave out none it has. It depends on the bank and the
        filled slots only, not on the draft: worked out once per set of slots (a report asks it
        40 times, the same few hundred ways in every report)."""
        clauses = variants is self.clauses
        found = self._fitting.get((clauses, present))
        if found is None:
            optional = MESSAGES[self.key].optional if self.key in MESSAGES else frozenset()
            if clauses:
                optional = optional | {"unit", "level"}  # a clause goes on from the sentence's subject
            found = [index for index, variant in enumerate(variants)
                     if variant.required <= present and (present - optional) <= variant.names]
            self._fitting[(clauses, present)] = found
        return found

    @cached_property
    def _fitting(self) -> dict[tuple[bool, frozenset[str]], list[int]]:
        return {}

    @cached_property
    def choosing(self) -> tuple[bool, bool]:
        """Whether any of the phrasings, and any of the clauses, has words to choose (``<…|…>``)."""
        return any(v.alternatives for v in self.variants), any(v.alternatives for v in self.clauses)

    @cached_property
    def heading(self) -> dict[str, str]:
        """A heading's words when they depend on the entry alone (no slot, nothing to choose): the
        same in every document, worked out by the realiser once per process and kept here."""
        return {}


@dataclass(frozen=True)
class Settings:
    abbreviate: bool = False
    connectors: tuple[str, ...] = ()
    pad_award_counts: bool = True
    max_words: int = 120
    shorten_unit: bool = False
    shorten_period: bool = False
    #: Words a paragraph says at most twice when the bank has a phrasing without them ("hội nghị":
    #: "tổ chức Hội nghị … Hội nghị do … chỉ đạo hội nghị … Tham dự hội nghị" marked by a reader).
    sparing: tuple[str, ...] = ()
    #: Words an article says once when the bank has a phrasing without them ("báo cáo": "Báo cáo tại
    #: hội nghị cho biết … báo cáo cũng nêu hạn chế … Báo cáo xác định phương hướng …", marked by readers).
    once: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bank:
    """A loaded, checked phrase bank."""

    entries: dict[str, Entry]
    labels: dict[str, str] = field(default_factory=dict)
    headings: dict[str, Entry] = field(default_factory=dict)
    terms: dict[str, str] = field(default_factory=dict)
    settings: Settings = field(default_factory=Settings)
    files: tuple[Path, ...] = ()


# ---------------------------------------------------------------------- loading

_TOP = ("settings", "terms", "labels", "headings", "messages")


class _Mapping(dict):
    """A YAML mapping with the line of each key (1-based)."""

    lines: dict


class _Sequence(list):
    """A YAML sequence with the line of each item (1-based)."""

    lines: list


def _read(path: Path):
    """The file's YAML with line numbers, read by PyYAML's C parser.

    Speed: a bank is read on every cold start; ruamel's round-trip reader took 0.3 s for the news
    bank, the C composer a few milliseconds, and its nodes carry the lines the messages need.
    """
    from drafter.inputs.pyyaml import import_yaml

    yaml = import_yaml()

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BankError([("E560", str(path), "tệp không phải mã UTF-8; lưu lại tệp với mã UTF-8")]) from None
    except OSError as error:
        raise BankError([("E560", str(path), f"không đọc được tệp ({error.strerror})")]) from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
        problems: list = []
        data = _located(node, path, loader(""), problems)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise BankError([("E560", where, f"lỗi cú pháp YAML: {getattr(error, 'problem', None) or error}")]) from None
    if problems:
        raise BankError(problems)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise BankError([("E566", f"{path}:1", "nội dung gốc phải là các mục settings, terms, labels, headings, messages")])
    return data


def _located(node, path: Path, constructor, problems: list):
    """Plain values from YAML nodes, mappings and sequences keeping their lines; a key written
    twice is reported (the second would silently replace the first)."""
    import yaml

    if node is None:
        return None
    if isinstance(node, yaml.MappingNode):
        found = _Mapping()
        found.lines = {}
        for key_node, value_node in node.value:
            key = _located(key_node, path, constructor, problems)
            if key in found:
                problems.append(("E566", f"{path}:{key_node.start_mark.line + 1}",
                                 f"“{key}” viết hai lần (dòng {found.lines[key]} và dòng {key_node.start_mark.line + 1}); "
                                 "giữ một"))
            found[key] = _located(value_node, path, constructor, problems)
            found.lines[key] = key_node.start_mark.line + 1
        return found
    if isinstance(node, yaml.SequenceNode):
        found = _Sequence(_located(item, path, constructor, problems) for item in node.value)
        found.lines = [item.start_mark.line + 1 for item in node.value]
        return found
    return constructor.construct_object(node)


def _line(mapping, key, path: Path) -> str:
    lines = getattr(mapping, "lines", None)
    return f"{path}:{lines[key]}" if lines and key in lines else str(path)


def _item_line(sequence, index: int, path: Path, fallback: str) -> str:
    lines = getattr(sequence, "lines", None)
    return f"{path}:{lines[index]}" if lines and index < len(lines) else fallback


def _variants(value, where: str, path: Path, problems: list) -> list[Variant]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        problems.append(("E566", where, "cần ít nhất một cách nói (mỗi cách một dòng bắt đầu bằng “- ”)"))
        return []
    found = []
    for index, item in enumerate(value):
        line = _item_line(value, index, path, where)
        sentences = item if isinstance(item, list) else [item]
        if not sentences or not all(isinstance(s, str) and s.strip() for s in sentences):
            problems.append(("E566", line, "mỗi cách nói là một câu (chữ), hoặc một danh sách câu"))
            continue
        try:
            found.append(Variant(tuple(parse(" ".join(s.split()), line) for s in sentences), line))
        except BankError as error:
            problems += error.problems
    return found


def _phrasings(value, where: str, path: Path, problems: list) -> Entry | None:
    """One entry: a list of phrasings, or a mapping with ``say:``, ``clause:`` and ``frame:``."""
    frame, clauses = False, []
    if isinstance(value, dict):
        unknown = [k for k in value if k not in ("say", "clause", "frame")]
        if unknown:
            problems.append(("E566", where, f"khóa “{unknown[0]}” không dùng được ở đây (chỉ có say, clause, frame)"))
        frame = bool(value.get("frame", False))
        if "clause" in value:
            clauses = _variants(value["clause"], where, path, problems)
        value = value.get("say", [])
    return frame, _variants(value, where, path, problems), clauses


def load_file(path: Path) -> dict:
    """One bank file read and parsed, before it is merged with the shared one and checked."""
    data = _read(path)
    problems: list = []
    for key in data:
        if key not in _TOP:
            close = difflib.get_close_matches(str(key), _TOP, n=1)
            hint = f"; có phải ý bạn là “{close[0]}”?" if close else ""
            problems.append(("E566", _line(data, key, path), f"mục “{key}” không có{hint}"))
    out: dict = {"labels": {}, "terms": {}, "settings": {}, "headings": {}, "messages": {}}
    for section in ("labels", "terms"):
        for key, value in (data.get(section) or {}).items():
            if not isinstance(value, str):
                problems.append(("E566", _line(data[section], key, path), f"“{key}” cần một dòng chữ"))
            else:
                out[section][str(key)] = " ".join(value.split())
    out["settings"] = dict(data.get("settings") or {})
    for section in ("headings", "messages"):
        for key, value in (data.get(section) or {}).items():
            where = _line(data[section], key, path)
            frame, variants, clauses = _phrasings(value, where, path, problems)
            out[section][str(key)] = (Entry(str(key), tuple(variants), frame, tuple(clauses)), where)
    if problems:
        raise BankError(problems)
    return out


def _check(merged: dict, kind: str) -> list:
    problems: list = []
    terms = merged["terms"]
    for key, (entry, where) in merged["messages"].items():
        spec = MESSAGES.get(key)
        if spec is None:
            close = difflib.get_close_matches(key, list(MESSAGES), n=1)
            hint = f"; có phải ý bạn là “{close[0]}”?" if close else ""
            problems.append(("E561", where, f"không có thông điệp “{key}”{hint}"))
            continue
        for variant in entry.variants + entry.clauses:
            for node in (n for s in variant.sentences for n in all_refs(s)):
                if isinstance(node, Term) and node.abbreviation not in terms:
                    problems.append(("E565", variant.where, f"thuật ngữ “{{@{node.abbreviation}}}” chưa có trong terms"))
                elif isinstance(node, Ref) and node.name not in spec.slots:
                    close = difflib.get_close_matches(node.name, sorted(spec.slots), n=1)
                    hint = f"; có phải ý bạn là “{{{close[0]}}}”?" if close else ""
                    problems.append(("E562", variant.where,
                                     f"thông điệp “{key}” không có ô “{{{node.name}}}”{hint} "
                                     f"(các ô: {', '.join(sorted(spec.slots)) or 'không có'})"))
    for key, spec in MESSAGES.items():
        if kind in spec.kinds and key not in merged["messages"] and key not in OPTIONAL:
            problems.append(("E564", merged["file"], f"thiếu cách nói cho thông điệp “{key}”"))
    for key, (entry, where) in merged["headings"].items():
        for variant in entry.variants:
            for node in (n for s in variant.sentences for n in all_refs(s)):
                if isinstance(node, Ref) and node.name not in ("period", "next_period", "unit", "issuer"):
                    problems.append(("E562", variant.where, f"tiêu đề “{key}” không có ô “{{{node.name}}}”"))
    return problems


def _words(raw) -> tuple[str, ...]:
    return tuple(" ".join(str(w).casefold().split()) for w in raw or ())


def _settings(raw: dict, where: str) -> Settings:
    try:
        connectors = tuple(" ".join(str(c).split()) for c in raw.get("connectors", ()) or ())
        return Settings(abbreviate=bool(raw.get("abbreviate", False)), connectors=connectors,
                        pad_award_counts=bool(raw.get("pad_award_counts", True)),
                        shorten_unit=bool(raw.get("shorten_unit", False)),
                        shorten_period=bool(raw.get("shorten_period", False)),
                        max_words=int(raw.get("max_words", 120)),
                        sparing=_words(raw.get("sparing")), once=_words(raw.get("once")))
    except (TypeError, ValueError):
        raise BankError([("E566", where, "settings không hợp lệ (abbreviate: true/false, connectors: [..], "
                                         "max_words: số, sparing: [..])")]) from None


def load_bank(files: tuple[Path, ...], kind: str, shipped: bool = False) -> Bank:
    """The bank made of ``files`` (later ones override earlier ones, key by key), checked for ``kind``.

    ``shipped``: the files are a built-in pack's, as installed; the checked bank is then also kept
    on disk (:mod:`drafter.cache`), keyed by the files' stamps and the code that reads them. A
    user's bank is kept in this process only, by the same stamps: an edit is seen at once.
    """
    stamps = tuple((path, _stamp(path)) for path in files)
    if shipped:
        return _load_shipped(stamps, kind)
    return _load_bank(stamps, kind)


@lru_cache(maxsize=8)
def _load_shipped(stamps: tuple, kind: str) -> Bank:
    import drafter.plan.catalog
    import drafter.realise.phrasing
    from drafter.cache import cached

    code = [Path(__file__), Path(drafter.realise.phrasing.__file__), Path(drafter.plan.catalog.__file__)]
    return cached(f"bank-{kind}", [path for path, _ in stamps] + code, lambda: _load_bank(stamps, kind))


def _stamp(path: Path) -> tuple:
    try:
        info = path.stat()
        return info.st_mtime_ns, info.st_size
    except OSError:
        return ()


@lru_cache(maxsize=16)
def _load_bank(stamps: tuple, kind: str) -> Bank:
    # Cached by the files' times and sizes: an office editing its bank sees the edit at once.
    merged: dict = {"labels": {}, "terms": {}, "settings": {}, "headings": {}, "messages": {}}
    problems: list = []
    for path, _ in stamps:
        try:
            part = load_file(path)
        except BankError as error:
            problems += error.problems
            continue
        for section in merged:
            merged[section].update(part[section])
    if problems:
        raise BankError(problems)
    merged["file"] = str(stamps[-1][0])
    problems = _check(merged, kind)
    if problems:
        raise BankError(problems)
    return Bank(
        entries={key: entry for key, (entry, _) in merged["messages"].items()},
        labels=merged["labels"],
        headings={key: entry for key, (entry, _) in merged["headings"].items()},
        terms=merged["terms"],
        settings=_settings(merged["settings"], merged["file"]),
        files=tuple(path for path, _ in stamps),
    )
