"""One article, analysed once: its place mentions and its events, the path every entry point takes (the CLI,
``geo map`` and ``geo report``, batch workers, the Python API).

>>> from geo import analyse
>>> article = analyse("ALEPPO, Syria -- Airstrikes killed 12 people on Monday.",
...                   published="2016-10-04")  # doctest: +SKIP
>>> [e.location for e in article.events]  # doctest: +SKIP
['Aleppo']
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from gazetteer import Gazetteer

from .events import extract, warmed
from .events.dates import dateline_date
from .model import Event, Mention
from .places import check_length, default_gazetteer, parse_places

__all__ = ["NO_DATE_LINE", "Article", "analyse", "analyse_files", "analyse_records"]

#: The warning an article gets when nothing anchors its relative dates.
NO_DATE_LINE = "no date line and no --published: relative dates ('on Monday') are left undated"


@dataclass(frozen=True, slots=True)
class Article:
    """What one text reports: its place mentions (text order), its events, and warnings for the user."""

    text: str
    source: str
    published: dt.date | None
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    warnings: tuple[str, ...] = ()


def analyse(text: str, *, gazetteer: Gazetteer | None = None, published: dt.date | str | None = None,
            source: str = "", include_background: bool = False) -> Article:
    """Find the places of ``text`` once and extract its events from them. A place name that the parse of an
    event's sentence shows to be part of a person's name (``Juan Molina said``) is dropped from the mentions.

    ``published`` anchors relative dates when the text has no date line of its own; ``source`` names the
    article in every event (a file name, a feed id).
    """
    gaz = gazetteer or default_gazetteer()
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    warnings = () if published is not None or dateline_date(text) is not None else (NO_DATE_LINE,)
    check_length(text, source or "the text")
    mentions = parse_places(text, gazetteer=gaz)
    found = extract(text, published=published, source=source, gazetteer=gaz,
                    include_background=include_background, mentions=mentions)
    # the parse made for the events is used for the places too: "Juan Molina said" is no Molina, Spain
    people = {id(m) for m in found.people}
    return Article(text, source, published, tuple(m for m in mentions if id(m) not in people),
                   tuple(found.events), warnings)


def analyse_files(paths: Sequence[str], *, gazetteer: Gazetteer | None = None, published: str | None = None,
                  include_background: bool = False) -> list[Article]:
    """Every article file (``-`` for standard input, read once) analysed; each event's source is the file's
    name and each warning names its file."""
    from .events.dates import parse_published
    from .formats.io import read_text

    anchor = parse_published(published) if published else None
    gaz = gazetteer or default_gazetteer()
    articles = []
    for path, text in warmed(((path, read_text(path)) for path in paths), lambda item: item[1], gazetteer=gaz):
        article = analyse(text, gazetteer=gaz, published=anchor, include_background=include_background,
                          source="stdin" if path == "-" else Path(path).name)
        articles.append(replace(article, warnings=tuple(f"{path}: {w}" for w in article.warnings)))
    return articles


def analyse_records(path: str, *, gazetteer: Gazetteer | None = None, published: str | None = None,
                    include_background: bool = False) -> list[tuple[str | int, Article]]:
    """(id, article) for every article of a JSONL feed of ``{"id", "text", "published"?}`` lines: dated by the
    record's ``published`` (YYYY-MM-DD, or a timestamp starting so), else ``published`` given here, else the
    text's own date line; each event's source is its record's id."""
    from .errors import InputError
    from .events.dates import parse_published, record_date
    from .formats.io import read_jsonl

    default = parse_published(published) if published else None
    records = read_jsonl(path, required={"id": (str, int), "text": str})
    gaz = gazetteer or default_gazetteer()
    articles = []
    for n, rec in enumerate(warmed(records, lambda r: r["text"], gazetteer=gaz), 1):
        when = rec.get("published")
        try:
            anchor = record_date(when) if when not in (None, "") else default
        except InputError as e:
            raise InputError(f"{path} record {n}: field 'published': {e}") from None
        article = analyse(rec["text"], gazetteer=gaz, published=anchor, source=str(rec["id"]),
                          include_background=include_background)
        warnings = tuple(f"{path} record {rec['id']}: {w}" for w in article.warnings)
        articles.append((rec["id"], replace(article, warnings=warnings)))
    return articles
