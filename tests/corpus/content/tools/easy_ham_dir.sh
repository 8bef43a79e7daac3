#!/usr/bin/env bash
# Prints the directory holding the SpamAssassin easy_ham sample (the outside check for the
# content classifier; it must never be copied into the corpus). Debian ships it in
# golang-github-gatherstars-com-jwz-dev as .../gatherstars-com/jwz/test/testdata/ham/*.eml.
# Exit 0 with the directory on stdout; exit 1 with a message on stderr when it is absent.
set -euo pipefail
pkg=golang-github-gatherstars-com-jwz-dev
dir=""
if dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null | grep -q '^ii'; then
    dir=$(dpkg -L "$pkg" 2>/dev/null | grep -m1 '/test/testdata/ham$' || true)
fi
if [ -z "$dir" ] || [ ! -d "$dir" ] || ! ls "$dir"/*.eml >/dev/null 2>&1; then
    echo "easy_ham_dir.sh: easy_ham sample not found: install it with 'apt-get install -y $pkg' (it provides .../jwz/test/testdata/ham/*.eml)" >&2
    exit 1
fi
echo "$dir"
