#!/usr/bin/env bash
# CLI contract: bad input gets one line on stderr and a documented exit code,
# never a crash or a hang. Usage: cli_test.sh PATH/TO/newstrace
set -u
bin="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# expect NAME WANT_RC CMD...: runs CMD with a 60 s limit and checks the exit
# code, that stderr is at most one line, and that no sanitizer spoke.
expect() {
  local name="$1" want="$2"
  shift 2
  timeout 60 "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  local lines
  lines=$(wc -l <"$tmp/err")
  if [ "$rc" -ne "$want" ]; then
    echo "FAIL $name: exit $rc, want $want; stderr: $(head -c 300 "$tmp/err")"
    fail=$((fail + 1))
  elif [ "$want" -ne 0 ] && [ "$lines" -ne 1 ]; then
    echo "FAIL $name: stderr has $lines lines, want 1"
    fail=$((fail + 1))
  elif grep -q "Sanitizer" "$tmp/err"; then
    echo "FAIL $name: sanitizer report"
    fail=$((fail + 1))
  else
    echo "ok   $name"
    pass=$((pass + 1))
  fi
}

printf 'Headline\n\nA body paragraph that says something.\n' >"$tmp/ok.txt"
: >"$tmp/empty.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10' >"$tmp/image.png"
head -c 20000 /dev/urandom >"$tmp/random.bin"
printf 'Caf\xc3\xa9 na\xc3\xafve \xff broken\n\nSecond paragraph here.\n' >"$tmp/latin.txt"
printf 'Title\n\nBody with a NUL\0 byte inside.\n' >"$tmp/nul.txt"
printf '\xff\xfeH\0e\0l\0l\0o\0\n\0' >"$tmp/utf16.txt"
mkdir -p "$tmp/dir"
head -c 70000 /dev/zero | tr '\0' 'x' >"$tmp/big.txt"
python3 - "$tmp/deep.html" <<'PY' 2>/dev/null || perl -e 'print "<html><body>" . ("<div>" x 100000) . "<p>deep</p>" . ("</div>" x 100000) . "</body></html>"' >"$tmp/deep.html"
import sys
open(sys.argv[1], "w").write("<html><body>" + "<div>" * 100000 + "<p>deep</p>" + "</div>" * 100000 + "</body></html>")
PY
perl -e 'print "Title\n\n" . ("word " x 10000000) . "\n"' >"$tmp/longline.txt"

expect "good file"              0 "$bin" analyze --json "$tmp/ok.txt"
expect "good file from stdin"   0 bash -c "\"$bin\" analyze --json - <\"$tmp/ok.txt\""
expect "missing file"           3 "$bin" analyze --json "$tmp/nope.txt"
expect "directory"              3 "$bin" analyze --json "$tmp/dir"
expect "empty file"             4 "$bin" analyze --json "$tmp/empty.txt"
expect "png file"               4 "$bin" analyze --json "$tmp/image.png"
expect "random bytes"           4 "$bin" analyze --json "$tmp/random.bin"
expect "invalid utf-8 repaired" 0 "$bin" analyze --json "$tmp/latin.txt"
expect "invalid utf-8 strict"   4 "$bin" analyze --json --strict "$tmp/latin.txt"
expect "nul bytes repaired"     0 "$bin" analyze --json "$tmp/nul.txt"
expect "nul bytes strict"       4 "$bin" analyze --json --strict "$tmp/nul.txt"
expect "utf-16 with bom"        0 "$bin" analyze --json "$tmp/utf16.txt"
expect "over the byte cap"      5 "$bin" analyze --json --max-bytes 1000 "$tmp/big.txt"
expect "100000-deep html"       0 "$bin" analyze --json "$tmp/deep.html"
expect "50 MB single line"      0 "$bin" analyze --json --no-language "$tmp/longline.txt"
expect "unknown flag"           2 "$bin" analyze --no-such-flag "$tmp/ok.txt"
expect "bad --format"           2 "$bin" analyze --format pdf "$tmp/ok.txt"

# Several files: one JSON line each, the failure reported and the rest kept.
"$bin" analyze --json "$tmp/ok.txt" "$tmp/nope.txt" "$tmp/ok.txt" >"$tmp/multi" 2>/dev/null
rc=$?
n=$(wc -l <"$tmp/multi")
if [ "$rc" -eq 3 ] && [ "$n" -eq 2 ]; then
  echo "ok   several files"; pass=$((pass + 1))
