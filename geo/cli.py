"""The ``geo`` command: a thin layer over the library (parsing arguments, formatting output)."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

import click

from .cli_unknown import geocoder_options, make_geocoder, unknown_summary
from .errors import GeoError
from .model import Mention

__all__ = ["main"]

FORMATS = ["table", "json", "jsonl", "geojson"]
_MAX_ROW_ERRORS = 200


class _Ctx:
    def __init__(self, gazetteer_path: str | None) -> None:
        self.gazetteer_path = gazetteer_path
        self._gaz: Any = None

    @property
    def gazetteer(self) -> Any:
        if self._gaz is None:
            from gazetteer import Gazetteer

            self._gaz = Gazetteer(self.gazetteer_path, progress=_build_progress())
            self._gaz.ensure_stock()
        return self._gaz


def _build_progress() -> Callable[[str, int, int], None]:
    """Progress of the one-time gazetteer build, on stderr."""
    state: dict[str, Any] = {}

    def report(step: str, done: int, total: int) -> None:
        if not state:
            click.echo("Building the place database (first use only, under a minute)...", err=True)
            state["started"] = True
        click.echo(f"  [{done}/{total}] {step}", err=True)

    return report


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except GeoError as e:
        errors = getattr(getattr(e, "report", None), "errors", ())
        for i, err in enumerate(errors):
            if i == _MAX_ROW_ERRORS:
                click.echo(f"... and {len(errors) - i} more bad row(s)", err=True)
                break
            click.echo(f"bad row {err}", err=True)
        raise click.ClickException(str(e)) from None
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)


class _Group(click.Group):
    """The ``geo`` group, which also offers commands other packages register under the ``reportmap.commands``
    entry point (``geo map``, ``geo report`` from ``maps``): looked up only when a name is not built in, so the
    built-in commands start without scanning installed packages."""

    _plugins: dict[str, Any] | None = None

    def _entry_points(self) -> dict[str, Any]:
        if self._plugins is None:
            from importlib.metadata import entry_points

            self._plugins = {ep.name: ep for ep in entry_points(group="reportmap.commands")}
        return self._plugins

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self._entry_points()))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in self._entry_points():
            command = self._entry_points()[cmd_name].load()
        return command


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False), envvar="GEO_GAZETTEER",
              help="User gazetteer store to use (default: gazetteer.sqlite in the user data dir).")
@click.version_option(package_name="reportmap")
@click.pass_context
def main(ctx: click.Context, gazetteer_path: str | None) -> None:
    """Turn news reports into maps: find places, resolve them, extract events, render maps.

    \b
    Examples:
      geo places article.txt
      geo places article.txt --format geojson > places.geojson
      geo gazetteer add "Dabiq" --lat 36.537 --lon 37.271 --country SY
    """
    ctx.obj = _Ctx(gazetteer_path)


def _write_mentions(out: IO[str], fmt: str, docs: list[tuple[str | None, list[Mention]]], explain: bool) -> None:
    from .exports import mentions_geojson

    if fmt == "geojson":
        out.write(json.dumps(mentions_geojson(((i, m) for i, ms in docs for m in ms), explain=explain),
                             ensure_ascii=False) + "\n")
    elif fmt == "json":
        if len(docs) == 1 and docs[0][0] is None:
            payload: Any = [m.to_dict(explain=explain) for m in docs[0][1]]
        else:
            payload = [{"id": i, "places": [m.to_dict(explain=explain) for m in ms]} for i, ms in docs]
        out.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "jsonl":
        for i, ms in docs:
            if i is None:
                for m in ms:
                    out.write(json.dumps(m.to_dict(explain=explain), ensure_ascii=False) + "\n")
            else:
                out.write(json.dumps({"id": i, "places": [m.to_dict(explain=explain) for m in ms]},
                                     ensure_ascii=False) + "\n")
    else:
        _table(docs, explain)


def _table(docs: list[tuple[str | None, list[Mention]]], explain: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for doc_id, mentions in docs:
        table = Table(title=f"{doc_id}: {len(mentions)} place mentions" if doc_id else f"{len(mentions)} place "
                      "mentions", title_justify="left")
        for col in ("offsets", "text", "place", "country", "kind", "lat", "lon", "score"):
            table.add_column(col, justify="right" if col in ("lat", "lon", "score") else "left")
        for m in mentions:
            p = m.place
            table.add_row(f"{m.start}-{m.end}", _plain(m.text), _plain(p.name) if p else "?",
                          p.country_code if p else "", p.feature_code if p else "", f"{p.lat:.4f}" if p else "",
                          f"{p.lon:.4f}" if p else "", f"{m.score:.2f}")
        console.print(table)
        if explain:
            for m in mentions:
                console.print(f"[bold]{_plain(m.text)}[/bold] @{m.start} -> {_plain(m.place.name) if m.place else '?'}"
                              f" ({m.place.id if m.place else ''})")
                for why in m.reasons:
                    console.print(f"    + {_plain(why)}")
                for alt, fit, why_alt in m.alternatives:
                    console.print(f"    vs {_plain(alt.name)}, {alt.country_code} {alt.feature_code} "
                                  f"({alt.id}) fit {fit:.2f}: {_plain('; '.join(why_alt))}")


def _plain(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@main.command()
@click.argument("path", required=False)
@click.option("--jsonl", "jsonl", type=str, help='Read documents from a JSONL file of {"id", "text"} lines.')
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: table on a terminal, jsonl with --jsonl, json otherwise).")
@click.option("--explain", is_flag=True, help="Show the candidates considered and why the winner won.")
@click.option("--unknown/--no-unknown", default=True, show_default=True,
              help="Report place-like names the gazetteer lacks ('the town of X') as mentions with no place.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here instead of standard output (written whole or not at all).")
@geocoder_options
@click.pass_obj
def places(obj: _Ctx, path: str | None, jsonl: str | None, fmt: str | None, explain: bool, unknown: bool,
           output: str, geocoder: str | None, user_agent: str | None, geocoder_url: str | None,
           geocoder_timeout: float, save: bool) -> None:
    """Find and resolve the places named in a text (PATH, or - for standard input)."""
    from .io import atomic_output, read_jsonl, read_text
    from .places import parse_places

    with _errors():
        if (path is None) == (jsonl is None):
            raise click.UsageError("give a text file (or -) or --jsonl FILE, not both")
        if jsonl is not None:
            records = read_jsonl(jsonl, required={"id": (str, int), "text": str})
            gaz = obj.gazetteer
            docs: list[tuple[str | None, list[Mention]]] = [
                (r["id"], parse_places(r["text"], gazetteer=gaz, explain=explain, unknown=unknown)) for r in records]
            fmt = fmt or "jsonl"
        else:
            assert path is not None
            text = read_text(path)
            docs = [(None, parse_places(text, gazetteer=obj.gazetteer, explain=explain, unknown=unknown))]
            fmt = fmt or ("table" if sys.stdout.isatty() and output == "-" else "json")
        if fmt == "table" and output != "-":
            raise click.UsageError("--format table writes to the terminal; choose json, jsonl or geojson for -o")
        if geocoder:
            from .geocode import fill_unknown

            online = make_geocoder(obj.gazetteer, geocoder, user_agent, geocoder_url, geocoder_timeout)
            filled = []
            for doc_id, found in docs:
                found, warnings = fill_unknown(found, online, save=save)
                for w in warnings[:1]:
                    click.echo(f"warning: {w}", err=True)
                filled.append((doc_id, found))
                if warnings:
                    break
            docs = filled + docs[len(filled):]
        with atomic_output(output) as out:
            _write_mentions(out, fmt, docs, explain)
    if fmt == "table" or sys.stderr.isatty():
        for line in unknown_summary([m for _, ms in docs for m in ms], source=path or f"--jsonl {jsonl}"):
            click.echo(line, err=True)


@main.command()
@click.option("--jsonl", "jsonl", required=True,
              help='JSONL of {"id", "text", "spans": [[start, end], ...]} lines.')
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", help="Output format.")
@click.option("--explain", is_flag=True, help="Add the reasons and runners-up to each answer.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-")
@click.pass_obj
def resolve(obj: _Ctx, jsonl: str, fmt: str, explain: bool, output: str) -> None:
    """Resolve given spans: one answer per span, in order, null where the resolver gives up."""
    from .errors import InputError
    from .io import atomic_output, read_jsonl
    from .places import resolve_spans

    with _errors():
        records = read_jsonl(jsonl, required={"id": (str, int), "text": str, "spans": list})
        results = []
        for n, r in enumerate(records, 1):
            spans = r["spans"]
            if not all(isinstance(s, list) and len(s) == 2 and all(isinstance(x, int) for x in s) for s in spans):
                raise InputError(f"{jsonl} record {n}: spans must be [[start, end], ...] integer pairs")
            try:
                answers = resolve_spans(r["text"], [(s[0], s[1]) for s in spans], gazetteer=obj.gazetteer,
                                        explain=explain)
            except InputError as e:  # "span [0, 9] is outside the text": say which record
                raise InputError(f"{jsonl} record {n}: {e}") from None
            results.append({"id": r["id"], "places": [a.to_dict(explain=explain) if a else None for a in answers]})
        with atomic_output(output) as out:
            if fmt == "json":
                out.write(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
            else:
                for rec in results:
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _register_subcommands() -> None:
    from .cli_batch import batch_cmd
    from .cli_events import events_cmd
    from .cli_gazetteer import gazetteer_group

    main.add_command(gazetteer_group)
    main.add_command(events_cmd)
    main.add_command(batch_cmd)


_register_subcommands()
