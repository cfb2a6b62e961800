// Unit tests of quote pairing, attribution and entity linking on small
// articles of our own writing. Whole-article cases live in
// tests/golden/analyze/.
#include "analyze/quotes.h"

#include <gtest/gtest.h>

#include <string>

#include "analyze/entities.h"
#include "analyze/tokens.h"
#include "newstrace/analyze.h"

namespace newstrace::analyze {
namespace {

// Paragraphs are separated by blank lines; the first is the title.
struct Analyzed {
  std::string text;
  TextView view;
  EntityIndex entities;
  std::vector<Quote> quotes;

  std::string_view Str(Span s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
  const Entity* FindEntity(std::string_view name) const {
    for (const Entity& e : entities.entities) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }
};

std::unique_ptr<Analyzed> AnalyzeText(std::string text,
                                      bool with_entities = true) {
  auto a = std::make_unique<Analyzed>();
  a->text = std::move(text);
  std::vector<Paragraph> paras;
  size_t pos = 0;
  while (pos < a->text.size()) {
    size_t end = a->text.find("\n\n", pos);
    if (end == std::string::npos) end = a->text.size();
    Paragraph p;
    p.span = {pos, end};
    p.headline = paras.empty();
    paras.push_back(p);
    pos = end + 2;
  }
  a->view = Tokenize(a->text, std::move(paras));
  if (with_entities) a->entities = FindEntities(a->view);
  a->quotes = AttributeQuotes(a->view, FindQuoteMarks(a->view),
                              with_entities ? &a->entities : nullptr);
  return a;
}

std::string Speaker(const Analyzed& a, size_t i) {
  if (i >= a.quotes.size()) return "<no quote>";
  const Quote& q = a.quotes[i];
  if (!q.speaker) return "<unknown>";
  return q.speaker->resolved() ? q.speaker->name
                               : "?" + std::string(a.Str(q.speaker->span));
}

TEST(QuotesTest, SaidAfterNameAndPronoun) {
  auto a = AnalyzeText(
      "Talks end\n\n"
      "Prime Minister Anna Berg met the union on Monday.\n\n"
      "\"We made progress today,\" Ms Berg said.\n\n"
      "\"There is more to do,\" she said.");
  ASSERT_EQ(a->quotes.size(), 2u);
  EXPECT_EQ(a->Str(a->quotes[0].span), "We made progress today,");
  EXPECT_EQ(Speaker(*a, 0), "Anna Berg");
  EXPECT_EQ(a->quotes[0].speaker->via, RefVia::kName);
  EXPECT_EQ(a->Str(a->quotes[0].cue), "said");
  EXPECT_EQ(Speaker(*a, 1), "Anna Berg");
  EXPECT_EQ(a->quotes[1].speaker->via, RefVia::kPronoun);
}

TEST(QuotesTest, PronounChainsPassTheReferenceBack) {
  // The sentence before the quote names Donald Trump, but its subject is
  // "he", the same man as the quote's "he": Tom Bruch.
  auto a = AnalyzeText(
      "Delegates\n\n"
      "Delegate Tom Bruch said he would resist the leaders.\n\n"
      "But he noted that Donald Trump may win first.\n\n"
      "\"We might abstain,\" he said.");
  ASSERT_EQ(a->quotes.size(), 1u);
  EXPECT_EQ(Speaker(*a, 0), "Tom Bruch");
}

TEST(QuotesTest, AQualifyingNameIsNoAntecedent) {
  auto a = AnalyzeText(
      "Polls\n\n"
      "Obama consultant Cornell Belcher saw a shift.\n\n"
      "\"They are listening,\" he said.");
  ASSERT_EQ(a->quotes.size(), 1u);
  EXPECT_EQ(Speaker(*a, 0), "Cornell Belcher");
}

TEST(QuotesTest, WithoutEntitiesSpeakersKeepSurfaceNames) {
  auto a =
      AnalyzeText("T\n\n\"We won,\" Mr Berg said.", /*with_entities=*/false);
  ASSERT_EQ(a->quotes.size(), 1u);
  EXPECT_EQ(Speaker(*a, 0), "Mr Berg");
}

TEST(QuotesTest, EmptyAndMarkOnlyInputs) {
  EXPECT_TRUE(AnalyzeText("")->quotes.empty());
  EXPECT_TRUE(AnalyzeText("\"")->quotes.empty());
  EXPECT_TRUE(AnalyzeText("T\n\n\"\"")->quotes.empty());
  EXPECT_TRUE(AnalyzeText("T\n\n\u201c\u201d \u201c")->quotes.empty());
}

// Bad input through the public entry point: an article whose blocks cover
// `text` as one title and one paragraph (or as given).
Record AnalyzeRaw(std::string text, std::vector<Block> blocks = {}) {
  Record r;
  r.article.text = std::move(text);
  if (blocks.empty() && !r.article.text.empty()) {
    blocks.push_back({BlockKind::kParagraph, {0, r.article.text.size()}, ""});
  }
  r.article.blocks = std::move(blocks);
  AnalyzeArticle(AnalysisOptions(), &r);
  return r;
}

void ExpectSpansInside(const Record& r) {
  size_t n = r.article.text.size();
  for (const Quote& q : r.quotes) {
    EXPECT_LE(q.span.end, n);
    EXPECT_LE(q.span.begin, q.span.end);
    if (q.speaker) EXPECT_LE(q.speaker->span.end, n);
  }
  for (const Entity& e : r.entities) {
    for (Span s : e.mentions) EXPECT_LE(s.end, n);
  }
  for (const Figure& f : r.figures) EXPECT_LE(f.span.end, n);
}

TEST(AnalyzeBadInputTest, Empty) {
  Record r = AnalyzeRaw("");
  EXPECT_TRUE(r.quotes.empty());
  EXPECT_TRUE(r.entities.empty());
  EXPECT_TRUE(r.figures.empty());
}

TEST(AnalyzeBadInputTest, TruncatedQuoteAtTheEnd) {
  Record r = AnalyzeRaw("\"We will never give up, Mr Berg said, and then");
  ASSERT_EQ(r.quotes.size(), 1u);  // left open: runs to the paragraph end
  ExpectSpansInside(r);
}

TEST(AnalyzeBadInputTest, DeeplyNestedMarks) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "\u201c\u2018";
  for (int i = 0; i < 50000; ++i) text += "\u2019\u201d";
  ExpectSpansInside(AnalyzeRaw(text));
}

TEST(AnalyzeBadInputTest, HugeSentenceStaysLinear) {
  // One sentence of 120,000 words, quotes and cues in it: every backward
  // search is bounded, so this finishes at once (quadratic would not).
  std::string text;
  for (int i = 0; i < 6000; ++i) {
    text +=
        "\u201cYes,\u201d he said and Mr Smith told the president "
        "that \u201cno\u201d ";
  }
  Record r = AnalyzeRaw(text);
  EXPECT_GT(r.quotes.size(), 6000u);
  ExpectSpansInside(r);
}

TEST(AnalyzeBadInputTest, BinaryAndInvalidUtf8) {
  std::string text;
  uint32_t x = 12345;
  for (int i = 0; i < 100000; ++i) {
    x = x * 1103515245u + 12345u;
    text += static_cast<char>(x >> 24);  // any byte, NULs and \xff included
  }
  ExpectSpansInside(AnalyzeRaw(text));
}

TEST(AnalyzeBadInputTest, BlocksPastTheEndOfTheText) {
  Record r = AnalyzeRaw("\"Fine,\" said Ann Lee.",
                        {{BlockKind::kTitle, {0, 4}, ""},
                         {BlockKind::kParagraph, {0, 500}, ""},
                         {BlockKind::kParagraph, {900, 1000}, ""}});
  ExpectSpansInside(r);
}

}  // namespace
}  // namespace newstrace::analyze
