"""Dates in news text: the dateline, and the time expressions of a sentence resolved against it.

``time_precision`` follows ACLED: 1 the day is known, 2 the week (``last week``, ``this week``), 3 the month or
vaguer (``in August``, ``since the truce broke down``).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from ..datelines import date_line
from ..errors import InputError
from ..lexicon import MONTHS, WEEKDAYS, alternation

__all__ = ["TimeExpr", "attached_times", "dateline_date", "find_times", "parse_published", "record_date"]

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "a few": 3, "several": 3, "couple of": 2, "a couple of": 2}
_MONTH_RE = alternation(MONTHS) + r"\.?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("mdy", re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})(?:,?\s+(\d{{4}}))?\b", re.I)),
    ("month", re.compile(rf"\b(?:in|since|during|until|by|from|of|early|late|mid-?)\s+({_MONTH_RE})"
                         rf"(?:,?\s+(\d{{4}}))?\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|during|until|from|of)\s+((?:19|20)\d{2})\b", re.I)),
    ("weekday", re.compile(r"\b(?:(last|this|next|on|early|late)\s+)?(monday|tuesday|wednesday|thursday|friday|"
                           r"saturday|sunday)(?:'s)?\b", re.I)),
    ("relday", re.compile(r"\b(yesterday|today|tonight|the previous day|the day before|overnight|this morning|"
                          r"last night|earlier in the day)\b", re.I)),
    ("ago", re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|a couple of|\d+)\s+"
                       r"(day|days|week|weeks|month|months|year|years)\s+ago\b", re.I)),
    # "It comes a week after 44 people were killed in a PKK attack in Istanbul": the event told after it is
    # that long before the report
    ("after", re.compile(r"\b(?:comes?|came|coming)\s+(?:just\s+|only\s+|barely\s+|less than\s+)?(a|an|one|two|"
                         r"three|four|five|six|seven|eight|nine|ten|a few|several|a couple of|\d+)\s+(day|days|week|"
                         r"weeks|month|months)\s+after\b", re.I)),
    ("period", re.compile(r"\b(last|this|past|previous) (week|weekend|month|year)\b", re.I)),
    ("vague", re.compile(r"\bsince (?:the|a|an|its|their) [a-z-]+(?: [a-z-]+){0,3} (?:broke down|collapsed|began|"
                         r"started|ended|took effect)\b|\bsince the (?:collapse|start|beginning|end|breakdown) of\b|"
                         r"\bin recent (?:days|weeks|months)\b|\bover the past (?:few )?(?:days|weeks|months)\b",
                         re.I)),
]


#: A cheap first look: no digit, month, weekday or relative-time word means no time expression.
_ANY_TIME = re.compile(r"\d|\b" + alternation([*(m[:3] for m in MONTHS), *WEEKDAYS, "yesterday", "today", "tonight",
                                               "overnight", "ago", "last", "this", "past", "previous", "since",
                                               "recent", "morning", "night", "day", "week", "month"]), re.IGNORECASE)


class TimeExpr(NamedTuple):
    """A time expression: where it is, the date it names, how precise, and whether it opens a period (since)."""

    start: int
    end: int
    date: dt.date | None  # None for a vague expression with no date of its own ("since the truce broke down")
    precision: int
    since: bool
    absolute: bool = False  # the text states the date in full (a year included): it needs no anchor


def parse_published(value: str) -> dt.date:
    """An ISO date given by the user (``--published``)."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"--published {value!r} is not a date like 2016-10-04") from None


def record_date(value: object) -> dt.date:
    """A feed record's publication date: ``YYYY-MM-DD`` or a timestamp starting so (``2016-12-17T10:30:00Z``);
    the InputError says only what is wrong with the value, for the caller to say where.

    >>> record_date("2016-12-17T10:30:00Z")
    datetime.date(2016, 12, 17)
    """
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(f"{value!r} is not a date like 2016-10-04") from None


