#!/usr/bin/env bash
# The trace verbs end to end on articles we wrote: trace of a file and of a
# stored id (near copy, origin, systematic substitution, insertions, partial
# reuse), dupes (groups, origins, a copier's signature across stories), and
# their errors. Usage: trace_cli_test.sh PATH/TO/newstrace
set -u
bin="$1"
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
check() {  # check NAME WANT GOT
  if [ "$2" == "$3" ]; then ok "$1"; else bad "$1: want '$2', got '$3'"; fi
}
if [ ! -x "$py" ]; then
  echo "SKIP: $py is not installed (scripts/install-deps.sh)"
  exit 0
fi
jq_() {  # jq_ FILE EXPR: evaluates a Python expression over the JSON `d`
  "$py" -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}

# Two stories of our own, four paragraphs each, and unrelated filler.
cat >"$tmp/story1.txt" <<'TXT'
Ferry talks resume in the north

The government of Norway and the island council met on Tuesday to resume talks on a ferry line that would link the fishing towns of the northern coast with the mainland for the first time in forty years.

Officials from Norway said the first round of talks lasted six hours and ended with an agreement to study the cost of two new harbours, one on each side of the strait, before the end of the year.

The island council asked for a guarantee that the ferry would run in winter, when storms close the only airstrip for weeks, and for fares that fishermen and their families could afford every day.

A second round is planned for the spring in the island's main town, where the council hopes to show the ministers the harbour that was damaged by the great storm of last January.
TXT
cat >"$tmp/story2.txt" <<'TXT'
Grain prices fall after record harvest

Farmers across Sweden brought in the largest wheat harvest in two decades this autumn, pushing grain prices down to their lowest level since the cooperative markets opened in the valley towns.

Traders in Sweden said the warm spring and a dry, sunny August had let most farms harvest early, and that storage halls near the rail lines were already full by the middle of September.

Millers welcomed the lower prices, but small farmers warned that many of them would sell at a loss unless the regional fund bought part of the crop for the winter reserve as it did in earlier years.

The agriculture board will decide next month whether to open the reserve, after a survey of how much grain is held on the farms themselves and in the cooperative halls.
TXT
# A copier's version: country names swapped, a caption and appended
# headlines added.
copy() {  # copy IN OUT COUNTRY LONGFORM
  sed "s/$3/$4/g" "$1" | awk 'NR == 2 { print; print "FILE PHOTO The harbour at dawn"; next } { print }' >"$2"
  printf '\nYou will not believe what this celebrity did next\n\nTen tricks doctors do not want you to know\n' >>"$2"
}
copy "$tmp/story1.txt" "$tmp/copy1.txt" Norway "Kingdom of Norway"
copy "$tmp/story2.txt" "$tmp/copy2.txt" Sweden "Kingdom of Sweden"

# A short article reusing two paragraphs of story 1, one lightly rewritten.
{
  echo "Islanders hope for a winter ferry"
  echo
  echo "Fishermen on the island gathered in the harbour hall on Wednesday evening to hear what their council had won in the capital."
  echo
  sed -n 5p "$tmp/story1.txt" | sed 's/six hours/seven hours/'
  echo
  sed -n 9p "$tmp/story1.txt"
  echo
  echo "Many in the hall said they would believe in the ferry when they saw it."
} >"$tmp/reuse1.txt"

to_json() {  # to_json FILE URL DATE
  "$py" -c 'import json,sys
t=open(sys.argv[1]).read()
title,_,body=t.partition("\n")
print(json.dumps({"title":title,"text":body,"url":sys.argv[2],"published":sys.argv[3]}))' "$1" "$2" "$3"
}
{
  to_json "$tmp/story1.txt" https://wire.example/ferry 2024-03-04
  to_json "$tmp/story2.txt" https://wire.example/grain 2024-09-20
  to_json "$tmp/copy2.txt" https://copier.example/grain 2024-09-21
  awk 'BEGIN {
    split("harbour council budget river ferry election vaccine drought " \
          "senate court strike festival bridge tariff", w, " ");
    srand(3);
    for (i = 1; i <= 300; i++) {
      body = "";
      for (s = 0; s < 8; s++) {
        sent = "The";
        for (k = 0; k < 14; k++) sent = sent " " w[int(rand() * 14) + 1];
        body = body sent " zq" i ". ";
      }
      printf "{\"title\": \"Filler %d\", \"text\": \"%s\", \"url\": \"https://filler.example/%d\"}\n", i, body, i;
    }
  }'
} >"$tmp/corpus.jsonl"
"$bin" ingest "$tmp/corpus.jsonl" --db "$tmp/c.db" -q
check "ingest exit" 0 $?

