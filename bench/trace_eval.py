#!/usr/bin/python3
"""Trace evaluation (issue 4): near-copy groups, origins and partial reuse,
measured on spun copies of real articles, with real distractors.

Method
1. Pool. Real articles are read from ../shared/data (see each SOURCE.md):
   fakes (FA-KES, cp1252 CSV), buzzfeed_webis_2016 (XML, paragraphs by
   offset), semeval2019_hyperpartisan_byarticle (XML, <p> paragraphs),
   fakenewscorpus_sample (CSV) and fakenewsnet_v1 (JSON). Texts that are
   byte-identical after whitespace folding are kept once. Before anything is
   chosen, every pair of pool articles that shares 5-word shingles is
   measured (inverted index over this script's own tokenizer, raw texts);
   an article that covers >= 10% of another's shingles, or is covered by it,
   is "entangled" and is used only as a distractor, so that families and
   reuse sources have no real relatives in the corpus.
2. Spin. --families originals (>= 150 words, not entangled, not in a hard
   negative pair) each get 2-5 copies of one strength (light / medium /
   heavy, in turn; parameters printed). A copy applies, with the strength's
   parameters: truncation, sentence drops, sentence or paragraph moves,
   synonym swaps (SYNONYMS below), systematic entity renames (RENAMES, every
   occurrence in the copy, e.g. Russia -> Russian Federation) and inserted
   boilerplate lines (captions, "Read more" and "Related" lines, tag lines,
   share/subscribe lines, a block of unrelated real headlines at the end).
   Every copy has its own url and domain. 70% of families are dated: the
   original on D (its real date when the data set has one), copies on
   D+1..D+5; the other 30% have no date on any member, so dupes must use the
   no-date rule. All other pool articles go in as distractors. The records
   are shuffled before ingest.
3. Dupes. `newstrace ingest --threads 2`, `newstrace export` (to map urls to
   ids and to read the body blocks newstrace kept), `newstrace dupes
   --json`. Truth Jaccard is computed here on the exported body blocks
   (paragraph and heading blocks, as newstrace fingerprints them) with a
   re-implementation of newstrace's tokenizer (words are runs of letters and
   digits, an apostrophe between letters and '.'/',' between digits stay
   inside, a trailing possessive 's is its own word, lower-cased; 5-word
   shingles across blocks). It is independent of newstrace's candidate
   search (truth from `trace` would hide exactly the pairs LSH misses); the
   script prints how well it agrees with the Jaccard values dupes reports.
   Truth pairs: (original, copy) and (copy, copy) of one family with
   Jaccard >= 0.5. Predicted pairs: every two members of one dupes group.
   Precision = same-family predicted pairs / predicted pairs that involve a
   family member; predicted pairs of two real distractors are real
   duplicates in the data and are counted and listed apart. Recall = truth
   pairs predicted / truth pairs. Origin accuracy = share of families whose
   original is in a group that names it as origin (by rule, dated vs
   undated).
4. Partial reuse. --reuse short articles (120-300 words) are written from
   2-5 passages (1-3 consecutive sentences each) of a long (>= 400 words)
   source that is in the corpus, with 0-2 synonym swaps per passage, mixed
   with sentences of this script's own (FILLERS) and of an unrelated real
   article that is not ingested; the passages make 25-60% of the words.
   Each is traced as a file (`trace FILE --json --limit 50`); it is found
   when its source is among the matches (reuse or near_copy). Its Jaccard
   and containment (share of its body shingles found in the source's) are
   computed on the body `newstrace analyze` keeps of the file; the headline
   recall is on the articles whose containment is >= 0.2.
5. Hard negatives. Pairs of real articles that report the same event:
   FA-KES rows with the same date and location from different outlets, and
   SemEval articles with the same published date from different domains
   and a rare title word in common, that share >= 3 rare capitalized words
   (in <= 3% of that set's articles) and whose Jaccard is below 0.5. Both
   members are stored; each is traced by id and the pair is a false reuse
   when either trace returns the other.
   Because wire copy is common in this data, the longest verbatim run of
   words the two share is also measured here (difflib) and the rate is
   printed for pairs sharing no run of >= 25 words ("independent wording")
   and for the others ("shared wire text") separately.
   Hand-checked verdicts: bench/data/trace_hard_negatives.tsv (--labels)
   gives, per pair (data set, FA-KES unit_id or SemEval article id, either
   order), "independent", "shared_source" or "not_same_event", judged by
   reading the two texts (see its header). When it exists the script prints
   the rate per verdict; the headline FALSE REUSE is the rate on the pairs
   judged independent (target <= 0.10), and the detection rate on
   shared_source pairs is printed too (there a flag is right). Each flagged
   independent pair is listed with all its shared passages. Pairs the file
   does not name are counted as unlabelled. --pairs-out FILE writes every
   pair (keys, titles, full texts, shared runs of >= 8 words, trace's
   passages) for reading.
6. Timing: ingest docs/s, dupes seconds, export seconds, trace ms per query
   (wall time of the whole process, corpus opening included).

What the hard-negative sample looked like when checked by eye (default run,
seed 7): all 10 pairs are reports of one event by two outlets (Khan
Shaykhun and Ghouta chemical attacks, the Rashidin evacuee-bus bombing
twice, the Raqqa air raids, the Aleppo road battle, a Qaeda attack on a
Kurdish town, Trump's "strong action" border tweets), two of them from
different angles (Russia and the Aleppo offensive; Clinton's and
celebrities' reactions to the Las Vegas shooting); two of
them (Aleppo road, Kurdish town) are plainly rewrites of one agency story
(shared runs of 39 and 40 words) and trace calls both reuse, which is
right; the other eight trace leaves alone. The passages of all 17 pairs
flagged in the run were read too: 15 are plainly edits of one agency
dispatch (several 12-130-word identical passages; the two flags in the
"independent wording" subset, longest runs 20 and 23 words, are of this
kind, e.g. "An amateur video posted online by activists showed several
damaged buildings as well as parts of the plane that crashed"); two rest
only on shared quotations (GoDaddy's 25-word statement plus a protest
banner, 23% of the shorter article; a 46-word eyewitness quote about a
wedding bombing, 24%), the closest the run comes to a false reuse. The
"all pairs" rate counts every flag, as the issue defines it.

Usage: /usr/bin/python3 bench/trace_eval.py [--build build] [--seed 7]
       [--families 400] [--reuse 300] [--distractors N] [--keep DIR]
       [--quick] [--shared ../shared] [--labels TSV] [--pairs-out FILE]
Skips with a message (exit 0) when ../shared/data is absent.
"""
import argparse
import collections
import csv
import datetime
import difflib
import glob
import itertools
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# ------------------------------------------------------------- word lists
# Written for this script: generic news vocabulary, one-word swaps a
# copier's spinning tool would make. Keys are lower case; case is restored.
SYNONYMS = {
    "said": ["stated", "noted", "remarked"], "says": ["states", "notes"],
    "told": ["informed"], "killed": ["slain"], "people": ["persons",
    "individuals"], "government": ["administration"], "officials":
    ["authorities"], "official": ["representative"], "attack": ["assault"],
    "attacks": ["assaults"], "city": ["town"], "country": ["nation"],
    "large": ["sizable", "big"], "big": ["large"], "small": ["little"],
    "many": ["numerous"], "several": ["various"], "also": ["additionally"],
    "however": ["nevertheless"], "but": ["yet"], "because": ["since"],
    "after": ["following"], "during": ["amid"], "near": ["close to"],
    "about": ["around"], "around": ["about"], "began": ["started"],
    "started": ["began"], "start": ["begin"], "help": ["assist"],
    "helped": ["assisted"], "show": ["demonstrate"], "showed":
    ["demonstrated"], "shows": ["demonstrates"], "used": ["employed"],
    "wanted": ["wished"], "need": ["require"], "needed": ["required"],
    "tried": ["attempted"], "important": ["significant"], "major": ["key"],
    "recent": ["latest"], "recently": ["lately"], "quickly": ["rapidly"],
    "very": ["highly"], "really": ["truly"], "huge": ["enormous"],
    "forces": ["troops"], "troops": ["soldiers"], "soldiers": ["troops"],
    "fighters": ["militants"], "area": ["region"], "areas": ["regions"],
    "region": ["area"], "statement": ["declaration"], "report": ["account"],
    "reported": ["stated"], "claimed": ["asserted"], "announced":
    ["declared"], "meeting": ["gathering"], "talks": ["negotiations"],
    "agreement": ["deal"], "deal": ["agreement"], "decision": ["ruling"],
    "decided": ["chose"], "continue": ["proceed"], "continued":
    ["proceeded"], "leader": ["head"], "leaders": ["heads"], "group":
    ["organization"], "groups": ["organizations"], "children": ["kids"],
    "home": ["house"], "homes": ["houses"], "building": ["structure"],
    "buildings": ["structures"], "car": ["vehicle"], "money": ["funds"],
    "nearly": ["almost"], "almost": ["nearly"], "likely": ["probably"],
    "problem": ["issue"], "problems": ["issues"], "issue": ["matter"],
    "issues": ["matters"], "support": ["backing"], "supported": ["backed"],
    "fight": ["battle"], "fighting": ["combat"], "battle": ["fight"],
    "war": ["conflict"], "conflict": ["war"], "crisis": ["emergency"],
    "violence": ["unrest"], "injured": ["wounded"], "wounded": ["injured"],
    "destroyed": ["demolished"], "residents": ["inhabitants"], "civilians":
    ["non-combatants"], "campaign": ["drive"], "election": ["vote"],
    "candidate": ["contender"], "won": ["secured"], "strong": ["powerful"],
    "difficult": ["hard"], "hard": ["tough"], "easy": ["simple"], "think":
    ["believe"], "believe": ["think"], "thought": ["believed"], "seem":
    ["appear"], "seems": ["appears"], "seemed": ["appeared"], "get":
    ["obtain"], "got": ["obtained"], "give": ["provide"], "gave":
    ["provided"], "find": ["discover"], "found": ["discovered"], "saw":
    ["observed"], "asked": ["requested"], "answer": ["response"], "warned":
    ["cautioned"], "criticized": ["condemned"], "condemned": ["denounced"],
    "accused": ["charged"], "arrested": ["detained"], "detained": ["held"],
    "prison": ["jail"], "jail": ["prison"], "law": ["legislation"], "plan":
    ["scheme"], "plans": ["schemes"], "policy": ["strategy"], "effort":
    ["attempt"], "efforts": ["attempts"], "result": ["outcome"], "results":
    ["outcomes"], "reason": ["cause"], "week": ["seven days"], "today":
    ["this day"], "news": ["reports"], "percent": ["per cent"], "women":
    ["females"], "country's": ["nation's"], "large-scale": ["massive"],
    "weapons": ["arms"], "military": ["armed forces"], "agency": ["body"],
}

