"""What makes a plausible entry of the user's store: a name with something to look up, no control characters,
coordinates on the globe."""
from __future__ import annotations

import unicodedata

from .errors import ValidationError
from .normalize import normalize

__all__ = ["no_controls", "validate_entry"]


def no_controls(text: str, what: str) -> None:
    """Refuse control characters (a terminal escape sequence, ``\x1b[31m``, stored in a name is printed raw by
    every later listing)."""
    bad = next((ch for ch in text if unicodedata.category(ch) == "Cc"), None)
    if bad is not None:
        raise ValidationError(f"{what} {text[:40]!r} holds the control character {bad!r}")


def validate_entry(name: str, lat: float, lon: float, *, force: bool = False, key: str | None = None) -> None:
    """Raise ValidationError unless the name and coordinates make a plausible entry (``key``: its normal form)."""
    if not name or not name.strip() or not (normalize(name) if key is None else key):
        raise ValidationError("the name is empty")
    no_controls(name, "the name")
    if not -90.0 <= lat <= 90.0:
        raise ValidationError(f"latitude {lat} is out of range [-90, 90]")
    if not -180.0 <= lon <= 180.0:
        raise ValidationError(f"longitude {lon} is out of range [-180, 180]")
    if lat == 0 and lon == 0 and not force:
        raise ValidationError("coordinates 0,0 look like a missing value (use --force if they are meant)")
