#!/usr/bin/python3
"""Quotation evaluation (issue 5): quote spans, speakers and analyze's cost.

Three measurements, each printed beside its target:

(a) BuzzFeed-Webis 2016 (../shared/data/buzzfeed_webis_2016): every
    article's mainText is written as a plain-text file (one line per
    <paragraph> span: the whitespace between two paragraph spans becomes
    "\\n", so character offsets are unchanged; --flat writes mainText
    as is) and `newstrace analyze --json --format text` runs once over all
    files. Our quotes (all kinds) are mapped from byte offsets in the
    record's "text" back to character offsets in mainText and scored
    against the <quote> spans: precision, recall and F1, exact (same span
    after trimming whitespace and , . from both ends of both) and overlap
    (any shared character; one-to-one, greedy by largest overlap).
    The gold offsets are UTF-16 code units (Java), converted here to
    characters. About 2% of the gold spans are not where their words are
    quoted: the data set located them by the first occurrence of the
    quoted words in mainText ("lead" inside "the lead in ..." while the
    quoted "lead" comes later). A span counts as between quote marks when a
    mark precedes it and one follows it (a , . ! ? ; : may come first), or
    when the span itself opens and closes with marks. Three gold variants
    are scored:
      given     the spans as given (converted to characters);
      relocated a span whose text is not between quote marks moves to the
                first unused occurrence of the same words that is (the
                acceptance row);
      marked    relocated, keeping only spans between quote marks (what
                plain text lets any quote finder see: the rest are block
                quotes such as embedded tweets and excerpts, italic titles
                of shows, and stray spans, none marked in mainText).
    Spans that are empty after trimming, and duplicates, are dropped.

(b) PolNeAR train (../shared/data/polnear/data/train): articles are
    annotated by one to six annotators; the first .ann file in sorted
    order (lowest annotator id) is used for each article. A Content span
    is DIRECT when each of its segments, stripped of whitespace and
    trailing punctuation, starts and ends with a double quote mark
    (" “ ” „ « » ...), MIXED when it holds a double mark otherwise, and
    INDIRECT when it holds none. Content-span overlap, one of our quotes
    at a time: a quote overlapping a direct Content is a true positive; a
    quote overlapping only mixed/indirect Contents is neither (counted and
    printed as "neutral"); any other is a false positive. Recall: the
    direct Contents overlapped by at least one of our quotes. Scored for
    our quotes of kind full (the acceptance row), full+partial, and all.
    Speaker accuracy: over our full quotes matched to a direct Content
    (the one with the largest overlap) whose attribution has a Source: our
    speaker is right when its mention overlaps the gold Source span, or
    the last word of our canonical name (case-folded, possessive 's
    dropped) equals the gold Source's last capitalized word (the Source
    cut at its first comma, parenthesis, dash, "and", "who" or "which";
    possessives skipped; none for a Source that names no one, such as
    "the Republican nominee"). When the gold Source is a
    pronoun (PolNeAR does not resolve them) the proxy is: right when our
    resolved name matches, by that last-word rule, the most recent named
    gold Source of an earlier attribution in the same article; an
    unresolved pronoun is not right. A pronoun Source with no earlier
    named Source cannot be scored and is left out (counted). Quotes
    without a speaker count as wrong ("speaker unknown", counted).
    Indirect and mixed attributions are reported for context only: how
    many there are and how many of their Contents overlap a quote of ours.
    newstrace does not claim to find indirect speech.

(c) Time (bench/analyze_runner, in process, pinned to one core like
    extraction_bench.py): Extract (format text) + AnalyzeArticle with
    quotes+entities+figures, with quotes+entities, and with every part off,
    interleaved, best of --repeat; the ratio to "off" is the cost the parts
    add to analyze. Run over the BuzzFeed texts and the PolNeAR texts.

A regex baseline (every straight "..." and curly “...” span on one line,
kind full, no speaker) is scored in the same run. --self-check scores the
gold against itself (must print 1.000 everywhere) and the regex baseline,
without running newstrace: a test of the metric code.

Usage:
  /usr/bin/python3 bench/quote_eval.py [--shared ../shared]
      [--cli build/src/cli/newstrace] [--runner build/bench/analyze_runner]
      [--via cli|runner]
      [--sets buzzfeed,polnear] [--limit N] [--repeat N] [--no-timing]
      [--flat] [--json OUT.json] [--misses DIR] [--self-check]
Skips with a message (exit 0) when ../shared/data is absent.
"""
import argparse
import collections
import difflib
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

TARGET_F1 = 0.85
TARGET_SPEAKER = 0.85
TARGET_ADDED_TIME = 0.30

