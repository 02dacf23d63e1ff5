"""`geo batch` on Dask: a real LocalCluster against a single-process run, JSONL feeds, bad articles, resuming."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.corpus import write_corpus, write_jsonl
from geo.batch import run_batch
from geo.cli import main

ARTICLES = 1000
PARTITION = 50


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, cache_home: Path) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The single-process run everything else is compared with."""
    out = tmp_path_factory.mktemp("single")
    report = run_batch([str(corpus)], out, scheduler="synchronous", partition_size=PARTITION,
                       gazetteer_path=str(out / "none.sqlite"))
    assert report.articles == ARTICLES + 2 and report.errors == 2
    return out


def _rows(out: Path) -> dict[str, object]:
    import geopandas

    events = geopandas.read_parquet(out / "events").sort_values(["source", "event_type", "date"])
    places = geopandas.read_parquet(out / "places")
    merged = geopandas.read_parquet(out / "deduplicated.parquet")
    errors = sorted(line for p in (out / "errors").glob("*.jsonl") for line in p.read_text().splitlines())
    return {
        "events": events[["source", "event_type", "date", "location", "fatalities"]].values.tolist(),
        "places": len(places), "errors": errors,
        "merged": merged[["event_type", "date", "location", "fatalities", "reports"]].values.tolist(),
    }


@pytest.fixture(scope="module")
def cluster(cache_home: Path) -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c.scheduler_address


def test_cluster_matches_single_process(corpus: Path, reference: Path, cluster: str, tmp_path: Path) -> None:
    out = tmp_path / "cluster"
    report = run_batch([str(corpus)], out, scheduler=cluster, partition_size=PARTITION,
                       gazetteer_path=str(tmp_path / "none.sqlite"))
    assert report.partitions == (ARTICLES + 2 + PARTITION - 1) // PARTITION and report.skipped == 0
    assert report.articles == ARTICLES + 2 and report.errors == 2
    got, want = _rows(out), _rows(reference)
    assert len(got["events"]) == len(want["events"]) > ARTICLES // 2  # type: ignore[arg-type]
    assert got == want
    # reports of the same event merge: every third article re-tells the story of the one before it
    assert report.deduplicated < report.events and any(r[-1] >= 2 for r in got["merged"])  # type: ignore[union-attr]
    import geopandas

    merged = geopandas.read_parquet(out / "deduplicated.parquet")
    twice = merged[merged["reports"] >= 2].iloc[0]
    assert len(twice["sources"].split("; ")) == twice["reports"]
    assert [json.loads(e)["id"] for e in got["errors"]] == ["broken-binary.txt", "broken-empty.txt"]  # type: ignore[union-attr]
    from geo.batch import open_events

    assert len(open_events(out)) == len(got["events"])  # type: ignore[arg-type]  # the lazy Dask frame
    import duckdb

    count = duckdb.sql(f"SELECT count(*) FROM '{out}/events/*.parquet'").fetchall()
    assert count == [(len(got["events"]),)]  # type: ignore[arg-type]


