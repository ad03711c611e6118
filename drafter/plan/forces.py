"""Messages about the forces: militia, reserves, defence education and recruitment.

Each function gives the messages of one topic, in the order a writer states them, and only
for the data there is. Emphasis follows the figures: a recruitment quota missed gets the key
``….missed`` (its phrasings state the rate plainly), met or exceeded the keys that may stress it.
"""

from __future__ import annotations

from drafter.plan.model import Message
from drafter.plan.scope import Scope, message, nested, outcome
from drafter.plan.slots import change, derived, figure, figures_list, label

MILITIA_PARTS = ("militia.standing", "militia.mobile", "militia.local", "militia.self_defence")
SENT_GROUPS = ("defence_education.group_1", "defence_education.group_2")  # trained at the academy or the region
LOCAL_GROUPS = ("defence_education.group_3", "defence_education.group_4")


def militia(scope: Scope, strength_with_training: bool = False) -> list[Message]:
    """``strength_with_training``: a headcount given with nothing else is said as the base of the
    training ("huấn luyện cho 112/112 cán bộ, chiến sĩ, đạt 100% quân số"), as an article writes it;
    blind readers marked "… gồm 112 đồng chí. … cho 112 cán bộ, chiến sĩ … huấn luyện"."""
    fig, units = scope.figures, scope.units
    found = []
    share = derived(fig, "militia_share", units) or figure(fig, "militia.share")
    party, party_share = figure(fig, "militia.party_members", units=units), derived(fig, "militia_party_share", units)
    strength = figure(fig, "militia.strength", units=units)
    trained = figure(fig, "militia.trained", units=units)
    parts, grew = figures_list(fig, MILITIA_PARTS, units), change(fig, "militia_strength", "đồng chí")
    if strength_with_training and strength and trained and not (share or party or parts or grew):
        return [message("militia.trained", "militia", trained=trained, strength=strength,
                        trained_share=derived(fig, "militia_trained_share", units))]
    if strength:
        # the force of the place ("Lực lượng DQTV của tỉnh …, bằng 1,28% dân số"), not of its command
        found.append(message("militia.strength", "militia", strength=strength, share=share, party=party,
                             party_share=party_share, parts=parts, change=grew, unit=scope.place()))
    else:
        if share:
            found.append(message("militia.share", "militia", share=share))
        if parts:
            found.append(message("militia.parts", "militia", parts=parts))
        if party:
            found.append(message("militia.party", "militia", party=party))
    if trained:
        found.append(message("militia.trained", "militia", trained=trained,
                             trained_share=derived(fig, "militia_trained_share", units)))
    return found


def reserve(scope: Scope) -> list[Message]:
    fig, units = scope.figures, scope.units
    found = []
    registered = figure(fig, "reserve.registered", units=units)
    if registered:
        found.append(message("reserve.registered", "reserve", registered=registered))
    called = figure(fig, "reserve.called_for_training", units=units)
    if called:
        found.append(message("reserve.called", "reserve", called=called, change=change(fig, "reserve_called", "quân nhân")))
    return found


def education(scope: Scope) -> list[Message]:
    fig, units = scope.figures, scope.units
    found = []
    sent, local = figures_list(fig, SENT_GROUPS, units), figures_list(fig, LOCAL_GROUPS, units)
    total = derived(fig, "education_total", units)
    if sent:
        found.append(message("education.sent", "education", groups=sent))
    if local:
        # "tổng cộng" after the groups trained here would leave out those sent away: said apart then
        found.append(message("education.trained", "education", groups=local, total=None if sent else total))
    if total and (sent or not local):
        found.append(message("education.total", "education", total=total))
    students = figure(fig, "defence_education.students", units=units)
    if students:
        found.append(message("education.students", "education", students=students))
    return found


def recruitment(scope: Scope, fraction_when_met: bool = True) -> list[Message]:
    """``fraction_when_met``: a quota met is also said as "3.350/3.350"; an article says the count and
    the rate only ("giao 12/12 công dân …, đạt 100%" says one thing twice)."""
    fig, units = scope.figures, scope.units
    section = scope.section("recruitment")
    found = []
    registered = figure(fig, "recruitment.registered_age_17", units=units)
    if registered:
        found.append(message("recruitment.registered", "recruitment", registered=registered,
                             share=derived(fig, "registered_share", units), change=change(fig, "registered_age_17", "công dân")))
    service = label("service.joint" if section is not None and section.includes_police else "service.army")
    delivered, quota = figure(fig, "recruitment.delivered", units=units), figure(fig, "recruitment.quota", units=units)
    party = figure(fig, "recruitment.party_members", units=units)
    party_share = derived(fig, "recruit_party_share", units) or figure(fig, "recruitment.party_share")
    party_info = nested("recruitment.party_info", "recruitment", party=party, party_share=party_share)
    common = dict(party_info=party_info, service=service)
    rate = derived(fig, "recruitment_rate", units)
    if delivered and rate:
        kind, tone = outcome(rate.value)
        if kind == "met" and not fraction_when_met:
            quota = None
        found.append(message(f"recruitment.army.{kind}", "recruitment", tone=tone, delivered=delivered, quota=quota,
                             rate=rate, change=change(fig, "recruits_delivered", "công dân"), **common))
    elif delivered:
        found.append(message("recruitment.army.delivered", "recruitment", delivered=delivered,
                             change=change(fig, "recruits_delivered", "công dân"), **common))
    elif figure(fig, "recruitment.rate"):
        given = figure(fig, "recruitment.rate")
        kind, tone = outcome(given.value)
        found.append(message(f"recruitment.rate.{kind}", "recruitment", tone=tone, rate=given,
                             levels=figure(fig, "recruitment.levels"), **common))
    elif party_info:
        found.append(message("recruitment.party", "recruitment", party_info=party_info))
    police = figure(fig, "recruitment.police_delivered", units=units)
    police_rate = derived(fig, "police_rate", units)
    if police and police_rate:
        kind, tone = outcome(police_rate.value)
        police_quota = None if kind == "met" and not fraction_when_met else figure(
            fig, "recruitment.police_quota", units=units)
        found.append(message(f"recruitment.police.{kind}", "recruitment", tone=tone, delivered=police,
                             quota=police_quota, rate=police_rate))
    elif police:
        found.append(message("recruitment.police.delivered", "recruitment", delivered=police))
    return found
