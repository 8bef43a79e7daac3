#!/usr/bin/env bash
# A working Ordinance gateway on loopback, from a fresh Debian 12 machine:
#   deploy/quickstart.sh          install, build, start, send demo mail, print what happened
#   deploy/quickstart.sh stop     stop what the quickstart started (by PID)
#   deploy/quickstart.sh status   say what runs
# State lives in .quickstart/ in the checkout (git-ignored): the configuration
# (.quickstart/ordinance.toml), the private Postfix, the milter log, and delivered/ where
# the next hop (smtp-sink) writes every message that got through.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
QS="$ROOT/.quickstart"
SMTP_PORT=${QUICKSTART_SMTP_PORT:-2525}
SINK_PORT=${QUICKSTART_SINK_PORT:-2526}
MILTER_PORT=${QUICKSTART_MILTER_PORT:-7358}
PIDFILE="$QS/milter.pid"

milter_running() {
  [ -f "$PIDFILE" ] || return 1
  local pid; pid=$(cat "$PIDFILE")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q ordinance-milter
}

stop_all() {
  if [ -d "$QS/postfix" ]; then deploy/postfix-instance.sh stop "$QS" || true; fi
  if milter_running; then
    local pid; pid=$(cat "$PIDFILE")
    kill "$pid"
    for _ in $(seq 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
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
    -e "s|^stripped_dir = .*|stripped_dir = \"$QS/stripped\"|" \
    -e "s|^strip = \[\]|strip = [\"script\"]   # quickstart: scripts are cut out, not refused|" \
    -e "s|^spool_dir = \"/var/lib/ordinance/notices\"|spool_dir = \"$QS/notices\"|" \
    -e "s|^smtp = \"127.0.0.1:25\"|smtp = \"127.0.0.1:$SMTP_PORT\"|" \
    config/examples/ordinance.toml >"$QS/ordinance.toml"
build/ordinance --config "$QS/ordinance.toml" check-config >/dev/null

nohup build/ordinance-milter --config "$QS/ordinance.toml" >>"$QS/milter.log" 2>&1 &
echo $! >"$PIDFILE"
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$MILTER_PORT") 2>/dev/null && break
  milter_running || { echo "quickstart: ordinance-milter failed to start; see $QS/milter.log" >&2; tail -5 "$QS/milter.log" >&2; exit 1; }
  sleep 0.1
done

deploy/postfix-instance.sh start "$QS" --smtp-port "$SMTP_PORT" --sink-port "$SINK_PORT" \
  --milter "inet:127.0.0.1:$MILTER_PORT" --milter-default-action tempfail >/dev/null

python3 deploy/quickstart_demo.py --dir "$QS" --smtp-port "$SMTP_PORT"

cat <<EOM

The gateway is running: Postfix on 127.0.0.1:$SMTP_PORT -> ordinance-milter (inet:127.0.0.1:$MILTER_PORT)
-> smtp-sink on 127.0.0.1:$SINK_PORT, which writes what arrives to .quickstart/delivered/.
Logs: .quickstart/milter.log (key=value), .quickstart/log/postfix.log.
Try a saved message: build/ordinance --config .quickstart/ordinance.toml scan FILE.eml
Journal (every message let through, .quickstart/journal/): build/ordinance --config .quickstart/ordinance.toml journal search --participant alice@modot.mo.gov

Send:  swaks --server 127.0.0.1:$SMTP_PORT --from alice@modot.mo.gov --to bob@modot.mo.gov --header 'Subject: hello'
Stop:  deploy/quickstart.sh stop
EOM