# Double quote marks (straight, curly, low-9, reversed, guillemets,
# double prime, fullwidth).
DOUBLE_MARKS = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02"
# Marks that may delimit a BuzzFeed gold span (singles too: some sites
# quote with them).
ANY_MARKS = DOUBLE_MARKS + "'\u2018\u2019\u201a\u201b\u2039\u203a"
TRIM = " \t\r\n\u00a0,."
TRAILING_PUNCT = ".,;:!?"
PRONOUNS = {
    "he", "she", "they", "it", "we", "i", "you", "his", "her", "hers",
    "their", "theirs", "its", "our", "ours", "him", "them", "us", "me",
    "my", "mine", "your", "who", "whom", "whose", "which", "that", "this",
    "these", "those", "one", "himself", "herself", "themselves", "itself",
}
NOT_NAMES = {"the", "a", "an", "mr", "mrs", "ms", "dr", "sen", "rep", "gov",
             "jr", "sr", "ii", "iii"}
WORD_CAP = re.compile(r"[A-Z][\w\u2019'.\-]*")


def pin_to_one_core():
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass


def taskset_prefix():
    try:
        return ["taskset", "-c", str(min(os.sched_getaffinity(0)))]
    except (AttributeError, OSError):
        return []


def prf(tp_p, n_p, tp_r, n_r):
    """Precision tp_p/n_p, recall tp_r/n_r and their harmonic mean."""
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# ------------------------------------------------------------ text mapping

class Aligner:
    """Maps byte spans of a record's "text" to character spans of a source.

    The record text is the input normalized (NFC, repaired, perhaps
    re-spaced); when it equals the source the map is the identity on
    characters, else the characters are aligned with difflib.
    """

    def __init__(self, record_text, source):
        self.b2c = []
        for i, ch in enumerate(record_text):
            self.b2c.extend([i] * len(ch.encode("utf-8")))
        self.b2c.append(len(record_text))
        self.identity = record_text == source
        if not self.identity:
            self.r2s = [-1] * len(record_text)
            sm = difflib.SequenceMatcher(None, record_text, source,
                                         autojunk=False)
            for a, b, n in sm.get_matching_blocks():
                for k in range(n):
                    self.r2s[a + k] = b + k

    def span(self, begin, end):
        """(char begin, char end) in the source, or None."""
        if begin > end or begin < 0:
            return None
        cb = self.b2c[min(begin, len(self.b2c) - 1)]
        ce = self.b2c[min(end, len(self.b2c) - 1)]
        if self.identity:
            return (cb, ce)
        first = next((self.r2s[i] for i in range(cb, ce) if self.r2s[i] >= 0),
                     None)
        last = next((self.r2s[i] for i in range(ce - 1, cb - 1, -1)
                     if self.r2s[i] >= 0), None)
        if first is None or last is None:
            return None
        return (first, last + 1)


def quotes_from_record(record, source):
    """Our quotes as dicts with character spans into `source`."""
    al = Aligner(record.get("text", ""), source)
    out = []
    for q in record.get("quotes", []):
        span = al.span(q["begin"], q["end"])
        if span is None:
            continue
        sp = None
        if q.get("speaker"):
            s = q["speaker"]
            ms = al.span(s["begin"], s["end"]) if s["end"] > s["begin"] else None
            sp = {"name": s.get("name", ""), "span": ms,
                  "text": s.get("text", ""), "via": s.get("via", "")}
        out.append({"kind": q.get("kind", "full"), "span": span,
                    "speaker": sp})
    return out


def regex_quotes(text):
    """The baseline: every straight and curly double-quoted span on a line."""
    out = []
    for pat in (r'"([^"\n]+)"', "\u201c([^\u201d\n]+)\u201d"):
        for m in re.finditer(pat, text):
            out.append({"kind": "full", "span": (m.start(1), m.end(1)),
                        "speaker": None})
    out.sort(key=lambda q: q["span"])
    return out


# ------------------------------------------------------------- BuzzFeed

def utf16_to_chars(text):
    """List mapping a UTF-16 code-unit offset to a character offset."""
    m = []
    for i, ch in enumerate(text):
        m.extend([i] * (2 if ord(ch) > 0xFFFF else 1))
    m.append(len(text))
    return m


def trimmed(text, span):
    s, e = span
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return (s, e)


def bordered(text, s, e):
    """True when text[s:e] sits between quote marks (a , . ! ? ; : may
    stand between the words and the closing mark)."""
    if s == 0 or text[s - 1] not in ANY_MARKS:
        return False
    if e < len(text) and text[e] in ANY_MARKS:
        return True
    return (e + 1 < len(text) and text[e] in TRAILING_PUNCT and
            text[e + 1] in ANY_MARKS)


def holds_marks(text, s, e):
    """True when text[s:e] itself opens and closes with quote marks (a
    block quote whose span kept its marks)."""
    if e - s < 3 or text[s] not in ANY_MARKS:
        return False
    return text[e - 1] in ANY_MARKS or (text[e - 1] in TRAILING_PUNCT and
                                        text[e - 2] in ANY_MARKS)


