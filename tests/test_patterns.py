"""Every regular expression of the three packages runs in linear time on pathological input (issue 19, item 3:
a casualty pattern once took 26 s on 36 hyphens after a number word, and never finished on 60)."""
from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import gazetteer
import geo
import maps

#: Inputs that make backtracking patterns explode: long runs of one character class, and alternations of them.
PATHOLOGICAL = ["-" * 20000, "a" * 20000, "A " * 10000, "1," * 10000, "." * 20000, "'" * 20000, "aaa-" * 5000,
                "\n" * 20000, " " * 20000, "twenty-" * 3000, "Aa " * 7000, "(" * 20000, "1 " * 10000,
                "killed " * 3000, " \n" * 10000,
                # a number word, then separators (exponential until number words took one hyphen between them)
                "killed one" + "-" * 24 + " people", "killed one" + " -" * 24 + " x", "one" + "- " * 24 + "dead",
                "killed twenty" + "-" * 12 + "five" + "-" * 12 + " people"]


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: dict[tuple[str, str], re.Pattern[str]] = {}
    for package in (gazetteer, geo, maps):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith(".__main__"):
                continue
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    found.setdefault((info.name, name), value)
    return sorted(((f"{m}.{n}", p) for (m, n), p in found.items()), key=lambda t: t[0])


PATTERNS = _patterns()


def test_there_are_patterns_to_check() -> None:
    assert len(PATTERNS) > 50


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_is_linear_on_pathological_input(name: str, pattern: re.Pattern[str]) -> None:
    # patterns are matched at a position (one call: must be linear in the text after it) or searched in a
    # sentence (a search tries every start: quadratic at worst is tolerable on a sentence, never worse)
    for text in PATHOLOGICAL:
        start = time.perf_counter()
        pattern.match(text)
        pattern.search(text[:300])
        spent = time.perf_counter() - start
        assert spent < 0.5, f"{name} took {spent:.1f} s on {text[:20]!r}..."
