// UTF-8 validation, repair, code point access and Unicode normalization.
//
// All functions are pure and thread-safe. Views returned point into the
// argument and live as long as it does.
#ifndef NEWSTRACE_BASE_UTF8_H_
#define NEWSTRACE_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newstrace::base {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past
// U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Appends `s` to `out` with every ill-formed sequence replaced by U+FFFD
// (one per maximal ill-formed subpart). Returns how many were replaced.
size_t RepairUtf8(std::string_view s, std::string* out);

// Decodes the code point at s[*pos] and advances *pos past it. An ill-formed
// byte yields kReplacementChar and advances by one.
// REQUIRES: *pos < s.size().
char32_t NextMultiByteCodePoint(std::string_view s, size_t* pos);
inline char32_t NextCodePoint(std::string_view s, size_t* pos) {
  unsigned char c = static_cast<unsigned char>(s[*pos]);
  if (c < 0x80) {  // inline for ASCII, the common case
    ++*pos;
    return c;
  }
  return NextMultiByteCodePoint(s, pos);
}

// Writes the UTF-8 encoding of `cp` (kReplacementChar if out of range or
// a surrogate) at `out`, which has room for 4 bytes; returns its length.
size_t EncodeUtf8(char32_t cp, char* out);

// Appends the UTF-8 encoding of `cp` (kReplacementChar if out of range).
void AppendUtf8(char32_t cp, std::string* out);

// Returns `s` in Unicode Normalization Form C. Pure ASCII input is returned
// as is without work.
// REQUIRES: IsValidUtf8(s).
std::string NormalizeNfc(std::string_view s);
// NormalizeNfc in place: leaves *s untouched (no copy) when it is already
// NFC, as typical text is. REQUIRES: IsValidUtf8(*s).
void NormalizeNfcInPlace(std::string* s);

// Unicode character classes (via utf8proc).
bool IsLetter(char32_t cp);
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);
bool IsDigit(char32_t cp);
bool IsSpace(char32_t cp);        // includes NBSP and other Zs, \t\n\v\f\r
bool IsPunctuation(char32_t cp);  // Unicode P* categories
char32_t ToLower(char32_t cp);

// Number of code points in well-formed `s` (counts non-continuation bytes).
size_t CodePointCount(std::string_view s);

}  // namespace newstrace::base

#endif  // NEWSTRACE_BASE_UTF8_H_
