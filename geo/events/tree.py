"""Questions the trigger rules ask of a token in spaCy's dependency parse: what modifies it, what it is done to
(objects, victims), whether its victims fight, protest or neither, whether a weapon was used or seized, whether
the sentence speaks of a disaster. Pure functions of a token (and whether the document speaks of aircraft).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..lexicon import MONTH_NAMES, WEEKDAYS
from .parse import has_lemma, lemma_of
from .vocab import AIRCRAFT, COMBATANTS, CRIMES, DISASTERS, DISRUPTING, PROPERTY, PROTESTERS, SETTLEMENTS, WEAPONS

__all__ = ["BLASTS", "MOBS", "OFFENDERS", "POLICING", "WORDED", "air_bomb", "aircraft_attacking", "any_victims",
           "arguments", "attack_on_combatants", "attack_on_others", "attackers", "civilian_victims",
           "combatant_victims", "definite_mention", "disaster", "fire_on_forces", "fire_on_people",
           "fire_on_protesters", "fire_targets", "ground_bomb", "head_in", "lemma_of", "mob_attack", "mods",
           "not_month", "objects", "of_kind", "person_taken", "place_taken", "political_arrest", "property_hit",
           "protest_clash", "protester_victims", "reflexive", "set_fire", "street_protest", "turned_violent", "used",
           "victims", "violence", "weapon_used", "weapons_stopped", "weapons_taken", "with_mods"]

Token = Any  # a spaCy Token

def mods(t: Token) -> set[str]:
    """The lemmas that modify a noun or follow a verb as its particle (``car`` bomb, ``air`` strike, blow
    ``up``), the word before it (``air-strike``: the one before the hyphen) and the verb a noun is the subject
    of (a bomb that ``exploded``)."""
    out = {lemma_of(c) for c in t.children if c.dep_ in ("compound", "amod", "nmod", "prt", "npadvmod", "advmod")}
    before = t.i - 2 if t.i > 1 and t.doc[t.i - 1].text == "-" else t.i - 1
    if before >= 0:
        out.add(lemma_of(t.doc[before]))
    if t.dep_ in ("nsubj", "nsubjpass", "dobj"):
        out.add(lemma_of(t.head))
    return out


def arguments(t: Token, deps: Iterable[str]) -> list[Token]:
    """The heads of ``t``'s arguments of the given relations, with what they are coordinated with."""
    out = []
    for c in t.children:
        if c.dep_ in deps:
            out.append(c)
            out.extend(x for x in c.conjuncts if x not in out)
    return out


def objects(t: Token) -> list[Token]:
    """What a verb is done to: its objects or passive subjects; where the small model reads the verb as a
    modifier (``The RSF seized/amod control``), the noun it modifies."""
    found = arguments(t, ("dobj", "nsubjpass"))
    if not found and t.dep_ in ("amod", "compound") and t.head.i != t.i:
        found = [t.head]
    return found


_TIME_WORDS = frozenset({*WEEKDAYS, *MONTH_NAMES, "day", "night", "morning", "evening", "afternoon", "weekend",
                         "eve", "occasion", "anniversary"})


def victims(t: Token) -> list[Token]:
    """Who a verb or noun of violence is done to: its object, its passive subject, ``the killing of X``,
    ``an attack on X``."""
    found = objects(t) + arguments(t, ("oprd",))
    for n in list(found):  # "members of the security forces", "dozens of soldiers"
        found.extend(c for p in n.children if p.dep_ == "prep" and p.lower_ == "of" for c in arguments(p, ("pobj",)))
    for prep in t.children:
        if (prep.dep_ == "prep" and prep.lower_ in ("of", "on", "against", "at", "upon") and t.pos_ == "NOUN") or (
                prep.dep_ == "prep" and prep.lower_ in ("on", "against", "at", "upon")):
            # "attacked the electrical system ... on Monday": a day is no victim
            found.extend(c for c in arguments(prep, ("pobj",)) if c.lower_ not in _TIME_WORDS)
    return found


def of_kind(nouns: list[Token], words: frozenset[str]) -> bool:
    return any(lemma_of(n) in words or lemma_of(n).rstrip("s") in words for n in nouns)


def combatant_victims(t: Token, air: bool) -> bool:
    return of_kind(victims(t), COMBATANTS) and violence(t, air)


def civilian_victims(t: Token, air: bool) -> bool:
    v = victims(t)
    return bool(v) and not of_kind(v, COMBATANTS) and not of_kind(v, PROTESTERS) and violence(t, air)


