"""Events as tables: a GeoDataFrame (EPSG:4326), and files in every export format read back by ``read_events``.

geopandas is imported only here and only when called (it costs most of a second to import).
"""
from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from gazetteer.files import feature_collection, json_value, point_feature, read_spreadsheet_cell, spreadsheet_cell

from ..errors import InputError
from ..model import Event, FieldError
from ..schema import flat_event_columns

if TYPE_CHECKING:
    import geopandas

__all__ = ["EVENT_COLUMNS", "InvalidRecord", "events_frame", "events_from_frame", "events_geojson", "flat_frame",
           "read_events", "read_events_dir",
           "write_article_events", "write_events"]

#: Flat columns (CSV, GeoParquet, the GeoDataFrame), from :func:`geo.schema.flat_event_columns`; lists are
#: ``; ``-joined in CSV, evidence offsets are JSON.
EVENT_COLUMNS = tuple(c.name for c in flat_event_columns())


def list_columns() -> list[str]:
    return [c.name for c in flat_event_columns() if c.kind == "list"]


def _flat(e: Event) -> dict[str, Any]:
    d = e.to_dict()
    d["evidence_offsets"] = json.dumps([[x.start, x.end] for x in e.evidence])
    d["evidence"] = " … ".join(x.text for x in e.evidence)
    return d


def flat_frame(events: Iterable[Event]) -> geopandas.GeoDataFrame:
    """Events as the files hold them (GeoParquet, GeoPackage, batch parts): dates as ``YYYY-MM-DD`` text."""
    import geopandas
    from shapely.geometry import Point

    rows = [_flat(e) for e in events]
    geometry = [Point(r["lon"], r["lat"]) if r["lat"] is not None else None for r in rows]
    return geopandas.GeoDataFrame(rows, columns=list(EVENT_COLUMNS), geometry=geometry, crs="EPSG:4326")


def events_frame(events: Iterable[Event]) -> geopandas.GeoDataFrame:
    """A GeoDataFrame of events for analysis: one row per event, point geometry (none where unplaced), CRS
    EPSG:4326; ``date`` as datetime64 (NaT where undated), ``event_type`` and ``sub_event_type`` as ordered
    categoricals in ACLED's order, ``actors`` and the other list fields as lists. ``maps.render`` and
    :func:`events_from_frame` take it (or any filter of it) back.

    >>> from geo.model import Event
    >>> f = events_frame([Event("Battles", "Armed clash", "2016-10-03", 1, "Aleppo", 36.2, 37.16, None, 1, "", "SY")])
    >>> str(f.date.dtype), list(f.event_type.cat.categories)[:2], f.crs.to_epsg()
    ('datetime64[ns]', ['Battles', 'Explosions/Remote violence'], 4326)
    """
    import pandas as pd

    from ..taxonomy import EVENT_TYPES, SUB_EVENT_TYPES

    frame = flat_frame(events)
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce").astype("datetime64[ns]")
    for column, known in (("event_type", list(EVENT_TYPES)), ("sub_event_type", list(SUB_EVENT_TYPES))):
        extra = sorted({v for v in frame[column] if v and v not in known})  # another tool's names are kept
        frame[column] = pd.Categorical(frame[column], categories=known + extra, ordered=True)
    return frame


def events_from_frame(frame: Any) -> list[Event]:
    """Events from a frame of :func:`events_frame` (or of :func:`read_events`' columns), filtered or not: its
    point geometry, where there is one, is the event's place."""
    out: list[Event] = []
    has_geometry = "geometry" in getattr(frame, "columns", ())
    for i, row in enumerate(frame.to_dict("records"), 1):
        geometry = row.pop("geometry", None) if has_geometry else None
        if geometry is not None and not geometry.is_empty and geometry.geom_type == "Point":
            row["lat"], row["lon"] = geometry.y, geometry.x
        row.pop("partition", None)
        record = _from_row(row, f"frame row {i}")
        if isinstance(record, InvalidRecord):
            raise InputError(record.problem)
        out.append(record)
    return out


