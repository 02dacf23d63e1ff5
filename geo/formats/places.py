"""Place mentions out: JSON-ready dicts, JSON, JSON Lines and GeoJSON writers (``[lon, lat]`` only at the GeoJSON
boundary, in :func:`gazetteer.files.point_feature`).

A writer takes ``docs``, a list of (document id, mentions) pairs: one pair with id None is a single text (its
mentions written as a plain list), otherwise each document is ``{"id", "places": [...]}``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

from gazetteer.files import feature_collection, point_feature

from ..model import Mention

__all__ = ["Docs", "answers_dicts", "answers_json", "jsonl_line", "mention_feature", "mentions_geojson",
           "places_frame", "places_json", "write_geojson", "write_json", "write_jsonl"]

Docs = Sequence[tuple[str | None, Sequence[Mention]]]


def mention_feature(m: Mention, *, doc_id: str | None = None, explain: bool = False) -> dict[str, Any] | None:
    """A GeoJSON Point feature for a resolved mention (None for an unresolved one)."""
    if m.place is None:
        return None
    props = m.to_dict(explain=explain)
    if doc_id is not None:
        props = {"id": doc_id, **props}
    return point_feature(m.place.lat, m.place.lon, props)


def mentions_geojson(items: Iterable[tuple[str | None, Mention]], *, explain: bool = False) -> dict[str, Any]:
    """A FeatureCollection of (document id, mention) pairs."""
    features = [f for doc_id, m in items if (f := mention_feature(m, doc_id=doc_id, explain=explain)) is not None]
    return feature_collection(features)


def places_frame(mentions: Iterable[Mention] | Docs) -> Any:
    """Place mentions as a GeoDataFrame (CRS EPSG:4326): one row per mention, resolved or not (an unknown name
    has no geometry), with the columns of every place output and, for (document id, mentions) pairs, the
    document's ``id``.

    >>> from geo.model import Mention, Place
    >>> f = places_frame([Mention("Aleppo", 0, 6, Place("170063", "Aleppo", 36.2, 37.16, "P", "PPLA", "SY"))])
    >>> list(f.columns[:4]), f.geometry[0].x, f.crs.to_epsg()
    (['id', 'text', 'start', 'end'], 37.16, 4326)
    """
    import geopandas
    from shapely.geometry import Point

    from ..schema import mention_columns

    items = list(mentions)
    docs: Docs = items if items and isinstance(items[0], tuple) else [(None, items)]  # type: ignore[assignment,list-item]
    names = ["id", *(c.name for c in mention_columns())]
    rows = [{"id": doc_id, **m.to_dict()} for doc_id, ms in docs for m in ms]
    geometry = [Point(r["lon"], r["lat"]) if r.get("lat") is not None else None for r in rows]
    return geopandas.GeoDataFrame(rows, columns=names, geometry=geometry, crs="EPSG:4326")


def _single(docs: Docs) -> bool:
    return len(docs) == 1 and docs[0][0] is None


def write_geojson(docs: Docs, out: IO[str], *, explain: bool = False) -> None:
    out.write(json.dumps(mentions_geojson(((i, m) for i, ms in docs for m in ms), explain=explain),
                         ensure_ascii=False) + "\n")


def write_json(docs: Docs, out: IO[str], *, explain: bool = False) -> None:
    if _single(docs):
        payload: Any = [m.to_dict(explain=explain) for m in docs[0][1]]
    else:
        payload = [{"id": i, "places": [m.to_dict(explain=explain) for m in ms]} for i, ms in docs]
    out.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")


def write_jsonl(docs: Iterable[tuple[str | None, Sequence[Mention]]], out: IO[str], *, explain: bool = False) -> None:
    """One line per document (or per mention of a single unnamed one), written as ``docs`` yields them."""
    for i, ms in docs:
        if i is None:
            for m in ms:
                out.write(json.dumps(m.to_dict(explain=explain), ensure_ascii=False) + "\n")
        else:
            out.write(jsonl_line(i, places_json(ms, explain=explain)))


def places_json(mentions: Sequence[Mention], *, explain: bool = False) -> str:
    """The JSON of a document's mentions, the ``places`` of its JSON Lines line (made where it was parsed: see
    :func:`geo.places.parallel.iter_mapped`)."""
    return json.dumps([m.to_dict(explain=explain) for m in mentions], ensure_ascii=False)


def answers_dicts(answers: Sequence[Mention | None], *, explain: bool = False) -> list[dict[str, Any] | None]:
    """``geo resolve``'s answers of one document as JSON-ready dicts (None where the resolver gave up)."""
    return [a.to_dict(explain=explain) if a else None for a in answers]


def answers_json(answers: Sequence[Mention | None], *, explain: bool = False) -> str:
    """The JSON of :func:`answers_dicts`, the ``places`` of a ``geo resolve`` line."""
    return json.dumps(answers_dicts(answers, explain=explain), ensure_ascii=False)


def jsonl_line(doc_id: str | int, places: str) -> str:
    """A document's JSON Lines line from its id and :func:`places_json`: what ``json.dumps({"id": ..., "places":
    ...})`` writes.

    >>> jsonl_line("a1", "[]") == json.dumps({"id": "a1", "places": []}) + "\\n"
    True
    """
    return '{"id": ' + json.dumps(doc_id, ensure_ascii=False) + ', "places": ' + places + "}\n"
