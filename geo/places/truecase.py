"""Text written in capitals (wire copy such as MUC-4's FBIS stories: ``SAN SALVADOR, 3 JAN 90 -- ...``) made
mixed case before analysis, so that the rules written for news as it is usually printed hold: a common word is
lower case (``RIFLE`` -> ``rifle``, ``ARREST`` -> ``arrest``), a name is capitalised (``APOPA`` -> ``Apopa``),
a name the gazetteer knows keeps its capitals however English its words (``SAN SALVADOR``, ``EL SALVADOR``).

The true-cased text has the same length and offsets as the original (only the case of letters changes), so
mentions and evidence point into the original text; their surfaces are taken from it.

>>> truecase("SHELLS HIT APOPA ON MONDAY.", keep=set())
'Shells hit Apopa on monday.'
"""
from __future__ import annotations

import importlib.resources
import re
import string
from collections.abc import Collection
from functools import cache, lru_cache

from gazetteer import Candidate, Gazetteer
from gazetteer.normalize import DESIGNATORS

from ..lexicon import DIRECTIONALS, FUNCTION_WORDS, NON_PLACE_WORDS, given_names
from .recognise import candidate_spans
from .tokens import tokenize

__all__ = ["in_sorted_lines", "is_english_word", "is_shouting", "names_to_keep", "truecase"]

#: A text is shouting when at least this share of its cased letters are capitals (and it has 40 or more).
SHOUTING_SHARE = 0.8
# runs of cased letters in lower case (Latin, Greek and Cyrillic enough) and in upper case: counted by the
# length of their runs, not a list item a letter (which was 5 % of the place pipeline's time)
_LOWER = re.compile(r"[^\W\d_A-ZÀ-ÞА-Я]+")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ]+")
_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?]\s*$|^\s*$|--\s*$|[\[(]\s*$")
#: ``U.S. CITIZENS``: the stop of initials ends no sentence (``U.S. citizens``, never ``U.S. Citizens``).
_INITIALS_BEFORE = re.compile(r"\b[A-Z]\.[A-Z]\.\s+$")
#: ``SAN SALVADOR, 3 JAN 90 --``: a wire dateline, left in capitals (that is how datelines are recognised).
_DATELINE = re.compile(r"^\s*[^\n]{0,80}?(?:--|—)")
_KEEP_CODES = frozenset({"PCLI", "CONT"})
#: Words that name first-level divisions somewhere (Capital District, Free State, Unity State) but are words
#: first: in capitals they stay words.
_GENERAL_WORDS = frozenset({"capital", "free", "store", "valley", "islands", "plateau", "maritime", "coast",
                            "highlands", "lakes", "mountains", "central", "interior", "littoral", "border"})
#: A one-word name that is also an English word keeps its capitals only for a country, a continent or a place
#: at least this large (``MEXICO``, ``LIMA``), never a small town or a division named like a word (``RIFLE``,
#: Colorado; ``WILL`` County; ``MASS.``).
_KEEP_POPULATION = 100_000
#: ... and, when the text does not name its country, only a city of a million or more under its own name
#: (``BOGOTA``, ``MEDELLIN``: WordNet lists them as words), never ``MALE`` (Malé, the Maldives) or ``CAN`` (Caen).
_KEEP_ALONE = 1_000_000


@cache
def _english_text() -> str:
    """``geo/data/english.txt`` without its comment header, a line break before every word."""
    text = importlib.resources.files("geo").joinpath("data/english.txt").read_text(encoding="utf-8")
    start = 0
    while text.startswith("#", start):
        start = text.index("\n", start) + 1
    return "\n" + text[start:] if text.endswith("\n") else "\n" + text[start:] + "\n"


def in_sorted_lines(text: str, word: str) -> bool:
    """``word`` is a line of ``text``: lines in code point order, each after a line break, the last ended by one
    (a binary search over the characters; the look-up of ``look(1)``).

    >>> [in_sorted_lines("\\nalong\\nentrance\\nsalt\\n", w) for w in ("entrance", "salt", "sal", "zebra", "")]
    [True, True, False, False, False]
    """
    if not word or "\n" in word:
        return False
    lo, hi = 0, len(text)  # the lines left to look at are those starting in [lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        start = text.find("\n", max(mid - 1, 0)) + 1  # the first line starting at mid or after
        if start >= hi or start == 0:
            hi = mid
            continue
        end = text.find("\n", start)
        line = text[start:end]
        if line == word:
            return True
        if line < word:
            lo = end + 1
        else:
            hi = mid
    return False


@lru_cache(maxsize=1 << 16)
def is_english_word(word: str) -> bool:
    """``word`` (lower case) is an English word (WordNet's, from ``geo/data/english.txt``; see
    scripts/make_english_words.py). A binary search of the sorted file: its 77,520 words made into a set cost 130
    million instructions, a seventh of a one-document ``geo places``, where a document asks about a few.

    >>> is_english_word("entrance"), is_english_word("idlib")
    (True, False)
    """
    return in_sorted_lines(_english_text(), word)


_SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""),
             ("er", ""), ("est", ""), ("ers", ""), ("ings", ""), ("ied", "y"))


