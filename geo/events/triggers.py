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
from functools import cache, lru_cache
from typing import Any, NamedTuple

from ..taxonomy import check_sub_event_type
from .parse import lemma_candidates
from .tree import (
    air_bomb,
    aircraft_attacking,
    any_victims,
    arguments,
    attack_on_combatants,
    attack_on_others,
    attack_on_property,
    civilian_victims,
    combatant_victims,
    fire_on_forces,
    fire_on_people,
    fire_on_protesters,
    ground_bomb,
    head_in,
    lemma_of,
    mob_attack,
    not_month,
    objects,
    of_kind,
    person_taken,
    place_taken,
    political_arrest,
    property_hit,
    protest_clash,
    protester_victims,
    reflexive,
    set_fire,
    street_protest,
    turned_violent,
    under_fire_forces,
    under_fire_others,
    weapon_used,
    weapons_stopped,
    weapons_taken,
    with_mods,
)
from .vocab import IRREGULAR, WEAPONS

__all__ = ["RULES", "Hit", "Rule", "any_trigger", "find_triggers", "forms_of", "may_trigger"]

Token = Any  # a spaCy Token; spaCy is imported only when the first sentence is parsed



class Rule(NamedTuple):
    name: str
    sub_event_type: str
    lemmas: frozenset[str]
    pos: frozenset[str]
    test: Callable[[Token, bool], bool] | None
    strong: bool
    generic: bool
    example: str
    needs: frozenset[str] | None = None  # lemmas one of which the sentence must hold for the rule to fire


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
          *, strong: bool = True, generic: bool = False, example: str, needs: Iterable[str] | None = None) -> Rule:
    """A rule of the table; ``needs``: lemmas without one of which in the sentence ``test`` cannot pass (given by
    ``with_mods`` and ``head_in`` tests themselves), so the sentence need not be parsed for it."""
    check_sub_event_type(sub)
    need = frozenset(needs) if needs is not None else getattr(test, "needs", None)
    return Rule(name, sub, frozenset(lemmas.split()), frozenset(pos.split()), test, strong, generic, example, need)


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

_BASES = frozenset({"base", "headquarters", "outpost", "camp"})
_TALKS = frozenset({"talk", "participation", "negotiation", "cooperation", "dialogue", "agreement", "deal", "truce"})

