"""`geo map` and maps.render: the page in Chromium (layers, legend, toggling, offline, XSS), and bad input."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from maps.style import EVENT_STYLES

from .browser import Page
from .conftest import SEED


def _state(page: Any, expr: str) -> Any:
    return page.evaluate(f"() => {{ const st = Object.values(ReportMap.maps)[0]; return {expr}; }}")


def test_seed_map_layers_legend_and_toggling(run, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "seed.html"
    result = run("map", str(SEED), "-o", str(out), "--title", "Syria, week 40")
    assert result.exit_code == 0, result.output
    events = json.loads(run("events", str(SEED), "--format", "json").output)
    expected = Counter(e["event_type"] for e in events)
    p = Page(browser)
    page = p.open(out.as_uri())
    types = [s["name"] for s in EVENT_STYLES]
    drawn = {types[t]: n for t, n in enumerate(_state(page, "st.layers.map(l => l.getLayers().length)")) if n}
    assert drawn == dict(expected)
    labels = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    for kind, n in expected.items():
        assert any(f"{kind} ({n})" in text for text in labels), labels
    legend = page.locator(".reportmap-legend-row[data-type]")
    assert sorted(legend.evaluate_all("rows => rows.map(r => r.dataset.type)")) == sorted(expected)
    assert "Syria, week 40" in page.locator(".reportmap-title").inner_text()
    # toggling a layer hides its markers and greys its legend row
    battles = types.index("Battles")
    box = page.locator(".leaflet-control-layers-overlays label", has_text="Battles").locator("input")
    box.uncheck()
    assert _state(page, f"st.map.hasLayer(st.layers[{battles}])") is False
    assert _state(page, f"st.layers[{battles}].getLayers().every(m => !st.map.hasLayer(m))") is True
    assert "hidden" in page.locator('.reportmap-legend-row[data-type="Battles"]').inner_text()
    assert "reportmap-off" in (page.locator('.reportmap-legend-row[data-type="Battles"]').get_attribute("class") or "")
    box.check()
    assert _state(page, f"st.map.hasLayer(st.layers[{battles}])") is True
    # a popup shows the evidence as text
    _state(page, "st.openPopup(0)")
    assert page.locator(".reportmap-evidence").inner_text().strip()
    assert p.errors == [] and p.dialogs == []
    fetched = [u for u in p.requests if not u.startswith("file:")]
    assert fetched and all(u.endswith(".png") for u in fetched)  # tiles only: no code from a CDN


def test_offline_map_needs_no_network(run, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "offline.html"
    assert run("map", str(SEED), "-o", str(out), "--offline", "--heatmap", "--timeline").exit_code == 0
    p = Page(browser, tiles=False)
    page = p.open(out.as_uri())
    assert p.requests == [out.as_uri()]  # the page itself and nothing else
    assert p.errors == []
    assert page.locator(".reportmap-timeline input[type=range]").count() == 2  # from and to
    # the labelled basemap at the map's own first view (zoom 7 over northern Syria): towns, the border
    # country, the sea, placed by protomaps on its canvas (read from its label index)
    page.wait_for_selector('[data-reportmap-basemap="drawn"]', state="attached", timeout=20_000)
    assert _state(page, "st.map.getZoom()") == 7
    labels = set(_state(page, "(() => { const out = []; const lab = st.basemap.labelers.labelers.get(st.map.getZoom());"
                              " for (const set of lab.index.current.values()) for (const l of set)"
                              " out.push(l.deduplicationKey); return out; })()"))
    assert {"Aleppo", "Idlib", "Turkey", "Syria", "Mediterranean Sea", "Damascus"} <= labels, sorted(labels)
    assert page.locator(".leaflet-reportmap-basemap-pane canvas").count() >= 6  # tiles drawn, not a grey void
    assert _state(page, "st.map.getMaxZoom()") == 10  # the data's deepest zoom (7) and three drawn from it
    assert p.requests == [out.as_uri()]


PAYLOADS = ['<img src=x onerror=alert(1)>', '</script><script>alert(2)</script>', '`${alert(3)}`',
            '"><svg onload=alert(4) id=pwned>', "'); alert(5); ('", "javascript:alert(6)"]


def test_xss_payloads_show_as_text(run, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    events = []
    for i, payload in enumerate(PAYLOADS):
        events.append({
            "event_type": EVENT_STYLES[i % 6]["name"], "sub_event_type": payload, "date": "2016-10-03",
            "time_precision": 1, "location": payload, "lat": 36.2 + i / 10, "lon": 37.1 + i / 10,
            "geonameid": payload, "geo_precision": 1 + i % 3, "admin1": payload, "country_code": "SY",
            "actors": [payload], "fatalities": i, "fatalities_text": payload,
            "evidence": [{"text": payload, "start": 0, "end": len(payload)}], "source": payload})
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(events), encoding="utf-8")
    out = tmp_path / "evil.html"
    result = run("map", str(path), "-o", str(out), "--title", PAYLOADS[0] + PAYLOADS[1], "--timeline")
    assert result.exit_code == 0, result.output
    p = Page(browser)
    page = p.open(out.as_uri())
    for i, payload in enumerate(PAYLOADS):
        _state(page, f"st.openPopup({i})")
        text = page.locator(".leaflet-popup-content").last.inner_text()
        assert payload in text
        source = page.locator(".reportmap-source").last.inner_text()
        assert payload in source
    assert page.locator(".reportmap-title").inner_text() == PAYLOADS[0] + PAYLOADS[1]
    assert page.title() == PAYLOADS[0] + PAYLOADS[1]
    injected = "img[src=x], #pwned, svg[onload], .leaflet-popup-content a"
    assert page.evaluate(f"() => document.querySelectorAll('{injected}').length") == 0
    assert p.dialogs == [] and p.errors == []


def test_clusters_account_for_every_event(browser, tmp_path: Path, user_store: Path) -> None:
    from benchmarks.map_scale import synthetic
    from maps import render, save

    m = render(synthetic(3000), offline=True)
    save(m, tmp_path / "many.html")
    p = Page(browser, tiles=False)
    page = p.open((tmp_path / "many.html").as_uri())
    total = _state(page, """st.layers.reduce((sum, l) => sum + l.getLayers().reduce(
        (s, m) => s + (m._rmCluster !== undefined ? m.options.count : 1), 0), 0)""")
    assert total == 3000 and p.errors == []
    assert _state(page, "st.layers.reduce((s, l) => s + l.getLayers().length, 0)") < 3000  # clustered


def test_bad_event_files(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = {"event_type": "Battles", "sub_event_type": "Armed clash", "date": "2016-10-03", "location": "Aleppo",
            "lat": 36.2, "lon": 37.16}
    rows = [good, {**good, "lat": None}, {**good, "lat": 95.0}, {**good, "lon": -181}, {**good, "event_type": "Picnic"}]
    path = tmp_path / "partly.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    out = tmp_path / "partly.html"
    result = run("map", str(path), "-o", str(out))
    assert result.exit_code == 0 and out.exists()
    assert "skipped 4 of 5 events" in result.output and "no coordinates" in result.output
    assert "coordinates out of range" in result.output and "unknown event type 'Picnic'" in result.output
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    result = run("map", str(empty), "-o", str(tmp_path / "empty.html"))
    assert result.exit_code == 1 and "no events or places to map" in result.output
    assert not (tmp_path / "empty.html").exists()
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    result = run("map", str(broken), "-o", str(tmp_path / "b.html"))
    assert result.exit_code == 1 and "malformed JSON" in result.output and "Traceback" not in result.output
    for args, message in [(("--tiles", "stamen"), "unknown tiles 'stamen'"), ((), "name it .html")]:
        target = str(tmp_path / ("x.png" if not args else "x.html"))
        result = run("map", str(SEED), "-o", target, *args)
        assert result.exit_code != 0 and message in result.output


def test_render_api_returns_a_folium_map(user_store: Path) -> None:
    import folium

    from geo import extract_events, parse_places
    from maps import render

    text = SEED.read_text(encoding="utf-8")
    m = render(extract_events(text), parse_places(text), title="Seed", tiles="osm")
    assert isinstance(m, folium.Map)
    folium.Marker([36.2, 37.16], tooltip="added later").add_to(m)  # users keep customising it
    page = m.get_root().render()
    assert "tile.openstreetmap.org" in page and "cdn.jsdelivr" not in page and "added later" in page
    notebook = m._repr_html_()  # Jupyter shows the same self-contained page in an iframe
    assert "<iframe" in notebook and "ReportMap.render" in notebook


def test_custom_entry_appears_on_the_map(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gazetteer import distance_km

    assert run("gazetteer", "add", "Dabiq", "--lat", "36.537", "--lon", "37.271", "--country", "SY").exit_code == 0
    out = tmp_path / "seed.html"
    assert run("map", str(SEED), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    start = page.index('type="application/json"')
    block = json.loads(page[page.index(">", start) + 1:page.index("</script>", start)])
    places = block["places"]
    names = [block["strings"][i] for i in places["name"]]
    k = names.index("Dabiq")
    assert distance_km(places["lat"][k], places["lon"][k], 36.537, 37.271) < 10 and places["count"][k] == 2


def test_map_from_standard_input(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "stdin.html"
    result = run("map", "-", "-o", str(out), input=SEED.read_text(encoding="utf-8"))  # read once, not twice
    assert result.exit_code == 0, result.output
    expected = len(json.loads(run("events", str(SEED), "--format", "json").output))
    assert f"{expected} events" in result.output and out.exists()


def test_page_columns_cover_the_event_schema() -> None:
    """A new Event field reaches the page or is left out on purpose: never forgotten."""
    from geo.schema import event_columns
    from maps.data import PAGE_COLUMNS, PAGE_LEAVES_OUT

    drawn = {field for _, field, _ in PAGE_COLUMNS}
    assert drawn.isdisjoint(PAGE_LEAVES_OUT)
    assert drawn | PAGE_LEAVES_OUT == {c.name for c in event_columns()}


def test_a_failed_tile_load_falls_back_to_the_labelled_basemap(run, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Behind a newsroom firewall the tile server does not answer: the offline basemap is drawn instead."""
    out = tmp_path / "online.html"
    assert run("map", str(SEED), "-o", str(out)).exit_code == 0
    online = Page(browser)  # tiles answer: no basemap of ours under them
    page = online.open(out.as_uri())
    assert _state(page, "!!st.basemap") is False
    assert page.get_attribute("[data-reportmap-ready]", "data-reportmap-basemap") == "none"
    blocked = Page(browser, tiles=False)  # every tile request fails
    page = blocked.open(out.as_uri())
    page.wait_for_selector('[data-reportmap-basemap="drawn"]', state="attached", timeout=20_000)
    assert _state(page, "!!st.basemap") is True
    assert all("net::" in e or "Failed to load resource" in e for e in blocked.errors), blocked.errors


