# Two commands rebuild and check everything on a fresh machine with Python 3.11:
#   make book   -> _build/html (and every figure in figures/)
#   make test   -> the whole test suite (unit, nbval, papermill, figures, book, browser)
# Both create .venv from the pinned lock file first (uv if it can be had, else pip).

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
UV_VERSION := 0.13.9

.PHONY: book test figures env lock bench clean

$(STAMP): requirements.lock requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@if $(BIN)/python -m pip install -q --disable-pip-version-check uv==$(UV_VERSION) 2>/dev/null; then \
	  echo "installing the locked environment with uv"; \
	  $(BIN)/uv pip install -q --compile-bytecode --python $(BIN)/python --require-hashes -r requirements.lock && \
	  $(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e . ; \
	else \
	  echo "uv unavailable: installing the locked environment with pip"; \
	  $(BIN)/python -m pip install -q --require-hashes -r requirements.lock && \
	  $(BIN)/python -m pip install -q --no-deps -e . ; \
	fi
	@$(BIN)/python -m compileall -q src
	@touch $(STAMP)

env: $(STAMP)

book: $(STAMP)
	$(BIN)/egov-repro book

figures: $(STAMP)
	$(BIN)/egov-repro figures

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Re-resolve the direct dependencies in requirements.in into exact pins.
lock: $(STAMP)
	$(BIN)/uv pip compile -q --python-version 3.11 --generate-hashes requirements.in -o requirements.lock
	$(BIN)/uv pip compile -q --python-version 3.11 --no-annotate --no-header requirements.in -o requirements.pins
	{ echo "# The package itself (editable) and its exact dependency pins (the same as"; \
	  echo "# requirements.lock, which adds hashes). Regenerate both with make lock."; \
	  echo "-e ."; cat requirements.pins; } > requirements.txt && rm requirements.pins

clean:
	rm -rf _build
