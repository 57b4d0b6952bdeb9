# Two commands rebuild and check everything on a fresh machine with Python >= 3.11:
#   make book   -> _build/html (and every figure in figures/)
#   make test   -> the whole test suite (unit, nbval, papermill, figures, book, browser)
# Both first sync .venv to the pinned lock file (uv if it can be had, else pip).

# python3.11 (what CI and Binder use) when present, otherwise any python3 >= 3.11.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null || echo python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The same as shell words, quoted: a clone's folder (and so a venv's or an interpreter's
# path) may hold spaces, quotes or non-ASCII letters.
shell_word = '$(subst ','\'',$(1))'
# A PYTHON given on the command line or in the environment is taken literally ($ too).
PYTHON_SH = $(call shell_word,$(if $(filter command% environment%,$(origin PYTHON)),$(value PYTHON),$(PYTHON)))
VENV_SH   = $(call shell_word,$(VENV))
BIN_SH    = $(call shell_word,$(BIN))
UV_VERSION := 0.13.9

.PHONY: book test figures env lock lint bench clean check-python pdf lab lab-env

check-python:
	@$(PYTHON_SH) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || { \
	  echo "egov-repro needs Python 3.11 or newer; '"$(PYTHON_SH)"' is $$($(PYTHON_SH) --version 2>&1 || echo missing)."; \
	  echo "Install Python 3.11+ and run e.g. 'make book PYTHON=python3.12'."; exit 1; }

# The environment is *synced* to the lock: packages the lock no longer lists are removed
# (uv pip sync; the pip fallback rebuilds the environment from scratch instead).
$(STAMP): requirements.lock pyproject.toml | check-python
	@test -x $(BIN_SH)/python || $(PYTHON_SH) -m venv $(VENV_SH)
	@if $(BIN_SH)/python -m pip install -q --disable-pip-version-check uv==$(UV_VERSION) 2>/dev/null; then \
	  echo "syncing .venv to requirements.lock with uv"; \
	  $(BIN_SH)/uv pip sync -q --compile-bytecode --python $(BIN_SH)/python --require-hashes requirements.lock && \
	  $(BIN_SH)/uv pip install -q --python $(BIN_SH)/python --no-deps -e . ; \
	else \
	  echo "uv unavailable: rebuilding .venv from requirements.lock with pip"; \
	  rm -rf $(VENV_SH) && $(PYTHON_SH) -m venv $(VENV_SH) && \
	  $(BIN_SH)/python -m pip install -q --require-hashes -r requirements.lock && \
	  $(BIN_SH)/python -m pip install -q --no-deps -e . ; \
	fi
	@$(BIN_SH)/python -m compileall -q src
	@touch $(STAMP)

env: $(STAMP)

book: $(STAMP)
	$(BIN_SH)/egov-repro book
	@$(BIN_SH)/python -c 'from egov_repro.pdf import missing_printer as m; t = m(); t and print(t)'

figures: $(STAMP)
	$(BIN_SH)/egov-repro figures

# The site audit's Lighthouse (pinned in benchmarks/package-lock.json), when npm exists;
# without it the audit is skipped with its reason (and fails under CI=true).
LIGHTHOUSE := benchmarks/node_modules/.bin/lighthouse
$(LIGHTHOUSE): benchmarks/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix benchmarks --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the Lighthouse site audit will be skipped"; fi

test: $(STAMP) $(LIGHTHOUSE)
	$(BIN_SH)/python -m pytest -n 2

lint: $(STAMP)
	$(BIN_SH)/ruff check . && $(BIN_SH)/ruff format --check .

bench: $(STAMP)
	$(BIN_SH)/python benchmarks/run.py

# Re-resolve pyproject.toml's dependencies (and its test extra) into exact pins for every
# platform (Linux, macOS, Windows) and Python 3.11-3.13: requirements.lock has hashes,
# requirements.txt the same pins plus the package itself (what Binder installs).
lock: $(STAMP)
	$(BIN_SH)/uv pip compile -q --universal --python-version 3.11 --generate-hashes --extra test --extra pdf pyproject.toml -o requirements.lock
	$(BIN_SH)/uv pip compile -q --universal --python-version 3.11 --generate-hashes --extra test --extra pdf --extra lab -c requirements.lock pyproject.toml -o requirements-lab.lock
	{ echo "# The package itself (editable) and its exact dependency pins: requirements.lock"; \
	  echo "# without the hashes. Regenerate both with make lock."; \
	  echo "-e ."; awk '/^[A-Za-z0-9]/ { sub(/ \\$$/, ""); print }' requirements.lock; } > requirements.txt

# The book as one PDF per edition (_build/pdf/egov-repro-<lang>.pdf), printed from the
# built HTML by Chromium (Debian's chromium, else Playwright's own) after `egov-repro
# book`, which is a no-op when the book is built.
pdf: $(STAMP)
	$(BIN_SH)/egov-repro book
	$(BIN_SH)/egov-repro pdf

# JupyterLab on the book, with the project's kernel as the default. JupyterLab is not in
# requirements.lock (make book and make test do not carry it): requirements-lab.lock holds
# the same pins plus JupyterLab's, installed into .venv on first use.
LAB_STAMP := $(VENV)/.lab-installed
$(LAB_STAMP): requirements-lab.lock $(STAMP)
	@if test -x $(BIN_SH)/uv; then \
	  $(BIN_SH)/uv pip install -q --compile-bytecode --python $(BIN_SH)/python --require-hashes -r requirements-lab.lock; \
	else \
	  $(BIN_SH)/python -m pip install -q --require-hashes -r requirements-lab.lock; \
	fi
	@touch $(LAB_STAMP)

lab-env: $(LAB_STAMP)

lab: $(LAB_STAMP)
	$(BIN_SH)/egov-repro lab

clean:
	rm -rf _build
