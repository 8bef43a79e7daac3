#!/usr/bin/env bash
# End-to-end throughput through a private Postfix, without and with the milter.
set -euo pipefail

PROG=${0##*/}
REPO=$(cd "$(dirname "$0")/.." && pwd)
INSTANCE=$REPO/deploy/postfix-instance.sh
LOAD=$REPO/bench/smtp_load.py

usage() {
    cat <<EOF
Usage: $PROG [--build DIR] [--messages N] [--sessions S] [--baseline-only] [--keep]

Measures messages/s through a private Postfix on 127.0.0.1 (deploy/postfix-instance.sh)
that relays to smtp-sink:
  run A: no milter
  run B: smtpd_milters = inet:127.0.0.1:PORT -> BUILD/ordinance-milter, started as
         BUILD/ordinance-milter --config config/examples/ordinance.toml \\
             --set milter.socket=inet:127.0.0.1:PORT --set milter.spool_dir=WORK/milter-spool \\
             [--set milter.user=   (only when user 'ordinance' does not exist)] \$MILTER_EXTRA_ARGS
Load: bench/smtp_load.py, S concurrent SMTP sessions (one connection each, RSET between
messages) sending N messages in total, a mix in equal thirds of ~2 KB plain text,
~20 KB HTML and ~200 KB with a base64 attachment. Rate = delivered / (last delivery at
the sink - first send). Prints:
  mta: no-milter=XXX msg/s milter=YYY msg/s ratio=0.ZZ

Options:
  --build DIR       build directory holding ordinance-milter (default: REPO/build)
  --messages N      messages per run (default 2000)
  --sessions S      concurrent SMTP sessions (default 20)
  --baseline-only   run A only (no milter needed)
  --keep            keep the work directory (instances, dumps, logs)
Environment:
  MILTER_EXTRA_ARGS extra arguments for ordinance-milter (word-split)
  BENCH_WORKDIR     parent for the work directory (default /tmp)
Must run as root (Postfix instance). Everything started is stopped by PID on exit/Ctrl-C.
EOF
}

die() { echo "$PROG: error: $*" >&2; exit 1; }
log() { echo "$PROG: $*" >&2; }

BUILD=$REPO/build
MESSAGES=2000
SESSIONS=20
BASELINE_ONLY=0
KEEP=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --build) BUILD=${2:?}; shift 2 ;;
        --build=*) BUILD=${1#*=}; shift ;;
        --messages) MESSAGES=${2:?}; shift 2 ;;
        --messages=*) MESSAGES=${1#*=}; shift ;;
        --sessions) SESSIONS=${2:?}; shift 2 ;;
        --sessions=*) SESSIONS=${1#*=}; shift ;;
        --baseline-only) BASELINE_ONLY=1; shift ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument '$1'" ;;
    esac
done
[[ $MESSAGES =~ ^[1-9][0-9]*$ && $SESSIONS =~ ^[1-9][0-9]*$ ]] || die "--messages/--sessions must be positive integers"
[[ $EUID == 0 ]] || die "must run as root (private Postfix instance)"
BUILD=$(realpath -m -- "$BUILD")
MILTER_BIN=$BUILD/ordinance-milter
MILTER_CONFIG=$REPO/config/examples/ordinance.toml
if ((!BASELINE_ONLY)); then
    [[ -x $MILTER_BIN ]] || die "$MILTER_BIN not found (build it, pass --build DIR, or use --baseline-only)"
    [[ -r $MILTER_CONFIG ]] || die "$MILTER_CONFIG not found"
fi

WORK=$(mktemp -d "${BENCH_WORKDIR:-/tmp}/ordinance-bench-mta.XXXXXX")
chmod 755 "$WORK"
STARTED_DIRS=()
MILTER_PID=
LOAD_PID=

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n $LOAD_PID ]] && kill -0 "$LOAD_PID" 2>/dev/null; then
        kill -TERM "$LOAD_PID" 2>/dev/null || true
        wait "$LOAD_PID" 2>/dev/null || true
    fi
    local d
    for d in "${STARTED_DIRS[@]}"; do
        "$INSTANCE" stop "$d" >/dev/null 2>&1 || log "warning: could not stop instance $d"
    done
    stop_milter
    if ((KEEP)); then
        log "work directory kept: $WORK"
    else
        rm -rf -- "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'log interrupted; exit 130' INT
trap 'log terminated; exit 143' TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

port_listening() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

