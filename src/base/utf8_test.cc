#include "base/utf8.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace newstrace::base {
namespace {

TEST(Utf8Test, ValidatesWellFormedAndRejectsIllFormed) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(
      IsValidUtf8("caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("caf\xE9"));           // latin-1 byte
}

TEST(Utf8Test, RepairReplacesMaximalSubparts) {
  std::string out;
  EXPECT_EQ(RepairUtf8("a\xE2\x80z", &out), 1u);  // one truncated sequence
  EXPECT_EQ(out, "a\xEF\xBF\xBDz");
  out.clear();
  EXPECT_EQ(RepairUtf8("\xFF\xFE", &out), 2u);
  EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
  out.clear();
  EXPECT_EQ(RepairUtf8("ok \xC3\xA9", &out), 0u);
  EXPECT_EQ(out, "ok \xC3\xA9");
  EXPECT_TRUE(IsValidUtf8(out));
}

TEST(Utf8Test, CodePointsRoundTrip) {
  std::string s;
  for (char32_t cp : {U'a', U'\u00E9', U'\u20AC', U'\U0001F600'}) {
    AppendUtf8(cp, &s);
  }
  size_t pos = 0;
  EXPECT_EQ(NextCodePoint(s, &pos), U'a');
  EXPECT_EQ(NextCodePoint(s, &pos), U'\u00E9');
  EXPECT_EQ(NextCodePoint(s, &pos), U'\u20AC');
  EXPECT_EQ(NextCodePoint(s, &pos), U'\U0001F600');
  EXPECT_EQ(pos, s.size());
}

TEST(Utf8Test, NormalizesToNfc) {
  // e + combining acute -> precomposed e-acute.
  EXPECT_EQ(NormalizeNfc("e\xCC\x81"), "\xC3\xA9");
  EXPECT_EQ(NormalizeNfc("ascii stays"), "ascii stays");
}

TEST(Utf8Test, CharacterClasses) {
  EXPECT_TRUE(IsUpper(U'\u00C9'));
  EXPECT_TRUE(IsLower(U'\u00E9'));
  EXPECT_TRUE(IsLetter(U'\u0416'));
  EXPECT_TRUE(IsSpace(U'\u00A0'));
  EXPECT_FALSE(IsSpace(U'x'));
  EXPECT_TRUE(IsPunctuation(U'\u201C'));
  EXPECT_EQ(ToLower(U'\u00C9'), U'\u00E9');
}

}  // namespace
}  // namespace newstrace::base

namespace newstrace::base {
namespace {

// Differential test: the run-wise NFC equals utf8proc's whole-string NFC on
// random mixes of plain, composing, decomposable and Hangul characters.
TEST(Utf8Test, RunwiseNfcMatchesWholeStringNfc) {
  const char32_t pool[] = {U'a',      U'e',      U' ',      U'.',
                           U'\u00E9', U'\u0301', U'\u0308', U'\u0327',
                           U'\u1100', U'\u1161', U'\u11A8', U'\uAC00',
                           U'\u212B', U'\u2126', U'\u0F73', U'\u09BE',
                           U'\u09C7', U'\u201C', U'\u4E2D', U'\U0001F600'};
  uint32_t seed = 12345;
  for (int t = 0; t < 2000; ++t) {
    std::string s;
    int len = 1 + t % 12;
    for (int k = 0; k < len; ++k) {
      seed = seed * 1103515245 + 12345;
      AppendUtf8(pool[(seed >> 16) % (sizeof pool / sizeof pool[0])], &s);
    }
    utf8proc_uint8_t* ref =
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
    ASSERT_NE(ref, nullptr);
    std::string want(reinterpret_cast<const char*>(ref));
    std::free(ref);
    ASSERT_EQ(NormalizeNfc(s), want) << "input #" << t;
  }
}

}  // namespace
}  // namespace newstrace::base