def _english(word: str) -> bool:
    """``word`` (lower case) or its stem is an English word (``killed``, ``bombings``, ``guerrillas``)."""
    if is_english_word(word) or word in FUNCTION_WORDS or word in NON_PLACE_WORDS:
        return True
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:  # "goes", "does"
            stem = word[:-len(suffix)] + repl
            if is_english_word(stem) or (len(stem) > 2 and stem[-1] == stem[-2] and is_english_word(stem[:-1])):
                return True
    return False


def is_shouting(text: str) -> bool:
    """Whether the text is written (almost) all in capitals.

    >>> is_shouting("SAN SALVADOR, 3 JAN 90 -- TERRORISTS ATTACKED A POLICE POST."), is_shouting("Aleppo burns.")
    (True, False)
    """
    head = text[:2000]  # most texts say at once that they are not in capitals
    share = (1 - SHOUTING_SHARE) * len(head)
    if len(head) >= 200 and (_ascii_letters(string.ascii_lowercase, head) > share or (
            not head.isascii() and _letters(_LOWER, string.ascii_lowercase, head) > share)):
        return False  # its ASCII lower-case letters alone, counted in C, tell most texts with accents too
    lower = _letters(_LOWER, string.ascii_lowercase, text)
    upper = _letters(_UPPER, string.ascii_uppercase, text)
    return upper + lower >= 40 and upper >= SHOUTING_SHARE * (upper + lower)


def _ascii_letters(ascii_letters: str, text: str) -> int:
    """How many of ``ascii_letters`` the text holds, any other characters in it (fewer than :func:`_letters`
    counts, never more).

    >>> _ascii_letters(string.ascii_lowercase, "Ürümqi and Aleppo")
    12
    """
    data = text.encode("utf-8")
    return len(data) - len(data.translate(None, ascii_letters.encode("ascii")))


def _letters(runs: re.Pattern[str], ascii_letters: str, text: str) -> int:
    """How many letters of ``runs`` (:data:`_LOWER` or :data:`_UPPER`) the text holds; ASCII text is counted by
    deleting those letters' bytes (``ascii_letters``): the expression over Unicode classes takes 25 ns a character.

    >>> _letters(_LOWER, string.ascii_lowercase, "Aleppo, Homs"), _letters(_LOWER, string.ascii_lowercase, "Ürümqi")
    (8, 5)
    """
    if text.isascii():
        return _ascii_letters(ascii_letters, text)
    return sum(map(len, runs.findall(text)))


def names_to_keep(text: str, gazetteer: Gazetteer) -> set[tuple[int, int]]:
    """Character spans of the runs of words the gazetteer knows as names worth their capitals: names with a
    word that is no English word (``SAN SALVADOR``, ``APOPA``), names of countries and continents, and names of
    places of 100,000 people or more whatever their words (``UNITED STATES``, ``NEW YORK``), never ``THE
    EASTERN REGION``. A single English word keeps its capitals only when the text also names the place's
    country: ``ONE ADULT MALE`` is no capital of the Maldives, ``NOBODY CAN`` no town in Turkey, in a story from
    Bogota that names neither country.

    >>> from geo.places import default_gazetteer
    >>> sorted(names_to_keep("NOBODY CAN SAY.", default_gazetteer()))
    []
    """
    tokens = tokenize(text)
    runs = candidate_spans(text, tokens)
    found = gazetteer.candidates(set(runs.values()))
    named = {c.place.country_code for key in runs.values() for c in found.get(key, ())
             if c.kind == "name" and c.place.feature_code in _KEEP_CODES}
    # one-word names the text puts right after a locative preposition somewhere ("A WAREHOUSE IN TEGUCIGALPA")
    located = {key for (a, b), key in runs.items() if b == a + 1 and a and tokens[a - 1].key in _LOCATIVE
               and key not in DIRECTIONALS and key not in _GENERAL_WORDS and key not in NON_PLACE_WORDS}
    keep: set[tuple[int, int]] = set()
    for (a, b), key in runs.items():
        cands = found.get(key)
        if not cands:
            continue
        words = tokens[a:b]
        if not all(_english(t.key) for t in words) or any(
                _worth_capitals(c, key) and (c.place.country_code in named or (c.kind == "name" and (
                    len(words) > 1 or c.place.feature_code in _KEEP_CODES or c.place.population >= _KEEP_ALONE
                    or (key in located and _located_alone(c)))))
                for c in cands):
            keep.add((tokens[a].start, tokens[b - 1].end))
    return keep


