"""Find place mentions in raw text with the gazetteer and rules; no model download.

Longest gazetteer match over capitalised runs of words (normalised exactly as the gazetteer indexes names),
no overlaps, then rules that reject people and organisations, handle datelines, abbreviations, demonyms,
possessives (``France's``) and hyphenated compounds (``Turkey-backed``, ``U.S.-based``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from gazetteer import Candidate, is_abbreviation
from gazetteer.normalize import ARTICLES, DESIGNATORS, key_from_words, word_key, word_keys

from ..lexicon import CONNECTORS, DIRECTIONALS, FIRST_NAMES, NON_PLACE_WORDS, ORG_HEADS, PERSON_CUES, TITLES

__all__ = ["Span", "Token", "candidate_spans", "follows_a_town", "is_dateline", "select_spans", "tokenize"]

MAX_WORDS = 6
_MARKS = "'’`ʿʾ‘"
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}(?:[A-Z](?![a-z]))?|[^\W\d_]+(?:[" + _MARKS + r"][^\W\d_]+)*")
_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")")
_SENTENCE_END = re.compile(r"(?:[.!?:;\"“”]\s*|\n\s*)$")
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.\s$")
_DATELINE_AFTER = re.compile(r"\s*(?:,[^\n]{0,40}?)?\s*(?:--|—|–|-\s|\(\w+\))")
_ALIAS_TOWN_POPULATION = 50_000
_TOWN_COMMA = re.compile(r"\b([A-Z][\w’'-]*)\.?,[ \t]*$")
_AGENCY = re.compile(r"\s*\([A-Z]\w+\)")
_CONTINUES = frozenset({"in", "of", "at", "to", "and", "or", "the", "a", "an", "from", "for", "by", "with",
                        "on", "near", "into", "over", "under"})
_JOIN = re.compile(r"^(?:[ \t]+\n?[ \t]*|\n[ \t]*|-)$")


class Token(NamedTuple):
    """A word of the text (a named tuple: documents have thousands, and tuples are cheap to make)."""

    text: str
    start: int
    end: int
    key: str
    cap: bool  # starts with an upper-case letter
    upper: bool  # all letters upper case
    sentence_start: bool
    joined: bool  # only a space, a line wrap or a hyphen separates it from the previous word


@dataclass(slots=True)
class Span:
    """A run of tokens that names something in the gazetteer, before resolution."""

    start: int
    end: int
    text: str
    key: str
    first: int  # token indices [first, last)
    last: int
    candidates: list[Candidate] = field(default_factory=list)
    dateline: bool = False
    designator: str | None = None


def tokenize(text: str) -> list[Token]:
    """Words with offsets; a possessive ``'s`` is left outside the word."""
    tokens: list[Token] = []
    parts = _TOKEN_SPLIT.split(text)  # [gap, word, gap, word, ..., gap]: one pass in C, offsets summed here
    pos = len(parts[0])
    gap = parts[0]
    prev_key = ""
    for k in range(1, len(parts), 2):
        word = parts[k]
        start = pos
        pos += len(word)
        end = pos
        if len(word) > 3 and word[-1] == "s" and word[-2] in _MARKS:
            word, end = word[:-2], end - 2
        key = word.lower() if word.isascii() and word.isalpha() else word_key(word)
        if key:
            if gap == " ":
                sentence_start, joined = False, bool(tokens)
            elif gap == ", ":
                sentence_start = joined = False
            elif not tokens:
                sentence_start, joined = True, False
            else:
                # a line break starts a sentence unless the line was wrapped mid-phrase ("in\n Wisconsin")
                sentence_start = bool(_SENTENCE_END.search(gap)) or (
                    "\n" in gap and (gap.count("\n") > 1 or prev_key not in _CONTINUES))
                joined = bool(_JOIN.match(gap))
            tokens.append(Token(word, start, end, key, word[0].isupper(), word.isupper(), sentence_start, joined))
            prev_key = key
            gap = text[end:pos] + parts[k + 1]
        else:
            gap = gap + parts[k] + parts[k + 1]
        pos += len(parts[k + 1])
    return tokens


def candidate_spans(text: str, tokens: list[Token]) -> dict[tuple[int, int], str]:
    """Every run of tokens that could name a place: (first, last) -> lookup key."""
    spans: dict[tuple[int, int], str] = {}
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if tok.key == "the":
            continue
        if not tok.cap and not (tok.key in ARTICLES and i + 1 < n and tokens[i + 1].cap
                                and text[tok.end:tokens[i + 1].start] == "-"):
            continue  # a name starts with a capital, or with a hyphenated article ("al-Rai")
        words: list[str] = []
        for j in range(i, min(n, i + MAX_WORDS)):
            t = tokens[j]
            if j > i and not t.joined:
                break
            words.append(t.key)
            if t.cap or (j > i and t.key in DESIGNATORS):
                if j == i and not tok.upper and (tok.key in NON_PLACE_WORDS or tok.key in TITLES):
                    continue  # "The", "In", "Monday", "President": never looked up alone
                key = key_from_words(words)
                if key:
                    spans[(i, j + 1)] = key
            elif t.key not in CONNECTORS:
                break
    return spans


