// Design note. ScanSegment walks the text once, code point by code point,
// with a hand-written UTF-8 decoder that turns any invalid byte into a mark
// (so binary input cannot derail it), and a small classifier: white space,
// word characters, apostrophes, hyphens and marks. Sentence ends look at
// most a few bytes ahead, so the pass stays linear.
#include "analyze/signals_scan.h"

#include <algorithm>
#include <array>
#include <limits>

namespace newstrace::analyze {
namespace {

enum class CharClass : uint8_t { kSpace, kWord, kApostrophe, kHyphen, kMark };

// The code point at s[i] and its length in *len; invalid UTF-8 (a stray
// continuation byte, a truncated or overlong sequence, a surrogate) is
// U+FFFD of length 1.
char32_t Decode(std::string_view s, size_t i, size_t* len) {
  const auto b = static_cast<unsigned char>(s[i]);
  *len = 1;
  if (b < 0x80) return b;
  int need = 0;
  char32_t cp = 0;
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
    cp = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    need = 2;
    cp = b & 0x0F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    cp = b & 0x07;
  } else {
    return 0xFFFD;
  }
  if (i + need >= s.size()) return 0xFFFD;  // truncated
  for (int k = 1; k <= need; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (c & 0x3F);
  }
  if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    return 0xFFFD;
  }
  *len = static_cast<size_t>(need) + 1;
  return cp;
}

// Classes of bytes (0 for the bytes of multi-byte code points but for
// kAfterRunBit), and their lower-case forms.
constexpr uint8_t kSpaceBit = 1, kWordBit = 2, kUpperBit = 4, kLowerBit = 8,
                  kLetterBit = 16, kUrlFirstBit = 32, kVowelBit = 64,
                  kAfterRunBit = 128;  // may go on a word after ASCII ones

constexpr std::array<uint8_t, 256> kByte = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c <= 0x20; ++c) t[c] = kSpaceBit;
  t[0x7F] = kSpaceBit;
  for (int c = '0'; c <= '9'; ++c) t[c] = kWordBit;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kWordBit | kLowerBit | kLetterBit;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kWordBit | kUpperBit | kLetterBit;
  for (char v : std::string_view("aeiouy")) {
    t[static_cast<unsigned char>(v)] |= kVowelBit;
    t[static_cast<unsigned char>(v - 'a' + 'A')] |= kVowelBit;
  }
  for (char u : std::string_view("hHwW")) {
    t[static_cast<unsigned char>(u)] |= kUrlFirstBit;
  }
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80 || (t[c] & kWordBit) || c == '\'' || c == '-' || c == '.' ||
        c == ',') {
      t[c] |= kAfterRunBit;
    }
  }
  return t;
}();

// The lower-case form of an ASCII letter or digit; 0 for any other byte.
constexpr std::array<uint8_t, 256> kWordLower = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 128; ++c) {
    if (kByte[c] & kWordBit) {
      t[c] = static_cast<uint8_t>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  return t;
}();

// What an ASCII word character adds to a word's counts, in fields of
// kFieldBits: letters, lower-case letters, new vowel groups; bit 63 flags a
// vowel, so that entry >> 56 is the offset of the next character's row.
// Indexed by (kAfterVowel when the previous character was a vowel) | the
// character.
// A run of at most kMaxRun characters cannot overflow a field.
constexpr int kFieldBits = 21;
constexpr uint64_t kFieldMask = (uint64_t{1} << kFieldBits) - 1;
constexpr size_t kMaxRun = size_t{1} << (kFieldBits - 1);
constexpr unsigned kAfterVowel = 128;
constexpr std::array<uint64_t, 256> kCountsAdded = [] {
  std::array<uint64_t, 256> t{};
  for (unsigned after_vowel = 0; after_vowel < 2; ++after_vowel) {
    for (unsigned c = 0; c < 128; ++c) {
      const uint8_t f = kByte[c];
      uint64_t v = 0;
      if (f & kLetterBit) v |= 1;
      if (f & kLowerBit) v |= uint64_t{1} << kFieldBits;
      if ((f & kVowelBit) && !after_vowel) v |= uint64_t{1} << (2 * kFieldBits);
      if (f & kVowelBit) v |= uint64_t{1} << 63;
      t[after_vowel * kAfterVowel + c] = v;
    }
  }
  return t;
}();

// WordHash's constants (FNV-1a, 64 bits).
constexpr uint64_t kFnvBasis = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

constexpr std::array<char, 256> kLower = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return t;
}();

