"""The place store: names, normalisation, candidates, custom entries, importers. Knows nothing of text or maps."""
from __future__ import annotations

from .distance import distance_km
from .errors import (
    DuplicateEntryError,
    GazetteerError,
    GeoError,
    StoreError,
    UnknownEntryError,
    ValidationError,
)
from .model import FEATURE_KINDS, Candidate, Place
from .normalize import designator, is_abbreviation, normalize
from .store import Gazetteer

__all__ = [
    "FEATURE_KINDS",
    "Candidate",
    "DuplicateEntryError",
    "Gazetteer",
    "GazetteerError",
    "GeoError",
    "Place",
    "StoreError",
    "UnknownEntryError",
    "ValidationError",
    "designator",
    "distance_km",
    "is_abbreviation",
    "normalize",
]
