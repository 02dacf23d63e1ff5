"""Other tools' event tables as rows: CSV with a header (comma, tab or semicolon), GDELT's header-less tab-separated
export, an ``.xlsx`` spreadsheet (ACLED's export), and the features of a GeoPackage, FlatGeobuf, GeoJSON or
GeoParquet file (their point geometry read as ``lat``/``lon``). :mod:`geo.formats.layouts` turns the rows into
events; :func:`foreign_records` does both.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError
from .layouts import Problem, canonical_row, gdelt_columns, layout_for

__all__ = ["feature_rows", "foreign_records", "sniff_gdelt", "table_rows"]

#: Suffixes read as features through pyogrio (GDAL), and as a spreadsheet.
FEATURE_SUFFIXES = (".gpkg", ".fgb")
SHEET_SUFFIXES = (".xlsx",)


def sniff_gdelt(first_line: str) -> int | None:
    """The GDELT version of a header-less export line (2: 61 tab-separated fields, 1: 57 or 58), else None.

    >>> sniff_gdelt("\\t".join(["410412347", "20150218"] + [""] * 59))
    2
    >>> sniff_gdelt("event_id_cnty,event_date") is None
    True
    """
    fields = first_line.rstrip("\r\n").split("\t")
    if not (fields[0].isdigit() and len(fields) > 1 and fields[1].isdigit() and len(fields[1]) == 8):
        return None
    return {61: 2, 58: 1, 57: 1}.get(len(fields))


def _text_rows(path: Path, text: str) -> tuple[list[str], Iterator[dict[str, Any]]]:
    first = text.split("\n", 1)[0]
    version = sniff_gdelt(first)
    if version is not None:
        names = gdelt_columns(version)
        if version == 1 and len(first.split("\t")) == 57:
            names = names[:-1]  # GDELT 1.0 before April 2013: no SOURCEURL
        reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
        return names, (dict(zip(names, r, strict=False)) for r in reader if r)
    delimiter = max(("\t", ";", ","), key=first.count) if first.count(",") == 0 else ","
    dict_reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    return [c for c in (dict_reader.fieldnames or []) if c is not None], iter(dict_reader)


def frame_rows(path: Path) -> tuple[list[str], Iterator[dict[str, Any]]]:
    import pyogrio

    try:
        if path.suffix.lower() in SHEET_SUFFIXES:
            frame = pyogrio.read_dataframe(path, HEADERS="FORCE", read_geometry=False)
        elif path.suffix.lower() == ".parquet":
            import geopandas

            frame = geopandas.read_parquet(path)
        else:
            frame = pyogrio.read_dataframe(path)
    except Exception as e:  # GDAL and pyarrow raise many types for a bad file
        reason = str(e).split(";")[0].strip()[:120]  # GDAL's first sentence: what it could not do
        raise InputError(f"{path}: not a readable {path.suffix.lstrip('.') or 'table'} file "
                         f"({type(e).__name__}: {reason})") from None
    geometry = frame.geometry if "geometry" in frame and hasattr(frame, "crs") else None
    if geometry is not None:
        if frame.crs is not None and frame.crs.to_epsg() != 4326:
            geometry = geometry.to_crs(4326)
        frame = frame.drop(columns="geometry")
    columns = [str(c) for c in frame.columns]
    lower = {c.lower() for c in columns}
    points = geometry is not None and not ({"lat", "latitude"} & lower)

    def rows() -> Iterator[dict[str, Any]]:
        for i, row in enumerate(frame.to_dict("records")):
            if points and geometry is not None:
                g = geometry.iloc[i]
                row["lat"], row["lon"] = ((g.y, g.x) if g is not None and not g.is_empty and g.geom_type == "Point"
                                          else (None, None))
            yield row

    return [*columns, "lat", "lon"] if points else columns, rows()


def feature_rows(features: list[Any]) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """The rows of GeoJSON features already read: their properties, and ``lat``/``lon`` from a point.

    >>> names, rows = feature_rows([{"properties": {"kind": "Riot"}, "geometry": {"type": "Point",
    ...                                                                        "coordinates": [37.1, 36.2]}}])
    >>> names, list(rows)
    (['kind', 'lat', 'lon'], [{'kind': 'Riot', 'lat': 36.2, 'lon': 37.1}])
    """
    names: dict[str, None] = {}
    out = []
    for f in features:
        props = dict(f.get("properties") or {}) if isinstance(f, dict) else {}
        names.update(dict.fromkeys(props))
        geom = f.get("geometry") if isinstance(f, dict) else None
        coords = geom.get("coordinates") if isinstance(geom, dict) and geom.get("type") == "Point" else None
        if isinstance(coords, list) and len(coords) >= 2 and "lat" not in props and "latitude" not in props:
            props["lat"], props["lon"] = coords[1], coords[0]
        out.append(props)
    columns = list(names)
    lower = {c.lower() for c in columns}
    return ([*columns, "lat", "lon"] if not {"lat", "latitude"} & lower else columns), iter(out)


def table_rows(path: Path, text: str | None = None) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """A table's column names and its rows (``text``: the file's text when the caller has read it)."""
    suffix = path.suffix.lower()
    if suffix in FEATURE_SUFFIXES + SHEET_SUFFIXES + (".parquet",):
        return frame_rows(path)
    if text is None:
        from .events import file_text

        text = file_text(path)
    return _text_rows(path, text)


def foreign_records(path: Path, *, columns: Mapping[str, str] | None = None, text: str | None = None,
                    rows: tuple[list[str], Iterator[dict[str, Any]]] | None = None) -> list[Any]:
    """Events (and :class:`~geo.formats.events.InvalidRecord` for the rows that are none) of another tool's table,
    by the layout its columns show or the ``columns`` mapping."""
    from .events import InvalidRecord, checked_record

    names, body = rows if rows is not None else table_rows(path, text)
    try:
        layout = layout_for(names, columns)
    except ValueError as e:
        raise InputError(f"{path}: {e}") from None
    framed = path.suffix.lower() in FEATURE_SUFFIXES + SHEET_SUFFIXES + (".parquet", ".geojson", ".json")
    header = framed or names == gdelt_columns(1)[:len(names)] or names == gdelt_columns(2)
    out: list[Any] = []
    for i, row in enumerate(body, 1 if header else 2):  # a CSV's first row is on its line 2
        where = f"{path} row {i}" if framed else f"{path}:{i}"
        record = layout.convert(canonical_row(layout, row), where)
        out.append(InvalidRecord(record.problem) if isinstance(record, Problem) else checked_record(record, where))
    return out