_UNOBSCURED = """() => {
  const st = Object.values(ReportMap.maps)[0], box = st.map.getContainer().getBoundingClientRect();
  const controls = [...st.map.getContainer().querySelectorAll('.leaflet-control')].map(c => c.getBoundingClientRect())
    .filter(r => r.width > 0 && r.height > 0);
  const out = [];
  const data = st.layers.flatMap(l => l.getLayers().map(m => m.getLatLng()));
  for (const ll of data) {
    const p = st.map.latLngToContainerPoint(ll), x = box.left + p.x, y = box.top + p.y;
    const inside = p.x >= 8 && p.y >= 8 && p.x <= box.width - 8 && p.y <= box.height - 8;
    const covered = controls.some(r => x + 8 > r.left && x - 8 < r.right && y + 8 > r.top && y - 8 < r.bottom);
    out.push([ll.lat, ll.lng, inside, covered]);
  }
  return out;
}"""


def test_small_maps_show_every_event_unobscured(run, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An 800 x 400 embed and a 390 x 844 phone: the layer list and the legend are buttons, every event of the
    seed's first view is clear of them, and a popup fits."""
    page_path = tmp_path / "seed.html"
    assert run("map", str(SEED), "-o", str(page_path), "--offline").exit_code == 0
    fragment = tmp_path / "fragment.html"
    assert run("map", str(SEED), "--embed", "-o", str(fragment), "--offline", "--width", "800px",
               "--height", "400px").exit_code == 0
    host = tmp_path / "host.html"
    host.write_text("<!DOCTYPE html><html><body><h1>Story</h1>" + fragment.read_text(encoding="utf-8")
                    + "<p>After the map.</p></body></html>", encoding="utf-8")
    for url, (w, h) in ((page_path.as_uri(), (390, 844)), (host.as_uri(), (1000, 700))):
        p = Page(browser, tiles=False, width=w, height=h)
        page = p.open(url)
        assert page.locator(".leaflet-control-layers-expanded").count() == 0  # a button, not the list
        assert page.locator(".reportmap-legend.reportmap-collapsed").count() == 1
        shown = page.evaluate(_UNOBSCURED)
        near = [s for s in shown if 30 < s[0] < 40 and 34 < s[1] < 42]  # the Syrian events of the first view
        assert near and all(inside and not covered for _, _, inside, covered in near), shown
        page.locator(".reportmap-legend-toggle").click()
        assert page.locator(".reportmap-legend.reportmap-collapsed").count() == 0
        assert page.locator(".reportmap-legend-toggle").get_attribute("aria-expanded") == "true"
        assert p.errors == []
    result = run("map", str(SEED), "-o", str(tmp_path / "c.html"), "--offline", "--collapsed")
    assert result.exit_code == 0
    page = Page(browser, tiles=False).open((tmp_path / "c.html").as_uri())
    assert page.locator(".reportmap-legend.reportmap-collapsed").count() == 1  # on request on a large screen too


def test_folium_elements_added_to_a_rendered_map_work_offline(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`maps.render` returns a folium.Map "to keep customising": a folium.Marker with a popup once threw
    `$ is not defined` (folium's jQuery was dropped) and stopped the rest of the page's script."""
    import folium

    from geo.model import Event
    from maps import render, save

    m = render([Event("Battles", "Armed clash", "2016-10-03", 1, "Aleppo", 36.2, 37.16, None, 1, "", "SY")],
               offline=True)
    folium.Marker([36.5, 37.3], popup=folium.Popup("<b>Our reporter</b> was here", max_width=200),
                  tooltip="Reporter").add_to(m)
    folium.CircleMarker([36.0, 37.0], radius=6, popup="A circle").add_to(m)
    out = tmp_path / "custom.html"
    save(m, out)
    p = Page(browser, tiles=False)
    page = p.open(out.as_uri())
    assert p.errors == [] and p.requests == [out.as_uri()]  # nothing from a CDN, nothing thrown
    page.locator(".leaflet-marker-icon").first.click()
    assert "Our reporter" in page.locator(".leaflet-popup-content").inner_text()
    assert _state(page, "st.count(0)") == 1  # our layer drew too
    plain = render([], offline=True).get_root().render()
    assert 'data-asset="jquery_js"' not in plain  # a map nobody customised stays lean


def test_time_window_play_and_permalink(run, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "seed.html"
    assert run("map", str(SEED), "-o", str(out), "--offline", "--timeline").exit_code == 0
    p = Page(browser, tiles=False)
    page = p.open(out.as_uri())
    assert _state(page, "st.timeline.bounds()") == ["2016-09-19", "2016-10-04"]
    assert _state(page, "st.timeline.window()") is None  # the whole period: every event, the undated too
    ticks = page.locator(".reportmap-tick").evaluate_all("ts => ts.map(t => parseFloat(t.style.left))")
    assert ticks[0] == 0 and ticks[-1] == 100 and 85 < ticks[-2] < 100  # days in proportion, not one step each
    every = sum(_state(page, f"st.count({t})") for t in range(6))
    _state(page, "st.timeline.set('2016-10-03', '2016-10-03')")
    one_day = sum(_state(page, f"st.count({t})") for t in range(6))
    assert 0 < one_day < every
    assert "from=2016-10-03&to=2016-10-03" in page.evaluate("() => location.hash")  # the permalink
    link = page.evaluate("() => location.href")
    again = Page(browser, tiles=False).open(link)
    assert _state(again, "st.timeline.window()") == ["2016-10-03", "2016-10-03"]
    assert _state(again, "st.map.getZoom()") == _state(page, "st.map.getZoom()")
    page.locator(".reportmap-play").click()  # play: a window slides from the start
    assert _state(page, "st.timeline.playing()") is True
    first = _state(page, "st.timeline.window()")
    page.wait_for_timeout(1000)
    later = _state(page, "st.timeline.window()")
    assert first[0] == "2016-09-19" and later != first
    page.locator(".reportmap-play").click()
    assert _state(page, "st.timeline.playing()") is False and p.errors == []
    one = tmp_path / "one.json"
    one.write_text(json.dumps([{"event_type": "Battles", "date": "2016-10-03", "lat": 36.2, "lon": 37.1},
                               {"event_type": "Battles", "date": "2016-10-03", "lat": 36.3, "lon": 37.2}]),
                   encoding="utf-8")
    assert run("map", str(one), "-o", str(tmp_path / "one.html"), "--timeline").exit_code == 0
    page = Page(browser).open((tmp_path / "one.html").as_uri())
    assert page.locator(".reportmap-timeline").count() == 0  # one day: no slider


def test_find_filters_and_the_list_of_events(run, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Search over places, actors and evidence; filters by fatalities and actor; the events in view as buttons a
    keyboard reaches, events on one spot each listed and counted on their marker."""
    out = tmp_path / "seed.html"
    assert run("map", str(SEED), "-o", str(out), "--offline").exit_code == 0
    events = json.loads(run("events", str(SEED), "--format", "json").output)
    p = Page(browser, tiles=False)
    page = p.open(out.as_uri())
    total = sum(_state(page, f"st.count({t})") for t in range(6))
    page.fill(".reportmap-find-q", "Aleppo")
    page.wait_for_timeout(400)
    aleppo = [e for e in events if any("aleppo" in str(x).lower() for x in (
        e["location"], " ".join(e["actors"]), e["sub_event_type"], " ".join(v["text"] for v in e["evidence"]),
        e["source"]))]
    assert sum(_state(page, f"st.count({t})") for t in range(6)) == len(aleppo) < total
    assert page.inner_text(".reportmap-find-status") == f"{len(aleppo)} of {total} events"
    page.fill(".reportmap-find-q", "")
    page.select_option(".reportmap-find-deaths", "100")
    page.wait_for_timeout(300)
    assert sum(_state(page, f"st.count({t})") for t in range(6)) == sum(e["fatalities"] >= 100 for e in events)
    page.select_option(".reportmap-find-deaths", "0")
    actors = page.locator(".reportmap-find-actor option").all_inner_texts()[1:]
    if actors:
        page.select_option(".reportmap-find-actor", actors[0])
        page.wait_for_timeout(300)
        assert sum(_state(page, f"st.count({t})") for t in range(6)) == sum(actors[0] in e["actors"] for e in events)
        page.select_option(".reportmap-find-actor", "")
    page.locator(".reportmap-list-toggle").click()
    items = page.locator(".reportmap-list-item")
    assert items.count() >= 3
    items.first.focus()
    page.keyboard.press("Enter")  # a keyboard opens the event's popup
    assert page.locator(".leaflet-popup-content").count() == 1
    stacked = _state(page, "st.layers.flatMap(l => l.getLayers()).map(m => m.options.stacked || 1)")
    at_aleppo = sum(1 for e in events if abs(e["lat"] - 36.20124) < 1e-4 and abs(e["lon"] - 37.16117) < 1e-4)
    assert at_aleppo > 1 and max(stacked) == at_aleppo  # the badge counts the events on one spot
    assert p.errors == []
