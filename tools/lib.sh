# Shared by the scripts in tools/: paths and version pins. Sourced, not run.
# Expects the current directory to be the repository root.

die() { echo "error: $*" >&2; exit 1; }

# Where `cargo install` puts binaries (same precedence as cargo: CARGO_INSTALL_ROOT, then
# CARGO_HOME, then ~/.cargo). The Makefile puts this directory on PATH the same way.
CARGO_BIN="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin"

# Debian's Chromium and ChromeDriver (packages chromium, chromium-driver).
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

# The version of package $1 recorded in Cargo.lock; fails if it is not there exactly once.
cargo_lock_version() {
  local versions
  versions="$(awk -v name="$1" '
    $0 == "[[package]]" { in_pkg = 0 }
    $0 == "name = \"" name "\"" { in_pkg = 1; next }
    in_pkg && /^version = / { gsub(/"/, "", $3); print $3; in_pkg = 0 }
  ' Cargo.lock)"
  [[ -n "$versions" ]] || die "$1 is not in Cargo.lock"
  [[ "$(wc -l <<<"$versions")" == 1 ]] || die "Cargo.lock holds several versions of $1: $(tr '\n' ' ' <<<"$versions")"
  echo "$versions"
}

# The value of a `key = "value"` line in Trunk.toml (first match, any table).
trunk_toml_value() {
  local value
  value="$(sed -n "s/^$1[[:space:]]*=[[:space:]]*\"\\([^\"]*\\)\".*/\\1/p" Trunk.toml | head -n1)"
  [[ -n "$value" ]] || die "Trunk.toml has no $1 setting"
  echo "$value"
}

# The exact Trunk version Trunk.toml requires (`trunk-version = "=X.Y.Z"`).
trunk_version_pin() {
  local req
  req="$(trunk_toml_value trunk-version)"
  [[ "$req" =~ ^=([0-9]+\.[0-9]+\.[0-9]+)$ ]] || die "Trunk.toml trunk-version must be an exact pin like \"=0.21.14\", got \"$req\""
  echo "${BASH_REMATCH[1]}"
}
