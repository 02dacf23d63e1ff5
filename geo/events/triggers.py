"""Triggers: the words that report an event, as named rules over the dependency parse.

A rule is a set of lemmas with their parts of speech, an ACLED sub-event type and, where the lemma alone is not
enough, a test on the token's neighbours in the tree (``bomb`` is an air strike only where aircraft are about;
``kill`` is violence against civilians unless those killed are combatants). The table is ordered from the most
specific to the most general: among the triggers of one sentence the earliest rule in the table decides the
event (``Airstrikes killed 12 civilians``: an air strike, not an attack on civilians).

``strong`` rules open an event; weak ones (``hit``, ``targeted``) only add to one already open. ``generic``
rules (``kill``, ``attack``) open an event only where no violent event of the same paragraph is open to take
them (``12 people were killed`` after ``An airstrike hit the market`` is the airstrike's toll).

>>> [r.name for r in RULES][:3]
['chemical-agent', 'chemical-attack', 'suicide-bombing']
>>> sorted(forms_of("kidnap"))
['kidnap']
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, NamedTuple

from .taxonomy import check_sub_event_type

__all__ = ["RULES", "Hit", "Rule", "any_trigger", "definite_mention", "find_triggers", "forms_of"]

Token = Any  # a spaCy Token; spaCy is imported only when the first sentence is parsed

#: Who fights rather than is attacked: an attack on them, or a death among them, is a battle (ACLED codes
#: violence between armed groups as Battles, against unarmed people as Violence against civilians).
COMBATANTS = frozenset({"police", "policeman", "policemen", "officer", "guard", "gendarme",
                        "soldier", "troop", "guerrilla", "rebel", "militant", "fighter", "insurgent", "subversive",
                        "terrorist", "extremist", "jihadist", "jihadi", "militiaman", "militia", "army", "force",
                        "combatant", "commando", "paratrooper", "marine", "battalion", "brigade", "unit",
                        "patrol", "garrison", "barracks", "post", "outpost", "base", "column", "convoy",
                        "detachment", "squad", "platoon", "regiment", "division", "checkpoint", "position"})
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "marcher", "striker", "crowd", "rally",
                        "protest", "demonstration", "march", "student"})
#: What aircraft are called: where a document speaks of them, "bombing" and "bombed" are from the air.
AIRCRAFT = frozenset({"warplane", "aircraft", "jet", "plane", "helicopter", "gunship", "drone", "airstrike",
                      "bomber", "air", "aerial", "airforce", "raid", "sortie", "airplane"})
WEAPONS = frozenset({"weapon", "arm", "explosive", "ammunition", "rifle", "dynamite", "bomb", "grenade", "rocket",
                     "missile", "mortar", "mine", "landmine", "device", "gun", "munition", "detonator", "cache",
                     "materiel", "launcher", "tnt", "shell"})
#: Verbs that stop a weapon from being used: a weapon noun under them is no attack (``seized 20 rifles``).
DISRUPTING = frozenset({"seize", "find", "confiscate", "defuse", "deactivate", "dismantle", "discover", "capture",
                        "recover", "intercept", "uncover", "locate", "detect", "destroy", "sell",
                        "buy", "supply", "smuggle", "ban", "use", "possess", "carry", "store", "hide",
                        "manufacture", "make", "build", "develop", "deliver", "send", "provide", "test"})
SETTLEMENTS = frozenset({"town", "city", "village", "hamlet", "district", "province", "area", "region", "base",
                         "camp", "neighborhood", "neighbourhood", "port", "airport", "capital", "suburb",
                         "territory", "control", "stronghold", "hill", "position", "municipality", "county",
                         "department"})
PROPERTY = frozenset({"house", "home", "building", "vehicle", "car", "bus", "truck", "office", "store", "shop",
                      "church", "mosque", "school", "station", "tower", "pylon", "bridge", "farm", "crop",
                      "property", "plant", "facility", "headquarters", "factory", "warehouse", "train", "hut",
                      "field", "market", "hall", "plantation", "installation", "line", "pipeline", "dwelling"})
#: Causes that kill without anyone attacking: a death from them is no event (``killed by a cholera epidemic``,
#: ``a gas explosion at a noodle restaurant``).
DISASTERS = frozenset({"disease", "epidemic", "outbreak", "cholera", "virus", "flu", "influenza", "fever", "flood",
                       "flooding", "earthquake", "quake", "storm", "hurricane", "typhoon", "cyclone", "tsunami",
                       "landslide", "mudslide", "accident", "crash", "heatwave", "drought", "famine", "malaria",
                       "ebola", "marburg", "illness", "infection", "pandemic", "avalanche", "monsoon", "lightning",
                       "diarrhoea", "diarrhea", "leak", "collapse", "blaze", "wildfire", "derailment", "overdose",
                       "cancer", "tornado", "eruption", "explosion-prone", "gas", "boiler", "firework", "fireworks",
                       "mine", "coal", "waterborne", "measles", "dengue", "tuberculosis", "h1n1", "sars", "covid"})
#: What people are arrested for when the arrest is ordinary crime, not politics (``arrested on suspicion of
#: corruption``; EVENTS-GUIDE: arrests count for militants, political figures, protesters, attack suspects).
CRIMES = frozenset({"corruption", "fraud", "bribery", "bribe", "theft", "robbery", "drug", "drugs", "trafficking",
                    "embezzlement", "tax", "burglary", "speeding", "drink", "drunk", "assault", "shoplifting",
                    "health", "affray", "possession", "smuggling", "money", "laundering", "poaching", "gambling"})
#: Irregular forms a lemma takes in text (for the quick test of which sentences need a parse).
IRREGULAR: dict[str, tuple[str, ...]] = {
    "shoot": ("shot",), "fight": ("fought",), "blow": ("blew", "blown"), "take": ("took", "taken"),
    "fall": ("fell", "fallen"), "overrun": ("overran",), "retake": ("retook", "retaken"), "strike": ("struck",),
    "slay": ("slew", "slain"), "set": ("set",), "break": ("broke", "broken"), "hit": ("hit",),
    "hold": ("held",), "burn": ("burnt",), "sit-in": ("sit-ins",), "seize": ("seiz",),
}


class Rule(NamedTuple):
    name: str
    sub_event_type: str
    lemmas: frozenset[str]
    pos: frozenset[str]
    test: Callable[[Token, bool], bool] | None
    strong: bool
    generic: bool
    example: str


class Hit(NamedTuple):
    rank: int
    rule: Rule
    token: Token

    @property
    def depth(self) -> int:
        """How far the trigger is from its sentence's root: the main clause's event comes first (``troops
        arrested 12 people after a bomb exploded``: an arrest)."""
        n, t = 0, self.token
        while t.head.i != t.i and n < 20:
            t, n = t.head, n + 1
        return n


def _rule(name: str, sub: str, lemmas: str, pos: str = "NOUN VERB", test: Callable[[Token, bool], bool] | None = None,
          *, strong: bool = True, generic: bool = False, example: str) -> Rule:
    check_sub_event_type(sub)
    return Rule(name, sub, frozenset(lemmas.split()), frozenset(pos.split()), test, strong, generic, example)


def _lemma(t: Token) -> str:
    return str(t.lemma_).lower()


def _mods(t: Token) -> set[str]:
    """The lemmas that modify a noun or follow a verb as its particle (``car`` bomb, ``air`` strike, blow
    ``up``), the word before it (``air-strike``: the one before the hyphen) and the verb a noun is the subject
    of (a bomb that ``exploded``)."""
    out = {_lemma(c) for c in t.children if c.dep_ in ("compound", "amod", "nmod", "prt", "npadvmod", "advmod")}
    before = t.i - 2 if t.i > 1 and t.doc[t.i - 1].text == "-" else t.i - 1
    if before >= 0:
        out.add(_lemma(t.doc[before]))
    if t.dep_ in ("nsubj", "nsubjpass", "dobj"):
        out.add(_lemma(t.head))
    return out


def _args(t: Token, deps: Iterable[str]) -> list[Token]:
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
    found = _args(t, ("dobj", "nsubjpass"))
    if not found and t.dep_ in ("amod", "compound") and t.head.i != t.i:
        found = [t.head]
    return found


def victims(t: Token) -> list[Token]:
    """Who a verb or noun of violence is done to: its object, its passive subject, ``the killing of X``,
    ``an attack on X``."""
    found = objects(t) + _args(t, ("oprd",))
    for n in list(found):  # "members of the security forces", "dozens of soldiers"
        found.extend(c for p in n.children if p.dep_ == "prep" and p.lower_ == "of" for c in _args(p, ("pobj",)))
    for prep in t.children:
        if (prep.dep_ == "prep" and prep.lower_ in ("of", "on", "against", "at", "upon") and t.pos_ == "NOUN") or (
                prep.dep_ == "prep" and prep.lower_ in ("on", "against", "at", "upon")):
            found.extend(_args(prep, ("pobj",)))
    return found


def _kinds(nouns: list[Token], words: frozenset[str]) -> bool:
    return any(_lemma(n) in words or _lemma(n).rstrip("s") in words for n in nouns)


def _combatant_victims(t: Token, air: bool) -> bool:
    return _kinds(victims(t), COMBATANTS) and _violence(t, air)


def _civilian_victims(t: Token, air: bool) -> bool:
    v = victims(t)
    return bool(v) and not _kinds(v, COMBATANTS) and not _kinds(v, PROTESTERS) and _violence(t, air)


def _any_victims(t: Token, air: bool) -> bool:
    return not _kinds(victims(t), COMBATANTS) and not _kinds(victims(t), PROTESTERS) and _violence(t, air)


def _protester_victims(t: Token, air: bool) -> bool:
    return _kinds(victims(t), PROTESTERS)


def _with(*words: str) -> Callable[[Token, bool], bool]:
    need = frozenset(words)
    return lambda t, air: bool(_mods(t) & need)


def _without(*words: str) -> Callable[[Token, bool], bool]:
    avoid = frozenset(words)
    return lambda t, air: not _mods(t) & avoid


def _used(t: Token) -> bool:
    """A weapon noun that was used, not seized, found, bought or banned (``seized 20 rockets``)."""
    node = t
    for _ in range(3):
        if node.head.i == node.i:
            return True
        node = node.head
        if node.pos_ == "VERB":
            return _lemma(node) not in DISRUPTING
    return True


def _air_bomb(t: Token, air: bool) -> bool:
    return (air or bool(_mods(t) & AIRCRAFT) or _kinds(_args(t, ("nsubj", "agent")), AIRCRAFT)) and _used(t)


def _ground_bomb(t: Token, air: bool) -> bool:
    return _used(t) and (not air or bool(_mods(t) & {"car", "truck", "roadside", "parcel", "letter", "magnetic",
                                                      "time", "pipe", "nail", "plant", "explode", "detonate"}))


def _weapon_used(t: Token, air: bool) -> bool:
    return _used(t) and not _disaster(t)


def _disaster(t: Token) -> bool:
    """The sentence speaks of a disease, a disaster or an accident (``killed by a cholera epidemic``, ``a gas
    explosion``)."""
    sent = t.sent if t.doc.has_annotation("SENT_START") else t.doc
    return any(_lemma(x) in DISASTERS for x in sent)


def _violence(t: Token, air: bool) -> bool:
    """A death that someone caused, not one of a disease or an accident, nor ``kill off`` a habit."""
    return not _disaster(t) and "off" not in {c.lower_ for c in t.children if c.dep_ == "prt"}


def _aircraft_attacking(t: Token, air: bool) -> bool:
    """``warplanes pounded``, ``jets struck``: aircraft as the subject of a verb of attack."""
    return t.dep_ in ("nsubj", "agent") and _lemma(t.head) in {"bomb", "strike", "hit", "pound", "attack", "target",
                                                                "raid", "kill", "fire", "shell", "bombard"}


def _attack_on_combatants(t: Token, air: bool) -> bool:
    return _kinds(victims(t), COMBATANTS) and not definite_mention(t)


def _attack_on_others(t: Token, air: bool) -> bool:
    return not definite_mention(t) and not _kinds(victims(t), COMBATANTS)


def definite_mention(t: Token) -> bool:
    """``the attack``, ``this bombing``, ``their offensive``: a noun that refers back to an event told before."""
    return t.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ in (
        "the", "this", "that", "these", "those", "its", "their", "his", "her", "such", "same") for c in t.children)


def _protest_clash(t: Token, air: bool) -> bool:
    around = _args(t, ("nsubj", "dobj")) + [c for p in t.children if p.dep_ == "prep" for c in _args(p, ("pobj",))]
    return _kinds(around, PROTESTERS)


def _turned_violent(t: Token, air: bool) -> bool:
    return any(_lemma(c) == "violent" for c in t.children) and _kinds(_args(t, ("nsubj",)), PROTESTERS)


def _place_taken(t: Token, air: bool) -> bool:
    objs = objects(t)
    return any(_lemma(o) in SETTLEMENTS or (o.pos_ == "PROPN" and o.ent_type_ not in ("PERSON", "ORG")) for o in objs)


def _person_taken(t: Token, air: bool) -> bool:
    objs = objects(t)
    return bool(objs) and not any(_lemma(o) in SETTLEMENTS or _lemma(o) in WEAPONS for o in objs)


def _weapons_taken(t: Token, air: bool) -> bool:
    return _kinds(objects(t), WEAPONS)


def _property_hit(t: Token, air: bool) -> bool:
    return _kinds(objects(t), PROPERTY)


def _set_fire(t: Token, air: bool) -> bool:
    return any(_lemma(c) == "fire" and c.dep_ in ("dobj", "pobj", "prep") for c in t.subtree)


def _fire_targets(t: Token) -> list[Token] | None:
    """Who ``fired on``/``opened fire on`` aimed at (None: the token is no firing)."""
    if _lemma(t) == "open":
        fire = [c for c in t.children if c.dep_ == "dobj" and _lemma(c) == "fire"]
        if not fire:
            return None
        heads = [t, *fire]
    elif _lemma(t) == "fire" and t.pos_ == "VERB":
        heads = [t]
    else:
        return None
    return [x for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("on", "at", "into", "upon")
            for x in _args(p, ("pobj",))]


def _fire_on_people(t: Token, air: bool) -> bool:
    targets = _fire_targets(t)
    return targets is not None and bool(targets) and not _kinds(targets, COMBATANTS) and not _kinds(
        targets, PROTESTERS)


def _fire_on_forces(t: Token, air: bool) -> bool:
    targets = _fire_targets(t)
    return targets is not None and _kinds(targets, COMBATANTS)


def _fire_on_protesters(t: Token, air: bool) -> bool:
    targets = _fire_targets(t)
    return targets is not None and _kinds(targets, PROTESTERS)


def _political_arrest(t: Token, air: bool) -> bool:
    """An arrest that is not for ordinary crime (``arrested on suspicion of corruption``)."""
    reasons = [x for x in t.subtree if x.dep_ == "pobj"]
    return not _kinds(reasons, CRIMES)


def _weapons_stopped(t: Token, air: bool) -> bool:
    """``defused a bomb``, ``foiled an attack``, ``intercepted a missile``; never ``foiling the deal``."""
    objs = objects(t)
    return not objs or _kinds(objs, WEAPONS | {"plot", "attack", "attempt", "bombing", "plan", "car"})


def _not_month(t: Token, air: bool) -> bool:
    return bool(t.text[:1].islower())


def _reflexive(t: Token, air: bool) -> bool:
    return any(c.lower_ in ("himself", "herself", "themselves") for c in t.children)


_S = {
    "chem": "Chemical weapon", "suicide": "Suicide bomb", "ied": "Remote explosive/landmine/IED",
    "grenade": "Grenade", "air": "Air/drone strike", "shell": "Shelling/artillery/missile attack",
    "force": "Excessive force against protesters", "interv": "Protest with intervention",
    "riot": "Violent demonstration", "mob": "Mob violence", "protest": "Peaceful protest",
    "sexual": "Sexual violence", "abduct": "Abduction/forced disappearance", "regain": "Government regains territory",
    "overtake": "Non-state actor overtakes territory", "clash": "Armed clash", "attack": "Attack",
    "arrest": "Arrests", "loot": "Looting/property destruction", "disrupt": "Disrupted weapons use",
    "base": "Headquarters or base established", "agree": "Agreement", "transfer": "Non-violent transfer of territory",
    "change": "Change to group/activity",
}

#: The ordered trigger table (the README's trigger table is made from it; tests/test_triggers.py checks each rule).
RULES: tuple[Rule, ...] = (
    _rule("chemical-agent", _S["chem"], "sarin chlorine mustard", "NOUN", example="a sarin attack on Khan Sheikhoun"),
    _rule("chemical-attack", _S["chem"], "attack weapon strike gas", "NOUN",
          _with("chemical", "toxic", "poison", "nerve"), example="a chemical attack killed dozens"),
    _rule("suicide-bombing", _S["suicide"], "bomber bombing bomb attack attacker vest blast explosion", "NOUN",
          _with("suicide"), example="a suicide bomber blew himself up at the checkpoint"),
    _rule("blew-himself-up", _S["suicide"], "blow", "VERB", _reflexive, example="he blew himself up"),
    _rule("air-strike", _S["air"], "airstrike air-strike airstrikes airraid", "NOUN",
          example="an airstrike hit a market"),
    _rule("air-raid", _S["air"], "strike raid attack bombardment bombing", "NOUN",
          _with("air", "aerial", "drone", "airforce", "coalition"), example="Russian air raids on Idlib"),
    _rule("aircraft-attacking", _S["air"], "warplane aircraft jet plane helicopter gunship drone bomber", "NOUN",
          _aircraft_attacking, example="warplanes pounded eastern Aleppo"),
    _rule("barrel-bomb", _S["air"], "bomb", "NOUN", _with("barrel", "cluster", "incendiary", "bunker"),
          example="barrel bombs fell on Daraya"),
    _rule("bombing-from-the-air", _S["air"], "bomb bombing bombardment bombard", "NOUN VERB", _air_bomb,
          example="the bombing of Aleppo by Syrian and Russian jets"),
    _rule("explosive-device", _S["ied"], "bomb bombing", "NOUN VERB", _ground_bomb,
          example="a bomb exploded outside the church"),
    _rule("explosion", _S["ied"], "explosion blast explode detonate detonation dynamite ied landmine booby-trap",
          "NOUN VERB", _weapon_used, example="the explosion ripped through the cathedral"),
    _rule("explosive-charge", _S["ied"], "device charge mine trap", "NOUN", _with("explosive", "dynamite", "land",
                                                                                  "booby", "improvised"),
          example="an improvised explosive device on the road to Kandahar"),
    _rule("blown-up", _S["ied"], "blow", "VERB", _with("up"), example="a beer truck was blown up"),
    _rule("grenade", _S["grenade"], "grenade", "NOUN", _weapon_used, example="a grenade thrown into the bar"),
    _rule("shelling", _S["shell"], "shell shelling artillery mortar rocket missile howitzer bombard", "NOUN VERB",
          _weapon_used, example="regime forces shelled the town"),
    _rule("fired-on-protesters", _S["force"], "fire open", "VERB", _fire_on_protesters,
          example="police opened fire on protesters"),
    _rule("shot-down", _S["disrupt"], "shoot", "VERB", _with("down"), example="rebels shot down a helicopter"),
    _rule("protesters-killed", _S["force"], "kill shoot", "VERB", _protester_victims,
          example="troops shot dead three demonstrators"),
    _rule("tear-gas", _S["interv"], "gas cannon", "NOUN", _with("tear", "water"),
          example="police fired tear gas at the crowd"),
    _rule("dispersed", _S["interv"], "disperse", "VERB", example="riot police dispersed the rally"),
    _rule("riot", _S["riot"], "riot rioter rioting", "NOUN VERB", example="riots broke out in Tottenham"),
    _rule("protesters-clashed", _S["riot"], "clash fight", "NOUN VERB", _protest_clash,
          example="protesters clashed with riot police"),
    _rule("turned-violent", _S["riot"], "turn", "VERB", _turned_violent, example="the demonstration turned violent"),
    _rule("mob", _S["mob"], "mob lynch lynching vigilante", "NOUN VERB", example="a mob lynched two men"),
    _rule("protest", _S["protest"], "protest protester protestor demonstrate demonstration demonstrator rally vigil "
          "sit-in picket striker", "NOUN VERB", example="thousands protested in Seoul"),
    _rule("march", _S["protest"], "march marcher", "NOUN VERB", _not_month, example="they marched on parliament"),
    _rule("rape", _S["sexual"], "rape", "NOUN VERB", example="soldiers raped women in the village"),
    _rule("abduction", _S["abduct"], "kidnap abduct abduction kidnapping hostage", "NOUN VERB",
          example="50 peasants were kidnapped by the FMLN"),
    _rule("regained", _S["regain"], "recapture retake regain liberate", "VERB", _place_taken,
          example="the army recaptured Palmyra"),
    _rule("overran", _S["overtake"], "overrun capture seize", "VERB", _place_taken,
          example="Islamic State fighters seized the town"),
    _rule("clash", _S["clash"], "clash fighting battle skirmish firefight gunfight gunbattle shootout combat "
          "offensive ambush", "NOUN VERB", example="clashes in Usulutan and Morazan departments"),
    _rule("fought", _S["clash"], "fight", "VERB", example="rebels fought troops near the border"),
    _rule("combatants-killed", _S["clash"], "kill shoot", "VERB", _combatant_victims, generic=True,
          example="three soldiers were killed in an ambush"),
    _rule("fired-on-forces", _S["clash"], "fire open", "VERB", _fire_on_forces, generic=True,
          example="a gunman opened fire on police on the Champs-Elysees"),
    _rule("attack-on-forces", _S["clash"], "attack assault raid", "NOUN VERB", _attack_on_combatants,
          example="guerrillas attacked an army post"),
    _rule("assassination", _S["attack"], "assassinate assassination murder massacre slay behead execute stab "
          "execution stabbing beheading lynch", "NOUN VERB", _any_victims,
          example="the assassination of six Jesuit priests"),
    _rule("gunned-down", _S["attack"], "gun", "VERB", _with("down"), example="gunmen gunned down a judge"),
    _rule("shot", _S["attack"], "shoot", "VERB", _civilian_victims, example="two reporters were shot by soldiers"),
    _rule("fired-on", _S["attack"], "fire open", "VERB", _fire_on_people, generic=True,
          example="a soldier fired at the vehicle"),
    _rule("killed", _S["attack"], "kill killing", "VERB NOUN", _any_victims, generic=True,
          example="gunmen killed 12 villagers"),
    _rule("attack", _S["attack"], "attack assault", "NOUN VERB", _attack_on_others, generic=True,
          example="a terrorist attack against former minister Lopez Albujar"),
    _rule("arrest", _S["arrest"], "arrest detain", "NOUN VERB", _political_arrest,
          example="police arrested 12 suspects in the bombing"),
    _rule("captured-people", _S["arrest"], "capture", "VERB", _person_taken, example="troops captured two guerrillas"),
    _rule("looting", _S["loot"], "loot looting ransack torch arson sabotage vandalize vandalise", "NOUN VERB",
          example="gas stations were sabotaged"),
    _rule("burned", _S["loot"], "burn demolish raze", "VERB", _property_hit, example="they burned 20 houses"),
    _rule("set-fire", _S["loot"], "set", "VERB", _set_fire, example="rebels set fire to a bus"),
    _rule("weapons-seized", _S["disrupt"], "seize confiscate find discover", "VERB", _weapons_taken,
          example="troops seized 20 rifles and dynamite"),
    _rule("defused", _S["disrupt"], "defuse deactivate dismantle intercept foil", "VERB", _weapons_stopped,
          example="police defused a bomb"),
    _rule("base-established", _S["base"], "establish", "VERB",
          lambda t, air: _kinds(_args(t, ("dobj",)), frozenset({"base", "headquarters", "outpost", "camp"})),
          example="the group established a base in the hills"),
    _rule("agreement", _S["agree"], "agreement deal accord truce ceasefire cease-fire armistice", "NOUN",
          lambda t, air: _lemma(t.head) in ("sign", "reach", "agree", "strike", "broker", "conclude", "announce"),
          example="the two sides signed a ceasefire"),
    _rule("talks-suspended", _S["agree"], "suspend", "VERB",
          lambda t, air: _kinds(objects(t), frozenset({
              "talk", "participation", "negotiation", "cooperation", "dialogue", "agreement", "deal", "truce"})),
          example="the United States formally suspended talks with Russia"),
    _rule("withdrew", _S["transfer"], "withdraw", "VERB",
          lambda t, air: any(c.lower_ == "from" for c in t.children), example="the army withdrew from the city"),
    _rule("allegiance", _S["change"], "pledge", "VERB",
          lambda t, air: any(_lemma(c) == "allegiance" for c in t.children),
          example="the group pledged allegiance to Islamic State"),
    _rule("weak-attack", _S["attack"], "attack hit strike target destroy damage wound injure", "NOUN VERB",
          strong=False, example="the attack targeted a church"),
)


def forms_of(lemma: str) -> set[str]:
    """The beginnings of the words a lemma is written as, for the quick pre-test: ``kidnap``, ``shell``..."""
    stem = lemma[:-1] if len(lemma) > 4 and lemma[-1] in "ey" else lemma
    return {stem, *IRREGULAR.get(lemma, ())}


@cache
def any_trigger() -> re.Pattern[str]:
    """One search that tells whether a sentence (lower case) may hold a trigger and so needs a parse."""
    forms = sorted({f for r in RULES for lemma in r.lemmas for f in forms_of(lemma)}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + ")")


@cache
def _by_lemma() -> dict[str, tuple[tuple[int, Rule], ...]]:
    table: dict[str, list[tuple[int, Rule]]] = {}
    for rank, rule in enumerate(RULES):
        for lemma in rule.lemmas:
            table.setdefault(lemma, []).append((rank, rule))
    return {k: tuple(v) for k, v in table.items()}


def _readings(word: str) -> list[str]:
    """The word and its stems, for where the small model's lemma is off (``raped`` -> ``rap``)."""
    out = [word]
    for suffix in ("d", "s", "ed", "es", "ing"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[:-len(suffix)])
    return out


def find_triggers(tokens: Iterable[Token], *, air: bool) -> list[Hit]:
    """Every token that a rule takes, with the first rule that takes it (``air``: the document speaks of
    aircraft)."""
    table = _by_lemma()
    hits = []
    for t in tokens:
        lemma = _lemma(t)
        if lemma == "sit" and t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "-" and t.doc[t.i + 2].lower_ == "in":
            lemma = "sit-in"  # spaCy splits "sit-in" in three
        if lemma not in table:
            lemma = next((w for w in _readings(t.lower_) if w in table), "")
            if not lemma:
                continue
        for rank, rule in table[lemma]:
            if t.pos_ in rule.pos and (rule.test is None or rule.test(t, air)):
                hits.append(Hit(rank, rule, t))
                break
    return hits
