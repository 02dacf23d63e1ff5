"""The geo command as a user runs it: formats, stdin, JSONL batch, help text, and bad input."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import SEED


def test_help_texts(run) -> None:  # type: ignore[no-untyped-def]
    out = run("--help").output
    assert "Turn news reports into maps" in out and "places" in out and "resolve" in out and "gazetteer" in out
    assert "--jsonl" in run("places", "--help").output
    assert "null where the resolver" in run("resolve", "--help").output
    assert "--alias" in run("gazetteer", "add", "--help").output


def test_places_json_fields(run) -> None:  # type: ignore[no-untyped-def]
    result = run("places", str(SEED), "--format", "json")
    assert result.exit_code == 0
    mentions = json.loads(result.output)
    first = mentions[0]
    for field in ("text", "start", "end", "name", "lat", "lon", "geonameid", "feature_code", "country_code",
                  "admin1", "score"):
        assert field in first
    text = SEED.read_text(encoding="utf-8")
    assert all(text[m["start"]:m["end"]] == m["text"] for m in mentions)
    assert first["text"] == "WASHINGTON" and first["country_code"] == "US"


def test_stdin_geojson(run) -> None:  # type: ignore[no-untyped-def]
    result = run("places", "-", "--format", "geojson", input="Shelling hit Aleppo, Syria, on Monday.")
    fc = json.loads(result.output)
    assert fc["type"] == "FeatureCollection"
    lon, lat = fc["features"][0]["geometry"]["coordinates"]
    assert 36 < lat < 36.5 and 37 < lon < 37.3  # GeoJSON order is [lon, lat]


def test_jsonl_batch_and_resolve(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join(json.dumps(d) for d in [{"id": "a", "text": "Fighting in Aleppo."},
                                                         {"id": 2, "text": "Nothing here."}]) + "\n")
    lines = [json.loads(x) for x in run("places", "--jsonl", str(docs)).output.splitlines()]
    assert [r["id"] for r in lines] == ["a", 2]
    assert lines[0]["places"][0]["name"] == "Aleppo" and lines[1]["places"] == []
    spans = tmp_path / "spans.jsonl"
    spans.write_text(json.dumps({"id": "s", "text": "Aleppo and Xqzzy.", "spans": [[0, 6], [11, 16]]}) + "\n")
    rec = json.loads(run("resolve", "--jsonl", str(spans), "--format", "jsonl").output)
    assert rec["id"] == "s" and len(rec["places"]) == 2
    # a name no gazetteer lists is put at the text's focal place, and says so; --no-approximate leaves it null
    assert rec["places"][0]["country_code"] == "SY"
    assert rec["places"][1]["status"] == "approximate" and rec["places"][1]["name"] == "Aleppo"
    rec = json.loads(run("resolve", "--jsonl", str(spans), "--no-approximate").output)
    assert rec["places"][1] is None


def test_explain(run) -> None:  # type: ignore[no-untyped-def]
    out = run("places", "-", "--format", "json", "--explain", input="Fighting near al-Rai, Syria.").output
    m = json.loads(out)[0]
    assert m["reasons"] and m["alternatives"]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"   \n  ", "is empty"),
    (b"\x00\x01\x02binary", "binary"),
    (b"caf\xe9 in Aleppo", "not valid UTF-8"),
])
def test_bad_text_input(run, tmp_path: Path, content: bytes, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("places", str(path))
    assert result.exit_code != 0
    assert message in result.output and str(path) in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_missing_file_and_directory(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for target, message in ((tmp_path / "nope.txt", "no such file"), (tmp_path, "is a directory")):
        result = run("places", str(target))
        assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("lines", "message"), [
    ('{"id": "a", "text": "x"}\n{"id": "b", "text": ', "line 2: not valid JSON"),
    ('{"id": "a"}\n', "line 1: missing field 'text'"),
    ('[1, 2]\n', "line 1: expected a JSON object"),
    ('{"id": "a", "text": 5}\n', "line 1: field 'text' has the wrong type"),
])
def test_malformed_jsonl(run, tmp_path: Path, lines: str, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "docs.jsonl"
    path.write_text(lines)
    out_file = tmp_path / "out.jsonl"
    result = run("places", "--jsonl", str(path), "-o", str(out_file))
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output
    assert not out_file.exists()  # nothing half-written


def test_resolve_rejects_bad_spans(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "spans.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Aleppo", "spans": [[0, 60]]}) + "\n")
    result = run("resolve", "--jsonl", str(path))
    assert result.exit_code != 0 and "outside the text" in result.output
    assert "spans.jsonl record 1:" in result.output  # the message names the input and the record


def test_gazetteer_add_search_and_errors(run) -> None:  # type: ignore[no-untyped-def]
    ok = run("gazetteer", "add", "Dabiq", "--lat", "36.537", "--lon", "37.271", "--country", "SY",
             "--alias", "دابق")
    assert ok.exit_code == 0 and "custom:1" in ok.output
    found = json.loads(run("gazetteer", "search", "Dābiq", "--format", "json").output)
    assert found[0]["id"] == "custom:1" and found[0]["source"] == "custom"
    assert json.loads(run("gazetteer", "search", "دابق", "--format", "json").output)[0]["id"] == "custom:1"
    for args, message in [
        (("--lat", "95", "--lon", "1", "--country", "SY"), "out of range"),
        (("--lat", "0", "--lon", "0", "--country", "SY"), "0,0"),
        (("--lat", "36.537", "--lon", "37.271", "--country", "XX"), "unknown country code"),
        (("--lat", "36.5371", "--lon", "37.2711", "--country", "SY"), "already exists"),
    ]:
        bad = run("gazetteer", "add", "Dabiq", *args)
        assert bad.exit_code != 0 and message in bad.output and "Traceback" not in bad.output
    text = SEED.read_text(encoding="utf-8")
    places = json.loads(run("places", str(SEED), "--format", "json").output)
    dabiq = [p for p in places if p["text"] == "Dabiq"]
    assert len(dabiq) == text.count("Dabiq") == 2 and all(p["geonameid"] == "custom:1" for p in dabiq)
