// Helpers for the corpus verbs (corpus_flags.h).
#include "cli/corpus_flags.h"

#include <cmath>
#include <cstdio>

namespace newstrace::cli {

std::unique_ptr<Corpus> OpenCorpusOrReport(const std::string& db,
                                           bool read_only, int* exit_code) {
  CorpusOptions options;
  options.read_only = read_only;
  Result<std::unique_ptr<Corpus>> corpus = Corpus::Open(db, options);
  if (!corpus.ok()) {
    PrintError(db, corpus.status());
    *exit_code = ExitCodeFor(corpus.status());
    return nullptr;
  }
  return std::move(*corpus);
}

std::string WithThousands(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Clock(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  uint64_t s = static_cast<uint64_t>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof(buf), "%llu:%02llu:%02llu",
                  static_cast<unsigned long long>(s / 3600),
                  static_cast<unsigned long long>(s / 60 % 60),
                  static_cast<unsigned long long>(s % 60));
  } else {
    std::snprintf(buf, sizeof(buf), "%llu:%02llu",
                  static_cast<unsigned long long>(s / 60),
                  static_cast<unsigned long long>(s % 60));
  }
  return buf;
}

}  // namespace newstrace::cli
