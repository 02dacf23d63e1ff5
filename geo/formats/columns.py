"""Any event table by its column names (the usual ones, or those ``--columns`` names), its types read as
ACLED's by their names or their words (``Car bombing``: Remote explosive/landmine/IED).

>>> parse_columns("lat=Y,lon=X")
{'lat': 'Y', 'lon': 'X'}
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..taxonomy import EVENT_TYPES, SUB_EVENT_TYPES
from .cells import Bad, Layout, Record, cell, country_by_name, date_cell, evidence_of, guarded, names_cell, number

__all__ = ["FIELDS", "TYPE_WORDS", "acled_of", "columns_layout", "parse_columns"]

#: Event fields a table may supply, each with the column names it is known by (the first found is read).
FIELDS: dict[str, tuple[str, ...]] = {
    "event_type": ("event_type", "eventtype", "type", "category", "event", "kind", "incident_type"),
    "sub_event_type": ("sub_event_type", "subtype", "sub_type", "event_subtype"),
    "date": ("date", "event_date", "date_start", "day", "start_date", "incident_date", "when"),
    "lat": ("lat", "latitude", "y", "lat_dd"),
    "lon": ("lon", "lng", "long", "longitude", "x", "lon_dd"),
    "location": ("location", "place", "place_name", "placename", "town", "city", "where", "site"),
    "country_code": ("country_code", "iso2", "iso_a2", "cc", "country"),
    "admin1": ("admin1", "province", "state", "governorate", "adm_1", "adm1"),
    "actors": ("actors", "actor", "actor1", "perpetrator", "perpetrators", "actor2", "target"),
    "fatalities": ("fatalities", "deaths", "killed", "dead", "death_toll", "nkill"),
    "evidence": ("evidence", "notes", "description", "summary", "text", "details"),
    "source": ("source", "source_url", "url", "link", "sources"),
    "original_id": ("id", "event_id", "uid", "incident_id"),
    "time_precision": ("time_precision",), "geo_precision": ("geo_precision",),
}
_LIST_FIELDS = ("actors",)

#: Words of other tools' free-text types, read in order, as ACLED (type, sub-type): ``airstrike`` before
#: ``strike``, ``suicide bombing`` before ``bombing``.
TYPE_WORDS: tuple[tuple[str, tuple[str, str]], ...] = (
    (r"air ?strike|air raid|drone|aerial|bombard", ("Explosions/Remote violence", "Air/drone strike")),
    (r"shell|artillery|mortar|rocket|missile", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    (r"suicide", ("Explosions/Remote violence", "Suicide bomb")),
    (r"chemical", ("Explosions/Remote violence", "Chemical weapon")),
    (r"grenade", ("Explosions/Remote violence", "Grenade")),
    (r"bomb|explos|\bied\b|landmine|\bmines?\b", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    (r"riot|\bmob\b|violent demonstration", ("Riots", "Violent demonstration")),
    (r"protest|demonstrat|rally|\bmarch", ("Protests", "Peaceful protest")),
    (r"battle|clash|\bfight|firefight|combat|skirmish|armed conflict|state-based|non-state",
     ("Battles", "Armed clash")),
    (r"abduct|kidnap|hostage|disappear", ("Violence against civilians", "Abduction/forced disappearance")),
    (r"sexual|\brape", ("Violence against civilians", "Sexual violence")),
    (r"attack|massacre|killing|murder|assassinat|shooting|one-sided|against civilians",
     ("Violence against civilians", "Attack")),
    (r"arrest|detain|detention", ("Strategic developments", "Arrests")),
    (r"loot|arson|property destruction", ("Strategic developments", "Looting/property destruction")),
    (r"agreement|cease-?fire|truce|peace deal", ("Strategic developments", "Agreement")),
)


def acled_of(kind: str, sub: str = "") -> tuple[str, str] | None:
    """ACLED's (type, sub-type) for a table's type and sub-type cells: ACLED's own names (any case), an ACLED
    sub-type alone, or the words of :data:`TYPE_WORDS`; None when nothing fits.

    >>> acled_of("battles", "armed clash"), acled_of("Air/drone strike"), acled_of("Car bombing")
    (('Battles', 'Armed clash'), ('Explosions/Remote violence', 'Air/drone strike'), ('Explosions/Remote violence', \
'Remote explosive/landmine/IED'))
    >>> acled_of("press conference") is None
    True
    """
    types = {t.lower(): t for t in EVENT_TYPES}
    subs = {s.lower(): s for s in SUB_EVENT_TYPES}
    k, s = kind.strip().lower(), sub.strip().lower()
    if k in types:
        return types[k], subs.get(s, sub.strip())
    for text in (s, k):
        if text in subs:
            return SUB_EVENT_TYPES[subs[text]], subs[text]
    for text in (k, s):
        for pattern, mapped in TYPE_WORDS:
            if text and re.search(pattern, text):
                return mapped
    return None


def parse_columns(spec: str) -> dict[str, str]:
    """``--columns lat=Y,lon=X,date=When`` as {field: column}; an unknown field is an error listing them.

    >>> parse_columns("lat=Y, lon = X,event_type=Kind")
    {'lat': 'Y', 'lon': 'X', 'event_type': 'Kind'}
    """
    out: dict[str, str] = {}
    for part in (p.strip() for p in spec.split(",") if p.strip()):
        field, eq, column = part.partition("=")
        field, column = field.strip(), column.strip()
        if not eq or not column:
            raise ValueError(f"--columns: {part!r} is not FIELD=COLUMN")
        if field not in FIELDS:
            raise ValueError(f"--columns: no event field {field!r}; fields: {', '.join(FIELDS)}")
        out[field] = column
    return out


def _norm(column: str) -> str:
    return re.sub(r"[\s\-.]+", "_", column.strip().lower())


def columns_layout(columns: Sequence[str], mapping: Mapping[str, str] | None = None) -> Layout:
    """The layout of a table by its column names (and ``mapping``, which wins); an error naming the table's
    columns when it has no type or no coordinates."""
    mapping = dict(mapping or {})
    present = {_norm(c): c for c in columns}
    missing = [c for c in mapping.values() if c not in columns and _norm(c) not in present]
    if missing:
        raise ValueError(f"no column {missing[0]!r} (--columns); columns: {', '.join(columns)}")
    chosen: dict[str, str] = {f: (c if c in columns else present[_norm(c)]) for f, c in mapping.items()}
    taken = set(chosen.values())
    for f, names in FIELDS.items():
        if f not in chosen:
            found = next((present[n] for n in names if n in present and present[n] not in taken), None)
            if found is not None:
                chosen[f] = found
                taken.add(found)
    for need, hint in (("event_type", "event_type=COLUMN"), ("lat", "lat=COLUMN,lon=COLUMN"),
                       ("lon", "lat=COLUMN,lon=COLUMN")):
        if need not in chosen:
            raise ValueError(f"no {need} column among {', '.join(columns)}; name it with --columns {hint}")
    actor_columns = [c for c in columns if _norm(c) in FIELDS["actors"]] if "actors" not in mapping else []

    def convert(row: Mapping[str, Any]) -> Record:
        kind, sub = cell(row, chosen["event_type"]), cell(row, chosen.get("sub_event_type", ""))
        mapped = acled_of(kind, sub)
        if mapped is None:
            raise Bad(f"{chosen['event_type']}: {kind[:40]!r} maps to none of ACLED's types "
                       f"({', '.join(EVENT_TYPES)})")
        out: Record = {"event_type": mapped[0], "sub_event_type": mapped[1]}
        if kind not in EVENT_TYPES:
            out["original_type"] = f"{kind} / {sub}" if sub else kind
        for f, column in chosen.items():
            if f in ("event_type", "sub_event_type", "original_type"):
                continue
            if f == "date":
                out[f] = date_cell(row, column)
            elif f in ("lat", "lon"):
                out[f] = number(row, column)
            elif f in ("fatalities", "time_precision", "geo_precision"):
                value = number(row, column, integer=True)
                if value is not None:
                    out[f] = value
            elif f == "country_code":
                text = cell(row, column)
                out[f] = text.upper() if len(text) == 2 else country_by_name(text)
            elif f == "evidence":
                out[f] = evidence_of(cell(row, column))
            elif f in _LIST_FIELDS:
                out[f] = names_cell(row, *(actor_columns or [column]))
            else:
                out[f] = cell(row, column)
        return out

    return Layout("columns", lambda _: True, guarded(convert))


#: Known layouts, tried in order; a table that is none of them is read by its column names (:func:`columns_layout`).