bool IsAsciiAlnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

CharClass Classify(char32_t c) {
  if (c < 0x80) {
    if (IsAsciiAlnum(c)) return CharClass::kWord;
    if (c == '\'') return CharClass::kApostrophe;
    if (c == '-') return CharClass::kHyphen;
    if (c <= 0x20 || c == 0x7F) return CharClass::kSpace;
    return CharClass::kMark;
  }
  if (c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200D) || c == 0x2028 ||
      c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF) {
    return CharClass::kSpace;
  }
  if (c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x2032) {
    return CharClass::kApostrophe;
  }
  if (c == 0x2010 || c == 0x2011) return CharClass::kHyphen;
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return CharClass::kMark;
  if ((c >= 0x2012 && c <= 0x2BFF) || (c >= 0x2E00 && c <= 0x2E7F) ||
      (c >= 0x3001 && c <= 0x303F) || (c >= 0xE000 && c <= 0xF8FF) ||
      (c >= 0xFE10 && c <= 0xFE6F) || (c >= 0xFF01 && c <= 0xFF0F) ||
      (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
      (c >= 0xFF5B && c <= 0xFF65) || (c >= 0xFFF0 && c <= 0xFFFF) ||
      (c >= 0x1F000 && c <= 0x1FAFF)) {
    return CharClass::kMark;
  }
  return CharClass::kWord;
}

// A mark as the ASCII the sentence logic reads.
char MarkAscii(char32_t c) {
  if (c < 0x80) return static_cast<char>(c);
  switch (c) {
    case 0x2026:  // …
    case 0x3002:  // 。
    case 0xFF0E:
      return '.';
    case 0xFF01:
    case 0x203C:  // ‼
      return '!';
    case 0xFF1F:
    case 0x2047:
    case 0x2048:
    case 0x2049:
      return '?';
    case 0xFF1A:
      return ':';
    default:
      return '~';
  }
}

// Abbreviations that a period does not end a sentence after.
bool IsTitleAbbreviation(std::string_view w) {
  static constexpr std::array<std::string_view, 26> kAbbrevs = {
      "mr",  "mrs", "ms",  "dr", "st",   "jr",   "sr",   "prof", "gen",
      "gov", "sen", "rep", "lt", "col",  "capt", "sgt",  "maj",  "rev",
      "hon", "mt",  "ft",  "vs", "cmdr", "adm",  "supt", "insp"};
  if (w.size() == 1) return true;  // an initial
  if (w.size() > 4) return false;
  for (std::string_view a : kAbbrevs) {
    if (a == w) return true;
  }
  return false;
}

// Whether the text after a period at s[i] goes on with a lower-case word
// (looking past white space, quote marks and brackets, at most 16 bytes).
bool LowerCaseFollows(std::string_view s, size_t i) {
  const size_t end = std::min(s.size(), i + 17);
  for (size_t j = i + 1; j < end; ++j) {
    const char c = s[j];
    if (c >= 'a' && c <= 'z') return true;
    if (c == ' ' || c == '"' || c == '\'' || c == ')' || c == '\n') continue;
    return false;
  }
  return false;
}

bool StartsUrl(std::string_view s, size_t i) {
  auto starts = [&](std::string_view p) {
    if (s.size() - i < p.size()) return false;
    for (size_t k = 0; k < p.size(); ++k) {
      char c = s[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != p[k]) return false;
    }
    return true;
  };
  const char c = s[i];
  if (c == 'h' || c == 'H') return starts("http://") || starts("https://");
  if (c == 'w' || c == 'W') return starts("www.");
  return false;
}

