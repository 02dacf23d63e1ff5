"""An event as it is being drafted from a document's sentences, the questions the extractor asks of drafts (the
same kind? the same town? another day?), and the finished ``Event`` a draft becomes."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gazetteer import Gazetteer

from ..model import Event, Evidence, Mention
from ..taxonomy import PROTESTS, SUB_EVENT_TYPES, VAC, VIOLENT
from .confidence import confidence
from .dates import TimeExpr
from .roles import PlaceCandidate
from .sentences import Sentence

__all__ = ["Draft", "Extraction", "another_day", "compatible", "elsewhere", "reasons_of", "same_country", "same_place",
           "to_event", "told_last"]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What ``extract`` finds: the events, and the place names that the parse of the sentences it read showed
    to be part of a person's name (``Carlos Valencia Garcia``), which are no places of the document."""

    events: list[Event]
    people: tuple[Mention, ...] = ()


@dataclass
class Draft:
    sub_event_type: str
    first: Sentence
    date: dt.date | None = None
    precision: int = 2
    explicit_date: bool = False
    place: PlaceCandidate | None = None
    actors: list[str] = field(default_factory=list)
    figures: list[tuple[int, str, str | None]] = field(default_factory=list)
    evidence: list[Sentence] = field(default_factory=list)
    last_para: int = 0
    reasons: list[str] = field(default_factory=list)
    inherited: bool = False  # the place is the event before's, not its own: any place of its own is better
    generic: bool = False  # only generic triggers tell it ("killed", "attack"): it says less of what happened

    @property
    def event_type(self) -> str:
        return SUB_EVENT_TYPES[self.sub_event_type]


def compatible(kind: str, open_: Draft) -> bool:
    """A trigger of type ``kind`` may add to the open event (shots at a protest belong to the protest)."""
    return kind == open_.event_type or (kind in VIOLENT and open_.event_type in VIOLENT) or (
        open_.event_type == PROTESTS and kind == VAC)


def another_day(time: TimeExpr | None, draft: Draft) -> bool:
    """The trigger's own exact day is not the draft's (``the Dec. 10 bombings`` after Monday's air strikes)."""
    return time is not None and time.precision == 1 and draft.date is not None and time.date != draft.date


def told_last(d: Draft) -> int:
    """Where the draft's latest sentence starts: the event the text spoke of last."""
    return max((s.start for s in d.evidence), default=d.first.start)


def same_place(place: PlaceCandidate | None, draft: Draft) -> bool:
    """A town's own mention that is the draft's town."""
    return place is not None and draft.place is not None and place.specificity >= 2 and (
        place.mention.place is not None and draft.place.mention.place is not None
        and place.mention.place.id == draft.place.mention.place.id)


def elsewhere(place: PlaceCandidate | None, draft: Draft) -> bool:
    """A place of its own that is not the draft's: a town elsewhere (``Meanwhile, in Homs ...``)."""
    if place is None or draft.place is None or place.specificity < 2 or draft.place.specificity < 2:
        return False
    return place.mention.place is not None and draft.place.mention.place is not None and (
        place.mention.place.id != draft.place.mention.place.id)


def same_country(a: PlaceCandidate, b: PlaceCandidate) -> bool:
    return bool(a.mention.place and b.mention.place and a.mention.place.country_code == b.mention.place.country_code)


def to_event(d: Draft, gaz: Gazetteer, country: str, source: str, background: bool, original: str) -> Event:
    place = d.place.mention.place if d.place else None
    if place is None and country:
        place = gaz.countries().get(country)
    figures = sorted(d.figures, key=lambda f: f[0])
    return Event(
        event_type=d.event_type, sub_event_type=d.sub_event_type, date=d.date.isoformat() if d.date else None,
        time_precision=d.precision, location=place.name if place else "", lat=place.lat if place else None,
        lon=place.lon if place else None, geonameid=place.id if place else None,
        geo_precision=d.place.geo_precision if d.place else 3, admin1=place.admin1 if place else "",
        country_code=place.country_code if place else "", actors=tuple(d.actors),
        fatalities=figures[0][0] if figures else 0, fatalities_text=figures[0][1] if figures else "",
        fatality_reports=tuple(f[1] for f in d.figures),
        evidence=tuple(Evidence(original[s.start:s.end], s.start, s.end) for s in d.evidence), source=source,
        background=background,
        reasons=reasons_of(d, country),
        confidence=confidence(placed=d.place is not None and d.place.specificity > 0 and not d.inherited,
                              geo_precision=d.place.geo_precision if d.place else 3, explicit_date=d.explicit_date,
                              time_precision=d.precision, figures=bool(d.figures), actors=bool(d.actors),
                              sentences=len(d.evidence), generic=d.generic))


def reasons_of(d: Draft, country: str) -> tuple[str, ...]:
    out = list(d.reasons)
    if d.place is None:
        out.append(f"place: the document's country ({country or 'none'}), no place of its own")
    if d.figures:
        low = min(d.figures, key=lambda f: f[0])
        out.append(f"fatalities: {low[1]!r}, the lowest of {len(d.figures)} report(s)")
    return tuple(out)
