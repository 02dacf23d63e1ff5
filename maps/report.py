"""``geo report``: a document about a set of articles: title, when it was made, the sources, totals by event type
and by place, the map, and a sortable table of the events. HTML (self-contained, printable) or Markdown with
the map as a PNG beside it."""
from __future__ import annotations

import datetime as dt
import importlib.resources
import os
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment

from geo.model import Event

from .embed import to_fragment

__all__ = ["Source", "headline", "method_note", "place_totals", "report_html", "report_markdown", "report_sources",
           "source_for", "totals"]


class Source:
    """An article the report rests on: its name, and a link when it is a URL or a file."""

    def __init__(self, name: str, link: str | None = None) -> None:
        self.name = name
        self.link = safe_link(link)


def safe_link(link: str | None) -> str | None:
    """A link for the report: an http(s) URL, or a relative path percent-encoded; never any other scheme.

    A leading space or control character is no way past the check (``" javascript:..."``: browsers strip it).

    >>> safe_link(" javascript:alert(1)"), safe_link("../news/a b.txt"), safe_link("https://example.org/x")
    (None, '../news/a%20b.txt', 'https://example.org/x')
    """
    if not link:
        return None
    if any(ord(ch) < 33 for ch in link[:1]) or any(ch in link for ch in "\x00\n\r\t"):
        return None
    parts = urlsplit(link)
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return link
    if parts.scheme or parts.netloc or link.startswith(("/", "\\")) or ":" in link.split("/")[0]:
        return None  # javascript:, data:, file:, absolute paths: nothing that breaks when the report is mailed
    return quote(link, safe="/._-~%")


def totals(events: Sequence[Event]) -> tuple[list[tuple[str, int, int]], list[tuple[str, str, int, int]]]:
    """(event type, events, fatalities) and (place, country, events, fatalities), largest first."""
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_place: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for e in events:
        by_type[e.event_type][0] += 1
        by_type[e.event_type][1] += e.fatalities
        key = (e.location or "(no place)", e.country_code)
        by_place[key][0] += 1
        by_place[key][1] += e.fatalities
    types = sorted(((k, v[0], v[1]) for k, v in by_type.items()), key=lambda t: (-t[1], t[0]))
    places = sorted(((k[0], k[1], v[0], v[1]) for k, v in by_place.items()), key=lambda t: (-t[2], -t[3], t[0]))
    return types, places


def _environment() -> Environment:
    return Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)


def report_html(events: Sequence[Event], sources: Sequence[Source], m: Any, *, title: str,
                generated: dt.datetime | None = None, skipped: Counter[str] | None = None,
                mentions: Sequence[Any] = ()) -> str:
    """A self-contained HTML report (the map is an embedded fragment; the table sorts on a click); with no
    events, a report of the places the articles name (``mentions``)."""
    template = importlib.resources.files("maps").joinpath("templates/report.html.j2").read_text(encoding="utf-8")
    by_type, by_place = totals(events)
    if not events:
        by_place = place_totals(mentions)
    when = (generated or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    rows = sorted(events, key=lambda e: (e.date or "", e.event_type, e.location))
    return _environment().from_string(template).render(
        title=title, generated=when, sources=sources, by_type=by_type, by_place=by_place, events=rows,
        total_fatalities=sum(e.fatalities for e in events), skipped=sum((skipped or Counter()).values()),
        map_fragment=_Markup(to_fragment(m, height="520px")), method=method_note(events))


class _Markup(str):
    """Trusted HTML (the map fragment builds its own escaping) for Jinja's autoescape."""

    def __html__(self) -> str:
        return str(self)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>])")


