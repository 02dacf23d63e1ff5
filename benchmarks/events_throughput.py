#!/usr/bin/env python3
"""Throughput of event extraction on one core: in-process, and `geo events --format jsonl` over article files.

    python benchmarks/events_throughput.py [corpus.jsonl] [--docs N]

The corpus defaults to ../shared/eval/geoparse-dev.jsonl; every text is read once (--docs N: the first N, or the
texts repeated to N articles - repeats find their sentences already parsed, so only a figure over distinct texts
is honest). In process: the product's path (a batch of articles warmed, geo.events.warm, then each analysed).
The CLI figure (`geo events` over the texts as .txt files in a temporary folder) is articles/s beyond start-up
(the time to run the command on one article is subtracted). Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# run as a script: find the benchmarks package (after site-packages: the installed, compiled geo is measured)
sys.path.append(str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import DEV_CORPUS, load_texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEV_CORPUS))
    ap.add_argument("--docs", type=int, default=None, help="articles (default: every text of the corpus once)")
    args = ap.parse_args()
    texts = load_texts(args.corpus)
    args.docs = args.docs or len(texts)

    from geo import analyse, default_gazetteer
    from geo.events import warmed

    gaz = default_gazetteer()
    gaz.ensure_stock()
    analyse("Shelling hit Aleppo on Monday.", gazetteer=gaz, published="2016-10-04")
    docs = [texts[i % len(texts)] for i in range(args.docs)]
    t0 = time.perf_counter()
    count = sum(len(analyse(text, gazetteer=gaz, published="2016-10-04").events)
                for text in warmed(docs, lambda text: text, gazetteer=gaz))
    in_process = args.docs / (time.perf_counter() - t0)

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(args.docs):
            path = Path(tmp) / f"a{i:05d}.txt"
            path.write_text(texts[i % len(texts)], encoding="utf-8")
            paths.append(str(path))
        geo = [sys.executable, "-m", "geo", "events", "--published", "2016-10-04", "--format", "jsonl"]
        env = dict(os.environ)
        t0 = time.perf_counter()
        subprocess.run([*geo, paths[0], "-o", os.devnull], check=True, env=env)
        startup = time.perf_counter() - t0
        t0 = time.perf_counter()
        subprocess.run([*geo, *paths, "-o", str(Path(tmp) / "out.jsonl")], check=True, env=env)
        total = time.perf_counter() - t0
        lines = sum(1 for _ in (Path(tmp) / "out.jsonl").open(encoding="utf-8"))
    print(json.dumps({"articles": args.docs, "distinct_texts": min(args.docs, len(texts)), "events": count,
                      "events_per_article": round(count / args.docs, 2),
                      "in_process_articles_per_s": round(in_process, 1),
                      "cli_articles_per_s_beyond_startup": round(args.docs / max(total - startup, 1e-9), 1),
                      "cli_startup_s": round(startup, 2), "cli_lines": lines}, indent=1))


if __name__ == "__main__":
    main()
