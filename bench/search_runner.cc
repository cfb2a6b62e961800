// Times Corpus::Search on a stored corpus: one line per query from a file,
// each run `--repeat` times; prints one JSON object with the latencies (ms)
// per query class. Used by bench/corpus_bench.py.
//
// Usage: search_runner DB QUERIES_FILE [--repeat N] [--limit K]
// Each line of QUERIES_FILE is "CLASS<TAB>QUERY".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newstrace/corpus.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: search_runner DB QUERIES [--repeat N] [--limit K]\n");
    return 2;
  }
  int repeat = 3;
  size_t limit = 20;
  for (int i = 3; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--repeat") repeat = std::stoi(argv[i + 1]);
    if (flag == "--limit") limit = std::stoul(argv[i + 1]);
  }
  newstrace::CorpusOptions options;
  options.read_only = true;
  auto corpus = newstrace::Corpus::Open(argv[1], options);
  if (!corpus.ok()) {
    std::fprintf(stderr, "search_runner: %s\n",
                 corpus.status().message().c_str());
    return 1;
  }
  std::ifstream in(argv[2]);
  std::string line;
  std::map<std::string, std::vector<double>> latencies;
  std::map<std::string, size_t> hits;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string cls = line.substr(0, tab);
    newstrace::SearchQuery q;
    q.text = line.substr(tab + 1);
    q.limit = limit;
    for (int r = 0; r < repeat; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      auto result = (*corpus)->Search(q);
      auto t1 = std::chrono::steady_clock::now();
      if (!result.ok()) {
        std::fprintf(stderr, "search_runner: %s: %s\n", q.text.c_str(),
                     result.status().message().c_str());
        return 1;
      }
      latencies[cls].push_back(
          std::chrono::duration<double, std::milli>(t1 - t0).count());
      if (r == 0) hits[cls] += result->size();
    }
  }
  nlohmann::json out;
  for (auto& [cls, v] : latencies) {
    std::sort(v.begin(), v.end());
    auto pct = [&](double p) {
      size_t i =
          static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
      return v[std::min(i, v.size() - 1)];
    };
    out[cls] = {{"queries", v.size()},
                {"median_ms", pct(0.5)},
                {"p99_ms", pct(0.99)},
                {"max_ms", v.back()},
                {"hits", hits[cls]}};
  }
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
