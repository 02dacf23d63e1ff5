#!/usr/bin/env python3
"""Write maps/data/countries.geojson: simplified country outlines for the offline vector basemap.

    python scripts/make_basemap.py [--tolerance 0.05]

Source: the country polygons shipped in the countryinfo package (the same data the gazetteer uses for country
points). Outlines are simplified with shapely (topology-preserving, in degrees), tiny islands dropped, and
coordinates rounded to 2 decimals (about 1 km), which keeps the file a few hundred kilobytes.
"""
from __future__ import annotations

import argparse
import importlib.resources
import json
from pathlib import Path

from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

OUT = Path(__file__).resolve().parent.parent / "maps" / "data" / "countries.geojson"


def _round(obj: object) -> object:
    if isinstance(obj, float):
        return round(obj, 2)
    if isinstance(obj, list | tuple):
        return [_round(x) for x in obj]
    return obj


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tolerance", type=float, default=0.05)
    ap.add_argument("--min-area", type=float, default=0.02, help="drop polygons smaller than this (square degrees)")
    args = ap.parse_args()
    features = []
    folder = importlib.resources.files("countryinfo").joinpath("data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        info = json.loads(entry.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        feats = (info.get("geoJSON") or {}).get("features") or []
        if not iso or not feats or not feats[0].get("geometry"):
            continue
        geom: BaseGeometry = shape(feats[0]["geometry"]).simplify(args.tolerance, preserve_topology=True)
        parts = [p for p in getattr(geom, "geoms", [geom]) if p.area >= args.min_area]
        if not parts:
            parts = [max(getattr(geom, "geoms", [geom]), key=lambda p: p.area)]
        geo = mapping(parts[0]) if len(parts) == 1 else {
            "type": "MultiPolygon", "coordinates": [mapping(p)["coordinates"] for p in parts]}
        features.append({"type": "Feature", "properties": {"iso": iso, "name": info.get("name", iso)},
                         "geometry": {"type": geo["type"], "coordinates": _round(geo["coordinates"])}})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")),
                   encoding="utf-8")
    print(f"{OUT}: {len(features)} countries, {OUT.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
