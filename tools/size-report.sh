#!/usr/bin/env bash
# What the release WebAssembly module is made of: the same build as `make dist` (same flags,
# same wasm-bindgen, same wasm-opt passes) but with function names kept, measured by twiggy.
# Prints the size per crate (each function's bytes attributed to the crate its name starts
# with; data segments as "data") and the largest functions. Sizes are of the optimised module,
# uncompressed; the README's size section is written from this report.
#
#   tools/size-report.sh [N]    N: how many of the largest functions to list (default 30)
#
# twiggy is installed on demand (cargo install, pinned below): it is only needed here.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh

top="${1:-30}"
twiggy_version=0.7.0
export PATH="$PWD/.tools/binaryen/node_modules/.bin:$CARGO_BIN:$PATH"
if [[ "$(twiggy --version 2>/dev/null | awk '{print $2}')" != "$twiggy_version" ]]; then
  echo "size-report: installing twiggy $twiggy_version (minutes: it compiles on this machine)" >&2
  cargo install --locked --quiet twiggy --version "$twiggy_version"
fi

# The release build as `make dist` makes it (see WASM_SIZE_ENV in the Makefile).
RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
  cargo build --locked --quiet --release --target wasm32-unknown-unknown --bin cris-atlas
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
wasm-bindgen --target web --keep-debug --out-dir "$out" target/wasm32-unknown-unknown/release/cris-atlas.wasm
# Index.html's wasm-opt parameters, with names kept (-g) so twiggy can attribute them.
params="$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)"
# shellcheck disable=SC2086
wasm-opt -Oz -g $params "$out/cris-atlas_bg.wasm" -o "$out/named.wasm"
# Without names again, to report the size that ships.
# shellcheck disable=SC2086
wasm-opt -Oz --strip-debug $params "$out/named.wasm" -o "$out/shipped.wasm"
shipped="$(wc -c <"$out/shipped.wasm")"

twiggy top --format csv -n 1000000 "$out/named.wasm" >"$out/top.csv"
echo "release module, optimised: $shipped bytes uncompressed (names stripped)"
echo
echo "per crate (bytes of the named module; function names demangled)"
awk -F, 'NR > 1 {
    name = $1; size = $2
    gsub(/^"|"$/, "", name)
    crate = "other"
    if (name ~ /^data\[/) crate = "data segments (catalog tables, strings)"
    else if (name ~ /^(<)?(&)?(mut )?[a-z_][a-z0-9_]*::/) {
      sub(/^<?&?(mut )?/, "", name); crate = name; sub(/::.*/, "", crate)
    }
    else if (name ~ /^(table|elem|type|import|export|code section|custom section)/) crate = "wasm sections"
    total[crate] += size; all += size
  }
  END { for (c in total) printf "%10d  %5.1f%%  %s\n", total[c], 100 * total[c] / all, c }' "$out/top.csv" | sort -rn | head -25
echo
echo "largest $top functions and data segments"
twiggy top -n "$top" "$out/named.wasm"
