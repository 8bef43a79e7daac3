#!/usr/bin/env bash
# Journal search over a generated index: N messages (default 1,000,000) over five years,
# 5,000 people, 1-3 recipients each, FTS text; then timed searches by participant and date
# range, through the library (bench/journal_ingest search) and through the CLI.
#   bench/journal_search.sh [--build DIR] [--messages N] [--keep]
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$REPO/build
N=1000000
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=$2; shift 2 ;;
    --messages) N=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "journal_search.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
WORK=$(mktemp -d /tmp/ordinance-journal-search.XXXXXX)
[ "$KEEP" = 1 ] || trap 'rm -rf "$WORK"' EXIT
"$BUILD/bench/journal_ingest" gen-index "$WORK/index.sqlite" "$N"
sync "$WORK/index.sqlite"   # write-back of the generated file is not search time
"$BUILD/bench/journal_ingest" search "$WORK/index.sqlite" 20
CLI=("$BUILD/ordinance" --config "$REPO/config/examples/ordinance.toml" --set "journal.dir=$WORK" journal search)
for q in "--participant user17@modot.mo.gov --since 2023-01-01 --until 2023-12-31" \
         "--participant user4242@modot.mo.gov" \
         "--to user99@modot.mo.gov --since 2024-03-01 --until 2024-06-30 --text bridge"; do
  start=$(date +%s.%N)
  rows=$({ "${CLI[@]}" $q || true; } | wc -l)   # exit 1 = nothing found
  end=$(date +%s.%N)
  printf 'cli search %-75s %5d rows %6.3f s\n' "$q" "$rows" "$(echo "$end - $start" | bc)"
done
echo "index size: $(du -h "$WORK/index.sqlite" | cut -f1)"