else
  echo "FAIL several files: exit $rc, $n lines"; fail=$((fail + 1))
fi

# The 100,000-deep page: the part past --max-depth is dropped and said so.
"$bin" analyze --json "$tmp/deep.html" >"$tmp/deep.json" 2>/dev/null
if grep -q '"depth_cap"' "$tmp/deep.json"; then
  echo "ok   deep html reports depth_cap"; pass=$((pass + 1))
else
  echo "FAIL deep html: no depth_cap diagnostic"; fail=$((fail + 1))
fi

# check NAME FILE PATTERN / check_not NAME FILE PATTERN: FILE has (lacks) a
# line matching the extended regex PATTERN.
check() {
  if grep -Eq -- "$3" "$2"; then
    echo "ok   $1"; pass=$((pass + 1))
  else
    echo "FAIL $1: no match for $3"; fail=$((fail + 1))
  fi
}
check_not() {
  if grep -Eq -- "$3" "$2"; then
    echo "FAIL $1: unexpected match for $3"; fail=$((fail + 1))
  else
    echo "ok   $1"; pass=$((pass + 1))
  fi
}

# The analysis: quotes with speakers, entities and figures, in the report
# and the JSON, and the flags that switch each part off.
cat >"$tmp/quote.txt" <<'TXT'
Putin meets Assad in Sochi

Russian President Vladimir Putin met Syrian President Bashar al-Assad in Sochi on Thursday.

"We still have a long way to go before we achieve a complete victory over terrorists," Mr Putin said. He said 2.3 million people had returned.

"Nobody expected this."
TXT
"$bin" analyze --report "$tmp/quote.txt" >"$tmp/report" 2>/dev/null
check "report has a Quotes section" "$tmp/report" '^Quotes:'
check "report names the speaker" "$tmp/report" '^  Vladimir Putin$'
check "report shows the quote" "$tmp/report" '"We still have a long way'
check "report shows cue and via" "$tmp/report" 'said; via name "Mr Putin"'
check "report has entities" "$tmp/report" '^Entities: +People: .*Vladimir Putin \([0-9]+\)'
check "report has figures" "$tmp/report" '^Figures: .*2\.3 million'
examples="$(dirname "$0")/../examples"
"$bin" analyze --report "$examples/01_tabloid_copy.txt" >"$tmp/ex1" 2>/dev/null
check "example report groups quotes" "$tmp/ex1" '^  Ellen Marsh$'
check "example report lists scare quotes" "$tmp/ex1" "^  Scare quotes: 'fair deal'"
"$bin" analyze --report --no-quotes "$tmp/quote.txt" >"$tmp/report" 2>/dev/null
check_not "--no-quotes: no Quotes section" "$tmp/report" '^Quotes:'

"$bin" analyze --json "$tmp/quote.txt" >"$tmp/all.json" 2>/dev/null
check "json has quotes" "$tmp/all.json" '"quotes":'
check "json has entities" "$tmp/all.json" '"entities":'
check "json has figures" "$tmp/all.json" '"figures":'
"$bin" analyze --json --no-quotes "$tmp/quote.txt" >"$tmp/nq.json" 2>/dev/null
check_not "--no-quotes: no quotes" "$tmp/nq.json" '"quotes":'
check "--no-quotes: entities kept" "$tmp/nq.json" '"entities":'
"$bin" analyze --json --no-entities "$tmp/quote.txt" >"$tmp/ne.json" 2>/dev/null
check_not "--no-entities: no entities" "$tmp/ne.json" '"entities":'
check "--no-entities: quotes kept" "$tmp/ne.json" '"quotes":'
check "--no-entities: speaker as written" "$tmp/ne.json" '"speaker":\{"name":"Mr Putin"'
"$bin" analyze --json --no-figures "$tmp/quote.txt" >"$tmp/nf.json" 2>/dev/null
check_not "--no-figures: no figures" "$tmp/nf.json" '"figures":'
check "--no-figures: quotes kept" "$tmp/nf.json" '"quotes":'
expect "all analysis off" 0 "$bin" analyze --json --no-quotes --no-entities --no-figures "$tmp/quote.txt"


