"""The data model: frozen dataclasses with ``to_dict``/``from_dict``, one schema for every output format."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field
from datetime import date as _date
from typing import Any

from gazetteer import Place

__all__ = ["APPROXIMATE", "MENTION_FIELDS", "REJECTED", "RESOLVED", "UNKNOWN", "Event", "Evidence", "Mention", "Place",
           "main_country"]

RESOLVED = "resolved"
UNKNOWN = "unknown"
#: A name the gazetteer knows that a recogniser rule rejected (only shown when asked, by ``--explain``).
REJECTED = "rejected"
#: A name the gazetteer lacks, placed by a guess that says which (``geo.places.approximate``).
APPROXIMATE = "approximate"


#: A mention's flat record, in order: (field, kind, taken from the place rather than the mention).
MENTION_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("text", "string", False), ("start", "int", False), ("end", "int", False), ("name", "string", True),
    ("lat", "float", True), ("lon", "float", True), ("geonameid", "string", True), ("feature_code", "string", True),
    ("country_code", "string", True), ("admin1", "string", True), ("source", "string", True),
    ("score", "float", False), ("status", "string", False))
_PLACE_ATTRIBUTE = {"geonameid": "id"}


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

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # a tuple of fields: pickled to and from worker processes (geo.places.parallel) five times faster than
        # the slots' state dictionaries
        return Mention, (self.text, self.start, self.end, self.place, self.score, self.status, self.reasons,
                         self.alternatives)

    @property
    def lat(self) -> float | None:
        return self.place.lat if self.place else None

    @property
    def located(self) -> bool:
        """Whether the text's own name has a place: not unknown, and not an approximate guess (a map draws
        these; ``geo.places.approximate``)."""
        return self.place is not None and self.status != APPROXIMATE

    @property
    def lon(self) -> float | None:
        return self.place.lon if self.place else None

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """The flat record every format writes: :data:`MENTION_FIELDS`, a place's fields null when unknown."""
        p = self.place
        d: dict[str, Any] = {}
        for name, kind, of_place in MENTION_FIELDS:
            if of_place:
                d[name] = getattr(p, _PLACE_ATTRIBUTE.get(name, name)) if p else None
            else:
                value = getattr(self, name)
                d[name] = round(value, 3) if kind == "float" else value
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


def main_country(mentions: Iterable[Mention]) -> str | None:
    """The country most of the resolved mentions lie in (the first named among equals), or None: what online
    lookups are biased to, where an unplaced event goes, what the unknown-name hint suggests.

    >>> main_country([])
    """
    counts = Counter(m.place.country_code for m in mentions if m.place is not None and m.place.country_code)
    return counts.most_common(1)[0][0] if counts else None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence an event rests on, with its character offsets in the source text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """A reported event coded in ACLED's manner (see ``geo.taxonomy``).

    ``geo_precision``: 1 the place itself, 2 near it or a part of it, 3 only a province, region or country.
    ``time_precision``: 1 the day, 2 the week, 3 the month or vaguer. ``fatalities`` is the lowest figure
    reported (0 when none); ``fatality_reports`` keeps every figure found, as written. ``confidence`` (0..1) is
    how sure the extractor is (``geo.events.confidence``); 0 for events read from other sources.

    Every output format's columns come from these fields (:mod:`geo.schema`); ``missing`` in a field's metadata
    is the value a record that lacks it gets, ``required`` a field no record may lack.
    """

    event_type: str = field(metadata={"required": True})
    sub_event_type: str = field(metadata={"missing": ""})
    date: str | None = field(metadata={"missing": None})
    time_precision: int = field(metadata={"missing": 3})
    location: str = field(metadata={"missing": ""})
    lat: float | None = field(metadata={"missing": None})
    lon: float | None = field(metadata={"missing": None})
    geonameid: str | None = field(metadata={"missing": None})
    geo_precision: int = field(metadata={"missing": 3})
    admin1: str = field(metadata={"missing": ""})
    country_code: str = field(metadata={"missing": ""})
    actors: tuple[str, ...] = ()
    fatalities: int = 0
    fatalities_text: str = ""
    fatality_reports: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    source: str = ""
    background: bool = False
    confidence: float = field(default=0.0, metadata={"missing": 0.0})
    #: for events read from another tool's table (``geo.formats.layouts``): its id (ACLED ``event_id_cnty``,
    #: UCDP ``id``, GDELT ``GLOBALEVENTID``) and its own type where it was mapped to ACLED's (``CAMEO 193``)
    original_id: str = ""
    original_type: str = ""
    #: why the extractor made the event: the rules that fired and where its place, date and figure came from
    #: (``geo events --explain``); no column of any table.
    reasons: tuple[str, ...] = field(default=(), compare=False, metadata={"explain": True})

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        from .schema import event_columns

        out: dict[str, Any] = {}
        for c in event_columns():
            value = getattr(self, c.name)
            if c.kind == "list":
                value = list(value)
            elif c.kind == "evidence":
                value = [{"text": e.text, "start": e.start, "end": e.end} for e in value]
            out[c.name] = value
        if explain:
            out["reasons"] = list(self.reasons)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """An event from a record of :meth:`to_dict`'s shape; absent fields take their ``missing`` value."""
        from .schema import event_columns

        return cls(**{c.name: _value(c.name, c.kind, c.nullable, c.default, d) for c in event_columns()})


