"""How events look: one colour and one shape per ACLED event type (colours from the Okabe-Ito palette, legible
for colour-blind readers; the shape alone tells the types apart), marker size by fatalities, and basemap tiles."""
from __future__ import annotations

from typing import Any, NamedTuple

from geo.errors import GeoError
from geo.taxonomy import EVENT_TYPES

from .escape import html_text

__all__ = ["EVENT_STYLES", "SIZE_SCALE", "TILES", "TileSpec", "UnknownTilesError", "resolve_tiles", "type_index"]

#: In the order of ACLED's codebook; index = the type's number in the page's data block.
EVENT_STYLES: tuple[dict[str, str], ...] = (
    {"name": "Battles", "colour": "#D55E00", "shape": "square"},
    {"name": "Explosions/Remote violence", "colour": "#E69F00", "shape": "star"},
    {"name": "Violence against civilians", "colour": "#CC79A7", "shape": "triangle"},
    {"name": "Protests", "colour": "#0072B2", "shape": "circle"},
    {"name": "Riots", "colour": "#56B4E9", "shape": "diamond"},
    {"name": "Strategic developments", "colour": "#009E73", "shape": "hexagon"},
)
assert [s["name"] for s in EVENT_STYLES] == list(EVENT_TYPES)

#: Marker size (pixels) by the lowest reported number of deaths.
SIZE_SCALE: tuple[dict[str, Any], ...] = (
    {"min": 0, "size": 13, "label": "0"},
    {"min": 1, "size": 17, "label": "1–9"},
    {"min": 10, "size": 22, "label": "10–99"},
    {"min": 100, "size": 29, "label": "100+"},
)


def type_index(event_type: str) -> int | None:
    for i, style in enumerate(EVENT_STYLES):
        if style["name"] == event_type:
            return i
    return None


class TileSpec(NamedTuple):
    name: str
    url: str
    attribution: str
    max_zoom: int = 19


class UnknownTilesError(GeoError, ValueError):
    """A --tiles value that is neither a known basemap nor a tile URL."""


TILES: dict[str, TileSpec] = {
    "cartodb-positron": TileSpec(
        "CartoDB Positron", "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors &copy; '
        '<a href="https://carto.com/attributions">CARTO</a>', 20),
    "osm": TileSpec(
        "OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
}


def resolve_tiles(spec: str) -> TileSpec | None:
    """A basemap by name (``cartodb-positron``, ``osm``), a tile URL template, or None for ``none``."""
    key = spec.strip().lower()
    if key == "none":
        return None
    if key in TILES:
        return TILES[key]
    if spec.startswith(("https://", "http://")) and all(p in spec for p in ("{z}", "{x}", "{y}")):
        return TileSpec("Custom tiles", spec, "Tiles: " + html_text(spec.split("/")[2]))  # the host, as text
    raise UnknownTilesError(f"unknown tiles {spec!r}; choose {', '.join([*TILES, 'none'])} or a URL with "
                            "{z}/{x}/{y}")
