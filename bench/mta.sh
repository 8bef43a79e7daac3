#!/usr/bin/env bash
# End-to-end throughput through a private Postfix, without and with the milter.
set -euo pipefail

PROG=${0##*/}
# shellcheck source=bench/lib/mta_common.sh
. "$(dirname "$0")/lib/mta_common.sh"

usage() {
    cat <<EOF
Usage: $PROG [--build DIR] [--messages N] [--sessions S] [--rounds R] [--baseline-only] [--no-null]
              [--null-nr auto|on|off] [--unique] [--socket inet|unix] [--profile] [--keep]

Measures messages/s through a private Postfix on 127.0.0.1 (deploy/postfix-instance.sh)
that relays to smtp-sink, in one invocation:
  run A: no milter
  run N: smtpd_milters -> BUILD/bench/null-milter (bench/null_milter.cpp): accepts everything,
         but registers every callback, negotiates the same actions, no-reply steps and macros as
         ordinance-milter and answers every step: the milter protocol's own cost, the floor
  run B: smtpd_milters -> BUILD/ordinance-milter, started as
         BUILD/ordinance-milter --config config/examples/ordinance.toml \\
             --set milter.socket=inet:127.0.0.1:PORT --set milter.spool_dir=WORK/milter-spool \\
             --set journal.dir=WORK/journal \\
             [--set milter.user=   (only when user 'ordinance' does not exist)] \$MILTER_EXTRA_ARGS
Both milters listen on the same kind of socket (--socket), Postfix's default action tempfail.
With --rounds R the three runs are repeated R times, each round in a rotated order (A N B,
N B A, B A N, ...), and every ratio is taken within its round: on a shared machine runs minutes
apart compare little.
Load: bench/smtp_load.py, S concurrent SMTP sessions (one connection each, RSET between
messages) sending N messages in total, a mix in equal thirds of ~2 KB plain text,
~20 KB HTML and ~200 KB with a base64 attachment. Rate = delivered / (last delivery at
the sink - first send). Prints (medians over the rounds):
  mta: no-milter=X msg/s null-milter=Y msg/s milter=Z msg/s ratio=Z/X ratio_vs_null=Z/Y ratio_vs_none=Z/X socket=S
  mta_cpu: milter process cpu ms/msg: null-milter=n milter=m; all accounted: no-milter=a null-milter=b milter=c
and with R > 1 also the ranges and each round:
  mta_range: rounds=R socket=S no-milter=LO-HI null-milter=LO-HI milter=LO-HI ratio_vs_null=LO-HI ratio_vs_none=LO-HI
  mta_round: round=I order=A,N,B no-milter=X null-milter=Y milter=Z ratio_vs_null=.. ratio_vs_none=..
(ratio= is milter/no-milter, as before; with --no-null the null-milter fields are left out:
  mta: no-milter=X msg/s milter=Z msg/s ratio=Z/X ...)
and on stderr, per run, the machine's CPU use and CPU ms per message by process
("$PROG: cpu NAME: ...").

Options:
  --build DIR       build directory holding ordinance-milter and bench/null-milter (default: REPO/build)
  --messages N      messages per run (default 2000)
  --sessions S      concurrent SMTP sessions (default 20)
  --rounds R        repeat A, N, B R times (default 1)
  --baseline-only   run A only (no milter needed)
  --no-null         leave run N out (A and B only)
  --null-nr M       the null milter's no-reply steps: auto (default, as ordinance-milter: headers,
                    end of headers and body unanswered over unix, all answered over inet), on, off
  --unique          a different attachment in every message (smtp_load.py --unique)
  --socket S        inet (default): the milters on 127.0.0.1; unix: on unix sockets in the work
                    directory, where Postfix does not wait for an answer to each header
  --profile         perf record of the milter during runs N and B; top functions on stderr
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
NULL=1
NULL_NR=auto
ROUNDS=1
mta_option() {
    case $1 in
        --baseline-only) BASELINE_ONLY=1; MTA_SHIFT=1 ;;
        --no-null) NULL=0; MTA_SHIFT=1 ;;
        --null-nr) [[ $# -ge 2 ]] || die "--null-nr needs a value"; NULL_NR=$2; MTA_SHIFT=2 ;;
        --null-nr=*) NULL_NR=${1#*=}; MTA_SHIFT=1 ;;
        --rounds) [[ $# -ge 2 ]] || die "--rounds needs a value"; ROUNDS=$2; MTA_SHIFT=2 ;;
        --rounds=*) ROUNDS=${1#*=}; MTA_SHIFT=1 ;;
        *) return 1 ;;
    esac
}
mta_parse_args "$@"
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"
[[ $NULL_NR == auto || $NULL_NR == on || $NULL_NR == off ]] || die "--null-nr must be auto, on or off"
mta_require_root
if ((!BASELINE_ONLY)); then
    [[ -x $BUILD/ordinance-milter ]] ||
        die "$BUILD/ordinance-milter not found (build it, pass --build DIR, or use --baseline-only)"
    [[ -r $MILTER_CONFIG ]] || die "$MILTER_CONFIG not found"
    ((!NULL)) || [[ -x $BUILD/bench/null-milter ]] ||
        die "$BUILD/bench/null-milter not found (deploy/build.sh builds it; or --no-null)"
fi
mta_make_work ordinance-bench-mta

if ((BASELINE_ONLY)); then
    mta_run no-milter
    log "run A (no milter): $RATE msg/s"
    echo "mta: no-milter=$RATE msg/s milter=skipped"
    exit 0
fi

# N: the null milter, on the same kind of socket as ordinance-milter -> NULL_PID, NULL_SOCKET.
start_null() {
    local port conn
    if [[ $SOCKET == unix ]]; then
        conn=unix:$WORK/null.sock NULL_SOCKET=$conn
    else
        port=$(mta_free_port)
        conn=inet:$port@127.0.0.1 NULL_SOCKET=inet:127.0.0.1:$port
    fi
    log "starting $BUILD/bench/null-milter $conn --nr $NULL_NR"
    mta_spawn "$WORK/null-milter.log" "$BUILD/bench/null-milter" "$conn" --nr "$NULL_NR"
    NULL_PID=$SPAWNED
    if [[ $SOCKET == unix ]]; then
        mta_wait_socket "$WORK/null.sock" "$NULL_PID" null-milter "$WORK/null-milter.log" 30
    else
        mta_wait_port "$port" "$NULL_PID" null-milter "$WORK/null-milter.log" 30
    fi
}

MILTER_PORT=$(mta_free_port)
mta_start_ordinance "$MILTER_PORT"
((NULL)) && start_null

RESULTS=$WORK/results
: >"$RESULTS"
SETUPS=(A B)
((NULL)) && SETUPS=(A N B)
for ((round = 1; round <= ROUNDS; round++)); do
    sfx=
    ((ROUNDS == 1)) || sfx=-r$round
    order=()
    for ((i = 0; i < ${#SETUPS[@]}; i++)); do order+=("${SETUPS[(i + round - 1) % ${#SETUPS[@]}]}"); done
    ((ROUNDS == 1)) || log "round $round of $ROUNDS: ${order[*]}"
    for setup in "${order[@]}"; do
        case $setup in
            A) mta_run "no-milter$sfx"; name=no-milter ;;
            N) CPU_PIDS="null-milter=$NULL_PID" \
                   mta_run "null-milter$sfx" --milter "$NULL_SOCKET" --milter-default-action tempfail
               name=null-milter ;;
            B) CPU_PIDS="ordinance-milter=$ORD_PID" \
                   mta_run "milter$sfx" --milter "$ORD_SOCKET" --milter-default-action tempfail
               name=milter ;;
        esac
        log "round $round run $setup ($name): $RATE msg/s"
        echo "$round $(IFS=,; echo "${order[*]}") $name $RATE $CPU_ACCT $CPU_MILTER $CPU_BUSY" >>"$RESULTS"
    done
done
mta_stop "$ORD_PID:ordinance-milter"
((NULL)) && mta_stop "$NULL_PID:null-milter"

python3 - "$RESULTS" "$SOCKET" "$NULL" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
socket, null = sys.argv[2], sys.argv[3] == "1"
by, orders = {}, {}
for rnd, order, name, rate, acct, milter, busy in rows:
    by.setdefault(name, {})[int(rnd)] = (float(rate), float(acct), float(milter))
    orders[int(rnd)] = order
rounds = sorted(orders)
rate = lambda n, r: by[n][r][0]
med = lambda xs: statistics.median(xs)
rng = lambda xs, f: f"{f.format(min(xs))}-{f.format(max(xs))}"
names = ["no-milter"] + (["null-milter"] if null else []) + ["milter"]
rates = {n: [rate(n, r) for r in rounds] for n in names}
vs_none = [rate("milter", r) / rate("no-milter", r) for r in rounds]
vs_null = [rate("milter", r) / rate("null-milter", r) for r in rounds] if null else []
line = f"mta: no-milter={med(rates['no-milter']):.0f} msg/s "
if null:
    line += f"null-milter={med(rates['null-milter']):.0f} msg/s "
line += f"milter={med(rates['milter']):.0f} msg/s ratio={med(vs_none):.2f} "
if null:
    line += f"ratio_vs_null={med(vs_null):.2f} "
line += f"ratio_vs_none={med(vs_none):.2f} socket={socket}"
print(line)
cpu = lambda n, i: med([by[n][r][i] for r in rounds])
print("mta_cpu: milter process cpu ms/msg: "
      + (f"null-milter={cpu('null-milter', 2):.2f} " if null else "") + f"milter={cpu('milter', 2):.2f}; "
      + "all accounted: " + " ".join(f"{n}={cpu(n, 1):.2f}" for n in names))
if len(rounds) > 1:
    print(f"mta_range: rounds={len(rounds)} socket={socket} "
          + " ".join(f"{n}={rng(rates[n], '{:.0f}')}" for n in names)
          + (f" ratio_vs_null={rng(vs_null, '{:.2f}')}" if null else "") + f" ratio_vs_none={rng(vs_none, '{:.2f}')}")
    for i, r in enumerate(rounds):
        print(f"mta_round: round={r} order={orders[r]} " + " ".join(f"{n}={rate(n, r):.0f}" for n in names)
              + (f" ratio_vs_null={vs_null[i]:.2f}" if null else "") + f" ratio_vs_none={vs_none[i]:.2f}")
EOF
