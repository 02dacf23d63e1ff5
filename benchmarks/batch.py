#!/usr/bin/env python3
"""Batch throughput on Dask: N generated articles (default 10,000) with 1 and with 2 local workers.

    python benchmarks/batch.py [--articles 10000] [--partition-size 100]

Prints articles/s for each worker count: over the whole run (cluster start-up and the final merge included) and
over the processing phase alone (the partitions, from the first task sent to the last one done); both speed-ups;
the seconds of each phase; and peak memory (largest worker process, and this driver). Needs the place
database built (any `geo` command).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

# run as a script: find the benchmarks package (after site-packages: the installed, compiled geo is measured)
sys.path.append(str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import write_corpus
from geo.batch import run_batch


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--partition-size", type=int, default=100)
    args = ap.parse_args()
    out: dict[str, object] = {"articles": args.articles}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.articles, bad=False)
        rates: dict[int, float] = {}
        processing: dict[int, float] = {}
        for workers in (1, 2):
            t0 = time.perf_counter()
            report = run_batch([str(corpus)], Path(tmp) / f"out{workers}", workers=workers,
                               partition_size=args.partition_size)
            seconds = time.perf_counter() - t0
            rates[workers] = report.articles / seconds
            processing[workers] = report.articles / report.seconds["processing"]
            out[f"workers_{workers}"] = {
                "seconds": round(seconds, 1), "articles_per_s": round(rates[workers], 1),
                "processing_articles_per_s": round(processing[workers], 1),
                "phases_s": {k: round(v, 1) for k, v in report.seconds.items()},
                "events": report.events, "deduplicated": report.deduplicated}
        out["speedup_2_vs_1"] = round(rates[2] / rates[1], 2)
        out["processing_speedup_2_vs_1"] = round(processing[2] / processing[1], 2)
    out["peak_rss_worker_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    out["peak_rss_driver_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
