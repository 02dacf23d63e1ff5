#!/usr/bin/env python3
"""Derive ``gazetteer/data/features.tsv``: seas, rivers, lakes, ranges, islands, deserts, summits and disputed
areas from Natural Earth 4.0 (public domain), the kinds of place news names that GeoNames' populated places lack.

One row per feature:

    id  name  alternates  lat  lon  feature_class  feature_code  country_code  scalerank

- **Names.** Natural Earth's name and alternate name, abbreviations spelled out (``Ural Mts.`` -> ``Ural
  Mountains``, ``Kuril Is.`` -> ``Kuril Islands``, ``W. Sahara`` -> ``Western Sahara``), all-capital names in
  title case (``ARCTIC OCEAN``). Rivers lack the word "River" in Natural Earth (``Neches``, ``Cauvery``), so a
  river is written ``Neches River`` with ``River Neches`` beside it, and the bare ``Neches`` (what ``the Neches``
  normalises to) only when it is not an English word (no bare ``Red``, ``Snake`` or ``White``: text must say
  ``Red River``). Seas and oceans get their bare name on the same terms (``Tyrrhenian``); lakes named bare in
  Natural Earth (``Egridir``) get ``Lake Egridir``.
- **Points.** GeoNames puts a river at its mouth (Cauvery: 11.14,79.86 on the Bay of Bengal), and Natural
  Earth draws rivers downstream, so a river sits at the last point of the line of its name that flows into no
  other line of that name (``Red`` is two rivers, one into Lake Winnipeg and one into the Mississippi:
  segments are joined where they touch, and each joined river is a row). An area (sea, lake, island, range,
  desert) sits at its centroid when that lies inside it, else at a point inside it (a bay's centroid can lie on
  land); the centroid of the largest part for islands and archipelagos. Summits, capes and islands given as
  points keep their point.
- **Country**: the country (ISO code, from ``ne_50m_admin_0_countries``) the point lies in, else the nearest
  within 25 km (a river mouth on the coast), else none (open sea).
- **scalerank**: Natural Earth's importance (0 the most: oceans, the Nile), which the stock build turns into
  a prior.

Run it only to refresh the table (reads ``../shared/naturalearth``; needs shapely, a runtime dependency):
    python scripts/make_features.py ../shared/naturalearth gazetteer/data/features.tsv
"""
from __future__ import annotations

import collections
import csv
import gzip
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import Point, shape
from shapely.strtree import STRtree

#: Natural Earth classes -> (GeoNames feature class, feature code); classes not listed are left out.
MARINE = {"ocean": ("H", "OCN"), "sea": ("H", "SEA"), "gulf": ("H", "GULF"), "bay": ("H", "BAY"),
          "strait": ("H", "STRT"), "sound": ("H", "SD"), "channel": ("H", "CHN"), "lagoon": ("H", "LGN"),
          "fjord": ("H", "FJD"), "inlet": ("H", "INLT"), "reef": ("H", "RF"), "river": ("H", "STM")}
REGIONS = {"Island": ("T", "ISL"), "Island group": ("T", "ISLS"), "Range/mtn": ("T", "MTS"),
           "Plateau": ("T", "PLAT"), "Desert": ("T", "DSRT"), "Pen/cape": ("T", "PEN"), "Peninsula": ("T", "PEN"),
           "Geoarea": ("L", "RGN"), "Coast": ("L", "CST"), "Plain": ("T", "PLN"), "Delta": ("T", "DLTA"),
           "Basin": ("T", "BSNU"), "Valley": ("T", "VAL"), "Lowland": ("T", "PLN"), "Tundra": ("L", "RGN"),
           "Isthmus": ("T", "ISTH"), "Wetlands": ("H", "WTLD"), "Gorge": ("T", "GRGE"), "Foothills": ("T", "HLLS"),
           "Depression": ("T", "DPR")}
REGION_POINTS = {"island": ("T", "ISL"), "island group": ("T", "ISLS"), "cape": ("T", "CAPE"),
                 "waterfall": ("H", "FLLS"), "plain": ("T", "PLN")}
