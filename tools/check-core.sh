#!/usr/bin/env bash
# The core (crates/core) is shared by the browser app and the native `atlas` command line and
# is tested natively. It must not depend on a browser crate: its normal dependency tree may not
# hold yew, web-sys, js-sys, wasm-bindgen or gloo. (File, network, process, environment and clock
# APIs are forbidden inside it by crates/core/clippy.toml, which `make lint` enforces.)
set -euo pipefail
cd "$(dirname "$0")/.."

tree="$(cargo tree --locked --offline -p cris-atlas-core -e normal --prefix none --format '{p}' \
  --target wasm32-unknown-unknown)"
[[ -n "$tree" ]] || { echo "core: cargo tree printed nothing" >&2; exit 1; }
if hits="$(grep -E '^(yew|web-sys|js-sys|wasm-bindgen|gloo)[ -]' <<<"$tree")"; then
  echo "core: crates/core depends on a browser crate:" >&2
  echo "$hits" >&2
  exit 1
fi
echo "core: $(sort -u <<<"$tree" | wc -l) crates in the core's tree, no browser crate"