# Systematic renames: short name -> long form, applied to every occurrence
# in a copy that renames (regex, case-sensitive).
RENAMES = [
    ("North Korea", r"\bNorth Korea\b",
     "Democratic People's Republic of Korea"),
    ("South Korea", r"\bSouth Korea\b", "Republic of Korea"),
    ("Saudi Arabia", r"\bSaudi Arabia\b", "Kingdom of Saudi Arabia"),
    ("Russia", r"\bRussia\b", "Russian Federation"),
    ("Syria", r"\bSyria\b", "Syrian Arab Republic"),
    ("Iran", r"\bIran\b", "Islamic Republic of Iran"),
    ("Turkey", r"\bTurkey\b", "Republic of Turkey"),
    ("China", r"\bChina\b", "People's Republic of China"),
    ("Britain", r"\bBritain\b", "United Kingdom"),
    ("U.S.", r"\bU\.S\.(?= [a-z])", "United States"),
    ("US", r"\bUS\b", "United States"),
    ("U.N.", r"\bU\.N\.(?= [a-z])", "United Nations"),
    ("UN", r"\bUN\b", "United Nations"),
    ("EU", r"\bEU\b", "European Union"),
    ("Egypt", r"\bEgypt\b", "Arab Republic of Egypt"),
    ("Germany", r"\bGermany\b", "Federal Republic of Germany"),
    ("France", r"\bFrance\b", "French Republic"),
    ("Iraq", r"\bIraq\b", "Republic of Iraq"),
    ("Israel", r"\bIsrael\b", "State of Israel"),
    ("Mexico", r"\bMexico\b", "United Mexican States"),
    ("ISIS", r"\bISIS\b|\bISIL\b", "Islamic State group"),
]

# Boilerplate a republishing site adds ({h}: an unrelated real headline,
# {t}: tags, {s}: the copier's site name).
BOILERPLATE = [
    "Read more: {h}", "Related: {h}", "ALSO READ: {h}", "Recommended: {h}",
    "Tags: {t}", "Topics: {t}",
    "Photo: A general view of the scene. (File photo)",
    "Image caption: Residents gather outside on the day of the events",
    "Follow us on Twitter and Facebook for the latest updates.",
    "Subscribe to our newsletter to get the top stories every morning.",
    "Share this article", "Advertisement", "Click here to read more.",
    "Copyright {s}. All rights reserved.", "Sign up for our daily briefing.",
    "Have a news tip? Email our newsroom.", "Continue reading below",
]
TAG_WORDS = ["politics", "world", "news", "security", "conflict", "economy",
             "middle east", "elections", "breaking", "analysis", "us",
             "europe", "opinion", "media"]
SITE_WORDS = ["daily", "news", "post", "wire", "times", "report", "today",
              "herald", "world", "insider", "globe", "monitor", "review",
              "digest", "express", "chronicle", "truth", "patriot", "free",
              "voice"]

# The generator's own sentences for the short reuse articles.
FILLERS = [
    "The story has drawn wide attention over the past few days.",
    "Here is what we know so far and why it matters.",
    "Observers say the episode raises hard questions for everyone involved.",
    "Not everyone is convinced that the account holds up under scrutiny.",
    "Our readers have been asking what happens next.",
    "The reaction online was swift and deeply divided.",
    "It is not the first time that such claims have surfaced.",
    "Critics were quick to point out what the coverage left out.",
    "Supporters, for their part, called the reports exaggerated.",
    "We will keep updating this page as more details emerge.",
    "What follows is a short summary of the main points.",
    "The details are still being disputed by the parties involved.",
    "Several experts we contacted declined to comment on the record.",
    "For many readers, the timing of the announcement was no accident.",
    "That, at least, is how the original report put it.",
    "Questions remain about who knew what and when.",
    "The wider picture is more complicated than the headlines suggest.",
    "Whatever the outcome, the debate is unlikely to end soon.",
    "Local accounts paint a somewhat different picture.",
    "This is a developing story and some facts may change.",
    "In short, the situation remains tense and uncertain.",
    "The claims could not be independently verified by our team.",
    "Below are the key passages from the coverage.",
    "Many people shared the report without reading past the headline.",
]

# Spin strengths: probabilities and ranges each copy draws from.
STRENGTHS = collections.OrderedDict([
    ("light", dict(synonym=0.05, rename=0.3, drop=0.03, moves=(0, 1),
                   boiler=(1, 2), trunc_p=0.1, keep=(0.85, 1.0),
                   headlines=0.1)),
    ("medium", dict(synonym=0.15, rename=0.6, drop=0.08, moves=(1, 3),
                    boiler=(2, 4), trunc_p=0.3, keep=(0.7, 0.95),
                    headlines=0.3)),
    ("heavy", dict(synonym=0.35, rename=1.0, drop=0.15, moves=(2, 5),
                   boiler=(3, 6), trunc_p=0.5, keep=(0.55, 0.85),
                   headlines=0.6)),
])

# --------------------------------------------------------------- tokens
# newstrace's tokenizer (src/trace/tokens.cc) re-implemented: see docstring.
_WCH = r"(?:[^\W_]|[\u0300-\u036f])"
TOKEN = re.compile(_WCH + r"+(?:(?:(?<=[^\W\d_])['\u2019](?=[^\W\d_])|"
                   r"(?<=\d)[.,](?=\d))" + _WCH + r"+)*")
POSSESSIVE = re.compile(r"^(.*[^\W\d_])['\u2019]([sS])$")


def tokens(text):
    out = []
    for m in TOKEN.finditer(text):
        w = m.group(0)
        p = POSSESSIVE.match(w)
        if p:
            out.append(p.group(1).replace("\u2019", "'").lower())
            out.append("'" + p.group(2).lower())
        else:
            out.append(w.replace("\u2019", "'").lower())
    return out


def shingle_set(toks, k=5):
    if not toks:
        return frozenset()
    k = min(k, len(toks))
    return frozenset(hash(tuple(toks[i:i + k]))
                     for i in range(len(toks) - k + 1))


def jaccard(a, b):
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def word_count(text):
    return len(tokens(text))


# ------------------------------------------------------------- data sets

def _paras(text):
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def _iso(y, m, d):
    try:
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return ""


def load_fakes(data):
    path = os.path.join(data, "fakes", "FA-KES-Dataset.csv")
    out = []
    with open(path, encoding="cp1252", errors="replace", newline="") as f:
        for r in csv.DictReader(f):
            m = re.match(r"(\d+)/(\d+)/(\d{4})$", r["date"].strip())
            out.append({"set": "fakes", "key": "fakes/" + r["unit_id"],
                        "title": r["article_title"].strip(),
                        "paras": _paras(r["article_content"]),
                        "published": _iso(m.group(3), m.group(1),
                                          m.group(2)) if m else "",
                        "outlet": r["source"].strip(),
                        "location": r["location"].strip().lower(),
                        "url": "https://%s.fakes.example/%s"
                               % (r["source"].strip() or "x", r["unit_id"])})
    return out


