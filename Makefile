# Two commands do everything: `make site` (set up, build) and `make test` (set up, every test).
PYTHON ?= python3
VENV := build/venv
BIN := $(VENV)/bin
PY := $(BIN)/python
READY := $(VENV)/.ready

.PHONY: site test check generate serve browser clean

site: $(READY)
	$(PY) -m tools build

check: $(READY)
	$(PY) -m tools check

generate: $(READY)
	$(PY) -m tools generate

serve: $(READY)
	$(PY) -m tools serve

test: $(READY) browser
	$(PY) -m pytest

# A virtual environment with the pinned dependencies (tools/constraints.txt), remade when they change.
$(READY): pyproject.toml tools/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c tools/constraints.txt -e '.[test]'
	touch $@

# The browser tests need a Chromium: Debian's package when we are root on Debian, else Playwright's.
browser: $(READY)
	@$(PY) -m tools.chromium

clean:
	rm -rf build site docs/*.md docs/texts