def _md(text: Any) -> str:
    """Markdown text on one line with every special character (``|``, ``<``, ``[``, ...) escaped: it shows as
    written and never becomes a link, a table cell break or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def report_markdown(events: Sequence[Event], sources: Sequence[Source], *, title: str, image: str,
                    generated: dt.datetime | None = None, mentions: Sequence[Any] = ()) -> str:
    """A Markdown report; ``image`` is the map PNG's path relative to the Markdown file; with no events, a
    report of the places the articles name (``mentions``)."""
    by_type, by_place = totals(events)
    when = (generated or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    count = f"{len(sources)} source{'' if len(sources) == 1 else 's'}"
    if not events:
        lines = [f"# {_md(title)}", "", f"Generated {when} from {count}: no events were found; the map shows the "
                 "places the articles name.", "", f"![Map of the places]({image})", "", "## Places", "",
                 "| place | country | mentions |", "|---|---|---:|"]
        lines += [f"| {_md(p)} | {_md(c)} | {n} |" for p, c, n, _ in place_totals(mentions)]
        return "\n".join([*lines, *_md_sources(sources), *_md_method(events)]) + "\n"
    lines = [f"# {_md(title)}", "", f"Generated {when} from {count}: {len(events)} events, "
             f"{sum(e.fatalities for e in events)} reported fatalities (lowest figures).", "",
             f"![Map of the events]({image})", "", "## Events by type", "", "| type | events | fatalities |",
             "|---|---:|---:|"]
    lines += [f"| {_md(t)} | {n} | {f} |" for t, n, f in by_type]
    lines += ["", "## Events by place", "", "| place | country | events | fatalities |", "|---|---|---:|---:|"]
    lines += [f"| {_md(p)} | {_md(c)} | {n} | {f} |" for p, c, n, f in by_place]
    lines += ["", "## Events", "", "| date | type | sub-type | place | fatalities | confidence | source |",
              "|---|---|---|---|---:|---:|---|"]
    for e in sorted(events, key=lambda e: (e.date or "", e.event_type, e.location)):
        lines.append(f"| {_md(e.date or '')} | {_md(e.event_type)} | {_md(e.sub_event_type)} | "
                     f"{_md(e.location)}, {_md(e.country_code)} | {e.fatalities} | "
                     f"{f'{e.confidence:.2f}' if e.confidence else ''} | {_md(e.source)} |")
    return "\n".join([*lines, *_md_sources(sources), *_md_method(events)]) + "\n"


def _md_sources(sources: Sequence[Source]) -> list[str]:
    lines = ["", "## Sources", ""]
    for s in sources:
        link = quote(s.link, safe="/:.-_~%?=&#") if s.link else None
        lines.append(f"- [{_md(s.name)}](<{link}>)" if link else f"- {_md(s.name)}")
    return lines


def _md_method(events: Sequence[Event]) -> list[str]:
    return ["", "## How this was made", *(x for line in method_note(events) for x in ("", _md(line)))]


def headline(text: str, limit: int = 110) -> str:
    """What names an article in a list of sources: its first line (a feed's headline field is better), cut at a
    word near ``limit`` characters.

    >>> headline("\\n  Shelling hits Aleppo\\nBEIRUT -- ..."), headline("word " * 40, 20)
    ('Shelling hits Aleppo', 'word word word word…')
    """
    line = next((" ".join(x.split()) for x in text.splitlines() if x.strip()), "")
    # a date stamp before the text (" date 2016-10-04 WASHINGTON -- ...") names no article
    line = re.sub(r"^(?:date|published:?)\s+\d{4}-\d{2}-\d{2}\S*\s+", "", line, flags=re.IGNORECASE)
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0] + "…"


def report_sources(events: Sequence[Event], articles: Sequence[tuple[str, str]], report: Path) -> list[Source]:
    """The report's sources: each distinct source of its events (an article file by its headline and a link
    relative to the report, a URL as itself, another tool's source field as written), then the articles that
    gave no event. ``articles`` are (input path, headline) pairs of the article files read."""
    by_name = {("stdin" if path == "-" else Path(path).name): (path, title) for path, title in articles}
    seen: dict[str, Source] = {}
    for key in [e.source for e in events] + [("stdin" if p == "-" else Path(p).name) for p, _ in articles]:
        if not key or key in seen:
            continue
        if key in by_name:
            path, title = by_name[key]
            source = source_for(path, report)
            source.name = title or source.name
        elif re.match(r"^https?://", key):
            source = Source(key, key)
        else:
            source = Source(key)
        seen[key] = source
    return list(seen.values())


def method_note(events: Sequence[Event]) -> list[str]:
    """How the report's events were made, in sentences: what was extracted by machine, the fatality rule, the
    precision codes and the tool's version (for the reader who has to judge the figures)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        made_by = f"reportmap {version('reportmap')}"
    except PackageNotFoundError:
        made_by = "reportmap"
    drafted = sum(1 for e in events if e.confidence > 0 and not e.original_id)
    read = len(events) - drafted
    note = []
    if drafted:
        note.append(f"{drafted} event{'s were' if drafted != 1 else ' was'} extracted from the article text by "
                    f"machine ({made_by}, geo events): a trigger word and the sentence's parse give each event "
                    "its ACLED type; its place, date and figures come from the same or nearby sentences, and each "
                    "keeps the sentences it rests on and a confidence from 0 to 1. Check them against that "
                    "evidence before publishing.")
    if read:
        note.append(f"{read} event{'s were' if read != 1 else ' was'} read from event tables as their coders made "
                    "them (ACLED, UCDP GED, GDELT or another table; their own types mapped to ACLED's).")
    ucdp = any(e.original_type.startswith("UCDP") for e in events)
    note.append("Fatalities are the lowest figure reported for an event, as ACLED counts them"
                + (" (UCDP's events: its best estimate, its low and high kept beside it)." if ucdp else "."))
    note.append("Place precision: 1 the place itself, 2 near it or a part of it, 3 only a region or country. "
                "Time precision: 1 the day, 2 the week, 3 the month or vaguer.")
    note.append(f"Made with {made_by}.")
    return note


def place_totals(mentions: Sequence[Any]) -> list[tuple[str, str, int, int]]:
    """(place, country, mentions, 0) for a report with no events: the places the articles name, most named first
    (approximate mentions are guesses, not places the articles name, and are left out)."""
    counts: Counter[tuple[str, str]] = Counter((m.place.name, m.place.country_code) for m in mentions
                                               if m.located)
    return [(name, cc, n, 0) for (name, cc), n in sorted(counts.items(), key=lambda t: (-t[1], t[0]))]


def source_for(path: str, report: Path) -> Source:
    """A source entry for an input path: a link relative to the report when it is a local file."""
    if re.match(r"^https?://", path):
        return Source(path, path)
    if path == "-":
        return Source("standard input")
    p = Path(path)
    # relative to the report, so that the link still works when both are mailed or moved together
    return Source(p.name, os.path.relpath(p.resolve(), report.resolve().parent))
