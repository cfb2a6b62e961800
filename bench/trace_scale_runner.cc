// Scale benchmark for tracing (issue 4; BENCHMARKS.md, "Trace at scale").
//
// Generates article-length documents (a seeded pseudo-language with a Zipf
// word distribution; one document in 50 is a spun copy of an earlier one),
// and measures, single-threaded:
//  A. fingerprints per second (shingles + MinHash + LSH keys + reuse
//     samples) for both MinHash families, on documents already in memory;
//  B. building a corpus of --docs documents through Corpus::Add (text,
//     full-text index and trace index together), documents per second;
//  C. the trace index's bytes per document, per table (SQLite dbstat);
//  D. query latency: fingerprint, index lookup, and exact verification of
//     every candidate read back from the corpus (Corpus::Get +
//     CompareArticles), for spun copies of stored documents and for new
//     unrelated documents; median and p99, and recall of the spun copies'
//     sources;
//  E. the brute-force baseline in the same run: exact Jaccard of each query
//     against a subsample of --brute stored documents (shingle sets held in
//     memory, so the baseline pays no I/O), its time per query, that time
//     scaled to the whole corpus, and the recall of the index against brute
//     force on the subsample.
// Prints one JSON object per phase and a summary.
//
// Usage: trace_scale_runner [--docs N] [--words W] [--queries Q]
//        [--brute B] [--db PATH] [--keep] [--fingerprint-only]
#include <sqlite3.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "newstrace/corpus.h"
#include "newstrace/trace.h"

namespace {

using newstrace::Article;
using newstrace::Block;
using newstrace::BlockKind;
using newstrace::Record;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// CPU seconds this thread has run: "per core" rates on a shared machine.
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// A pseudo-language: kVocab words made of syllables, drawn with Zipf
// frequencies (s = 1).
class Language {
 public:
  static constexpr int kVocab = 50000;
  Language() {
    static const char* kSyl[] = {"ka",  "ro", "min", "tel", "su",  "va",
                                 "dor", "pe", "li",  "gan", "tho", "mu",
                                 "ser", "al", "ne",  "qui", "bo",  "ran"};
    std::mt19937_64 rng(12345);
    words_.reserve(kVocab);
    for (int i = 0; i < kVocab; ++i) {
      std::string w;
      const int n = 1 + static_cast<int>(rng() % 4);
      for (int s = 0; s < n; ++s) w += kSyl[rng() % 18];
      w += std::to_string(i % 7);  // keeps words distinct enough
      words_.push_back(w);
    }
    double sum = 0;
    cdf_.resize(kVocab);
    for (int i = 0; i < kVocab; ++i) cdf_[i] = (sum += 1.0 / (i + 1));
    for (double& c : cdf_) c /= sum;
  }
  const std::string& Draw(std::mt19937_64& rng) const {
    const double u = (rng() >> 11) * 0x1.0p-53;
    return words_[std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin()];
  }

