"""Find place mentions in raw text with the gazetteer and rules; no model download.

Longest gazetteer match over capitalised runs of words (normalised exactly as the gazetteer indexes names),
no overlaps, then the named rules of :mod:`geo.places.rules` that reject people and organisations, handle
datelines, abbreviations, demonyms, possessives (``France's``) and hyphenated compounds (``Turkey-backed``,
``U.S.-based``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from gazetteer import Candidate
from gazetteer.normalize import ARTICLES, DESIGNATORS, key_from_words

from ..datelines import opens_line
from ..lexicon import CONNECTORS, NON_PLACE_WORDS, TITLES
from .orgs import named_media
from .people import person_names, speakers
from .rules import reject
from .tokens import Token, openers, tokenize
from .view import View, follows_a_town

__all__ = ["Rejected", "Span", "Token", "candidate_spans", "follows_a_town", "is_dateline", "select_spans",
           "tokenize"]

MAX_WORDS = 6
#: ``WASHINGTON --``, ``BEIRUT (AP) --``, ``Washington (CNN)``: a place opening a line as its dateline.
is_dateline = opens_line


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


class Rejected(NamedTuple):
    """A run of words the gazetteer knows that a rule rejected (shown by ``--explain``)."""

    start: int
    end: int
    text: str
    rule: str


#: Abbreviations that open a place's name and end with a stop: ``St. Petersburg``, ``Sault Ste. Marie``, ``Mt.
#: Kenya``, ``Ft. Worth``, ``W. Va.`` (a run of words no longer ends at their stop: St. Louis was found nowhere).
ABBREVIATED_HEADS = frozenset({"st", "ste", "mt", "ft", "w"})
#: Arabic articles that are English words when a space follows them: only ``as-Sham``, ``at-Tall``, ``an-Nabk``
#: take them into a name.
SPACED_ARTICLES = frozenset({"as", "at", "an"})


def candidate_spans(text: str, tokens: list[Token]) -> dict[tuple[int, int], str]:
    """Every run of tokens that could name a place: (first, last) -> lookup key."""
    spans: dict[tuple[int, int], str] = {}
    n = len(tokens)
    for i in openers(tokens):  # a name starts with a capital or an article
        tok = tokens[i]
        if tok.key == "the":
            continue
        if not tok.cap and not (tok.key in ARTICLES and i + 1 < n and tokens[i + 1].cap
                                and text[tok.end:tokens[i + 1].start] == "-"):
            continue  # a name starts with a capital, or with a hyphenated article ("al-Rai")
        if tok.key in SPACED_ARTICLES and text[tok.end:tok.end + 1] != "-":
            continue  # "As Brown was about to leave", "At Harding's": English words, not "as-Sham", "at-Tall"
        words: list[str] = []
        for j in range(i, min(n, i + MAX_WORDS)):
            t = tokens[j]
            if j > i and t.key in SPACED_ARTICLES and text[tokens[j - 1].end:t.start] != "-" and (
                    text[t.end:t.end + 1] != "-"):
                break  # "the Celebration at City Park": no Celebration, Florida (the article and "City" dropped)
            if j > i and not t.joined and not (tokens[j - 1].key in ABBREVIATED_HEADS and tokens[j - 1].cap
                                               and text[tokens[j - 1].end:t.start] == ". "):
                break  # "St. Petersburg", "Ste. Marie", "Mt. Kenya" go on past the abbreviation's stop
            words.append(t.key)
            if t.cap or (j > i and t.key in DESIGNATORS):
                if j == i and not tok.upper and (tok.key in NON_PLACE_WORDS or tok.key in TITLES):
                    continue  # "The", "In", "Monday", "President": never looked up alone
                key = t.key if j == i else key_from_words(words)  # one word is its own key
                if key:
                    spans[(i, j + 1)] = key
            elif t.key not in CONNECTORS:
                break
    return spans


def select_spans(text: str, tokens: list[Token], found: dict[str, list[Candidate]],
                 spans: dict[tuple[int, int], str] | None = None,
                 rejected: list[Rejected] | None = None, *, people: set[str] | None = None) -> list[Span]:
    """Longest non-overlapping matches that survive the rules; each rejection goes to ``rejected`` if given.
    ``people``: :func:`~geo.places.people.person_names` of the text, if the caller has them already."""
    if spans is None:
        spans = candidate_spans(text, tokens)
    if people is None:
        people = person_names(text, tokens)
    said = speakers(text, tokens)
    lower_words = {t.key for t in tokens if not t.cap}
    media = named_media(text)
    by_start: dict[int, list[tuple[int, str]]] = {}
    for (a, b), key in spans.items():
        if key in found:
            by_start.setdefault(a, []).append((b, key))
    out: list[Span] = []
    i = 0  # the first token not yet inside a chosen span
    for a in sorted(by_start):  # only where a known name starts (most tokens start none)
        if a < i:
            continue
        for b, key in sorted(by_start[a], reverse=True):
            view = View(text, tokens, a, b, key, found[key], people, lower_words, said, found, media)
            rule = reject(view)
            if rule is None:
                chosen = _span(view)
                out.append(chosen)
                i = chosen.last
                break
            if rejected is not None:
                rejected.append(Rejected(view.first.start, view.last.end, view.surface, rule))
    return out


def _span(v: View) -> Span:
    end = v.last.end
    if any(c.form.endswith(".") for c in v.cands) and v.text[end:end + 1] == "." and not v.surface.endswith("."):
        end += 1  # "Ky." is the abbreviation with its stop
    return Span(start=v.first.start, end=end, text=v.text[v.first.start:end], key=v.key, first=v.a, last=v.b,
                candidates=v.cands, dateline=v.dateline, designator=v.designator)
