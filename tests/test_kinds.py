"""Every kind of place news names (issue 16), each on a short text against the stock gazetteer: seas, rivers
with and without "River", macro-regions, supranational and historical entities, demonyms, organisations named
after places, and local homonyms decided by the document's focus."""
from __future__ import annotations

import csv
import importlib.resources
import json
from pathlib import Path

import pytest

from gazetteer import Gazetteer
from gazetteer.distance import distance_km
from gazetteer.normalize import normalize
from geo import parse_places, resolve_spans


def found(gaz: Gazetteer, text: str) -> dict[str, tuple[str, str, float, float]]:
    """surface -> (name, feature code, lat, lon) of every place found."""
    return {m.text: (m.place.name, m.place.feature_code, m.place.lat, m.place.lon)
            for m in parse_places(text, gazetteer=gaz) if m.place is not None}


def test_a_sea_an_ocean_and_a_gulf(gaz: Gazetteer) -> None:
    got = found(gaz, "Migrants crossed the Mediterranean; a storm over the Atlantic; tankers left the Gulf.")
    assert got["Mediterranean"][:2] == ("Mediterranean Sea", "SEA")
    assert got["Atlantic"][:2] == ("Atlantic Ocean", "OCN")  # not Atlantic, Iowa
    assert got["Gulf"][:2] == ("Persian Gulf", "GULF")
    # the Mediterranean's two basins are one feature, near GeoNames' 35,18
    assert distance_km(*got["Mediterranean"][2:], 35.0, 18.0) < 161


def test_a_river_with_and_without_the_word_river(gaz: Gazetteer) -> None:
    text = "The Neches River flooded Beaumont, Texas. Further east the River Neches rose too."
    got = found(gaz, text)
    assert got["Neches River"][:2] == got["River Neches"][:2] == ("Neches River", "STM")
    # "the Cauvery": a bare river name that is no English word; the river sits at its mouth, as GeoNames has it
    cauvery = found(gaz, "Karnataka refused to release water from the Cauvery to Tamil Nadu, India.")["Cauvery"]
    assert cauvery[:2] == ("Cauvery River", "STM")
    assert distance_km(*cauvery[2:], 11.14, 79.86) < 50


def test_a_river_named_by_an_english_word_needs_the_word_river(gaz: Gazetteer) -> None:
    assert "Red" not in found(gaz, "Red flags flew over Shreveport, Louisiana.")
    assert found(gaz, "The Red River rose near Shreveport, Louisiana.")["Red River"][1] == "STM"


def test_macro_regions(gaz: Gazetteer) -> None:
    got = found(gaz, "Envoys from the Middle East, North Africa and Latin America met in Geneva.")
    assert got["Middle East"][:2] == ("Middle East", "RGN")  # not a hamlet of Jamaica
    assert got["North Africa"][1] == got["Latin America"][1] == "RGN"


def test_supranational_and_historical(gaz: Gazetteer) -> None:
    got = found(gaz, "The EU and the European Union's envoy recalled the Soviet Union; the DPRK objected.")
    assert got["EU"][:2] == ("Europe", "CONT")  # not the Norman village Eu
    assert got["European Union"][1] == "RGN"
    assert got["Soviet Union"][1] == "PCLH"
    assert got["DPRK"][:2] == ("North Korea", "PCLI")


def test_disputed_areas_from_natural_earth(gaz: Gazetteer) -> None:
    got = found(gaz, "Russian troops stayed in South Ossetia and Abkhazia, Georgia said.")
    assert got["South Ossetia"][1] == "RGNP"  # Natural Earth's breakaway areas
    assert got["Abkhazia"][1] in ("RGNP", "ADM1")  # GeoNames has it as Georgia's autonomous republic


def test_a_demonym_is_its_country(gaz: Gazetteer) -> None:
    assert found(gaz, "Syrian troops advanced.")["Syrian"][:2] == ("Syria", "PCLI")


@pytest.mark.parametrize(("text", "name"), [
    ("Police blamed the Kurdistan Workers Party for the bombing in Ankara.", "Kurdistan"),
    ("Mourners filled Saint Peter and Saint Paul Church in Cairo.", "Saint Peter"),
    ("Mourners filled Saint Peter and Saint Paul Church in Cairo.", "Saint Paul"),
    ("The newspaper Al-Ahram said 25 people died in Cairo.", "Al-Ahram"),
])
def test_an_organisation_named_after_a_place_is_no_place(gaz: Gazetteer, text: str, name: str) -> None:
    got = found(gaz, text)
    assert name not in got
    assert any(place[0] in ("Ankara", "Cairo") for place in got.values())


