"""The page's data block in binary, for maps of many events: typed columns the browser reads without parsing.

A map of a million events as JSON spent two of its six seconds in ``JSON.parse`` and the garbage collector
(a million evidence strings, seven million numbers); as typed columns it spends a few milliseconds making views
over one inflated buffer. The evidence texts (two thirds of the bytes) travel in a block of their own at the end
of the page, after the script that draws the map, and are inflated only when a popup or a search first asks
for them.

The blocks are gzip-compressed and base64-encoded in the page (``data-encoding="packed"``): one for the events
and the string table, one for the evidence texts. Inflated, each is::

    b"RMP1"  uint32 header length  header (UTF-8 JSON, padded with spaces to 4 bytes)  sections (each 4-aligned)

The header names each section's ``offset`` (from the first byte after the header), its element ``type``
(``u8`` ``u16`` ``u32``, the smallest that holds the column, or ``bytes``) and its ``length``; a column may have
a ``base`` and a ``scale`` (value = (base + stored) / scale: lat and lon travel as integers of 1e-5 degrees from
the smallest, the confidence in hundredths). A string table is two sections: its texts joined as
UTF-8 (``bytes``) and the UTF-16 offsets of each text in the decoded string (``u32``, one more than the texts),
so the page slices the one decoded string rather than decoding each text. Little-endian throughout.

>>> from maps.data import MapData
>>> block, texts = pack(MapData([], []))
>>> block[:4], int.from_bytes(block[4:8], "little") % 4
(b'RMP1', 0)
"""
from __future__ import annotations

import json
import sys
from array import array
from collections.abc import Callable, Sequence
from typing import Any

from geo.model import Event

from .data import MapData, StringTable, evidence_text, place_columns
from .style import type_index

__all__ = ["MAGIC", "pack", "utf16_offsets"]

MAGIC = b"RMP1"
#: (key, the value of one event): the number columns of :data:`maps.data.PAGE_COLUMNS` in binary, each in the
#: smallest unsigned type that holds it (lat and lon are offset and scaled to integers, below)
_NUMBERS: tuple[tuple[str, Callable[[Event], int]], ...] = (
    ("type", lambda e: type_index(e.event_type) or 0),
    ("tp", lambda e: e.time_precision or 3),
    ("gp", lambda e: e.geo_precision or 3),
    ("fatalities", lambda e: max(0, min(int(e.fatalities or 0), 2**32 - 1))),
    ("conf", lambda e: max(0, min(round((e.confidence or 0.0) * 100), 100))),
)
#: lat and lon in 1e-5 degrees (the page's precision, about a metre), the confidence in hundredths (as the
#: extractor rounds it)
_SCALES = {"lat": 100_000, "lon": 100_000, "conf": 100}
#: string columns (index into the string table) and their field, as in PAGE_COLUMNS
_STRING_FIELDS: tuple[tuple[str, Callable[[Event], str | None]], ...] = (
    ("sub", lambda e: e.sub_event_type), ("date", lambda e: e.date), ("location", lambda e: e.location),
    ("fatalities_text", lambda e: e.fatalities_text), ("source", lambda e: e.source),
    ("actors", lambda e: "; ".join(e.actors)))


def utf16_offsets(texts: Sequence[str]) -> array[int]:
    """Where each text starts in ``"".join(texts)`` as JavaScript counts (UTF-16 code units), and the end.

    >>> list(utf16_offsets(["ab", "", "🙂x"]))
    [0, 2, 2, 5]
    """
    out = array("I", [0])
    at = 0
    for t in texts:
        at += len(t) if t.isascii() else len(t.encode("utf-16-le")) // 2
        out.append(at)
    return out


def smallest(values: Sequence[int]) -> tuple[str, str]:
    """(page type, array typecode) of the smallest unsigned integer type that holds every value.

    >>> smallest([0, 255]), smallest([256]), smallest([70_000])
    (('u8', 'B'), ('u16', 'H'), ('u32', 'I'))
    """
    top = max(values, default=0)
    return ("u8", "B") if top < 2**8 else ("u16", "H") if top < 2**16 else ("u32", "I")


def _utf8(value: str | None) -> str:
    """A text as the page will decode it (a lone surrogate, from text read with surrogateescape, replaced)."""
    value = value or ""
    return value if value.isascii() else value.encode("utf-8", "replace").decode("utf-8")


class _Block:
    """Sections after a JSON header, each 4-byte aligned."""

    def __init__(self) -> None:
        self.header: dict[str, Any] = {"columns": {}}
        self.sections: list[bytes] = []
        self.at = 0

    def add(self, name: str, values: Sequence[int] | bytes, **extra: Any) -> None:
        if isinstance(values, bytes):
            kind, raw = "bytes", values
        else:
            kind, code = smallest(values)
            packed = array(code, values)
            if sys.byteorder == "big":
                packed.byteswap()
            raw = packed.tobytes()
        self.header["columns"][name] = {"offset": self.at, "type": kind, "length": len(values), **extra}
        raw += b"\0" * (-len(raw) % 4)
        self.sections.append(raw)
        self.at += len(raw)

    def table(self, name: str, table: StringTable) -> None:
        self.add(name, "".join(table.items).encode("utf-8"))
        self.add(name + "_at", utf16_offsets(table.items))

    def bytes(self) -> bytes:
        head = json.dumps(self.header, separators=(",", ":")).encode("ascii")
        head += b" " * (-len(head) % 4)
        return MAGIC + len(head).to_bytes(4, "little") + head + b"".join(self.sections)


def pack(data: MapData) -> tuple[bytes, bytes]:
    """The binary data block of a :class:`maps.data.MapData` (its events in their given order), and the block of
    its evidence texts apart (the page inflates those only when a popup or a search first needs them)."""
    ev = data.events
    strings, texts = StringTable(), StringTable()
    main = _Block()
    main.header["n"] = len(ev)
    for key in ("lat", "lon"):  # offset by the smallest value: unsigned, and small when the events are near
        scaled = [round((getattr(e, key) or 0.0) * _SCALES[key]) for e in ev]
        low = min(scaled, default=0)
        main.add(key, [v - low for v in scaled], scale=_SCALES[key], base=low)
    for key, value in _NUMBERS:
        main.add(key, [value(e) for e in ev], **({"scale": _SCALES[key]} if key in _SCALES else {}))
    for key, text in _STRING_FIELDS:
        main.add(key, [strings(_utf8(text(e))) for e in ev])
    main.add("evidence", [texts(_utf8(evidence_text(e))) for e in ev])
    main.header["places"] = place_columns(data, strings)
    main.table("strings", strings)
    apart = _Block()
    apart.table("texts", texts)
    return main.bytes(), apart.bytes()
