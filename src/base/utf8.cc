#include "base/utf8.h"

#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "base/byte_scan.h"

namespace newstrace::base {
namespace {

// Length of the well-formed sequence starting at s[i], or 0 when ill-formed.
// Follows the Unicode table of well-formed byte sequences (Table 3-7).
size_t WellFormedLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) -> unsigned {
    return static_cast<unsigned char>(s[k]);
  };
  const size_t n = s.size();
  unsigned c = b(i);
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    if (i + 1 < n && (b(i + 1) & 0xC0) == 0x80) return 2;
    return 0;
  }
  if (c < 0xF0) {
    if (i + 2 >= n) return 0;
    unsigned c1 = b(i + 1);
    unsigned lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
    if (c1 < lo || c1 > hi) return 0;
    if ((b(i + 2) & 0xC0) != 0x80) return 0;
    return 3;
  }
  if (c < 0xF5) {
    if (i + 3 >= n) return 0;
    unsigned c1 = b(i + 1);
    unsigned lo = 0x80, hi = 0xBF;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    if (c1 < lo || c1 > hi) return 0;
    if ((b(i + 2) & 0xC0) != 0x80 || (b(i + 3) & 0xC0) != 0x80) return 0;
    return 4;
  }
  return 0;
}

// Length of the maximal ill-formed subpart at s[i] (at least 1): a lead
// byte followed by the continuation bytes that could still have completed it.
size_t IllFormedLength(std::string_view s, size_t i) {
  unsigned c = static_cast<unsigned char>(s[i]);
  size_t want = 0;
  if (c >= 0xC2 && c < 0xE0)
    want = 2;
  else if (c >= 0xE0 && c < 0xF0)
    want = 3;
  else if (c >= 0xF0 && c < 0xF5)
    want = 4;
  if (want == 0) return 1;
  size_t k = 1;
  while (k < want && i + k < s.size()) {
    unsigned cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) break;
    if (k == 1) {
      if (c == 0xE0 && cc < 0xA0) break;
      if (c == 0xED && cc > 0x9F) break;
      if (c == 0xF0 && cc < 0x90) break;
      if (c == 0xF4 && cc > 0x8F) break;
    }
    ++k;
  }
  return k;
}

utf8proc_propval_t Category(char32_t cp) {
  if (cp > 0x10FFFF) return UTF8PROC_CATEGORY_CN;
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

}  // namespace

// Index of the first byte >= 0x80 at or after `i`, or s.size().
size_t SkipAscii(std::string_view s, size_t i) { return FindNonAscii(s, i); }

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    i = SkipAscii(s, i);
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = WellFormedLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

size_t RepairUtf8(std::string_view s, std::string* out) {
  size_t replaced = 0;
  out->reserve(out->size() + s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t run = SkipAscii(s, i);
    out->append(s.data() + i, run - i);
    i = run;
    if (i >= s.size()) break;
    size_t len = WellFormedLength(s, i);
    if (len > 0) {
      out->append(s.data() + i, len);
      i += len;
    } else {
      AppendUtf8(kReplacementChar, out);
      ++replaced;
      i += IllFormedLength(s, i);
    }
  }
  return replaced;
}

