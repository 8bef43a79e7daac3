#!/usr/bin/env bash
# End to end through a private Postfix: no milter, ordinance-milter (antivirus on), and
# Debian's clamav-milter + clamd as the anchor, all three with the same signature set.
set -euo pipefail

PROG=${0##*/}
REPO=$(cd "$(dirname "$0")/.." && pwd)
INSTANCE=$REPO/deploy/postfix-instance.sh
LOAD=$REPO/bench/smtp_load.py

usage() {
    cat <<EOF
Usage: $PROG [--build DIR] [--messages N] [--sessions S] [--latency N] [--keep]

Three runs through a private Postfix on 127.0.0.1 relaying to smtp-sink, each sending the
mixed corpus of bench/smtp_load.py (equal thirds ~2 KB text, ~20 KB HTML, ~200 KB base64
attachment) over S concurrent sessions:
  A  no milter
  B  BUILD/ordinance-milter --config config/examples/ordinance.toml (antivirus and
     attachment checks on, signatures config/examples/clamav, tmpdir /dev/shm)
  C  clamav-milter -> clamd (Debian packages clamav-milter, clamav-daemon), DatabaseDirectory
     config/examples/clamav, TemporaryDirectory /dev/shm, OnInfected Reject
Then, per setup, N messages one at a time on one session: the time from DATA to the 250
reply, median and p99, and the latency each milter adds over A.
Prints:
  mta_av: no-milter=X msg/s ordinance=Y msg/s clamav-milter=Z msg/s ordinance/clamav-milter=R
  mta_av: latency ms (median/p99): no-milter=a/b ordinance=c/d clamav-milter=e/f added: ordinance=g/h clamav-milter=i/j

Options: --build DIR (default REPO/build), --messages N (default 1500), --sessions S
(default 20), --latency N (default 150), --keep (keep the work directory).
Environment: MILTER_EXTRA_ARGS, extra arguments for ordinance-milter (word-split), e.g.
"--set journal.enabled=false" to leave the journal's durable writes out of the comparison.
Must run as root. Everything started is stopped by PID on exit.
EOF
}

die() { echo "$PROG: error: $*" >&2; exit 1; }
log() { echo "$PROG: $*" >&2; }

BUILD=$REPO/build
MESSAGES=1500
SESSIONS=20
LATENCY=150
KEEP=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --build) BUILD=${2:?}; shift 2 ;;
        --messages) MESSAGES=${2:?}; shift 2 ;;
        --sessions) SESSIONS=${2:?}; shift 2 ;;
        --latency) LATENCY=${2:?}; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument '$1'" ;;
    esac
done
[[ $EUID == 0 ]] || die "must run as root (private Postfix instance)"
BUILD=$(realpath -m -- "$BUILD")
[[ -x $BUILD/ordinance-milter ]] || die "$BUILD/ordinance-milter not found"
[[ -x /usr/sbin/clamd && -x /usr/sbin/clamav-milter ]] ||
    die "clamd or clamav-milter missing: apt-get install clamav-daemon clamav-milter"
DB=$REPO/config/examples/clamav

WORK=$(mktemp -d /tmp/ordinance-bench-av.XXXXXX)
chmod 755 "$WORK"
PIDS=()
DIRS=()
cleanup() {
    local rc=$? p d
    trap - EXIT INT TERM
    for d in "${DIRS[@]}"; do "$INSTANCE" stop "$d" >/dev/null 2>&1 || true; done
    for p in "${PIDS[@]}"; do
        kill -TERM "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
    done
    if ((KEEP)); then log "work directory kept: $WORK"; else rm -rf -- "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { # PORT PID NAME
    local deadline=$((SECONDS + 60))
    until ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; do
        kill -0 "$2" 2>/dev/null || die "$3 exited; see $WORK/*.log"
        ((SECONDS < deadline)) || die "$3 not listening on $1"
        sleep 0.1
    done
}

