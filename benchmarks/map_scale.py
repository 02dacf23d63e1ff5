#!/usr/bin/env python3
"""Map scale: N synthetic events (default 100,000) -> HTML bytes/event (the embedded basemap counted apart) and
time-to-interactive in Chromium.

    python benchmarks/map_scale.py [--events 100000] [--chromium /usr/bin/chromium]
    python benchmarks/map_scale.py --page out/seed-map-offline.html      # time an existing map instead

Events are spread over Syria, Iraq and Turkey with every event type, distinct evidence sentences, dates over a
year and fatalities from a long-tailed distribution. Time-to-interactive is from navigation until the map has drawn
its markers (the page sets data-reportmap-ready) and a zoom-in has completed; the redraw without animation is
the median of five zooms in and five out once the basemap is drawn. Prints one JSON object.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from geo.model import Event, Evidence
from geo.taxonomy import EVENT_TYPES

WORDS = ["shelling", "airstrike", "clashes", "protest", "market", "village", "checkpoint", "convoy", "hospital",
         "school", "road", "bridge", "rebels", "army", "militants", "police", "civilians", "residents", "officials",
         "activists", "monitors", "witnesses"]


def synthetic(n: int, seed: int = 7) -> list[Event]:
    rng = random.Random(seed)
    types = list(EVENT_TYPES.items())
    start = dt.date(2016, 1, 1)
    events = []
    for i in range(n):
        kind, subs = types[i % len(types)]
        lat, lon = rng.uniform(32.5, 38.5), rng.uniform(35.5, 45.0)
        sentence = (f"Report {i}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 22)))
                    + f" near grid {lat:.3f},{lon:.3f}.")
        deaths = int(rng.paretovariate(1.2)) - 1
        events.append(Event(
            event_type=kind, sub_event_type=subs[i % len(subs)],
            date=(start + dt.timedelta(days=rng.randrange(365))).isoformat(), time_precision=1,
            location=f"Place {i % 5000}", lat=round(lat, 5), lon=round(lon, 5), geonameid=None,
            geo_precision=rng.choice((1, 1, 2, 3)), admin1="", country_code="SY",
            actors=(f"Group {i % 40}",), fatalities=deaths, fatalities_text=f"{deaths} killed" if deaths else "",
            evidence=(Evidence(sentence, 0, len(sentence)),), source=f"https://example.org/article/{i // 4}"))
    return events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--page", help="an existing map HTML file to time (no synthetic events)")
    args = ap.parse_args()
    from maps import render, save

    with tempfile.TemporaryDirectory() as tmp:
        if args.page:
            path = Path(args.page).resolve()
            result: dict[str, object] = {"page": args.page, "html_bytes": path.stat().st_size}
        else:
            events = synthetic(args.events)
            t0 = time.perf_counter()
            m = render(events, title=f"{args.events:,} synthetic events", offline=True, heatmap=True, timeline=True)
            path = Path(tmp) / "scale.html"
            size = save(m, path)
            render_s = time.perf_counter() - t0
            from maps.basemap import dense_bounds, vector_basemap

            # the embedded basemap is the same whatever the number of events: counted apart
            basemap = len(json.dumps(vector_basemap(dense_bounds([(e.lat, e.lon) for e in events
                                                                   if e.lat is not None and e.lon is not None]))))
            result = {"events": args.events, "html_bytes": size, "basemap_bytes": basemap,
                      "bytes_per_event": round((size - basemap) / args.events, 1),
                      "python_render_seconds": round(render_s, 2)}
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            t0 = time.perf_counter()
            # from navigation until the markers are drawn (not until the page's load event: the tail of a packed
            # page, its evidence texts, is still being parsed while the map is already drawn and usable)
            page.goto(path.as_uri(), timeout=120_000, wait_until="commit")
            try:
                page.wait_for_selector("[data-reportmap-ready]", state="attached", timeout=120_000)
            except Exception:
                raise SystemExit(f"the map did not draw: {errors[:3]}") from None
            ready = time.perf_counter() - t0
            marks = page.evaluate("() => Object.fromEntries(performance.getEntriesByType('mark')"
                                  ".map(m => [m.name, Math.round(m.startTime)]))")
            zoom_ms = page.evaluate("""() => new Promise(done => {
                const map = Object.values(ReportMap.maps)[0].map, t = performance.now();
                map.once('moveend', () => setTimeout(() => done(performance.now() - t), 0));
                document.querySelector('.leaflet-control-zoom-in').click();
            })""")
            interactive = time.perf_counter() - t0
            # the redraw alone: a zoom with no animation (Leaflet's zoom animation is a quarter second of it), once
            # the basemap's tiles are drawn; the median of five zooms in and five out (single zooms vary by half)
            page.wait_for_function("() => !document.querySelector('[data-reportmap-basemap=drawing]')",
                                   timeout=60_000)
            page.wait_for_timeout(500)
            redraws = page.evaluate("""async () => {
                const map = Object.values(ReportMap.maps)[0].map, out = {in: [], out: []};
                const zoom = d => new Promise(done => {
                    const t = performance.now();
                    map.once('moveend', () => setTimeout(() => done(performance.now() - t), 0));
                    map.setZoom(map.getZoom() + d, {animate: false});
                });
                for (let i = 0; i < 5; i++) {
                    out.in.push(await zoom(1)); await new Promise(r => setTimeout(r, 400));
                    out.out.push(await zoom(-1)); await new Promise(r => setTimeout(r, 400));
                }
                return out;
            }""")
            browser.close()
        result.update({"seconds_to_drawn": round(ready, 2), "seconds_to_interactive": round(interactive, 2),
                       "zoom_in_redraw_ms": round(zoom_ms),
                       "zoom_redraw_without_animation_ms": {"in": round(statistics.median(redraws["in"])),
                                                            "out": round(statistics.median(redraws["out"]))},
                       "page_marks_ms": marks})
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