def any_victims(t: Token, air: bool) -> bool:
    v = victims(t)
    return not of_kind(v, COMBATANTS) and not of_kind(v, PROTESTERS) and violence(t, air)


def protester_victims(t: Token, air: bool) -> bool:
    return of_kind(victims(t), PROTESTERS)


class with_mods:
    """The test that a trigger is modified by one of ``words`` (``car`` bomb, ``air`` strike, blow ``up``); its
    ``needs`` tell the sentence pre-test that without one of them in the sentence the rule cannot fire."""

    def __init__(self, *words: str) -> None:
        self.needs = frozenset(words)

    def __call__(self, t: Token, air: bool) -> bool:
        return bool(mods(t) & self.needs)


class head_in:
    """The test that a trigger's head in the parse is one of ``lemmas`` (``signed`` an agreement); ``needs`` as in
    :class:`with_mods`."""

    def __init__(self, *lemmas: str) -> None:
        self.needs = frozenset(lemmas)

    def __call__(self, t: Token, air: bool) -> bool:
        return lemma_of(t.head) in self.needs


def used(t: Token) -> bool:
    """A weapon noun that was used, not seized, found, bought or banned (``seized 20 rockets``)."""
    node = t
    for _ in range(8):  # up through a list of weapons ("found rifles, rocket launchers, 60 mm mortars")
        if node.head.i == node.i or node.dep_ == "agent":
            return True  # "a telephone booth was destroyed by a bomb": the bomb did it
        listed = node.dep_ in ("conj", "appos", "compound", "nmod", "amod", "nummod", "pobj", "prep")
        node = node.head
        if node.pos_ == "VERB":
            return lemma_of(node) not in DISRUPTING
        if not listed and node.pos_ != "NOUN":
            break
    return True


#: Words of a sentence that tell a planted bomb from one dropped, even where the document speaks of aircraft
#: ("Kurdish militants claimed responsibility for Dec. 10 bombings in Istanbul", in a story of Russian jets).
PLANTERS = frozenset({"militant", "terrorist", "insurgent", "jihadist", "extremist", "responsibility", "plant",
                      "car", "truck", "roadside", "parcel", "letter", "magnetic", "pipe", "nail", "detonate"})


def planted(t: Token) -> bool:
    sent = t.sent if t.doc.has_annotation("SENT_START") else t.doc
    return any(lemma_of(w) in PLANTERS for w in sent)


def air_bomb(t: Token, air: bool) -> bool:
    from_air = bool(mods(t) & AIRCRAFT) or of_kind(arguments(t, ("nsubj", "agent")), AIRCRAFT)
    return (from_air or (air and not planted(t))) and used(t)


def ground_bomb(t: Token, air: bool) -> bool:
    return used(t) and (not air or planted(t) or bool(mods(t) & {"time", "explode"}))


def weapon_used(t: Token, air: bool) -> bool:
    return used(t) and not disaster(t)


#: The nouns of an explosion, which may be an accident's (``a gas explosion``) as much as a bomb's.
BLASTS = frozenset({"explosion", "blast", "explode", "detonation", "fire", "blaze"})


def disaster(t: Token) -> bool:
    """The sentence speaks of a disease, a disaster or an accident (``killed by a cholera epidemic``, ``a gas
    explosion``)."""
    sent = t.sent if t.doc.has_annotation("SENT_START") else t.doc
    return any(has_lemma(x, DISASTERS) for x in sent)


def violence(t: Token, air: bool) -> bool:
    """A death that someone caused, not one of a disease or an accident, nor ``kill off`` a habit."""
    return not disaster(t) and "off" not in {c.lower_ for c in t.children if c.dep_ == "prt"}


def aircraft_attacking(t: Token, air: bool) -> bool:
    """``warplanes pounded``, ``jets struck``: aircraft as the subject of a verb of attack."""
    return t.dep_ in ("nsubj", "agent") and lemma_of(t.head) in {"bomb", "strike", "hit", "pound", "attack", "target",
                                                                "raid", "kill", "fire", "shell", "bombard"}


def attack_on_combatants(t: Token, air: bool) -> bool:
    return of_kind(victims(t), COMBATANTS) and not definite_mention(t)


#: Who attacks as a mob: people of a place, not an armed group (``vehicles were attacked and damaged by local
#: residents``: mob violence).
MOBS = frozenset({"resident", "villager", "local", "mob", "crowd", "youth", "townspeople", "townsfolk", "neighbour",
                  "neighbor", "onlooker", "vigilante", "rioter", "inhabitant"})


