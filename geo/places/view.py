"""A run of words the recogniser weighs (:class:`View`), the named :class:`Rule` it is weighed by, and the
questions of layout the rules share (a dateline's place, a town's comma, a list of divisions)."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gazetteer import Candidate, is_abbreviation
from gazetteer.normalize import ARTICLES, DESIGNATORS

from ..datelines import follows_place
from .tokens import Token

__all__ = ["Rule", "View", "ends_with", "follows_a_town", "listed_division", "previous_word", "token_dateline"]

_TOWN_COMMA = re.compile(r"\b([A-Z][\w’'-]*)\.?,[ \t]*$")


def ends_with(before: str, words: tuple[str, ...]) -> bool:
    """Whether the text before a name, less its trailing spaces and in lower case, ends with one of ``words``: the
    quick check made before an expression anchored at the name's start is searched (most names have no cue).

    >>> ends_with("in the town of ", ("of", "near")), ends_with("said the ", ("of", "near"))
    (True, False)
    """
    return before.rstrip().lower().endswith(words)


def follows_a_town(text: str, start: int) -> bool:
    """True right after a capitalised word and a comma (``Dallas, TX``, ``DALLAS, TX --`` opening a line): where a
    state's postal code can be. Not inside capitals (``ON THE AIR, ME TOO``)."""
    m = _TOWN_COMMA.search(text, max(0, start - 40), start)
    if m is None:
        return False
    return not m.group(1).isupper() or not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip()


def token_dateline(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Tokens [first, last) open a sentence as a dateline's place (``WASHINGTON --``, ``Washington (CNN)``)."""
    head = tokens[first]
    return head.sentence_start and follows_place(text, tokens[last - 1].end, head.upper)


def previous_word(tokens: Sequence[Token], a: int) -> Token | None:
    """The word before token ``a`` in the same run of words, skipping Arabic articles (``Fatah al-Sham``)."""
    j = a - 1
    while j >= 0 and tokens[j + 1].joined:
        if tokens[j].key in ARTICLES and not tokens[j].cap:
            j -= 1
            continue
        return tokens[j]
    return None


#: The plural designators that close a list of divisions.
_PLURAL_DESIGNATORS = ("counties", "parishes", "provinces", "governorates", "districts")
#: The rest of a list of divisions that a plural designator closes: ``Douglas[, Lancaster and Sarpy counties]``,
#: ``Swift[ and Wilkin counties]``.
_LISTED_DIVISIONS = re.compile(r"(?:,?\s+(?:and\s+|&\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?){0,8},?\s+"
                               r"(?:" + "|".join(_PLURAL_DESIGNATORS) + r")\b")


def listed_division(text: str, end: int) -> bool:
    """Whether a span ending at ``end`` is one of a list of divisions a plural designator closes.

    >>> text = "Douglas, Lancaster and Sarpy counties grew."
    >>> [listed_division(text, e) for e in (7, 18, 28)]
    [True, True, True]
    """
    stop = min(len(text), end + 200)
    window = text[end:stop]
    if not any(w in window for w in _PLURAL_DESIGNATORS):
        return False  # no plural designator near: most names (the pattern, tried first, cost 3 microseconds)
    return _LISTED_DIVISIONS.match(text, end, stop) is not None


class View:
    """A run of tokens [a, b) with the key it was looked up under, its candidates and the document-wide sets
    the rules read (person names, speakers, words seen in lower case)."""

    __slots__ = ("a", "b", "cands", "dateline", "first", "key", "known", "last", "lower_words", "media", "nxt",
                 "people", "postal", "prev", "single", "speakers", "surface", "surface_abbr", "text", "tokens")

    def __init__(self, text: str, tokens: Sequence[Token], a: int, b: int, key: str, cands: list[Candidate],
                 people: set[str], lower_words: set[str], speakers: set[str] | frozenset[str],
                 known: Mapping[str, Sequence[Candidate]] | None = None, media: frozenset[str] = frozenset()
                 ) -> None:
        self.text, self.tokens, self.a, self.b, self.key, self.cands = text, tokens, a, b, key, cands
        self.known = known or {}  # the candidates of every name the document could hold
        self.people, self.lower_words, self.speakers, self.media = people, lower_words, speakers, media
        self.first, self.last = tokens[a], tokens[b - 1]
        self.surface = text[self.first.start:self.last.end]
        self.single = b - a == 1
        self.dateline = token_dateline(text, tokens, a, b)
        self.surface_abbr = is_abbreviation(self.surface)
        self.postal = self.first.upper and follows_a_town(text, self.first.start)
        self.prev: Token | None = None  # the neighbours, set once the filters leave a candidate
        self.nxt: Token | None = None

    @property
    def designator(self) -> str | None:
        """``Idlib province``: the feature class its last word asks for; ``Swift and Wilkin counties``: a name of a
        list that a plural designator closes is a division (:func:`listed_division`)."""
        if not self.single:
            return DESIGNATORS.get(self.last.key)
        return "A" if listed_division(self.text, self.last.end) else None


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule: a filter's ``test(view, candidates)`` returns the candidates it keeps (one pass over the
    list, no call per candidate: the recogniser runs it on every run of words); a rejection rejects the run
    when ``test(view)`` is true."""

    name: str
    test: Callable[..., Any]
