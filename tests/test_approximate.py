"""Names the gazetteer lacks, put at the document's focal place (status approximate) and never taken for more."""
from __future__ import annotations

import re

from gazetteer import Gazetteer, Place
from geo import Mention, parse_places, resolve_spans
from geo.events import extract
from geo.places.approximate import approximate_unknown, focal_place, is_local, without_guesses
from maps.data import prepare

MANASSAS = ("The tournament at Stonewall Golf Club drew players from across Manassas. Manassas police closed "
            "the road, and the Manassas city council thanked the club.")


def spans_of(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_an_unlisted_club_is_put_at_the_town_the_article_is_about(gaz: Gazetteer) -> None:
    club, town = resolve_spans(MANASSAS, spans_of(MANASSAS, "Stonewall Golf Club", "Manassas"), gazetteer=gaz)
    assert town is not None and town.place is not None and town.status == "resolved"
    assert club is not None and club.status == "approximate" and club.text == "Stonewall Golf Club"
    assert club.place is not None and (club.place.lat, club.place.lon) == (town.place.lat, town.place.lon)
    assert club.place.source == "focus" and club.place.id == "" and club.score == 0.0
    assert club.reasons[-1] == "placed at the document's focal place, Manassas (named 1 time)"


def test_seas_regions_and_peoples_are_never_put_at_a_town(gaz: Gazetteer) -> None:
    text = "Sailors from Manassas crossed the South Pacific; Siberian winds reached Manassas."
    answers = resolve_spans(text, spans_of(text, "South Pacific", "Siberian", "Manassas"), gazetteer=gaz)
    assert answers[0] is None and answers[1] is None and answers[2] is not None
    assert not is_local("Eastern Mediterranean") and is_local("Greer Station")


def test_no_focal_place_no_guess(gaz: Gazetteer) -> None:
    # a country is no focal place: the name stays without an answer
    text = "Officials in Syria said Qwxzyville was quiet."
    assert resolve_spans(text, spans_of(text, "Syria", "Qwxzyville"), gazetteer=gaz)[1] is None


def test_the_parse_puts_unknown_towns_at_the_focus_and_events_do_not(gaz: Gazetteer) -> None:
    text = ("ALEPPO, Syria (AP) - Air strikes on Aleppo killed 12 people on Monday. Rebels said government "
            "forces shelled the town of Qwxzya, killing three civilians there.")
    guess = next(m for m in parse_places(text, gazetteer=gaz) if m.text == "Qwxzya")
    assert guess.status == "approximate" and guess.place is not None and guess.place.name == "Aleppo"
    assert "the town of Qwxzya" in guess.reasons[0]  # the unknown name's cue is kept before the guess
    exact = next(m for m in parse_places(text, gazetteer=gaz, approximate=False) if m.text == "Qwxzya")
    assert exact.status == "unknown" and exact.place is None
    assert without_guesses([guess]) == [exact]
    # events are placed as if there were no guesses: an event in Qwxzya is not drawn at Aleppo on its word
    def events(approximate: bool) -> list[tuple[object, ...]]:
        mentions = parse_places(text, gazetteer=gaz, approximate=approximate)
        return [(e.location, e.lat, e.lon, e.geo_precision, e.fatalities)
                for e in extract(text, published="2016-10-03", gazetteer=gaz, mentions=mentions).events]
    assert events(True) == events(False) != []


def test_guesses_are_no_markers_of_their_own() -> None:
    town = Place("1", "Greer", 34.94, -82.23, "P", "PPL", "US", "South Carolina")
    mentions = approximate_unknown([Mention("Greer", 0, 5, town, 0.9),
                                    Mention("Greer Station", 10, 23, None, status="unknown")])
    assert [m.status for m in mentions] == ["resolved", "approximate"]
    assert prepare([], mentions).places == [("Greer", 34.94, -82.23, 1)]


def test_focus_weighs_scores_not_counts() -> None:
    def m(name: str, score: float) -> Mention:
        return Mention(name, 0, 1, Place(name, name, 0.0, 0.0, "P", "PPL", "US", "Virginia"), score)
    focal = focal_place([m("Bristow", 0.2), m("Bristow", 0.2), m("Manassas", 0.9)])
    assert focal is not None and (focal[0].name, focal[1]) == ("Manassas", 1)


def test_the_focus_lies_in_the_documents_main_country() -> None:
    def m(name: str, code: str, cc: str, score: float) -> Mention:
        return Mention(name, 0, 1, Place(name, name, 0.0, 0.0, "P", code, cc, ""), score)
    # a Cairo story that names Salah's Liverpool more often than Cairo: Egypt is where most answers lie
    answers = [m("Liverpool", "PPLA2", "GB", 0.9)] * 4 + [m("Cairo", "PPLC", "EG", 0.9)]
    answers += [m("Egypt", "PCLI", "EG", 1.0)] * 3 + [m("Nile Delta", "RGN", "EG", 0.8)]
    focal = focal_place(answers)
    assert focal is not None and focal[0].name == "Cairo"
    # with no town of its own in the main country, the focus is the town named most wherever it is
    only = focal_place(answers[:4] + answers[5:])
    assert only is not None and only[0].name == "Liverpool"


def test_a_town_named_right_after_holds_the_name(gaz: Gazetteer) -> None:
    text = ("Manassas voters met. The tournament at Stonewall Golf Club in Haymarket drew players from Manassas; "
            "Manassas police came. Qwxzyville, Syria, was quiet.")
    spans = spans_of(text, "Manassas", "Stonewall Golf Club", "Haymarket", "Qwxzyville", "Syria")
    spans += [(m.start(), m.end()) for m in re.finditer("Manassas", text)][1:]
    _, club, _, village, *_ = resolve_spans(text, spans, gazetteer=gaz)
    assert club is not None and club.place is not None and club.place.name == "Haymarket"
    assert club.reasons[-1] == "placed at Haymarket, named right after it"
    # a country named right after is no place to put a village at: the focal place instead
    assert village is not None and village.place is not None and village.place.name == "Manassas"
