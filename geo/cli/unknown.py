"""The command line's side of unknown names: the summary that tells a user what the gazetteer lacks, and the
options that let them look names up online (opt-in)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from ..model import APPROXIMATE, UNKNOWN, Mention, main_country

__all__ = ["geocoder_options", "make_geocoder", "unknown_summary"]

F = TypeVar("F", bound=Callable[..., Any])


def geocoder_options(f: F) -> F:
    """--geocoder, --user-agent, --geocoder-url, --save."""
    f = click.option("--save", is_flag=True, help="Store what the geocoder finds as custom entries.")(f)
    f = click.option("--geocoder-timeout", type=float, default=10.0, show_default=True,
                     help="Seconds to wait for each answer.")(f)
    f = click.option("--geocoder-url", metavar="URL",
                     help="The geocoder's address, e.g. a self-hosted Nominatim (http://host:8080).")(f)
    f = click.option("--user-agent", envvar="GEO_USER_AGENT", metavar="NAME",
                     help="Who is asking (required by Nominatim's usage policy); or GEO_USER_AGENT.")(f)
    f = click.option("--geocoder", metavar="NAME",
                     help="Look unknown names up online with this geopy geocoder (e.g. nominatim). Never by "
                          "default.")(f)
    return f


def make_geocoder(gazetteer: Any, service: str, user_agent: str | None, url: str | None,
                  timeout: float = 10.0) -> Any:
    import logging

    from ..places.geocode import OnlineGeocoder

    # geopy's RateLimiter logs every retry with its traceback (about 190 lines with no network); the command
    # says what failed in one warning of its own
    logging.getLogger("geopy").setLevel(logging.ERROR)
    return OnlineGeocoder(service, user_agent=user_agent, gazetteer=gazetteer, url=url, timeout=timeout)


def unknown_summary(mentions: Sequence[Mention], *, source: str) -> list[str]:
    """Lines telling the user which place-like names the gazetteer lacks and how to fill them."""
    # an approximate mention's name is no better known: its guess stands in until the user adds it
    unknown = [m for m in mentions if m.status in (UNKNOWN, APPROXIMATE)]
    if not unknown:
        return []
    counts = Counter(m.text for m in unknown)
    cues: dict[str, str] = {}
    for m in unknown:
        cues.setdefault(m.text, m.reasons[0].split("cue: ", 1)[-1] if m.reasons else m.text)
    country = main_country(mentions) or "XX"
    n = len(counts)
    lines = [f"{n} place-like name{'s are' if n > 1 else ' is'} not in the gazetteer:"]
    for name, k in counts.most_common():
        lines.append(f'  "{name}" ("{cues[name]}", {k} mention{"s" if k > 1 else ""})')
    if any(m.status == APPROXIMATE for m in unknown):
        lines.append("  meanwhile placed near where the article puts it (~ in the table; --no-approximate: none)")
    first = counts.most_common(1)[0][0]
    lines.append(f'  add it:  geo gazetteer add "{first}" --lat ... --lon ... --country {country}')
    lines.append(f'  or look it up online:  geo places {source} --geocoder nominatim --user-agent "my-newsroom-tool"')
    return lines
