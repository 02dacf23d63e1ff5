"""``geo places`` and ``geo resolve``: place mentions of texts, or answers for given spans."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

import click

from ..formats.registry import names
from ..model import APPROXIMATE, Mention
from .common import Ctx, approximate_option, errors, not_an_input, output_option
from .unknown import geocoder_options, make_geocoder, unknown_summary

__all__ = ["places_cmd", "resolve_cmd"]

FORMATS = names("mentions")


def _write_mentions(out: IO[Any], fmt: str, docs: Iterable[tuple[str | None, list[Mention]]], explain: bool) -> None:
    from ..formats.registry import writer

    if fmt == "table":
        _table(list(docs), explain)
    else:
        writer(fmt, "mentions")(docs, out, explain=explain)


def _kept(pairs: Iterable[tuple[str | None, list[Mention]]], into: list[tuple[str | None, list[Mention]]]
          ) -> Iterator[tuple[str | None, list[Mention]]]:
    """The pairs, each also appended to ``into`` (for the summary of unknown names after the writing)."""
    for pair in pairs:
        into.append(pair)
        yield pair


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
            # "~ Greer": a name the gazetteer lacks, put at a place near it (status approximate)
            shown = ("~ " if m.status == APPROXIMATE else "") + _plain(p.name) if p else "?"
            table.add_row(f"{m.start}-{m.end}", _plain(m.text), shown,
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


@click.command("places")
@click.argument("path", required=False)
@click.option("--jsonl", "jsonl", type=str, help='Read documents from a JSONL file of {"id", "text"} lines.')
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: table on a terminal, jsonl with --jsonl, json otherwise).")
@click.option("--explain", is_flag=True, help="Show the candidates considered and why the winner won.")
@click.option("--unknown/--no-unknown", default=True, show_default=True,
              help="Report place-like names the gazetteer lacks ('the town of X') as mentions with no place.")
@click.option("--jobs", type=click.IntRange(0, 64), default=0,
              help="Worker processes for --jsonl (default 0: one per core from 200 documents on; 1: this one).")
@approximate_option
@output_option
@geocoder_options
@click.pass_obj
def places_cmd(obj: Ctx, path: str | None, jsonl: str | None, fmt: str | None, explain: bool, unknown: bool,
               jobs: int, approximate: bool, output: str, geocoder: str | None, user_agent: str | None,
               geocoder_url: str | None, geocoder_timeout: float, save: bool) -> None:
    """Find and resolve the places named in a text (PATH, or - for standard input)."""
    from ..formats.io import atomic_output, read_jsonl, read_text
    from ..formats.registry import check_output_suffix, get
    from ..places import parse_places

    with errors():
        not_an_input(output, [path, jsonl])
        implied = check_output_suffix(output, "mentions", fmt)
        fmt = fmt or (implied.name if implied is not None else None)
        if (path is None) == (jsonl is None):
            raise click.UsageError("give a text file (or -) or --jsonl FILE, not both")
        if jsonl is not None:
            from ..places.parallel import iter_many, iter_mapped

            records = read_jsonl(jsonl, required={"id": (str, int), "text": str})
            texts = [r["text"] for r in records]
            options: dict[str, Any] = {"explain": explain, "unknown": unknown, "rejected": explain,
                                       "approximate": approximate}
            fmt = fmt or "jsonl"
            docs: list[tuple[str | None, list[Mention]]] = []
            if fmt == "jsonl" and not geocoder and not sys.stderr.isatty():
                # no summary of unknown names to print: each document's JSON is made where it was parsed, in
                # the workers, and this process writes lines as they come
                from functools import partial

                from ..formats.places import jsonl_line, places_json

                lines = iter_mapped(texts, partial(places_json, explain=explain), gazetteer=obj.gazetteer,
                                    jobs=jobs or None, **options)
                with atomic_output(output) as out:
                    for record, places in zip(records, lines, strict=True):
                        out.write(jsonl_line(record["id"], places))
                written = True
            elif fmt == "jsonl" and not geocoder:  # written as the workers finish, not after the last
                parsed = iter_many(texts, gazetteer=obj.gazetteer, jobs=jobs or None, **options)
                pairs = zip((r["id"] for r in records), parsed, strict=True)
                with atomic_output(output) as out:
                    _write_mentions(out, fmt, _kept(pairs, docs), explain)
                written = True
            else:
                written = False
                parsed = iter_many(texts, gazetteer=obj.gazetteer, jobs=jobs or None, **options)
                docs = [(r["id"], ms) for r, ms in zip(records, parsed, strict=True)]
        else:
            assert path is not None
            written = False
            text = read_text(path)
            docs = [(None, parse_places(text, gazetteer=obj.gazetteer, explain=explain, unknown=unknown,
                                        rejected=explain, approximate=approximate))]
            fmt = fmt or ("table" if sys.stdout.isatty() and output == "-" else "json")
        if fmt == "table" and output != "-":
            raise click.UsageError("--format table writes to the terminal; choose another format for -o")
        if geocoder:
            from ..places.geocode import fill_unknown

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
        if not written:
            binary = fmt != "table" and get(fmt, "mentions").binary
            if binary and output == "-":
                raise click.UsageError(f"{fmt} is binary: give -o FILE.{fmt}")
            with atomic_output(output, "wb" if binary else "w") as out:
                _write_mentions(out, fmt, docs, explain)
    if fmt == "table" or sys.stderr.isatty():
        for line in unknown_summary([m for _, ms in docs for m in ms], source=path or f"--jsonl {jsonl}"):
            click.echo(line, err=True)


@click.command("resolve")
@click.option("--jsonl", "jsonl", required=True,
              help='JSONL of {"id", "text", "spans": [[start, end], ...]} lines.')
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", help="Output format.")
@click.option("--explain", is_flag=True, help="Add the reasons and runners-up to each answer.")
@click.option("--jobs", type=click.IntRange(0, 64), default=0,
              help="Worker processes (default 0: one per core from 200 documents on; 1: this one).")
@approximate_option
@output_option
@click.pass_obj
def resolve_cmd(obj: Ctx, jsonl: str, fmt: str, explain: bool, jobs: int, approximate: bool, output: str) -> None:
    """Resolve given spans: one answer per span, in order (status approximate where the gazetteer lacks the
    name and a town named after it or the document's focal place stands in), null where the resolver gives up."""
    from functools import partial

    from ..errors import InputError
    from ..formats.io import atomic_output, read_jsonl
    from ..formats.places import answers_dicts, answers_json, jsonl_line
    from ..places.parallel import iter_resolved
    from ..places.pipeline import check_spans

    with errors():
        not_an_input(output, [jsonl])
        records = read_jsonl(jsonl, required={"id": (str, int), "text": str, "spans": list})
        docs = []
        for n, r in enumerate(records, 1):
            spans = r["spans"]
            if not all(isinstance(s, list) and len(s) == 2 and all(isinstance(x, int) for x in s) for s in spans):
                raise InputError(f"{jsonl} record {n}: spans must be [[start, end], ...] integer pairs")
            pairs = [(s[0], s[1]) for s in spans]
            try:
                check_spans(r["text"], pairs)
            except InputError as e:  # "span [0, 9] is outside the text": say which record
                raise InputError(f"{jsonl} record {n}: {e}") from None
            docs.append((r["text"], pairs))
        options = {"gazetteer": obj.gazetteer, "jobs": jobs or None, "explain": explain, "approximate": approximate}
        with atomic_output(output) as out:
            if fmt == "json":
                answers = iter_resolved(docs, partial(answers_dicts, explain=explain), **options)
                results = [{"id": r["id"], "places": a} for r, a in zip(records, answers, strict=True)]
                out.write(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
            else:  # each document's JSON made where it was resolved, written as it comes
                lines = iter_resolved(docs, partial(answers_json, explain=explain), **options)
                for r, places in zip(records, lines, strict=True):
                    out.write(jsonl_line(r["id"], places))