def load_buzzfeed(shared, flat):
    d = os.path.join(shared, "data", "buzzfeed_webis_2016", "articles")
    arts = []
    stats = collections.Counter()
    for path in sorted(glob.glob(os.path.join(d, "*.xml"))):
        root = ET.parse(path).getroot()
        text = root.findtext("mainText") or ""
        stats["files"] += 1
        if not text.strip():
            stats["empty_maintext"] += 1
            continue
        u2c = utf16_to_chars(text)

        def conv(el):
            s, e = int(el.findtext("start")), int(el.findtext("end"))
            s = u2c[min(max(s, 0), len(u2c) - 1)]
            e = u2c[min(max(e, 0), len(u2c) - 1)]
            return (s, e)

        raw = [conv(q) for q in root.findall("quote")]
        stats["gold_raw"] += len(raw)
        given, seen = [], set()
        for sp in raw:
            t = trimmed(text, sp)
            if t[0] >= t[1]:
                stats["gold_dropped_empty"] += 1
                continue
            if sp in seen:
                stats["gold_dropped_duplicate"] += 1
                continue
            seen.add(sp)
            given.append(sp)
        # Relocation: a span not between marks moves to the first unused
        # occurrence of its words that is.
        relocated, used = [], []
        for sp in given:
            if bordered(text, *sp) or holds_marks(text, *sp):
                stats["gold_bordered"] += 1
                relocated.append((sp, True))
                used.append(sp)
        for sp in given:
            if bordered(text, *sp) or holds_marks(text, *sp):
                continue
            words = text[sp[0]:sp[1]]
            new = None
            start = text.find(words)
            while start >= 0:
                cand = (start, start + len(words))
                if bordered(text, *cand) and not any(
                        overlap(cand, u) for u in used):
                    new = cand
                    break
                start = text.find(words, start + 1)
            if new is not None:
                stats["gold_relocated"] += 1
                relocated.append((new, True))
                used.append(new)
            else:
                stats["gold_unmarked"] += 1
                relocated.append((sp, False))
        relocated.sort()
        paras = sorted(conv(p) for p in root.findall("paragraph"))
        out = list(text)
        if not flat:
            for (_, e1), (s2, _) in zip(paras, paras[1:]):
                for k in range(e1, min(s2, len(out))):
                    if out[k] in " \t\u00a0":
                        out[k] = "\n"
        stats["articles"] += 1
        arts.append({
            "id": os.path.splitext(os.path.basename(path))[0],
            "text": text,
            "input": "".join(out),
            "gold": {
                "given": sorted(given),
                "relocated": [s for s, _ in relocated],
                "marked": [s for s, m in relocated if m],
            },
        })
    return arts, stats


def score_spans(text, gold, ours):
    """Exact and overlap (tp, n_ours, n_gold) and the overlap pairing."""
    g_trim = [trimmed(text, g) for g in gold]
    o_trim = [trimmed(text, o) for o in ours]
    g_set = collections.Counter(g_trim)
    exact = 0
    for o in o_trim:
        if g_set[o] > 0:
            g_set[o] -= 1
            exact += 1
    pairs = []
    for i, o in enumerate(ours):
        for j, g in enumerate(gold):
            ov = overlap(o, g)
            if ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_o, used_g, match = set(), set(), {}
    for ov, i, j in pairs:
        if i in used_o or j in used_g:
            continue
        used_o.add(i)
        used_g.add(j)
        match[i] = j
    return exact, len(match), match


def eval_buzzfeed(arts, system_quotes, misses=None, system=""):
    res = {}
    for variant in ("given", "relocated", "marked"):
        ex = ov = n_o = n_g = 0
        for a in arts:
            gold = a["gold"][variant]
            if system == "gold":  # the self-check: each variant itself
                ours = list(gold)
            else:
                ours = [q["span"] for q in system_quotes.get(a["id"], [])]
            e, o, match = score_spans(a["text"], gold, ours)
            ex += e
            ov += o
            n_o += len(ours)
            n_g += len(gold)
            if misses is not None and variant == "relocated":
                t = a["text"]
                hit = set(match.values())
                for j, g in enumerate(gold):
                    if j not in hit:
                        misses.append((system, "fn", a["id"], t[g[0]:g[1]],
                                       "", "", ""))
                for i, q in enumerate(system_quotes.get(a["id"], [])):
                    if i not in match:
                        misses.append((system, "fp", a["id"], "",
                                       t[q["span"][0]:q["span"][1]],
                                       speaker_str(q), ""))
        res[variant] = {
            "gold": n_g, "ours": n_o,
            "exact": dict(zip(("precision", "recall", "f1"),
                              prf(ex, n_o, ex, n_g))),
            "overlap": dict(zip(("precision", "recall", "f1"),
                                prf(ov, n_o, ov, n_g))),
        }
    return res


# -------------------------------------------------------------- PolNeAR

LINE = re.compile(r"^([TEARMN#*]\d*)\t")


def strip_content(s):
    s = s.strip()
    while s and (s[-1] in TRAILING_PUNCT or s[-1].isspace()):
        s = s[:-1]
    return s.strip()


def content_class(text, segs):
    parts = [strip_content(text[s:e]) for s, e in segs]
    if all(p and len(p) >= 2 and p[0] in DOUBLE_MARKS and p[-1] in
           DOUBLE_MARKS for p in parts):
        return "direct"
    if any(ch in DOUBLE_MARKS for s, e in segs for ch in text[s:e]):
        return "mixed"
    return "indirect"


def is_pronoun(s):
    w = s.strip().casefold()
    return w in PRONOUNS