// Records mark `m` (or an apostrophe or hyphen outside a word) at text[at]
// after the segment's last word, and counts it. Returns whether words
// still wait for their sentence's end (`pending`, false once m ends it).
bool Mark(char m, std::string_view text, size_t at, const char* lower,
          size_t first_word, bool pending, ScanText* out) {
  if (out->words.size() > first_word && out->words.back().after == 0) {
    out->words.back().after = m;
  }
  if (m == '!') ++out->exclamations;
  if (m == '?') ++out->questions;
  if (!pending) return false;
  if (m == '!' || m == '?') {
    ++out->sentences;
    return false;
  }
  if (m == '.') {
    const ScanWord& last = out->words.back();
    std::string_view word(lower + last.begin, last.size);
    if (!IsTitleAbbreviation(word) && !LowerCaseFollows(text, at)) {
      ++out->sentences;
      return false;
    }
  }
  return true;
}

}  // namespace

void ScanText::Clear() {
  lower.clear();
  words.clear();
  sentences = exclamations = questions = syllables = 0;
}

uint8_t CountSyllables(std::string_view w) {
  size_t groups = 0;
  bool in_vowel = false;
  for (char c : w) {
    const bool vowel =
        c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    if (vowel && !in_vowel) ++groups;
    in_vowel = vowel;
    if (groups > kMaxSyllables) break;
  }
  if (groups > 1 && w.size() >= 2 && w.back() == 'e' &&
      w[w.size() - 2] != 'l') {
    --groups;  // a silent final e: make, hope (but not table)
  }
  return static_cast<uint8_t>(std::clamp<size_t>(groups, 1, kMaxSyllables));
}

