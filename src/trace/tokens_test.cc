#include "trace/tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newstrace::trace {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, 0, &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    out.emplace_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

TEST(TraceTokensTest, WordsNumbersAndPossessives) {
  EXPECT_EQ(Words("Russia's president, Mr. Putin, met 2.3 million "
                  "people -- don't ask!"),
            (std::vector<std::string>{"Russia", "'s", "president", "Mr",
                                      "Putin", "met", "2.3", "million",
                                      "people", "don't", "ask"}));
  EXPECT_EQ(Words("al-Assad's 1,000-strong"),
            (std::vector<std::string>{"al", "Assad", "'s", "1,000", "strong"}));
  EXPECT_EQ(Words("the U.S. and e.g. A. Smith or U.K.-based"),
            (std::vector<std::string>{"the", "U.S.", "and", "e.g.", "A",
                                      "Smith", "or", "U.K.", "based"}));
  EXPECT_EQ(Words("end. 3. Next"),
            (std::vector<std::string>{"end", "3", "Next"}));
}

TEST(TraceTokensTest, UnicodeLettersAndTypographicApostrophe) {
  EXPECT_EQ(Words("Moscow\xE2\x80\x99s \xC3\x89lys\xC3\xA9"
                  "e — Zürich"),
            (std::vector<std::string>{"Moscow", "\xE2\x80\x99s",
                                      "\xC3\x89lys\xC3\xA9"
                                      "e",
                                      "Z\xC3\xBCrich"}));
  std::vector<Token> a, b;
  Tokenize("Moscow\xE2\x80\x99s", 0, &a);
  Tokenize("MOSCOW's", 0, &b);
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(a[1].exact, b[1].exact);  // ’ reads as '
  EXPECT_NE(a[0].exact, b[0].exact);  // case kept in exact
  EXPECT_EQ(a[0].folded, b[0].folded);
}

TEST(TraceTokensTest, FoldingSeesEveryLetter) {
  std::vector<Token> a, b;
  Tokenize("don'T O'NEIL \xC3\x89T\xC3\x89 2.5X", 0, &a);
  Tokenize("don't o'neil \xC3\xA9t\xC3\xA9 2.5x", 0, &b);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].folded, b[i].folded) << i;
    EXPECT_NE(a[i].exact, b[i].exact) << i;
  }
}

TEST(TraceTokensTest, OffsetsAreShifted) {
  std::vector<Token> t;
  Tokenize("  ab cd", 100, &t);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].begin, 102u);
  EXPECT_EQ(t[0].end, 104u);
  EXPECT_EQ(t[1].begin, 105u);
}

TEST(TraceTokensTest, BadInputIsSafe) {
  std::vector<Token> t;
  Tokenize("", 0, &t);
  EXPECT_TRUE(t.empty());
  Tokenize(std::string("\xFF\xFE\x00\x01 ok \xC3", 10), 0, &t);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].begin, 5u);
  t.clear();
  Tokenize("'s ' 's' ''x 1. .5 x'", 0, &t);
  for (const Token& x : t) EXPECT_LT(x.begin, x.end);
  t.clear();
  std::string huge(1 << 20, 'a');  // one 1 MB word
  Tokenize(huge, 0, &t);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].end, huge.size());
}

}  // namespace
}  // namespace newstrace::trace
