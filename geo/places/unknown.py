"""Place-like names the gazetteer does not know: ``the town of Dabiq``, ``south of Jangebe``, ``Tal Abyad
district``, an unresolved dateline. They become mentions with no place and status ``unknown``.

Only strong cues count (a bare ``in X`` names months, parties and faiths as often as places), so the detector
adds recall without costing precision: every other occurrence of a name found this way is reported too.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from gazetteer.normalize import ARTICLES

from ..datelines import document_dateline
from ..lexicon import MONTH_NAMES, NON_PLACE_WORDS, ORG_HEADS, PERSON_CUES, TITLES, WEEKDAYS, given_names
from ..model import UNKNOWN, Mention
from .people import person_names
from .tokens import Token, openers, tokenize
from .view import ends_with

__all__ = ["find_unknown"]

#: Words that say "a place of this kind" before or after a name; plurals start lists ("the villages of A and B").
KIND_WORDS = ("town", "village", "city", "hamlet", "district", "subdistrict", "sub-district", "province", "region",
              "governorate", "neighbourhood", "neighborhood", "suburb", "settlement", "port", "municipality",
              "county", "commune", "locality", "oasis", "valley", "island", "area", "township", "slum", "borough",
              "parish", "delta", "bay", "peninsula")
_KIND = "(?:" + "|".join(KIND_WORDS) + ")"
_KINDS = rf"(?:{_KIND}(?:e?s)?)"
_BEFORE = re.compile(
    rf"(?:\bthe\s+(?:[\w-]+\s+)?{_KINDS}\s+of\s+"
    r"|\b(?:\d+\s+(?:km|kilometers|kilometres|miles)\s+)?(?:north|south|east|west|north-?east|north-?west|"
    rf"south-?east|south-?west)\s+of\s+(?:the\s+{_KIND}\s+of\s+)?"
    rf"|\b(?:near|outside|on the outskirts of)\s+(?:the\s+{_KIND}\s+of\s+)?)$", re.IGNORECASE)
_PLURAL_CUE = re.compile(rf"\b{_KIND}e?s\s+of\s+$", re.IGNORECASE)
_AFTER = re.compile(rf"^\s+{_KIND}\b(?!\s+(?:council|police|hospital|court|officials?|authorities|governor|"
                    r"office|commissioner|chief|administrator|headquarters))", re.IGNORECASE)
_APPOSITION = re.compile(rf"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{_KIND}\b(?=\s*(?:[,.;:)]|in\b|of\b|on\b|near\b|"
                         r"north|south|east|west|$))", re.IGNORECASE)
_LIST_NEXT = re.compile(r"^(?:,\s*|\s+and\s+|,\s+and\s+)$")
#: First words of names that are places by their form (Lake Titicaca, Fort Detrick, Tal Abyad, Kafr Nabl).
_PLACE_HEADS = frozenset({"lake", "mount", "mt", "fort", "cape", "wadi", "tell", "tal", "jebel", "jabal", "ras",
                          "kafr", "deir", "bir", "ain", "khan", "sidi", "port"})
#: Last words that make a run a street, building or institution, not a place a gazetteer would hold.
_NOT_PLACE_HEADS = frozenset({
    "street", "st", "road", "rd", "avenue", "ave", "boulevard", "lane", "square", "bridge", "highway", "drive",
    "hospital", "school", "university", "college", "airport", "mosque", "church", "cathedral", "temple", "park",
    "station", "stadium", "hotel", "prison", "jail", "market", "mall", "centre", "center", "building", "tower",
    "house", "palace", "hall", "court", "base", "camp"})
#: Words that make "X District", "X County" an institution: "Sanitation District", "School District".
_INSTITUTION = frozenset({
    "management", "sanitation", "school", "schools", "water", "fire", "health", "quality", "irrigation",
    "conservation", "transit", "improvement", "utility", "utilities", "congressional", "judicial", "legislative",
    "police", "development", "business", "federal", "unified", "independent", "air", "soil", "library", "sewer",
    "hospital", "election", "electoral", "voting", "court", "attorney", "commission", "council", "board"})
_MONTHS = MONTH_NAMES | frozenset(WEEKDAYS)
MAX_WORDS = 4
_KIND_SET = frozenset(KIND_WORDS) | {w + "s" for w in KIND_WORDS}
_GATES = frozenset({"of", "near", "outside", "in", "at", "and"})


def _name_at(text: str, tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The capitalised run of words starting at token ``i`` (Arabic articles may join it): [i, j)."""
    if not tokens[i].cap or (tokens[i].upper and len(tokens[i].text) <= 4):
        return None
    j = i + 1
    while (j < len(tokens) and j - i < MAX_WORDS and tokens[j].joined
           and "\n" not in text[tokens[j - 1].end:tokens[j].start]):
        tok = tokens[j]
        if tok.cap or (tok.key in ARTICLES and text[tok.end:tok.end + 1] == "-"):
            j += 1
        else:
            break
    while j > i + 1 and (tokens[j - 1].key in ARTICLES or (tokens[j - 1].upper and len(tokens[j - 1].text) <= 4)):
        j -= 1  # "Brant OPP" -> "Brant"
    return i, j


def _plausible(tokens: Sequence[Token], a: int, b: int, people: set[str]) -> bool:
    keys = [t.key for t in tokens[a:b]]
    if keys[0] in TITLES or keys[0] in given_names() or keys[0] in NON_PLACE_WORDS or keys[0] in _MONTHS:
        return False
    if any(k in ORG_HEADS or k in PERSON_CUES or k in _INSTITUTION for k in keys) or keys[-1] in people \
            or keys[-1] in _NOT_PLACE_HEADS:
        return False
    return len("".join(keys)) >= 3


