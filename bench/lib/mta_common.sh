# bench/lib/mta_common.sh: what bench/mta.sh and bench/mta_av.sh share. Sourced, never run.
# Option parsing, the work directory and its cleanup, free loopback ports, processes started
# and stopped by PID, ordinance-milter with the example configuration, and one load run through
# a private Postfix instance (deploy/postfix-instance.sh) with its throughput, latency and CPU.
#
# The sourcing script sets PROG and its defaults (BUILD MESSAGES SESSIONS KEEP LATENCY), may
# define mta_option (below) for options of its own, then calls, in order:
#   mta_parse_args "$@"       common options; unknown ones go to mta_option
#   mta_require_root
#   mta_make_work NAME        WORK=$BENCH_WORKDIR/NAME.XXXXXX (default /tmp), cleanup on exit
# and then mta_start_ordinance / mta_spawn / mta_run as it needs.
# shellcheck shell=bash
# shellcheck disable=SC2034  # RATE, LAT, CPU_*, ORD_PID, ORD_START_MS, SPAWNED, MILTER_CONFIG are the caller's

MTA_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
REPO=${REPO:-$MTA_REPO}
INSTANCE=$MTA_REPO/deploy/postfix-instance.sh
LOAD=$MTA_REPO/bench/smtp_load.py
PROC_CPU=$MTA_REPO/bench/lib/proc_cpu.py
MILTER_CONFIG=$MTA_REPO/config/examples/ordinance.toml

die() { echo "$PROG: error: $*" >&2; exit 1; }
log() { echo "$PROG: $*" >&2; }

# ---------------------------------------------------------------- options

# Common options: --build DIR, --messages N, --sessions S, --keep, --unique (a different
# attachment in every message: smtp_load.py --unique), --socket inet|unix (how Postfix reaches
# the milters: 127.0.0.1 TCP, the default, or a unix socket in WORK), --profile (perf record of the milter
# processes during each load run; WORK/NAME.perf.txt, the top printed), -h/--help (calls usage),
# each also as --opt=VALUE. For anything else mta_option "$@" is called, when the script defines
# it: it returns 0 and sets MTA_SHIFT to the number of words it took, or returns 1.
mta_parse_args() {
    while (($#)); do
        case $1 in
            --build|--messages|--sessions|--socket)
                [[ $# -ge 2 ]] || { usage >&2; die "$1 needs a value"; }
                mta_set_opt "$1" "$2"; shift 2 ;;
            --build=*|--messages=*|--sessions=*|--socket=*) mta_set_opt "${1%%=*}" "${1#*=}"; shift ;;
            --keep) KEEP=1; shift ;;
            --unique) UNIQUE=1; shift ;;
            --profile) PROFILE=1; shift ;;
            -h|--help) usage; exit 0 ;;
            *)
                MTA_SHIFT=0
                if declare -F mta_option >/dev/null && mta_option "$@" && ((MTA_SHIFT > 0)); then
                    shift "$MTA_SHIFT"
                else
                    usage >&2; die "unknown argument '$1'"
                fi ;;
        esac
    done
    [[ $MESSAGES =~ ^[1-9][0-9]*$ && $SESSIONS =~ ^[1-9][0-9]*$ ]] ||
        die "--messages/--sessions must be positive integers"
    [[ $SOCKET == inet || $SOCKET == unix ]] || die "--socket must be inet or unix"
    BUILD=$(realpath -m -- "$BUILD")
}

mta_set_opt() {
    case $1 in
        --build) BUILD=$2 ;;
        --messages) MESSAGES=$2 ;;
        --sessions) SESSIONS=$2 ;;
        --socket) SOCKET=$2 ;;
    esac
}

mta_require_root() { [[ $EUID == 0 ]] || die "must run as root (private Postfix instance)"; }

# ---------------------------------------------------------------- work directory, cleanup

UNIQUE=0
PROFILE=0
SOCKET=inet
MTA_PIDS=()      # started by mta_spawn, stopped in reverse order on exit
MTA_DIRS=()      # Postfix instances started by mta_run
MTA_LOAD_PID=

mta_make_work() { # NAME
    WORK=$(mktemp -d "${BENCH_WORKDIR:-/tmp}/$1.XXXXXX")
    chmod 755 "$WORK"   # Postfix and the milter (maybe as user 'ordinance') walk through it
    trap mta_cleanup EXIT
    trap 'log interrupted; exit 130' INT
    trap 'log terminated; exit 143' TERM
    mta_snapshot_config
}

