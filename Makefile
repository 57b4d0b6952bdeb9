# Two commands rebuild and check everything on a fresh machine with Python >= 3.11:
#   make book   -> _build/html (and every figure in figures/)
#   make test   -> the whole test suite (unit, nbval, papermill, figures, book, browser)
# Both first sync .venv to the pinned lock file (uv if it can be had, else pip): make book
# installs only what the book needs (requirements.lock); make test adds the test tools
# (requirements-test.lock), make pdf the PDF printer (requirements-pdf.lock) and make lab
# JupyterLab (requirements-lab.lock), each with the same pins for what they share.

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

.PHONY: book test figures env lock lint bench clean check-python pdf lab lab-env test-env pdf-env

check-python:
	@$(PYTHON_SH) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || { \
	  echo "egov-repro needs Python 3.11 or newer; '"$(PYTHON_SH)"' is $$($(PYTHON_SH) --version 2>&1 || echo missing)."; \
	  echo "Install Python 3.11+ and run e.g. 'make book PYTHON=python3.12'."; exit 1; }

# The environment is *synced* to the book's lock: packages it no longer lists are removed
# (uv pip sync; the pip fallback rebuilds the environment from scratch instead), and the
# groups installed on top of it (test, pdf, lab) are installed again after such a sync.
$(STAMP): requirements.lock requirements-uv.lock pyproject.toml | check-python
	@test -x $(BIN_SH)/python || $(PYTHON_SH) -m venv $(VENV_SH)
	@if $(BIN_SH)/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements-uv.lock 2>/dev/null; then \
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

# $(call install_group,LOCK,STAMP): add a group's pinned packages to .venv (its lock holds
# the book's pins too, so nothing the book uses changes version).
define install_group
	@if test -x $(BIN_SH)/uv; then \
	  $(BIN_SH)/uv pip install -q --compile-bytecode --python $(BIN_SH)/python --require-hashes -r $(1); \
	else \
	  $(BIN_SH)/python -m pip install -q --require-hashes -r $(1); \
	fi
	@touch $(2)
endef

TEST_STAMP := $(VENV)/.test-installed
$(TEST_STAMP): requirements-test.lock $(STAMP)
	$(call install_group,requirements-test.lock,$(TEST_STAMP))

test-env: $(TEST_STAMP)

PDF_STAMP := $(VENV)/.pdf-installed
$(PDF_STAMP): requirements-pdf.lock $(STAMP)
	$(call install_group,requirements-pdf.lock,$(PDF_STAMP))

pdf-env: $(PDF_STAMP)

book: $(STAMP)
	$(BIN_SH)/egov-repro book
	@$(BIN_SH)/python -c 'from egov_repro.site.pdf import missing_printer as m; t = m(); t and print(t)'

figures: $(STAMP)
	$(BIN_SH)/egov-repro figures

# The site audit's Lighthouse (pinned in benchmarks/package-lock.json), when npm exists;
# without it the audit is skipped with its reason (and fails under CI=true).
LIGHTHOUSE := benchmarks/node_modules/.bin/lighthouse
$(LIGHTHOUSE): benchmarks/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix benchmarks --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the Lighthouse site audit will be skipped"; fi

test: $(TEST_STAMP) $(LIGHTHOUSE)
	$(BIN_SH)/python -m pytest -n 2

lint: $(TEST_STAMP)
	$(BIN_SH)/ruff check . && $(BIN_SH)/ruff format --check .

bench: $(TEST_STAMP)
	$(BIN_SH)/python benchmarks/run.py

# Re-resolve pyproject.toml's dependencies and extras into exact pins for every platform
# (Linux, macOS, Windows) and Python 3.11-3.13, with hashes: requirements.lock the book's
# (the dependencies alone), requirements-test.lock those plus the test and pdf extras,
# requirements-pdf.lock and requirements-lab.lock the book's plus one extra. Each is
# constrained by the one before, so a package has one version in all four and the groups
# can be installed together. requirements.txt: the book's pins plus the package itself.
# requirements-uv.lock: uv itself (UV_VERSION), installed by its hashes before anything.
UV_COMPILE = $(BIN_SH)/uv pip compile -q --universal --python-version 3.11 --generate-hashes
lock: $(STAMP)
	echo "uv==$(UV_VERSION)" | $(UV_COMPILE) --no-header - -o requirements-uv.lock
	$(UV_COMPILE) pyproject.toml -o requirements.lock
	$(UV_COMPILE) --extra test --extra pdf -c requirements.lock pyproject.toml -o requirements-test.lock
	$(UV_COMPILE) --extra pdf -c requirements-test.lock pyproject.toml -o requirements-pdf.lock
	$(UV_COMPILE) --extra lab -c requirements-test.lock pyproject.toml -o requirements-lab.lock
	{ echo "# The package itself (editable) and its exact dependency pins: requirements.lock"; \
	  echo "# without the hashes. Regenerate both with make lock."; \
	  echo "-e ."; awk '/^[A-Za-z0-9]/ { sub(/ \\$$/, ""); print }' requirements.lock; } > requirements.txt

# The book as one PDF per edition (_build/pdf/egov-repro-<lang>.pdf), printed from the
# built HTML by Chromium (Debian's chromium, else Playwright's own) after `egov-repro
# book`, which is a no-op when the book is built. The printer (Playwright, pypdf) is the
# pdf group, installed here on first use.
pdf: $(PDF_STAMP)
	$(BIN_SH)/egov-repro book
	$(BIN_SH)/egov-repro pdf

# JupyterLab on the book, with the project's kernel as the default. JupyterLab is not in
# requirements.lock (make book and make test do not carry it): requirements-lab.lock holds
# the same pins plus JupyterLab's, installed into .venv on first use.
LAB_STAMP := $(VENV)/.lab-installed
$(LAB_STAMP): requirements-lab.lock $(STAMP)
	$(call install_group,requirements-lab.lock,$(LAB_STAMP))

lab-env: $(LAB_STAMP)

lab: $(LAB_STAMP)
	$(BIN_SH)/egov-repro lab

clean:
	rm -rf _build
