"""The page's data block: events and places as compact columns with one table of strings, checked first.

Rows that cannot be drawn (no coordinates, coordinates out of range, an event type that is not ACLED's) are
left out and counted, so a partly bad file still gives a map of its good rows.
"""
from __future__ import annotations

import base64
import gzip
import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from geo.model import Event, Mention

from .escape import script_json_text
from .style import type_index

__all__ = ["PACK_ABOVE", "PAGE_COLUMNS", "PAGE_LEAVES_OUT", "MapData", "StringTable", "data_block", "encode",
           "evidence_text", "place_columns", "prepare"]

#: Maps of more events than this carry them as typed binary columns (:mod:`maps.packing`), gzip-compressed and
#: base64-encoded, which the browser inflates with DecompressionStream; smaller ones as plain JSON, readable in the
#: page source (2,000 events are about 600 KB of JSON).
PACK_ABOVE = 2_000
EVIDENCE_CHARS = 400


@dataclass
class MapData:
    events: list[Event]
    places: list[tuple[str, float, float, int]]  # name, lat, lon, mentions
    skipped: Counter[str] = field(default_factory=Counter)


def _coords_ok(lat: Any, lon: Any) -> bool:
    return (isinstance(lat, int | float) and isinstance(lon, int | float) and math.isfinite(lat)
            and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180)


def prepare(events: Iterable[Event], mentions: Iterable[Mention] = ()) -> MapData:
    """Keep what can be drawn, ordered by latitude and longitude (the page finds the events drawn on one spot
    as runs of equal coordinates); count the rest by reason. Places are the resolved mentions, one per place:
    an approximate mention (a name the gazetteer lacks, put near where the text places it) is no marker of its
    own, or ``Greer Station`` would be drawn as a second Greer."""
    good: list[Event] = []
    skipped: Counter[str] = Counter()
    for e in events:
        if type_index(e.event_type) is None:
            skipped[f"unknown event type {e.event_type!r}"] += 1
        elif e.lat is None or e.lon is None:
            skipped["no coordinates"] += 1
        elif not _coords_ok(e.lat, e.lon):
            skipped["coordinates out of range"] += 1
        else:
            good.append(e)
    good.sort(key=_spot)
    counts: Counter[str] = Counter()
    where: dict[str, tuple[str, float, float]] = {}
    for m in mentions:
        if m.located and m.place is not None and _coords_ok(m.place.lat, m.place.lon):
            counts[m.place.id] += 1
            where[m.place.id] = (m.place.name, m.place.lat, m.place.lon)
    places = [(where[k][0], where[k][1], where[k][2], n) for k, n in counts.items()]
    return MapData(good, places, skipped)


def _spot(e: Event) -> tuple[float, float]:
    return (round(e.lat or 0.0, 5), round(e.lon or 0.0, 5))


class StringTable:
    """Texts numbered in the order first seen, ``""`` as 0: the page's string tables (JSON and packed)."""

    def __init__(self) -> None:
        self.items: list[str] = [""]
        self.index: dict[str, int] = {"": 0}

    def __call__(self, value: str | None) -> int:
        value = value or ""
        found = self.index.get(value)
        if found is None:
            found = self.index[value] = len(self.items)
            self.items.append(value)
        return found


def evidence_text(e: Event) -> str:
    """The evidence sentences of an event as its popup quotes them (at most EVIDENCE_CHARS)."""
    text = " … ".join(x.text for x in e.evidence)
    return text if len(text) <= EVIDENCE_CHARS else text[:EVIDENCE_CHARS - 1].rstrip() + "…"


#: The event fields the page draws, by the short key ``reportmap.js`` reads: (key, field, how it travels:
#: ``number`` inline, ``string`` as an index into the string table, ``coord`` rounded to 5 decimals, ``type``
#: the ACLED type's number, ``list`` joined by "; ", ``evidence`` shortened text).
PAGE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("lat", "lat", "coord"), ("lon", "lon", "coord"), ("type", "event_type", "type"),
    ("sub", "sub_event_type", "string"), ("date", "date", "string"), ("tp", "time_precision", "number"),
    ("gp", "geo_precision", "number"), ("location", "location", "string"), ("fatalities", "fatalities", "number"),
    ("fatalities_text", "fatalities_text", "string"), ("actors", "actors", "list"),
    ("evidence", "evidence", "evidence"), ("source", "source", "string"), ("conf", "confidence", "number"),
)
#: Event fields the page leaves out (every other field must have a column above: tests/test_map.py checks).
PAGE_LEAVES_OUT = frozenset({"geonameid", "admin1", "country_code", "fatality_reports", "background", "original_id",
                             "original_type"})


def encode(data: MapData) -> dict[str, Any]:
    """Columns for the page (numbers inline, text as indexes into ``strings``), as :data:`PAGE_COLUMNS` says."""
    s = StringTable()
    ev = data.events

    def column(field: str, how: str) -> list[Any]:
        if how == "coord":
            return [round(getattr(e, field) or 0.0, 5) for e in ev]
        if how == "type":
            return [type_index(getattr(e, field)) for e in ev]
        if how == "number":
            return [getattr(e, field) for e in ev]
        if how == "list":
            return [s("; ".join(getattr(e, field))) for e in ev]
        if how == "evidence":
            return [s(evidence_text(e)) for e in ev]
        return [s(getattr(e, field)) for e in ev]

    events = {key: column(field, how) for key, field, how in PAGE_COLUMNS}
    return {"strings": s.items, "events": events, "places": place_columns(data, s)}


def place_columns(data: MapData, strings: StringTable) -> dict[str, list[Any]]:
    """The places as the page reads them (names as indexes into ``strings``), in JSON and packed blocks alike."""
    return {"lat": [round(p[1], 5) for p in data.places], "lon": [round(p[2], 5) for p in data.places],
            "name": [strings(p[0]) for p in data.places], "count": [p[3] for p in data.places]}


def data_block(data: MapData, *, pack_above: int | None = None) -> tuple[str, str, str]:
    """(text, encoding, evidence texts) for the page's ``<script type="application/json">`` element: JSON with
    ``<``, ``>``, ``&`` and the JavaScript line separators escaped (no texts apart), or, above ``pack_above``
    events, the two blocks of :func:`maps.packing.pack`, each gzip-compressed and base64-encoded (``packed``)."""
    if len(data.events) > (PACK_ABOVE if pack_above is None else pack_above):
        from .packing import pack

        block, texts = pack(data)
        return _base64_gzip(block), "packed", _base64_gzip(texts)
    return script_json_text(json.dumps(encode(data), ensure_ascii=False, separators=(",", ":"))), "json", ""


def _base64_gzip(raw: bytes) -> str:
    return base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")