 private:
  std::vector<std::string> words_;
  std::vector<double> cdf_;
};

// Document i: paragraphs of sentences, `words` words in all.
std::vector<std::string> Words(const Language& lang, uint64_t i, int words) {
  std::mt19937_64 rng(i * 0x9E3779B97F4A7C15ull + 1);
  std::vector<std::string> out;
  out.reserve(words);
  for (int k = 0; k < words; ++k) out.push_back(lang.Draw(rng));
  return out;
}

// `w` with a share `rate` of its words replaced (seeded by `seed`).
std::vector<std::string> Spin(const Language& lang, std::vector<std::string> w,
                              double rate, uint64_t seed) {
  std::mt19937_64 rng(seed);
  for (auto& x : w) {
    if ((rng() >> 11) * 0x1.0p-53 < rate) x = lang.Draw(rng);
  }
  return w;
}

Record ToRecord(const std::vector<std::string>& w, uint64_t i) {
  Record r;
  Article& a = r.article;
  size_t begin = 0;
  for (size_t k = 0; k < w.size(); ++k) {
    a.text += w[k];
    const bool sentence_end = k % 20 == 19 || k + 1 == w.size();
    const bool para_end = k % 100 == 99 || k + 1 == w.size();
    if (sentence_end) a.text += '.';
    if (para_end) {
      a.blocks.push_back({BlockKind::kParagraph, {begin, a.text.size()}, ""});
      if (k + 1 < w.size()) a.text += "\n\n";
      begin = a.text.size();
    } else {
      a.text += ' ';
    }
  }
  a.source.url = "https://gen.example/" + std::to_string(i);
  a.format = newstrace::Format::kText;
  return r;
}

// The stored documents: every 50th (past the first 100) is a spin of an
// earlier one, replacing 3% of its words.
std::vector<std::string> StoredWords(const Language& lang, uint64_t i,
                                     int words) {
  if (i >= 100 && i % 50 == 0) {
    return Spin(lang, Words(lang, i - 37, words), 0.03, i);
  }
  return Words(lang, i, words);
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t k = std::min(v.size() - 1, static_cast<size_t>(p * v.size()));
  return v[k];
}

int Fail(const newstrace::Status& s, const char* what) {
  std::fprintf(stderr, "trace_scale_runner: %s: %s\n", what,
               s.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t docs = 1'000'000;
  int words = 600;
  int queries = 400;
  uint64_t brute = 10'000;
  std::string db;
  bool keep = false;
  bool fingerprint_only = false;  // phase A only (profiling)
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--docs") {
      docs = std::strtoull(next(), nullptr, 10);
    } else if (a == "--words") {
      words = std::atoi(next());
    } else if (a == "--queries") {
      queries = std::atoi(next());
    } else if (a == "--brute") {
      brute = std::strtoull(next(), nullptr, 10);
    } else if (a == "--db") {
      db = next();
    } else if (a == "--fingerprint-only") {
      fingerprint_only = true;
    } else if (a == "--keep") {
      keep = true;
    } else {
      std::fprintf(stderr,
                   "usage: trace_scale_runner [--docs N] [--words W] "
                   "[--queries Q] [--brute B] [--db PATH] [--keep] "
                   "[--fingerprint-only]\n");
      return 2;
    }
  }
  if (docs < 200 || words < 10 || queries < 2) {
    std::fprintf(stderr, "trace_scale_runner: sizes too small\n");
    return 2;
  }
  brute = std::min(brute, docs);
  std::filesystem::path dir;
  if (db.empty()) {
    dir = std::filesystem::temp_directory_path() /
          ("nt_trace_scale_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    db = (dir / "scale.db").string();
  }
  const Language lang;
  const newstrace::FingerprintOptions fp;
  using nlohmann::json;

  // --- A. fingerprints per second ------------------------------------------
  {
    std::vector<Record> sample;
    for (uint64_t i = 0; i < 20000; ++i) {
      sample.push_back(ToRecord(Words(lang, i, words), i));
    }
    json a = {{"phase", "fingerprint"},
              {"documents", sample.size()},
              {"words", words}};
    for (auto family : {newstrace::MinHashFamily::kOnePermutation,
                        newstrace::MinHashFamily::kMultiplyShift}) {
      newstrace::FingerprintOptions o = fp;
      o.family = family;
      size_t bands = 0;
      const auto t0 = Clock::now();
      const double c0 = ThreadCpuSeconds();
      for (const Record& r : sample) {
        bands += newstrace::ComputeFingerprint(r.article, o).band_keys.size();
      }
      const double cpu = ThreadCpuSeconds() - c0;
      const double s = Seconds(t0, Clock::now());
      const std::string name(newstrace::MinHashFamilyName(family));
      a[name + "_per_cpu_s"] = sample.size() / cpu;
      a[name + "_per_wall_s"] = sample.size() / s;
      if (bands == 0) return 1;
    }
    std::printf("%s\n", a.dump().c_str());
    std::fflush(stdout);
  }

  if (fingerprint_only) return 0;

  // --- B. build the corpus -------------------------------------------------
  auto corpus = newstrace::Corpus::Open(db, newstrace::CorpusOptions());
  if (!corpus.ok()) return Fail(corpus.status(), "open");
  newstrace::Corpus& c = **corpus;
  {
    const auto t0 = Clock::now();
    double fingerprint_s = 0;
    if (auto s = c.BeginBatch(); !s.ok()) return Fail(s, "batch");
    for (uint64_t i = 0; i < docs; ++i) {
      Record r = ToRecord(StoredWords(lang, i, words), i);
      const auto f0 = Clock::now();
      newstrace::EncodedRecord e = newstrace::EncodeRecord(std::move(r), fp);
      fingerprint_s += Seconds(f0, Clock::now());
      auto added = c.Add(e, "");
      if (!added.ok()) return Fail(added.status(), "add");
      if (i % 10000 == 9999) {
        if (auto s = c.CommitBatch(); !s.ok()) return Fail(s, "commit");
        if (auto s = c.BeginBatch(); !s.ok()) return Fail(s, "batch");
        if (i % 100000 == 99999) {
          std::fprintf(stderr, "built %llu documents, %.0f s\n",
                       static_cast<unsigned long long>(i + 1),
                       Seconds(t0, Clock::now()));
        }
      }
    }
    if (auto s = c.CommitBatch(); !s.ok()) return Fail(s, "commit");
    const double s = Seconds(t0, Clock::now());
    std::printf("%s\n", json({{"phase", "build"},
                              {"documents", docs},
                              {"seconds", s},
                              {"docs_per_s", docs / s},
                              {"encode_seconds", fingerprint_s}})
                            .dump()
                            .c_str());
    std::fflush(stdout);
  }

  // --- C. bytes per document -----------------------------------------------
  {
    sqlite3* raw = nullptr;
    json bytes = json::object();
    if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
      sqlite3_stmt* s = nullptr;
      const char* sql =
          "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC";
      if (sqlite3_prepare_v2(raw, sql, -1, &s, nullptr) == SQLITE_OK) {
        while (sqlite3_step(s) == SQLITE_ROW) {
          bytes[reinterpret_cast<const char*>(sqlite3_column_text(s, 0))] =
              static_cast<double>(sqlite3_column_int64(s, 1)) / docs;
        }
      }
      sqlite3_finalize(s);
    }
    sqlite3_close(raw);
    auto get = [&](const char* k) {
      return bytes.contains(k) ? bytes[k].get<double>() : 0.0;
    };
    std::printf(
        "%s\n",
        json({{"phase", "bytes_per_document"},
              {"lsh", get("lsh")},
              {"signatures", get("signatures")},
              {"reuse", get("reuse")},
              {"trace_total", get("lsh") + get("signatures") + get("reuse")},
              {"all_tables", bytes}})
            .dump()
            .c_str());
    std::fflush(stdout);
  }

