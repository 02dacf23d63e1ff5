"""``render``: events (and the places a text names) on a layered Leaflet map, as a ``folium.Map`` to keep
customising or to save as one self-contained HTML file."""
from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from geo.model import Event, Mention

from .assets import MAP_ASSETS, inline
from .basemap import dense_bounds, vector_basemap
from .data import MapData, data_block, prepare
from .escape import html_text, json_for_script
from .style import EVENT_STYLES, SIZE_SCALE, resolve_tiles

__all__ = ["EventLayer", "ReportMap", "View", "parse_bbox", "parse_view", "render", "save"]

#: With more events than this, markers are clustered unless the caller says otherwise.
AUTO_CLUSTER = 200


class _Raw(Element):
    """Text put into the page as it is (already made safe by its producer; never a Jinja template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class _Page(Figure):
    """The map's page, with a tail after its script: data the first drawing does not need (a packed map's evidence
    texts, 40 MB for a million events) goes there, so the browser runs the map before it parses that."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.tail: list[str] = []

    def render(self, **kwargs: Any) -> str:
        self.tail = []
        page = str(super().render(**kwargs))
        if not self.tail:
            return page
        end = page.rindex("</html>")
        return page[:end] + "".join(self.tail) + "\n" + page[end:]


class ReportMap(folium.Map):
    """A folium Map whose Leaflet code is inlined from Python packages instead of linked from CDNs."""

    default_js: list[tuple[str, str]] = []  # noqa: RUF012 - folium reads these class attributes
    default_css: list[tuple[str, str]] = []  # noqa: RUF012
    skipped: Counter[str]
    event_count: int
    place_count: int

    def render(self, **kwargs: Any) -> Any:
        figure = self.get_root()
        assert isinstance(figure, Figure)
        names = list(MAP_ASSETS)
        if any(not isinstance(c, (EventLayer, folium.TileLayer)) for c in self._children.values()):
            # what a caller added with folium (folium.Marker(popup=...) once threw "$ is not defined")
            names.insert(names.index("leaflet_js") + 1, "jquery_js")
        for name in names:
            figure.header.add_child(_Raw(inline(name)), name=f"reportmap_{name}")
        return super().render(**kwargs)  # type: ignore[no-untyped-call]

    def _repr_html_(self, **kwargs: Any) -> str:  # Jupyter: the same self-contained page in an iframe
        return str(super()._repr_html_(**kwargs))


class EventLayer(MacroElement):
    """The events and places, drawn in the browser from one JSON data block by ``reportmap.js``."""

    _template = Template("""
{% macro script(this, kwargs) %}
    ReportMap.render({{ this._parent.get_name() }}, {{ this.config_json }},
                     document.getElementById({{ this.data_id_json }}));
{% endmacro %}
""")

    def __init__(self, data: MapData, config: dict[str, Any]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "EventLayer"
        self.data = data
        self.data_id = f"reportmap-data-{uuid.uuid4().hex[:12]}"
        self.data_id_json = json.dumps(self.data_id)
        self.config_json = json_for_script(config)

    def render(self, **kwargs: Any) -> Any:
        text, encoding, texts = data_block(self.data)
        figure = self.get_root()
        assert isinstance(figure, Figure)
        figure.html.add_child(_Raw(
            f'<script type="application/json" id="{self.data_id}" data-encoding="{encoding}">{text}</script>'),
            name=self.data_id)
        if texts:  # the evidence texts of a packed block, inflated when a popup or a search first needs them
            element = (f'<script type="application/octet-stream" id="{self.data_id}-texts" '
                       f'data-encoding="{encoding}">{texts}</script>')
            if isinstance(figure, _Page):
                figure.tail.append(element)
            else:  # a caller's own Figure
                figure.html.add_child(_Raw(element), name=self.data_id + "-texts")
        return super().render(**kwargs)  # type: ignore[no-untyped-call]


#: The author's first view: ("center", lat, lon, zoom) or ("bbox", south, west, north, east).
View = tuple[str, float, float, float] | tuple[str, float, float, float, float]


def parse_view(text: str) -> View:
    """``--view LAT,LON,ZOOM``.

    >>> parse_view("36.2, 37.1, 7")
    ('center', 36.2, 37.1, 7.0)
    """
    parts = _numbers(text, 3, "--view LAT,LON,ZOOM")
    lat, lon, zoom = parts
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= zoom <= 19):
        raise ValueError(f"--view {text!r}: latitude -90..90, longitude -180..180, zoom 0..19")
    return ("center", lat, lon, zoom)


