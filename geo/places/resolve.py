"""Rank gazetteer candidates for the names found in one document.

Every candidate gets a fit that is a sum of named parts (printed by ``--explain``):
- ``prior``: what kind of place it is (country, continent, first-level division, capital), for towns log population;
- ``primary-name``: the text is the place's own name, not one of its alternates;
- ``designator``: the text says what kind of place (``Idlib province``: a division; ``the town of``: a settlement);
- ``country-context``: other names resolve to places in its country; ``capital of a named country``: the text
  names the country of this capital and is not from there (``GEORGETOWN, Ky.`` ... ``France`` ... ``Paris``);
- ``near-context``: it lies near other places the document names;
- ``admin-context``: the document names its first-level division; ``sibling divisions``: a division among
  others of its country (``Georgia, Oklahoma and California``);
- ``followed by``: the name right after it holds it (``Paris, Texas``), and that name holds it back (``Texas``
  is the state); ``the text names its kind elsewhere``: a bare ``Ontario`` after ``the province of Ontario``;
- ``document focus``: the first-level division most of the document's names have a candidate in (``geo.places.focus``:
  Huntsville and Walker County with Texas named are in Texas, not Alabama); ``custom``: the user's own entry.

Context from other names is weighted by how sure each is of its country (``focus.certainty``: London the
capital is sure, Richmond barely more Virginia than London's borough). Resolution runs in rounds: the answers
on priors alone give the first round its context, and the answers of that round the second's; a name never
supports itself. One name is one place per document (every mention of a key with the same designator gets the
same answer), unless the text says which: ``Paris, Missouri`` and ``Paris, Illinois`` are two places.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from gazetteer import Candidate, Place

from ..model import RESOLVED, Mention
from .focus import Context, Votes, add_votes, certainty, division_of, focus_without, tally
from .pairs import holders as holders_of
from .pairs import inside
from .priors import Local as _Local
from .priors import SpanLike
from .priors import add_part as _add
from .priors import local_ranking as _local_ranking
from .weights import WEIGHTS, near_context, part

__all__ = ["MIN_FIT", "SpanLike", "rank_candidates", "resolve_groups"]

#: Below this fit a recognised name is not returned as a place (too obscure and nothing in the text supports it).
MIN_FIT = 0.5
#: A dateline standing alone (no state or country after it) names a place of at least this many people.
DATELINE_ALONE = 100_000
_MAX_CANDIDATES = 25
#: Rounds of resolution in context; the first takes its context from the answers on priors.
ROUNDS = 2


@dataclass(frozen=True, slots=True)
class _Scored:
    cand: Candidate
    fit: float
    reasons: tuple[str, ...]


#: A country, a first-level division or a capital: names the document focus does not move away from them.
_AREA_OR_CAPITAL = frozenset({"PCLI", "ADM1", "PPLC"})


def _names_an_area(span: SpanLike) -> bool:
    """The text is the name (or demonym) of a country, a first-level division or a capital, which the document's
    focus does not move: ``Kansas`` in a paper from Illinois is the state, not the Illinois village, ``Canadian``
    is Canada, not Canadian, Texas, and ``GEORGETOWN, Ky. -- ... Paris, France`` is not Paris, Kentucky."""
    return any(c.place.feature_code in _AREA_OR_CAPITAL and c.kind in ("name", "demonym", "abbr")
               for c in span.candidates)


def rank_candidates(span: SpanLike, ctx: Context | None, holders: Sequence[Place] = (),
                    local: _Local | None = None,
                    held: Sequence[str] = (), said: str | None = None) -> list[_Scored]:
    """Candidates of one name, best first, with the parts of their fit.

    ``holders``: the places the name right after it could be that hold it (``Texas`` in ``Paris, Texas``);
    ``held``: ids of its own candidates that hold the name right before it; ``said``: the id the same name
    took where the text gave its kind (``the province of Ontario``)."""
    if local is None:
        local = _local_ranking(span)
    if ctx is not None:
        # keep the strongest by prior, plus every candidate the context could lift: in a division the text
        # names or focuses on, or inside the name after it (the 26th Springfield is not lifted by the country
        # alone: 200 namesakes of one country are measured against the text's points for nothing)
        keep = local[:_MAX_CANDIDATES] + [t for t in local[_MAX_CANDIDATES:] if _liftable(t[0].place, ctx, holders)]
    else:
        keep = local[:_MAX_CANDIDATES]
    scored: list[_Scored] = []
    total = sum(ctx.countries.values()) if ctx else 0
    area = _names_an_area(span)
    focused: set[int] = set()  # namesakes of an area's name in the focus: lifted only once they beat the area
    country_weight, share_weight = WEIGHTS["country-context"].value, WEIGHTS["country-context share"].value
    for c, fit, on_priors in keep:
        p = c.place
        why = list(on_priors)
        if ctx is not None and total:
            n = ctx.countries.get(p.country_code, 0)
            if n:
                share = share_weight * min(1.0, 2 * n / total)
                value = (country_weight + share) * _scale(n)
                fit += _add(why, part("country-context", detail=f"{p.country_code} x{n:.1f}", value=value))
            if p.feature_code == "PPLC" and p.country_code in ctx.nations and p.country_code != ctx.home \
                    and span.designator != "A":
                fit += _add(why, part("capital of a named country", detail=p.country_code))
            if p.feature_class != "A" or p.feature_code in ("ADM1", "ADM2"):
                d = ctx.points.nearest_km(p.lat, p.lon)
                tier = near_context(d)
                if tier is not None:
                    fit += _add(why, part(tier[0], label="near-context", detail=f"{d:.0f} km"))
            in_named = bool(p.admin1) and p.feature_code != "ADM1" and (p.country_code, p.admin1) in ctx.admin1
            if in_named:
                fit += _add(why, part("admin-context", detail=p.admin1))
            elif p.feature_code == "ADM1" and span.designator != "P" \
                    and sum(1 for cc, _ in ctx.admin1 if cc == p.country_code) >= 2:
                fit += _add(why, part("sibling divisions", detail=f"in {p.country_code}"))
            if ctx.focus is not None and division_of(p) == ctx.focus:
                if not area:
                    fit += _add(why, part("document focus", detail=ctx.focus[1]))
                elif p.feature_code not in _AREA_OR_CAPITAL:
                    focused.add(len(scored))
        if span.dateline and not holders and p.feature_class == "P" and p.population >= DATELINE_ALONE:
            fit += _add(why, part("lone dateline"))
        holder = next((h for h in holders if inside(p, h)), None) if holders else None
        if holder is not None:
            fit += _add(why, part("followed by", detail=holder.name))
        if p.id in held:
            fit += _add(why, part("holds the place named before it"))
        elif p.id == said:
            fit += _add(why, part("the text names its kind elsewhere"))
        scored.append(_Scored(c, fit, tuple(why)))
    if focused and ctx is not None and ctx.focus is not None:
        # the focus does not take a capital's name from the capital (GEORGETOWN, Ky. ... Paris, France), but once
        # the text has already put the name in the focus's country (Paris ... Henry County: Paris, Texas on its
        # population), it picks among the namesakes there (Paris, Tennessee, the seat of Henry County)
        bar = max((s.fit for s in scored if s.cand.place.feature_code in _AREA_OR_CAPITAL), default=0.0)
        for k in focused:
            s = scored[k]
            if s.fit > bar:
                why = list(s.reasons)
                scored[k] = _Scored(s.cand, s.fit + _add(why, part("document focus", detail=ctx.focus[1])),
                                    tuple(why))
    scored.sort(key=lambda s: (-s.fit, -s.cand.place.population, s.cand.place.id))
    return scored


#: A name whose answer leads every other candidate by this much is not ranked again in the next round (the
#: context of a round moves a fit by less: 0.3 and 0.8 give the same answers on the dev corpus).
SETTLED_LEAD = 0.3


def _settled(ranked: Sequence[_Scored]) -> bool:
    return len(ranked) < 2 or ranked[0].fit - ranked[1].fit >= SETTLED_LEAD


def _liftable(p: Place, ctx: Context, holders: Sequence[Place]) -> bool:
    if p.country_code not in ctx.countries:
        return any(inside(p, h) for h in holders)
    return ((p.country_code, p.admin1) in ctx.admin1 or division_of(p) == ctx.focus or p.feature_code == "ADM1"
            or any(inside(p, h) for h in holders))


_Key = tuple[str, str | None, tuple[str, ...]]


def _groups(spans: Sequence[SpanLike], holders: dict[int, tuple[Place, ...]]) -> dict[_Key, list[int]]:
    """One name, one place per document, unless the text says which (``Paris, Illinois`` and ``Paris,
    Missouri``): mentions split by what follows them; bare mentions join the only such group if there is one."""
    by_name: dict[tuple[str, str | None], dict[tuple[str, ...], list[int]]] = {}
    for i, s in enumerate(spans):
        held = tuple(sorted(h.id for h in holders.get(i, ())))
        by_name.setdefault((s.key, s.designator), {}).setdefault(held, []).append(i)
    groups: dict[_Key, list[int]] = {}
    for (key, designator), parts in by_name.items():
        named = [h for h in parts if h]
        if len(named) == 1 and () in parts:
            parts = {named[0]: sorted(parts[named[0]] + parts.pop(()))}
        for held, idx in parts.items():
            groups[(key, designator, held)] = idx
    return groups


def resolve_groups(text: str, spans: Sequence[SpanLike], *, min_fit: float = 0.0,
                   explain: bool = False) -> list[Mention | None]:
    """Resolve every span (one answer per span, in order; None when no candidate reaches ``min_fit``).

    The first round's context comes from the answers on priors alone, the second's from the first round's
    answers (on the 3,436 dev mentions a second round gained 13 and lost 3: Richmond and Twickenham, once
    placed in England, take London with them)."""
    after = dict(pairwise(sorted(range(len(spans)), key=lambda k: spans[k].start)))  # given spans: any order
    holders = holders_of(text, spans, after)
    groups = _groups(spans, holders)
    held: dict[int, set[str]] = {}
    for i, places in holders.items():
        held.setdefault(after[i], set()).update(p.id for p in places)
    winners: dict[_Key, _Scored] = {}
    locals_: dict[_Key, _Local] = {}
    for g, idx in groups.items():
        locals_[g] = _local_ranking(spans[idx[0]])
        if locals_[g]:
            c, fit, why = locals_[g][0]
            winners[g] = _Scored(c, fit, tuple(why))
    ranked_of: dict[_Key, list[_Scored]] = {}
    # only names that can stand on their priors give context ("SAN SALVADOR, 20 APR 89 -- ... ARENA": a name
    # too weak to be answered does not pull the capital to a Mexican village of the same name)
    counted = {k for k, w in winners.items() if w.fit >= min_fit}
    weight = {k: len(groups[k]) * certainty(locals_[k]) for k in counted}
    everyone = Context.of((w.cand.place, weight[k]) for k, w in winners.items() if k in counted)
    same_name: dict[str, list[_Key]] = {}
    for g in winners:
        same_name.setdefault(g[0], []).append(g)
    # "the province of Ontario" ... "Ontario": a bare name takes the sense the text gave it elsewhere; given both,
    # the town's ("the central town of Karak" ... "the Karak district" ... "gunmen fired on a patrol in Karak":
    # a district named after its town, the bare name the town)
    said = {g[0]: w.cand.place.id for g, w in winners.items() if g[1] == "A"}
    said.update({g[0]: w.cand.place.id for g, w in winners.items() if g[1] == "P" and g[0] in said})
    order = list(winners)
    total, ballots = tally(_votes(spans[groups[g][0]], len(groups[g]), winners[g], g in counted) for g in order)
    ballot_of = dict(zip(order, ballots, strict=True))
    first = dict(winners)  # the answers the round's context comes from
    for round_ in range(ROUNDS):
        if round_:
            if all(winners[g].cand.place.id == first[g].cand.place.id for g in order):
                break  # the answers in context are the answers on priors: another round would find them again
            weight = {k: len(groups[k]) * certainty([(r.cand, r.fit, r.reasons) for r in ranked_of[k]])
                      for k in counted}
            everyone = Context.of((winners[k].cand.place, weight[k]) for k in order if k in counted)
            first = dict(winners)
        for g in order:
            if round_ and _settled(ranked_of[g]):
                continue
            idx = groups[g]
            ctx = everyone
            own = dict(ballot_of[g])
            for other in same_name[g[0]]:  # a name does not support itself, under any designator
                if other in counted:
                    ctx = ctx.without(first[other].cand.place, weight[other])
                if other != g:
                    add_votes(own, ballot_of[other])
            top = max(ctx.countries, key=lambda cc: (ctx.countries[cc], cc), default=None)
            ctx = ctx.focused(focus_without(total, own, top), top)
            holds = tuple(sorted({p for i in idx for p in held.get(i, ())}))
            ranked = ranked_of[g] = rank_candidates(spans[idx[0]], ctx, holders.get(idx[0], ()), locals_[g],
                                                    holds, said.get(g[0]) if g[1] is None else None)
            winners[g] = _second_level(spans[idx[0]], ranked, ctx)
    answers: list[Mention | None] = [None] * len(spans)
    for g, best in winners.items():
        if best.fit < min_fit:
            continue
        ranked = ranked_of[g]
        second = ranked[1].fit if len(ranked) > 1 else 0.0
        score = min(1.0, best.fit) * (best.fit / (best.fit + second) if second > 0 else 1.0)
        alternatives = tuple((s.cand.place, s.fit, s.reasons) for s in ranked[1:6]) if explain else ()
        for i in groups[g]:
            s = spans[i]
            answers[i] = Mention(text=s.text, start=s.start, end=s.end, place=best.cand.place, score=score,
                                 status=RESOLVED, reasons=best.reasons, alternatives=alternatives)
    return answers


def _scale(n: float) -> float:
    """Country context worth less than one sure name counts in proportion: Richmond, barely more Virginia than
    London's borough, does not carry a Kentucky London the way a sure name would."""
    return min(1.0, n)


