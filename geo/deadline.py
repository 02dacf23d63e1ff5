"""A time limit for the analysis of one article, checked between its steps (sentence by sentence, name by name).

``geo batch`` gives every article a limit (``--article-timeout``), so that no article can hold a worker for
ever: one that runs past it goes to ``errors/`` with the reason, and the run goes on. The checks cost a clock
read each; with no limit set they cost a lookup.

>>> with time_limit(60):
...     check()
>>> with time_limit(0):
...     check()
Traceback (most recent call last):
geo.deadline.ArticleTimeout: the analysis took longer than 0 s, the limit for one article
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import GeoError

__all__ = ["ArticleTimeout", "check", "time_limit"]

_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("geo_article_deadline", default=None)


class ArticleTimeout(GeoError, TimeoutError):
    """One article's analysis ran past its limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Within the block, :func:`check` raises :class:`ArticleTimeout` once ``seconds`` have passed."""
    token = _DEADLINE.set((time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check() -> None:
    """Raise :class:`ArticleTimeout` if the limit of the article being analysed has passed."""
    limit = _DEADLINE.get()
    if limit is not None and time.monotonic() >= limit[0]:
        raise ArticleTimeout(f"the analysis took longer than {limit[1]:g} s, the limit for one article")
