"""The recogniser's rules, in two ordered tables of named rules (dateparser's and spaCy's manner).

A run of words that names something in the gazetteer is a :class:`View`. First the :data:`FILTERS` drop
candidates the text rules out (``US`` is not the French village ``Us``); a run with no candidate left is no
place. Then the :data:`REJECTIONS` run in order; the first that fires rejects the run, and ``geo places
--explain`` shows its name. Each rule's docstring carries the example that motivated it.

To add a rule, see CONTRIBUTING.md ("Adding a recogniser rule").
"""
from __future__ import annotations

import re
from functools import lru_cache

from gazetteer import Candidate, is_abbreviation
from gazetteer.normalize import ARTICLES, DESIGNATORS, word_keys

from ..lexicon import (
    CIVIC_HEADS,
    DIRECTIONALS,
    NON_PLACE_WORDS,
    PERSON_CUES,
    TITLES,
    given_names,
    word_given_names,
)
from .orgs import (
    AREA_CODES,
    LARGE_TOWN,
    disease_name,
    firm_name,
    known_organisation,
    named_medium,
    organisation_ahead,
    organisation_head,
    public_body_ahead,
    saint_dedication,
    vehicle_make,
)
from .people import kin_apposition, name_with_age, word_name_here
from .tokens import Token
from .view import Rule, View, follows_a_town, listed_division, previous_word, token_dateline

__all__ = ["FILTERS", "REJECTIONS", "Rule", "View", "follows_a_town", "listed_division", "reject", "token_dateline"]

_ALIAS_TOWN_POPULATION = 50_000
_SPEAKING_TOWN_POPULATION = 100_000
#: A one-word given name is a person unless it could be a town of this many people (Jack, Maria, Billy).
GIVEN_NAME_TOWN = 20_000
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.\s$")


# -- candidate filters ---------------------------------------------------------------------------------------

def _stopped_word(form: str) -> bool:
    """A word cut short with a stop, as AP abbreviates states (``Pa.``, ``Ky.``; not ``U.S.``, ``UK``)."""
    return form.endswith(".") and form[:-1].isalpha() and not form.isupper()


def _abbreviation_fits(v: View, c: Candidate) -> bool:
    cand_abbr = c.kind == "abbr" or is_abbreviation(c.form)
    if v.surface_abbr and not v.dateline:
        if cand_abbr and _stopped_word(c.form):
            if "." in v.surface.rstrip("."):
                return False  # "Rothstein, P.A." (a professional association) is not "Pa."
            if "." not in v.surface and v.text[v.last.end:v.last.end + 1] != "." and not v.postal:
                return False  # "Pa." written "PA" is a postal code, which follows a town ("the PA": Palestinians')
        return cand_abbr or (c.place.is_custom and c.form == v.surface)
    if cand_abbr:
        return v.surface.replace(".", "").upper() == c.form.replace(".", "").upper() and not v.surface.islower()
    return True


def _abbreviations_match(v: View, cands: list[Candidate]) -> list[Candidate]:
    """Abbreviations match abbreviations: ``US`` is not the French village ``Us``, ``UN`` is not ``Un``, and a
    state's abbreviation with its stop (``Pa.``) written in capitals without it is a postal code, which follows
    a town (``PA officials``: the Palestinian Authority's; ``Pittsburgh, PA`` is Pennsylvania)."""
    return [c for c in cands if _abbreviation_fits(v, c)]


def _related_aliases(v: View, cands: list[Candidate]) -> list[Candidate]:
    """A one-word alternate name of a town under 50,000 people that does not even start like the town's name
    (``Boons`` for Severna Park, ``Samples`` for Hollywood, ``Voters`` for Walters) is dropped: GeoNames keeps
    nicknames, old names and mistakes like these, and as single words they are likelier words or surnames.
    Transliterations start alike (``Rai`` for Ar Rā‘ī) and are kept, and so are names of several words."""
    if not v.single or v.dateline:
        return cands
    return [c for c in cands if c.kind != "alt" or c.place.feature_class != "P"
            or c.place.population >= _ALIAS_TOWN_POPULATION or _starts_alike(c)]


