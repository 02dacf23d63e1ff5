"""Other tools' event tables in (ACLED's export as CSV and xlsx, UCDP GED, GDELT 2.0, any table by --columns) and
GIS formats out (GeoPackage, FlatGeobuf, places as CSV), issue 18."""
from __future__ import annotations

import csv
import json
import string
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.formats.events import read_events, write_events
from geo.model import Event, Evidence
from geo.taxonomy import EVENT_TYPES
from maps.style import EVENT_STYLES

from .browser import Page
from .conftest import SEED

TABLES = Path(__file__).parent / "data" / "tables"
ACLED, UCDP, GDELT, OTHER = (TABLES / n for n in ("acled.csv", "ucdp_ged.csv", "gdelt.export.CSV", "vorfaelle.csv"))


def _acled_rows() -> list[dict[str, str]]:
    with ACLED.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_acled_export_is_read_as_it_was_coded() -> None:
    rows = _acled_rows()
    assert len(rows) == 20 and len({r["country"] for r in rows}) >= 5 and len(rows[0]) == 31
    events = read_events(ACLED)
    assert len(events) == 20
    for row, e in zip(rows, events, strict=True):
        assert (e.event_type, e.sub_event_type, e.fatalities) == (row["event_type"], row["sub_event_type"],
                                                                   int(row["fatalities"]))
        assert e.date is not None and e.date.startswith("2016-10-") and e.original_id == row["event_id_cnty"]
        assert (e.lat, e.lon) == (float(row["latitude"]), float(row["longitude"]))
        assert e.country_code and e.evidence[0].text == row["notes"] and row["actor1"] in e.actors
    assert {e.country_code for e in events} == {"SY", "IQ", "TR", "YE", "NG", "MX"}  # ACLED's numeric iso


def test_acled_spreadsheet_export(tmp_path: Path) -> None:
    """ACLED's export tool also gives .xlsx: the same events as its CSV."""
    import pandas as pd
    import pyogrio

    sheet = tmp_path / "acled.xlsx"
    frame = pd.read_csv(ACLED)
    frame["event_date"] = pd.to_datetime(frame["event_date"], format="%d %B %Y")  # a spreadsheet keeps dates
    pyogrio.write_dataframe(frame, sheet, driver="XLSX")
    from_sheet, from_csv = read_events(sheet), read_events(ACLED)
    assert [(e.date, e.event_type, e.lat, e.fatalities, e.original_id) for e in from_sheet] == [
        (e.date, e.event_type, e.lat, e.fatalities, e.original_id) for e in from_csv]


def test_ucdp_ged_types_precision_and_best_estimate() -> None:
    events = read_events(UCDP)
    assert [e.event_type for e in events] == ["Battles", "Violence against civilians", "Battles", "Battles",
                                              "Violence against civilians", "Battles"]
    assert events[0].fatalities == 14 and events[0].fatality_reports == ("low 12", "best 14", "high 20")
    assert events[2].original_type == "UCDP type_of_violence 2 (non-state conflict)"
    assert (events[2].geo_precision, events[2].time_precision) == (3, 2)  # where_prec 4, date_prec 2
    assert events[4].time_precision == 3 and events[5].country_code == "CD"  # "DR Congo (Zaire)"


