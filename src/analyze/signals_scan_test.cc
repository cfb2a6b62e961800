// ScanSegment (signals_scan.h) against a frozen copy of the scanner it
// replaced (the byte-at-a-time loop of commit 2b29d37): every field of the
// ScanText must match on generated text with words, marks, URLs, numbers,
// non-ASCII letters, typographic marks and invalid UTF-8, one segment or
// several, and on words longer than the scanner's run and count limits.
#include "analyze/signals_scan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace newstrace::analyze {
namespace reference {

// --- the scanner as it was (kept verbatim but for its name) ---------------

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

// Classes of ASCII bytes, and their lower-case forms.
constexpr uint8_t kSpaceBit = 1, kWordBit = 2, kUpperBit = 4, kLowerBit = 8,
                  kVowelBit = 16, kLetterBit = 32;

constexpr std::array<uint8_t, 128> kAscii = [] {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c <= 0x20; ++c) t[c] = kSpaceBit;
  t[0x7F] = kSpaceBit;
  for (int c = '0'; c <= '9'; ++c) t[c] = kWordBit;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kWordBit | kLowerBit | kLetterBit;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kWordBit | kUpperBit | kLetterBit;
  for (char v : std::string_view("aeiouy")) {
    t[static_cast<unsigned char>(v)] |= kVowelBit;
    t[static_cast<unsigned char>(v - 'a' + 'A')] |= kVowelBit;
  }
  return t;
}();

// Per ASCII word character, what it adds to a word's counts, packed:
// bit 0 a letter, bit 32 a new vowel group. Indexed by (128 when the
// previous character was a vowel) | the character.
constexpr std::array<uint64_t, 256> kCountsAdded = [] {
  std::array<uint64_t, 256> t{};
  for (int after_vowel = 0; after_vowel < 2; ++after_vowel) {
    for (int c = 0; c < 128; ++c) {
      const uint8_t f = kAscii[c];
      uint64_t v = (f & kLetterBit) ? 1 : 0;
      if ((f & kVowelBit) && !after_vowel) v |= uint64_t{1} << 32;
      t[after_vowel * 128 + c] = v;
    }
  }
  return t;
}();

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

}  // namespace

