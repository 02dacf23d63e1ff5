"""Who the people of a document are: words that name a person (after a title or a given name) and single words
that speak (``Burton said``, ``said Lennox.``). The recogniser's person rules and the unknown-name detector read
these sets; they are computed once per document."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..lexicon import CIVIC_HEADS, SPEECH_VERBS, TITLES, alternation, given_names, word_given_names
from .tokens import CONTINUES, Token, openers

if TYPE_CHECKING:
    from .view import View

__all__ = ["kin_apposition", "name_with_age", "person_names", "speakers", "word_name_here"]

#: A relative named after the word for the kin (in lower case: ``Mother Russia`` is the country), with a comma or
#: not, one more name of a list allowed: ``whose son, Parker, 8,``, ``his wife, Caroline,``, ``daughters North and
#: Chicago``.
_KIN_BEFORE = re.compile(r"\b(?:sons?|daughters?|wife|husband|brothers?|sisters?|mother|father|grandsons?|"
                         r"granddaughters?|nieces?|nephews?|cousins?|eldest|youngest|twins?|fianc[eé]e?|"
                         r"girlfriend|boyfriend|stepson|stepdaughter),?\s+(?:[A-Z][\w'’-]*(?:,|\s+and)\s+)?$")
#: Substrings one of which every word of :data:`_KIN_BEFORE` contains.
_KIN_STEMS = ("son", "daughter", "wife", "husband", "brother", "sister", "mother", "father", "niece", "nephew",
              "cousin", "eldest", "youngest", "twin", "fianc", "friend")
#: A person's age after the name, between commas: ``Parker, 8, has``, ``Harrison, 8, held`` (a street number or
#: a ZIP code has more digits; ``Paris, 12 miles`` no second comma).
_AGE_AFTER = re.compile(r",\s+\d{1,2},")

_SPEECH_AFTER = re.compile(rf"\s+{alternation(SPEECH_VERBS)}\b")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|according to)\s+$")


def speakers(text: str, tokens: Sequence[Token]) -> set[str]:
    """Keys of single capitalised words that speak in this document ("Burton said", "said Lennox.")."""
    out: set[str] = set()
    for i in openers(tokens):
        tok = tokens[i]
        if not tok.cap or tok.upper or (i + 1 < len(tokens) and tokens[i + 1].cap and tokens[i + 1].joined):
            continue
        if i > 0 and ((tokens[i - 1].cap and tok.joined) or tokens[i - 1].key in CONTINUES):
            continue  # "Arlene Burton said" is handled by given names; "based at Heathrow said" is a place
        if _SPEECH_AFTER.match(text, tok.end) or (text[tok.end:tok.end + 1] in (".", ",")
                                                 and _SPEECH_BEFORE.search(text[max(0, tok.start - 20):tok.start])):
            out.add(tok.key)
    return out


def person_names(text: str, tokens: Sequence[Token]) -> set[str]:
    """Keys of words that name people in this document: the capitalised words after a title or a given name,
    every one of them, for a name may carry two surnames (``Enrique Lopez Albujar``, ``Andres Restrepo
    Londono``: neither Lopez nor Restrepo is a place here).

    >>> from geo.places.tokens import tokenize
    >>> text = "Minister Enrique Lopez Albujar was shot."
    >>> sorted(person_names(text, tokenize(text)))
    ['albujar', 'enrique', 'lopez']
    >>> sorted(person_names("Officers shot Tyrise M. Bell twice.", tokenize("Officers shot Tyrise M. Bell twice.")))
    ['bell', 'tyrise']
    """
    names: set[str] = set()
    first, words = given_names(), word_given_names()
    lower: set[str] | None = None  # the words the document writes in lower case, made when first needed
    n = len(tokens)
    starts = openers(tokens)  # the capitalised words, titles among them: no name opens elsewhere
    for j in starts:
        # "Tyrise M. Bell", "Gino D. Bassett": a capitalised word, a middle initial, a surname
        initial = tokens[j]
        if len(initial.text) != 1 or not initial.upper or not 0 < j < n - 1:
            continue
        tok, last = tokens[j - 1], tokens[j + 1]
        if (tok.cap and len(tok.key) > 1 and initial.joined and text[initial.end:initial.end + 2] == ". "
                and last.cap and not last.upper):
            names.update((tok.key, last.key))
    for i in starts:
        if i >= n - 1:
            break
        tok = tokens[i]
        if not (tok.key in TITLES or (tok.cap and tok.key in first)):
            if not (tok.cap and tok.key in words):
                continue  # most words: no title, no given name
            if lower is None:
                lower = {t.key for t in tokens if not t.cap}
            if not word_name_here(tok, lower) or not tokens[i + 1].joined:
                continue  # "in August. Argentina": a word given name stands right before its surname
        nxt = tokens[i + 1]
        # a given name and a surname stand apart; a hyphen joins two places ("Logan-Rogersville students": the
        # school district of two Missouri towns, no person called Logan Rogersville)
        gap = text[tok.end:nxt.start]
        if not nxt.cap or gap == "-" or nxt.key in CIVIC_HEADS or (not nxt.joined and gap not in (". ", " ")):
            continue
        if gap == ". " and tok.key not in TITLES and len(tok.key) > 1:
            continue  # "By Nate Raymond. BOSTON (Reuters)", "seen in Victoria. Racing Victoria": a sentence ends

        j = i + 1
        names.add(tokens[j].key)
        while j + 1 < n and tokens[j + 1].cap and tokens[j + 1].joined:
            j += 1
            names.add(tokens[j].key)
    return names


def word_name_here(tok: Token, lower: set[str]) -> bool:
    """Whether a given name that is also an English word (:func:`geo.lexicon.word_given_names`) is a name here:
    capitalised mid-sentence, not in capitals, in a document that never writes it in lower case (``Pat Williams
    says``, ``Jenny Palma, a salon owner``; not ``Will Syria ...`` at a sentence's start, nor ``Will Smith`` in a
    text that says ``will``).

    >>> from geo.places.tokens import tokenize
    >>> toks = tokenize("Her cousin Jenny Palma said. Pat it dry.")
    >>> [word_name_here(t, {t.key for t in toks if not t.cap}) for t in toks if t.key in ("jenny", "pat")]
    [True, False]
    """
    return tok.cap and not tok.upper and not tok.sentence_start and tok.key not in lower


def kin_apposition(v: View) -> bool:
    """``whose son, Parker, 8, has``, ``with his wife, Caroline``, ``daughters North and Chicago``: a relative's
    name, not Parker, Colorado."""
    if not v.single:
        return False
    start = max(0, v.first.start - 40)
    window = v.text[start:v.first.start]
    # the pattern is searched only where one of the words for kin is (most names have none before them)
    return any(w in window for w in _KIN_STEMS) and _KIN_BEFORE.search(v.text, start, v.first.start) is not None


def name_with_age(v: View) -> bool:
    """``Her eldest, Harrison, 8, held a plate``: a word with an age after it between commas is a person (a
    residence comes after the age: ``Terry Lee Jolly, 60, Lebanon``)."""
    return v.single and not v.first.upper and _AGE_AFTER.match(v.text, v.last.end) is not None