#: ``Published: 2016-12-17T10:30:00Z``, ``Updated 2016-12-17``: a stamp in the first lines.
_STAMP = re.compile(r"^\s*(?:published|updated|posted|date)\s*(?:on\s*)?:?\s*(\d{4}-\d{2}-\d{2})", re.I | re.M)
#: ``SAN SALVADOR, 3 JAN 90 --``: a wire dateline's day, month and two-digit year.
_WIRE_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\s+(\d{{2}})\b(?=[^\n]*?(?:--|—|\s-\s))",
                        re.I)
#: ``KAYSERI, Turkey, Dec 17 (Reuters) -``: the place, then the month and day, before the agency and the dash.
_AGENCY_DATE = re.compile(rf"^(?:[^\n]{{0,80}}?,\s*)?({_MONTH_RE})\s+(\d{{1,2}})\s*(?:\([^)]*\))?\s*"
                          r"(?:--|—|–|-)\s", re.I)


def dateline_date(text: str, *, today: dt.date | None = None) -> dt.date | None:
    """The publication date a text states at its top, or None: a ``date 2016-10-04`` line, a
    ``Published: 2016-12-17T10:30:00Z`` stamp, a first line with a full date (``Oct. 4, 2016``), a wire dateline
    (``SAN SALVADOR, 3 JAN 90 --``; two-digit years are the latest such year not after ``today``) or an agency
    dateline without a year (``KAYSERI, Turkey, Dec 17 (Reuters) -``: the latest Dec 17 on or before ``today``).

    >>> dateline_date("KAYSERI, Turkey, Dec 17 (Reuters) - A car bomb...", today=dt.date(2017, 1, 5))
    datetime.date(2016, 12, 17)
    >>> dateline_date("SAN SALVADOR, 3 JAN 90 -- [TEXT] ...", today=dt.date(2026, 12, 2))
    datetime.date(1990, 1, 3)
    """
    today = today or dt.date.today()
    head = text[:300]
    stated = date_line(head)
    if stated is None:
        stamp = _STAMP.search("\n".join(head.split("\n")[:5]))
        stated = stamp.group(1) if stamp else None
    if stated is not None:
        try:
            return dt.date.fromisoformat(stated)
        except ValueError:
            return None
    first_line = head.split("\n", 1)[0]
    for t in find_times(first_line, dt.date(2000, 1, 1)):
        if t.precision == 1 and t.date is not None and re.search(r"\d{4}", first_line[t.start:t.end]):
            return t.date
    wire = _WIRE_DATE.search(first_line)
    if wire is not None:
        month = MONTHS.get(wire.group(2).lower().rstrip("."))
        yy = int(wire.group(3))
        year = 2000 + yy if 2000 + yy <= today.year else 1900 + yy
        return _safe_date(year, month, int(wire.group(1))) if month else None
    agency = _AGENCY_DATE.match(first_line)
    if agency is not None:
        month = MONTHS.get(agency.group(1).lower().rstrip("."))
        day = int(agency.group(2))
        if month and _safe_date(today.year, month, day) is not None:
            candidate = dt.date(today.year, month, day)
            return candidate if candidate <= today else _safe_date(today.year - 1, month, day)
    return None


def _year_for(month: int, day: int, anchor: dt.date) -> int:
    """News speaks of the recent past: a date without a year is the latest one not far after the anchor (a
    date after the anchor is then set aside: see ``geo.events.extract._trusted``)."""
    year = anchor.year
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        return year
    return year - 1 if candidate > anchor + dt.timedelta(days=31) else year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower(), 1)


def find_times(text: str, anchor: dt.date) -> list[TimeExpr]:
    """Time expressions of ``text`` resolved against the publication date ``anchor``; no overlaps, in order."""
    if not _ANY_TIME.search(text):
        return []
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            expr = _resolve(kind, m, text, anchor)
            if expr is not None:
                found.append(expr)
            if expr is not None or kind in ("iso", "mdy", "dmy"):
                taken.append((m.start(), m.end()))  # a malformed date ("Sept. 31") is no shorter date either
    return sorted(found)


