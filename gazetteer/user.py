"""The user's store: custom entries in SQLite (WAL mode, transactions, versioned schema). Never rebuilt."""
from __future__ import annotations

import functools
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from .distance import distance_km
from .errors import (
    DuplicateEntryError,
    GazetteerError,
    InvalidRowsError,
    StoreError,
    UnknownEntryError,
    ValidationError,
)
from .model import FEATURE_KINDS, Candidate, Entry, Exclusion, ImportReport, Place, RowError
from .normalize import normalize
from .userschema import USER_SCHEMA_VERSION, migrate
from .userschema import rollback as _rollback
from .validate import no_controls as _no_controls
from .validate import validate_entry

__all__ = ["STORE_WAIT_S", "USER_SCHEMA_VERSION", "UserStore", "store_error", "store_wait", "validate_entry"]

_M = TypeVar("_M", bound=Callable[..., Any])

DUPLICATE_KM = 1.0
#: The most people an entry may have (no city has ten billion; SQLite's integers end at 2**63).
MAX_POPULATION = 10_000_000_000
_COLS = ("p.id, p.name, p.lat, p.lon, p.feature_class, p.feature_code, p.country_code, p.admin1, p.population, "
         "p.source, p.kind, p.ref")


#: Keys whose answers a store keeps between lookups (a feed's documents ask the same names again).
_CACHED_KEYS = 50_000


#: Seconds a command waits for a store another command is writing to (``GEO_STORE_WAIT`` to change it).
STORE_WAIT_S = 120.0


def store_wait() -> float:
    """How long to wait for a busy store: ``GEO_STORE_WAIT`` seconds if set (0 to 86,400), else 120."""
    raw = os.environ.get("GEO_STORE_WAIT", "")
    try:
        wait = float(raw) if raw else STORE_WAIT_S
    except ValueError:
        raise StoreError(f"GEO_STORE_WAIT={raw!r} is not a number of seconds") from None
    if not 0 <= wait <= 86_400:
        raise StoreError(f"GEO_STORE_WAIT={raw!r} is out of range (0 to 86400 seconds)")
    return wait


def store_error(path: Path, e: sqlite3.Error) -> StoreError:
    """One line for what SQLite said about a store: busy, full, damaged or otherwise unusable."""
    said = str(e)
    if "locked" in said or "busy" in said:
        return StoreError(f"the store {path} is busy (another command, such as an import, is writing to it); "
                          "try again when it finishes, or wait longer with GEO_STORE_WAIT=seconds")
    if "full" in said:
        return StoreError(f"the disk holding the store {path} is full; nothing was changed")
    if isinstance(e, sqlite3.OperationalError) and "readonly" in said.replace(" ", ""):
        return StoreError(f"the store {path} is read-only: {said}")
    if isinstance(e, sqlite3.OperationalError) and "unable to open" in said:
        return StoreError(f"cannot open the store {path}: {said}")
    return StoreError(f"the store {path} is damaged ({said}); `geo gazetteer doctor` checks it and salvages "
                      "its entries into a new store")