def test_jsonl_feed(tmp_path: Path, user_store: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    write_jsonl(feed, 40)
    with feed.open("a", encoding="utf-8") as f:
        f.write("{not json\n")
        f.write(json.dumps({"url": "https://example.org/empty", "body": "  "}) + "\n")
    result = CliRunner().invoke(main, ["batch", str(feed), "-o", str(tmp_path / "out"), "--text-field", "body",
                                       "--id-field", "url", "--workers", "1", "--partition-size", "15"])
    assert result.exit_code == 0, result.output
    assert "42 articles, 2 bad" in result.output
    import geopandas

    events = geopandas.read_parquet(tmp_path / "out" / "events")
    assert events["source"].str.startswith("https://example.org/news/").all()
    errors = [json.loads(line) for p in sorted((tmp_path / "out" / "errors").glob("*.jsonl"))
              for line in p.read_text().splitlines()]
    assert [e["id"] for e in errors] == ["feed.jsonl:41", "https://example.org/empty"]
    assert "malformed JSON" in errors[0]["reason"] and "no text in field 'body'" in errors[1]["reason"]
    # the map reads the partitioned output (its merged events)
    assert CliRunner().invoke(main, ["map", str(tmp_path / "out"), "-o", str(tmp_path / "m.html"),
                                     "--offline"]).exit_code == 0


def test_killed_run_resumes_to_the_same_output(corpus: Path, reference: Path, tmp_path: Path,
                                               user_store: Path) -> None:
    out = tmp_path / "resumed"
    cmd = [sys.executable, "-m", "geo", "batch", str(corpus), "-o", str(out), "--workers", "2",
           "--partition-size", str(PARTITION)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((out / "events").glob("part-*.parquet"))) < 3:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the command and its workers, half-way
    proc.wait()
    done = len(list((out / "events").glob("part-*.parquet")))
    assert 3 <= done < (ARTICLES + 2 + PARTITION - 1) // PARTITION and not (out / "deduplicated.parquet").exists()
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert f"({done} already done)" in result.stdout or "already done" in result.stdout
    assert _rows(out) == _rows(reference)


def test_bad_batch_input(tmp_path: Path, user_store: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "no such file, folder or matching files" in result.output
    (tmp_path / "empty").mkdir()
    result = runner.invoke(main, ["batch", str(tmp_path / "empty"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "no articles in" in result.output
    result = runner.invoke(main, ["batch", str(tmp_path), "-o", str(tmp_path / "out"), "--workers", "0"])
    assert result.exit_code == 1 and "at least 1" in result.output


def test_fsspec_urls(tmp_path: Path, user_store: Path) -> None:
    """Any fsspec file system works as input (here file:// URLs; s3:// needs s3fs, and says so)."""
    folder = tmp_path / "remote"
    write_corpus(folder, 30, bad=False)
    out = tmp_path / "out"
    report = run_batch([f"file://{folder}/article-*.txt"], out, scheduler="synchronous", partition_size=10)
    assert report.articles == 30 and report.errors == 0 and report.partitions == 3
    result = CliRunner().invoke(main, ["batch", "s3://no-such-bucket/*.txt", "-o", str(tmp_path / "s3")])
    assert result.exit_code == 1 and "s3://no-such-bucket/*.txt" in result.output and "s3fs" in result.output


def test_published_field(tmp_path: Path, user_store: Path) -> None:
    """Each feed article is dated by its own field; a bad date sends that article to errors/ with the reason."""
    feed = tmp_path / "dated.jsonl"
    text = "Shelling killed four civilians in Aleppo on Monday."
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": text, "date": "2016-10-04T09:00:00Z"},
        {"id": "b", "text": text, "date": "2016-10-12"},
        {"id": "c", "text": text, "date": "next week"},
        {"id": "d", "text": text},
    ]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(feed), "-o", str(tmp_path / "out"), "--published-field", "date",
                                       "--published", "2016-09-01", "--scheduler", "synchronous"])
    assert result.exit_code == 0, result.output
    import geopandas

    events = geopandas.read_parquet(tmp_path / "out" / "events").sort_values("source")
    assert dict(zip(events["source"], events["date"], strict=True)) == {
        "a": "2016-10-03", "b": "2016-10-10", "d": "2016-08-29"}  # d: the --published fallback
    errors = [json.loads(line) for p in (tmp_path / "out" / "errors").glob("*.jsonl")
              for line in p.read_text().splitlines()]
    assert [e["id"] for e in errors] == ["c"] and "'next week' is not a date" in errors[0]["reason"]


def test_edited_articles_are_done_again_and_the_output_is_no_input(tmp_path: Path, user_store: Path) -> None:
    """Issue 19, item 19: partitions are keyed by the articles' bytes; an output folder inside the input folder
    is left out of the input."""
    import geopandas

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Shelling killed four civilians in Aleppo on Monday.", encoding="utf-8")
    (folder / "b.txt").write_text("Protesters marched in Cairo on Monday.", encoding="utf-8")
    out = folder / "out"  # inside the input folder
    args = ["batch", str(folder), "-o", str(out), "--published", "2016-10-04", "--scheduler", "synchronous",
            "--partition-size", "1"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert sorted(geopandas.read_parquet(out / "events")["location"]) == ["Aleppo", "Cairo"]
    again = CliRunner().invoke(main, args)  # the run's own files are no articles: nothing new, nothing redone
    assert again.exit_code == 0 and sorted(geopandas.read_parquet(out / "events")["location"]) == ["Aleppo", "Cairo"]
    (folder / "a.txt").write_text("Shelling killed four civilians in Idlib on Monday.", encoding="utf-8")
    edited = CliRunner().invoke(main, args)
    assert edited.exit_code == 0, edited.output
    assert sorted(geopandas.read_parquet(out / "events")["location"]) == ["Cairo", "Idlib"]


def test_an_article_past_its_time_limit_goes_to_errors(tmp_path: Path, user_store: Path) -> None:
    """Issue 19, item 3: no article holds a worker for ever (``--article-timeout``); the others are done."""
    import geopandas

    folder = tmp_path / "articles"
    folder.mkdir()
    seed = (Path(__file__).resolve().parent.parent / "seeds" / "000_ae893d0930690a7d.txt").read_text(encoding="utf-8")
    (folder / "long.txt").write_text((seed + "\n\n") * 60, encoding="utf-8")  # about 4 s of analysis
    (folder / "short.txt").write_text("Shelling killed four civilians in Aleppo on Monday.", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", str(tmp_path / "out"), "--published",
                                       "2016-10-04", "--scheduler", "synchronous", "--article-timeout", "1"])
    assert result.exit_code == 0, result.output
    errors = [json.loads(line) for p in (tmp_path / "out" / "errors").glob("*.jsonl")
              for line in p.read_text().splitlines()]
    assert [e["id"] for e in errors] == ["long.txt"] and "took longer than 1 s" in errors[0]["reason"]
    assert list(geopandas.read_parquet(tmp_path / "out" / "events")["location"]) == ["Aleppo"]