class FieldError(ValueError):
    """A field of an event record that does not fit the schema (``date: expected YYYY-MM-DD, got 5``)."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.field, self.reason = name, reason


#: Bounds of the numeric fields a record may hold (a figure past ten million dead is no count). Coordinates out
#: of range are no bad record here: the map counts them among the events it cannot draw (``maps.data``).
_BOUNDS: dict[str, tuple[float, float]] = {
    "confidence": (0.0, 1.0), "fatalities": (0, 10_000_000), "time_precision": (1, 3), "geo_precision": (1, 3)}


def _shown(raw: Any) -> str:
    text = repr(raw)
    return text if len(text) <= 40 else text[:37] + "..."


def _text_of(name: str, raw: Any) -> str:
    if isinstance(raw, str):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and math.isfinite(raw):
        return str(raw)  # a GeoNames id written as a number
    raise FieldError(name, f"expected text, got {type(raw).__name__} {_shown(raw)}")


def _number_of(name: str, raw: Any, *, integer: bool) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise FieldError(name, f"expected a number, got {type(raw).__name__} {_shown(raw)}")
    try:
        value = float(raw)
    except ValueError:
        raise FieldError(name, f"expected a number, got {_shown(raw)}") from None
    if not math.isfinite(value) or (integer and value != int(value)):
        raise FieldError(name, f"expected {'a whole' if integer else 'a finite'} number, got {_shown(raw)}")
    low, high = _BOUNDS.get(name, (-math.inf, math.inf))
    if not low <= value <= high:
        raise FieldError(name, f"{_shown(raw)} is out of range [{low:g}, {high:g}]")
    return value


def _value(name: str, kind: str, nullable: bool, default: Any, d: dict[str, Any]) -> Any:
    """A field of a record, checked against its kind and bounds (:class:`FieldError` says what is wrong)."""
    if default is MISSING:
        if not d.get(name):
            raise FieldError(name, "missing")
        return _text_of(name, d[name])  # a required field
    raw = d.get(name)
    if kind == "string":
        if raw is None or raw == "":
            return None if nullable else default
        text = _text_of(name, raw)
        if name == "date":
            try:
                _date.fromisoformat(text[:10])
            except ValueError:
                raise FieldError(name, f"expected YYYY-MM-DD, got {_shown(raw)}") from None
        return text
    if kind == "int":
        return default if raw is None or raw == "" else int(_number_of(name, raw, integer=True))
    if kind == "float":
        if raw is None or raw == "":
            return None if nullable else default
        return _number_of(name, raw, integer=False)
    if kind == "bool":
        if isinstance(raw, str):
            return raw.strip().lower() in ("true", "1", "yes")
        return bool(raw)
    if kind == "list":
        if raw is None:
            return ()
        if not isinstance(raw, (list, tuple)):
            raise FieldError(name, f"expected a list of text, got {type(raw).__name__} {_shown(raw)}")
        return tuple(_text_of(name, v) for v in raw)
    evidence = raw or ()
    if isinstance(evidence, str):
        evidence = [{"text": evidence, "start": -1, "end": -1}]
    if not isinstance(evidence, (list, tuple)) or not all(isinstance(e, dict) and "text" in e for e in evidence):
        raise FieldError(name, f"expected a list of {{text, start, end}}, got {_shown(raw)}")
    return tuple(Evidence(_text_of(name, e["text"]), int(_number_of(name, e.get("start", -1), integer=True)),
                          int(_number_of(name, e.get("end", -1), integer=True))) for e in evidence)
