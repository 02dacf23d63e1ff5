"""Serialise mentions: JSON-ready dicts, GeoJSON features ([lon, lat] only here, at the boundary)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Mention

__all__ = ["mention_feature", "mentions_geojson"]


def mention_feature(m: Mention, *, doc_id: str | None = None, explain: bool = False) -> dict[str, Any] | None:
    """A GeoJSON Point feature for a resolved mention (None for an unresolved one)."""
    if m.place is None:
        return None
    props = m.to_dict(explain=explain)
    if doc_id is not None:
        props = {"id": doc_id, **props}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [m.place.lon, m.place.lat]},
            "properties": props}


def mentions_geojson(items: Iterable[tuple[str | None, Mention]], *, explain: bool = False) -> dict[str, Any]:
    """A FeatureCollection of (document id, mention) pairs."""
    features = [f for doc_id, m in items if (f := mention_feature(m, doc_id=doc_id, explain=explain)) is not None]
    return {"type": "FeatureCollection", "features": features}
