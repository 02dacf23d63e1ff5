"""The written guides match the code: every file, table and test CONTRIBUTING.md and the README name exists."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = "\n".join(p.read_text(encoding="utf-8") for d in ("geo", "gazetteer", "maps", "tests")
                    for p in (ROOT / d).rglob("*.py")) + (ROOT / "setup.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("doc", ["CONTRIBUTING.md", "README.md"])
def test_named_files_exist(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:geo|gazetteer|maps|tests|scripts|benchmarks)/[\w./-]*\w)`", text))
    missing = sorted(p for p in paths if not (ROOT / p).exists())
    assert paths and missing == []


def test_named_tables_and_tests_exist() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    names = {n for n in re.findall(r"`([A-Z][A-Z_]{3,})`", text) if not n.startswith(("XDG_", "GEO_"))}
    names |= set(re.findall(r"`(test_\w+)`", text))  # environment variables aside
    missing = sorted(n for n in names if not re.search(rf"\b{n}\b\s*(?::|=|\()", SOURCES))
    assert names and missing == []


def test_readme_lists_every_trigger_rule() -> None:
    from geo.events.triggers import RULES

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\s*\| `([a-z-]+)`(?: \((?:weak|generic)\))? \|", text, re.M)
    assert listed == [r.name for r in RULES]  # every rule, in the table's order