# --- trace a file -----------------------------------------------------------
"$bin" trace "$tmp/copy1.txt" --db "$tmp/c.db" --published 2024-03-06 --json >"$tmp/t1.json"
check "trace file exit" 0 $?
check "top match is the original" https://wire.example/ferry "$(jq_ "$tmp/t1.json" 'd["matches"][0]["url"]')"
check "it is a near copy" near_copy "$(jq_ "$tmp/t1.json" 'd["matches"][0]["relation"]')"
check "origin is the original" "$(jq_ "$tmp/t1.json" 'd["matches"][0]["id"]')" "$(jq_ "$tmp/t1.json" 'd["origin"]["id"]')"
check "origin rule" earliest_published "$(jq_ "$tmp/t1.json" 'd["origin"]["rule"]')"
check "systematic substitution" "Norway -> Kingdom of Norway x2" \
  "$(jq_ "$tmp/t1.json" '" ".join(s["from"]+" -> "+s["to"]+" x"+str(s["count"]) for s in d["matches"][0]["substitutions"])')"
check "title, caption, prefixes and headlines inserted" "Ferry talks resume in the north FILE PHOTO The harbour at dawn|Kingdom of|Kingdom of|You will not believe what this celebrity did next Ten tricks doctors do not want you to know" \
  "$(jq_ "$tmp/t1.json" '"|".join(" ".join(r["to"]["text"].split()) for r in d["matches"][0]["diff"]["runs"] if r["op"]=="insert")')"
check "diff runs from the origin" match "$(jq_ "$tmp/t1.json" 'd["matches"][0]["diff"]["from"]')"
check "no unrelated matches" 1 "$(jq_ "$tmp/t1.json" 'len(d["matches"])')"

# --- partial reuse ----------------------------------------------------------
"$bin" trace "$tmp/reuse1.txt" --db "$tmp/c.db" --json >"$tmp/t2.json"
check "reuse found" "reuse https://wire.example/ferry" "$(jq_ "$tmp/t2.json" '" ".join(m["relation"]+" "+m["url"] for m in d["matches"])')"
check "two passages" 2 "$(jq_ "$tmp/t2.json" 'len(d["matches"][0]["reuse"]["passages"])')"
check "not a near copy" True "$(jq_ "$tmp/t2.json" 'd["matches"][0]["jaccard"] < 0.5')"
check "most of it reused" True "$(jq_ "$tmp/t2.json" 'd["matches"][0]["reuse"]["share"] > 0.6')"

# --- trace a stored id ------------------------------------------------------
id=$(sqlite3 "$tmp/c.db" "SELECT printf('%016x', id) FROM documents WHERE url = 'https://copier.example/grain'")
"$bin" trace "${id:0:10}" --db "$tmp/c.db" --json >"$tmp/t3.json"
check "trace id exit" 0 $?
check "stored query" True "$(jq_ "$tmp/t3.json" 'd["query"]["stored"]')"
check "stored copy finds its original" https://wire.example/grain "$(jq_ "$tmp/t3.json" 'd["matches"][0]["url"]')"
"$bin" trace "${id:0:10}" --db "$tmp/c.db" --side-by-side | head -c 1 | grep -q "{" &&
  ok "piped trace is JSON" || bad "trace piped output"
script -qc "'$bin' trace '${id:0:10}' --db '$tmp/c.db' --side-by-side" /dev/null >"$tmp/tty" 2>&1
grep -q "Kingdom of Sweden" "$tmp/tty" && grep -q "Origin:" "$tmp/tty" &&
  ok "readable trace on a terminal" || bad "tty trace: $(head -5 "$tmp/tty")"

# --- dupes ------------------------------------------------------------------
to_json "$tmp/copy1.txt" https://copier.example/ferry 2024-03-06 >"$tmp/more.jsonl"
"$bin" ingest "$tmp/more.jsonl" --db "$tmp/c.db" -q
"$bin" dupes --db "$tmp/c.db" --json >"$tmp/d.jsonl" 2>"$tmp/d.err"
check "dupes exit" 0 $?
check "two groups" 2 "$(wc -l <"$tmp/d.jsonl")"
check "origins named" "https://wire.example/ferry https://wire.example/grain" \
  "$("$py" -c 'import json,sys
