"""The binary data block of large maps (maps/packing.py): what the page reads is what the JSON block says, in
Python (a reader of the documented layout) and in Chromium (the same map packed and as JSON behaves the same)."""
from __future__ import annotations

import json
from array import array
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.model import Event, Evidence
from maps.data import encode, prepare
from maps.packing import MAGIC, pack

from .browser import Page
from .conftest import SEED

CODES = {"u8": "B", "u16": "H", "u32": "I"}


def unpack(block: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """The layout of maps/packing.py read back: (header, {section name: values})."""
    assert block[:4] == MAGIC
    length = int.from_bytes(block[4:8], "little")
    head = json.loads(block[8:8 + length])
    base = 8 + length
    out: dict[str, Any] = {}
    for name, c in head["columns"].items():
        if c["type"] == "bytes":
            out[name] = block[base + c["offset"]:base + c["offset"] + c["length"]]
            continue
        values = array(CODES[c["type"]])
        values.frombytes(block[base + c["offset"]:base + c["offset"] + c["length"] * values.itemsize])
        out[name] = [(c.get("base", 0) + v) / c["scale"] for v in values] if "scale" in c else list(values)
    return head, out


def table(sections: dict[str, Any], name: str) -> list[str]:
    """A string table as JavaScript cuts it: the decoded text at UTF-16 offsets."""
    units = sections[name].decode("utf-8").encode("utf-16-le")
    at = sections[name + "_at"]
    return [units[2 * a:2 * b].decode("utf-16-le") for a, b in pairwise(at)]


text = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
events = st.lists(st.builds(
    Event, event_type=st.sampled_from(["Battles", "Protests", "Riots"]), sub_event_type=text,
    date=st.one_of(st.none(), st.dates().map(str)), location=text,
    lat=st.floats(-90, 90, allow_nan=False).map(lambda v: round(v, 5)),
    lon=st.floats(-180, 180, allow_nan=False).map(lambda v: round(v, 5)),
    fatalities=st.integers(0, 10**6), actors=st.lists(text, max_size=3).map(tuple),
    evidence=st.lists(text.map(lambda t: Evidence(t, 0, len(t))), max_size=2).map(tuple), source=text,
    confidence=st.floats(0, 1).map(lambda v: round(v, 2)), time_precision=st.integers(1, 3),
    geo_precision=st.integers(1, 3)), max_size=25)


@settings(max_examples=60, deadline=None)
@given(events)
def test_packed_block_holds_what_the_json_block_holds(evs: list[Event]) -> None:
    data = prepare(evs)
    plain = encode(data)
    block, apart = pack(data)
    head, cols = unpack(block)
    _, texts = unpack(apart)
    strings, evidence = table(cols, "strings"), table(texts, "texts")
    assert head["n"] == len(plain["events"]["lat"])
    for key, values in plain["events"].items():
        if key in ("lat", "lon"):
            assert [round(v, 5) for v in cols[key]] == values
        elif key == "conf":
            assert cols[key] == pytest.approx(values)
        elif key == "evidence":
            assert [evidence[i] for i in cols[key]] == [plain["strings"][i] for i in values]
        elif key in ("type", "tp", "gp", "fatalities"):
            assert cols[key] == values
        else:
            assert [strings[i] for i in cols[key]] == [plain["strings"][i] for i in values], key


def test_offsets_count_as_javascript_does() -> None:
    evs = [Event(event_type="Protests", sub_event_type="Peaceful protest", date=None, time_precision=3,
                 location=name, lat=1.0, lon=2.0, geonameid=None, geo_precision=1, admin1="", country_code="",
                 evidence=(Evidence(name, 0, 1),)) for name in ("Zürich 🙂", "", "ﬁ𝔸x", "plain")]
    block, apart = pack(prepare(evs))
    _, cols = unpack(block)
    assert sorted(table(cols, "strings")) == sorted(["", "Peaceful protest", "Zürich 🙂", "ﬁ𝔸x", "plain"])
    assert sorted(table(unpack(apart)[1], "texts")) == sorted(["", "Zürich 🙂", "ﬁ𝔸x", "plain"])


def _page_facts(page: Any) -> dict[str, Any]:
    facts: dict[str, Any] = page.evaluate("""() => {
        const st = Object.values(ReportMap.maps)[0];
        return {counts: [0, 1, 2, 3, 4, 5].map(t => st.count(t)),
                stacked: Math.max(...st.layers.flatMap(l => l.getLayers()).map(m => m.options.stacked || 1))};
    }""")
    page.fill(".reportmap-find-q", "shelling")  # a word of the evidence only
    page.wait_for_function("() => document.querySelector('.reportmap-find-status').textContent !== ''")
    facts["found"] = page.inner_text(".reportmap-find-status")
    page.fill(".reportmap-find-q", "")
    page.wait_for_function("() => document.querySelector('.reportmap-find-status').textContent === ''")
    page.evaluate("() => Object.values(ReportMap.maps)[0].openPopup(0)")
    page.wait_for_function("() => !document.querySelector('.reportmap-evidence') || "
                           "document.querySelector('.reportmap-evidence').textContent !== '…'")
    facts["popup"] = page.locator(".leaflet-popup-content").inner_text()
    return facts


def test_a_packed_map_behaves_as_its_json_map(browser, tmp_path: Path, user_store: Path,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The seed map packed (as a map of more than PACK_ABOVE events is) and as JSON: the same layers, counts,
    badges, search over the evidence and popups; the heatmap switched off and on again draws no error."""
    import maps.data
    from geo import analyse
    from maps import render, save

    article = analyse(SEED.read_text(encoding="utf-8"))
    facts = []
    for pack_above in (10**9, 0):
        monkeypatch.setattr(maps.data, "PACK_ABOVE", pack_above)
        out = tmp_path / f"seed-{pack_above}.html"
        save(render(list(article.events), list(article.mentions), offline=True, heatmap=True), out)
        page_text = out.read_text(encoding="utf-8")
        assert ('data-encoding="packed"' in page_text) == (pack_above == 0)
        p = Page(browser, tiles=False)
        page = p.open(out.as_uri())
        facts.append(_page_facts(page))
        page.locator(".leaflet-control-layers-overlays label", has_text="Heatmap").locator("input").uncheck()
        page.locator(".leaflet-control-layers-overlays label", has_text="Heatmap").locator("input").check()
        page.wait_for_timeout(100)
        assert p.errors == []
        if pack_above == 0:  # a fragment keeps the texts after its script: a report's popups quote the evidence
            from maps import to_fragment

            fragment = tmp_path / "fragment.html"
            fragment.write_text("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><h1>Report</h1>"
                                + to_fragment(render(list(article.events), list(article.mentions), offline=True))
                                + "</body></html>", encoding="utf-8")
            q = Page(browser, tiles=False)
            frag = q.open(fragment.as_uri())
            assert _page_facts(frag) == facts[0] and q.errors == []
    assert facts[0] == facts[1]
    assert facts[0]["stacked"] > 1 and " of " in facts[0]["found"] and "Fatalities" in facts[0]["popup"]
