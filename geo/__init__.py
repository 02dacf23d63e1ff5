"""Turn news reports into maps: places, events and their exports.

>>> from geo import analyse, parse_places
>>> mentions = parse_places("Shelling hit Aleppo on Monday.")  # doctest: +SKIP
>>> article = analyse("Shelling hit Aleppo on Monday.", published="2016-10-04")  # doctest: +SKIP

The names below are imported on first use (``import geo.cli`` loads neither pipeline until a command needs it).
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .analysis import Article, analyse
    from .errors import GeoError, InputError
    from .events import extract_events
    from .formats.events import events_frame, events_from_frame, read_events, write_events
    from .formats.places import places_frame
    from .model import Event, Evidence, Mention, Place
    from .places import default_gazetteer, parse_places, resolve_spans, set_default_gazetteer

#: public name -> the module that defines it
_EXPORTS = {
    "Article": ".analysis", "analyse": ".analysis", "GeoError": ".errors", "InputError": ".errors",
    "extract_events": ".events", "events_frame": ".formats.events", "events_from_frame": ".formats.events",
    "places_frame": ".formats.places", "read_events": ".formats.events",
    "write_events": ".formats.events", "Event": ".model", "Evidence": ".model", "Mention": ".model",
    "Place": ".model", "default_gazetteer": ".places", "parse_places": ".places", "resolve_spans": ".places",
    "set_default_gazetteer": ".places",
}

__all__ = ["Article", "Event", "Evidence", "GeoError", "InputError", "Mention", "Place", "analyse",
           "default_gazetteer", "events_frame", "events_from_frame", "extract_events", "parse_places",
           "places_frame", "read_events", "resolve_spans",
           "set_default_gazetteer", "write_events"]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'geo' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
