"""The one table of output and input formats: every ``--format`` choice list, suffix check, reader and writer
reads it, so a format is added in one place (see CONTRIBUTING.md, "Adding an output format").

>>> [f.name for f in formats("events")]
['table', 'json', 'jsonl', 'geojson', 'csv', 'parquet', 'gpkg', 'fgb']
>>> format_for_path("out/events.GeoJSON", "events").name
'geojson'
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import GeoError
from . import entries as _entries
from . import events as _events
from . import gis as _gis
from . import places as _places

__all__ = ["FORMATS", "Format", "UnknownFormatError", "check_output_suffix", "event_file_suffixes", "event_reader",
           "format_for_path", "formats", "get", "names", "writer"]

Kind = Literal["events", "mentions", "entries"]


class UnknownFormatError(GeoError, ValueError):
    """A format name that is not in the registry, or one that cannot hold this kind of record."""


@dataclass(frozen=True)
class Format:
    """A file format: its name (the ``--format`` value), the suffixes that imply it, whether it is binary, its
    writers by kind of record (``events``, ``mentions``, gazetteer ``entries``) and its event reader.
    ``terminal`` formats (the table) are drawn by the CLI on a terminal and have no writer here."""

    name: str
    suffixes: tuple[str, ...] = ()
    binary: bool = False
    terminal: bool = False
    writers: dict[str, Callable[..., None]] = field(default_factory=dict)
    read_events: Callable[[Path], list[Any]] | None = None

    def holds(self, kind: Kind) -> bool:
        return self.terminal or kind in self.writers


#: In the order the CLI lists them.
FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("table", terminal=True),
    Format("json", (".json",), writers={"events": _events.write_json, "mentions": _places.write_json,
                                        "entries": _entries.write_json},
           read_events=_events.read_json),
    Format("jsonl", (".jsonl",), writers={"events": _events.write_jsonl, "mentions": _places.write_jsonl},
           read_events=_events.read_jsonl),
    Format("geojson", (".geojson",), writers={"events": _events.write_geojson, "mentions": _places.write_geojson,
                                              "entries": _entries.write_geojson},
           read_events=_events.read_json),
    Format("csv", (".csv",), writers={"events": _events.write_csv, "mentions": _gis.write_mentions_csv,
                                      "entries": _entries.write_csv},
           read_events=_events.read_csv),
    Format("parquet", (".parquet",), binary=True, writers={"events": _events.write_parquet},
           read_events=_events.read_parquet),
    Format("gpkg", (".gpkg",), binary=True, writers={"events": _gis.write_gpkg, "mentions": _gis.write_mentions_gpkg},
           read_events=_events.read_table),
    Format("fgb", (".fgb",), binary=True, writers={"events": _gis.write_fgb, "mentions": _gis.write_mentions_fgb},
           read_events=_events.read_table),
    # read only: ACLED's spreadsheet export, tab-separated tables
    Format("xlsx", (".xlsx",), binary=True, read_events=_events.read_table),
    Format("tsv", (".tsv", ".tab"), read_events=_events.read_csv),
)}


def formats(kind: Kind) -> list[Format]:
    """The formats that can hold ``kind`` records, in the registry's order."""
    return [f for f in FORMATS.values() if f.holds(kind)]


def names(kind: Kind, *, terminal: bool = True) -> list[str]:
    """``--format`` choices for ``kind`` (with or without the terminal table)."""
    return [f.name for f in formats(kind) if terminal or not f.terminal]


def get(name: str, kind: Kind) -> Format:
    """The format called ``name``; an error that lists the ones there are for ``kind`` otherwise."""
    fmt = FORMATS.get(name)
    if fmt is None or not fmt.holds(kind):
        raise UnknownFormatError(f"unknown {kind} format {name!r}; choose {', '.join(names(kind))}")
    return fmt


def format_for_path(path: str | Path, kind: Kind) -> Format | None:
    """The format a file name's suffix implies for ``kind`` (None when it implies none)."""
    suffix = Path(path).suffix.lower()
    return next((f for f in formats(kind) if suffix in f.suffixes), None)


def check_output_suffix(path: str, kind: Kind, fmt: str | None = None) -> Format | None:
    """The format ``-o PATH`` implies for ``kind`` (None for no suffix or ``-``); an error naming the formats
    there are when the suffix is no format of ``kind`` (``-o events.xlsx`` once wrote JSON there) or is another
    format than ``--format`` says.

    >>> check_output_suffix("out/events.gpkg", "events").name
    'gpkg'
    >>> try:
    ...     check_output_suffix("events.xlsx", "events")
    ... except UnknownFormatError as e:
    ...     print(str(e)[:57])
    events.xlsx: .xlsx is no events output format; name the f
    """
    if path in ("", "-"):
        return None
    suffix = Path(path).suffix.lower()
    if not suffix:
        return None
    known = [f for f in formats(kind) if not f.terminal]
    implied = next((f for f in known if suffix in f.suffixes), None)
    listed = [s for f in known for s in f.suffixes]
    if implied is None:
        raise UnknownFormatError(f"{path}: {suffix} is no {kind} output format; name the file "
                                 f"{', '.join(listed[:-1])} or {listed[-1]}")
    if fmt is not None and fmt != "table" and fmt != implied.name:
        raise UnknownFormatError(f"{path}: the name says {implied.name} but --format says {fmt}; make them agree")
    return implied


def writer(name: str, kind: Kind) -> Callable[..., None]:
    fmt = get(name, kind)
    if kind not in fmt.writers:
        raise UnknownFormatError(f"{name} is drawn on a terminal; choose {', '.join(names(kind, terminal=False))}")
    return fmt.writers[kind]


def event_file_suffixes() -> tuple[str, ...]:
    """Suffixes of the files event readers read (``geo map`` and ``read_events_dir`` take these as event files)."""
    return tuple(s for f in FORMATS.values() if f.read_events is not None for s in f.suffixes)


def event_reader(path: Path) -> Callable[[Path], list[Any]]:
    """The reader for an event file: by suffix, JSON when the suffix says nothing."""
    fmt = next((f for f in FORMATS.values() if f.read_events is not None and path.suffix.lower() in f.suffixes),
               FORMATS["json"])
    assert fmt.read_events is not None
    return fmt.read_events
