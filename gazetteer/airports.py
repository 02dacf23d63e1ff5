"""Airports with an IATA code, from airportsdata (MIT): news places events at ``Heathrow`` or ``Pearson
International Airport`` as often as at towns, and GeoNames' cities data has no airports.

Each airport is indexed under its name (``London Heathrow Airport``), its name without the city in front
(``Heathrow Airport``; the city is whichever town of the country the name starts with), the part after a
slash (``Ottawa / Macdonald-Cartier International Airport``) and, for the hubs of cities of a million people
or more, its one-word core (``Heathrow``, ``Gatwick``, ``O'Hare``): that is how news names them. A core that
names a town of the same country (``Luton``) or is a plain word (``International``, ``Municipal``) is not
used alone.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

__all__ = ["Airport", "airports"]

_TAIL = re.compile(r"\s+(?:International\s+Airport|Intl\.?\s+Airport|Airport|Airfield|Aerodrome|Intl)$", re.I)
_CORE = re.compile(r"[A-Z][a-z]*(?:['’-][A-Z]?[a-z]+)*")
_AFTER = re.compile(r"(?P<city>.+?) Airport (?P<core>[A-Z][a-z]+)$")
_GENERIC = frozenset({"International", "City", "Capital", "Central", "Executive", "Municipal", "Regional",
                      "Metropolitan", "National", "County", "Downtown", "Midway", "Memorial", "Island",
                      "East", "West", "North", "South", "Harbour", "Harbor"})
#: A city this large gives its airports' one-word cores as names of their own.
HUB_CITY_POPULATION = 1_000_000


@dataclass(frozen=True, slots=True)
class Airport:
    iata: str
    name: str
    lat: float
    lon: float
    country_code: str
    admin1: str
    forms: tuple[str, ...]  # further names, besides ``name``
    core: str | None  # the one-word core, when the airport is a big city's hub


def airports(city_population: Mapping[tuple[str, str], int]) -> Iterator[Airport]:
    """Every airport with an IATA code; ``city_population`` maps (country, city name) to population."""
    import airportsdata

    for iata, row in sorted(airportsdata.load("IATA").items()):
        name = " ".join(row["name"].split())
        forms: list[str] = []
        after = _AFTER.match(name)
        if after:  # "Amsterdam Airport Schiphol"
            forms.append(f"{after['core']} Airport")
        elif not _TAIL.search(name):
            continue  # bases, stations, heliports: not what news calls an airport
        if " / " in name:
            forms.append(name.split(" / ", 1)[1])
            name = name.replace(" / ", " ")
        city = row["city"].strip()
        words = name.split()
        for k in (3, 2, 1):  # "Toronto Pearson International Airport" lies in Mississauga, but is Toronto's
            head, rest = " ".join(words[:k]), " ".join(words[k:])
            if len(words) > k + 1 and (head == city or (row["country"], head) in city_population) \
                    and _TAIL.search(" " + rest) and _TAIL.sub("", " " + rest).strip():
                city = head
                forms.append(rest)
                break
        core = after["core"] if after else _TAIL.sub("", forms[-1] if forms else name).strip()
        city = after["city"] if after else city
        big = city_population.get((row["country"], city), 0) >= HUB_CITY_POPULATION
        hub_core = core if big and len(core) > 3 and _CORE.fullmatch(core) and core not in _GENERIC \
            and (row["country"], core) not in city_population else None
        yield Airport(iata, name, float(row["lat"]), float(row["lon"]), row["country"], row["subd"] or "",
                      tuple(dict.fromkeys(forms)), hub_core)
