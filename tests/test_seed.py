"""End to end on the seed article: every gold place found and resolved, nothing from not_places returned."""
from __future__ import annotations

from gazetteer import Gazetteer, distance_km
from geo import parse_places


def _check(mentions, gold, skip=("Dabiq",)):  # type: ignore[no-untyped-def]
    by_span = {(m.start, m.end): m for m in mentions}
    missing, wrong = [], []
    for g in gold["places"]:
        if g["text"] in skip:
            continue
        m = by_span.get((g["start"], g["end"]))
        if m is None or m.place is None:
            missing.append(g["text"] + f"@{g['start']}")
            continue
        if g["max_km"] is None:
            if m.place.country_code != g["country_code"]:
                wrong.append((g["text"], m.place.country_code))
        elif distance_km(g["lat"], g["lon"], m.place.lat, m.place.lon) > g["max_km"]:
            wrong.append((g["text"], m.place.name, m.place.country_code))
    return missing, wrong


def test_seed_places_found_and_resolved(gaz: Gazetteer, seed_text: str, seed_gold: dict) -> None:  # type: ignore[type-arg]
    mentions = parse_places(seed_text, gazetteer=gaz)
    missing, wrong = _check(mentions, seed_gold)
    assert missing == []
    assert wrong == []


def test_seed_not_places_are_not_returned(gaz: Gazetteer, seed_text: str, seed_gold: dict) -> None:  # type: ignore[type-arg]
    mentions = parse_places(seed_text, gazetteer=gaz)
    returned = [(m.start, m.end) for m in mentions]
    bad = [n for n in seed_gold["not_places"]
           if any(s < n["end"] and n["start"] < e for s, e in returned)]
    assert bad == []


def test_dabiq_unknown_until_added(gaz: Gazetteer, seed_text: str, seed_gold: dict) -> None:  # type: ignore[type-arg]
    before = [m for m in parse_places(seed_text, gazetteer=gaz, approximate=False) if m.text == "Dabiq"]
    assert [(m.status, m.place, m.start) for m in before] == [
        ("unknown", None, g["start"]) for g in seed_gold["places"] if g["text"] == "Dabiq"]
    assert "the town of Dabiq" in before[0].reasons[0]
    # by default the unknown town is put at the article's focal place, Aleppo, some 40 km from Dabiq
    guessed = [m for m in parse_places(seed_text, gazetteer=gaz) if m.text == "Dabiq"]
    assert [(m.status, m.start) for m in guessed] == [("approximate", m.start) for m in before]
    assert all(m.place is not None and m.place.name == "Aleppo" for m in guessed)
    assert all(distance_km(36.537, 37.271, m.place.lat, m.place.lon) < 50 for m in guessed if m.place)
    gaz.add("Dabiq", lat=36.537, lon=37.271, country="SY", admin1="Aleppo", aliases=["Dabik", "دابق"])
    mentions = parse_places(seed_text, gazetteer=gaz)
    dabiq = [g for g in seed_gold["places"] if g["text"] == "Dabiq"]
    found = {(m.start, m.end): m for m in mentions}
    for g in dabiq:
        m = found[(g["start"], g["end"])]
        assert m.place is not None and m.place.source == "custom"
        assert distance_km(g["lat"], g["lon"], m.place.lat, m.place.lon) <= 10
    missing, wrong = _check(mentions, seed_gold, skip=())
    assert (missing, wrong) == ([], [])
    assert not [m for m in mentions if m.status in ("unknown", "approximate")]  # known now
