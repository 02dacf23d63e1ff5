"""The labelled offline basemap: Natural Earth vector tiles (``maps/data/basemap.mbtiles``, built by
``scripts/make_vector_basemap.py``) chosen for one map and embedded in its page, drawn there by the vendored
protomaps-leaflet (labels placed on a canvas, collision-free).

A page carries the whole world to zoom :data:`WORLD_ZOOM` and the deeper zooms only around its events (their
bounding box and a margin of tiles at each zoom), so a one-country story costs a few hundred KB rather than the
8 MB of the world at every zoom. MBTiles is SQLite: Python's own sqlite3 reads it, with no other package.

>>> tile_range(36.2, 37.16, 36.2, 37.16, 7, margin=0)
(77, 50, 77, 50)
"""
from __future__ import annotations

import base64
import importlib.resources
import math
import sqlite3
from functools import lru_cache
from typing import Any

__all__ = ["ATTRIBUTION", "MAX_ZOOM", "WORLD_ZOOM", "dense_bounds", "tile_range", "vector_basemap"]

#: The deepest zoom the tiles hold (1:10m data honours about this); the map may zoom two further, drawn from it.
MAX_ZOOM = 7
#: Zooms embedded for the whole world in every page.
WORLD_ZOOM = 4
#: At most this many tiles per zoom around the events (a map of the whole world stops at the zoom it reaches).
MAX_TILES_PER_ZOOM = 160
ATTRIBUTION = "Made with Natural Earth (public domain)"


def _tile_xy(lat: float, lon: float, z: int) -> tuple[int, int]:
    n = 1 << z
    lat = max(-85.0511, min(85.0511, lat))
    x = int((lon + 180.0) / 360.0 * n)
    y = int((1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n)
    return min(n - 1, max(0, x)), min(n - 1, max(0, y))


def tile_range(south: float, west: float, north: float, east: float, z: int, *, margin: int = 2
               ) -> tuple[int, int, int, int]:
    """Tiles (x0, y0, x1, y1) at zoom ``z`` that cover a bounding box, ``margin`` tiles more on each side."""
    x0, y0 = _tile_xy(north, west, z)
    x1, y1 = _tile_xy(south, east, z)
    last = (1 << z) - 1
    return max(0, x0 - margin), max(0, y0 - margin), min(last, x1 + margin), min(last, y1 + margin)


def dense_bounds(points: list[tuple[float, float]], *, cell: float = 5.0) -> tuple[float, float, float, float] | None:
    """South, west, north, east of where most points are: the grid cell of ``cell`` degrees holding the most,
    with its neighbours (one event in Washington does not stretch a map of Syria to the Atlantic).

    >>> dense_bounds([(36.2, 37.1), (35.9, 36.6), (36.5, 37.3), (38.9, -77.0)])
    (35.9, 36.6, 36.5, 37.3)
    """
    if not points:
        return None
    counts: dict[tuple[int, int], int] = {}
    for lat, lon in points:
        key = (math.floor(lat / cell), math.floor(lon / cell))
        counts[key] = counts.get(key, 0) + 1
    best = max(counts, key=lambda k: counts[k])  # the first of equals: dicts keep their order
    near = [(lat, lon) for lat, lon in points if abs(math.floor(lat / cell) - best[0]) <= 1
            and abs(math.floor(lon / cell) - best[1]) <= 1]
    return (min(p[0] for p in near), min(p[1] for p in near), max(p[0] for p in near), max(p[1] for p in near))


@lru_cache(maxsize=1)
def _connection() -> sqlite3.Connection:
    path = importlib.resources.files("maps").joinpath("data/basemap.mbtiles")
    with importlib.resources.as_file(path) as real:
        return sqlite3.connect(f"file:{real}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def _tiles(z: int, x0: int, y0: int, x1: int, y1: int) -> dict[str, str]:
    n = 1 << z
    rows = _connection().execute(
        "SELECT tile_column, tile_row, tile_data FROM tiles WHERE zoom_level = ? AND tile_column BETWEEN ? AND ? "
        "AND tile_row BETWEEN ? AND ?", (z, x0, x1, n - 1 - y1, n - 1 - y0))
    # MBTiles counts rows from the south (TMS); the page asks by XYZ
    return {f"{z}/{x}/{n - 1 - row}": base64.b64encode(data).decode("ascii") for x, row, data in rows}


def vector_basemap(bounds: tuple[float, float, float, float] | None) -> dict[str, Any]:
    """The page's basemap: gzip-compressed vector tiles by ``z/x/y`` (base64), the deepest zoom they reach around
    ``bounds`` (south, west, north, east of the events; None: the world only) and the attribution."""
    tiles: dict[str, str] = {}
    for z in range(WORLD_ZOOM + 1):
        tiles.update(_tiles(z, 0, 0, (1 << z) - 1, (1 << z) - 1))
    deepest = WORLD_ZOOM
    if bounds is not None:
        for z in range(WORLD_ZOOM + 1, MAX_ZOOM + 1):
            x0, y0, x1, y1 = tile_range(*bounds, z, margin=3)  # a view is about five tiles wide
            if (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES_PER_ZOOM:
                break
            tiles.update(_tiles(z, x0, y0, x1, y1))
            deepest = z
    return {"tiles": tiles, "maxDataZoom": deepest, "attribution": ATTRIBUTION}
