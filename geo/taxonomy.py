"""ACLED's event taxonomy (6 event types, 25 sub-event types; ACLED Codebook 2023).

A registry in the spaCy manner: :func:`event_type_of` and :func:`check_sub_event_type` turn unknown names into
errors that list the known ones. The words that signal each sub-type are the rules of ``geo.events.triggers``.
The event pipeline and the readers of other tools' tables (``geo.formats.layouts``) share it, so it lives below
both.
"""
from __future__ import annotations

from .errors import GeoError

__all__ = ["EVENT_TYPES", "SUB_EVENT_TYPES", "UnknownEventTypeError", "check_event_type", "check_sub_event_type",
           "event_type_of"]

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