def _starts_alike(c: Candidate) -> bool:
    return _alike(c.form, c.place.name)


@lru_cache(maxsize=1 << 16)
def _alike(form_: str, name_: str) -> bool:
    form = [w for w in word_keys(form_) if w not in ARTICLES]
    name = [w for w in word_keys(name_) if w not in ARTICLES]
    return bool(form and name and form[0][:2] == name[0][:2])


def _designator_fits(v: View, cands: list[Candidate]) -> list[Candidate]:
    """``Idlib province`` names the division; ``Syrian city`` is no place called Syria-city. Without a
    designator, ``Plymouth`` is not Plymouth County."""
    designator = v.designator
    if designator is not None:
        return [c for c in cands if c.place.feature_class == designator]
    return [c for c in cands if c.kind != "designated"]


def _postal_after_town(v: View, cands: list[Candidate]) -> list[Candidate]:
    """``OR``, ``IN``, ``ME`` are words unless right after a town and a comma (``Portland, OR``)."""
    return cands if v.postal else [c for c in cands if c.kind != "postal"]


#: Applied in order; each keeps the candidates its test accepts.
FILTERS: tuple[Rule, ...] = (
    Rule("abbreviation-match", _abbreviations_match),
    Rule("unrelated-alias", _related_aliases),
    Rule("designator", _designator_fits),
    Rule("postal-code", _postal_after_town),
)


# -- rejections ----------------------------------------------------------------------------------------------

#: Titles in the plural, abbreviated, before the names they announce: ``U.S. Sens. Robert C. Byrd and Jay
#: Rockefeller`` (not Sens, Yonne, which keeps its sense without the stop and the name after it).
_PLURAL_TITLES = frozenset({"sens", "reps", "govs", "drs", "gens", "cols", "sgts", "profs", "revs"})
_TITLE_STOP = re.compile(r"\.\s+[A-Z]")


def _title_or_given_name(v: View) -> bool:
    """``Secretary``, ``Sens. Tim Grendell``, ``Michael R. Gordon``, ``Vladimir Isachenkov``: a title, or a given
    name before a surname (not ``Austin, Texas``, where a comma follows)."""
    t = v.tokens
    if v.single and v.first.key in _PLURAL_TITLES and _TITLE_STOP.match(v.text, v.first.end):
        return True
    return v.single and (v.first.key in TITLES or (
        (v.first.key in given_names() or (v.first.key in word_given_names()
                                          and word_name_here(v.first, v.lower_words)))
        and v.a + 1 < len(t) and t[v.a + 1].cap and t[v.a + 1].joined
        and v.text[v.first.end:t[v.a + 1].start] != "-" and t[v.a + 1].key not in CIVIC_HEADS and not v.dateline))


_EPITHET = re.compile(r"\s+the\s+[A-Z]")


def _epithet(v: View) -> bool:
    """``Thomas the Tank Engine``, ``Alexander the Great``: a given name and its epithet name a person or a
    character, not Thomas, Georgia."""
    return v.single and v.first.key in given_names() and _EPITHET.match(v.text, v.last.end) is not None


def _after_initial(v: View) -> bool:
    """``Andrew E. Kramer``: a surname after a middle initial."""
    return bool(_INITIAL.search(v.text[max(0, v.first.start - 4):v.first.start]))


def _common_word(v: View) -> bool:
    """``Police``, ``Monday``, ``Hope``: a capitalised common word (a postal code after a town excepted)."""
    return v.single and v.first.key in NON_PLACE_WORDS and not v.dateline and not (
        v.postal and any(c.kind == "postal" for c in v.cands))


