# The two commands a newcomer needs are `make run` and `make test`; every other
# target is a step they share.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test lint typecheck pytest cosmos-server frontend-test e2e browser bench setup frontend db clean

run: setup db
	$(BIN)/returndesk serve --host $(HOST) --port $(PORT)

test: setup lint typecheck pytest frontend-test e2e

setup: $(STAMP) frontend

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The UI is built only when the project has one; the Python app serves the result.
frontend:
	@if [ -f frontend/package.json ]; then $(MAKE) --no-print-directory -C frontend build; fi

db: $(STAMP)
	$(BIN)/returndesk db upgrade
	$(BIN)/returndesk seed demo --if-empty
	$(BIN)/returndesk staff demo-admin

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports
	$(BIN)/vulture

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) cosmos-server
	$(BIN)/pytest -n 2 --dist loadgroup

# The Cosmos DB server the tests run against (Node); installed again only when the lock
# file is newer than the last install. The stamp lives in node_modules, so it goes with it.
COSMOS_SERVER := tests/support/cosmos_server
COSMOS_STAMP := $(COSMOS_SERVER)/node_modules/.installed

cosmos-server: $(COSMOS_STAMP)

$(COSMOS_STAMP): $(COSMOS_SERVER)/package-lock.json
	cd $(COSMOS_SERVER) && npm ci --no-audit --no-fund
	touch $@

frontend-test: frontend
	@if [ -f frontend/package.json ]; then $(MAKE) --no-print-directory -C frontend test; fi

# Browser tests drive Debian's Chromium; it is installed here when missing and we may.
e2e: setup browser
	CHROMIUM_PATH=$(CHROMIUM) $(MAKE) --no-print-directory -C frontend e2e

browser:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else \
			echo "Chromium is missing at $(CHROMIUM): install Debian's chromium package (sudo apt-get install chromium) or set CHROMIUM=path."; exit 1; \
		fi; \
	fi

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) returndesk.db .pytest_cache .mypy_cache .ruff_cache frontend/node_modules