def load_buzzfeed(data):
    out = []
    for path in sorted(glob.glob(os.path.join(data, "buzzfeed_webis_2016",
                                              "articles", "*.xml"))):
        root = ET.parse(path).getroot()
        text = root.findtext("mainText") or ""
        spans = sorted((int(p.findtext("start")), int(p.findtext("end")))
                       for p in root.findall("paragraph"))
        paras = [text[a:b].strip() for a, b in spans if text[a:b].strip()]
        if not paras:
            paras = _paras(text)
        uri = (root.findtext("uri") or "").strip()
        out.append({"set": "buzzfeed", "key": "buzzfeed/" +
                    os.path.basename(path), "title": (root.findtext("title")
                                                      or "").strip(),
                    "paras": paras, "published": "",
                    "outlet": root.findtext("portal") or "", "url": uri})
    return out


def load_semeval(data):
    d = os.path.join(data, "semeval2019_hyperpartisan_byarticle")
    urls = {}
    for a in ET.parse(os.path.join(
            d, "ground-truth-training-byarticle-20181122.xml")).getroot():
        urls[a.get("id")] = a.get("url", "")
    out = []
    for a in ET.parse(os.path.join(
            d, "articles-training-byarticle-20181122.xml")).getroot():
        paras = [re.sub(r"\s+", " ", "".join(p.itertext())).strip()
                 for p in a.iter("p")]
        paras = [p for p in paras if p]
        url = urls.get(a.get("id"), "")
        out.append({"set": "semeval", "key": "semeval/" + a.get("id"),
                    "title": a.get("title", ""), "paras": paras,
                    "published": a.get("published-at", "")[:10],
                    "outlet": re.sub(r"^https?://(www\.)?", "",
                                     url).split("/")[0], "url": url})
    return out


def load_fncorpus(data):
    path = os.path.join(data, "fakenewscorpus_sample", "news_sample.csv")
    csv.field_size_limit(1 << 30)
    out = []
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        for r in csv.DictReader(f):
            out.append({"set": "fncorpus", "key": "fncorpus/" + r["id"],
                        "title": r["title"].strip(),
                        "paras": _paras(r["content"]), "published": "",
                        "outlet": r["domain"], "url": r["url"].strip()})
    return out