  // --- D and E. queries: the index against brute force ---------------------
  {
    std::mt19937_64 rng(99);
    // Brute-force subsample: the first `brute` stored documents.
    std::vector<std::vector<uint64_t>> sets;
    sets.reserve(brute);
    for (uint64_t i = 0; i < brute; ++i) {
      sets.push_back(newstrace::BodyShingles(
          ToRecord(StoredWords(lang, i, words), i).article, fp.shingle_size));
    }
    std::vector<double> copy_ms, fresh_ms, brute_ms;
    int copies = 0, found = 0, brute_pairs = 0, brute_found = 0;
    size_t candidates = 0;
    for (int q = 0; q < queries; ++q) {
      const bool is_copy = q % 2 == 0;
      // Copies of documents inside the subsample, so brute force sees them.
      const uint64_t src = rng() % brute;
      const double rate = 0.01 + 0.07 * ((rng() >> 11) * 0x1.0p-53);
      const Record query =
          is_copy ? ToRecord(Spin(lang, StoredWords(lang, src, words), rate,
                                  1000003 + q),
                             docs + q)
                  : ToRecord(Words(lang, docs + 1000 + q, words), docs + q);
      const auto t0 = Clock::now();
      const newstrace::Fingerprint f =
          newstrace::ComputeFingerprint(query.article, fp);
      auto cands = c.FindCandidates(f, newstrace::CandidateQuery());
      if (!cands.ok()) return Fail(cands.status(), "candidates");
      const std::vector<uint64_t> qs =
          newstrace::BodyShingles(query.article, fp.shingle_size);
      std::vector<std::pair<uint64_t, double>> verified;  // (url id, J)
      for (const auto& t : *cands) {
        auto r = c.Get(t.id);
        if (!r.ok()) return Fail(r.status(), "get");
        if (!r->has_value()) continue;
        const double j =
            newstrace::CompareShingles(
                qs, newstrace::BodyShingles((*r)->article, fp.shingle_size))
                .jaccard;
        const std::string& url = (*r)->article.source.url;
        verified.emplace_back(
            std::strtoull(url.c_str() + url.rfind('/') + 1, nullptr, 10), j);
      }
      const double ms = 1000 * Seconds(t0, Clock::now());
      candidates += cands->size();
      (is_copy ? copy_ms : fresh_ms).push_back(ms);
      // Brute force over the subsample.
      const auto b0 = Clock::now();
      std::vector<uint64_t> truth;
      for (uint64_t i = 0; i < brute; ++i) {
        if (newstrace::CompareShingles(qs, sets[i]).jaccard >= fp.threshold) {
          truth.push_back(i);
        }
      }
      brute_ms.push_back(1000 * Seconds(b0, Clock::now()));
      for (uint64_t t : truth) {
        ++brute_pairs;
        for (const auto& [id, j] : verified) {
          if (id == t && j >= fp.threshold) {
            ++brute_found;
            break;
          }
        }
      }
      // A copy counts when it is still a near copy of its source (the
      // heaviest spins fall below the threshold).
      if (is_copy &&
          newstrace::CompareShingles(qs, sets[src]).jaccard >= fp.threshold) {
        ++copies;
        for (const auto& [id, j] : verified) {
          if (id == src && j >= fp.threshold) {
            ++found;
            break;
          }
        }
      }
    }
    const double brute_median = Percentile(brute_ms, 0.5);
    std::vector<double> all = copy_ms;
    all.insert(all.end(), fresh_ms.begin(), fresh_ms.end());
    std::printf(
        "%s\n",
        json({{"phase", "query"},
              {"queries", queries},
              {"median_ms", Percentile(all, 0.5)},
              {"p99_ms", Percentile(all, 0.99)},
              {"copy_median_ms", Percentile(copy_ms, 0.5)},
              {"copy_p99_ms", Percentile(copy_ms, 0.99)},
              {"fresh_median_ms", Percentile(fresh_ms, 0.5)},
              {"fresh_p99_ms", Percentile(fresh_ms, 0.99)},
              {"candidates_per_query", double(candidates) / queries},
              {"copies_at_or_above_threshold", copies},
              {"copy_source_recall", copies ? double(found) / copies : 0},
              {"brute_subsample", brute},
              {"brute_median_ms", brute_median},
              {"brute_median_ms_scaled_to_corpus",
               brute_median * double(docs) / brute},
              {"index_recall_vs_brute_on_subsample",
               brute_pairs ? double(brute_found) / brute_pairs : 0},
              {"brute_pairs", brute_pairs}})
            .dump()
            .c_str());
  }
  corpus->reset();
  if (!keep && !dir.empty()) std::filesystem::remove_all(dir);
  return 0;
}
