"""Reading inputs safely: every failure is an InputError with one line naming the input."""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from gazetteer.files import atomic_path, json_value, refuse_database

from ..errors import InputError

__all__ = ["MAX_INPUT_BYTES", "atomic_output", "decode", "jsonl_lines", "read_jsonl", "read_text"]

#: Largest input file read whole (text or JSONL): larger ones are refused with a message, not swapped into memory.
MAX_INPUT_BYTES = 512 * 1024 * 1024


def decode(data: bytes, name: str, *, allow_empty: bool = False) -> str:
    """Bytes of a text input to str: refuses binary data, invalid UTF-8 and (unless allowed) empty input."""
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not valid UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}); "
                         "convert it first, e.g. iconv -f latin1 -t utf-8") from None
    if not allow_empty and not text.strip():
        raise InputError(f"{name}: is empty")
    return text


def _read_bytes(path: str) -> tuple[bytes, str]:
    if path == "-":
        return sys.stdin.buffer.read(MAX_INPUT_BYTES + 1), "<stdin>"
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        if p.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(f"{path}: is larger than {MAX_INPUT_BYTES // 2**20} MiB; split it into smaller files")
        return p.read_bytes(), path
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror})") from None


def read_text(path: str) -> str:
    """The text of an article file (``-`` for standard input); a web page's text without its markup, scripts
    and styles (see :func:`html_text`): offsets are then offsets in that text."""
    data, name = _read_bytes(path)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: is larger than {MAX_INPUT_BYTES // 2**20} MiB")
    text = decode(data, name)
    return html_text(text) if _HTML_START.match(text) else text


_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
#: Elements whose content is no text of the page.
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "svg", "head"})
#: Elements that end a line of text.
_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
                     "header", "footer", "blockquote", "title", "table", "ul", "ol", "figcaption"})


def html_text(page: str) -> str:
    """The readable text of a web page saved as an article: tags dropped, scripts and styles left out, a line
    break for each block, entities decoded (an HTML page read as raw text made places of its scripts).

    >>> html_text("<!DOCTYPE html><html><head><script>var Paris=1</script></head>"
    ...           "<body><p>Shelling hit Aleppo &amp; Idlib.</p></body></html>")
    'Shelling hit Aleppo & Idlib.'
    """
    from html.parser import HTMLParser

    parts: list[str] = []
    skipping = [0]

    class _Text(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in _NOT_TEXT:
                skipping[0] += 1
            elif tag in _BLOCKS:
                parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in _NOT_TEXT:
                skipping[0] = max(0, skipping[0] - 1)
            elif tag in _BLOCKS:
                parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not skipping[0]:
                parts.append(data)

    reader = _Text(convert_charrefs=True)
    reader.feed(page)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def jsonl_lines(text: str) -> list[str]:
    r"""The lines of JSON Lines text: ended by ``\n`` (and a ``\r`` before it) only. ``str.splitlines`` also
    splits at U+0085, U+2028 and U+2029, which JSON strings may hold raw: a valid record broke in two.

    >>> jsonl_lines('{"t": "a\u2028b"}\r\n{}\n')
    ['{"t": "a\u2028b"}', '{}']
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def read_jsonl(path: str, *, required: dict[str, type | tuple[type, ...]]) -> list[dict[str, Any]]:
    """All records of a JSONL file, checked before any is used (so a bad line N writes nothing)."""
    data, name = _read_bytes(path)
    text = decode(data, name)
    records: list[dict[str, Any]] = []
    for n, line in enumerate(jsonl_lines(text), 1):
        if not line.strip():
            continue
        try:
            rec = json_value(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{name} line {n}: not valid JSON ({e.msg} at column {e.colno})") from None
        except ValueError as e:
            raise InputError(f"{name} line {n}: not valid JSON ({e})") from None
        if not isinstance(rec, dict):
            raise InputError(f"{name} line {n}: expected a JSON object, got {type(rec).__name__}")
        for field, kind in required.items():
            if field not in rec:
                raise InputError(f"{name} line {n}: missing field {field!r}")
            if not isinstance(rec[field], kind):
                raise InputError(f"{name} line {n}: field {field!r} has the wrong type "
                                 f"({type(rec[field]).__name__})")
        records.append(rec)
    if not records:
        raise InputError(f"{name}: has no records")
    return records


@contextmanager
def atomic_output(path: str | None, mode: str = "w") -> Iterator[IO[Any]]:
    """A stream for ``path`` written whole or not at all (:func:`gazetteer.files.atomic_path`); ``-`` or None is
    standard output, and a device or pipe (``/dev/null``) is written in place, never replaced."""
    encoding = None if "b" in mode else "utf-8"
    if path in (None, "-"):
        yield sys.stdout.buffer if "b" in mode else sys.stdout
        return
    target = Path(path)
    refuse_database(target)
    if target.exists() and not target.is_file():
        with open(target, mode, encoding=encoding) as direct:
            yield direct
        return
    with atomic_path(target) as tmp, open(tmp, mode, encoding=encoding) as fh:
        yield fh

