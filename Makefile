# Napoleon Sales Agent — the README's two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APT_PACKAGES := dovecot-imapd dovecot-lmtpd chromium chromium-driver fonts-dejavu-core poppler-utils docker-compose
PYTEST_ARGS ?=

.PHONY: setup run test test-unit test-integration test-e2e lint bench brain brain-bench clean apt

setup: apt $(STAMP)

# Debian packages for the test servers (Dovecot) and the browser tests (Chromium).
# Installed only when running as root and only what is missing, so a second run is instant.
apt:
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    echo "apt: installing$$missing"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	    systemctl disable --now dovecot >/dev/null 2>&1 || service dovecot stop >/dev/null 2>&1 || true; \
	  fi; \
	fi

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@set -o pipefail; $(BIN)/pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev]' 2>&1 \
	  | { grep -v 'is ignored: it is neither a file nor a directory' || true; }
	@touch $(STAMP)

run: setup
	$(BIN)/sales-agent run

test: setup
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

test-unit: setup
	$(BIN)/python -m pytest tests/unit $(PYTEST_ARGS)

test-integration: setup
	$(BIN)/python -m pytest tests/integration $(PYTEST_ARGS)

test-e2e: setup
	$(BIN)/python -m pytest tests/e2e $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src tests bench

bench: setup
	$(BIN)/python bench/store.py

# Rebuild the reply classifier's model from data/brain/ (a few minutes on 2 cores); the artifact
# is committed, so a fresh clone needs this only after the training data changes.
brain: setup
	$(BIN)/sales-agent brain train

# The classifier on the held-out split (figures recorded in BENCHMARKS.md).
brain-bench: setup
	$(BIN)/python bench/brain.py

clean:
	rm -rf $(VENV) .pytest_cache
