#!/usr/bin/python3
"""Classification evaluation (issue 6): newstrace vs a TF-IDF + logistic
regression baseline on the labeled sets in ../shared/data.

One run loads every set, splits it once (deterministic, fixed seed), trains
and tests both systems on the same split and prints accuracy, macro-F1,
training time and predictions per second, beside the issue's targets.

Sets (name: folder; rows; label mapping; split)
-----------------------------------------------
liar6  liar/ (train.tsv, valid.tsv; test.tsv is kept out of this copy).
       One row per statement (column 3) in "text", title empty. Columns
       9-13 (credit history, which count the statement's own label) are
       NOT read, nor any other metadata. Labels: the six values of
       column 2 (pants-fire, false, barely-true, half-true, mostly-true,
       true). Split: the official one: train = train.tsv (10,269), test =
       valid.tsv (1,284), so figures compare with the paper's "valid"
       column (6-way accuracy 0.22-0.28). No publisher.
liar2  Same rows and split; binary label: false = {pants-fire, false,
       barely-true}, true = {half-true, mostly-true, true}.
fakes  fakes/FA-KES-Dataset.csv (cp1252; the 123 non-ASCII bytes are
       0x95/0x81/0xb5 debris: decoded as cp1252, undefined bytes dropped).
       title = article_title, text = article_content, label: 1 ->
       "credible", 0 -> "fake"; domain = the `source` column (15
       publishers). unit_id repeats (9 ids, 12 extra rows, mostly with
       the opposite label: the set's edited versions), so a repeated id
       gets a "#k" suffix. Split: by publisher.
hyperpartisan  semeval2019_hyperpartisan_byarticle/ (645 articles).
       title = the title attribute, text = the body's text (markup
       dropped; <p>, <blockquote>, <li>, <h1-6>, <br> end a paragraph;
       paragraphs joined by a blank line). label: "true" / "false"
       (hyperpartisan). domain = registered domain of the ground truth's
       url. Split: by domain.
fakenewsnet  fakenewsnet/: title-only rows from the official
       politifact_fake.csv and every partial mirror (politifact fake+real,
       gossipcop fake+real). label = file name ("fake" / "real"). Rows
       are deduplicated by id (official file first, then
       SarithRavI_upfd_subset, then HokageHimanshu; an id that appears
       with both labels is dropped: one, politifact14940, is in the
       official fake file and in both mirrors' real files); rows with an
       empty title are dropped (none). 6,374 rows: politifact 431 fake /
       479 real, gossipcop 2,732 / 2,732. domain = registered domain of news_url
       (web.archive.org URLs: the archived URL's domain); rows without a
       URL have no domain. Split: by domain; rows without a domain are
       each their own group.
clickbait  clickbait_chakraborty/ (two gzip files, one headline a line,
       blank lines skipped). title = headline, label "clickbait" /
       "not_clickbait". Publisher not known per line. Split: stratified
       random.

Splits
------
By publisher ("group" split): no domain has rows on both sides. Test size
aims at --test-frac (0.2) of the rows of each label: over --trials (200)
seeded random orders of the groups, a greedy pass moves a group to test
when that brings the test label counts closer (squared error) to
test-frac x the label totals; the order with the smallest final error is
kept. With few publishers (FA-KES: 15) the test side holds only a few of
them, so those figures are noisy. Otherwise ("stratified"): per label, a
seeded shuffle and the first round(test-frac x n) rows go to test.
`split_rows()` is the one function both systems' splits come from;
`--export DIR` writes them (DIR/<set>/{train,test}.jsonl, one JSON object
a line: id, title, text, label, domain) and stops.

Targets checked (issue 6): macro-F1 >= baseline on every set, and >=
baseline + 0.05 where train and test publishers differ (the group-split
sets); clickbait accuracy >= 0.98; newstrace predictions per second >= 3x
the baseline's on the full-article sets (fakes, hyperpartisan).

Metrics
-------
accuracy  = correct / n_test.
macro-F1  = unweighted mean over the set's labels (every label seen in
            train or test) of per-label F1 = 2PR/(P+R), where P = tp/(tp+fp),
            R = tp/(tp+fn), and F1 = 0 when tp = 0.
train s   = wall seconds to fit (baseline: vectorizer + model on the train
            rows, C already chosen; the C selection time is reported apart
            as "C-select s". newstrace: the whole `newstrace train` process).
pred/s    = n_test / seconds to vectorize and predict the test rows,
            best of --timing-runs (default 5) runs for both systems
            (baseline: time.perf_counter, in process, texts in memory;
            newstrace: the "predictions_per_second" its eval reports --
            reading the JSONL, extraction, analysis, scoring -- of as
            many eval processes, or, when it reports none, n_test / the
            eval process' wall time; that wall time is recorded in any
            case). The machines are shared and noisy: one run of a
            129-article test set moved the baseline's rate 2x.

Baseline: scikit-learn (Debian python3-sklearn) TfidfVectorizer (word 1-2
grams, lowercase, sublinear_tf, min_df=2, float32) over title + "\\n" + text,
LogisticRegression (liblinear; one-vs-rest for the 6-way set; no class
weights). C from {0.25, 1, 4, 16} by 3-fold CV on the train side only
(when the best is the largest, the grid grows by x4 up to 1024), scored
by macro-F1 (GroupKFold by domain for group-split sets,
StratifiedKFold otherwise); --baseline-c fixes it. Single core: the
BLAS/OpenMP thread variables are set to 1 before numpy is imported and the
process pins itself to one core (--core, default 1), the one newstrace
runs on (`taskset -c`).

newstrace (when --cli exists, default build/src/cli/newstrace): train and
test rows are written as JSONL to a temporary directory, then
  newstrace train --data train.jsonl --label label --out MODEL.bin --json [--nt-extra-args]
  newstrace eval --model MODEL.bin --data test.jsonl --json
and the eval's JSON ("accuracy", "macro_f1", "predictions_per_second",
"n") is read. If the eval also returns "predictions" (a list of labels in
test order, or of {"id", "label"}), accuracy and macro-F1 are recomputed
here from them. A verb that fails prints "newstrace: not available
(<reason>)" and the run goes on.

Usage
  /usr/bin/python3 bench/classify_eval.py                  # all sets, both systems
  /usr/bin/python3 bench/classify_eval.py --sets fakes,clickbait --limit 2000
  /usr/bin/python3 bench/classify_eval.py --export /tmp/classify_splits
  /usr/bin/python3 bench/classify_eval.py --json /tmp/classify.json
Skips a set whose folder is missing; exits 0 with a message when the
shared folder is absent.
"""

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
           "BLIS_NUM_THREADS", "NUMEXPR_NUM_THREADS",
           "VECLIB_MAXIMUM_THREADS"):
    os.environ[_v] = "1"

