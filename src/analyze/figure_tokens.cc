#include "analyze/figure_tokens.h"

#include "base/strings.h"
#include "base/utf8.h"

namespace newstrace::analyze::figure_internal {
namespace {

bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D);
}

// Scans the number starting at the digit s[*pos]: digits, and '.' or ','
// when a digit follows. Well-formed: "1234", "1234.5", "1,234,567.89".
void ScanNumber(std::string_view s, size_t* pos, Token* t) {
  size_t p = *pos;
  int commas = 0, dots = 0;
  size_t group = 0;
  bool ok = true;
  while (p < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[p]);
    if (IsAsciiDigit(c)) {
      ++group;
      ++p;
      continue;
    }
    if ((c == '.' || c == ',') && p + 1 < s.size() &&
        IsAsciiDigit(static_cast<unsigned char>(s[p + 1]))) {
      if (dots > 0) {
        ok = false;
      } else if (c == ',') {
        if (commas == 0 ? group > 3 : group != 3) ok = false;
        ++commas;
      } else {
        if (commas > 0 && group != 3) ok = false;
        ++dots;
      }
      group = 0;
      ++p;
      continue;
    }
    break;
  }
  if (commas > 0 && dots == 0 && group != 3) ok = false;
  t->kind = Tok::kNumber;
  t->bad = !ok;
  t->has_sep = commas + dots > 0;
  *pos = p;
}

// End of the letter run starting at s[p].
size_t ScanWordEnd(std::string_view s, size_t p) {
  while (p < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[p]);
    if (c < 0x80) {
      if (!IsAsciiAlpha(c)) break;
      ++p;
      continue;
    }
    size_t next = p;
    if (!base::IsLetter(base::NextMultiByteCodePoint(s, &next))) break;
    p = next;
  }
  return p;
}

// End of the non-space chunk holding s[p].
size_t SkipToSpace(std::string_view s, size_t p) {
  while (p < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[p]);
    if (c < 0x80) {
      if (IsAsciiSpace(c)) break;
      ++p;
      continue;
    }
    size_t next = p;
    if (base::IsSpace(base::NextMultiByteCodePoint(s, &next))) break;
    p = next;
  }
  return p;
}

}  // namespace

void Tokenize(std::string_view text, Span r, std::vector<Token>* toks) {
  toks->clear();
  const std::string_view s = text.substr(0, r.end);  // never read past r
  size_t pos = r.begin;
  bool space = true;
  size_t chunk_begin = pos;
  size_t chunk_tok = 0;
  while (pos < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    char32_t cp = c;
    size_t next = pos + 1;
    if (c >= 0x80) {
      next = pos;
      cp = base::NextMultiByteCodePoint(s, &next);
    }
    if (c < 0x80 ? IsAsciiSpace(c) : base::IsSpace(cp)) {
      space = true;
      pos = next;
      continue;
    }
    if (space) {
      chunk_begin = pos;
      chunk_tok = toks->size();
    }
    Token t;
    t.begin = pos;
    t.space_before = space;
    space = false;
    bool opaque = false;
    if (IsAsciiDigit(c)) {
      ScanNumber(s, &pos, &t);
    } else if (c < 0x80 ? IsAsciiAlpha(c) : base::IsLetter(cp)) {
      pos = ScanWordEnd(s, next);
      t.kind = Tok::kWord;
      std::string_view w = s.substr(t.begin, pos - t.begin);
      t.word = LookupFigureWord(w);
      opaque = w.size() == 3 && base::EqualsIgnoreCase(w, "www") &&
               pos < s.size() && s[pos] == '.';
    } else {
      t.kind = Tok::kSymbol;
      t.sym = cp;
      pos = next;
      opaque = c == '@' || (c == ':' && s.substr(pos, 2) == "//");
    }
    if (opaque) {  // a URL or an e-mail address: one token, never read
      toks->resize(chunk_tok);
      Token o;
      o.kind = Tok::kOpaque;
      o.begin = chunk_begin;
      o.space_before = true;
      pos = SkipToSpace(s, pos);
      o.end = pos;
      toks->push_back(o);
      continue;
    }
    t.end = pos;
    toks->push_back(t);
  }
}

bool IsOpenPunct(char32_t c) {
  return c == '(' || c == '[' || c == '"' || c == '\'' || c == kLeftQuote ||
         c == kLeftDoubleQuote || c == kEmDash;
}
bool IsClosePunct(char32_t c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' ||
         c == ')' || c == ']' || c == '"' || c == '\'' || c == kRightQuote ||
         c == kRightDoubleQuote || c == kEllipsis || c == kEmDash;
}

}  // namespace newstrace::analyze::figure_internal