# The example configuration is read once, at the start, into WORK/ordinance.toml: data_dir made
# absolute (the policy maps, rules and signatures stay in the checkout), and every directory
# under /var/lib/ordinance or /var/spool/ordinance moved to WORK/var-lib/... so the benchmark
# writes nothing outside WORK. Every run of this invocation then reads the same file.
mta_snapshot_config() {
    [[ -r $MILTER_CONFIG ]] || die "$MILTER_CONFIG not found"
    python3 - "$MILTER_CONFIG" "$WORK/ordinance.toml" "$WORK" <<'EOF' || die "cannot copy $MILTER_CONFIG"
import os, re, sys
src, dst, work = sys.argv[1:]
text = open(src).read()
m = re.search(r'^data_dir\s*=\s*"([^"]*)"', text, re.M)
data_dir = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(src)), m.group(1) if m else "."))
line = f'data_dir = "{data_dir}"'
text = text[:m.start()] + line + text[m.end():] if m else line + "\n" + text
text = re.sub(r'"/var/(lib|spool)/ordinance(/[^"]*)?"', lambda v: f'"{work}/var-{v.group(1)}{v.group(2) or ""}"', text)
open(dst, "w").write(text)
EOF
    mkdir -p "$WORK/var-lib" "$WORK/var-spool"   # as packaging makes /var/lib/ordinance
    if getent passwd ordinance >/dev/null; then chown ordinance: "$WORK/var-lib" "$WORK/var-spool"; fi
    MILTER_CONFIG=$WORK/ordinance.toml
}

