"""Custom entries in files: import (CSV, GeoJSON, GeoNames dumps), export round trip, bad files, migration,
concurrent writers and a killed import."""
from __future__ import annotations

import io
import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer import Gazetteer, ImportFileError, InvalidRowsError
from gazetteer.user import USER_SCHEMA_VERSION, UserStore

DATA = Path(__file__).parent / "data" / "gazetteer"




def test_csv_import_finds_aliases_in_any_script(gaz: Gazetteer) -> None:
    report = gaz.import_file(DATA / "places.csv")
    assert (report.added, report.replaced, report.errors) == (3, 0, ())
    dabiq = gaz.lookup("دابق")[0].place
    assert dabiq.name == "Dabiq" and dabiq.kind == "town" and dabiq.admin1 == "Aleppo"
    assert gaz.lookup("Oncupinar crossing")[0].place.feature_code == "PSTB"
    assert gaz.lookup("Jarablus checkpoint")[0].place.kind == "checkpoint"


@pytest.mark.parametrize("name", ["SY-sample.txt", "SY-sample.zip"])
def test_geonames_dump_import_filters_and_is_idempotent(gaz: Gazetteer, name: str) -> None:
    first = gaz.import_file(DATA / name, countries=["SY"])
    assert first.added == 4  # the Iraqi row is filtered out
    again = gaz.import_file(DATA / name, countries=["sy"], feature_classes=["P"])
    assert (again.added, again.replaced) == (0, 3)  # same GeoNames ids: replaced in place, no duplicates
    entries = gaz.entries()
    assert len(entries) == 4 and {p.source for p in entries} == {"geonames-dump"}
    dabiq = gaz.lookup("Dābiq")[0].place
    assert dabiq.ref == "geonames:90000001" and dabiq.admin1 == "Aleppo" and dabiq.population == 3364
    assert "DBQ" not in dabiq.aliases  # code-like alternate names are not aliases
    assert gaz.lookup("تل رفعت")[0].place.name == "Tell Rifaat"


def test_custom_entries_from_files_reach_the_resolver(gaz: Gazetteer) -> None:
    from geo import parse_places

    gaz.import_file(DATA / "places.csv")
    mentions = parse_places("Rebels advanced on the town of Dabiq on Sunday.", gazetteer=gaz)
    assert [(m.text, m.place.id if m.place else None) for m in mentions] == [("Dabiq", "custom:1")]


def test_bad_rows_import_nothing_unless_skipped(gaz: Gazetteer, tmp_path: Path) -> None:
    gaz.add("Kept", lat=35.0, lon=36.0, country="SY")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon,country,kind\n"
                   "Good One,35.5,36.5,SY,village\n"
                   "Too North,91,36,SY,\n"
                   "Too East,35,181,SY,\n"
                   ",35,36,SY,\n"
                   "Nowhere,0,0,SY,\n"
                   "Bad Land,35,36,ZZ,\n"
                   "Odd Kind,35,36,SY,castle\n"
                   "kept,35.001,36.001,SY,\n"
                   "Word Lat,north,36,SY,\n", encoding="utf-8")
    with pytest.raises(InvalidRowsError) as info:
        gaz.import_file(bad)
    reasons = [str(e) for e in info.value.report.errors]
    assert [r.split(": ", 1)[0] for r in reasons] == [f"{bad}:{n}" for n in range(3, 11)]
    for line, words in zip(range(3, 11), ["latitude", "longitude", "name is empty", "0,0", "unknown country",
                                          "unknown kind", "already exists", "not a number"], strict=True):
        assert words in reasons[line - 3], reasons[line - 3]
    assert [p.name for p in gaz.entries()] == ["Kept"]  # all or nothing
    report = gaz.import_file(bad, skip_invalid=True)
    assert report.added == 1 and len(report.errors) == 8
    assert sorted(p.name for p in gaz.entries()) == ["Good One", "Kept"]