void ReferenceScanSegment(std::string_view text, ScanText* out) {
  // Offsets are 32-bit: a segment that would overflow them is cut short
  // (4 GiB of words; inputs are capped far below that).
  const size_t room =
      std::numeric_limits<uint32_t>::max() / 2 - out->lower.size();
  if (text.size() > room) text = text.substr(0, room);
  // A word's lower-cased form is never longer than its bytes in the text:
  // write into the room made here, then cut the string to what was used.
  const size_t base = out->lower.size();
  out->lower.resize(base + text.size());
  char* const dst = out->lower.data();
  size_t o = base;
  const size_t first_word = out->words.size();
  bool pending = false;  // words since the last sentence end
  size_t i = 0;
  const size_t n = text.size();
  // Records a mark (or an apostrophe or hyphen outside a word) after the
  // last word, and ends a sentence at it when it ends one.
  auto mark = [&](char m, size_t at) {
    if (out->words.size() > first_word && out->words.back().after == 0) {
      out->words.back().after = m;
    }
    if (m == '!') ++out->exclamations;
    if (m == '?') ++out->questions;
    if (!pending) return;
    if (m == '!' || m == '?') {
      ++out->sentences;
      pending = false;
    } else if (m == '.') {
      const ScanWord& last = out->words.back();
      std::string_view word(dst + last.begin, last.size);
      if (!IsTitleAbbreviation(word) && !LowerCaseFollows(text, at)) {
        ++out->sentences;
        pending = false;
      }
    }
  };
  while (i < n) {
    const auto b = static_cast<unsigned char>(text[i]);
    char32_t cp = b;
    size_t len = 1;
    if (b < 0x80) {
      const uint8_t f = kAscii[b];
      if (f & kSpaceBit) {
        ++i;
        continue;
      }
      if (!(f & kWordBit)) {
        mark(static_cast<char>(b), i);
        ++i;
        continue;
      }
    } else {
      cp = Decode(text, i, &len);
      const CharClass cls = Classify(cp);
      if (cls != CharClass::kWord) {
        if (cls != CharClass::kSpace) {
          mark(cls == CharClass::kApostrophe ? '\''
               : cls == CharClass::kHyphen   ? '-'
                                             : MarkAscii(cp),
               i);
        }
        i += len;
        continue;
      }
    }
    // A word starts at i.
    // Built in place: a word composed on the stack and copied in stalls
    // on store forwarding.
    const bool segment_start = out->words.size() == first_word;
    ScanWord& w = out->words.emplace_back();
    w.begin = static_cast<uint32_t>(o);
    w.segment_start = segment_start;
    w.cap = cp >= 'A' && cp <= 'Z';
    w.digit = cp >= '0' && cp <= '9';
    uint32_t seen = 0;      // the kAscii bits of every ASCII character
    uint64_t counts = 0;    // letters (low 32 bits), vowel groups (high)
    uint32_t in_vowel = 0;  // 128 after a vowel
    uint64_t h = 14695981039346656037ull;
    if ((b == 'h' || b == 'H' || b == 'w' || b == 'W') && StartsUrl(text, i)) {
      w.url = true;
      while (i<n&& static_cast<unsigned char>(text[i])> 0x20) {
        dst[o++] = kLower[static_cast<unsigned char>(text[i++])];
      }
    } else {
      while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
          const uint8_t f = kAscii[c];
          if (f & kWordBit) {
            const char l = kLower[c];
            dst[o++] = l;
            h = (h ^ static_cast<unsigned char>(l)) * 1099511628211ull;
            seen |= f;
            counts += kCountsAdded[in_vowel | c];
            in_vowel = (f & kVowelBit) << 3;
            ++i;
            continue;
          }
          // Inner apostrophes and hyphens, and . or , between digits.
          const bool digit_before =
              o > w.begin && dst[o - 1] >= '0' && dst[o - 1] <= '9';
          const bool inner =
              c == '\'' || c == '-' || ((c == '.' || c == ',') && digit_before);
          if (!inner || i + 1 >= n) break;
          const auto next = static_cast<unsigned char>(text[i + 1]);
          if (c == '.' || c == ',') {
            if (next < '0' || next > '9') break;
          } else if (next < 0x80) {
            if (!(kAscii[next] & kWordBit)) break;
          } else {
            size_t next_len = 0;
            if (Classify(Decode(text, i + 1, &next_len)) != CharClass::kWord) {
              break;
            }
          }
          dst[o++] = static_cast<char>(c);
          h = (h ^ c) * 1099511628211ull;
          in_vowel = 0;
          ++i;
          continue;
        }
        size_t clen = 0;
        const char32_t u = Decode(text, i, &clen);
        const CharClass k = Classify(u);
        char inner = 0;
        if (k == CharClass::kApostrophe) inner = '\'';
        if (k == CharClass::kHyphen) inner = '-';
        if (k != CharClass::kWord) {
          if (inner == 0 || i + clen >= n) break;
          size_t next_len = 0;
          if (Classify(Decode(text, i + clen, &next_len)) != CharClass::kWord) {
            break;
          }
          dst[o++] = inner;
          h = (h ^ static_cast<unsigned char>(inner)) * 1099511628211ull;
        } else {
          for (size_t k2 = 0; k2 < clen; ++k2) {
            dst[o++] = text[i + k2];
            h = (h ^ static_cast<unsigned char>(text[i + k2])) *
                1099511628211ull;
          }
        }
        in_vowel = 0;
        i += clen;
      }
    }
    const size_t letters = counts & 0xFFFFFFFF;
    size_t groups = counts >> 32;
    w.size = static_cast<uint32_t>(o - w.begin);
    w.letters = static_cast<uint8_t>(std::min<size_t>(letters, 255));
    w.caps = letters > 0 && !(seen & kLowerBit);
    if (w.url) {
      w.syllables = 1;
    } else {
      w.hash = static_cast<uint32_t>(h ^ (h >> 32));
      // A silent final e (make, hope; not table).
      if (groups > 1 && w.size >= 2 && dst[o - 1] == 'e' && dst[o - 2] != 'l') {
        --groups;
      }
      w.syllables =
          static_cast<uint8_t>(std::clamp<size_t>(groups, 1, kMaxSyllables));
    }
    out->syllables += w.syllables;
    pending = true;
  }
  out->lower.resize(o);
  if (out->words.size() > first_word) out->words.back().after = '\n';
  if (pending) ++out->sentences;
}

}  // namespace reference