# The classifier verbs (train, eval, score). A separable fixture written
# here: two made-up classes with their own words, five publishers each
# writing both. Fast settings keep training to a second or two.
farm=(harvest tractor barley orchard silo meadow plough cattle)
space=(galaxy comet orbit nebula rocket lunar asteroid telescope)
# rows FIRST LAST: JSONL rows FIRST..LAST, even ones "farm", odd "space".
rows() {
  local i lab
  local -a w
  for i in $(seq "$1" "$2"); do
    if [ $((i % 2)) -eq 0 ]; then lab=farm; w=("${farm[@]}"); else lab=space; w=("${space[@]}"); fi
    printf '{"title":"%s %s report %s","text":"Item %d: %s and %s again.","label":"%s","domain":"pub%d.example"}\n' \
      "${w[$((i / 2 % 8))]}" "${w[$(((i / 2 + 3) % 8))]}" "${w[$(((i + 5) % 8))]}" \
      "$i" "${w[$(((i + 1) % 8))]}" "${w[$(((i / 2 + 6) % 8))]}" "$lab" $((i % 5))
  done
}
rows 0 59 >"$tmp/train.jsonl"
rows 100 139 >"$tmp/test.jsonl"
fast=(--epochs 5 --folds 2 --dim 10 --buckets 10000 --quiet)
expect "train" 0 "$bin" train --data "$tmp/train.jsonl" --out "$tmp/m1.ntm" "${fast[@]}"
check "train summary" "$tmp/out" '^trained .*m1\.ntm on 60 rows \(farm 30, space 30\)'
expect "train again, same seed" 0 "$bin" train --data "$tmp/train.jsonl" --out "$tmp/m2.ntm" "${fast[@]}"
if cmp -s "$tmp/m1.ntm" "$tmp/m2.ntm"; then
  echo "ok   same data and seed give the same model file"; pass=$((pass + 1))
else
  echo "FAIL same data and seed give different model files"; fail=$((fail + 1))
fi

expect "eval --json" 0 "$bin" eval --model "$tmp/m1.ntm" --data "$tmp/test.jsonl" --json
check "eval prints macro_f1" "$tmp/out" '"macro_f1":[0-9.e-]+'
acc=$(grep -Eo '"accuracy":[0-9.e-]+' "$tmp/out" | cut -d: -f2)
if awk -v a="${acc:-0}" 'BEGIN { exit !(a >= 0.9) }'; then
  echo "ok   eval accuracy $acc on the separable fixture"; pass=$((pass + 1))
else
  echo "FAIL eval accuracy ${acc:-none}, want >= 0.9"; fail=$((fail + 1))
fi

expect "score --json" 0 "$bin" score --model "$tmp/m1.ntm" --json "$tmp/test.jsonl"
cp "$tmp/out" "$tmp/scores.json"
n=$(wc -l <"$tmp/scores.json")
good=$(grep -Ec '^\{"id":"[^"]*".*"scores":\{"m1":\{"label":"(farm|space)","probability":' "$tmp/scores.json")
if [ "$n" -eq 40 ] && [ "$good" -eq 40 ]; then
  echo "ok   score: one JSON line per row with scores.m1.label"; pass=$((pass + 1))
else
  echo "FAIL score: $n lines, $good with scores.m1.label; want 40"; fail=$((fail + 1))
fi
expect "score readable" 0 "$bin" score --model "$tmp/m1.ntm" "$tmp/test.jsonl"
check "score readable shows the label" "$tmp/out" '^  m1: (farm|space) \([01]\.[0-9]{2}\)$'

# Broken model files: refused by eval and score with one line, exit 4; a
# missing one exits 3.
head -c 1000 "$tmp/m1.ntm" >"$tmp/truncated.ntm"
: >"$tmp/empty.ntm"
cp "$tmp/m1.ntm" "$tmp/flipped.ntm"
at=$(($(wc -c <"$tmp/m1.ntm") / 2))
byte=$(od -An -tx1 -j "$at" -N1 "$tmp/m1.ntm" | tr -d ' ')
if [ "$byte" = "5a" ]; then new='Y'; else new='Z'; fi
printf '%s' "$new" | dd of="$tmp/flipped.ntm" bs=1 seek="$at" conv=notrunc 2>/dev/null
for bad in truncated empty flipped; do
  expect "eval refuses a $bad model" 4 "$bin" eval --model "$tmp/$bad.ntm" --data "$tmp/test.jsonl"
  expect "score refuses a $bad model" 4 "$bin" score --model "$tmp/$bad.ntm" "$tmp/test.jsonl"
