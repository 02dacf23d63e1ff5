"""``geo events``: reported events from one or more articles, as a table or in any export format."""
from __future__ import annotations

import sys
from typing import Any

import click

from ..formats.registry import check_output_suffix, names
from .common import (
    confident,
    errors,
    min_confidence_option,
    not_an_input,
    output_option,
    published_option,
    raw_csv_option,
)

__all__ = ["events_cmd"]


@click.command("events")
@click.argument("paths", nargs=-1)
@click.option("--jsonl", "jsonl", help='Read articles from a JSONL file of {"id", "text", "published"?} lines; '
              'with --format jsonl, one {"id", "events": [...]} line per article.')
@click.option("--format", "fmt", type=click.Choice(names("events")), default=None,
              help="Output format (default: table on a terminal, else from -o's extension, else json).")
@output_option
@published_option
@click.option("--include-background", is_flag=True,
              help="Also keep events dated more than a month before publication (history, e.g. 'since 2014').")
@min_confidence_option
@click.option("--explain", is_flag=True, help="Show why each event was made: the rules that fired and where its "
              "place, date and figure came from (table, json, jsonl, geojson).")
@raw_csv_option
@click.pass_obj
def events_cmd(obj: Any, paths: tuple[str, ...], jsonl: str | None, fmt: str | None, output: str,
               published: str | None, include_background: bool, min_confidence: float, explain: bool,
               raw_csv: bool) -> None:
    """Extract reported events (ACLED types, date, place, actors, fatalities, evidence) from articles (PATHS,
    or - for standard input, or --jsonl FILE)."""
    from ..formats.events import EXPLAINING, write_article_events, write_events
    from ..formats.io import atomic_output
    from ..formats.registry import get

    with errors():
        not_an_input(output, [*paths, jsonl])
        implied = check_output_suffix(output, "events", fmt)  # before any work: -o events.xlsx is no format
        from ..analysis import analyse_files, analyse_records

        if bool(paths) == bool(jsonl):
            raise click.UsageError("give article files (or -) or --jsonl FILE, not both")
        ids: list[Any] = []
        if jsonl:
            pairs = analyse_records(jsonl, gazetteer=obj.gazetteer, published=published,
                                    include_background=include_background)
            ids, articles = [i for i, _ in pairs], [a for _, a in pairs]
        else:
            articles = analyse_files(paths, gazetteer=obj.gazetteer, published=published,
                                     include_background=include_background)
        for w in _warnings([w for a in articles for w in a.warnings]):
            click.echo(f"warning: {w}", err=True)
        events = confident([e for a in articles for e in a.events], min_confidence)
        if jsonl and fmt in (None, "jsonl", "json") and (implied is None or implied.name in ("jsonl", "json")):
            with atomic_output(output) as out:
                write_article_events([(i, confident(list(a.events), min_confidence))
                                      for i, a in zip(ids, articles, strict=True)], out,
                                     lines=fmt != "json", explain=explain)
            return
        if fmt is None:
            fmt = implied.name if implied is not None else (
                "table" if sys.stdout.isatty() and output == "-" else "json")
        if fmt == "table":
            if output != "-":
                raise click.UsageError("--format table writes to the terminal; choose another format for -o")
            _table(events, explain)
            return
        if explain and fmt not in EXPLAINING:
            raise click.UsageError(f"--explain shows in table, {', '.join(EXPLAINING)}; not in {fmt}")
        binary = get(fmt, "events").binary
        if binary and output == "-":
            raise click.UsageError(f"{fmt} is binary: give -o FILE.{fmt}")
        with atomic_output(output, "wb" if binary else "w") as out:
            write_events(events, out, fmt=fmt, explain=explain, raw_csv=raw_csv)


def _warnings(lines: list[str], limit: int = 5) -> list[str]:
    """The first warnings and a count of the rest (a feed of 10,000 undated articles says so in six lines)."""
    return lines if len(lines) <= limit + 1 else [*lines[:limit], f"... and {len(lines) - limit} more like these"]


def _table(events: list[Any], explain: bool = False) -> None:
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
    table.add_column("conf", justify="right", min_width=4)
    if wide:
        table.add_column("evidence", no_wrap=True, overflow="ellipsis", max_width=44)
    for e in events:
        row = [f"{e.date} ({e.time_precision})", escape(f"{e.event_type} / {e.sub_event_type}"),
               escape(f"{e.location}, {e.country_code} ({e.geo_precision})"), str(e.fatalities),
               f"{e.confidence:.2f}"]
        if wide:
            row.append(escape(e.evidence[0].text if e.evidence else ""))
        table.add_row(*row)
        if explain:
            table.add_row("", *[escape("; ".join(e.reasons)) if i == 0 else "" for i in range(len(row) - 1)])
    console.print(table)
