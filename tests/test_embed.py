"""Embedding: fragments side by side on one page, iframe snippets, PNG export, and `geo report` (HTML, Markdown)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .browser import Page, chromium_path
from .conftest import SEED

DATA = Path(__file__).parent / "data" / "events"
ARTICLES = [SEED, DATA / "001_kenya_protests.txt", DATA / "007_sudan_fighting.txt"]






def test_three_fragments_on_one_page(run, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parts = []
    for i, article in enumerate(ARTICLES):
        out = tmp_path / f"fragment{i}.html"
        result = run("map", str(article), "--embed", "-o", str(out), "--height", "320px", "--title", f"Map {i}")
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        assert "<html" not in text and "<body" not in text and "html, body" not in text  # a fragment, not a page
        parts.append(text)
    host = tmp_path / "host.html"
    host.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Briefing</title>"
                    "<style>body{font-family:serif}</style></head><body><h1>Briefing</h1>"
                    + "".join(f"<section><h2>Part {i}</h2>{p}</section>" for i, p in enumerate(parts))
                    + "</body></html>", encoding="utf-8")
    p = Page(browser)
    page = p.page
    page.goto(host.as_uri())
    page.wait_for_function("() => document.querySelectorAll('[data-reportmap-ready]').length === 3", timeout=30_000)
    maps = page.evaluate("""() => Object.values(ReportMap.maps).map(st => ({
        id: st.map.getContainer().id, height: st.map.getContainer().clientHeight,
        events: st.layers.reduce((s, l) => s + l.getLayers().length, 0)}))""")
    assert len(maps) == 3 and len({m["id"] for m in maps}) == 3
    assert all(m["height"] == 320 and m["events"] > 0 for m in maps)
    assert page.locator("style#reportmap-leaflet_css").count() == 1  # assets once, whoever came first
    assert page.evaluate("() => typeof map === 'undefined' && Object.keys(window).filter("
                         "k => k.startsWith('map_')).length") == 0  # no global names per map
    assert [t.strip() for t in page.locator(".reportmap-title").all_inner_texts()] == ["Map 0", "Map 1", "Map 2"]
    page.locator(".leaflet-control-zoom-in").nth(1).click()  # each map works on its own
    assert p.errors == [] and p.dialogs == []


def test_iframe_snippet(run, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "snippet.html"
    # offline: requests from an about:srcdoc frame are not reliably routed to the test's fake tile server
    assert run("map", str(SEED), "--iframe", "-o", str(out), "--title", 'Aleppo "<b>', "--height", "400px",
               "--offline").exit_code == 0
    snippet = out.read_text(encoding="utf-8")
    assert snippet.startswith('<iframe title="Aleppo &quot;&lt;b&gt;" srcdoc="') and "height:400px" in snippet
    host = tmp_path / "host.html"
    host.write_text(f"<!DOCTYPE html><html><body>{snippet}</body></html>", encoding="utf-8")
    p = Page(browser)
    p.page.goto(host.as_uri())
    frame = p.page.frame_locator("iframe")
    frame.locator("[data-reportmap-ready]").wait_for(state="attached", timeout=30_000)
    assert frame.locator(".reportmap-title").inner_text() == 'Aleppo "<b>'
    assert p.errors == []


def _pixels(path: Path) -> tuple[float, int]:
    from PIL import Image, ImageStat

    image = Image.open(path).convert("RGB")
    variance = sum(ImageStat.Stat(image).var) / 3
    data = image.tobytes()
    orange = sum(1 for i in range(0, len(data), 3)
                 if abs(data[i] - 0xE6) < 25 and abs(data[i + 1] - 0x9F) < 25 and data[i + 2] < 60)
    return variance, orange


def test_png_of_the_seed_map(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if chromium_path() is None:
        pytest.skip("PNG export needs Debian's chromium (make test installs it)")
    out = tmp_path / "seed.png"
    result = run("map", str(SEED), "--png", "-o", str(out), "--offline", "--width", "900", "--height", "600")
    assert result.exit_code == 0, result.output
    from PIL import Image

    assert Image.open(out).size == (900, 600)
    variance, orange = _pixels(out)
    assert variance > 100  # not blank
    assert orange > 20  # the Explosions/Remote violence markers (Okabe-Ito orange) are drawn
    committed = Path(__file__).resolve().parent.parent / "docs" / "seed-map.png"
    assert committed.exists() and _pixels(committed)[1] > 20


def test_png_needs_chromium(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", str(tmp_path))  # no chromium on PATH
    monkeypatch.delenv("GEO_CHROMIUM", raising=False)
    result = run("map", str(SEED), "--png", "-o", str(tmp_path / "x.png"))
    assert result.exit_code == 1 and "apt-get install chromium" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.png").exists()


def test_report_html(run, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "report" / "report.html"
    result = run("report", *map(str, ARTICLES), "-o", str(out), "--title", "Week 40 <script>alert(1)</script>",
                 "--offline")
    assert result.exit_code == 0, result.output
    events = json.loads(run("events", *map(str, ARTICLES), "--format", "json").output)
    p = Page(browser, tiles=False)
    page = p.open(out.as_uri())
    assert page.locator("#events tbody tr").count() == len(events)
    assert page.locator(".reportmap-embed [data-reportmap-ready]").count() == 1  # the map is there
    assert page.locator("h1").inner_text() == "Week 40 <script>alert(1)</script>"
    assert page.locator("#sources li a").count() == 3
    first = page.locator("#events tbody tr td:nth-child(5)")
    page.locator("#events th", has_text="Fatalities").click()
    values = [int(v) for v in first.all_inner_texts()]
    assert values == sorted(values)
    page.locator("#events th", has_text="Fatalities").click()
    assert [int(v) for v in first.all_inner_texts()] == sorted(values, reverse=True)
    totals = {r.split("\t")[0]: r for r in page.locator("#by-type tbody tr").all_inner_texts()}
    assert set(totals) == {e["event_type"] for e in events}
    assert p.errors == [] and p.dialogs == [] and p.requests == [out.as_uri()]
    assert "@media print" in out.read_text(encoding="utf-8")


def test_report_markdown(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if chromium_path() is None:
        pytest.skip("the Markdown report's image needs Debian's chromium")
    out = tmp_path / "report.md"
    result = run("report", *map(str, ARTICLES), "-o", str(out), "--offline", "--title", "Week | 40 [x](y)")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Week \\| 40 \\[x\\]\\(y\\)") and "![Map of the events](report.png)" in text
    assert (tmp_path / "report.png").stat().st_size > 10_000
    events = json.loads(run("events", *map(str, ARTICLES), "--format", "json").output)
    table = text.split("## Events\n", 1)[1].split("## Sources")[0]
    assert len([line for line in table.splitlines() if re.match(r"^\| \d{4}-", line)]) == len(events)


def test_report_bad_input(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("report", str(SEED), "-o", str(tmp_path / "report.pdf"))
    assert result.exit_code == 1 and "name the report .html or .md" in result.output
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("Nothing happened on Monday.", encoding="utf-8")  # no event and no place (places alone: a
    result = run("report", str(quiet), "-o", str(tmp_path / "r.html"), "--published", "2020-01-01")  # report)
    assert result.exit_code == 1 and "no events or places to report" in result.output
    assert not (tmp_path / "r.html").exists()
