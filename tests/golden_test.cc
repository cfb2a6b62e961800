// Golden cases for extraction: tests/golden/extract/<case>/ holds
// input.txt or input.html (written by us) and expected.json, which states
// what a careful person says the record must contain. Keys, all optional:
//   "format", "title", "published", "language": exact string
//   "authors": exact list
//   "blocks": the full block list, in order: [{"kind","text"[,"credit"]}]
//   "body": the exact list of body (paragraph + heading) block texts
//   "has_blocks": blocks that must appear, in this order, among others
//   "body_includes" / "body_excludes": snippets that must (not) be in the
//       body text
// Every case also checks the record's invariants: blocks in order, not
// overlapping, spans inside the text, and (for text input) every non-space
// byte of the text inside some block.
// Cases are discovered when golden_test is built: after adding a case to an
// existing build, rebuild golden_test (or run it directly) to see it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "newstrace/ingest.h"
#include "newstrace/pipeline.h"
#include "testutil/files.h"

namespace newstrace {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using testutil::ReadWholeFile;

std::vector<std::string> Cases() { return testutil::GoldenCases("extract"); }

class GoldenTest : public ::testing::TestWithParam<std::string> {};

std::string Describe(const Article& a) {
  std::string s;
  for (const Block& b : a.blocks) {
    s += "  [" + std::string(BlockKindName(b.kind)) + "] " +
         std::string(a.SpanText(b.span)).substr(0, 100);
    if (!b.credit.empty()) s += " (credit " + b.credit + ")";
    s += "\n";
  }
  return s;
}

TEST_P(GoldenTest, MatchesExpected) {
  fs::path dir =
      fs::path(NEWSTRACE_SOURCE_DIR) / "tests/golden/extract" / GetParam();
  RawDoc doc;
  ASSERT_TRUE(testutil::ReadGoldenInput(dir, &doc))
      << "no input.txt or input.html in " << dir;
  const Format format = doc.format;
  ASSERT_TRUE(fs::exists(dir / "expected.json")) << dir;
  json expected = json::parse(ReadWholeFile(dir / "expected.json"));

  Result<Record> r = AnalyzeDocument(doc, AnalyzeOptions());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Article& a = r->article;
  SCOPED_TRACE("blocks found:\n" + Describe(a));

  // Invariants.
  size_t prev_end = 0;
  std::vector<bool> covered(a.text.size(), false);
  for (const Block& b : a.blocks) {
    ASSERT_LE(b.span.begin, b.span.end);
    ASSERT_LE(b.span.end, a.text.size());
    EXPECT_GE(b.span.begin, prev_end) << "blocks overlap or are out of order";
    prev_end = b.span.end;
    for (size_t i = b.span.begin; i < b.span.end; ++i) covered[i] = true;
  }
  if (format == Format::kText) {
    for (size_t i = 0; i < a.text.size(); ++i) {
      char c = a.text[i];
      if (c != ' ' && c != '\n' && c != '\t') {
        ASSERT_TRUE(covered[i])
            << "byte " << i << " of the text is in no block";
      }
    }
  }

  for (const char* key : {"format", "title", "published", "language"}) {
    if (!expected.contains(key)) continue;
    std::string got = key == std::string("format")
                          ? std::string(FormatName(a.format))
                      : key == std::string("title")     ? a.title
                      : key == std::string("published") ? a.published
                                                        : a.language;
    EXPECT_EQ(got, expected[key].get<std::string>()) << key;
  }
  if (expected.contains("authors")) {
    EXPECT_EQ(a.authors, expected["authors"].get<std::vector<std::string>>());
  }
  if (expected.contains("blocks")) {
    const json& eb = expected["blocks"];
    EXPECT_EQ(a.blocks.size(), eb.size()) << "block count";
    for (size_t i = 0; i < std::min(a.blocks.size(), eb.size()); ++i) {
      const Block& b = a.blocks[i];
      EXPECT_EQ(BlockKindName(b.kind), eb[i]["kind"].get<std::string>())
          << "block " << i << ": " << a.SpanText(b.span);
      EXPECT_EQ(a.SpanText(b.span), eb[i]["text"].get<std::string>())
          << "block " << i;
      EXPECT_EQ(b.credit, eb[i].value("credit", std::string()))
          << "block " << i;
    }
  }
  if (expected.contains("has_blocks")) {
    size_t next = 0;
    for (const json& want : expected["has_blocks"]) {
      std::string kind = want["kind"].get<std::string>();
      std::string text = want["text"].get<std::string>();
      bool found = false;
      for (; next < a.blocks.size(); ++next) {
        const Block& b = a.blocks[next];
        if (BlockKindName(b.kind) == kind && a.SpanText(b.span) == text &&
            b.credit == want.value("credit", std::string())) {
          found = true;
          ++next;
          break;
        }
      }
      EXPECT_TRUE(found) << "missing (in order) [" << kind << "] " << text;
      if (!found) break;
    }
  }
  std::string body = a.BodyText();
  if (expected.contains("body")) {
    std::vector<std::string> got;
    for (const Block& b : a.blocks) {
      if (IsBodyKind(b.kind)) got.emplace_back(a.SpanText(b.span));
    }
    EXPECT_EQ(got, expected["body"].get<std::vector<std::string>>());
  }
  for (const json& s : expected.value("body_includes", json::array())) {
    EXPECT_NE(body.find(s.get<std::string>()), std::string::npos)
        << "body lacks: " << s;
  }
  for (const json& s : expected.value("body_excludes", json::array())) {
    EXPECT_EQ(body.find(s.get<std::string>()), std::string::npos)
        << "body has: " << s;
  }
}

INSTANTIATE_TEST_SUITE_P(Extract, GoldenTest, ::testing::ValuesIn(Cases()),
                         [](const auto& info) {
                           return testutil::GoldenTestName(info.param);
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenTest);

}  // namespace
}  // namespace newstrace