#: The ordered trigger table (the README's trigger table is made from it; tests/test_triggers.py checks each rule).
RULES: tuple[Rule, ...] = (
    _rule("chemical-agent", _S["chem"], "sarin chlorine mustard", "NOUN", example="a sarin attack on Khan Sheikhoun"),
    _rule("chemical-attack", _S["chem"], "attack weapon strike gas", "NOUN",
          with_mods("chemical", "toxic", "poison", "nerve"), example="a chemical attack killed dozens"),
    _rule("suicide-bombing", _S["suicide"], "bomber bombing bomb attack attacker vest blast explosion", "NOUN",
          with_mods("suicide"), example="a suicide bomber blew himself up at the checkpoint"),
    _rule("blew-himself-up", _S["suicide"], "blow", "VERB", reflexive, example="he blew himself up"),
    _rule("air-strike", _S["air"], "airstrike air-strike airstrikes airraid", "NOUN",
          example="an airstrike hit a market"),
    _rule("air-raid", _S["air"], "strike raid attack bombardment bombing", "NOUN",
          with_mods("air", "aerial", "drone", "airforce", "coalition"), example="Russian air raids on Idlib"),
    _rule("aircraft-attacking", _S["air"], "warplane aircraft jet plane helicopter gunship drone bomber", "NOUN",
          aircraft_attacking, example="warplanes pounded eastern Aleppo"),
    _rule("barrel-bomb", _S["air"], "bomb", "NOUN", with_mods("barrel", "cluster", "incendiary", "bunker"),
          example="barrel bombs fell on Daraya"),
    _rule("bombing-from-the-air", _S["air"], "bomb bombing bombardment bombard", "NOUN VERB", air_bomb,
          example="the bombing of Aleppo by Syrian and Russian jets"),
    _rule("explosive-device", _S["ied"], "bomb bombing", "NOUN VERB", ground_bomb,
          example="a bomb exploded outside the church"),
    _rule("explosion", _S["ied"], "explosion blast explode detonate detonation dynamite ied landmine booby-trap",
          "NOUN VERB", weapon_used, example="the explosion ripped through the cathedral"),
    _rule("explosive-charge", _S["ied"], "device charge mine trap", "NOUN", with_mods("explosive", "dynamite", "land",
                                                                                  "booby", "improvised"),
          example="an improvised explosive device on the road to Kandahar"),
    _rule("blown-up", _S["ied"], "blow", "VERB", with_mods("up"), example="a beer truck was blown up"),
    _rule("grenade", _S["grenade"], "grenade", "NOUN", weapon_used, example="a grenade thrown into the bar"),
    _rule("shelling", _S["shell"], "shell shelling artillery mortar rocket missile howitzer bombard", "NOUN VERB",
          weapon_used, example="regime forces shelled the town"),
    _rule("fired-on-protesters", _S["force"], "fire open", "VERB", fire_on_protesters,
          example="police opened fire on protesters"),
    _rule("shot-down", _S["disrupt"], "shoot", "VERB", with_mods("down"), example="rebels shot down a helicopter"),
    _rule("protesters-killed", _S["force"], "kill shoot", "VERB", protester_victims,
          example="troops shot dead three demonstrators"),
    _rule("tear-gas", _S["interv"], "gas cannon", "NOUN", with_mods("tear", "water"),
          example="police fired tear gas at the crowd"),
    _rule("dispersed", _S["interv"], "disperse", "VERB", example="riot police dispersed the rally"),
    _rule("riot", _S["riot"], "riot rioter rioting", "NOUN VERB", example="riots broke out in Tottenham"),
    _rule("protesters-clashed", _S["riot"], "clash fight", "NOUN VERB", protest_clash,
          example="protesters clashed with riot police"),
    _rule("turned-violent", _S["riot"], "turn", "VERB", turned_violent, example="the demonstration turned violent"),
    _rule("mob", _S["mob"], "mob lynch lynching vigilante", "NOUN VERB", example="a mob lynched two men"),
    _rule("mob-attack", _S["mob"], "attack assault stone torch loot ransack", "VERB", mob_attack,
          example="vehicles were attacked and damaged by local residents"),
    _rule("protest", _S["protest"], "protest protester protestor demonstrate demonstration demonstrator rally vigil "
          "sit-in picket striker", "NOUN VERB", street_protest, example="thousands protested in Seoul"),
    _rule("march", _S["protest"], "march marcher", "NOUN VERB", not_month, example="they marched on parliament"),
    _rule("rape", _S["sexual"], "rape", "NOUN VERB", example="soldiers raped women in the village"),
    _rule("abduction", _S["abduct"], "kidnap abduct abduction kidnapping hostage", "NOUN VERB",
          example="50 peasants were kidnapped by the FMLN"),
    _rule("regained", _S["regain"], "recapture retake regain liberate", "VERB", place_taken,
          example="the army recaptured Palmyra"),
    _rule("overran", _S["overtake"], "overrun capture seize", "VERB", place_taken,
          example="Islamic State fighters seized the town"),
    _rule("clash", _S["clash"], "clash fighting battle skirmish firefight gunfight gunbattle shootout combat "
          "offensive ambush", "NOUN VERB", example="clashes in Usulutan and Morazan departments"),
    _rule("fought", _S["clash"], "fight", "VERB", example="rebels fought troops near the border"),
    _rule("combatants-killed", _S["clash"], "kill shoot", "VERB", combatant_victims, generic=True,
          example="three soldiers were killed in an ambush"),
    _rule("fired-on-forces", _S["clash"], "fire open", "VERB", fire_on_forces, generic=True,
          example="a gunman opened fire on police on the Champs-Elysees"),
    _rule("forces-under-fire", _S["clash"], "fire attack", "NOUN", under_fire_forces,
          example="the officers responding to the call came under fire from inside the house"),
    _rule("under-fire", _S["attack"], "fire attack", "NOUN", under_fire_others,
          example="a bus carrying pilgrims came under attack near the border"),
    _rule("attack-on-forces", _S["clash"], "attack assault raid", "NOUN VERB", attack_on_combatants,
          example="guerrillas attacked an army post"),
    _rule("attack-on-property", _S["loot"], "attack assault", "NOUN VERB", attack_on_property,
          example="guerrillas attacked the electrical system"),
    _rule("assassination", _S["attack"], "assassinate assassination murder massacre slay behead execute stab "
          "execution stabbing beheading lynch", "NOUN VERB", any_victims,
          example="the assassination of six Jesuit priests"),
    _rule("gunned-down", _S["attack"], "gun", "VERB", with_mods("down"), example="gunmen gunned down a judge"),
    _rule("shot", _S["attack"], "shoot", "VERB", civilian_victims, example="two reporters were shot by soldiers"),
    _rule("fired-on", _S["attack"], "fire open", "VERB", fire_on_people, generic=True,
          example="a soldier fired at the vehicle"),
    _rule("killed", _S["attack"], "kill killing", "VERB NOUN", any_victims, generic=True,
          example="gunmen killed 12 villagers"),
    _rule("attack", _S["attack"], "attack assault", "NOUN VERB", attack_on_others, generic=True,
          example="a terrorist attack against former minister Lopez Albujar"),
    _rule("arrest", _S["arrest"], "arrest detain", "NOUN VERB", political_arrest,
          example="police arrested 12 suspects in the bombing"),
    _rule("captured-people", _S["arrest"], "capture", "VERB", person_taken, example="troops captured two guerrillas"),
    _rule("looting", _S["loot"], "loot looting ransack torch arson sabotage vandalize vandalise", "NOUN VERB",
          example="gas stations were sabotaged"),
    _rule("burned", _S["loot"], "burn demolish raze", "VERB", property_hit, example="they burned 20 houses"),
    _rule("set-fire", _S["loot"], "set", "VERB", set_fire, example="rebels set fire to a bus"),
    _rule("weapons-seized", _S["disrupt"], "seize confiscate find discover", "VERB", weapons_taken,
          example="troops seized 20 rifles and dynamite", needs=WEAPONS),
    _rule("defused", _S["disrupt"], "defuse deactivate dismantle intercept foil", "VERB", weapons_stopped,
          example="police defused a bomb"),
    _rule("base-established", _S["base"], "establish", "VERB",
          lambda t, air: of_kind(arguments(t, ("dobj",)), _BASES), example="the group established a base in the hills",
          needs=_BASES),
    _rule("agreement", _S["agree"], "agreement deal accord truce ceasefire cease-fire armistice", "NOUN",
          head_in("sign", "reach", "agree", "strike", "broker", "conclude", "announce"),
          example="the two sides signed a ceasefire"),
    _rule("talks-suspended", _S["agree"], "suspend", "VERB",
          lambda t, air: of_kind(objects(t), _TALKS), example="the United States formally suspended talks with Russia",
          needs=_TALKS),
    _rule("withdrew", _S["transfer"], "withdraw", "VERB",
          lambda t, air: any(c.lower_ == "from" for c in t.children), example="the army withdrew from the city",
          needs=("from",)),
    _rule("allegiance", _S["change"], "pledge", "VERB",
          lambda t, air: any(lemma_of(c) == "allegiance" for c in t.children),
          example="the group pledged allegiance to Islamic State", needs=("allegiance",)),
    _rule("weak-attack", _S["attack"], "attack hit strike target destroy damage wound injure", "NOUN VERB",
          strong=False, example="the attack targeted a church"),
)


