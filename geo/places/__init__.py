"""The place pipeline: recognise names in text (``recognise``, its rules in ``rules``), rank their gazetteer
candidates (``resolve``, its weights in ``weights``), report names the gazetteer lacks (``unknown``) and look
them up online when asked (``geocode``). Imports nothing from ``geo.events``.
"""
from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES

from . import pipeline
from .pipeline import check_length, default_gazetteer, parse_places, readable, resolve_spans, set_default_gazetteer

__all__ = ["check_length", "compiled", "default_gazetteer", "parse_places", "readable", "resolve_spans",
           "set_default_gazetteer"]


def compiled() -> bool:
    """Whether the pipeline runs compiled (an install that ``setup.py`` built with mypyc) or interpreted (an
    editable install, ``REPORTMAP_PURE=1``, no C compiler): the same answers, in about a third fewer instructions.

    >>> compiled() in (True, False)
    True
    """
    return (getattr(pipeline, "__file__", None) or "").endswith(tuple(EXTENSION_SUFFIXES))
