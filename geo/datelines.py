"""Datelines, the one home of what every stage reads of them: the place an agency story opens with
(``WASHINGTON --``, ``BEIRUT (AP) --``, ``ALEPPO, Syria --``, ``Washington (CNN)``) and the ``date YYYY-MM-DD``
line some corpora put first.

The recogniser asks whether a name is followed the way a dateline's place is (:func:`follows_place`,
:func:`opens_line`); the event extractor and the unknown-name detector ask where a document's dateline is
(:func:`document_dateline`); the date module reads the date line (:func:`date_line`).

>>> d = document_dateline("ALEPPO, Syria -- Airstrikes hit the city.")
>>> d.place_start, d.place_end, d.end
(0, 6, 17)
>>> date_line("date 2016-10-04\\nWASHINGTON -- ...")
'2016-10-04'
"""
from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Dateline", "date_line", "document_dateline", "follows_place", "opens_line"]

#: ``date 2016-10-04`` opening a text.
_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b")
#: What follows a dateline's place: ``--`` or ``, Syria --`` after capitals, ``(CNN)`` after any.
_AFTER_PLACE = re.compile(r"\s*(?:,[^\n]{0,40}?\s*)?(?:--|—|–|-\s|\(\w+\))")  # one \s* at a time: linear
_AGENCY = re.compile(r"\s*\([A-Z]\w+\)")
#: A document's opening dateline: the place, an optional region, an optional agency, a dash.
#: ``SAN JOSE (COSTA RICA), 9 JUN 89 (ACAN-EFE) -- [TEXT]``: wire copy's place, country, date, agency and
#: the editor's brackets before the body.
_HEAD = re.compile(r"^\s*(?:date\s+\S+\s+)?([A-ZÀ-Þ][\w.' -]{2,}?)(?:\s*\([A-Za-z. ]+\))?(?:,\s*[A-Za-z. ]+?)?"
                   r"(?:,?\s*\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{2,4})?\s*(?:\([^)]*\))?\s*"
                   r"(--|—|–|-(?=\s))\s*(?:\[[A-Z][A-Za-z ]{1,30}\]\s*)*")
_HEAD_CHARS = 200


class Dateline(NamedTuple):
    """Where a document's dateline is: its place ``[place_start, place_end)`` (empty when the text opens with
    only a date line), ``end``, where the body starts, and the dash that set it off (``--``, ``—``, ``–``, or a
    single ``-``, the weakest: ``PLYMOUTH CO. - A suspect``)."""

    place_start: int
    place_end: int
    end: int
    dash: str = ""


def date_line(text: str) -> str | None:
    """The ISO date of a ``date YYYY-MM-DD`` line opening the text, as written."""
    m = _DATE_LINE.match(text[:300])
    return m.group(1) if m else None


def document_dateline(text: str) -> Dateline | None:
    """The dateline a document opens with, or None."""
    m = _HEAD.match(text[:_HEAD_CHARS])
    if m is not None:
        return Dateline(m.start(1), m.end(1), m.end(), m.group(2))
    d = _DATE_LINE.match(text[:40])
    if d is not None and text[d.end():d.end() + 1].isspace():
        return Dateline(d.end(), d.end(), d.end() + 1)
    return None


def follows_place(text: str, end: int, upper: bool) -> bool:
    """True when what follows ``text[:end]`` is how a dateline goes on after its place: ``--`` or ``, Syria --``
    after a name in capitals, an agency (``(CNN)``) after any name."""
    return bool(_AFTER_PLACE.match(text, end)) and (upper or bool(_AGENCY.match(text, end)))


def opens_line(text: str, start: int, end: int) -> bool:
    """``WASHINGTON --``, ``BEIRUT (AP) --``, ``Washington (CNN)``: the name at [start, end) opens its line as a
    dateline's place."""
    if text[text.rfind("\n", 0, start) + 1:start].strip(" \t"):
        return False  # not the first word of its line
    return follows_place(text, end, text[start:end].isupper())
