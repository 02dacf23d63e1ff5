"""Files written whole or not at all, and GeoJSON points: the one home of each for every package above this one.

``[lon, lat]`` order appears only here, at the GeoJSON boundary; everything else says ``lat``/``lon``.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["atomic_path", "feature_collection", "point_feature"]


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A fresh temporary path beside ``target`` (created exclusively, so nothing planted there is followed),
    renamed onto ``target`` when the block succeeds and removed when it fails.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_path(folder / "out.txt") as tmp:
    ...     _ = tmp.write_text("done")
    >>> (folder / "out.txt").read_text(), sorted(p.name for p in folder.iterdir())
    ('done', ['out.txt'])
    """
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes 0600; a written file gets the user's usual mode
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def point_feature(lat: float | None, lon: float | None, properties: Mapping[str, Any]) -> dict[str, Any]:
    """A GeoJSON Feature at (lat, lon), or with a null geometry when either is missing.

    >>> point_feature(36.2, 37.16, {"name": "Aleppo"})["geometry"]
    {'type': 'Point', 'coordinates': [37.16, 36.2]}
    >>> point_feature(None, None, {})["geometry"] is None
    True
    """
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "geometry": geometry, "properties": dict(properties)}


def feature_collection(features: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of ``features``."""
    return {"type": "FeatureCollection", "features": list(features)}