def name_key(word):
    w = word.replace("\u2019", "'").strip(".,;:'\"")
    if w.endswith("'s"):
        w = w[:-2]
    return w.casefold()


def last_name(name):
    """Last word of our canonical name, case-folded (Jr. and such skipped)."""
    words = [name_key(w) for w in name.split()]
    words = [w for w in words if w and w not in NOT_NAMES]
    return words[-1] if words else ""


def gold_last_cap(src):
    """The name key of a gold Source: its last capitalized word, the Source
    cut at its first comma, parenthesis, dash, "and", "who" or "which",
    possessives skipped
    ("Clinton's campaign chairman, John Podesta": podesta); empty when the
    Source names no one ("the Republican nominee", "her husband")."""
    head = re.split(r"[,(\u2013\u2014]| - | and | who | which ", src,
                    maxsplit=1)[0]
    tokens = head.split()
    caps = [bool(WORD_CAP.fullmatch(t.strip(",.;:\"'"))) for t in tokens]
    first_named = bool(tokens) and caps[0] and \
        name_key(tokens[0]) not in ("the", "a", "an")
    two_caps = any(a and b for a, b in zip(caps, caps[1:]))
    if not (first_named or two_caps):
        return ""

    def keys(text, skip_possessive=True):
        out = []
        found = WORD_CAP.findall(text)
        for n, w in enumerate(found):
            # Clinton's campaign: not Clinton; but a Source that ends with
            # the possessive ("... Hillary Clinton's") names Clinton.
            if (skip_possessive and n + 1 < len(found) and
                    w.replace("\u2019", "'").endswith("'s")):
                continue
            k = name_key(w)
            if k and k not in NOT_NAMES:
                out.append(k)
        return out

    words = keys(head) or keys(src) or keys(head, False)
    return words[-1] if words else ""


def load_polnear(shared):
    d = os.path.join(shared, "data", "polnear", "data", "train")
    anns = collections.defaultdict(list)
    for p in glob.glob(os.path.join(d, "attributions", "*.ann")):
        anns[os.path.basename(p).rsplit("_", 1)[0]].append(p)
    arts = []
    stats = collections.Counter()
    for tpath in sorted(glob.glob(os.path.join(d, "text", "*.txt"))):
        name = os.path.splitext(os.path.basename(tpath))[0]
        text = open(tpath, encoding="utf-8").read()
        stats["articles"] += 1
        files = sorted(anns.get(name, []))
        if not files:
            stats["articles_without_ann"] += 1
            continue
        if len(files) > 1:
            stats["articles_multi_annotator"] += 1
        tspans, events = {}, []
        for line in open(files[0], encoding="utf-8"):
            line = line.rstrip("\n")
            m = LINE.match(line)
            if not m:
                continue  # the tail of a span text that held a newline
            if line[0] == "T":
                tid, mid, _ = (line.split("\t", 2) + [""])[:3]
                typ, rest = mid.split(" ", 1)
                segs = [tuple(int(x) for x in seg.split())
                        for seg in rest.split(";")]
                tspans[tid] = (typ, segs)
            elif line[0] == "E":
                roles = {}
                for r in line.split("\t")[1].split():
                    k, v = r.split(":", 1)
                    roles[k] = v
                events.append(roles)
        contents, linked = [], set()
        for roles in events:
            src = roles.get("Source")
            src_segs = tspans[src][1] if src in tspans else None
            for key in ("Content", "Content2"):
                cid = roles.get(key)
                if cid not in tspans:
                    continue
                linked.add(cid)
                contents.append({"segs": tspans[cid][1], "source": src_segs})
        for tid, (typ, segs) in tspans.items():
            if typ == "Content" and tid not in linked:
                contents.append({"segs": segs, "source": None})
                stats["contents_unlinked"] += 1
        for c in contents:
            c["cls"] = content_class(text, c["segs"])
            c["span"] = (c["segs"][0][0], c["segs"][-1][1])
            stats[c["cls"]] += 1
            if c["source"]:
                st = " ".join(text[s:e] for s, e in c["source"])
                c["source_text"] = st
                c["source_begin"] = c["source"][0][0]
                c["source_pronoun"] = is_pronoun(st)
                c["source_name"] = "" if c["source_pronoun"] else \
                    gold_last_cap(st)
        # The pronoun proxy: the most recent named Source before this one.
        named = sorted((c["source_begin"], c["source_name"], c["source_text"])
                       for c in contents if c.get("source") and
                       c["source_name"])
        for c in contents:
            if c.get("source") and c["source_pronoun"]:
                prev = [n for n in named if n[0] < c["source_begin"]]
                c["proxy_name"] = prev[-1][1] if prev else ""
                c["proxy_text"] = prev[-1][2] if prev else ""
        contents.sort(key=lambda c: c["span"])
        arts.append({"id": name, "text": text, "input": text,
                     "annotation": os.path.basename(files[0]),
                     "contents": contents})
    return arts, stats


def speaker_str(q):
    sp = q.get("speaker")
    if not sp:
        return ""
    return "%s [%s] %s" % (sp.get("name", "") or "?", sp.get("text", ""),
                           sp.get("via", ""))


