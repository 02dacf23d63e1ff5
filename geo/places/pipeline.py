"""From raw text to places: the one path every entry point (CLI, Python, batch) takes."""
from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from gazetteer import Gazetteer, normalize
from gazetteer.normalize import designator

from ..deadline import check as check_deadline
from ..model import REJECTED, Mention
from .approximate import approximate_answers, approximate_unknown
from .designators import designated_after, designated_by, spread_towns
from .people import person_names
from .recognise import Rejected, candidate_spans, follows_a_town, is_dateline, select_spans, tokenize
from .resolve import MIN_FIT, SpanLike, resolve_groups
from .truecase import is_shouting, names_to_keep, truecase
from .view import listed_division

__all__ = ["MAX_ARTICLE_CHARS", "check_length", "default_gazetteer", "parse_places", "resolve_spans",
           "set_default_gazetteer"]

#: The longest text one call analyses: 20 million characters (news articles are under 100,000; the place
#: pipeline needs about 70 times its input in memory, events about 5 s a megabyte, both linear).
MAX_ARTICLE_CHARS = 20_000_000


def check_length(text: str, what: str = "the text") -> None:
    """Raise InputError for a text past :data:`MAX_ARTICLE_CHARS` (split it into articles).

    >>> check_length("Shelling hit Aleppo.")
    """
    if len(text) > MAX_ARTICLE_CHARS:
        from ..errors import InputError

        raise InputError(f"{what} has {len(text):,} characters, more than the {MAX_ARTICLE_CHARS:,} one article "
                         "may have; split it into articles")