def parse_bbox(text: str) -> View:
    """``--bbox WEST,SOUTH,EAST,NORTH`` (the order of GeoJSON and of most GIS tools).

    >>> parse_bbox("35.5,32.5,42.5,37.5")
    ('bbox', 32.5, 35.5, 37.5, 42.5)
    """
    west, south, east, north = _numbers(text, 4, "--bbox WEST,SOUTH,EAST,NORTH")
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise ValueError(f"--bbox {text!r}: WEST < EAST within -180..180 and SOUTH < NORTH within -90..90")
    return ("bbox", south, west, north, east)


def _numbers(text: str, count: int, form: str) -> list[float]:
    import math

    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        raise ValueError(f"{text!r} is not {form}") from None
    if len(values) != count or not all(math.isfinite(v) for v in values):
        raise ValueError(f"{text!r} is not {form}")
    return values


def _view_config(view: View | None) -> dict[str, Any] | None:
    if view is None:
        return None
    if view[0] == "center":
        return {"center": [view[1], view[2]], "zoom": view[3]}
    return {"bbox": list(view[1:])}


def _view_bounds(view: View) -> tuple[float, float, float, float]:
    if view[0] == "bbox":
        return view[1], view[2], view[3], view[4]  # type: ignore[misc]
    span = 180 / 2 ** view[3]  # about the frame the zoom shows
    return view[1] - span, view[2] - span, view[1] + span, view[2] + span


def _bounds(data: MapData) -> tuple[float, float, float, float] | None:
    """Where most events are (the places when there is no event), for the basemap's deeper tiles."""
    points = [(e.lat, e.lon) for e in data.events if e.lat is not None and e.lon is not None]
    return dense_bounds(points or [(p[1], p[2]) for p in data.places])


def render(events: Iterable[Event], places: Iterable[Mention] = (), *, title: str | None = None,
           tiles: str = "cartodb-positron", cluster: bool | None = None, heatmap: bool = False,
           timeline: bool = False, offline: bool = False, basemap: bool = True,
           width: str | int = "100%", height: str | int = "100%", view: View | None = None,
           collapsed: bool = False) -> ReportMap:
    """A map of ``events`` (one toggleable layer per ACLED event type, a legend, popups with the evidence) and of
    the resolved ``places`` mentions.

    ``offline`` draws no tiles (nothing is fetched; country outlines stand in for them). ``cluster`` defaults to
    clustering when there are more than 200 events. Rows that cannot be drawn are left out and counted in
    ``map.skipped``. The map opens on where most events are (an outlier stays on the map, out of the first
    view; at most zoom 7, to give the reader the region) unless ``view`` says otherwise (:func:`parse_view`,
    :func:`parse_bbox`). The layer list and the legend are buttons on a small map (under 720 x 480 pixels) or
    when ``collapsed``. ``events`` may be a frame of ``geo.events_frame`` (filtered as you like:
    ``frame[frame.fatalities > 0]``), ``places`` one of ``geo.places_frame``.
    """
    from geo.formats.events import events_from_frame

    if hasattr(events, "columns") and hasattr(events, "to_dict"):
        events = events_from_frame(events)
    if hasattr(places, "columns") and hasattr(places, "to_dict"):
        places = _mentions_of(places)
    data = prepare(events, places)
    spec = None if offline else resolve_tiles(tiles)
    m = ReportMap(location=[20, 10], zoom_start=2, tiles=None, control_scale=True, width=width, height=height)
    page_title = title or "Reported events"
    figure = _Page()
    figure.add_child(m)
    figure.title = html_text(page_title)
    if spec is not None:
        folium.TileLayer(tiles=spec.url, attr=spec.attribution, name=spec.name, max_zoom=spec.max_zoom).add_to(m)
    focus = _bounds(data)  # a pass over every event: once, for the first view and the basemap's deeper tiles
    config = {
        "title": title or "", "types": list(EVENT_STYLES), "sizes": list(SIZE_SCALE),
        "cluster": len(data.events) > AUTO_CLUSTER if cluster is None else cluster,
        "heatmap": heatmap, "timeline": timeline,
        "vector": vector_basemap(focus if view is None else _view_bounds(view))
        if (basemap or offline or spec is None) else None,
        "focus": focus, "view": _view_config(view), "collapsed": collapsed,
    }
    EventLayer(data, config).add_to(m)
    m.skipped = data.skipped
    m.event_count = len(data.events)
    m.place_count = len(data.places)
    return m


def _mentions_of(frame: Any) -> list[Mention]:
    """Mentions from a frame of ``geo.places_frame`` (NaN cells read as missing)."""
    rows = [{k: (None if v != v else v) for k, v in r.items() if k != "geometry"} for r in frame.to_dict("records")]
    return [Mention.from_dict(r) for r in rows]


def save(m: folium.Map, path: str | Path) -> int:
    """Write the map as one HTML file (temporary file, then rename); return its size in bytes."""
    from geo.formats.io import atomic_output

    page = m.get_root().render()
    with atomic_output(str(path)) as out:
        out.write(page)
    return len(page.encode("utf-8"))