ELEVATIONS = {"mountain": ("T", "MT"), "depression": ("T", "DPR"), "plateau": ("T", "PLAT"), "pass": ("T", "PASS")}
LAKES = {"Lake": ("H", "LK"), "Alkaline Lake": ("H", "LK"), "Reservoir": ("H", "RSV")}
DISPUTED = ("Admin-0 breakaway and disputed", "Admin-0 indeterminant", "Admin-0 claim area")

#: Natural Earth's abbreviations, spelled out (``Ural Mts.``, ``Kuril Is.``, ``W. Sahara``).
_ABBREVIATIONS = [(re.compile(p), r) for p, r in (
    (r"\bMts?\.(?=\s|$)", "Mountains"), (r"\bIs\.(?=\s|$)", "Islands"), (r"\bI\.(?=\s|$)", "Island"),
    (r"\bRa\.(?=\s|$)", "Range"), (r"\bPen\.(?=\s|$)", "Peninsula"), (r"\bPlat\.(?=\s|$)", "Plateau"),
    (r"\bDes\.(?=\s|$)", "Desert"), (r"^N\.\s", "North "), (r"^S\.\s(?=[A-Z])", "South "), (r"^W\.\s", "Western "),
    (r"^E\.\s", "East "), (r"\bSt\.\s", "Saint "), (r"\bMt\.\s", "Mount "), (r"^C\.\s", "Cape "),
    (r"\bÎ\.\s", "Île "), (r"\bI\.\s(?=[a-z])", "Isla "))]
_DESIGNATED = re.compile(r"\s+(Sea|Ocean)$")


def _features(folder: Path, name: str) -> list[dict[str, Any]]:
    with gzip.open(folder / f"{name}.json.gz", "rt", encoding="utf-8") as f:
        features: list[dict[str, Any]] = json.load(f)["features"]
    return features


def spelled_out(name: str) -> str:
    """A Natural Earth name with its abbreviations spelled out and capitals in title case.

    >>> spelled_out("Ural Mts."), spelled_out("Kuril Is."), spelled_out("W. Sahara"), spelled_out("ARCTIC OCEAN")
    ('Ural Mountains', 'Kuril Islands', 'Western Sahara', 'Arctic Ocean')
    """
    name = " ".join(name.split())
    if name.isupper():
        name = name.title()
    for pattern, replacement in _ABBREVIATIONS:
        name = pattern.sub(replacement, name)
    return name


