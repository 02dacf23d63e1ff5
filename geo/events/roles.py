"""Where a sentence puts its event: the roles of the place names in it.

A resolved mention can be the event's place (how tightly the text binds it: ``in``/``at`` 3, ``near``/``south
of`` 2, anywhere else 0; its specificity, town 3 to country 0; ACLED's geo_precision), or play another role that
places no event: an actor (``Turkey-backed``, ``Russian``, ``the U.S. accused``), a speaker's location (``In
Washington, a spokesman said``), a border (``near the border with Turkey``), a reference point in an apposition
(``Zhytomyr, west of Kyiv``) or a relative clause about someone (``, which relies on activists across Syria,``).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from gazetteer import Place, normalize

from ..lexicon import SPEAKER_VERBS, alternation
from ..model import Mention
from .parse import entities, lemma_of
from .sentences import Sentence

__all__ = ["MentionIndex", "PlaceCandidate", "best_place", "in_person_name", "is_demonym", "listed_places",
           "person_parts", "sentence_places",
           "specificity", "tree_role"]

_ACTOR_AFTER = re.compile(
    r"^(?:-|\s)?(?:based|backed|brokered|led|supported|allied|born|funded|sponsored|made|run)\b|^['’]s?\b"
    r"|^\s+(?:forces|troops|military|officials?|warplanes|jets|envoy|ambassador|army|government|president|"
    r"diplomats?|embassy|authorities|police|navy|air force|spokesman|spokeswoman|ministry|intelligence)\b"
    r"|^(?:\s*(?:,|and|or)\s+(?:its ally\s+)?[A-Z][\w.'’-]*)*\s+(?:has|have|had|is|was|were|said|says|accused|"
    r"denied|announced|formally|also|"
    r"rejected|intervened|failed|blamed|threatened|suspended|shelved|agreed|signed|warned|called|urged|condemned|"
    r"claimed|vowed|sent|deployed|backs|backed|supports)\b")
_ACTOR_BEFORE = re.compile(r"\b(?:with|accused|blamed|urged|by|against|ally|between|border with|borders? of|"
                           r"ambassador to|envoy to)\s+(?:the\s+)?$", re.I)
_HELD = r"(?:(?:rebel|government|regime|opposition|army|militant|insurgent|IS|ISIS)[- ]held\s+|besieged\s+)"
_DIRECTION = r"(?:north|south|east|west|northern|southern|eastern|western|central|north-?east|north-?west" \
             r"|south-?east|south-?west)(?:ern)?"
_PART = r"(?:parts?|outskirts|suburbs?|districts?|neighbou?rhoods?|countryside|areas?|center|centre|edge)"
_SETTLEMENT = r"(?:town|city|village|province|region|area|capital|governorate|district|state|county|camp|port)"
_STRONG = re.compile(
    rf"\b(?:in(?: and around)?|at|near|outside|around|across|inside|into|toward|towards|over|on|from|of|to|"
    rf"(?:\d+\s+\w+\s+)?{_DIRECTION} of)\s+(?:the\s+)?(?:{_HELD}|{_DIRECTION}\s+|rural\s+)*"
    rf"(?:(?:{_PART}|{_SETTLEMENT})\s+of\s+(?:the\s+)?(?:{_SETTLEMENT}\s+of\s+)?(?:{_HELD})?)?$", re.I)
_NEAR = re.compile(rf"\b(?:near|outside|around|in and around|outskirts|suburbs?|{_PART} of|{_DIRECTION} of|"
                   rf"{_DIRECTION}\s+|(?:rebel|government|regime|opposition)[- ]held)\b", re.I)
_IN_AT = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:(?:town|city|capital|village)\s+of\s+)?$", re.I)
_SPEAKER = re.compile(rf"^(?:In|From)\s+([^,]{{2,40}}),[^,.;]{{0,60}}?\b{alternation(SPEAKER_VERBS)}\b")
#: A relative clause about someone (", which relies on activists across Syria,") places no event.
_ASIDE = re.compile(r",\s+(?:which|who|whose)\s+(?:relies|has|have|is|are|was|were|supports|backs|includes|"
                    r"represents|runs|operates|monitors)\b[^,]*,")
#: ``Zhytomyr, west of Kyiv,``, ``Guachicono, southern Cauca department``: a reference point; never ``, two in``
#: or ``, and`` (a list: ``three in Guachicono, two in Antioquia``).
_APPOSITION = re.compile(r"^,\s+(?![^,]*\b(?:in|at|near|and|or)\s+(?:the\s+)?$)[^,]{0,45}$", re.I)
#: A part of a town named before the town (``the Belen neighborhood of the city of Medellin``): the stock holds
#: the town, and a namesake of the part lies elsewhere (Belén de Umbría), so the town places the event.
_PART_OF = re.compile(r"^\s+(?:neighbou?rhood|district|zone|quarter|sector|suburb|section|barrio|area|outskirts)\s+"
                      r"of\s+(?:the\s+)?(?:(?:city|town|capital|municipality|village)\s+of\s+)?$", re.I)
_DEMONYM_END = re.compile(r"(?:ian|ean|ans|ish|ese|i|ic|ch|an|ns)$", re.IGNORECASE)


#: Nouns a place name may modify and still say where something is: ``Seoul City Hall``, ``the Kabul airport``,
#: ``Aleppo's eastern districts``, ``the town of al-Rai``, ``south of Mosul``.
PLACE_NOUNS = frozenset({
    "town", "city", "village", "hamlet", "province", "region", "area", "capital", "governorate", "district",
    "state", "county", "department", "municipality", "camp", "port", "neighborhood", "neighbourhood", "suburb",
    "outskirts", "part", "center", "centre", "edge", "countryside", "border", "road", "highway", "street",
    "avenue", "square", "plaza", "hall", "airport", "station", "market", "bridge", "valley", "coast", "river",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "jurisdiction",
    "canton", "hill", "mountain", "island", "zone", "front", "frontline", "sector", "quarter", "heart", "downtown",
    "outside", "side", "kilometer", "kilometre", "km", "mile", "farm", "hospital", "university", "school",
    "church", "cathedral", "mosque", "embassy", "prison", "base", "barracks", "checkpoint", "park", "crossing",
    "stadium", "hotel", "building", "office", "headquarters", "palace", "residence", "home", "house", "estate",
    "entrance", "gate", "outpost", "post", "garrison", "compound", "boulevard", "exit", "junction", "resort",
    "enclave", "strip", "peninsula", "archipelago", "oasis", "slum", "township", "settlement", "locality",
    "commune", "parish", "ward", "precinct", "borough", "metropolis", "heartland", "bank", "shore", "beach"})
#: Where a place in a facility's name (``the St. Peter and St. Paul church``) is trusted only in the document's
#: own countries: a building is often named for a saint or a person, not for a town.
FACILITY_NOUNS = frozenset({"church", "cathedral", "mosque", "university", "school", "hospital", "hotel", "stadium",
                            "airport", "station", "prison", "palace", "building", "park"})


@cache
def _of_places() -> frozenset[str]:
    """Nouns whose ``of`` names a place: place nouns (``the town of al-Rai``) and the nouns of events (``the
    bombing of Aleppo``, ``control of Wad Madani``, ``the siege of Mosul``)."""
    from .triggers import RULES

    events = {lemma for r in RULES for lemma in r.lemmas}
    return PLACE_NOUNS | events | {"control", "siege", "capture", "fall", "liberation", "evacuation", "people",
                                   "residents", "civilians", "inhabitants", "population"}


def _root_of(doc: object, offset: int, mention: Mention) -> Any:
    """The token of a name's words that the rest hangs from (``doc`` of the sentence that starts at ``offset``),
    or None when the parse has no token inside the name."""
    span = [t for t in doc if mention.start <= offset + t.idx < mention.end]  # type: ignore[attr-defined]
    if not span:
        return None
    return next((t for t in span if t.head not in span or t.head.i == t.i), span[-1])


def tree_role(doc: object, offset: int, mention: Mention) -> str:
    """What a place name does in a sentence's parse (``doc`` of the sentence that starts at ``offset``):
    ``place`` (it may place an event), ``modifier`` (of an actor or a thing: ``the Al-Ahram news outlet``,
    ``Cairo police``), ``origin`` (``imports from the United States``, ``a woman visiting from Canada``),
    ``owner`` (``the government of Egypt``), ``facility`` (named in a building's name).
    """
    root = _root_of(doc, offset, mention)
    if root is None:
        return "place"
    head = root.head
    if root.dep_ in ("compound", "amod", "nmod", "poss") and head.i != root.i and head.pos_ in ("NOUN", "PROPN"):
        lemma = lemma_of(head)
        if lemma in FACILITY_NOUNS:
            return "facility"
        if head.pos_ == "NOUN" and lemma not in PLACE_NOUNS:
            return "modifier"
    if root.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        governor = head.head
        word = head.lower_
        if word == "from" and lemma_of(governor) not in ("withdraw", "pull", "retreat", "expel", "evacuate",
                                                               "drive", "oust", "flee"):
            return "origin"
        if word == "of" and lemma_of(governor) in FACILITY_NOUNS:
            return "facility"  # "the church of St. Peter": a building's name
        if word == "of" and governor.pos_ == "NOUN" and lemma_of(governor) not in _of_places():
            return "owner"
    return "place"


#: Prepositions whose object is where something is (``police in Bihar``), never who acts.
_LOCATING = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})


def located_in(doc: object, offset: int, mention: Mention) -> bool:
    """Whether the parse makes the name the object of a locating preposition (``clashes with police in Bihar``)
    or the owner of a part of a place (``in Giza's Haram district``)."""
    root = _root_of(doc, offset, mention)
    if root is not None and root.dep_ == "poss":
        return lemma_of(root.head) in PLACE_NOUNS
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in _LOCATING


#: A capitalised word right before or after a name, or two words before it (true-cased wire copy's ``Luis toledo
#: Perez``): the name may be part of a longer one (``Jose Oliveira``).
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*\s+(?:[\w'’.-]+\s+)?$")
_CAPITAL_AFTER = re.compile(r"^\s+[A-Z]")


def in_person_name(text: str, doc: object, offset: int, mention: Mention) -> bool:
    """Whether spaCy's recogniser reads a place name next to another capitalised word as part of a person's
    longer name (``Jose Oliveira was shot``, wire copy's ``DIAZ SALVADOR``): the analysis of the sentence exists
    anyway, its entities are made only for such names. A name it tags as a person on its own (``Nanterre``) is
    kept: the gazetteer knows that better.

    >>> from geo.events.parse import parse
    >>> s = "Juan Molina said rebels attacked Usulutan."
    >>> in_person_name(s, parse(s), 0, Mention("Molina", 5, 11, None)), in_person_name(s, parse(s), 0,
    ...     Mention("Usulutan", 33, 41, None))
    (True, False)
    """
    if not (_CAPITAL_BEFORE.search(text[max(0, mention.start - offset - 30):mention.start - offset])
            or _CAPITAL_AFTER.match(text[mention.end - offset:mention.end - offset + 3])):
        return False
    start, end = mention.start - offset, mention.end - offset
    return any(e.label_ == "PERSON" and e.start_char <= start and end <= e.end_char
               and (e.start_char, e.end_char) != (start, end) for e in entities(doc))


def person_parts(text: str, doc: object, offset: int, mentions: Sequence[Mention]) -> list[Mention]:
    """The resolved mentions of a sentence that are part of a person's name (:func:`in_person_name`): ``Juan
    Molina said the rebels attacked Usulutan`` names a man, not the Spanish town."""
    return [m for m in mentions if m.place is not None and in_person_name(text, doc, offset, m)]


class PlaceCandidate:
    __slots__ = ("geo_precision", "mention", "specificity", "strength")

    def __init__(self, mention: Mention, specificity: int, strength: int, geo_precision: int) -> None:
        self.mention, self.specificity, self.strength, self.geo_precision = (mention, specificity, strength,
                                                                           geo_precision)


def specificity(place: Place) -> int:
    code = place.feature_code
    if code.startswith("PCL") or code in ("CONT", "RGN", "TERR"):
        return 0
    if code == "ADM1":
        return 1
    return 2 if code.startswith("ADM") else 3


def is_demonym(m: Mention) -> bool:
    """``Russian``, ``Syrian``, wire copy's ``COSTA RICAN``: a country's adjective, which names an actor, never a
    place (``U.S.``, ``UAE``: the country's own short name)."""
    p = m.place
    if p is None or not p.feature_code.startswith("PCL") or "." in m.text or (m.text.isupper() and len(m.text) <= 4):
        return False
    return normalize(m.text) != normalize(p.name) and bool(_DEMONYM_END.search(m.text))


def _candidate(text: str, sent: Sentence, m: Mention, speaker_end: int, *,
               located: bool = False) -> PlaceCandidate | str | None:
    """How (and whether) a mention in a sentence can be the event's place; its text when it names an actor
    (never when the parse shows it ``located``: the object of ``in``/``at``/``near``)."""
    if m.place is None or is_demonym(m) or m.start < speaker_end:
        return None
    before = text[max(sent.start, m.start - 90):m.start]
    after = text[m.end:min(sent.end, m.end + 40)]
    if not located and (_ACTOR_AFTER.search(after) or _ACTOR_BEFORE.search(before)):
        if re.search(r"\bborders?(?: with| of)?\s+(?:the\s+)?$", before):
            return None
        return m.text if re.match(r"^(?:\s|,|and|or|its|ally)", after) or before.rstrip().endswith("with") else None
    spec = specificity(m.place)
    strong = 2 if _STRONG.search(before) else 0
    if strong and _IN_AT.search(before):
        strong = 3
    if re.search(r"\s(?:province|governorate|state|region|district|county)$", m.text, re.I):
        strong = max(strong, 2)
    if spec <= 1:
        precision = 3
    elif _NEAR.search(before[-45:]):
        precision = 2
    else:
        precision = 1 if spec == 3 else 2
    return PlaceCandidate(m, spec, strong, precision)


#: Between two places of one list (``three peasants in Guachicono, two in Antioquia, and three in Cordoba``;
#: ``attacks in Usulutan, San Miguel and Morazan``): a comma or ``and``, a count, ``in``/``at``. (Not ``\s*`` then
#: ``\s+and``: two runs of blanks that can split anywhere made a match quadratic in blank lines.)
_LISTED = re.compile(r"^\s*(?:,\s*(?:and\s+)?|(?<=\s)and\s+)(?P<n>(?:\d+|one|two|three|four|five|six|seven|eight"
                     r"|nine|ten|eleven|twelve|dozens|several)\s+(?:[a-z'’-]+\s+){0,2}?)?(?:(?:in|at)\s+)?(?:the\s+)?"
                     r"(?:(?:town|city|village|province|department|municipality)\s+of\s+)?$", re.I)


def listed_places(text: str, cands: list[PlaceCandidate], chosen: PlaceCandidate
                  ) -> list[tuple[PlaceCandidate, str | None]]:
    """The other places a sentence lists with the chosen one, each with the count before it (``two in
    Antioquia``): one event each, as ACLED codes one event per place. Never a country or a place that holds the
    one before it (``Karak, Jordan``), nor the ends of a route (``between Aleppo and Idlib``).

    >>> from geo.model import Mention, Place
    >>> def c(name, at): return PlaceCandidate(Mention(name, at, at + len(name), Place(name, name, 0, 0, "A",
    ...                                        "ADM1", "CO", admin1=name)), 1, 3, 3)
    >>> text = "three peasants in Cauca, two in Antioquia, and three in Cordoba"
    >>> a, b, d = c("Cauca", 18), c("Antioquia", 32), c("Cordoba", 56)
    >>> [(x.mention.text, n) for x, n in listed_places(text, [a, b, d], a)]
    [('Antioquia', 'two'), ('Cordoba', 'three')]
    """
    ordered = sorted(cands, key=lambda c: c.mention.start)
    if chosen not in ordered or re.search(r"\b(?:between|from)\s+(?:the\s+)?(?:\w+\s+){0,3}$",
                                           text[max(0, chosen.mention.start - 40):chosen.mention.start], re.I):
        return []
    out: list[tuple[PlaceCandidate, str | None]] = []
    prev = chosen
    for c in ordered[ordered.index(chosen) + 1:]:
        m = _LISTED.match(text[prev.mention.end:c.mention.start])
        place, before = c.mention.place, prev.mention.place
        if c.strength < 0:
            prev = c  # an apposition ("Guachicono, southern Cauca department") is the same place
            continue
        if m is None or place is None or before is None or c.specificity < 1:
            break
        if place.feature_code == "ADM1" and before.admin1 == place.name and place.country_code == before.country_code:
            break  # "Moreno, Buenos Aires": the province of the town before it
        count = m.group("n")
        out.append((c, count.split()[0] if count else None))
        prev = c
    return out


def best_place(cands: list[PlaceCandidate], at: int) -> PlaceCandidate | None:
    """The most specific place, then the most tightly bound, then the nearest; but a settlement outside the
    province the same sentence names (``In the state of Michoacán, ... El Aguaje``, resolved to another state's
    El Aguaje) loses to that province."""
    if not cands:
        return None
    best = max(cands, key=lambda c: (c.specificity, c.strength, -abs(c.mention.start - at)))
    place = best.mention.place
    if place is not None and best.specificity >= 2:
        for c in cands:
            region = c.mention.place
            if (c.specificity == 1 and region is not None and region.country_code == place.country_code
                    and normalize(region.name) != normalize(place.admin1)):
                return c
    return best


class MentionIndex:
    """A document's mentions by position: those inside a sentence by bisection (a scan of every mention for
    every sentence made event extraction quadratic: 4 MB of text took 205 s, now 18 s).

    >>> MentionIndex([]).within(0, 10)
    []
    """

    __slots__ = ("mentions", "starts")

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end)."""
        return self.mentions[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]


def sentence_places(text: str, mentions: Sequence[Mention], sent: Sentence, *, continuing: bool,
                    doc: object = None, countries: frozenset[str] = frozenset()
                    ) -> tuple[list[PlaceCandidate], list[str]]:
    """Places the sentence could put its event at, and the place names it uses as actors (``the U.S. accused``).

    With the sentence's parse (``doc``), names that only modify an actor or a thing, say where someone or
    something comes from or whose it is are no place of the event (:func:`tree_role`); a name in a building's
    name counts only in the document's ``countries``.

    In a sentence that only adds to an open event, ``In Washington, a spokesman said ...`` is where the speaker
    is, not the event. A place in an apposition after another (``Zhytomyr, west of Kyiv,``) is a reference point.
    """
    speaker = _SPEAKER.match(sent.text) if continuing else None
    speaker_end = sent.start + speaker.end(1) if speaker else -1
    asides = [(sent.start + r.start(), sent.start + r.end()) for r in _ASIDE.finditer(sent.text)]
    cands: list[PlaceCandidate] = []
    actors: list[str] = []
    previous: Mention | None = None
    for m in mentions:
        if sent.start <= m.start and m.end <= sent.end and not any(a <= m.start < b for a, b in asides):
            c = _candidate(text, sent, m, speaker_end)
            if not isinstance(c, PlaceCandidate) and doc is not None and located_in(doc, sent.start, m):
                # "Clashes with police in Bihar have left ... dead": the clashes' subject, Bihar their place
                c = _candidate(text, sent, m, speaker_end, located=True)
            if isinstance(c, PlaceCandidate) and doc is not None:
                role = tree_role(doc, sent.start, m)
                if role in ("modifier", "origin", "owner") or (role == "facility" and (
                        m.place is not None and m.place.country_code not in countries)):
                    previous = m
                    continue
            if isinstance(c, PlaceCandidate):
                if previous is not None and _APPOSITION.match(text[previous.end:m.start]):
                    c.strength = -1
                if previous is not None and _PART_OF.match(text[previous.end:m.start]):
                    for part in cands:
                        if part.mention is previous:
                            c.strength, part.strength, part.specificity = max(c.strength, part.strength), -1, 0
                cands.append(c)
            elif c and c not in actors:
                actors.append(c)
            previous = m
    return cands, actors


