#include "base/utf8.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>

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
