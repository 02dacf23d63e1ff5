"""Bad input, faults and injections (issue 19), each fed through the command line as a hostile user would."""
from __future__ import annotations

import json
from pathlib import Path

from geo.events.numbers import MAX_FIGURE, parse_number


def test_years_ago_before_the_calendar(run) -> None:  # type: ignore[no-untyped-def]
    """'built 2500 years ago' raised OverflowError: date value out of range."""
    result = run("events", "-", "--published", "2016-10-04", "--format", "json",
                 input="The citadel was built 2500 years ago. Shelling hit Aleppo 99999 years ago.")
    assert result.exit_code == 0, result.output
    assert all(e["date"] is None or e["date"] <= "2016-10-04" for e in json.loads(result.output))


def test_implausible_figures_are_no_figures(run) -> None:  # type: ignore[no-untyped-def]
    """'killed 99999999999999999999 people' went through float and broke the GeoParquet writer."""
    assert parse_number("99999999999999999999") is None
    assert parse_number("2.5 million") == 2_500_000 and parse_number("1,234") == 1234
    assert parse_number(str(MAX_FIGURE + 1)) is None
    result = run("events", "-", "--published", "2016-10-04", "--format", "json",
                 input="Gunmen killed 99999999999999999999 people in Aleppo on Monday.")
    assert result.exit_code == 0
    assert all(e["fatalities"] <= MAX_FIGURE for e in json.loads(result.output))


def test_report_links_never_run_script(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from maps.report import safe_link

    for bad in (" javascript:alert(1)", "\tjavascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x",
                "file:///etc/passwd", "/etc/passwd", "vbscript:x"):
        assert safe_link(bad) is None, bad
    assert safe_link("articles/a b.txt") == "articles/a%20b.txt"
    article = tmp_path / " javascript:alert(1)"
    article.write_text("Shelling killed four civilians in Aleppo on Monday.", encoding="utf-8")
    out = tmp_path / "report.html"
    result = run("report", str(article), "-o", str(out), "--published", "2016-10-04", "--offline")
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert 'href=" javascript' not in page and 'href="javascript' not in page.lower()


def test_tile_host_is_text(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from maps.style import resolve_tiles

    spec = resolve_tiles("https://<img src=x onerror=alert(1)>/{z}/{x}/{y}.png")
    assert spec is not None and "<img" not in spec.attribution and "&lt;img" in spec.attribution


def test_jsonl_ends_lines_at_newline_only(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Valid JSON Lines whose strings hold U+0085, U+2028, U+2029 were split into broken records."""
    feed = tmp_path / "feed.jsonl"
    text = "Shelling killed four civilians in Aleppo\u2028on Monday.\u0085 Idlib\u2029was calm."
    feed.write_text(json.dumps({"id": 1, "text": text}, ensure_ascii=False) + "\r\n", encoding="utf-8")
    for command in (["places", "--jsonl", str(feed)], ["events", "--jsonl", str(feed), "--published",
                                                         "2016-10-04"]):
        result = run(*command, "--format", "jsonl")
        assert result.exit_code == 0, result.output
        assert [json.loads(line)["id"] for line in result.output.split("\n") if line.startswith("{")] == [1]


def test_output_never_follows_a_planted_link(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The temporary file was '.NAME.<pid>.tmp': a symlink planted there redirected the write elsewhere."""
    import os

    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "events.json"
    (tmp_path / f".{out.name}.{os.getpid()}.tmp").symlink_to(victim)
    article = tmp_path / "a.txt"
    article.write_text("Shelling killed four civilians in Aleppo on Monday.", encoding="utf-8")
    assert run("events", str(article), "--published", "2016-10-04", "-o", str(out)).exit_code == 0
    assert victim.read_text(encoding="utf-8") == "precious"
    assert out.is_file() and not out.is_symlink() and json.loads(out.read_text(encoding="utf-8"))


def test_csv_cells_never_run_as_spreadsheet_formulas(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """CSV cells starting with = + - @ were written raw: a spreadsheet opening the export ran them (item 7)."""
    import csv

    article = tmp_path / "a.txt"
    article.write_text('=HYPERLINK("http://x.test","click") Shelling killed four civilians in Aleppo on Monday.',
                       encoding="utf-8")
    out = tmp_path / "events.csv"
    assert run("events", str(article), "--published", "2016-10-04", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    cells = [v for r in rows for v in r.values()]
    assert rows and not any(v.startswith(("=", "+", "@")) for v in cells)
    assert any(v.startswith("'=HYPERLINK") for v in cells)
    raw = tmp_path / "raw.csv"
    assert run("events", str(article), "--published", "2016-10-04", "-o", str(raw), "--raw-csv").exit_code == 0
    assert any(v.startswith("=HYPERLINK") for r in csv.DictReader(raw.open(encoding="utf-8")) for v in r.values())
    from geo import read_events  # the apostrophe is dropped again on reading

    assert any(e.evidence and e.evidence[0].text.startswith("=HYPERLINK") for e in read_events(out))

    name = '=HYPERLINK("http://x.test")'
    assert run("gazetteer", "add", name, "--lat", "1", "--lon", "-2", "--country", "SY").exit_code == 0
    export = tmp_path / "entries.csv"
    assert run("gazetteer", "export", "-o", str(export)).exit_code == 0
    row = next(r for r in csv.DictReader(export.open(encoding="utf-8")) if "HYPERLINK" in r["name"])
    assert row["name"] == "'" + name and row["lon"] == "-2.0"  # a negative number stays a number
    listed = run("gazetteer", "list", "--format", "csv", "--raw-csv")
    assert [r["name"] for r in csv.DictReader(listed.output.splitlines())] == [name]
    assert run("gazetteer", "remove", "custom:1").exit_code == 0
    assert run("gazetteer", "import", str(export)).exit_code == 0
    assert [e["name"] for e in json.loads(run("gazetteer", "list", "--format", "json").output)] == [name]