def _sentence_start_word(v: View) -> bool:
    """``Hope is ...`` with ``hope`` elsewhere in the text: a common word capitalised by its position."""
    return v.single and v.first.sentence_start and v.first.key in v.lower_words and not v.first.upper


def _directional_qualifier(v: View) -> bool:
    """``Far North Queensland``, ``North West England``: a name made of directionals only (a district of New
    Zealand, a region of South Africa) before a place's name qualifies that place."""
    nxt = v.nxt
    if nxt is None or not nxt.cap or v.first.upper:
        return False
    words = v.tokens[v.a:v.b]
    return all(t.key in DIRECTIONALS and t.key not in ("new", "old") for t in words) and nxt.key in v.known


#: A town at most this large whose name is an English word reads as the word at a sentence's start (``Along with
#: UPD personnel``: Along, India, has 20,000 people; 10,000 let it and five more through on the dev corpus).
_WORD_TOWN = 25_000


def _sentence_start_english(v: View) -> bool:
    """``Entrance doors are on the ground floor``, ``Salt trucks have been deployed``, ``Plain and simple``: an
    English word capitalised by its place at a sentence's start, before a lower-case word, where only small towns
    bear the name (a country, a division or a town over 25,000 people stays: ``Mobile police said``)."""
    if not (v.single and v.first.sentence_start and not v.first.upper and v.nxt is not None and not v.nxt.cap):
        return False
    from .truecase import is_english_word

    return is_english_word(v.first.key) and all(
        c.place.feature_class == "P" and c.place.population < _WORD_TOWN for c in v.cands)


def _person_surname(v: View) -> bool:
    """``John Kirby ... Kirby``: a surname the document gives a person elsewhere."""
    return v.single and v.key in v.people and not v.dateline


def _speaker_surname(v: View) -> bool:
    """``Burton said``, ``said Lennox.``: a small town's name that speaks is a surname (countries, continents
    and first-level divisions excepted)."""
    return (v.single and v.key in v.speakers and not v.dateline
            and max(c.place.population for c in v.cands) < _SPEAKING_TOWN_POPULATION
            and not any(c.place.feature_code in AREA_CODES for c in v.cands))


def _currency(v: View) -> bool:
    """``US$1.19``, ``A$20``: a currency, not the country."""
    return v.surface_abbr and v.text[v.last.end:v.last.end + 1] == "$"


#: Words after which a place stays a place inside a longer name: ``Air Zimbabwe``, ``Air France`` (the corpora
#: annotate the country of an airline named so: 7 of 7 in the dev corpus).
_NAMES_A_PLACE_AFTER = frozenset({"air"})


def _after_capitalised_word(v: View) -> bool:
    """``Peter Cook``, ``Adham Sahloul``, ``Islamic State``, ``Jabhat Fatah al-Sham``: the end of a longer name
    (a directional such as ``Northern`` before it excepted, and a country or a continent after any word but a
    title or a given name: ``Costco Canada``, ``Nazi Germany``)."""
    prev = v.prev
    if prev is None or not prev.cap or prev.key in DIRECTIONALS or prev.key in _NAMES_A_PLACE_AFTER \
            or _hyphened_places(v, prev, v.first):
        return False
    if len(prev.key) == 1 and prev.key in "dri" and v.text[prev.end:v.first.start] == "-":
        return False  # "Bobby Harrell, R-Charleston", "(D-Texas)": a legislator's party and home
    if prev.upper and 2 <= len(prev.key) <= 4 and v.text[prev.start:v.first.start].rstrip().isalpha() \
            and not v.first.upper and any(c.kind == "name" and (
                c.place.population >= LARGE_TOWN or c.place.feature_code in AREA_CODES) for c in v.cands):
        return False  # "told CTV Edmonton", "CBC Toronto", "BBC Scotland": a broadcaster's station in the city
    named = prev.key in TITLES or prev.key in given_names()
    if not named and v.text[v.last.end:v.last.end + 1] != "-" and any(
            c.place.feature_code in ("PCLI", "CONT") and c.kind == "name" for c in v.cands):
        return False  # a country or continent ends an organisation's name as its branch: Environment Canada,
        # Costco Canada, sub-Saharan Africa (not Agence France-Presse)
    return named or not (prev.sentence_start or prev.key in NON_PLACE_WORDS)


