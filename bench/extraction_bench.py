#!/usr/bin/python3
"""Extraction benchmark: newstrace vs readability-lxml, same pages, one run.

For each data set in ../shared/data (extraction_scrapinghub,
extraction_trafilatura_eval) this runs newstrace (bench/extraction_runner,
pinned to one core) and readability-lxml (in this process, pinned to the same
core) on the same gzipped pages and prints, for each tool: pages/s, MB/s and
precision/recall/F1 under that set's own metric (see each SOURCE.md), and the
speed ratio. On the trafilatura set it also prints metadata exact-match
accuracy (title, authors, date) on the entries that carry that gold.

Usage:
  /usr/bin/python3 bench/extraction_bench.py [--runner build/bench/extraction_runner]
      [--shared ../shared] [--sets scrapinghub,trafilatura] [--limit N]
      [--repeat N] [--no-baseline] [--json OUT.json] [--dump DIR]
      [--meta-misses OUT.tsv]
Skips with a message (exit 0) when ../shared/data is absent.
"""
import argparse
import collections
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Published reference figures (see each data set's SOURCE.md / the issue).
PUBLISHED = {
    "scrapinghub": "published F1 on all 181 pages: trafilatura 0.958, "
                   "readability-lxml 0.922",
    "trafilatura": "published F1: trafilatura 2.2.0 0.924, readability-lxml 0.826",
}
TRAFILATURA_META = {"title": 0.589, "authors": 0.552, "date": 0.743}

WORD = re.compile(r"\w+", re.UNICODE)


def pin_to_one_core():
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass


# ---------------------------------------------------------------- data sets

def load_scrapinghub(shared):
    d = os.path.join(shared, "data", "extraction_scrapinghub")
    truth = json.load(open(os.path.join(d, "ground-truth.json")))
    pages = []
    for pid in sorted(truth):
        path = os.path.join(d, "html", pid + ".html.gz")
        if os.path.exists(path):
            pages.append({"id": pid, "path": path,
                          "truth": truth[pid]["articleBody"]})
    return pages


def load_trafilatura(shared):
    d = os.path.join(shared, "data", "extraction_trafilatura_eval")
    data = json.load(open(os.path.join(d, "evaldata.json")))
    pages = []
    for url in sorted(data):
        e = data[url]
        path = None
        for sub in ("cache", "eval"):
            p = os.path.join(d, "html", sub, e["file"] + ".gz")
            if os.path.exists(p):
                path = p
                break
        if path is None:
            continue
        pages.append({"id": url, "path": path, "with": e.get("with", []),
                      "without": e.get("without", []),
                      "meta": ({"title": e.get("title", ""),
                                "author": e.get("author", ""),
                                "date": e.get("date", "")}
                               if "title" in e else None)})
    return pages


# ------------------------------------------------------------------ metrics

def shingles(text, n=4):
    toks = WORD.findall(text)
    return collections.Counter(tuple(toks[i:i + n])
                               for i in range(max(0, len(toks) - n + 1)))


def scrapinghub_metric(results, pages):
    """Mean per-page precision and recall of word 4-gram shingle multisets."""
    ps, rs = [], []
    for page in pages:
        got = shingles(results.get(page["id"], ""))
        want = shingles(page["truth"])
        tp = sum((got & want).values())
        fp = sum(got.values()) - tp
        fn = sum(want.values()) - tp
        if fp == 0 and fn == 0:
            p = r = 1.0
        elif tp == 0:
            p = r = 0.0
        else:
            p, r = tp / (tp + fp), tp / (tp + fn)
        ps.append(p)
        rs.append(r)
    p = sum(ps) / len(ps)
    r = sum(rs) / len(rs)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def norm_ws(s):
    return " ".join(s.split())


def trafilatura_metric(results, pages):
    """Micro P/R/F1 of must/must-not snippets (whitespace-normalized)."""
    tp = fp = fn = tn = 0
    for page in pages:
        text = norm_ws(results.get(page["id"], ""))
        for s in page["with"]:
            if norm_ws(s) in text:
                tp += 1
            else:
                fn += 1
        for s in page["without"]:
            if norm_ws(s) in text:
                fp += 1
            else:
                tn += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return p, r, f


def fold(s):
    return unicodedata.normalize("NFC", norm_ws(s)).casefold()


AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\|| and | und | & | et | y | e )\s*",
                          re.IGNORECASE)


def author_set(value):
    if isinstance(value, list):
        parts = []
        for v in value:
            parts.extend(AUTHOR_SPLIT.split(v))
    else:
        parts = AUTHOR_SPLIT.split(value or "")
    return {fold(p) for p in parts if fold(p)}


def metadata_accuracy(meta_out, pages):
    n = 0
    hits = collections.Counter()
    for page in pages:
        gold = page.get("meta")
        if gold is None:
            continue
        n += 1
        got = meta_out.get(page["id"], {})
        hits["title"] += fold(got.get("title", "")) == fold(gold["title"])
        hits["authors"] += author_set(got.get("authors", [])) == author_set(
            gold["author"])
        hits["date"] += (got.get("published", "") or "")[:10] == gold["date"]
    return n, {k: hits[k] / n for k in ("title", "authors", "date")} if n else {}