def events_geojson(events: Iterable[Event], *, explain: bool = False) -> dict[str, Any]:
    """A FeatureCollection, one Feature per event (``[lon, lat]``; null geometry where unplaced)."""
    features = []
    for e in events:
        props = e.to_dict(explain=explain)
        lat, lon = props.pop("lat"), props.pop("lon")
        features.append(point_feature(lat, lon, props))
    return feature_collection(features)


def write_json(events: list[Event], out: IO[str], *, explain: bool = False) -> None:
    json.dump([e.to_dict(explain=explain) for e in events], out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_jsonl(events: list[Event], out: IO[str], *, explain: bool = False) -> None:
    for e in events:
        out.write(json.dumps(e.to_dict(explain=explain), ensure_ascii=False) + "\n")


def write_geojson(events: list[Event], out: IO[str], *, explain: bool = False) -> None:
    json.dump(events_geojson(events, explain=explain), out, ensure_ascii=False)
    out.write("\n")


def write_csv(events: list[Event], out: IO[str], *, raw_csv: bool = False) -> None:
    """Events as CSV rows; a cell that starts like a spreadsheet formula (``=HYPERLINK(...)`` in an article's
    actor) gets a leading apostrophe unless ``raw_csv`` (for programs that read the file)."""
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    lists = list_columns()
    for e in events:
        row = _flat(e)
        for c in lists:
            row[c] = "; ".join(row[c])
        writer.writerow(row if raw_csv else {k: spreadsheet_cell(v) for k, v in row.items()})


def write_parquet(events: list[Event], out: IO[bytes]) -> None:
    frame = flat_frame(events)
    for c in list_columns():
        frame[c] = frame[c].map(list)
    frame.to_parquet(out, index=False)


def write_article_events(articles: Sequence[tuple[Any, Sequence[Event]]], out: IO[str], *, lines: bool = True,
                         explain: bool = False) -> None:
    """Events per article of a feed, from (id, events) pairs: one ``{"id", "events": [...]}`` line each
    (``lines``), or one JSON list of them."""
    records = [{"id": i, "events": [e.to_dict(explain=explain) for e in events]} for i, events in articles]
    if lines:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")


#: The formats that can carry an event's reasons (``--explain``): the JSON ones.
EXPLAINING = ("json", "jsonl", "geojson")


def write_events(events: list[Event], out: IO[Any], *, fmt: str, explain: bool = False,
                 raw_csv: bool = False) -> None:
    """Write events as json, jsonl, geojson, csv (text streams) or parquet (GeoParquet; a binary stream): the
    writers of :data:`geo.formats.registry.FORMATS`; with ``explain``, the JSON ones add each event's reasons;
    ``raw_csv``: CSV cells exactly as they are (no apostrophe before a formula-like cell)."""
    from .registry import writer

    if explain and fmt in EXPLAINING:
        writer(fmt, "events")(events, out, explain=True)
    elif fmt == "csv":
        writer(fmt, "events")(events, out, raw_csv=raw_csv)
    else:
        writer(fmt, "events")(events, out)


def _split(value: Any) -> list[str]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        return [v for v in value.split("; ") if v]
    return [str(v) for v in value]


def _cell_value(value: Any) -> Any:
    """A frame's cell as a record's value: NaN and NaT are missing, a timestamp is its day."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return None if str(value) == "NaT" else value.isoformat()[:10]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):  # numpy arrays of lists in Parquet
        return value.tolist()
    return value


def _from_row(row: dict[str, Any], where: str) -> Event | InvalidRecord:
    d = {k: _cell_value(v) for k, v in row.items()}
    for key in ("lat", "lon"):
        if d.get(key) in ("", None):
            d[key] = None
    try:
        offsets = json_value(d.get("evidence_offsets") or "[]")
    except ValueError:
        offsets = None
    if not isinstance(offsets, list) or not all(isinstance(o, list) and len(o) == 2 for o in offsets):
        return InvalidRecord(f"{where}: evidence_offsets: not a JSON list of [start, end] pairs")
    texts = (d.get("evidence") or "").split(" … ") if d.get("evidence") else []
    d["evidence"] = [{"text": t, "start": o[0], "end": o[1]} for t, o in zip(texts, offsets, strict=False)] or (
        [{"text": t, "start": -1, "end": -1} for t in texts])
    for c in flat_event_columns():
        if c.kind == "list":
            d[c.name] = _split(d.get(c.name))
    d.pop("sources", None)
    d.pop("reports", None)
    d["background"] = str(d.get("background")).lower() in ("true", "1")
    return checked_record(d, where)


class InvalidRecord(NamedTuple):
    """A record of an event file that is no event: where it is and why (``events.json item 2: date: expected
    YYYY-MM-DD, got 5``). Readers return them among the events; :func:`read_events` sorts them out."""

    problem: str


def checked_record(d: Any, where: str) -> Event | InvalidRecord:
    if not isinstance(d, dict):
        return InvalidRecord(f"{where}: expected an object, got {type(d).__name__}")
    if not d.get("event_type"):
        return InvalidRecord(f"{where}: no event_type")
    try:
        return Event.from_dict(d)
    except FieldError as e:
        return InvalidRecord(f"{where}: {e}")
    except (KeyError, TypeError, ValueError) as e:
        return InvalidRecord(f"{where}: not an event record ({e})")


def _own(columns: Iterable[str]) -> bool:
    """Whether a table's columns are this tool's own (``geo events`` wrote it), not another tool's layout."""
    return {"event_type", "evidence_offsets"} <= set(columns)


def read_parquet(path: Path) -> list[Event | InvalidRecord]:
    import geopandas

    try:
        frame = geopandas.read_parquet(path)
    except Exception as e:  # pyarrow raises many types for a bad file
        raise InputError(f"{path}: not a readable GeoParquet file ({type(e).__name__})") from None
    if not _own(frame.columns):
        from .tables import foreign_records, frame_rows

        return foreign_records(path, rows=frame_rows(path))
    return [_from_row(r, f"{path} row {i + 1}") for i, r in enumerate(
        frame.drop(columns="geometry").to_dict("records"))]


def read_table(path: Path) -> list[Event | InvalidRecord]:
    """A GeoPackage, FlatGeobuf or spreadsheet of events: this tool's own columns, or another tool's layout."""
    from .tables import foreign_records, table_rows

    names, rows = table_rows(path)
    if not _own(names):
        return foreign_records(path, rows=(names, rows))
    return [_from_row(r, f"{path} row {i}") for i, r in enumerate(rows, 1)]


def file_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None


def read_csv(path: Path) -> list[Event | InvalidRecord]:
    """A CSV of this tool's columns, or of another tool's (ACLED, UCDP GED, GDELT's tab-separated export, any
    table with a type and coordinates: :mod:`geo.formats.layouts`)."""
    text = file_text(path)
    reader = csv.DictReader(io.StringIO(text))
    if not _own(reader.fieldnames or ()):
        from .tables import foreign_records

        return foreign_records(path, text=text)
    return [_from_row({k: read_spreadsheet_cell(v) for k, v in r.items()}, f"{path}:{i + 2}")
            for i, r in enumerate(reader)]


def read_jsonl(path: Path) -> list[Event | InvalidRecord]:
    out: list[Event | InvalidRecord] = []
    from .io import jsonl_lines

    for n, line in enumerate(jsonl_lines(file_text(path)), 1):
        if line.strip():
            try:
                value = json_value(line)
            except ValueError as e:
                raise InputError(f"{path}:{n}: malformed JSON: {getattr(e, 'msg', e)}") from None
            out.append(checked_record(value, f"{path}:{n}"))
    return out


def read_json(path: Path) -> list[Event | InvalidRecord]:
    """A JSON list of events, ``{"events": [...]}``, or a GeoJSON FeatureCollection."""
    try:
        doc = json_value(file_text(path))
    except json.JSONDecodeError as e:
        raise InputError(f"{path}: malformed JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    except ValueError as e:
        raise InputError(f"{path}: malformed JSON: {e}") from None
    if isinstance(doc, dict) and doc.get("type") == "FeatureCollection":
        first = (doc.get("features") or [{}])[0]
        props = first.get("properties") if isinstance(first, dict) else None
        if isinstance(props, dict) and "event_type" not in props and "evidence" not in props:
            from .tables import feature_rows, foreign_records  # another tool's features: by their layout

            return foreign_records(path, rows=feature_rows(doc.get("features") or []))
        out: list[Event | InvalidRecord] = []
        for i, feat in enumerate(doc.get("features") or [], 1):
            props = dict(feat.get("properties") or {}) if isinstance(feat, dict) else {}
            geom = feat.get("geometry") if isinstance(feat, dict) else None
            coords = geom.get("coordinates") if isinstance(geom, dict) else None
            if isinstance(coords, list) and len(coords) >= 2:
                props["lon"], props["lat"] = coords[0], coords[1]
            out.append(checked_record(props, f"{path} feature {i}"))
        return out
    if isinstance(doc, dict) and isinstance(doc.get("events"), list):
        doc = doc["events"]
    if not isinstance(doc, list):
        raise InputError(f"{path}: expected a list of events or a GeoJSON FeatureCollection")
    return [checked_record(d, f"{path} item {i}") for i, d in enumerate(doc, 1)]


def read_events(path: str | Path, *, skipped: list[str] | None = None,
                columns: dict[str, str] | None = None) -> list[Event]:
    """Events from a file written by :func:`write_events` (format from the extension, JSON when it says
    nothing), or any GeoJSON/CSV/GeoParquet with the same columns. Every record is checked against the schema
    (types, ``YYYY-MM-DD`` dates, coordinates and figures in range). A record that fails is an
    :class:`~geo.errors.InputError` naming it (``FILE:RECORD: field: reason``), unless ``skipped`` is given:
    then the problems go there and the good records are returned; a file with no good record is still an
    error.

    Tables of other tools are read by their layout (ACLED, UCDP GED, GDELT) or by their column names;
    ``columns`` ({field: column}, ``--columns lat=Y,lon=X``) names the columns of any other table."""
    from .registry import event_reader

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if columns:
        from .tables import foreign_records

        records: list[Event | InvalidRecord] = foreign_records(path, columns=columns)
    else:
        records = event_reader(path)(path)
    events = [r for r in records if isinstance(r, Event)]
    problems = [r.problem for r in records if isinstance(r, InvalidRecord)]
    if problems and (skipped is None or not events):
        more = f" (and {len(problems) - 1:,} more bad records)" if len(problems) > 1 else ""
        raise InputError(problems[0] + more)
    if skipped is not None:
        skipped.extend(problems)
    return events


def read_events_dir(folder: str | Path, *, skipped: list[str] | None = None) -> list[Event]:
    """Events of every event file under a folder, in path order; for the output of ``geo batch``, its
    ``deduplicated.parquet`` (one row per event, every source listed)."""
    from .registry import event_file_suffixes

    folder = Path(folder)
    if (folder / "deduplicated.parquet").is_file():
        return read_events(folder / "deduplicated.parquet", skipped=skipped)
    suffixes = event_file_suffixes()
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes
                   and not p.name.startswith((".", "_")))
    if not files:
        raise InputError(f"{folder}: no event files ({', '.join(suffixes)}) inside")
    return [e for path in files for e in read_events(path, skipped=skipped)]
