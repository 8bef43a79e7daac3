#!/usr/bin/env bash
# End-to-end throughput through a private Postfix, without and with the milter.
set -euo pipefail

PROG=${0##*/}
# shellcheck source=bench/lib/mta_common.sh
. "$(dirname "$0")/lib/mta_common.sh"

usage() {
    cat <<EOF
Usage: $PROG [--build DIR] [--messages N] [--sessions S] [--baseline-only] [--unique] [--socket inet|unix]
              [--profile] [--keep]

Measures messages/s through a private Postfix on 127.0.0.1 (deploy/postfix-instance.sh)
that relays to smtp-sink:
  run A: no milter
  run B: smtpd_milters = inet:127.0.0.1:PORT -> BUILD/ordinance-milter, started as
         BUILD/ordinance-milter --config config/examples/ordinance.toml \\
             --set milter.socket=inet:127.0.0.1:PORT --set milter.spool_dir=WORK/milter-spool \\
             --set journal.dir=WORK/journal \\
             [--set milter.user=   (only when user 'ordinance' does not exist)] \$MILTER_EXTRA_ARGS
Load: bench/smtp_load.py, S concurrent SMTP sessions (one connection each, RSET between
messages) sending N messages in total, a mix in equal thirds of ~2 KB plain text,
~20 KB HTML and ~200 KB with a base64 attachment. Rate = delivered / (last delivery at
the sink - first send). Prints:
  mta: no-milter=XXX msg/s milter=YYY msg/s ratio=0.ZZ
and on stderr, per run, the machine's CPU use and CPU ms per message by process
("$PROG: cpu NAME: ...").

Options:
  --build DIR       build directory holding ordinance-milter (default: REPO/build)
  --messages N      messages per run (default 2000)
  --sessions S      concurrent SMTP sessions (default 20)
  --baseline-only   run A only (no milter needed)
  --unique          a different attachment in every message (smtp_load.py --unique)
  --socket S        inet (default): the milter on 127.0.0.1; unix: on a unix socket in the work
                    directory, where Postfix does not wait for an answer to each header
  --profile         perf record of the milter during run B; top functions on stderr
  --keep            keep the work directory (instances, dumps, logs)
Environment:
  MILTER_EXTRA_ARGS extra arguments for ordinance-milter (word-split)
  BENCH_WORKDIR     parent for the work directory (default /tmp)
Must run as root (Postfix instance). Everything started is stopped by PID on exit/Ctrl-C.
Shared code: bench/lib/mta_common.sh.
EOF
}

BUILD=$REPO/build
MESSAGES=2000
SESSIONS=20
KEEP=0
LATENCY=0
BASELINE_ONLY=0
mta_option() {
    case $1 in
        --baseline-only) BASELINE_ONLY=1; MTA_SHIFT=1 ;;
        *) return 1 ;;
    esac
}
mta_parse_args "$@"
mta_require_root
if ((!BASELINE_ONLY)); then
    [[ -x $BUILD/ordinance-milter ]] ||
        die "$BUILD/ordinance-milter not found (build it, pass --build DIR, or use --baseline-only)"
    [[ -r $MILTER_CONFIG ]] || die "$MILTER_CONFIG not found"
fi
mta_make_work ordinance-bench-mta

mta_run no-milter
RATE_A=$RATE
log "run A (no milter): $RATE_A msg/s"
if ((BASELINE_ONLY)); then
    echo "mta: no-milter=$RATE_A msg/s milter=skipped"
    exit 0
fi

MILTER_PORT=$(mta_free_port)
mta_start_ordinance "$MILTER_PORT"
CPU_PIDS="ordinance-milter=$ORD_PID" mta_run milter --milter "$ORD_SOCKET" --milter-default-action tempfail
RATE_B=$RATE
log "run B (milter): $RATE_B msg/s"
mta_stop "$ORD_PID:ordinance-milter"

RATIO=$(python3 -c "import sys; print(f'{float(sys.argv[2])/float(sys.argv[1]):.2f}')" "$RATE_A" "$RATE_B")
printf 'mta: no-milter=%.0f msg/s milter=%.0f msg/s ratio=%s\n' "$RATE_A" "$RATE_B" "$RATIO"
