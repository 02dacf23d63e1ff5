"""GeoPackage and FlatGeobuf (through pyogrio, what QGIS users reach for) for events and place mentions, and CSV
for mentions. Lists are ``; ``-joined as in CSV; points in EPSG:4326; an unplaced event has no geometry.

>>> import io
>>> from geo.model import Event
>>> buf = io.BytesIO()
>>> write_gpkg([Event("Battles", "Armed clash", "2016-10-03", 1, "Aleppo", 36.2, 37.16, None, 1, "", "SY")], buf)
>>> buf.getvalue()[:16]
b'SQLite format 3\\x00'
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import IO, Any

from gazetteer.files import spreadsheet_cell

from ..model import Event, Mention
from ..schema import mention_columns
from .places import places_frame

__all__ = ["write_fgb", "write_gpkg", "write_mentions_csv", "write_mentions_fgb",
           "write_mentions_gpkg"]

Docs = Sequence[tuple[str | None, Sequence[Mention]]]


def _event_table(events: Sequence[Event]) -> Any:
    from .events import flat_frame, list_columns

    frame = flat_frame(events)
    for c in list_columns():
        frame[c] = frame[c].map(lambda v: "; ".join(v) if isinstance(v, (list, tuple)) else v)
    return frame


def _write(frame: Any, out: IO[bytes], driver: str, layer: str) -> None:
    import pyogrio

    buf = io.BytesIO()
    options = {"SPATIAL_INDEX": "NO"} if driver == "FlatGeobuf" else {}  # FlatGeobuf's index refuses null points
    pyogrio.write_dataframe(frame, buf, driver=driver, layer=layer, **options)
    out.write(buf.getvalue())


def write_gpkg(events: list[Event], out: IO[bytes]) -> None:
    _write(_event_table(events), out, "GPKG", "events")


def write_fgb(events: list[Event], out: IO[bytes]) -> None:
    _write(_event_table(events), out, "FlatGeobuf", "events")


def write_mentions_gpkg(docs: Docs, out: IO[bytes], *, explain: bool = False) -> None:
    _write(places_frame(docs), out, "GPKG", "places")


def write_mentions_fgb(docs: Docs, out: IO[bytes], *, explain: bool = False) -> None:
    _write(places_frame(docs), out, "FlatGeobuf", "places")


def write_mentions_csv(docs: Docs, out: IO[str], *, explain: bool = False, raw_csv: bool = False) -> None:
    """One row per mention with its document ``id``; formula-like cells after an apostrophe unless ``raw_csv``."""
    names = ["id", *(c.name for c in mention_columns())]
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for doc_id, ms in docs:
        for m in ms:
            row = {"id": doc_id, **m.to_dict()}
            writer.writerow(row if raw_csv else {k: spreadsheet_cell(v) for k, v in row.items()})
