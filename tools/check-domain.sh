#!/usr/bin/env bash
# The domain layer (src/domain) is plain Rust shared by the browser app and the native
# `atlas` CLI, and is tested natively. It must not depend on the browser crates, so no file
# there may name yew, web_sys (web-sys) or gloo, not even in a comment.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=src/domain
[[ -d "$dir" ]] || { echo "domain: $dir does not exist" >&2; exit 1; }

pattern='\b(yew|web_sys|web-sys|gloo)\b'
if hits="$(grep -rnE "$pattern" "$dir")"; then
  echo "domain: $dir must not name browser crates; found:" >&2
  echo "$hits" >&2
  exit 1
fi
echo "domain: $(find "$dir" -name '*.rs' | wc -l) files in $dir name no browser crate"
