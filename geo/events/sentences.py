"""Paragraphs and sentences with offsets, and the small clause-level cues the event extractor reads: who says a
figure, who acts."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from ..lexicon import ATTRIBUTION_VERBS, MONTHS, WEEKDAYS, alternation

if TYPE_CHECKING:
    from .dates import TimeExpr

__all__ = ["Sentence", "actors_in", "body_sentences", "clauses", "figure_source", "in_quotes", "split_sentences"]

_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Gov|Sen|Rep|St|Mt|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|"
    r"Nov|Dec|Jr|Sr|Prof|Rev|vs|etc|approx|est|Ft|Adm|Cmdr|Brig)\.|\b[A-Z]\.(?:[A-Z]\.)*)$")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9(])")


class Sentence(NamedTuple):
    text: str
    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences in text order; a blank line (or a line with no final stop) ends a paragraph."""
    out: list[Sentence] = []
    para = 0
    for block in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        start = block.start()
        chunk = block.group(0)
        pos = 0
        for m in _BOUNDARY.finditer(chunk):
            head = chunk[pos:m.start()].rstrip("\"”’'")
            if _ABBREVIATIONS.search(head) and not re.search(r"\b(?:U\.S|U\.N|U\.K)\.$", head):
                continue
            if head.strip():
                out.append(_sentence(chunk, pos, m.start(), start, para))
            pos = m.end()
        if chunk[pos:].strip():
            out.append(_sentence(chunk, pos, len(chunk), start, para))
        para += 1
    return out


def body_sentences(text: str, body_start: int = 0) -> list[Sentence]:
    """The sentences of ``text`` with the date line before ``body_start`` cut off the first of them
    (``KAYSERI, Turkey, Dec 17 (Reuters) - A car bomb ...``: the sentence begins at ``A car bomb``).

    >>> [s.text for s in body_sentences("CAIRO (AP) -- A bomb exploded. Two died.", 14)]
    ['A bomb exploded.', 'Two died.']
    """
    return [Sentence(text[body_start:s.end], body_start, s.end, s.paragraph) if s.start < body_start else s
            for s in split_sentences(text)]


def _sentence(chunk: str, a: int, b: int, offset: int, para: int) -> Sentence:
    while a < b and chunk[a].isspace():
        a += 1
    while b > a and chunk[b - 1].isspace():
        b -= 1
    return Sentence(chunk[a:b], offset + a, offset + b, para)


_SPEECH = alternation(ATTRIBUTION_VERBS)
_SOURCE_BEFORE = re.compile(
    rf"((?:[Tt]he |[Aa]n? )?(?:[\w'’.-]+ ){{0,7}}?[\w'’.-]+)\s+(?:also\s+)?{_SPEECH}\b")
_SOURCE_AFTER = re.compile(rf"(?:,|\")\s*{_SPEECH}\s+((?:the |an? )?(?:[\w'’.-]+ ?){{1,6}})", re.IGNORECASE)
_ACCORDING = re.compile(r"according to ((?:the |an? )?(?:[\w'’.-]+ ?){1,6})", re.IGNORECASE)
_ANAPHORA = re.compile(r"^(?:the (?:group|organization|organisation|monitor|ministry|agency|official|officials|army|"
                       r"police|military)|it|he|she|they|officials|activists|sources)$", re.IGNORECASE)


def figure_source(sentence: str) -> str | None:
    """Who a sentence attributes its report to, if it names someone: ``The Observatory``, ``Sahloul``; None for
    no attribution or a mere anaphor (``the group``, ``he``)."""
    for pattern in (_ACCORDING, _SOURCE_AFTER, _SOURCE_BEFORE):
        m = pattern.search(sentence)
        if m:
            who = m.group(1).strip(" ,\"")
            who = re.split(r",| which | who | that ", who)[0].strip()
            if not who or _ANAPHORA.match(who) or not any(ch.isupper() for ch in who):
                return None
            return who
    return None


_ACTOR_NOUNS = (r"rebels|forces|troops|militants|warplanes|jets|aircraft|army|police|fighters|militias?|soldiers"
                r"|government|regime|protesters|demonstrators|gunmen|military|insurgents|jihadis|extremists|"
                r"officers|security forces|artillery|students|workers|farmers|residents|villagers|mob|rioters")
_ACTOR = re.compile(
    rf"\b((?:[A-Z][\w'’.]*(?:-[a-z]+)?(?:\s+(?:and|&)\s+|\s+|,\s+))*[A-Z][\w'’.]*(?:-(?:backed|led|based|allied))?"
    rf"(?:\s+[a-z-]+)?\s+(?:{_ACTOR_NOUNS}))\b")
_BETWEEN = re.compile(rf"\bbetween\s+(.+?)\s+and\s+(.+?(?:{_ACTOR_NOUNS}))\b", re.I)
_NOT_ACTOR = re.compile(r"\b" + alternation(w.capitalize() for w in [*WEEKDAYS, *MONTHS]) + r"\b")
_SKIP_START = re.compile(r"^(?:The|A|An|In|On|At|Also|But|And|When|As)\s+")


def actors_in(sentence: str) -> tuple[str, ...]:
    """Actors as written: ``Turkey-backed Syrian rebels``, ``Russian and Syrian warplanes``."""
    found: list[str] = []
    m = _BETWEEN.search(sentence)
    if m:
        found += [m.group(1), m.group(2)]
    for m in _ACTOR.finditer(sentence):
        phrase = _SKIP_START.sub("", m.group(1)).strip(" ,")
        if _NOT_ACTOR.search(phrase):
            continue
        if phrase and not any(phrase in f or f in phrase for f in found):
            found.append(phrase)
    return tuple(found[:4])


#: "Sunday's explosion came just two days after two bombs killed six police officers in Giza": two events, the
#: one told after "after" that long before.
_CAME_AFTER = re.compile(r"\b(?:comes?|came|coming)\b(?:\s+[\w'’-]+){0,5}?\s+after\s", re.I)


def clauses(sent: Sentence, times: list[TimeExpr]
             ) -> list[tuple[Sentence, list[TimeExpr], list[TimeExpr]]]:
    """The sentence, or its two events when it tells one as coming after another: the clause before ``after``
    with its own times, the clause after it with the time that tells how long before (``two days after``; the
    third item: counted back from the event of the first clause)."""
    m = _CAME_AFTER.search(sent.text)
    if m is None:
        return [(sent, times, [])]
    cut = m.end()
    first = Sentence(sent.text[:cut], sent.start, sent.start + cut, sent.paragraph)
    second = Sentence(sent.text[cut:], sent.start + cut, sent.end, sent.paragraph)
    span = [t for t in times if m.start() <= t.start < cut]
    gap = [t._replace(start=t.start - cut, end=t.end - cut) for t in span]  # before the clause it dates
    return [(first, [t for t in times if t.start < cut and t not in span], []),
            (second, gap + [t._replace(start=t.start - cut, end=t.end - cut) for t in times if t.start >= cut], gap)]


def in_quotes(sentence: str, at: int) -> bool:
    """True when position ``at`` of the sentence lies inside a quotation.

    >>> in_quotes('He said "they shelled the town" today.', 12)
    True
    """
    return (sentence[:at].count('"') + sentence[:at].count("“") - sentence[:at].count("”")) % 2 == 1
