#!/usr/bin/env bash
# Reports what the built app costs to download: every file in dist/ raw, gzip -9 and
# brotli quality 11, with totals; then the catalog (data/*.json) the same way.
# With WASM_BROTLI_BUDGET (the full module) and LITE_BROTLI_BUDGET (the lite one,
# cris-atlas-lite-*) set, exits non-zero when a wasm module is over its brotli budget: `make test`
# passes the Makefile's ceilings, the sizes measured when the last feature landed, so no change
# makes a module larger unnoticed. What a page costs as a whole is tools/page-bytes.mjs's job
# (see the README's size section).
#
# Brotli is computed with Node's zlib (quality 11, 16 MiB window like the `brotli` CLI's
# default), so no extra package is needed; gzip with the system gzip.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh

budget="${WASM_BROTLI_BUDGET:-}" # the full module; unset: reported, not checked
lite_budget="${LITE_BROTLI_BUDGET:-}" # the lite module (explorer and static pages)
dist="${1:-dist}"
[[ -f "$dist/index.html" ]] || die "$dist/index.html not found: run 'make dist' first"
command -v node >/dev/null || die "node not found (needed for brotli)"

gzip_size() { gzip -9 -n -c "$@" | wc -c; }
brotli_size() {
  node -e '
    const zlib = require("zlib"), fs = require("fs");
    const data = Buffer.concat(process.argv.slice(1).map((f) => fs.readFileSync(f)));
    const out = zlib.brotliCompressSync(data, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    } });
    console.log(out.length);
  ' "$@"
}
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }

row() { printf '%-44s %10s %10s %10s  %s\n' "$@"; }

echo "dist: $dist/ (sizes in bytes)"
row file raw gzip-9 brotli-11 ""
total_raw=0 total_gz=0 total_br=0 wasm_count=0 over=()
while IFS= read -r -d '' file; do
  name="${file#"$dist"/}"
  raw="$(wc -c <"$file")"
  gz="$(gzip_size "$file")"
  br="$(brotli_size "$file")"
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  note=""
  if [[ "$name" == *.wasm ]]; then
    limit="$budget"
    [[ "$name" == cris-atlas-lite-* ]] && limit="$lite_budget"
    wasm_count=$((wasm_count + 1))
    note="<== wasm: brotli $(kb "$br")"
    if [[ -n "$limit" ]]; then
      note+=" of $(kb "$limit") ceiling"
      ((br <= limit)) || over+=("$name: brotli $(kb "$br") is over the $(kb "$limit") ceiling")
    fi
  fi
  row "$name" "$raw" "$gz" "$br" "$note"
done < <(find "$dist" -type f -print0 | sort -z)
row TOTAL "$total_raw" "$total_gz" "$total_br" "(brotli $(kb "$total_br"))"

echo
shopt -s nullglob
catalog=(data/*.json)
if ((${#catalog[@]})); then
  raw="$(cat "${catalog[@]}" | wc -c)"
  echo "catalog: ${#catalog[@]} JSON files in data/, concatenated (sizes in bytes)"
  row "data/*.json" "$raw" "$(cat "${catalog[@]}" | gzip -9 -n | wc -c)" "$(brotli_size "${catalog[@]}")" ""
else
  echo "catalog: no data/*.json files yet"
fi

echo
((wasm_count > 0)) || die "no .wasm file in $dist/"
if ((${#over[@]})); then
  printf 'size: FAIL %s\n' "${over[@]}" >&2
  exit 1
fi
echo "size: ok, $wasm_count wasm modules$([[ -n "$budget$lite_budget" ]] && echo ', each within its ceiling')"
