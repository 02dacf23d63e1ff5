"""``geo batch`` inputs: folders, files, globs and fsspec URLs expanded to articles, split into fixed partitions
(sorted, so a rerun sees the same split), and each partition's articles read back by the worker that runs it
(paths or JSONL line offsets travel, never texts)."""
from __future__ import annotations

import glob
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from gazetteer.files import json_value

from ..errors import InputError

__all__ = ["PARTITION_SIZE", "Item", "Partition", "Read", "open_input", "plan", "read_partition"]

PARTITION_SIZE = 100


@dataclass(frozen=True, slots=True)
class Item:
    """One article: a text file, or line ``line`` of a JSONL file (0 for a text file) at byte ``offset``."""

    path: str
    line: int = 0
    offset: int = 0
    stamp: str = ""  # a hash of the article's bytes: a partition whose articles were edited is done again


@dataclass(frozen=True, slots=True)
class Partition:
    number: int
    items: tuple[Item, ...]
    text_field: str = "text"
    id_field: str = "id"
    published_field: str | None = None

    @property
    def name(self) -> str:
        return f"part-{self.number:05d}"

    @property
    def digest(self) -> str:
        h = hashlib.sha1(f"{self.text_field}\0{self.id_field}\0{self.published_field or ''}".encode())
        for item in self.items:
            h.update(f"{item.path}\0{item.line}\0{item.stamp}\n".encode())
        return h.hexdigest()[:16]


def _remote(spec: str) -> list[str]:
    """Files behind a URL or URL glob of any fsspec file system (``s3://bucket/2016/*.txt``), as URLs."""
    import fsspec

    try:
        fs, _, found = fsspec.core.get_fs_token_paths(spec)
    except (ImportError, ValueError) as e:  # e.g. s3:// without s3fs installed: fsspec names the package
        raise InputError(f"{spec}: {e}") from None
    protocol = fs.protocol[0] if isinstance(fs.protocol, tuple) else fs.protocol
    files = sorted(f for f in found if fs.isfile(f))
    if not files:
        raise InputError(f"{spec}: no matching files")
    return [f"{protocol}://{f}" if protocol != "file" else f for f in files]


def open_input(path: str) -> Any:
    """A binary file object for a local path or an fsspec URL."""
    if "://" in path:
        import fsspec

        return fsspec.open(path, "rb").open()
    return open(path, "rb")


def _stamp(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:16]


def _file_stamp(path: str) -> str:
    """A hash of a local file's bytes; of a remote one's size and version as its file system reports them."""
    if "://" in path:
        import fsspec

        fs, _, (name,) = fsspec.core.get_fs_token_paths(path)
        info = fs.info(name)
        return _stamp(repr(sorted((k, str(v)) for k, v in info.items()
                                  if k in ("size", "mtime", "ETag", "etag", "md5", "LastModified"))).encode())
    h = hashlib.sha1()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


def _expand(inputs: list[str], exclude: Path | None = None) -> list[str]:
    """The files of ``inputs`` (folders walked, globs expanded), none under ``exclude`` (the output folder: a
    folder given with the output inside it would read the run's own files as articles)."""
    paths = _expand_all(inputs)
    if exclude is None:
        return paths
    return [p for p in paths if "://" in p or not Path(p).resolve().is_relative_to(exclude)]


def _expand_all(inputs: list[str]) -> list[str]:
    paths: list[str] = []
    for spec in inputs:
        if "://" in spec:
            paths += _remote(spec)
            continue
        p = Path(spec)
        if p.is_dir():
            paths += sorted(str(f) for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        elif p.is_file():
            paths.append(str(p))
        else:
            found = sorted(glob.glob(spec, recursive=True))
            if not found:
                raise InputError(f"{spec}: no such file, folder or matching files")
            paths += [f for f in found if Path(f).is_file()]
    return paths


def plan(inputs: list[str], *, partition_size: int = PARTITION_SIZE, text_field: str = "text",
         id_field: str = "id", published_field: str | None = None, exclude: Path | None = None) -> list[Partition]:
    """The partitions of the input: text files and JSONL lines (``.jsonl`` files), in sorted order, each article
    stamped with a hash of its bytes; files under ``exclude`` (the output folder) are left out."""
    items: list[Item] = []
    for path in _expand(inputs, exclude):
        if path.endswith(".jsonl"):
            with open_input(path) as f:
                offset = 0
                for n, line in enumerate(f, 1):
                    if line.strip():
                        items.append(Item(path, n, offset, _stamp(line)))
                    offset += len(line)
        else:
            items.append(Item(path, stamp=_file_stamp(path)))
    if not items:
        raise InputError(f"no articles in {', '.join(inputs)}")
    return [Partition(k, tuple(items[i:i + partition_size]), text_field, id_field, published_field)
            for k, i in enumerate(range(0, len(items), partition_size))]


class Read(NamedTuple):
    """One article as a worker reads it: its id, its text (None when unreadable: ``error`` says why) and, for a
    feed with a published field, its publication date."""

    id: str
    text: str | None
    error: str | None = None
    published: str | None = None


def read_partition(part: Partition) -> Iterator[Read]:
    """The articles of a partition, in order; a JSONL file is opened once per partition and only its own lines
    are read (by the byte offsets ``plan`` recorded), never the whole feed per partition."""
    feeds: dict[str, Any] = {}  # JSONL files open for this partition: each line is found by its byte offset
    try:
        yield from _read_items(part, feeds)
    finally:
        for f in feeds.values():
            f.close()


def _read_items(part: Partition, feeds: dict[str, Any]) -> Iterator[Read]:
    from ..events.dates import record_date
    from ..formats.io import decode

    for item in part.items:
        if item.line:
            if item.path not in feeds:
                feeds[item.path] = open_input(item.path)
            feeds[item.path].seek(item.offset)
            ref = f"{Path(item.path).name}:{item.line}"
            try:
                rec = json_value(feeds[item.path].readline())
            except (ValueError, UnicodeDecodeError) as e:
                yield Read(ref, None, f"malformed JSON: {e}")
                continue
            text, doc_id = (rec.get(part.text_field), rec.get(part.id_field)) if isinstance(rec, dict) else (None, None)
            doc_id = str(doc_id) if doc_id not in (None, "") else ref
            when = rec.get(part.published_field) if part.published_field and isinstance(rec, dict) else None
            if not isinstance(text, str) or not text.strip():
                yield Read(doc_id, None, f"no text in field {part.text_field!r}")
                continue
            if when in (None, ""):
                yield Read(doc_id, text)
                continue
            try:
                yield Read(doc_id, text, None, record_date(when).isoformat())
            except InputError as e:
                yield Read(doc_id, None, f"field {part.published_field!r}: {e}")
        else:
            name = Path(item.path).name
            try:
                with open_input(item.path) as f:
                    data = f.read()
                yield Read(name, decode(data, name))
            except (InputError, OSError) as e:
                yield Read(name, None, str(e))


