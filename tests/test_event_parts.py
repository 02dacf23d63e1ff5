"""The parts of event extraction: dates, numbers, the ACLED registry, sentences; and `geo events` as a user runs it."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from geo.cli import main
from geo.events.dates import dateline_date, find_times
from geo.events.numbers import casualty_figures, parse_number
from geo.events.sentences import figure_source, split_sentences
from geo.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES, UnknownEventTypeError, check_sub_event_type, event_type_of

from .conftest import SEED

TUESDAY = dt.date(2016, 10, 4)


def _dates(text: str) -> list[tuple[str | None, int]]:
    return [(t.date.isoformat() if t.date else None, t.precision) for t in find_times(text, TUESDAY)]


@pytest.mark.parametrize(("text", "expected"), [
    ("on Monday", [("2016-10-03", 1)]),
    ("on Tuesday", [("2016-10-04", 1)]),
    ("last Tuesday", [("2016-09-27", 1)]),
    ("on Sunday", [("2016-10-02", 1)]),
    ("yesterday", [("2016-10-03", 1)]),
    ("on Sept. 19", [("2016-09-19", 1)]),
    ("on September 9", [("2016-09-09", 1)]),
    ("on 19 September", [("2016-09-19", 1)]),
    ("on Sept. 30, 2015", [("2015-09-30", 1)]),
    ("on Dec. 28", [("2015-12-28", 1)]),  # late December read in early October is last year's
    ("two weeks ago", [("2016-09-20", 2)]),
    ("three days ago", [("2016-10-01", 1)]),
    ("last week", [("2016-09-27", 2)]),
    ("since August 2014", [("2014-08-01", 3)]),
    ("in July 2016", [("2016-07-01", 3)]),
    ("since 2011", [("2011-01-01", 3)]),
    ("since the truce broke down", [(None, 3)]),
    ("2016-10-02", [("2016-10-02", 1)]),
    ("It comes a week after 44 people were killed in Istanbul", [("2016-09-27", 2)]),
    ("a week after the truce", []),
])
def test_time_expressions(text: str, expected: list[tuple[str | None, int]]) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize("text", ["on Sept. 31", "on Febtember 3", "2016-13-45", "on the 45th of May", "in Mayday"])
def test_malformed_dates_are_ignored(text: str) -> None:
    assert [d for d, _ in _dates(text) if d] == []


def test_dateline_date() -> None:
    assert dateline_date(SEED.read_text(encoding="utf-8")) == TUESDAY
    assert dateline_date("BEIRUT, Oct. 4, 2016 (AP) -- Shelling hit Aleppo.") == TUESDAY
    assert dateline_date("Shelling hit Aleppo on Monday.") is None
    assert dateline_date(" date 2016-02-31 X -- y") is None


@pytest.mark.parametrize(("words", "value"), [
    ("six", 6), ("fifteen", 15), ("twenty-one", 21), ("two dozen", 24), ("a dozen", 12), ("dozens", 12),
    ("hundreds", 100), ("three hundred and six", 306), ("two thousand", 2000), ("thousands", 1000),
    ("1,200", 1200), ("2.5 million", 2_500_000), ("forty thousand five hundred", 40500), ("no", 0),
    ("tens of thousands", 10_000), ("several", 10), ("banana", None), ("", None),
])
def test_numbers_in_words_and_digits(words: str, value: int | None) -> None:
    assert parse_number(words) == value


@given(st.integers(min_value=0, max_value=999_999))
def test_digit_numbers_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n and parse_number(str(n)) == n


@pytest.mark.parametrize(("sentence", "values"), [
    ("fighting killed at least 15 rebels", [15]),
    ("nearly 400 civilians have been killed", [400]),
    ("more than two dozen people were killed", [24]),
    ("have killed at least 387 civilians, including 72 children and 24 women", [387]),
    ("The Observatory put the death toll at six.", [6]),
    ("Six people died and 35 were wounded.", [6]),
    ("a man was killed", [1]),
    ("a rocket attack by insurgents killed ten people", [10]),
    ("thousands of people were killed in the war", [1000]),
    ("35 were wounded and 40 missing", []),
    ("the bomb left a crater 33 feet deep", []),
    ("Clashes with police have left 20 villagers injured and one man dead", [1]),
    ("The attack left 20 people wounded and two dead.", [2]),
    ("The blast killed 12 and wounded 30.", [12]),
    ("one of the dead was a child", []),
    ("Two soldiers and 16 gunmen were killed in the battle.", [18]),
    ("the rebels killed two soldiers, three police and 16 civilians", [21]),
    ("On 12 March, 16 gunmen were killed", [16]),
    ("killed 12 and 30 people were hurt", [12]),
    ("ended in 18 fatalities at the resort", [18]),
    ("It comes a week after 44 people were killed in a PKK attack in Istanbul.", [44]),
    ("two bombs killed six police officers and a civilian in Giza", [7]),
    ("three soldiers killed two rebels", [2]),
    ("the ELN murdered three peasants in Tolima", [3]),
])
def test_casualty_figures(sentence: str, values: list[int]) -> None:
    assert [f.value for f in casualty_figures(sentence)] == values


def test_registry_is_acleds() -> None:
    assert len(EVENT_TYPES) == 6 and len(SUB_EVENT_TYPES) == 25
    assert event_type_of("Air/drone strike") == "Explosions/Remote violence"
    with pytest.raises(UnknownEventTypeError, match="unknown sub-event type 'Airstrike'; known: Armed clash"):
        check_sub_event_type("Airstrike")


def test_sentences_and_cues() -> None:
    text = "The U.S. said so. Gen. Smith left on Sept. 9 for Aleppo.\n\nNew paragraph here."
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["The U.S. said so.", "Gen. Smith left on Sept. 9 for Aleppo.",
                                       "New paragraph here."]
    assert [s.paragraph for s in sents] == [0, 0, 1]
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert figure_source("The Observatory confirmed the bombing but put the death toll at six.") == "The Observatory"
    assert figure_source("The group recorded 19 civilians killed.") is None




def test_events_cli_formats(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert "--include-background" in run("events", "--help").output
    data = json.loads(run("events", str(SEED), "--format", "json").output)
    assert {"event_type", "sub_event_type", "date", "time_precision", "location", "lat", "lon", "geonameid",
            "geo_precision", "admin1", "country_code", "actors", "fatalities", "fatalities_text", "evidence",
            "source"} <= set(data[0])
    gj = json.loads(run("events", str(SEED), "--format", "geojson").output)
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == len(data)
    assert gj["features"][0]["geometry"]["coordinates"][0] == pytest.approx(-77.04, abs=0.01)  # [lon, lat]
    lines = run("events", str(SEED), str(SEED), "--format", "jsonl").output.splitlines()
    assert len(lines) == 2 * len(data)
    from geo import read_events

    for suffix in ("csv", "parquet", "geojson", "json", "jsonl"):
        out = tmp_path / f"events.{suffix}"
        result = run("events", str(SEED), "-o", str(out))
        assert result.exit_code == 0, result.output
        back = read_events(out)
        assert [(e.event_type, e.date, e.location, e.fatalities) for e in back] == [
            (d["event_type"], d["date"], d["location"], d["fatalities"]) for d in data]


def test_events_cli_published_and_stdin(run) -> None:  # type: ignore[no-untyped-def]
    result = run("events", "-", "--published", "2016-10-04", "--format", "json",
                 input="Shelling killed four civilians in Aleppo on Monday.")
    assert json.loads(result.output)[0]["date"] == "2016-10-03"
    warned = CliRunner().invoke(main, ["events", "-", "--format", "json"],
                                                input="Shelling killed four civilians in Aleppo on Monday.")
    assert "no date line" in warned.stderr


@pytest.mark.parametrize(("args", "message"), [
    (("events", "--published", "Oct 4"), "is not a date like"),
    (("events", "missing.txt"), "missing.txt"),
    (("events", "--format", "parquet"), "give -o FILE.parquet"),
])
def test_events_cli_errors(run, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    argv = [*args, str(SEED)] if args[-1] != "missing.txt" else list(args)
    result = run(*argv)
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output


def test_events_cli_bad_files(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\xff" * 100)
    result = run("events", str(binary))
    assert result.exit_code != 0 and str(binary) in result.output
    out = tmp_path / "out.json"
    result = run("events", str(SEED), str(binary), "-o", str(out))
    assert result.exit_code != 0 and not out.exists()  # nothing half-written


def test_events_jsonl_feed(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A feed of {"id", "text", "published"?} lines in, one {"id", "events"} line per article out, in order,
    each article dated by its own published field."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"id": 7, "text": "Shelling killed four civilians in Aleppo on Monday.", "published": "2016-10-04"},
        {"id": "quiet", "text": "The weather was fine in Aleppo.", "published": "2016-10-04T08:00:00Z"},
        {"id": "later", "text": "Shelling killed four civilians in Aleppo on Monday.", "published": "2016-10-12"},
    ]) + "\n", encoding="utf-8")
    result = run("events", "--jsonl", str(feed), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [r["id"] for r in lines] == [7, "quiet", "later"]
    assert [e["date"] for e in lines[0]["events"]] == ["2016-10-03"]
    assert lines[1]["events"] == []
    assert [e["date"] for e in lines[2]["events"]] == ["2016-10-10"]
    assert lines[0]["events"][0]["source"] == "7"
    frame = tmp_path / "all.csv"
    assert run("events", "--jsonl", str(feed), "-o", str(frame)).exit_code == 0
    assert len(frame.read_text(encoding="utf-8").splitlines()) == 3  # header and the two events
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "x", "published": "last week"}\n', encoding="utf-8")
    failed = run("events", "--jsonl", str(bad))
    assert failed.exit_code != 0 and "record 1" in failed.output and "Traceback" not in failed.output
    assert run("events", str(SEED), "--jsonl", str(feed)).exit_code != 0  # files or a feed, not both


@pytest.mark.parametrize(("head", "expected"), [
    ("KAYSERI, Turkey, Dec 17 (Reuters) - A car bomb exploded.", "2016-12-17"),
    ("Dec 17 (Reuters) - A car bomb exploded.", "2016-12-17"),
    ("Published: 2016-12-17T10:30:00Z\nCAIRO (AP) -- A bomb exploded.", "2016-12-17"),
    ("SAN SALVADOR, 3 JAN 90 -- [TEXT] A BOMB EXPLODED.", "1990-01-03"),
    ("date 2016-10-04\nWASHINGTON -- Talks ended.", "2016-10-04"),
    ("CAIRO (AP) -- A bomb exploded.", None),
])
def test_datelines_agencies_write(head: str, expected: str | None) -> None:
    """A dateline with no year takes the latest year that puts it on or before today (here 2017-01-05)."""
    got = dateline_date(head, today=dt.date(2017, 1, 5))
    assert (got.isoformat() if got else None) == expected


def test_no_publication_date_leaves_relative_dates_undated(user_store: Path) -> None:
    from geo import extract_events

    text = ("War in Syria\nShelling killed four civilians in Aleppo on Monday. On 3 October 2016, an airstrike "
            "hit Idlib.")  # (a first line with a full date would be the publication date)
    events = {e.location: e for e in extract_events(text)}
    assert events["Aleppo"].date is None and events["Aleppo"].time_precision == 3  # "on Monday": of when?
    assert events["Idlib"].date == "2016-10-03"  # stated in full
    dated = {e.location: e for e in extract_events(text, published="2016-10-05")}
    assert dated["Aleppo"].date == "2016-10-03"


def test_never_a_date_after_publication(user_store: Path) -> None:
    from geo import extract_events

    text = "Rebels will attack Aleppo next Monday, a commander said. Shelling killed four people in Aleppo."
    for e in extract_events(text, published="2016-10-05"):
        assert e.date is not None and e.date <= "2016-10-05"


def test_confidence_in_every_format_and_min_confidence(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("events", str(SEED), "--format", "json").output)
    assert all(0 < d["confidence"] <= 1 for d in data)
    weakest = min(d["confidence"] for d in data)
    kept = json.loads(run("events", str(SEED), "--format", "json", "--min-confidence", str(weakest + 0.01)).output)
    assert 0 < len(kept) < len(data) and all(d["confidence"] > weakest for d in kept)
    out = tmp_path / "events.csv"
    assert run("events", str(SEED), "-o", str(out)).exit_code == 0
    from geo import read_events

    assert sorted(e.confidence for e in read_events(out)) == sorted(d["confidence"] for d in data)
    assert run("events", str(SEED), "--min-confidence", "1.5").exit_code != 0  # 0..1 only


def test_confidence_parts() -> None:
    from geo.events.confidence import CONFIDENCE_PARTS, confidence

    full = confidence(placed=True, geo_precision=1, explicit_date=True, time_precision=1, figures=True,
                      actors=True, sentences=3)
    bare = confidence(placed=False, geo_precision=3, explicit_date=False, time_precision=2, figures=False,
                      actors=False, sentences=1)
    assert bare == CONFIDENCE_PARTS["trigger"][0] < full == 1.0
    assert confidence(placed=True, geo_precision=3, explicit_date=False, time_precision=2, figures=False,
                      actors=False, sentences=1) < confidence(placed=True, geo_precision=1, explicit_date=False,
                                                             time_precision=2, figures=False, actors=False,
                                                             sentences=1)


@pytest.mark.parametrize(("sentence", "word", "happened"), [
    ("Warplanes bombed the market on Monday.", "bombed", True),
    ("No fighting was reported in the city.", "fighting", False),
    ("The town could be bombed again.", "bombed", False),
    ("If troops attack the camp, civilians will flee.", "attack", False),
    ("Rebels threatened to shell the airport.", "shell", False),
    ("Police did not arrest anyone.", "arrest", False),
    ("Protesters marched through the capital.", "marched", True),
])
def test_parse_tells_what_happened(sentence: str, word: str, happened: bool) -> None:
    from geo.events.parse import asserted

    assert asserted(sentence, sentence.index(word)) is happened


def test_words_that_begin_like_months_are_no_months() -> None:
    """``mayor`` and ``marines`` once read as May and March, and a conjoined figure was lost."""
    from geo.events.numbers import casualty_figures

    assert [f.value for f in casualty_figures("Two marines and 16 guerrillas were killed.")] == [18]
    assert [f.value for f in casualty_figures("On 5 May and 16 guerrillas were killed.")] == [16]


def test_the_parse_attaches_an_event_to_its_own_date() -> None:
    """The date is the one the tree attaches to the event word, not the nearest (``on Monday`` is the release)."""
    from geo.events.dates import attached_times
    from geo.events.extract import extract_events
    from geo.events.parse import parse

    sentence = "On Tuesday gunmen, who had been released from prison on Monday, killed four villagers."
    times = find_times(sentence, dt.date(2016, 12, 16))
    assert [sentence[t.start:t.end] for t in attached_times(parse(sentence), times, sentence.index("killed"))] == [
        "On Tuesday"]
    assert [e.date for e in extract_events("Hama. " + sentence, published="2016-12-16")] == ["2016-12-13"]


def test_an_event_only_a_generic_trigger_tells_is_less_sure() -> None:
    from geo import extract_events
    from geo.events.confidence import CONFIDENCE_PARTS, confidence

    parts = dict(placed=True, geo_precision=1, explicit_date=True, time_precision=1, figures=False, actors=False,
                 sentences=1)
    assert confidence(**parts, generic=True) == round(confidence(**parts) - CONFIDENCE_PARTS["trigger"][0]
                                                      + CONFIDENCE_PARTS["generic trigger"][0], 2)
    published = "2016-12-12"
    killed = extract_events("Gunmen killed 12 villagers in Kayseri on Saturday.", published=published)
    bombed = extract_events("Gunmen killed 12 villagers in Kayseri on Saturday. The car bomb went off near a bus.",
                            published=published)
    assert [e.location for e in killed] == ["Kayseri"] and len(bombed) == 1
    assert killed[0].confidence < bombed[0].confidence - 0.1  # the bomb tells what the killing was
