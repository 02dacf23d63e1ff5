"""The place store: stock build, lookups, custom entries."""
from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import DuplicateEntryError, Gazetteer, ValidationError, distance_km
from gazetteer import build as build_mod

TINY = Path(__file__).parent / "data" / "gazetteer" / "tiny.tsv"


def test_build_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "stock.sqlite"
    target.write_bytes(b"previous database")

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_mod, "_write", boom)
    with pytest.raises(KeyboardInterrupt):
        build_mod.build_stock(target, sources=[build_mod.tsv_source(TINY)])
    assert target.read_bytes() == b"previous database"
    assert [p.name for p in tmp_path.iterdir()] == ["stock.sqlite"]  # no temporary file left behind


@pytest.mark.parametrize("changed", ["airports.py", "data/admin1.tsv", "data/aliases.tsv", "sources.py",
                                     "normalize.py"])
def test_stock_version_covers_every_source_file(monkeypatch: pytest.MonkeyPatch, changed: str) -> None:
    """An edit to any file a stock source depends on rebuilds the database (airports.py once did not count)."""
    before = build_mod.stock_version()
    real = build_mod._file_bytes
    monkeypatch.setattr(build_mod, "_file_bytes", lambda name: real(name) + (b"#" if name == changed else b""))
    assert build_mod.stock_version() != before


def test_stock_from_other_sources(tmp_path: Path) -> None:
    """A stock built from a table of places (what the tests' tiny gazetteer is) is rebuilt when the table changes."""
    table = tmp_path / "mine.tsv"
    table.write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
    sources = [build_mod.tsv_source(table)]
    g = Gazetteer(tmp_path / "user.sqlite", stock=tmp_path / "stock.sqlite", sources=sources)
    assert [c.place.country_code for c in g.lookup("Aleppo")][:1] == ["SY"]
    version = build_mod.stock_version(sources)
    with table.open("a", encoding="utf-8") as f:
        f.write("custom:1\tDabiq\t36.537\t37.271\tP\tPPL\tSY\tAleppo\t3364\tDabik\t\t\t\n")
    assert build_mod.stock_version(sources) != version
    g.close()
    g = Gazetteer(tmp_path / "user.sqlite", stock=tmp_path / "stock.sqlite", sources=sources)
    assert [c.place.name for c in g.lookup("Dabik")] == ["Dabiq"]
    g.close()


