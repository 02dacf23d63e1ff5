"""The gazetteer's records: frozen dataclasses, serialisable to plain dicts."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["FEATURE_KINDS", "Candidate", "Place"]

#: Kinds a user may give a custom entry, mapped to GeoNames feature class and code.
FEATURE_KINDS: dict[str, tuple[str, str]] = {
    "country": ("A", "PCLI"),
    "region": ("A", "ADM1"),
    "province": ("A", "ADM1"),
    "district": ("A", "ADM2"),
    "city": ("P", "PPLA"),
    "town": ("P", "PPL"),
    "village": ("P", "PPL"),
    "neighbourhood": ("P", "PPLX"),
    "camp": ("S", "CMP"),
    "checkpoint": ("S", "CTRL"),
    "site": ("S", "BLDG"),
    "landmark": ("S", "MNMT"),
    "border": ("S", "PSTB"),
    "natural": ("T", "MT"),
    "water": ("H", "STM"),
    "continent": ("L", "CONT"),
}


@dataclass(frozen=True, slots=True)
class Place:
    """A place in the gazetteer.

    ``id`` is the GeoNames id as a string for stock places and ``custom:N`` for a user's entries.
    """

    id: str
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1: str = ""
    population: int = 0
    source: str = "geonames"
    aliases: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(id=str(d["id"]), name=d["name"], lat=float(d["lat"]), lon=float(d["lon"]),
                   feature_class=d.get("feature_class", ""), feature_code=d.get("feature_code", ""),
                   country_code=d.get("country_code", ""), admin1=d.get("admin1", "") or "",
                   population=int(d.get("population") or 0), source=d.get("source", "geonames"),
                   aliases=tuple(d.get("aliases") or ()))

    @property
    def is_custom(self) -> bool:
        return self.source != "geonames"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a key may refer to, with the name row that matched (the features the resolver ranks on)."""

    place: Place
    key: str
    form: str  # the matched name as stored, e.g. "U.S." or "Ar Ra'i"
    kind: str  # "name" (primary), "alt" (alternate), "abbr" (abbreviation), "demonym"
