"""The one distance helper of the project: great-circle kilometres through geopy."""
from __future__ import annotations

import math
from functools import lru_cache

__all__ = ["Points", "distance_km", "nearest_km"]


@lru_cache(maxsize=1)
def _great_circle():  # type: ignore[no-untyped-def]
    from geopy.distance import great_circle

    return great_circle


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points (geopy, mean earth radius)."""
    return float(_great_circle()((lat1, lon1), (lat2, lon2)).km)


_EARTH_KM = 6371.009  # geopy.distance.EARTH_RADIUS: the radius great_circle uses (a test keeps them equal)


def nearest_km(lat: float, lon: float, points: list[tuple[float, float]]) -> float:
    """Distance in kilometres from a point to the nearest of ``points`` (inf when there are none).

    The same great-circle formula as :func:`distance_km`, inlined (in :class:`Points`) for the resolver's hot
    path where geopy's per-call overhead (about 20 microseconds) would dominate.
    """
    return Points(points).nearest_km(lat, lon)


class Points:
    """Points prepared for many :func:`nearest_km`-style queries (their radians and cosines computed once):
    the resolver asks for every candidate of every name.

    >>> Points([(36.2, 37.16)]).nearest_km(36.2, 37.16)
    0.0
    """

    __slots__ = ("_prepared", "points")

    def __init__(self, points: list[tuple[float, float]]) -> None:
        self.points = points
        self._prepared = [(math.radians(a), math.radians(b), math.cos(math.radians(a))) for a, b in points]

    def nearest_km(self, lat: float, lon: float) -> float:
        """The distance from (lat, lon) to the nearest point (inf when there are none), as :func:`nearest_km`."""
        if not self._prepared:
            return math.inf
        p1, l1 = math.radians(lat), math.radians(lon)
        cos_p1 = math.cos(p1)
        sin, least = math.sin, math.inf  # the haversine term grows with the distance: one arc, of the least
        for p2, l2, cos_p2 in self._prepared:
            a = sin((p2 - p1) / 2) ** 2 + cos_p1 * cos_p2 * sin((l2 - l1) / 2) ** 2
            if a < least:
                least = a
        return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(least)))

