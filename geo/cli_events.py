"""``geo events``: reported events from one or more articles, as a table or in any export format."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .frame import EVENT_FORMATS

__all__ = ["events_cmd", "load_articles"]


def load_articles(obj: Any, paths: tuple[str, ...], *, published: str | None,
                  include_background: bool) -> tuple[list[Any], list[Any], list[str]]:
    """Events and place mentions of every article (the path `geo map` and `geo report` take too), and warnings
    to show. Each text is read once (standard input can be read only once) and its places parsed once."""
    from .dates import dateline_date, parse_published
    from .events import extract_events
    from .io import read_text
    from .places import parse_places

    anchor = parse_published(published) if published else None
    events: list[Any] = []
    mentions: list[Any] = []
    warnings: list[str] = []
    for path in paths:
        text = read_text(path)
        if anchor is None and dateline_date(text) is None:
            warnings.append(f"{path}: no date line; relative dates are resolved against today (use --published)")
        source = "stdin" if path == "-" else Path(path).name
        found = parse_places(text, gazetteer=obj.gazetteer)
        mentions += found
        events += extract_events(text, published=anchor, source=source, gazetteer=obj.gazetteer,
                                 include_background=include_background, mentions=found)
    return events, mentions, warnings


@click.command("events")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(EVENT_FORMATS), default=None,
              help="Output format (default: table on a terminal, else from -o's extension, else json).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here instead of standard output (written whole or not at all).")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date, for texts with no date line.")
@click.option("--include-background", is_flag=True,
              help="Also keep events dated more than a month before publication (history, e.g. 'since 2014').")
@click.pass_obj
def events_cmd(obj: Any, paths: tuple[str, ...], fmt: str | None, output: str, published: str | None,
               include_background: bool) -> None:
    """Extract reported events (ACLED types, date, place, actors, fatalities, evidence) from articles (PATHS,
    or - for standard input)."""
    from .cli import _errors
    from .frame import write_events
    from .io import atomic_output

    with _errors():
        events, _, warnings = load_articles(obj, paths, published=published, include_background=include_background)
        for w in warnings:
            click.echo(f"warning: {w}", err=True)
        if fmt is None:
            suffix = Path(output).suffix.lower().lstrip(".")
            fmt = suffix if output != "-" and suffix in EVENT_FORMATS else (
                "table" if sys.stdout.isatty() and output == "-" else "json")
        if fmt == "table":
            if output != "-":
                raise click.UsageError("--format table writes to the terminal; choose another format for -o")
            _table(events)
            return
        if fmt == "parquet" and output == "-":
            raise click.UsageError("parquet is binary: give -o FILE.parquet")
        with atomic_output(output, "wb" if fmt == "parquet" else "w") as out:
            write_events(events, out, fmt=fmt)


def _table(events: list[Any]) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    wide = console.width >= 120  # the evidence column only where it fits
    table = Table(title=f"{len(events)} events (JSON, GeoJSON, CSV or GeoParquet for every field)",
                  title_justify="left")
    table.add_column("date (t)", no_wrap=True, min_width=14)
    table.add_column("type / sub-type", no_wrap=wide, overflow="fold")
    table.add_column("place (g)", no_wrap=wide, overflow="fold", min_width=12)
    table.add_column("deaths", justify="right", min_width=6)
    if wide:
        table.add_column("evidence", no_wrap=True, overflow="ellipsis", max_width=44)
    for e in events:
        row = [f"{e.date} ({e.time_precision})", escape(f"{e.event_type} / {e.sub_event_type}"),
               escape(f"{e.location}, {e.country_code} ({e.geo_precision})"), str(e.fatalities)]
        if wide:
            row.append(escape(e.evidence[0].text if e.evidence else ""))
        table.add_row(*row)
    console.print(table)
