"""The place store: names, normalisation, candidates, custom entries, importers. Knows nothing of text or maps."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
from .model import FEATURE_KINDS, Candidate, Entry, Exclusion, ImportReport, Place, RowError
from .normalize import designator, is_abbreviation, normalize
from .store import Gazetteer

if TYPE_CHECKING:
    from .importers import read_entries, write_entries

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


def __getattr__(name: str) -> Any:
    """The importers (zipfile, csv, json: a tenth of ``geo places``' imports) load when first asked for."""
    if name in ("read_entries", "write_entries"):
        from . import importers

        return getattr(importers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
