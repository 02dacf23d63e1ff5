"""Reported events from news text, coded in ACLED's manner: type, date, place, actors, fatalities, evidence.

The method, sentence by sentence:

1. A *strong trigger* (a rule of ``triggers.RULES`` that takes a word of the sentence's parse: ``airstrike``,
   ``fighting``, ``protesters``) that the parse shows happened (no negation, modal, plan: ``parse``) opens an
   event, or continues the open one when it refers back (``the bombing``, ``their offensive``), adds nothing new
   (no date, place or figure of its own) or is generic (``killed``) with no other place or day.
2. Sentences with only a casualty figure, a singular death (``was killed``) or a weak trigger (``the attack``)
   continue the open violent event of the same or the previous paragraph: they fill its place, date and figures.
3. Place: the most specific resolved mention the sentence ties to the event (``south of the town of al-Rai``),
   in the document's own countries, never one used as an actor (``Turkey-backed``, ``Russian``, ``the U.S.
   accused``), a speaker's location (``In Washington, ... said``), a border, or one the parse shows modifying,
   originating or owning something (``roles.tree_role``). Strategic developments happen ``in``/``at`` a place
   or else at the dateline. No place: the event just told's, else the dateline's town in its own country, else
   the document's country, geo_precision 3.
4. Date: the sentence's own time expression (never one after publication), else the last one of this or the
   previous paragraph, else the publication date (time_precision 2). With no publication date known, only
   dates the text states in full count, else the date is None (time_precision 3). Dated more than 30 days
   before publication (or before the latest stated date, when undated): background.
5. Figures: the lowest of competing figures from different named sources; a smaller figure without a new source
   (``in the city alone, 294``) is a breakdown, not another count.
6. One event per place, type and day: repeats are merged.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from gazetteer import Gazetteer

from ..datelines import document_dateline
from ..deadline import check as check_deadline
from ..model import Event, Mention, main_country
from ..places import check_length, default_gazetteer, parse_places, readable
from ..places.approximate import without_guesses
from ..taxonomy import PROTESTS, STRATEGIC, SUB_EVENT_TYPES, VIOLENT
from .countries import home_country, own_countries
from .dates import TimeExpr, attached_times, dateline_date, find_times
from .drafts import Draft, Extraction, another_day, compatible, elsewhere, same_country, same_place, to_event, told_last
from .merge import merge, one_per_day, placed
from .numbers import Figure, casualty_figures, parse_number, vague_figure
from .parse import asserted_token, has_lemma, parse
from .roles import MentionIndex, PlaceCandidate, best_place, listed_places, person_parts, sentence_places, specificity
from .sentences import Sentence, actors_in, body_sentences, clauses, figure_source, in_quotes
from .tree import BLASTS, another_mention, definite_mention, disaster, lemma_of
from .triggers import Rule, find_triggers, may_trigger

__all__ = ["BACKGROUND_DAYS", "Extraction", "extract", "extract_events"]

log = logging.getLogger(__name__)
#: Events dated this many days or more before publication are background (history), not news.
BACKGROUND_DAYS = 30

_SINGLE_DEATH = re.compile(r"\b(?:was|has been|had been)\s+(?:killed|shot dead|slain|executed|assassinated)\b"
                           r"|\b(?:death|killing) of (?:[A-Z][\w'-]+\s?)+", re.I)
#: Aircraft in the document: ``bombing`` and ``bombed`` are then air strikes (the seed: "Russian and Syrian
#: warplanes ... the bombing of Aleppo"); without them a bomb is planted (the Cairo cathedral bombing).
_AIR = re.compile(r"\b(?:warplanes?|aircraft|jets|fighter jets?|helicopters?|gunships?|drones?|air ?strikes?"
                  r"|air ?raids?|bombers|aerial|sorties|air force (?:struck|bombed|attacked|jets|planes))\b", re.I)
#: A sentence of totals over a period or of a disaster's toll: its figures are no event's ("Rival drug gang
#: violence in Mexico has resulted in 2,300 fatalities in the first five months of this year"; "the H1N1 flu
#: outbreak in Mexico which caused 89 deaths").
_NOT_THE_TOLL = re.compile(r"\b(?:(?:this|last|so far this|each|every|a) year|(?:first|past|last) (?:\w+ )?"
                           r"(?:days|months|weeks|years|decades?)|since (?:the )?(?:\d{4}|\w+ \d{4}|start|beginning"
                           r"|outbreak)|in total"
                           r"|flu|virus|epidemic|outbreak|cholera|disease|flood(?:s|ing)?|earthquake|quake|storm"
                           r"|hurricane|typhoon|cyclone|famine|landslides?|traffic|road accidents?)\b", re.I)
#: Trigger rules whose count before a listed place is a count of the dead ("two in Antioquia").
_KILLING_RULES = frozenset({"assassination", "killed", "combatants-killed", "shot", "gunned-down"})
_NEW_TOPIC = re.compile(r"^(?:Separately|Elsewhere|Meanwhile|In another|In a separate|Also on)\b", re.I)


class _Found(NamedTuple):
    rule: Rule
    at: int  # the trigger's offset in the sentence
    definite: bool  # "the bombing": refers back to an event told before
    another: bool  # "another explosion", "a third bomb": not one told before


def _trigger(state: _State, sentence: str, *, weak: bool) -> _Found | None:
    """The sentence's trigger: of the words a rule takes (asserted, not quoted), the one nearest the root of the
    parse, then the first of the table; a generic rule (``killed``, ``attack``) only where no specific one
    takes a word; else the earliest weak one."""
    if not may_trigger(sentence, weak=weak):
        return None
    doc = parse(sentence)
    hits = [h for h in find_triggers(doc, air=state.air)
            if not in_quotes(sentence, h.token.idx) and asserted_token(h.token)]
    if state.accident:  # "a gas explosion at a noodle restaurant ... The blast took place at 8:40": the accident
        hits = [h for h in hits if not (lemma_of(h.token) in BLASTS and definite_mention(h.token))]
    elif any(has_lemma(t, BLASTS) and disaster(t) for t in doc):
        state.accident = True
    strong = [h for h in hits if h.rule.strong]
    if strong:
        specific = [h for h in strong if not h.rule.generic]
        best = min(specific or strong, key=lambda h: (h.depth, h.rank, h.token.i))
    elif hits:
        best = min(hits, key=lambda h: h.token.i)
    else:
        return None
    return _Found(best.rule, best.token.idx, definite_mention(best.token), another_mention(best.token))


def _trusted(times: list[TimeExpr], state: _State) -> list[TimeExpr]:
    """The time expressions a date can rest on: never one after publication (``next Monday`` is a plan, not an
    event), and without a known publication date only those the text states in full (``on Monday`` has
    nothing to count back from)."""
    return [t for t in times if (t.date is None or t.date <= state.anchor) and (state.anchored or t.absolute
                                                                               or t.date is None)]


def _pick_time(times: list[TimeExpr], at: int, doc: Any = None) -> TimeExpr | None:
    """The event's time: among those the parse attaches to the event word (``doc`` given), else among all, the
    most precise, then the nearest."""
    dated = [t for t in times if t.date is not None]
    if not dated:
        return None
    if doc is not None and len(dated) > 1:
        dated = attached_times(doc, dated, at) or dated
    return min(dated, key=lambda t: (t.precision, abs(t.start - at)))


@dataclass
class _State:
    text: str
    anchor: dt.date
    mentions: list[Mention]
    dateline: Mention | None
    anchored: bool = True  # the publication date is known (given, or the text's date line)
    air: bool = False  # the document speaks of aircraft: "the bombing" is from the air
    countries: frozenset[str] = frozenset()  # the countries the document names most
    home: str | None = None  # where an event with no place of its own goes (``_home``)
    accident: bool = False  # an explosion told as an accident ("a gas explosion"): "the blast" is that one
    last_time: dict[int, TimeExpr] = field(default_factory=dict)
    index: MentionIndex | None = None  # the mentions by position (made with the state)
    previous: Sentence | None = None  # the sentence before, for the scene it may set (``_scene``)
    people: list[Mention] = field(default_factory=list)  # names the parse read as part of a person's (``_places``)


def extract_events(text: str, *, published: dt.date | str | None = None, source: str = "",
                   gazetteer: Gazetteer | None = None, include_background: bool = False,
                   mentions: list[Mention] | None = None) -> list[Event]:
    """Events reported in ``text``. ``published`` anchors relative dates when the text has no date line (with
    neither, relative dates such as "on Monday" give no date; the CLI warns)."""
    return extract(text, published=published, source=source, gazetteer=gazetteer,
                   include_background=include_background, mentions=mentions).events


def extract(text: str, *, published: dt.date | str | None = None, source: str = "",
            gazetteer: Gazetteer | None = None, include_background: bool = False,
            mentions: list[Mention] | None = None) -> Extraction:
    """:func:`extract_events`, with the mentions its parses showed to be no places (:class:`Extraction`)."""
    check_length(text, source or "the text")
    gaz = gazetteer or default_gazetteer()
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    known = published or dateline_date(text)
    anchor = known or dt.date.today()
    mentions = without_guesses(mentions if mentions is not None else parse_places(text, gazetteer=gaz))
    original, text = text, readable(text, gaz)
    head = document_dateline(text)
    dateline = next((m for m in mentions if head and head.place_start <= m.start < head.place_end and m.place),
                    None)
    state = _State(text, anchor, mentions, dateline, anchored=known is not None, air=bool(_AIR.search(text)),
                   countries=own_countries(mentions, dateline), index=MentionIndex(mentions))
    state.home = home_country(mentions, dateline, head.end if head else 0)
    drafts: list[Draft] = []
    open_: Draft | None = None
    for sent in body_sentences(text, head.end if head else 0):
        check_deadline()
        times = _trusted(find_times(sent.text, anchor), state)
        for piece, own, since in clauses(sent, times):
            if since and open_ is not None and open_.date is not None and state.anchored:
                # "Sunday's explosion came just two days after ...": two days before Sunday, not before today
                own = [t._replace(date=open_.date - (anchor - t.date)) if t.date and t in since else t for t in own]
            open_ = _step(state, piece, own, open_, drafts)
        dated = [t for t in times if t.date is not None]
        if dated:
            state.last_time[sent.paragraph] = dated[-1]
        state.previous = sent
    return Extraction(_finish(state, drafts, gaz, source, include_background, original), tuple(state.people))


def _step(state: _State, sent: Sentence, times: list[TimeExpr], open_: Draft | None,
          drafts: list[Draft]) -> Draft | None:
    found = _trigger(state, sent.text, weak=open_ is not None)
    if found is None and (open_ is None or sent.paragraph - open_.last_para > 1):
        return open_  # nothing to open and nothing open to add to
    figures = casualty_figures(sent.text)
    single = _SINGLE_DEATH.search(sent.text)
    if (figures or single) and _NOT_THE_TOLL.search(sent.text):
        if found is None:
            return open_
        figures, single = [], None
    near = open_ is not None and sent.paragraph - open_.last_para <= 1 and not _NEW_TOPIC.match(sent.text)
    if found and found.rule.strong:
        kind = SUB_EVENT_TYPES[found.rule.sub_event_type]
        at = sent.start + found.at
        cands, actors = _places(state, sent, continuing=False)
        own_place = best_place(cands, at)
        if own_place is None and (scene := _scene(state, sent)) is not None:
            own_place, cands = scene, [scene]
        own_time = _pick_time(times, found.at, parse(sent.text))
        # "Karlov's assassination" while the Istanbul bombings are open: the assassination told before
        same_kind = found.definite and open_ is not None and open_.event_type != kind and any(
            d.event_type == kind for d in drafts)
        if open_ is not None and near and not same_kind and compatible(kind, open_) and (
                (found.definite and not elsewhere(own_place, open_) and not another_day(own_time, open_))
                or not (own_time or own_place)
                or (found.rule.generic and not (own_time and own_time.precision == 1)
                    and not elsewhere(own_place, open_))):
            cands, actors = _places(state, sent, continuing=True)
            _continue(state, open_, sent, cands, times, figures, single, actors, f"continues: {found.rule.name}")
            open_.generic = open_.generic and found.rule.generic  # "killed 12 ... the bombing": a bombing
            return open_
        told = state.last_time.get(sent.paragraph) or state.last_time.get(sent.paragraph - 1)
        if told is not None and any(d.explicit_date and d.date == told.date and d.event_type != kind for d in drafts):
            told = None  # the day of another event just told ("Dec. 10 bombings in Istanbul"), not this one's
        prior = next((d for d in reversed(drafts) if d.event_type == kind and (found.definite or (
            same_place(own_place, d) and (told is None or told.date == d.date)))), None) if not found.another else None
        if prior is not None and not own_time and not elsewhere(own_place, prior):
            # "the bombing" paragraphs later ("condemned the bombing"), or the same kind of event at the same
            # town with no day of its own ("Karlov ... at the exhibition in Ankara when he was gunned down"):
            # the event told before, not another
            _continue(state, prior, sent, cands if prior.place is None else [], [], figures, single, actors,
                      f"refers back: {found.rule.name}")
            prior.generic = prior.generic and found.rule.generic
            return prior
        draft = Draft(found.rule.sub_event_type, sent, last_para=sent.paragraph, generic=found.rule.generic)
        draft.reasons.append(f"trigger: {found.rule.name} ({sent.text[found.at:found.at + 30].split(' ')[0]!r})")
        _date(state, draft, sent, times, found.at)
        draft.place = _choose_place(state, draft, cands, at)
        if draft.place is not None:
            where = ("its sentence" if sent.start <= draft.place.mention.start < sent.end else
                     "the sentence before, which set the scene" if state.previous is not None
                     and state.previous.start <= draft.place.mention.start < state.previous.end else "the dateline")
            draft.reasons.append(f"place: {draft.place.mention.text!r} in {where}")
        elif (last := max(drafts, key=told_last, default=None)) is not None and (
                sent.paragraph - last.last_para <= 2 and last.place is not None):
            # no place of its own right after an event that has one: the same scene ("Hundreds of demonstrators
            # gathered outside the cathedral" after the cathedral bombing in Cairo)
            draft.place, draft.inherited = last.place, True
            draft.reasons.append(f"place: {draft.place.mention.text!r}, the scene of the event told before")
        drafts.append(draft)
        _continue(state, draft, sent, [], [], figures, single, actors)
        if draft.place is not None and not draft.inherited:
            for other, count in listed_places(state.text, cands, draft.place):
                # "murdered three peasants in Guachicono, two in Antioquia, and three in Cordoba": an event each
                extra = Draft(draft.sub_event_type, sent, date=draft.date, precision=draft.precision,
                              explicit_date=draft.explicit_date, place=other, last_para=sent.paragraph,
                              evidence=[sent], reasons=[*draft.reasons[:2], f"place: {other.mention.text!r}, "
                                                        f"listed after {draft.place.mention.text!r}"])
                if count is not None and (figures or found.rule.name in _KILLING_RULES) and (
                        (value := parse_number(count)) is not None):
                    extra.figures.append((value, count, None))
                drafts.append(extra)
        return draft
    if open_ is not None and near and (open_.event_type in VIOLENT or open_.event_type == PROTESTS) and (
            figures or single or found):
        own = _pick_time(times, 0)
        if own is not None and open_.explicit_date and own.date != open_.date and own.precision == 1:
            return open_  # another day: another incident, not more news of this one
        cands, actors = _places(state, sent, continuing=True)
        _continue(state, open_, sent, cands, times, figures, single, actors,
                  f"continues: {found.rule.name}" if found else "continues: casualty figure")
    return open_


def _scene(state: _State, sent: Sentence) -> PlaceCandidate | None:
    """The place the sentence before set the scene at, for an event that names none (``a police patrol received
    reports of a house fire in the town of Qatraneh in the Karak district`` ... ``The officers responding to the
    call came under fire from inside the house``): only a place it puts something *in*/*at*, in the same
    paragraph, from a sentence that tells no event itself."""
    before = state.previous
    if before is None or before.paragraph != sent.paragraph or before.end > sent.start or _trigger(
            state, before.text, weak=False) is not None:
        return None
    cands, _ = _places(state, before, continuing=False)
    located = [c for c in cands if c.strength == 3]
    return best_place(located, before.end) if located else None


def _places(state: _State, sent: Sentence, *, continuing: bool) -> tuple[list[PlaceCandidate], list[str]]:
    """The sentence's candidate places, in the document's own countries only: an event is told where it
    happened, and a name resolved to another country is far more often a wrong reading (``Manitoba``,
    ``Enterprise``) or a person's origin than an event abroad."""
    within = (state.index or MentionIndex(state.mentions)).within(sent.start, sent.end)
    doc = parse(sent.text)
    if people := person_parts(sent.text, doc, sent.start, within):
        state.people.extend(m for m in people if m not in state.people)
        within = [m for m in within if m not in people]
    cands, actors = sentence_places(state.text, within, sent, continuing=continuing, doc=doc,
                                    countries=state.countries)
    if state.countries:
        cands = [c for c in cands if c.mention.place is not None and c.mention.place.country_code in state.countries]
    return cands, actors


def _choose_place(state: _State, draft: Draft, cands: list[PlaceCandidate], at: int) -> PlaceCandidate | None:
    if draft.event_type == STRATEGIC:
        located = [c for c in cands if c.strength == 3]
        if located:
            return best_place(located, at)
        if state.dateline is not None and state.dateline.place is not None and (
                state.dateline.place.country_code == state.home):
            return PlaceCandidate(state.dateline, specificity(state.dateline.place), 3, 1)
    return best_place(cands, at)


def _date(state: _State, draft: Draft, sent: Sentence, times: list[TimeExpr], at: int) -> None:
    own = _pick_time(times, at, parse(sent.text))
    vague = any(t.date is None or t.since for t in times)
    if own is not None:
        draft.date, draft.precision, draft.explicit_date = own.date, own.precision, True
        draft.reasons.append(f"date: {sent.text[own.start:own.end]!r} in its sentence" if own.start >= 0 else
                             f"date: {own.date}, that long before the event the sentence told first")
        return
    inherited = state.last_time.get(sent.paragraph) or state.last_time.get(sent.paragraph - 1)
    if inherited is not None and inherited.date is not None:  # a date carried over is a little less certain
        draft.date, draft.precision = inherited.date, max(inherited.precision, 3 if vague else 2)
        draft.reasons.append(f"date: {inherited.date.isoformat()}, the last date of its paragraph or the one before")
    else:
        # no date of its own: the publication date, or none at all when that is unknown
        draft.date, draft.precision = (state.anchor, 3 if vague else 2) if state.anchored else (None, 3)
        draft.reasons.append("date: the publication date (none of its own)" if state.anchored
                             else "date: none (no date of its own, no publication date)")


def _continue(state: _State, draft: Draft, sent: Sentence, cands: list[PlaceCandidate], times: list[TimeExpr],
              figures: list[Figure], single: re.Match[str] | None, place_actors: list[str], why: str = "") -> None:
    if sent not in draft.evidence:
        draft.evidence.append(sent)
        if why:
            draft.reasons.append(why)
    draft.last_para = sent.paragraph
    for actor in [*place_actors, *actors_in(sent.text)]:
        if actor not in draft.actors:
            draft.actors.append(actor)
    best = best_place(cands, sent.start)
    if best is not None and (draft.place is None or draft.inherited or (
            best.specificity > draft.place.specificity and best.strength >= 1
            and (draft.place.specificity == 0 or same_country(best, draft.place)))):
        draft.place, draft.inherited = best, False
        draft.reasons.append(f"place: {best.mention.text!r} in a later sentence")
    own = _pick_time(times, 0)
    if own is not None and not draft.explicit_date:
        draft.date, draft.precision, draft.explicit_date = own.date, max(own.precision, draft.precision
                                                                         if own.since else 1), True
    if figures:
        fig = figures[0]
        src = figure_source(sent.text)
        if draft.figures and vague_figure(fig.text):
            return  # "Dozens have been killed in sectarian clashes" after "at least 25 people are dead"
        if draft.figures and all(vague_figure(f[1]) for f in draft.figures):
            draft.figures.clear()  # a count replaces an estimate
        if draft.figures and src is None and fig.value < min(f[0] for f in draft.figures):
            return  # a part of the figure already reported ("in the city alone, 294"), not another count
        if draft.figures and src is not None and src in {f[2] for f in draft.figures} and fig.value < min(
                f[0] for f in draft.figures):
            return
        draft.figures.append((fig.value, fig.text, src))
    elif single is not None and not draft.figures:
        draft.figures.append((1, single.group(0), figure_source(sent.text)))


def _finish(state: _State, drafts: list[Draft], gaz: Gazetteer, source: str, include_background: bool,
            original: str) -> list[Event]:
    # an event with no place of its own: in the dateline's (or the reporter's subject's) country, else where most
    # events are ("ROME (ITALY) -- ... the arrest ... in El Salvador ... San Jose": El Salvador, not the US)
    line = state.dateline.place.country_code if state.dateline and state.dateline.place else None
    moved = state.home if line and state.home != line else None  # the reporter abroad: the story's country
    placed_in = main_country(d.place.mention for d in drafts if d.place)
    if placed_in is not None and line and placed_in not in state.countries:
        placed_in = None  # events in a country the story hardly names are misread names ("San Jose", US)
    country = moved or placed_in or state.home or ""
    events: dict[tuple[str, str, str], Event] = {}
    # with no publication date, the latest date the text states in full stands in for it
    latest = state.anchor if state.anchored else max((d.date for d in drafts if d.date), default=None)
    horizon = latest - dt.timedelta(days=BACKGROUND_DAYS) if latest else None
    for d in drafts:
        background = horizon is not None and d.date is not None and d.date < horizon
        if background and not include_background:
            continue
        if d.place is None and state.dateline is not None and state.dateline.place is not None and (
                state.dateline.place.country_code == country):
            # no place of its own in local wire copy ("SAN SALVADOR, 14 MAR 89 -- urban commandos destroyed a
            # truck"): near the dateline's town, as a coder would place it
            d.place, d.inherited = PlaceCandidate(state.dateline, specificity(state.dateline.place), 0, 2), True
            d.reasons.append(f"place: the dateline, {state.dateline.text!r} (no place of its own)")
        event = to_event(d, gaz, country, source, background, original)
        key = (event.geonameid or event.country_code, event.event_type, event.date or "")
        events[key] = merge(events[key], event) if key in events else event
    return [replace(e, sub_event_type="Excessive force against protesters")  # ACLED: protesters were killed
            if e.event_type == PROTESTS and e.fatalities > 0 else e for e in placed(one_per_day(events.values()))]

