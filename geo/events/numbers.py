"""Casualty figures in news text: ``at least 15``, ``nearly 400``, ``six``, ``more than two dozen``, ``hundreds``.

Vague quantities follow ACLED's reported-fatalities convention: ``several``/``many`` 10, ``dozens`` 12,
``hundreds`` 100, ``thousands`` 1,000. Figures after ``including``/``among them`` in the same clause are a
breakdown of the figure before them, not more deaths.
"""
from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Figure", "casualty_figures", "parse_number", "vague_figure"]

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"dozen": 12, "score": 20, "hundred": 100, "thousand": 1000, "million": 1_000_000}
_VAGUE = {"several": 10, "many": 10, "scores": 20, "dozens": 12, "hundreds": 100, "thousands": 1000,
          "tens of thousands": 10_000, "hundreds of thousands": 100_000, "a handful": 3, "a few": 3,
          "a number": 10, "some": 10}
_WORD = r"(?:zero|no|one|a|an|single|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen" \
        r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety" \
        r"|dozen|score|hundred|thousand|million|and)"
#: Number words are joined by spaces or by one hyphen (``twenty-five``, ``three hundred and six``): a free run of
#: separators that could also be words once backtracked exponentially (``killed one`` and 36 hyphens: 26 s).
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+(?:million|thousand))?" \
          rf"|(?!and\b){_WORD}(?:(?:\s+|\s*-\s*){_WORD}\b)*" \
          r"|tens of thousands|hundreds of thousands|dozens|hundreds|thousands|scores|several|many|a handful" \
          r"|a few|a number)"
_QUALIFIER = r"(?:at least|nearly|almost|about|around|roughly|some|approximately|more than|over|up to|as many as" \
             r"|fewer than|less than|an estimated|a total of|at most|just over|just under)"
_DEATH = r"(?:killed|dead|died|deaths?|lives|bodies|slain|fatalities|perished|massacred|executed|shot dead" \
         r"|assassinated|murdered)"
#: A word between a figure and its death word: never the injured of another figure (``20 villagers injured and
#: one man dead``: one dead, not 20).
_HURT = r"(?:injured|wounded|hurt|missing|arrested|detained)"
_VICTIMS = rf"(?!(?:{_HURT}|and|while|but|with)\b)[\w'’-]+"
#: The auxiliaries of a passive death (``were killed``, ``have been killed``).
_AUX = r"(?:were|was|have been|had been|has been|are|being|been)"
# "N [words] (were|have been) killed", "killing N", "death toll (at|to|of) N", "N dead"
_PATTERNS = [
    re.compile(rf"\b(?P<q>{_QUALIFIER}\s+)?(?P<n>{_NUMBER})\s+(?:{_VICTIMS}\s+){{0,5}}?(?:who\s+)?"
               rf"{_AUX}?\s*(?:reported\s+|confirmed\s+)?{_DEATH}\b",
               re.I),
    re.compile(rf"\b(?:kill(?:ed|ing|s)|left|murder(?:ed|ing)|massacr(?:ed|ing)|slew|shot dead)\s+"
               rf"(?P<q>{_QUALIFIER}\s+)?(?P<n>{_NUMBER})\b(?!\s*(?:%|percent|km|miles"
               rf"|feet|meters|metres|years|days|weeks|months|hours|minutes))(?!\s+(?:{_VICTIMS}\s+){{0,2}}?{_HURT}\b)",
               re.I),
    re.compile(rf"\b(?:death toll|toll|number of (?:the )?(?:dead|deaths|people killed|fatalities|victims))\s+"
               rf"(?:[\w-]+\s+){{0,6}}?(?:at|to|of|stood at|rose to|reached)\s+(?P<q>{_QUALIFIER}\s+)?"
               rf"(?P<n>{_NUMBER})\b", re.I),
]
#: A figure conjoined before another's (``Two soldiers and 16 gunmen were killed``: 18 killed).
#: Month names, whole (``[a-z]*`` after a prefix took ``mayor`` and ``marines`` for months: ``two marines and``).
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
           r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?")
_CONJOINED = re.compile(rf"\b(?P<n>{_NUMBER})(?:\s+(?!{_MONTHS}(?:\W|$)|years?\b|days?\b){_VICTIMS}){{1,2}}?"
                        rf"(?:\s*,|\s+and)\s+$", re.I)
#: ... and one conjoined after (``killed two soldiers and 16 civilians``: 18 killed).
_KIN = (rf"(?!(?:{_HURT}|in|on|at|during|since|after|before|of|for|by|from|number|few|handful|lot|total|host"
        rf"|series)\b){_VICTIMS}")
_CONJOINED_AFTER = re.compile(rf"^(?:\s+{_KIN}){{0,2}}?(?:\s*,|\s+and)\s+(?P<n>{_NUMBER})\s+{_KIN}\b"
                              r"(?!\s+(?:were|was|are|have|had|been)\b)", re.I)
