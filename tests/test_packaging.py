"""What pip installs is what the checkout holds: a wheel carries every module and data file, and the installed
``geo`` (compiled by mypyc where ``setup.py`` could) answers as the sources do."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("geo", "gazetteer", "maps")


def _package_files() -> set[str]:
    return {p.relative_to(ROOT).as_posix() for d in PACKAGES for p in (ROOT / d).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".so")}


def test_the_wheel_holds_every_module_and_data_file(tmp_path: Path) -> None:
    """A list of the top packages alone once gave a wheel without ``geo.places``: ``pip install reportmap``
    installed a ``geo`` that could not parse a text."""
    env = dict(os.environ, REPORTMAP_PURE="1")  # what is packaged, not how fast it runs: no compilation
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("reportmap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert sorted(_package_files() - names) == []
    assert not any(n.endswith(".so") for n in names)  # REPORTMAP_PURE kept the modules interpreted


def _installed_geo(cwd: Path) -> Path:
    """The folder of the ``geo`` package the environment has installed (run away from the checkout)."""
    done = subprocess.run([sys.executable, "-c", "import geo, sys; sys.stdout.write(geo.__file__)"], cwd=cwd,
                          capture_output=True, text=True, env={k: v for k, v in os.environ.items()
                                                                 if k != "PYTHONPATH"}, check=True)
    return Path(done.stdout).parent


def test_the_installed_geo_answers_as_the_sources(tmp_path: Path, gaz: Gazetteer) -> None:
    """``make install`` installs a copy of the packages, the place pipeline compiled where a compiler is at hand;
    the tests import the checkout's sources. Both must give the same places, evidence included, on texts of
    every kind the pipeline meets (wire copy in capitals, local news, a conflict report)."""
    installed = _installed_geo(tmp_path)
    if installed.resolve() == (ROOT / "geo").resolve():
        pytest.skip("an editable install: the sources are what runs")
    site = installed.parent
    stale = sorted(f for f in _package_files()
                   if not (site / f).is_file() or (site / f).read_bytes() != (ROOT / f).read_bytes())
    assert stale == [], f"the installed reportmap is older than this checkout ({stale[:3]}): run make install"

    from geo.formats.places import answers_json, places_json
    from geo.places import parse_places, resolve_spans
    from geo.places.parallel import MIN_PARALLEL_DOCS

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "events").glob("*.txt"))]
    texts.append(texts[0].upper())  # wire copy in capitals: true-cased first
    rounds = -(-MIN_PARALLEL_DOCS // len(texts))  # enough documents for the worker processes too
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"{k}.{i}", "text": t}) + "\n" for k in range(rounds)
                              for i, t in enumerate(texts)), encoding="utf-8")
    geo_cmd = Path(sys.executable).with_name("geo")
    done = subprocess.run([str(geo_cmd), "places", "--jsonl", str(corpus), "--format", "jsonl", "--explain"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    expected = [json.loads(places_json(parse_places(t, gazetteer=gaz, explain=True, rejected=True), explain=True))
                for t in texts]
    got = [json.loads(line)["places"] for line in done.stdout.splitlines()]
    assert got == expected * rounds and sum(map(len, expected)) > 100
    # and geo resolve, on the spans found
    spans = [[[m["start"], m["end"]] for m in ms] for ms in expected]
    corpus.write_text("".join(json.dumps({"id": str(i), "text": t, "spans": s}) + "\n"
                              for i, (t, s) in enumerate(zip(texts, spans, strict=True))), encoding="utf-8")
    done = subprocess.run([str(geo_cmd), "resolve", "--jsonl", str(corpus), "--format", "jsonl", "--explain"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    expected = [json.loads(answers_json(resolve_spans(t, [tuple(x) for x in s], gazetteer=gaz, explain=True),
                                        explain=True)) for t, s in zip(texts, spans, strict=True)]
    assert [json.loads(line)["places"] for line in done.stdout.splitlines()] == expected


def test_version_says_whether_the_pipeline_is_compiled(run) -> None:  # type: ignore[no-untyped-def]
    from importlib.metadata import version

    from geo.places import compiled

    result = run("--version")
    how = "compiled" if compiled() else "interpreted"
    assert result.exit_code == 0 and result.output.startswith(f"geo, version {version('reportmap')} (place "
                                                              f"pipeline {how}")
