// Micro-benchmarks of the plain-text cleaner (ClassifyTextBlocks): on the
// text golden inputs (tests/golden/extract/text_*/input.txt, a mix of
// tabloid, wire, wrapped, listicle and foreign-language articles, heavy in
// short boilerplate lines), and on synthetic prose articles like those of
// the ingest benchmark. Reports bytes/s; compare runs of two builds
// alternately (machines here are noisy).
//   build/bench/micro_text_bench --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/text_blocks.h"
#include "newstrace/document.h"

namespace {

std::vector<std::string> GoldenTexts() {
  namespace fs = std::filesystem;
  std::vector<fs::path> paths;
  fs::path dir = NEWSTRACE_TEXT_GOLDEN_DIR;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.rfind("text_", 0) == 0 && fs::exists(e.path() / "input.txt")) {
      paths.push_back(e.path() / "input.txt");
    }
  }
  std::sort(paths.begin(), paths.end());  // a stable order across runs
  std::vector<std::string> texts;
  for (const fs::path& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
  }
  return texts;
}

void BM_ClassifyTextBlocks_Golden(benchmark::State& state) {
  const std::vector<std::string> texts = GoldenTexts();
  if (texts.empty()) {
    state.SkipWithError("no text golden inputs found");
    return;
  }
  size_t bytes = 0;
  for (const std::string& t : texts) bytes += t.size();
  newstrace::extract::TextBlocksOptions options;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      newstrace::Article article;
      article.text = t;
      newstrace::extract::ClassifyTextBlocks(options, &article);
      benchmark::DoNotOptimize(article.blocks.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_ClassifyTextBlocks_Golden);

// Synthetic articles shaped like bench/corpus_bench.py's: a title line, then
// 4-8 paragraphs of 2-5 sentences of 8-24 made-up words with Zipf-like
// frequencies. The cleaner's cost here is in features and the vocabulary.
std::vector<std::string> ProseTexts() {
  uint64_t state = 11;
  auto next = [&state](uint64_t n) {  // a fixed LCG: the same text everywhere
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % n;
  };
  static const char* kSyllables[] = {"ba", "de", "fi", "go", "ha", "ju", "ke",
                                     "la", "mo", "nu", "pe", "ri", "su", "ta",
                                     "ve", "wo", "za", "an", "el", "in", "or"};
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) {
    std::string w;
    for (uint64_t k = 0, n = 1 + next(4); k < n; ++k) w += kSyllables[next(21)];
    words.push_back(w);
  }
  // Zipf-like: rank r drawn with probability ~ 1/r via a squared uniform.
  auto word = [&]() -> const std::string& {
    double u = static_cast<double>(next(1000000)) / 1e6;
    return words[static_cast<size_t>(u * u * u * (words.size() - 1))];
  };
  std::vector<std::string> texts;
  for (int a = 0; a < 200; ++a) {
    std::string text;
    for (uint64_t k = 0, n = 5 + next(6); k < n; ++k) {
      text += k == 0 ? "" : " ";
      text += word();
    }
    text[0] = static_cast<char>(text[0] - 32);
    for (uint64_t p = 0, paras = 4 + next(5); p < paras; ++p) {
      text += "\n\n";
      for (uint64_t s = 0, sentences = 2 + next(4); s < sentences; ++s) {
        if (s > 0) text += ' ';
        size_t start = text.size();
        for (uint64_t k = 0, n = 8 + next(17); k < n; ++k) {
          if (k > 0) text += ' ';
          text += word();
        }
        text[start] = static_cast<char>(text[start] - 32);
        text += '.';
      }
    }
    texts.push_back(text);
  }
  return texts;
}

void BM_ClassifyTextBlocks_Prose(benchmark::State& state) {
  const std::vector<std::string> texts = ProseTexts();
  size_t bytes = 0;
  for (const std::string& t : texts) bytes += t.size();
  newstrace::extract::TextBlocksOptions options;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      newstrace::Article article;
      article.text = t;
      newstrace::extract::ClassifyTextBlocks(options, &article);
      benchmark::DoNotOptimize(article.blocks.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_ClassifyTextBlocks_Prose);

}  // namespace

BENCHMARK_MAIN();
