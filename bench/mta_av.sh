#!/usr/bin/env bash
# End to end through a private Postfix: no milter, ordinance-milter (antivirus on), and
# Debian's clamav-milter + clamd as the anchor, all three with the same signature set.
set -euo pipefail

PROG=${0##*/}
# shellcheck source=bench/lib/mta_common.sh
. "$(dirname "$0")/lib/mta_common.sh"

usage() {
    cat <<EOF
Usage: $PROG [--build DIR] [--messages N] [--sessions S] [--latency N] [--rounds R]
              [--unique] [--socket inet|unix] [--profile] [--keep]

Three setups, measured through a private Postfix on 127.0.0.1 relaying to smtp-sink, each
sent the mixed corpus of bench/smtp_load.py (equal thirds ~2 KB text, ~20 KB HTML, ~200 KB
base64 attachment) over S concurrent sessions:
  A  no milter
  B  BUILD/ordinance-milter --config WORK/ordinance.toml, the example configuration
     config/examples/ordinance.toml as it was at the start (antivirus and attachment checks
     on, signatures config/examples/clamav, tmpdir /dev/shm; journal and every other
     /var/lib/ordinance directory moved into the work directory), plus \$MILTER_EXTRA_ARGS
  C  clamav-milter -> clamd (Debian packages clamav-milter, clamav-daemon), both started
     here with their own configuration in the work directory: DatabaseDirectory
     config/examples/clamav, TemporaryDirectory /dev/shm, OnInfected Reject
The three processes are started once; then, R times, A, B and C in turn: N messages over S
sessions (throughput), then LATENCY messages one at a time on one session (the time from
DATA to the 250 reply; median, p99, and what each milter adds over A).
Prints (with R > 1, medians over the rounds; the ratio is the median of each round's):
  mta_av: no-milter=X msg/s ordinance=Y msg/s clamav-milter=Z msg/s ordinance/clamav-milter=R socket=inet|unix
  mta_av: latency ms (median/p99): no-milter=a/b ordinance=c/d clamav-milter=e/f added: ordinance=g/h clamav-milter=i/j
  mta_av: cpu ms/msg, all but other (milter processes): no-milter=A ordinance=B (b) clamav-milter=C (c)
          milter-cpu clamav-milter/ordinance=Q all-cpu clamav-milter/ordinance=P
  mta_av: rounds=R (figures above are medians) ordinance/clamav-milter per round: r1 r2 ...   (R > 1 only)
  mta_av: engine: ordinance load+compile=T ms RSS +K KB (BUILD/bench/antivirus) milter RSS=M KB ready=S ms; clamd RSS=K KB ready=S ms; clamav-milter RSS=K KB
The cpu line counts, per message delivered in the throughput run, the CPU time of Postfix's
processes, smtp-sink, the load client and the milter processes (in brackets), leaving out
what else ran on the machine meanwhile; it varies less than msg/s on a shared machine.
On stderr, per run: the machine's CPU use and CPU ms per message by process
("$PROG: cpu NAME: ..."), latency per message kind, and ordinance's own time per message
(its "verdict ... ms=" log lines: parse and checks, without the journal).

Options:
  --build DIR     build directory holding ordinance-milter (default: REPO/build)
  --messages N    messages per throughput run (default 1500)
  --sessions S    concurrent SMTP sessions (default 20)
  --latency N     messages in each latency run (default 300)
  --rounds R      repeat A, B, C R times and report medians (default 1)
  --unique        a different attachment in every message (smtp_load.py --unique); without
                  it each attachment recurs every 24 messages and clamd, which caches clean
                  results by file hash, skips scanning the repeats (ordinance-milter
                  disables libclamav's cache, see checks/clamav_engine.cpp)
  --socket S      inet (default): both milters on 127.0.0.1 TCP; unix: both on unix sockets in
                  the work directory (mode 0660, group postfix). Over a unix socket ordinance-milter
                  lets Postfix send headers and body chunks without waiting for an answer.
  --profile       perf record of the milter processes (and clamd) during each load run;
                  the top functions by self time on stderr (needs perf: linux-perf)
  --keep          keep the work directory (instances, logs, configurations)
Environment:
  MILTER_EXTRA_ARGS extra arguments for ordinance-milter (word-split), e.g.
                    "--set journal.enabled=false" to leave the journal's durable writes out
  BENCH_WORKDIR     parent for the work directory (default /tmp)
Needs clamd and clamav-milter: deploy/install-deps.sh --bench (installs them without
starting Debian's services). Must run as root. Everything started is stopped by PID on exit.
Shared code: bench/lib/mta_common.sh.
EOF
}

BUILD=$REPO/build
MESSAGES=1500
SESSIONS=20
LATENCY=300
ROUNDS=1
KEEP=0
mta_option() {
    case $1 in
        --latency) [[ $# -ge 2 ]] || die "--latency needs a value"; LATENCY=$2; MTA_SHIFT=2 ;;
        --latency=*) LATENCY=${1#*=}; MTA_SHIFT=1 ;;
        --rounds) [[ $# -ge 2 ]] || die "--rounds needs a value"; ROUNDS=$2; MTA_SHIFT=2 ;;
        --rounds=*) ROUNDS=${1#*=}; MTA_SHIFT=1 ;;
        *) return 1 ;;
    esac
}
mta_parse_args "$@"
[[ $LATENCY =~ ^[1-9][0-9]*$ && $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--latency/--rounds must be positive integers"
mta_require_root
[[ -x $BUILD/ordinance-milter ]] || die "$BUILD/ordinance-milter not found (deploy/build.sh DIR, then --build DIR)"
[[ -x /usr/sbin/clamd && -x /usr/sbin/clamav-milter ]] ||
    die "clamd or clamav-milter missing; install them (Debian packages clamav-daemon clamav-milter, services left stopped) with: $REPO/deploy/install-deps.sh --bench"
DB=$REPO/config/examples/clamav
mta_make_work ordinance-bench-av

# B: ordinance-milter with the example configuration (its snapshot in WORK).
PORT_B=$(mta_free_port)
mta_start_ordinance "$PORT_B"
RSS_B=$(mta_rss_kb "$ORD_PID")

# C: clamd + clamav-milter, the same signatures, the same scratch space.
PORT_C=$(mta_free_port)
CM_SOCKET=inet:$PORT_C@127.0.0.1 CM_POSTFIX=inet:127.0.0.1:$PORT_C
if [[ $SOCKET == unix ]]; then CM_SOCKET=unix:$WORK/clamav-milter.sock CM_POSTFIX=$CM_SOCKET; fi
cat >"$WORK/clamd.conf" <<EOF
LocalSocket $WORK/clamd.sock
DatabaseDirectory $DB
TemporaryDirectory /dev/shm
PidFile $WORK/clamd.pid
Foreground yes
LogFile $WORK/clamd.log
MaxThreads 20
MaxFileSize 100M
MaxScanSize 400M
StreamMaxLength 100M
EOF
cat >"$WORK/clamav-milter.conf" <<EOF
MilterSocket $CM_SOCKET
MilterSocketMode 660
MilterSocketGroup postfix
ClamdSocket unix:$WORK/clamd.sock
PidFile $WORK/clamav-milter.pid
Foreground yes
LogFile $WORK/clamav-milter.log
OnInfected Reject
OnFail Defer
MaxFileSize 100M
EOF
t0=$EPOCHREALTIME
mta_spawn "$WORK/clamd.out" /usr/sbin/clamd --config-file="$WORK/clamd.conf"
PID_CD=$SPAWNED
mta_wait_socket "$WORK/clamd.sock" "$PID_CD" clamd "$WORK/clamd.log" 120
CLAMD_START_MS=$(mta_ms_since "$t0")
RSS_CD=$(mta_rss_kb "$PID_CD")
mta_spawn "$WORK/clamav-milter.out" /usr/sbin/clamav-milter --config-file="$WORK/clamav-milter.conf"
PID_CM=$SPAWNED
if [[ $SOCKET == unix ]]; then
    mta_wait_socket "$WORK/clamav-milter.sock" "$PID_CM" clamav-milter "$WORK/clamav-milter.out"
else
    mta_wait_port "$PORT_C" "$PID_CM" clamav-milter "$WORK/clamav-milter.out"
fi
RSS_CM=$(mta_rss_kb "$PID_CM")

# A, B, C in turn, ROUNDS times: on a shared machine a pair measured minutes apart compares
# little, so each round's ratio is taken within the round and the median over rounds reported.
RESULTS=$WORK/results
: >"$RESULTS"
record() { # ROUND SETUP
    echo "$1 $2 $RATE $LAT $CPU_ACCT $CPU_MILTER $CPU_BUSY" >>"$RESULTS"
}
for ((round = 1; round <= ROUNDS; round++)); do
    sfx=
    ((ROUNDS == 1)) || { sfx=-r$round; log "round $round of $ROUNDS"; }
    mta_run "no-milter$sfx"
    record "$round" no-milter
    CPU_PIDS="ordinance-milter=$ORD_PID" \
        mta_run "ordinance$sfx" --milter "$ORD_SOCKET" --milter-default-action tempfail
    record "$round" ordinance
    CPU_PIDS="clamav-milter=$PID_CM clamd=$PID_CD" \
        mta_run "clamav-milter$sfx" --milter "$CM_POSTFIX" --milter-default-action tempfail
    record "$round" clamav-milter
done
mta_stop "$ORD_PID:ordinance-milter"
mta_stop "$PID_CM:clamav-milter"
mta_stop "$PID_CD:clamd"

# Ordinance's own time per message, parse + checks (the journal write comes after it).
python3 - "$WORK/ordinance.log" "$PROG" <<'EOF' >&2
import re, statistics, sys
ms = sorted(float(m.group(1)) for m in re.finditer(r'event="?verdict"? .*\bms="?([0-9.]+)', open(sys.argv[1]).read()))
if ms:
    print(f"{sys.argv[2]}: ordinance verdict ms (parse+checks, no journal): n={len(ms)} "
          f"median={statistics.median(ms):.2f} p99={ms[min(len(ms) - 1, int(len(ms) * 0.99))]:.2f} max={ms[-1]:.2f}")
EOF

# The engine alone: load time and RSS of the signatures (BUILD/bench/antivirus, same config).
ENGINE="ordinance load+compile=? RSS +? KB"
if [[ -x $BUILD/bench/antivirus ]]; then
    python3 "$LOAD" gen --out "$WORK/corpus" --count 2 >/dev/null
    if "$BUILD/bench/antivirus" "$MILTER_CONFIG" "$WORK/corpus" 3 >"$WORK/antivirus.out" 2>&1; then
        sed "s/^/$PROG: /" "$WORK/antivirus.out" >&2
        ENGINE=$(sed -n 's/^antivirus: .* load+compile=\([0-9.]*\) ms RSS +\([0-9-]*\) KB.*/ordinance load+compile=\1 ms RSS +\2 KB/p' "$WORK/antivirus.out")
    else
        cat "$WORK/antivirus.out" >&2
        log "warning: $BUILD/bench/antivirus failed; engine load time and RSS skipped"
    fi
else
    log "warning: $BUILD/bench/antivirus not built; engine load time and RSS skipped"
fi

python3 - "$RESULTS" "$SOCKET" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
by = {}
for rnd, setup, rate, lmed, lp99, acct, milter, busy in rows:
    by.setdefault(setup, []).append((int(rnd), float(rate), float(lmed), float(lp99), float(acct), float(milter)))
med = lambda setup, i: statistics.median(r[i] for r in by[setup])
a, b, c = (med(s, 1) for s in ("no-milter", "ordinance", "clamav-milter"))
ratios = [rb[1] / rc[1] for rb, rc in zip(by["ordinance"], by["clamav-milter"])]
la, lb, lc = ((med(s, 2), med(s, 3)) for s in ("no-milter", "ordinance", "clamav-milter"))
print(f"mta_av: no-milter={a:.0f} msg/s ordinance={b:.0f} msg/s clamav-milter={c:.0f} msg/s "
      f"ordinance/clamav-milter={statistics.median(ratios):.2f} socket={sys.argv[2]}")
print(f"mta_av: latency ms (median/p99): no-milter={la[0]:.1f}/{la[1]:.1f} ordinance={lb[0]:.1f}/{lb[1]:.1f} "
      f"clamav-milter={lc[0]:.1f}/{lc[1]:.1f} added: ordinance={lb[0] - la[0]:.1f}/{lb[1] - la[1]:.1f} "
      f"clamav-milter={lc[0] - la[0]:.1f}/{lc[1] - la[1]:.1f}")
ca, cb, cc = (med(s, 4) for s in ("no-milter", "ordinance", "clamav-milter"))
mb, mc = med("ordinance", 5), med("clamav-milter", 5)
print(f"mta_av: cpu ms/msg, all but other (milter processes): no-milter={ca:.2f} ordinance={cb:.2f} ({mb:.2f}) "
      f"clamav-milter={cc:.2f} ({mc:.2f}) milter-cpu clamav-milter/ordinance={mc / mb:.2f} "
      f"all-cpu clamav-milter/ordinance={cc / cb:.2f}")
if len(ratios) > 1:
    print(f"mta_av: rounds={len(ratios)} (figures above are medians) ordinance/clamav-milter per round: "
          + " ".join(f"{r:.2f}" for r in ratios))
EOF
echo "mta_av: engine: $ENGINE (bench/antivirus) milter RSS=$RSS_B KB ready=$ORD_START_MS ms;" \
     "clamd RSS=$RSS_CD KB ready=$CLAMD_START_MS ms; clamav-milter RSS=$RSS_CM KB"
