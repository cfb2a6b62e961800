#!/usr/bin/env bash
# Installs every Debian 12 package that newstrace's build, tests and
# benchmarks need. Idempotent: does nothing when all are present.
# Run as root (or with sudo available).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libxml2-dev            # HTML parser
  libsimdjson-dev        # JSON reading (JSON-LD)
  nlohmann-json3-dev     # JSON writing
  libsqlite3-dev sqlite3 # the corpus store (the shell: tests, ingest baseline)
  libcld2-dev            # language identification
  libre2-dev             # patterns
  libutf8proc-dev        # Unicode normalization and classes
  libxxhash-dev          # hashing
  zlib1g-dev             # gzip / WARC
  libcli11-dev           # command line
  libtbb-dev             # parallelism
  iso-codes              # country and subdivision names (the gazetteer)
  libfasttext-dev        # the text classifier (classify)
  libgtest-dev libgmock-dev libbenchmark-dev   # tests and benchmarks
  python3 python3-lxml python3-readability     # the extraction baseline
  python3-sklearn                              # the classification baseline
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