done
expect "eval refuses a text file as model" 4 "$bin" eval --model "$tmp/ok.txt" --data "$tmp/test.jsonl"
expect "score refuses a text file as model" 4 "$bin" score --model "$tmp/ok.txt" "$tmp/test.jsonl"
expect "eval: missing model" 3 "$bin" eval --model "$tmp/nope.ntm" --data "$tmp/test.jsonl"
expect "score: missing model" 3 "$bin" score --model "$tmp/nope.ntm" "$tmp/test.jsonl"
# Inputs with nothing to score: one line, exit 4 (as analyze).
expect "score: empty file" 4 "$bin" score --model "$tmp/m1.ntm" "$tmp/empty.txt"
check "score: empty file says why" "$tmp/err" 'no document to score'
expect "score: random bytes" 4 "$bin" score --model "$tmp/m1.ntm" "$tmp/random.bin"
check "score: random bytes say why" "$tmp/err" 'random\.bin: no document to score'
expect "score: png file" 4 "$bin" score --model "$tmp/m1.ntm" "$tmp/image.png"
check_not "score names a missing model once" "$tmp/err" 'nope\.ntm: .*nope\.ntm'

# One class only: training fails with one line saying so.
grep '"label":"farm"' "$tmp/train.jsonl" >"$tmp/one.jsonl"
timeout 60 "$bin" train --data "$tmp/one.jsonl" --out "$tmp/one.ntm" "${fast[@]}" >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" -ne 0 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "one label" "$tmp/err" && [ ! -e "$tmp/one.ntm" ]; then
  echo "ok   train on one class fails (exit $rc)"; pass=$((pass + 1))
else
  echo "FAIL train on one class: exit $rc; stderr: $(head -c 300 "$tmp/err")"; fail=$((fail + 1))
fi

# Rows without a label and malformed rows are skipped and counted.
{
  cat "$tmp/train.jsonl"
  printf '{"title":"barley silo report","text":"No label here."}\n'
  printf '{"title":"comet orbit report","text":"Nor here.","label":""}\n'
  printf '{"title":"lunar rocket report","text":"Nor here either."}\n'
  printf '{"title":"broken\n'
  printf 'not json at all\n'
} >"$tmp/mixed.jsonl"
timeout 60 "$bin" train --data "$tmp/mixed.jsonl" --out "$tmp/m3.ntm" "${fast[@]}" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 0 ] && grep -q "read 60 labeled rows; skipped 3 without a label, 2 malformed" "$tmp/err" && [ -s "$tmp/m3.ntm" ]; then
  echo "ok   train skips and counts unlabeled and malformed rows"; pass=$((pass + 1))
else
  echo "FAIL train on mixed rows: exit $rc; stderr: $(head -c 300 "$tmp/err")"; fail=$((fail + 1))
fi
expect "eval on mixed rows" 0 "$bin" eval --model "$tmp/m1.ntm" --data "$tmp/mixed.jsonl" --json
check "eval counts skipped rows" "$tmp/err" 'skipped 3 without a label, 2 malformed'
check "eval counts only labeled rows" "$tmp/out" '^\{"n":60,'