def _said(method: _M) -> _M:
    """A store method whose SQLite errors become one StoreError line naming the store."""
    @functools.wraps(method)
    def wrapped(self: UserStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as e:
            raise store_error(self.path, e) from None
    return wrapped  # type: ignore[return-value]


class UserStore:
    """Custom entries. The file is created on the first write; reads of a missing file find nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        # each key's candidates and, for a small store, its every key, kept while it is unchanged (_answers_for)
        self._answers: dict[str, list[tuple[str, Candidate]]] = {}
        self._stamp: tuple[int, int] | None = None
        self._keys: set[str] | None = None
        self._lock = threading.Lock()

    def _open(self, *, create: bool) -> sqlite3.Connection | None:
        if self._conn is not None:
            return self._conn
        if not create and not self.path.exists():
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            wait = store_wait()
            conn = sqlite3.connect(self.path, timeout=wait, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute(f"PRAGMA busy_timeout={int(wait * 1000)}")
            migrate(conn)
        except sqlite3.DatabaseError as e:
            raise store_error(self.path, e) from None
        except OSError as e:
            raise StoreError(f"cannot create the gazetteer store {self.path}: {e}") from e
        self._conn = conn
        return conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._answers.clear()
            self._stamp = self._keys = None

    @staticmethod
    def _place(row: Sequence[Any], aliases: tuple[str, ...] = ()) -> Place:
        return Place(id=f"custom:{row[0]}", name=row[1], lat=row[2], lon=row[3], feature_class=row[4],
                     feature_code=row[5], country_code=row[6], admin1=row[7], population=row[8], source=row[9],
                     kind=row[10], ref=row[11], aliases=aliases)

    @_said
    def candidates(self, keys: Sequence[str]) -> list[tuple[str, Candidate]]:
        conn = self._open(create=False)
        if conn is None or not keys:
            return []
        with self._lock:  # the kept answers and keys are one store's, shared by the threads that use it
            return self._candidates(conn, keys)

    def _candidates(self, conn: sqlite3.Connection, keys: Sequence[str]) -> list[tuple[str, Candidate]]:
        answers = self._answers_for(conn)
        # a store small enough to hold its keys is asked only for keys it has
        missing = [k for k in dict.fromkeys(keys) if k not in answers and (self._keys is None or k in self._keys)]
        if len(answers) + len(missing) > _CACHED_KEYS:
            answers.clear()
        answers.update((k, []) for k in missing)
        for i in range(0, len(missing), 900):
            chunk = missing[i:i + 900]
            for row in conn.execute(f"SELECT n.key, n.form, n.kind, {_COLS} FROM names n JOIN places p ON "
                                    f"p.id = n.place_id WHERE n.key IN ({','.join('?' * len(chunk))})", chunk):
                answers[row[0]].append(
                    (row[0], Candidate(place=self._place(row[3:]), key=row[0], form=row[1], kind=row[2])))
        return [pair for k in dict.fromkeys(keys) for pair in answers.get(k, [])]

    def _answers_for(self, conn: sqlite3.Connection) -> dict[str, list[tuple[str, Candidate]]]:
        """The kept answers, emptied when the store changed through another connection (``data_version``) or
        this one (``total_changes``): a feed asks the same keys again, and a query a document cost 4 %."""
        stamp = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
        if stamp != self._stamp:
            self._answers.clear()
            self._stamp = stamp
            # every key of a store of up to _CACHED_KEYS names, read once: a new document's names are mostly
            # none of them, and asking SQLite for 46 absent keys took 0.19 ms a document
            keys = conn.execute(f"SELECT key FROM names LIMIT {_CACHED_KEYS + 1}").fetchall()
            self._keys = {k for (k,) in keys} if len(keys) <= _CACHED_KEYS else None
        return self._answers

    @_said
    def prefix(self, key: str, limit: int) -> list[Candidate]:
        conn = self._open(create=False)
        if conn is None:
            return []
        rows = conn.execute(
            f"SELECT n.key, n.form, n.kind, {_COLS} FROM names n JOIN places p ON p.id = n.place_id "
            "WHERE n.key > ? AND n.key < ? LIMIT ?", (key, key + "\uffff", limit)).fetchall()
        return [Candidate(place=self._place(r[3:]), key=r[0], form=r[1], kind=r[2]) for r in rows]

    def _aliases(self, conn: sqlite3.Connection, pid: int) -> tuple[str, ...]:
        return tuple(r[0] for r in conn.execute(
            "SELECT form FROM names WHERE place_id = ? AND kind != 'name' ORDER BY rowid", (pid,)))

    @staticmethod
    def _number(place_id: str) -> int:
        try:
            number = int(place_id.removeprefix("custom:")[:30])
        except ValueError:
            raise UnknownEntryError(f"no custom entry {place_id[:40]!r} (ids look like custom:3)") from None
        if not 0 < number < 1 << 63:
            raise UnknownEntryError(f"no custom entry {place_id[:40]!r} (ids look like custom:3)")
        return number

    @_said
    def get(self, place_id: str) -> Place | None:
        conn = self._open(create=False)
        if conn is None:
            return None
        pid = self._number(place_id)
        row = conn.execute(f"SELECT {_COLS} FROM places p WHERE p.id = ?", (pid,)).fetchone()
        return None if row is None else self._place(row, self._aliases(conn, pid))

    @_said
    def entries(self) -> list[Place]:
        conn = self._open(create=False)
        if conn is None:
            return []
        rows = conn.execute(f"SELECT {_COLS} FROM places p ORDER BY p.id").fetchall()
        aliases: dict[int, list[str]] = {}
        for pid, form in conn.execute("SELECT place_id, form FROM names WHERE kind != 'name' ORDER BY rowid"):
            aliases.setdefault(pid, []).append(form)  # every entry's aliases in one query, not one per entry
        return [self._place(r, tuple(aliases.get(r[0], ()))) for r in rows]

    @_said
    def add(self, name: str, *, lat: float, lon: float, country: str, admin1: str = "", kind: str = "town",
            aliases: Sequence[str] = (), population: int = 0, force: bool = False, update: bool = False,
            source: str = "custom") -> Place:
        """Validate and store an entry in one transaction; ``update`` replaces a duplicate within 1 km."""
        entry = Entry(name=name, lat=lat, lon=lon, country=country, admin1=admin1, kind=kind,
                      aliases=tuple(aliases), population=population, source=source)
        conn = self._open(create=True)
        assert conn is not None
        conn.execute("BEGIN IMMEDIATE")
        try:
            pid, _ = self._insert(conn, entry, force=force, update=update)
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise
        place = self.get(f"custom:{pid}")
        assert place is not None
        return place

    @_said
    def add_many(self, rows: Iterable[Entry | RowError], *, countries: Collection[str] | None = None,
                 update: bool = False, skip_invalid: bool = False, force: bool = False,
                 admin1_names: Mapping[str, str] | None = None) -> ImportReport:
        """Store many entries in ONE transaction: all of them, or (with bad rows) none unless ``skip_invalid``.

        Rows are validated like :meth:`add`; an entry with a ``ref`` (a GeoNames id) replaces the entry with the
        same ref, so importing the same dump twice changes nothing. Raises :class:`InvalidRowsError` (nothing
        stored) when a row is bad and ``skip_invalid`` is false. ``admin1_names`` maps ``CC.CODE`` to a division's
        name, for GeoNames dumps, which give codes.
        """
        conn = self._open(create=True)
        assert conn is not None
        added = replaced = 0
        errors: list[RowError] = []
        conn.execute("BEGIN IMMEDIATE")
        try:
            for row in rows:
                if isinstance(row, RowError):
                    errors.append(row)
                    continue
                try:
                    if countries is not None and row.country.upper() not in countries:
                        raise ValidationError(f"unknown country code {row.country!r}")
                    _, was_replaced = self._insert(conn, row, force=force, update=update, admin1_names=admin1_names)
                except GazetteerError as e:
                    errors.append(RowError(row.where, str(e)))
                    continue
                replaced += was_replaced
                added += not was_replaced
            report = ImportReport(added=added, replaced=replaced, errors=tuple(errors))
            if errors and not skip_invalid:
                raise InvalidRowsError(report)
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise
        return report

    def _insert(self, conn: sqlite3.Connection, e: Entry, *, force: bool, update: bool,
                admin1_names: Mapping[str, str] | None = None) -> tuple[int, bool]:
        """Insert one validated entry inside the caller's transaction; return (id, replaced an older one)."""
        name = e.name.strip()
        key = normalize(name)
        validate_entry(name, e.lat, e.lon, force=force, key=key)
        if e.kind and e.kind not in FEATURE_KINDS:
            raise ValidationError(f"unknown kind {e.kind!r}; choose one of {', '.join(sorted(FEATURE_KINDS))}")
        fclass, fcode = e.feature_class, e.feature_code
        kind = e.kind or ("" if fcode else "town")  # a row with neither is a town, as with `add`
        if not fcode:
            fclass, fcode = FEATURE_KINDS[kind]
        if len(e.country) != 2 or not e.country.isalpha():
            raise ValidationError(f"country {e.country!r} is not an ISO 3166-1 alpha-2 code")
        if not 0 <= e.population <= MAX_POPULATION:
            raise ValidationError(f"population {e.population} is out of range (0 to {MAX_POPULATION:,})")
        if e.ref:
            dupes = [r[0] for r in conn.execute("SELECT id FROM places WHERE ref = ?", (e.ref,))]
        else:
            dupes = [r[0] for r in conn.execute(
                "SELECT p.id, p.lat, p.lon FROM places p JOIN names n ON n.place_id = p.id WHERE n.key = ?",
                (key,)) if distance_km(e.lat, e.lon, r[1], r[2]) <= DUPLICATE_KM]
            if dupes and not update:
                raise DuplicateEntryError(f"{name!r} already exists within {DUPLICATE_KM:g} km as "
                                          f"custom:{dupes[0]} (use --update to replace it)")
        admin1 = admin1_names.get(f"{e.country}.{e.admin1}", e.admin1) if admin1_names and e.admin1 else e.admin1
        values = (name, e.lat, e.lon, fclass, fcode, e.country.upper(), admin1, e.population, e.source, time.time(),
                  kind, e.ref)
        if dupes:  # replace the first in place (its id stays valid), drop any others
            pid = dupes[0]
            for dupe in dupes[1:]:
                conn.execute("DELETE FROM places WHERE id = ?", (dupe,))
            conn.execute("DELETE FROM names WHERE place_id = ?", (pid,))
            conn.execute("UPDATE places SET name=?, lat=?, lon=?, feature_class=?, feature_code=?, country_code=?, "
                         "admin1=?, population=?, source=?, created=?, kind=?, ref=? WHERE id = ?", (*values, pid))
        else:
            cur = conn.execute(
                "INSERT INTO places (name, lat, lon, feature_class, feature_code, country_code, admin1, population, "
                "source, created, kind, ref) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", values)
            pid = int(cur.lastrowid or 0)
        self._insert_name(conn, pid, name, "name", key)
        for alias in e.aliases:
            if "|" in alias:
                raise ValidationError(f"alias {alias!r} contains '|', which separates aliases in CSV files")
            if alias.strip():
                self._insert_name(conn, pid, alias.strip(), "alt")
        return pid, bool(dupes)

    @staticmethod
    def _insert_name(conn: sqlite3.Connection, pid: int, form: str, kind: str, key: str | None = None) -> None:
        key = normalize(form) if key is None else key
        if not key:
            raise ValidationError(f"alias {form!r} has no letters")
        _no_controls(form, "the alias")
        conn.execute("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", (key, pid, form, kind))

    @_said
    def cached_lookup(self, service: str, query: str, country: str) -> list[dict[str, Any]] | None:
        """An online geocoder's earlier answer for this query, or None if it was never asked."""
        conn = self._open(create=False)
        if conn is None:
            return None
        row = conn.execute("SELECT results FROM lookups WHERE service = ? AND query = ? AND country = ?",
                           (service, query, country)).fetchone()
        return None if row is None else list(json.loads(row[0]))

    @_said
    def store_lookup(self, service: str, query: str, country: str, results_json: str) -> None:
        conn = self._open(create=True)
        assert conn is not None
        conn.execute("INSERT OR REPLACE INTO lookups VALUES (?,?,?,?,?)",
                     (service, query, country, time.time(), results_json))

    @_said
    def remove(self, place_id: str) -> Place:
        place = self.get(place_id)
        if place is None:
            raise UnknownEntryError(f"no custom entry {place_id!r}")
        conn = self._open(create=True)
        assert conn is not None
        conn.execute("DELETE FROM places WHERE id = ?", (self._number(place_id),))
        return place

    @_said
    def exclude(self, name: str, country: str = "") -> Exclusion:
        """Record that ``name`` is no place (in ``country`` only, when given); excluding twice changes nothing."""
        key = normalize(name)
        if not key:
            raise ValidationError(f"the name {name!r} has no letters")
        country = country.upper()
        if country and (len(country) != 2 or not country.isalpha()):
            raise ValidationError(f"country {country!r} is not an ISO 3166-1 alpha-2 code")
        conn = self._open(create=True)
        assert conn is not None
        conn.execute("INSERT OR IGNORE INTO exclusions VALUES (?,?,?,?)", (key, name.strip(), country, time.time()))
        return Exclusion(key, name.strip(), country)

    @_said
    def include(self, name: str, country: str = "") -> Exclusion:
        """Undo :meth:`exclude`; an error naming what is excluded when the name is not."""
        key, country = normalize(name), country.upper()
        conn = self._open(create=False)
        row = None if conn is None else conn.execute(
            "SELECT key, name, country FROM exclusions WHERE key = ? AND country = ?", (key, country)).fetchone()
        if row is None or conn is None:
            where = f" in {country}" if country else ""
            listed = ", ".join(e.label for e in self.exclusions()) or "nothing"
            raise UnknownEntryError(f"{name!r} is not excluded{where} (excluded: {listed})")
        conn.execute("DELETE FROM exclusions WHERE key = ? AND country = ?", (key, country))
        return Exclusion(*row)

    @_said
    def exclusions(self) -> list[Exclusion]:
        """The names excluded, in the order they were excluded."""
        conn = self._open(create=False)
        if conn is None:
            return []
        return [Exclusion(*r) for r in conn.execute("SELECT key, name, country FROM exclusions ORDER BY created")]

    @_said
    def alias(self, place_id: str, alias: str) -> Place:
        if self.get(place_id) is None:
            raise UnknownEntryError(f"no custom entry {place_id!r}")
        conn = self._open(create=True)
        assert conn is not None
        self._insert_name(conn, self._number(place_id), alias.strip(), "alt")
        place = self.get(place_id)
        assert place is not None
        return place
