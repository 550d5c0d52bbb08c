#!/usr/bin/env bash
# Every Makefile target's recipe, as `make -n` prints it (prerequisites included), must parse as
# shell. A step label with a top-level comma splits make's `call` arguments and leaves an
# unmatched quote: `make bench` failed that way with nothing in `make test` to notice.
set -euo pipefail
cd "$(dirname "$0")/.."

# The .PHONY list spans several lines (each but the last ends in a backslash).
targets="$(awk '/^\.PHONY:/{f=1} f{print} f && !/\\$/{f=0}' Makefile | sed 's/^\.PHONY://; s/\\//g' | tr -s ' \t' '\n' | grep -v '^$' | sort -u)"
[[ -n "$targets" ]] || { echo "recipes: no .PHONY targets found in the Makefile" >&2; exit 1; }
checked=0
for target in $targets; do
  if ! out="$(make -n --no-print-directory "$target" 2>&1)"; then
    echo "recipes: make -n $target failed:" >&2
    echo "$out" >&2
    exit 1
  fi
  if ! err="$(bash -n <<<"$out" 2>&1)"; then
    echo "recipes: the commands of 'make $target' do not parse as shell:" >&2
    echo "$err" >&2
    exit 1
  fi
  checked=$((checked + 1))
done
echo "recipes: the commands of $checked targets parse as shell"
