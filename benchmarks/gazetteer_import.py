"""Import throughput and memory of a GeoNames-format dump (streamed): rows/s and peak RSS.

    python benchmarks/gazetteer_import.py [ROWS]

Writes a synthetic dump of ROWS lines (default 200,000; allCountries.txt has ~13 million) to a temporary folder,
imports it into an empty store in one transaction, and prints the figures.
"""
from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from gazetteer import Gazetteer


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "XX.txt"
        with dump.open("w", encoding="utf-8") as f:
            for i in range(rows):
                f.write("\t".join([str(10_000_000 + i), f"Qaryat {i}", f"Qaryat {i}", f"Qarya {i},قرية {i}",
                                   f"{30 + (i % 600) / 100:.5f}", f"{36 + (i % 700) / 100:.5f}", "P", "PPL", "SY",
                                   "", "09", "", "", "", str(i % 5000), "", "400", "Asia/Damascus",
                                   "2024-01-01"]) + "\n")
        gaz = Gazetteer(Path(tmp) / "store.sqlite")
        gaz.ensure_stock()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        report = gaz.import_file(dump)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"imported {report.added:,} rows of a {dump.stat().st_size / 1e6:.0f} MB dump in {seconds:.1f} s: "
              f"{report.added / seconds:,.0f} rows/s; peak RSS {peak / 1024:.0f} MB "
              f"(+{(peak - before) / 1024:.0f} MB during the import)")


if __name__ == "__main__":
    main()
