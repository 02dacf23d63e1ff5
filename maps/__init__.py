"""Rendering: layered Leaflet maps of reported events, offline-capable, safe with any text, embeddable.

Takes events and places (``geo.Event``, ``geo.Mention``), never raw text.

>>> from maps import render, save                                 # doctest: +SKIP
>>> m = render(events, places, title="Syria, week 40")            # a folium.Map to keep customising
>>> save(m, "week40.html")
>>> to_png(m, "week40.png"); html = to_fragment(m)                # doctest: +SKIP
"""
from __future__ import annotations

from .embed import to_fragment, to_iframe
from .image import to_png
from .render import ReportMap, render, save

__all__ = ["ReportMap", "render", "save", "to_fragment", "to_iframe", "to_png"]
