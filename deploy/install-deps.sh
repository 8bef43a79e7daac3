#!/usr/bin/env bash
# Installs, from Debian 12's packages only, whatever Ordinance needs to build, test and run
# that is not installed yet. Safe to run repeatedly; does nothing when all is present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache git
  libmimetic-dev libmilter-dev libtomlplusplus-dev catch2
  postfix swaks python3 sasl2-bin libsasl2-modules
  clang-14 libclang-rt-14-dev
  libzstd-dev libsqlite3-dev libssl-dev
  libclamav-dev clamav-testfiles zip libarchive-dev
  libre2-dev libicu-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# Postfix must not configure itself as the system's mailer: our instances are private.
echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
