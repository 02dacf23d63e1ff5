"""Exceptions of the place store.

The project has one exception root, :class:`GeoError`, re-exported by ``geo.errors``; it lives here because the
gazetteer is the lowest layer and must not import ``geo``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import ImportReport

__all__ = ["DuplicateEntryError", "GazetteerError", "GeoError", "ImportFileError", "InvalidRowsError", "OutputError",
           "StoreError", "UnknownEntryError", "ValidationError"]


class GeoError(Exception):
    """Root of every error this project raises on purpose; its message is one line fit for a user."""


class OutputError(GeoError):
    """An output file cannot or must not be written (an input of the same command, a database, no space)."""


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


class ImportFileError(GazetteerError):
    """A file to import cannot be read at all (missing, undecodable, not CSV/GeoJSON/GeoNames, no header)."""


class InvalidRowsError(GazetteerError):
    """Some rows of an import are bad, so nothing was imported; ``report.errors`` lists each row and reason."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        good = report.added + report.replaced
        super().__init__(f"nothing imported: {len(report.errors)} bad row(s); use --skip-invalid to import the "
                         f"{good} good one(s)")
