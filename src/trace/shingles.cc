#include "trace/shingles.h"

#include <xxhash.h>

#include <algorithm>

namespace newstrace::trace {

std::vector<Token> BodyTokens(const Article& article) {
  std::vector<Token> tokens;
  tokens.reserve(article.text.size() / 6 + 1);
  bool any_body = false;
  for (const Block& b : article.blocks) {
    if (!IsBodyKind(b.kind) || b.span.end > article.text.size()) continue;
    any_body = true;
    Tokenize(article.SpanText(b.span), static_cast<uint32_t>(b.span.begin),
             &tokens);
  }
  if (!any_body) Tokenize(article.text, 0, &tokens);
  return tokens;
}

std::vector<Token> TextTokens(const Article& article) {
  std::vector<Token> tokens;
  tokens.reserve(article.text.size() / 6 + 1);
  Tokenize(article.text, 0, &tokens);
  return tokens;
}

std::vector<uint64_t> ShingleHashes(const std::vector<Token>& tokens,
                                    int size) {
  std::vector<uint64_t> out;
  if (tokens.empty()) return out;
  std::vector<uint64_t> folded(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) folded[i] = tokens[i].folded;
  const size_t k = std::min<size_t>(size, tokens.size());
  out.resize(tokens.size() - k + 1);
  for (size_t i = 0; i < out.size(); ++i) {
    out[i] = XXH3_64bits(&folded[i], k * sizeof(uint64_t));
  }
  return out;
}

std::vector<uint64_t> ShingleSet(std::vector<uint64_t> hashes) {
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

uint32_t IntersectionSize(const std::vector<uint64_t>& a,
                          const std::vector<uint64_t>& b) {
  uint32_t n = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

}  // namespace newstrace::trace