import argparse
import collections
import csv
import gzip
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import xml.etree.ElementTree as ET

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SETS = ["liar6", "liar2", "fakes", "hyperpartisan", "fakenewsnet",
        "clickbait"]
FOLDER = {"liar6": "liar", "liar2": "liar", "fakes": "fakes",
          "hyperpartisan": "semeval2019_hyperpartisan_byarticle",
          "fakenewsnet": "fakenewsnet",
          "clickbait": "clickbait_chakraborty"}
ALIASES = {"liar": ["liar6", "liar2"],
           "semeval2019_hyperpartisan_byarticle": ["hyperpartisan"],
           "semeval": ["hyperpartisan"], "fa-kes": ["fakes"],
           "clickbait_chakraborty": ["clickbait"], "fnn": ["fakenewsnet"]}
# Sets made of full articles (the pred/s target applies to these).
ARTICLE_SETS = {"fakes", "hyperpartisan"}
LIAR_BINARY = {"pants-fire": "false", "false": "false",
               "barely-true": "false", "half-true": "true",
               "mostly-true": "true", "true": "true"}


# ---------------------------------------------------------------- domains

_TWO_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or",
              "go", "gob", "nic", "mil", "ltd", "plc", "sch", "nhs"}


def registered_domain(url):
    """Publisher key of a URL: lower-cased host without www./port, cut to
    its registered domain (last two labels, three under a two-level
    country suffix such as co.uk). web.archive.org URLs give the archived
    URL's domain. '' when there is no host."""
    url = (url or "").strip()
    if not url:
        return ""
    if "://" not in url[:12]:
        url = "//" + url
    try:
        p = urllib.parse.urlsplit(url)
    except ValueError:
        return ""
    host = (p.hostname or "").strip(".").lower()
    if host in ("web.archive.org", "archive.org", "webcache.googleusercontent.com"):
        m = re.search(r"(https?://[^\s]+|(?<=/)[a-z0-9.-]+\.[a-z]{2,}/.*)",
                      p.path + ("?" + p.query if p.query else ""))
        if m:
            inner = registered_domain(m.group(1))
            if inner:
                return inner
    if not host:
        return ""
    if re.fullmatch(r"[0-9.]+", host):
        return host
    labels = host.split(".")
    if labels[0] == "www":
        labels = labels[1:]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _TWO_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def clean_ws(s):
    return re.sub(r"\s+", " ", s or "").strip()


# ---------------------------------------------------------------- loaders
# Each returns (rows, info): rows are dicts id/title/text/label/domain (plus
# "_part": "train"/"test" when the set comes with its own split); info holds
# the split kind and loader notes (for the report).

def load_liar(folder, binary):
    rows = []
    notes = []
    for part, fname in (("train", "train.tsv"), ("test", "valid.tsv")):
        path = os.path.join(folder, fname)
        if not os.path.exists(path):
            raise FileNotFoundError(path)
        n = 0
        with open(path, encoding="utf-8", newline="") as f:
            for line in f:
                line = line.rstrip("\r\n")
                if not line:
                    continue
                cols = line.split("\t")
                if len(cols) != 14:
                    notes.append(f"{fname}: row with {len(cols)} fields skipped")
                    continue
                label = cols[1].strip()
                if label not in LIAR_BINARY:
                    notes.append(f"{fname}: unknown label {label!r} skipped")
                    continue
                if binary:
                    label = LIAR_BINARY[label]
                # cols[2] = statement; cols 8-12 (credit history) leak the
                # label and are deliberately not read.
                rows.append({"id": cols[0].strip(), "title": "",
                             "text": clean_ws(cols[2]), "label": label,
                             "domain": "", "_part": part})
                n += 1
        notes.append(f"{fname}: {n} rows")
    return rows, {"split": "given", "notes": notes,
                  "split_desc": "official: train.tsv -> train, valid.tsv -> test"}


