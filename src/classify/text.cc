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

size_t AppendTokens(std::string_view text, std::string_view prefix,
                    size_t max_tokens, std::string* out) {
  size_t count = 0;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n && count < max_tokens) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '!' || c == '?') {
      if (!out->empty()) out->push_back(' ');
      out->push_back(static_cast<char>(c));
      ++count;
      ++i;
      continue;
    }
    if (!IsWordByte(c) || c == '\'') {
      ++i;
      continue;
    }
    size_t start = out->size() + (out->empty() ? 0 : 1);
    if (!out->empty()) out->push_back(' ');
    while (i < n && IsWordByte(static_cast<unsigned char>(text[i]))) {
      unsigned char w = static_cast<unsigned char>(text[i]);
      if (w >= 'A' && w <= 'Z') w = static_cast<unsigned char>(w + 32);
      if (w >= '0' && w <= '9') w = '0';
      out->push_back(static_cast<char>(w));
      ++i;
    }
    // A word ends without its trailing apostrophes ("students'").
    while (out->size() > start && out->back() == '\'') out->pop_back();
    if (out->size() == start) {  // only apostrophes
      if (start > 0) out->pop_back();
      continue;
    }
    ++count;
    if (!prefix.empty()) {
      std::string word = out->substr(start);
      out->push_back(' ');
      out->append(prefix);
      out->append(word);
    }
  }
  return count;
}

std::string ClassifierLine(const Record& record, size_t max_tokens,
                           bool headline_only) {
  const Article& a = record.article;
  std::string line;
  line.reserve(std::min<size_t>(a.text.size(), max_tokens * 8) + 64);
  size_t used = AppendTokens(a.title, "t:", max_tokens, &line);
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