namespace {

void ExpectSameScan(const ScanText& got, const ScanText& want,
                    const std::string& what) {
  ASSERT_EQ(got.lower, want.lower) << what;
  ASSERT_EQ(got.words.size(), want.words.size()) << what;
  for (size_t i = 0; i < got.words.size(); ++i) {
    const ScanWord& g = got.words[i];
    const ScanWord& w = want.words[i];
    EXPECT_EQ(g.begin, w.begin) << what << " word " << i;
    EXPECT_EQ(g.size, w.size) << what << " word " << i;
    EXPECT_EQ(g.hash, w.hash) << what << " word " << i;
    EXPECT_EQ(g.letters, w.letters) << what << " word " << i;
    EXPECT_EQ(g.syllables, w.syllables) << what << " word " << i;
    EXPECT_EQ(g.after, w.after) << what << " word " << i;
    EXPECT_EQ(g.caps, w.caps) << what << " word " << i;
    EXPECT_EQ(g.cap, w.cap) << what << " word " << i;
    EXPECT_EQ(g.digit, w.digit) << what << " word " << i;
    EXPECT_EQ(g.url, w.url) << what << " word " << i;
    EXPECT_EQ(g.segment_start, w.segment_start) << what << " word " << i;
    if (testing::Test::HasFailure()) return;
  }
  EXPECT_EQ(got.sentences, want.sentences) << what;
  EXPECT_EQ(got.exclamations, want.exclamations) << what;
  EXPECT_EQ(got.questions, want.questions) << what;
  EXPECT_EQ(got.syllables, want.syllables) << what;
}

// Scans `segments` into one ScanText with both scanners and compares.
void ExpectSameAsReference(const std::vector<std::string>& segments) {
  ScanText got, want;
  std::string what;
  for (const std::string& s : segments) {
    ScanSegment(s, &got);
    reference::ReferenceScanSegment(s, &want);
    what += "[" + s.substr(0, 200) + "]";
  }
  ExpectSameScan(got, want, what);
}

// Pieces the generator strings together: each class the scanner tells
// apart, and the sequences its rules look for.
constexpr std::string_view kPieces[] = {
    "a",
    "e",
    "i",
    "o",
    "u",
    "y",
    "E",
    "Y",
    "b",
    "l",
    "s",
    "t",
    "B",
    "L",
    "Q",
    "Z",
    "z",
    "0",
    "1",
    "7",
    "9",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\t",
    "\r",
    ".",
    ",",
    "!",
    "?",
    ":",
    ";",
    "'",
    "-",
    "\"",
    "(",
    ")",
    "/",
    "@",
    "#",
    "_",
    "~",
    "\x7f",
    "\x01",
    "make",
    "table",
    "Hope",
    "SHOCKING",
    "you're",
    "don't",
    "seven-year",
    "2.3",
    "1,000",
    "3.",
    "x,y",
    "Mr",
    "Dr",
    "Gen",
    "capt",
    "J",
    "http://",
    "https://",
    "HTTP://x.y/z",
    "www.",
    "WWW.",
    "http:/",
    "ww",
    "h",
    "w",
    "\xc3\xa9",      // e acute
    "\xc3\x89",      // E acute
    "\xe2\x80\x99",  // right single quote
    "\xe2\x80\x98",
    "\xca\xbc",
    "\xe2\x80\xb2",
    "\xe2\x80\x90",  // hyphen
    "\xe2\x80\x91",
    "\xe2\x80\x94",  // em dash
    "\xe2\x80\xa6",  // ellipsis
    "\xe3\x80\x82",
    "\xef\xbc\x8e",
    "\xef\xbc\x81",
    "\xe2\x80\xbc",
    "\xef\xbc\x9f",
    "\xe2\x81\x87",
    "\xef\xbc\x9a",
    "\xc2\xa0",  // no-break space
    "\xe3\x80\x80",
    "\xef\xbb\xbf",
    "\xe2\x80\x8b",
    "\xc2\xab",
    "\xc3\x97",
    "\xd0\x96",          // Cyrillic Zhe
    "\xe4\xb8\xad",      // a CJK letter
    "\xf0\x9f\x98\x80",  // an emoji
    "\xf0\x90\x8c\xb0",  // a Gothic letter
    "\xff",
    "\xfe",
    "\x80",
    "\xbf",
    "\xc3",
    "\xe2\x80",
    "\xf0\x9f\x98",
    "\xc0\xaf",
    "\xed\xa0\x80",
    "\xf4\x90\x80\x80",
    "\xe0\x80\x80",
};

std::string RandomText(std::mt19937* rng, size_t pieces) {
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string s;
  for (size_t k = 0; k < pieces; ++k) {
    if ((*rng)() % 16 == 0) {
      s.push_back(static_cast<char>(byte(*rng)));  // any byte at all
    } else {
      s += kPieces[pick(*rng)];
    }
  }
  return s;
}

TEST(ScanSegmentTest, MatchesTheReferenceOnGeneratedText) {
  std::mt19937 rng(20240611);
  for (int round = 0; round < 20000; ++round) {
    std::vector<std::string> segments;
    const int count = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < count; ++k) {
      segments.push_back(RandomText(&rng, rng() % 40));
    }
    ExpectSameAsReference(segments);
    if (HasFailure()) return;
  }
}

