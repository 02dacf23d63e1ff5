"""The data model: frozen dataclasses with ``to_dict``/``from_dict``, one schema for every output format."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gazetteer import Place

__all__ = ["RESOLVED", "UNKNOWN", "Mention", "Place"]

RESOLVED = "resolved"
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text: character offsets (Python str indices) and the place it resolves to.

    ``place`` is None (and ``status`` ``unknown``) when the resolver gives up. ``score`` (0..1) is the
    winner's confidence; ``reasons`` explain it and ``alternatives`` hold the runners-up when asked for.
    """

    text: str
    start: int
    end: int
    place: Place | None
    score: float = 0.0
    status: str = RESOLVED
    reasons: tuple[str, ...] = ()
    alternatives: tuple[tuple[Place, float, tuple[str, ...]], ...] = field(default=(), compare=False)

    @property
    def lat(self) -> float | None:
        return self.place.lat if self.place else None

    @property
    def lon(self) -> float | None:
        return self.place.lon if self.place else None

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        p = self.place
        d: dict[str, Any] = {
            "text": self.text, "start": self.start, "end": self.end,
            "name": p.name if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
            "geonameid": p.id if p else None, "feature_code": p.feature_code if p else None,
            "country_code": p.country_code if p else None, "admin1": p.admin1 if p else None,
            "source": p.source if p else None, "score": round(self.score, 3), "status": self.status,
        }
        if explain:
            d["reasons"] = list(self.reasons)
            d["alternatives"] = [{"name": alt.name, "geonameid": alt.id, "country_code": alt.country_code,
                                  "feature_code": alt.feature_code, "lat": alt.lat, "lon": alt.lon,
                                  "fit": round(fit, 3), "reasons": list(why)}
                                 for alt, fit, why in self.alternatives]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        place = None
        if d.get("lat") is not None and d.get("lon") is not None:
            place = Place(id=str(d.get("geonameid") or ""), name=d.get("name") or d["text"], lat=float(d["lat"]),
                          lon=float(d["lon"]), feature_class="", feature_code=d.get("feature_code") or "",
                          country_code=d.get("country_code") or "", admin1=d.get("admin1") or "",
                          source=d.get("source") or "geonames")
        return cls(text=d["text"], start=int(d["start"]), end=int(d["end"]), place=place,
                   score=float(d.get("score") or 0.0), status=d.get("status") or (RESOLVED if place else UNKNOWN),
                   reasons=tuple(d.get("reasons") or ()))
