"""``geo batch``: thousands of articles -> partitioned GeoParquet of events and places, on Dask.

Inputs are local folders, files and globs, or URLs of any fsspec file system (``s3://bucket/*.txt`` with s3fs
installed); JSONL files give one article per line.

Inputs are split into fixed partitions (sorted, so a rerun sees the same split). Each partition is one task: it
reads its own articles (paths or JSONL line ranges travel, never texts or the gazetteer), runs the same
``parse_places`` and ``extract_events`` as every other entry point with the gazetteer each worker opens once
(read-only), and writes ``places/``, ``errors/`` and then ``events/`` part files, each to a temporary name and
renamed: an ``events/part-N.parquet`` means partition N is complete, so a rerun skips it. Bad articles go to
``errors/`` with their id and reason and never stop the run. When all partitions are done, the events of all
articles are merged into ``deduplicated.parquet``: one row per (type, place, day), the lowest fatality figure,
every source listed; the per-source rows stay in ``events/``.
"""
from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gazetteer.files import atomic_path

from ..deadline import time_limit
from ..errors import InputError
from ..schema import arrow_type, flat_event_columns, mention_columns
from .plan import PARTITION_SIZE, Partition, plan, read_partition

__all__ = ["MANIFEST", "BatchReport", "deduplicate", "open_events", "process_partition", "run_batch"]

log = logging.getLogger(__name__)
MANIFEST = "_manifest.json"


@dataclass
class BatchReport:
    partitions: int = 0
    skipped: int = 0  # finished in an earlier run
    articles: int = 0
    errors: int = 0
    events: int = 0
    deduplicated: int = 0
    out: Path = field(default_factory=Path)
    seconds: dict[str, float] = field(default_factory=dict)  # start-up, processing, merging


_worker_gazetteer: Any = None


def _gazetteer(path: str | None) -> Any:
    """The gazetteer of this worker process, opened on its first task and kept (never sent with tasks)."""
    global _worker_gazetteer
    if _worker_gazetteer is None or str(_worker_gazetteer.user.path) != (path or str(_worker_gazetteer.user.path)):
        from gazetteer import Gazetteer

        _worker_gazetteer = Gazetteer(path)
        _worker_gazetteer.ensure_stock()
    return _worker_gazetteer


def _atomic(path: Path, write: Callable[[Path], object]) -> None:
    with atomic_path(path) as tmp:
        write(tmp)


def _event_kinds() -> dict[str, str]:
    """Column kinds of the events part files (:func:`geo.schema.flat_event_columns` and the partition number),
    fixed so that every part has the same schema (a part whose values are all missing would otherwise say
    "null") and geopandas, DuckDB and pyarrow read the folder as one dataset."""
    return {**{c.name: c.kind for c in flat_event_columns()}, "partition": "int"}


def _place_kinds() -> dict[str, str]:
    return {"id": "string", **{c.name: c.kind for c in mention_columns()}}


def _typed(frame: Any, kinds: dict[str, str]) -> Any:
    """The frame with the part files' fixed column types; lists (actors, fatality reports) joined by ``; `` as in
    CSV, because a part where every list is empty would give pyarrow a list type it cannot unify."""
    out = frame.copy()
    for column, kind in kinds.items():
        if kind == "list":
            out[column] = ["; ".join(v) for v in out[column]]
        out[column] = out[column].astype(arrow_type(kind))
    return out


#: Seconds one article may take in a batch (``--article-timeout``): a news article takes well under one.
ARTICLE_SECONDS = 300.0