def load_fakes(folder):
    path = os.path.join(folder, "FA-KES-Dataset.csv")
    raw = open(path, "rb").read()
    text = raw.decode("cp1252", errors="ignore")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    col = {name: i for i, name in enumerate(header) if name}
    rows = []
    seen = collections.Counter()
    bad = 0
    for rec in reader:
        if len(rec) < len(col):
            bad += 1
            continue
        lab = rec[col["labels"]].strip()
        if lab not in ("0", "1"):
            bad += 1
            continue
        uid = rec[col["unit_id"]].strip()
        seen[uid] += 1
        rid = uid if seen[uid] == 1 else f"{uid}#{seen[uid]}"
        rows.append({"id": rid, "title": clean_ws(rec[col["article_title"]]),
                     "text": rec[col["article_content"]].strip(),
                     "label": "credible" if lab == "1" else "fake",
                     "domain": rec[col["source"]].strip().lower()})
    notes = [f"{len(rows)} rows, {bad} unparsable",
             f"{sum(1 for v in seen.values() if v > 1)} repeated unit_ids "
             f"({sum(v - 1 for v in seen.values() if v > 1)} extra rows, "
             "suffixed #k)"]
    return rows, {"split": "group", "notes": notes,
                  "split_desc": "by publisher (source column)"}


_BLOCK = {"p", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
          "h6", "br", "div", "tr", "table", "pre"}


def _flatten(el, out):
    if el.text:
        out.append(el.text)
    for ch in el:
        block = ch.tag in _BLOCK
        if block:
            out.append("\n")
        _flatten(ch, out)
        if block:
            out.append("\n")
        if ch.tail:
            out.append(ch.tail)


def load_hyperpartisan(folder):
    art = os.path.join(folder, "articles-training-byarticle-20181122.xml")
    gt = os.path.join(folder, "ground-truth-training-byarticle-20181122.xml")
    truth = {}
    for el in ET.parse(gt).getroot().iter("article"):
        truth[el.get("id")] = (el.get("hyperpartisan"), el.get("url") or "")
    rows = []
    missing = 0
    for el in ET.parse(art).getroot().iter("article"):
        aid = el.get("id")
        if aid not in truth:
            missing += 1
            continue
        out = []
        _flatten(el, out)
        paras = [clean_ws(p) for p in "".join(out).split("\n")]
        body = "\n\n".join(p for p in paras if p)
        lab, url = truth[aid]
        rows.append({"id": aid, "title": clean_ws(el.get("title")),
                     "text": body, "label": lab,
                     "domain": registered_domain(url)})
    notes = [f"{len(rows)} articles, {len(truth)} ground-truth entries, "
             f"{missing} articles without truth",
             f"{sum(1 for r in rows if not r['text'])} empty bodies"]
    return rows, {"split": "group", "notes": notes,
                  "split_desc": "by url domain"}


def load_fakenewsnet(folder):
    csv.field_size_limit(1 << 30)
    files = [("politifact_fake.csv", "fake")]
    for mirror in ("SarithRavI_upfd_subset", "HokageHimanshu"):
        for coll in ("politifact", "gossipcop"):
            for lab in ("fake", "real"):
                files.append((os.path.join("partial_mirrors", mirror,
                                           f"{coll}_{lab}.csv"), lab))
    by_id = {}
    conflicts = set()
    notes = []
    for rel, lab in files:
        path = os.path.join(folder, rel)
        if not os.path.exists(path):
            continue
        n_new = n = 0
        with open(path, encoding="utf-8", newline="") as f:
            for rec in csv.DictReader(f):
                rid = (rec.get("id") or "").strip()
                if not rid:
                    continue
                n += 1
                title = clean_ws(rec.get("title"))
                url = (rec.get("news_url") or "").strip()
                old = by_id.get(rid)
                if old is None:
                    by_id[rid] = {"id": rid, "title": title, "text": "",
                                  "label": lab, "url": url}
                    n_new += 1
                    continue
                if old["label"] != lab:
                    conflicts.add(rid)
                if not old["url"] and url:
                    old["url"] = url
                if not old["title"] and title:
                    old["title"] = title
        notes.append(f"{rel}: {n} rows, {n_new} new ids")
    rows = []
    empty = 0
    for rid, r in by_id.items():
        if rid in conflicts:
            continue
        if not r["title"]:
            empty += 1
            continue
        url = r.pop("url")
        r["domain"] = registered_domain(url)
        rows.append(r)
    per = collections.Counter((r["id"].split("-")[0].rstrip("0123456789"),
                               r["label"]) for r in rows)
    notes.append(f"{len(by_id)} distinct ids; {len(conflicts)} with both "
                 f"labels dropped; {empty} empty titles dropped; "
                 f"{sum(1 for r in rows if not r['domain'])} rows without a "
                 "domain")
    notes.append("by collection: " + ", ".join(
        f"{c} {l} {n}" for (c, l), n in sorted(per.items())))
    return rows, {"split": "group", "notes": notes,
                  "split_desc": "by news_url registered domain (rows "
                                "without url: singleton groups)"}


