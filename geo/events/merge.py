"""One event per type, place and day, as ACLED codes them: repeated reports merged, and the arrests at a
protest made the protest's intervention (a riot stays an event of its own type beside a peaceful march).

>>> from geo.model import Event
>>> at = dict(date="2008-06-29", time_precision=1, location="Seoul", lat=37.57, lon=126.98, geonameid="1835848",
...           geo_precision=1, admin1="", country_code="KR")
>>> march = Event(event_type="Protests", sub_event_type="Peaceful protest", **at)
>>> held = Event(event_type="Strategic developments", sub_event_type="Arrests", **at)
>>> [e.sub_event_type for e in one_per_day([march, held])]
['Protest with intervention']
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..model import Event
from ..taxonomy import PROTESTS
from .numbers import vague_figure

__all__ = ["merge", "one_per_day", "placed"]

#: Within one protest, the graver sub-type stands for the whole (ACLED: "protesters are arrested or dispersed:
#: protest with intervention").
_GRAVITY = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")


def merge(a: Event, b: Event, *, why: str = "merged: another report of the same type, place and day") -> Event:
    """Two reports of one event (same place, type and day): lowest figure, all evidence and reports."""
    reports = a.fatality_reports + tuple(r for r in b.fatality_reports if r not in a.fatality_reports)
    counted = [e for e in (a, b) if e.fatality_reports and not vague_figure(e.fatalities_text)]
    lowest = min(counted or [e for e in (a, b) if e.fatality_reports], key=lambda e: e.fatalities, default=a)
    return replace(a, actors=a.actors + tuple(x for x in b.actors if x not in a.actors),
                   fatalities=lowest.fatalities, fatalities_text=lowest.fatalities_text, fatality_reports=reports,
                   evidence=a.evidence + tuple(e for e in b.evidence if e not in a.evidence),
                   reasons=(*a.reasons, why, *b.reasons),
                   geo_precision=min(a.geo_precision, b.geo_precision), time_precision=min(a.time_precision,
                                                                                           b.time_precision),
                   confidence=min(1.0, round(max(a.confidence, b.confidence) + 0.1, 2)))  # told twice


def _where(e: Event) -> tuple[str, str]:
    return (e.geonameid or e.country_code, e.date or "")


def _in_crowd(e: Event) -> bool:
    return e.event_type == PROTESTS and e.sub_event_type in _GRAVITY


def one_per_day(events: Iterable[Event]) -> list[Event]:
    """The events with the parts of one protest joined: at one place on one day, protests are one, and arrests
    there are the police's intervention in it (``70 people were detained by police`` at the Seoul vigil).
    Other events pass as they are, in their order."""
    events = list(events)
    crowds = {_where(e) for e in events if _in_crowd(e)}
    parts: dict[tuple[str, str], list[Event]] = {}
    for e in events:
        if _where(e) in crowds and (_in_crowd(e) or e.sub_event_type == "Arrests"):
            parts.setdefault(_where(e), []).append(e)
    out: list[Event] = []
    for e in events:
        group = parts.pop(_where(e), None) if _where(e) in parts and (
            _in_crowd(e) or e.sub_event_type == "Arrests") else None
        if group is None:
            if not (_where(e) in crowds and (_in_crowd(e) or e.sub_event_type == "Arrests")):
                out.append(e)
            continue
        head = max((p for p in group if _in_crowd(p)), key=lambda p: _GRAVITY.index(p.sub_event_type))
        for p in group:
            if p is not head:
                head = merge(head, p, why=f"joined: the {p.sub_event_type.lower()} was part of this demonstration")
        if head.sub_event_type == "Peaceful protest" and any(p.sub_event_type == "Arrests" for p in group):
            head = replace(head, sub_event_type="Protest with intervention")
        out.append(head)  # where the first part of the demonstration stood
    return out


def placed(events: Iterable[Event]) -> list[Event]:
    """Events known only by their country joined to the one event of their type and day placed in a town of that
    country (``hundreds were injured in clashes with riot police overnight Saturday`` in South Korea, and the
    demonstration that turned violent in Seoul that Saturday: one riot, in Seoul). Where several such events
    stand, the country-level one is their summary and joins the deadliest of them.

    >>> from geo.model import Event
    >>> day = dict(event_type="Riots", sub_event_type="Violent demonstration", date="2008-06-28", country_code="KR",
    ...            time_precision=1)
    >>> korea = Event(location="South Korea", lat=36.5, lon=127.75, geonameid="1835841", geo_precision=3,
    ...               admin1="", **day)
    >>> seoul = Event(location="Seoul", lat=37.57, lon=126.98, geonameid="1835848", geo_precision=1,
    ...               admin1="Seoul", **day)
    >>> [e.location for e in placed([korea, seoul])]
    ['Seoul']
    """
    events = list(events)

    def key(e: Event) -> tuple[str, str, str, str]:
        return (e.event_type, e.sub_event_type, e.date or "", e.country_code)

    towns: dict[tuple[str, str, str, str], list[int]] = {}
    for i, e in enumerate(events):
        if e.admin1 and e.date:
            towns.setdefault(key(e), []).append(i)
    out = list(events)
    gone: set[int] = set()
    for i, e in enumerate(events):
        into = towns.get(key(e), [])
        if not e.admin1 and e.geo_precision == 3 and e.date and into:
            # several: the country-level one is their summary ("in all, four members of the security forces were
            # killed in Sunday's attacks" after the attacks in Qatraneh and Karak), joined to the deadliest
            j = max(into, key=lambda k: (out[k].fatalities, -k))
            out[j] = merge(out[j], e, why="joined: the same event told without its town")
            gone.add(i)
    return [e for i, e in enumerate(out) if i not in gone]
