#!/usr/bin/env bash
# Re-creates the ham taken from Debian packages, from the decisions in keep.txt beside this file:
#   tests/corpus/content/train/debian/<package>/*.eml + labels.tsv
#   tests/corpus/content/test/debian-enmime/*.eml      + labels.tsv   (held out)
# Nothing is re-decided: every "keep" line of keep.txt is copied byte for byte to its TARGET after
# its SHA-256 is checked; "drop" lines are only reported. The same keep.txt gives the same files,
# the same names and the same labels.tsv (sorted, LC_ALL=C).
#
# Usage: import.sh [--check] [--root PACKAGE=DIR]... [--no-download]
#   --check            build into a temporary tree and compare with the corpus; change nothing.
#                      Exit 0 when identical, 1 when they differ.
#   --root PKG=DIR     take PKG's files from DIR, a tree unpacked with `dpkg -x PKG.deb DIR`.
#   --no-download      fail instead of fetching a package that is not installed at the version
#                      recorded in keep.txt.
# Where a package is not given with --root, its files come from / when dpkg reports it installed
# at the recorded version, otherwise from `apt-get download PKG=VERSION` unpacked with `dpkg -x`
# in a temporary directory (this is how mailman3 is read: it is a service, never installed).
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
content=$(cd "$here/../.." && pwd)          # tests/corpus/content
keep="$here/keep.txt"

check=0
download=1
declare -A root=()
while [ $# -gt 0 ]; do
    case "$1" in
        --check) check=1 ;;
        --no-download) download=0 ;;
        --root)
            [ $# -ge 2 ] || { echo "import.sh: --root needs PACKAGE=DIR" >&2; exit 2; }
            root["${2%%=*}"]="${2#*=}"; shift ;;
        --root=*) v="${1#--root=}"; root["${v%%=*}"]="${v#*=}" ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "import.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done

[ -r "$keep" ] || { echo "import.sh: cannot read $keep" >&2; exit 2; }
for t in sha256sum dpkg-query; do
    command -v "$t" >/dev/null || { echo "import.sh: $t is needed" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Where each package's files are read from.
resolve_root() {  # PKG VERSION -> prints the root directory
    local pkg=$1 ver=$2 have deb
    if [ -n "${root[$pkg]:-}" ]; then echo "${root[$pkg]}"; return; fi
    have=$(dpkg-query -W -f='${db:Status-Abbrev}|${Version}' "$pkg" 2>/dev/null || true)
    if [ "${have%%|*}" = "ii " ] && [ "${have#*|}" = "$ver" ]; then echo /; return; fi
    if [ "$download" = 0 ]; then
        echo "import.sh: $pkg $ver is not installed (found: ${have:-none}) and --no-download was given" >&2
        return 1
    fi
    mkdir -p "$tmp/deb/$pkg"
    if ! (cd "$tmp/deb/$pkg" && apt-get download "$pkg=$ver" >/dev/null 2>"$tmp/deb/$pkg.err"); then
        echo "import.sh: apt-get download $pkg=$ver failed:" >&2
        cat "$tmp/deb/$pkg.err" >&2
        return 1
    fi
    deb=$(ls "$tmp/deb/$pkg"/*.deb)
    mkdir -p "$tmp/root/$pkg"
    dpkg -x "$deb" "$tmp/root/$pkg" || { echo "import.sh: dpkg -x $deb failed" >&2; return 1; }
    echo "$tmp/root/$pkg"
}

out="$tmp/out"
mkdir -p "$out"
declare -A pkgroot=()
declare -A dirs=()
kept=0 dropped=0 bad=0
while IFS=$'\t' read -r action pkg ver orig target sha reason; do
    case "$action" in ''|'#'*) continue ;; esac
    if [ "$action" = drop ]; then dropped=$((dropped + 1)); continue; fi
    [ "$action" = keep ] || { echo "import.sh: keep.txt: bad action '$action'" >&2; exit 2; }
    case "$target" in
        train/debian/*/*.eml|test/debian-enmime/*.eml) ;;
        *) echo "import.sh: keep.txt: target outside the Debian ham directories: $target" >&2; exit 2 ;;
    esac
    key="$pkg $ver"
    if [ -z "${pkgroot[$key]:-}" ]; then
        pkgroot[$key]=$(resolve_root "$pkg" "$ver") || exit 1
    fi
    src="${pkgroot[$key]%/}$orig"
    if [ ! -f "$src" ]; then
        echo "import.sh: missing $src ($pkg $ver)" >&2; bad=$((bad + 1)); continue
    fi
    got=$(sha256sum < "$src" | cut -d' ' -f1)
    if [ "$got" != "$sha" ]; then
        echo "import.sh: $pkg $orig: SHA-256 differs from keep.txt (package changed?); decide it again" >&2
        bad=$((bad + 1)); continue
    fi
    d=$(dirname "$target")
    mkdir -p "$out/$d"
    cp "$src" "$out/$target"
    chmod 0644 "$out/$target"
    printf '%s\tclean\tsource=%s %s; original=%s\n' "$(basename "$target")" "$pkg" "$ver" "$orig" >> "$out/$d/labels.unsorted"
    dirs[$d]=1
    kept=$((kept + 1))
done < "$keep"
[ "$bad" = 0 ] || { echo "import.sh: $bad file(s) could not be taken; nothing changed" >&2; exit 1; }

for d in "${!dirs[@]}"; do
    sort "$out/$d/labels.unsorted" > "$out/$d/labels.tsv"
    rm "$out/$d/labels.unsorted"
done

# The managed directories: every one that keep.txt writes to.
mapfile -t managed < <(printf '%s\n' "${!dirs[@]}" | sort)

if [ "$check" = 1 ]; then
    rc=0
    for d in "${managed[@]}"; do
        if ! diff -r "$out/$d" "$content/$d" >/dev/null 2>&1; then
            echo "import.sh: $d differs from keep.txt" >&2; rc=1
        fi
    done
    [ "$rc" = 0 ] && echo "import.sh: corpus matches keep.txt ($kept kept, $dropped dropped, ${#managed[@]} directories)"
    exit "$rc"
fi

for d in "${managed[@]}"; do
    rm -rf "${content:?}/$d"
    mkdir -p "$content/$d"
    cp -p "$out/$d"/* "$content/$d/"
done
echo "import.sh: $kept kept, $dropped dropped, into:"
for d in "${managed[@]}"; do
    printf '  %s (%s files)\n' "tests/corpus/content/$d" "$(($(ls "$content/$d" | wc -l) - 1))"
done