def speaker_verdict(sp, c):
    """'right', 'wrong', 'unknown' or 'unscorable' for our speaker `sp` of a
    quote matched to gold content `c` (which has a Source)."""
    if c["source_pronoun"] and not c.get("proxy_name"):
        return "unscorable"
    if not sp:
        return "unknown"
    ours = last_name(sp.get("name") or "")
    if c["source_pronoun"]:
        return "right" if ours and ours == c["proxy_name"] else "wrong"
    if sp.get("span") and any(overlap(sp["span"], g) for g in c["source"]):
        return "right"
    if ours and ours == c["source_name"]:
        return "right"
    return "wrong"


def eval_polnear(arts, system_quotes, misses=None, system=""):
    res = {}
    kinds_sets = {"full": {"full"}, "full+partial": {"full", "partial"},
                  "all": {"full", "partial", "scare"}}
    n_direct = sum(1 for a in arts for c in a["contents"]
                   if c["cls"] == "direct")
    for label, kinds in kinds_sets.items():
        tp = fp = neutral = 0
        found = 0
        spk = collections.Counter()
        for a in arts:
            qs = [q for q in system_quotes.get(a["id"], [])
                  if q["kind"] in kinds]
            hit = set()
            t = a["text"]
            for q in qs:
                best, best_ov, other = None, 0, False
                for j, c in enumerate(a["contents"]):
                    ov = sum(overlap(q["span"], s) for s in c["segs"])
                    if ov <= 0:
                        continue
                    if c["cls"] == "direct":
                        if ov > best_ov:
                            best, best_ov = j, ov
                    else:
                        other = True
                if best is not None:
                    tp += 1
                    hit.add(best)
                    c = a["contents"][best]
                    if c.get("source"):
                        v = speaker_verdict(q.get("speaker"), c)
                        spk[v] += 1
                        if (misses is not None and label == "full" and
                                system != "regex" and
                                v in ("wrong", "unknown")):
                            misses.append((
                                system, "speaker_" + v, a["id"],
                                t[c["span"][0]:c["span"][1]],
                                t[q["span"][0]:q["span"][1]],
                                speaker_str(q),
                                c["source_text"] + (
                                    " => " + c["proxy_text"]
                                    if c["source_pronoun"] else "")))
                    else:
                        spk["no_gold_source"] += 1
                elif other:
                    neutral += 1
                else:
                    fp += 1
                    if misses is not None and label == "full":
                        misses.append((system, "fp", a["id"], "",
                                       t[q["span"][0]:q["span"][1]],
                                       speaker_str(q), ""))
            for j, c in enumerate(a["contents"]):
                if c["cls"] != "direct":
                    continue
                if j in hit:
                    found += 1
                elif misses is not None and label == "full":
                    misses.append((system, "fn", a["id"],
                                   t[c["span"][0]:c["span"][1]], "", "",
                                   c.get("source_text", "")))
        p, r, f = prf(tp, tp + fp, found, n_direct)
        scored = spk["right"] + spk["wrong"] + spk["unknown"]
        res[label] = {
            "ours": tp + fp + neutral, "tp": tp, "fp": fp,
            "neutral": neutral, "gold_direct": n_direct,
            "gold_found": found, "precision": p, "recall": r, "f1": f,
            "speaker": {
                "scored": scored, "right": spk["right"],
                "wrong": spk["wrong"], "unknown": spk["unknown"],
                "unscorable_pronoun": spk["unscorable"],
                "no_gold_source": spk["no_gold_source"],
                "accuracy": spk["right"] / scored if scored else 0.0,
            },
        }
    # Indirect and mixed speech: context only.
    ctx = {}
    for cls in ("mixed", "indirect"):
        n = hit = 0
        for a in arts:
            qs = system_quotes.get(a["id"], [])
            for c in a["contents"]:
                if c["cls"] != cls:
                    continue
                n += 1
                if any(overlap(q["span"], s) for q in qs for s in c["segs"]):
                    hit += 1
        ctx[cls] = {"gold": n, "overlapped_by_ours": hit}
    res["context"] = ctx
    return res


# -------------------------------------------------------------- running

def run_cli(cli, arts, workdir):
    """Our quotes per article id, from `newstrace analyze --json`."""
    paths = []
    for a in arts:
        p = os.path.join(workdir, a["id"] + ".txt")
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(a["input"])
        paths.append(p)
    by_path = {}
    chunk = 400
    for i in range(0, len(paths), chunk):
        part = paths[i:i + chunk]
        proc = subprocess.run([cli, "analyze", "--json", "--format", "text"] +
                              part, capture_output=True)
        lines = proc.stdout.decode("utf-8").splitlines()
        recs = [json.loads(x) for x in lines if x.strip()]
        if proc.returncode < 0 or (proc.returncode != 0 and
                                   len(recs) < len(part)):
            sys.exit("quote_eval: %s died (exit %d) after %d records of %d "
                     "files: %s\n(--via runner reads the analysis through "
                     "analyze_runner instead)" % (
                         cli, proc.returncode, len(recs), len(part),
                         proc.stderr.decode()[:500]))
        if recs and all("id" in r for r in recs):
            for r in recs:
                by_path[os.path.abspath(r["id"])] = r
        elif len(recs) == len(part):
            for p, r in zip(part, recs):
                by_path[os.path.abspath(p)] = r
        else:
            sys.exit("quote_eval: %s gave %d records for %d files (exit "
                     "%d): %s\n(--via runner reads the analysis through "
                     "analyze_runner instead)" % (
                         cli, len(recs), len(part), proc.returncode,
                         proc.stderr.decode()[:500]))
    out, missing, differ = {}, 0, 0
    for a, p in zip(arts, paths):
        r = by_path.get(os.path.abspath(p))
        if r is None:
            missing += 1
            continue
        differ += r.get("text", "") != a["input"]
        # Offsets are bytes into the record's text; the input we wrote has
        # mainText's characters one for one.
        out[a["id"]] = quotes_from_record(r, a["input"])
    return out, missing, differ


