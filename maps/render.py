"""``render``: events (and the places a text names) on a layered Leaflet map, as a ``folium.Map`` to keep
customising or to save as one self-contained HTML file."""
from __future__ import annotations

import importlib.resources
import json
import uuid
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from geo.model import Event, Mention

from .assets import MAP_ASSETS, inline
from .data import MapData, encode, prepare, script_json
from .escape import html_text, json_for_script
from .style import EVENT_STYLES, SIZE_SCALE, resolve_tiles

__all__ = ["EventLayer", "ReportMap", "render", "save"]

#: With more events than this, markers are clustered unless the caller says otherwise.
AUTO_CLUSTER = 200


class _Raw(Element):
    """Text put into the page as it is (already made safe by its producer; never a Jinja template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


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
        for name in MAP_ASSETS:
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
        text, encoding = script_json(encode(self.data))
        figure = self.get_root()
        assert isinstance(figure, Figure)
        figure.html.add_child(_Raw(
            f'<script type="application/json" id="{self.data_id}" data-encoding="{encoding}">{text}</script>'),
            name=self.data_id)
        return super().render(**kwargs)  # type: ignore[no-untyped-call]


@lru_cache(maxsize=1)
def country_outlines() -> dict[str, Any]:
    """Simplified country outlines (see scripts/make_basemap.py) for the vector basemap."""
    text = importlib.resources.files("maps").joinpath("data/countries.geojson").read_text(encoding="utf-8")
    return dict(json.loads(text))


def render(events: Iterable[Event], places: Iterable[Mention] = (), *, title: str | None = None,
           tiles: str = "cartodb-positron", cluster: bool | None = None, heatmap: bool = False,
           timeline: bool = False, offline: bool = False, basemap: bool = True,
           width: str | int = "100%", height: str | int = "100%") -> ReportMap:
    """A map of ``events`` (one toggleable layer per ACLED event type, a legend, popups with the evidence) and of
    the resolved ``places`` mentions.

    ``offline`` draws no tiles (nothing is fetched; country outlines stand in for them). ``cluster`` defaults to
    clustering when there are more than 200 events. Rows that cannot be drawn are left out and counted in
    ``map.skipped``. ``events`` may be a frame of ``geo.events_frame`` (filtered as you like: ``frame[frame.fatalities
    > 0]``), ``places`` one of ``geo.places_frame``.
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
    figure = m.get_root()
    if isinstance(figure, Figure):
        figure.title = html_text(page_title)
    if spec is not None:
        folium.TileLayer(tiles=spec.url, attr=spec.attribution, name=spec.name, max_zoom=spec.max_zoom).add_to(m)
    config = {
        "title": title or "", "types": list(EVENT_STYLES), "sizes": list(SIZE_SCALE),
        "cluster": len(data.events) > AUTO_CLUSTER if cluster is None else cluster,
        "heatmap": heatmap, "timeline": timeline,
        "basemap": country_outlines() if (basemap or offline or spec is None) else None,
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
