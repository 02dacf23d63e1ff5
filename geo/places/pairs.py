"""Names that hold the name before them: ``Paris, Texas``, ``Atlanta, Georgia`` (the resolver's ``followed by``).

>>> from gazetteer import Place
>>> inside(Place("1", "Paris", 33.7, -95.6, "P", "PPL", "US", "Texas"),
...        Place("2", "Texas", 31.3, -99.3, "A", "ADM1", "US", "Texas"))
True
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from gazetteer import Candidate, Place

__all__ = ["holders", "inside"]


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def candidates(self) -> Sequence[Candidate]: ...


def inside(place: Place, holder: Place) -> bool:
    """True when ``place`` lies in ``holder``, a first-level division or a country."""
    if place.feature_code == holder.feature_code or place.country_code != holder.country_code:
        return False
    return holder.feature_code == "PCLI" or (holder.feature_code == "ADM1" and place.admin1 == holder.name)


def holders(text: str, spans: Sequence[_Span], after: dict[int, int]) -> dict[int, tuple[Place, ...]]:
    """``Paris, Texas``, ``Atlanta, Georgia``: span index -> the places the next name (``after``: index -> index
    of the next span in the text) could be that hold one of its candidates. Not between names that could be
    siblings (``Georgia, Oklahoma``, ``Aleppo, Idlib``)."""
    out: dict[int, tuple[Place, ...]] = {}
    for i, j in after.items():
        a, b = spans[i], spans[j]
        if text[a.end:b.start].strip() != "," or not a.candidates:
            continue
        areas = [c.place for c in b.candidates if c.place.feature_code in ("ADM1", "PCLI")]
        found = tuple(h for h in areas if any(inside(c.place, h) for c in a.candidates)
                      and not any(c.place.feature_code == h.feature_code and c.place.country_code == h.country_code
                                  and c.place.id != h.id for c in a.candidates))  # "New York, NY" is the city
        if found:
            out[i] = found
    return out
