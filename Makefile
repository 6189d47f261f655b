# Two commands for a newcomer: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The browser tests drive this Chromium; never a downloaded one.
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test check serve export browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# pip checks every package against its hash in the lock; the project itself cannot be hashed.
$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## site: install everything, build the website into site/ and the offline zip into dist/
site: $(VENV)/.installed node_modules/.installed
	$(BIN)/python -m generator build

## test: install what the tests need and run them all
test: $(VENV)/.installed node_modules/.installed browser
	$(BIN)/ruff check generator tests
	$(BIN)/mypy
	$(BIN)/python -m pytest

## check: validate the content only (fast)
check: $(VENV)/.installed
	$(BIN)/python -m generator check

## serve: preview the site at http://127.0.0.1:8000, reloading when content changes
serve: $(VENV)/.installed node_modules/.installed
	$(BIN)/mkdocs serve --dirty

## export: write the whole site source (mkdocs.yml, docs/, overrides/) into build/source/
export: $(VENV)/.installed node_modules/.installed
	$(BIN)/python -m generator export build/source

## browser: install Debian's Chromium for the browser tests when it is missing (needs root)
browser:
	@if [ ! -x "$(CHROMIUM_PATH)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is not installed: browser tests will be skipped (run as root to install it)."; \
	  fi; \
	fi

clean:
	rm -rf site dist build $(VENV) node_modules
