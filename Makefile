# Two commands for a new machine (Python 3.11, nothing installed):
#   make demo   create .venv, install rasd, ingest the bundled samples, show what was found
#   make test   create .venv, install rasd with test tools, lint and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo.db

.PHONY: demo test lint bench clean

$(BIN)/rasd: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/rasd

demo: $(BIN)/rasd
	rm -f $(DEMO_DB)
	$(BIN)/rasd --db $(DEMO_DB) ingest --samples
	$(BIN)/rasd --db $(DEMO_DB) stats
	$(BIN)/rasd --db $(DEMO_DB) events
	$(BIN)/rasd --db $(DEMO_DB) search انشقاق

test: $(BIN)/rasd
	$(BIN)/ruff check .
	$(BIN)/pytest

bench: $(BIN)/rasd
	$(BIN)/python bench/text.py
	$(BIN)/python bench/places.py

clean:
	rm -rf $(VENV) $(DEMO_DB) *.egg-info
