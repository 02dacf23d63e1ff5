#!/usr/bin/env python3
"""Instructions the place parser executes per document, counted by valgrind's callgrind: a measure of the code's
cost that the machine's speed does not move (this project's machines vary by 20-40 % between runs and by a
factor of two between days, so docs/s alone cannot tell a faster change from a faster day).

    python benchmarks/places_instructions.py [corpus.jsonl] [--code DIR] [--jobs 3]

Three runs of one process under callgrind, in parallel: importing and opening the gazetteer only; that and a
first pass over the corpus's texts (what a feed of new articles pays: SQLite reads, the caches of normal forms);
that and a second pass (the steady state). The differences are the first pass's and the second pass's
instructions; divided by the documents, per document. ``--code DIR`` counts another checkout's code (its
``geo`` and ``gazetteer`` packages first on the path, its stock database in a cache of its own), to compare two
versions on the same machine. Needs valgrind (Debian's ``valgrind``); a few minutes. Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: find the benchmarks package

from benchmarks.corpus import DEV_CORPUS, load_texts

#: The child: import, open, then PASSES passes over the texts in TEXTS (a JSON list), nothing printed.
_CHILD = """
import json, sys
from geo.places import default_gazetteer, parse_places
texts = json.load(open(sys.argv[1], encoding="utf-8"))
passes = int(sys.argv[2])
gaz = default_gazetteer()
gaz.ensure_stock()
for _ in range(passes):
    for text in texts:
        parse_places(text, gazetteer=gaz)
import geo
assert geo.__file__.startswith(sys.argv[3]), geo.__file__  # the code asked for, not another checkout's
"""
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(texts_path: Path, passes: int, env: dict[str, str], workdir: Path, code: str) -> int:
    """Instructions of one child run under callgrind (``code``: the folder its ``geo`` must come from, if
    not empty)."""
    out = workdir / f"callgrind.{passes}.out"
    proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c",
                           _CHILD, str(texts_path), str(passes), code], capture_output=True, text=True, env=env,
                          cwd=workdir)  # not where it was started: ``-c`` puts the working directory on the path
    found = _REFS.search(proc.stderr)
    if proc.returncode != 0 or found is None:
        sys.exit(f"callgrind run with {passes} passes failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEV_CORPUS))
    ap.add_argument("--code", help="another checkout whose code to count (default: this one's, as installed)")
    ap.add_argument("--jobs", type=int, default=3, help="callgrind runs at a time (default 3)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install -y valgrind)")
    texts = load_texts(args.corpus)
    # one hash seed for every run: string hashes order sets and dictionaries, and a random seed moved the count
    # by up to 3 % between two runs of the same code (PYTHONHASHSEED=random to see it)
    env = dict(os.environ, PYTHONHASHSEED=os.environ.get("PYTHONHASHSEED", "0"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env["GEO_GAZETTEER"] = str(work / "user.sqlite")  # no user entries: two versions count the same work
        texts_path = work / "texts.json"
        texts_path.write_text(json.dumps(texts), encoding="utf-8")
        code = str(Path(args.code).resolve()) if args.code else ""  # "": whatever is installed
        if args.code:
            if not Path(code, "geo").is_dir():
                sys.exit(f"{code}: no geo package there")
            env["PYTHONPATH"] = os.pathsep.join([code, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
            env["XDG_CACHE_HOME"] = str(work / "cache")  # its own stock database, built by its own code
            subprocess.run([sys.executable, "-c", "from geo.places import default_gazetteer as d; "
                            "d().ensure_stock()"], check=True, env=env, cwd=work)
        with ThreadPoolExecutor(max(1, args.jobs)) as pool:
            opened, first, second = pool.map(lambda n: instructions(texts_path, n, env, work, code), (0, 1, 2))
    n = len(texts)
    print(json.dumps({
        "documents": n,
        "code": code or "installed",
        "import_and_open_instructions": opened,
        "first_pass_instructions_per_doc": round((first - opened) / n),
        "second_pass_instructions_per_doc": round((second - first) / n),
    }, indent=1))


if __name__ == "__main__":
    main()