def _unrelated_alias(cand: Candidate) -> bool:
    """A one-word alternate name of a town under 50,000 people that does not even start like the town's name
    (``Boons`` for Severna Park, ``Samples`` for Hollywood, ``Voters`` for Walters): GeoNames keeps nicknames,
    old names and mistakes like these, and as single words they are far likelier to be words or surnames.
    Transliterations start alike (``Rai`` for Ar Rā‘ī) and are kept, and so are names of several words.
    """
    if cand.kind != "alt" or cand.place.feature_class != "P" or cand.place.population >= _ALIAS_TOWN_POPULATION:
        return False
    form = [w for w in word_keys(cand.form) if w not in ARTICLES]
    name = [w for w in word_keys(cand.place.name) if w not in ARTICLES]
    return not form or not name or form[0][:2] != name[0][:2]


def _surface_ok(surface: str, surface_abbr: bool, cand: Candidate, dateline: bool) -> bool:
    """Abbreviations match abbreviations: ``US`` is not the French village ``Us``, ``UN`` is not ``Un``."""
    cand_abbr = cand.kind == "abbr" or is_abbreviation(cand.form)
    if surface_abbr and not dateline:
        return cand_abbr or (cand.place.is_custom and cand.form == surface)
    if cand_abbr:
        return surface.replace(".", "").upper() == cand.form.replace(".", "").upper() and not surface.islower()
    return True


def _is_dateline(text: str, tokens: list[Token], first: int, last: int) -> bool:
    head = tokens[first]
    return head.sentence_start and _dateline_after(text, tokens[last - 1].end, head.upper)


def _dateline_after(text: str, end: int, upper: bool) -> bool:
    """What follows a dateline's place: ``--`` or ``, Syria --`` after capitals, ``(CNN)`` after any."""
    return bool(_DATELINE_AFTER.match(text, end)) and (upper or bool(_AGENCY.match(text, end)))


def follows_a_town(text: str, start: int) -> bool:
    """True right after a capitalised word and a comma (``Dallas, TX``, ``DALLAS, TX --`` opening a line): where a
    state's postal code can be. Not inside capitals (``ON THE AIR, ME TOO``)."""
    m = _TOWN_COMMA.search(text, max(0, start - 40), start)
    if m is None:
        return False
    return not m.group(1).isupper() or not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip()


def is_dateline(text: str, start: int, end: int) -> bool:
    """``WASHINGTON --``, ``BEIRUT (AP) --``, ``Washington (CNN)``: a place opening a line as its dateline."""
    if text[text.rfind("\n", 0, start) + 1:start].strip(" \t"):
        return False  # not the first word of its line
    return _dateline_after(text, end, text[start:end].isupper())


_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added|explained|admits|admitted|noted|recalled|wrote|stated|warned|"
                           r"believes|thinks|insists|insisted|acknowledged|agreed|argued|replied|laughed)\b")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|according to)\s+$")


def _speakers(text: str, tokens: list[Token]) -> set[str]:
    """Keys of single capitalised words that speak in this document ("Burton said", "said Lennox.")."""
    out: set[str] = set()
    for i, tok in enumerate(tokens):
        if not tok.cap or tok.upper or (i + 1 < len(tokens) and tokens[i + 1].cap and tokens[i + 1].joined):
            continue
        if i > 0 and ((tokens[i - 1].cap and tok.joined) or tokens[i - 1].key in _CONTINUES):
            continue  # "Arlene Burton said" is handled by given names; "based at Heathrow said" is a place
        if _SPEECH_AFTER.match(text, tok.end) or (_SPEECH_BEFORE.search(text[max(0, tok.start - 20):tok.start])
                                                 and text[tok.end:tok.end + 1] in (".", ",")):
            out.add(tok.key)
    return out


def _person_names(text: str, tokens: list[Token]) -> set[str]:
    """Keys of words that name people in this document (after a title or a given name, before 'said')."""
    names: set[str] = set()
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if not nxt.cap or (not nxt.joined and text[tok.end:nxt.start] not in (". ", " ")):
            continue
        if tok.key in TITLES or (tok.cap and tok.key in FIRST_NAMES):
            # the last capitalised word of the run is the surname
            j = i + 1
            while j + 1 < len(tokens) and tokens[j + 1].cap and tokens[j + 1].joined:
                j += 1
            names.add(tokens[j].key)
    return names


