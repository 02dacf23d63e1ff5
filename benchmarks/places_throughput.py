#!/usr/bin/env python3
"""Throughput of the place parser on one core, in-process and through the CLI, plus CLI start-up.

    python benchmarks/places_throughput.py [corpus.jsonl] [--docs 2000]

The corpus defaults to ../shared/eval/geoparse-dev.jsonl (repeated to --docs documents); with no corpus at
hand it falls back to the seed article. Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: find the benchmarks package

from benchmarks.corpus import DEV_CORPUS, load_texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEV_CORPUS))
    ap.add_argument("--docs", type=int, default=2000)
    args = ap.parse_args()
    texts = load_texts(args.corpus)
    docs = [{"id": f"d{i}", "text": texts[i % len(texts)]} for i in range(args.docs)]

    from geo import default_gazetteer, parse_places

    gaz = default_gazetteer()
    t0 = time.perf_counter()
    gaz.ensure_stock()
    parse_places("Aleppo", gazetteer=gaz)
    warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    mentions = sum(len(parse_places(d["text"], gazetteer=gaz)) for d in docs)
    in_process = time.perf_counter() - t0

    geo_cmd = str(Path(sys.executable).with_name("geo"))
    with tempfile.TemporaryDirectory() as tmp:
        one, many = Path(tmp, "one.jsonl"), Path(tmp, "many.jsonl")
        one.write_text(json.dumps(docs[0]) + "\n", encoding="utf-8")
        many.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")

        def timed(path: Path) -> float:
            t = time.perf_counter()
            subprocess.run([geo_cmd, "places", "--jsonl", str(path), "--format", "jsonl"], check=True,
                           stdout=subprocess.DEVNULL)
            return time.perf_counter() - t

        startup = min(timed(one) for _ in range(3))
        cli = timed(many)
    print(json.dumps({
        "documents": len(docs), "mentions": mentions,
        "open_and_first_doc_seconds": round(warm, 3),
        "in_process_docs_per_second": round(len(docs) / in_process, 1),
        "cli_startup_seconds": round(startup, 3),
        "cli_docs_per_second_beyond_startup": round((len(docs) - 1) / (cli - startup), 1),
    }, indent=1))


if __name__ == "__main__":
    main()
