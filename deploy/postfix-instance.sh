#!/usr/bin/env bash
# Private, self-contained Postfix instance on 127.0.0.1 for the quickstart,
# the integration tests and the benchmarks. See --help.
set -euo pipefail

PROG=${0##*/}
SYSTEM_MAIN_CF=/etc/postfix/main.cf
LOCK_FILE=/run/lock/ordinance-postfix-instance.lock
WAIT_SECS=${POSTFIX_INSTANCE_WAIT:-15}

usage() {
    cat <<EOF
Usage:
  $PROG start DIR [options]   configure and start an instance under DIR
  $PROG stop DIR              stop what 'start' started under DIR
  $PROG status DIR            exit 0 if the instance and its sink both run
  $PROG --help

Runs a private Postfix on 127.0.0.1 that relays every recipient to a local
smtp-sink, which writes each received message to a file. Must run as root.

Options for 'start':
  --smtp-port PORT               Postfix smtpd port (default 2525)
  --sink-port PORT               smtp-sink (next hop) port (default 2526)
  --milter SOCKET                smtpd_milters, e.g. inet:127.0.0.1:7358 or
                                 unix:/path/to/sock (default: no milter)
  --milter-default-action ACT    milter_default_action (default tempfail)
  --reinject-port PORT           also a re-injection smtpd on 127.0.0.1:PORT with no
                                 milters (where `ordinance quarantine release` sends)
  --set PARAM=VALUE              extra main.cf parameter; repeatable; applied
                                 last, so it overrides the defaults below

Layout (DIR is made absolute):
  DIR/postfix/etc        config_directory (main.cf, master.cf)
  DIR/postfix/queue      queue_directory (root-owned; Postfix makes subdirs)
  DIR/postfix/data       data_directory
  DIR/delivered/         one file per message received by the sink, named
                         YYYYmmddHHMMSS.<hex> (hex = sink's random id); the
                         file starts with the sink's X-Client-Addr,
                         X-Client-Proto, X-Helo-Args, X-Mail-Args,
                         X-Rcpt-Args (one per recipient) lines and a 3-line
                         Received: header, then the message as received
                         (dot-unstuffed, LF line ends), then one empty line
  DIR/log/postfix.log    Postfix log (maillog_file)
  DIR/log/smtp-sink.log  smtp-sink stdout/stderr (-c counters: mesg=N)
  DIR/pids/smtp-sink.pid PID of the sink
  Postfix master PID:    DIR/postfix/queue/pid/master.pid

Behaviour:
  - 'start' on a running instance stops it first, then starts afresh with the
    new options (queue and delivered files are kept).
  - 'start' returns once both ports accept connections, or fails after
    ${WAIT_SECS}s (env POSTFIX_INSTANCE_WAIT) pointing at the logs.
  - DIR/postfix/etc is added to alternate_config_directories in
    $SYSTEM_MAIN_CF (created minimally if missing); 'stop' removes it again,
    and entries whose directory no longer exists are pruned.
  - Queue retries are fast (queue_run_delay 5s, backoff 5s..10s).
  - 'stop' runs 'postfix -c ETC stop' and kills only the sink PID from the
    PID file (after checking /proc/PID/cmdline); safe when nothing runs.
EOF
}

die() { echo "$PROG: error: $*" >&2; exit 1; }
note() { echo "$PROG: $*" >&2; }

# ---------------------------------------------------------------- helpers

abs_dir() { # make DIR absolute without requiring it to exist
    local d=$1
    [[ $d == /* ]] || d="$PWD/$d"
    realpath -m -- "$d"
}

set_paths() {
    DIR=$(abs_dir "$1")
    ETC=$DIR/postfix/etc
    QUEUE=$DIR/postfix/queue
    DATA=$DIR/postfix/data
    DELIVERED=$DIR/delivered
    LOGDIR=$DIR/log
    PIDDIR=$DIR/pids
    SINK_PIDFILE=$PIDDIR/smtp-sink.pid
    MASTER_PIDFILE=$QUEUE/pid/master.pid
}

port_listening() { # PORT -> 0 if something listens on 127.0.0.1:PORT
    ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
}

read_pid() { # FILE -> prints pid or nothing
    [[ -r $1 ]] || return 0
    tr -dc '0-9' <"$1"
}

pid_is() { # PID NAME -> 0 if PID is alive and argv[0] basename is NAME
    local pid=$1 name=$2 argv0
    [[ -n $pid && -r /proc/$pid/cmdline ]] || return 1
    argv0=$(tr '\0' '\n' </proc/"$pid"/cmdline 2>/dev/null | head -n1) || return 1
    [[ ${argv0##*/} == "$name" ]]
}

sink_pid() { # prints the sink PID if it is alive and ours
    local pid
    pid=$(read_pid "$SINK_PIDFILE")
    if pid_is "$pid" smtp-sink && tr '\0' ' ' </proc/"$pid"/cmdline | grep -qF -- "$DELIVERED/"; then
        echo "$pid"
    fi
}

master_pid() { # prints the Postfix master PID if it runs with our config
    local pid
    pid=$(read_pid "$MASTER_PIDFILE")
    if pid_is "$pid" master && tr '\0' '\n' </proc/"$pid"/environ 2>/dev/null | grep -qxF "MAIL_CONFIG=$ETC"; then
        echo "$pid"
    fi
}

instance_pids() { # all processes that run with MAIL_CONFIG=ETC (master + children)
    local p
    for p in /proc/[0-9]*; do
        tr '\0' '\n' 2>/dev/null <"$p/environ" | grep -qxF "MAIL_CONFIG=$ETC" && echo "${p#/proc/}"
    done
    return 0
}

# Serialise edits of the system main.cf between concurrent invocations.
with_lock() {
    mkdir -p "${LOCK_FILE%/*}"
    (
        flock -w 30 9 || die "could not lock $LOCK_FILE"
        "$@"
    ) 9>"$LOCK_FILE"
}

alt_dirs_update() { # add|remove ETC
    local op=$1 cur out=() d have=0
    if [[ ! -e $SYSTEM_MAIN_CF ]]; then
        [[ $op == add ]] || return 0
        note "creating minimal $SYSTEM_MAIN_CF"
        mkdir -p "${SYSTEM_MAIN_CF%/*}"
        cat >"$SYSTEM_MAIN_CF" <<EOF
# Minimal main.cf created by Ordinance's deploy/postfix-instance.sh so that
# private instances can be authorised via alternate_config_directories.
compatibility_level = 3.6
EOF
        backdate "$SYSTEM_MAIN_CF"
    fi
    cur=$(postconf -c "${SYSTEM_MAIN_CF%/*}" -h alternate_config_directories 2>/dev/null || true)
    for d in ${cur//,/ }; do
        [[ -n $d ]] || continue
        if [[ $d == "$ETC" ]]; then
            have=1
            [[ $op == remove ]] && continue
        elif [[ $d == /* && ! -d $d ]]; then
            continue    # prune stale entries of deleted instances
        fi
        out+=("$d")
    done
    [[ $op == add && $have == 0 ]] && out+=("$ETC")
    local new="${out[*]:-}"
    new=${new// /, }
    if [[ $new != "${cur}" ]]; then
        postconf -c "${SYSTEM_MAIN_CF%/*}" -e "alternate_config_directories = $new"
        backdate "$SYSTEM_MAIN_CF"
    fi
}

# Postfix re-reads a config file that changed within the last second until it
# is stable (~2 s per postconf call), so backdate files after every edit.
backdate() { touch -c -d '-10 seconds' "$@" 2>/dev/null || true; }
pf() {
    postconf -c "$ETC" "$@"
    backdate "$ETC/main.cf" "$ETC/master.cf"
}

# ---------------------------------------------------------------- commands

cmd_status() {
    local mp sp rc=0
    mp=$(master_pid); sp=$(sink_pid)
    if [[ -n $mp ]]; then echo "postfix: running (master pid $mp)"; else echo "postfix: not running"; rc=1; fi
    if [[ -n $sp ]]; then echo "smtp-sink: running (pid $sp)"; else echo "smtp-sink: not running"; rc=1; fi
    return $rc
}

cmd_stop() {
    local mp sp pids i
    mp=$(master_pid)
    if [[ -n $mp ]]; then
        postfix -c "$ETC" stop >/dev/null 2>&1 || kill -TERM "$mp" 2>/dev/null || true
    fi
    sp=$(sink_pid)
    if [[ -n $sp ]]; then
        kill -TERM "$sp" 2>/dev/null || true
    fi
    # Wait for the master, its children and the sink to go away.
    for ((i = 0; i < 100; i++)); do
        pids=$(instance_pids)
        if [[ -z $pids ]] && { [[ -z $sp ]] || ! pid_is "$sp" smtp-sink; }; then
            break
        fi
        sleep 0.1
    done
    local left=()
    mapfile -t left < <(instance_pids)
    if ((${#left[@]})); then
        # Leftover Postfix daemons of this instance (verified via MAIL_CONFIG).
        note "killing leftover processes of this instance: ${left[*]}"
        kill -KILL "${left[@]}" 2>/dev/null || true
    fi
    if [[ -n $sp ]] && pid_is "$sp" smtp-sink; then
        kill -KILL "$sp" 2>/dev/null || true
    fi
    rm -f "$SINK_PIDFILE"
    if [[ -d $ETC ]]; then
        with_lock alt_dirs_update remove
    fi
    return 0
}

configure() {
    local master_src
    mkdir -p "$ETC" "$QUEUE" "$DATA" "$DELIVERED" "$LOGDIR" "$PIDDIR"
    # Postfix daemons (user postfix) and the sink must be able to reach DIR.
    chmod 755 "$DIR" "$DIR/postfix" "$ETC" "$LOGDIR" "$PIDDIR"
    chown root:root "$QUEUE"; chmod 755 "$QUEUE"
    chown postfix "$DATA" "$DELIVERED"; chmod 755 "$DELIVERED"
    if ! runuser -u postfix -- test -w "$DELIVERED" 2>/dev/null; then
        die "user postfix cannot write $DELIVERED; make the parents of $DIR traversable (chmod o+x)"
    fi

    # master.cf: start from the distribution's file, then patch it.
    for master_src in /etc/postfix/master.cf /usr/share/postfix/master.cf.dist /etc/postfix/master.cf.proto; do
        [[ -r $master_src ]] && break
    done
    [[ -r $master_src ]] || die "no master.cf template found"
    # Write main.cf directly: postconf on a main.cf without myhostname would
    # first try to resolve the host name (slow without DNS).
    cat >"$ETC/main.cf" <<EOF
# Generated by Ordinance deploy/postfix-instance.sh -- private test instance.
compatibility_level = 3.6
queue_directory = $QUEUE
data_directory = $DATA
mail_owner = postfix
setgid_group = postdrop
maillog_file = $LOGDIR/postfix.log
maillog_file_prefixes = /var, /dev/stdout, $LOGDIR
myhostname = ordinance-test.localdomain
mydomain = localdomain
myorigin = \$myhostname
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mydestination =
relay_domains =
local_recipient_maps =
relayhost = [127.0.0.1]:$SINK_PORT
default_transport = smtp
smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
alias_maps =
alias_database =
smtp_tls_security_level = none
smtpd_tls_security_level = none
message_size_limit = 104857600
mailbox_size_limit = 0
minimal_backoff_time = 5s
maximal_backoff_time = 10s
queue_run_delay = 5s
smtpd_error_sleep_time = 0s
biff = no
non_smtpd_milters =
EOF
    cp "$master_src" "$ETC/master.cf"
    backdate "$ETC/main.cf" "$ETC/master.cf"

    if [[ -n $MILTER ]]; then
        pf -e \
            "smtpd_milters = $MILTER" \
            "milter_default_action = $MILTER_DEFAULT_ACTION" \
            "milter_protocol = 6" \
            "milter_connect_timeout = 10s" \
            "milter_command_timeout = 30s" \
            "milter_content_timeout = 120s" \
            "milter_connect_macros = j {daemon_name} {daemon_addr} v _ {client_addr} {client_name} {client_port} {if_addr} {if_name}" \
            "milter_helo_macros = {tls_version} {cipher} {cipher_bits} {cert_subject} {cert_issuer} {client_addr} {daemon_name} {if_addr}" \
            "milter_mail_macros = i {auth_type} {auth_authen} {auth_author} {mail_addr} {mail_host} {mail_mailer} {client_addr} {daemon_name} {if_addr}" \
            "milter_rcpt_macros = i {rcpt_addr} {rcpt_host} {rcpt_mailer} {auth_authen} {client_addr} {daemon_name} {if_addr}" \
            "milter_data_macros = i {auth_authen} {client_addr} {daemon_name} {if_addr}" \
            "milter_end_of_data_macros = i {auth_authen} {client_addr} {daemon_name} {if_addr}"
    else
        pf -e "smtpd_milters ="
    fi

    local kv
    for kv in "${EXTRA[@]}"; do
        pf -e "$kv"
    done

    # smtpd only on 127.0.0.1:SMTP_PORT; never the default "smtp inet" (port 25).
    pf -MX smtp/inet 2>/dev/null || true
    local svc
    for svc in $(pf -M | awk '$2 == "inet" {print $1 "/inet"}'); do
        pf -MX "$svc"
    done
    pf -M "127.0.0.1:$SMTP_PORT/inet = 127.0.0.1:$SMTP_PORT inet n - n - - smtpd"
    # Released messages come back here: no milters, so they are not judged (and held) again.
    if [[ -n $REINJECT_PORT ]]; then
        pf -M "127.0.0.1:$REINJECT_PORT/inet = 127.0.0.1:$REINJECT_PORT inet n - n - - smtpd -o syslog_name=postfix/reinject -o smtpd_milters= -o non_smtpd_milters= -o receive_override_options=no_milters -o smtpd_client_restrictions=permit_mynetworks,reject -o cleanup_service_name=reinject-cleanup"
        # Its own cleanup logs each release id (X-Ordinance-Release), so that `ordinance
        # quarantine settle` can tell from the log whether an interrupted release was taken.
        printf '/^X-Ordinance-Release:/ INFO\n' >"$ETC/reinject_header_checks"
        pf -M "reinject-cleanup/unix = reinject-cleanup unix n - n - 0 cleanup -o syslog_name=postfix/reinject -o header_checks=regexp:$ETC/reinject_header_checks"
    fi
    # Exactly one postlog service (needed for maillog_file).
    if [[ $(pf -M | awk '$1 == "postlog"' | wc -l) == 0 ]]; then
        pf -M "postlog/unix-dgram = postlog unix-dgram n - n - 1 postlogd"
    fi
    [[ $(pf -M | awk '$1 == "postlog"' | wc -l) == 1 ]] || die "master.cf: expected exactly one postlog service"
    pf -F '*/*/chroot = n'
}

wait_ports() {
    local deadline=$((SECONDS + WAIT_SECS)) ok_smtp=0 ok_sink=0
    while ((SECONDS < deadline)); do
        port_listening "$SMTP_PORT" && ok_smtp=1
        port_listening "$SINK_PORT" && ok_sink=1
        if [[ -n $REINJECT_PORT ]] && ! port_listening "$REINJECT_PORT"; then sleep 0.1; continue; fi
        ((ok_smtp && ok_sink)) && return 0
        sleep 0.1
    done
    ((ok_smtp)) || note "Postfix is not listening on 127.0.0.1:$SMTP_PORT after ${WAIT_SECS}s; see $LOGDIR/postfix.log"
    ((ok_sink)) || note "smtp-sink is not listening on 127.0.0.1:$SINK_PORT after ${WAIT_SECS}s; see $LOGDIR/smtp-sink.log"
    return 1
}

cmd_start() {
    [[ $EUID == 0 ]] || die "must run as root"
    [[ $SMTP_PORT =~ ^[0-9]+$ && $SINK_PORT =~ ^[0-9]+$ ]] || die "ports must be numbers"
    [[ -z $REINJECT_PORT || $REINJECT_PORT =~ ^[0-9]+$ ]] || die "--reinject-port must be a number"
    [[ $SMTP_PORT != "$SINK_PORT" ]] || die "--smtp-port and --sink-port must differ"
    command -v postfix >/dev/null || die "postfix is not installed"
    command -v smtp-sink >/dev/null || die "smtp-sink is not installed (package postfix)"

    if [[ -n $(master_pid) || -n $(sink_pid) ]]; then
        note "instance in $DIR is running; restarting it"
        cmd_stop
    fi
    local p
    for p in "$SMTP_PORT" "$SINK_PORT" $REINJECT_PORT; do
        if port_listening "$p"; then
            die "port 127.0.0.1:$p is already in use: $(ss -Hltnp "sport = :$p" | awk '{print $NF}' | head -n1)"
        fi
    done

    configure
    with_lock alt_dirs_update add

    local out
    if ! out=$(postfix -c "$ETC" check 2>&1); then
        echo "$out" >&2
        die "postfix check failed for $ETC"
    fi
    [[ -z $out ]] || note "postfix check: $out"

    # Next hop: smtp-sink dumping each message into DIR/delivered.
    # strftime template: escape '%' in the path.
    local tmpl="${DELIVERED//%/%%}/%Y%m%d%H%M%S."
    setsid smtp-sink -u postfix -c -d "$tmpl" "127.0.0.1:$SINK_PORT" 256 \
        </dev/null >>"$LOGDIR/smtp-sink.log" 2>&1 &
    echo $! >"$SINK_PIDFILE"

    if ! out=$(postfix -c "$ETC" start 2>&1); then
        echo "$out" >&2
        cmd_stop
        die "postfix start failed; see $LOGDIR/postfix.log"
    fi

    if ! wait_ports; then
        cmd_stop
        die "instance did not come up; logs: $LOGDIR/postfix.log $LOGDIR/smtp-sink.log"
    fi
    local mp
    mp=$(master_pid)
    echo "started: smtpd 127.0.0.1:$SMTP_PORT (master pid ${mp:-?}) -> smtp-sink 127.0.0.1:$SINK_PORT (pid $(read_pid "$SINK_PIDFILE"))${MILTER:+, milter $MILTER}; dir $DIR"
}

# ---------------------------------------------------------------- main

[[ $# -ge 1 ]] || { usage >&2; exit 2; }
case $1 in
    -h|--help|help) usage; exit 0 ;;
esac
CMD=$1; shift
case $CMD in
    start|stop|status) ;;
    *) echo "$PROG: unknown command '$CMD'" >&2; usage >&2; exit 2 ;;
esac
[[ $# -ge 1 && $1 != -* ]] || die "$CMD: missing DIR (see --help)"
set_paths "$1"; shift

SMTP_PORT=2525
SINK_PORT=2526
MILTER=
MILTER_DEFAULT_ACTION=tempfail
REINJECT_PORT=
EXTRA=()
while [[ $# -gt 0 ]]; do
    [[ $CMD == start ]] || die "$CMD takes no options"
    case $1 in
        --smtp-port) SMTP_PORT=${2:?--smtp-port needs a value}; shift 2 ;;
        --sink-port) SINK_PORT=${2:?--sink-port needs a value}; shift 2 ;;
        --milter) MILTER=${2:?--milter needs a value}; shift 2 ;;
        --milter-default-action) MILTER_DEFAULT_ACTION=${2:?--milter-default-action needs a value}; shift 2 ;;
        --reinject-port) REINJECT_PORT=${2:?--reinject-port needs a value}; shift 2 ;;
        --reinject-port=*) REINJECT_PORT=${1#*=}; shift ;;
        --set)
            [[ ${2:-} == *=* ]] || die "--set needs PARAM=VALUE"
            EXTRA+=("$2"); shift 2 ;;
        --smtp-port=*) SMTP_PORT=${1#*=}; shift ;;
        --sink-port=*) SINK_PORT=${1#*=}; shift ;;
        --milter=*) MILTER=${1#*=}; shift ;;
        --milter-default-action=*) MILTER_DEFAULT_ACTION=${1#*=}; shift ;;
        --set=*) [[ ${1#*=} == *=* ]] || die "--set needs PARAM=VALUE"; EXTRA+=("${1#*=}"); shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done

case $CMD in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
esac
