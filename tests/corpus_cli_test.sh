#!/usr/bin/env bash
# The corpus verbs end to end: ingest (JSONL, CSV, a folder of text files,
# stdin), search, show, export, stats; export -> re-ingest round trips; and
# crash safety: an ingest killed with SIGKILL mid-run, then re-run, leaves a
# store that passes integrity checks and holds exactly the documents of a
# clean run. Usage: corpus_cli_test.sh PATH/TO/newstrace
set -u
bin="$1"
tmp=$(mktemp -d)
trap 'kill -9 $bgpid 2>/dev/null; rm -rf "$tmp"' EXIT
bgpid=""
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
check() {  # check NAME WANT GOT
  if [ "$2" == "$3" ]; then ok "$1"; else bad "$1: want '$2', got '$3'"; fi
}
if ! command -v sqlite3 >/dev/null; then
  echo "SKIP: the sqlite3 shell is not installed (scripts/install-deps.sh)"
  exit 0
fi
count() { sqlite3 "$1" "SELECT count(*) FROM documents"; }
ids() { sqlite3 "$1" "SELECT id FROM documents ORDER BY id"; }

# Generated articles we wrote: each has a unique marker word "zqN" and a
# few sentences from a small vocabulary, so texts differ and searches have
# known answers.
gen_jsonl() {  # gen_jsonl N FILE
  awk -v n="$1" 'BEGIN {
    split("harbour council budget river ferry election vaccine drought " \
          "senate court strike festival bridge tariff", w, " ");
    srand(7);
    for (i = 1; i <= n; i++) {
      body = "";
      for (s = 0; s < 6; s++) {
        sent = "The";
        for (k = 0; k < 14; k++) sent = sent " " w[int(rand() * 14) + 1];
        body = body sent " zq" i ". ";
      }
      d = sprintf("2024-%02d-%02d", (i % 12) + 1, (i % 28) + 1);
      printf "{\"title\": \"Report number %d on %s\", \"text\": \"%s\", " \
             "\"url\": \"https://news%d.example/a/%d\", \"published\": \"%s\", " \
             "\"label\": \"%s\", \"authors\": [\"Ana Ruiz\"]}\n",
             i, w[(i % 14) + 1], body, i % 3, i, d, (i % 2 ? "real" : "fake");
    }
  }' >"$2"
}

# --- ingest, search, show, stats ------------------------------------------
gen_jsonl 300 "$tmp/small.jsonl"
"$bin" ingest "$tmp/small.jsonl" --db "$tmp/a.db" >"$tmp/out" 2>"$tmp/err"
check "ingest jsonl exit" 0 $?
check "ingest jsonl count" 300 "$(count "$tmp/a.db")"
grep -q "300 read, 300 stored, 0 exact duplicates" "$tmp/out" &&
  ok "ingest summary" || bad "ingest summary: $(cat "$tmp/out")"

"$bin" ingest "$tmp/small.jsonl" --db "$tmp/a.db" --no-resume >"$tmp/out" 2>&1
check "re-ingest is idempotent" 300 "$(count "$tmp/a.db")"
grep -q "300 exact duplicates skipped" "$tmp/out" &&
  ok "re-ingest counts duplicates" || bad "re-ingest summary: $(cat "$tmp/out")"
"$bin" ingest "$tmp/small.jsonl" --db "$tmp/a.db" >"$tmp/out" 2>&1
grep -q "300 already stored by an earlier run" "$tmp/out" &&
  ok "re-ingest resumes (skips committed records)" ||
  bad "resume summary: $(cat "$tmp/out")"

"$bin" search zq17 --db "$tmp/a.db" --json >"$tmp/hits"
check "search finds a body word" 1 "$(wc -l <"$tmp/hits")"
grep -q '"title":"Report number 17 on' "$tmp/hits" && ok "search hit title" ||
  bad "search hit: $(cat "$tmp/hits")"
grep -q '<mark>zq17</mark>' "$tmp/hits" && ok "search snippet highlight" ||
  bad "snippet: $(cat "$tmp/hits")"
id=$(sed 's/.*"id":"\([0-9a-f]*\)".*/\1/' "$tmp/hits")
"$bin" show "${id:0:8}" --db "$tmp/a.db" --json >"$tmp/rec"
check "show by id prefix" 0 $?
grep -q '"label":"real"' "$tmp/rec" && grep -q '"published":"2024-06-18"' "$tmp/rec" &&
  ok "show record fields" || bad "show record: $(head -c 400 "$tmp/rec")"