def test_a_local_homonym_follows_the_document_s_focus(gaz: Gazetteer) -> None:
    # Huntsville, Alabama has 180,000 people and Walker County is also in Alabama, but the text names Texas,
    # where both are too: the focus (two names and a state) decides
    text = ("A Huntsville man was taken into custody after a standoff. Walker County deputies said the "
            "Huntsville man was later taken to a hospital in Conroe, Texas.")
    places = {m.text: m.place for m in parse_places(text, gazetteer=gaz, explain=True) if m.place is not None}
    assert places["Huntsville"].admin1 == "Texas"
    assert places["Walker County"].admin1 == "Texas"
    explained = next(m for m in parse_places(text, gazetteer=gaz, explain=True) if m.text == "Huntsville")
    assert any(r.startswith("document focus Texas") for r in explained.reasons)


def test_world_news_has_no_local_focus(gaz: Gazetteer) -> None:
    # London, Paris and Berlin are all towns in Ohio too: the answers on priors lie in three other countries
    got = found(gaz, "Leaders met in London, then in Paris and Berlin.")
    assert {got[n][0] for n in ("London", "Paris", "Berlin")} == {"London", "Paris", "Berlin"}
    text = "Leaders met in London, then in Paris and Berlin."
    assert {m.place.country_code for m in parse_places(text, gazetteer=gaz) if m.place} == {"GB", "FR", "DE"}


def test_resolve_given_spans_of_the_new_kinds(gaz: Gazetteer) -> None:
    text = "Floods along the Cauvery reached the Indian Ocean."
    spans = [(text.index("Cauvery"), text.index("Cauvery") + 7), (text.index("Indian Ocean"), len(text) - 1)]
    out = resolve_spans(text, spans, gazetteer=gaz)
    assert [m.place.feature_code for m in out if m is not None] == ["STM", "OCN"]


def _table(name: str) -> list[dict[str, str]]:
    text = importlib.resources.files("gazetteer").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader([ln for ln in text.splitlines() if ln and not ln.startswith("#")], delimiter="\t"))


def test_feature_tables_are_well_formed() -> None:
    ids: set[str] = set()
    for name in ("features.tsv", "regions.tsv"):
        for row in _table(name):
            assert row["id"] not in ids, row["id"]
            ids.add(row["id"])
            assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
            assert normalize(row["name"]), row
    # every curated alias that names a place by id names one that exists
    for row in _table("aliases.tsv"):
        if row["target"].startswith(("#ne:", "#rg:")):
            assert row["target"][1:] in ids, row


def test_parse_many_on_two_workers_gives_what_one_gives(gaz: Gazetteer) -> None:
    from geo.places.parallel import parse_many

    texts = [f"Shelling hit Aleppo and Idlib, Syria, on day {i}; Huntsville, Texas was quiet." for i in range(40)]
    one = parse_many(texts, gazetteer=gaz, jobs=1)
    two = parse_many(texts, gazetteer=gaz, jobs=2)
    assert one == two and [m.text for m in one[0]] == ["Aleppo", "Idlib", "Syria", "Huntsville", "Texas"]


def test_resolve_many_on_two_workers_gives_what_one_gives(gaz: Gazetteer) -> None:
    from geo.places.parallel import resolve_many

    text = "Shelling hit Aleppo and Idlib, Syria; Huntsville, Texas was quiet."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Aleppo", "Idlib", "Huntsville")]
    docs = [(text + " " * i, spans) for i in range(40)]
    one = resolve_many(docs, gazetteer=gaz, jobs=1)
    two = resolve_many(docs, gazetteer=gaz, jobs=2)
    assert one == two
    assert [(a.place.country_code if a and a.place else None) for a in one[0]] == ["SY", "SY", "US"]


def test_geo_resolve_writes_the_same_lines_on_two_workers(tmp_path: Path, gaz: Gazetteer) -> None:
    """``geo resolve`` with workers writes what it writes alone, each line made in a worker."""
    from click.testing import CliRunner

    from geo.cli import main

    text = "Shelling hit Aleppo and Idlib, Syria; Huntsville, Texas was quiet."
    spans = [[text.index(n), text.index(n) + len(n)] for n in ("Aleppo", "Huntsville")]
    src = tmp_path / "spans.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": text, "spans": spans}) + "\n" for i in range(40)),
                   encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        result = CliRunner().invoke(main, ["--gazetteer", str(gaz.user.path), "resolve", "--jsonl", str(src),
                                           "--jobs", jobs, "-o", str(out)], obj=None)
        assert result.exit_code == 0, result.output
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1] and len(outs[0].splitlines()) == 40
    assert json.loads(outs[0].splitlines()[0])["places"][0]["country_code"] == "SY"