def attackers(t: Token) -> list[Token]:
    """Who did it: the subject, or the ``by`` agent of a passive (``were attacked ... by local residents``, also
    through a coordinated verb: ``attacked and damaged by``)."""
    found = arguments(t, ("nsubj",))
    for v in [t, *t.conjuncts]:
        found.extend(c for a in v.children if a.dep_ == "agent" for c in arguments(a, ("pobj",)))
    return found


def mob_attack(t: Token, air: bool) -> bool:
    """``attacked and damaged by local residents``, ``villagers stoned the car``: a mob, not armed men."""
    return of_kind(attackers(t), MOBS)


#: Who protests in words, not in the street (``a message which protested the Bush visit``, ``the government
#: protested``): a diplomatic or written protest is no demonstration.
WORDED = frozenset({"message", "letter", "statement", "communique", "note", "government", "ministry", "embassy",
                    "ambassador", "minister", "president", "country", "state", "document", "declaration",
                    "spokesman", "official", "foreign"})


def street_protest(t: Token, air: bool) -> bool:
    """A demonstration, not a protest in words (:data:`WORDED`)."""
    who = arguments(t, ("nsubj", "nsubjpass")) if t.pos_ == "VERB" else []
    if t.dep_ == "relcl" and all(w.lower_ in ("which", "that", "who") for w in who):
        who = [t.head]  # "a message which protested"
    return not of_kind(who, WORDED)


def attack_on_property(t: Token, air: bool) -> bool:
    """``attacks on the electrical system``, ``an attack against the embassy``: only things were attacked, none
    held by the armed forces (``the police station`` is an attack on the police)."""
    v = victims(t)
    return bool(v) and not definite_mention(t) and all(
        of_kind([n], PROPERTY) and not of_kind([c for c in n.children if c.dep_ in ("compound", "amod")], COMBATANTS)
        for n in v)


def attack_on_others(t: Token, air: bool) -> bool:
    return not definite_mention(t) and not of_kind(victims(t), COMBATANTS)