def test_gdelt_export_maps_cameo_and_names_what_it_cannot(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    skipped: list[str] = []
    events = read_events(GDELT, skipped=skipped)
    assert [e.original_type for e in events] == ["CAMEO 195", "CAMEO 193", "CAMEO 141", "CAMEO 1831", "CAMEO 173",
                                                 "CAMEO 181"]
    assert [e.sub_event_type for e in events][:4] == ["Air/drone strike", "Armed clash", "Peaceful protest",
                                                      "Suicide bomb"]
    assert [e.country_code for e in events] == ["SY", "SY", "TR", "IQ", "EG", "NG"]  # FIPS codes read as ISO
    assert events[0].source.startswith("https://") and events[5].geo_precision == 3
    assert skipped == [f"{GDELT}:7: EventRootCode: 04 (consult) is no event ACLED codes (CAMEO roots 14-20 are)"]
    result = run("map", str(GDELT), "-o", str(tmp_path / "g.html"), "--offline")
    assert result.exit_code == 0 and "04 (consult)" in result.output and "6 events" in result.output


def _drawn(page: Any) -> dict[str, int]:
    types = [s["name"] for s in EVENT_STYLES]
    counts = page.evaluate("() => Object.values(ReportMap.maps)[0].layers.map(l => l.getLayers().length)")
    return {types[t]: n for t, n in enumerate(counts) if n}


@pytest.mark.parametrize("table", [ACLED, UCDP, GDELT], ids=["acled", "ucdp", "gdelt"])
def test_tables_go_through_map_and_report(run, browser, tmp_path: Path, table: Path) -> None:  # type: ignore[no-untyped-def]
    events = read_events(table, skipped=[])
    out = tmp_path / "map.html"
    result = run("map", str(table), "-o", str(out), "--offline")
    assert result.exit_code == 0 and f"{len(events)} events" in result.output, result.output
    p = Page(browser, tiles=False)
    page = p.open(out.as_uri())
    assert _drawn(page) == dict(Counter(e.event_type for e in events))  # every event drawn, by its type
    assert p.errors == []
    report = tmp_path / "report.html"
    result = run("report", str(table), "-o", str(report), "--offline")
    assert result.exit_code == 0, result.output
    page = p.open(report.as_uri())
    rows = page.locator("#events tbody tr").all_inner_texts()
    assert len(rows) == len(events)
    assert sorted(r.split("\t")[0] for r in rows) == sorted(e.date or "" for e in events)  # dated
    assert {r.split("\t")[0] for r in page.locator("#by-type tbody tr").all_inner_texts()} == {
        e.event_type for e in events}  # typed


def test_columns_name_a_table_of_other_names(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "m.html"
    result = run("map", str(OTHER), "-o", str(out), "--offline")
    assert result.exit_code == 1 and "no event_type column among Nr, Datum, Art" in result.output
    assert "--columns event_type=COLUMN" in result.output and not out.exists()
    mapping = "lat=Breite,lon=Laenge,date=Datum,event_type=Art,location=Ort,fatalities=Tote,actors=Taeter"
    result = run("map", str(OTHER), "-o", str(out), "--offline", "--columns", mapping)
    assert result.exit_code == 0 and "3 events" in result.output
    assert "'Luftangriff' maps to none of ACLED's types" in result.output  # said, not silently dropped
    events = read_events(OTHER, columns=dict(p.split("=") for p in mapping.split(",")), skipped=[])
    assert [(e.event_type, e.location, e.fatalities, e.date) for e in events] == [
        ("Battles", "Dabiq", 9, "2016-10-04"), ("Protests", "Istanbul", 0, "2016-10-05"),
        ("Explosions/Remote violence", "Baghdad", 11, "2016-10-06")]
    assert events[2].sub_event_type == "Suicide bomb" and events[0].actors == ("Rebellen",)
    for bad, message in (("latt=Breite", "no event field 'latt'"), ("lat=Nope", "no column 'Nope'"),
                         ("lat", "is not FIELD=COLUMN")):
        result = run("map", str(OTHER), "-o", str(out), "--columns", bad)
        assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output


def test_gis_outputs_read_back_with_the_same_rows_and_types(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pyogrio

    events = json.loads(run("events", str(SEED), "--format", "json").output)
    for suffix in ("gpkg", "fgb"):
        path = tmp_path / f"x.{suffix}"
        assert run("events", str(SEED), "-o", str(path)).exit_code == 0
        frame = pyogrio.read_dataframe(path)
        assert len(frame) == len(events) and frame.crs.to_epsg() == 4326
        assert list(frame["event_type"]) == [e["event_type"] for e in events]
        assert str(frame["fatalities"].dtype) == "int64" and str(frame["lat"].dtype) == "float64"
        assert [[round(c, 5) for c in g.coords[0]] for g in frame.geometry] == [[e["lon"], e["lat"]] for e in events]
        assert [e.to_dict() for e in read_events(path)] == events
        places = tmp_path / f"p.{suffix}"
        assert run("places", str(SEED), "-o", str(places)).exit_code == 0
        assert len(pyogrio.read_dataframe(places)) == len(json.loads(run("places", str(SEED), "--format",
                                                                         "json").output))
    result = run("places", str(SEED), "-o", str(tmp_path / "p.csv"))
    assert result.exit_code == 0
    with (tmp_path / "p.csv").open(encoding="utf-8") as fh:
        assert {"Aleppo", "Idlib"} <= {r["name"] for r in csv.DictReader(fh)}


def test_an_output_name_is_a_format_or_an_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for args, message in (
            (["events", str(SEED), "-o", str(tmp_path / "e.xlsx")], ".xlsx is no events output format"),
            (["places", str(SEED), "-o", str(tmp_path / "p.parquet")], ".parquet is no mentions output format"),
            (["events", str(SEED), "-o", str(tmp_path / "e.json"), "--format", "csv"], "the name says json")):
        result = run(*args)
        assert result.exit_code == 1 and message in result.output
        assert ".gpkg" in result.output or "--format" in args  # the formats there are, named
        assert len(result.output.strip().splitlines()) == 1 and not list(tmp_path.iterdir())


_TEXT = st.text(alphabet=string.ascii_letters + string.digits + " -'()é", min_size=1, max_size=20).map(
    lambda s: s.strip() or "x")


@st.composite
def _events(draw: Any) -> Event:
    kind = draw(st.sampled_from(list(EVENT_TYPES)))
    placed = draw(st.booleans())
    sentence = draw(_TEXT)
    return Event(
        event_type=kind, sub_event_type=draw(st.sampled_from(EVENT_TYPES[kind])),
        date=draw(st.none() | st.dates().map(lambda d: d.isoformat())), time_precision=draw(st.integers(1, 3)),
        location=draw(_TEXT), lat=draw(st.floats(-89, 89).map(lambda v: round(v, 5))) if placed else None,
        lon=draw(st.floats(-179, 179).map(lambda v: round(v, 5))) if placed else None,
        geonameid=draw(st.none() | st.integers(1, 10**8).map(str)), geo_precision=draw(st.integers(1, 3)),
        admin1=draw(_TEXT), country_code=draw(st.sampled_from(["SY", "IQ", ""])),
        actors=tuple(draw(st.lists(_TEXT, max_size=3, unique=True))), fatalities=draw(st.integers(0, 10**6)),
        evidence=(Evidence(sentence, 0, len(sentence)),), source=draw(_TEXT),
        confidence=draw(st.sampled_from([0.0, 0.5, 0.95])), original_id=draw(st.sampled_from(["", "SYR1"])))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=st.lists(_events(), min_size=1, max_size=5),
       fmt=st.sampled_from(["json", "jsonl", "geojson", "csv", "parquet", "gpkg", "fgb"]))
def test_every_writer_round_trips(tmp_path: Path, events: list[Event], fmt: str) -> None:
    from geo.formats.registry import get

    path = tmp_path / f"round.{fmt}"
    with path.open("wb" if get(fmt, "events").binary else "w", encoding=None if get(fmt, "events").binary
                   else "utf-8") as out:
        write_events(events, out, fmt=fmt)
    assert [e.to_dict() for e in read_events(path)] == [e.to_dict() for e in events]


def test_a_notebook_session(tmp_path: Path) -> None:
    """As an analyst in a notebook: a frame filtered by date and type, rendered, saved, shown, explored."""
    import pandas as pd

    from geo import events_frame, places_frame
    from maps import render, save

    frame = events_frame(read_events(ACLED))
    assert str(frame.date.dtype) == "datetime64[ns]" and frame.event_type.cat.ordered
    assert frame.crs.to_epsg() == 4326 and all(isinstance(a, list) for a in frame.actors)
    recent = frame[(frame.date >= pd.Timestamp("2016-10-08")) & (frame.event_type <= "Explosions/Remote violence")]
    assert set(recent.event_type) == {"Battles", "Explosions/Remote violence"} and len(recent) == 3
    m = render(recent)
    assert m.event_count == 3 and not m.skipped
    assert save(m, tmp_path / "recent.html") > 0 and "reportmap" in m._repr_html_()
    deadly = render(frame[frame.fatalities > 0])  # once an AttributeError
    assert deadly.event_count == int((frame.fatalities > 0).sum())
    from geo.model import Mention, Place

    places = places_frame([Mention("Aleppo", 0, 6, Place("170063", "Aleppo", 36.2, 37.16, "P", "PPLA", "SY")),
                           Mention("Nowhere", 10, 17, None)])
    assert places.geometry[1] is None and render(recent, places).place_count == 1
    explored = frame.explore(column="event_type")  # the explore extra: matplotlib, mapclassify
    assert "folium" in type(explored).__module__


def test_reports_count_and_name_their_sources(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """'from 1 article' for six; file names or absolute file:/// links; an article with places but no events was
    refused; no note on method."""
    articles = sorted((Path(__file__).parent / "data" / "events").glob("00[1-6]_*.txt"))
    out = tmp_path / "sent" / "report.html"
    result = run("report", *map(str, articles), "-o", str(out), "--offline")
    assert result.exit_code == 0 and "from 6 source(s)" in result.output, result.output
    page = out.read_text(encoding="utf-8")
    assert "from 6 sources" in page and "file://" not in page
    assert "NAIROBI, Kenya (AP) -- Police fired tear gas" in page  # the article's first line, not its file name
    assert 'href="../../../' not in page or all(not h.startswith("/") for h in page.split('href="')[1:])
    assert "How this was made" in page and "lowest figure reported" in page and "Place precision: 1" in page
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("The mayor visited Aleppo and Idlib last week to open a school.\n", encoding="utf-8")
    for name in ("quiet.html", "quiet.md"):
        result = run("report", str(quiet), "-o", str(tmp_path / name), "--offline")
        assert result.exit_code == 0 and "no events, 2 places" in result.output, result.output
    text = (tmp_path / "quiet.md").read_text(encoding="utf-8")
    assert "| Aleppo | SY | 1 |" in text and "no events were found" in text
    assert "no events were found" in (tmp_path / "quiet.html").read_text(encoding="utf-8")
    table = run("report", str(UCDP), "-o", str(tmp_path / "ucdp.html"), "--offline")
    assert table.exit_code == 0 and "from 6 source(s)" in table.output
    assert "read from event tables" in (tmp_path / "ucdp.html").read_text(encoding="utf-8")


def test_another_tools_features_are_read_by_their_points(tmp_path: Path) -> None:
    """A QGIS layer of incidents (GeoPackage in Web Mercator, GeoJSON, GeoParquet): the points are the places."""
    import geopandas
    from shapely.geometry import Point

    layer = geopandas.GeoDataFrame(
        {"category": ["Shelling", "Protest", "Kidnapping"], "day": ["2016-10-03", "2016-10-04", "2016-10-05"],
         "deaths": [4, 0, 0], "description": ["Shells hit a market", "A rally", "Two aid workers taken"]},
        geometry=[Point(37.16, 36.2), Point(28.95, 41.01), Point(13.42, 11.65)], crs="EPSG:4326")
    for name, frame in (("incidents.gpkg", layer.to_crs(3857)), ("incidents.geojson", layer),
                        ("incidents.parquet", layer)):
        path = tmp_path / name
        if name.endswith(".parquet"):
            frame.to_parquet(path)
        else:
            frame.to_file(path)
        events = read_events(path)
        assert [(e.event_type, e.date, e.fatalities) for e in events] == [
            ("Explosions/Remote violence", "2016-10-03", 4), ("Protests", "2016-10-04", 0),
            ("Violence against civilians", "2016-10-05", 0)], name
        assert [(round(e.lat or 0, 4), round(e.lon or 0, 4)) for e in events] == [
            (36.2, 37.16), (41.01, 28.95), (11.65, 13.42)], name
        assert events[2].original_type == "Kidnapping" and events[0].evidence[0].text == "Shells hit a market"


@st.composite
def _mentions(draw: Any) -> Any:
    from geo.model import Mention, Place

    text = draw(_TEXT)
    start = draw(st.integers(0, 10_000))
    place = None if draw(st.booleans()) else Place(
        draw(st.integers(1, 10**8).map(str)), draw(_TEXT), draw(st.floats(-89, 89).map(lambda v: round(v, 5))),
        draw(st.floats(-179, 179).map(lambda v: round(v, 5))), "P", draw(st.sampled_from(["PPL", "ADM1", "PCLI"])),
        draw(st.sampled_from(["SY", "IQ"])), admin1=draw(_TEXT))
    return Mention(text, start, start + len(text), place, score=round(draw(st.floats(0, 1)), 3),
                   status="resolved" if place else "unknown")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.lists(_mentions(), min_size=1, max_size=4)),
                     min_size=1, max_size=3),
       fmt=st.sampled_from(["csv", "gpkg", "fgb"]))
def test_every_places_writer_round_trips(tmp_path: Path, docs: list[Any], fmt: str) -> None:
    import pandas as pd
    import pyogrio

    from geo.formats.registry import get, writer

    path = tmp_path / f"places.{fmt}"
    binary = get(fmt, "mentions").binary
    with path.open("wb" if binary else "w", encoding=None if binary else "utf-8") as out:
        writer(fmt, "mentions")(docs, out, **({"raw_csv": True} if fmt == "csv" else {}))
    frame = pd.read_csv(path, dtype=str, keep_default_na=False) if fmt == "csv" else pyogrio.read_dataframe(path)
    expected = [{"id": i, **m.to_dict()} for i, ms in docs for m in ms]
    assert len(frame) == len(expected)
    for row, want in zip(frame.to_dict("records"), expected, strict=True):
        for key in ("id", "text", "name", "geonameid", "country_code", "status"):
            got = row.get(key)
            assert (got if got not in ("", None) and got == got else None) == (want[key] or None), (key, row, want)
        for key in ("start", "end"):
            assert int(row[key]) == want[key]
        if want["lat"] is not None:
            assert abs(float(row["lat"]) - want["lat"]) < 1e-9 and abs(float(row["lon"]) - want["lon"]) < 1e-9
