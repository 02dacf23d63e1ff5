"""The event pipeline: sentences and clause cues (``sentences``), dates (``dates``), casualty figures
(``numbers``), ACLED's taxonomy and the trigger lexicon (``taxonomy``), where an event happened (``roles``) and
the extractor that puts them together (``extract``).
"""
from __future__ import annotations

from .extract import BACKGROUND_DAYS, extract_events

__all__ = ["BACKGROUND_DAYS", "extract_events"]
