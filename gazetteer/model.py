"""The gazetteer's records: frozen dataclasses, serialisable to plain dicts."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["FEATURE_KINDS", "STOCK_SOURCES", "Candidate", "Entry", "Exclusion", "ImportReport", "Place", "RowError"]

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

#: Sources whose entries are reference data rather than a user's own judgement (no preference in ranking).
STOCK_SOURCES = frozenset({"geonames", "geonames-dump", "airportsdata", "naturalearth", "curated"})


@dataclass(frozen=True, slots=True)
class Place:
    """A place in the gazetteer.

    ``id`` is the GeoNames id as a string for stock places (``adm1:SY.09``/``adm2:...`` for divisions that have
    none in the packaged data, ``airport:LHR`` for airports) and ``custom:N`` for a user's entries.
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
    kind: str = ""  # the kind a user gave a custom entry (see FEATURE_KINDS)
    ref: str = ""  # where a custom entry came from, e.g. a GeoNames id of an imported dump row

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        return d

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # a tuple of fields, not the slots' state dictionary: documents parsed in worker processes come back
        # with thousands of places
        return Place, (self.id, self.name, self.lat, self.lon, self.feature_class, self.feature_code,
                       self.country_code, self.admin1, self.population, self.source, self.aliases, self.kind,
                       self.ref)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(id=str(d["id"]), name=d["name"], lat=float(d["lat"]), lon=float(d["lon"]),
                   feature_class=d.get("feature_class", ""), feature_code=d.get("feature_code", ""),
                   country_code=d.get("country_code", ""), admin1=d.get("admin1", "") or "",
                   population=int(d.get("population") or 0), source=d.get("source", "geonames"),
                   aliases=tuple(d.get("aliases") or ()), kind=d.get("kind") or "", ref=str(d.get("ref") or ""))

    @property
    def is_custom(self) -> bool:
        """A user's own entry (added, imported from their file, or saved from a lookup), not reference data."""
        return self.source not in STOCK_SOURCES


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a key may refer to, with the name row that matched (the features the resolver ranks on)."""

    place: Place
    key: str
    form: str  # the matched name as stored, e.g. "U.S." or "Ar Ra'i"
    kind: str  # "name" (primary), "alt" (alternate), "abbr" (abbreviation), "demonym", "designated" (a name
    #            with its designator: "Plymouth County"), "postal" (a state's code: "TX", after "Dallas, ")


@dataclass(frozen=True, slots=True)
class Entry:
    """A user entry to be stored (from ``add`` or one row of an imported file); ``where`` names its row."""

    name: str
    lat: float
    lon: float
    country: str
    admin1: str = ""
    kind: str = ""
    feature_class: str = ""
    feature_code: str = ""
    aliases: tuple[str, ...] = ()
    population: int = 0
    source: str = "custom"
    ref: str = ""
    where: str = ""


@dataclass(frozen=True, slots=True)
class RowError:
    """A row of an imported file that cannot be stored: ``where`` is ``FILE:LINE`` (or ``FILE feature N``)."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: entries added, older entries replaced, rows refused."""

    added: int
    replaced: int
    errors: tuple[RowError, ...] = ()


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A name the user says is no place (``geo gazetteer exclude``): everywhere, or in one country only."""

    key: str  # the normalised name (gazetteer.normalize)
    name: str  # as the user wrote it
    country: str = ""  # ISO 3166-1 alpha-2; "" for every country

    @property
    def label(self) -> str:
        """``Al-Ahram`` or ``Ahram (IR)``."""
        return f"{self.name} ({self.country})" if self.country else self.name

    def drops(self, place: Place) -> bool:
        """True when this exclusion removes ``place`` from the name's candidates."""
        return not self.country or place.country_code == self.country

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "key": self.key, "country": self.country}
