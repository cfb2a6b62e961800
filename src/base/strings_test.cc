#include "base/strings.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "base/same_bytes.h"
#include "base/utf8.h"

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

// Trim as first written (before the fast path for ASCII ends).
std::string_view ReferenceTrim(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t next = b;
    if (!IsSpace(NextCodePoint(s, &next))) break;
    b = next;
  }
  size_t e = s.size();
  while (e > b) {
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 &&
           e - start < 4) {
      --start;
    }
    size_t next = start;
    char32_t cp = NextCodePoint(s, &next);
    if (next != e || !IsSpace(cp)) break;
    e = start;
  }
  return s.substr(b, e - b);
}

// Random mixes of words, ASCII and Unicode spaces, controls, DEL and
// broken UTF-8.
std::string RandomPieces(std::mt19937* rng, int max_pieces) {
  static const std::vector<std::string> kPieces = {"a",
                                                   "Word",
                                                   "7",
                                                   " ",
                                                   "\t",
                                                   "\n",
                                                   "\r",
                                                   "\v",
                                                   "\f",
                                                   "\x01",
                                                   "\x7f",
                                                   "!",
                                                   "\xC2\xA0",
                                                   "\xE2\x80\x89",
                                                   "\xE3\x80\x80",
                                                   "\xC2\x85",
                                                   "\xC3\xA9",
                                                   "\xE2\x80\x9C",
                                                   "\xFF",
                                                   "\xC3",
                                                   "\xE2\x80",
                                                   "\x80",
                                                   "~"};
  std::string s;
  const int n = static_cast<int>((*rng)() % (max_pieces + 1));
  for (int k = 0; k < n; ++k) s += kPieces[(*rng)() % kPieces.size()];
  return s;
}

TEST(StringsTest, TrimMatchesReference) {
  std::mt19937 rng(3);
  for (int t = 0; t < 20000; ++t) {
    const std::string s = RandomPieces(&rng, 6);
    ASSERT_EQ(Trim(s), ReferenceTrim(s)) << "input: " << s;
    // The same bytes, as a view: the result must point into the input.
    const std::string_view v = Trim(s);
    ASSERT_TRUE(v.empty() || (v.data() >= s.data() &&
                              v.data() + v.size() <= s.data() + s.size()));
  }
}

// CollapseWhitespace against its definition, code point by code point:
// runs of white space (IsSpace) become one space, none at either end, every
// other code point (or invalid byte) kept as written.
TEST(StringsTest, CollapseWhitespaceMatchesItsDefinition) {
  std::mt19937 rng(9);
  for (int t = 0; t < 20000; ++t) {
    const std::string s = RandomPieces(&rng, 8);
    std::string want;
    bool space = false;
    for (size_t i = 0; i < s.size();) {
      const size_t start = i;
      if (IsSpace(NextCodePoint(s, &i))) {
        space = !want.empty();
        continue;
      }
      if (space) want.push_back(' ');
      space = false;
      want.append(s, start, i - start);
    }
    ASSERT_EQ(CollapseWhitespace(s), want) << "input: " << s;
  }
}

TEST(StringsTest, CollapsesToMatchesCollapseWhitespace) {
  std::mt19937 rng(4);
  for (int t = 0; t < 20000; ++t) {
    const std::string s = RandomPieces(&rng, 8);
    const std::string collapsed = CollapseWhitespace(s);
    ASSERT_TRUE(CollapsesTo(s, collapsed)) << "input: " << s;
    // Another random string, and near misses of the collapsed form.
    const std::string other = RandomPieces(&rng, 8);
    ASSERT_EQ(CollapsesTo(s, CollapseWhitespace(other)),
              collapsed == CollapseWhitespace(other))
        << "inputs: " << s << " / " << other;
    std::vector<std::string> near = {collapsed + " ", " " + collapsed,
                                     collapsed + "a"};
    if (!collapsed.empty()) {
      near.push_back(collapsed.substr(0, collapsed.size() - 1));
      near.push_back(collapsed.substr(1));
      std::string changed = collapsed;
      changed[rng() % changed.size()] ^= 0x20;
      near.push_back(changed);
    }
    for (const std::string& key : near) {
      ASSERT_EQ(CollapsesTo(s, key), collapsed == key)
          << "input: " << s << " key: " << key;
    }
  }
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
