"""The resolver's weights, written once: each part of a candidate's fit has a name, a value and the example that
motivated it, and the reason ``--explain`` prints is made from the same entry (``custom +0.30``), so the
explanation cannot drift from the arithmetic.

>>> part("custom")
(0.3, 'custom +0.30')
>>> part("country-context", detail="SY x3", value=0.35)
(0.35, 'country-context SY x3 +0.35')

To add a part, see CONTRIBUTING.md ("Adding a resolver part").
"""
from __future__ import annotations

from functools import cache
from typing import NamedTuple

__all__ = ["FIXED_PRIORS", "WEIGHTS", "Weight", "near_context", "part", "population_prior"]


class Weight(NamedTuple):
    value: float
    why: str  # the example that motivated it


#: Priors by feature code for places whose population says nothing (areas, airports, natural features).
FIXED_PRIORS = {
    "PCLI": 0.85, "CONT": 0.8, "ADM1": 0.6, "ADM2": 0.45, "AIRP": 0.4,
    # regions.tsv: "Middle East" before Middle East, a hamlet of Jamaica; "Atlantic" the ocean, not Atlantic, Iowa
    "RGN": 0.75, "PCLH": 0.75, "OCN": 0.8, "LKS": 0.6,
    # features.tsv (Natural Earth): below a town of 10,000 people (0.42) unless the kind is rarely a town's name
    # ("Rota" is the Spanish town of 29,000, not the island of the Marianas; "the Sahara" has no namesake)
    "SEA": 0.6, "GULF": 0.55, "STRT": 0.5, "BAY": 0.45, "SD": 0.4, "CHN": 0.4, "LGN": 0.35, "FJD": 0.35,
    "INLT": 0.35, "RF": 0.35, "STM": 0.45, "LK": 0.45, "RSV": 0.35, "FLLS": 0.35, "WTLD": 0.35,
    "MTS": 0.5, "DSRT": 0.5, "PEN": 0.5, "RGNP": 0.6, "DLTA": 0.45, "ISLS": 0.45, "ISL": 0.4, "PLAT": 0.4,
    "PLN": 0.4, "VAL": 0.4, "BSNU": 0.4, "ISTH": 0.4, "MT": 0.35, "CST": 0.35, "GRGE": 0.35, "HLLS": 0.35,
    "DPR": 0.35, "CAPE": 0.3, "PASS": 0.3,
}

WEIGHTS: dict[str, Weight] = {
    # the candidate alone
    "capital": Weight(0.15, "Damascus the capital before a village Damascus"),
    "spelled": Weight(-0.15, "'Rai' spelled differently from the name it matched"),
    "lower-case alias": Weight(-0.15, "GeoNames' lower-case search keys ('rai' for Rye)"),
    "primary-name": Weight(0.10, "the text is the place's own name, not one of its alternates"),
    "designator A": Weight(0.50, "'Idlib province' asks for the governorate"),
    "designator P": Weight(0.20, "'the town of Dabiq' asks for a settlement"),
    "full name": Weight(0.25, "'Washington County' is the county of that name, not Washington state"),
    "designator P, not a division": Weight(-0.20, "'the town of X', 'X city': not the province of that name"),
    "custom": Weight(0.30, "the user's own entry (Dabiq, added by hand)"),
    "dateline": Weight(0.10, "a dateline names a town ('WASHINGTON --')"),
    "lone dateline": Weight(0.25, "'BOGOTA, 5 JUL 89 (AFP) --', 'LA PAZ (EFE) --': a dateline with no state or "
                                   "country after it names a city its readers know, never Bogota, New Jersey"),
    "seat of": Weight(0.15, "Zhytomyr, Kherson, Kayseri: the town, not its oblast or province"),
    "village named like its country's division": Weight(-0.20, "'Wales' the nation, not the Yorkshire village"),
    "country's name ADM1": Weight(-0.15, "'Georgia': a division sharing a country's name needs only context"),
    "country's name": Weight(-0.30, "'Mexico' is the country, not Mexico City or México state"),
    # the document's context
    "country-context": Weight(0.20, "other names in the text lie in the same country (+0.15 more by share)"),
    "country-context share": Weight(0.15, "the share of the text's names in that country, up to half"),
    "near-context 50 km": Weight(0.30, "within 50 km of another place the text names"),
    "near-context 150 km": Weight(0.20, "within 150 km"),
    "near-context 400 km": Weight(0.10, "within 400 km"),
    "admin-context": Weight(0.20, "the text names the place's first-level division"),
    "capital of a named country": Weight(0.60, "GEORGETOWN, Ky. ... in France ... Paris' Champs-Elysees: the "
                                               "capital of a country the text names, not its own country's Paris"),
    "sibling divisions": Weight(0.20, "'Georgia, Oklahoma, Pennsylvania and California': states among states"),
    "document focus": Weight(0.25, "Alexandria, Brandon, Kensington and Douglas County: only Minnesota holds all "
                                   "four, so each is the Minnesota town (see geo.places.focus)"),
    "followed by": Weight(0.40, "'Paris, Texas': the name right after it holds it"),
    "holds the place named before it": Weight(0.30, "'Texas' in 'Paris, Texas' is the state"),
    "the text names its kind elsewhere": Weight(0.30, "a bare 'Ontario' after 'the province of Ontario'"),
}


def part(name: str, *, detail: str = "", value: float | None = None, label: str | None = None
         ) -> tuple[float, str]:
    """(value, reason) of the part called ``name``: the table's value unless a computed one is given, and a
    reason ``LABEL [DETAIL] +V.VV`` (the label is the name unless given)."""
    if not detail and value is None:
        return _fixed(name, label)  # the reason of a fixed part is made once (the resolver asks thousands of times)
    v = WEIGHTS[name].value if value is None else value
    return v, f"{label or name} {detail} {v:+.2f}" if detail else f"{label or name} {v:+.2f}"


@cache
def _fixed(name: str, label: str | None) -> tuple[float, str]:
    v = WEIGHTS[name].value
    return v, f"{label or name} {v:+.2f}"


def population_prior(population: int) -> float:
    """A town's prior from its population: 0.1 + 0.08 log10(people), counting at least 500 (the stock holds
    places of 500 people or more; GeoNames writes 0 where the figure is unknown)."""
    import math

    return 0.1 + 0.08 * math.log10(max(population, 500) + 1)


def near_context(km: float) -> tuple[str, float] | None:
    """The nearness tier a distance to the document's other places falls in, or None beyond 400 km."""
    for limit in (50, 150, 400):
        if km <= limit:
            return f"near-context {limit} km", WEIGHTS[f"near-context {limit} km"].value
    return None
