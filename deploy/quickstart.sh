#!/usr/bin/env bash
# A working Ordinance gateway on loopback, from a fresh Debian 12 machine:
#   deploy/quickstart.sh          install, build, start, send demo mail, print what happened
#   deploy/quickstart.sh stop     stop what the quickstart started (by PID)
#   deploy/quickstart.sh status   say what runs
# State lives in .quickstart/ in the checkout (git-ignored): the configuration
# (.quickstart/ordinance.toml), the private Postfix, the milter log, and delivered/ where
# the next hop (smtp-sink) writes every message that got through.
# Environment: QUICKSTART_SMTP_PORT, QUICKSTART_SINK_PORT, QUICKSTART_MILTER_PORT,
# QUICKSTART_REINJECT_PORT (2525, 2526, 7358, 10026: the milter-less smtpd that released
# quarantine items go back through), QUICKSTART_DIR (.quickstart), QUICKSTART_START_SECONDS (how long the milter may take
# to listen, 60), QUICKSTART_MILTER (the milter binary, build/ordinance-milter).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
QS=${QUICKSTART_DIR:-"$ROOT/.quickstart"}
SMTP_PORT=${QUICKSTART_SMTP_PORT:-2525}
SINK_PORT=${QUICKSTART_SINK_PORT:-2526}
MILTER_PORT=${QUICKSTART_MILTER_PORT:-7358}
REINJECT_PORT=${QUICKSTART_REINJECT_PORT:-10026}
START_SECONDS=${QUICKSTART_START_SECONDS:-60}
MILTER_BIN=${QUICKSTART_MILTER:-build/ordinance-milter}
PIDFILE="$QS/milter.pid"

# Alive, and not a zombie: a process that exited but was not reaped yet is not running.
pid_alive() {
  local pid=$1 state
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  state=$(sed -e 's/^.*) //' -e 's/ .*//' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ "$state" != Z ]
}

# The milter of an earlier run is recognised by its command line; the one this run starts is
# known by PID from the moment it is forked (before its exec, its command line is still ours).
milter_running() {
  [ -f "$PIDFILE" ] || return 1
  local pid; pid=$(cat "$PIDFILE")
  pid_alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q ordinance-milter
}

stop_pid() {
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do pid_alive "$pid" || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true  # it did not stop in 10 s
}

stop_all() {
  if [ -d "$QS/postfix" ]; then deploy/postfix-instance.sh stop "$QS" || true; fi
  if milter_running; then
    local pid; pid=$(cat "$PIDFILE")
    stop_pid "$pid"
    echo "quickstart: stopped ordinance-milter (pid $pid)"
  fi
  rm -f "$PIDFILE"
}

case "${1:-start}" in
  stop) stop_all; exit 0 ;;
  status)
    rc=0
    if milter_running; then echo "ordinance-milter: running (pid $(cat "$PIDFILE"))"; else echo "ordinance-milter: stopped"; rc=1; fi
    if [ -d "$QS/postfix" ] && deploy/postfix-instance.sh status "$QS" >/dev/null 2>&1; then
      echo "postfix on 127.0.0.1:$SMTP_PORT: running"; else echo "postfix: stopped"; rc=1; fi
    exit $rc ;;
  start) ;;
  -h|--help)
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: deploy/quickstart.sh [start|stop|status]" >&2; exit 2 ;;
esac

if [ "$(id -u)" -ne 0 ]; then
  echo "quickstart: run as root (it installs packages and starts a private Postfix)" >&2
  exit 2
fi

echo "quickstart: installing what is missing and building"
deploy/install-deps.sh
deploy/build.sh build >/dev/null

stop_all  # running twice is safe: start afresh
mkdir -p "$QS/spool" "$QS/delivered"
# The milter drops root for this system user after binding its socket.
id ordinance >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin ordinance
chown ordinance: "$QS/spool"
chmod 700 "$QS/spool"