def metadata_misses(meta_out, pages):
    """Rows (field, page id, page file, gold, ours) for each metadata miss."""
    rows = []
    for page in pages:
        gold = page.get("meta")
        if gold is None:
            continue
        got = meta_out.get(page["id"], {})
        ours = {"title": got.get("title", "") or "",
                "authors": " | ".join(got.get("authors", []) or []),
                "date": (got.get("published", "") or "")[:10]}
        same = {"title": fold(ours["title"]) == fold(gold["title"]),
                "authors": author_set(got.get("authors", [])) ==
                           author_set(gold["author"]),
                "date": ours["date"] == gold["date"]}
        author = gold["author"]
        golds = {"title": gold["title"],
                 "authors": (" | ".join(author) if isinstance(author, list)
                             else author),
                 "date": gold["date"]}
        for k in ("title", "authors", "date"):
            if not same[k]:
                rows.append((k, page["id"], os.path.basename(page["path"]),
                             norm_ws(golds[k]), norm_ws(ours[k])))
    return rows


# ------------------------------------------------------------------ runners

def run_newstrace(runner, pages, repeat):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as m:
        for p in pages:
            m.write(p["id"] + "\t" + p["path"] + "\n")
        manifest = m.name
    try:
        cmd = [runner, manifest, "--repeat", str(repeat)]
        try:
            core = str(min(os.sched_getaffinity(0)))
            cmd = ["taskset", "-c", core] + cmd
        except (AttributeError, OSError):
            pass
        proc = subprocess.run(cmd, capture_output=True, check=True)
    finally:
        os.unlink(manifest)
    texts, meta = {}, {}
    for line in proc.stdout.decode("utf-8").splitlines():
        j = json.loads(line)
        texts[j["id"]] = j["body"]
        meta[j["id"]] = j
    summary = json.loads(proc.stderr.decode("utf-8").strip().splitlines()[-1])
    return texts, meta, summary["seconds"], summary["bytes"]


def run_readability(pages, repeat):
    import lxml.html
    from readability import Document
    raw = [(p["id"], gzip.open(p["path"]).read()) for p in pages]
    nbytes = sum(len(b) for _, b in raw)
    best = None
    texts = {}
    for _ in range(repeat):
        out = {}
        start = time.perf_counter()
        for pid, data in raw:
            try:
                summary = Document(data).summary(html_partial=True)
                text = lxml.html.fromstring(summary).text_content()
            except Exception:  # readability raises on some pages
                text = ""
            out[pid] = text
        secs = time.perf_counter() - start
        best = secs if best is None else min(best, secs)
        texts = out
    return texts, best, nbytes


# ---------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runner",
                    default=os.path.join(ROOT, "build", "bench",
                                         "extraction_runner"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--sets", default="scrapinghub,trafilatura")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs per tool; the fastest is reported")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--dump", help="write each tool's texts here (debugging)")
    ap.add_argument("--meta-misses",
                    help="write the trafilatura metadata misses to this TSV "
                         "(field, page id, file, gold, ours)")
    args = ap.parse_args()

    if not os.path.isdir(os.path.join(args.shared, "data")):
        print("extraction_bench: skipped: %s/data is absent" % args.shared)
        return 0
    if not os.path.exists(args.runner):
        print("extraction_bench: build the runner first: cmake --build build "
              "--target extraction_runner", file=sys.stderr)
        return 2
    pin_to_one_core()
    report = {}
    for name in args.sets.split(","):
        pages = (load_scrapinghub if name == "scrapinghub"
                 else load_trafilatura)(args.shared)
        if args.limit:
            pages = pages[:args.limit]
        metric = (scrapinghub_metric if name == "scrapinghub"
                  else trafilatura_metric)
        nt_text, nt_meta, nt_secs, nbytes = run_newstrace(args.runner, pages,
                                                          args.repeat)
        rows = [("newstrace", nt_text, nt_secs)]
        if not args.no_baseline:
            rl_text, rl_secs, _ = run_readability(pages, args.repeat)
            rows.append(("readability-lxml", rl_text, rl_secs))
        print("\n## %s: %d pages, %.1f MB (%s)" % (
            name, len(pages), nbytes / 1e6, PUBLISHED[name]))
        print("%-18s %9s %8s %9s %7s %7s" % ("tool", "pages/s", "MB/s",
                                              "precision", "recall", "F1"))
        figures = {}
        for tool, texts, secs in rows:
            p, r, f = metric(texts, pages)
            figures[tool] = {"pages_per_s": len(pages) / secs,
                             "mb_per_s": nbytes / 1e6 / secs,
                             "precision": p, "recall": r, "f1": f}
            print("%-18s %9.1f %8.2f %9.3f %7.3f %7.3f" % (
                tool, len(pages) / secs, nbytes / 1e6 / secs, p, r, f))
            if args.dump:
                os.makedirs(args.dump, exist_ok=True)
                with open(os.path.join(args.dump, "%s.%s.json" % (name, tool)),
                          "w") as out:
                    json.dump(texts, out, ensure_ascii=False, indent=0)
        if "readability-lxml" in figures:
            ratio = (figures["newstrace"]["pages_per_s"] /
                     figures["readability-lxml"]["pages_per_s"])
            figures["speed_ratio"] = ratio
            print("speed: newstrace / readability-lxml = %.1fx (one core each)"
                  % ratio)
        if name == "trafilatura":
            n, acc = metadata_accuracy(nt_meta, pages)
            figures["metadata"] = {"pages": n, **acc}
            if n:
                print("metadata exact match on %d pages with gold: " % n +
                      ", ".join("%s %.3f (trafilatura 2.2: %.3f)" % (
                          k, acc[k], TRAFILATURA_META[k])
                          for k in ("title", "authors", "date")))
            if args.meta_misses:
                with open(args.meta_misses, "w") as out:
                    for row in metadata_misses(nt_meta, pages):
                        out.write("\t".join(row) + "\n")
        report[name] = figures
    if args.json:
        with open(args.json, "w") as out:
            json.dump(report, out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