#: The people a place on either side of a hyphen needs for the pair to be two places (``Coca-Cola``: Coca, Spain
#: has 2,042; ``Mercedes-Benz``: Benz 656; ``Wal-Mart``: no place is called Wal).
HYPHENED_POPULATION = 3_000


def _hyphened_places(v: View, left: Token, right: Token) -> bool:
    """``Logan-Rogersville`` (a school district of two Missouri towns), ``Dallas-Fort Worth``: two towns of some
    size (:data:`HYPHENED_POPULATION`) joined by a hyphen are two places, not one longer name; so are two
    countries' adjectives or abbreviations (``Turkish-Russian relations``, ``the Canada-U.S. alliance``)."""
    if v.text[left.end:right.start] != "-" or left.key == right.key:
        return False
    return all(any((c.kind == "name" and (c.place.population >= HYPHENED_POPULATION or c.place.feature_class == "A"))
                   or (c.kind in ("demonym", "abbr") and c.place.feature_code in AREA_CODES)  # Turkish-Russian
                   for c in v.known.get(key, ())) for key in (left.key, right.key))


def _before_capitalised_word(v: View) -> bool:
    """``Kirby Smith``: a town's name followed by a capitalised word names a person (areas and demonyms
    excepted: ``Syria Civil Defense`` is still Syria)."""
    nxt = v.nxt
    if nxt is not None and (_hyphened_places(v, v.last, nxt) or nxt.key in CIVIC_HEADS or public_body_ahead(v)):
        return False
    return (nxt is not None and nxt.cap and v.single and not v.first.upper and nxt.key not in DESIGNATORS
            and nxt.key not in TITLES and nxt.key not in NON_PLACE_WORDS
            and not any(c.place.feature_code in AREA_CODES or c.kind == "demonym" for c in v.cands))


_AND_STREETS = re.compile(r"\s+(?:and|&)\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?i:streets|avenues)\b")
_STREETS = frozenset({"street", "streets", "avenue", "avenues", "boulevard", "blvd", "ave", "lane", "alley"})
#: Words that close a street's name only when capitalised and not followed by a number or a name: ``508 Cumberland
#: St., Lebanon``, ``Newmarket Road, Cambridge``, ``8024 Turtle Creek Cir.``; not ``the Juba-Pibor road`` (a place
#: on the way), ``Douglas County Road 4`` (the county's numbered road), ``St. Louis``.
_CAPITAL_STREETS = frozenset({"st", "road", "rd", "drive", "dr", "cir", "circle", "trail", "turnpike"})
_NUMBER_OR_NAME = re.compile(r"\.?\s+(?:\d|[A-Z])")


def _street_name(v: View) -> bool:
    """``the corner of Sarmiento and San Martin streets`` (both), ``Wall Street``, ``San Antonio Abad Street``
    (up to two more words of the street's name), ``1935 Orchard St., Alexandria``: a street named after a place or a
    person, not the place."""
    if v.nxt is not None and v.nxt.cap:  # "San Antonio Abad street" in true-cased wire copy too
        t, j = v.tokens, v.b
        while j < len(t) and j < v.b + 3 and t[j].joined:
            if t[j].key in _STREETS:
                return True
            if not t[j].cap:
                break
            j += 1
    nxt = v.nxt
    if nxt is not None and nxt.key in _CAPITAL_STREETS and nxt.cap:
        return _NUMBER_OR_NAME.match(v.text, nxt.end) is None
    return (nxt is not None and nxt.key in _STREETS) or bool(
        _AND_STREETS.match(v.text, v.last.end, min(len(v.text), v.last.end + 60)))