def load_fakenewsnet(data):
    out = []
    for path in sorted(glob.glob(os.path.join(data, "fakenewsnet_v1", "*",
                                              "*", "*.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        pub = ""
        pd = d.get("publish_date")
        if isinstance(pd, dict) and isinstance(pd.get("$date"), (int, float)):
            pub = datetime.datetime.fromtimestamp(
                pd["$date"] / 1000, datetime.timezone.utc).date().isoformat()
        url = (d.get("url") or "").strip()
        out.append({"set": "fakenewsnet", "key": "fakenewsnet/" +
                    os.path.relpath(path, data), "title":
                    (d.get("title") or "").strip(),
                    "paras": _paras(d.get("text") or ""), "published": pub,
                    "outlet": re.sub(r"^https?://(www\.)?", "",
                                     url).split("/")[0], "url": url})
    return out


def load_pool(data):
    docs = []
    counts = collections.OrderedDict()
    for loader in (load_fakes, load_buzzfeed, load_semeval, load_fncorpus,
                   load_fakenewsnet):
        got = loader(data)
        counts[got[0]["set"] if got else loader.__name__] = len(got)
        docs.extend(got)
    seen, urls, out = set(), set(), []
    dropped = {"empty": 0, "identical": 0}
    for d in docs:
        body = "\n\n".join(d["paras"])
        norm = re.sub(r"\s+", " ", body).strip()
        if len(tokens(norm)) < 20:
            dropped["empty"] += 1
            continue
        if norm in seen:
            dropped["identical"] += 1
            continue
        seen.add(norm)
        if not d["url"] or d["url"] in urls:
            d["url"] = "https://%s.pool.example/%s" % (
                d["set"], re.sub(r"[^A-Za-z0-9]+", "-", d["key"]))
        urls.add(d["url"])
        d["text"] = body
        d["toks"] = tokens(body)
        d["words"] = len(d["toks"])
        d["shingles"] = shingle_set(d["toks"])
        out.append(d)
    return out, counts, dropped


def overlap_pairs(docs, min_cover=0.1, max_df=50):
    """Pairs (i, j, shared) of docs where shared shingles cover >= min_cover
    of either one; shingles in more than max_df docs are ignored."""
    index = collections.defaultdict(list)
    for i, d in enumerate(docs):
        for s in d["shingles"]:
            index[s].append(i)
    shared = collections.Counter()
    for post in index.values():
        if 1 < len(post) <= max_df:
            for a, b in itertools.combinations(post, 2):
                shared[(a, b)] += 1
    out = []
    for (a, b), n in shared.items():
        la, lb = len(docs[a]["shingles"]), len(docs[b]["shingles"])
        if n >= min_cover * min(la, lb):
            out.append((a, b, n))
    return out


CAPWORD = re.compile(r"\b[A-Z][a-z]{2,}\b")


def hard_negative_candidates(docs, rare_share=0.03, min_rare=3):
    """Same-event pairs of real articles (see docstring): list of
    (i, j, rare shared capitalized words). FA-KES: same date and location;
    SemEval (no location): same date and a rare title word in common."""
    out = []
    for set_name, key, need_title in (
            ("fakes", lambda d: (d["published"], d.get("location", "")),
             False),
            ("semeval", lambda d: (d["published"],), True)):
        idx = [i for i, d in enumerate(docs) if d["set"] == set_name]
        df, tdf = collections.Counter(), collections.Counter()
        caps, twords = {}, {}
        for i in idx:
            caps[i] = set(CAPWORD.findall(docs[i]["text"]))
            twords[i] = {w for w in tokens(docs[i]["title"]) if len(w) >= 4}
            df.update(caps[i])
            tdf.update(twords[i])
        limit = max(3, rare_share * len(idx))
        groups = collections.defaultdict(list)
        for i in idx:
            if docs[i]["published"]:
                groups[key(docs[i])].append(i)
        for members in groups.values():
            for a, b in itertools.combinations(members, 2):
                if docs[a]["outlet"] == docs[b]["outlet"]:
                    continue
                if need_title and not any(tdf[w] <= limit
                                          for w in twords[a] & twords[b]):
                    continue
                rare = sorted(w for w in caps[a] & caps[b] if df[w] <= limit)
                if len(rare) >= min_rare:
                    out.append((a, b, rare))
    return out


# ------------------------------------------------------------------ spin
ABBREV = {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov",
          "sen", "rep", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
          "no", "vs", "inc", "corp", "jr", "sr", "prof", "u.s", "u.n", "u.k",
          "e.g", "i.e", "a.m", "p.m", "mt", "ft", "capt", "maj", "adm"}
SENT_END = re.compile(r"[.!?][\"\u201d\u2019)\]]*\s+"
                      r"(?=[\"\u201c\u2018(\[]?[A-Z0-9])")


def split_sentences(text):
    out, start = [], 0
    for m in SENT_END.finditer(text):
        if text[m.start()] == ".":
            w = re.search(r"([A-Za-z.]+)$", text[start:m.start()])
            if w and (w.group(1).lower() in ABBREV or len(w.group(1)) == 1):
                continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def match_case(src, rep):
    if src.isupper() and len(src) > 1:
        return rep.upper()
    if src[0].isupper():
        return rep[0].upper() + rep[1:]
    return rep


def swap_synonyms(text, rate, rng, counter):
    def sub(m):
        w = m.group(0)
        alts = SYNONYMS.get(w.lower())
        if not alts or (w.isupper() and len(w) > 1) or rng.random() >= rate:
            return w
        counter["synonym_swaps"] += 1
        return match_case(w, rng.choice(alts))
    return re.sub(r"[A-Za-z][A-Za-z'\-]*", sub, text)


def swap_n_synonyms(text, n, rng):
    """Exactly up to n swaps at random eligible words (reuse rewriting)."""
    spots = [m for m in re.finditer(r"[A-Za-z][A-Za-z'\-]*", text)
             if m.group(0).lower() in SYNONYMS and not m.group(0).isupper()]
    chosen = sorted(rng.sample(spots, min(n, len(spots))),
                    key=lambda m: -m.start())
    for m in chosen:
        w = m.group(0)
        new = match_case(w, rng.choice(SYNONYMS[w.lower()]))
        text = text[:m.start()] + new + text[m.end():]
    return text, len(chosen)


def apply_renames(text, counter):
    applied = []
    for label, pattern, rep in RENAMES:
        text, n = re.subn(pattern, rep, text)
        if n:
            counter["renamed_mentions"] += n
            applied.append((label, rep, n))
    return text, applied


def site_name(rng):
    return "%s%s%d" % (rng.choice(SITE_WORDS), rng.choice(SITE_WORDS),
                       rng.randint(1, 99))


def spin(doc, strength, rng, headlines, counter):
    """One spun copy of doc: (title, paragraphs, renames applied, domain)."""
    p = STRENGTHS[strength]
    site = site_name(rng)
    paras = [split_sentences(x) for x in doc["paras"]]
    paras = [x for x in paras if x]
    total = sum(word_count(s) for x in paras for s in x)
    counter["copies"] += 1
    counter["original_words"] += total
    counter["original_sentences"] += sum(len(x) for x in paras)
    # Truncation: keep the first share of the words, whole sentences.
    if rng.random() < p["trunc_p"]:
        budget = rng.uniform(*p["keep"]) * total
        kept, acc = [], 0
        for x in paras:
            if acc >= budget:
                break
            y = []
            for s in x:
                if acc >= budget:
                    break
                y.append(s)
                acc += word_count(s)
            kept.append(y)
        counter["truncated"] += 1
        counter["truncated_words"] += total - acc
        paras = kept
    # Sentence drops (at least three sentences stay).
    n_sent = sum(len(x) for x in paras)
    for x in paras:
        i = 0
        while i < len(x):
            if n_sent > 3 and rng.random() < p["drop"]:
                x.pop(i)
                n_sent -= 1
                counter["sentences_dropped"] += 1
            else:
                i += 1
    paras = [x for x in paras if x]
    # Moves: a paragraph to another place, or a sentence within its paragraph
    # (single-paragraph articles such as FA-KES have only the latter).
    for _ in range(rng.randint(*p["moves"])):
        if len(paras) >= 3 and rng.random() < 0.5:
            x = paras.pop(rng.randrange(len(paras)))
            paras.insert(rng.randrange(len(paras) + 1), x)
            counter["paragraph_moves"] += 1
        else:
            cands = [x for x in paras if len(x) >= 2]
            if not cands:
                continue
            x = rng.choice(cands)
            s = x.pop(rng.randrange(len(x)))
            x.insert(rng.randrange(len(x) + 1), s)
            counter["sentence_moves"] += 1
    texts = [" ".join(x) for x in paras]
    texts = [swap_synonyms(t, p["synonym"], rng, counter) for t in texts]
    applied = []
    title = doc["title"]
    if rng.random() < p["rename"]:
        joined = "\n\n".join(texts)
        joined, applied = apply_renames(joined, counter)
        title, _ = apply_renames(title, collections.Counter())
        texts = joined.split("\n\n")
        if applied:
            counter["copies_renamed"] += 1
    # Boilerplate lines at random places.
    for _ in range(rng.randint(*p["boiler"])):
        line = rng.choice(BOILERPLATE).format(
            h=rng.choice(headlines), s=site.capitalize(),
            t=", ".join(rng.sample(TAG_WORDS, 3)))
        texts.insert(rng.randint(0, len(texts)), line)
        counter["boilerplate_lines"] += 1
    if rng.random() < p["headlines"]:
        texts.append(rng.choice(["More stories", "You may also like",
                                 "Trending now", "Most read"]))
        for _ in range(rng.randint(2, 4)):
            texts.append(rng.choice(headlines))
            counter["appended_headlines"] += 1
        counter["copies_with_headline_block"] += 1
    if rng.random() < 0.5:
        title = title + " - " + site.capitalize()
    return title, texts, applied, site


def build_reuse_article(source, filler_doc, rng):
    """A short article from 2-5 passages of source: (paragraphs, info)."""
    length = rng.randint(120, 300)
    npass = rng.randint(2, 5)
    share = rng.uniform(0.25, 0.6)
    sents = [s for x in source["paras"] for s in split_sentences(x)]
    wc = [word_count(s) for s in sents]
    target = share * length / npass
    used = set()
    passages = []
    for _ in range(npass * 4):
        if len(passages) == npass:
            break
        i = rng.randrange(len(sents))
        run, words = [], 0
        j = i
        while j < len(sents) and j not in used and len(run) < 3 and \
                words < target:
            run.append(j)
            words += wc[j]
            j += 1
        if words < 15 or any(k in used for k in range(i - 1, j + 1)):
            continue
        used.update(run)
        passages.append(run)
    passages.sort()
    ptexts = [" ".join(sents[k] for k in run) for run in passages]
    # Passages longer than 60% of 300 words: fewer of them (at least 2).
    while len(ptexts) > 2 and sum(map(word_count, ptexts)) > 180:
        ptexts.pop(rng.randrange(len(ptexts)))
    reused = sum(word_count(t) for t in ptexts)
    length = min(300, max(120, int(round(reused / share))))
    # Fillers: own sentences and a stretch of an unrelated article.
    other = [s for x in filler_doc["paras"] for s in split_sentences(x)]
    k = rng.randrange(max(1, len(other) - 8))
    own = rng.sample(FILLERS, len(FILLERS))
    fill, fw = [], 0
    while reused + fw < length and (own or k < len(other)):
        if (rng.random() < 0.5 and own) or k >= len(other):
            s = own.pop()
        else:
            s = other[k]
            k += 1
        if reused + fw >= 120 and reused + fw + word_count(s) > 300:
            break
        fill.append(s)
        fw += word_count(s)
    swaps = 0
    for i, t in enumerate(ptexts):
        ptexts[i], n = swap_n_synonyms(t, rng.randint(0, 2), rng)
        swaps += n
    # Interleave: a filler lede, then passage / filler chunks.
    chunks = max(1, len(ptexts))
    per = max(1, len(fill) // (chunks + 1))
    paras = [" ".join(fill[:per])] if fill else []
    rest = fill[per:]
    for i, t in enumerate(ptexts):
        paras.append(t)
        piece = rest[i * per:(i + 1) * per] if i < chunks - 1 else \
            rest[i * per:]
        if piece:
            paras.append(" ".join(piece))
    paras = [x for x in paras if x.strip()]
    return paras, {"passages": len(ptexts), "swaps": swaps,
                   "reused_words": reused, "target_length": length}


# ------------------------------------------------------------ running

def contains_run(hay, needle):
    n = len(needle)
    return n > 0 and any(hay[i:i + n] == needle
                         for i in range(len(hay) - n + 1))


def run(cmd, what):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    secs = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit("trace_eval: %s failed (%d): %s" % (what, p.returncode,
                                                     p.stderr[:800]))
    return secs, p.stdout, p.stderr


def body_tokens(rec):
    body = [b["text"] for b in rec.get("blocks", [])
            if b.get("kind") in ("paragraph", "heading")]
    toks = []
    if body:
        for t in body:
            toks.extend(tokens(t))
    else:
        toks = tokens(rec.get("text", ""))
    return toks


def pct(x, n):
    return "%5.1f%%" % (100.0 * x / n) if n else "   n/a"


def frac(x, n):
    return "%.3f" % (x / n) if n else "n/a"


def quantiles(xs):
    xs = sorted(xs)
    if not xs:
        return "n/a"
    q = lambda f: xs[min(len(xs) - 1, int(f * len(xs)))]
    return "min %.3f  p10 %.3f  median %.3f  p90 %.3f  max %.3f" % (
        xs[0], q(0.1), q(0.5), q(0.9), xs[-1])


def shorten(s, n):
    s = re.sub(r"\s+", " ", s or "").strip()
    return s if len(s) <= n else s[:n - 3] + "..."


def pair_key(doc):
    """Stable identifier of a hard-negative member inside its data set:
    FA-KES unit_id, SemEval article id."""
    return doc["key"].split("/", 1)[1]


LABEL_VERDICTS = ("independent", "shared_source", "not_same_event")


def load_labels(path):
    """Hand-checked verdicts: {(data_set, frozenset({key_a, key_b})):
    (verdict, note)}. Lines starting with '#' and the column header are
    skipped."""
    out = {}
    if not path or not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if cols[0] == "data_set":
                continue
            if len(cols) < 4 or cols[3] not in LABEL_VERDICTS:
                sys.exit("trace_eval: bad line in %s: %r" % (path, line))
            out[(cols[0], frozenset(cols[1:3]))] = (
                cols[3], cols[4] if len(cols) > 4 else "")
    return out


def shared_runs(ta, tb, min_len=8):
    """Maximal runs of >= min_len words that both token lists contain
    (difflib matching blocks), longest first."""
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    return sorted((m for m in sm.get_matching_blocks() if m.size >= min_len),
                  key=lambda m: -m.size)


def write_pairs(path, hn, pool, by_url):
    """Every hard-negative pair, both articles in full, for reading."""
    with open(path, "w", encoding="utf-8") as f:
        for n, h in enumerate(hn, 1):
            da, db = pool[h["a"]], pool[h["b"]]
            f.write("=" * 78 + "\n")
            f.write("PAIR %d  %s\t%s\t%s\n" % (n, da["set"], pair_key(da),
                                                pair_key(db)))
            f.write("J=%.3f  longest shared run %d words  trace: %s  "
                    "label: %s\n" % (h["jaccard"], h["run"],
                                      "/".join(h["relation"]) or "no match",
                                      h.get("label") or "unlabelled"))
            f.write("shared rare words: %s\n" % ", ".join(h["rare"]))
            ta = body_tokens(by_url[da["url"]])
            tb = body_tokens(by_url[db["url"]])
            for m in shared_runs(ta, tb):
                f.write("  shared run (%d words): %s\n" % (
                    m.size, " ".join(ta[m.a:m.a + m.size])))
            for p in h["passages"]:
                f.write("  trace passage (%d words): %s\n" % (
                    p["words"], p["target"].get("text", "")))
            for side, d in (("A", da), ("B", db)):
                f.write("\n--- %s [%s %s/%s %s] %s\n%s\n" % (
                    side, d["set"], pair_key(d), d["outlet"], d["published"],
                    d["title"], d["text"]))
            f.write("\n")


# ------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT),
                                                     "shared"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--families", type=int, default=400)
    ap.add_argument("--reuse", type=int, default=300,
                    help="short partial-reuse articles traced")
    ap.add_argument("--distractors", type=int, default=0,
                    help="most real distractors (0: every pool article left;"
                    " entangled and hard-negative articles always go in)")
    ap.add_argument("--undated", type=float, default=0.3,
                    help="share of families with no dates at all")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--keep", help="keep the generated files in this folder")
    ap.add_argument("--quick", action="store_true",
                    help="small sizes for a fast check")
    ap.add_argument("--pairs-out", metavar="FILE",
                    help="write every hard-negative pair (keys, titles, "
                    "full texts, shared runs) to FILE for reading")
    ap.add_argument("--labels", default=os.path.join(
        HERE, "data", "trace_hard_negatives.tsv"),
                    help="hand-checked hard-negative verdicts (TSV); used "
                    "when the file exists")
    args = ap.parse_args()
    if args.quick:
        args.families = min(args.families, 40)
        args.reuse = min(args.reuse, 30)
        args.distractors = args.distractors or 400
    exe = os.path.join(args.build, "src", "cli", "newstrace")
    if not os.path.exists(exe):
        sys.exit("trace_eval: build %s first (cmake --build %s --target "
                 "newstrace)" % (exe, args.build))
    data = os.path.join(args.shared, "data")
    if not os.path.isdir(data):
        print("trace_eval: %s not found; skipped" % data)
        return
    t_start = time.perf_counter()
    rng = random.Random(args.seed)
    tmp = args.keep or tempfile.mkdtemp(prefix="nt_trace_eval_")
    os.makedirs(tmp, exist_ok=True)
    try:
        evaluate(args, exe, data, tmp, rng)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print("\ntotal wall time %.1f s" % (time.perf_counter() - t_start))


def evaluate(args, exe, data, tmp, rng):
    # ---------------------------------------------------------- the pool
    pool, counts, dropped = load_pool(data)
    print("# trace evaluation (issue 4), seed %d%s" % (
        args.seed, ", --quick" if args.quick else ""))
    print("\n## pool of real articles")
    print("read: " + ", ".join("%s %d" % kv for kv in counts.items()) +
          "; kept %d (dropped %d under 20 words, %d identical texts)"
          % (len(pool), dropped["empty"], dropped["identical"]))
    pairs = overlap_pairs(pool)
    entangled = set()
    for a, b, _ in pairs:
        entangled.update((a, b))
    print("pool pairs sharing >= 10%% of either one's shingles: %d; "
          "articles involved (distractors only): %d" % (len(pairs),
                                                        len(entangled)))
    hard_all = hard_negative_candidates(pool)
    hard = [(a, b, w) for a, b, w in hard_all
            if jaccard(pool[a]["shingles"], pool[b]["shingles"]) < 0.5]
    hard_ids = {i for a, b, _ in hard for i in (a, b)}

    free = [i for i in range(len(pool))
            if i not in entangled and i not in hard_ids]
    rng.shuffle(free)
    originals = [i for i in free if 150 <= pool[i]["words"] <= 2000]
    originals = originals[:args.families]
    taken = set(originals)
    sources = [i for i in free if i not in taken and pool[i]["words"] >= 400]
    sources = sources[:args.reuse]
    taken.update(sources)
    fillers = [i for i in free if i not in taken and pool[i]["words"] >= 150]
    fillers = fillers[:max(20, min(100, args.reuse))]
    taken.update(fillers)
    rest = [i for i in range(len(pool)) if i not in taken]
    rng.shuffle(rest)
    must = [i for i in rest if i in hard_ids or i in entangled]
    other = [i for i in rest if not (i in hard_ids or i in entangled)]
    if args.distractors:
        other = other[:max(0, args.distractors - len(must))]
    distractors = must + other
    if len(originals) < args.families:
        print("note: only %d originals available" % len(originals))
    print("originals %d, reuse sources %d (stored), filler articles %d (not "
          "stored), distractors %d (%d entangled or in hard-negative pairs)"
          % (len(originals), len(sources), len(fillers), len(distractors),
             len(must)))

    # ------------------------------------------------------ spin families
    headlines = [pool[i]["title"] for i in distractors if pool[i]["title"]]
    records = []  # JSONL records for ingest
    meta = {}     # url -> {"family", "role", "strength", "pool"}
    families = []
    counters = {s: collections.Counter() for s in STRENGTHS}
    strengths = list(STRENGTHS)
    n_undated = int(round(args.undated * len(originals)))
    undated_set = set(rng.sample(range(len(originals)), n_undated))
    for f, i in enumerate(originals):
        doc = pool[i]
        strength = strengths[f % len(strengths)]
        dated = f not in undated_set
        day = None
        if dated:
            day = (datetime.date.fromisoformat(doc["published"])
                   if doc["published"] else
                   datetime.date(2016, 1, 1) +
                   datetime.timedelta(days=rng.randrange(3 * 365)))
        rec = {"title": doc["title"], "text": doc["text"], "url": doc["url"]}
        if dated:
            rec["published"] = day.isoformat()
        records.append(rec)
        meta[doc["url"]] = {"family": f, "role": "original"}
        fam = {"id": f, "strength": strength, "dated": dated,
               "original": doc["url"], "copies": [], "renames": [],
               "set": doc["set"]}
        sites = set()
        for c in range(rng.randint(2, 5)):
            title, texts, applied, site = spin(doc, strength, rng, headlines,
                                               counters[strength])
            while site in sites:
                site = site_name(rng)
            sites.add(site)
            url = "https://www.%s.example/%d/%s-%d-%d" % (
                site, 2016 + f % 3, re.sub(r"[^a-z0-9]+", "-",
                                           doc["title"].lower())[:50], f, c)
            assert url not in meta
            rec = {"title": title, "text": "\n\n".join(texts), "url": url}
            if dated:
                rec["published"] = (day + datetime.timedelta(
                    days=rng.randint(1, 5))).isoformat()
            records.append(rec)
            meta[url] = {"family": f, "role": "copy"}
            fam["copies"].append(url)
            fam["renames"].append(applied)
        families.append(fam)
    for i in sources + distractors:
        d = pool[i]
        rec = {"title": d["title"], "text": d["text"], "url": d["url"]}
        if d["published"]:
            rec["published"] = d["published"]
        records.append(rec)
        meta[d["url"]] = {"family": None, "role": "real", "pool": i}
    rng.shuffle(records)
    corpus_path = os.path.join(tmp, "corpus.jsonl")
    with open(corpus_path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    print("\n## spin generator")
    print("families: %d (%d dated: original on D, copies on D+1..D+5; %d "
          "undated), 2-5 copies each, one strength per family"
          % (len(families), len(families) - n_undated, n_undated))
    print("%-7s %7s %6s %6s %6s %6s %9s %9s %6s %8s" % (
        "strength", "synonym", "rename", "drop", "moves", "boiler",
        "trunc_p", "keep", "hdlns", ""))
    for s, p in STRENGTHS.items():
        print("%-8s %6.2f %6.2f %6.2f %6s %6s %9.2f %9s %6.2f" % (
            s, p["synonym"], p["rename"], p["drop"], "%d-%d" % p["moves"],
            "%d-%d" % p["boiler"], p["trunc_p"], "%.2f-%.2f" % p["keep"],
            p["headlines"]))
    print("(synonym: chance each listed word is swapped; rename: chance a "
          "copy renames every listed entity; drop: chance each sentence is "
          "dropped; moves: sentence/paragraph moves; boiler: boilerplate "
          "lines; trunc_p: chance of truncation to keep x words; hdlns: "
          "chance of an appended block of 2-4 unrelated headlines)")
    print("realized, per copy:")
    print("%-8s %6s %10s %10s %10s %8s %8s %8s %9s" % (
        "strength", "copies", "words_swap", "renamed", "sent_drop",
        "moves", "boiler", "trunc", "trunc_cut"))
    for s, c in counters.items():
        n = c["copies"] or 1
        print("%-8s %6d %9.1f%% %9s %9.1f%% %8.2f %8.2f %7.0f%% %8.1f%%" % (
            s, c["copies"],
            100.0 * c["synonym_swaps"] / max(1, c["original_words"]),
            "%.0f%%" % (100.0 * c["copies_renamed"] / n),
            100.0 * c["sentences_dropped"] / max(1, c["original_sentences"]),
            (c["paragraph_moves"] + c["sentence_moves"]) / n,
            (c["boilerplate_lines"] + c["appended_headlines"]) / n,
            100.0 * c["truncated"] / n,
            100.0 * c["truncated_words"] / max(1, c["original_words"])))
    print("(words_swap: synonym swaps / original words; renamed: copies "
          "with at least one rename; trunc_cut: words cut by truncation / "
          "original words)")

    # --------------------------------------------------------------- ingest
    db = os.path.join(tmp, "corpus.db")
    for stale in (db, db + "-wal", db + "-shm", db + "-journal"):
        if os.path.exists(stale):  # a --keep folder from an earlier run
            os.remove(stale)
    secs, out, err = run([exe, "ingest", corpus_path, "--db", db,
                          "--threads", str(args.threads), "--json"], "ingest")
    try:
        summary = json.loads(out)
    except ValueError:
        summary = {}
    print("\n## ingest")
    print("%d records (%.1f MB) in %.2f s: %.0f docs/s, %d threads; "
          "summary: %s" % (len(records), os.path.getsize(corpus_path) / 1e6,
                           secs, len(records) / secs, args.threads,
                           json.dumps(summary, sort_keys=True)[:300]))
    timing = {"ingest_s": secs, "ingest_docs": len(records)}
    export_path = os.path.join(tmp, "export.jsonl")
    secs, _, _ = run([exe, "export", "--db", db, "-o", export_path], "export")
    timing["export_s"] = secs
    by_url, by_id = {}, {}
    with open(export_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            by_url[r.get("url", "")] = r
            by_id[r["id"]] = r
    missing = [u for u in meta if u not in by_url]
    if missing:
        print("note: %d records not found in the export (skipped as exact "
              "duplicates?), e.g. %s" % (len(missing), missing[:3]))
    url_of = {r["id"]: u for u, r in by_url.items()}
    sets = {}

    def sh(doc_id):
        if doc_id not in sets:
            sets[doc_id] = shingle_set(body_tokens(by_id[doc_id]))
        return sets[doc_id]

    fam_of = {}
    for u, m in meta.items():
        if u in by_url:
            fam_of[by_url[u]["id"]] = m["family"]
    dated_leak = sum(1 for fam in families if not fam["dated"]
                     for u in [fam["original"]] + fam["copies"]
                     if u in by_url and by_url[u].get("published"))
    print("undated family members that newstrace nevertheless dated: %d"
          % dated_leak)

    # ---------------------------------------------------------------- dupes
    secs, out, err = run([exe, "dupes", "--db", db, "--json"], "dupes")
    timing["dupes_s"] = secs
    with open(os.path.join(tmp, "dupes.jsonl"), "w") as f:
        f.write(out)
    groups = [json.loads(l) for l in out.splitlines() if l.strip()]
    print("\n## dupes: %d groups in %.2f s" % (len(groups), secs))
    for line in err.strip().splitlines()[:12]:
        print("  stderr: " + line)

    # Agreement of this script's Jaccard with the values dupes reports.
    diffs = []
    for g in groups:
        o = g["members"][0]["id"]
        for m in g["members"][1:]:
            diffs.append(abs(jaccard(sh(o), sh(m["id"])) - m["jaccard"]))
    print("Jaccard check, this script's truth vs the values dupes reports on "
          "%d (origin, member) pairs: max |diff| %.2g, %d differ by > 0.001"
          % (len(diffs), max(diffs or [0]), sum(d > 1e-3 for d in diffs)))

    group_of = {}
    for gi, g in enumerate(groups):
        for m in g["members"]:
            group_of[m["id"]] = gi
    # Truth pairs per family.
    truth = {}   # (a, b) -> (jaccard, strength)
    fam_pairs = {}
    copy_j = collections.defaultdict(list)
    for fam in families:
        ids = [by_url[u]["id"] for u in [fam["original"]] + fam["copies"]
               if u in by_url]
        fam["ids"] = ids
        for a, b in itertools.combinations(ids, 2):
            j = jaccard(sh(a), sh(b))
            key = tuple(sorted((a, b)))
            fam_pairs[key] = (j, fam["strength"])
            if j >= 0.5:
                truth[key] = (j, fam["strength"])
        if ids and fam["original"] in by_url:
            o = ids[0]
            for c in ids[1:]:
                copy_j[fam["strength"]].append(jaccard(sh(o), sh(c)))
    predicted = set()
    for g in groups:
        ids = [m["id"] for m in g["members"]]
        for a, b in itertools.combinations(ids, 2):
            predicted.add(tuple(sorted((a, b))))
    same_family, cross_family, family_real = 0, [], []
    real_direct, real_chained = [], []
    for a, b in predicted:
        fa, fb = fam_of.get(a), fam_of.get(b)
        if fa is not None and fa == fb:
            same_family += 1
        elif fa is not None and fb is not None:
            cross_family.append((a, b))
        elif fa is not None or fb is not None:
            family_real.append((a, b))
        else:
            j = jaccard(sh(a), sh(b))
            (real_direct if j >= 0.5 else real_chained).append((a, b, j))
    judged = same_family + len(cross_family) + len(family_real)
    hit = [k for k in truth if k in predicted]

    print("\n### copies' Jaccard to their original (exact, body shingles)")
    bins = [(0, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.8),
            (0.8, 1.01)]
    print("%-8s %6s " % ("strength", "copies") + " ".join(
        "%9s" % ("[%.1f,%.1f)" % b if b[1] <= 1 else "[0.8,1.0]")
        for b in bins) + " %8s %7s" % (">=0.5", "median"))
    for s in STRENGTHS:
        js = copy_j[s]
        print("%-8s %6d " % (s, len(js)) + " ".join(
            "%9d" % sum(lo <= j < hi for j in js) for lo, hi in bins) +
            " %8s %7.3f" % (pct(sum(j >= 0.5 for j in js), len(js)),
                            statistics.median(js) if js else 0))

    print("\n### pairs: precision and recall (truth: same family, Jaccard "
          ">= 0.5)")
    print("%-8s %7s %7s %9s %9s" % ("strength", "truth", "found", "recall",
                                    "fam_pairs"))
    for s in STRENGTHS:
        t = [k for k, v in truth.items() if v[1] == s]
        h = [k for k in t if k in predicted]
        allp = [k for k, v in fam_pairs.items() if v[1] == s]
        print("%-8s %7d %7d %9s %9d" % (s, len(t), len(h),
                                        frac(len(h), len(t)), len(allp)))
    print("%-8s %7d %7d %9s %9d" % ("all", len(truth), len(hit),
                                    frac(len(hit), len(truth)),
                                    len(fam_pairs)))
    low = [k for k, v in fam_pairs.items() if v[0] < 0.5]
    low_in = [k for k in low if k in predicted]
    print("family pairs below 0.5 grouped anyway (through a chain of links): "
          "%d of %d" % (len(low_in), len(low)))
    print("predicted pairs: %d; involving a family member: %d, of which "
          "same family %d, two families %d, family + real article %d"
          % (len(predicted), judged, same_family, len(cross_family),
             len(family_real)))
    print("PRECISION %s (target >= 0.99)   RECALL %s (target >= 0.95, "
          "pairs with J >= 0.5)" % (frac(same_family, judged),
                                    frac(len(hit), len(truth))))
    for s in STRENGTHS:
        fp = [k for k in cross_family + family_real
              if any(families[fam_of[x]]["strength"] == s
                     for x in k if fam_of.get(x) is not None)]
        sf = sum(1 for k in predicted if fam_of.get(k[0]) is not None and
                 fam_of.get(k[0]) == fam_of.get(k[1]) and
                 families[fam_of[k[0]]]["strength"] == s)
        print("  precision %-7s %s (%d same-family, %d wrong)" % (
            s, frac(sf, sf + len(fp)), sf, len(fp)))
    for a, b in (cross_family + family_real)[:5]:
        print("  wrong pair: J=%.3f  %s | %s" % (
            jaccard(sh(a), sh(b)), shorten(by_id[a]["title"], 60),
            shorten(by_id[b]["title"], 60)))
    missed = sorted((v[0], k) for k, v in truth.items() if k not in predicted)
    for j, (a, b) in missed[-5:]:
        print("  missed truth pair: J=%.3f  %s  (%s, %s)" % (
            j, shorten(by_id[a]["title"], 60), url_of[a], url_of[b]))

    print("\n### real near-duplicates already in the data (two real articles "
          "in one group)")
    print("pairs with verified Jaccard >= 0.5: %d; pairs grouped only through "
          "a chain (J < 0.5): %d" % (len(real_direct), len(real_chained)))
    kinds = collections.Counter(
        " + ".join(sorted((pool[meta[url_of[a]]["pool"]]["set"],
                           pool[meta[url_of[b]]["pool"]]["set"])))
        for a, b, _ in real_direct)
    print("by data sets: " + ", ".join("%s %d" % kv
                                       for kv in kinds.most_common()))
    ranked = sorted(real_direct, key=lambda x: -x[2])
    for a, b, j in ranked[:4] + ranked[4:][-4:]:
        pa = pool[meta[url_of[a]]["pool"]]
        pb = pool[meta[url_of[b]]["pool"]]
        print("  J=%.3f  %s/%s: %s  ||  %s/%s: %s" % (
            j, pa["set"], pa["outlet"], shorten(pa["title"], 50), pb["set"],
            pb["outlet"], shorten(pb["title"], 50)))

    # --------------------------------------------------------------- origin
    print("\n### origin of each family (dupes)")
    by_rule = collections.defaultdict(lambda: [0, 0])
    by_kind = collections.defaultdict(lambda: [0, 0, 0, 0])
    # kind -> [families, original grouped, origin right, copies-only group]
    wrong_examples = []
    alt = collections.Counter()
    for fam in families:
        if fam["original"] not in by_url:
            continue
        o = by_url[fam["original"]]["id"]
        kind = "dated" if fam["dated"] else "undated"
        for k in (kind, kind + "/" + fam["strength"]):
            by_kind[k][0] += 1
        gi = group_of.get(o)
        copy_groups = {group_of[c] for c in fam["ids"][1:] if c in group_of}
        if gi is None:
            if copy_groups:
                for k in (kind, kind + "/" + fam["strength"]):
                    by_kind[k][3] += 1
            continue
        g = groups[gi]
        ok = g["origin"]["id"] == o
        for k in (kind, kind + "/" + fam["strength"]):
            by_kind[k][1] += 1
            by_kind[k][2] += ok
        by_rule[g["origin"]["rule"]][0] += 1
        by_rule[g["origin"]["rule"]][1] += ok
        if not ok and len(wrong_examples) < 6:
            wrong_examples.append((fam, g))
        if not fam["dated"]:
            # What the two directions of containment would pick here.
            ids = [m["id"] for m in g["members"]]
            inside, holds = [], []
            for x in ids:
                others = [y for y in ids if y != x][:50]
                inside.append(statistics.mean(
                    len(sh(x) & sh(y)) / max(1, len(sh(x))) for y in others))
                holds.append(statistics.mean(
                    len(sh(x) & sh(y)) / max(1, len(sh(y))) for y in others))
            alt["n"] += 1
            alt["inside"] += ids[inside.index(max(inside))] == o
            alt["holds"] += ids[holds.index(max(holds))] == o
    print("%-16s %8s %9s %9s %9s %12s" % ("families", "n", "grouped",
                                          "origin_ok", "accuracy",
                                          "copies_only"))
    for k in ["dated", "undated"] + ["%s/%s" % (d, s) for d in
                                     ("dated", "undated") for s in STRENGTHS]:
        n, grouped, ok, co = by_kind[k]
        print("%-16s %8d %9d %9d %9s %12d" % (k, n, grouped, ok,
                                              frac(ok, grouped), co))
    tot = [sum(by_kind[k][i] for k in ("dated", "undated")) for i in range(4)]
    print("ORIGIN accuracy %s over %d families whose original is grouped "
          "(target >= 0.95): dated %s, undated %s" % (
              frac(tot[2], tot[1]), tot[1],
              frac(by_kind["dated"][2], by_kind["dated"][1]),
              frac(by_kind["undated"][2], by_kind["undated"][1])))
    print("%d families' originals are in no group (every copy below 0.5 or "
          "missed); %d of them have copies grouped without the original, "
          "so a copy is named origin: counting those as wrong, %s"
          % (tot[0] - tot[1], tot[3], frac(tot[2], tot[1] + tot[3])))
    print("%-22s %8s %8s %9s" % ("rule used", "groups", "right", "accuracy"))
    for rule, (n, ok) in sorted(by_rule.items(), key=lambda x: -x[1][0]):
        print("%-22s %8d %8d %9s" % (rule, n, ok, frac(ok, n)))
    print("undated groups holding the original: %d. The copy most inside "
          "the others (newstrace's no-date rule, margin ignored) is the "
          "original in %d; the copy holding most of the others (mean share "
          "of each other copy inside it) would be in %d"
          % (alt["n"], alt["inside"], alt["holds"]))
    for fam, g in wrong_examples:
        o = by_url[fam["original"]]["id"]
        origin = g["origin"]
        print("  wrong origin (%s, %s, group of %d): named %s by %s (%s); "
              "original %s" % ("dated" if fam["dated"] else "undated",
                               fam["strength"], g["size"],
                               url_of.get(origin["id"], origin["id"]),
                               origin["rule"], origin["reason"],
                               fam["original"]))

    # Systematic renames in dupes' substitutions.
    ren = {"once": [0, 0], "twice": [0, 0]}
    for fam in families:
        o = by_url.get(fam["original"], {}).get("id")
        if o not in group_of:
            continue
        g = groups[group_of[o]]
        if g["origin"]["id"] != o:
            continue
        members = {m["id"] for m in g["members"]}
        subs = [(s["from"], s["to"]) for s in g.get("substitutions", [])]
        for u, applied in zip(fam["copies"], fam["renames"]):
            if u not in by_url or by_url[u]["id"] not in members:
                continue
            for label, rep, n in applied:
                k = "twice" if n >= 2 else "once"
                ren[k][0] += 1
                lt, rt = tokens(label), tokens(rep)
                if any(contains_run(tokens(f), lt) and
                       contains_run(tokens(t), rt) for f, t in subs):
                    ren[k][1] += 1
    print("systematic renames (entity -> long form) listed in the group's "
          "substitutions (copy in a group whose origin is right): entity "
          "mentioned >= 2 times %d of %d, once %d of %d"
          % (ren["twice"][1], ren["twice"][0], ren["once"][1],
             ren["once"][0]))

    # ---------------------------------------------------------------- reuse
    print("\n## partial reuse: %d short articles traced as files" %
          len(sources))
    rdir = os.path.join(tmp, "reuse")
    os.makedirs(rdir, exist_ok=True)
    rows = []
    trace_ms = []
    trace_diffs = []  # |this script's Jaccard - trace's| on trace matches
    for n, si in enumerate(sources):
        src = pool[si]
        if src["url"] not in by_url:
            continue
        filler = pool[fillers[n % len(fillers)]]
        paras, info = build_reuse_article(src, filler, rng)
        text = "\n\n".join(paras)
        path = os.path.join(rdir, "%03d.txt" % n)
        with open(path, "w", encoding="utf-8") as f:
            f.write("Comment: what the reports say\n\n" + text + "\n")
        # Truth on the body newstrace keeps of the query (as for stored
        # documents): `analyze` gives its blocks.
        _, out, _ = run([exe, "analyze", path, "--json"], "analyze")
        qt = body_tokens(json.loads(out))
        qs = shingle_set(qt)
        ssh = sh(by_url[src["url"]]["id"])
        info["words"] = len(qt)
        info["jaccard"] = jaccard(qs, ssh)
        info["containment"] = len(qs & ssh) / max(1, len(qs))
        info["word_share"] = min(1.0, info["reused_words"] / max(1, len(qt)))
        secs, out, _ = run([exe, "trace", path, "--db", db, "--json",
                            "--limit", "50"], "trace")
        trace_ms.append(1000 * secs)
        rep = json.loads(out)
        sid = by_url[src["url"]]["id"]
        m = [x for x in rep.get("matches", []) if x["id"] == sid]
        info["found"] = bool(m) and m[0]["relation"] in ("reuse",
                                                          "near_copy")
        info["relation"] = m[0]["relation"] if m else ""
        info["share"] = m[0].get("reuse", {}).get("share", 0) if m else 0
        if m:
            trace_diffs.append(abs(m[0]["jaccard"] - info["jaccard"]))
        info["others"] = len([x for x in rep.get("matches", [])
                              if x["id"] != sid])
        info["path"] = path
        info["source_title"] = src["title"]
        rows.append(info)
    print("words: " + quantiles([r["words"] for r in rows]).replace(
        ".000", ""))
    print("Jaccard with the source:     " + quantiles(
        [r["jaccard"] for r in rows]))
    print("containment in the source:   " + quantiles(
        [r["containment"] for r in rows]) + "  (query shingles in source)")
    print("copied words / words:        " + quantiles(
        [r["word_share"] for r in rows]))
    print("%-24s %6s %6s %8s" % ("containment bucket", "n", "found",
                                 "recall"))
    for lo, hi in ((0, 0.2), (0.2, 0.3), (0.3, 0.4), (0.4, 0.6), (0.6, 1.1)):
        b = [r for r in rows if lo <= r["containment"] < hi]
        print("%-24s %6d %6d %8s" % ("[%.1f, %.1f)" % (lo, min(hi, 1.0)),
                                     len(b), sum(r["found"] for r in b),
                                     frac(sum(r["found"] for r in b),
                                          len(b))))
    print("%-24s %6s %6s %8s" % ("passages", "n", "found", "recall"))
    for k in range(1, 6):
        b = [r for r in rows if r["passages"] == k]
        if b:
            print("%-24s %6d %6d %8s" % (k, len(b), sum(r["found"]
                                                       for r in b),
                                         frac(sum(r["found"] for r in b),
                                              len(b))))
    print("%-24s %6s %6s %8s" % ("copied words", "n", "found", "recall"))
    for lo, hi in ((0, 50), (50, 100), (100, 150), (150, 1000)):
        b = [r for r in rows if lo <= r["reused_words"] < hi]
        print("%-24s %6d %6d %8s" % ("[%d, %s)" % (lo, hi if hi < 1000
                                                   else "..."),
                                     len(b), sum(r["found"] for r in b),
                                     frac(sum(r["found"] for r in b),
                                          len(b))))
    main_rows = [r for r in rows if r["containment"] >= 0.2]
    print("REUSE RECALL %s on %d articles with containment >= 0.2 (target "
          ">= 0.80); %s on all %d" % (
              frac(sum(r["found"] for r in main_rows), len(main_rows)),
              len(main_rows), frac(sum(r["found"] for r in rows), len(rows)),
              len(rows)))
    print("other stored articles matched per query: mean %.2f" % (
        statistics.mean([r["others"] for r in rows]) if rows else 0))
    for r in [r for r in rows if not r["found"]][:5]:
        print("  missed: %s  words %d, passages %d, swaps %d, containment "
              "%.2f, copied share %.2f, relation '%s' share %.2f; source: %s"
              % (os.path.basename(r["path"]), r["words"], r["passages"],
                 r["swaps"], r["containment"], r["word_share"],
                 r["relation"], r["share"], shorten(r["source_title"], 50)))

    # -------------------------------------------------------- hard negatives
    print("\n## hard negatives: same-event pairs of real articles")
    traces = {}

    def trace_id(doc_id):
        if doc_id not in traces:
            secs, out, _ = run([exe, "trace", doc_id, "--db", db, "--json",
                                "--limit", "50"], "trace")
            trace_ms.append(1000 * secs)
            traces[doc_id] = {m["id"]: m for m in json.loads(out).get(
                "matches", [])}
            for m in traces[doc_id].values():
                trace_diffs.append(abs(m["jaccard"] -
                                       jaccard(sh(doc_id), sh(m["id"]))))
        return traces[doc_id]

    labels = load_labels(args.labels)
    hn = []
    excluded_copy = 0
    for a, b, rare in hard:
        ua, ub = pool[a]["url"], pool[b]["url"]
        if ua not in by_url or ub not in by_url:
            continue
        ia, ib = by_url[ua]["id"], by_url[ub]["id"]
        j = jaccard(sh(ia), sh(ib))
        if j >= 0.5:
            excluded_copy += 1
            continue
        ta, tb = body_tokens(by_url[ua]), body_tokens(by_url[ub])
        run_len = difflib.SequenceMatcher(
            None, ta, tb, autojunk=False).find_longest_match(
                0, len(ta), 0, len(tb)).size
        ma, mb = trace_id(ia).get(ib), trace_id(ib).get(ia)
        rel = [m["relation"] for m in (ma, mb) if m]
        share = max([m.get("reuse", {}).get("share", 0) for m in (ma, mb)
                     if m] or [0])
        all_passages = [p for m in (ma, mb) if m
                        for p in m.get("reuse", {}).get("passages", [])]
        label = labels.get((pool[a]["set"], frozenset(
            (pair_key(pool[a]), pair_key(pool[b])))))
        hn.append({"a": a, "b": b, "rare": rare, "jaccard": j,
                   "run": run_len, "flag": bool(rel), "relation": rel,
                   "share": share, "passages": all_passages[:3],
                   "all_passages": all_passages,
                   "label": label[0] if label else None,
                   "note": label[1] if label else ""})
    by_set = collections.Counter(pool[h["a"]]["set"] for h in hn)
    print("pairs: %d (%s); excluded as near copies (Jaccard >= 0.5): %d"
          % (len(hn), ", ".join("%s %d" % kv for kv in by_set.items()),
             len(hard_all) - len(hard) + excluded_copy))
    print("Jaccard of the pairs: " + quantiles([h["jaccard"] for h in hn]))
    indep = [h for h in hn if h["run"] < 25]
    wire = [h for h in hn if h["run"] >= 25]
    print("%-44s %5s %8s %8s" % ("subset", "pairs", "reuse", "rate"))
    for name, sub in (("all (the issue's definition)", hn),
                      ("independent wording (longest run < 25 w)", indep),
                      ("shared wire text (longest run >= 25 w)", wire)):
        print("%-44s %5d %8d %8s" % (name, len(sub),
                                     sum(h["flag"] for h in sub),
                                     frac(sum(h["flag"] for h in sub),
                                          len(sub))))
    print("FALSE REUSE %s on independent-wording pairs, %s on all pairs "
          "(target <= 0.10)" % (
              frac(sum(h["flag"] for h in indep), len(indep)),
              frac(sum(h["flag"] for h in hn), len(hn))))
    # Hand-checked verdicts (bench/data/trace_hard_negatives.tsv).
    if labels:
        print("\n### hand-checked verdicts (%s)" % os.path.relpath(
            args.labels, ROOT))
        print("%-44s %5s %8s %8s" % ("verdict", "pairs", "reuse", "rate"))
        for v in LABEL_VERDICTS + (None,):
            sub = [h for h in hn if h["label"] == v]
            print("%-44s %5d %8d %8s" % (v or "unlabelled", len(sub),
                                         sum(h["flag"] for h in sub),
                                         frac(sum(h["flag"] for h in sub),
                                              len(sub))))
        ind = [h for h in hn if h["label"] == "independent"]
        shs = [h for h in hn if h["label"] == "shared_source"]
        print("FALSE REUSE %s on %d hand-checked independent pairs (target "
              "<= 0.10); detection %s on %d shared-source pairs (flagging "
              "is correct there)" % (
                  frac(sum(h["flag"] for h in ind), len(ind)), len(ind),
                  frac(sum(h["flag"] for h in shs), len(shs)), len(shs)))
        in_run = {(pool[h["a"]]["set"], frozenset((pair_key(pool[h["a"]]),
                                                   pair_key(pool[h["b"]]))))
                  for h in hn}
        stale = [k for k in labels if k not in in_run]
        if stale:
            print("labelled pairs not formed in this run: %d" % len(stale))
        for h in ind:
            if not h["flag"]:
                continue
            print("  independent but flagged: %s %s / %s, %s, reuse share "
                  "%.2f, longest run %d: %s || %s" % (
                      pool[h["a"]]["set"], pair_key(pool[h["a"]]),
                      pair_key(pool[h["b"]]), "/".join(h["relation"]),
                      h["share"], h["run"],
                      shorten(pool[h["a"]]["title"], 40),
                      shorten(pool[h["b"]]["title"], 40)))
            for p in h["all_passages"]:
                print("      passage (%d words): %s" % (
                    p["words"], shorten(p["target"].get("text", ""), 150)))
        print()
    if args.pairs_out:
        write_pairs(args.pairs_out, hn, pool, by_url)
        print("pairs written to %s" % args.pairs_out)
    flagged = sorted([h for h in hn if h["flag"]], key=lambda h: h["run"])
    for h in flagged[:8]:
        print("  flagged: J=%.3f longest shared run %d words, reuse share "
              "%.2f: %s || %s" % (h["jaccard"], h["run"], h["share"],
                                  shorten(pool[h["a"]]["title"], 45),
                                  shorten(pool[h["b"]]["title"], 45)))
        if h["run"] < 25:
            for p in h["passages"]:
                print("      passage (%d words): %s" % (
                    p["words"], shorten(p["target"].get("text", ""), 110)))
    print("Jaccard check, this script's truth vs trace's on %d matches of "
          "the reuse and hard-negative traces: max |diff| %.2g"
          % (len(trace_diffs), max(trace_diffs or [0])))
    print("\n### sample of 10 pairs, to check by eye")
    for h in random.Random(args.seed).sample(hn, min(10, len(hn))):
        for side in ("a", "b"):
            d = pool[h[side]]
            print("  %s [%s/%s %s] %s\n      %s" % (
                side.upper(), d["set"], d["outlet"], d["published"],
                shorten(d["title"], 90), shorten(d["text"], 200)))
        print("    shared rare words: %s; J=%.3f; longest shared run %d "
              "words; trace: %s" % (", ".join(h["rare"][:8]), h["jaccard"],
                                    h["run"], "/".join(h["relation"]) or
                                    "no match"))

    # --------------------------------------------------------------- timing
    print("\n## timing")
    trace_ms.sort()
    print("ingest: %d docs in %.2f s = %.0f docs/s (--threads %d)" % (
        timing["ingest_docs"], timing["ingest_s"],
        timing["ingest_docs"] / timing["ingest_s"], args.threads))
    print("export: %.2f s; dupes (with substitutions): %.2f s" % (
        timing["export_s"], timing["dupes_s"]))
    if trace_ms:
        print("trace: %d queries, median %.1f ms, p90 %.1f ms, max %.1f ms "
              "per query (whole process)" % (
                  len(trace_ms), statistics.median(trace_ms),
                  trace_ms[int(0.9 * (len(trace_ms) - 1))], trace_ms[-1]))
    if args.keep:
        with open(os.path.join(tmp, "truth.json"), "w") as f:
            json.dump({"families": families,
                       "reuse": rows, "hard_negatives": [
                           dict(h, a=pool[h["a"]]["url"],
                                b=pool[h["b"]]["url"]) for h in hn]},
                      f, indent=1, default=str)
        print("kept: %s (corpus.jsonl, corpus.db, export.jsonl, dupes.jsonl, "
              "reuse/, truth.json)" % tmp)


if __name__ == "__main__":
    main()
