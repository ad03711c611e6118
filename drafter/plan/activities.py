"""Messages about the period's work other than the forces: context, leadership, readiness,
security, training and exercises, welfare, disasters, remains, foreign relations, defence land
and funding. Each function gives one topic's messages, only for the data there is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafter.document import Source
from drafter.plan.model import Message, Slot
from drafter.plan.scope import Scope, message, nested
from drafter.plan.slots import change, derived, figure, figures_list, flag, plain, text, texts

DISASTER_PARTS = ("disaster.storms_floods", "disaster.landslides", "disaster.fires")


def context(scope: Scope) -> list[Message]:
    fig = scope.figures
    met, total = figure(fig, "socio_economic.targets_met"), figure(fig, "socio_economic.targets_total")
    if met and total:
        tone = "good" if met.value == total.value else "neutral"
        return [message("context.targets", "context", tone=tone, period=scope.period_name(), when=scope.when(),
                        unit=scope.place(), met=met, total=total)]
    if met:
        return [message("context.targets_met", "context", period=scope.period_name(), when=scope.when(),
                        unit=scope.place(), met=met)]
    if total:
        return [message("context.targets_total", "context", period=scope.period_name(), when=scope.when(),
                        unit=scope.place(), total=total)]
    return []


def leadership(scope: Scope, with_bases: bool = True) -> list[Message]:
    found = []
    documents = figure(scope.figures, "leadership.documents_issued", units=scope.units)
    if documents:
        found.append(message("leadership.documents", "leadership", documents=documents, unit=scope.unit()))
    section = scope.section("leadership")
    bases = texts(section.legal_bases, "leadership.legal_bases", "names") if with_bases and section else None
    if bases:
        found.append(message("leadership.bases", "leadership", bases=bases, several=flag(len(bases.value) > 1)))
    return found


def readiness(scope: Scope) -> list[Message]:
    """Days on duty; out of the period's days when it is every one of them ("365/365 ngày", as reports
    write), never "60/365 ngày", which would say a duty was kept one day in six."""
    days = figure(scope.figures, "readiness.duty_days")
    if not days:
        return []
    whole = scope.period.days
    out_of = Slot("count", whole, Source("period_days", str(whole), "derived", ("period.year", "period.span"))) \
        if days.value == whole else None
    return [message("readiness.duty", "readiness", days=days, period_days=out_of, level=scope.level())]


def security(scope: Scope) -> list[Message]:
    cases = figure(scope.figures, "security.criminal_cases", units=scope.units)
    if not cases:
        return []
    found = change(scope.figures, "criminal_cases", "vụ")
    tone = "neutral" if found is None else {"up": "bad", "down": "good"}.get(found.value.direction, "neutral")
    return [message("security.cases", "security", tone=tone, in_period=scope.in_period(), cases=cases, change=found,
                    unit=scope.place())]


def exercises(scope: Scope, share_of_communes: bool = True) -> list[Message]:
    """``share_of_communes``: "34/135 xã, phường …, chiếm 25,19%"; an article says the count only (the
    rate to two decimals beside its own fraction reads as a machine's, blind readers found)."""
    fig, units = scope.figures, scope.units
    section = scope.section("exercises")
    found = []
    zone, civil = figure(fig, "exercises.defence_zone", units=units), figure(fig, "exercises.civil_defence", units=units)
    evaluated = text(section.evaluated_by, "exercises.evaluated_by") if section else None
    rating = text(section.rating, "exercises.rating") if section else None
    scope_text = text(section.scope, "exercises.scope") if section else None
    evaluation = _evaluation(evaluated, rating)
    if zone and civil and evaluation:
        # the rating is the defence-zone exercise's (the corpus: "diễn tập khu vực phòng thủ … đạt
        # xuất sắc; diễn tập phòng thủ dân sự … đạt loại giỏi"): said after both, "kết quả được xếp loại
        # xuất sắc" rated the civil-defence one too. A bank exported before says it as it did.
        said = message("exercises.drills", "exercises", zone=zone, civil=civil, both=plain("và"),
                       scope=scope_text, evaluation=evaluation)
        found.append(replace(message("exercises.drills.rated", "exercises", zone=zone, civil=civil,
                                     scope=scope_text, evaluation=evaluation), instead=(said,)))
    elif zone or civil:
        found.append(message("exercises.drills", "exercises", zone=zone, civil=civil,
                             both=plain("và") if zone and civil else None, scope=scope_text, evaluation=evaluation))
    elif evaluation:
        found.append(message("exercises.rating", "exercises", evaluation=evaluation, scope=scope_text))
    elif scope_text:
        found.append(message("exercises.scope", "exercises", scope=scope_text))
    exercised = figure(fig, "exercises.communes_exercised", units=units)
    communes = plain(scope.communes)
    if exercised:
        found.append(message("exercises.communes", "exercises", exercised=exercised, communes=communes,
                             total=figure(fig, "exercises.communes_total", units=units),
                             share=derived(fig, "exercised_share", units) if share_of_communes else None))
    elif figure(fig, "exercises.communes_share"):
        found.append(message("exercises.communes_share", "exercises", communes=communes,
                             share=figure(fig, "exercises.communes_share")))
    trained = figure(fig, "exercises.units_trained", units=units)
    if trained:
        found.append(message("exercises.training", "exercises", units=trained))
    return found


#: A rating the bank says after "đạt loại", "xếp loại": one grade word. Anything else is a result in
#: the user's words ("hoàn thành xuất sắc nhiệm vụ": "đạt loại hoàn thành xuất sắc nhiệm vụ" is no
#: Vietnamese, a new user marked).
_GRADE = re.compile(r"(?i)(?:loại )?(?:xuất sắc|giỏi|khá|tốt|đạt|trung bình|yếu|không đạt)")


def _evaluation(evaluated: Slot | None, rating: Slot | None) -> Slot | None:
    said = nested("exercises.evaluation", "exercises", evaluated_by=evaluated, rating=rating)
    if rating is None or _GRADE.fullmatch(rating.value.strip()):
        return said
    result = message("exercises.evaluation.result", "exercises", evaluated_by=evaluated, result=rating)
    return Slot("message", replace(result, instead=(said.value,)))  # a bank exported before says "đạt loại …"


def welfare(scope: Scope) -> list[Message]:
    fig, units = scope.figures, scope.units
    found = []
    # one sentence of clauses, as a writer lists what was done
    beneficiaries = figure(fig, "welfare.beneficiaries", units=units)
    if beneficiaries:
        found.append(message("welfare.visits", "welfare", group="welfare", beneficiaries=beneficiaries))
    houses = figure(fig, "welfare.houses", units=units)
    if houses:
        found.append(message("welfare.houses", "welfare", group="welfare", houses=houses))
    amount = figure(fig, "welfare.amount", units=units)
    if amount:
        found.append(message("welfare.amount", "welfare", group="welfare", amount=amount,
                             change=change(fig, "welfare_amount", "đồng")))
    return found


def disaster(scope: Scope) -> list[Message]:
    fig, units = scope.figures, scope.units
    responses = figure(fig, "disaster.responses", units=units)
    personnel, vehicles = (figure(fig, "disaster.personnel", units=units),
                           figure(fig, "disaster.vehicles", units=units))
    parts = figures_list(fig, DISASTER_PARTS, units)
    mobilised = nested("disaster.mobilised", "disaster", personnel=personnel, vehicles=vehicles)
    if responses:
        return [message("disaster.responses", "disaster", responses=responses, parts=parts, forces=mobilised)]
    found = []
    if parts:
        found.append(message("disaster.parts", "disaster", parts=parts))
    if mobilised:
        found.append(message("disaster.forces", "disaster", forces=mobilised))
    return found


def remains(scope: Scope) -> list[Message]:
    fig, units = scope.figures, scope.units
    section = scope.section("remains")
    abroad, domestic = figure(fig, "remains.abroad", units=units), figure(fig, "remains.domestic", units=units)
    common = dict(team=text(section.team, "remains.team") if section else None,
                  category=text(section.category, "remains.category") if section else None,
                  change=change(fig, "remains", "hài cốt"))
    country = text(section.abroad_country, "remains.abroad_country") if section else None
    if abroad and domestic:
        return [message("remains.both", "remains", abroad=abroad, domestic=domestic, country=country,
                        total=derived(fig, "remains_total", units), **common)]
    if abroad:
        return [message("remains.abroad", "remains", abroad=abroad, country=country, **common)]
    if domestic:
        return [message("remains.domestic", "remains", domestic=domestic, **common)]
    return []


def foreign_relations(scope: Scope) -> list[Message]:
    section = scope.section("foreign_relations")
    partners = texts(section.partners, "foreign_relations.partners", "names") if section else None
    notes = " ".join(section.notes).casefold() if section else ""
    if partners is not None and all(name.casefold() in notes for name in section.partners):
        # the user's note names them already ("Duy trì tốt mối quan hệ truyền thống với 3 tỉnh Đông Bắc
        # Campuchia"): "Quan hệ … với 3 tỉnh Đông Bắc Campuchia được duy trì" before it says it twice
        partners = None
    activities = figure(scope.figures, "foreign_relations.activities", units=scope.units)
    if activities:
        return [message("foreign.activities", "foreign_relations", activities=activities, partners=partners)]
    return [message("foreign.partners", "foreign_relations", partners=partners)] if partners else []


def defence_land(scope: Scope) -> list[Message]:
    area = figure(scope.figures, "defence_land.area_ha", units=scope.units)
    return [message("land.area", "defence_land", area=area)] if area else []


def funding(scope: Scope, for_report: bool = False) -> list[Message]:
    fig, units = scope.figures, scope.units
    section = scope.section("funding")
    purpose = text(section.purpose, "funding.purpose", "clause") if section else None
    amount, facilities = figure(fig, "funding.amount", units=units), figure(fig, "funding.facilities", units=units)
    if purpose and facilities and facilities.value == 1 and not for_report:
        # "… để sửa chữa nhà làm việc Ban CHQS phường, gồm 1 công trình": the purpose already names
        # the one building; a report keeps the count ("gồm 01 công trình"), an article does not
        facilities = None
    if amount:
        words = figure(fig, "funding.amount", "money_words") if for_report else None
        return [message("funding.amount", "funding", amount=amount, amount_words=words, purpose=purpose,
                        facilities=facilities)]
    if facilities:
        return [message("funding.facilities", "funding", facilities=facilities, purpose=purpose)]
    return [message("funding.purpose", "funding", purpose=purpose)] if purpose else []
