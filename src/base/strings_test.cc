#include "base/strings.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>

#include "base/same_bytes.h"

namespace newstrace::base {
namespace {

TEST(StringsTest, TrimHandlesUnicodeSpaces) {
  EXPECT_EQ(Trim("  a b \n"), "a b");
  EXPECT_EQ(Trim("\xC2\xA0word\xC2\xA0"), "word");
  EXPECT_EQ(Trim(" \t\n "), "");
  EXPECT_EQ(Trim(""), "");
}

TEST(StringsTest, CollapseWhitespace) {
  EXPECT_EQ(CollapseWhitespace("  a \n\t b\xC2\xA0 c  "), "a b c");
  EXPECT_EQ(CollapseWhitespace(""), "");
}

TEST(StringsTest, CaseHelpers) {
  EXPECT_EQ(AsciiLower("AbC\xC3\x89"), "abc\xC3\x89");
  EXPECT_EQ(Lower("\xC3\x89T\xC3\x89"), "\xC3\xA9t\xC3\xA9");
  EXPECT_TRUE(StartsWithIgnoreCase("Read More", "read"));
  EXPECT_TRUE(ContainsIgnoreCase("Photo: GETTY images", "getty"));
  EXPECT_FALSE(ContainsIgnoreCase("abc", "abcd"));
}

TEST(StringsTest, SplitKeepsEmptyPieces) {
  auto parts = Split("a,,b", ',');
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[1], "");
}

TEST(StringsTest, CountWords) {
  EXPECT_EQ(CountWords("It's 2.3 million people."), 6u);
  EXPECT_EQ(CountWords("Größe und Maß"), 3u);
  EXPECT_EQ(CountWords(""), 0u);
}

// SameBytes against memcmp for every length up to 40 (the short, word and
// overlapping-word cases), with one byte changed at every offset.
TEST(SameBytesTest, MatchesMemcmp) {
  std::mt19937_64 rng(31);
  for (size_t n = 0; n <= 40; ++n) {
    std::string a(n + 3, '\0');
    for (char& c : a) c = static_cast<char>(rng() % 256);
    std::string b = a;
    // Views short of their buffers: equal bytes after them do not count.
    EXPECT_TRUE(SameBytes(a.data(), b.data(), n));
    for (size_t at = 0; at < n; ++at) {
      std::string c = b;
      c[at] = static_cast<char>(c[at] ^ (1 + rng() % 255));
      EXPECT_EQ(SameBytes(a.data(), c.data(), n),
                std::memcmp(a.data(), c.data(), n) == 0)
          << n << " " << at;
      EXPECT_FALSE(SameBytes(a.data(), c.data(), n)) << n << " " << at;
    }
    if (n > 0) {
      std::string d = b;
      d[n] = static_cast<char>(d[n] ^ 1);  // past the view: still equal
      EXPECT_TRUE(SameBytes(a.data(), d.data(), n)) << n;
    }
  }
}

}  // namespace
}  // namespace newstrace::base
