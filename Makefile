# Two commands do everything: `make site` (set up, build) and `make test` (set up, every test).
PYTHON ?= python3
VENV := build/venv
BIN := $(VENV)/bin
PY := $(BIN)/python
READY := $(VENV)/.ready

.PHONY: site test lint check generate serve suggest browser audit clean pdf bench schemas epub

site: $(READY)
	$(PY) -m tools build

check: $(READY)
	$(PY) -m tools check

generate: $(READY)
	$(PY) -m tools generate

serve: $(READY)
	$(PY) -m tools serve

# Names and acronyms the texts use that the glossary does not cover, and entries no text uses.
suggest: $(READY)
	$(PY) -m tools suggest

# JSON Schemas of the seeds/ files (seeds/.schemas/), for editors' YAML extensions; committed.
schemas: $(READY)
	$(PY) -m tools schemas

# The edition as an EPUB 3 book (build/<edition-slug>.epub); `make site` also builds it and links it from the index.
epub: $(READY)
	$(PY) -m tools epub

test: $(READY) lint browser
	$(PY) -m pytest

# The gates, before any test: lint (rules in pyproject.toml), strict types, and the layers contract
# (no stage imports a later one; the generator never imports tools/dev).
lint: $(READY)
	$(BIN)/ruff check tools tests
	$(BIN)/mypy
	$(BIN)/lint-imports

# A virtual environment with the pinned dependencies (tools/constraints.txt), remade when they change.
$(READY): pyproject.toml tools/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c tools/constraints.txt -e '.[test]'
	touch $@

# The browser tests need a Chromium: Debian's package when we are root on Debian, else Playwright's.
browser: $(READY)
	@$(PY) -m tools.site.chromium

# Known vulnerabilities in the pinned set (tools/constraints.txt), from PyPI's advisory data: needs the
# network, so it is not part of `make test`. pip-audit gets its own virtual environment, so it never
# changes the pinned one; --no-deps because the constraints already list every dependency; --strict so
# that a package the service cannot check fails the audit instead of being skipped.
AUDIT := build/audit-venv
audit: $(READY)
	$(PYTHON) -m venv $(AUDIT)
	$(AUDIT)/bin/pip install --quiet --disable-pip-version-check pip-audit==2.10.1
	$(AUDIT)/bin/pip-audit --strict --disable-pip --no-deps --progress-spinner off -r tools/constraints.txt

# How the generator and the site scale with texts and glossary size (issue 6): prints a table and writes
# build/bench.json and BENCHMARKS.md. Not part of `make test`: the full run takes long (see BENCHMARKS.md);
# `$(PY) -m tools.dev.bench --quick` is a smoke run, and BENCH_ARGS passes options (e.g. --texts 10,100).
bench: $(READY)
	$(PY) -m tools.dev.bench $(BENCH_ARGS)

clean:
	rm -rf build site docs/*.md docs/texts

# The whole edition as a PDF (build/<edition-slug>.pdf), printed from the built site's print page by headless Chromium.
pdf: site browser
	$(PY) -m tools.site.pdf