def _zip_with(tmp_path: Path, members: dict[str, str]) -> Path:
    path = tmp_path / "dump.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return path


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.csv", b"", "header needs columns"),
    ("nolat.csv", b"name,lon,country\nA,1,SY\n", "missing lat"),
    ("latin1.csv", "name,lat,lon,country\nK\xf6ln,50.9,6.9,DE\n".encode("latin-1"), "not UTF-8"),
    ("binary.csv", b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
    ("broken.geojson", b'{"type": "FeatureCollection", "features": [', "malformed JSON"),
    ("list.geojson", b"[1, 2, 3]", "not a GeoJSON FeatureCollection"),
    ("dump.txt", b"\xff\xfe\x00garbage", "not UTF-8"),
    ("notes.docx", b"hello", "cannot tell the format"),
])
def test_bad_files_give_one_line_errors(run, tmp_path: Path, name: str, content: bytes,  # type: ignore[no-untyped-def]
                                        message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("gazetteer", "import", str(path))
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert str(path) in result.output


def test_bad_features_and_zips(gaz: Gazetteer, tmp_path: Path) -> None:
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}, "properties": {}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.0]}, "properties": {"name": "A"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.0, 36.0]},
         "properties": {"name": "B", "country": "SY", "aliases": [1, 2]}},
    ]}
    path = tmp_path / "odd.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InvalidRowsError) as info:
        gaz.import_file(path)
    assert [e.reason for e in info.value.report.errors] == [
        "not a Point feature", "Point has no [lon, lat] coordinates",
        "aliases must be a list of strings (or one string separated by |)"]
    with pytest.raises(ImportFileError, match=r"expected one GeoNames \.txt"):
        gaz.import_file(_zip_with(tmp_path, {"a.txt": "", "b.txt": ""}))
    not_zip = tmp_path / "SY.zip"
    not_zip.write_bytes(b"not a zip at all")
    with pytest.raises(ImportFileError, match="not a readable zip"):
        gaz.import_file(not_zip)
    short = tmp_path / "short.txt"
    short.write_text("1\tA\tA\t\t1\t2\n", encoding="utf-8")
    with pytest.raises(InvalidRowsError, match="1 bad row"):
        gaz.import_file(short)
    with pytest.raises(ImportFileError, match="no such file"):
        gaz.import_file(tmp_path / "missing.csv")
    assert gaz.entries() == []


def test_cli_import_export_list(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert "--skip-invalid" in run("gazetteer", "import", "--help").output
    assert "reads back unchanged" in run("gazetteer", "export", "--help").output
    ok = run("gazetteer", "import", str(DATA / "places.csv"))
    assert ok.exit_code == 0 and "imported 3 new" in ok.output
    assert run("gazetteer", "import", str(DATA / "SY-sample.zip"), "--country", "SY").exit_code == 0
    custom = json.loads(run("gazetteer", "list", "--source", "custom", "--format", "json").output)
    assert [p["name"] for p in custom] == ["Dabiq", "Bab al-Salameh crossing", "Jarablus checkpoint"]
    assert len(json.loads(run("gazetteer", "list", "--format", "json").output)) == 7
    out = tmp_path / "mine.csv"
    assert run("gazetteer", "export", "-o", str(out), "--source", "custom").exit_code == 0
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("name,lat,lon,country,admin1,kind")
    again = run("gazetteer", "import", str(out))
    assert again.exit_code == 1 and "already exists" in again.output  # duplicates are refused ...
    assert "imported 0 new, replaced 3" in run("gazetteer", "import", str(out), "--update").output  # ... or updated


_NAME = st.text(alphabet=st.sampled_from("abcdefgxyzÄäéñŞşдмитрيدابقء '-,\"."), min_size=1, max_size=12).map(
    str.strip).filter(lambda s: any(ch.isalpha() for ch in s))
_ENTRY = st.fixed_dictionaries({
    "name": _NAME,
    "lat": st.floats(min_value=-89.0, max_value=89.0, allow_nan=False).filter(lambda v: abs(v) > 1e-6),
    "lon": st.floats(min_value=-180.0, max_value=180.0, allow_nan=False),
    "country": st.sampled_from(["SY", "IQ", "TR", "FR", "US", "UA"]),
    "admin1": st.text(alphabet="abc ,\"\n", max_size=6),
    "kind": st.sampled_from(["town", "village", "camp", "checkpoint", "neighbourhood"]),
    "aliases": st.lists(_NAME, max_size=3, unique_by=lambda s: s.lower()),
    "population": st.integers(min_value=0, max_value=10**7),
})


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(_ENTRY, min_size=1, max_size=6), fmt=st.sampled_from(["geojson", "csv"]))
def test_export_import_export_round_trip(cache_home: Path, entries: list[dict], fmt: str) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as tmp:
        first = Gazetteer(Path(tmp) / "a.sqlite")
        for i, e in enumerate(entries):  # distinct names: no two entries are duplicates of each other
            first.add(f"{e['name']} {i}", **{k: v for k, v in e.items() if k != "name"})
        exported = io.StringIO()
        assert first.export(exported, fmt=fmt) == len(entries)
        path = Path(tmp) / f"mine.{fmt}"
        path.write_text(exported.getvalue(), encoding="utf-8")
        second = Gazetteer(Path(tmp) / "b.sqlite")
        assert second.import_file(path).added == len(entries)
        again = io.StringIO()
        second.export(again, fmt=fmt)
        assert again.getvalue() == exported.getvalue()
        strip = [{**p.to_dict(), "id": None} for p in first.entries()]
        assert strip == [{**p.to_dict(), "id": None} for p in second.entries()]
        first.close()
        second.close()


