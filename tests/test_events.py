"""Event extraction against hand-made gold: the seed and eight articles of other regions and event kinds."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from gazetteer import Gazetteer, distance_km
from geo import Event, extract_events

from .conftest import SEEDS

DATA = Path(__file__).parent / "data" / "events"
ARTICLES = [SEEDS / "000_ae893d0930690a7d.txt", *sorted(DATA.glob("*.txt"))]
_TOLERANCE_DAYS = {1: 0, 2: 7, 3: 31}


def gold_of(article: Path) -> dict[str, Any]:
    return json.loads(article.with_suffix(".events.json").read_text(encoding="utf-8"))


def matches(event: Event, gold: dict[str, Any], *, fatalities: bool = True) -> bool:
    """Right type, date (exact at time precision 1, a week at 2, a month at 3), place, fatalities."""
    if event.event_type != gold["event_type"] or event.date is None:
        return False
    days = abs((dt.date.fromisoformat(event.date) - dt.date.fromisoformat(gold["date"])).days)
    if days > _TOLERANCE_DAYS[gold["time_precision"]]:
        return False
    if gold.get("lat") is None:
        if event.country_code != gold.get("country_code", event.country_code):
            return False
    elif event.lat is None or distance_km(event.lat, event.lon, gold["lat"], gold["lon"]) > 50:  # type: ignore[arg-type]
        return False
    return not fatalities or event.fatalities == gold["fatalities"]


def _extract(gaz: Gazetteer, article: Path, **kw: Any) -> list[Event]:
    gold = gold_of(article)
    for entry in gold.get("custom_entries", []):
        gaz.add(entry["name"], lat=entry["lat"], lon=entry["lon"], country=entry["country"],
                admin1=entry.get("admin1", ""), kind=entry.get("kind", "town"), aliases=entry.get("aliases", ()))
    return extract_events(article.read_text(encoding="utf-8"), gazetteer=gaz, source=article.name, **kw)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_required_events_are_found(gaz: Gazetteer, article: Path) -> None:
    gold = gold_of(article)
    events = _extract(gaz, article)
    for g in gold["events"]:
        if g["required"]:
            assert any(matches(e, g) for e in events), (g, [e.to_dict() for e in events])
    countries = {g.get("country_code") for g in gold["events"]} | {
        e.country_code for e in events if any(matches(e, g, fatalities=False) for g in gold["events"])}
    allowed = {c for c in countries if c}
    assert {e.country_code for e in events} <= allowed  # nothing in a wrong country
    assert all(not e.background for e in events)
    assert all(e.sub_event_type and e.evidence and e.source == article.name for e in events)
    for e in events:  # evidence offsets point into the text
        text = article.read_text(encoding="utf-8")
        assert all(text[x.start:x.end] == x.text for x in e.evidence)


def test_seed_event_details(gaz: Gazetteer) -> None:
    events = _extract(gaz, ARTICLES[0])
    rai = next(e for e in events if e.event_type == "Battles")
    assert rai.geo_precision == 2 and rai.fatalities == 15 and len(rai.fatality_reports) >= 2  # 15 and 21 kept
    assert "Turkey-backed Syrian rebels" in rai.actors
    idlib = next(e for e in events if e.location == "Idlib")
    assert idlib.geo_precision == 3 and idlib.country_code == "SY"
    aleppo = [e for e in events if e.fatalities == 387]
    assert aleppo and aleppo[0].time_precision == 3  # "since the truce broke down"
    people = {"Kirby", "Kerry", "Lavrov", "Cook", "Lee", "Mabrouk", "Sahloul", "Churkin", "Zakharova"}
    assert not {e.location for e in events} & people


@pytest.mark.parametrize("article", [a for a in ARTICLES if any(g.get("background") for g in gold_of(a)["events"])],
                         ids=lambda p: p.stem)
def test_background_only_on_request(gaz: Gazetteer, article: Path) -> None:
    published = dt.date.fromisoformat(gold_of(article)["published"])
    default = _extract(gaz, article)
    assert all(dt.date.fromisoformat(e.date) >= published - dt.timedelta(days=30) for e in default if e.date)
    every = extract_events(article.read_text(encoding="utf-8"), gazetteer=gaz, include_background=True)
    history = [e for e in every if e.background]
    assert history and len(every) == len(default) + len(history)
    for g in gold_of(article)["events"]:
        if g.get("background"):
            assert any(matches(e, g, fatalities=False) for e in history), (g, [e.to_dict() for e in history])


def test_published_anchors_relative_dates(gaz: Gazetteer) -> None:
    text = "Shelling killed four civilians in Aleppo on Monday."
    events = extract_events(text, gazetteer=gaz, published="2016-10-04")
    assert [(e.date, e.time_precision, e.fatalities, e.location) for e in events] == [
        ("2016-10-03", 1, 4, "Aleppo")]


def test_event_with_no_place_keeps_the_country(gaz: Gazetteer) -> None:
    text = ("Fighting raged across Syria last week. Separately, an airstrike killed a commander of the group on "
            "Monday, the group said.")
    events = extract_events(text, gazetteer=gaz, published="2016-10-04")
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.country_code == "SY" and strike.geo_precision == 3 and strike.lat is not None
    assert strike.date == "2016-10-03"


def test_repeated_reports_merge_and_keep_the_lowest_figure(gaz: Gazetteer) -> None:
    text = ("An airstrike on a market in Idlib on Monday killed at least 12 people, activists said. "
            "The Syrian Civil Defence put the death toll at 15.\n\n"
            "Separately, residents said an airstrike hit the same market in Idlib on Monday.")
    events = extract_events(text, gazetteer=gaz, published="2016-10-04")
    assert len(events) == 1
    assert events[0].fatalities == 12 and len(events[0].fatality_reports) == 2 and len(events[0].evidence) == 3


def test_hypothetical_and_negated_events_are_not_events(gaz: Gazetteer) -> None:
    text = ("Officials warned that an offensive on Idlib would be a catastrophe. The army did not shell the town "
            "on Monday. Rebels threatened to attack Hama.")
    assert extract_events(text, gazetteer=gaz, published="2016-10-04") == []


def test_no_date_line_leaves_relative_dates_undated(gaz: Gazetteer) -> None:
    """Today is no publication date: with nothing to count back from, "on Monday" gives no date (t3)."""
    events = extract_events("Protesters marched in Kisumu on Monday.", gazetteer=gaz)
    assert events and events[0].date is None and events[0].time_precision == 3


def test_frame_is_a_geodataframe_in_wgs84(gaz: Gazetteer) -> None:
    from geo import events_frame

    frame = events_frame(_extract(gaz, ARTICLES[0]))
    assert frame.crs.to_epsg() == 4326 and len(frame) >= 5
    row = frame[frame["location"] == "Washington"].iloc[0]
    assert row.geometry.x == pytest.approx(-77.03637, abs=0.01) and row.geometry.y == pytest.approx(38.895, abs=0.01)
