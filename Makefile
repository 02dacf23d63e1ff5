# Two commands do everything on a fresh Debian machine with Python 3.11:
#   make demo   - install, build the place database, add Dabiq, print the seed's places and events, render its map
#   make test   - install test needs (incl. Debian's chromium for browser tests) and run lint, types and all tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED := seeds/000_ae893d0930690a7d.txt
OUT ?= out

.PHONY: demo test install install-test chromium lint eval bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# A copy of the packages, not an editable install: setup.py compiles the place pipeline with mypyc (about a
# minute; pure Python where there is no C compiler), and `geo --version` says which. The tests import the
# checkout's sources and check that the installed copy answers the same (tests/test_packaging.py): after an
# edit, `make install` again. The checkout's bytecode is compiled too, so that `python -m geo` starts under
# 0.3 s where the environment forbids writing it at import (PYTHONDONTWRITEBYTECODE, as on this project's machines).
install: $(BIN)/python
	$(BIN)/pip install -q .
	$(BIN)/python -m compileall -q geo gazetteer maps
	$(BIN)/geo --version

install-test: $(BIN)/python chromium
	$(BIN)/pip install -q '.[test,explore]'
	$(BIN)/python -m compileall -q geo gazetteer maps
	$(BIN)/geo --version

# Browser tests drive Debian's chromium with playwright (never a browser download of playwright's own).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

demo: install
	mkdir -p $(OUT)
	$(BIN)/geo places $(SEED) --format table
	$(BIN)/geo gazetteer add "Dabiq" --lat 36.537 --lon 37.271 --country SY --admin1 Aleppo --kind town \
		--alias Dabik --alias "دابق" --update
	$(BIN)/geo places $(SEED) --format geojson -o $(OUT)/seed-places.geojson
	$(BIN)/geo events $(SEED) --format table
	$(BIN)/geo events $(SEED) -o $(OUT)/seed-events.geojson
	$(BIN)/geo map $(SEED) -o $(OUT)/seed-map.html --title "Syria, 3-4 October 2016 (AP/NYT)" --timeline
	$(BIN)/geo map $(SEED) -o $(OUT)/seed-map-offline.html --title "Syria, 3-4 October 2016 (AP/NYT)" --offline
	@echo "wrote $(OUT)/seed-places.geojson, $(OUT)/seed-events.geojson, $(OUT)/seed-map.html, $(OUT)/seed-map-offline.html"

lint: install-test
	$(BIN)/ruff check geo gazetteer maps tests benchmarks scripts
	$(BIN)/mypy

test: install-test lint
	$(BIN)/python -m pytest

eval: install
	PATH=$(abspath $(BIN)):$$PATH $(BIN)/python ../shared/eval/geoparse_eval.py ../shared/eval/geoparse-dev.jsonl --task parse
	PATH=$(abspath $(BIN)):$$PATH $(BIN)/python ../shared/eval/geoparse_eval.py ../shared/eval/geoparse-dev.jsonl --task resolve

bench: install-test
	$(BIN)/python benchmarks/places_throughput.py
	$(BIN)/python benchmarks/events_throughput.py
	$(BIN)/python benchmarks/gazetteer_import.py
	$(BIN)/python benchmarks/map_scale.py

# docs/seed-map.png by the CLI alone (its own fit, the offline basemap), with Dabiq added as the README shows
docs: install-test
	rm -rf $(OUT)/docs-store && mkdir -p $(OUT)/docs-store
	GEO_GAZETTEER=$(OUT)/docs-store/g.sqlite $(BIN)/geo gazetteer add "Dabiq" --lat 36.537 --lon 37.271 --country SY \
		--admin1 Aleppo --kind town --alias Dabik --alias "دابق"
	GEO_GAZETTEER=$(OUT)/docs-store/g.sqlite $(BIN)/geo map $(SEED) --png -o docs/seed-map.png --offline --timeline \
		--title "Syria, 3-4 October 2016 (AP/NYT)" --width 1200 --height 760

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
