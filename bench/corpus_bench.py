#!/usr/bin/python3
"""Corpus benchmark (issue 3): ingest rate against a raw SQLite baseline, and
search latency on a large generated corpus.

1. Ingest. The same generated articles (a CSV of title, text, url,
   published) are loaded twice in one run: by `newstrace ingest --threads T`
   (read, decode, clean and label every article, detect its language, store
   the record, index title and body in FTS5) and by the `sqlite3` shell
   (`.import` of the CSV into a table, then one INSERT ... SELECT into an
   FTS5 table over title and text: the raw cost of storing and indexing the
   texts, no analysis). Prints docs/s for both, their ratio, and each one's
   peak resident memory.
2. Search. A corpus of --search-docs generated articles is ingested, then
   `bench/search_runner` times Corpus::Search for one-word queries (words
   drawn across the frequency range) and two-word phrase queries (taken from
   the texts), best-20 hits each; prints median and p99 latency.

The articles are generated here (a seeded pseudo-language with a Zipf word
distribution, 4-8 paragraphs each): nothing is read from ../shared.

Usage: /usr/bin/python3 bench/corpus_bench.py [--build build] [--docs 20000]
       [--threads 2] [--search-docs 100000] [--skip-search] [--keep DIR]
"""
import argparse
import bisect
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ba", "de", "fi",
             "go", "ha", "ju", "ke", "la", "mo", "nu", "pe", "ri", "su", "ta",
             "ve", "wo", "za", "an", "el", "in", "or", "us"]


class Language:
    """A seeded vocabulary with Zipf-distributed word frequencies."""

    def __init__(self, seed, size=20000):
        rng = random.Random(seed)
        words = set()
        while len(words) < size:
            n = rng.choice((1, 2, 2, 3, 3, 3, 4))
            words.add("".join(rng.choice(SYLLABLES) for _ in range(n)))
        self.words = sorted(words)
        rng.shuffle(self.words)
        weights = [1.0 / (r + 1) for r in range(size)]
        self.cum = []
        total = 0.0
        for w in weights:
            total += w
            self.cum.append(total)
        self.total = total
        self.rng = rng

    def word(self):
        return self.words[bisect.bisect(self.cum, self.rng.random() * self.total)]

    def sentence(self):
        n = self.rng.randint(8, 24)
        s = " ".join(self.word() for _ in range(n))
        return s[0].upper() + s[1:] + "."

    def article(self, i):
        title = " ".join(self.word() for _ in range(self.rng.randint(5, 10)))
        title = title[0].upper() + title[1:]
        paras = []
        for _ in range(self.rng.randint(4, 8)):
            paras.append(" ".join(self.sentence()
                                  for _ in range(self.rng.randint(2, 5))))
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        return {"title": title, "text": "\n\n".join(paras),
                "url": "https://site%d.example/news/%d" % (i % 50, i),
                "published": "2025-%02d-%02d" % (month, day)}


def write_csv(path, n, seed):
    lang = Language(seed)
    size = 0
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["title", "text", "url", "published"])
        for i in range(n):
            a = lang.article(i)
            w.writerow([a["title"], a["text"], a["url"], a["published"]])
            size += len(a["text"]) + len(a["title"])
    return lang, size


