"""Many documents on every core: :func:`parse_many` spreads a list of documents over worker processes, each with
its own gazetteer connection, and returns the mentions in the order of the documents; :func:`resolve_many` does
the same for given spans, and :func:`iter_parallel` for any function of a gazetteer and an item.

The place pipeline is pure Python and holds the interpreter lock, so threads would not help; processes forked
after the gazetteer is built share its pages through the operating system. A pool costs about what 100
documents do to start, so a short list stays in this process (:data:`MIN_PARALLEL_DOCS`). Measured on the dev
corpus (374 documents repeated six times, 2 cores): one process 560 documents/s, two 1,000.
"""
from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, TypeVar

from gazetteer import Gazetteer

from ..model import Mention
from .pipeline import default_gazetteer, parse_places, resolve_spans

__all__ = ["MIN_PARALLEL_DOCS", "default_jobs", "iter_many", "iter_mapped", "iter_parallel", "iter_resolved",
           "parse_many", "resolve_many"]

T = TypeVar("T")
Item = TypeVar("Item")

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


def _same(answers: T) -> T:
    """What a document's answers are (a pool's function must pickle: no lambda)."""
    return answers


def _run(fn: Callable[[Gazetteer, Item], T], items: list[Item]) -> list[T]:
    assert _worker is not None
    return [fn(_worker, item) for item in items]


def iter_parallel(items: Sequence[Item], fn: Callable[[Gazetteer, Item], T], *, gazetteer: Gazetteer | None = None,
                  jobs: int | None = None) -> Iterator[T]:
    """``fn(gazetteer, item)`` of every item, in order, each as soon as it and those before it are ready; ``jobs``
    worker processes (default :func:`default_jobs`; 1: this process), each with its own connection to
    ``gazetteer``'s stores. ``fn`` must pickle (a module's function, or a ``functools.partial`` of one).

    >>> list(iter_parallel(["a", "bb"], lambda gaz, s: len(s), jobs=1))
    [1, 2]
    """
    gaz = gazetteer or default_gazetteer()
    jobs = default_jobs(len(items)) if jobs is None else jobs
    if jobs > 1 and len(items) > _CHUNK:
        import multiprocessing  # with concurrent.futures, 15 ms of a one-document start-up: only for a pool
        from concurrent.futures import ProcessPoolExecutor

        jobs = jobs if "fork" in multiprocessing.get_all_start_methods() else 1
    if jobs <= 1 or len(items) <= _CHUNK:
        for item in items:
            yield fn(gaz, item)
        return
    gaz.ensure_stock()  # built once, here, before the workers open it
    chunks = [list(items[i:i + _CHUNK]) for i in range(0, len(items), _CHUNK)]
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_start,
                             initargs=(gaz,)) as pool:
        for part in pool.map(_run, itertools.repeat(fn), chunks):
            yield from part


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
    return iter_mapped(texts, _same, gazetteer=gazetteer, jobs=jobs, **options)


def _parse_then(options: dict[str, Any], then: Callable[[list[Mention]], T], gaz: Gazetteer, text: str) -> T:
    return then(parse_places(text, gazetteer=gaz, **options))


def iter_mapped(texts: Sequence[str], then: Callable[[list[Mention]], T], *, gazetteer: Gazetteer | None = None,
                jobs: int | None = None, **options: Any) -> Iterator[T]:
    """As :func:`iter_many`, ``then`` of each document's mentions, applied where they were parsed: a writer's
    encoding (``geo places --jsonl`` has the workers write each document's JSON, which the one process left to
    gather their answers spent a tenth of the run on). ``then`` must pickle."""
    return iter_parallel(texts, partial(_parse_then, options, then), gazetteer=gazetteer, jobs=jobs)


def _resolve_then(options: dict[str, Any], then: Callable[[list[Mention | None]], T], gaz: Gazetteer,
                  doc: tuple[str, Sequence[tuple[int, int]]]) -> T:
    return then(resolve_spans(doc[0], doc[1], gazetteer=gaz, **options))


def resolve_many(docs: Sequence[tuple[str, Sequence[tuple[int, int]]]], *, gazetteer: Gazetteer | None = None,
                 jobs: int | None = None, **options: Any) -> list[list[Mention | None]]:
    """:func:`~geo.places.resolve_spans` of every (text, spans) pair, in order, on ``jobs`` worker processes;
    ``options`` are those of ``resolve_spans``.

    >>> [[a.place.name for a in ans] for ans in resolve_many([("Rain in Oslo.", [(8, 12)])], jobs=1)]
    ... # doctest: +SKIP
    [['Oslo']]
    """
    return list(iter_resolved(docs, _same, gazetteer=gazetteer, jobs=jobs, **options))


def iter_resolved(docs: Sequence[tuple[str, Sequence[tuple[int, int]]]],
                  then: Callable[[list[Mention | None]], T], *, gazetteer: Gazetteer | None = None,
                  jobs: int | None = None, **options: Any) -> Iterator[T]:
    """As :func:`resolve_many`, ``then`` of each document's answers, applied where they were resolved, each as
    soon as it and those before it are ready. ``then`` must pickle."""
    return iter_parallel(docs, partial(_resolve_then, options, then), gazetteer=gazetteer, jobs=jobs)
