// See text.h.
#include "classify/text.h"

#include <algorithm>

#include "base/strings.h"

namespace newstrace::classify {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80 || c == '\'';
}

}  // namespace

// Calls fn(token) for each token of `text` (a word as written, without
// its trailing apostrophes, or "!" / "?"), at most `max_tokens` of them;
// returns the count.
template <typename Fn>
size_t ScanTokens(std::string_view text, size_t max_tokens, Fn fn) {
  size_t count = 0;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n && count < max_tokens) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '!' || c == '?') {
      fn(text.substr(i, 1));
      ++count;
      ++i;
      continue;
    }
    if (!IsWordByte(c) || c == '\'') {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < n && IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    size_t end = i;
    // A word ends without its trailing apostrophes ("students'").
    while (end > start && text[end - 1] == '\'') --end;
    if (end == start) continue;  // only apostrophes
    fn(text.substr(start, end - start));
    ++count;
  }
  return count;
}

size_t AppendTokens(std::string_view text, std::string_view prefix,
                    size_t max_tokens, std::string* out) {
  return ScanTokens(text, max_tokens, [&](std::string_view token) {
    if (!out->empty()) out->push_back(' ');
    out->append(prefix);
    for (char ch : token) {
      unsigned char w = static_cast<unsigned char>(ch);
      if (w >= 'A' && w <= 'Z') w = static_cast<unsigned char>(w + 32);
      if (w >= '0' && w <= '9') w = '0';
      out->push_back(static_cast<char>(w));
    }
  });
}

size_t AppendShapes(std::string_view text, size_t max_tokens,
                    std::string* out) {
  return ScanTokens(text, max_tokens, [&](std::string_view token) {
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
    if (!out->empty()) out->push_back(' ');
    out->append(shape);
  });
}

std::string ClassifierLine(const Record& record, size_t max_tokens,
                           bool headline_only) {
  const Article& a = record.article;
  std::string line;
  line.reserve(std::min<size_t>(a.text.size(), max_tokens * 8) + 64);
  if (!headline_only) AppendTokens(a.title, "t:", max_tokens, &line);
  AppendShapes(a.title, max_tokens, &line);
  size_t used = AppendTokens(a.title, "", max_tokens, &line);
  if (headline_only) return line;
  bool any_block = false;
  for (const Block& b : a.blocks) {
    if (used >= max_tokens) break;
    if (!IsBodyKind(b.kind)) continue;
    any_block = true;
    used += AppendTokens(a.SpanText(b.span), "", max_tokens - used, &line);
  }
  if (!any_block && used < max_tokens && a.blocks.empty()) {
    AppendTokens(a.text, "", max_tokens - used, &line);
  }
  return line;
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