def _votes(span: SpanLike, mentions: int, winner: _Scored, counted: bool) -> Votes:
    """What one name says about the document's focus (see ``geo.places.focus``)."""
    named = winner.cand.place if counted and winner.cand.place.feature_code == "ADM1" else None
    return Votes(tuple(c.place for c in span.candidates), mentions, named)


def _second_level(span: SpanLike, ranked: list[_Scored], ctx: Context) -> _Scored:
    """``Metcalfe County``, ``Gondra district``: the data has no second-level divisions, so a town of that name
    stands in only inside a first-level division the document names; else the division itself does."""
    best = ranked[0]
    if span.designator != "A" or best.cand.place.feature_class == "A" or not ctx.divisions:
        return best
    inside = [s for s in ranked if (s.cand.place.country_code, s.cand.place.admin1) in ctx.admin1]
    if inside:
        return _Scored(inside[0].cand, inside[0].fit, (*inside[0].reasons, "in a division the text names"))
    division = max(ctx.divisions.values(), key=lambda p: (ctx.countries.get(p.country_code, 0), p.name))
    reason = f"no {span.text!r} in the gazetteer: placed at {division.name}, the division the text names"
    return _Scored(Candidate(place=division, key=span.key, form=division.name, kind="name"), best.fit,
                   (*best.reasons, reason))
