#!/usr/bin/env bash
# What the release WebAssembly module is made of: the same build as `make dist` (same flags,
# same wasm-bindgen, same wasm-opt passes) but with function names kept, read by
# tools/wasm-breakdown.mjs (twiggy cannot parse modules with bulk-memory and reference-types).
# Prints the size per crate (the app's own code per module, generic code counted where its type
# parameter lives), the data segments, and the largest functions. Sizes are of the optimised
# module, uncompressed; the README's size section is written from this report.
#
#   tools/size-report.sh [N]    N: how many of the largest functions to list (default 30)
#   BIN=cris-atlas-lite tools/size-report.sh    the lite module instead of the full one
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh

top="${1:-30}"
bin="${BIN:-cris-atlas}"
export PATH="$PWD/.tools/binaryen/node_modules/.bin:$CARGO_BIN:$PATH"

# The release build as `make dist` makes it (see WASM_SIZE_ENV in the Makefile).
RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zcross-crate-inline-threshold=always" \
  cargo build --locked --quiet --release --target wasm32-unknown-unknown -p cris-atlas --bin "$bin"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
wasm-bindgen --target web --keep-debug --out-dir "$out" "target/wasm32-unknown-unknown/release/$bin.wasm"
# Index.html's wasm-opt parameters, with names kept (-g) so each function can be attributed.
params="$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)"
# shellcheck disable=SC2086
wasm-opt -Oz -g $params "$out/${bin}_bg.wasm" -o "$out/named.wasm"
# Without names again, to report the size that ships.
# shellcheck disable=SC2086
wasm-opt -Oz --strip-debug $params "$out/named.wasm" -o "$out/shipped.wasm"
shipped="$(wc -c <"$out/shipped.wasm")"

echo "release module $bin, optimised: $shipped bytes uncompressed (names stripped)"
node tools/wasm-breakdown.mjs "$out/named.wasm" "$top"
