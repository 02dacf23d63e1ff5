"""Gazetteer entries out, as ``geo gazetteer list/search/show`` print them: JSON (every field), GeoJSON and a
flat CSV with ids. (``geo gazetteer export`` writes the gazetteer's own import format instead:
:func:`gazetteer.write_entries`.)"""
from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import IO, Any

from gazetteer import Place
from gazetteer.files import feature_collection, point_feature, spreadsheet_cell

__all__ = ["ENTRY_COLUMNS", "entry_row", "write_csv", "write_geojson", "write_json"]

#: The columns of the flat form (CSV, the terminal table).
ENTRY_COLUMNS = ("id", "name", "lat", "lon", "country", "admin1", "feature_code", "population", "source", "aliases")


def entry_row(p: Place) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country_code,
            "admin1": p.admin1, "feature_code": p.feature_code, "population": p.population, "source": p.source,
            "aliases": "|".join(p.aliases)}


def write_json(places: Sequence[Place], out: IO[str]) -> None:
    out.write(json.dumps([p.to_dict() for p in places], ensure_ascii=False, indent=1) + "\n")


def write_geojson(places: Sequence[Place], out: IO[str]) -> None:
    out.write(json.dumps(feature_collection(
        point_feature(p.lat, p.lon, {k: v for k, v in p.to_dict().items() if k not in ("lat", "lon")})
        for p in places), ensure_ascii=False) + "\n")


def write_csv(places: Sequence[Place], out: IO[str], *, raw_csv: bool = False) -> None:
    """Entries as CSV rows, formula-like cells made text unless ``raw_csv`` (see ``gazetteer.spreadsheet_cell``)."""
    writer = csv.DictWriter(out, fieldnames=list(ENTRY_COLUMNS) if places else ["id", "name"])
    writer.writeheader()
    writer.writerows(entry_row(p) if raw_csv else {k: spreadsheet_cell(v) for k, v in entry_row(p).items()}
                     for p in places)