def test_old_schema_migrates_forward(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    from gazetteer.userschema import MIGRATIONS

    conn.executescript(MIGRATIONS[1])
    conn.execute("INSERT INTO places (name, lat, lon, feature_class, feature_code, country_code, created) "
                 "VALUES ('Old Camp', 35, 36, 'S', 'CMP', 'SY', 0)")
    conn.execute("INSERT INTO names VALUES ('old camp', 1, 'Old Camp', 'name')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = UserStore(path)
    assert [(p.id, p.name, p.kind, p.ref) for p in store.entries()] == [("custom:1", "Old Camp", "", "")]
    store.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == USER_SCHEMA_VERSION


def _adder(args: tuple[str, int, int]) -> int:
    path, worker, count = args
    gaz = Gazetteer(path)
    for i in range(count):
        gaz.add(f"Site {worker}-{i}", lat=30 + worker * 0.1, lon=40 + i * 0.1, country="SY")
    gaz.close()
    return count


def test_concurrent_writers_all_succeed(user_store: Path) -> None:
    workers, adds = 4, 25
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers) as pool:
        assert sum(pool.map(_adder, [(str(user_store), w, adds) for w in range(workers)])) == workers * adds
    assert len(Gazetteer(user_store).entries()) == workers * adds
    # and through the command line, as two users of one shared file would
    procs = [subprocess.Popen([sys.executable, "-m", "geo", "gazetteer", "add", f"Post {n}", "--lat", "36",
                               "--lon", str(37 + n / 10), "--country", "SY"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for n in range(3)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    assert len(Gazetteer(user_store).entries()) == workers * adds + 3


def test_killed_import_leaves_the_store_as_it_was(user_store: Path, tmp_path: Path) -> None:
    gaz = Gazetteer(user_store)
    gaz.add("Before", lat=35.0, lon=36.0, country="SY")
    gaz.close()
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as f:
        f.write("name,lat,lon,country,kind,aliases\n")
        for i in range(300_000):
            f.write(f"Place number {i},{10 + i % 70}.{i % 997},{-170 + i % 340}.{i % 991},FR,village,Alias {i}\n")
    proc = subprocess.Popen([sys.executable, "-m", "geo", "gazetteer", "import", str(big)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wal = Path(f"{user_store}-wal")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 4_000_000):
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.05)
    assert proc.poll() is None, "the import finished before it could be killed; make the file bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    after = Gazetteer(user_store)
    assert [p.name for p in after.entries()] == ["Before"]
    assert after.add("After", lat=35.5, lon=36.5, country="SY").name == "After"
    assert after.user._open(create=False).execute("PRAGMA integrity_check").fetchone()[0] == "ok"  # type: ignore[union-attr]
    after.close()


def test_kept_answers_follow_every_change_of_the_store(user_store: Path) -> None:
    """The user store keeps each key's answer between lookups (one query a document was 4 % of the place
    pipeline): an entry added, aliased or removed here, or added through another connection, is seen next time."""
    reader, writer = Gazetteer(user_store), Gazetteer(user_store)

    def names(key: str) -> list[str]:
        return [c.place.name for k, c in reader.user.candidates([key]) if k == key]

    reader.add("Kfar Nabl", lat=35.9, lon=36.6, country="SY")
    assert names("kfar nabl") == ["Kfar Nabl"]
    assert names("tell hamis") == []  # an empty answer is kept too
    writer.add("Tell Hamis", lat=36.6, lon=41.7, country="SY")  # another connection
    assert names("tell hamis") == ["Tell Hamis"]
    place = reader.user.candidates(["kfar nabl"])[0][1].place
    assert names("kafr nubl") == []
    reader.alias(place.id, "Kafr Nubl")  # this connection
    assert names("kafr nubl") == ["Kfar Nabl"]
    writer.remove(place.id)
    assert names("kfar nabl") == [] and names("kafr nubl") == []
    reader.close()
    writer.close()
