"""Turn plain input data into a :class:`~drafter.inputs.model.Report`, or into located problems.

Two passes, both reporting every problem at once: the model's own rules
(types, ranges, unknown keys with a "did you mean"), then plausibility checks
between figures that the model cannot see field by field.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from drafter.errors import Problem
from drafter.inputs.encodings import with_foreign_codes
from drafter.inputs.dates import date_problems
from drafter.inputs.era import era_for
from drafter.inputs.field_errors import annotation_at, plain_types, problems_from_pydantic
from drafter.inputs.model import Report
from drafter.inputs.people import people_problems
from drafter.inputs.reference import unit_problems
from drafter.inputs.yaml_reader import Loc, Positions, legacy_vote, legacy_words


def validate_data(data: dict, positions: Positions, texts_plain: bool = False,
                  booleans: bool = True) -> tuple[Report | None, list[Problem]]:
    """Validate plain data; the report is None when any error was found.

    A reader that built the data knows two things that would otherwise take two more walks over
    it: ``texts_plain``, that :func:`texts_plain` found nothing in its texts (so neither would
    :func:`text_problems`), and ``booleans``, whether any value is true or false."""
    problems = [] if texts_plain else text_problems(data, positions)
    try:
        report = Report.model_validate(_booleans_as_text(data, ()) if booleans else data)
    except ValidationError as error:
        seen = {p.path for p in problems}  # a control character or a legacy encoding says all about its field
        problems += [p for p in problems_from_pydantic(error.errors(), positions, data) if p.path not in seen]
        return None, _sorted(problems)
    if problems:
        return None, _sorted(problems)
    problems = plausibility_problems(report, positions) + unit_problems(report, positions) \
        + read_as(data, report, positions)
    if any(p.is_error for p in problems):
        return None, _sorted(problems)
    return report, _sorted(problems)


def read_as(data, report: Report, positions: Positions) -> list[Problem]:
    """W415 when the model read a value as something else than typed: "QK4" as "Quân khu 4"
    (:func:`drafter.inputs.model.region_name`), so that the user knows what the draft says."""
    typed = data.get("unit") if isinstance(data, dict) else None
    typed = typed.get("military_region") if isinstance(typed, dict) else None
    read = report.unit.military_region
    if isinstance(typed, str) and read and " ".join(typed.split()).casefold() != read.casefold():
        return [positions.problem("W415", ("unit", "military_region"), found=typed, expected=read)]
    return []


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0, p.code))


def _booleans_as_text(value, loc: Loc):
    """``true``/``false`` where a number is due, as text, so that it is refused (E215) rather
    than counted as 1 or 0, which is what pydantic makes of it."""
    if isinstance(value, dict):
        return {key: _booleans_as_text(item, loc + (key,)) for key, item in value.items()}
    if isinstance(value, list):
        return [_booleans_as_text(item, loc + (index,)) for index, item in enumerate(value)]
    if isinstance(value, bool) and {int, float} & set(plain_types(annotation_at(loc))):
        return str(value).lower()
    return value


# Characters XML 1.0 cannot hold (Word refuses the document) or that only control a terminal.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Invisible marks that change the direction of text: U+202E turns "Nguyễn Văn An" into "nA năV
# nễyugN" on the page, in a signer's name or anywhere else. Vietnamese never needs them.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def texts_plain(texts: list[str]) -> bool:
    """Whether :func:`text_problems` has nothing to say of data whose texts (keys and values) are
    ``texts``: no control character, no direction control, and not one character that could be
    TCVN3 or VNI (without which :func:`legacy_words` finds no word)."""
    joined = "\n".join(texts)  # a line break is none of these
    return not with_foreign_codes(_CONTROL, BIDI_CONTROLS).search(joined)  # one pass, not three


def text_problems(data, positions: Positions) -> list[Problem]:
    """Control characters in any text (E216), direction controls (E123), and Vietnamese typed in
    TCVN3 or VNI (E120, E121)."""
    problems: list[Problem] = []
    evidence: list[tuple] = []

    def visit(value, loc: Loc) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                visit(key, loc + (key,))
                visit(item, loc + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                visit(item, loc + (index,))
        elif isinstance(value, str):
            bad = _CONTROL.search(value)
            bidi = BIDI_CONTROLS.search(value) if not bad else None
            if bad:
                problems.append(positions.problem("E216", loc, found=f"U+{ord(bad.group()):04X}"))
            elif bidi:
                problems.append(positions.problem("E123", loc, found=f"U+{ord(bidi.group()):04X}"))
            elif len(evidence) < 20:  # enough to settle it, without reading a whole book
                evidence.extend((code, loc, word, decoded) for code, word, decoded in legacy_words(value))

    visit(data, ())
    best = legacy_vote(evidence, 2)
    if best:
        code, loc, word, decoded = best
        problems.append(positions.problem(code, loc, found=word, expected=decoded))
    return problems


# ---------------------------------------------------------------- plausibility


def _share(part: int, whole: int) -> float:
    return 100 * part / whole


def plausibility_problems(report: Report, positions: Positions) -> list[Problem]:
    """Figures that cannot all be true (errors) or look doubtful (warnings)."""
    problems: list[Problem] = []

    def add(code, loc, **kwargs):
        problems.append(positions.problem(code, loc, **kwargs))

    def not_above(part, whole, loc, what, whole_name):
        if part is not None and whole is not None and part > whole:
            add("E302", loc, found=str(part), expected=str(whole), extra={"what": what, "whole": whole_name})

    unit = report.unit
    problems += unit_level_problems(report, positions)

    recruitment = report.recruitment
    if recruitment:
        quota, delivered = recruitment.quota, recruitment.delivered
        if quota is not None and delivered is not None:
            # a quota of 0 with people delivered is as far off as any: delivered > 0 = 0 × 1.2
            if delivered > quota * 1.2:
                add("E301", ("recruitment", "delivered"), found=str(delivered), expected=str(quota))
            elif delivered > quota:
                add("W401", ("recruitment", "delivered"), found=str(delivered), expected=str(quota))
            elif delivered < quota:
                add("W403", ("recruitment", "delivered"), found=str(delivered), expected=str(quota))
        not_above(recruitment.party_members, delivered, ("recruitment", "party_members"), "số đảng viên", "số giao quân")
        if recruitment.rate is not None and 0 < recruitment.rate <= 1:
            # a fraction for a percent ("1" for 100%): no recruitment reaches 1% of its quota
            add("W413", ("recruitment", "rate"), found=f"{recruitment.rate:g}", expected=f"{recruitment.rate * 100:g}")
        if recruitment.police_quota is not None and recruitment.police_delivered is not None:
            if recruitment.police_delivered > recruitment.police_quota * 1.2:
                add("E301", ("recruitment", "police_delivered"),
                    found=str(recruitment.police_delivered), expected=str(recruitment.police_quota))

    population = unit.population
    shares = [
        (recruitment and recruitment.registered_age_17, ("recruitment", "registered_age_17"), "số đăng ký NVQS tuổi 17", 3.0),
        (report.militia and report.militia.strength, ("militia", "strength"), "lực lượng DQTV", 5.0),
    ]
    for value, loc, what, usual_max in shares:
        if population and value:
            share = _share(value, population)
            if share > 100:
                add("E305", loc, found=f"{share:.1f}%", extra={"what": what})
            elif share > usual_max:
                add("W402", loc, found=f"{share:.1f}%", extra={"what": what})

    if report.militia:
        militia = report.militia
        not_above(militia.trained, militia.strength, ("militia", "trained"), "số được huấn luyện", "quân số DQTV")
        not_above(militia.party_members, militia.strength, ("militia", "party_members"), "số đảng viên", "quân số DQTV")
        parts = [getattr(militia, name) for name in ("standing", "mobile", "local", "self_defence")]
        if any(part is not None for part in parts):
            not_above(sum(part or 0 for part in parts), militia.strength, ("militia", "strength"),
                      "tổng dân quân thường trực, cơ động, tại chỗ và tự vệ", "tổng quân số DQTV")
    if report.disaster:
        parts = [getattr(report.disaster, name) for name in ("storms_floods", "landslides", "fires")]
        if any(part is not None for part in parts):
            not_above(sum(part or 0 for part in parts), report.disaster.responses, ("disaster", "responses"),
                      "tổng số vụ bão, lũ, sạt lở và cháy", "tổng số vụ, việc")
    if report.exercises:
        not_above(report.exercises.communes_exercised, report.exercises.communes_total,
                  ("exercises", "communes_exercised"), "số xã diễn tập", "tổng số xã")
    if report.socio_economic:
        not_above(report.socio_economic.targets_met, report.socio_economic.targets_total,
                  ("socio_economic", "targets_met"), "số chỉ tiêu đạt", "tổng số chỉ tiêu")

    for index, award in enumerate(report.awards):
        if award.collectives == 0 and award.individuals == 0:
            add("E306", ("awards", index))
    return problems + date_problems(report, positions) + people_problems(report, positions)


def unit_level_problems(report: Report, positions: Positions) -> list[Problem]:
    """The unit's level against the map of its period, and the issuer a level allows.

    Districts and thị trấn end on 1 July 2025 and defence-area commands begin then
    (:mod:`drafter.inputs.era`); a defence area has no people's committee to issue its report.
    """
    unit, era = report.unit, era_for(report)
    problems: list[Problem] = []

    def add(code, loc, **kwargs):
        problems.append(positions.problem(code, loc, **kwargs))

    if unit.level == "district" and era.current_map:
        add("E304", ("unit", "kind"))
    if unit.kind == "thị trấn" and era.current_map:
        add("E310", ("unit", "kind"), found=unit.name)
    if unit.level == "area":
        if not era.current_map:
            add("E311", ("unit", "kind"), found=unit.name)
        if not unit.province:
            add("E314", ("unit", "name"), found=unit.name)
        if report.document.issuer == "ubnd":
            add("E312", ("document", "issuer"), found=unit.name)
    elif unit.level in ("commune", "district") and not unit.province:
        add("E307", ("unit", "name"))
    if unit.district is not None:
        if era.current_map:
            add("W411", ("unit", "district"), found=unit.district)
        elif not re.match(r"(huyện|quận|thị xã|thành phố) \S", unit.district, re.IGNORECASE):
            add("E313", ("unit", "district"), found=unit.district)
    return problems
