"""Online lookups of names the gazetteer lacks, through geopy: Nominatim by default, any geopy geocoder by name.

Opt-in only (nothing here runs unless a geocoder is asked for). Nominatim's usage policy is kept: a user agent
is required and requests are spaced one second apart (geopy's RateLimiter), with timeouts and retries. Every
answer is cached in the user's store with its provenance (service, query, country, date), so a name is looked
up once; ``save`` turns a result into a custom entry. A failing service raises :class:`GeocoderUnavailable`,
which callers turn into one warning and an offline result.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from gazetteer import Gazetteer, Place

from ..errors import GeoError
from ..model import APPROXIMATE, RESOLVED, UNKNOWN, Mention, main_country

__all__ = ["Found", "GeocoderUnavailable", "OnlineGeocoder", "UnknownGeocoderError", "fill_unknown"]

log = logging.getLogger(__name__)
_POLITE_DELAY = {"nominatim": 1.0}  # seconds between requests that a service's usage policy asks for
_PLACE_TYPES = {"city": "PPLA", "town": "PPL", "village": "PPL", "hamlet": "PPL", "suburb": "PPLX",
                "neighbourhood": "PPLX", "quarter": "PPLX", "locality": "PPLL", "isolated_dwelling": "PPLL"}


class GeocoderUnavailable(GeoError):
    """The online service did not answer (network down, refused, timed out, an error status)."""


class UnknownGeocoderError(GeoError):
    """A geocoder name geopy does not know, or one that needs settings we were not given."""


@dataclass(frozen=True, slots=True)
class Found:
    """One answer of an online geocoder."""

    name: str
    lat: float
    lon: float
    country_code: str
    feature_class: str
    feature_code: str
    display: str
    service: str
    ref: str

    def place(self) -> Place:
        return Place(id=f"{self.service}:{self.ref}", name=self.name, lat=self.lat, lon=self.lon,
                     feature_class=self.feature_class, feature_code=self.feature_code,
                     country_code=self.country_code, source=self.service)


class OnlineGeocoder:
    """A geopy geocoder behind a rate limiter and the user store's cache."""

    def __init__(self, service: str = "nominatim", *, user_agent: str | None, gazetteer: Gazetteer,
                 url: str | None = None, timeout: float = 10.0, retries: int = 2, error_wait: float = 1.0) -> None:
        from geopy.exc import GeocoderNotFound
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import SERVICE_TO_GEOCODER, get_geocoder_for_service

        self.service = service.lower()
        self.gazetteer = gazetteer
        if not user_agent:
            raise UnknownGeocoderError("online lookups need --user-agent naming your tool (e.g. "
                                       f"\"my-newsroom-tool\"); {service}'s usage policy requires one")
        try:
            cls = get_geocoder_for_service(self.service)
        except GeocoderNotFound:
            raise UnknownGeocoderError(f"unknown geocoder {service!r}; geopy knows "
                                       f"{', '.join(sorted(SERVICE_TO_GEOCODER))}") from None
        kwargs: dict[str, Any] = {"user_agent": user_agent, "timeout": timeout}
        if url:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise UnknownGeocoderError(f"--geocoder-url {url!r} is not an http(s) URL")
            kwargs.update(scheme=parts.scheme, domain=parts.netloc + parts.path.rstrip("/"))
        try:
            self._geocoder = cls(**kwargs)
        except (TypeError, ValueError, GeoError) as e:
            raise UnknownGeocoderError(f"geocoder {service!r} cannot be set up here: {e}") from None
        delay = _POLITE_DELAY.get(self.service, 0.0)
        self._geocode = RateLimiter(self._geocoder.geocode, min_delay_seconds=delay, max_retries=retries,
                                    error_wait_seconds=max(delay, error_wait), swallow_exceptions=False)

    def lookup(self, name: str, *, country: str | None = None, limit: int = 5) -> list[Found]:
        """Candidates for ``name`` (biased to ``country`` where the service allows), from the cache if asked
        before."""
        cc = (country or "").upper()
        cached = self.gazetteer.user.cached_lookup(self.service, name, cc)
        if cached is not None:
            return [Found(**item) for item in cached]
        from geopy.exc import GeopyError

        kwargs: dict[str, Any] = {"exactly_one": False}
        if self.service == "nominatim":
            kwargs.update(limit=limit, addressdetails=True, language="en")
            if cc:
                kwargs["country_codes"] = [cc.lower()]
        try:
            answers = self._geocode(name, **kwargs) or []
        except (GeopyError, OSError) as e:
            raise GeocoderUnavailable(f"{self.service} lookup of {name!r} failed: {type(e).__name__}: "
                                      f"{str(e).splitlines()[0] if str(e) else ''}") from None
        found = [f for f in (self._found(a, name) for a in answers[:limit]) if f is not None]
        self.gazetteer.user.store_lookup(self.service, name, cc, json.dumps([asdict(f) for f in found]))
        return found

    def _found(self, answer: Any, query: str) -> Found | None:
        raw = getattr(answer, "raw", {}) or {}
        address = raw.get("address") or {}
        kind = str(raw.get("type") or "")
        if raw.get("class") == "boundary" or kind == "administrative":
            fclass, fcode = "A", "ADM"
        else:
            fclass, fcode = ("P", _PLACE_TYPES[kind]) if kind in _PLACE_TYPES else ("S", kind.upper()[:10] or "PT")
        name = str(raw.get("name") or (answer.address or query).split(",")[0]).strip() or query
        try:
            lat, lon = float(answer.latitude), float(answer.longitude)
        except (TypeError, ValueError):
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        ref = str(raw.get("osm_type", "")[:1].upper() + str(raw.get("osm_id", ""))) if raw.get("osm_id") else \
            f"{lat:.5f},{lon:.5f}"
        return Found(name=name, lat=lat, lon=lon, country_code=str(address.get("country_code", "")).upper(),
                     feature_class=fclass, feature_code=fcode, display=str(answer.address or name),
                     service=self.service, ref=ref)


#: The statuses of a mention an online answer may replace: no place, or a guess (``geo.places.approximate``).
_LOOKED_UP = (UNKNOWN, APPROXIMATE)


def fill_unknown(mentions: Sequence[Mention], geocoder: OnlineGeocoder, *, save: bool = False
                 ) -> tuple[list[Mention], list[str]]:
    """Resolve the unknown mentions online (biased to the document's main country), and the approximate ones,
    whose focal-place guess an answer replaces; return the mentions and any warnings. A failing service gives
    one warning and leaves the rest as they were: the run never fails."""
    country = main_country(mentions)
    answers: dict[str, Found | None] = {}
    warnings: list[str] = []
    for m in mentions:
        if m.status not in _LOOKED_UP or m.text in answers:
            continue
        try:
            found = geocoder.lookup(m.text, country=country)
        except GeocoderUnavailable as e:
            warnings.append(f"{e}; carrying on offline")
            break
        answers[m.text] = found[0] if found else None
        if found and save and (found[0].country_code or country):
            top = found[0]
            geocoder.gazetteer.add(m.text, lat=top.lat, lon=top.lon, country=top.country_code or country or "",
                                   kind="town" if top.feature_class == "P" else "site", source=geocoder.service,
                                   update=True, aliases=[top.name] if top.name != m.text else ())
    out = []
    for m in mentions:
        best = answers.get(m.text) if m.status in _LOOKED_UP else None
        if best is None:
            out.append(m)
        else:
            out.append(replace(m, place=best.place(), status=RESOLVED, score=0.5,
                               reasons=(f"looked up online ({best.service}, {dt.date.today().isoformat()}): "
                                        f"{best.display}",)))
    return out, warnings
