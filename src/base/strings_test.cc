#include "base/strings.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace newstrace::base
