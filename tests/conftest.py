"""Shared fixtures: one stock database built per test session (hermetic: no user cache is touched)."""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_ae893d0930690a7d.txt"


@pytest.fixture(scope="session")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """XDG_CACHE_HOME for the whole session, with the stock database built once inside it."""
    home = tmp_path_factory.mktemp("xdg-cache")
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(home)
    Gazetteer(home / "unused.sqlite").ensure_stock()
    yield home
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


TINY = ROOT / "tests" / "data" / "gazetteer" / "tiny.tsv"


@pytest.fixture(scope="session")
def tiny_gaz(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gazetteer]:
    """A gazetteer of the few dozen places in tests/data/gazetteer/tiny.tsv (built in milliseconds), with an
    empty user store: for rule tests that need no 235k-place database."""
    from gazetteer.build import tsv_source

    folder = tmp_path_factory.mktemp("tiny")
    g = Gazetteer(folder / "user.sqlite", stock=folder / "stock.sqlite", sources=(tsv_source(TINY),))
    g.ensure_stock()
    yield g
    g.close()


@pytest.fixture()
def user_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache_home: Path) -> Path:
    """A fresh, empty user store for one test, also seen by the CLI (GEO_GAZETTEER)."""
    path = tmp_path / "data" / "gazetteer.sqlite"
    monkeypatch.setenv("GEO_GAZETTEER", str(path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return path


@pytest.fixture()
def gaz(user_store: Path) -> Iterator[Gazetteer]:
    g = Gazetteer(user_store)
    yield g
    g.close()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:  # type: ignore[type-arg]
    return json.loads((SEEDS / "000_ae893d0930690a7d.places.json").read_text(encoding="utf-8"))


@pytest.fixture()
def run(user_store: Path):  # type: ignore[no-untyped-def]
    """``run(*args, input=None)``: the ``geo`` command in-process, against the test's own user store."""
    from geo.cli import main

    runner = CliRunner()

    def _run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return _run


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium under playwright, one per test session (see tests/browser.py)."""
    from .browser import launch

    with launch() as b:
        yield b
