"""The recogniser's rules for organisations named after places: a newspaper's, a party's, a church's, a firm's
name (``Washington Post``, ``Kurdistan Workers Party``, ``the newspaper Al-Ahram``, ``McPherson & Jacobsen``),
a disease's (``Marburg virus``) and a car's (``the Toyota failed to yield``).
Each rule takes a :class:`~geo.places.rules.View` and says whether the run names an organisation; the table of
rules in ``geo.places.rules`` gives their order."""
from __future__ import annotations

import re

from gazetteer.normalize import normalize, word_key

from ..lexicon import ORG_HEADS, ORG_HEADS_AHEAD, ORGANISATIONS, PUBLIC_BODIES
from .view import View, ends_with

__all__ = ["AREA_CODES", "LARGE_TOWN", "disease_name", "firm_name", "known_organisation", "named_media",
           "named_medium", "organisation_ahead", "organisation_head", "public_body_ahead", "saint_dedication",
           "vehicle_make"]

#: Feature codes of areas (a country, a continent, a first-level division): never an organisation's name alone.
AREA_CODES = frozenset({"PCLI", "CONT", "ADM1"})
#: A town this large keeps its sense beside an organisation's cue (``Aleppo & Idlib``, ``the Cairo daily``).
LARGE_TOWN = 50_000


#: Words between a place and the head of a newspaper's or a university's name: ``Lansing State Journal``,
#: ``Manchester Evening News``, ``Ohio State University``.
_HEAD_QUALIFIERS = frozenset({"state", "evening", "morning", "sunday", "free", "business"})


def organisation_head(v: View) -> bool:
    """``Washington Post``, ``New York Times``, ``Lansing State Journal``: a place before the head of an
    organisation's name (one of :data:`_HEAD_QUALIFIERS` between them allowed)."""
    nxt = v.nxt
    if nxt is None or not nxt.cap or public_body_ahead(v):
        return False
    if nxt.key in _HEAD_QUALIFIERS and v.b + 1 < len(v.tokens):
        after = v.tokens[v.b + 1]
        return after.cap and after.joined and after.key in ORG_HEADS
    return nxt.key in ORG_HEADS


_NAME_WORD = re.compile(r"\s+(?:(?:and|&)\s+)?([A-Z][\w'’.-]*)")


def organisation_ahead(v: View) -> bool:
    """``Kurdistan Workers Party``, ``Saint Peter and Saint Paul Church``: a place opening a longer name whose
    head, up to four capitalised words on (one ``and`` allowed), is a party's, a church's or an airline's."""
    pos, conjunction = v.last.end, False
    for _ in range(4):
        m = _NAME_WORD.match(v.text, pos)
        if m is None or "\n" in m.group(0):
            return False
        if m.group(0).split()[0] in ("and", "&"):
            if conjunction:
                return False
            conjunction = True
        if m.group(1).rstrip(".").lower() in ORG_HEADS_AHEAD:
            return True
        pos = m.end()
    return False


def known_organisation(v: View) -> bool:
    """``Hamas``, ``the White House``: an organisation whose name GeoNames also files as a place (Hamm,
    Casablanca)."""
    return v.key in ORGANISATIONS


_FIRM = re.compile(r"\s*&\s*([A-Z][\w'’-]*)")
_FIRM_BEFORE = re.compile(r"([A-Z][\w'’-]*),?\s*&\s*$")


def firm_name(v: View) -> bool:
    """``Stevens & Wilkinson``, ``McPherson & Jacobsen``, ``Dimond Kaplan & Rothstein``: names joined by an
    ampersand are a firm's partners, unless the other is a known place too, an area or a town of 50,000 people
    (``Aleppo & Idlib``; ``Bosnia & Herzegovina`` is one place in the gazetteer, matched whole)."""
    if not v.single:
        return False
    after = _FIRM.match(v.text, v.last.end)
    window = v.text[max(0, v.first.start - 40):v.first.start]
    before = _FIRM_BEFORE.search(window) if "&" in window else None  # most names have no ampersand before them
    other = after or before
    if other is None:
        return False
    cands = v.known.get(word_key(other.group(1)), ())
    return not any(c.place.feature_code in AREA_CODES or c.place.population >= LARGE_TOWN
                   for c in cands)


