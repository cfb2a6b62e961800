// Issue 5's acceptance on the seed article (../shared/seeds/
// 000_5b0cde3ef09c3124.txt, not copied into the repository): every quote
// with its kind and speaker, the entities and the figure it names. Skips
// with a message when ../shared is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "newstrace/pipeline.h"
#include "testutil/files.h"
#include "testutil/shared_dir.h"

namespace newstrace {
namespace {

namespace fs = std::filesystem;

class SeedAnalysisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::path seed =
        testutil::SharedDir() / "seeds" / "000_5b0cde3ef09c3124.txt";
    if (!fs::exists(seed)) {
      GTEST_SKIP() << "../shared is absent: " << seed << " not found";
    }
    RawDoc doc;
    doc.id = seed.string();
    doc.bytes = testutil::ReadWholeFile(seed);
    Result<Record> r = AnalyzeDocument(doc, AnalyzeOptions());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    record_ = std::move(*r);
  }

  std::string Text(Span s) const {
    return std::string(record_.article.SpanText(s));
  }
  // The quote whose text starts with `prefix`, or null.
  const Quote* QuoteStarting(std::string_view prefix) const {
    for (const Quote& q : record_.quotes) {
      if (Text(q.span).starts_with(prefix)) return &q;
    }
    return nullptr;
  }
  const Entity* EntityNamed(std::string_view name) const {
    for (const Entity& e : record_.entities) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }

  Record record_;
};

TEST_F(SeedAnalysisTest, FourSentenceQuotesAreAllPutins) {
  struct Want {
    const char* prefix;
    RefVia via;
    const char* mention;
    const char* cue;
  };
  const Want wants[] = {
      {"After the military success", RefVia::kName, "Mr Putin",
       "said in a statement"},
      {"The Syrian president has made", RefVia::kPronoun, "he", "said"},
      {"And of course, the next task", RefVia::kRole, "the Russian president",
       "said"},
      {"Now we can take the next steps", RefVia::kName, "Putin", "told"},
  };
  for (const Want& w : wants) {
    SCOPED_TRACE(w.prefix);
    const Quote* q = QuoteStarting(w.prefix);
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->kind, QuoteKind::kFull);
    ASSERT_TRUE(q->speaker.has_value());
    EXPECT_EQ(q->speaker->name, "Vladimir Putin");
    EXPECT_EQ(q->speaker->via, w.via);
    EXPECT_EQ(Text(q->speaker->span), w.mention);
    EXPECT_EQ(Text(q->cue), w.cue);
  }
  const Quote* told = QuoteStarting("Now we can take");
  ASSERT_NE(told, nullptr);
  ASSERT_TRUE(told->addressee.has_value());
  EXPECT_EQ(told->addressee->name, "Bashar al-Assad");
}

TEST_F(SeedAnalysisTest, PartialAndScareQuotes) {
  int partial = 0;
  for (const Quote& q : record_.quotes) {
    std::string t = Text(q.span);
    if (t == "military success" ||
        (t == "political process" && q.kind == QuoteKind::kPartial)) {
      ++partial;
      EXPECT_EQ(q.kind, QuoteKind::kPartial) << t;
      ASSERT_TRUE(q.speaker.has_value()) << t;
      EXPECT_EQ(q.speaker->name, "Vladimir Putin") << t;
    }
  }
  EXPECT_EQ(partial, 2) << "the two partial quotes of the first paragraph";
  // The headline's 'political process' is the first quote of the text.
  ASSERT_FALSE(record_.quotes.empty());
  const Quote& headline = record_.quotes.front();
  EXPECT_EQ(Text(headline.span), "political process");
  EXPECT_EQ(headline.kind, QuoteKind::kScare);
  EXPECT_FALSE(headline.speaker.has_value());
  // Seven quotes in all: none comes from the boilerplate (tag lines,
  // captions, the appended headlines).
  EXPECT_EQ(record_.quotes.size(), 7u);
}

TEST_F(SeedAnalysisTest, Entities) {
  const std::pair<const char*, EntityType> wants[] = {
      {"Vladimir Putin", EntityType::kPerson},
      {"Bashar al-Assad", EntityType::kPerson},
      {"Staffan de Mistura", EntityType::kPerson},
      {"Sochi", EntityType::kPlace},
      {"Syria", EntityType::kPlace},
      {"Russia", EntityType::kPlace},
      {"Idlib", EntityType::kPlace},
      {"Moscow", EntityType::kPlace},
      {"Kremlin", EntityType::kOrganization},
      {"United Nations", EntityType::kOrganization},
  };
  for (const auto& [name, type] : wants) {
    const Entity* e = EntityNamed(name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, type) << name;
  }
  // One person under every name the article gives him.
  const Entity* putin = EntityNamed("Vladimir Putin");
  std::vector<std::string> mentions;
  for (Span s : putin->mentions) mentions.push_back(Text(s));
  for (const char* m : {"Vladimir Putin", "Mr Putin", "Putin"}) {
    EXPECT_NE(std::find(mentions.begin(), mentions.end(), m), mentions.end())
        << m;
  }
  // "Russian Federation" twice: one entity, Russia.
  const Entity* russia = EntityNamed("Russia");
  EXPECT_GE(russia->mentions.size(), 2u);
  EXPECT_EQ(EntityNamed("Russian Federation"), nullptr);
}

TEST_F(SeedAnalysisTest, Figures) {
  bool found = false;
  for (const Figure& f : record_.figures) {
    if (Text(f.span) == "2.3 million") {
      found = true;
      EXPECT_EQ(f.kind, FigureKind::kNumber);
      EXPECT_DOUBLE_EQ(f.value, 2.3e6);
      EXPECT_EQ(f.unit, "people");
    }
  }
  EXPECT_TRUE(found) << "2.3 million people";
}

}  // namespace
}  // namespace newstrace