# The example configuration, with this checkout's paths and ports.
# data_dir: relative data files (policy maps, rules, signatures) stay in the checkout.
sed -e "s|^data_dir = .*|data_dir = \"$ROOT/config/examples\"|" \
    -e "s|^socket = .*|socket = \"inet:127.0.0.1:$MILTER_PORT\"|" \
    -e "s|^spool_dir = \"/var/spool/ordinance\"|spool_dir = \"$QS/spool\"|" \
    -e "s|^dir = \"/var/lib/ordinance/journal\"|dir = \"$QS/journal\"|" \
    -e "s|^dir = \"/var/lib/ordinance/quarantine\"|dir = \"$QS/quarantine\"|" \
    -e "s|^reinject = \"127.0.0.1:10026\"|reinject = \"127.0.0.1:$REINJECT_PORT\"|" \
    -e "s|^stripped_dir = .*|stripped_dir = \"$QS/stripped\"|" \
    -e "s|^strip = \[\]|strip = [\"script\"]   # quickstart: scripts are cut out, not refused|" \
    -e "s|^spool_dir = \"/var/lib/ordinance/notices\"|spool_dir = \"$QS/notices\"|" \
    -e "s|^smtp = \"127.0.0.1:25\"|smtp = \"127.0.0.1:$SMTP_PORT\"|" \
    config/examples/ordinance.toml >"$QS/ordinance.toml"
build/ordinance --config "$QS/ordinance.toml" check-config >/dev/null

# From here on, a failure stops what this run started: no milter or Postfix is left behind.
started_pid=""
on_failure() {
  local rc=$?
  trap - EXIT
  [ "$rc" -eq 0 ] && return 0
  echo "quickstart: failed; stopping what it started" >&2
  if [ -d "$QS/postfix" ]; then deploy/postfix-instance.sh stop "$QS" >/dev/null 2>&1 || true; fi
  if [ -n "$started_pid" ]; then stop_pid "$started_pid"; fi
  rm -f "$PIDFILE"
  exit "$rc"
}
trap on_failure EXIT

nohup "$MILTER_BIN" --config "$QS/ordinance.toml" >>"$QS/milter.log" 2>&1 &
started_pid=$!
echo "$started_pid" >"$PIDFILE"
deadline=$((SECONDS + START_SECONDS))
until (exec 3<>"/dev/tcp/127.0.0.1/$MILTER_PORT") 2>/dev/null; do
  if ! pid_alive "$started_pid"; then
    echo "quickstart: ordinance-milter exited before it listened; see $QS/milter.log" >&2
    tail -5 "$QS/milter.log" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "quickstart: ordinance-milter (pid $started_pid) did not listen on 127.0.0.1:$MILTER_PORT" \
      "within ${START_SECONDS}s (QUICKSTART_START_SECONDS); see $QS/milter.log" >&2
    exit 1
  fi
  sleep 0.1
done

deploy/postfix-instance.sh start "$QS" --smtp-port "$SMTP_PORT" --sink-port "$SINK_PORT" \
  --reinject-port "$REINJECT_PORT" --milter "inet:127.0.0.1:$MILTER_PORT" --milter-default-action tempfail >/dev/null

python3 deploy/quickstart_demo.py --dir "$QS" --smtp-port "$SMTP_PORT"
trap - EXIT

QSR=${QS#"$ROOT"/}
cat <<EOM

The gateway is running: Postfix on 127.0.0.1:$SMTP_PORT -> ordinance-milter (inet:127.0.0.1:$MILTER_PORT)
-> smtp-sink on 127.0.0.1:$SINK_PORT, which writes what arrives to $QSR/delivered/.
Logs: $QSR/milter.log (key=value), $QSR/log/postfix.log.
Try a saved message: build/ordinance --config $QSR/ordinance.toml scan FILE.eml
Journal (every message let through, $QSR/journal/): build/ordinance --config $QSR/ordinance.toml journal search --participant alice@modot.mo.gov
Held mail ($QSR/quarantine/): build/ordinance --config $QSR/ordinance.toml quarantine list
  release one (back through the milter-less smtpd on 127.0.0.1:$REINJECT_PORT):
  build/ordinance --config $QSR/ordinance.toml quarantine release ID --reason "reviewed"

Send:  swaks --server 127.0.0.1:$SMTP_PORT --from alice@modot.mo.gov --to bob@modot.mo.gov --header 'Subject: hello'
Stop:  deploy/quickstart.sh stop
EOM
