"""``geo map``: articles or event files in, one HTML map out. Registered into the ``geo`` command through the
``reportmap.commands`` entry point, so ``geo`` does not import ``maps`` (dependencies point maps -> geo)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from geo.cli.common import columns_option, min_confidence_option

__all__ = ["map_cmd", "report_cmd"]

#: Bad records of event files named one by one before the rest are only counted.
_SHOWN_PROBLEMS = 5



def load_inputs(obj: Any, inputs: tuple[str, ...], *, published: str | None, include_background: bool,
                columns: dict[str, str] | None = None) -> tuple[list[Any], list[Any]]:
    """Events and place mentions from article texts (any other extension) and event files (this tool's, or other
    tools' tables: ACLED, UCDP GED, GDELT, or any table with ``columns`` named); warnings go to stderr."""
    from geo.analysis import analyse_files
    from geo.formats.events import read_events
    from geo.formats.registry import event_file_suffixes

    events: list[Any] = []
    mentions: list[Any] = []
    warnings: list[str] = []
    articles = []
    skipped: list[str] = []
    for name in inputs:
        path = Path(name)
        if name != "-" and path.suffix.lower() in event_file_suffixes():
            events += read_events(path, skipped=skipped, columns=columns)
        elif name != "-" and path.is_dir():
            from geo.formats.events import read_events_dir

            events += read_events_dir(path, skipped=skipped)
        else:
            articles.append(name)
    for problem in skipped[:_SHOWN_PROBLEMS]:  # the good records are mapped; the bad ones named, then counted
        click.echo(f"warning: skipped {problem}", err=True)
    if len(skipped) > _SHOWN_PROBLEMS:
        more = len(skipped) - _SHOWN_PROBLEMS
        click.echo(f"warning: skipped {more:,} more record{'' if more == 1 else 's'} (bad, or no event)", err=True)
    if articles:
        done = analyse_files(articles, gazetteer=obj.gazetteer, published=published,
                             include_background=include_background)
        events += [e for a in done for e in a.events]
        mentions = [m for a in done for m in a.mentions]
        warnings = [w for a in done for w in a.warnings]
    for w in warnings:
        click.echo(f"warning: {w}", err=True)
    return events, mentions


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
@click.option("--embed", "mode", flag_value="embed",
              help="Write a fragment (<div> + scoped scripts) to paste into a page; several work on one page.")
@click.option("--iframe", "mode", flag_value="iframe", help="Write an <iframe srcdoc=...> snippet.")
@click.option("--png", "mode", flag_value="png", help="Write a PNG image (headless Chromium).")
@min_confidence_option
@columns_option
@click.option("--collapsed", is_flag=True, help="The layer list and the legend as buttons (automatic on maps "
              "under 720 x 480 pixels).")
@click.option("--view", metavar="LAT,LON,ZOOM", help="Open the map here (default: where most events are).")
@click.option("--bbox", metavar="WEST,SOUTH,EAST,NORTH", help="Open the map on this box.")
@click.option("--width", default=None, help="Width: pixels for --png (default 1200), CSS for --embed/--iframe.")
@click.option("--height", default=None, help="Height: pixels for --png (default 800), CSS for --embed/--iframe.")
@click.pass_obj
def map_cmd(obj: Any, inputs: tuple[str, ...], output: str, title: str | None, cluster: bool | None,
            heatmap: bool, timeline: bool, offline: bool, tiles: str, published: str | None,
            include_background: bool, mode: str | None, min_confidence: float, columns: dict[str, str] | None,
            collapsed: bool, view: str | None, bbox: str | None, width: str | None, height: str | None) -> None:
    """Render a layered Leaflet map of the events in INPUTS: article texts (- for standard input) and/or event
    files written by `geo events` (.geojson, .json, .jsonl, .csv, .parquet)."""
    from geo.cli.common import confident, errors, not_an_input
    from geo.errors import InputError

    from .render import render, save
    from .style import resolve_tiles

    with errors():
        not_an_input(output, inputs)
        if mode == "png":
            if not output.lower().endswith(".png"):
                raise InputError(f"{output}: --png writes a PNG image; name it .png")
            png_size = (_pixels(width, "--width", 1200), _pixels(height, "--height", 800))
        elif not output.lower().endswith((".html", ".htm")):
            raise InputError(f"{output}: the map is HTML; name it .html (or use --png)")
        resolve_tiles(tiles)  # a bad --tiles fails before any work
        frame = _view(view, bbox)
        events, mentions = load_inputs(obj, inputs, published=published, include_background=include_background,
                                       columns=columns)
        events = confident(events, min_confidence)
        m = render(events, mentions, title=title, tiles=tiles, cluster=cluster, heatmap=heatmap,
                   timeline=timeline, offline=offline, view=frame, collapsed=collapsed)
        skipped = sum(m.skipped.values())
        if skipped:
            reasons = ", ".join(f"{n} {why}" for why, n in m.skipped.most_common())
            click.echo(f"skipped {skipped} of {skipped + m.event_count} events: {reasons}", err=True)
        if m.event_count == 0 and m.place_count == 0:
            raise InputError(f"no events or places to map in {', '.join(inputs)}")
        if mode == "png":
            from .image import to_png

            to_png(m, output, width=png_size[0], height=png_size[1])
            size = Path(output).stat().st_size
        elif mode in ("embed", "iframe"):
            from geo.formats.io import atomic_output

            from .embed import to_fragment, to_iframe

            try:
                text = (to_fragment(m, width=width or "100%", height=height or "480px") if mode == "embed"
                        else to_iframe(m, width=width or "100%", height=height or "480px", title=title))
            except ValueError as e:
                raise InputError(str(e)) from None
            with atomic_output(output) as out:
                out.write(text)
            size = len(text.encode("utf-8"))
        else:
            size = save(m, output)
    click.echo(f"wrote {output}: {m.event_count} events, {m.place_count} places, {size / 1024:.0f} KiB")


def _view(view: str | None, bbox: str | None) -> Any:
    from .render import parse_bbox, parse_view

    if view and bbox:
        raise click.UsageError("give --view or --bbox, not both")
    try:
        return parse_view(view) if view else parse_bbox(bbox) if bbox else None
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


def _pixels(value: str | None, what: str, default: int) -> int:
    from geo.errors import InputError

    if value is None:
        return default
    text = value.removesuffix("px")
    if not text.isdigit() or not 100 <= int(text) <= 8000:
        raise InputError(f"{what} {value!r}: give pixels between 100 and 8000 for --png")
    return int(text)


@click.command("report")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="report.html (self-contained) or report.md (Markdown, with report.png beside it).")
@click.option("--title", default="Reported events", show_default=True)
@click.option("--offline", is_flag=True, help="Fetch nothing: no tiles; country outlines as the basemap.")
@click.option("--tiles", default="cartodb-positron", show_default=True)
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date, for articles with no date line.")
@click.option("--include-background", is_flag=True, help="Also report background (historical) events.")
@min_confidence_option
@columns_option
@click.pass_obj
def report_cmd(obj: Any, inputs: tuple[str, ...], output: str, title: str, offline: bool, tiles: str,
               published: str | None, include_background: bool, min_confidence: float,
               columns: dict[str, str] | None) -> None:
    """A report on the articles (or event files) in INPUTS: sources, totals by type and place, the map and a
    sortable table of events; printable."""
    from geo.cli.common import confident, errors, not_an_input
    from geo.errors import InputError
    from geo.formats.io import atomic_output

    from .render import render
    from .report import report_html, report_markdown, report_sources
    from .style import resolve_tiles

    with errors():
        not_an_input(output, inputs)
        target = Path(output)
        if target.suffix.lower() not in (".html", ".htm", ".md"):
            raise InputError(f"{output}: name the report .html or .md")
        resolve_tiles(tiles)  # a bad --tiles fails before any work
        events, mentions = load_inputs(obj, inputs, published=published, include_background=include_background,
                                       columns=columns)
        events = confident(events, min_confidence)
        if not events and not any(m.located for m in mentions):
            raise InputError(f"no events or places to report in {', '.join(inputs)}")
        sources = report_sources(events, _headlines(inputs), target)
        m = render(events, mentions, title=title, tiles=tiles, offline=offline)
        if target.suffix.lower() == ".md":
            from .image import to_png

            image = target.with_suffix(".png")
            to_png(m, image, width=1200, height=700)
            text = report_markdown(events, sources, title=title, image=image.name, mentions=mentions)
        else:
            text = report_html(events, sources, m, title=title, skipped=m.skipped, mentions=mentions)
        with atomic_output(output) as out:
            out.write(text)
    what = f"{len(events)} events" if events else f"no events, {m.place_count} places"
    click.echo(f"wrote {output}: {what} from {len(sources)} source(s)")


def _headlines(inputs: tuple[str, ...]) -> list[tuple[str, str]]:
    """(path, first line) of the article files among the inputs (standard input has no line to show again)."""
    from geo.formats.registry import event_file_suffixes

    from .report import headline

    out = []
    for name in inputs:
        path = Path(name)
        if name == "-":
            out.append((name, "standard input"))
        elif path.is_file() and path.suffix.lower() not in event_file_suffixes():
            with path.open(encoding="utf-8", errors="replace") as fh:
                out.append((name, headline(fh.read(4000))))
    return out