def process_partition(part: Partition, out: str, *, gazetteer_path: str | None = None,
                      published: str | None = None, article_seconds: float = ARTICLE_SECONDS) -> dict[str, int]:
    """Process one partition and write its part files (events last: its presence marks the partition done)."""
    import geopandas
    from shapely.geometry import Point

    from ..analysis import analyse
    from ..events import warmed
    from ..formats.events import flat_frame

    root = Path(out)
    gaz = _gazetteer(gazetteer_path)
    events: list[Any] = []
    places: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    # the event sentences of each few articles parsed together; one that makes that fail is analysed alone below
    for doc_id, text, error, own_date in warmed(read_partition(part), lambda item: item[1], gazetteer=gaz,
                                                tolerant=True):
        if text is None:
            errors.append({"id": doc_id, "reason": error or "unreadable"})
            continue
        try:
            with time_limit(article_seconds):
                article = analyse(text, gazetteer=gaz, published=own_date or published, source=doc_id)
        except Exception as e:  # one bad article never stops the run: it is logged with its reason
            errors.append({"id": doc_id, "reason": f"{type(e).__name__}: {e}"})
            continue
        events += article.events
        for m in article.mentions:
            places.append({"id": doc_id, **m.to_dict()})
    for sub in ("events", "places", "errors"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    _atomic(root / "errors" / f"{part.name}.jsonl", lambda p: p.write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), encoding="utf-8"))
    geometry = [Point(r["lon"], r["lat"]) if r["lat"] is not None else None for r in places]
    frame = geopandas.GeoDataFrame(places, columns=list(_place_kinds()), geometry=geometry, crs="EPSG:4326")
    _atomic(root / "places" / f"{part.name}.parquet",
            lambda p: _typed(frame, _place_kinds()).to_parquet(p, index=False))
    ev = flat_frame(events)
    ev["partition"] = part.number
    _atomic(root / "events" / f"{part.name}.parquet", lambda p: _typed(ev, _event_kinds()).to_parquet(p, index=False))
    return {"articles": len(part.items), "errors": len(errors), "events": len(events)}


def _manifest(out: Path, parts: list[Partition], inputs: list[str]) -> dict[str, str]:
    """Partitions finished in an earlier run over the same split (their events part exists and digest matches)."""
    old: dict[str, Any] = {}
    path = out / MANIFEST
    if path.exists():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, OSError):
            old = {}
    before = old.get("partitions", {}) if isinstance(old, dict) else {}
    done = {p.name: p.digest for p in parts
            if before.get(p.name) == p.digest and (out / "events" / f"{p.name}.parquet").exists()}
    for p in parts:  # a partition whose articles changed since the last run is redone from scratch
        if p.name not in done:
            for sub, ext in (("events", "parquet"), ("places", "parquet"), ("errors", "jsonl")):
                (out / sub / f"{p.name}.{ext}").unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    names = {p.name: p.digest for p in parts}
    manifest = {"version": 1, "inputs": inputs, "partitions": names}
    _atomic(path, lambda t: t.write_text(json.dumps(manifest, indent=1), encoding="utf-8"))
    for stale in (out / "events").glob("part-*.parquet") if (out / "events").exists() else ():
        if stale.stem not in names:
            stale.unlink()
    return done


def run_batch(inputs: list[str], out: str | Path, *, scheduler: str | None = None, workers: int | None = None,
              partition_size: int = PARTITION_SIZE, text_field: str = "text", id_field: str = "id",
              gazetteer_path: str | None = None, published: str | None = None, published_field: str | None = None,
              progress: Callable[[int, int], None] | None = None,
              article_seconds: float = ARTICLE_SECONDS) -> BatchReport:
    """Process every article under ``inputs`` into ``out`` (a folder), resuming a run that was interrupted.

    ``report.seconds`` has the time of each phase: start-up (planning, the cluster), processing, merging.

    ``scheduler``: None for a local cluster of ``workers`` processes (default: one per core), ``"synchronous"``
    for this process only, or the address of a running ``dask.distributed`` scheduler (``tcp://host:8786``).
    """
    clock = time.perf_counter()
    root = Path(out).resolve()
    parts = plan(inputs, partition_size=partition_size, text_field=text_field, id_field=id_field,
                 published_field=published_field, exclude=root)
    done = _manifest(root, parts, inputs)
    todo = [p for p in parts if p.name not in done]
    report = BatchReport(partitions=len(parts), skipped=len(parts) - len(todo), out=root)
    kwargs = {"out": str(root), "gazetteer_path": gazetteer_path, "published": published,
              "article_seconds": article_seconds}
    finished = 0
    if progress:
        progress(report.skipped, len(parts))
    if scheduler == "synchronous":
        report.seconds["startup"] = time.perf_counter() - clock
        clock = time.perf_counter()
        results: Iterator[dict[str, int]] = (process_partition(p, **kwargs) for p in todo)  # type: ignore[arg-type]
        for result in results:
            _tally(report, result)
            finished += 1
            if progress:
                progress(report.skipped + finished, len(parts))
    elif todo:
        from distributed import Client, LocalCluster, as_completed

        cluster = None
        if scheduler is None:
            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)  # type: ignore[no-untyped-call]
        try:
            client = Client(cluster if cluster is not None else scheduler)  # type: ignore[no-untyped-call]
        except OSError as e:  # "Timed out trying to connect to tcp://...": not a write failure
            raise InputError(f"cannot reach the scheduler {scheduler or 'of the local cluster'}: {e}") from None
        report.seconds["startup"] = time.perf_counter() - clock
        clock = time.perf_counter()
        try:
            futures = client.map(process_partition, todo, pure=False, out=str(root), article_seconds=article_seconds,
                                 gazetteer_path=gazetteer_path, published=published)
            for future in as_completed(futures):  # type: ignore[no-untyped-call]
                _tally(report, future.result())
                finished += 1
                if progress:
                    progress(report.skipped + finished, len(parts))
        finally:
            client.close()  # type: ignore[no-untyped-call]
            if cluster is not None:
                cluster.close()
    report.seconds["processing"] = time.perf_counter() - clock
    clock = time.perf_counter()
    report.deduplicated = deduplicate(root)
    report.seconds["merging"] = time.perf_counter() - clock
    return report