def _english() -> frozenset[str]:
    text = Path(__file__).resolve().parent.parent.joinpath("geo", "data", "english.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip())


def _point_of(geom: Any) -> tuple[float, float]:
    """(lat, lon) of an area: its centroid when inside it (the Mediterranean's two basins together), else a point
    inside its largest part (a crescent bay, an archipelago)."""
    c = geom.centroid
    if not geom.contains(c):
        if geom.geom_type == "MultiPolygon":
            geom = max(geom.geoms, key=lambda g: g.area)
        c = geom.centroid if geom.contains(geom.centroid) else geom.representative_point()
    return round(c.y, 4), round(c.x, 4)


def _clusters(geoms: list[Any], within: float) -> list[list[int]]:
    """Indices of geometries grouped by nearness (two within ``within`` degrees are one feature)."""
    parent = list(range(len(geoms)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tree = STRtree(geoms)
    for i, g in enumerate(geoms):
        for j in tree.query(g, predicate="dwithin", distance=within):
            parent[find(int(j))] = find(i)
    out: dict[int, list[int]] = collections.defaultdict(list)
    for i in range(len(geoms)):
        out[find(i)].append(i)
    return list(out.values())


class Countries:
    """Point -> ISO code of the country it lies in (or the nearest within 25 km)."""

    def __init__(self, folder: Path) -> None:
        self.codes: list[str] = []
        geoms = []
        for f in _features(folder, "ne_50m_admin_0_countries"):
            p = f["properties"]
            code = p.get("ISO_A2") if p.get("ISO_A2") not in (None, "-99") else p.get("ISO_A2_EH")
            if code in (None, "-99"):
                continue
            self.codes.append(code)
            geoms.append(shape(f["geometry"]))
        self.geoms = geoms
        self.tree = STRtree(geoms)

    def at(self, lat: float, lon: float) -> str:
        pt = Point(lon, lat)
        for i in self.tree.query(pt, predicate="intersects"):
            return self.codes[int(i)]
        i = self.tree.nearest(pt)
        if i is not None and self.geoms[int(i)].distance(pt) < 0.25:  # degrees: about 25 km
            return self.codes[int(i)]
        return ""


class Outlets:
    """Where a river can end: on the coast (``ne_10m_land``'s outline) or on a line of another name (a tributary
    into the river it feeds, unnamed lines excepted)."""

    def __init__(self, folder: Path, lines: list[tuple[str, Any]]) -> None:
        land = [shape(f["geometry"]) for f in _features(folder, "ne_10m_land")]
        self.coast = STRtree([g.boundary for g in land])
        self.names = [n for n, _ in lines]
        self.lines = STRtree([g for _, g in lines])

    def at(self, name: str, x: float, y: float) -> bool:
        pt = Point(x, y)
        if len(self.coast.query(pt, predicate="dwithin", distance=0.25)):
            return True
        return any(self.names[int(i)] != name for i in self.lines.query(pt, predicate="dwithin", distance=0.05))


def _rivers(folder: Path) -> Iterator[tuple[str, list[list[tuple[float, float]]], float]]:
    """(name, lines, scalerank) of every named river, one per joined system of touching segments."""
    by_name: dict[str, list[tuple[list[tuple[float, float]], float]]] = collections.defaultdict(list)
    for layer in ("ne_10m_rivers_lake_centerlines", "ne_10m_rivers_europe", "ne_10m_rivers_north_america"):
        for f in _features(folder, layer):
            p = f["properties"]
            name = p.get("name_en") or p.get("name")
            if not name or f["geometry"] is None:
                continue
            g = f["geometry"]
            parts = [g["coordinates"]] if g["type"] == "LineString" else g["coordinates"]
            for part in parts:
                if len(part) > 1:
                    by_name[name].append(([(float(x), float(y)) for x, y in part], float(p.get("scalerank") or 10)))
    for name, lines in by_name.items():
        yield from _systems(name, lines)


def _systems(name: str, lines: list[tuple[list[tuple[float, float]], float]]
             ) -> Iterator[tuple[str, list[list[tuple[float, float]]], float]]:
    """Join segments of one name less than 2.5 degrees apart into a river system: the Dnieper's segments between
    its reservoirs (named after the dams) are one river, and two rivers called Red are two rows."""
    geoms = [shapely.linestrings(c) for c, _ in lines]
    for members in _clusters(geoms, 2.5):
        yield name, [lines[i][0] for i in members], min(lines[i][1] for i in members)


def mouth(lines: list[list[tuple[float, float]]], outlet: Any = None) -> tuple[float, float]:
    """(lat, lon) of a river's mouth: of the ends of the system (segment ends and starts that touch no other
    segment), one where it can flow out (``outlet(x, y)``: the coast, another river) - Natural Earth mostly draws
    rivers downstream, so a segment's end before its start; of several, the one farthest from where any other
    segment starts (the end above a dam is close to where the river starts again below it).

    >>> mouth([[(0.0, 0.0), (1.0, 0.0)], [(1.2, 0.0), (3.0, 1.0)]])
    (1.0, 3.0)
    >>> mouth([[(3.0, 1.0), (1.2, 0.0)]], lambda x, y: x == 1.2)  # drawn upstream, ends on the coast
    (0.0, 1.2)
    """
    geoms = [shapely.linestrings(c) for c in lines]

    def free(pt: tuple[float, float], i: int) -> bool:
        return not any(j != i and g.distance(Point(pt)) < 0.05 for j, g in enumerate(geoms))

    def apart(pt: tuple[float, float], i: int) -> float:
        return min((Point(pt).distance(Point(c[0])) for j, c in enumerate(lines) if j != i), default=0.0)

    ends = [(c[-1], i, 1) for i, c in enumerate(lines) if free(c[-1], i)]
    starts = [(c[0], i, 0) for i, c in enumerate(lines) if free(c[0], i)]
    found = [e for e in ends + starts if outlet is not None and outlet(*e[0])] or ends or [
        (c[-1], i, 1) for i, c in enumerate(lines)]
    (x, y), _, _ = max(found, key=lambda e: (e[2], apart(e[0], e[1]), geoms[e[1]].length))
    return round(y, 4), round(x, 4)


Area = tuple[str, list[str], Any, str, str, float]  # layer, alternates, geometry, class, code, scalerank


def _areas(folder: Path, english: frozenset[str]) -> Iterator[tuple[str, Area]]:
    """(name, area) of every named polygon: seas, lakes, ranges, islands, deserts, disputed areas."""
    for f in _features(folder, "ne_10m_geography_marine_polys"):
        p = f["properties"]
        if p["featurecla"] not in MARINE or not p.get("name"):
            continue
        name = spelled_out(p["name"])
        alts = [spelled_out(p["namealt"])] if p.get("namealt") else []
        m = _DESIGNATED.search(name)
        if m and name[:m.start()].lower() not in english and " " not in name[:m.start()]:
            alts.append(name[:m.start()])  # "the Tyrrhenian"
        yield name, ("marine", alts, shape(f["geometry"]), *MARINE[p["featurecla"]], p.get("scalerank") or 0)
    for f in _features(folder, "ne_10m_geography_regions_polys"):
        p = f["properties"]
        if p["featurecla"] in REGIONS and p.get("name"):
            alts = [spelled_out(p["namealt"])] if p.get("namealt") else []
            yield spelled_out(p["name"]), ("regions", alts, shape(f["geometry"]), *REGIONS[p["featurecla"]],
                                           p.get("scalerank") or 0)
    for f in _features(folder, "ne_10m_lakes"):
        p = f["properties"]
        if p["featurecla"] not in LAKES or not p.get("name") or f["geometry"] is None:
            continue
        name = spelled_out(p["name"])
        alts = [spelled_out(p["name_alt"])] if p.get("name_alt") else []
        if p["featurecla"] != "Reservoir" and not re.search(r"\b(Lake|Lac|Lago|Ozero|Nur|Reservoir)\b", name):
            alts.append(f"Lake {name}")
        yield name, ("lakes", alts, shape(f["geometry"]), *LAKES[p["featurecla"]], p.get("scalerank") or 0)
    for f in _features(folder, "ne_10m_admin_0_disputed_areas"):
        p = f["properties"]
        if p["featurecla"] not in DISPUTED:
            continue
        name = spelled_out(p["BRK_NAME"])
        if p["featurecla"] == "Admin-0 claim area" and name in (p["SOVEREIGNT"], p["ADMIN"]):
            continue  # the claimant's own name ("India" for Arunachal Pradesh) is not the area's
        alts = sorted({spelled_out(a) for a in (p["NAME_LONG"], p["NAME"]) if a} - {name, p["SOVEREIGNT"]})
        yield name, ("disputed", alts, shape(f["geometry"]), "A", "RGNP", p.get("scalerank") or 0)


def rows(folder: Path, curated: set[str]) -> Iterator[dict[str, Any]]:
    """Every feature as a row (see the module docstring); names in ``curated`` are left to the curated table."""
    english = _english()
    countries = Countries(folder)

    def row(layer: str, name: str, alternates: list[str], lat: float, lon: float, fcl: str, fco: str,
            rank: float) -> dict[str, Any]:
        return {"name": name, "alternates": alternates, "lat": lat, "lon": lon, "feature_class": fcl,
                "feature_code": fco, "country_code": countries.at(lat, lon), "scalerank": int(rank), "layer": layer}

    by_name: dict[tuple[str, str], list[Area]] = collections.defaultdict(list)
    for name, area in _areas(folder, english):
        if name not in curated:
            by_name[(name, area[4])].append(area)
    for (name, _), areas in by_name.items():
        # parts of one feature (the Mediterranean's two basins) are one row; namesakes far apart are two
        for members in _clusters([a[2] for a in areas], 0.5):
            layer, _, _, fcl, fco, _ = areas[members[0]]
            geom = shapely.union_all([areas[i][2] for i in members])
            alts = sorted({alt for i in members for alt in areas[i][1]} - curated)  # not "Great Lakes" for Erie
            yield row(layer, name, alts, *_point_of(geom), fcl, fco, min(areas[i][5] for i in members))
    for layer, table in (("ne_10m_geography_regions_points", REGION_POINTS),
                         ("ne_10m_geography_regions_elevation_points", ELEVATIONS)):
        for f in _features(folder, layer):
            p = f["properties"]
            if p["featurecla"] not in table or not p.get("name") or spelled_out(p["name"]) in curated:
                continue
            alts = [spelled_out(p["name_alt"])] if p.get("name_alt") else []
            yield row("points", spelled_out(p["name"]), alts, round(float(p["lat_y"]), 4),
                      round(float(p["long_x"]), 4), *table[p["featurecla"]], p.get("scalerank") or 0)
    systems = list(_rivers(folder))
    outlets = Outlets(folder, [(n, shapely.linestrings(c)) for n, ls, _ in systems for c in ls])
    for name, lines, rank in systems:
        at = outlets.at
        lat, lon = mouth(lines, lambda x, y, name=name, at=at: at(name, x, y))  # type: ignore[misc]
        name = spelled_out(name)
        if re.search(r"\b(Delta|Canal|Lake)\b", name) or sum(ch.isalpha() for ch in name) < 3:
            continue  # "N." is a river in Natural Earth, and a letter in "H1N1"
        has_word = re.search(r"\b(River|Creek|Rio|Río|Rivière)\b", name)
        full = name if has_word else f"{name} River"
        if full in curated:
            continue
        alts = [] if has_word else [f"River {name}"]
        if not has_word and name.lower() not in english and rank <= 8:
            alts.append(name)  # "the Cauvery"; not "MacDonald" (a surname more often than a small river)
        yield row("rivers", full, alts, lat, lon, "H", "STM", rank)


def _curated_names(path: Path) -> set[str]:
    """Names the curated table (``regions.tsv``) places itself."""
    if not path.exists():
        return set()
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return {r["name"] for r in csv.DictReader(lines, delimiter="\t")}


def main() -> None:
    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows(folder, _curated_names(out.with_name("regions.tsv"))):
        key = (r["name"], r["feature_code"])
        old = seen.get(key)
        # one row per name and kind unless far apart (two Red Rivers; but one Danube in two layers)
        if old is not None and abs(old["lat"] - r["lat"]) + abs(old["lon"] - r["lon"]) < 2:
            if r["scalerank"] < old["scalerank"]:
                seen[key] = {**r, "alternates": sorted(set(r["alternates"]) | set(old["alternates"]))}
            continue
        seen[key if old is None else (r["name"], f"{r['feature_code']}:{r['lat']},{r['lon']}")] = r
    lines = ["# Natural Earth 4.0 (public domain) physical and disputed features; made by scripts/make_features.py",
             "id\tname\talternates\tlat\tlon\tfeature_class\tfeature_code\tcountry_code\tscalerank"]
    ids: collections.Counter[str] = collections.Counter()
    # the most important of namesakes gets the plain id (``ne:stm:thames-river``), the others their country's
    # code (``ne:stm:thames-river-ca``): stable ids the curated aliases can name
    for r in sorted(seen.values(), key=lambda r: (r["layer"], r["name"], r["scalerank"], r["lat"], r["lon"])):
        alts = "|".join(a for a in dict.fromkeys(r["alternates"]) if a and a != r["name"])
        slug = re.sub(r"[^a-z0-9]+", "-", r["name"].lower()).strip("-") or "x"
        base = f"ne:{r['feature_code'].lower()}:{slug}"
        ids[base] += 1
        pid = base if ids[base] == 1 else f"{base}-{(r['country_code'] or 'xx').lower()}"
        ids[pid] += 1 if pid != base else 0
        if pid != base and ids[pid] > 1:
            pid = f"{pid}-{ids[pid]}"
        lines.append(f"{pid}\t{r['name']}\t{alts}\t{r['lat']}\t{r['lon']}\t{r['feature_class']}\t"
                     f"{r['feature_code']}\t{r['country_code']}\t{r['scalerank']}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(lines) - 2} features")


if __name__ == "__main__":
    main()
