"""The house's rooms: imports point one way (maps -> geo -> gazetteer; inside geo, the command line on top of the
pipelines, the pipelines on top of records and formats), checked on the source of every module, including the
imports inside functions. A new module that crosses a layer the wrong way fails here."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("gazetteer", "geo", "maps")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _target(name: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module a ``from ... import`` in module ``name`` names (``from . import x`` resolved)."""
    if not node.level:
        return node.module or ""
    base = name.split(".")
    base = base[:len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _imports() -> dict[str, set[str]]:
    """module -> the absolute names of everything it imports (``from . import x`` resolved)."""
    graph: dict[str, set[str]] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = _module_name(path)
            is_package = path.name == "__init__.py"
            found: set[str] = set()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom):
                    target = _target(name, is_package, node)
                    found.add(target)
                    found.update(f"{target}.{alias.name}" for alias in node.names)
            graph[name] = found
    return graph


GRAPH = _imports()


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _violations(source: str, forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    return sorted(f"{module} imports {target}" for module, targets in GRAPH.items() if _within(module, source)
                  and not any(_within(module, a) for a in allowed)
                  for target in targets if any(_within(target, f) for f in forbidden))


@pytest.mark.parametrize(("source", "forbidden", "allowed"), [
    ("gazetteer", ("geo", "maps"), ()),  # the place store knows nothing of text or maps
    ("geo", ("maps",), ()),  # geo never imports maps (maps adds its commands through an entry point)
    ("geo.places", ("geo.events", "geo.analysis", "geo.batch", "geo.cli"), ()),
    ("geo.events", ("geo.analysis", "geo.batch", "geo.cli", "geo.formats"), ()),
    ("geo.formats", ("geo.places", "geo.events", "geo.analysis", "geo.batch", "geo.cli"), ()),
    ("geo.model", ("geo.places", "geo.events", "geo.formats", "geo.analysis", "geo.batch", "geo.cli"), ()),
    ("geo.taxonomy", ("geo.places", "geo.events", "geo.formats", "geo.analysis", "geo.batch", "geo.cli"), ()),
    ("geo.schema", ("geo.places", "geo.events", "geo.formats", "geo.analysis", "geo.batch", "geo.cli"), ()),
    ("geo.lexicon", ("geo.places", "geo.events", "geo.formats", "geo.analysis", "geo.batch", "geo.cli"), ()),
    ("geo.datelines", ("geo.places", "geo.events", "geo.formats", "geo.analysis", "geo.batch", "geo.cli"), ()),
    ("geo.batch", ("geo.cli",), ()),
    ("geo.analysis", ("geo.cli", "geo.batch"), ()),
    ("maps", ("geo.cli",), ("maps.cli",)),  # only the command module of maps reaches the command line
    ("geo", ("click",), ("geo.cli",)),  # the library never needs click
])
def test_imports_point_one_way(source: str, forbidden: tuple[str, ...], allowed: tuple[str, ...]) -> None:
    assert _violations(source, forbidden, allowed) == []


def test_maps_reaches_the_command_line_through_one_public_module() -> None:
    used = {t for t in GRAPH["maps.cli"] if _within(t, "geo.cli")}
    assert used and all(_within(t, "geo.cli.common") for t in used), used


def test_no_private_names_across_modules() -> None:
    """``from x import _private`` across modules was how the layers leaked (maps used geo.cli._errors)."""
    bad = sorted(f"{m} imports {t}" for m, ts in GRAPH.items() for t in ts
                 if t.rsplit(".", 1)[-1].startswith("_") and not t.rsplit(".", 1)[-1].startswith("__")
                 and any(_within(t, p) for p in PACKAGES))
    assert bad == []


def test_the_checker_sees_a_crossing() -> None:
    """The graph is real: geo.analysis imports the event pipeline, maps.cli imports geo."""
    assert any(_within(t, "geo.events") for t in GRAPH["geo.analysis"])
    assert _violations("geo.analysis", ("geo.events",)) != []


def test_geo_cli_starts_without_the_heavy_libraries() -> None:
    """``geo`` answers in a fraction of a second: importing its command line pulls in none of geopandas,
    shapely, dask, folium, spaCy (or pandas, pyarrow, distributed)."""
    code = ("import sys, geo.cli; heavy = {'geopandas', 'shapely', 'dask', 'folium', 'pandas', 'pyarrow', "
            "'distributed', 'branca', 'spacy'}; print(sorted({m.split('.')[0] for m in sys.modules} & heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_geo_places_loads_no_event_pipeline() -> None:
    """Commands are imported when used: ``geo places`` never loads the event extractor or the batch runner."""
    code = ("import sys; from geo.cli import main, COMMANDS; import importlib; "
            "importlib.import_module(COMMANDS['places'][0]); "
            "print(sorted(m for m in sys.modules if m.startswith(('geo.events', 'geo.batch', 'geo.analysis'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_modules_stay_small() -> None:
    """A module over ~400 lines is two rooms."""
    big = {str(p.relative_to(ROOT)): n for package in PACKAGES for p in (ROOT / package).rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert big == {}


def _top_level_imports() -> dict[str, set[str]]:
    """module -> our modules it imports when it is imported (function-level imports left out)."""
    graph: dict[str, set[str]] = {}
    modules = set(GRAPH)
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = _module_name(path)
            is_package = path.name == "__init__.py"
            found: set[str] = set()
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                targets: list[str] = []
                if isinstance(node, ast.Import):
                    targets = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom):
                    target = _target(name, is_package, node)
                    targets = [f"{target}.{a.name}" for a in node.names] + [target]
                for t in targets:
                    while t and t not in modules:
                        t = t.rpartition(".")[0]
                    # a module always imports its parent packages first: not an edge of its own
                    if t and t != name and not _within(name, t):
                        found.add(t)
            graph[name] = found
    return graph


def test_no_import_cycles() -> None:
    """No module imports, at its top, a module that imports it back (the CLI modules once did)."""
    graph = _top_level_imports()
    cycles = []
    for start in graph:
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in graph.get(node, ()):
                if nxt == start:
                    cycles.append(" -> ".join([*path, nxt]))
                elif nxt not in path and len(path) < 8:
                    stack.append((nxt, [*path, nxt]))
    assert cycles == []