def test_unchanged_sources_are_not_hashed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A start-up whose source files are as they were at the last check skips hashing them; a file that changes
    (its size, time or inode) is hashed and, with new content, rebuilds the stock."""
    from gazetteer import store as store_mod

    table = tmp_path / "mine.tsv"
    table.write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
    sources = [build_mod.tsv_source(table)]
    stock = tmp_path / "stock.sqlite"
    with Gazetteer(tmp_path / "user.sqlite", stock=stock, sources=sources) as g:
        assert g.lookup("Aleppo")
    assert (tmp_path / "stock.sqlite.checked").exists()
    hashed: list[int] = []
    real = store_mod.stock_version

    def counted(srcs: object) -> str:
        hashed.append(1)
        return real(srcs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_mod, "stock_version", counted)
    with Gazetteer(tmp_path / "user.sqlite", stock=stock, sources=sources) as g:
        assert g.lookup("Aleppo")
    assert hashed == []
    (tmp_path / "stock.sqlite.checked").write_text("stale\nnote\n", encoding="utf-8")  # same files, old note
    with Gazetteer(tmp_path / "user.sqlite", stock=stock, sources=sources) as g:
        assert g.lookup("Aleppo")
    assert hashed == [1]  # hashed once, the same version: no rebuild, and noted again
    with Gazetteer(tmp_path / "user.sqlite", stock=stock, sources=sources) as g:
        assert g.lookup("Aleppo")
    assert hashed == [1]
    with table.open("a", encoding="utf-8") as f:
        f.write("custom:1\tDabiq\t36.537\t37.271\tP\tPPL\tSY\tAleppo\t3364\tDabik\t\t\t\n")
    with Gazetteer(tmp_path / "user.sqlite", stock=stock, sources=sources) as g:
        assert [c.place.name for c in g.lookup("Dabik")] == ["Dabiq"]


def test_stock_lookups(gaz: Gazetteer) -> None:
    aleppo = gaz.lookup("Aleppo")
    assert aleppo and aleppo[0].place.country_code == "SY"
    idlib = {c.place.feature_code for c in gaz.lookup("Idlib")}
    assert {"PPL", "ADM1"} <= idlib
    rai = [c.place for c in gaz.lookup("al-Rai") if c.place.country_code == "SY"]
    assert rai and distance_km(rai[0].lat, rai[0].lon, 36.61182, 37.4478) < 5
    us = next(c for c in gaz.lookup("U.S.") if c.place.feature_code == "PCLI").place
    assert us.country_code == "US" and distance_km(us.lat, us.lon, 39.76, -98.5) < 161
    assert distance_km(us.lat, us.lon, 40.0, -100.0) < 161  # Wikipedia's point for the country
    nz = gaz.countries()["NZ"]  # between both islands, not on the larger one
    assert distance_km(nz.lat, nz.lon, -42.0, 174.0) < 161
    assert gaz.countries()["TR"].lat == pytest.approx(39, abs=1.5)


def test_division_points_ignore_misfiled_towns(gaz: Gazetteer) -> None:
    """Division points: the centre of the area, ignoring towns filed under the wrong admin1 code."""
    jiangsu = next(c.place for c in gaz.lookup("Jiangsu") if c.place.feature_code == "ADM1")
    assert distance_km(jiangsu.lat, jiangsu.lon, 33.0, 119.83) < 161
    # the middle of the area, not of the towns in its south (GeoNames' point for Ontario: 49.25,-84.5)
    ontario = next(c.place for c in gaz.lookup("Ontario") if c.place.feature_code == "ADM1")
    assert distance_km(ontario.lat, ontario.lon, 49.25, -84.5) < 100


def test_second_level_divisions(gaz: Gazetteer) -> None:
    counties = [c for c in gaz.lookup("Plymouth County") if c.place.feature_code == "ADM2"]
    assert {(c.place.country_code, c.place.admin1) for c in counties} >= {("US", "Iowa"), ("US", "Massachusetts")}
    assert all(c.kind == "designated" for c in counties)  # only "Plymouth County" means the county
    fife = [c.place for c in gaz.lookup("Fife") if c.place.feature_code == "ADM2"]
    assert fife and fife[0].country_code == "GB" and distance_km(fife[0].lat, fife[0].lon, 56.25, -3.2) < 50


def test_custom_entry_wins_and_is_found_in_any_script(gaz: Gazetteer) -> None:
    place = gaz.add("Dabiq", lat=36.537, lon=37.271, country="sy", aliases=["Dabik", "دابق"])
    assert place.id == "custom:1" and place.country_code == "SY"
    for spelling in ("Dabiq", "Dābiq", "DABIK", "دابق"):
        assert gaz.lookup(spelling)[0].place.id == "custom:1"
    assert gaz.get("custom:1") == place


def test_custom_entry_hides_the_stock_place_it_stands_on(gaz: Gazetteer) -> None:
    """A user's Aleppo 2 km from the stock's city hides it (``SHADOW_KM``); the governorate's point and the
    namesakes farther away stay, after it."""
    from gazetteer.distance import nearest_km
    from gazetteer.store import SHADOW_KM

    stock = gaz.candidates(["aleppo"])["aleppo"]
    near = [c for c in stock if c.place.country_code == "SY" and c.place.feature_class == "P"]
    assert near and len(stock) > len(near)
    mine = gaz.add("Aleppo", lat=near[0].place.lat + 0.018, lon=near[0].place.lon, country="SY", force=True)
    found = gaz.candidates(["aleppo"])["aleppo"]
    assert found[0].place.id == mine.id
    kept = {c.place.id for c in found[1:]}
    assert near[0].place.id not in kept and kept
    far = {c.place.id for c in stock if nearest_km(c.place.lat, c.place.lon, [(mine.lat, mine.lon)]) > SHADOW_KM}
    assert kept == far


def test_validation(gaz: Gazetteer) -> None:
    with pytest.raises(ValidationError, match="latitude"):
        gaz.add("X", lat=91, lon=0, country="SY")
    with pytest.raises(ValidationError, match="longitude"):
        gaz.add("X", lat=1, lon=-181, country="SY")
    with pytest.raises(ValidationError, match="0,0"):
        gaz.add("X", lat=0, lon=0, country="SY")
    assert gaz.add("Null Island", lat=0, lon=0, country="GH", force=True).lat == 0
    with pytest.raises(ValidationError, match="empty"):
        gaz.add("  ", lat=1, lon=1, country="SY")
    with pytest.raises(ValidationError, match="country"):
        gaz.add("X", lat=1, lon=1, country="ZZ")
    gaz.add("Camp One", lat=35.0, lon=36.0, country="SY", kind="camp")
    with pytest.raises(DuplicateEntryError):
        gaz.add("camp one", lat=35.001, lon=36.001, country="SY")
    moved = gaz.add("Camp One", lat=35.002, lon=36.0, country="SY", update=True)
    assert [p.id for p in gaz.entries() if p.name == "Camp One"] == [moved.id]


def test_airport_names() -> None:
    from gazetteer.airports import airports

    population = {("GB", "London"): 8_961_989, ("CA", "Toronto"): 2_600_000, ("VN", "Da Nang"): 752_493,
                  ("NL", "Amsterdam"): 741_636, ("GB", "Luton"): 258_018}
    found = {a.iata: a for a in airports(population) if a.iata in ("LHR", "YYZ", "DAD", "AMS", "LTN")}
    assert found["LHR"].forms == ("Heathrow Airport",) and found["LHR"].core == "Heathrow"
    assert found["YYZ"].forms == ("Pearson International Airport",)  # Toronto's, though it lies in Mississauga
    assert found["DAD"].forms == () and found["DAD"].core is None  # never "International Airport" alone
    assert found["AMS"].forms == ("Schiphol Airport",) and found["AMS"].core is None  # Amsterdam < 1 million
    assert found["LTN"].core is None  # "Luton" stays the town


def test_stock_cache_limit_loses_no_answer(tiny_gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the per-name cache is full it starts again, and the call that fills it still gets every answer."""
    from gazetteer import store

    monkeypatch.setattr(store, "_STOCK_CACHE_KEYS", 3)
    tiny_gaz._stock_cache.clear()
    first = tiny_gaz.candidates(["aleppo", "idlib"])
    again = tiny_gaz.candidates(["aleppo", "idlib", "damascus", "paris"])  # over the limit: the cache clears
    assert [c.place.id for c in again["aleppo"]] == [c.place.id for c in first["aleppo"]]
    assert again["idlib"] and again["damascus"] and again["paris"]
    tiny_gaz._stock_cache.clear()
