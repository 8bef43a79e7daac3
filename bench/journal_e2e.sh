#!/usr/bin/env bash
# End-to-end cost of the journal: bench/mta.sh (a private Postfix with the milter, mixed
# corpus, 20 sessions) twice, with [journal] enabled=false and with the journal on a fresh
# directory. Prints both results and the on/off ratio (target: within 15%, i.e. >= 0.85).
#   bench/journal_e2e.sh [--build DIR] [--messages N]      (root; everything stopped by PID)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$REPO/build
MESSAGES=2000
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=$2; shift 2 ;;
    --messages) MESSAGES=$2; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "journal_e2e.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
WORK=$(mktemp -d /tmp/ordinance-journal-e2e.XXXXXX)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT
off=$(MILTER_EXTRA_ARGS="--set journal.enabled=false" "$REPO/bench/mta.sh" --build "$BUILD" --messages "$MESSAGES" | grep '^mta:')
echo "journal off: $off"
on=$(MILTER_EXTRA_ARGS="--set journal.dir=$WORK/journal" "$REPO/bench/mta.sh" --build "$BUILD" --messages "$MESSAGES" | grep '^mta:')
echo "journal on:  $on"
entries=$(find "$WORK/journal/entries" -name '*.ojm' | wc -l)
echo "journal entries written: $entries; size $(du -sh "$WORK/journal" | cut -f1)"
rate() { sed -n 's/.* milter=\([0-9.]*\) msg\/s.*/\1/p' <<<"$1"; }
python3 - "$(rate "$off")" "$(rate "$on")" <<'PY'
import sys
off, on = float(sys.argv[1]), float(sys.argv[2])
print(f"journal_e2e: milter without journal={off:.1f} msg/s with journal={on:.1f} msg/s ratio={on/off:.2f}")
PY
