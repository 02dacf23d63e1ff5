"""Exceptions: one root, :class:`GeoError` (shared with the gazetteer), a subclass per kind of failure."""
from __future__ import annotations

from gazetteer.errors import (
    DuplicateEntryError,
    GazetteerError,
    GeoError,
    OutputError,
    StoreError,
    UnknownEntryError,
    ValidationError,
)

__all__ = ["DuplicateEntryError", "GazetteerError", "GeoError", "InputError", "OutputError", "StoreError",
           "UnknownEntryError", "ValidationError"]


class InputError(GeoError):
    """An input file or value cannot be used (missing, binary, not UTF-8, empty, malformed line N)."""