def _tally(report: BatchReport, result: dict[str, int]) -> None:
    report.articles += result["articles"]
    report.errors += result["errors"]
    report.events += result["events"]


def deduplicate(root: Path) -> int:
    """Merge the events of all articles: one row per (type, place, day) with every source and the lowest figure.

    Reads the partitioned output as one pyarrow dataset (0.2 s for 10,000 rows, where dask-geopandas took 6 s:
    the merged rows are few; :func:`open_events` gives the lazy Dask frame for outputs too big for memory);
    writes ``deduplicated.parquet``; returns its row count.
    """
    import geopandas

    parts = sorted((root / "events").glob("part-*.parquet"))
    if not parts:
        return 0
    frame = geopandas.read_parquet(root / "events")
    if frame.empty:
        merged = frame.assign(sources=[], reports=[])
    else:
        frame = frame.sort_values(["partition", "source", "date", "event_type", "location"], kind="stable")
        frame = frame.reset_index(drop=True)
        place = frame["geonameid"].fillna("") + "|" + frame["country_code"].fillna("") + "|" + frame["location"]
        frame = frame.assign(_key=frame["event_type"] + "|" + place + "|" + frame["date"].fillna(""))
        groups = frame.groupby("_key", sort=True)
        first = groups.head(1).set_index("_key")
        lowest = frame.loc[groups["fatalities"].idxmin()].set_index("_key")
        merged = first.copy()
        merged["fatalities"] = lowest["fatalities"]
        merged["fatalities_text"] = lowest["fatalities_text"]
        merged["sources"] = groups["source"].agg(lambda s: "; ".join(sorted(set(s))))  # as text: see _typed
        merged["reports"] = groups.size()
        merged["source"] = merged["sources"]
        merged = geopandas.GeoDataFrame(merged.reset_index(drop=True), geometry="geometry", crs=frame.crs)
        merged = merged.sort_values(["date", "event_type", "location"], kind="stable").reset_index(drop=True)
        merged = merged.drop(columns=["partition"])
    _atomic(root / "deduplicated.parquet", lambda p: merged.to_parquet(p, index=False))
    return len(merged)


def open_events(out: str | Path) -> Any:
    """The per-source events of a batch output as a lazy ``dask_geopandas.GeoDataFrame`` (one partition per part
    file): for outputs larger than memory, e.g. ``open_events("out").groupby("country_code").size().compute()``."""
    import dask_geopandas

    parts = sorted(str(p) for p in (Path(out) / "events").glob("part-*.parquet"))
    if not parts:
        raise InputError(f"{out}: no events/part-*.parquet (not the output of geo batch?)")
    return dask_geopandas.read_parquet(parts)
