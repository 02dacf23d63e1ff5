"""Files written whole or not at all, and GeoJSON points: the one home of each for every package above this one.

``[lon, lat]`` order appears only here, at the GeoJSON boundary; everything else says ``lat``/``lon``.
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import OutputError

__all__ = ["FORMULA_STARTS", "SQLITE_HEADER", "atomic_path", "feature_collection", "json_value", "point_feature",
           "read_spreadsheet_cell", "refuse_database", "spreadsheet_cell"]


def json_value(text: str | bytes) -> Any:
    """``json.loads`` whose every failure is a ``ValueError`` with a one-line reason: malformed JSON (a
    ``json.JSONDecodeError``, with its line and column), a number of more than 4,300 digits, nesting too deep for
    the parser (``[[[[...`` 100,000 deep).

    >>> json_value("[" * 100_000)
    Traceback (most recent call last):
    ValueError: nested too deeply to read
    """
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise ValueError("nested too deeply to read") from None
    except ValueError as e:  # int() of a huge number: "Exceeds the limit (4300 digits) ..."
        raise ValueError("a number is too long to read" if "digits" in str(e) else str(e)) from None


#: The first bytes of every SQLite database file (a gazetteer store, the stock cache).
SQLITE_HEADER = b"SQLite format 3\x00"


def refuse_database(path: Path, *, stores: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Raise OutputError if ``path`` is an SQLite database, or where a store lives or will live (the default user
    store and stock cache, and ``stores``) though not created yet: an export over the store replaced it with
    GeoJSON, and an export to a store not yet created made every later command fail."""
    from .paths import stock_path, user_store_path

    for store in (user_store_path(), stock_path(), *stores):
        if os.path.abspath(os.path.realpath(path)) == os.path.abspath(os.path.realpath(store)):
            raise OutputError(f"{path} is where a gazetteer store is kept: not overwritten; choose another "
                              "output file")
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError:
        return  # nothing there (or unreadable, which the write itself will say)
    if head == SQLITE_HEADER:
        raise OutputError(f"{path} is an SQLite database (a gazetteer store?): not overwritten; choose another "
                          "output file")


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


#: What a spreadsheet reads as the start of a formula (OWASP "CSV injection"): ``=``, ``+``, ``-``, ``@``, a tab
#: or a carriage return.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text, never runs as a formula: a string that starts like a formula gets
    a leading apostrophe (what spreadsheets themselves use to mark text); numbers stay as they are.

    >>> spreadsheet_cell('=HYPERLINK("http://x.test")'), spreadsheet_cell("-33.5"), spreadsheet_cell(-33.5)
    ('\\'=HYPERLINK("http://x.test")', '-33.5', -33.5)
    >>> [read_spreadsheet_cell(spreadsheet_cell(v)) for v in ("@SUM(A1)", "'-", "'-1")]  # apostrophes kept too
    ['@SUM(A1)', "'-", "'-1"]
    """
    if isinstance(value, str):
        # a text that already starts with apostrophes before a formula start gets one more, or reading it back
        # would take its own apostrophe (an actor written "'-" came back as "-")
        bare = value.lstrip("'")
        if bare.startswith(FORMULA_STARTS) and (len(bare) < len(value) or not _NUMBER.fullmatch(value)):
            return "'" + value
    return value


def read_spreadsheet_cell(value: Any) -> Any:
    """The cell as it was before :func:`spreadsheet_cell` (one leading apostrophe before apostrophes and a formula
    start dropped)."""
    if isinstance(value, str) and value.startswith("'") and value.lstrip("'").startswith(FORMULA_STARTS):
        return value[1:]
    return value
