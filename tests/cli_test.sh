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

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
