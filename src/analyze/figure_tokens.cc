#include "analyze/figure_tokens.h"

#include <array>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/strings.h"
#include "base/utf8.h"

namespace newstrace::analyze::figure_internal {
namespace {

enum class ByteClass : uint8_t { kOther, kSpace, kAlpha, kDigit, kHigh };

// The class of each byte: ASCII whitespace (\t..\r and ' '), letters,
// digits, other ASCII (a symbol), and the bytes of multi-byte sequences.
constexpr std::array<ByteClass, 256> kByteClass = [] {
  std::array<ByteClass, 256> t{};
  for (int c = 0; c < 256; ++c) {
    ByteClass k = ByteClass::kOther;
    if (c >= 0x80) {
      k = ByteClass::kHigh;
    } else if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
      k = ByteClass::kSpace;
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      k = ByteClass::kAlpha;
    } else if (c >= '0' && c <= '9') {
      k = ByteClass::kDigit;
    }
    t[c] = k;
  }
  return t;
}();

// The ASCII word starting at the letter p[0], when it ends before p[15] at
// an ASCII byte: its length in *len and its packing (PackFigureWord) in
// *lo, *hi. REQUIRES: p[0, 16) is readable.
bool CutAsciiWord(const char* p, size_t* len, uint64_t* lo, uint64_t* hi) {
#if defined(__SSE2__)
  alignas(16) static constexpr std::array<std::array<uint8_t, 16>, 16> kPrefix =
      [] {
        std::array<std::array<uint8_t, 16>, 16> t{};
        for (size_t n = 0; n < 16; ++n) {
          for (size_t i = 0; i < n; ++i) t[n][i] = 0xFF;
        }
        return t;
      }();
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
  const __m128i d = _mm_sub_epi8(lower, _mm_set1_epi8('a'));
  const __m128i letter =
      _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(25)), d);  // d <= 25
  const unsigned other =
      ~static_cast<unsigned>(_mm_movemask_epi8(letter)) & 0xFFFFu;
  if (other == 0) return false;  // 16 letters or more
  const unsigned n = static_cast<unsigned>(__builtin_ctz(other));
  if ((static_cast<unsigned>(_mm_movemask_epi8(v)) >> n) & 1u) {
    return false;  // a multi-byte character follows: maybe a letter
  }
  const __m128i key = _mm_and_si128(
      lower,
      _mm_load_si128(reinterpret_cast<const __m128i*>(kPrefix[n].data())));
  *lo = static_cast<uint64_t>(_mm_cvtsi128_si64(key));
  *hi = static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(key, key)));
  *len = n;
  return true;
#else
  (void)p;
  (void)len;
  (void)lo;
  (void)hi;
  return false;
#endif
}

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

size_t Tokenize(std::string_view text, Span r, const FigureWordIndex& words,
                TokenBuffer* buf, size_t* n_starts) {
  Token* out = buf->tokens();
  size_t* starts = buf->starts();  // n_starts <= n < capacity
  size_t capacity = buf->capacity();
  const std::string_view s = text.substr(0, r.end);  // never read past r
  const char* const p = s.data();
  const size_t end = s.size();
  const auto byte = [p](size_t i) { return static_cast<unsigned char>(p[i]); };
  size_t n = 0;
  size_t ns = 0;  // starts written
  size_t pos = r.begin;
  bool space = true;
  size_t chunk_begin = pos;
  size_t chunk_tok = 0;
  while (pos < end) {
    const unsigned char c = byte(pos);
    ByteClass cls = kByteClass[c];
    if (cls == ByteClass::kSpace) {
      space = true;
      ++pos;
      continue;
    }
    char32_t cp = c;
    size_t next = pos + 1;
    if (cls == ByteClass::kHigh) {
      next = pos;
      cp = base::NextMultiByteCodePoint(s, &next);
      if (base::IsSpace(cp)) {
        space = true;
        pos = next;
        continue;
      }
      cls = base::IsLetter(cp) ? ByteClass::kAlpha : ByteClass::kOther;
    }
    if (space) {
      chunk_begin = pos;
      chunk_tok = n;
    }
    if (n == capacity) {
      buf->Grow(n, ns);
      out = buf->tokens();
      starts = buf->starts();
      capacity = buf->capacity();
    }
    Token& t = out[n];
    t.begin = pos;
    t.space_before = space;
    t.bad = false;
    t.has_sep = false;
    t.sym = 0;
    t.word = nullptr;
    space = false;
    bool opaque = false;
    bool start;  // may start a figure
    if (cls == ByteClass::kDigit) {
      ScanNumber(s, &pos, &t);
      start = true;
    } else if (cls == ByteClass::kAlpha) {
      t.kind = Tok::kWord;
      if (c < 0x80) {
        size_t q;
        bool ascii;  // the word is ASCII letters only: may be in the table
        uint64_t lo, hi;
        uintptr_t tagged = 0;
        if (end - pos >= 16 && CutAsciiWord(p + pos, &q, &lo, &hi)) {
          tagged = words.FindPacked(lo, hi);
          q += pos;
          ascii = true;
        } else {
          q = next;
          while (q < end && kByteClass[byte(q)] == ByteClass::kAlpha) ++q;
          const size_t ascii_end = q;
          if (q < end && byte(q) >= 0x80) q = ScanWordEnd(s, q);
          ascii = q == ascii_end;
          if (ascii && q - pos <= kMaxFigureWordLen) {
            PackFigureWord(p + pos, q - pos, &lo, &hi);
            tagged = words.FindPacked(lo, hi);
          }
        }
        t.word = FigureWordIndex::Untag(tagged);
        start = (tagged & 1) != 0;
        opaque = ascii && q - pos == 3 && q < end && p[q] == '.' &&
                 base::EqualsIgnoreCase(s.substr(pos, 3), "www");
        pos = q;
      } else {
        pos = ScanWordEnd(s, next);
        start = false;
      }
    } else {
      t.kind = Tok::kSymbol;
      t.sym = cp;
      pos = next;
      opaque = c == '@' || (c == ':' && s.substr(pos, 2) == "//");
      // The signs and currencies of Matcher::MatchSymbol.
      start = c == '$' || c == '-' || cp == 0xA3 || cp == 0x20AC ||
              cp == 0xA5 || cp == kMinusSign;
    }
    if (opaque) {  // a URL or an e-mail address: one token, never read
      n = chunk_tok;
      while (ns > 0 && starts[ns - 1] >= n) --ns;
      Token& o = out[n++];
      o.kind = Tok::kOpaque;
      o.begin = chunk_begin;
      o.space_before = true;
      o.bad = false;
      o.has_sep = false;
      o.sym = 0;
      o.word = nullptr;
      pos = SkipToSpace(s, pos);
      o.end = pos;
      continue;
    }
    t.end = pos;
    starts[ns] = n;
    ns += start ? 1 : 0;
    ++n;
  }
  *n_starts = ns;
  return n;
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
