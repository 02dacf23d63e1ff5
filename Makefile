# Two commands do everything on a fresh Debian machine with Python 3.11:
#   make demo   - install, build the place database, add Dabiq, print the seed article's places
#   make test   - install test needs and run lint, types and the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED := seeds/000_ae893d0930690a7d.txt
OUT ?= out

.PHONY: demo test install install-test lint eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'

demo: install
	mkdir -p $(OUT)
	$(BIN)/geo places $(SEED) --format table
	$(BIN)/geo gazetteer add "Dabiq" --lat 36.537 --lon 37.271 --country SY --admin1 Aleppo --kind town \
		--alias Dabik --alias "دابق" --update
	$(BIN)/geo places $(SEED) --format geojson -o $(OUT)/seed-places.geojson
	@echo "wrote $(OUT)/seed-places.geojson"

lint: install-test
	$(BIN)/ruff check geo gazetteer maps tests benchmarks scripts
	$(BIN)/mypy

test: install-test lint
	$(BIN)/python -m pytest

eval: install
	PATH=$(abspath $(BIN)):$$PATH $(BIN)/python ../shared/eval/geoparse_eval.py ../shared/eval/geoparse-dev.jsonl --task parse
	PATH=$(abspath $(BIN)):$$PATH $(BIN)/python ../shared/eval/geoparse_eval.py ../shared/eval/geoparse-dev.jsonl --task resolve

bench: install
	$(BIN)/python benchmarks/places_throughput.py

clean:
	rm -rf $(VENV) $(OUT) *.egg-info .pytest_cache .mypy_cache .ruff_cache
