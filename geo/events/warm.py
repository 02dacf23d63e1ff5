"""Many articles at once: the sentences of a batch of articles that may open an event, parsed together.

spaCy's network costs mostly per call: 200 sentences parsed one at a time take about twice as long as the same
200 through one ``nlp.pipe``. :func:`warm` finds the sentences :func:`~geo.events.extract_events` will parse
for each article (the same pre-test, on the same true-cased text with the date line cut off) and parses them
together; each article's extraction then finds them parsed. The events are the same as one article at a time.
"""
from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from gazetteer import Gazetteer

from ..datelines import document_dateline
from ..places import default_gazetteer, readable
from .parse import parse_all
from .sentences import body_sentences, clauses
from .triggers import may_trigger

__all__ = ["WARM_BATCH", "opening_sentences", "warm", "warmed"]

#: Articles whose event sentences are parsed together before each is analysed.
WARM_BATCH = 32
T = TypeVar("T")


def opening_sentences(text: str, *, gazetteer: Gazetteer | None = None) -> list[str]:
    """The sentences (clauses where one tells an event "two days after" another) of ``text`` that may open an
    event, as the extractor will parse them.

    >>> opening_sentences("CAIRO (AP) -- A bomb exploded in Giza. The weather was fine.")  # doctest: +SKIP
    ['A bomb exploded in Giza.']
    """
    gaz = gazetteer or default_gazetteer()
    text = readable(text, gaz)
    head = document_dateline(text)
    return [piece.text for sent in body_sentences(text, head.end if head else 0) for piece, _, _ in clauses(sent, [])
            if may_trigger(piece.text, weak=False)]


def warm(texts: Iterable[str], *, gazetteer: Gazetteer | None = None) -> int:
    """Parse together the sentences of ``texts`` that may open an event, so that extracting each text's events
    finds them parsed (keep a batch to a few dozen articles: at most 4,096 parsed sentences are kept); returns
    how many sentences were parsed."""
    gaz = gazetteer or default_gazetteer()
    return parse_all(s for text in texts for s in opening_sentences(text, gazetteer=gaz))


def warmed(items: Iterable[T], text_of: Callable[[T], str | None], *, gazetteer: Gazetteer | None = None,
           size: int = WARM_BATCH, tolerant: bool = False) -> Iterator[T]:
    """``items`` in order, each batch of ``size`` read ahead and its texts (``text_of``; None: no text) warmed
    before its items are given out. ``tolerant``: a batch that fails to warm is given out cold (the article that
    made it fail fails again when analysed, alone, where the caller logs it: ``geo batch``)."""
    gaz = gazetteer or default_gazetteer()
    source = iter(items)
    while batch := list(itertools.islice(source, size)):
        texts = [t for t in map(text_of, batch) if t is not None]
        if tolerant:
            with contextlib.suppress(Exception):
                warm(texts, gazetteer=gaz)
        else:
            warm(texts, gazetteer=gaz)
        yield from batch
