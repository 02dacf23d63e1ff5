"""``geo map``: articles or event files in, one HTML map out. Registered into the ``geo`` command through the
``reportmap.commands`` entry point, so ``geo`` does not import ``maps`` (dependencies point maps -> geo)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import click

__all__ = ["map_cmd"]

_EVENT_FILES = (".geojson", ".json", ".jsonl", ".csv", ".parquet")


def load_inputs(obj: Any, inputs: tuple[str, ...], *, published: str | None,
                include_background: bool) -> tuple[list[Any], list[Any], list[str]]:
    """Events and place mentions from article texts (any other extension) and event files; warnings."""
    from geo.cli_events import load_articles
    from geo.frame import read_events
    from geo.io import read_text
    from geo.places import parse_places

    events: list[Any] = []
    mentions: list[Any] = []
    warnings: list[str] = []
    articles = []
    for name in inputs:
        path = Path(name)
        if name != "-" and path.suffix.lower() in _EVENT_FILES:
            events += read_events(path)
        elif name != "-" and path.is_dir():
            from geo.frame import read_events_dir

            events += read_events_dir(path)
        else:
            articles.append(name)
    if articles:
        found, warnings = load_articles(obj, tuple(articles), published=published,
                                        include_background=include_background)
        events += found
        for name in articles:
            mentions += parse_places(read_text(name), gazetteer=obj.gazetteer)
    return events, mentions, warnings


@click.command("map")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write (written whole or not at all).")
@click.option("--title", help="Title shown in the legend and the page.")
@click.option("--cluster/--no-cluster", default=None, help="Cluster markers (default: when over 200 events).")
@click.option("--heatmap", is_flag=True, help="Add a heatmap layer (events placed at a town or near it only).")
@click.option("--timeline", is_flag=True, help="Add a time slider over the event dates.")
@click.option("--offline", is_flag=True, help="Fetch nothing: no tiles; country outlines as the basemap.")
@click.option("--tiles", default="cartodb-positron", show_default=True,
              help="Basemap: cartodb-positron, osm, none, or a tile URL with {z}/{x}/{y}.")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date, for articles with no date line.")
@click.option("--include-background", is_flag=True, help="Also map background (historical) events.")
@click.pass_obj
def map_cmd(obj: Any, inputs: tuple[str, ...], output: str, title: str | None, cluster: bool | None,
            heatmap: bool, timeline: bool, offline: bool, tiles: str, published: str | None,
            include_background: bool) -> None:
    """Render a layered Leaflet map of the events in INPUTS: article texts (- for standard input) and/or event
    files written by `geo events` (.geojson, .json, .jsonl, .csv, .parquet)."""
    from geo.cli import _errors
    from geo.errors import InputError

    from .render import render, save
    from .style import resolve_tiles

    with _errors():
        if not output.lower().endswith((".html", ".htm")):
            raise InputError(f"{output}: the map is an HTML page; name it .html")
        resolve_tiles(tiles)  # a bad --tiles fails before any work
        events, mentions, warnings = load_inputs(obj, inputs, published=published,
                                                 include_background=include_background)
        for w in warnings:
            click.echo(f"warning: {w}", err=True)
        m = render(events, mentions, title=title, tiles=tiles, cluster=cluster, heatmap=heatmap,
                   timeline=timeline, offline=offline)
        skipped = sum(m.skipped.values())
        if skipped:
            reasons = ", ".join(f"{n} {why}" for why, n in m.skipped.most_common())
            click.echo(f"skipped {skipped} of {skipped + m.event_count} events: {reasons}", err=True)
        if m.event_count == 0 and m.place_count == 0:
            raise InputError(f"no events or places to map in {', '.join(inputs)}")
        size = save(m, output)
    click.echo(f"wrote {output}: {m.event_count} events, {m.place_count} places, {size / 1024:.0f} KiB")
