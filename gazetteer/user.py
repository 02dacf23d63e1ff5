"""The user's store: custom entries in SQLite (WAL mode, transactions, versioned schema). Never rebuilt."""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .distance import distance_km
from .errors import DuplicateEntryError, StoreError, UnknownEntryError, ValidationError
from .model import FEATURE_KINDS, Candidate, Place
from .normalize import normalize

__all__ = ["USER_SCHEMA_VERSION", "UserStore", "validate_entry"]

USER_SCHEMA_VERSION = 1
DUPLICATE_KM = 1.0
_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE IF NOT EXISTS places (
        id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
        feature_class TEXT NOT NULL, feature_code TEXT NOT NULL, country_code TEXT NOT NULL,
        admin1 TEXT NOT NULL DEFAULT '', population INTEGER NOT NULL DEFAULT 0,
        source TEXT NOT NULL DEFAULT 'custom', created REAL NOT NULL
    );
    CREATE TABLE IF NOT EXISTS names (
        key TEXT NOT NULL, place_id INTEGER NOT NULL REFERENCES places(id) ON DELETE CASCADE,
        form TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (key, place_id, form)
    );
    CREATE INDEX IF NOT EXISTS user_names_key ON names (key);
    """,
}
_COLS = "p.id, p.name, p.lat, p.lon, p.feature_class, p.feature_code, p.country_code, p.admin1, p.population, p.source"


def validate_entry(name: str, lat: float, lon: float, *, force: bool = False) -> None:
    """Raise ValidationError unless the name and coordinates make a plausible entry."""
    if not name or not name.strip() or not normalize(name):
        raise ValidationError("the name is empty")
    if not -90.0 <= lat <= 90.0:
        raise ValidationError(f"latitude {lat} is out of range [-90, 90]")
    if not -180.0 <= lon <= 180.0:
        raise ValidationError(f"longitude {lon} is out of range [-180, 180]")
    if lat == 0 and lon == 0 and not force:
        raise ValidationError("coordinates 0,0 look like a missing value (use --force if they are meant)")


class UserStore:
    """Custom entries. The file is created on the first write; reads of a missing file find nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None

    def _open(self, *, create: bool) -> sqlite3.Connection | None:
        if self._conn is not None:
            return self._conn
        if not create and not self.path.exists():
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            self._migrate(conn)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open the gazetteer store {self.path}: {e}") from e
        except OSError as e:
            raise StoreError(f"cannot create the gazetteer store {self.path}: {e}") from e
        self._conn = conn
        return conn

    @staticmethod
    def _migrate(conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > USER_SCHEMA_VERSION:
            raise StoreError(f"store schema {version} is newer than this program understands "
                             f"({USER_SCHEMA_VERSION}); upgrade the package")
        for target in range(version + 1, USER_SCHEMA_VERSION + 1):
            conn.execute("BEGIN IMMEDIATE")
            try:
                if conn.execute("PRAGMA user_version").fetchone()[0] < target:
                    for stmt in _MIGRATIONS[target].split(";"):
                        if stmt.strip():
                            conn.execute(stmt)
                    conn.execute(f"PRAGMA user_version = {target}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @staticmethod
    def _place(row: Sequence[Any], aliases: tuple[str, ...] = ()) -> Place:
        return Place(id=f"custom:{row[0]}", name=row[1], lat=row[2], lon=row[3], feature_class=row[4],
                     feature_code=row[5], country_code=row[6], admin1=row[7], population=row[8], source=row[9],
                     aliases=aliases)

    def candidates(self, keys: Sequence[str]) -> Iterator[tuple[str, Candidate]]:
        conn = self._open(create=False)
        if conn is None or not keys:
            return
        for i in range(0, len(keys), 900):
            chunk = list(keys[i:i + 900])
            rows = conn.execute(
                f"SELECT n.key, n.form, n.kind, {_COLS} FROM names n JOIN places p ON p.id = n.place_id "
                f"WHERE n.key IN ({','.join('?' * len(chunk))})", chunk).fetchall()
            for row in rows:
                yield row[0], Candidate(place=self._place(row[3:]), key=row[0], form=row[1], kind=row[2])

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
            return int(place_id.removeprefix("custom:"))
        except ValueError:
            raise UnknownEntryError(f"no custom entry {place_id!r} (ids look like custom:3)") from None

    def get(self, place_id: str) -> Place | None:
        conn = self._open(create=False)
        if conn is None:
            return None
        pid = self._number(place_id)
        row = conn.execute(f"SELECT {_COLS} FROM places p WHERE p.id = ?", (pid,)).fetchone()
        return None if row is None else self._place(row, self._aliases(conn, pid))

    def entries(self) -> list[Place]:
        conn = self._open(create=False)
        if conn is None:
            return []
        rows = conn.execute(f"SELECT {_COLS} FROM places p ORDER BY p.id").fetchall()
        return [self._place(r, self._aliases(conn, r[0])) for r in rows]

    def add(self, name: str, *, lat: float, lon: float, country: str, admin1: str = "", kind: str = "town",
            aliases: Sequence[str] = (), population: int = 0, force: bool = False, update: bool = False,
            source: str = "custom") -> Place:
        """Validate and store an entry in one transaction; ``update`` replaces a duplicate within 1 km."""
        validate_entry(name, lat, lon, force=force)
        if kind not in FEATURE_KINDS:
            raise ValidationError(f"unknown kind {kind!r}; choose one of {', '.join(sorted(FEATURE_KINDS))}")
        fclass, fcode = FEATURE_KINDS[kind]
        conn = self._open(create=True)
        assert conn is not None
        key = normalize(name)
        conn.execute("BEGIN IMMEDIATE")
        try:
            dupes = [r for r in conn.execute(
                "SELECT p.id, p.lat, p.lon FROM places p JOIN names n ON n.place_id = p.id WHERE n.key = ?",
                (key,)) if distance_km(lat, lon, r[1], r[2]) <= DUPLICATE_KM]
            if dupes and not update:
                raise DuplicateEntryError(f"{name!r} already exists within {DUPLICATE_KM:g} km as "
                                          f"custom:{dupes[0][0]} (use --update to replace it)")
            for dupe in dupes:
                conn.execute("DELETE FROM places WHERE id = ?", (dupe[0],))
            cur = conn.execute(
                "INSERT INTO places (name, lat, lon, feature_class, feature_code, country_code, admin1, population, "
                "source, created) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (name.strip(), lat, lon, fclass, fcode, country, admin1, population, source, time.time()))
            pid = int(cur.lastrowid or 0)
            self._insert_name(conn, pid, name.strip(), "name")
            for alias in aliases:
                if alias.strip():
                    self._insert_name(conn, pid, alias.strip(), "alt")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        place = self.get(f"custom:{pid}")
        assert place is not None
        return place

    @staticmethod
    def _insert_name(conn: sqlite3.Connection, pid: int, form: str, kind: str) -> None:
        key = normalize(form)
        if not key:
            raise ValidationError(f"alias {form!r} has no letters")
        conn.execute("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", (key, pid, form, kind))

    def remove(self, place_id: str) -> Place:
        place = self.get(place_id)
        if place is None:
            raise UnknownEntryError(f"no custom entry {place_id!r}")
        conn = self._open(create=True)
        assert conn is not None
        conn.execute("DELETE FROM places WHERE id = ?", (self._number(place_id),))
        return place

    def alias(self, place_id: str, alias: str) -> Place:
        if self.get(place_id) is None:
            raise UnknownEntryError(f"no custom entry {place_id!r}")
        conn = self._open(create=True)
        assert conn is not None
        self._insert_name(conn, self._number(place_id), alias.strip(), "alt")
        place = self.get(place_id)
        assert place is not None
        return place
