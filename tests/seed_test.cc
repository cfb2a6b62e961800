// The acceptance test on the document this project started from,
// ../shared/seeds/000_5b0cde3ef09c3124.txt (not copied into the repository).
// Skips with a message when ../shared is absent.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "newstrace/pipeline.h"
#include "testutil/files.h"
#include "testutil/shared_dir.h"

namespace newstrace {
namespace {

namespace fs = std::filesystem;

using testutil::SharedDir;

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

TEST(SeedTest, EveryBlockOfTheSeedArticle) {
  fs::path seed = SharedDir() / "seeds" / "000_5b0cde3ef09c3124.txt";
  if (!fs::exists(seed)) {
    GTEST_SKIP() << "../shared is absent: " << seed << " not found";
  }
  const std::string input = testutil::ReadWholeFile(seed);
  const std::vector<std::string> lines = Lines(input);
  ASSERT_EQ(lines.size(), 17u);

  RawDoc doc;
  doc.id = seed.string();
  doc.bytes = input;
  Result<Record> r = AnalyzeDocument(doc, AnalyzeOptions());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Article& a = r->article;

  struct Want {
    BlockKind kind;
    std::string text;
    std::string credit;
  };
  const std::string kGetty = "GETTY";
  std::vector<Want> want = {
      {BlockKind::kTitle, lines[0], ""},
      {BlockKind::kTagLine, lines[1], ""},
      {BlockKind::kCredit, kGetty, ""},
      {BlockKind::kCaption, lines[2].substr(kGetty.size()), kGetty},
  };
  for (int i = 3; i <= 7; ++i)
    want.push_back({BlockKind::kParagraph, lines[i], ""});
  want.push_back({BlockKind::kTagLine, lines[8], ""});
  want.push_back({BlockKind::kCredit, kGetty, ""});
  want.push_back({BlockKind::kCaption, lines[9].substr(kGetty.size()), kGetty});
  for (int i = 10; i <= 14; ++i) {
    want.push_back({BlockKind::kParagraph, lines[i], ""});
  }
  want.push_back({BlockKind::kRelatedLink, lines[15], ""});
  want.push_back({BlockKind::kRelatedLink, lines[16], ""});

  // The issue states 10 body paragraphs.
  int paragraphs = 0;
  for (const Want& w : want) paragraphs += w.kind == BlockKind::kParagraph;
  ASSERT_EQ(paragraphs, 10);

  ASSERT_EQ(a.blocks.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const Block& b = a.blocks[i];
    EXPECT_EQ(BlockKindName(b.kind), BlockKindName(want[i].kind))
        << "block " << i << ": " << a.SpanText(b.span);
    EXPECT_EQ(a.SpanText(b.span), want[i].text) << "block " << i;
    EXPECT_EQ(b.credit, want[i].credit) << "block " << i;
  }
  EXPECT_EQ(a.title, lines[0]);
  EXPECT_EQ(a.language, "en");
}

}  // namespace
}  // namespace newstrace
