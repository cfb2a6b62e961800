#!/usr/bin/env bash
# Trains newstrace's default models from ../shared/data/ and writes them to
# models/ (MODEL_CARD.md describes each). Reproducible: the same data, split
# seed and newstrace build give the same model files byte for byte.
#
#   bash scripts/train-models.sh [--shared DIR] [--cli PATH]
#
# Each model is trained on the training side of the split that
# bench/classify_eval.py defines (publisher-grouped where the publisher is
# known) and measured on the other side; the figures go to
# models/<name>/{train,eval}.json and into models/<name>/MODEL_CARD.md by
# hand.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
cli=build/src/cli/newstrace
while [ $# -gt 0 ]; do
  case "$1" in
    --shared) shared=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    *) echo "usage: $0 [--shared DIR] [--cli PATH]" >&2; exit 2 ;;
  esac
done
if [ ! -d "$shared/data" ]; then
  echo "train-models: $shared/data not found; the default models need the" \
       "shared data sets" >&2
  exit 3
fi
if [ ! -x "$cli" ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build --target newstrace
fi
splits=$(mktemp -d)
trap 'rm -rf "$splits"' EXIT
/usr/bin/python3 bench/classify_eval.py --shared "$shared" \
  --sets clickbait,fakes,hyperpartisan --export "$splits" >/dev/null

# Small vectors and few hashed n-gram rows keep each file a few MB.
common=(--dim 20 --buckets 50000 --seed 13 --quiet)
train() {  # name set
  local name=$1 set=$2
  mkdir -p "models/$name"
  "$cli" train --data "$splits/$set/train.jsonl" --out "models/$name/model.ntm" \
    "${common[@]}" --json > "models/$name/train.json"
  "$cli" eval --model "models/$name/model.ntm" --data "$splits/$set/test.jsonl" \
    --threads 1 --json > "models/$name/eval.json"
  echo "train-models: models/$name: $(cat "models/$name/eval.json" |
    /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin);
print("accuracy %.4f, macro-F1 %.4f on %d held-out rows" %
      (d["accuracy"], d["macro_f1"], d["n"]))')"
}
train clickbait clickbait
train credibility fakes
train hyperpartisan hyperpartisan