def load_clickbait(folder):
    rows = []
    notes = []
    for fname, lab, pre in (("clickbait_data.gz", "clickbait", "cb"),
                            ("non_clickbait_data.gz", "not_clickbait",
                             "ncb")):
        n = 0
        with gzip.open(os.path.join(folder, fname), "rt",
                       encoding="utf-8", errors="replace") as f:
            for line in f:
                t = clean_ws(line)
                if not t:
                    continue
                rows.append({"id": f"{pre}-{n}", "title": t, "text": "",
                             "label": lab, "domain": ""})
                n += 1
        notes.append(f"{fname}: {n} headlines")
    return rows, {"split": "stratified", "notes": notes,
                  "split_desc": "stratified random (publisher unknown)"}


def load_set(name, data_dir):
    folder = os.path.join(data_dir, FOLDER[name])
    if not os.path.isdir(folder):
        return None, None
    if name == "liar6":
        return load_liar(folder, False)
    if name == "liar2":
        return load_liar(folder, True)
    if name == "fakes":
        return load_fakes(folder)
    if name == "hyperpartisan":
        return load_hyperpartisan(folder)
    if name == "fakenewsnet":
        return load_fakenewsnet(folder)
    if name == "clickbait":
        return load_clickbait(folder)
    raise ValueError(name)


# ---------------------------------------------------------------- splits

def limit_rows(rows, limit, seed):
    """At most `limit` rows, a seeded sample (original order kept)."""
    if not limit or len(rows) <= limit:
        return rows
    rng = random.Random(f"limit:{seed}")
    keep = sorted(rng.sample(range(len(rows)), limit))
    return [rows[i] for i in keep]


def _group_key(r):
    return r["domain"] if r["domain"] else "\x00row:" + r["id"]


def group_split(rows, test_frac, seed, trials=200):
    """Indices (train, test): whole groups (domains) on one side only;
    test label counts as close as found to test_frac x label totals."""
    groups = collections.defaultdict(list)
    for i, r in enumerate(rows):
        groups[_group_key(r)].append(i)
    labels = sorted({r["label"] for r in rows})
    lab_idx = {l: k for k, l in enumerate(labels)}
    total = [0] * len(labels)
    gcount = {}
    for g, idx in groups.items():
        c = [0] * len(labels)
        for i in idx:
            c[lab_idx[rows[i]["label"]]] += 1
        gcount[g] = c
        for k in range(len(labels)):
            total[k] += c[k]
    target = [test_frac * t for t in total]

    def cost(c):
        return sum((c[k] - target[k]) ** 2 for k in range(len(labels)))

    keys = sorted(groups)
    rng = random.Random(f"group:{seed}")
    best = None
    for _ in range(trials):
        order = keys[:]
        rng.shuffle(order)
        cur = [0] * len(labels)
        chosen = []
        cur_cost = cost(cur)
        for g in order:
            nxt = [cur[k] + gcount[g][k] for k in range(len(labels))]
            nc = cost(nxt)
            if nc < cur_cost:
                cur, cur_cost = nxt, nc
                chosen.append(g)
        if best is None or cur_cost < best[0]:
            best = (cur_cost, set(chosen))
    test_groups = best[1]
    train, test = [], []
    for i, r in enumerate(rows):
        (test if _group_key(r) in test_groups else train).append(i)
    return train, test


def stratified_split(rows, test_frac, seed):
    by = collections.defaultdict(list)
    for i, r in enumerate(rows):
        by[r["label"]].append(i)
    rng = random.Random(f"strat:{seed}")
    test = set()
    for lab in sorted(by):
        idx = by[lab][:]
        rng.shuffle(idx)
        test.update(idx[:round(test_frac * len(idx))])
    train = [i for i in range(len(rows)) if i not in test]
    return train, sorted(test)


def split_rows(rows, kind, seed, test_frac=0.2, trials=200):
    """The one split both systems use. kind: 'given' (rows carry _part),
    'group' (by domain) or 'stratified'. Returns (train_rows, test_rows)
    with only the five public keys."""
    if kind == "given":
        tr = [i for i, r in enumerate(rows) if r.get("_part") == "train"]
        te = [i for i, r in enumerate(rows) if r.get("_part") == "test"]
    elif kind == "group":
        tr, te = group_split(rows, test_frac, seed, trials)
    else:
        tr, te = stratified_split(rows, test_frac, seed)

    def pub(i):
        r = rows[i]
        return {k: r[k] for k in ("id", "title", "text", "label", "domain")}
    return [pub(i) for i in tr], [pub(i) for i in te]


def split_summary(train, test, kind):
    def side(rs):
        doms = {r["domain"] for r in rs if r["domain"]}
        return {"n": len(rs),
                "labels": dict(sorted(collections.Counter(
                    r["label"] for r in rs).items())),
                "domains": len(doms),
                "no_domain": sum(1 for r in rs if not r["domain"])}
    s = {"kind": kind, "train": side(train), "test": side(test)}
    trd = {r["domain"] for r in train if r["domain"]}
    s["shared_domains"] = len(trd & {r["domain"] for r in test
                                     if r["domain"]})
    seen = {(r["title"].lower(), r["text"].lower()) for r in train}
    s["test_rows_text_in_train"] = sum(
        1 for r in test if (r["title"].lower(), r["text"].lower()) in seen)
    if kind == "group":
        dc = collections.Counter(r["domain"] for r in test if r["domain"])
        s["test_top_domains"] = dc.most_common(8)
    return s


