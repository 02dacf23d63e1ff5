"""The one schema of every output: columns derived from the record dataclasses of :mod:`geo.model`, never written
out by hand. ``Event.to_dict``/``from_dict``, the flat tables (CSV, GeoParquet, the GeoDataFrame), the batch
part files' fixed column types and the map's data block all read it, so a new field of ``Event`` reaches every
format (see CONTRIBUTING.md, "Adding a field").

>>> [c.name for c in event_columns()][:4]
['event_type', 'sub_event_type', 'date', 'time_precision']
>>> {c.name: c.kind for c in flat_event_columns()}["evidence_offsets"]
'string'
"""
from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import MISSING
from typing import Any, NamedTuple

__all__ = ["Column", "arrow_type", "event_columns", "flat_event_columns", "mention_columns"]


class Column(NamedTuple):
    """A field: its name, its kind (``string``, ``int``, ``float``, ``bool``, ``list`` of strings, ``evidence``),
    whether it may be null, and its value when a record lacks it (``dataclasses.MISSING``: required)."""

    name: str
    kind: str
    nullable: bool
    default: Any


def _kind(hint: Any) -> tuple[str, bool]:
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _kind(inner[0])[0], True
    if typing.get_origin(hint) is tuple:
        return ("list" if args[0] is str else "evidence"), False
    return {str: "string", int: "int", float: "float", bool: "bool"}[hint], False


@functools.cache
def _columns(cls: type) -> tuple[Column, ...]:
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        if (not f.compare and f.name == "alternatives") or f.metadata.get("explain"):
            continue  # shown only when asked for (--explain), in no table
        kind, nullable = _kind(hints[f.name])
        default = MISSING if f.metadata.get("required") else f.metadata.get("missing", f.default)
        out.append(Column(f.name, kind, nullable, default))
    return tuple(out)


def event_columns() -> tuple[Column, ...]:
    """The fields of :class:`geo.model.Event`, in order."""
    from .model import Event

    return _columns(Event)


def flat_event_columns() -> tuple[Column, ...]:
    """Event columns as flat tables hold them: evidence as text (``" … "``-joined) followed by its offsets (JSON)."""
    out = []
    for c in event_columns():
        if c.kind == "evidence":
            out += [Column(c.name, "string", False, ""), Column(f"{c.name}_offsets", "string", False, "[]")]
        else:
            out.append(c)
    return tuple(out)


def mention_columns() -> tuple[Column, ...]:
    """The columns of a mention's flat record (``Mention.to_dict``; a place's fields are null for unknown names)."""
    from .model import MENTION_FIELDS

    return tuple(Column(name, kind, of_place, None) for name, kind, of_place in MENTION_FIELDS)


def arrow_type(kind: str) -> str:
    """The pandas dtype a column kind is stored as in GeoParquet part files (lists joined by ``; ``)."""
    return {"string": "string", "int": "int64", "float": "float64", "bool": "bool", "list": "string",
            "evidence": "string"}[kind]
