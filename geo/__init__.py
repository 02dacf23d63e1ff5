"""Turn news reports into maps: places, events and their exports.

>>> from geo import parse_places
>>> mentions = parse_places("Shelling hit Aleppo on Monday.")  # doctest: +SKIP
"""
from __future__ import annotations

from .errors import GeoError, InputError
from .model import Mention, Place
from .places import default_gazetteer, parse_places, resolve_spans, set_default_gazetteer

__all__ = ["GeoError", "InputError", "Mention", "Place", "default_gazetteer", "parse_places", "resolve_spans",
           "set_default_gazetteer"]
