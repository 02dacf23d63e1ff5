#!/usr/bin/env python3
"""Write docs/seed-map.png: the seed article's map (offline basemap), centred on northern Syria.

    python scripts/screenshot.py
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from gazetteer import Gazetteer
from geo import extract_events, parse_places
from maps import render
from maps.image import to_png

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    text = (ROOT / "seeds" / "000_ae893d0930690a7d.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:  # the README's workflow: Dabiq added as a custom entry
        gaz = Gazetteer(Path(tmp) / "store.sqlite")
        gaz.add("Dabiq", lat=36.537, lon=37.271, country="SY", admin1="Aleppo", aliases=["Dabik", "دابق"])
        m = render(extract_events(text, gazetteer=gaz), parse_places(text, gazetteer=gaz),
                   title="Syria, 3-4 October 2016 (AP/NYT)", offline=True, timeline=True)
        gaz.close()
    out = to_png(m, ROOT / "docs" / "seed-map.png", width=1200, height=760, view=(35.6, 37.6, 7))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