_default: Gazetteer | None = None
_lock = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The process-wide Gazetteer at the default locations, opened on first use."""
    global _default
    with _lock:
        if _default is None:
            _default = Gazetteer()
        return _default


def set_default_gazetteer(gazetteer: Gazetteer | None) -> None:
    """Make ``gazetteer`` the one :func:`parse_places` and friends use when none is passed."""
    global _default
    with _lock:
        _default = gazetteer


def readable(text: str, gaz: Gazetteer) -> str:
    """``text`` as the analysis reads it: wire copy in capitals true-cased (same length and offsets), any other
    text as it is.

    >>> readable("Shells hit Apopa.", None)  # type: ignore[arg-type]
    'Shells hit Apopa.'
    """
    return _truecased(text, gaz) if is_shouting(text) else text


@lru_cache(maxsize=64)
def _truecased(text: str, gaz: Gazetteer) -> str:
    # the places and the events of one article read the same true-cased text: made once (64: a batch of articles
    # is warmed, see geo.events.warm, before each is analysed)
    return truecase(text, keep=names_to_keep(text, gaz))


def parse_places(text: str, *, gazetteer: Gazetteer | None = None, explain: bool = False,
                 min_fit: float = MIN_FIT, unknown: bool = True, rejected: bool = False,
                 approximate: bool = True) -> list[Mention]:
    """Find and resolve the place mentions of a text, in text order.

    With ``unknown`` (the default), place-like names the gazetteer lacks (``the town of Dabiq``) are included
    as mentions with ``place=None`` and ``status="unknown"`` (see ``geo.places.unknown``). With ``rejected``,
    names the gazetteer knows that a recogniser rule rejected are included too (``status="rejected"``, the rule
    in ``reasons``): what ``geo places --explain`` shows. With ``approximate`` (the default) as well, the unknown
    names are put at the town named right after them or the document's focal place, status ``approximate``
    (:mod:`geo.places.approximate`).

    >>> [m.place.name for m in parse_places("Fighting near Aleppo, Syria.")]  # doctest: +SKIP
    ['Aleppo', 'Syria']
    """
    check_length(text)
    gaz = gazetteer or default_gazetteer()
    if is_shouting(text):  # wire copy in capitals: read as mixed case, reported with the original surfaces
        found_ = parse_places(readable(text, gaz), gazetteer=gaz, explain=explain,
                              min_fit=min_fit, unknown=unknown, rejected=rejected, approximate=approximate)
        return [replace(m, text=text[m.start:m.end]) for m in found_]
    tokens = tokenize(text)
    runs = candidate_spans(text, tokens)
    found = gaz.candidates(set(runs.values()))
    dropped: list[Rejected] | None = [] if rejected else None
    people = person_names(text, tokens)  # read by the recogniser's rules and the unknown-name detector
    spans = select_spans(text, tokens, found, runs, dropped, people=people)
    check_deadline()
    items = [SpanLike(s.start, s.end, s.text, s.key, s.designator or designated_by(text, s.start),
                      tuple(s.candidates), s.dateline) for s in spans]
    items = spread_towns(text, items)
    mentions = [m for m in resolve_groups(text, items, min_fit=min_fit, explain=explain) if m is not None]
    if unknown:
        from .unknown import find_unknown

        extra = find_unknown(text, mentions, tokens, people=people)
        if extra:  # a name the user excluded everywhere is no unknown place either
            excluded = gaz.excluded_everywhere()
            extra = [m for m in extra if normalize(m.text) not in excluded] if excluded else extra
        if extra:
            mentions = sorted([*mentions, *extra], key=lambda m: m.start)
            if approximate:
                mentions = approximate_unknown(mentions, text)
    if dropped:
        mentions = sorted([*mentions, *_rejections(dropped, mentions)], key=lambda m: m.start)
    return mentions


def _rejections(dropped: list[Rejected], mentions: list[Mention]) -> list[Mention]:
    """The rejected runs no mention covers, as mentions with status ``rejected`` (longest run per start)."""
    taken = [(m.start, m.end) for m in mentions]
    out: dict[int, Mention] = {}
    for r in dropped:
        if r.start in out or any(s < r.end and r.start < e for s, e in taken):
            continue
        out[r.start] = Mention(text=r.text, start=r.start, end=r.end, place=None, status=REJECTED,
                               reasons=(f"rejected by rule {r.rule}",))
    return list(out.values())


def check_spans(text: str, spans: Sequence[tuple[int, int]]) -> None:
    """Raise :class:`~geo.errors.InputError` for a span that is not a stretch of the text.

    >>> check_spans("Rain in Oslo.", [(8, 12)])
    >>> check_spans("Rain in Oslo.", [(8, 20)])
    Traceback (most recent call last):
    geo.errors.InputError: span [8, 20] is outside the text (length 13)
    """
    for start, end in spans:
        if not (0 <= start < end <= len(text)):
            from ..errors import InputError

            raise InputError(f"span [{start}, {end}] is outside the text (length {len(text)})")


def resolve_spans(text: str, spans: Sequence[tuple[int, int]], *, gazetteer: Gazetteer | None = None,
                  explain: bool = False, approximate: bool = True) -> list[Mention | None]:
    """Resolve given character spans of a text: one answer per span, in order, None where nothing fits.

    With ``approximate`` (the default), a local name no candidate fits is put at the town named right after it
    or the document's focal place instead, status ``approximate`` (:mod:`geo.places.approximate`).
    """
    gaz = gazetteer or default_gazetteer()
    check_spans(text, spans)
    given = list(spans)
    extra = _holder_spans(text, given)
    hidden = set(extra)
    surfaces = [text[s:e] for s, e in [*given, *extra]]
    keys = [normalize(t) for t in surfaces]
    found = gaz.candidates(keys)
    items = []
    for (s, e), t, k in zip([*given, *extra], surfaces, keys, strict=True):
        suffix = designator(t) or ("A" if listed_division(text, e) else None)
        # "Plymouth County" forms need the designator in the name itself, as in parse_places
        cands = tuple(c for c in found.get(k, ()) if (c.kind != "designated" or suffix == "A")
                      and (c.kind != "postal" or follows_a_town(text, s)))
        if not cands:
            # a span given as a place whose name only a county bears (``Henrico``, ``Prince William``,
            # ``Miami-Dade``: the text left out "County"): that county
            cands = tuple(c for c in found.get(k, ()) if c.kind == "designated")
        if (s, e) in hidden:
            cands = tuple(c for c in cands if c.place.feature_code in ("ADM1", "PCLI"))
        named = suffix or designated_by(text, s) or designated_after(text, e)
        items.append(SpanLike(s, e, t, k, named, cands, is_dateline(text, s, e)))
    answers = resolve_groups(text, spread_towns(text, items), explain=explain)[:len(given)]
    return approximate_answers(answers, given, text) if approximate else answers


_FOLLOWING_NAME = re.compile(r",[ \t]*([A-Z][\w’'-]*\.?(?:[ \t][A-Z][\w’'-]*\.?)?)")


def _holder_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names right after a given span and a comma that no given span covers (``HOLLIDAY, Mo.``, ``Paris,
    Texas``): resolved alongside as a division or country that may hold the span, never returned."""
    taken = sorted(spans)
    starts = [a for a, _ in taken]
    reach = list(itertools.accumulate((b for _, b in taken), max))  # the furthest end among spans so far
    out: dict[tuple[int, int], None] = {}
    for _, end in taken:
        m = _FOLLOWING_NAME.match(text, end)
        if m is None:
            continue
        s, e = m.span(1)
        before = bisect.bisect_left(starts, e)  # the given spans that start before this name ends
        if before == 0 or reach[before - 1] <= s:
            out[(s, e)] = None
    return list(out)
