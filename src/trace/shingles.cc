#include "trace/shingles.h"

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

namespace {

// MurmurHash3's 64-bit finalizer: every input bit reaches every output bit.
inline uint64_t Fmix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDull;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ull;
  x ^= x >> 33;
  return x;
}

}  // namespace

// A window's hash is a polynomial in its words' folded hashes, updated in
// O(1) as the window slides (a Rabin-Karp rolling hash mod 2^64), then
// finalized: two windows hash alike only when their words do (up to 64-bit
// collisions of the word hashes, which are themselves XXH3).
std::vector<uint64_t> ShingleHashes(const std::vector<Token>& tokens,
                                    int size) {
  std::vector<uint64_t> out;
  if (tokens.empty()) return out;
  constexpr uint64_t kBase = 0x9E3779B97F4A7C15ull;  // odd
  const size_t k = std::min<size_t>(size, tokens.size());
  uint64_t top = 1;  // kBase^(k-1)
  for (size_t i = 1; i < k; ++i) top *= kBase;
  uint64_t h = 0;
  for (size_t i = 0; i < k; ++i) h = h * kBase + tokens[i].folded;
  out.resize(tokens.size() - k + 1);
  out[0] = Fmix64(h ^ k);
  for (size_t i = 1; i < out.size(); ++i) {
    h = (h - tokens[i - 1].folded * top) * kBase + tokens[i + k - 1].folded;
    out[i] = Fmix64(h ^ k);
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
