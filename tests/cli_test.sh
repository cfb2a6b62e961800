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

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