mta_cleanup() {
    local rc=$? d i
    trap - EXIT INT TERM
    if [[ -n $MTA_LOAD_PID ]] && kill -0 "$MTA_LOAD_PID" 2>/dev/null; then
        kill -TERM "$MTA_LOAD_PID" 2>/dev/null || true
        wait "$MTA_LOAD_PID" 2>/dev/null || true
    fi
    for d in "${MTA_DIRS[@]}"; do
        "$INSTANCE" stop "$d" >/dev/null 2>&1 || log "warning: could not stop instance $d"
    done
    for ((i = ${#MTA_PIDS[@]} - 1; i >= 0; i--)); do mta_stop "${MTA_PIDS[i]}"; done
    if ((KEEP)); then log "work directory kept: $WORK"; else rm -rf -- "$WORK"; fi
    exit "$rc"
}

# ---------------------------------------------------------------- processes and ports

mta_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

mta_port_listening() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

mta_alive() { # PID -> 0 while it runs (a zombie does not)
    kill -0 "$1" 2>/dev/null && [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]
}

# mta_spawn LOGFILE CMD [ARGS...] -> SPAWNED (its PID). stdin /dev/null, stdout+stderr to LOGFILE.
mta_spawn() {
    local logfile=$1; shift
    "$@" </dev/null >>"$logfile" 2>&1 &
    SPAWNED=$!
    MTA_PIDS+=("$SPAWNED:${1##*/}")
}

# mta_stop PID[:NAME] -> stops it with SIGTERM (SIGKILL after 15 s), only while its argv[0] is
# still NAME (a recycled PID is left alone); safe on what has already gone. (ordinance-milter
# first lets messages already begun finish, at most 30 s; with no load running that is none.)
mta_stop() {
    local pid=${1%%:*} name i
    name=${1#*:}
    [[ $name == "$1" ]] && name=$(mta_pid_name "$pid")
    [[ -n $pid ]] || return 0
    if [[ -r /proc/$pid/cmdline ]] && tr '\0' '\n' </proc/"$pid"/cmdline 2>/dev/null | head -n1 | grep -q -- "$name\$"; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 150; i++)); do mta_alive "$pid" || break; sleep 0.1; done
        if mta_alive "$pid"; then
            log "pid $pid ($name) did not stop on SIGTERM; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
}

mta_pid_name() { # PID -> the NAME mta_spawn recorded for it
    local e
    for e in "${MTA_PIDS[@]}"; do [[ ${e%%:*} == "$1" ]] && { echo "${e#*:}"; return; }; done
    echo .
}

# mta_wait_port PORT PID NAME LOGFILE [SECS]: until something listens on PORT; fails when PID dies.
mta_wait_port() {
    local deadline=$((SECONDS + ${5:-60}))
    until mta_port_listening "$1"; do
        mta_alive "$2" || { tail -n 20 "$4" >&2; die "$3 exited; see above ($4)"; }
        ((SECONDS < deadline)) || { tail -n 20 "$4" >&2; die "$3 not listening on 127.0.0.1:$1 after ${5:-60}s"; }
        sleep 0.05
    done
}

# mta_wait_socket PATH PID NAME LOGFILE [SECS]: until PATH is a socket.
mta_wait_socket() {
    local deadline=$((SECONDS + ${5:-60}))
    until [[ -S $1 ]]; do
        mta_alive "$2" || { tail -n 20 "$4" >&2; die "$3 exited; see above ($4)"; }
        ((SECONDS < deadline)) || { tail -n 20 "$4" >&2; die "$3 made no socket $1 after ${5:-60}s"; }
        sleep 0.05
    done
}

mta_rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# ---------------------------------------------------------------- ordinance-milter

# mta_start_ordinance PORT -> ORD_PID, ORD_SOCKET (what Postfix is told). BUILD/ordinance-milter
#   --config WORK/ordinance.toml (the snapshot of config/examples/ordinance.toml, see
#   mta_snapshot_config) --set milter.socket=inet:127.0.0.1:PORT (--socket unix:
#   unix:WORK/ordinance.sock) --set milter.spool_dir=WORK/milter-spool
#   --set journal.dir=WORK/journal [--set milter.user= (no user 'ordinance')] $MILTER_EXTRA_ARGS
mta_start_ordinance() {
    local port=$1 spool=$WORK/milter-spool bin=$BUILD/ordinance-milter
    [[ -x $bin ]] || die "$bin not found (deploy/build.sh DIR, then --build DIR)"
    [[ -r $MILTER_CONFIG ]] || die "$MILTER_CONFIG not found"
    mkdir -p "$spool"
    ORD_SOCKET=inet:127.0.0.1:$port
    [[ $SOCKET == unix ]] && ORD_SOCKET=unix:$WORK/ordinance.sock
    local args=(--config "$MILTER_CONFIG" --set "milter.socket=$ORD_SOCKET"
                --set "milter.spool_dir=$spool" --set "journal.dir=$WORK/journal")
    if getent passwd ordinance >/dev/null; then
        chown ordinance: "$spool"
    else
        args+=(--set "milter.user=")   # no 'ordinance' user here: stay root (benchmark only)
    fi
    # shellcheck disable=SC2206
    args+=(${MILTER_EXTRA_ARGS:-})    # e.g. MILTER_EXTRA_ARGS="--set journal.enabled=false"
    log "starting $bin ${args[*]}"
    local t0=$EPOCHREALTIME
    mta_spawn "$WORK/ordinance.log" "$bin" "${args[@]}"
    ORD_PID=$SPAWNED
    if [[ $SOCKET == unix ]]; then
        mta_wait_socket "$WORK/ordinance.sock" "$ORD_PID" ordinance-milter "$WORK/ordinance.log" 60
    else
        mta_wait_port "$port" "$ORD_PID" ordinance-milter "$WORK/ordinance.log" 60
    fi
    ORD_START_MS=$(mta_ms_since "$t0")
}

mta_ms_since() { python3 -c 'import sys,time; print(f"{(time.time()-float(sys.argv[1]))*1000:.0f}")' "$1"; }

# ---------------------------------------------------------------- one load run

# mta_run NAME [postfix-instance.sh start options]: a private Postfix relaying to smtp-sink,
# MESSAGES messages of bench/smtp_load.py's mixed corpus over SESSIONS sessions.
# Sets RATE (msg/s, delivered / (last delivery - first send)) and, when LATENCY > 0, LAT
# ("median p99" ms from DATA to the 250 reply, LATENCY messages one at a time on one session);
# CPU_ACCT, CPU_MILTER, CPU_BUSY: CPU ms per message of every process accounted for, of the
# CPU_PIDS processes, and of the whole machine (bench/lib/proc_cpu.py).
# CPU_PIDS (LABEL=PID ...) are long-lived processes whose CPU use is reported with Postfix's.
mta_run() {
    local name=$1; shift
    local dir=$WORK/$name smtp sink rc=0 out
    smtp=$(mta_free_port); sink=$(mta_free_port)
    while [[ $sink == "$smtp" ]]; do sink=$(mta_free_port); done
    MTA_DIRS+=("$dir")
    "$INSTANCE" start "$dir" --smtp-port "$smtp" --sink-port "$sink" "$@" >&2
    local pidargs=(--master-pidfile "$dir/postfix/queue/pid/master.pid") p
    pidargs+=(--pid "smtp-sink=$(tr -dc 0-9 <"$dir/pids/smtp-sink.pid")")
    for p in ${CPU_PIDS:-}; do pidargs+=(--pid "$p"); done
    python3 "$PROC_CPU" snap "${pidargs[@]}" >"$WORK/$name.cpu0"
    log "run $name: $MESSAGES messages over $SESSIONS sessions to 127.0.0.1:$smtp"
    local perf_pid='' perf_pids
    perf_pids=$(for p in ${CPU_PIDS:-}; do printf '%s,' "${p#*=}"; done)
    if ((PROFILE)) && [[ -n $perf_pids ]]; then
        command -v perf >/dev/null || die "--profile needs perf (apt-get install linux-perf)"
        perf record -q -F 499 -g -p "${perf_pids%,}" -o "$WORK/$name.perf.data" >"$WORK/$name.perf.log" 2>&1 &
        perf_pid=$!
        # Before the load starts: on a busy machine perf takes seconds to attach, and a load run
        # is a few seconds long (it recorded 0.3 s of a 7 s run, or an empty file, when started after).
        local i
        for ((i = 0; i < 100; i++)); do [[ -s $WORK/$name.perf.data ]] && break; sleep 0.1; done
        sleep 0.5
    fi
    local uniq=()
    ((UNIQUE)) && uniq=(--unique)
    python3 "$LOAD" run "${uniq[@]}" --port "$smtp" --messages "$MESSAGES" --sessions "$SESSIONS" \
        --delivered-dir "$dir/delivered" --sink-pidfile "$dir/pids/smtp-sink.pid" \
        >"$WORK/$name.out" 2>"$WORK/$name.err" &
    MTA_LOAD_PID=$!
    wait "$MTA_LOAD_PID" || rc=$?
    MTA_LOAD_PID=
    if [[ -n $perf_pid ]]; then
        kill -INT "$perf_pid" 2>/dev/null || true
        wait "$perf_pid" 2>/dev/null || true
        perf report -i "$WORK/$name.perf.data" --stdio --no-children --percent-limit 0.7 \
            --sort comm,dso,sym -g none >"$WORK/$name.perf.txt" 2>/dev/null || true
        log "profile $name (perf, self time, >= 0.7%; $WORK/$name.perf.txt):"
        grep -v '^#' "$WORK/$name.perf.txt" | grep . | head -n 40 >&2 || true
    fi
    python3 "$PROC_CPU" snap "${pidargs[@]}" >"$WORK/$name.cpu1"
    cat "$WORK/$name.out" "$WORK/$name.err" >&2
    if ((rc != 0)); then
        log "run $name: load client reported failures (exit $rc); Postfix log tail:"
        tail -n 15 "$dir/log/postfix.log" >&2 || true
    fi
    out=$(sed -n 's/.* rate=\([0-9.]*\) msg\/s.*/\1/p' "$WORK/$name.out")
    [[ -n $out ]] || die "run $name: no rate reported"
    # The figure is only meaningful when every message was delivered.
    ((rc == 0)) || die "run $name: not all $MESSAGES messages were accepted and delivered"
    RATE=$out
    local client
    client=$(sed -n 's/.* client_cpu=\([0-9.]*\).*/\1/p' "$WORK/$name.out")
    python3 "$PROC_CPU" diff "$WORK/$name.cpu0" "$WORK/$name.cpu1" --name "$name" --summary "$WORK/$name.cpusum" \
        --messages "$MESSAGES" --client-cpu "${client:-0}" | sed "s/^/$PROG: /" >&2
    read -r CPU_ACCT CPU_MILTER CPU_BUSY <"$WORK/$name.cpusum"
    LAT=
    if ((${LATENCY:-0} > 0)); then
        python3 "$LOAD" latency "${uniq[@]}" --port "$smtp" --count "$LATENCY" >"$WORK/$name.lat" ||
            { cat "$WORK/$name.lat" >&2; die "run $name: latency run failed"; }
        sed "s/^/$PROG: $name /" "$WORK/$name.lat" >&2
        LAT=$(sed -n 's/^latency: all .*median=\([0-9.]*\) p99=\([0-9.]*\).*/\1 \2/p' "$WORK/$name.lat")
        [[ -n $LAT ]] || die "run $name: no latency reported"
    fi
    "$INSTANCE" stop "$dir" >&2
    rm -rf -- "$dir/delivered"   # free disk between runs
}
