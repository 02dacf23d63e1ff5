"""The user store's schema, as the migrations that make it: a store of any earlier version is brought up to
:data:`USER_SCHEMA_VERSION` when opened, one transaction per step; a newer store is refused."""
from __future__ import annotations

import sqlite3

from .errors import StoreError

__all__ = ["MIGRATIONS", "USER_SCHEMA_VERSION", "migrate", "rollback"]

USER_SCHEMA_VERSION = 5
MIGRATIONS: dict[int, str] = {
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
    # v2: the kind the user gave (village, camp, ...) and a reference to the entry's origin (a GeoNames id).
    2: """
    ALTER TABLE places ADD COLUMN kind TEXT NOT NULL DEFAULT '';
    ALTER TABLE places ADD COLUMN ref TEXT NOT NULL DEFAULT '';
    CREATE INDEX IF NOT EXISTS user_places_ref ON places (ref);
    """,
    # v3: answers of online geocoders, so that a name is looked up once (provenance: service, query, date).
    3: """
    CREATE TABLE IF NOT EXISTS lookups (
        service TEXT NOT NULL, query TEXT NOT NULL, country TEXT NOT NULL DEFAULT '', created REAL NOT NULL,
        results TEXT NOT NULL, PRIMARY KEY (service, query, country)
    );
    """,
    # v4: a place's names found by its id (list, export and removal read them per place: 20,000 entries took
    # 13.6 s to list without it, 300,000 over ten minutes).
    4: """
    CREATE INDEX IF NOT EXISTS user_names_place ON names (place_id);
    """,
    # v5: names that are not places here ("Al-Ahram", the newspaper, not Ahram in Iran), in one country or all
    # (country '').
    5: """
    CREATE TABLE IF NOT EXISTS exclusions (
        key TEXT NOT NULL, name TEXT NOT NULL, country TEXT NOT NULL DEFAULT '', created REAL NOT NULL,
        PRIMARY KEY (key, country)
    );
    """,
}


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, if any: SQLite rolls one back itself on some failures (a full disk), and a
    second ROLLBACK would fail with "cannot rollback - no transaction is active" and hide the cause."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the store open on ``conn`` to the current schema."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > USER_SCHEMA_VERSION:
        raise StoreError(f"store schema {version} is newer than this program understands "
                         f"({USER_SCHEMA_VERSION}); upgrade the package")
    for target in range(version + 1, USER_SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] < target:
                for stmt in MIGRATIONS[target].split(";"):
                    if stmt.strip():
                        conn.execute(stmt)
                conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
