// Unit tests of quote pairing, attribution and entity linking on small
// articles of our own writing. Whole-article cases live in
// tests/golden/analyze/.
#include "analyze/quotes.h"

#include <gtest/gtest.h>

#include <string>

#include "analyze/entities.h"
#include "analyze/tokens.h"

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

std::unique_ptr<Analyzed> AnalyzeText(std::string text, bool with_entities = true) {
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

TEST(QuotesTest, WithoutEntitiesSpeakersKeepSurfaceNames) {
  auto a = AnalyzeText("T\n\n\"We won,\" Mr Berg said.", /*with_entities=*/false);
  ASSERT_EQ(a->quotes.size(), 1u);
  EXPECT_EQ(Speaker(*a, 0), "Mr Berg");
}

TEST(QuotesTest, EmptyAndMarkOnlyInputs) {
  EXPECT_TRUE(AnalyzeText("")->quotes.empty());
  EXPECT_TRUE(AnalyzeText("\"")->quotes.empty());
  EXPECT_TRUE(AnalyzeText("T\n\n\"\"")->quotes.empty());
  EXPECT_TRUE(AnalyzeText("T\n\n\u201c\u201d \u201c")->quotes.empty());
}

}  // namespace
}  // namespace newstrace::analyze