_LABEL_BEFORE = re.compile(r"(?:^|\n|\]) *\[$")


def _transcript_label(v: View) -> bool:
    """``[BEGIN RECORDING] [MARTINEZ] IN LAST NIGHT'S ATTACK``, ``[Lopez] Dr Colindres, ...``: a name alone in
    square brackets at the start of a line or after another bracket labels the speaker of a transcript (an
    editor's gloss, ``THE CAPITAL [SAN SALVADOR]``, follows words and stays a place)."""
    return (v.text[v.last.end:v.last.end + 1] == "]"
            and bool(_LABEL_BEFORE.search(v.text[max(0, v.first.start - 4):v.first.start])))


#: Words after which a small town named like a person is still the town (``in Clarinda``, ``of Gaston,``).
_PLACE_BEFORE = frozenset({"in", "at", "near", "from", "of", "to", "outside", "into", "around", "ste", "st"})


def _given_name_alone(v: View) -> bool:
    """``while Maria was treated``, ``Billy's opened``, ``Jack died`` (``her son Jack``: kin-apposition): a given
    name alone is the person, not a hamlet of that name (every candidate a town under 20,000 people), unless a
    preposition or a saint's abbreviation before it makes it a place (``in Clarinda``, ``of Gaston,``, ``Sault
    Ste. Marie``)."""
    if not v.single or v.dateline or v.first.key not in given_names():
        return False
    prev = v.tokens[v.a - 1] if v.a else None
    if prev is not None and prev.key in _PLACE_BEFORE:
        return False
    return all(c.place.feature_class == "P" and c.place.population < GIVEN_NAME_TOWN for c in v.cands)


def _person_cue(v: View) -> bool:
    """A one-word run that is itself a cue of a person's name (``Said``)."""
    return v.single and v.last.key in PERSON_CUES


#: Applied in order; the first that fires rejects the run and names why.
REJECTIONS: tuple[Rule, ...] = (
    Rule("title-or-given-name", _title_or_given_name),
    Rule("epithet", _epithet),
    Rule("after-middle-initial", _after_initial),
    Rule("common-word", _common_word),
    Rule("sentence-start-word", _sentence_start_word),
    Rule("person-surname", _person_surname),
    Rule("speaker-surname", _speaker_surname),
    Rule("currency", _currency),
    Rule("street-name", _street_name),
    Rule("after-capitalised-word", _after_capitalised_word),
    Rule("organisation-head", organisation_head),
    Rule("organisation-name", organisation_ahead),
    Rule("named-medium", named_medium),
    Rule("known-organisation", known_organisation),
    Rule("firm-name", firm_name),
    Rule("saint-dedication", saint_dedication),
    Rule("disease-name", disease_name),
    Rule("vehicle-make", vehicle_make),
    Rule("before-capitalised-word", _before_capitalised_word),
    Rule("person-cue", _person_cue),
    Rule("kin-apposition", kin_apposition),
    Rule("name-with-age", name_with_age),
    Rule("transcript-label", _transcript_label),
    Rule("given-name-alone", _given_name_alone),
    Rule("sentence-start-english", _sentence_start_english),
    Rule("directional-qualifier", _directional_qualifier),
)


def reject(view: View) -> str | None:
    """Filter the view's candidates in place; the name of the rule that rejects it (the filter that left no
    candidate, or the first rejection that fires), or None when it stands."""
    for rule in FILTERS:
        view.cands = rule.test(view, view.cands)
        if not view.cands:
            return rule.name
    view.prev = previous_word(view.tokens, view.a)
    view.nxt = view.tokens[view.b] if view.b < len(view.tokens) and view.tokens[view.b].joined else None
    for rule in REJECTIONS:
        if rule.test(view):
            return rule.name
    return None
