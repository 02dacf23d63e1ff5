"""Rendering: layered Leaflet maps of reported events, offline-capable, safe with any text, embeddable.

Takes events and places (``geo.Event``, ``geo.Mention``), never raw text.

>>> from maps import render, save                                 # doctest: +SKIP
>>> m = render(events, places, title="Syria, week 40")            # a folium.Map to keep customising
>>> save(m, "week40.html")
"""
from __future__ import annotations

from .render import ReportMap, render, save

__all__ = ["ReportMap", "render", "save"]
