"""Words with offsets, the unit every place rule reads: case, sentence starts, and whether a word is joined to
the previous one inside a name (only a space, a line wrap or a hyphen between them)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from gazetteer.normalize import ARTICLES, word_key

from ..lexicon import TITLES

__all__ = ["CONTINUES", "MARKS", "Token", "openers", "tokenize"]

#: Apostrophes and the ayn/hamza marks that may sit inside a word (``Ra'i``, ``Raʿi``).
MARKS = "'’`ʿʾ‘"
#: A word: letters, with marks inside (``Ra'i``).
_WORD = r"[^\W\d_]+(?:[" + MARKS + r"][^\W\d_]+)*"
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}(?:[A-Z](?![a-z]))?|" + _WORD)
_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")")
#: The same for ASCII text, where the Unicode classes match what the ASCII ones do, a fifth faster.
_TOKEN_SPLIT_ASCII = re.compile(_TOKEN_SPLIT.pattern, re.ASCII)
#: A text with no two capitals with stops in a row (``U.S.``: four texts in five) has no abbreviation token, and
#: is split by the word alternative alone, a third faster: the abbreviation's is tried at every letter.
_DOTTED = re.compile(r"[A-Z]\.[A-Z]\.")
_WORD_SPLIT = re.compile("(" + _WORD + ")")
_WORD_SPLIT_ASCII = re.compile(_WORD_SPLIT.pattern, re.ASCII)
_SENTENCE_END = re.compile(r"(?:[.!?:;\"“”]\s*|\n\s*)$")
#: Lower-case words after which a wrapped line goes on with the same phrase ("in\n Wisconsin").
CONTINUES = frozenset({"in", "of", "at", "to", "and", "or", "the", "a", "an", "from", "for", "by", "with",
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


def tokenize(text: str) -> list[Token]:
    """Words with offsets; a possessive ``'s`` is left outside the word."""
    tokens: list[Token] = []
    new = tuple.__new__  # Token(...) through the named tuple's own __new__ costs a Python call per word
    ascii_text = text.isascii()  # then every word is: no per-word test, no mis-decoded apostrophe (below)
    # [gap, word, gap, word, ..., gap]: one pass in C, offsets summed here (typed as strings, not re's "str |
    # Any": compiled, the words' slices, comparisons and lengths are then native string operations)
    parts: list[str]
    if _DOTTED.search(text) is None:
        parts = (_WORD_SPLIT_ASCII if ascii_text else _WORD_SPLIT).split(text)
    else:
        parts = (_TOKEN_SPLIT_ASCII if ascii_text else _TOKEN_SPLIT).split(text)
    pos = len(parts[0])
    gap = parts[0]
    prev_key = ""
    started = False  # a word is already in tokens
    for k in range(1, len(parts), 2):
        word = parts[k]
        start = pos
        pos += len(word)
        end = pos
        # the last letter first: most words do not end in "s" (a call to len saved per word)
        if word[-1] == "s" and len(word) > 3 and word[-2] in MARKS:
            word, end = word[:-2], end - 2
        elif not ascii_text and word[-1] == "â" and len(word) > 1 and word[:-1].isascii():
            # an apostrophe read in the wrong encoding (UTF-8 ’ as Latin-1: "Itâ s", "donâ t"): the word before
            # it (Itâ was Itá, Paraguay, twice, and outvoted a Minnesota paper's focus)
            word, end = word[:-1], end - 1
        key = word.lower() if (ascii_text or word.isascii()) and word.isalpha() else word_key(word)
        if key:
            if gap == " ":
                sentence_start, joined = False, started
            elif gap == ", ":
                sentence_start = joined = False
            elif not started:
                sentence_start, joined = True, False
            else:
                # a line break starts a sentence unless the line was wrapped mid-phrase ("in\n Wisconsin")
                ends, breaks, joined = _gap(gap)
                sentence_start = ends or (breaks > 0 and (breaks > 1 or prev_key not in CONTINUES))
            tokens.append(new(Token, (word, start, end, key, word[0].isupper(), word.isupper(), sentence_start,
                                      joined)))
            started = True
            prev_key = key
            after = parts[k + 1]
            gap = after if end == pos else text[end:pos] + after
        else:
            after = parts[k + 1]
            gap = gap + parts[k] + after
        pos += len(after)
    return tokens


@lru_cache(maxsize=4096)
def _gap(gap: str) -> tuple[bool, int, bool]:
    """(ends a sentence, line breaks, joins the words) of the text between two words: the same few gaps recur
    (``. ``, ``\n\n``, `` "``), and two expressions over each cost a tenth of the tokenizer."""
    return bool(_SENTENCE_END.search(gap)), gap.count("\n"), bool(_JOIN.match(gap))


_OPENER_WORDS = ARTICLES | TITLES
_last_openers: tuple[Sequence[Token], int, list[int]] | None = None


def openers(tokens: Sequence[Token]) -> list[int]:
    """Indices of the tokens a name, a speaker or a person's title can open: capitalised words, Arabic articles
    (``al-Rai``) and titles (``president``). The place pipeline's five passes over a document's words start only
    there (a fifth of its words), not at every word; the last list's answer is kept (its owner too, so that no
    other list can take its id: a list of :func:`tokenize`'s, never changed after).

    >>> [t.text for t in (lambda ts: [ts[i] for i in openers(ts)])(tokenize("the president met al-Assad in Homs"))]
    ['president', 'al', 'Assad', 'Homs']
    """
    global _last_openers
    last = _last_openers
    if last is not None and last[0] is tokens and last[1] == len(tokens):
        return last[2]
    found = [i for i, t in enumerate(tokens) if t.cap or t.key in _OPENER_WORDS]
    _last_openers = (tokens, len(tokens), found)
    return found