# Source reputation: the listed label beside the score, never changing it.
printf 'domain,label,note\npub1.example,satire,made up for this test\nPUB2.example,fake,\npub2.example,bias,\n' >"$tmp/sources.csv"
{
  rows 100 103
  printf '{"title":"comet orbit report","text":"From a subdomain.","url":"https://www.news.pub1.example/a?b=1"}\n'
  printf '{"title":"barley silo report","text":"No domain at all."}\n'
} >"$tmp/src.jsonl"
expect "score --sources --json" 0 "$bin" score --model "$tmp/m1.ntm" --sources "$tmp/sources.csv" --json "$tmp/src.jsonl"
cp "$tmp/out" "$tmp/src.json"
check "listed domain: labels" "$tmp/src.json" '^\{"id":"[^"]*:2",.*"domain":"pub1\.example","scores":.*,"source":\{"domain":"pub1\.example","listed":true,"labels":\["satire"\],"note":"made up for this test"\}\}$'
check "repeated rows merge labels" "$tmp/src.json" '"id":"[^"]*:3",.*"source":\{"domain":"pub2\.example","listed":true,"labels":\["fake","bias"\],"note":""\}'
check "unlisted domain" "$tmp/src.json" '"id":"[^"]*:1",.*"source":\{"domain":"pub0\.example","listed":false\}\}$'
check "url host, parent domain" "$tmp/src.json" '"id":"[^"]*:5",.*"domain":"news\.pub1\.example",.*"source":\{"domain":"pub1\.example","listed":true'
check_not "no domain, no source" "$tmp/src.json" '"id":"[^"]*:6",.*"source"'
"$bin" score --model "$tmp/m1.ntm" --json "$tmp/src.jsonl" >"$tmp/nosrc.json" 2>/dev/null
sed -E 's/,"source":\{[^}]*\}//' "$tmp/src.json" >"$tmp/stripped.json"
if [ -s "$tmp/nosrc.json" ] && cmp -s "$tmp/stripped.json" "$tmp/nosrc.json"; then
  echo "ok   --sources leaves the scores unchanged"; pass=$((pass + 1))
else
  echo "FAIL --sources changed the scores"; fail=$((fail + 1))
fi
expect "score --sources readable" 0 "$bin" score --model "$tmp/m1.ntm" --sources "$tmp/sources.csv" "$tmp/src.jsonl"
check "readable: listed" "$tmp/out" "^  source: pub1\.example is listed as: satire \(from $tmp/sources\.csv\)$"
check "readable: listed twice" "$tmp/out" '^  source: pub2\.example is listed as: fake, bias \(from '
check "readable: not listed" "$tmp/out" '^  source: pub0\.example is not listed \(in '
printf '{"pub1.example": {"type": "satire", "2nd type": "", "3rd type": "", "Source Notes (things to know?)": ""}}' >"$tmp/sources.json"
expect "score --sources JSON list" 0 "$bin" score --model "$tmp/m1.ntm" --sources "$tmp/sources.json" --json "$tmp/src.jsonl"
check "JSON list: labels" "$tmp/out" '"id":"[^"]*:2",.*"source":\{"domain":"pub1\.example","listed":true,"labels":\["satire"\]'
printf '{"pub1.example": {"type": "satire",\n' >"$tmp/truncated.json"
expect "--sources: truncated JSON" 4 "$bin" score --model "$tmp/m1.ntm" --sources "$tmp/truncated.json" "$tmp/src.jsonl"
check "--sources error names file and line" "$tmp/err" "^newstrace: --sources: $tmp/truncated\.json:2: not valid JSON"
expect "--sources: empty file" 4 "$bin" score --model "$tmp/m1.ntm" --sources "$tmp/empty.txt" "$tmp/src.jsonl"
expect "--sources: binary file" 4 "$bin" score --model "$tmp/m1.ntm" --sources "$tmp/image.png" "$tmp/src.jsonl"
expect "--sources: missing file" 3 "$bin" score --model "$tmp/m1.ntm" --sources "$tmp/nope.csv" "$tmp/src.jsonl"


# Scores in a corpus: ingest --model stores them, search --score filters on
# them, stats counts them, merge carries them.
expect "ingest --model" 0 "$bin" ingest "$tmp/test.jsonl" --db "$tmp/scored.db" --model "$tmp/m1.ntm" -q
expect "stats counts scores" 0 "$bin" stats --db "$tmp/scored.db"
check "stats: scores of m1" "$tmp/out" '^scores of m1 \(most probable label\):'
expect "search --score alone" 0 "$bin" search --db "$tmp/scored.db" --score m1:farm --limit 100 --json
cp "$tmp/out" "$tmp/farm.json"
expect "search --score, all labels" 0 "$bin" search --db "$tmp/scored.db" --score 'm1:farm>=0' --limit 100 --json
cp "$tmp/out" "$tmp/all.json"
python3 - "$tmp/scores.json" "$tmp/farm.json" "$tmp/all.json" <<'PY' >"$tmp/cmp.txt" 2>&1
import json, sys
def rows(path):
    out = []
    for line in open(path):
        d = json.loads(line)
        s = d["scores"]["m1"]
        out.append((d["title"], s["label"], round(s["probability"], 9)))
    return sorted(out)