# run NAME [instance options] -> RATE and LAT ("median p99" in ms)
run() {
    local name=$1; shift
    local dir=$WORK/$name smtp sink
    smtp=$(free_port); sink=$(free_port)
    while [[ $sink == "$smtp" ]]; do sink=$(free_port); done
    DIRS+=("$dir")
    "$INSTANCE" start "$dir" --smtp-port "$smtp" --sink-port "$sink" "$@" >&2
    log "run $name: $MESSAGES messages over $SESSIONS sessions"
    python3 "$LOAD" run --port "$smtp" --messages "$MESSAGES" --sessions "$SESSIONS" \
        --delivered-dir "$dir/delivered" --sink-pidfile "$dir/pids/smtp-sink.pid" >"$WORK/$name.out" \
        2>"$WORK/$name.err" || { cat "$WORK/$name.out" "$WORK/$name.err" >&2; die "run $name: not every message delivered"; }
    cat "$WORK/$name.out" >&2
    RATE=$(sed -n 's/.* rate=\([0-9.]*\) msg\/s.*/\1/p' "$WORK/$name.out")
    LAT=$(python3 - "$smtp" "$LATENCY" "$LOAD" <<'EOF'
import importlib.util, smtplib, statistics, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
spec = importlib.util.spec_from_file_location("smtp_load", sys.argv[3])
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
corpus = m.build_corpus()
s = smtplib.SMTP("127.0.0.1", port, timeout=60)
times = []
for i in range(n):
    kind, sender, rcpt, data = corpus[i % len(corpus)]
    s.mail(sender); s.rcpt(rcpt)
    t = time.perf_counter(); code, _ = s.data(data); times.append((time.perf_counter() - t) * 1000)
    s.rset()
s.quit()
times.sort()
print(f"{statistics.median(times):.2f} {times[min(len(times) - 1, int(len(times) * 0.99))]:.2f}")
EOF
)
    "$INSTANCE" stop "$dir" >&2
    rm -rf -- "$dir/delivered"
}

run no-milter
RATE_A=$RATE; LAT_A=$LAT

# B: ordinance-milter with the shipped example configuration.
PORT_B=$(free_port)
mkdir -p "$WORK/spool"
args=(--config "$REPO/config/examples/ordinance.toml" --set "milter.socket=inet:127.0.0.1:$PORT_B"
      --set "milter.spool_dir=$WORK/spool" --set "journal.dir=$WORK/journal")
getent passwd ordinance >/dev/null || args+=(--set "milter.user=")
# shellcheck disable=SC2206
args+=(${MILTER_EXTRA_ARGS:-})   # e.g. MILTER_EXTRA_ARGS="--set journal.enabled=false"
[[ -n $(getent passwd ordinance) ]] && chown ordinance: "$WORK/spool"
"$BUILD/ordinance-milter" "${args[@]}" </dev/null >>"$WORK/ordinance.log" 2>&1 &
PID_B=$!; PIDS+=("$PID_B")
wait_port "$PORT_B" "$PID_B" ordinance-milter
run ordinance --milter "inet:127.0.0.1:$PORT_B" --milter-default-action tempfail
RATE_B=$RATE; LAT_B=$LAT
kill -TERM "$PID_B"; wait "$PID_B" 2>/dev/null || true

# C: clamd + clamav-milter, the same signatures, the same scratch space.
PORT_C=$(free_port)
cat >"$WORK/clamd.conf" <<EOF
LocalSocket $WORK/clamd.sock
DatabaseDirectory $DB
TemporaryDirectory /dev/shm
Foreground yes
LogFile $WORK/clamd.log
MaxThreads 20
MaxFileSize 100M
MaxScanSize 400M
StreamMaxLength 100M
EOF
cat >"$WORK/clamav-milter.conf" <<EOF
MilterSocket inet:$PORT_C@127.0.0.1
ClamdSocket unix:$WORK/clamd.sock
Foreground yes
LogFile $WORK/clamav-milter.log
OnInfected Reject
OnFail Defer
MaxFileSize 100M
EOF
/usr/sbin/clamd --config-file="$WORK/clamd.conf" </dev/null >>"$WORK/clamd.out" 2>&1 &
PID_CD=$!; PIDS+=("$PID_CD")
for _ in $(seq 600); do [[ -S $WORK/clamd.sock ]] && break; kill -0 "$PID_CD" || die "clamd exited"; sleep 0.1; done
/usr/sbin/clamav-milter --config-file="$WORK/clamav-milter.conf" </dev/null >>"$WORK/clamav-milter.out" 2>&1 &
PID_CM=$!; PIDS+=("$PID_CM")
wait_port "$PORT_C" "$PID_CM" clamav-milter
run clamav-milter --milter "inet:127.0.0.1:$PORT_C" --milter-default-action tempfail
RATE_C=$RATE; LAT_C=$LAT

python3 - "$RATE_A" "$RATE_B" "$RATE_C" "$LAT_A" "$LAT_B" "$LAT_C" <<'EOF'
import sys
a, b, c = map(float, sys.argv[1:4])
la, lb, lc = (tuple(map(float, x.split())) for x in sys.argv[4:7])
print(f"mta_av: no-milter={a:.0f} msg/s ordinance={b:.0f} msg/s clamav-milter={c:.0f} msg/s ordinance/clamav-milter={b / c:.2f}")
print(f"mta_av: latency ms (median/p99): no-milter={la[0]:.1f}/{la[1]:.1f} ordinance={lb[0]:.1f}/{lb[1]:.1f} "
      f"clamav-milter={lc[0]:.1f}/{lc[1]:.1f} added: ordinance={lb[0] - la[0]:.1f}/{lb[1] - la[1]:.1f} "
      f"clamav-milter={lc[0] - la[0]:.1f}/{lc[1] - la[1]:.1f}")
EOF
