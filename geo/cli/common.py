"""What every ``geo`` command shares: the context that opens the gazetteer, the one error guard that turns a
:class:`~geo.errors.GeoError` into one line and a non-zero exit, and shared option decorators.

This is the one module of ``geo.cli`` that other packages' commands (``maps.cli``) import.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from ..errors import GeoError, OutputError

__all__ = ["Ctx", "columns_option", "confident", "errors", "min_confidence_option", "not_an_input", "output_option",
           "published_option", "raw_csv_option"]

F = TypeVar("F", bound=Callable[..., Any])
_MAX_ROW_ERRORS = 200


class Ctx:
    """The ``geo`` command's context object: the gazetteer, opened (and built on first use) when asked for."""

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
def errors() -> Iterator[None]:
    """Run a command's body: a GeoError becomes one line on stderr (and its bad rows, up to 200) and exit 1."""
    try:
        yield
    except GeoError as e:
        rows = getattr(getattr(e, "report", None), "errors", ())
        for i, err in enumerate(rows):
            if i == _MAX_ROW_ERRORS:
                click.echo(f"... and {len(rows) - i} more bad row(s)", err=True)
                break
            click.echo(f"bad row {err}", err=True)
        raise click.ClickException(str(e)) from None
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except OSError as e:  # a write that failed: a read-only folder, a full disk, /dev/full
        where = f"{e.filename}: " if e.filename else ""
        raise click.ClickException(f"cannot write: {where}{e.strerror or e}") from None


def not_an_input(output: str | None, inputs: Iterable[str | None]) -> None:
    """Raise OutputError when ``-o`` names one of the command's own inputs (``geo places a.txt -o a.txt``
    replaced the article with its places)."""
    if output in (None, "-") or not os.path.isfile(output):
        return
    for name in inputs:
        if name and name != "-" and os.path.isfile(name) and os.path.samefile(name, output):
            raise OutputError(f"{output} is also an input of this command: not overwritten; choose another "
                              "output file")


def approximate_option(f: F) -> F:
    """``--approximate/--no-approximate``: put names the gazetteer lacks at the town named right after them or
    the document's focal place (:mod:`geo.places.approximate`), or leave them without coordinates."""
    return click.option("--approximate/--no-approximate", default=True, show_default=True,
                        help="Place names the gazetteer lacks at the town named right after them ('X in Y') or "
                             "else the document's focal place, marked status approximate; with "
                             "--no-approximate they have no coordinates.")(f)


def output_option(f: F) -> F:
    """``-o/--output``: a file written whole or not at all, ``-`` for standard output."""
    return click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
                        help="Write here instead of standard output (written whole or not at all).")(f)


def _columns(ctx: click.Context, param: click.Parameter, value: str | None) -> dict[str, str] | None:
    from ..formats.columns import parse_columns

    if not value:
        return None
    try:
        return parse_columns(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


def columns_option(f: F) -> F:
    """``--columns lat=Y,lon=X,date=When,event_type=Kind``: the columns of an event table in no known layout."""
    return click.option("--columns", callback=_columns, metavar="FIELD=COLUMN,...",
                        help="Name the columns of event tables in no known layout (ACLED, UCDP GED and GDELT "
                             "are known), e.g. lat=Y,lon=X,date=When,event_type=Kind.")(f)


def min_confidence_option(f: F) -> F:
    """``--min-confidence X``: keep only events the extractor is at least this sure of (0..1)."""
    return click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
                        help="Keep only events of at least this confidence (0..1; events read from other "
                             "sources have 0).")(f)


def confident(events: list[Any], threshold: float) -> list[Any]:
    """The events of at least ``threshold`` confidence (all of them at 0)."""
    return events if threshold <= 0 else [e for e in events if e.confidence >= threshold]


def published_option(f: F) -> F:
    """``--published YYYY-MM-DD``: the publication date for texts with no date line."""
    return click.option("--published", metavar="YYYY-MM-DD",
                        help="Publication date, for articles with no date line.")(f)


def raw_csv_option(f: F) -> F:
    """``--raw-csv``: CSV cells exactly as they are, for programs; by default a cell that starts like a
    spreadsheet formula (``=``, ``+``, ``-``, ``@``) is written after an apostrophe so that no spreadsheet runs it."""
    return click.option("--raw-csv", is_flag=True,
                        help="CSV for programs: no apostrophe before cells that start with = + - @ (by default "
                             "they get one, so that a spreadsheet shows them as text and never runs them).")(f)
