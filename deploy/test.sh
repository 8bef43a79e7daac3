#!/usr/bin/env bash
# Every test of Ordinance, from a fresh Debian 12 machine: installs what is missing, builds,
# then runs unit, corpus, integration, sanitizer and fuzz stages. Exits non-zero on any failure.
#
#   deploy/test.sh            everything
#   FUZZ_SECONDS=10 deploy/test.sh   shorter fuzz run (FUZZ_DIFF_SECONDS, FUZZ_SEED: the differential one)
#   STAGES="unit corpus" deploy/test.sh   only some stages (unit corpus integration asan fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
STAGES=${STAGES:-"unit corpus integration asan fuzz"}
CONFIG=config/examples/ordinance.toml

stage() { echo; echo "=== $* ==="; }
want() { [[ " $STAGES " == *" $1 "* ]]; }

stage "dependencies"
deploy/install-deps.sh

stage "build"
deploy/build.sh build

if want unit; then
  stage "unit tests"
  build/unit-tests
  # Folder layering (ARCHITECTURE.md): includes only from the rows above; and the checker's own tests.
  python3 tests/layering/check_layering.py
  python3 -m unittest discover -s tests/layering
  build/ordinance --config "$CONFIG" check-config
fi

GEN=$(mktemp -d /tmp/ordinance-hostile.XXXXXX)
trap 'rm -rf "$GEN"' EXIT
if want corpus || want asan; then
  python3 tests/corpus/gen_hostile.py "$GEN"
fi

if want corpus; then
  stage "content policy: labelled corpus (>= 95% recall per category, <= 1% of legitimate mail stopped)"
  build/ordinance --config "$CONFIG" eval --min-recall 0.95 --max-fp-rate 0.01 tests/corpus/policy
fi

if want corpus; then
  # The content classifier (issue 12). Floors are what the shipped model measures (the note on
  # issue 12 gives the figures); they guard against a regression, the issue's goal is higher.
  stage "content classifier: the shipped model is what 'ordinance train' makes from the shipped corpus"
  tests/corpus/content/tools/train.sh build/ordinance "$GEN/content.model"
  cmp "$GEN/content.model" config/models/content.model
  stage "content classifier: held-out test split (source gamma and Debian's enmime mail; tuned on dev only)"
  build/ordinance --config "$CONFIG" eval --min-recall "${CONTENT_MIN_RECALL:-0.89}" \
    --max-fp-rate "${CONTENT_MAX_FP:-0.055}" tests/corpus/content/test
  stage "content classifier: real ham from outside (SpamAssassin easy_ham, inbound; never trained or tuned on)"
  build/ordinance --config "$CONFIG" eval --inbound --max-stop-rate "${HAM_MAX_STOP:-0.007}" \
    --max-tag-rate "${HAM_MAX_TAG:-0.045}" --clean "$(tests/corpus/content/tools/easy_ham_dir.sh)"
fi

if want corpus; then
  # Issue 17: forwards by non-recipients and automatic forwards; holdout/ is never tuned on.
  stage "forwarding: labelled corpus and held-out half (>= 95% caught, <= 1% of legitimate forwards and replies stopped)"
  build/ordinance --config "$CONFIG" eval --min-recall 0.95 --max-stop-rate 0.01 tests/corpus/forwarding
  build/ordinance --config "$CONFIG" eval --min-recall 0.95 --max-stop-rate 0.01 tests/corpus/forwarding/holdout
fi

if want corpus; then
  stage "corpus (golden + hostile)"
  python3 tests/corpus/run_corpus.py --ordinance build/ordinance --config "$CONFIG" tests/corpus "$GEN"
fi

if want integration; then
  stage "integration (real Postfix, real milter)"
  ORDINANCE_BUILD="$ROOT/build" python3 -m unittest discover -s tests/integration -p 'test_*.py' -v
fi

if want asan; then
  stage "ASan + UBSan build: unit and corpus"
  deploy/build.sh build-asan -DORDINANCE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 build-asan/unit-tests
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    python3 tests/corpus/run_corpus.py --ordinance build-asan/ordinance --config "$CONFIG" --timeout 300 \
      --max-rss-mb 4096 tests/corpus "$GEN"
fi

if want fuzz; then
  stage "libFuzzer on mime/ for ${FUZZ_SECONDS}s, differential for ${FUZZ_DIFF_SECONDS:-30}s"
  CXX=clang++-14 deploy/build.sh build-fuzz -DORDINANCE_FUZZ=ON -DORDINANCE_TESTS=OFF -DORDINANCE_WERROR=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer"
  mkdir -p build-fuzz/corpus
  cp tests/corpus/*.eml build-fuzz/corpus/ 2>/dev/null || true
  build-fuzz/fuzz-mime -dict=tests/fuzz/mime.dict -max_total_time="$FUZZ_SECONDS" -max_len=65536 -timeout=2 -rss_limit_mb=2048 \
    -artifact_prefix=build-fuzz/ build-fuzz/corpus 2>&1 | tail -5
  # Differential: every strictly-valid base64 part of a simple multipart message must reach
  # a parsed part (or the parser hands the raw message whole to the scanners).
  rm -rf build-fuzz/corpus-diff
  cp -r tests/fuzz/corpus-diff build-fuzz/corpus-diff
  build-fuzz/fuzz-mime-diff -dict=tests/fuzz/mime.dict -seed="${FUZZ_SEED:-1}" -max_total_time="${FUZZ_DIFF_SECONDS:-30}" -max_len=65536 -timeout=2 -rss_limit_mb=2048 \
    -artifact_prefix=build-fuzz/diff- build-fuzz/corpus-diff 2>&1 | tail -5
  # libFuzzer exits non-zero (and set -e stops us) on any crash, leak or timeout.
fi

stage "all tests passed"
