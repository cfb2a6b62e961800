// Unit tests of plain-text cleaning: the parts (credits, bylines, datelines,
// hard-wrap detection) and the invariants on inputs no golden case holds
// (no newline at all, a 50 MB line). The golden cases under
// tests/golden/extract/text_* test whole articles.
#include "extract/text_blocks.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "extract/text_byline.h"
#include "extract/text_credits.h"
#include "extract/text_cues.h"
#include "extract/text_features.h"

namespace newstrace::extract {
namespace {

Article Classify(std::string text) {
  Article a;
  a.text = std::move(text);
  ClassifyTextBlocks(TextBlocksOptions(), &a);
  return a;
}

// Blocks in order, not overlapping, covering every non-space byte.
void ExpectCovered(const Article& a) {
  size_t prev = 0;
  std::vector<bool> covered(a.text.size(), false);
  for (const Block& b : a.blocks) {
    ASSERT_LE(b.span.begin, b.span.end);
    ASSERT_LE(b.span.end, a.text.size());
    ASSERT_GE(b.span.begin, prev);
    prev = b.span.end;
    for (size_t i = b.span.begin; i < b.span.end; ++i) covered[i] = true;
  }
  for (size_t i = 0; i < a.text.size(); ++i) {
    char c = a.text[i];
    if (c != ' ' && c != '\n' && c != '\t') {
      ASSERT_TRUE(covered[i]) << "byte " << i;
    }
  }
}

std::vector<std::string> Texts(const Article& a) {
  std::vector<std::string> out;
  for (const Block& b : a.blocks) out.emplace_back(a.SpanText(b.span));
  return out;
}

TEST(TextBlocksTest, EmptyText) {
  Article a = Classify("");
  EXPECT_TRUE(a.blocks.empty());
  a = Classify(" \n\t\n  \n");
  EXPECT_TRUE(a.blocks.empty());
}

TEST(TextBlocksTest, TextWithoutNewline) {
  Article a = Classify(
      "  The council approved the budget on Tuesday after a long debate. "
      "Members said the plan was fair.  ");
  ASSERT_EQ(a.blocks.size(), 1u);
  EXPECT_EQ(a.blocks[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(Texts(a)[0],
            "The council approved the budget on Tuesday after a long debate. "
            "Members said the plan was fair.");
  ExpectCovered(a);
}

TEST(TextBlocksTest, LineOfUnicodeSpacesIsCoveredButSeparates) {
  const std::string p1 =
      "The regional council voted on Tuesday to extend the tram line to the\n"
      "northern suburbs, ending a dispute that had stalled the project for\n"
      "almost three years.";
  const std::string p2 =
      "Construction is due to start next spring, the council said, and the\n"
      "first trams should run before the end of the decade if the national\n"
      "government releases the promised funds.";
  Article a = Classify(p1 + "\n\xC2\xA0\n" + p2 + "\n");
  ExpectCovered(a);
  ASSERT_EQ(a.blocks.size(), 3u);
  EXPECT_EQ(Texts(a)[0], p1);
  EXPECT_EQ(a.blocks[1].kind, BlockKind::kOther);
  EXPECT_EQ(Texts(a)[2], p2);
}

// Huge inputs: a quadratic rule would not finish within ctest's timeout.
TEST(TextBlocksTest, FiftyMegabyteLine) {
  std::string text;
  const std::string sentence =
      "Officials said the new bridge would open to traffic next spring. ";
  text.reserve(50u << 20);
  while (text.size() < (50u << 20)) text += sentence;
  Article a = Classify(text);
  ASSERT_EQ(a.blocks.size(), 1u);
  EXPECT_EQ(a.blocks[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(a.blocks[0].span.end, text.size() - 1);  // the final space
}

TEST(TextBlocksTest, ManyShortLines) {
  std::string text;
  while (text.size() < (8u << 20)) text += "Short line number\n";
  Article a = Classify(text);
  ExpectCovered(a);
}

TEST(TextBlocksTest, HardWrappedParagraphsBecomeOneBlockEach) {
  const std::string p1 =
      "The regional council voted on Tuesday to extend the tram line to the\n"
      "northern suburbs, ending a dispute that had stalled the project for\n"
      "almost three years and divided the ruling coalition.";
  const std::string p2 =
      "Construction is due to start next spring, the council said, and the\n"
      "first trams should run before the end of the decade if the national\n"
      "government releases the promised funds on time.";
  Article a = Classify("Tram line approved\n\n" + p1 + "\n\n" + p2 + "\n");
  ASSERT_EQ(a.blocks.size(), 3u);
  EXPECT_EQ(a.blocks[0].kind, BlockKind::kTitle);
  EXPECT_EQ(Texts(a)[1], p1);
  EXPECT_EQ(Texts(a)[2], p2);
  EXPECT_EQ(a.blocks[1].kind, BlockKind::kParagraph);
}

TEST(TextBlocksTest, OneLinePerParagraphWithoutBlankLines) {
  Article a = Classify(
      "The mayor opened the new library on Saturday.\n"
      "Hundreds of residents queued outside before the doors opened.\n"
      "The building cost twelve million euros.\n"
      "It replaces a branch that closed in 2015 after a fire.\n");
  ASSERT_EQ(a.blocks.size(), 4u);
  for (const Block& b : a.blocks) EXPECT_EQ(b.kind, BlockKind::kParagraph);
}

TEST(TextBlocksTest, FusedCredits) {
  struct Case {
    std::string line, credit, caption;
  } cases[] = {
      {"GETTYThe leaders met in the southern city", "GETTY",
       "The leaders met in the southern city"},
      {"Getty ImagesProtesters gather outside parliament", "Getty Images",
       "Protesters gather outside parliament"},
      {"REUTERSA man walks past the damaged building", "REUTERS",
       "A man walks past the damaged building"},
      {"AFP/GETTYA protester waves a flag", "AFP/GETTY",
       "A protester waves a flag"},
      {"BARCROFTThe rare bird was spotted last week", "BARCROFT",
       "The rare bird was spotted last week"},
  };
  for (const Case& c : cases) {
    text::Features f = text::ComputeFeatures(c.line);
    auto split = text::FindCredit(c.line, f);
    ASSERT_TRUE(split.has_value()) << c.line;
    EXPECT_EQ(split->value, c.credit);
    EXPECT_TRUE(split->credit_first);
    EXPECT_EQ(c.line.substr(split->caption.begin, split->caption.size()),
              c.caption);
  }
}

TEST(TextBlocksTest, TrailingAndLoneCredits) {
  struct Case {
    std::string line, value, caption;
  } cases[] = {
      {"Protesters gather outside parliament. Photo: AFP", "AFP",
       "Protesters gather outside parliament."},
      {"The leaders met in Sochi (Photo by Jane Doe/Getty Images)",
       "Jane Doe/Getty Images", "The leaders met in Sochi"},
      {"Firefighters at the scene (AP Photo/John Roe)", "AP Photo/John Roe",
       "Firefighters at the scene"},
      {"The ship leaves port on Monday REUTERS/Ann Lee", "REUTERS/Ann Lee",
       "The ship leaves port on Monday"},
      {"Photo: AFP", "AFP", ""},
      {"Getty Images", "Getty Images", ""},
      {"Image copyright Reuters", "Reuters", ""},
  };
  for (const Case& c : cases) {
    text::Features f = text::ComputeFeatures(c.line);
    auto split = text::FindCredit(c.line, f);
    ASSERT_TRUE(split.has_value()) << c.line;
    EXPECT_EQ(split->value, c.value) << c.line;
    EXPECT_EQ(c.line.substr(split->caption.begin, split->caption.size()),
              c.caption);
  }
}

TEST(TextBlocksTest, NotCredits) {
  for (std::string line :
       {"APPLE shares rose sharply on Monday after the results.",
        "PARIS is preparing for the summit.",
        "McDonald's said on Monday it would close stores.",
        "The poll was conducted by Reuters/Ipsos.",
        "Photo: Protesters gather outside parliament",
        "NGOs and CEOs met in Geneva"}) {
    text::Features f = text::ComputeFeatures(line);
    auto split = text::FindCredit(line, f);
    EXPECT_FALSE(split.has_value()) << line << " -> " << split->value;
  }
}

TEST(TextBlocksTest, Bylines) {
  struct Case {
    std::string line;
    std::vector<std::string> names;
  } cases[] = {
      {"By Jane Doe and John Roe", {"Jane Doe", "John Roe"}},
      {"By JANE DOE | Reuters", {"Jane Doe"}},
      {"Jane Doe, Political Correspondent", {"Jane Doe"}},
      {"By Jane Doe, John Roe and Ann Lee",
       {"Jane Doe", "John Roe", "Ann Lee"}},
      {"By Reuters", {}},
      {"Von Anna Schmidt und Peter Braun", {"Anna Schmidt", "Peter Braun"}},
      {"By Maria de la Cruz in Madrid", {"Maria de la Cruz"}},
      {"By Jane Doe | Published 21 November 2017", {"Jane Doe"}},
  };
  for (const Case& c : cases) {
    auto b = text::ParseByline(c.line);
    ASSERT_TRUE(b.has_value()) << c.line;
    EXPECT_EQ(b->names, c.names) << c.line;
  }
  for (std::string line :
       {"By the end of the year, prices had doubled.",
        "Vladimir Putin meets Assad, calls for talks on Syria",
        "Apple Unveils New iPhone at Press Event",
        "by N. Morgan has released several new posts over the weekend"}) {
    EXPECT_FALSE(text::ParseByline(line).has_value()) << line;
  }
}

TEST(TextBlocksTest, Datelines) {
  struct Case {
    std::string line, date;
    bool updated;
  } cases[] = {
      {"Published: 21 November 2017", "2017-11-21", false},
      {"Updated 10:32 EST, Nov 21, 2017", "2017-11-21", true},
      {"Thursday 21 November 2017 10.32 GMT", "2017-11-21", false},
      {"21.11.2017", "2017-11-21", false},
  };
  for (const Case& c : cases) {
    text::Features f = text::ComputeFeatures(c.line);
    auto d = text::ParseDateline(c.line, f);
    ASSERT_TRUE(d.has_value()) << c.line;
    EXPECT_EQ(d->date, c.date);
    EXPECT_EQ(d->updated, c.updated);
  }
  std::string sentence = "The law took effect on 21 November 2017 in Spain.";
  EXPECT_FALSE(text::ParseDateline(sentence, text::ComputeFeatures(sentence)));
}

// The speed-ups of the tokenizer and the word lists keep the plain
// definitions: checked here against them.
TEST(TextBlocksTest, TokensSplitOnAsciiAndUnicodeSpaces) {
  std::vector<std::string> wholes, cores, trails;
  text::ForEachToken("\"Hello,\" said\xC2\xA0M\xC3\xBCller\xE2\x80\x94 ... ok.",
                     [&](const text::Token& t) {
                       wholes.emplace_back(t.whole);
                       cores.emplace_back(t.core);
                       trails.emplace_back(t.trail);
                       return true;
                     });
  EXPECT_EQ(wholes, (std::vector<std::string>{"\"Hello,\"", "said",
                                              "M\xC3\xBCller\xE2\x80\x94",
                                              "...", "ok."}));
  EXPECT_EQ(cores, (std::vector<std::string>{"Hello", "said", "M\xC3\xBCller",
                                             "", "ok"}));
  EXPECT_EQ(trails,
            (std::vector<std::string>{",\"", "", "\xE2\x80\x94", "...", "."}));
  int seen = 0;
  text::ForEachToken("one two three", [&](const text::Token&) {
    return ++seen < 2;  // stops early
  });
  EXPECT_EQ(seen, 2);
}

TEST(TextBlocksTest, FunctionWords) {
  for (const char* w : {"the", "a", "without", "it's", "für", "über", "à",
                        "était", "están", "más", "les", "l'", "qu'"}) {
    EXPECT_TRUE(text::IsFunctionWord(w)) << w;
  }
  for (const char* w : {"", "The", "th", "thee", "withou", "council", "fur",
                        "a b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
    EXPECT_FALSE(text::IsFunctionWord(w)) << w;
  }
}

TEST(TextBlocksTest, ContainsMatchesFind) {
  const std::vector<std::string_view> hay = {
      "", "a", "ab", "abc", "xxabab", "cookie policy here", "aab"};
  const std::vector<std::string_view> needles = {
      "", "a", "b", "ab", "aab", "bab", "abc", "policy", "here", "herex"};
  for (std::string_view h : hay) {
    for (std::string_view n : needles) {
      EXPECT_EQ(text::Contains(h, n), h.find(n) != std::string_view::npos)
          << h << " / " << n;
    }
  }
}

TEST(TextBlocksTest, VocabularyCountsEachUnitOnce) {
  text::Vocabulary v;
  v.Add("Harbour harbour HARBOUR fishermen");
  EXPECT_EQ(v.size(), 2u);  // "harbour", "fishermen" stemmed
  // Added once, however often the unit repeats it: its own words do not
  // count when `added`.
  EXPECT_EQ(v.Overlap("harbour fishermen", true), 0.0);
  EXPECT_EQ(v.Overlap("harbour fishermen", false), 1.0);
  v.Add("The harbour reopened");
  EXPECT_EQ(v.Overlap("harbour fishermen", true), 0.5);
  EXPECT_EQ(v.Overlap("the of and", false), -1.0);  // no content word
  // Enough distinct words (letters only, no final "s") to grow the table
  // several times.
  auto word = [](int i) {
    std::string w = "voc";
    do {
      w += static_cast<char>('a' + i % 16);
      i /= 16;
    } while (i > 0);
    return w;
  };
  for (int i = 0; i < 2000; ++i) v.Add(word(i));
  EXPECT_EQ(v.size(), 2003u);
  EXPECT_EQ(v.Overlap(word(1999) + " " + word(7) + " harbour", false), 1.0);
  EXPECT_EQ(v.Overlap(word(2000), false), 0.0);
}

}  // namespace
}  // namespace newstrace::extract

namespace newstrace::extract {
namespace {

// CueKey lower-cases and collapses in one pass; it must give the bytes of
// the two-call form (LowerWord, then CollapseWhitespace) on any input:
// Unicode capitals and spaces, the typographic apostrophe, invalid bytes.
TEST(CueKeyTest, OnePassEqualsLowerThenCollapse) {
  const std::vector<std::string> pieces = {"A",
                                           "z",
                                           "Q",
                                           "7",
                                           " ",
                                           "\t",
                                           "\n",
                                           "\xC3\x89",
                                           "\xC3\xA9",
                                           "\xCE\xA9",
                                           "\xE2\x80\x99",
                                           "\xC2\xA0",
                                           "\xE2\x80\x89",
                                           "\xFF",
                                           "\xC3",
                                           "\xE3\x80\x80",
                                           "'",
                                           "-",
                                           "\xF0\x9F\x98\x80"};
  std::mt19937 rng(7);
  for (int n = 0; n < 2000; ++n) {
    std::string s = "a";  // bookends: no decoration to strip at either end
    const int len = static_cast<int>(rng() % 12);
    for (int k = 0; k < len; ++k) s += pieces[rng() % pieces.size()];
    s += "a";
    EXPECT_EQ(text::CueKey(s), base::CollapseWhitespace(text::LowerWord(s)))
        << "input: " << s;
  }
}

}  // namespace
}  // namespace newstrace::extract