def run_runner_records(runner, arts):
    """Our quotes per article id, from analyze_runner --dump-json (the
    same Extract + AnalyzeArticle and RecordToJson, in one process)."""
    with tempfile.TemporaryDirectory(prefix="quote_eval.") as tmp:
        src = os.path.join(tmp, "texts.jsonl")
        dump = os.path.join(tmp, "records.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for a in arts:
                f.write(json.dumps({"id": a["id"], "text": a["input"]},
                                   ensure_ascii=False) + "\n")
        subprocess.run([runner, src, "--repeat", "1", "--dump-json", dump],
                       capture_output=True, check=True)
        lines = open(dump, encoding="utf-8").read().splitlines()
    out, missing, differ = {}, 0, 0
    for a, line in zip(arts, lines):
        if line == "failed":
            missing += 1
            continue
        r = json.loads(line)
        differ += r.get("text", "") != a["input"]
        out[a["id"]] = quotes_from_record(r, a["input"])
    return out, missing, differ


def gold_as_system_buzzfeed(arts):
    return {a["id"]: [{"kind": "full", "span": s, "speaker": None}
                      for s in a["gold"]["relocated"]] for a in arts}


def gold_as_system_polnear(arts):
    out = {}
    for a in arts:
        qs = []
        for c in a["contents"]:
            if c["cls"] != "direct":
                continue
            sp = None
            if c.get("source"):
                name = (c.get("proxy_name", "") if c["source_pronoun"]
                        else c["source_name"])
                sp = {"name": name, "span": (c["source"][0][0],
                                             c["source"][-1][1]),
                      "text": c["source_text"], "via": "gold"}
            for s, e in c["segs"]:
                inner = (s + 1, e - 1) if e - s > 2 else (s, e)
                qs.append({"kind": "full", "span": inner, "speaker": sp})
        out[a["id"]] = qs
    return out


def run_timing(runner, arts, repeat):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps({"id": a["id"], "text": a["input"]},
                               ensure_ascii=False) + "\n")
        path = f.name
    try:
        proc = subprocess.run(taskset_prefix() + [runner, path, "--repeat",
                                                  str(repeat), "--with-json"],
                              capture_output=True, check=True)
    finally:
        os.unlink(path)
    return json.loads(proc.stdout.decode().strip().splitlines()[-1])


# ------------------------------------------------------------- printing

def mark(value, target, higher_better=True):
    ok = value >= target if higher_better else value <= target
    return "met" if ok else "NOT met"


def print_buzzfeed(name, res):
    for variant in ("given", "relocated", "marked"):
        r = res[variant]
        o, e = r["overlap"], r["exact"]
        tag = " <- acceptance" if variant == "relocated" else ""
        print("  %-10s %-10s %5d %5d | %5.3f %5.3f %5.3f | %5.3f %5.3f "
              "%5.3f | >= %.2f %s%s" % (
                  name, variant, r["gold"], r["ours"], e["precision"],
                  e["recall"], e["f1"], o["precision"], o["recall"], o["f1"],
                  TARGET_F1, mark(o["f1"], TARGET_F1), tag))


