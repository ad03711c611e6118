"""Every message a plan can give: its key, its slots, and the kinds of document that say it.

The phrase bank is checked against this catalogue when it is loaded: a key it does not know,
a slot a message does not have, or a message a document can need and the bank cannot say is
an error with its file and line. ``optional`` slots are extras a phrasing may leave unused
(the unit's name said or not); every other slot a message carries must be said by the
phrasing chosen, so that no figure or text of the input is silently dropped.

>>> sorted(MESSAGES["recruitment.police.met"].slots - SUBJECT - ROLLUP_NOTES)
['delivered', 'quota', 'rate']
>>> "news" in MESSAGES["news.lead"].kinds, "report" in MESSAGES["news.lead"].kinds
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Spec:
    slots: frozenset[str]
    kinds: frozenset[str]
    optional: frozenset[str] = frozenset()


def _spec(slots: str, kinds: str, optional: str = "") -> Spec:
    return Spec(frozenset(slots.split()), frozenset(kinds.split()), frozenset(optional.split()))


#: Every message of the results may name its subject: the unit ("tỉnh Gia Lai") or its level word
#: ("toàn tỉnh"); a phrasing uses them or not.
SUBJECT = frozenset({"unit", "level"})


#: A roll-up notes how many units a figure or a rate rests on, when not all of them give it; when
#: only one does, the sentence names it as its subject instead ("Tỉnh Gia Lai đã tổ chức …").
ROLLUP_NOTES = frozenset({"cover", "basis", "subject"})
#: Results messages a roll-up says too (the others need one unit's own words or figures).
IN_ROLLUP = frozenset({
    "leadership.documents", "security.cases", "exercises.drills", "exercises.communes", "exercises.training",
    "militia.strength", "militia.parts", "militia.party", "militia.trained", "reserve.registered", "reserve.called",
    "education.sent", "education.trained", "education.total", "education.students", "recruitment.registered",
    "recruitment.army.met", "recruitment.army.exceeded", "recruitment.army.missed", "recruitment.army.delivered",
    "recruitment.party", "recruitment.party_info", "recruitment.police.met", "recruitment.police.exceeded",
    "recruitment.police.missed", "recruitment.police.delivered", "welfare.visits", "welfare.houses",
    "welfare.amount", "disaster.responses", "disaster.parts", "disaster.forces", "disaster.mobilised",
    "remains.both", "remains.abroad", "remains.domestic", "foreign.activities", "land.area", "funding.amount",
    "funding.facilities", "change.up", "change.down", "change.same"})


def _results(key: str, spec: Spec) -> Spec:
    kinds = spec.kinds | ({"rollup"} if key in IN_ROLLUP else set())
    return Spec(spec.slots | SUBJECT | ROLLUP_NOTES, kinds, spec.optional | SUBJECT)


BOTH = "report news"
_ARMY = "delivered quota rate change party_info service"
_AWARD = "giver kind counts reason"

MESSAGES: dict[str, Spec] = {
    # the user's own words, in any topic
    "note": _spec("note acted plain doer", BOTH, "note acted plain doer"),
    "topic.bases": _spec("topic_name bases", BOTH, "topic_name"),
    # results
    "context.targets": _spec("period when unit met total", BOTH, "period when unit"),
    "context.targets_met": _spec("period when unit met", BOTH, "period when unit"),
    "context.targets_total": _spec("period when unit total", BOTH, "period when unit"),
    "leadership.documents": _spec("documents unit", BOTH, "unit"),
    "leadership.bases": _spec("bases several", BOTH, "several"),
    "readiness.duty": _spec("days period_days level", BOTH, "level period_days"),
    "security.cases": _spec("in_period cases change", BOTH, "in_period"),
    "exercises.drills": _spec("zone civil both scope evaluation", BOTH),
    "exercises.drills.rated": _spec("zone civil scope evaluation", BOTH),
    "exercises.rating": _spec("evaluation scope", BOTH),
    "exercises.evaluation": _spec("evaluated_by rating", BOTH),
    "exercises.evaluation.result": _spec("evaluated_by result", BOTH),
    "exercises.scope": _spec("scope", BOTH),
    "exercises.communes": _spec("exercised communes total share", BOTH),
    "exercises.communes_share": _spec("communes share", BOTH),
    "exercises.training": _spec("units", BOTH),
    "militia.strength": _spec("strength share party party_share parts change", BOTH),
    "militia.share": _spec("share", BOTH),
    "militia.parts": _spec("parts", BOTH),
    "militia.party": _spec("party", BOTH),
    "militia.trained": _spec("trained trained_share strength", BOTH, "trained_share strength"),
    "reserve.registered": _spec("registered", BOTH),
    "reserve.called": _spec("called change", BOTH),
    "education.sent": _spec("groups", BOTH),
    "education.trained": _spec("groups total", BOTH),
    "education.total": _spec("total", BOTH),
    "education.students": _spec("students", BOTH),
    "recruitment.registered": _spec("registered share change", BOTH),
    "recruitment.army.met": _spec(_ARMY, BOTH),
    "recruitment.army.exceeded": _spec(_ARMY, BOTH),
    "recruitment.army.missed": _spec(_ARMY, BOTH),
    "recruitment.army.delivered": _spec("delivered change party_info service", BOTH),
    "recruitment.rate.met": _spec("rate levels party_info service", BOTH),
    "recruitment.rate.exceeded": _spec("rate levels party_info service", BOTH),
    "recruitment.rate.missed": _spec("rate levels party_info service", BOTH),
    "recruitment.party": _spec("party_info", BOTH),
    "recruitment.party_info": _spec("party party_share", BOTH),
    "recruitment.police.met": _spec("delivered quota rate", BOTH),
    "recruitment.police.exceeded": _spec("delivered quota rate", BOTH),
    "recruitment.police.missed": _spec("delivered quota rate", BOTH),
    "recruitment.police.delivered": _spec("delivered", BOTH),
    "welfare.visits": _spec("beneficiaries", BOTH),
    "welfare.houses": _spec("houses", BOTH),
    "welfare.amount": _spec("amount change", BOTH),
    "disaster.responses": _spec("responses parts forces", BOTH),
    "disaster.parts": _spec("parts", BOTH),
    "disaster.forces": _spec("forces", BOTH),
    "disaster.mobilised": _spec("personnel vehicles", BOTH),
    "remains.both": _spec("abroad domestic country total team category change", BOTH),
    "remains.abroad": _spec("abroad country team category change", BOTH),
    "remains.domestic": _spec("domestic team category change", BOTH),
    "foreign.activities": _spec("activities partners", BOTH),
    "foreign.partners": _spec("partners", BOTH),
    "land.area": _spec("area", BOTH),
    "funding.amount": _spec("amount amount_words purpose facilities", BOTH),
    "funding.facilities": _spec("facilities purpose", BOTH),
    "funding.purpose": _spec("purpose", BOTH),
    "awards.given": _spec(_AWARD, BOTH),
    # a change against the previous period, said inside another message
    "change.up": _spec("amount unit percent compared", BOTH, "unit percent"),
    "change.down": _spec("amount unit percent compared", BOTH, "unit percent"),
    "change.same": _spec("compared", BOTH),
}
MESSAGES = {key: _results(key, spec) for key, spec in MESSAGES.items()}
#: Keys a bank may leave out (one exported before they existed): the realiser then says nothing of
#: a frame, and a message's ``instead`` for the others.
OPTIONAL = frozenset({"news.results.when", "news.speech.acknowledged", "exercises.drills.rated",
                      "news.conference_name.bare", "news.conclusion.decided", "news.conclusion.decided.next",
                      "news.conclusion.decided.nochair", "news.lead.report.undated"})
MESSAGES |= {
    # the formal report
    "report.summary": _spec("review period next_period", "report"),
    "report.opening": _spec("issuer bases review period next_period", "report", "review"),
    "report.closing": _spec("issuer review period next_period reports_to alone", "report", "reports_to alone"),
    "assessment.strength": _spec("item", "report"),
    "assessment.shortcoming": _spec("item", "report"),
    "assessment.lesson": _spec("item", "report"),
    "assessment.causes": _spec("causes", "report"),
    "report.directions.intro": _spec("unit next_when several", "report", "unit several"),
    "direction": _spec("item", "report"),
    "report.directions.group": _spec("to items", "report"),
    "proposal": _spec("item", "report"),
    # the news article
    "news.title": _spec("unit review period next_period held tasks", "news", "next_period period held tasks"),
    "news.title.named": _spec("unit conference", "news"),
    "news.conference_name": _spec("review period next_period", "news"),
    "news.conference_name.bare": _spec("review period", "news"),
    # a lead names the conference ("tổ chức Hội nghị tổng kết …") or says what it did ("tổng kết công tác …")
    "news.lead": _spec("time organiser conference venue chairs chair review period next_period untold", "news",
                       "conference review period next_period untold chair chairs"),
    "news.lead.undated": _spec("organiser conference venue chairs review period next_period untold", "news",
                               "conference review period next_period untold"),
    "news.chairs.one": _spec("chair", "news"),
    "news.chairs.many": _spec("chair co_chairs", "news"),
    "news.lead.after": _spec("time organiser conference venue chairs recent", "news", "time venue chairs recent"),
    "news.lead.report": _spec("date review period next_period organiser", "news", "next_period"),
    "news.lead.report.undated": _spec("review period next_period organiser", "news", "next_period"),
    "news.attendees.directing": _spec("persons few", "news", "few"),
    "news.attendees.attending": _spec("persons groups few", "news", "few"),
    "news.attendees.also": _spec("persons groups few", "news", "few"),
    "news.attendees.more": _spec("persons groups few", "news", "few"),
    "news.strengths": _spec("where strengths when period stated acts unit reporter", "news",
                            "where when period stated acts unit reporter"),
    "news.results.when": _spec("when where period reporter", "news", "when where period reporter"),
    "news.shortcomings": _spec("shortcomings", "news"),
    "news.causes": _spec("causes", "news"),
    "news.speech": _spec("speaker points directing attending", "news", "directing attending"),
    "news.speech.emphasis": _spec("speaker points directing attending asks stated", "news",
                                  "directing attending asks stated"),
    "news.speech.more": _spec("points", "news"),
    "news.speech.more_emphasis": _spec("points asks stated", "news", "asks stated"),
    "news.speech.acknowledged": _spec("speaker acknowledged points directing attending asks one", "news",
                                      "directing attending asks one"),
    "news.speech.bare": _spec("speaker", "news"),
    "news.speech.bare.directing": _spec("speaker", "news"),
    "news.conclusion": _spec("chair items next_period several", "news", "next_period several"),
    "news.conclusion.nochair": _spec("items next_period several", "news", "next_period several"),
    "news.conclusion.decided": _spec("chair items", "news"),
    "news.conclusion.decided.next": _spec("items", "news"),
    "news.conclusion.decided.nochair": _spec("items", "news"),
    "news.conclusion.more": _spec("items", "news"),
    "news.conclusion.more.nochair": _spec("items", "news"),
    "news.conclusion.group": _spec("chair verb to items", "news"),
    "news.conclusion.group.next": _spec("verb to items", "news"),
    "news.conclusion.group.nochair": _spec("verb to items", "news", "verb"),
    "news.directions": _spec("next_when next_period unit items several", "news", "unit next_when next_period several"),
    "news.directions.more": _spec("items", "news"),
    "news.directions.group": _spec("next_when to items", "news"),
    "news.directions.group.next": _spec("to items", "news"),
    "awards.delegated": _spec("presenter " + _AWARD, "news"),
    "awards.present": _spec(_AWARD, "news"),
    "awards.received": _spec(_AWARD, "news"),
    "awards.delegated.next": _spec("presenter " + _AWARD, "news"),
    "awards.present.next": _spec(_AWARD, "news"),
    "awards.received.next": _spec(_AWARD, "news"),
    # the roll-up of many units
    "rollup.summary": _spec("period units", "rollup"),
    "rollup.opening": _spec("review period count units issuer", "rollup"),
    "rollup.closing": _spec("period units", "rollup"),
    "rollup.cover": _spec("given count", "rollup"),
    "rollup.cover_uneven": _spec("least most count", "rollup"),
    "rollup.militia.parts": _spec("parts cover subject", "rollup"),
    "rollup.disaster.parts": _spec("parts cover subject", "rollup"),
    "rollup.basis": _spec("given", "rollup"),
    "rollup.recruitment.one": _spec("units", "rollup"),
    "rollup.recruitment.all_reached": _spec("rated partly exceeded", "rollup"),
    "rollup.recruitment.none_reached": _spec("rated units", "rollup"),
    "rollup.recruitment.some_below": _spec("reached rated exceeded below units", "rollup"),
    "rollup.recruitment.police_below": _spec("below units", "rollup"),
    "rollup.recruitment.missing": _spec("count units", "rollup"),
    "rollup.chart.intro": _spec("whose shown rest", "rollup", "shown"),
    "rollup.chart.caption": _spec("period whose shown", "rollup", "shown"),
    "rollup.awards": _spec("collectives individuals cover subject", "rollup"),
    "rollup.table.intro": _spec("gaps", "rollup"),
    "rollup.proposal": _spec("units item", "rollup"),
}
