"""Turn news reports into maps: places, events and their exports.

>>> from geo import analyse, parse_places
>>> mentions = parse_places("Shelling hit Aleppo on Monday.")  # doctest: +SKIP
>>> article = analyse("Shelling hit Aleppo on Monday.", published="2016-10-04")  # doctest: +SKIP
"""
from __future__ import annotations

from .analysis import Article, analyse
from .errors import GeoError, InputError
from .events import extract_events
from .formats.events import events_frame, read_events, write_events
from .model import Event, Evidence, Mention, Place
from .places import default_gazetteer, parse_places, resolve_spans, set_default_gazetteer

__all__ = ["Article", "Event", "Evidence", "GeoError", "InputError", "Mention", "Place", "analyse",
           "default_gazetteer", "events_frame", "extract_events", "parse_places", "read_events", "resolve_spans",
           "set_default_gazetteer", "write_events"]
