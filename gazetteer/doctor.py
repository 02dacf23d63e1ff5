"""Checking a store file, and salvaging what can still be read of a damaged user store into a new one.

The user store is the one file the user cannot rebuild, so a damaged one is never overwritten: :func:`salvage`
moves it aside (``gazetteer.sqlite.damaged-20261203-101500``), creates a new store in its place and copies
into it every row of places, names and online answers that SQLite can still read.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from .errors import StoreError
from .normalize import normalize
from .user import UserStore

__all__ = ["Salvaged", "check_store", "salvage"]

#: Row ids probed one by one past a damaged page (a store of 300,000 entries has ids up to about that).
MAX_PROBE = 2_000_000


class Salvaged(NamedTuple):
    """What :func:`salvage` did: where the damaged file went, and the rows copied per table."""

    kept: Path
    places: int
    names: int
    lookups: int


def check_store(path: Path) -> list[str]:
    """SQLite's integrity check of a store file: the problems it reports, none for a sound file (or none
    there)."""
    if not path.exists():
        return []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        return [str(e)]
    problems = [str(r[0]) for r in rows if r and r[0] != "ok"]
    return problems


def _rows(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` SQLite can still read: a scan, then past a damaged page each row id alone."""
    try:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    except sqlite3.DatabaseError:
        return
    if not columns:
        return
    select = f"SELECT rowid, {', '.join(columns)} FROM {table}"
    last = 0
    try:
        for row in conn.execute(select + " ORDER BY rowid"):
            last = row[0]
            yield dict(zip(columns, row[1:], strict=True))
        return
    except sqlite3.DatabaseError:
        pass  # a damaged page: go on row by row
    try:
        top = int(conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0)
    except sqlite3.DatabaseError:
        top = last + MAX_PROBE
    for rowid in range(last + 1, min(top, last + MAX_PROBE) + 1):
        try:
            row = conn.execute(select + " WHERE rowid = ?", (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None:
            yield dict(zip(columns, row[1:], strict=True))


def salvage(path: Path) -> Salvaged:
    """Move the store at ``path`` aside and copy its readable rows into a new store at ``path``."""
    kept = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.replace(path, kept)
        for suffix in ("-wal", "-shm"):  # the write-ahead log holds committed rows too: it goes with its file
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, kept.with_name(kept.name + suffix))
    except OSError as e:
        raise StoreError(f"cannot move the damaged store {path} aside: {e}") from e
    fresh = UserStore(path)
    conn = fresh._open(create=True)
    assert conn is not None
    wanted = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in ("places", "names", "lookups")}
    counts = dict.fromkeys(wanted, 0)
    try:
        old = sqlite3.connect(f"file:{kept}?mode=ro", uri=True)
    except sqlite3.DatabaseError as e:
        raise StoreError(f"cannot read the damaged store {kept}: {e}") from e
    try:
        conn.execute("BEGIN IMMEDIATE")
        ids: set[Any] = set()
        for table, columns in wanted.items():
            for row in _rows(old, table):
                values = {c: row[c] for c in columns if c in row}
                if table == "places":
                    if any(values.get(c) is None for c in ("id", "name", "lat", "lon")):
                        continue
                    ids.add(values["id"])
                elif table == "names" and values.get("place_id") not in ids:
                    continue  # the name of a place that could not be read
                marks = ", ".join("?" * len(values))
                try:
                    conn.execute(f"INSERT OR IGNORE INTO {table} ({', '.join(values)}) VALUES ({marks})",
                                 list(values.values()))
                except sqlite3.IntegrityError:
                    continue  # a row damaged into violating the schema (a NULL name)
                counts[table] += 1
        # a place whose names were on a damaged page is still found by its own name
        for pid, name in conn.execute("SELECT id, name FROM places WHERE id NOT IN (SELECT place_id FROM names)"
                                      ).fetchall():
            if normalize(name):
                conn.execute("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", (normalize(name), pid, name, "name"))
                counts["names"] += 1
        conn.execute("COMMIT")
    except sqlite3.Error as e:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"cannot write the salvaged store {path}: {e}") from e
    finally:
        old.close()
        fresh.close()
    return Salvaged(kept, counts["places"], counts["names"], counts["lookups"])
