"""``geo gazetteer``: add, search, show, list, alias and remove the user's own place entries; check the stores."""
from __future__ import annotations

import json
import sys
from typing import Any

import click

from gazetteer import FEATURE_KINDS, Candidate, Place

from ..formats.entries import entry_row
from ..formats.registry import names, writer
from .common import errors, raw_csv_option

__all__ = ["gazetteer_group"]

_LIST_FORMATS = names("entries")


def _ctx_gaz(ctx: click.Context) -> Any:
    return ctx.find_root().obj.gazetteer


def _guard() -> Any:
    return errors()


def _emit(places: list[Place], fmt: str, title: str, *, raw_csv: bool = False) -> None:
    if fmt == "csv":
        writer(fmt, "entries")(places, sys.stdout, raw_csv=raw_csv)
        return
    if fmt != "table":
        writer(fmt, "entries")(places, sys.stdout)
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for col in ("id", "name", "country", "admin1", "kind", "lat", "lon", "population", "source", "aliases"):
        table.add_column(col)
    for r in map(entry_row, places):
        table.add_row(*(escape(str(r[c])) for c in ("id", "name", "country", "admin1", "feature_code", "lat",
                                                     "lon", "population", "source", "aliases")))
    Console().print(table)


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Manage your own place entries (they win over stock entries of the same name nearby)."""


@gazetteer_group.command("add")
@click.argument("name")
@click.option("--lat", type=float, required=True, help="Latitude, -90..90.")
@click.option("--lon", type=float, required=True, help="Longitude, -180..180.")
@click.option("--country", required=True, help="ISO 3166-1 alpha-2 country code, e.g. SY.")
@click.option("--admin1", default="", help="First-level division (province, governorate, state).")
@click.option("--kind", type=click.Choice(sorted(FEATURE_KINDS)), default="town", show_default=True)
@click.option("--alias", "aliases", multiple=True, help="Another spelling (repeatable; any script).")
@click.option("--population", type=click.IntRange(0, 10_000_000_000), default=0)
@click.option("--force", is_flag=True, help="Accept coordinates 0,0.")
@click.option("--update", is_flag=True, help="Replace an entry of the same name within 1 km.")
@click.pass_context
def add_cmd(ctx: click.Context, name: str, lat: float, lon: float, country: str, admin1: str, kind: str,
            aliases: tuple[str, ...], population: int, force: bool, update: bool) -> None:
    """Add a place NAME at --lat/--lon in --country."""
    with _guard():
        place = _ctx_gaz(ctx).add(name, lat=lat, lon=lon, country=country, admin1=admin1, kind=kind,
                                  aliases=aliases, population=population, force=force, update=update)
    click.echo(f"added {place.id}: {place.name} ({place.lat}, {place.lon}) {place.country_code}")


@gazetteer_group.command("search")
@click.argument("query")
@click.option("--limit", type=click.IntRange(1, 10_000), default=10, show_default=True)
@click.option("--format", "fmt", type=click.Choice(_LIST_FORMATS), default=None)
@raw_csv_option
@click.pass_context
def search_cmd(ctx: click.Context, query: str, limit: int, fmt: str | None, raw_csv: bool) -> None:
    """Ranked candidates for QUERY: ids, source, coordinates."""
    with _guard():
        cands: list[Candidate] = _ctx_gaz(ctx).search(query, limit=limit)
    if not cands:
        click.echo(f"no place matches {query!r}", err=True)
        sys.exit(1)
    _emit([c.place for c in cands], fmt or ("table" if sys.stdout.isatty() else "json"),
          f"{len(cands)} candidates for {query!r}", raw_csv=raw_csv)


@gazetteer_group.command("show")
@click.argument("place_id")
@click.option("--format", "fmt", type=click.Choice(_LIST_FORMATS), default="json", show_default=True)
@click.pass_context
def show_cmd(ctx: click.Context, place_id: str, fmt: str) -> None:
    """Show one entry (custom:N or a GeoNames id)."""
    with _guard():
        place = _ctx_gaz(ctx).get(place_id)
    if place is None:
        raise click.ClickException(f"no entry {place_id!r}")
    _emit([place], fmt, place.name)


@gazetteer_group.command("list")
@click.option("--source", default="all", show_default=True,
              help="Only entries of this source: custom (added by hand or imported from CSV/GeoJSON), "
                   "geonames-dump, or all.")
@click.option("--excluded", is_flag=True, help="List the names you excluded instead (geo gazetteer exclude).")
@click.option("--format", "fmt", type=click.Choice(_LIST_FORMATS), default=None)
@raw_csv_option
@click.pass_context
def list_cmd(ctx: click.Context, source: str, excluded: bool, fmt: str | None, raw_csv: bool) -> None:
    """List your entries (or, with --excluded, the names you said are no place)."""
    if excluded:
        with _guard():
            names_ = _ctx_gaz(ctx).exclusions()
        if (fmt or ("table" if sys.stdout.isatty() else "json")) == "table":
            for e in names_:
                click.echo(f"{e.name}\t{e.country or 'every country'}")
            click.echo(f"{len(names_)} excluded", err=True)
        else:
            click.echo(json.dumps([e.to_dict() for e in names_], ensure_ascii=False, indent=1))
        return
    with _guard():
        entries = [p for p in _ctx_gaz(ctx).entries() if source == "all" or p.source == source]
    _emit(entries, fmt or ("table" if sys.stdout.isatty() else "json"), f"{len(entries)} entries",
          raw_csv=raw_csv)


@gazetteer_group.command("remove")
@click.argument("place_id")
@click.pass_context
def remove_cmd(ctx: click.Context, place_id: str) -> None:
    """Remove a custom entry."""
    with _guard():
        place = _ctx_gaz(ctx).remove(place_id)
    click.echo(f"removed {place.id}: {place.name}")


@gazetteer_group.command("exclude")
@click.argument("name")
@click.option("--country", default="", help="Only its places in this country (ISO 3166-1 alpha-2), e.g. IR.")
@click.pass_context
def exclude_cmd(ctx: click.Context, name: str, country: str) -> None:
    """Say NAME is no place (a newspaper, a party, a surname): places, resolve, events and maps leave it out."""
    with _guard():
        e = _ctx_gaz(ctx).exclude(name, country=country)
    where = f" --country {e.country}" if e.country else ""
    click.echo(f"excluded {e.name!r} ({'in ' + e.country if e.country else 'in every country'}); "
               f"undo with: geo gazetteer include {json.dumps(e.name)}{where}")


@gazetteer_group.command("include")
@click.argument("name")
@click.option("--country", default="", help="The country it was excluded in, if one was given.")
@click.pass_context
def include_cmd(ctx: click.Context, name: str, country: str) -> None:
    """Undo `geo gazetteer exclude NAME`: it is a place again."""
    with _guard():
        e = _ctx_gaz(ctx).include(name, country=country)
    click.echo(f"included {e.name!r} again" + (f" in {e.country}" if e.country else ""))


@gazetteer_group.command("alias")
@click.argument("place_id")
@click.argument("alias")
@click.pass_context
def alias_cmd(ctx: click.Context, place_id: str, alias: str) -> None:
    """Add another spelling ALIAS to a custom entry."""
    with _guard():
        place = _ctx_gaz(ctx).alias(place_id, alias)
    click.echo(f"{place.id}: {place.name} also known as {', '.join(place.aliases)}")


@gazetteer_group.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "geojson", "geonames"]), default=None,
              help="File format (default: from the extension; .txt/.zip are GeoNames dumps).")
@click.option("--country", "countries", multiple=True,
              help="Keep only rows of this country code (repeatable or comma-separated), e.g. for allCountries.txt.")
@click.option("--feature-class", "classes", multiple=True,
              help="Keep only rows of this GeoNames feature class (P populated place, A area, S spot, ...).")
@click.option("--skip-invalid", is_flag=True, help="Import the good rows even if some rows are bad.")
@click.option("--update", is_flag=True, help="Replace existing entries of the same name within 1 km.")
@click.option("--force", is_flag=True, help="Accept coordinates 0,0.")
@click.pass_context
def import_cmd(ctx: click.Context, path: str, fmt: str | None, countries: tuple[str, ...], classes: tuple[str, ...],
               skip_invalid: bool, update: bool, force: bool) -> None:
    """Import places from a CSV (name,lat,lon,country[,admin1,kind,aliases]), GeoJSON Point features, or a
    GeoNames dump (SY.txt, SY.zip, allCountries.txt). All rows or none, unless --skip-invalid."""
    from .progress import byte_progress

    cc = [c for part in countries for c in part.split(",") if c]
    fc = [c for part in classes for c in part.split(",") if c]
    gaz = _ctx_gaz(ctx)
    with _guard(), byte_progress(f"importing {path}") as progress:
        report = gaz.import_file(path, fmt=fmt, countries=cc or None, feature_classes=fc or None,
                                 update=update, skip_invalid=skip_invalid, force=force, progress=progress)
    for err in report.errors:
        click.echo(f"skipped {err}", err=True)
    click.echo(f"imported {report.added} new, replaced {report.replaced}, skipped {len(report.errors)} bad row(s) "
               f"from {path}")


@gazetteer_group.command("export")
@click.option("-o", "--output", default="-", show_default=True,
              help="File to write: .geojson (default) or .csv; - for stdout.")
@click.option("--format", "fmt", type=click.Choice(["geojson", "csv"]), default=None,
              help="Default: from the output's extension, else geojson.")
@click.option("--source", default="all", show_default=True, help="Only entries of this source.")
@raw_csv_option
@click.pass_context
def export_cmd(ctx: click.Context, output: str, fmt: str | None, source: str, raw_csv: bool) -> None:
    """Write your entries to a file that `geo gazetteer import` reads back unchanged."""
    from pathlib import Path

    from gazetteer.files import refuse_database

    from ..formats.io import atomic_output

    fmt = fmt or ("csv" if output.lower().endswith(".csv") else "geojson")
    with _guard():
        gaz = _ctx_gaz(ctx)
        if output != "-":  # the store in use, even before its first entry creates the file
            refuse_database(Path(output), stores=(gaz.user.path, gaz.stock_path))
        with atomic_output(output) as out:
            count = gaz.export(out, fmt=fmt, source=source, raw_csv=raw_csv)
    if output != "-":
        click.echo(f"exported {count} entries to {output}", err=True)


@gazetteer_group.command("lookup")
@click.argument("name")
@click.option("--country", help="Prefer answers in this country (ISO code), e.g. SY.")
@click.option("--geocoder", default="nominatim", show_default=True, help="A geopy geocoder name.")
@click.option("--user-agent", envvar="GEO_USER_AGENT", help="Who is asking (Nominatim requires it).")
@click.option("--geocoder-url", metavar="URL", help="The geocoder's address (e.g. a self-hosted Nominatim).")
@click.option("--geocoder-timeout", type=float, default=10.0, show_default=True, help="Seconds per answer.")
@click.option("--save", is_flag=True, help="Store the first answer (or --pick N) as a custom entry.")
@click.option("--pick", type=int, default=1, show_default=True, help="Which answer --save stores.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default=None)
@click.pass_context
def lookup_cmd(ctx: click.Context, name: str, country: str | None, geocoder: str, user_agent: str | None,
               geocoder_url: str | None, geocoder_timeout: float, save: bool, pick: int, fmt: str | None) -> None:
    """Look NAME up online (cached: asked once per name and country); --save keeps an answer."""
    from dataclasses import asdict

    from .unknown import make_geocoder

    gaz = _ctx_gaz(ctx)
    with _guard():
        online = make_geocoder(gaz, geocoder, user_agent, geocoder_url, geocoder_timeout)
        found = online.lookup(name, country=country)
        if not found:
            click.echo(f"{geocoder} knows no place called {name!r}" + (f" in {country}" if country else ""), err=True)
            sys.exit(1)
        if save:
            if not 1 <= pick <= len(found):
                raise click.BadParameter(f"--pick {pick}: there are {len(found)} answers")
            top = found[pick - 1]
            place = gaz.add(name, lat=top.lat, lon=top.lon, country=top.country_code or (country or ""),
                            kind="town" if top.feature_class == "P" else "site", source=online.service, update=True,
                            aliases=[top.name] if top.name != name else ())
            click.echo(f"saved {place.id}: {place.name} ({place.lat}, {place.lon}) {place.country_code}", err=True)
    if (fmt or ("table" if sys.stdout.isatty() else "json")) == "json":
        click.echo(json.dumps([asdict(f) for f in found], ensure_ascii=False, indent=1))
    else:
        for i, f in enumerate(found, 1):
            click.echo(f"{i}. {f.name} ({f.lat:.5f}, {f.lon:.5f}) {f.country_code} {f.feature_code} - {f.display}")


@gazetteer_group.command("doctor")
@click.option("--salvage", is_flag=True, help="If your store is damaged, copy every entry that can still be read "
              "into a new store in its place (the damaged file is kept beside it).")
@click.pass_context
def doctor_cmd(ctx: click.Context, salvage: bool) -> None:
    """Check the stores: the stock cache (rebuilt when damaged: it is only a cache) and your own store (never
    changed unless --salvage)."""
    from gazetteer.doctor import check_store
    from gazetteer.doctor import salvage as salvage_store

    from ..errors import StoreError

    gaz = _ctx_gaz(ctx)
    with _guard():
        stock = gaz.stock_path
        if not stock.exists():
            click.echo(f"stock cache {stock}: not built yet (built on first use)")
        elif problems := check_store(stock):
            gaz.rebuild_stock()
            click.echo(f"stock cache {stock}: damaged ({problems[0]}); rebuilt")
        else:
            click.echo(f"stock cache {stock}: ok")
        gaz.user.close()
        mine = gaz.user.path
        if not mine.exists():
            click.echo(f"your store {mine}: none yet (the first add or import makes it)")
        elif not (problems := check_store(mine)):
            click.echo(f"your store {mine}: ok ({len(gaz.user.entries())} entries)")
        elif not salvage:
            more = f"; {len(problems) - 1} more problem(s)" if len(problems) > 1 else ""
            raise StoreError(f"your store {mine} is damaged ({problems[0]}{more}): `geo gazetteer doctor --salvage` "
                             "copies its readable entries into a new store and keeps the damaged file")
        else:
            done = salvage_store(mine)
            click.echo(f"your store {mine} was damaged ({problems[0]}): {done.places} entries, {done.names} names and "
                       f"{done.lookups} online answers copied into a new store; the damaged file is {done.kept}")
