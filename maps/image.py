"""Static images of maps: headless Chromium (Debian's, driven by playwright) draws the page and takes a PNG.

playwright is an optional dependency (``pip install 'reportmap[png]'``) imported only here, only when called.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from gazetteer.files import atomic_path, refuse_database
from geo.errors import GeoError

__all__ = ["BrowserMissingError", "find_chromium", "to_png"]

_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]


class BrowserMissingError(GeoError):
    """PNG export needs playwright and a Chromium browser."""


def find_chromium() -> str:
    path = os.environ.get("GEO_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise BrowserMissingError("PNG export needs Chromium: sudo apt-get install chromium "
                                  "(or set GEO_CHROMIUM to a Chromium binary)")
    return path


def to_png(m: Any, path: str | Path, *, width: int = 1200, height: int = 800, view: tuple[float, float, int] | None
           = None, timeout_s: float = 60.0) -> Path:
    """Draw a map (a folium Map, or the path of a saved HTML map) and write a PNG of it.

    Waits until the events are drawn and the network is idle (tiles loaded, or failed with the vector basemap
    showing). ``view`` = (lat, lon, zoom) recentres the map first.
    """
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise BrowserMissingError("PNG export needs playwright: pip install 'reportmap[png]'") from None
    executable = find_chromium()
    target = Path(path)
    refuse_database(target)
    with tempfile.TemporaryDirectory() as tmp:
        if isinstance(m, str | Path):
            page_path = Path(m).resolve()
        else:
            page_path = Path(tmp) / "map.html"
            page_path.write_text(m.get_root().render(), encoding="utf-8")
        # playwright's sync API refuses to run where an asyncio loop runs (Jupyter, another playwright):
        # a worker thread has none
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(_shoot, executable, page_path, target, width, height, view, timeout_s).result()
    return target


def _shoot(executable: str, page_path: Path, target: Path, width: int, height: int,
           view: tuple[float, float, int] | None, timeout_s: float) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, args=_ARGS)
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(page_path.as_uri(), wait_until="load", timeout=timeout_s * 1000)
            page.wait_for_selector("[data-reportmap-ready]", state="attached", timeout=timeout_s * 1000)
            if view is not None:
                page.evaluate("([lat, lon, zoom]) => Object.values(ReportMap.maps).forEach("
                              "st => st.map.setView([lat, lon], zoom, {animate: false}))", list(view))
            # a tile server that never answers: draw what is there (the vector basemap, once its tiles in view
            # are drawn)
            with contextlib.suppress(PlaywrightError):
                page.wait_for_load_state("networkidle", timeout=15_000)
            with contextlib.suppress(PlaywrightError):
                page.wait_for_selector('[data-reportmap-basemap="drawn"], [data-reportmap-basemap="none"]',
                                       state="attached", timeout=15_000)
            # a still image: no search box, no list button, no play button (nothing to click on paper)
            page.evaluate("() => document.body.classList.add('reportmap-still')")
            page.wait_for_timeout(300)  # let the canvas finish its last frame
            with atomic_path(target) as tmp_png:
                page.screenshot(path=str(tmp_png), type="png", full_page=False)
            browser.close()
    except PlaywrightError as e:
        raise BrowserMissingError(f"Chromium could not draw the map: {str(e).splitlines()[0]}") from None
