"""The place store: names, normalisation, candidates, custom entries, importers. Knows nothing of text or maps."""
from __future__ import annotations

from .distance import distance_km
from .errors import (
    DuplicateEntryError,
    GazetteerError,
    GeoError,
    ImportFileError,
    InvalidRowsError,
    StoreError,
    UnknownEntryError,
    ValidationError,
)
from .importers import read_entries, write_entries
from .model import FEATURE_KINDS, Candidate, Entry, Exclusion, ImportReport, Place, RowError
from .normalize import designator, is_abbreviation, normalize
from .store import Gazetteer

__all__ = [
    "FEATURE_KINDS",
    "Candidate",
    "DuplicateEntryError",
    "Entry",
    "Exclusion",
    "Gazetteer",
    "GazetteerError",
    "GeoError",
    "ImportFileError",
    "ImportReport",
    "InvalidRowsError",
    "Place",
    "RowError",
    "StoreError",
    "UnknownEntryError",
    "ValidationError",
    "designator",
    "distance_km",
    "is_abbreviation",
    "normalize",
    "read_entries",
    "write_entries",
]
