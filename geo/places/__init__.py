"""The place pipeline: recognise names in text (``recognise``, its rules in ``rules``), rank their gazetteer
candidates (``resolve``, its weights in ``weights``), report names the gazetteer lacks (``unknown``) and look
them up online when asked (``geocode``). Imports nothing from ``geo.events``.
"""
from __future__ import annotations

from .pipeline import check_length, default_gazetteer, parse_places, readable, resolve_spans, set_default_gazetteer

__all__ = ["check_length", "default_gazetteer", "parse_places", "readable", "resolve_spans", "set_default_gazetteer"]
