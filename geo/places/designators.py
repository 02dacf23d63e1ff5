"""What the words around a name say about its kind: a populated place (``P``) or an area (``A``).

The resolver rewards a candidate of the kind asked for (``designator P`` and ``designator A`` in
:data:`~geo.places.weights.WEIGHTS`). The cues, in order:

1. before the name: ``the town of X`` (P), ``the province of X`` (A), a person's age (``Jane Doe, 34, of X``: P),
   a street address (``508 Cumberland St., X``: P);
2. after it: ``X city``, ``a X state farm``, and a town's own institutions (``X Police``, ``X Elementary School``,
   ``X Township``, ``X Independent School District``: P).

A document names one place by one name (:func:`spread_towns`): once one mention of ``Jordan`` is a town's
(``Jordan Elementary School``), its bare mentions are the town too, not the country. Measured on the dev corpus
(2026-12-07): the institutions and addresses, spread over each document, turned 12 of ``geo resolve``'s answers
from the countries Jordan and Lebanon to the towns in Minnesota, Pennsylvania and Indiana (Acc@161 0.8938 ->
0.8973; ``geo places`` 0.9002 -> 0.9020) and changed none for the worse; ``X public schools`` was dropped, since
``California public schools`` are the state's.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .resolve import SpanLike
from .view import ends_with

__all__ = ["designated_after", "designated_by", "spread_towns", "town_cues"]

_PREFIX_DESIGNATOR = re.compile(r"\b(?:(city|town|village|port|capital|hamlet|suburb|settlement)|(province|governorate"
                                r"|region|state|district|county|oblast|prefecture|department)) of (?:the )?$", re.I)

_SUFFIX_DESIGNATOR = re.compile(r"\s+(?:(city|town|village)|(province|governorate|state|oblast|prefecture))\b")

#: ``Terry Lee Jolly, 60, Lebanon, was arrested``, ``Jane Doe, 34, of Springfield``: a person's age, then where
#: the person lives, which is a town (local news' habit; the country Lebanon lives nowhere).
_RESIDENCE = re.compile(r"[A-Z][\w'’.-]*,\s+\d{1,3},\s+(?:of\s+)?$")

#: A town's own institutions after its name: ``Lebanon Police``, ``Jordan Elementary School``, ``the Jordan middle
#: school``, ``Palestine Independent School District``, ``Jackson Township``. Not ``public schools``: ``California
#: public schools`` are the state's.
_TOWN_AFTER = re.compile(r"\s+(?i:elementary|middle school|high school|junior high|police|fire department|township|"
                         r"borough|school district|independent school district|city council|city hall|mayor)\b")

#: Substrings one of which every :data:`_TOWN_AFTER` cue contains.
_CUE_STEMS = ("elementary", "school", "junior", "police", "fire", "township", "borough", "city", "mayor")
#: A space and a cue, case-sensitive, for the lower-cased text: :data:`_TOWN_AFTER` itself, case-blind and tried
#: at every space of a text, was two thirds of the instructions the designators added to the pipeline.
_SPACE_CUE = re.compile(_TOWN_AFTER.pattern.replace(r"\s+(?i:", r"\s(?:", 1))

#: The street word and comma that end an address.
_STREET_END = (r"(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Blvd|Boulevard|Lane|Ln|Way|Pike|Hwy|Highway|Ct|Court|Pl|"
               r"Place)\.?,")
#: A street address before a name: ``Richland Funeral Home, 508 Cumberland St., Lebanon``.
_ADDRESS = re.compile(r"\d+\s+(?:[A-Z][\w'’-]*\.?\s+){1,3}" + _STREET_END + r"\s*")
#: The end of an address alone, which most texts lack: a quick search before :data:`_ADDRESS` (tried at every
#: digit, it cost a third of a document's designator cues).
_ANY_STREET_END = re.compile(_STREET_END)


def designated_after(text: str, end: int) -> str | None:
    """A designator just after a name (``Washington`` in ``a Washington state farm``).

    >>> designated_after("a Washington state farm", 12), designated_after("Aleppo city", 6)
    ('A', 'P')
    """
    m = _SUFFIX_DESIGNATOR.match(text, end)
    if m is None:
        return None
    return "P" if m.group(1) else "A"


def designated_by(text: str, start: int) -> str | None:
    """``the town of X`` names a populated place (P), ``the province of X`` an area (A); so does a person's
    age before X (:data:`_RESIDENCE`).

    >>> designated_by("the province of Idlib", 16), designated_by("Jane Doe, 34, of Lebanon", 17)
    ('A', 'P')
    """
    before = text[max(0, start - 30):start]
    if not ends_with(before, ("of", "the", ",")):
        return None  # every cue ends so ("the town of ", "the province of the ", "Jane Doe, 34, "): most names none
    m = _PREFIX_DESIGNATOR.search(before)
    if m is None:
        return "P" if _RESIDENCE.search(before) else None
    return "P" if m.group(1) else "A"


def town_cues(text: str) -> tuple[list[int], list[int]]:
    """Where the text's town cues are: the offsets at which a town's institutions follow a name (the name ends
    there), and those at which a name follows a street address (it starts there).

    >>> town_cues("Lebanon Police said; 508 Cumberland St., Lebanon. The Lebanon border")
    ([7], [41])
    """
    starts = [m.end() for m in _ADDRESS.finditer(text)] if _ANY_STREET_END.search(text) else []
    return _cue_ends(text), starts


def _cue_ends(text: str) -> list[int]:
    """Where :data:`_TOWN_AFTER` matches: the start of the spaces before each cue.

    >>> _cue_ends("Jordan  Police and the Lebanon school district; Palestine-Independent School District")
    [6, 30, 69]
    """
    lowered = text.lower()
    if not any(w in lowered for w in _CUE_STEMS):  # half the texts hold no cue word
        return []
    if len(lowered) != len(text):  # a letter that lower-cases to two ("İ"): the offsets would not carry over
        return [m.start() for m in _TOWN_AFTER.finditer(text)]
    ends = []
    for m in _SPACE_CUE.finditer(lowered):
        k = m.start()
        while k > 0 and text[k - 1].isspace():
            k -= 1
        ends.append(k)
    return ends


def spread_towns(text: str, items: Sequence[SpanLike]) -> list[SpanLike]:
    """The names with no designator of their own designated ``P`` wherever the name, anywhere in the text, is at
    one of its :func:`town_cues` (one name, one place per document; ``Jordan Elementary School``, which the
    recogniser reads as a school's name, still tells that ``Jordan`` is the town), unless a mention is designated
    an area."""
    ends, starts = town_cues(text)  # found once; each name is then looked up at them
    if not (ends or starts):
        return list(items)
    areas = {i.key for i in items if i.designator == "A"}
    bare = {i.text: i.key for i in items if i.designator is None and i.key not in areas}
    towns = {key for surface, key in bare.items()
             if any(text.endswith(surface, 0, e) and _boundary(text, e - len(surface), -1) for e in ends)
             or any(text.startswith(surface, q) and _boundary(text, q + len(surface), 0) for q in starts)}
    if not towns:
        return list(items)
    return [replace(i, designator="P") if i.designator is None and i.key in towns else i for i in items]


def _boundary(text: str, at: int, side: int) -> bool:
    """No letter, digit or hyphen at ``text[at + side]`` (the character before a name for -1, after it for 0)."""
    k = at + side
    return not (0 <= k < len(text)) or not (text[k].isalnum() or text[k] in "-_")
