"""The event pipeline: sentences and clause cues (``sentences``), dates (``dates``), casualty figures
(``numbers``), the trigger rules (``triggers``; ACLED's taxonomy is ``geo.taxonomy``), where an event happened
(``roles``) and the extractor that puts them together (``extract``); many articles at once (``warm``).
"""
from __future__ import annotations

from .extract import BACKGROUND_DAYS, Extraction, extract, extract_events
from .warm import warm, warmed

__all__ = ["BACKGROUND_DAYS", "Extraction", "extract", "extract_events", "warm", "warmed"]