def print_split(name, info, s):
    print(f"  split: {info['split_desc']}")
    for side in ("train", "test"):
        d = s[side]
        labs = ", ".join(f"{k} {v}" for k, v in d["labels"].items())
        extra = ""
        if s["kind"] == "group":
            extra = f"; {d['domains']} domains"
            if d["no_domain"]:
                extra += f", {d['no_domain']} rows without domain"
        print(f"    {side:5s} {d['n']:6d} rows: {labs}{extra}")
    if s["kind"] == "group":
        top = ", ".join(f"{d} {n}" for d, n in s["test_top_domains"])
        print(f"    test publishers (top): {top}")
        print(f"    domains on both sides: {s['shared_domains']}")
    print(f"    test rows whose exact title+text is also in train: "
          f"{s['test_rows_text_in_train']}")


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({k: r[k] for k in ("id", "title", "text",
                                                  "label", "domain")},
                               ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- metrics

def scores(gold, pred, labels):
    n = len(gold)
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / n if n else 0.0
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        if tp == 0:
            f1s.append(0.0)
            continue
        pr, rc = tp / (tp + fp), tp / (tp + fn)
        f1s.append(2 * pr * rc / (pr + rc))
    return acc, (sum(f1s) / len(f1s) if f1s else 0.0)


def majority(train, test, labels):
    top = collections.Counter(r["label"] for r in train).most_common()
    best = min(l for l, c in top if c == top[0][1])
    acc, f1 = scores([r["label"] for r in test], [best] * len(test), labels)
    return {"system": "majority", "accuracy": acc, "macro_f1": f1,
            "label": best}


# ---------------------------------------------------------------- baseline

def doc_text(r):
    if r["title"] and r["text"]:
        return r["title"] + "\n" + r["text"]
    return r["title"] or r["text"]


def run_baseline(train, test, labels, grouped, seed, fixed_c=None,
                 grid=(0.25, 1.0, 4.0, 16.0), c_max=1024.0, runs=5):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import (GroupKFold, StratifiedKFold,
                                         cross_val_score)
    from sklearn.pipeline import Pipeline

    def make(c):
        return Pipeline([
            ("tfidf", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True,
                                      min_df=2, dtype=np.float32)),
            ("lr", LogisticRegression(C=c, solver="liblinear",
                                      max_iter=1000))])

    xtr = [doc_text(r) for r in train]
    ytr = [r["label"] for r in train]
    xte = [doc_text(r) for r in test]
    cv_scores = {}
    t0 = time.perf_counter()
    if fixed_c is not None:
        best_c = fixed_c
    else:
        groups = [r["domain"] or ("\x00" + r["id"]) for r in train]
        if grouped and len(set(groups)) >= 3:
            cv = list(GroupKFold(n_splits=3).split(xtr, ytr, groups))
        else:
            cv = list(StratifiedKFold(n_splits=3, shuffle=True,
                                      random_state=seed).split(xtr, ytr))
        grid = list(grid)
        while True:
            for c in grid:
                if c not in cv_scores:
                    s = cross_val_score(make(c), xtr, ytr, cv=cv,
                                        scoring="f1_macro", n_jobs=1)
                    cv_scores[c] = float(s.mean())
            best_c = max(grid, key=lambda c: (cv_scores[c], -c))
            # Best at the top of the grid: extend it (x4) up to c_max.
            if best_c != grid[-1] or grid[-1] * 4 > c_max:
                break
            grid.append(grid[-1] * 4)
    select_s = time.perf_counter() - t0

    model = make(best_c)
    t0 = time.perf_counter()
    model.fit(xtr, ytr)
    train_s = time.perf_counter() - t0

    best = None
    pred = None
    for _ in range(max(1, runs)):
        t0 = time.perf_counter()
        pred = model.predict(xte)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    pred = [str(p) for p in pred]
    acc, f1 = scores([r["label"] for r in test], pred, labels)
    return {"system": "baseline", "available": True, "accuracy": acc,
            "macro_f1": f1, "train_seconds": train_s,
            "predict_seconds": best,
            "predictions_per_second": len(test) / best if best else None,
            "C": best_c, "cv_macro_f1": {str(k): v
                                         for k, v in cv_scores.items()},
            "select_seconds": select_s,
            "vocabulary": len(model.named_steps["tfidf"].vocabulary_)}


# ---------------------------------------------------------------- newstrace

def taskset_prefix(core):
    if core is None or not shutil.which("taskset"):
        return []
    return ["taskset", "-c", str(core)]


def _reason(proc):
    msg = (proc.stderr or "").strip() or (proc.stdout or "").strip()
    lines = [l for l in msg.splitlines() if l.strip()]
    text = lines[0] if lines else ""
    for l in lines:
        if re.search(r"unknown|not found|required|invalid|error", l, re.I):
            text = l
            break
    return f"exit {proc.returncode}: {text[:200]}"


