"""The Gazetteer: stock cache (rebuilt from packaged data, never edited) plus the user's store (custom entries).

Queries read both; a user's entry wins over stock entries with the same key in the same area.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .build import Source, build_stock, stock_fingerprint, stock_version
from .distance import Points
from .errors import StoreError, UnknownEntryError, ValidationError
from .files import atomic_path
from .model import Candidate, Exclusion, ImportReport, Place
from .normalize import normalize
from .paths import stock_path as default_stock_path
from .paths import user_store_path
from .user import UserStore

__all__ = ["Gazetteer"]

log = logging.getLogger(__name__)
_PLACE_COLS = "p.id, p.name, p.lat, p.lon, p.feature_class, p.feature_code, p.country_code, p.admin1, p.population"
#: Stock entries this close to a custom entry with the same key are hidden by it.
SHADOW_KM = 25.0
_STOCK_CACHE_KEYS = 50_000
_BUILD_LOCK = threading.Lock()


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Held while the stock database is checked or built, across processes: two commands run at once on a fresh
    machine built one database each."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: the thread lock only
        yield
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(path.with_name(path.name + ".lock"), "a")  # noqa: SIM115 - held for the block below
    except OSError:
        yield  # a read-only cache folder: the build itself will say so
        return
    try:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield
    finally:
        fh.close()


def _stock_version_of(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _checked_note(path: Path) -> Path:
    return path.with_name(path.name + ".checked")


def _stock_current(path: Path, sources: Sequence[Source] | None) -> bool:
    """The stock database at ``path`` is of the version its sources make now. The version hashes the sources'
    files; ``PATH.checked`` notes the version their fingerprint (sizes, times, inodes) was last found to make, so
    that a start-up whose files are as they were skips the hashing."""
    version = _stock_version_of(path)
    if version is None:
        return False
    now = stock_fingerprint(sources)
    if now is not None:
        try:
            if _checked_note(path).read_text(encoding="utf-8") == f"{version}\n{now}\n":
                return True
        except (OSError, UnicodeDecodeError):
            pass  # no note yet, or not readable: hash
    if version != stock_version(sources):
        return False
    _note_checked(path, version, now)
    return True


def _note_checked(path: Path, version: str | None, fingerprint: str | None) -> None:
    if version is None or fingerprint is None:
        return
    try:
        with atomic_path(_checked_note(path)) as tmp:
            tmp.write_text(f"{version}\n{fingerprint}\n", encoding="utf-8")
    except OSError:
        pass  # a read-only cache folder: the next start-up hashes again


#: Stock id prefixes of the sources that are not GeoNames (``airport:LHR``, ``ne:stm:nile-river``, ``rg:levant``).
_ID_SOURCES = (("airport:", "airportsdata"), ("ne:", "naturalearth"), ("rg:", "curated"))


def _row_place(row: Sequence[Any]) -> Place:
    pid = row[0]
    source = "geonames" if pid[:1].isdigit() else next(
        (s for prefix, s in _ID_SOURCES if pid.startswith(prefix)), "geonames")  # GeoNames ids are numbers
    return Place(id=row[0], name=row[1], lat=row[2], lon=row[3], feature_class=row[4], feature_code=row[5],
                 country_code=row[6], admin1=row[7], population=row[8], source=source)


def _without_excluded(found: dict[str, list[Candidate]], exclusions: Sequence[Exclusion]
                      ) -> dict[str, list[Candidate]]:
    """The candidates no exclusion drops (``geo gazetteer exclude Ahram --country IR``); keys left with none
    are gone."""
    if not exclusions:
        return found
    by_key: dict[str, list[Exclusion]] = {}
    for e in exclusions:
        by_key.setdefault(e.key, []).append(e)
    out = {}
    for key, cands in found.items():
        rules = by_key.get(key)
        kept = cands if rules is None else [c for c in cands if not any(e.drops(c.place) for e in rules)]
        if kept:
            out[key] = kept
    return out


class Gazetteer:
    """Place lookups over the stock data and a user store.

    ``Gazetteer()`` uses the default locations (platformdirs; ``XDG_CACHE_HOME``/``XDG_DATA_HOME`` honoured;
    ``GEO_GAZETTEER`` names another user store). The stock database is built on first use, and rebuilt when the
    packaged data changes; ``progress(step, done, total)`` is called while it builds. ``sources`` builds the
    stock from other sources instead (``gazetteer.build.tsv_source``: the tests' small gazetteer).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, stock: str | os.PathLike[str] | None = None,
                 progress: Callable[[str, int, int], None] | None = None,
                 sources: Sequence[Source] | None = None) -> None:
        self.stock_path = Path(stock) if stock is not None else default_stock_path()
        self.sources = sources  # None: the packaged stock (gazetteer.sources.STOCK_SOURCES)
        self.user = UserStore(Path(path) if path is not None else user_store_path())
        self._progress = progress
        self._conn: sqlite3.Connection | None = None
        self._countries: dict[str, Place] | None = None
        # the stock database never changes while open: its answers per key are kept (news repeats its names)
        self._stock_cache: dict[str, tuple[Candidate, ...]] = {}

    # -- stock database -------------------------------------------------------------------------------------
    def ensure_stock(self) -> Path:
        """Build the stock database if it is missing or stale; return its path."""
        with _BUILD_LOCK, _file_lock(self.stock_path):
            if not _stock_current(self.stock_path, self.sources):
                log.info("building the stock gazetteer at %s", self.stock_path)
                before = stock_fingerprint(self.sources)  # taken first: a file changed while building is hashed
                try:
                    build_stock(self.stock_path, progress=self._progress, sources=self.sources)
                except OSError as e:
                    raise StoreError(f"cannot build the gazetteer cache at {self.stock_path}: {e}") from e
                if before == stock_fingerprint(self.sources):
                    _note_checked(self.stock_path, _stock_version_of(self.stock_path), before)
        return self.stock_path

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self.ensure_stock()
            self._conn = sqlite3.connect(f"file:{self.stock_path}?mode=ro&immutable=1", uri=True,
                                         check_same_thread=False)
        return self._conn

    def _stock(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Rows of a query of the stock database; a damaged one (a disk error, a killed copy: "database disk
        image is malformed") is rebuilt once, as it is only a cache of the packaged data."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as e:
            log.warning("the gazetteer cache %s is damaged (%s): rebuilding it", self.stock_path, e)
            self.rebuild_stock()
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as again:
                raise StoreError(f"the gazetteer cache {self.stock_path} is unreadable even rebuilt: {again}") from None

    def rebuild_stock(self) -> Path:
        """Delete and build the stock database again (it is only a cache of the packaged data)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._stock_cache.clear()
        self._countries = None
        with _BUILD_LOCK:
            try:
                self.stock_path.unlink(missing_ok=True)
            except OSError as e:
                raise StoreError(f"cannot remove the damaged gazetteer cache {self.stock_path}: {e}") from e
        return self.ensure_stock()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self.user.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- lookups --------------------------------------------------------------------------------------------
    def candidates(self, keys: Iterable[str]) -> dict[str, list[Candidate]]:
        """Candidates for each normalised key (see :func:`gazetteer.normalize`), user entries first."""
        wanted = sorted({k for k in keys if k})
        found: dict[str, list[Candidate]] = {}
        for key, cand in self.user.candidates(wanted):
            found.setdefault(key, []).append(cand)
        for key, stock in self._stock_candidates(wanted).items():  # each key once: found holds the user's only
            mine = found.get(key)
            if mine is None:
                if stock:  # most keys: no entry of the user's, the stock's candidates as they are
                    found[key] = list(stock)
                continue
            # the inlined great circle (geopy's own, imported on first use, costs a document 0.1 s)
            points = Points([(c.place.lat, c.place.lon) for c in mine])
            mine.extend(c for c in stock if points.nearest_km(c.place.lat, c.place.lon) > SHADOW_KM)
        return _without_excluded(found, self.user.exclusions()) if found else found

    def _stock_candidates(self, keys: list[str]) -> dict[str, tuple[Candidate, ...]]:
        cache = self._stock_cache
        missing = [k for k in keys if k not in cache]
        fetched: dict[str, list[Candidate]] = {k: [] for k in missing}
        for i in range(0, len(missing), 900):
            chunk = missing[i:i + 900]
            marks = ",".join("?" * len(chunk))
            rows = self._stock(
                f"SELECT n.key, n.form, n.kind, {_PLACE_COLS} FROM names n JOIN places p ON p.id = n.place_id "
                f"WHERE n.key IN ({marks})", chunk)
            for row in rows:
                fetched[row[0]].append(Candidate(place=_row_place(row[3:]), key=row[0], form=row[1], kind=row[2]))
        answer = {k: cache[k] if k in cache else tuple(fetched[k]) for k in keys}
        if len(cache) + len(fetched) > _STOCK_CACHE_KEYS:
            # full: start again (the keys of this call were read above, before the clearing; they once came
            # back empty here, so a long feed lost the places of whichever document crossed the limit)
            cache.clear()
        cache.update((k, tuple(v)) for k, v in fetched.items())
        return answer

    def lookup(self, name: str) -> list[Candidate]:
        """Candidates for one name, most populous first."""
        key = normalize(name)
        cands = self.candidates([key]).get(key, [])
        return sorted(cands, key=lambda c: (not c.place.is_custom, -c.place.population, c.place.id))

    def get(self, place_id: str) -> Place | None:
        """The place with this id (``custom:N`` or a stock id), or None."""
        if place_id.startswith("custom:"):
            return self.user.get(place_id)
        rows = self._stock(f"SELECT {_PLACE_COLS} FROM places p WHERE p.id = ?", (place_id,))
        if not rows:
            return None
        aliases = tuple(r[0] for r in self._stock(
            "SELECT form FROM names WHERE place_id = ? AND kind != 'name' ORDER BY form LIMIT 50", (place_id,)))
        place = _row_place(rows[0])
        return Place(**{**place.to_dict(), "aliases": aliases})

    def countries(self) -> dict[str, Place]:
        """Country places by ISO 3166-1 alpha-2 code."""
        if self._countries is None:
            rows = self._stock(f"SELECT {_PLACE_COLS} FROM places p WHERE p.feature_code = 'PCLI'")
            self._countries = {r[6]: _row_place(r) for r in rows}
        return self._countries

    def search(self, query: str, *, limit: int = 10) -> list[Candidate]:
        """Ranked candidates for a free-text query: exact key matches, then names starting with it."""
        key = normalize(query)
        if not key:
            return []
        exact = self.lookup(query)
        seen = {c.place.id for c in exact}
        more: list[Candidate] = [c for c in self.user.prefix(key, limit) if c.place.id not in seen]
        rows = self._stock(
            f"SELECT n.key, n.form, n.kind, {_PLACE_COLS} FROM names n JOIN places p ON p.id = n.place_id "
            "WHERE n.key > ? AND n.key < ? ORDER BY p.population DESC, n.key, n.seq LIMIT ?",
            (key, key + "\uffff", limit * 4))
        for row in rows:
            if row[3] not in seen:
                seen.add(row[3])
                more.append(Candidate(place=_row_place(row[3:]), key=row[0], form=row[1], kind=row[2]))
        return (exact + more)[:limit]

    # -- user entries (delegated to the user store) ------------------------------------------------------------
    def add(self, name: str, *, lat: float, lon: float, country: str, admin1: str = "", kind: str = "town",
            aliases: Sequence[str] = (), population: int = 0, force: bool = False, update: bool = False,
            source: str = "custom") -> Place:
        """Add a custom entry (validated; see :meth:`UserStore.add`) and return it."""
        if country.upper() not in self.countries():
            raise ValidationError(f"unknown country code {country!r} (expected ISO 3166-1 alpha-2, e.g. SY)")
        return self.user.add(name, lat=lat, lon=lon, country=country.upper(), admin1=admin1, kind=kind,
                             aliases=aliases, population=population, force=force, update=update, source=source)

    def import_file(self, path: str | os.PathLike[str], *, fmt: str | None = None,
                    countries: Collection[str] | None = None, feature_classes: Collection[str] | None = None,
                    update: bool = False, skip_invalid: bool = False, force: bool = False,
                    progress: Callable[[int, int], None] | None = None) -> ImportReport:
        """Import a CSV, GeoJSON or GeoNames dump file into the user store in one transaction.

        With any bad row nothing is stored and :class:`InvalidRowsError` lists every bad row, unless
        ``skip_invalid``, which stores the good rows and reports the bad ones. ``countries``/``feature_classes``
        filter GeoNames dumps (and any other file) before validation.
        """
        from .importers import read_entries  # zipfile, csv and json: only when importing

        rows = read_entries(path, fmt=fmt, countries=countries, feature_classes=feature_classes, progress=progress)
        return self.user.add_many(rows, countries=set(self.countries()), update=update, skip_invalid=skip_invalid,
                                  force=force, admin1_names=self._admin1_names())

    def _admin1_names(self) -> dict[str, str]:
        """``CC.CODE`` -> name of first-level divisions: GeoNames dumps give codes (``SY.09``), stock has names."""
        return {r[0].removeprefix("adm1:"): r[1] for r in self._stock(
            "SELECT id, name FROM places WHERE id LIKE 'adm1:%'")}

    def export(self, out: IO[str], *, fmt: str = "geojson", source: str | None = None, raw_csv: bool = False) -> int:
        """Write the user's entries (optionally of one ``source``) as GeoJSON or CSV that :meth:`import_file`
        reads back unchanged (CSV cells safe for spreadsheets unless ``raw_csv``); return the number written."""
        from .importers import write_entries

        return write_entries((p for p in self.entries() if source in (None, "all") or p.source == source), out,
                             fmt=fmt, raw_csv=raw_csv)

    def remove(self, place_id: str) -> Place:
        """Remove a custom entry (``custom:5``, or ``5`` as ``geo gazetteer show 5`` reads it: a stock id, which
        cannot be removed; ``exclude`` hides a name instead)."""
        if not place_id.startswith("custom:"):
            stock = self.get(place_id) if place_id.strip() else None
            what = f"{place_id!r} is {stock.name!r} of the stock data" if stock else f"{place_id[:40]!r} is no entry"
            raise UnknownEntryError(f"{what}; only your own entries (custom:N) can be removed, and "
                                    "`geo gazetteer exclude NAME` leaves a stock name out")
        return self.user.remove(place_id)

    def alias(self, place_id: str, alias: str) -> Place:
        return self.user.alias(place_id, alias)

    def exclude(self, name: str, *, country: str = "") -> Exclusion:
        """Say that ``name`` is no place (in ``country`` only, when given): places, resolve, events and maps
        leave it out from now on (``include`` undoes it).

        >>> gaz.exclude("Al-Ahram")  # doctest: +SKIP
        Exclusion(key='ahram', name='Al-Ahram', country='')
        """
        if country and country.upper() not in self.countries():
            raise ValidationError(f"unknown country code {country!r} (expected ISO 3166-1 alpha-2, e.g. IR)")
        return self.user.exclude(name, country)

    def include(self, name: str, *, country: str = "") -> Exclusion:
        """Undo :meth:`exclude` for ``name`` (and ``country``, as it was excluded)."""
        return self.user.include(name, country)

    def exclusions(self) -> list[Exclusion]:
        """The names excluded, oldest first."""
        return self.user.exclusions()

    def excluded_everywhere(self) -> frozenset[str]:
        """Keys of the names excluded in every country (the unknown-name detector leaves them out too)."""
        return frozenset(e.key for e in self.user.exclusions() if not e.country)

    def entries(self) -> list[Place]:
        """All custom entries."""
        return self.user.entries()
