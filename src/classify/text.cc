// See text.h. Prediction reads a whole article through here, so the scan
// is table-driven and writes straight into a reused buffer.
#include "classify/text.h"

// Inlined XXH3: tokens are a few bytes, where the call into the shared
// library costs as much as the hash. The values are the library's.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <array>

#include "base/strings.h"

namespace newstrace::classify {
namespace {

// What each byte is to the tokenizer. A word starts at a kWord byte and
// runs on over kWord and kApostrophe bytes.
enum ByteKind : uint8_t { kSeparator, kMark, kApostrophe, kWord };

constexpr std::array<uint8_t, 256> kKind = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || c >= 0x80) {
      t[c] = kWord;
    }
  }
  t['\''] = kApostrophe;
  t['!'] = t['?'] = kMark;
  return t;
}();

// A token byte as written: ASCII capitals lowered, digits as '0'.
constexpr std::array<char, 256> kFold = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    int w = c;
    if (w >= 'A' && w <= 'Z') w += 32;
    if (w >= '0' && w <= '9') w = '0';
    t[c] = static_cast<char>(w);
  }
  return t;
}();

// Finds the tokens of `text` (a word as written, without its trailing
// apostrophes, or "!" / "?"), at most `max_tokens` of them, and returns
// the count. Calls fn(token, folded_end) for each: `token` the word in
// `text`; with kWrite, the token is also written folded (kFold) behind
// `prefix` to out[*out_at, folded_end), and *out_at moves past it (by the
// end of the scan). One scanner for
// words and shapes, so they cannot disagree on where tokens are; the fold
// rides along with the scan, as an article's bytes are read once.
// REQUIRES with kWrite: room at `out + *out_at` for every token and
// prefix.
template <bool kWrite, typename Fn>
size_t ScanTokens(std::string_view text, size_t max_tokens,
                  std::string_view prefix, char* out, size_t* out_at, Fn fn) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // A local copy: stores through `out` (a char*) could alias *out_at.
  size_t w = kWrite ? *out_at : 0;
  size_t count = 0;
  size_t i = 0;
  while (i < n && count < max_tokens) {
    const uint8_t kind = kKind[p[i]];
    if (kind == kSeparator || kind == kApostrophe) {
      ++i;  // an apostrophe only continues a word
      continue;
    }
    if constexpr (kWrite) {
      for (char c : prefix) out[w++] = c;
    }
    const size_t start = i;
    if (kind == kMark) {
      if constexpr (kWrite) out[w++] = static_cast<char>(p[i]);
      ++i;
      fn(text.substr(start, 1), w);
      ++count;
      continue;
    }
    do {
      if constexpr (kWrite) out[w++] = kFold[p[i]];
      ++i;
    } while (i < n && kKind[p[i]] >= kApostrophe);
    // A word ends without its trailing apostrophes ("students'"); its
    // first byte is not one, so it keeps at least that.
    size_t end = i;
    while (p[end - 1] == '\'') {
      --end;
      if constexpr (kWrite) --w;
    }
    fn(text.substr(start, end - start), w);
    ++count;
  }
  if constexpr (kWrite) *out_at = w;
  return count;
}

}  // namespace

char* LineTokens::Grow(size_t n) {
  if (bytes_.size() - used_ < n) {
    bytes_.resize(std::max(bytes_.size() * 2, used_ + n));
  }
  return bytes_.data();
}

void LineTokens::Clear() {
  used_ = 0;
  tokens_.clear();
  // Keep a usual article's room, not a rare giant's.
  if (bytes_.size() > kKeepBytes) {
    std::vector<char>().swap(bytes_);
    std::vector<Token>().swap(tokens_);
  }
}

void LineTokens::Push(size_t begin, size_t end) {
  tokens_.push_back({static_cast<uint32_t>(begin),
                     static_cast<uint32_t>(end - begin),
                     XXH3_64bits(bytes_.data() + begin, end - begin)});
  used_ = end;
}

void LineTokens::Add(std::string_view token) {
  char* out = Grow(token.size());
  std::copy(token.begin(), token.end(), out + used_);
  Push(used_, used_ + token.size());
}

void LineTokens::AddLine(std::string_view line) {
  size_t i = 0;
  while (i < line.size()) {
    size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    if (j > i) Add(line.substr(i, j - i));
    i = j + 1;
  }
}

std::string LineTokens::Join() const {
  std::string line;
  line.reserve(used_ + tokens_.size());
  for (size_t i = 0; i < tokens_.size(); ++i) {
    if (i) line.push_back(' ');
    line.append(text(i));
  }
  return line;
}

size_t LineTokens::AddWords(std::string_view text, std::string_view prefix,
                            size_t max_tokens) {
  // Each token is at most its bytes in `text` plus the prefix.
  const size_t room =
      text.size() + prefix.size() * std::min(text.size(), max_tokens);
  char* out = Grow(room);
  const char* base = out;
  size_t w = used_;
  // Inlined into the scan loop: it runs for every token of an article.
  auto add = [&](std::string_view, size_t end) __attribute__((always_inline)) {
    tokens_.push_back({static_cast<uint32_t>(used_),
                       static_cast<uint32_t>(end - used_),
                       XXH3_64bits(base + used_, end - used_)});
    used_ = end;
  };
  return ScanTokens<true>(text, max_tokens, prefix, out, &w, add);
}

size_t LineTokens::AddShapes(std::string_view text, size_t max_tokens) {
  auto add = [&](std::string_view token, size_t) {
    size_t upper = 0, lower = 0, digits = 0;
    for (char ch : token) {
      upper += ch >= 'A' && ch <= 'Z';
      lower += ch >= 'a' && ch <= 'z';
      digits += ch >= '0' && ch <= '9';
    }
    const char* shape = "s:l";
    if (token == "!" || token == "?") {
      shape = "s:p";
    } else if (digits == token.size()) {
      shape = "s:d";
    } else if (upper >= 2 && lower == 0) {
      shape = "s:u";
    } else if (token[0] >= 'A' && token[0] <= 'Z') {
      shape = "s:c";
    }
    Add(shape);
  };
  return ScanTokens<false>(text, max_tokens, {}, nullptr, nullptr, add);
}

void ClassifierTokens(const Record& record, size_t max_tokens,
                      bool headline_only, LineTokens* out) {
  const Article& a = record.article;
  out->Clear();
  if (!headline_only) out->AddWords(a.title, "t:", max_tokens);
  out->AddShapes(a.title, max_tokens);
  size_t used = out->AddWords(a.title, "", max_tokens);
  if (headline_only) return;
  bool any_block = false;
  for (const Block& b : a.blocks) {
    if (used >= max_tokens) break;
    if (!IsBodyKind(b.kind)) continue;
    any_block = true;
    used += out->AddWords(a.SpanText(b.span), "", max_tokens - used);
  }
  if (!any_block && used < max_tokens && a.blocks.empty()) {
    out->AddWords(a.text, "", max_tokens - used);
  }
}

std::string ClassifierLine(const Record& record, size_t max_tokens,
                           bool headline_only) {
  LineTokens tokens;
  ClassifierTokens(record, max_tokens, headline_only, &tokens);
  return tokens.Join();
}

bool IsHeadlineOnly(const Record& record) {
  const Article& a = record.article;
  std::string_view title = base::Trim(a.title);
  for (const Block& b : a.blocks) {
    if (!IsBodyKind(b.kind)) continue;
    std::string_view body = base::Trim(a.SpanText(b.span));
    if (!body.empty() && body != title) return false;
  }
  return true;
}

}  // namespace newstrace::classify