namespace newstrace::base {
namespace {

// NextMultiByteCodePoint as first written: the length from the table of
// well-formed sequences (Unicode Table 3-7), then the bits.
char32_t ReferenceNext(std::string_view s, size_t* pos) {
  const size_t i = *pos, n = s.size();
  const auto b = [&](size_t k) -> unsigned {
    return static_cast<unsigned char>(s[k]);
  };
  const unsigned c = b(i);
  size_t len = 0;
  if (c < 0x80) {
    len = 1;
  } else if (c < 0xC2) {
    len = 0;
  } else if (c < 0xE0) {
    len = i + 1 < n && (b(i + 1) & 0xC0) == 0x80 ? 2 : 0;
  } else if (c < 0xF0) {
    if (i + 2 < n) {
      const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      if (b(i + 1) >= lo && b(i + 1) <= hi && (b(i + 2) & 0xC0) == 0x80) {
        len = 3;
      }
    }
  } else if (c < 0xF5) {
    if (i + 3 < n) {
      const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (b(i + 1) >= lo && b(i + 1) <= hi && (b(i + 2) & 0xC0) == 0x80 &&
          (b(i + 3) & 0xC0) == 0x80) {
        len = 4;
      }
    }
  }
  if (len == 0) {
    *pos = i + 1;
    return kReplacementChar;
  }
  char32_t cp = len == 1   ? c
                : len == 2 ? (c & 0x1F)
                : len == 3 ? (c & 0x0F)
                           : (c & 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (b(i + k) & 0x3F);
  *pos = i + len;
  return cp;
}

TEST(Utf8Test, NextCodePointMatchesReferenceOnRandomBytes) {
  // Bytes around every boundary of Table 3-7, cut short at random.
  const unsigned char kBytes[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
                                  0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                  0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1,
                                  0xF3, 0xF4, 0xF5, 0xFF};
  std::mt19937 rng(9);
  for (int t = 0; t < 50000; ++t) {
    std::string s;
    const int len = 1 + static_cast<int>(rng() % 5);
    for (int k = 0; k < len; ++k) {
      s += static_cast<char>(kBytes[rng() % sizeof kBytes]);
    }
    size_t got_pos = 0, want_pos = 0;
    while (want_pos < s.size()) {
      const char32_t want = ReferenceNext(s, &want_pos);
      ASSERT_EQ(NextMultiByteCodePoint(s, &got_pos), want) << t;
      ASSERT_EQ(got_pos, want_pos) << t;
    }
  }
  // Every code point round-trips.
  for (char32_t cp = 0; cp <= 0x10FFFF; cp += (cp < 0x3000 ? 1 : 97)) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s;
    AppendUtf8(cp, &s);
    size_t pos = 0;
    ASSERT_EQ(NextMultiByteCodePoint(s, &pos), cp);
    ASSERT_EQ(pos, s.size());
  }
}

// NFC with the General Punctuation answers cached and the two-byte fast
// path: equal to utf8proc's whole-string NFC, also where punctuation that
// decomposes (U+2000, U+2001) or combining marks follow two-byte letters.
TEST(Utf8Test, NfcFastPathsMatchWholeStringNfc) {
  std::vector<char32_t> pool = {U'a',      U'A',      U' ',      U'\u00C5',
                                U'\u00E9', U'\u0065', U'\u0301', U'\u0308',
                                U'\u0327', U'\u02FF', U'\u0300', U'\u212B',
                                U'\u1E9B', U'\u0323', U'\uAC00', U'\u11A8'};
  for (char32_t cp = 0x2000; cp < 0x2070; ++cp) pool.push_back(cp);
  for (char32_t cp = 0x00C0; cp < 0x0100; cp += 7) pool.push_back(cp);
  std::mt19937 rng(21);
  for (int t = 0; t < 20000; ++t) {
    std::string s;
    const int len = 1 + static_cast<int>(rng() % 10);
    for (int k = 0; k < len; ++k) AppendUtf8(pool[rng() % pool.size()], &s);
    utf8proc_uint8_t* ref =
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
    ASSERT_NE(ref, nullptr);
    std::string want(reinterpret_cast<const char*>(ref));
    std::free(ref);
    ASSERT_EQ(NormalizeNfc(s), want) << "input #" << t;
    std::string in_place = s;
    NormalizeNfcInPlace(&in_place);
    ASSERT_EQ(in_place, want) << "input #" << t;
  }
}

}  // namespace
}  // namespace newstrace::base
