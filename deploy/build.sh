#!/usr/bin/env bash
# Configures and builds Ordinance into build/ (or the directory given as $1) with Ninja.
# Extra arguments after the directory go to cmake's configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