TEST(ScanSegmentTest, MatchesTheReferenceOnTrickyCases) {
  const std::vector<std::vector<std::string>> cases = {
      {""},
      {"", "", "x"},
      {"The cat sat. The dog ran! Did we? Yes..."},
      {"Mr. J. Smith met Dr. Jones. they talked."},
      {"See https://example.com/a?b=c, or www.example.org. Then stop."},
      {"http://", "https://x", "WWW.X"},
      {"It's 2.3 or 1,000,000 or 3,a or 4.b, don't-stop"},
      {"caf\xc3\xa9 na\xc3\xafve \xe2\x80\x9cquoted\xe2\x80\x9d "
       "it\xe2\x80\x99s well\xe2\x80\x90known"},
      {"ABC DEF: headline", "second segment", "THIRD"},
      {"trailing apostrophe' and hyphen- and '-' alone"},
      {"\xe2", "\xe2\x80", "a\xe2\x80\x99", "a\xe2\x80\x99\xff"},
      {"queue aeiouy YEA beautiful table make hope ale"},
  };
  for (const std::vector<std::string>& segments : cases) {
    ExpectSameAsReference(segments);
  }
}

// Words past the scanner's run limit (a run is cut every 2^20 bytes) and
// past the 21-bit width of its packed letter and vowel-group counts.
TEST(ScanSegmentTest, MatchesTheReferenceOnHugeWords) {
  std::string vowels(3u << 20, 'a');
  std::string mixed;
  while (mixed.size() < (5u << 20)) mixed += "baNANa7e";
  std::string upper(5u << 20, 'B');
  upper += "ae";
  ExpectSameAsReference({vowels});
  ExpectSameAsReference({mixed, "and then. More!"});
  ExpectSameAsReference({"x " + upper + " e"});
  ExpectSameAsReference({mixed + "\xe2\x80\x99s" + mixed});
}

}  // namespace
}  // namespace newstrace::analyze