"$bin" search "senate" --db "$tmp/a.db" --domain news1.example --limit 500 --json >"$tmp/hits"
n=$(wc -l <"$tmp/hits")
other=$(grep -vc '"domain":"news1.example"' "$tmp/hits")
if [ "$n" -gt 0 ] && [ "$other" -eq 0 ]; then ok "search --domain"; else bad "search --domain: $n hits, $other other"; fi
"$bin" search "zq5" --db "$tmp/a.db" --since 2024-07-01 --json >"$tmp/hits"
check "search --since excludes earlier" 0 "$(wc -l <"$tmp/hits")"
"$bin" search "U.S. follow-up (" --db "$tmp/a.db" >/dev/null 2>&1
check "search odd syntax is not an error" 0 $?
"$bin" stats --db "$tmp/a.db" --json >"$tmp/stats"
grep -q '"documents":300' "$tmp/stats" && grep -q '"first_published":"2024-01-' "$tmp/stats" &&
  ok "stats" || bad "stats: $(cat "$tmp/stats")"
"$bin" show ffffffffffffffff --db "$tmp/a.db" >/dev/null 2>&1
check "show missing id exit" 3 $?
"$bin" search x --db "$tmp/missing.db" >/dev/null 2>&1
check "search missing db exit" 3 $?
printf 'not a database at all, just text\n%.0s' {1..200} >"$tmp/junk.db"
"$bin" ingest "$tmp/small.jsonl" --db "$tmp/junk.db" >/dev/null 2>"$tmp/err"
check "ingest into a non-corpus file exit" 4 $?
check "non-corpus error is one line" 1 "$(wc -l <"$tmp/err")"

# --- export -> re-ingest round trips ----------------------------------------
"$bin" export --db "$tmp/a.db" --format jsonl -o "$tmp/exp.jsonl" 2>/dev/null
"$bin" ingest "$tmp/exp.jsonl" --db "$tmp/rt.db" >/dev/null 2>&1
check "jsonl round trip: same ids" "$(ids "$tmp/a.db" | md5sum)" "$(ids "$tmp/rt.db" | md5sum)"
"$bin" export --db "$tmp/rt.db" --format jsonl -o "$tmp/exp2.jsonl" 2>/dev/null
cmp -s "$tmp/exp.jsonl" "$tmp/exp2.jsonl" && ok "jsonl round trip: same fields" ||
  bad "jsonl round trip differs: $(diff "$tmp/exp.jsonl" "$tmp/exp2.jsonl" | head -c 600)"
"$bin" export --db "$tmp/a.db" --format csv -o "$tmp/exp.csv" 2>/dev/null
"$bin" ingest "$tmp/exp.csv" --db "$tmp/rtc.db" >/dev/null 2>&1
"$bin" export --db "$tmp/rtc.db" --format jsonl -o "$tmp/exp3.jsonl" 2>/dev/null
cmp -s "$tmp/exp.jsonl" "$tmp/exp3.jsonl" && ok "csv round trip: same records" ||
  bad "csv round trip differs: $(diff "$tmp/exp.jsonl" "$tmp/exp3.jsonl" | head -c 600)"
"$bin" export --db "$tmp/a.db" --query zq42 --format jsonl >"$tmp/q.jsonl"
check "export --query" 1 "$(wc -l <"$tmp/q.jsonl")"

# --- a folder of text files, stdin, malformed input -----------------------
mkdir -p "$tmp/texts/sub"
for i in 1 2 3; do
  printf 'Headline %s\n\nFirst paragraph of story %s, about the harbour.\n\nSecond paragraph.\n' "$i" "$i" >"$tmp/texts/sub/s$i.txt"
done
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10' >"$tmp/texts/broken.txt"
: >"$tmp/texts/empty.txt"
"$bin" ingest "$tmp/texts" --db "$tmp/t.db" >"$tmp/out" 2>&1
check "folder ingest exit" 0 $?
check "folder ingest count" 3 "$(count "$tmp/t.db")"
grep -q "2 malformed" "$tmp/out" && ok "folder: malformed files counted" ||
  bad "folder summary: $(cat "$tmp/out")"
