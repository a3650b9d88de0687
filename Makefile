# `make run` and `make test` set everything up from nothing: they create .venv when missing
# and (re)install the project whenever pyproject.toml changes. `make run` installs only what
# the planner needs; `make test` adds the dev tools (linters, type checker, pytest). Each
# has its own stamp, so `make test` after `make run` still adds the dev tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check

define make_venv
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "planner needs Python 3.11 or newer as '$(PYTHON)' (try: make PYTHON=python3.12 ...)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
endef

.PHONY: run test lint typecheck unit bench snapshot-update clean

$(RUN_STAMP): pyproject.toml
	$(make_venv)
	$(PIP_INSTALL) -e .
	@touch $(RUN_STAMP)

$(DEV_STAMP): pyproject.toml
	$(make_venv)
	$(PIP_INSTALL) -e '.[dev]'
	@touch $(DEV_STAMP)

run: $(RUN_STAMP)
	$(BIN)/planner $(ARGS)

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(DEV_STAMP)
	$(BIN)/mypy planner rules
	$(BIN)/mypy screens bench

# One pytest worker per core (pytest-xdist): the suite took ~9.5 min on one core of CI's two.
unit: $(DEV_STAMP)
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

test: lint typecheck unit

bench: $(RUN_STAMP)
	$(BIN)/python -m bench

snapshot-update: $(DEV_STAMP)
	$(BIN)/pytest tests/ui --snapshot-update

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
