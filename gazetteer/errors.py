"""Exceptions of the place store.

The project has one exception root, :class:`GeoError`, re-exported by ``geo.errors``; it lives here because the
gazetteer is the lowest layer and must not import ``geo``.
"""
from __future__ import annotations

__all__ = ["DuplicateEntryError", "GazetteerError", "GeoError", "StoreError", "UnknownEntryError",
           "ValidationError"]


class GeoError(Exception):
    """Root of every error this project raises on purpose; its message is one line fit for a user."""


class GazetteerError(GeoError):
    """A gazetteer operation failed."""


class ValidationError(GazetteerError):
    """An entry's fields are out of range or incomplete."""


class DuplicateEntryError(GazetteerError):
    """An entry with the same name already exists within a kilometre."""


class UnknownEntryError(GazetteerError):
    """No entry has the given id."""


class StoreError(GazetteerError):
    """A store file cannot be opened, read or written."""
