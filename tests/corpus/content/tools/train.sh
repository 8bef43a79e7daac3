#!/usr/bin/env bash
# Makes the shipped content model from the shipped corpus, exactly as config/models/content.model
# was made (deploy/test.sh checks that the result is byte-identical):
#   tests/corpus/content/tools/train.sh [ORDINANCE_BINARY] [OUT]
set -euo pipefail
cd "$(dirname "$0")/../../../.."
BIN=${1:-build/ordinance}
OUT=${2:-config/models/content.model}
exec "$BIN" --config config/examples/ordinance.toml train --out "$OUT" tests/corpus/content/train tests/corpus/policy
