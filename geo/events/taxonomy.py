"""ACLED's event taxonomy (6 event types, 25 sub-event types; ACLED Codebook 2023) and the words that signal them.

A registry in the spaCy manner: :func:`event_type_of` and :func:`check_sub_event_type` turn unknown names into
errors that list the known ones. The trigger lexicon is ordered: the first pattern that matches a phrase decides
its sub-event type.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..errors import GeoError

__all__ = ["ANY_TRIGGER", "EVENT_TYPES", "SUB_EVENT_TYPES", "TRIGGERS", "Trigger", "UnknownEventTypeError",
           "check_event_type", "check_sub_event_type", "event_type_of"]

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

#: event type -> its sub-event types, as ACLED names them.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EXPLOSIONS: ("Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                 "Remote explosive/landmine/IED", "Grenade"),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                "Headquarters or base established", "Looting/property destruction",
                "Non-violent transfer of territory", "Other"),
}
SUB_EVENT_TYPES: dict[str, str] = {sub: kind for kind, subs in EVENT_TYPES.items() for sub in subs}
#: Event types whose events kill or injure; casualty sentences attach only to these.
VIOLENT = frozenset({BATTLES, EXPLOSIONS, VAC, RIOTS})


class UnknownEventTypeError(GeoError, ValueError):
    """A name that is not one of ACLED's event or sub-event types."""


def check_event_type(name: str) -> str:
    if name not in EVENT_TYPES:
        raise UnknownEventTypeError(f"unknown event type {name!r}; known: {', '.join(EVENT_TYPES)}")
    return name


def check_sub_event_type(name: str) -> str:
    if name not in SUB_EVENT_TYPES:
        raise UnknownEventTypeError(f"unknown sub-event type {name!r}; known: {', '.join(SUB_EVENT_TYPES)}")
    return name


def event_type_of(sub_event_type: str) -> str:
    """The event type a sub-event type belongs to."""
    return SUB_EVENT_TYPES[check_sub_event_type(sub_event_type)]


class Trigger(NamedTuple):
    sub_event_type: str
    pattern: re.Pattern[str]
    strong: bool  # strong triggers open an event; weak ones only continue an open event of the same type


def _t(sub: str, words: str, *, strong: bool = True) -> Trigger:
    check_sub_event_type(sub)
    return Trigger(sub, re.compile(rf"\b(?:{words})\b", re.IGNORECASE), strong)


#: Ordered: more specific phrases first (a "suicide car bomb" is a suicide bomb, not an IED).
TRIGGERS: tuple[Trigger, ...] = (
    _t("Chemical weapon", r"chemical (?:weapons? )?attacks?|sarin|chlorine gas|nerve agent|poison gas"),
    _t("Suicide bomb", r"suicide (?:bomb(?:er|ers|ing|ings)?|attacks?|attackers?|vests?)"
       r"|blew (?:himself|herself|themselves) up"),
    _t("Remote explosive/landmine/IED", r"(?:car|truck|roadside|road-side|parcel|magnetic) bombs?|improvised explosive"
       r"|IEDs?|land ?mines?|explosive devices?|booby[- ]traps?|bomb (?:planted|exploded|went off)|planted bombs?"),
    _t("Grenade", r"grenades?"),
    _t("Air/drone strike", r"air ?strikes?|air ?raids?|drone strikes?|drone attacks?|warplanes?|jets? (?:struck|bombed)"
       r"|helicopter gunships?|barrel bombs?|bunker[- ]busting|aerial (?:bombardment|attacks?)|bombed|bombing|bombs?"
       r"|bombardment|airstrikes"),
    _t("Shelling/artillery/missile attack", r"shell(?:ed|ing|s)|artillery|mortars?|rockets?|missiles?|howitzers?"
       r"|shelled"),
    _t("Excessive force against protesters", r"(?:fired|opened fire) on (?:the )?(?:protesters|demonstrators|marchers)"
       r"|(?:protesters|demonstrators) (?:were )?(?:shot|killed)"),
    _t("Protest with intervention", r"(?:police|security forces|troops|officers) (?:dispersed|broke up|used tear gas"
       r"|fired tear gas|detained)|tear gas|water cannons?|dispersed (?:the )?(?:protest|crowd|demonstrat)"),
    _t("Violent demonstration", r"riot(?:s|ed|ing|ers)?|rioters|(?:protesters|demonstrators) (?:torched|set fire|threw"
       r" stones|hurled|clashed with police|smashed|looted)|violent (?:protests?|demonstrations?)"),
    _t("Mob violence", r"mobs?|lynch(?:ed|ing)?|vigilantes?"),
    _t("Peaceful protest", r"protest(?:s|ed|ing|ers)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|marched"
       r"|march(?:es)?|sit-ins?|strikers|went on strike|general strike|vigils?"),
    _t("Sexual violence", r"raped|rapes?|sexual(?:ly)? (?:assault(?:ed)?|violence|abused?)"),
    _t("Abduction/forced disappearance", r"abduct(?:ed|ion|ions|s)?|kidnap(?:ped|ping|pings|s)?|taken hostage"
       r"|forcibly disappeared|seized \w+ (?:villagers|civilians|hostages)"),
    _t("Government regains territory", r"recaptur(?:ed|es)|retook|regained control|(?:army|troops|government forces) "
       r"(?:captured|seized|took control)|liberated"),
    _t("Non-state actor overtakes territory", r"overran|seized control|took control|captured the (?:town|city|village)"
       r"|fell to"),
    # "an offensive", never "an offensive weapon" (a charge in court reports)
    _t("Armed clash", r"clash(?:ed|es)?|fighting|fought|battles?|gun ?battles?|firefights?|gunfights?"
       r"|offensive(?!\s+(?:weapons?|language|remarks?|comments?|behaviou?r))"
       r"|skirmish(?:es)?|ambush(?:ed)?"),
    _t("Attack", r"massacred?|executed|shot dead|gunned down|stabbed|hacked to death|beheaded|attacked"
       r"|killed (?:at least |more than |some )?[\w,]+ (?:unarmed )?(?:civilians|villagers|worshippers|farmers|"
       r"passengers|residents|people)|murdered|attacks? on (?:civilians|villagers|(?:a|the) village)"),
    _t("Arrests", r"arrest(?:ed|s)|detained|rounded up"),
    _t("Looting/property destruction", r"looted|looting|torched|set (?:on )?fire to|burned down|demolished|ransacked"),
    _t("Disrupted weapons use", r"defused|intercepted|shot down|foiled"),
    _t("Headquarters or base established", r"(?:established|set up) (?:a |an )?(?:base|headquarters|outpost)"),
    _t("Agreement", r"suspended (?:the )?talks|(?:signed|reached|agreed|struck) (?:a |an |the )?(?:\w+ )?"
       r"(?:deal|agreement|accord|truce|cease-?fire)|agreed to|peace (?:deal|agreement|accord) (?:was )?signed"
       r"|prisoner (?:swap|exchange)"
       r"|suspended (?:its )?participation"),
    _t("Non-violent transfer of territory", r"withdrew from|handed over (?:control|the town|the city)|pulled out of"),
    _t("Change to group/activity", r"renounced (?:its )?ties|merged with|pledged allegiance"),
    _t("Attack", r"attacks?|hit|struck|strikes?|targeted", strong=False),
)

#: Any trigger at all, searched in the LOWER-CASED sentence (three times faster than ignoring case): one search
#: decides whether a sentence needs the ordered pass over TRIGGERS. The patterns use no upper-case escapes.
ANY_TRIGGER = re.compile("|".join(f"(?:{t.pattern.pattern})" for t in TRIGGERS).lower())