#: The last words :data:`_MEDIUM_BEFORE` can end with, looked for before the pattern is searched.
_MEDIUM_WORDS = ("newspaper", "daily", "paper", "magazine", "weekly", "tabloid", "broadcaster", "channel", "agency",
                 "the")
_MEDIUM_BEFORE = re.compile(r"\b(?:newspaper|daily|paper|magazine|weekly|tabloid|broadcaster|channel|news agency)"
                            r"\s+(?:the\s+)?$", re.I)
_MEDIUM_AFTER = re.compile(r"\s+(?:newspaper|daily|magazine|weekly|tabloid|news (?:agency|outlet|service|website))\b")
_MEDIUM_NAME = r"([A-Z][\w'’]*(?:-[A-Z][\w'’]*)?)"
#: A name the text shows to be a medium's somewhere (``the government-sponsored Al-Ahram news outlet``,
#: ``Xinhua news agency reported``, ``the newspaper Al-Ahram``).
_MEDIUM_IN_TEXT = re.compile(
    rf"\b(?:newspaper|daily|paper|magazine|weekly|tabloid|broadcaster|channel|news agency)\s+(?:the\s+)?{_MEDIUM_NAME}"
    rf"|{_MEDIUM_NAME}\s+(?:newspaper|daily|magazine|weekly|tabloid|news (?:agency|outlet|service|website))\b")


_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|one|another)\s+$", re.I)


def named_media(text: str) -> frozenset[str]:
    """Keys of the names the text gives a newspaper, a channel or an agency somewhere (see :data:`_MEDIUM_IN_TEXT`).

    >>> sorted(named_media("Al-Ahram said 25 died, citing the Al-Ahram news outlet."))
    ['ahram']
    """
    if "news" not in text and not any(w in text for w in ("paper", "daily", "magazine", "weekly", "tabloid",
                                                           "broadcaster", "channel")):
        return frozenset()
    return frozenset(filter(None, (normalize(m.group(1) or m.group(2)) for m in _MEDIUM_IN_TEXT.finditer(text))))


def named_medium(v: View) -> bool:
    """``the newspaper Al-Ahram``, ``Al-Ahram newspaper``: a newspaper or channel named like a place (Ahram,
    Iran); ``a Cairo newspaper`` is one from Cairo. A name the text gives a medium elsewhere is the medium
    everywhere (``according to Al-Ahram``, ``Al-Ahram said``), unless it could be a town of 50,000 people or an
    area (``the Cairo daily`` leaves Cairo a city)."""
    before = v.text[max(0, v.first.start - 30):v.first.start]
    if ends_with(before, _MEDIUM_WORDS) and _MEDIUM_BEFORE.search(before):
        return True
    if _MEDIUM_AFTER.match(v.text, v.last.end) and not _INDEFINITE_BEFORE.search(before):
        return True
    return v.key in v.media and not any(c.place.feature_code in AREA_CODES
                                        or c.place.population >= LARGE_TOWN for c in v.cands)


_DEDICATED_BEFORE = re.compile(r"\b(?:church|cathedral|chapel|basilica|monastery|convent|parish|shrine|abbey)\s+of\s+"
                               r"(?:the\s+)?(?:(?:St|Saint)\.?\s+[A-Z][\w'’]*\s+(?:and|&)\s+)?$", re.I)
_POSSESSIVE_THEN_NAME = re.compile(r"['’]s\s+[A-Z]")
#: A house of worship (or a saint's school, hospital, cemetery) the saint names, up to three capitalised words on:
#: ``Saint Peter and Saint Paul Coptic Orthodox Church``, ``St. Mark Cathedral``.
_DEDICATED_AFTER = re.compile(r"(?:\s+(?:and|&)\s+(?:St\.?|Saint)\s+[A-Z][\w'’]*)?(?:\s+[A-Z][\w'’.-]*){0,3}\s+"
                              r"(?:Church|Cathedral|Chapel|Basilica|Monastery|Convent|Abbey|Shrine|Parish|Cemetery|"
                              r"Hospital|School|College|Academy)\b")


