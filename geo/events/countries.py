"""The countries of a document: its own (the dateline's and the most named), and where an event with no place of
its own goes (the reporter's subject, not the bureau's city)."""
from __future__ import annotations

from collections import Counter

from ..model import Mention, main_country
from .roles import is_demonym

__all__ = ["home_country", "own_countries"]


def home_country(mentions: list[Mention], dateline: Mention | None, body_start: int = 0) -> str | None:
    """Where an event with no place of its own goes: the dateline's country (``SAN SALVADOR, 18 NOV 89 -- ...
    Spanish ... Spanish ...``: El Salvador) unless the body after the dateline never names it, nor a place or
    people of it, and names another country by its name three times (``ROME (ITALY), 11 JAN 90 -- [INTERVIEW] ...
    the massacre ... in El Salvador ... in El Salvador``: the reporter is in Rome, the massacre in El Salvador;
    towns do not count, wire copy's capitals make towns of people: ``CUELLAR``, ``LEIGH``); with no dateline, the
    most named country.

    >>> from geo.model import Mention, Place
    >>> def m(name, cc, at): return Mention(name, at, at + len(name), Place(name, name, 0, 0, "A", "PCLI", cc))
    >>> rome, sv = m("ROME", "IT", 0), [m("EL SALVADOR", "SV", k) for k in (40, 90, 140)]
    >>> home_country([rome, *sv], rome, 20)
    'SV'
    >>> home_country([rome, *sv[:1]], rome, 20)
    'IT'
    """
    line = dateline.place.country_code if dateline and dateline.place else None
    if line is None:
        return main_country(m for m in mentions if not is_demonym(m))
    body = [m for m in mentions if m.start >= body_start and m.place is not None]
    if any(m.place.country_code == line for m in body):  # type: ignore[union-attr]
        return line
    named = Counter(m.place.country_code for m in body  # type: ignore[union-attr]
                    if not is_demonym(m) and m.place.feature_code.startswith("PCL"))  # type: ignore[union-attr]
    top = named.most_common(1)
    return top[0][0] if top and top[0][1] >= 3 else line


def own_countries(mentions: list[Mention], dateline: Mention | None) -> frozenset[str]:
    """The document's own countries: its dateline's, and those named (or holding places named, demonyms aside:
    ``Spanish`` Jesuits) at least half as often as the most named one."""
    counts = Counter(m.place.country_code for m in mentions
                     if m.place is not None and m.place.country_code and not is_demonym(m))
    top = max(counts.values(), default=0)
    own = {c for c, n in counts.items() if 2 * n >= top}
    if dateline is not None and dateline.place is not None and dateline.place.country_code:
        own.add(dateline.place.country_code)
    return frozenset(own)
