"""Event tables other tools write, read as events: ACLED exports, UCDP GED, GDELT 2.0 events, and any table with
points and a type column (named by their usual names, or by a ``--columns`` mapping).

:data:`LAYOUTS` is an ordered table of named layouts; the first whose ``detect`` accepts a table's columns converts
its rows. Each row becomes an event record (the shape :meth:`geo.model.Event.from_dict` reads) or a
:class:`Problem` naming the row, the column and the reason: a type that maps to none of ACLED's (GDELT's
``04 consult``), a date that is no date. Nothing is dropped without saying so.

>>> layout_for(["event_id_cnty", "event_date", "event_type", "latitude", "longitude"]).name
'acled'
>>> row = {"id": "7", "type_of_violence": "3", "date_start": "2016-10-03", "best": "4", "low": "3", "high": "9",
...        "latitude": "36.2", "longitude": "37.16", "country": "Syria", "where_prec": "1", "date_prec": "1"}
>>> record = layout_for(list(row)).convert(row, "ged.csv:2")
>>> record["event_type"], record["fatalities"], record["country_code"], record["original_type"]
('Violence against civilians', 4, 'SY', 'UCDP type_of_violence 3 (one-sided violence)')
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..taxonomy import EVENT_TYPES
from .cameo import acled_type, root_name
from .cells import (
    Bad,
    Layout,
    Problem,
    Record,
    cell,
    country_cell,
    date_cell,
    evidence_of,
    guarded,
    has_columns,
    names_cell,
    number,
)
from .columns import columns_layout

__all__ = ["LAYOUTS", "Layout", "Problem", "canonical_row", "gdelt_columns", "layout_for"]


# -- ACLED ---------------------------------------------------------------------------------------------------
def _acled(row: Mapping[str, Any]) -> Record:
    kind = cell(row, "event_type")
    if kind not in EVENT_TYPES:
        raise Bad(f"event_type: {kind[:40]!r} is none of ACLED's ({', '.join(EVENT_TYPES)})")
    return {
        "event_type": kind, "sub_event_type": cell(row, "sub_event_type"), "date": date_cell(row, "event_date"),
        "time_precision": number(row, "time_precision", integer=True) or 1, "location": cell(row, "location"),
        "lat": number(row, "latitude"), "lon": number(row, "longitude"),
        "geo_precision": number(row, "geo_precision", integer=True) or 1, "admin1": cell(row, "admin1"),
        "country_code": country_cell(row, numeric="iso", name="country"),
        "actors": names_cell(row, "actor1", "assoc_actor_1", "actor2", "assoc_actor_2"),
        "fatalities": number(row, "fatalities", integer=True) or 0, "evidence": evidence_of(cell(row, "notes")),
        "source": cell(row, "source"), "original_id": cell(row, "event_id_cnty"),
    }


# -- UCDP GED ------------------------------------------------------------------------------------------------
_UCDP_TYPES = {"1": ("Battles", "Armed clash", "state-based conflict"),
               "2": ("Battles", "Armed clash", "non-state conflict"),
               "3": ("Violence against civilians", "Attack", "one-sided violence")}
#: UCDP's where_prec (1 the exact place ... 7 international waters) and date_prec (1 the day ... 5 over a year)
#: as ACLED's precision codes.
_UCDP_WHERE = {1: 1, 2: 2, 3: 2, 4: 3, 5: 2, 6: 3, 7: 3}
_UCDP_WHEN = {1: 1, 2: 2, 3: 3, 4: 3, 5: 3}


def _ucdp(row: Mapping[str, Any]) -> Record:
    code = cell(row, "type_of_violence")
    if code not in _UCDP_TYPES:
        raise Bad(f"type_of_violence: {code[:20]!r} is none of UCDP's (1 state-based, 2 non-state, 3 one-sided)")
    kind, sub, label = _UCDP_TYPES[code]
    best = number(row, "best", integer=True)
    reports = [f"{k} {v}" for k in ("low", "best", "high") if (v := cell(row, k))]
    return {
        "event_type": kind, "sub_event_type": sub, "date": date_cell(row, "date_start"),
        "time_precision": _UCDP_WHEN.get(int(number(row, "date_prec", integer=True) or 1), 3),
        "location": cell(row, "where_coordinates") or cell(row, "where_description"),
        "lat": number(row, "latitude"), "lon": number(row, "longitude"),
        "geo_precision": _UCDP_WHERE.get(int(number(row, "where_prec", integer=True) or 1), 3),
        "admin1": cell(row, "adm_1"), "country_code": country_cell(row, name="country"),
        "actors": names_cell(row, "side_a", "side_b"), "fatalities": best or 0, "fatality_reports": reports,
        "evidence": evidence_of(cell(row, "source_headline")),
        "source": cell(row, "source_article") or cell(row, "source_office"), "original_id": cell(row, "id"),
        "original_type": f"UCDP type_of_violence {code} ({label})",
    }


# -- GDELT ---------------------------------------------------------------------------------------------------
def _geo_block(prefix: str, adm2: bool) -> list[str]:
    return [f"{prefix}Geo_{f}" for f in ("Type", "FullName", "CountryCode", "ADM1Code", *(("ADM2Code",) * adm2),
                                         "Lat", "Long", "FeatureID")]


def _actor_block(n: int) -> list[str]:
    return [f"Actor{n}{f}" for f in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                                     "Religion2Code", "Type1Code", "Type2Code", "Type3Code")]


def gdelt_columns(version: int = 2) -> list[str]:
    """GDELT's event export columns, which its files do not name: 61 in 2.0, 58 in 1.0 (no ADM2 codes).

    >>> len(gdelt_columns(2)), len(gdelt_columns(1)), gdelt_columns()[-1]
    (61, 58, 'SOURCEURL')
    """
    adm2 = version == 2
    return ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", *_actor_block(1), *_actor_block(2),
            "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
            "NumMentions", "NumSources", "NumArticles", "AvgTone", *_geo_block("Actor1", adm2),
            *_geo_block("Actor2", adm2), *_geo_block("Action", adm2), "DATEADDED", "SOURCEURL"]


#: ActionGeo_Type (1 country, 2 US state, 3 US city, 4 world city, 5 world state) as ACLED's geo_precision.
_GDELT_PRECISION = {1: 3, 2: 3, 3: 1, 4: 1, 5: 3}


def _gdelt(row: Mapping[str, Any]) -> Record:
    code = cell(row, "EventCode")
    mapped = acled_type(code) if code else None
    if mapped is None:
        root = cell(row, "EventRootCode").zfill(2)
        raise Bad(f"EventRootCode: {root} ({root_name(root)}) is no event ACLED codes (CAMEO roots 14-20 are)")
    return {
        "event_type": mapped[0], "sub_event_type": mapped[1], "date": date_cell(row, "SQLDATE"), "time_precision": 1,
        "location": cell(row, "ActionGeo_FullName"), "lat": number(row, "ActionGeo_Lat"),
        "lon": number(row, "ActionGeo_Long"),
        "geo_precision": _GDELT_PRECISION.get(int(number(row, "ActionGeo_Type", integer=True) or 1), 3),
        "country_code": country_cell(row, fips="ActionGeo_CountryCode"),
        "actors": names_cell(row, "Actor1Name", "Actor2Name"),
        "source": cell(row, "SOURCEURL"), "original_id": cell(row, "GLOBALEVENTID"),
        "original_type": f"CAMEO {code}",
    }


LAYOUTS: tuple[Layout, ...] = (
    Layout("acled", has_columns("event_id_cnty", "event_date", "event_type", "latitude", "longitude"), guarded(_acled)),
    Layout("ucdp-ged", has_columns("type_of_violence", "date_start", "best", "latitude", "longitude"), guarded(_ucdp)),
    Layout("gdelt", has_columns("globaleventid", "sqldate", "eventcode", "actiongeo_lat", "actiongeo_long"),
           guarded(_gdelt)),
)


def layout_for(columns: Sequence[str], mapping: Mapping[str, str] | None = None) -> Layout:
    """The layout that reads a table with these columns: a known one, else by column names (``mapping``
    forces the latter); :class:`ValueError` naming the columns when none can."""
    if not mapping:
        for layout in LAYOUTS:
            if layout.detect(columns):
                return layout
    return columns_layout(columns, mapping)


def canonical_row(layout: Layout, row: Mapping[str, Any]) -> dict[str, Any]:
    """A row with its keys spelled as ``layout`` reads them (tables differ in case: BigQuery's ``sqldate``)."""
    if layout.name == "gdelt":
        names = {c.lower(): c for c in gdelt_columns()}
        return {names.get(str(k).lower(), k): v for k, v in row.items()}
    if layout.name in ("acled", "ucdp-ged"):
        return {str(k).lower(): v for k, v in row.items()}
    return dict(row)