def _parse_json_out(out):
    out = (out or "").strip()
    if not out:
        return None
    try:
        v = json.loads(out)
        if isinstance(v, dict):
            return v
    except ValueError:
        pass
    for line in reversed(out.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                v = json.loads(line)
                if isinstance(v, dict):
                    return v
            except ValueError:
                continue
    return None


def run_newstrace(cli, name, train, test, labels, core, extra_args,
                  timeout, keep_dir=None, runs=5):
    res = {"system": "newstrace", "available": False}
    tmp = tempfile.mkdtemp(prefix=f"classify_{name}_")
    try:
        trp = os.path.join(tmp, "train.jsonl")
        tep = os.path.join(tmp, "test.jsonl")
        model = os.path.join(tmp, "MODEL.bin")
        write_jsonl(trp, train)
        write_jsonl(tep, test)
        pre = taskset_prefix(core)
        cmd = pre + [cli, "train", "--data", trp, "--label", "label",
                     "--out", model, "--json"] + list(extra_args)
        res["train_cmd"] = " ".join(cmd)
        t0 = time.perf_counter()
        try:
            p = subprocess.run(cmd, capture_output=True, text=True,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            res["reason"] = f"train timed out after {timeout} s"
            return res
        except OSError as e:
            res["reason"] = f"train: {e}"
            return res
        res["train_seconds"] = time.perf_counter() - t0
        if p.returncode != 0:
            res["reason"] = "train " + _reason(p)
            return res
        tj = _parse_json_out(p.stdout)
        if tj is not None:
            res["train_json"] = tj
        cmd = pre + [cli, "eval", "--model", model, "--data", tep, "--json"]
        t0 = time.perf_counter()
        try:
            p = subprocess.run(cmd, capture_output=True, text=True,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            res["reason"] = f"eval timed out after {timeout} s"
            return res
        res["eval_wall_seconds"] = time.perf_counter() - t0
        if p.returncode != 0:
            res["reason"] = "eval " + _reason(p)
            return res
        ej = _parse_json_out(p.stdout)
        if ej is None:
            res["reason"] = "eval printed no JSON object"
            return res
        for k in ("accuracy", "macro_f1", "predictions_per_second", "n"):
            if k in ej:
                res[k] = ej[k]
        preds = ej.get("predictions")
        if isinstance(preds, list) and len(preds) == len(test):
            if preds and isinstance(preds[0], dict):
                byid = {str(x.get("id")): x.get("label") for x in preds}
                plist = [byid.get(r["id"]) for r in test]
            else:
                plist = preds
            acc, f1 = scores([r["label"] for r in test],
                             [str(x) for x in plist], labels)
            res["cli_accuracy"] = res.get("accuracy")
            res["cli_macro_f1"] = res.get("macro_f1")
            res["accuracy"], res["macro_f1"] = acc, f1
            res["metrics_from"] = "predictions (recomputed here)"
        if "accuracy" not in res or "macro_f1" not in res:
            res["reason"] = "eval JSON lacks accuracy/macro_f1: " + \
                json.dumps(ej)[:200]
            return res
        if res.get("n") not in (None, len(test)):
            res["warning"] = f"eval n={res['n']} but test has {len(test)}"
        if res.get("cli_macro_f1") is not None and \
                abs(res["cli_macro_f1"] - res["macro_f1"]) > 1e-4:
            res["warning"] = (f"eval's macro_f1 {res['cli_macro_f1']:.4f} "
                              f"differs from its predictions' "
                              f"{res['macro_f1']:.4f}")
        # The same eval again (runs - 1 times): the best rate counts, as
        # the baseline's best of `runs` predictions does.
        rates = [res.get("predictions_per_second")]
        for _ in range(max(1, runs) - 1):
            try:
                q = subprocess.run(cmd, capture_output=True, text=True,
                                   timeout=timeout)
            except subprocess.TimeoutExpired:
                break
            qj = _parse_json_out(q.stdout) if q.returncode == 0 else None
            if qj is None:
                break
            rates.append(qj.get("predictions_per_second"))
        rates = [r for r in rates if r]
        if rates:
            res["predictions_per_second_runs"] = rates
            res["predictions_per_second"] = max(rates)
        if not res.get("predictions_per_second") and \
                res["eval_wall_seconds"]:
            # Conservative fallback: the eval process' wall time.
            res["predictions_per_second"] = \
                len(test) / res["eval_wall_seconds"]
            res["pps_source"] = "eval process wall time"
        res["available"] = True
        return res
    finally:
        if keep_dir:
            shutil.copytree(tmp, keep_dir, dirs_exist_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------- report

def fmt(v, spec):
    if v is None:
        width = re.match(r"\d*", spec).group()
        return format("-", ">" + width) if width else "-"
    return format(v, spec)


def check_targets(name, kind, results):
    """List of (description, status) for the issue's targets."""
    b = results.get("baseline")
    n = results.get("newstrace")
    nt_ok = n is not None and n.get("available")
    out = []
    if name == "clickbait":
        if nt_ok:
            st = "PASS" if n["accuracy"] >= 0.98 else "FAIL"
            out.append((f"accuracy >= 0.98 (newstrace "
                        f"{n['accuracy']:.4f})", st))
        else:
            out.append(("accuracy >= 0.98", "n/a"))
    margin = 0.05 if kind == "group" else 0.0
    desc = f"macro-F1 >= baseline{' + 0.05' if margin else ''}"
    if nt_ok and b and b.get("available"):
        d = n["macro_f1"] - b["macro_f1"]
        out.append((f"{desc} (diff {d:+.4f})",
                    "PASS" if d >= margin - 1e-12 else "FAIL"))
    else:
        out.append((desc, "n/a"))
    if name in ARTICLE_SETS:
        if nt_ok and b and b.get("available") and \
                n.get("predictions_per_second") and \
                b.get("predictions_per_second"):
            r = n["predictions_per_second"] / b["predictions_per_second"]
            out.append((f"pred/s >= 3x baseline (ratio {r:.2f})",
                        "PASS" if r >= 3 else "FAIL"))
        else:
            out.append(("pred/s >= 3x baseline", "n/a"))
    return out


def print_table(name, n_train, n_test, results):
    hdr = (f"  {'system':10s} {'n_train':>7s} {'n_test':>6s} "
           f"{'accuracy':>8s} {'macro-F1':>8s} {'train s':>8s} "
           f"{'pred/s':>10s}")
    print(hdr)
    for key in ("baseline", "newstrace", "majority"):
        r = results.get(key)
        if r is None:
            continue
        if key == "newstrace" and not r.get("available"):
            print(f"  newstrace: not available ({r.get('reason', '?')})")
            continue
        pps = r.get("predictions_per_second")
        print(f"  {key:10s} {n_train:7d} {n_test:6d} "
              f"{fmt(r.get('accuracy'), '8.4f')} "
              f"{fmt(r.get('macro_f1'), '8.4f')} "
              f"{fmt(r.get('train_seconds'), '8.2f')} "
              f"{fmt(pps, '10.0f')}")
    b, n = results.get("baseline"), results.get("newstrace")
    if b and n and n.get("available") and b.get("available"):
        parts = [f"macro-F1 diff {n['macro_f1'] - b['macro_f1']:+.4f}"]
        if n.get("predictions_per_second") and \
                b.get("predictions_per_second"):
            parts.append("pred/s ratio newstrace/baseline "
                         f"{n['predictions_per_second'] / b['predictions_per_second']:.2f}")
        print("  " + "; ".join(parts))
    if n and n.get("available"):
        for k in ("warning", "pps_source", "metrics_from"):
            if n.get(k):
                print(f"  newstrace {k.replace('_', ' ')}: {n[k]}")
    if b and b.get("available"):
        cv = ", ".join(f"C={k}: {v:.3f}" for k, v in b["cv_macro_f1"].items())
        print(f"  baseline: C={b['C']} ({'3-fold CV macro-F1 ' + cv if cv else 'fixed'}; "
              f"C-select {b['select_seconds']:.1f} s), "
              f"vocabulary {b['vocabulary']}")


def parse_sets(spec):
    out = []
    for s in spec.split(","):
        s = s.strip().lower()
        if not s:
            continue
        if s in SETS:
            names = [s]
        elif s in ALIASES:
            names = ALIASES[s]
        else:
            raise SystemExit(f"unknown set {s!r}; sets: {', '.join(SETS)}")
        for n in names:
            if n not in out:
                out.append(n)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default=",".join(SETS),
                    help="comma-separated: " + ", ".join(SETS))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO),
                                                     "shared"),
                    help="the shared folder holding data/ (default "
                         "../shared next to the repository)")
    ap.add_argument("--cli", default=os.path.join(REPO, "build", "src",
                                                  "cli", "newstrace"))
    ap.add_argument("--nt-extra-args", default="",
                    help="extra arguments for `newstrace train` (one "
                         "string, split like a shell)")
    ap.add_argument("--limit", type=int, default=0,
                    help="at most N rows per set (seeded sample)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--test-frac", type=float, default=0.2)
    ap.add_argument("--trials", type=int, default=200,
                    help="random group orders tried by the group split")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--baseline-c", type=float, default=None,
                    help="fix the baseline's C (default: 3-fold CV over "
                         "0.25, 1, 4, 16, extended x4 up to 1024 while the "
                         "largest wins)")
    ap.add_argument("--core", type=int, default=None,
                    help="core both systems run on (default 1 when "
                         "available, else the lowest allowed)")
    ap.add_argument("--timing-runs", type=int, default=5,
                    help="predictions timed N times per system, the best "
                         "run counts (default 5)")
    ap.add_argument("--timeout", type=int, default=3600,
                    help="seconds allowed to each newstrace command")
    ap.add_argument("--keep-nt", default=None,
                    help="copy newstrace's work folder (JSONL, model) to "
                         "DIR/<set>")
    ap.add_argument("--export", default=None,
                    help="write DIR/<set>/{train,test}.jsonl and stop")
    ap.add_argument("--json", default=None, help="write all figures here")
    args = ap.parse_args()

    data_dir = os.path.join(args.shared, "data")
    if not os.path.isdir(data_dir):
        print(f"classify_eval: {data_dir} not found; nothing to do.")
        return 0
    sets = parse_sets(args.sets)

    core = args.core
    try:
        allowed = os.sched_getaffinity(0)
        if core is None:
            core = 1 if 1 in allowed else min(allowed)
        os.sched_setaffinity(0, {core})
    except (AttributeError, OSError):
        core = None

    import shlex
    extra = shlex.split(args.nt_extra_args)
    use_nt = args.export is None and os.path.exists(args.cli)
    t_start = time.perf_counter()
    print(f"classify_eval: data {data_dir}; seed {args.seed}; test-frac "
          f"{args.test_frac}; core {core}; newstrace "
          f"{args.cli if use_nt else 'not run (' + ('export' if args.export else 'no binary at ' + args.cli) + ')'}")
    report = {"seed": args.seed, "test_frac": args.test_frac,
              "limit": args.limit, "core": core, "cli": args.cli,
              "sets": {}}
    cache = {}
    for name in sets:
        print(f"\n== {name} ({FOLDER[name]})")
        folder_key = FOLDER[name] + ("/2" if name == "liar2" else "")
        try:
            if folder_key not in cache:
                cache[folder_key] = load_set(name, data_dir)
            rows, info = cache[folder_key]
        except (OSError, ET.ParseError, csv.Error) as e:
            print(f"  skipped: cannot load ({e})")
            report["sets"][name] = {"skipped": str(e)}
            continue
        if rows is None:
            print(f"  skipped: {os.path.join(data_dir, FOLDER[name])} "
                  "not found")
            report["sets"][name] = {"skipped": "folder missing"}
            continue
        for note in info["notes"]:
            print(f"  loader: {note}")
        rows = limit_rows(rows, args.limit, args.seed)
        train, test = split_rows(rows, info["split"], args.seed,
                                 args.test_frac, args.trials)
        summ = split_summary(train, test, info["split"])
        print_split(name, info, summ)
        labels = sorted({r["label"] for r in train} |
                        {r["label"] for r in test})
        entry = {"folder": FOLDER[name], "split": summ,
                 "split_desc": info["split_desc"],
                 "loader_notes": info["notes"], "labels": labels,
                 "n_train": len(train), "n_test": len(test),
                 "articles": name in ARTICLE_SETS, "results": {}}
        report["sets"][name] = entry
        if args.export:
            d = os.path.join(args.export, name)
            os.makedirs(d, exist_ok=True)
            write_jsonl(os.path.join(d, "train.jsonl"), train)
            write_jsonl(os.path.join(d, "test.jsonl"), test)
            print(f"  exported to {d}/{{train,test}}.jsonl")
            continue
        if not train or not test:
            print("  skipped: empty train or test side")
            continue
        results = entry["results"]
        if not args.no_baseline:
            results["baseline"] = run_baseline(
                train, test, labels, info["split"] == "group", args.seed,
                args.baseline_c, runs=args.timing_runs)
        if use_nt:
            keep = os.path.join(args.keep_nt, name) if args.keep_nt else None
            results["newstrace"] = run_newstrace(
                args.cli, name, train, test, labels, core, extra,
                args.timeout, keep, runs=args.timing_runs)
        else:
            results["newstrace"] = {"system": "newstrace",
                                    "available": False,
                                    "reason": "no binary at " + args.cli}
        results["majority"] = majority(train, test, labels)
        print_table(name, len(train), len(test), results)
        entry["targets"] = check_targets(name, info["split"], results)
        for desc, st in entry["targets"]:
            print(f"  target: {desc}: {st}")

    if args.export:
        with open(os.path.join(args.export, "splits.json"), "w") as f:
            json.dump({k: {kk: v[kk] for kk in ("folder", "split",
                                                "split_desc", "labels",
                                                "n_train", "n_test")}
                       for k, v in report["sets"].items()
                       if "split" in v} | {"_seed": args.seed,
                                            "_test_frac": args.test_frac,
                                            "_limit": args.limit},
                      f, indent=1)
        print(f"\nsplits written to {args.export} (splits.json summarises)")
        return 0

    # Summary over all sets.
    print("\n== summary")
    print(f"  {'set':14s} {'system':10s} {'n_train':>7s} {'n_test':>6s} "
          f"{'accuracy':>8s} {'macro-F1':>8s} {'train s':>8s} "
          f"{'pred/s':>10s}  targets")
    for name, e in report["sets"].items():
        if "results" not in e or not e["results"]:
            continue
        tg = "; ".join(f"{d.split(' (')[0]}: {s}"
                       for d, s in e.get("targets", []))
        first = True
        for key in ("baseline", "newstrace"):
            r = e["results"].get(key)
            if r is None:
                continue
            if not r.get("available"):
                line = "not available"
                print(f"  {name:14s} {key:10s} {line}"
                      + (f"  {tg}" if first else ""))
            else:
                print(f"  {name:14s} {key:10s} {e['n_train']:7d} "
                      f"{e['n_test']:6d} {fmt(r.get('accuracy'), '8.4f')} "
                      f"{fmt(r.get('macro_f1'), '8.4f')} "
                      f"{fmt(r.get('train_seconds'), '8.2f')} "
                      f"{fmt(r.get('predictions_per_second'), '10.0f')}"
                      + (f"  {tg}" if first else ""))
            first = False
    total = time.perf_counter() - t_start
    print(f"\nrun time {total:.1f} s")
    report["run_seconds"] = total
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=1)
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