def select_spans(text: str, tokens: list[Token], found: dict[str, list[Candidate]],
                 spans: dict[tuple[int, int], str] | None = None) -> list[Span]:
    """Longest non-overlapping matches that survive the person/organisation/common-word rules."""
    if spans is None:
        spans = candidate_spans(text, tokens)
    people = _person_names(text, tokens)
    speakers = _speakers(text, tokens)
    lower_words = {t.key for t in tokens if not t.cap}
    by_start: dict[int, list[tuple[int, str]]] = {}
    for (a, b), key in spans.items():
        if key in found:
            by_start.setdefault(a, []).append((b, key))
    out: list[Span] = []
    i = 0
    n = len(tokens)
    while i < n:
        options = sorted(by_start.get(i, []), reverse=True)
        chosen: Span | None = None
        for b, key in options:
            span = _accept(text, tokens, i, b, key, found[key], people, lower_words, speakers)
            if span is not None:
                chosen = span
                break
        if chosen is None:
            i += 1
            continue
        out.append(chosen)
        i = chosen.last
    return out


_AREA_CODES = frozenset({"PCLI", "CONT", "ADM1"})


def _previous(text: str, tokens: list[Token], a: int) -> Token | None:
    """The word before token ``a`` in the same run of words, skipping Arabic articles (``Fatah al-Sham``)."""
    j = a - 1
    while j >= 0 and tokens[j + 1].joined:
        if tokens[j].key in ARTICLES and not tokens[j].cap:
            j -= 1
            continue
        return tokens[j]
    return None


def _accept(text: str, tokens: list[Token], a: int, b: int, key: str, cands: list[Candidate],
            people: set[str], lower_words: set[str], speakers: frozenset[str] | set[str] = frozenset()) -> Span | None:
    first, last = tokens[a], tokens[b - 1]
    surface = text[first.start:last.end]
    dateline = _is_dateline(text, tokens, a, b)
    surface_abbr = is_abbreviation(surface)
    cands = [c for c in cands if _surface_ok(surface, surface_abbr, c, dateline)]
    if b - a == 1 and not dateline:
        cands = [c for c in cands if not _unrelated_alias(c)]
    designator = DESIGNATORS.get(last.key) if b - a > 1 else None
    if designator is not None:
        # "Idlib province" names the division; "Syrian city" is no place called Syria-city
        cands = [c for c in cands if c.place.feature_class == designator]
    else:
        cands = [c for c in cands if c.kind != "designated"]  # "Plymouth" is not Plymouth County
    postal = first.upper and follows_a_town(text, first.start)
    if not postal:
        cands = [c for c in cands if c.kind != "postal"]  # "OR", "IN", "ME" are words unless after "Portland, "
    if not cands:
        return None
    single = b - a == 1
    if single and (first.key in TITLES or (first.key in FIRST_NAMES and a + 1 < len(tokens)
                                           and tokens[a + 1].cap and tokens[a + 1].joined and not dateline)):
        return None  # "Secretary", "Michael R. Gordon", "Vladimir Isachenkov"; not "Austin, Texas"
    if _INITIAL.search(text[max(0, first.start - 4):first.start]):
        return None  # "Andrew E. Kramer": a surname after a middle initial
    prev = _previous(text, tokens, a)
    nxt = tokens[b] if b < len(tokens) and tokens[b].joined else None
    if single and first.key in NON_PLACE_WORDS and not dateline and not (
            postal and any(c.kind == "postal" for c in cands)):
        return None
    if single and first.sentence_start and first.key in lower_words and not first.upper:
        return None  # a common word capitalised by its position ("Hope is ...", with "hope" elsewhere)
    if single and key in people and not dateline:
        return None
    if (single and key in speakers and not dateline and max(c.place.population for c in cands) < 100_000
            and not any(c.place.feature_code in _AREA_CODES for c in cands)):
        return None  # "Burton said", "said Lennox.": a small town's name that speaks is a surname
    if surface_abbr and text[last.end:last.end + 1] == "$":
        return None  # "US$1.19", "A$20": a currency, not the country
    if prev is not None and prev.cap and prev.key not in DIRECTIONALS:
        named = prev.key in TITLES or prev.key in FIRST_NAMES
        if named or not (prev.sentence_start or prev.key in NON_PLACE_WORDS):
            return None  # "Peter Cook", "Adham Sahloul", "Islamic State", "Jabhat Fatah al-Sham"
    if nxt is not None and nxt.cap and nxt.key in ORG_HEADS:
        return None  # "Washington Post", "New York Times"
    if (nxt is not None and nxt.cap and single and not first.upper and nxt.key not in DESIGNATORS
            and nxt.key not in TITLES and nxt.key not in NON_PLACE_WORDS
            and not any(c.place.feature_code in _AREA_CODES or c.kind == "demonym" for c in cands)):
        return None  # "Kirby Smith": a town's name followed by a capitalised word names a person
    if single and last.key in PERSON_CUES:
        return None
    end = last.end
    if any(c.form.endswith(".") for c in cands) and text[end:end + 1] == "." and not surface.endswith("."):
        end += 1
    return Span(start=first.start, end=end, text=text[first.start:end], key=key, first=a, last=b,
                candidates=cands, dateline=dateline, designator=designator)
