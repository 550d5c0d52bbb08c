#!/usr/bin/env bash
# Fails when the tool versions Trunk.toml pins drift from what the build really uses:
# wasm-bindgen must equal the crate version in Cargo.lock, wasm-opt the binaryen package
# in tools/binaryen. Trunk runs offline, so a drift would otherwise only show up as a
# confusing "unable to download in offline mode" error on the next build.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh

status=0

lock_wbg="$(cargo_lock_version wasm-bindgen)"
toml_wbg="$(trunk_toml_value wasm_bindgen)"
if [[ "$lock_wbg" == "$toml_wbg" ]]; then
  echo "pins: wasm-bindgen $toml_wbg (Trunk.toml) matches Cargo.lock"
else
  echo "pins: Trunk.toml [tools] wasm_bindgen = \"$toml_wbg\" but Cargo.lock has wasm-bindgen $lock_wbg" >&2
  status=1
fi

binaryen="$(sed -n 's/.*"binaryen":[[:space:]]*"\([^"]*\)".*/\1/p' tools/binaryen/package.json)"
[[ "$binaryen" =~ ^[0-9]+\.0\.0$ ]] || die "tools/binaryen/package.json must pin binaryen exactly (like 132.0.0), got \"$binaryen\""
toml_opt="$(trunk_toml_value wasm_opt)"
if [[ "$toml_opt" == "version_${binaryen%%.*}" ]]; then
  echo "pins: wasm-opt $toml_opt (Trunk.toml) matches tools/binaryen (binaryen $binaryen)"
else
  echo "pins: Trunk.toml [tools] wasm_opt = \"$toml_opt\" but tools/binaryen pins binaryen $binaryen (want \"version_${binaryen%%.*}\")" >&2
  status=1
fi

trunk_pin="$(trunk_version_pin)"
echo "pins: trunk $trunk_pin (Trunk.toml trunk-version)"

exit "$status"
