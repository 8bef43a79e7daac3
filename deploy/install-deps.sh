#!/usr/bin/env bash
# Installs, from Debian 12's packages only, whatever Ordinance needs to build, test and run
# that is not installed yet. Safe to run repeatedly; does nothing when all is present.
#   deploy/install-deps.sh           what the build, the tests and the milter need (CI)
#   deploy/install-deps.sh --bench   also BENCH_PACKAGES, for bench/mta_av.sh only
set -euo pipefail

BENCH=0
case "${1:-}" in
  "") ;;
  --bench) BENCH=1 ;;
  *) echo "usage: ${0##*/} [--bench]" >&2; exit 2 ;;
esac

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache git
  libmimetic-dev libmilter-dev libtomlplusplus-dev catch2
  postfix swaks python3 sasl2-bin libsasl2-modules
  clang-14 libclang-rt-14-dev
  libzstd-dev libsqlite3-dev libssl-dev
  libclamav-dev clamav-testfiles zip libarchive-dev
  libre2-dev libicu-dev
  liblinear-dev libpoppler-cpp-dev golang-github-gatherstars-com-jwz-dev
)

# bench/mta_av.sh's anchor, Debian's clamd + clamav-milter; the benchmark starts its own by PID
# with its own configuration, so the system services these packages bring must not run.
BENCH_PACKAGES=(clamav-daemon clamav-milter)
[ "$BENCH" = 0 ] || PACKAGES+=("${BENCH_PACKAGES[@]}")

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done
quiet_services=()   # the services of the ClamAV packages this run installs (freshclam comes with them)
if [ "$BENCH" = 1 ]; then
  for p in clamav-daemon clamav-freshclam clamav-milter; do installed "$p" || quiet_services+=("$p"); done
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# Postfix must not configure itself as the system's mailer: our instances are private.
echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
if [ ${#quiet_services[@]} -gt 0 ] && [ ! -e /usr/sbin/policy-rc.d ]; then
  # policy-rc.d answering 101 keeps the maintainer scripts from starting those services
  # (a host's own policy-rc.d, as in containers, is left as it is).
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod 755 /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
if [ ${#quiet_services[@]} -gt 0 ] && [ -d /run/systemd/system ]; then
  # ... nor start them at boot (clamav-daemon is also socket-activated).
  for u in "${quiet_services[@]}"; do
    [ "$u" != clamav-daemon ] || $SUDO systemctl disable --now clamav-daemon.socket >/dev/null 2>&1 || true
    $SUDO systemctl disable --now "$u.service" >/dev/null 2>&1 || true
  done
fi