#: What follows a killing verb used actively, with its victims as object (``two bombs killed six police``).
_ACTIVE = re.compile(rf"\s+(?:at least\s+|some\s+|nearly\s+)?(?!and\b|-)"
                     rf"(?:\d|(?:a|an|the|his|her|their|its|{_WORD[3:-1]})\b)", re.I)
_PASSIVE = re.compile(rf"\b{_AUX}\b", re.I)
_ANY_DEATH = re.compile(r"kill|dead|died|death|lives|bodies|slain|fatalit|perish|massacr|execut|toll|number of"
                        r"|assassinat|murder",
                        re.IGNORECASE)
_BREAKDOWN = re.compile(r"\b(?:including|among them|among whom|of whom|of them|among the dead)\b", re.I)
_SINGULAR = re.compile(r"\b(?:was|has been|had been|is)\s+(?:reported\s+)?(?:killed|dead|slain|shot dead)\b|\bdied\b",
                       re.I)
_NOT_COUNTS = re.compile(r"^(?:a|an|one|no|single|and|-)$", re.I)


#: The largest casualty figure taken as a count (the deadliest wars are counted in millions); larger ones are
#: no figure (``killed 99999999999999999999 people`` once crashed the GeoParquet writer).
MAX_FIGURE = 10_000_000


class Figure(NamedTuple):
    """A casualty figure: its value (lowest reading), its text and offsets within the sentence."""

    value: int
    text: str
    start: int
    end: int


def parse_number(text: str) -> int | None:
    """The value of a number written in digits or words (``2,400``, ``two dozen``, ``three hundred and six``)."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if not t:
        return None
    if t in _VAGUE:
        return _VAGUE[t]
    if t == "no" or t.startswith("no "):
        return 0
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?: (million|thousand))?", t)
    if m:
        digits = m.group(1).replace(",", "")
        if len(digits) > 12:
            return None  # no count of people has so many digits: a serial number, a typo, a crafted text
        scale = _SCALES[m.group(2)] if m.group(2) else 1
        whole, _, fraction = digits.partition(".")
        # integers exactly, without a float ("2.5 million" is the one case with a fraction)
        value = int(whole) * scale + (int(fraction) * scale // 10 ** len(fraction) if fraction else 0)
        return value if value <= MAX_FIGURE else None
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", t):
        if word in ("and", ""):
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def casualty_figures(sentence: str) -> list[Figure]:
    """Fatality figures of a sentence, breakdowns (``including 72 children``) left out, in order."""
    if not _ANY_DEATH.search(sentence):
        return []
    cut = _BREAKDOWN.search(sentence)
    figures: list[Figure] = []
    for pattern in _PATTERNS:
        pos = 0
        while (m := pattern.search(sentence, pos)) is not None:
            pos = m.end()
            if cut and m.start("n") > cut.start():
                continue
            number = m.group("n")
            one = number.lower() == "one" and not re.match(r"one\s+of\b", m.group(0), re.I)
            if _NOT_COUNTS.match(number) and (pattern is not _PATTERNS[0] or not (_SINGULAR.search(m.group(0)) or one)):
                # "a rocket attack killed ten" is not one death; "a man was killed", "one man dead" are; "a week
                # after 44 people were killed": look again after the "a"
                pos = m.end("n")
                continue
            if pattern is _PATTERNS[0] and _ACTIVE.match(sentence, m.end()) and not _PASSIVE.search(m.group(0)):
                pos = m.end("n")  # "two bombs killed six police officers": the bombs are no dead
                continue
            value = parse_number(number)
            if value is None or any(f.start <= m.start("n") < f.end for f in figures):
                continue
            start = m.start()
            if pattern is _PATTERNS[0] and not m.group("q"):
                while (more := _CONJOINED.search(sentence[max(0, start - 60):start])) is not None and (
                        extra := parse_number(more.group("n"))) is not None and not _NOT_COUNTS.match(more.group("n")):
                    value, start = value + extra, max(0, start - 60) + more.start()
            end = m.end()
            if pattern is _PATTERNS[1]:
                # "killed six police officers and a civilian": 7
                while (more := _CONJOINED_AFTER.search(sentence[end:end + 80])) is not None and (
                        extra := parse_number(more.group("n"))) is not None and more.group("n").lower() not in (
                        "no", "and", "-"):
                    value, end = value + extra, end + more.end()
            if value > MAX_FIGURE:
                continue
            figures.append(Figure(value, sentence[start:end].strip(), start, end))
    return sorted(figures, key=lambda f: f.start)


def vague_figure(figure: str) -> bool:
    """A figure that estimates rather than counts: a count found beside it replaces it.

    >>> vague_figure("Dozens have been killed"), vague_figure("At least 25 people are dead")
    (True, False)
    """
    return not re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
                         r"|forty|fifty|hundred|thousand)\b", figure, re.I)