def _cue(text: str, tokens: Sequence[Token], a: int, b: int, surface: str, divisions: dict[int, Mention],
         chain_end: int) -> str | None:
    """Why the run of words [a, b) names a place, or None."""
    start, end = tokens[a].start, tokens[b - 1].end
    before = text[max(0, start - 60):start]
    # every cue before a name ends "of", "near" or "outside" (and a space): the pattern is searched only then
    cue = _BEFORE.search(before) if ends_with(before, ("of", "near", "outside")) else None
    if cue is not None:
        return f"{cue.group(0)}{surface}".strip()
    if tokens[a].sentence_start and b - a == 1 and not tokens[a].upper:
        return None  # "Furthermore, an area ...": a lone capitalised word opening a sentence needs a cue before it
    if chain_end >= 0 and _LIST_NEXT.match(text[chain_end:start]):
        return f"a list of places: ...{text[chain_end - 10:end].strip()}"
    if b - a >= 2 and (tokens[b - 1].key in KIND_WORDS or tokens[a].key in _PLACE_HEADS):
        return surface  # "Scott County", "Swat Valley", "Lake Titicaca", "Fort Detrick"
    after = _AFTER.match(text, end) or _APPOSITION.match(text[end:end + 60])
    if after is not None:
        return surface + after.group(0)  # "Abbasiya neighbourhood", "Dogu Beyazit, a farming town"
    follow = re.match(r",\s+(?:in\s+)?(?:the\s+)?(?:[\w-]+\s+)?", text[end:end + 40])
    region = divisions.get(end + follow.end()) if follow else None
    if (region is not None and region.place is not None and re.search(r"\b(?:in|at|near|outside)\s+$", before)
            and region.text.lower().startswith(region.place.name.lower()[:4])):  # a name, not a demonym
        return f"{surface}, {region.text}"  # "Jangebe, in northwestern Zamfara state"; "Greenlane, Auckland"
    if tokens[a].sentence_start and tokens[a].upper:
        head = document_dateline(text)
        # set off by a real dash: "PLYMOUTH CO. - A suspect" is too weak a cue for a name nobody knows
        if head and head.place_start == start and head.dash != "-":
            return f"dateline {surface}"
    return None


def find_unknown(text: str, known: Sequence[Mention], tokens: Sequence[Token] | None = None, *,
                 people: set[str] | None = None) -> list[Mention]:
    """Unknown place-like names (every occurrence), not overlapping the ``known`` mentions, in text order.
    ``people``: :func:`~geo.places.people.person_names` of the text, if the caller has them already."""
    if tokens is None:
        tokens = tokenize(text)
    taken = sorted((m.start, m.end) for m in known)
    starts = [s for s, _ in taken]
    divisions = {m.start: m for m in known if m.place is not None and m.place.feature_class in ("A", "P")}

    def free(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # mentions starting before `end`; they do not overlap one another
        return k == 0 or taken[k - 1][1] <= start

    names: dict[str, str] = {}  # surface -> the cue that found it
    chain_end = -1  # end of the last name of a list that a plural cue opened ("the villages of Foua and Kfraya")
    for i in openers(tokens):
        tok = tokens[i]
        if not tok.cap or (i and tokens[i - 1].cap and tok.joined and "\n" not in text[tokens[i - 1].end:tok.start]):
            continue  # runs start at their first capitalised word: "Tim Whitley", never "Whitley" alone
        run = _name_at(text, tokens, i)
        if run is None:
            continue
        a, b = run
        start, end = tokens[a].start, tokens[b - 1].end
        prev = tokens[i - 1].key if i else ""
        nxt = tokens[b].key if b < len(tokens) else ""
        if not (prev in _GATES or nxt in _KIND_SET or tokens[b - 1].key in _KIND_SET or tok.key in _PLACE_HEADS
                or text[end:end + 1] == "," or (tok.sentence_start and tok.upper)):
            continue  # no cue can apply: skip the regular expressions
        surface = text[start:end]
        if surface in names or not free(start, end):
            continue
        if people is None:
            people = person_names(text, tokens)
        if not _plausible(tokens, a, b, people):
            continue
        why = _cue(text, tokens, a, b, surface, divisions, chain_end)
        if why is not None:
            names[surface] = why
            before = text[max(0, start - 60):start]
            if _PLURAL_CUE.search(before) or why.startswith("a list"):
                chain_end = end
    found: list[Mention] = []
    for surface, why in names.items():
        for start, end in occurrences(text, surface):
            if free(start, end):
                found.append(Mention(text=surface, start=start, end=end, place=None, score=0.0,
                                     status=UNKNOWN, reasons=(f"not in the gazetteer; cue: {why}",)))
    return sorted(found, key=lambda m: m.start)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Where ``surface`` stands in ``text`` as a whole name (no letter, digit, ``_`` or ``-`` touching it): what
    ``re.finditer(r"(?<![\\w-])" + re.escape(surface) + r"(?![\\w-])", text)`` finds, without compiling an
    expression for every new name (a feed's unknown names are all new: the module's cache of 512 expressions
    turned over, at 0.1 ms a compilation).

    >>> occurrences("Foua and Kfraya; Foua-based Foua", "Foua")
    [(0, 4), (28, 32)]
    """
    out: list[tuple[int, int]] = []
    if not surface:
        return out
    at = text.find(surface)
    while at >= 0:
        end = at + len(surface)
        if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
            out.append((at, end))
            at = text.find(surface, end)
        else:
            at = text.find(surface, at + 1)
    return out