def _resolve(kind: str, m: re.Match[str], text: str, anchor: dt.date) -> TimeExpr | None:
    since = text[max(0, m.start() - 6):m.start()].lower().endswith("since ") or m.group(0).lower().startswith(
        "since")
    date: dt.date | None = None
    precision = 1
    if kind == "iso":
        date = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    elif kind in ("mdy", "dmy"):
        month_s, day_s = (m.group(1), m.group(2)) if kind == "mdy" else (m.group(2), m.group(1))
        month = MONTHS.get(month_s.lower().rstrip("."))
        if month is None or (kind == "mdy" and month_s.lower().rstrip(".") == "may" and not m.group(3)
                             and not re.match(r"May\s+\d", m.group(0))):
            return None
        day = int(day_s)
        year = int(m.group(3)) if m.group(3) else _year_for(month, day, anchor)
        date = _safe_date(year, month, day)
    elif kind == "month":
        month = MONTHS.get(m.group(1).lower().rstrip("."))
        if month is None:
            return None
        year = int(m.group(2)) if m.group(2) else _year_for(month, 1, anchor)
        date, precision = _safe_date(year, month, 1), 3
    elif kind == "year":
        date, precision = dt.date(int(m.group(1)), 1, 1), 3
    elif kind == "weekday":
        qualifier = (m.group(1) or "").lower()
        weekday = WEEKDAYS[m.group(2).lower()]
        back = (anchor.weekday() - weekday) % 7
        if qualifier == "next":
            back = -((weekday - anchor.weekday()) % 7 or 7)
        elif qualifier == "last" and back == 0:
            back = 7
        date = anchor - dt.timedelta(days=back)
    elif kind == "relday":
        word = m.group(1).lower()
        back = 1 if word in ("yesterday", "the previous day", "the day before", "last night", "overnight") else 0
        date = anchor - dt.timedelta(days=back)
    elif kind in ("ago", "after"):
        n, unit = _count(m.group(1)), m.group(2).lower().rstrip("s")
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        try:
            date = anchor - dt.timedelta(days=days)
        except OverflowError:  # "built 2500 years ago": before the calendar starts, no date of an event
            return None
        precision = 1 if unit == "day" else 2 if unit == "week" else 3
    elif kind == "period":
        which, unit = m.group(1).lower(), m.group(2).lower()
        days = {"week": 7, "weekend": 7, "month": 30, "year": 365}[unit]
        date = anchor - dt.timedelta(days=days if which in ("last", "previous") else 0)
        precision = 2 if unit in ("week", "weekend") else 3
    elif kind == "vague":
        return TimeExpr(m.start(), m.end(), None, 3, True)
    if date is None:
        return None
    absolute = kind in ("iso", "year") or (kind in ("mdy", "dmy") and bool(m.group(3))) or (
        kind == "month" and bool(m.group(2)))
    return TimeExpr(m.start(), m.end(), date, 3 if since and precision < 3 else precision, since, absolute)


def attached_times(doc: Any, times: list[TimeExpr], at: int) -> list[TimeExpr]:
    """The time expressions the parse of a sentence (``doc``) attaches to the event word at offset ``at``: those
    whose first verb above them in the tree is the event word or the verb it belongs to (``The rebels, who had
    shelled Foua on Monday, attacked Kfraya on Tuesday``: Tuesday for the attack, Monday for the shelling).
    Expressions the parse cannot place are left out; none attached: an empty list (the nearest then serves)."""
    word = next((t for t in doc if t.idx <= at < t.idx + max(1, len(t.text))), None)
    if word is None:
        return []
    clause = {word.i}
    head = word
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:  # a noun's verb: "the attack killed ..."
        head = head.head
        clause.add(head.i)
    out = []
    for te in times:
        tok = next((t for t in doc if te.start <= t.idx < te.end), None)
        if tok is None:
            continue
        up = tok
        while up.head.i != up.i and up.i not in clause and not (up is not tok and up.pos_ == "VERB"):
            up = up.head
        if up.i in clause:
            out.append(te)
    return out