"$bin" ingest "$tmp/texts" --db "$tmp/t2.db" --strict >/dev/null 2>&1
check "folder --strict fails on malformed" 4 $?
printf 'Stdin story\n\nIt arrived through a pipe.\n' | "$bin" ingest - --db "$tmp/t.db" >/dev/null 2>&1
check "stdin ingest" 4 "$(count "$tmp/t.db")"

# --- WARC: HTML responses with their URL and fetch time --------------------
warc_record() {  # warc_record TYPE URI PAYLOAD
  local len=${#3}
  printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' "$1" "$2" "$len" "$3"
}
page='<html><head><title>Dam opens | Valley Post</title></head><body><article><h1>Dam opens</h1><p>The new dam on the Vell river opened on Tuesday after six years of work, the regional water board said.</p><p>Engineers expect the reservoir to fill by the end of the summer.</p></article></body></html>'
http="HTTP/1.1 200 OK"$'\r\n'"Content-Type: text/html; charset=utf-8"$'\r\n\r\n'"$page"
{
  warc_record warcinfo "" "software: test"
  warc_record request "https://valley.example/dam" "GET /dam HTTP/1.1"
  warc_record response "https://valley.example/dam" "$http"
} >"$tmp/crawl.warc"
gzip -c "$tmp/crawl.warc" >"$tmp/crawl.warc.gz"
"$bin" ingest "$tmp/crawl.warc.gz" --db "$tmp/w.db" --json >"$tmp/out" 2>&1
grep -q '"read":1,' "$tmp/out" && grep -q '"skipped":2,' "$tmp/out" &&
  ok "warc.gz: 1 response read, warcinfo and request skipped" || bad "warc: $(cat "$tmp/out")"
check "warc: url and fetch time stored" "https://valley.example/dam|2024-05-06T07:08:09Z|html" \
  "$(sqlite3 "$tmp/w.db" "SELECT url, fetched, format FROM documents")"
"$bin" search "reservoir" --db "$tmp/w.db" --json >"$tmp/hits"
check "warc: body searchable" 1 "$(wc -l <"$tmp/hits")"

# --- the real data sets (skipped without ../shared) ------------------------
shared="$(cd "$(dirname "$0")/.." && pwd)/../shared/data"
if [ -d "$shared/fakenewscorpus_sample" ] && [ -d "$shared/fakes" ] &&
   [ -d "$shared/fakenewsnet_v1" ]; then
  "$bin" ingest "$shared/fakenewscorpus_sample/news_sample.csv" --db "$tmp/real.db" --json >"$tmp/s1"
  check "FakeNewsCorpus sample: exit" 0 $?
  grep -q '"read":250,' "$tmp/s1" && grep -q '"malformed":0,' "$tmp/s1" &&
    ok "FakeNewsCorpus sample: 250 rows read" || bad "FakeNewsCorpus: $(cat "$tmp/s1")"
  # The folder as the issue names it: the cp1252 CSV (804 rows) and the
  # folder's SOURCE.md, read as one more text document.
  "$bin" ingest "$shared/fakes/" --db "$tmp/real.db" --json >"$tmp/s2"
  grep -q '"read":805,' "$tmp/s2" && grep -q '"malformed":0,' "$tmp/s2" &&
    ok "FA-KES folder (cp1252 CSV): 804 rows + SOURCE.md read" || bad "FA-KES: $(cat "$tmp/s2")"
  "$bin" ingest "$shared/fakenewsnet_v1" --db "$tmp/real.db" --label fakenewsnet --json >"$tmp/s3"
  grep -q '"malformed":2,' "$tmp/s3" &&
    ok "FakeNewsNet v1 folder: read, the 2 empty articles counted malformed" ||
    bad "FakeNewsNet: $(cat "$tmp/s3")"
  # Words from the bodies find their documents.
  "$bin" search '"nerve agent"' --db "$tmp/real.db" --json --limit 100 >"$tmp/h"
  [ "$(wc -l <"$tmp/h")" -gt 0 ] && ok "search finds FA-KES bodies" || bad "no FA-KES hit"
  "$bin" search "Trump" --db "$tmp/real.db" --json --limit 5 >"$tmp/h"
  check "search finds FakeNewsNet/FakeNewsCorpus bodies" 5 "$(wc -l <"$tmp/h")"
  # The cp1252 bytes became UTF-8 (no replacement characters in FA-KES).
  check "FA-KES text is valid UTF-8" 0 "$(sqlite3 "$tmp/real.db" "SELECT count(*) FROM documents WHERE input LIKE '%FA-KES%' AND instr(text, char(65533)) > 0")"
  "$bin" export --db "$tmp/real.db" -o "$tmp/real.jsonl" 2>/dev/null
  "$bin" ingest "$tmp/real.jsonl" --db "$tmp/real2.db" -q
  check "real corpus export round trip: same ids" "$(ids "$tmp/real.db" | md5sum)" "$(ids "$tmp/real2.db" | md5sum)"
  "$bin" export --db "$tmp/real2.db" -o "$tmp/real2.jsonl" 2>/dev/null
  cmp -s "$tmp/real.jsonl" "$tmp/real2.jsonl" && ok "real corpus export round trip: same fields" ||
    bad "real round trip differs: $(diff "$tmp/real.jsonl" "$tmp/real2.jsonl" | head -c 800)"
else
  echo "SKIP real data sets: ../shared/data is absent"
fi

# --- crash safety: SIGKILL mid-run, re-run, compare with a clean run -------
gen_jsonl 20000 "$tmp/big.jsonl"
"$bin" ingest "$tmp/big.jsonl" --db "$tmp/clean.db" --threads 2 -q
check "clean run count" 20000 "$(count "$tmp/clean.db")"
"$bin" ingest "$tmp/big.jsonl" --db "$tmp/crash.db" --threads 2 --batch 100 -q &
bgpid=$!
killed=0
for _ in $(seq 1 600); do
  sleep 0.05
  n=$(sqlite3 "$tmp/crash.db" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
  if [ "${n:-0}" -ge 1000 ]; then
    kill -9 $bgpid 2>/dev/null && killed=1
    break
  fi
done
wait $bgpid 2>/dev/null
bgpid=""
n=$(count "$tmp/crash.db")
if [ "$killed" -eq 1 ] && [ "$n" -lt 20000 ]; then
  ok "ingest killed mid-run ($n of 20000 committed)"
else
  bad "could not kill ingest mid-run (killed=$killed, $n committed)"
fi
"$bin" ingest "$tmp/big.jsonl" --db "$tmp/crash.db" --threads 2 >"$tmp/out" 2>&1
check "resumed run exit" 0 $?
grep -q "already stored by an earlier run" "$tmp/out" && ok "resumed run skipped committed records" ||
  bad "resumed summary: $(cat "$tmp/out")"
check "integrity_check after kill" ok "$(sqlite3 "$tmp/crash.db" 'PRAGMA integrity_check')"
sqlite3 "$tmp/crash.db" "INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')" 2>"$tmp/err"
check "fts integrity after kill" "" "$(cat "$tmp/err")"
check "every document exactly once" 20000 "$(count "$tmp/crash.db")"
check "same document set as a clean run" "$(ids "$tmp/clean.db" | md5sum)" "$(ids "$tmp/crash.db" | md5sum)"
check "fts rows match documents" 20000 "$(sqlite3 "$tmp/crash.db" "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'the'")"

# --- Ctrl-C: stops cleanly with exit 130, and the next run resumes ---------
"$bin" ingest "$tmp/big.jsonl" --db "$tmp/int.db" --threads 2 --batch 100 >"$tmp/out" 2>&1 &
bgpid=$!
for _ in $(seq 1 600); do
  sleep 0.05
  n=$(sqlite3 "$tmp/int.db" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 500 ] && break
done
kill -INT $bgpid 2>/dev/null
wait $bgpid
rc=$?
bgpid=""
check "SIGINT exit code" 130 "$rc"
grep -q "interrupted, committed to" "$tmp/out" && ok "SIGINT summary says interrupted" ||
  bad "SIGINT summary: $(cat "$tmp/out")"
"$bin" ingest "$tmp/big.jsonl" --db "$tmp/int.db" --threads 2 -q
check "after SIGINT, resume completes the set" "$(ids "$tmp/clean.db" | md5sum)" "$(ids "$tmp/int.db" | md5sum)"

echo "corpus_cli_test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
