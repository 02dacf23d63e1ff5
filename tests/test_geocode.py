"""Online lookups against a loopback server that answers like Nominatim: no test touches the internet."""
from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from gazetteer import Gazetteer
from geo.places.geocode import GeocoderUnavailable, OnlineGeocoder, UnknownGeocoderError

from .conftest import SEED

#: The shape of Nominatim's /search?format=json&addressdetails=1 answer (values written for the test).
ANSWERS = {
    "dabiq": [{"place_id": 1, "osm_type": "node", "osm_id": 2412360101, "lat": "36.5372", "lon": "37.2708",
               "class": "place", "type": "village", "name": "Dabiq", "importance": 0.41,
               "display_name": "Dabiq, Akhtarin Subdistrict, Azaz District, Aleppo Governorate, Syria",
               "address": {"village": "Dabiq", "state": "Aleppo Governorate", "country": "Syria",
                           "country_code": "sy"}}],
    "kurmin masara": [{"place_id": 2, "osm_type": "node", "osm_id": 77, "lat": "10.01", "lon": "8.25",
                       "class": "place", "type": "hamlet", "name": "Kurmin Masara",
                       "display_name": "Kurmin Masara, Kaduna State, Nigeria",
                       "address": {"country": "Nigeria", "country_code": "ng"}}],
}


class Fake:
    def __init__(self) -> None:
        self.mode = "ok"
        self.requests: list[tuple[float, str, str]] = []  # (time, path+query, user agent)


@pytest.fixture()
def nominatim() -> Iterator[tuple[str, Fake]]:
    fake = Fake()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fake.requests.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
            if fake.mode == "error":
                self.send_response(500)
                self.end_headers()
                return
            if fake.mode == "slow":
                time.sleep(1.5)
            query = parse_qs(urlsplit(self.path).query)
            body = json.dumps(ANSWERS.get(query.get("q", [""])[0].lower(), [])).encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", fake
    server.shutdown()
    server.server_close()




def test_rate_limit_and_cache(gaz: Gazetteer, nominatim: tuple[str, Fake]) -> None:
    url, fake = nominatim
    geocoder = OnlineGeocoder("nominatim", user_agent="reportmap-tests", gazetteer=gaz, url=url)
    assert geocoder.lookup("Dabiq", country="SY")[0].country_code == "SY"
    assert geocoder.lookup("Kurmin Masara")[0].name == "Kurmin Masara"
    assert len(fake.requests) == 2
    assert fake.requests[1][0] - fake.requests[0][0] >= 0.95  # one request a second, as Nominatim asks
    assert "countrycodes=sy" in fake.requests[0][1] and fake.requests[0][2] == "reportmap-tests"
    again = OnlineGeocoder("nominatim", user_agent="reportmap-tests", gazetteer=gaz, url=url)
    assert again.lookup("Dabiq", country="SY")[0].lat == pytest.approx(36.5372)
    assert again.lookup("Nowhere at all") == []
    assert again.lookup("Nowhere at all") == []  # an empty answer is cached too
    assert len(fake.requests) == 3  # cached answers asked nothing


def test_places_with_geocoder_and_save(run, nominatim: tuple[str, Fake], user_store: Path) -> None:  # type: ignore[no-untyped-def]
    url, fake = nominatim
    result = run("places", str(SEED), "--format", "json", "--geocoder", "nominatim", "--user-agent", "tests",
                 "--geocoder-url", url, "--save")
    assert result.exit_code == 0, result.output
    dabiq = [m for m in json.loads(result.stdout) if m["text"] == "Dabiq"]
    assert len(dabiq) == 2 and all(m["status"] == "resolved" and m["source"] == "nominatim" for m in dabiq)
    assert dabiq[0]["lat"] == pytest.approx(36.5372) and "countrycodes=sy" in fake.requests[0][1]
    saved = Gazetteer(user_store).entries()
    assert [(p.name, p.source, p.country_code) for p in saved] == [("Dabiq", "nominatim", "SY")]
    offline = json.loads(run("places", str(SEED), "--format", "json").stdout)  # no geocoder: the saved entry
    assert {m["geonameid"] for m in offline if m["text"] == "Dabiq"} == {saved[0].id}
    assert len(fake.requests) == 1


@pytest.mark.parametrize("mode", ["error", "slow", "refused"])
def test_failing_service_warns_and_carries_on(run, nominatim: tuple[str, Fake], mode: str) -> None:  # type: ignore[no-untyped-def]
    url, fake = nominatim
    fake.mode = mode
    if mode == "refused":
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            url = f"http://127.0.0.1:{s.getsockname()[1]}"  # closed when the block ends: nobody listens
    result = run("places", str(SEED), "--format", "json", "--geocoder", "nominatim", "--user-agent", "tests",
                 "--geocoder-url", url, "--geocoder-timeout", "0.5")
    assert result.exit_code == 0
    assert result.stderr.count("warning:") == 1 and "carrying on offline" in result.stderr
    places = json.loads(result.stdout)
    # the offline guess stays: Dabiq at the focal place, marked approximate
    assert [(m["status"], m["name"]) for m in places if m["text"] == "Dabiq"] == [("approximate", "Aleppo")] * 2
    assert any(m["name"] == "Aleppo" for m in places)  # the offline result is all there


def test_lookup_command(run, nominatim: tuple[str, Fake], user_store: Path) -> None:  # type: ignore[no-untyped-def]
    url, _ = nominatim
    result = run("gazetteer", "lookup", "Dabiq", "--country", "SY", "--user-agent", "tests", "--geocoder-url", url,
                 "--save", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["display"].startswith("Dabiq, ")
    assert "saved custom:1" in result.stderr
    missing = run("gazetteer", "lookup", "Atlantis", "--user-agent", "tests", "--geocoder-url", url)
    assert missing.exit_code == 1 and "knows no place called 'Atlantis'" in missing.stderr


def test_geocoder_settings_errors(gaz: Gazetteer) -> None:
    with pytest.raises(UnknownGeocoderError, match="--user-agent"):
        OnlineGeocoder("nominatim", user_agent=None, gazetteer=gaz)
    with pytest.raises(UnknownGeocoderError, match="unknown geocoder 'nominatimm'; geopy knows"):
        OnlineGeocoder("nominatimm", user_agent="x", gazetteer=gaz)
    with pytest.raises(UnknownGeocoderError, match="not an http"):
        OnlineGeocoder("nominatim", user_agent="x", gazetteer=gaz, url="ftp://x")
    geocoder = OnlineGeocoder("nominatim", user_agent="x", gazetteer=gaz, url="http://127.0.0.1:9", timeout=0.3,
                              retries=0)
    with pytest.raises(GeocoderUnavailable, match="nominatim lookup of 'Dabiq' failed"):
        geocoder.lookup("Dabiq")


def test_unknown_summary_on_the_terminal(run) -> None:  # type: ignore[no-untyped-def]
    result = run("places", str(SEED), "--format", "table")
    assert '"Dabiq" ("the town of Dabiq", 2 mentions)' in result.stderr
    assert 'geo gazetteer add "Dabiq" --lat ... --lon ... --country SY' in result.stderr
    assert "meanwhile placed near where the article puts it (~ in the table" in result.stderr
    assert "│ Dabiq" in result.stdout and "~ Aleppo" in result.stdout
    run("gazetteer", "add", "Dabiq", "--lat", "36.537", "--lon", "37.271", "--country", "SY")
    assert "not in the gazetteer" not in run("places", str(SEED), "--format", "table").stderr