char32_t NextMultiByteCodePoint(std::string_view s, size_t* pos) {
  size_t i = *pos;
  unsigned c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *pos = i + 1;
    return c;
  }
  // Two- and three-byte sequences (Latin letters, punctuation) decoded in
  // line; the same checks as WellFormedLength, which handles the rest.
  const auto b = [&](size_t k) -> unsigned {
    return static_cast<unsigned char>(s[k]);
  };
  if (c >= 0xC2 && c < 0xE0) {
    if (i + 1 < s.size() && (b(i + 1) & 0xC0) == 0x80) {
      *pos = i + 2;
      return ((c & 0x1F) << 6) | (b(i + 1) & 0x3F);
    }
  } else if (c >= 0xE0 && c < 0xF0 && i + 2 < s.size()) {
    const unsigned c1 = b(i + 1), c2 = b(i + 2);
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned hi = c == 0xED ? 0x9F : 0xBF;
    if (c1 >= lo && c1 <= hi && (c2 & 0xC0) == 0x80) {
      *pos = i + 3;
      return ((c & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
    }
  }
  size_t len = WellFormedLength(s, i);
  if (len == 0) {
    *pos = i + 1;
    return kReplacementChar;
  }
  char32_t cp;
  if (len == 2) {
    cp = c & 0x1F;
  } else if (len == 3) {
    cp = c & 0x0F;
  } else {
    cp = c & 0x07;
  }
  for (size_t k = 1; k < len; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  *pos = i + len;
  return cp;
}

size_t EncodeUtf8(char32_t cp, char* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

void AppendUtf8(char32_t cp, std::string* out) {
  char buf[4];
  out->append(buf, EncodeUtf8(cp, buf));
}

namespace {

// NfcSensitive(cp) from the Unicode tables, for cp >= U+0300.
bool NfcSensitiveLookup(char32_t cp) {
  if (cp >= 0x1100 && cp <= 0x11FF) return true;
  if (cp > 0x10FFFF) return false;
  const utf8proc_property_t* p =
      utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  if (p->combining_class != 0 || p->comp_exclusion) return true;
  if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0) return true;
  if (p->comb_index != UINT16_MAX && p->comb_index >= 0x8000) return true;
  return false;
}

// General Punctuation (U+2000..U+206F: quotes, dashes, ellipsis) is in
// most news text: its answers are looked up once.
constexpr char32_t kPunctuationBegin = 0x2000, kPunctuationEnd = 0x2070;

// True when `cp` may change under NFC or change its neighbour: a combining
// mark, a character with a canonical decomposition or excluded from
// composition, a possible second element of a composition, or Hangul jamo.
// Code points below U+0300 never do.
bool NfcSensitive(char32_t cp) {
  if (cp < 0x300) return false;
  if (cp >= kPunctuationBegin && cp < kPunctuationEnd) {
    static const std::array<bool, kPunctuationEnd - kPunctuationBegin> kTable =
        [] {
          std::array<bool, kPunctuationEnd - kPunctuationBegin> t{};
          for (char32_t c = kPunctuationBegin; c < kPunctuationEnd; ++c) {
            t[c - kPunctuationBegin] = NfcSensitiveLookup(c);
          }
          return t;
        }();
    return kTable[cp - kPunctuationBegin];
  }
  return NfcSensitiveLookup(cp);
}

// NFC of a short, valid piece via utf8proc (which allocates).
void AppendNfcPiece(std::string_view piece, std::string* out) {
  utf8proc_uint8_t* result = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(piece.data()),
      static_cast<utf8proc_ssize_t>(piece.size()), &result,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0 || result == nullptr) {
    out->append(piece);  // ill-formed: callers repair first; keep the bytes
  } else {
    out->append(reinterpret_cast<const char*>(result), static_cast<size_t>(n));
  }
  std::free(result);
}

}  // namespace

// NFC is applied only around runs of NFC-sensitive code points: a boundary
// before a code point that is not sensitive (a starter that cannot be the
// second of a composition) is a safe place to cut, so each run is
// normalized together with the one code point before it, and everything
// else is copied as is. Typical news text has no such run at all.
namespace {

// Writes the NFC of `s` to *out (empty on entry) and returns true, or
// returns false when `s` is already NFC.
bool NfcInto(std::string_view s, std::string* out_ptr) {
  std::string& out = *out_ptr;
  size_t copied = 0;      // s[0, copied) is in `out`
  size_t prev_start = 0;  // start of the code point before i
  size_t i = 0;
  while (i < s.size()) {
    const unsigned c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      size_t next = SkipAscii(s, i);
      prev_start = next - 1;
      i = next;
      continue;
    }
    size_t start = i;
    if (c >= 0xC2 && c < 0xCC && i + 1 < s.size() &&
        (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      // U+0080..U+02FF (a well-formed pair): never sensitive.
      prev_start = start;
      i += 2;
      continue;
    }
    if (!NfcSensitive(NextCodePoint(s, &i))) {
      prev_start = start;
      continue;
    }
    // A sensitive run: from the code point before it to the next
    // non-sensitive one.
    size_t run_begin = start > 0 ? prev_start : start;
    if (run_begin < copied) run_begin = copied;
    size_t run_end = i;
    while (run_end < s.size()) {
      size_t next = run_end;
      if (!NfcSensitive(NextCodePoint(s, &next))) break;
      run_end = next;
    }
    if (out.empty()) out.reserve(s.size());
    out.append(s.data() + copied, run_begin - copied);
    AppendNfcPiece(s.substr(run_begin, run_end - run_begin), &out);
    copied = run_end;
    i = run_end;
    prev_start = run_end;
  }
  if (copied == 0) return false;
  out.append(s.data() + copied, s.size() - copied);
  return true;
}

}  // namespace

std::string NormalizeNfc(std::string_view s) {
  std::string out;
  if (!NfcInto(s, &out)) return std::string(s);
  return out;
}

void NormalizeNfcInPlace(std::string* s) {
  std::string out;
  if (NfcInto(*s, &out)) *s = std::move(out);
}

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  auto c = Category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  auto c = Category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return Category(cp) == UTF8PROC_CATEGORY_LL;
}

bool IsDigit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return Category(cp) == UTF8PROC_CATEGORY_ND;
}

bool IsSpace(char32_t cp) {
  if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D)) return true;
  if (cp < 0x80) return false;
  auto c = Category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
         c == UTF8PROC_CATEGORY_ZP || cp == 0x85;
}

bool IsPunctuation(char32_t cp) {
  auto c = Category(cp);
  return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

char32_t ToLower(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  }
  if (cp > 0x10FFFF) return cp;
  return static_cast<char32_t>(
      utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

size_t CodePointCount(std::string_view s) {
  return s.size() - CountContinuationBytes(s);
}

}  // namespace newstrace::base
