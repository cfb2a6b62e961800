// analyze_runner: the timing side of the quotation evaluation (issue 5;
// bench/quote_eval.py drives it).
//
// Reads texts as JSONL, one {"id": ..., "text": ...} object per line, from
// the file given or from standard input, holds them in memory, then runs
// each text through Extract (format text, the CLI's default extract
// options) and AnalyzeArticle on one thread, `--repeat` times, in
// configurations interleaved round by round so drift on a shared machine
// hits them alike:
//   off              AnalysisOptions{false, false, false} (Extract + the
//                    empty analysis: analyze's time without the parts)
//   quotes_entities  AnalysisOptions{true, true, false}
//   all              AnalysisOptions{true, true, true}
// With --with-json, the same three again, each also writing every record
// with RecordToJson (off_json, quotes_entities_json, all_json): the work
// `newstrace analyze --json` does per article, file I/O aside.
// The best pass of each counts. Writes one JSON summary line to stdout:
//   {"docs","bytes","repeat","seconds":{config: seconds},
//    "ratio_all","ratio_quotes_entities"[,"ratio_all_json",
//    "ratio_quotes_entities_json"],"quotes","entities","figures","failed"}
// (ratios are time / off, or / off_json; counts from the `all` pass) and a
// readable table to stderr. With `--dump-json FILE`, also writes each
// text's record (of the `all` configuration) as RecordToJson does, one line
// per input line in input order ("failed" for a text Extract rejected).
// `--only CONFIG` runs one configuration `--repeat` times and nothing else
// (for instruction counts under callgrind). `--no-signals` turns the style
// signals off in every configuration (AnalysisOptions::signals is on by
// default, so `off` otherwise includes them): quotes + entities measured
// against Extract alone.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newstrace/analyze.h"
#include "newstrace/extract.h"
#include "newstrace/pipeline.h"

namespace {

struct Config {
  const char* name;
  newstrace::AnalysisOptions options;
  bool json = false;  // also write each record as the analyze verb does
};

struct Counts {
  size_t quotes = 0;
  size_t entities = 0;
  size_t figures = 0;
  size_t failed = 0;
  size_t json_bytes = 0;
};

// One pass over every document; returns its seconds and fills `counts`.
double Pass(const std::vector<newstrace::RawDoc>& docs,
            const newstrace::ExtractOptions& extract, const Config& config,
            Counts* counts, std::vector<newstrace::Record>* keep,
            std::vector<char>* ok) {
  const newstrace::AnalysisOptions& analysis = config.options;
  Counts c;
  auto start = std::chrono::steady_clock::now();
  for (size_t i = 0; i < docs.size(); ++i) {
    auto article = newstrace::Extract(docs[i], extract);
    if (ok != nullptr) (*ok)[i] = article.ok();
    if (!article.ok()) {
      ++c.failed;
      continue;
    }
    newstrace::Record record;
    record.article = std::move(article).value();
    newstrace::AnalyzeArticle(analysis, &record);
    c.quotes += record.quotes.size();
    c.entities += record.entities.size();
    c.figures += record.figures.size();
    if (config.json) {
      c.json_bytes += newstrace::RecordToJson(record, {}).size();
    }
    if (keep != nullptr) (*keep)[i] = std::move(record);
  }
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  *counts = c;
  return secs;
}

}  // namespace