stop_milter() {
    [[ -n $MILTER_PID ]] || return 0
    # Only kill the PID we started, and only while it is still ordinance-milter.
    if tr '\0' ' ' 2>/dev/null </proc/"$MILTER_PID"/cmdline | grep -q 'ordinance-milter'; then
        kill -TERM "$MILTER_PID" 2>/dev/null || true
        local i
        for ((i = 0; i < 50; i++)); do
            kill -0 "$MILTER_PID" 2>/dev/null || break
            [[ $(awk '{print $3}' /proc/"$MILTER_PID"/stat 2>/dev/null) == Z ]] && break
            sleep 0.1
        done
        if kill -0 "$MILTER_PID" 2>/dev/null && [[ $(awk '{print $3}' /proc/"$MILTER_PID"/stat 2>/dev/null) != Z ]]; then
            log "milter pid $MILTER_PID did not stop on SIGTERM; killing it"
            kill -KILL "$MILTER_PID" 2>/dev/null || true
        fi
    fi
    wait "$MILTER_PID" 2>/dev/null || true
    MILTER_PID=
}

start_milter() { # PORT
    local port=$1 spool=$WORK/milter-spool
    mkdir -p "$spool"
    local args=(--config "$MILTER_CONFIG" --set "milter.socket=inet:127.0.0.1:$port"
                --set "milter.spool_dir=$spool" --set "journal.dir=$WORK/journal")
    if ! getent passwd ordinance >/dev/null; then
        args+=(--set "milter.user=")   # no 'ordinance' user here: stay root (benchmark only)
    fi
    # shellcheck disable=SC2206
    args+=(${MILTER_EXTRA_ARGS:-})
    log "starting $MILTER_BIN ${args[*]}"
    "$MILTER_BIN" "${args[@]}" </dev/null >>"$WORK/milter.log" 2>&1 &
    MILTER_PID=$!
    local deadline=$((SECONDS + 15))
    until port_listening "$port"; do
        kill -0 "$MILTER_PID" 2>/dev/null || { tail -n 20 "$WORK/milter.log" >&2; die "ordinance-milter exited; see above"; }
        ((SECONDS < deadline)) || { tail -n 20 "$WORK/milter.log" >&2; die "ordinance-milter not listening on 127.0.0.1:$port after 15s"; }
        sleep 0.1
    done
}

# run NAME [postfix-instance.sh start options] -> sets RATE (msg/s)
run() {
    local name=$1; shift
    local dir=$WORK/$name smtp sink out
    smtp=$(free_port); sink=$(free_port)
    while [[ $sink == "$smtp" ]]; do sink=$(free_port); done
    STARTED_DIRS+=("$dir")
    "$INSTANCE" start "$dir" --smtp-port "$smtp" --sink-port "$sink" "$@" >&2
    log "run $name: $MESSAGES messages over $SESSIONS sessions to 127.0.0.1:$smtp"
    python3 "$LOAD" run --port "$smtp" --messages "$MESSAGES" --sessions "$SESSIONS" \
        --delivered-dir "$dir/delivered" --sink-pidfile "$dir/pids/smtp-sink.pid" \
        >"$WORK/$name.out" 2>"$WORK/$name.err" &
    LOAD_PID=$!
    local rc=0
    wait "$LOAD_PID" || rc=$?
    LOAD_PID=
    cat "$WORK/$name.out" >&2
    cat "$WORK/$name.err" >&2
    if ((rc != 0)); then
        log "run $name: load client reported failures (exit $rc); Postfix log tail:"
        tail -n 15 "$dir/log/postfix.log" >&2 || true
    fi
    "$INSTANCE" stop "$dir" >&2
    out=$(sed -n 's/.* rate=\([0-9.]*\) msg\/s.*/\1/p' "$WORK/$name.out")
    [[ -n $out ]] || die "run $name: no rate reported"
    # The figure is only meaningful when every message was delivered.
    ((rc == 0)) || die "run $name: not all $MESSAGES messages were accepted and delivered"
    rm -rf -- "$dir/delivered"   # free disk between runs
    RATE=$out
}

RATE=
run no-milter
RATE_A=$RATE
log "run A (no milter): $RATE_A msg/s"
if ((BASELINE_ONLY)); then
    echo "mta: no-milter=$RATE_A msg/s milter=skipped"
    exit 0
fi

MILTER_PORT=$(free_port)
start_milter "$MILTER_PORT"
run milter --milter "inet:127.0.0.1:$MILTER_PORT" --milter-default-action tempfail
RATE_B=$RATE
log "run B (milter): $RATE_B msg/s"
stop_milter

RATIO=$(python3 -c "import sys; print(f'{float(sys.argv[2])/float(sys.argv[1]):.2f}')" "$RATE_A" "$RATE_B")
printf 'mta: no-milter=%.0f msg/s milter=%.0f msg/s ratio=%s\n' "$RATE_A" "$RATE_B" "$RATIO"