#: Prepositions after which a one-word name is where something is (``IN TEGUCIGALPA``, ``AT GENEVA``).
_LOCATIVE = frozenset({"in", "at", "near"})


def _located_alone(c: Candidate) -> bool:
    """A capital, a first-level division or a place of 100,000 people that the text puts after ``in``, ``at`` or
    ``near`` keeps its capitals though WordNet lists its name (``TEGUCIGALPA``, ``CARTAGENA``, ``GENEVA``: lower
    case, the bombing of a U.S. embassy warehouse in Tegucigalpa was placed in the United States)."""
    return c.place.feature_code in ("PPLC", "ADM1") or c.place.population >= _KEEP_POPULATION


def _worth_capitals(c: Candidate, key: str) -> bool:
    """A name of English words that is still a name: a country, a continent, a large place, or a first-level
    division whose name is no general word (``TEXAS``, ``SONORA``; not ``CAPITAL``, ``NORTHERN``, ``FREE``)."""
    if c.kind not in ("name", "alt"):
        return False  # "MASS." and "WILL County" are no reason to keep MASS and WILL
    if c.place.feature_code in _KEEP_CODES or c.place.population >= _KEEP_POPULATION:
        return True
    return c.place.feature_code == "ADM1" and key not in _GENERAL_WORDS and key not in DESIGNATORS and not (
        key in NON_PLACE_WORDS or key in DIRECTIONALS or key in FUNCTION_WORDS)


def _same_length(word: str, cased: str) -> str:
    """``cased`` where every letter kept its length (``İ`` lower-cases to two characters: kept as it was)."""
    if len(cased) == len(word):
        return cased
    return "".join(c2 if len(c2) == 1 else c1 for c1, c2 in zip(word, (ch.lower() for ch in word), strict=True))


_NEXT_WORD = re.compile(r"[ \t]*(?:\n[ \t]*)?([^\W\d_]+)")  # not [ \t]*\n?[ \t]*: cubic on blanks


def _given_name(lower: str, text: str, end: int) -> bool:
    """``JOSE MARIA MARTINEZ``, ``VICTOR RODRIGUEZ``: a given name before a name keeps its capital (``maria`` and
    ``victor`` are English words too), so that the surname after it is read as a person's."""
    if lower not in given_names():
        return False
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).isupper() and (not _english(m.group(1).lower())
                                                        or m.group(1).lower() in given_names())


def truecase(text: str, *, keep: Collection[tuple[int, int]]) -> str:
    """Mixed case for a text in capitals: English words lower case, other words and the ``keep`` spans
    capitalised, every sentence's first word capitalised; abbreviations with stops (``U.S.``) as they are."""
    kept = sorted(keep)
    out = list(text)
    k = 0
    head = _DATELINE.match(text)
    for m in _WORD.finditer(text, head.end() if head else 0):  # the dateline stays as the wire wrote it
        word = m.group(0)
        start, end = m.span()
        while k < len(kept) and kept[k][1] <= start:
            k += 1
        inside = k < len(kept) and kept[k][0] <= start
        if len(word) == 1 and text[end:end + 1] == ".":
            continue  # "U.S.", "U.N.", "J. DOE": initials stay in capitals
        lower = _same_length(word, word.lower())
        opens = _SENTENCE_END.search(text[max(0, start - 3):start]) and not _INITIALS_BEFORE.search(
            text[max(0, start - 8):start])
        if inside or not _english(lower) or _given_name(lower, text, end) or opens:
            cased = lower[0].upper() + lower[1:] if len(word[0].upper()) == 1 else lower
        else:
            cased = lower
        out[start:end] = cased
    return "".join(out)
