"""The data model: frozen dataclasses with ``to_dict``/``from_dict``, one schema for every output format."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gazetteer import Place

__all__ = ["RESOLVED", "UNKNOWN", "Event", "Evidence", "Mention", "Place"]

RESOLVED = "resolved"
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text: character offsets (Python str indices) and the place it resolves to.

    ``place`` is None (and ``status`` ``unknown``) when the resolver gives up. ``score`` (0..1) is the
    winner's confidence; ``reasons`` explain it and ``alternatives`` hold the runners-up when asked for.
    """

    text: str
    start: int
    end: int
    place: Place | None
    score: float = 0.0
    status: str = RESOLVED
    reasons: tuple[str, ...] = ()
    alternatives: tuple[tuple[Place, float, tuple[str, ...]], ...] = field(default=(), compare=False)

    @property
    def lat(self) -> float | None:
        return self.place.lat if self.place else None

    @property
    def lon(self) -> float | None:
        return self.place.lon if self.place else None

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        p = self.place
        d: dict[str, Any] = {
            "text": self.text, "start": self.start, "end": self.end,
            "name": p.name if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
            "geonameid": p.id if p else None, "feature_code": p.feature_code if p else None,
            "country_code": p.country_code if p else None, "admin1": p.admin1 if p else None,
            "source": p.source if p else None, "score": round(self.score, 3), "status": self.status,
        }
        if explain:
            d["reasons"] = list(self.reasons)
            d["alternatives"] = [{"name": alt.name, "geonameid": alt.id, "country_code": alt.country_code,
                                  "feature_code": alt.feature_code, "lat": alt.lat, "lon": alt.lon,
                                  "fit": round(fit, 3), "reasons": list(why)}
                                 for alt, fit, why in self.alternatives]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        place = None
        if d.get("lat") is not None and d.get("lon") is not None:
            place = Place(id=str(d.get("geonameid") or ""), name=d.get("name") or d["text"], lat=float(d["lat"]),
                          lon=float(d["lon"]), feature_class="", feature_code=d.get("feature_code") or "",
                          country_code=d.get("country_code") or "", admin1=d.get("admin1") or "",
                          source=d.get("source") or "geonames")
        return cls(text=d["text"], start=int(d["start"]), end=int(d["end"]), place=place,
                   score=float(d.get("score") or 0.0), status=d.get("status") or (RESOLVED if place else UNKNOWN),
                   reasons=tuple(d.get("reasons") or ()))


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence an event rests on, with its character offsets in the source text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """A reported event coded in ACLED's manner (see ``geo.events.taxonomy``).

    ``geo_precision``: 1 the place itself, 2 near it or a part of it, 3 only a province, region or country.
    ``time_precision``: 1 the day, 2 the week, 3 the month or vaguer. ``fatalities`` is the lowest figure
    reported (0 when none); ``fatality_reports`` keeps every figure found, as written.
    """

    event_type: str
    sub_event_type: str
    date: str | None
    time_precision: int
    location: str
    lat: float | None
    lon: float | None
    geonameid: str | None
    geo_precision: int
    admin1: str
    country_code: str
    actors: tuple[str, ...] = ()
    fatalities: int = 0
    fatalities_text: str = ""
    fatality_reports: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    source: str = ""
    background: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_type": self.event_type, "sub_event_type": self.sub_event_type, "date": self.date,
            "time_precision": self.time_precision, "location": self.location, "lat": self.lat, "lon": self.lon,
            "geonameid": self.geonameid, "geo_precision": self.geo_precision, "admin1": self.admin1,
            "country_code": self.country_code, "actors": list(self.actors), "fatalities": self.fatalities,
            "fatalities_text": self.fatalities_text, "fatality_reports": list(self.fatality_reports),
            "evidence": [{"text": e.text, "start": e.start, "end": e.end} for e in self.evidence],
            "source": self.source, "background": self.background,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        evidence = d.get("evidence") or ()
        if isinstance(evidence, str):
            evidence = [{"text": evidence, "start": -1, "end": -1}]
        return cls(
            event_type=d["event_type"], sub_event_type=d.get("sub_event_type") or "", date=d.get("date"),
            time_precision=int(d.get("time_precision") or 3), location=d.get("location") or "",
            lat=None if d.get("lat") is None else float(d["lat"]),
            lon=None if d.get("lon") is None else float(d["lon"]),
            geonameid=d.get("geonameid"), geo_precision=int(d.get("geo_precision") or 3),
            admin1=d.get("admin1") or "", country_code=d.get("country_code") or "",
            actors=tuple(d.get("actors") or ()), fatalities=int(d.get("fatalities") or 0),
            fatalities_text=d.get("fatalities_text") or "", fatality_reports=tuple(d.get("fatality_reports") or ()),
            evidence=tuple(Evidence(e["text"], int(e.get("start", -1)), int(e.get("end", -1))) for e in evidence),
            source=d.get("source") or "", background=bool(d.get("background")))
