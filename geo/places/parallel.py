"""Many documents on every core: :func:`parse_many` spreads a list of documents over worker processes, each with
its own gazetteer connection, and returns the mentions in the order of the documents.

The place pipeline is pure Python and holds the interpreter lock, so threads would not help; processes forked
after the gazetteer is built share its pages through the operating system. A pool costs about what 100
documents do to start, so a short list stays in this process (:data:`MIN_PARALLEL_DOCS`). Measured on the dev
corpus (374 documents repeated six times, 2 cores): one process 560 documents/s, two 1,000.
"""
from __future__ import annotations

import itertools
import os
from collections.abc import Iterator, Sequence
from typing import Any

from gazetteer import Gazetteer

from ..model import Mention
from .pipeline import default_gazetteer, parse_places

__all__ = ["MIN_PARALLEL_DOCS", "default_jobs", "iter_many", "parse_many"]

#: Fewer documents than this are parsed in the calling process.
MIN_PARALLEL_DOCS = 200
#: Documents per task sent to a worker (enough to make the cost of a task small, few enough to share the work).
_CHUNK = 16

_worker: Gazetteer | None = None


def default_jobs(n_docs: int) -> int:
    """Worker processes for ``n_docs`` documents: one per core (at most 8) from :data:`MIN_PARALLEL_DOCS` on.

    >>> default_jobs(10)
    1
    """
    if n_docs < MIN_PARALLEL_DOCS:
        return 1
    return max(1, min(8, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def _start(parent: Gazetteer) -> None:
    """A worker's own connection to the same stores (a forked SQLite connection is not to be used)."""
    global _worker
    _worker = Gazetteer(parent.user.path, stock=parent.stock_path, sources=parent.sources)


def _parse(texts: list[str], options: dict[str, Any]) -> list[list[Mention]]:
    return [parse_places(t, gazetteer=_worker, **options) for t in texts]


def parse_many(texts: Sequence[str], *, gazetteer: Gazetteer | None = None, jobs: int | None = None,
               **options: Any) -> list[list[Mention]]:
    """:func:`~geo.places.parse_places` of every text, in order; ``jobs`` worker processes (default
    :func:`default_jobs`; 1 parses here). ``options`` are those of ``parse_places``.

    >>> [[m.text for m in ms] for ms in parse_many(["Shelling hit Aleppo.", "Rain in Oslo."], jobs=1)]
    ... # doctest: +SKIP
    [['Aleppo'], ['Oslo']]
    """
    return list(iter_many(texts, gazetteer=gazetteer, jobs=jobs, **options))


def iter_many(texts: Sequence[str], *, gazetteer: Gazetteer | None = None, jobs: int | None = None,
              **options: Any) -> Iterator[list[Mention]]:
    """As :func:`parse_many`, each document's mentions as soon as they and those before them are ready (a
    writer can write while the workers work)."""
    gaz = gazetteer or default_gazetteer()
    jobs = default_jobs(len(texts)) if jobs is None else jobs
    if jobs > 1 and len(texts) > _CHUNK:
        import multiprocessing  # with concurrent.futures, 15 ms of a one-document start-up: only for a pool
        from concurrent.futures import ProcessPoolExecutor

        jobs = jobs if "fork" in multiprocessing.get_all_start_methods() else 1
    if jobs <= 1 or len(texts) <= _CHUNK:
        for t in texts:
            yield parse_places(t, gazetteer=gaz, **options)
        return
    gaz.ensure_stock()  # built once, here, before the workers open it
    chunks = [list(texts[i:i + _CHUNK]) for i in range(0, len(texts), _CHUNK)]
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_start,
                             initargs=(gaz,)) as pool:
        for part in pool.map(_parse, chunks, itertools.repeat(options)):
            yield from part