def forms_of(lemma: str) -> set[str]:
    """The beginnings of the words a lemma is written as, for the quick pre-test: ``kidnap``, ``shell``..."""
    stem = lemma[:-1] if len(lemma) > 4 and lemma[-1] in "ey" else lemma
    return {stem, *IRREGULAR.get(lemma, ())}


#: Lemmas too common to send a sentence to the parser on their own: a rule on them needs its phrase (``opened
#: fire``, ``set fire``, ``turned violent``) or another trigger word in the sentence.
#: (Common lemmas whose rules all need other words, ``found`` weapons, ``tear`` gas, are pre-tested with those
#: words instead: see ``needs``.)
_COMMON = frozenset({"open", "set", "turn", "fire", "capture", "seize", "post", "plane", "jet", "blow", "gun",
                     "fight", "march", "burn", "execute", "shoot", "strike", "raid"})
_PHRASES = (r"open\w* fire", r"fir(?:e|ed|es|ing)(?: \w+ly)? (?:on|at|into|upon)", r"set\w* (?:\w+ )?(?:on )?fire",
            r"on fire", r"turn\w* violent", r"shot\b", r"shoot", r"gun(?:ned|s)? down", r"blew|blown|blow\w* up",
            r"seiz\w+|captur\w+", r"suspend\w* (?:the |its )?(?:talks|participation|negotiations|cooperation)",
            r"withdr\w+ from", r"pledg\w+ allegiance", r"establish\w* (?:a |an )?(?:base|headquarters|outpost)",
            r"explosive (?:device|charge)|booby[- ]?trap|land ?mine|tear gas|water cannon", r"march(?:ed|es|ing)?\b",
            r"air ?(?:strike|raid)|drone strike|warplanes?|jets?\b|helicopter|fight\w*|fought|burn\w*|execut\w*",
            r"strikes?\b|raids?\b", r"c[ao]m\w* under (?:heavy |sustained )?(?:fire|attack)")


@cache
def any_trigger(*, weak: bool = True) -> re.Pattern[str]:
    """One search that tells whether a sentence (lower case) may hold a trigger and so needs a parse; without
    ``weak``, only the triggers that open an event (the weak ones matter only while one is open)."""
    forms = sorted({f for r in RULES if r.strong or weak for lemma in r.lemmas if lemma not in _COMMON
                    for f in forms_of(lemma)}, key=len, reverse=True)
    if weak:
        forms += [f for r in RULES if not r.strong for lemma in r.lemmas for f in forms_of(lemma)]
    return re.compile(r"\b(?:" + "|".join([*(re.escape(f) for f in forms), *_PHRASES]) + ")")


