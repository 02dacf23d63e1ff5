#!/usr/bin/env python3
"""Throughput of the place parser: in-process on one core, where its time goes (milliseconds per document in
each stage, over the distinct texts), and through the CLI with one worker and with the default (one per core),
plus CLI start-up.

    python benchmarks/places_throughput.py [corpus.jsonl] [--docs 2000]

The corpus defaults to ../shared/eval/geoparse-dev.jsonl (repeated to --docs documents); with no corpus at
hand it falls back to the seed article. It measures the installed ``geo`` (compiled by ``make install``:
``compiled`` in the output says; ``PYTHONPATH=.`` measures the checkout's interpreted sources). Prints one JSON
object.
"""
from __future__ import annotations

import argparse
import json
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
    ap.add_argument("--docs", type=int, default=2000)
    args = ap.parse_args()
    texts = load_texts(args.corpus)
    docs = [{"id": f"d{i}", "text": texts[i % len(texts)]} for i in range(args.docs)]

    from geo import default_gazetteer, parse_places
    from geo.places import compiled

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

        def timed(path: Path, *extra: str) -> float:
            t = time.perf_counter()
            subprocess.run([geo_cmd, "places", "--jsonl", str(path), "--format", "jsonl", *extra], check=True,
                           stdout=subprocess.DEVNULL)
            return time.perf_counter() - t

        startup = min(timed(one) for _ in range(3))
        cli_one = timed(many, "--jobs", "1")
        cli = timed(many)
    print(json.dumps({
        "documents": len(docs), "mentions": mentions, "compiled": compiled(),
        "open_and_first_doc_seconds": round(warm, 3),
        "in_process_docs_per_second": round(len(docs) / in_process, 1),
        "stages_ms_per_doc": stages(texts, gaz),
        "cli_startup_seconds": round(startup, 3),
        "cli_docs_per_second_beyond_startup_one_worker": round((len(docs) - 1) / (cli_one - startup), 1),
        "cli_docs_per_second_beyond_startup": round((len(docs) - 1) / (cli - startup), 1),
    }, indent=1))


def stages(texts: list[str], gaz: object) -> dict[str, float]:
    """Milliseconds per document in each stage of ``parse_places`` (CPU time, best of three passes)."""
    from geo.places.designators import designated_by, spread_towns
    from geo.places.recognise import candidate_spans, select_spans, tokenize
    from geo.places.resolve import MIN_FIT, SpanLike, resolve_groups
    from geo.places.truecase import is_shouting
    from geo.places.unknown import find_unknown

    plain = [t for t in texts if not is_shouting(t)]  # wire copy in capitals is true-cased first
    best: dict[str, float] = {}
    for _ in range(3):
        spent = dict.fromkeys(("tokens", "runs", "lookup", "rules", "resolve", "unknown"), 0.0)
        for text in plain:
            t0 = time.process_time()
            tokens = tokenize(text)
            t1 = time.process_time()
            runs = candidate_spans(text, tokens)
            t2 = time.process_time()
            found = gaz.candidates(set(runs.values()))  # type: ignore[attr-defined]
            t3 = time.process_time()
            spans = select_spans(text, tokens, found, runs, None)
            t4 = time.process_time()
            items = spread_towns(text, [SpanLike(s.start, s.end, s.text, s.key,
                                                 s.designator or designated_by(text, s.start),
                                                 tuple(s.candidates), s.dateline) for s in spans])
            mentions = [m for m in resolve_groups(text, items, min_fit=MIN_FIT) if m is not None]
            t5 = time.process_time()
            find_unknown(text, mentions, tokens)
            t6 = time.process_time()
            for key, spent_s in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5), strict=True):
                spent[key] += spent_s
        for key, total in spent.items():
            best[key] = min(best.get(key, total), total)
    return {k: round(v / len(plain) * 1000, 3) for k, v in best.items()}


if __name__ == "__main__":
    main()