print(" ".join(sorted(json.loads(l)["members"][0]["url"] for l in open(sys.argv[1]))))' "$tmp/d.jsonl")"
grep -q "copier's signature: Norway -> Kingdom of Norway" "$tmp/d.err" && bad "signature needs the same swap twice" || ok "different swaps are no signature"
# The same copier on a third story: now the swap is a signature.
cat >"$tmp/story3.txt" <<'TXT'
Museum reopens after five years of repairs

The national museum of Norway opened its doors again on Saturday after five years of repairs to a roof that had leaked onto the painting galleries since the winter floods.

Visitors queued from early morning, and curators said more than eight thousand people had come through the new glass entrance hall by the time the doors closed in the evening.

The repairs cost twice the first estimate, and the museum board has promised an independent review of the building contracts once the last scaffolding has come down.

Schools across Norway will be offered free guided tours until the summer, with a special room set aside for the restored tapestries from the old royal hunting lodge.
TXT
copy "$tmp/story3.txt" "$tmp/copy3.txt" Norway "Kingdom of Norway"
{ to_json "$tmp/story3.txt" https://wire.example/grain-no 2024-10-01
  to_json "$tmp/copy3.txt" https://copier.example/grain-no 2024-10-02; } >"$tmp/more2.jsonl"
"$bin" ingest "$tmp/more2.jsonl" --db "$tmp/c.db" -q
"$bin" dupes --db "$tmp/c.db" --json >"$tmp/d.jsonl" 2>"$tmp/d.err"
grep -q "copier's signature: Norway -> Kingdom of Norway, in copies of 2 different stories" "$tmp/d.err" &&
  ok "copier's signature across stories" || bad "signature: $(cat "$tmp/d.err")"

# --- merge: two corpora's indexes made one ---------------------------------
printf 'not a database at all, just text' >"$tmp/junk.db"
"$bin" ingest "$tmp/more.jsonl" --db "$tmp/m1.db" -q
to_json "$tmp/story1.txt" https://wire.example/ferry 2024-03-04 >"$tmp/orig.jsonl"
"$bin" ingest "$tmp/orig.jsonl" --db "$tmp/m2.db" -q
"$bin" trace "${id:0:10}" --db "$tmp/m1.db" --json >/dev/null 2>&1
"$bin" merge "$tmp/m2.db" "$tmp/m1.db" --db "$tmp/m.db" >"$tmp/out"
check "merge exit" 0 $?
grep -q "1 read, 1 added" "$tmp/out" && ok "merge summary" || bad "merge summary: $(cat "$tmp/out")"
"$bin" dupes --db "$tmp/m.db" --json >"$tmp/md.jsonl" 2>/dev/null
check "merged corpus links the copy to its original" "https://wire.example/ferry https://copier.example/ferry" \
  "$(jq_ "$tmp/md.jsonl" '" ".join(m["url"] for m in d["members"])')"
"$bin" merge "$tmp/m2.db" --db "$tmp/m.db" >"$tmp/out"
grep -q "1 read, 0 added, 1 already there" "$tmp/out" && ok "merge is idempotent" || bad "re-merge: $(cat "$tmp/out")"
"$bin" merge "$tmp/junk.db" --db "$tmp/m.db" >/dev/null 2>&1
check "merge of a non-corpus exit" 4 $?

# --- errors -----------------------------------------------------------------
"$bin" trace "$tmp/nope.txt" --db "$tmp/c.db" >/dev/null 2>"$tmp/err"
check "missing input exit" 3 $?
check "one-line error" 1 "$(wc -l <"$tmp/err")"
"$bin" trace "$tmp/copy1.txt" --db "$tmp/c.db" --threshold 2 >/dev/null 2>&1
check "bad threshold exit" 2 $?
"$bin" trace "$tmp/copy1.txt" --db "$tmp/missing.db" >/dev/null 2>&1
check "missing corpus exit" 3 $?
"$bin" dupes --db "$tmp/junk.db" >/dev/null 2>&1
check "not a corpus exit" 4 $?
: >"$tmp/empty.txt"
"$bin" trace "$tmp/empty.txt" --db "$tmp/c.db" >/dev/null 2>&1
check "empty input exit" 4 $?
"$bin" ingest /dev/null --db "$tmp/e.db" -q 2>/dev/null
"$bin" dupes --db "$tmp/e.db" >"$tmp/out" 2>/dev/null
check "dupes on an empty corpus" "0:0" "$?:$(wc -c <"$tmp/out")"

echo "trace_cli_test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
