"""`geo gazetteer exclude`: a name the user says is no place, from the Python API and the command line, honoured by
places, resolve, events and maps."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gazetteer import Exclusion, Gazetteer
from gazetteer.errors import UnknownEntryError, ValidationError
from geo import parse_places, resolve_spans

TEXT = "Gunmen killed three people in Ahram on Monday, officials in Bushehr, Iran, said."


def names(gaz: Gazetteer, text: str = TEXT) -> list[str]:
    return [m.text for m in parse_places(text, gazetteer=gaz) if m.place is not None]


def test_exclude_and_include_from_python(gaz: Gazetteer) -> None:
    assert "Ahram" in names(gaz)
    assert gaz.exclude("Ahram", country="IR") == Exclusion("ahram", "Ahram", "IR")
    assert "Ahram" not in names(gaz) and "Bushehr" in names(gaz)
    assert gaz.exclusions() == [Exclusion("ahram", "Ahram", "IR")]
    gaz.include("Ahram", country="IR")
    assert "Ahram" in names(gaz) and gaz.exclusions() == []


def test_exclusion_in_one_country_keeps_the_others(gaz: Gazetteer) -> None:
    gaz.exclude("Paris", country="US")
    text = "Storms hit Paris, Texas, and Paris, France."
    assert {m.place.country_code for m in parse_places(text, gazetteer=gaz) if m.text == "Paris" and m.place} \
        == {"FR"}
    gaz.exclude("al-Ahram")  # every country, any spelling of the name
    assert "Ahram" not in names(gaz)


def test_exclusion_errors(gaz: Gazetteer) -> None:
    with pytest.raises(ValidationError, match="unknown country code"):
        gaz.exclude("Ahram", country="ZZ")
    with pytest.raises(ValidationError, match="no letters"):
        gaz.exclude("...")
    gaz.exclude("Ahram")
    with pytest.raises(UnknownEntryError, match=r"not excluded in IR \(excluded: Ahram\)"):
        gaz.include("Ahram", country="IR")


def test_resolve_and_events_honour_exclusions(gaz: Gazetteer) -> None:
    from geo import extract_events

    start = TEXT.index("Ahram")
    assert resolve_spans(TEXT, [(start, start + 5)], gazetteer=gaz)[0] is not None
    assert "Ahram" in [e.location for e in extract_events(TEXT, gazetteer=gaz)]
    gaz.exclude("Ahram")
    assert resolve_spans(TEXT, [(start, start + 5)], gazetteer=gaz) == [None]
    assert "Ahram" not in [e.location for e in extract_events(TEXT, gazetteer=gaz)]


def test_exclude_from_the_command_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert "Ahram" in run("places", str(article), "--format", "json").output
    ok = run("gazetteer", "exclude", "Ahram", "--country", "IR")
    assert ok.exit_code == 0 and "excluded 'Ahram' (in IR)" in ok.output
    assert json.loads(run("gazetteer", "list", "--excluded", "--format", "json").output) == [
        {"name": "Ahram", "key": "ahram", "country": "IR"}]
    places = json.loads(run("places", str(article), "--format", "json").output)
    assert [p["text"] for p in places if p["text"] == "Ahram"] == []
    out = tmp_path / "map.html"
    assert run("map", str(article), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert '"Bushehr"' in page and '"Ahram"' not in page  # a place and event location, not only quoted text
    bad = run("gazetteer", "include", "Ahram")
    assert bad.exit_code == 1 and "not excluded" in bad.output and "Traceback" not in bad.output
    assert run("gazetteer", "include", "Ahram", "--country", "IR").exit_code == 0
    assert json.loads(run("gazetteer", "list", "--excluded", "--format", "json").output) == []
    bad = run("gazetteer", "exclude", "Ahram", "--country", "ZZ")
    assert bad.exit_code == 1 and "unknown country code" in bad.output