int main(int argc, char** argv) {
  std::string input;
  std::string dump_json;
  int repeat = 3;
  bool detect_language = true;
  std::string only;  // run this configuration only (for callgrind)
  bool with_json = false;
  bool signals = true;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--dump-json") == 0 && i + 1 < argc) {
      dump_json = argv[++i];
    } else if (std::strcmp(argv[i], "--with-json") == 0) {
      with_json = true;
    } else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
      only = argv[++i];
    } else if (std::strcmp(argv[i], "--no-signals") == 0) {
      signals = false;
    } else if (std::strcmp(argv[i], "--no-language") == 0) {
      detect_language = false;
    } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      std::fprintf(stderr,
                   "usage: analyze_runner [TEXTS.jsonl|-] [--repeat N] "
                   "[--no-language] [--dump-json FILE] [--only CONFIG] "
                   "[--with-json] [--no-signals]\n");
      return 2;
    } else {
      input = argv[i];
    }
  }

  std::ifstream file;
  std::istream* in = &std::cin;
  if (!input.empty() && input != "-") {
    file.open(input);
    if (!file) {
      std::fprintf(stderr, "analyze_runner: cannot read %s\n", input.c_str());
      return 1;
    }
    in = &file;
  }
  std::vector<newstrace::RawDoc> docs;
  size_t total_bytes = 0;
  std::string line;
  size_t line_no = 0;
  while (std::getline(*in, line)) {
    ++line_no;
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") ||
        !j["text"].is_string()) {
      std::fprintf(stderr, "analyze_runner: line %zu: not {\"id\",\"text\"}\n",
                   line_no);
      return 1;
    }
    newstrace::RawDoc doc;
    doc.id = j.contains("id") && j["id"].is_string()
                 ? j["id"].get<std::string>()
                 : std::to_string(line_no);
    doc.bytes = j["text"].get<std::string>();
    doc.format = newstrace::Format::kText;
    total_bytes += doc.bytes.size();
    docs.push_back(std::move(doc));
  }

  newstrace::ExtractOptions extract;
  extract.format = newstrace::Format::kText;
  extract.detect_language = detect_language;

  // The three analysis configurations, then the same again writing each
  // record as JSON: the analyze verb's work per article (without file I/O).
  std::array<Config, 6> configs = {{
      {"off", {false, false, false}, false},
      {"quotes_entities", {true, true, false}, false},
      {"all", {true, true, true}, false},
      {"off_json", {false, false, false}, true},
      {"quotes_entities_json", {true, true, false}, true},
      {"all_json", {true, true, true}, true},
  }};
  for (Config& c : configs) c.options.signals = signals;
  const size_t n_configs = with_json ? configs.size() : 3;
  std::array<double, 6> best;
  best.fill(std::numeric_limits<double>::max());
  Counts counts;
  if (!only.empty()) {
    // One configuration, no warm-up: for instruction counts (callgrind),
    // which a noisy machine does not disturb.
    for (const Config& c : configs) {
      if (c.name != only) continue;
      Counts n;
      for (int r = 0; r < repeat; ++r) {
        Pass(docs, extract, c, &n, nullptr, nullptr);
      }
      std::fprintf(stderr, "%s: %d passes\n", only.c_str(), repeat);
      return 0;
    }
    std::fprintf(stderr, "analyze_runner: unknown configuration %s\n",
                 only.c_str());
    return 2;
  }
  // A warm-up pass (not timed) so the first configuration does not pay for
  // cold caches and first-touch allocations alone.
  Pass(docs, extract, configs[2], &counts, nullptr, nullptr);
  for (int r = 0; r < repeat; ++r) {
    for (size_t c = 0; c < n_configs; ++c) {
      Counts pass_counts;
      double secs =
          Pass(docs, extract, configs[c], &pass_counts, nullptr, nullptr);
      best[c] = std::min(best[c], secs);
      if (c == 2) counts = pass_counts;
    }
  }

  if (!dump_json.empty()) {
    std::vector<newstrace::Record> records(docs.size());
    std::vector<char> ok(docs.size(), 0);
    Counts ignored;
    Pass(docs, extract, configs[2], &ignored, &records, &ok);
    std::ofstream out(dump_json);
    for (size_t i = 0; i < docs.size(); ++i) {
      if (!ok[i]) {
        out << "failed\n";
        continue;
      }
      records[i].article.id = docs[i].id;
      out << newstrace::RecordToJson(records[i], {}) << "\n";
    }
  }

  nlohmann::json seconds;
  for (size_t c = 0; c < n_configs; ++c) seconds[configs[c].name] = best[c];
  nlohmann::json summary = {
      {"docs", docs.size()},
      {"bytes", total_bytes},
      {"repeat", repeat},
      {"seconds", seconds},
      {"ratio_all", best[2] / best[0]},
      {"ratio_quotes_entities", best[1] / best[0]},
      {"quotes", counts.quotes},
      {"entities", counts.entities},
      {"figures", counts.figures},
      {"failed", counts.failed},
  };
  if (with_json) {
    summary["ratio_all_json"] = best[5] / best[3];
    summary["ratio_quotes_entities_json"] = best[4] / best[3];
  }
  std::cout << summary.dump() << "\n";
  std::fprintf(stderr,
               "analyze_runner: %zu texts, %.2f MB, best of %d, one thread\n",
               docs.size(), total_bytes / 1e6, repeat);
  for (size_t c = 0; c < n_configs; ++c) {
    double base = c < 3 ? best[0] : best[3];
    std::fprintf(stderr, "  %-20s %8.4f s  %7.1f texts/s  x%.3f\n",
                 configs[c].name, best[c], docs.size() / best[c],
                 best[c] / base);
  }
  std::fprintf(stderr, "  quotes %zu, entities %zu, figures %zu, failed %zu\n",
               counts.quotes, counts.entities, counts.figures, counts.failed);
  return 0;
}
