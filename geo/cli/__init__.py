"""The ``geo`` command: a thin layer over the library (parsing arguments, formatting output).

One module per group of commands (``places``, ``events``, ``batch``, ``gazetteer``); what they share is in
``common``, the one module other packages' commands import.
"""
from __future__ import annotations

import importlib
from typing import Any

import click

from .common import Ctx

__all__ = ["main"]


#: The built-in commands: name -> (module, attribute), imported only when the command runs (``geo places``
#: never loads the event pipeline).
COMMANDS: dict[str, tuple[str, str]] = {
    "places": ("geo.cli.places", "places_cmd"),
    "resolve": ("geo.cli.places", "resolve_cmd"),
    "events": ("geo.cli.events", "events_cmd"),
    "batch": ("geo.cli.batch", "batch_cmd"),
    "gazetteer": ("geo.cli.gazetteer", "gazetteer_group"),
}


class _Group(click.Group):
    """The ``geo`` group: its own commands (:data:`COMMANDS`, imported when used) and the commands other packages
    register under the ``reportmap.commands`` entry point (``geo map``, ``geo report`` from ``maps``), looked up
    only when a name is not built in, so the built-in commands start without scanning installed packages."""

    _plugins: dict[str, Any] | None = None

    def _entry_points(self) -> dict[str, Any]:
        if self._plugins is None:
            from importlib.metadata import entry_points

            self._plugins = {ep.name: ep for ep in entry_points(group="reportmap.commands")}
        return self._plugins

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS) | set(self._entry_points()))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in COMMANDS:
            module, attribute = COMMANDS[cmd_name]
            command = getattr(importlib.import_module(module), attribute)
        if command is None and cmd_name in self._entry_points():
            command = self._entry_points()[cmd_name].load()
        return command


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``geo --version``: ``geo, version 0.1.0 (place pipeline compiled)``."""
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    from ..places import compiled

    how = "compiled" if compiled() else "interpreted: pip install . with a C compiler compiles it"
    click.echo(f"geo, version {version('reportmap')} (place pipeline {how})")
    ctx.exit()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False), envvar="GEO_GAZETTEER",
              help="User gazetteer store to use (default: gazetteer.sqlite in the user data dir).")
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="Show the version, and whether the place pipeline is compiled, and exit.")
@click.pass_context
def main(ctx: click.Context, gazetteer_path: str | None) -> None:
    """Turn news reports into maps: find places, resolve them, extract events, render maps.

    \b
    Examples:
      geo places article.txt
      geo places article.txt --format geojson > places.geojson
      geo gazetteer add "Dabiq" --lat 36.537 --lon 37.271 --country SY
    """
    ctx.obj = Ctx(gazetteer_path)