void ScanSegment(std::string_view text, ScanText* out) {
  // Offsets are 32-bit: a segment that would overflow them is cut short
  // (4 GiB of words; inputs are capped far below that).
  const size_t room =
      std::numeric_limits<uint32_t>::max() / 2 - out->lower.size();
  if (text.size() > room) text = text.substr(0, room);
  // A word's lower-cased form is never longer than its bytes in the text:
  // write into the room made here, then cut the string to what was used.
  const size_t base = out->lower.size();
  out->lower.resize(base + text.size());
  // Everything the loops touch lives in locals: a store through `dst` may
  // alias any memory, so state read back from *out or a captured variable
  // would be reloaded after every byte written.
  char* const dst = out->lower.data();
  const char* const s = text.data();
  const size_t n = text.size();
  const size_t first_word = out->words.size();
  size_t o = base;
  size_t i = 0;
  size_t syllables = 0;
  bool pending = false;  // words since the last sentence end
  bool segment_start = true;
  while (i < n) {
    const auto b = static_cast<unsigned char>(s[i]);
    const uint8_t f = kByte[b];
    if (f & kSpaceBit) {
      ++i;
      continue;
    }
    char32_t cp = b;
    if (!(f & kWordBit)) {
      if (b < 0x80) {
        pending =
            Mark(static_cast<char>(b), text, i, dst, first_word, pending, out);
        ++i;
        continue;
      }
      size_t len = 1;
      cp = Decode(text, i, &len);
      const CharClass cls = Classify(cp);
      if (cls != CharClass::kWord) {
        if (cls != CharClass::kSpace) {
          const char m = cls == CharClass::kApostrophe ? '\''
                         : cls == CharClass::kHyphen   ? '-'
                                                       : MarkAscii(cp);
          pending = Mark(m, text, i, dst, first_word, pending, out);
        }
        i += len;
        continue;
      }
    }
    // A word starts at i.
    const size_t begin = o;
    size_t letters = 0, lowers = 0, groups = 0;
    uint64_t h = kFnvBasis;
    const bool url = (f & kUrlFirstBit) && StartsUrl(text, i);
    if (url) {
      while (i<n&& static_cast<unsigned char>(s[i])> 0x20) {
        dst[o++] = kLower[static_cast<unsigned char>(s[i++])];
      }
    } else {
      // The row of kCountsAdded for the next character (kAfterVowel on after
      // a vowel).
      const uint64_t* row = kCountsAdded.data();
      for (;;) {
        // The hot loop: a run of ASCII letters and digits.
        const char* const from = s + i;
        char* const to = dst + o;
        const size_t limit = std::min(n - i, kMaxRun);
        uint64_t counts = 0;
        size_t k = 0;
        for (; k < limit; ++k) {
          const auto c = static_cast<unsigned char>(from[k]);
          const uint8_t l = kWordLower[c];
          if (l == 0) break;
          to[k] = static_cast<char>(l);
          h = (h ^ l) * kFnvPrime;
          const uint64_t added = row[c];
          counts += added;
          row = kCountsAdded.data() + (added >> 56);
        }
        i += k;
        o += k;
        letters += counts & kFieldMask;
        lowers += (counts >> kFieldBits) & kFieldMask;
        groups += (counts >> (2 * kFieldBits)) & kFieldMask;
        if (i >= n) break;
        const auto c = static_cast<unsigned char>(s[i]);
        const uint8_t fc = kByte[c];
        if (!(fc & kAfterRunBit)) break;  // most words end here
        if (fc & kWordBit) continue;      // a run cut at kMaxRun
        if (c < 0x80) {
          // Inner apostrophes and hyphens, and . or , between digits.
          const bool digit_before =
              o > begin && dst[o - 1] >= '0' && dst[o - 1] <= '9';
          const bool inner =
              c == '\'' || c == '-' || ((c == '.' || c == ',') && digit_before);
          if (!inner || i + 1 >= n) break;
          const auto next = static_cast<unsigned char>(s[i + 1]);
          if (c == '.' || c == ',') {
            if (next < '0' || next > '9') break;
          } else if (next < 0x80) {
            if (!(kByte[next] & kWordBit)) break;
          } else {
            size_t next_len = 0;
            if (Classify(Decode(text, i + 1, &next_len)) != CharClass::kWord) {
              break;
            }
          }
          dst[o++] = static_cast<char>(c);
          h = (h ^ c) * kFnvPrime;
          row = kCountsAdded.data();
          ++i;
          continue;
        }
        size_t clen = 0;
        const char32_t u = Decode(text, i, &clen);
        const CharClass k2 = Classify(u);
        if (k2 != CharClass::kWord) {
          char inner = 0;
          if (k2 == CharClass::kApostrophe) inner = '\'';
          if (k2 == CharClass::kHyphen) inner = '-';
          if (inner == 0 || i + clen >= n) break;
          size_t next_len = 0;
          if (Classify(Decode(text, i + clen, &next_len)) != CharClass::kWord) {
            break;
          }
          dst[o++] = inner;
          h = (h ^ static_cast<unsigned char>(inner)) * kFnvPrime;
        } else {
          for (size_t j = 0; j < clen; ++j) {
            dst[o++] = s[i + j];
            h = (h ^ static_cast<unsigned char>(s[i + j])) * kFnvPrime;
          }
        }
        row = kCountsAdded.data();
        i += clen;
      }
    }
    const size_t size = o - begin;
    uint8_t word_syllables = 1;
    if (!url) {
      // A silent final e (make, hope; not table).
      if (groups > 1 && size >= 2 && dst[o - 1] == 'e' && dst[o - 2] != 'l') {
        --groups;
      }
      word_syllables =
          static_cast<uint8_t>(std::clamp<size_t>(groups, 1, kMaxSyllables));
    }
    // Written once, field by field, straight into the array.
    ScanWord& w = out->words.emplace_back();
    w.begin = static_cast<uint32_t>(begin);
    w.size = static_cast<uint32_t>(size);
    w.hash = url ? 0 : static_cast<uint32_t>(h ^ (h >> 32));
    w.letters = static_cast<uint8_t>(std::min<size_t>(letters, 255));
    w.syllables = word_syllables;
    w.caps = letters > 0 && lowers == 0;
    w.cap = cp >= 'A' && cp <= 'Z';
    w.digit = cp >= '0' && cp <= '9';
    w.url = url;
    w.segment_start = segment_start;
    segment_start = false;
    syllables += word_syllables;
    pending = true;
  }
  out->lower.resize(o);
  out->syllables += syllables;
  if (out->words.size() > first_word) out->words.back().after = '\n';
  if (pending) ++out->sentences;
}

}  // namespace newstrace::analyze