def run_timed(cmd, stdin=None):
    """Runs cmd; returns (seconds, peak RSS in MB, stdout)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("corpus_bench: %s failed: %s" % (cmd[0], err.decode()[:500]))
    return seconds, usage.ru_maxrss / 1024.0, out


def ingest_bench(args, tmp):
    data = os.path.join(tmp, "articles.csv")
    _, size = write_csv(data, args.docs, seed=11)
    print("## ingest: %d generated articles, %.1f MB of text, %d threads"
          % (args.docs, size / 1e6, args.threads))
    nt_db = os.path.join(tmp, "nt.db")
    nt_s, nt_mb, _ = run_timed([args.newstrace, "ingest", data, "--db", nt_db,
                                "--threads", str(args.threads), "-q"])
    raw_db = os.path.join(tmp, "raw.db")
    script = ("PRAGMA journal_mode=WAL;\n"
              "CREATE TABLE raw(title, text, url, published);\n"
              "CREATE VIRTUAL TABLE docs USING fts5(title, body);\n"
              ".mode csv\n"
              ".import --skip 1 '%s' raw\n"
              "BEGIN; INSERT INTO docs(title, body) SELECT title, text FROM raw;"
              " COMMIT;\n" % data)
    with tempfile.TemporaryFile() as f:
        f.write(script.encode())
        f.seek(0)
        raw_s, raw_mb, _ = run_timed(["sqlite3", raw_db], stdin=f)
    nt_rate = args.docs / nt_s
    raw_rate = args.docs / raw_s
    print("%-34s %9s %9s %12s" % ("tool", "docs/s", "seconds", "peak RSS MB"))
    print("%-34s %9.0f %9.2f %12.1f" % ("newstrace ingest (full analysis)",
                                       nt_rate, nt_s, nt_mb))
    print("%-34s %9.0f %9.2f %12.1f" % ("sqlite3 shell: .import + FTS5",
                                       raw_rate, raw_s, raw_mb))
    print("ratio newstrace / raw baseline: %.2f (target >= 0.50)"
          % (nt_rate / raw_rate))
    return {"docs": args.docs, "newstrace_docs_per_s": nt_rate,
            "raw_docs_per_s": raw_rate, "ratio": nt_rate / raw_rate,
            "newstrace_peak_mb": nt_mb, "raw_peak_mb": raw_mb}


def search_bench(args, tmp):
    data = os.path.join(tmp, "search.csv")
    lang, size = write_csv(data, args.search_docs, seed=23)
    db = os.path.join(tmp, "search.db")
    s, mb, _ = run_timed([args.newstrace, "ingest", data, "--db", db,
                          "--threads", str(args.threads), "-q"])
    print("\n## search: %d generated articles (%.1f MB of text), ingested in "
          "%.1f s (%.0f docs/s, peak RSS %.0f MB)"
          % (args.search_docs, size / 1e6, s, args.search_docs / s, mb))
    rng = random.Random(5)
    queries = []
    # One-word queries across the frequency range: ranks 1-20000.
    for _ in range(args.queries):
        rank = int(20000 ** rng.random())  # log-uniform rank
        queries.append(("one_word", lang.words[min(rank, 19999)]))
    # Phrases: two consecutive words from generated text.
    for _ in range(args.queries):
        sent = lang.sentence().rstrip(".").lower().split()
        k = rng.randrange(len(sent) - 1)
        queries.append(("phrase", '"%s %s"' % (sent[k], sent[k + 1])))
    qfile = os.path.join(tmp, "queries.tsv")
    with open(qfile, "w") as f:
        for cls, q in queries:
            f.write("%s\t%s\n" % (cls, q))
    out = subprocess.run([args.search_runner, db, qfile, "--repeat", "3"],
                         check=True, capture_output=True, text=True).stdout
    res = json.loads(out)
    print("%-10s %8s %10s %8s %8s %10s" % ("class", "queries", "median ms",
                                           "p99 ms", "max ms", "hits"))
    for cls in ("one_word", "phrase"):
        r = res[cls]
        print("%-10s %8d %10.2f %8.2f %8.2f %10d" % (
            cls, r["queries"], r["median_ms"], r["p99_ms"], r["max_ms"],
            r["hits"]))
    print("target: p99 under 50 ms")
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--search-docs", type=int, default=100000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--skip-search", action="store_true")
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--keep", help="keep the generated files in this folder")
    ap.add_argument("--json", help="write the figures to this file")
    args = ap.parse_args()
    args.newstrace = os.path.join(args.build, "src", "cli", "newstrace")
    args.search_runner = os.path.join(args.build, "bench", "search_runner")
    for exe in (args.newstrace, args.search_runner):
        if not os.path.exists(exe):
            sys.exit("corpus_bench: build %s first (cmake --build %s)"
                     % (exe, args.build))
    if shutil.which("sqlite3") is None:
        sys.exit("corpus_bench: the sqlite3 shell is needed (apt install sqlite3)")
    tmp = args.keep or tempfile.mkdtemp(prefix="nt_corpus_bench_")
    os.makedirs(tmp, exist_ok=True)
    figures = {}
    try:
        if not args.skip_ingest:
            figures["ingest"] = ingest_bench(args, tmp)
        if not args.skip_search:
            figures["search"] = search_bench(args, tmp)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=2)


if __name__ == "__main__":
    main()