def definite_mention(t: Token) -> bool:
    """``the attack``, ``this bombing``, ``their offensive``, ``Saturday's gun battle``: a noun that refers back to
    an event told before."""
    return t.pos_ == "NOUN" and any((c.dep_ in ("det", "poss") and c.lower_ in (
        "the", "this", "that", "these", "those", "its", "their", "his", "her", "such", "same")) or (
        c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME")) for c in t.children)


#: Words that mark a trigger as another event than those told before (``another explosion took place``,
#: ``a third bomb``, ``a new attack``).
ANOTHER = frozenset({"another", "second", "third", "fourth", "fifth", "new", "fresh", "further", "other",
                     "separate", "later"})


def another_mention(t: Token) -> bool:
    """``another explosion``, ``a second bomb``, ``a new attack``: not the event told before.

    The opposite of ``definite_mention``; neither holds for ``an explosion``."""
    return any(c.dep_ in ("det", "amod", "advmod") and c.lower_ in ANOTHER for c in t.children)


#: Who meets protesters in a clash that is a riot (``clashes with police ... staging protests``).
POLICING = frozenset({"police", "policeman", "policemen", "officer", "riot"})


def protest_clash(t: Token, air: bool) -> bool:
    """Protesters clash (``protesters clashed with police``), or police clash with people the same sentence
    shows protesting (``Clashes with police in Bihar ... since many are staging protests``)."""
    around = arguments(t, ("nsubj", "dobj")) + [c for p in t.children if p.dep_ == "prep"
                                                 for c in arguments(p, ("pobj",))]
    if of_kind(around, PROTESTERS):
        return True
    sent = t.sent if t.doc.has_annotation("SENT_START") else t.doc
    return of_kind(around, POLICING) and any(lemma_of(x) in PROTESTERS - {"student"} for x in sent)


def turned_violent(t: Token, air: bool) -> bool:
    return any(lemma_of(c) == "violent" for c in t.children) and of_kind(arguments(t, ("nsubj",)), PROTESTERS)


def place_taken(t: Token, air: bool) -> bool:
    objs = objects(t)
    return any(lemma_of(o) in SETTLEMENTS or (o.pos_ == "PROPN" and o.ent_type_ not in ("PERSON", "ORG")) for o in objs)


def person_taken(t: Token, air: bool) -> bool:
    objs = objects(t)
    return bool(objs) and not any(lemma_of(o) in SETTLEMENTS or lemma_of(o) in WEAPONS for o in objs)


def weapons_taken(t: Token, air: bool) -> bool:
    return of_kind(objects(t), WEAPONS)


def property_hit(t: Token, air: bool) -> bool:
    return of_kind(objects(t), PROPERTY)


_OWN = frozenset({"their", "his", "her", "our", "my"})


def set_fire(t: Token, air: bool) -> bool:
    """``rebels set fire to a bus``; never people who are no armed group burning their own homes (``some
    civilians set fire to their homes because they didn't want the militias to take them over``)."""
    if not any(lemma_of(c) == "fire" and c.dep_ in ("dobj", "pobj", "prep") for c in t.subtree):
        return False
    who = arguments(t, ("nsubj",))
    burnt = [x for c in t.children if c.dep_ == "prep" for x in arguments(c, ("pobj",))]
    own = any(c.dep_ == "poss" and c.lower_ in _OWN for x in burnt for c in x.children)
    return not (own and who and not of_kind(who, COMBATANTS))


def fire_targets(t: Token) -> list[Token] | None:
    """Who ``fired on``/``opened fire on`` aimed at (None: the token is no firing)."""
    if lemma_of(t) == "open":
        fire = [c for c in t.children if c.dep_ == "dobj" and lemma_of(c) == "fire"]
        if not fire:
            return None
        heads = [t, *fire]
    elif lemma_of(t) == "fire" and t.pos_ == "VERB":
        heads = [t]
    else:
        return None
    return [x for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("on", "at", "into", "upon")
            for x in arguments(p, ("pobj",))]


def fire_on_people(t: Token, air: bool) -> bool:
    targets = fire_targets(t)
    return targets is not None and bool(targets) and not of_kind(targets, COMBATANTS) and not of_kind(
        targets, PROTESTERS)


def came_under(t: Token) -> list[Token] | None:
    """Who ``came under fire``/``came under attack`` (the subject of *come*), or None when the token is no such
    phrase (``the house under fire`` is not one)."""
    head = t.head
    if t.dep_ == "pobj" and head.lower_ == "under" and lemma_of(head.head) == "come":
        return arguments(head.head, ("nsubj", "nsubjpass"))
    return None


def under_fire_forces(t: Token, air: bool) -> bool:
    """``The officers responding to the call came under fire``: forces attacked, a clash."""
    who = came_under(t)
    return who is not None and of_kind(who, COMBATANTS)


def under_fire_others(t: Token, air: bool) -> bool:
    """``A convoy of aid workers came under attack``: others attacked."""
    who = came_under(t)
    return who is not None and bool(who) and not of_kind(who, COMBATANTS)


def fire_on_forces(t: Token, air: bool) -> bool:
    targets = fire_targets(t)
    return targets is not None and of_kind(targets, COMBATANTS)


def fire_on_protesters(t: Token, air: bool) -> bool:
    targets = fire_targets(t)
    return targets is not None and of_kind(targets, PROTESTERS)


#: Who is arrested for ordinary crime (``15 drug traffickers were arrested``).
OFFENDERS = frozenset({"trafficker", "smuggler", "thief", "robber", "dealer", "poacher", "burglar", "fraudster",
                       "pickpocket", "shoplifter", "drunk"})


def political_arrest(t: Token, air: bool) -> bool:
    """An arrest that is not for ordinary crime (``arrested on suspicion of corruption``, ``15 drug traffickers
    were arrested``)."""
    reasons = [x for x in t.subtree if x.dep_ == "pobj"]
    held = objects(t)
    held += [c for n in held for c in n.children if c.dep_ in ("compound", "amod")]
    return not of_kind(reasons, CRIMES) and not of_kind(held, CRIMES | OFFENDERS)


def weapons_stopped(t: Token, air: bool) -> bool:
    """``defused a bomb``, ``foiled an attack``, ``intercepted a missile``; never ``foiling the deal``."""
    objs = objects(t)
    return not objs or of_kind(objs, WEAPONS | {"plot", "attack", "attempt", "bombing", "plan", "car"})


def not_month(t: Token, air: bool) -> bool:
    """``they marched``, not ``March`` nor wire copy's ``ON 5 MARCH`` (true-cased ``on 5 march``)."""
    beside = [t.doc[i] for i in (t.i - 1, t.i + 1) if 0 <= i < len(t.doc)]
    return bool(t.text[:1].islower()) and not any(x.like_num for x in beside)


def reflexive(t: Token, air: bool) -> bool:
    return any(c.lower_ in ("himself", "herself", "themselves") for c in t.children)