#: A word, possibly hyphenated, from where a pre-test match begins.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=8192)  # asked twice of an article's sentences when a batch is warmed (geo.events.warm)
def may_trigger(sentence: str, *, weak: bool = True) -> bool:
    """Whether a sentence may hold a trigger and so needs a parse: a word of the pre-test (:func:`any_trigger`)
    that some rule could take as the noun or verb spaCy's lemmatizer could make of it, with the words that rule
    needs (``with_mods``: ``suicide`` bomber) in the sentence; a phrase of the table (``opened fire``) always.

    >>> may_trigger("Gunmen kidnapped two engineers."), may_trigger("According to the mayor, the deal is stable.")
    (True, False)
    >>> may_trigger("He will visit in March."), may_trigger("Thousands marched in Seoul.")
    (False, True)
    """
    sentence = " ".join(sentence.split())  # "explosive\ndevice" in wire copy is a phrase of the table
    low = sentence.lower()
    words: set[str] | None = None
    for m in any_trigger(weak=weak).finditer(low):
        found = _WORD.match(low, m.start())
        if " " in m.group() or found is None or "-" in found.group():
            return True  # a phrase of the table: "opened fire", "booby-trap", "cease-fire"
        word = found.group()
        if word == "march" and m.start() > 0 and sentence[m.start()] == "M":
            continue  # "in March": the month ("March" is spaCy's proper noun, which no rule takes)
        for rule in _word_rules(word):
            if not (rule.strong or weak):
                continue
            if rule.needs is None:
                return True
            if words is None:
                words = set(_WORD.findall(low))
            if any(rule.needs & (lemma_candidates(w) | {w.rstrip("s")}) for w in words):
                return True
    return False


@lru_cache(maxsize=65536)  # bounded: a long feed's vocabulary has no end
def _word_rules(word: str) -> tuple[Rule, ...]:
    """The rules that could take ``word`` as a noun or a verb (``according`` as a verb is ``accord``, which only
    the noun ``accord`` triggers: none)."""
    table, irregular = _by_lemma(), _irregular_lemmas()
    found: list[Rule] = []
    for pos in ("NOUN", "VERB"):
        # the stems find_triggers falls back on for a verb the small model lemmatizes wrong ("raped" -> "rap")
        stems = set(_readings(word)) | {irregular.get(word, word)} if pos == "VERB" else set()
        for lemma in lemma_candidates(word, pos) | stems:
            for _, rule in table.get(lemma, ()):
                if pos in rule.pos and rule not in found:
                    found.append(rule)
    return tuple(found)


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


#: Nouns a trigger noun may name the kind of, still telling an event (``a bomb attack``, ``the car bomb``).
_EVENT_HEADS = frozenset({"explosion", "blast", "attack", "raid", "strike", "campaign", "wave", "incident", "threat"})


def _modifier_only(t: Token, table: dict[str, Any]) -> bool:
    """A trigger noun that only says what kind of thing another noun is (``each combat site``, ``bomb experts``,
    ``attack helicopters``): no event, unless that noun tells one itself (``a bomb attack``)."""
    if t.pos_ != "NOUN" or t.dep_ != "compound" or t.head.i == t.i:
        return False
    head = lemma_of(t.head)
    return head not in table and head not in _EVENT_HEADS


@cache
def _irregular_lemmas() -> dict[str, str]:
    """``shot`` -> ``shoot``: the lemma of each irregular form of the vocabulary."""
    return {form: lemma for lemma, forms in IRREGULAR.items() for form in forms}


@lru_cache(maxsize=65536)
def _could_trigger(word: str) -> bool:
    """Whether any lemma spaCy could give ``word``, or a stem of it, is a trigger lemma (``sit`` of ``sit-in``)."""
    table = _by_lemma()
    return word == "sit" or any(lemma in table for lemma in (*lemma_candidates(word), *_readings(word)))


def find_triggers(tokens: Iterable[Token], *, air: bool) -> list[Hit]:
    """Every token that a rule takes, with the first rule that takes it (``air``: the document speaks of
    aircraft)."""
    table = _by_lemma()
    hits = []
    for t in tokens:
        if not _could_trigger(t.lower_):
            continue  # no lemma of it is in the table: its lemma need not be made
        lemma = lemma_of(t)
        if lemma == "sit" and t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "-" and t.doc[t.i + 2].lower_ == "in":
            lemma = "sit-in"  # spaCy splits "sit-in" in three
        if lemma not in table:
            lemma = next((w for w in _readings(t.lower_) if w in table), "")
            if not lemma:
                continue
        if lemma != "sit-in" and _modifier_only(t, table):
            continue
        for rank, rule in table[lemma]:
            if t.pos_ in rule.pos and (rule.test is None or rule.test(t, air)):
                hits.append(Hit(rank, rule, t))
                break
    return hits