def print_polnear(name, res):
    for label in ("full", "full+partial", "all"):
        r = res[label]
        s = r["speaker"]
        tag = " <- acceptance" if label == "full" else ""
        print("  %-10s %-12s %5d %4d %4d %4d | %5.3f %5.3f %5.3f (>= %.2f %s)"
              " | speaker %5.3f of %d (>= %.2f %s), unknown %d, "
              "unscorable %d%s" % (
                  name, label, r["ours"], r["tp"], r["fp"], r["neutral"],
                  r["precision"], r["recall"], r["f1"], TARGET_F1,
                  mark(r["f1"], TARGET_F1), s["accuracy"], s["scored"],
                  TARGET_SPEAKER, mark(s["accuracy"], TARGET_SPEAKER),
                  s["unknown"], s["unscorable_pronoun"], tag))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "src", "cli",
                                                  "newstrace"))
    ap.add_argument("--runner", default=os.path.join(ROOT, "build", "bench",
                                                     "analyze_runner"))
    ap.add_argument("--via", choices=("cli", "runner"), default="cli",
                    help="read our quotes from `newstrace analyze --json` "
                         "(default) or from analyze_runner --dump-json")
    ap.add_argument("--sets", default="buzzfeed,polnear")
    ap.add_argument("--limit", type=int, default=0,
                    help="first N articles of each set")
    ap.add_argument("--repeat", type=int, default=5,
                    help="timing passes per configuration; the best counts")
    ap.add_argument("--no-timing", action="store_true")
    ap.add_argument("--flat", action="store_true",
                    help="BuzzFeed: write mainText as one line (no paragraph "
                         "breaks)")
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--misses", help="write per-set misses (TSV) here")
    ap.add_argument("--self-check", action="store_true",
                    help="score the gold against itself and the regex "
                         "baseline only (no newstrace)")
    args = ap.parse_args()

    if not os.path.isdir(os.path.join(args.shared, "data")):
        print("quote_eval: skipped: %s/data is absent" % args.shared)
        return 0
    if (not args.self_check and args.via == "cli" and
            not os.path.exists(args.cli)):
        print("quote_eval: build the CLI first: cmake --build build --target "
              "newstrace (or pass --cli)", file=sys.stderr)
        return 2
    if (not args.self_check and (not args.no_timing or
                                 args.via == "runner") and
            not os.path.exists(args.runner)):
        print("quote_eval: build the runner first: cmake --build build "
              "--target analyze_runner (or pass --runner, or --no-timing)",
              file=sys.stderr)
        return 2
    pin_to_one_core()
    sets = args.sets.split(",")
    report = {}
    misses = collections.defaultdict(list) if args.misses else None

    loaded = {}
    if "buzzfeed" in sets:
        arts, st = load_buzzfeed(args.shared, args.flat)
        if args.limit:
            arts = arts[:args.limit]
        loaded["buzzfeed"] = arts
        n = {v: sum(len(a["gold"][v]) for a in arts)
             for v in ("given", "relocated", "marked")}
        print("## (a) BuzzFeed-Webis 2016: %d articles (%d files, %d with "
              "empty mainText)" % (len(arts), st["files"],
                                   st["empty_maintext"]))
        print("  gold quote spans: %d in the XML; %d after dropping %d empty "
              "and %d duplicate; between quote marks as given %d, relocated "
              "%d, left unmarked %d (block quotes: tweets, excerpts; italic "
              "titles; stray spans); marked %d" % (
                  st["gold_raw"], n["given"], st["gold_dropped_empty"],
                  st["gold_dropped_duplicate"], st["gold_bordered"],
                  st["gold_relocated"], st["gold_unmarked"], n["marked"]))
        unann = [a for a in arts if not a["gold"]["given"] and
                 regex_quotes(a["text"])]
        print("  caveat: %d articles have no gold span although their "
              "mainText holds %d double-quoted spans (regex): apparently "
              "unannotated, they lower every system's precision" % (
                  len(unann), sum(len(regex_quotes(a["text"]))
                                  for a in unann)))
        report["buzzfeed_gold"] = dict(st, **{"scored_" + k: v
                                              for k, v in n.items()})
        report["buzzfeed_gold"]["unannotated_articles"] = len(unann)
    if "polnear" in sets:
        arts, st = load_polnear(args.shared)
        if args.limit:
            arts = arts[:args.limit]
        loaded["polnear"] = arts
        c = collections.Counter(c["cls"] for a in arts for c in a["contents"])
        with_src = sum(1 for a in arts for x in a["contents"]
                       if x["cls"] == "direct" and x.get("source"))
        pron = sum(1 for a in arts for x in a["contents"]
                   if x["cls"] == "direct" and x.get("source") and
                   x["source_pronoun"])
        print("## (b) PolNeAR train: %d articles (%d annotated by several; "
              "the first .ann in sorted order is used)" % (
                  len(arts), st["articles_multi_annotator"]))
        print("  gold Content spans: direct %d (with a Source %d, of which "
              "pronoun %d), mixed %d, indirect %d (%d Contents in no "
              "attribution)" % (c["direct"], with_src, pron, c["mixed"],
                                c["indirect"], st["contents_unlinked"]))
        report["polnear_gold"] = {"articles": len(arts),
                                  "multi_annotator":
                                  st["articles_multi_annotator"],
                                  "direct": c["direct"],
                                  "direct_with_source": with_src,
                                  "direct_pronoun_source": pron,
                                  "mixed": c["mixed"],
                                  "indirect": c["indirect"]}

    systems = []
    if args.self_check:
        systems.append(("gold", {
            "buzzfeed": gold_as_system_buzzfeed(loaded.get("buzzfeed", [])),
            "polnear": gold_as_system_polnear(loaded.get("polnear", []))}))
    systems.append(("regex", {k: {a["id"]: regex_quotes(a["text"])
                                  for a in arts}
                              for k, arts in loaded.items()}))
    if not args.self_check:
        ours = {}
        with tempfile.TemporaryDirectory(prefix="quote_eval.") as tmp:
            for k, arts in loaded.items():
                sub = os.path.join(tmp, k)
                os.makedirs(sub)
                if args.via == "runner":
                    ours[k], missing, differ = run_runner_records(args.runner,
                                                                  arts)
                else:
                    ours[k], missing, differ = run_cli(args.cli, arts, sub)
                report.setdefault("records", {})[k] = {
                    "missing": missing, "text_differs": differ}
                print("  %s: %d records; %d gave none; %d records' text "
                      "differs from the input (mapped by alignment)" % (
                          k, len(ours[k]), missing, differ))
        systems.append(("newstrace", ours))

    if "buzzfeed" in loaded:
        print("\n(a) BuzzFeed quote spans, all kinds:")
        print("  %-10s %-10s %5s %5s | %-17s | %-17s | target F1 (overlap)"
              % ("system", "gold", "gold", "ours", "exact P   R   F1",
                 "overlap P  R   F1"))
        for name, out in systems:
            r = eval_buzzfeed(loaded["buzzfeed"], out["buzzfeed"],
                              misses["buzzfeed"] if misses is not None and
                              name != "gold" else None, name)
            report.setdefault(name, {})["buzzfeed"] = r
            print_buzzfeed(name, r)
    if "polnear" in loaded:
        print("\n(b) PolNeAR direct quotes (content-span overlap; speaker "
              "over matched quotes whose attribution has a Source):")
        print("  %-10s %-12s %5s %4s %4s %4s | P     R     F1" % (
            "system", "our kinds", "ours", "tp", "fp", "neut"))
        for name, out in systems:
            r = eval_polnear(loaded["polnear"], out["polnear"],
                             misses["polnear"] if misses is not None and
                             name != "gold" else None, name)
            report.setdefault(name, {})["polnear"] = r
            print_polnear(name, r)
        print("  speaker proxy for pronoun Sources (he, she, they, it, we, "
              "I, his, ...): right when our resolved name's last word is that "
              "of the most recent named gold Source before it in the article; "
              "an unresolved pronoun is wrong; 'unscorable' = no earlier "
              "named Source (left out).")
        for name, _ in systems:
            ctx = report[name]["polnear"]["context"]
            print("  %-10s indirect/mixed speech (context, not claimed): "
                  "mixed %d, %d overlapped by a quote of ours; indirect %d, "
                  "%d overlapped" % (name, ctx["mixed"]["gold"],
                                     ctx["mixed"]["overlapped_by_ours"],
                                     ctx["indirect"]["gold"],
                                     ctx["indirect"]["overlapped_by_ours"]))

    if not args.self_check and not args.no_timing:
        print("\n(c) Time: Extract (text) + AnalyzeArticle, one core, best of "
              "%d (target: quotes+entities add <= %d%%)" % (
                  args.repeat, TARGET_ADDED_TIME * 100))
        print("  %-9s %5s %6s | %8s %8s %8s | %-22s | %s" % (
            "set", "texts", "MB", "off s", "q+e s", "all s",
            "q+e added (target)", "all added"))
        for k, arts in loaded.items():
            t = run_timing(args.runner, arts, args.repeat)
            report.setdefault("timing", {})[k] = t
            s = t["seconds"]
            qe = t["ratio_quotes_entities"] - 1
            al = t["ratio_all"] - 1
            print("  %-9s %5d %6.2f | %8.4f %8.4f %8.4f | %+6.1f%% (<= %d%%) "
                  "%-7s | %+6.1f%% (%s)" % (
                      k, t["docs"], t["bytes"] / 1e6, s["off"],
                      s["quotes_entities"], s["all"], qe * 100,
                      TARGET_ADDED_TIME * 100,
                      mark(qe, TARGET_ADDED_TIME, False), al * 100,
                      mark(al, TARGET_ADDED_TIME, False)))
            qj = t["ratio_quotes_entities_json"] - 1
            aj = t["ratio_all_json"] - 1
            print("  %-9s with the record written as JSON (the analyze verb's "
                  "work, file I/O aside): %8.4f %8.4f %8.4f | %+6.1f%% (<= %d%%)"
                  " %-7s | %+6.1f%% (%s)" % (
                      "", s["off_json"], s["quotes_entities_json"],
                      s["all_json"], qj * 100, TARGET_ADDED_TIME * 100,
                      mark(qj, TARGET_ADDED_TIME, False), aj * 100,
                      mark(aj, TARGET_ADDED_TIME, False)))
            print("  %-9s quotes %d, entities %d, figures %d, failed %d" % (
                "", t["quotes"], t["entities"], t["figures"], t["failed"]))

    if args.misses:
        os.makedirs(args.misses, exist_ok=True)
        for k, rows in misses.items():
            with open(os.path.join(args.misses, k + ".tsv"), "w",
                      encoding="utf-8") as f:
                f.write("system\twhat\tarticle\tgold span\tour span\t"
                        "our speaker\tgold source\n")
                for row in rows:
                    f.write("\t".join(" ".join(str(x).split())
                                      for x in row) + "\n")
        print("\nmisses written to %s/{%s}.tsv" % (
            args.misses, ",".join(sorted(misses))))
    if args.json:
        with open(args.json, "w") as out:
            json.dump(report, out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
