#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build, run every test.
# Pass 1: the normal build, all tests but those labeled `slow` (set
# NEWSTRACE_SLOW=1 to include them). Pass 2: the same suite under
# AddressSanitizer + UndefinedBehaviorSanitizer (skip with NEWSTRACE_NO_ASAN=1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)
exclude=(-LE slow)
if [ "${NEWSTRACE_SLOW:-0}" = "1" ]; then exclude=(); fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"
(cd build && ctest -j "$jobs" --output-on-failure "${exclude[@]}")

if [ "${NEWSTRACE_NO_ASAN:-0}" != "1" ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DNEWSTRACE_SANITIZE=ON -DNEWSTRACE_BUILD_BENCH=OFF >/dev/null
  cmake --build build-asan -j "$jobs"
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 \
    UBSAN_OPTIONS=print_stacktrace=1 \
    ctest -j "$jobs" --output-on-failure "${exclude[@]}")
fi
