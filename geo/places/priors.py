"""A name's candidates ranked on priors alone, before the document's context (:mod:`geo.places.resolve` adds
it): what kind of place each is (``prior``), whether the text is its own name (``primary-name``), whether the
text says its kind (``designator``), a division's seat, a country's name. The ranking depends on the name and its
candidates only, so it is kept between documents (:func:`local_ranking`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from gazetteer import Candidate, normalize
from gazetteer.normalize import ARTICLES, DESIGNATORS, word_keys

from .weights import FIXED_PRIORS, WEIGHTS, part, population_prior

__all__ = ["LOCAL_RANKINGS_SIZE", "Local", "SpanLike", "add_part", "local_ranking"]


@dataclass(frozen=True, slots=True)
class SpanLike:
    """What the resolver needs of a recognised name."""

    start: int
    end: int
    text: str
    key: str
    designator: str | None
    candidates: tuple[Candidate, ...]
    dateline: bool = False


def _prior(c: Candidate) -> tuple[float, list[str]]:
    p = c.place
    if p.feature_code in FIXED_PRIORS:
        return FIXED_PRIORS[p.feature_code], [f"prior {p.feature_code} {FIXED_PRIORS[p.feature_code]:.2f}"]
    base = population_prior(p.population)
    why = [f"prior population {p.population:,} {base:.2f}"]
    if p.feature_code == "PPLC":
        add_part(why, part("capital"))
        base += WEIGHTS["capital"].value
    return base, why


def add_part(why: list[str], scored: tuple[float, str]) -> float:
    """Note a part's reason; its value, for the fit."""
    why.append(scored[1])
    return scored[0]


@lru_cache(maxsize=1 << 16)
def _spelling(name: str) -> str:
    """A name's words, folded, Arabic articles dropped, designators kept ("Mexico City" stays two words)."""
    words = word_keys(name)
    return " ".join(w for i, w in enumerate(words) if not (w in ARTICLES and i + 1 < len(words)))


@lru_cache(maxsize=1 << 16)
def _key(name: str) -> str:
    """:func:`gazetteer.normalize` of a candidate's name or division, kept (asked for every candidate of every
    name in a document with namesakes: 37,000 times over the dev corpus)."""
    return normalize(name)


@lru_cache(maxsize=1 << 16)
def _last_word(name: str) -> str:
    words = word_keys(name)
    return words[-1] if words else ""


def _local_fit(span: SpanLike, c: Candidate) -> tuple[float, list[str]]:
    fit, why = _prior(c)
    if _spelling(c.form) != _spelling(span.text) and span.designator is None:
        fit += add_part(why, part("spelled", detail=repr(c.form)))
    elif c.form.islower() and not span.text.islower():
        fit += add_part(why, part("lower-case alias", detail=repr(c.form)))
    if c.kind in ("name", "abbr", "demonym", "designated", "postal"):
        fit += add_part(why, part("primary-name", label=c.kind if c.kind in ("abbr", "demonym", "postal") else None))
    if span.designator is not None and c.place.feature_class == span.designator:
        fit += add_part(why, part(f"designator {span.designator}"))
        if _last_word(span.text) in DESIGNATORS and _last_word(c.form) == _last_word(span.text):
            fit += add_part(why, part("full name", detail=repr(c.form)))
    elif span.designator == "P" and c.place.feature_class == "A" and c.place.feature_code != "PCLI":
        fit += add_part(why, part("designator P, not a division"))
    if c.place.is_custom:
        fit += add_part(why, part("custom"))
    if span.dateline and c.place.feature_class == "P":
        fit += add_part(why, part("dateline"))
    return fit, why


def _country_named(span: SpanLike) -> bool:
    return span.designator is None and any(c.place.feature_code == "PCLI" and c.kind == "name"
                                           for c in span.candidates)


#: The fewest people of a division's namesake town that news means by the bare name ("gunmen fired on a patrol in
#: Karak": Karak City, 22,000 people, not Jordan's Karak governorate).
_SEAT = 15_000


def _division_seats(span: SpanLike, divisions: set[tuple[str, str]]) -> set[str]:
    """Ids of towns (15,000+ people) that share the name of the first-level division they lie in (Zhytomyr,
    Kherson, Kayseri, Karak): without a designator, news means the town, not its oblast or province. Not in the
    United States, whose states are not named after a seat (New York is a state as often as a city)."""
    if span.designator is not None:
        return set()
    return {c.place.id for c in span.candidates if c.place.feature_class == "P" and c.place.population >= _SEAT
            and c.place.country_code != "US" and (c.place.country_code, _key(c.place.admin1)) in divisions}


Local = list[tuple[Candidate, float, tuple[str, ...]]]
#: Context-free rankings of recent spans, by the span's text, designator, dateline and the identity of its
#: candidates (kept in the entry, so that no other object can take their ids): news repeats its names, and
#: ``Springfield``'s 150 namesakes are ranked on priors once, not in every document that names it (the weights
#: are constants of the module, read once, as :func:`geo.places.weights.part`'s fixed reasons are).
LOCAL_RANKINGS: dict[tuple[Any, ...], tuple[tuple[Candidate, ...], Local]] = {}
LOCAL_RANKINGS_SIZE = 4096


def local_ranking(span: SpanLike) -> Local:
    """Candidates with their context-free fit, best first (shared between documents: not to be changed)."""
    key = (span.text, span.designator, span.dateline, *map(id, span.candidates))
    hit = LOCAL_RANKINGS.get(key)
    if hit is not None:
        return hit[1]
    local = _rank_on_priors(span)
    if len(LOCAL_RANKINGS) >= LOCAL_RANKINGS_SIZE:
        del LOCAL_RANKINGS[next(iter(LOCAL_RANKINGS))]  # the oldest
    LOCAL_RANKINGS[key] = (tuple(span.candidates), local)
    return local


def _rank_on_priors(span: SpanLike) -> Local:
    local = []
    shares_country_name = _country_named(span)
    # (country, name) of the first-level divisions among the candidates
    divisions = {(c.place.country_code, _key(c.place.name)) for c in span.candidates
                 if c.place.feature_code == "ADM1"} if len(span.candidates) > 1 else set()
    seats = _division_seats(span, divisions)
    for c in span.candidates:
        fit, why = _local_fit(span, c)
        if c.place.id in seats:
            fit += add_part(why, part("seat of", detail=c.place.admin1))
        elif c.place.feature_class == "P" and span.designator is None and c.place.population < 50_000 \
                and (c.place.country_code, _key(c.place.name)) in divisions:
            fit += add_part(why, part("village named like its country's division"))
        if shares_country_name and c.place.feature_code != "PCLI":
            # "Mexico" is the country, not Mexico City or México state, unless the text says which; a
            # division sharing a country's name (Georgia) is common enough to need only context
            fit += add_part(why, part("country's name ADM1" if c.place.feature_code == "ADM1" else "country's name",
                                  label="country's name"))
        local.append((c, fit, tuple(why)))
    local.sort(key=lambda t: -t[1])
    return local