scored = rows(sys.argv[1])
farm = rows(sys.argv[2])
every = rows(sys.argv[3])
hits = [json.loads(l)["score"] for l in open(sys.argv[3])]
ok = (every == scored and farm == [r for r in scored if r[1] == "farm"]
      and all(r[2] >= 0.5 for r in farm) and hits == sorted(hits, reverse=True))
print("same" if ok else "differ: %d stored, %d scored, %d farm hits"
      % (len(every), len(scored), len(farm)))
PY
if grep -q '^same$' "$tmp/cmp.txt"; then
  echo "ok   stored scores equal score's, and --score keeps the top label"; pass=$((pass + 1))
else
  echo "FAIL stored scores vs score: $(head -c 300 "$tmp/cmp.txt")"; fail=$((fail + 1))
fi
id=$(head -1 "$tmp/farm.json" | grep -o '"id":"[0-9a-f]*"' | cut -d'"' -f4)
expect "show a scored record" 0 "$bin" show "$id" --db "$tmp/scored.db" --json
check "show --json carries the scores" "$tmp/out" '"scores":\{"m1":\{"label":"farm","probability":[0-9.e-]+,"probabilities":\{"farm":[0-9.e-]+,"space":[0-9.e-]+\}\}\}'
expect "show report" 0 "$bin" show "$id" --db "$tmp/scored.db" --report
check "show report: score line" "$tmp/out" '^Score: +m1: farm [01]\.[0-9]{2} \(space [01]\.[0-9]{2}\)$'
expect "export carries the scores" 0 "$bin" export --db "$tmp/scored.db"
n_scored=$(grep -c '"scores":{"m1":' "$tmp/out")
if [ "$n_scored" -eq "$(wc -l <"$tmp/all.json")" ]; then
  echo "ok   export: every record with its scores"; pass=$((pass + 1))
else
  echo "FAIL export: $n_scored records with scores, want $(wc -l <"$tmp/all.json")"; fail=$((fail + 1))
fi
expect "search words + --score" 0 "$bin" search harvest --db "$tmp/scored.db" --score 'm1:farm>=0.5'
check "search shows the stored score" "$tmp/out" '^    m1: farm [01]\.[0-9]{2}$'
expect "search --score bad syntax" 2 "$bin" search --db "$tmp/scored.db" --score m1
expect "search --score bad threshold" 2 "$bin" search --db "$tmp/scored.db" --score 'm1:farm>=2'
expect "search --score unknown model" 2 "$bin" search --db "$tmp/scored.db" --score nope:farm
expect "search --score unknown label" 2 "$bin" search --db "$tmp/scored.db" --score m1:nope
expect "search --min-prob without --score" 2 "$bin" search harvest --db "$tmp/scored.db" --min-prob 0.5
expect "search: no words, no filter" 2 "$bin" search --db "$tmp/scored.db"
timeout 60 "$bin" train --data "$tmp/train.jsonl" --out "$tmp/other.ntm" --epochs 5 --folds 2 --dim 12 --buckets 10000 --quiet >/dev/null 2>&1
expect "ingest: another model, same name" 2 "$bin" ingest "$tmp/train.jsonl" --db "$tmp/scored.db" --model "m1=$tmp/other.ntm" -q
expect "ingest: missing model" 3 "$bin" ingest "$tmp/train.jsonl" --db "$tmp/scored.db" --model "$tmp/nope.ntm" -q
expect "ingest: corrupt model" 4 "$bin" ingest "$tmp/train.jsonl" --db "$tmp/scored.db" --model "$tmp/truncated.ntm" -q
expect "ingest: two models, one name" 2 "$bin" ingest "$tmp/train.jsonl" --db "$tmp/scored.db" --model "$tmp/m1.ntm" --model "m1=$tmp/m2.ntm" -q
expect "merge carries scores" 0 "$bin" merge "$tmp/scored.db" --db "$tmp/merged.db"
expect "merged corpus filters on scores" 0 "$bin" search --db "$tmp/merged.db" --score 'm1:farm>=0' --limit 100 --json
if [ "$(wc -l <"$tmp/out")" -eq "$(wc -l <"$tmp/all.json")" ]; then
  echo "ok   merged corpus keeps every score"; pass=$((pass + 1))
else
  echo "FAIL merged corpus: $(wc -l <"$tmp/out") scored hits, want $(wc -l <"$tmp/all.json")"; fail=$((fail + 1))
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