def saint_dedication(v: View) -> bool:
    """``the small church of St. Peter and St. Paul``, ``St. John's Union Cemetery``, ``St. Michael's Hospital``,
    ``the Saint Peter and Saint Paul Coptic Orthodox Church``:
    a saint a church, a cemetery or a hospital is dedicated to, not St. Peter, Minnesota (``St. John's,
    Newfoundland`` has a comma after it and stays the city)."""
    if v.first.key not in ("st", "saint", "ste", "sainte"):
        return False
    if _DEDICATED_BEFORE.search(v.text[max(0, v.first.start - 60):v.first.start]):
        return True
    return bool(_POSSESSIVE_THEN_NAME.match(v.text, v.last.end)
                or _DEDICATED_AFTER.match(v.text, v.last.end, min(len(v.text), v.last.end + 80)))


def public_body_ahead(v: View) -> bool:
    """The run opens the name of its own public body: a head of :data:`geo.lexicon.PUBLIC_BODIES` at most three
    capitalised words on (``Cauvery Management Board``, ``Edmonton Traders' Association``, ``Cornwall Council``),
    where the place is the place."""
    t = v.tokens
    for j in range(v.b, min(len(t), v.b + 3)):
        if not (t[j].cap and (t[j].joined or v.text[t[j - 1].end:t[j].start] in ("' ", "’ "))):
            return False
        if t[j].key in PUBLIC_BODIES:
            return True
    return False


#: What follows a place in a disease's or a pathogen's name: ``Reston ebolavirus``, ``Marburg hemorrhagic fever``,
#: ``Ebola-Reston virus``, ``West Nile virus``, ``Lyme disease`` (up to two more capitalised words between); never a
#: count of the sick in a place (``Kerala virus cases``).
_DISEASE_AFTER = re.compile(
    r"(?:[\s-]+[A-Z][\w'’-]*){0,2}\s+(?:(?:hemorrhagic|haemorrhagic|spotted|respiratory|avian|swine|bird)\s+)?"
    r"(?:virus|viruses|ebolavirus|fever|flu|influenza|disease|syndrome|strain|encephalitis|worm)\b"
    r"(?!\s+(?:cases?|deaths?|toll|outbreaks?|patients?|infections?|tally|count|crisis|lockdown|restrictions|"
    r"victims?|clusters?)\b)")


def disease_name(v: View) -> bool:
    """``infected with Reston ebolavirus``, ``related Marburg hemorrhagic fever``: a town a disease or a virus is
    named after, which the news of the disease does not place there (a country or a first-level division is
    kept: ``Mexico flu``)."""
    return bool(_DISEASE_AFTER.match(v.text, v.last.end)) and not any(
        c.place.feature_code in AREA_CODES for c in v.cands)


#: Makes of cars that GeoNames also files as towns (Toyota, Japan; Honda, Colombia; Pontiac, Michigan).
VEHICLE_MAKES = frozenset({"toyota", "honda", "nissan", "mazda", "subaru", "lexus", "acura", "hyundai", "kia",
                           "chevrolet", "chevy", "buick", "cadillac", "pontiac", "oldsmobile", "dodge", "chrysler",
                           "volvo", "audi", "volkswagen", "porsche", "mitsubishi", "suzuki", "isuzu", "infiniti"})
#: A determiner, and perhaps a year or a colour, before the make: ``the Toyota``, ``a 2004 Honda``, ``his Buick``.
_VEHICLE_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its|my|your)\s+(?:[a-z]+\s+|\d{4}\s+)?$", re.I)


def vehicle_make(v: View) -> bool:
    """``The Toyota failed to yield ... striking the Toyota``, ``a 2004 Honda``: a car of that make, after a
    determiner (``in Toyota``, a city of 420,000, stays the city)."""
    return v.single and v.key in VEHICLE_MAKES and bool(
        _VEHICLE_BEFORE.search(v.text[max(0, v.first.start - 30):v.first.start]))
