#include "newstrace/extract.h"

#include <gtest/gtest.h>

#include <string>

namespace newstrace {
namespace {

Result<Article> ExtractBytes(std::string bytes, Format f = Format::kUnknown) {
  RawDoc doc;
  doc.id = "test";
  doc.bytes = std::move(bytes);
  doc.format = f;
  return Extract(doc, ExtractOptions());
}

TEST(ExtractTest, TextBlocksCoverEveryNonSpaceByte) {
  auto r = ExtractBytes(
      "Headline here\n\nFirst paragraph of the story.\n\nSecond one.");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->format, Format::kText);
  size_t covered = 0, non_space = 0;
  for (char c : r->text) non_space += (c != ' ' && c != '\n');
  size_t prev_end = 0;
  for (const Block& b : r->blocks) {
    EXPECT_GE(b.span.begin, prev_end);
    prev_end = b.span.end;
    for (char c : r->SpanText(b.span)) covered += (c != ' ' && c != '\n');
  }
  EXPECT_EQ(covered, non_space);
}

TEST(ExtractTest, DeeplyNestedHtmlDoesNotCrash) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>deep text</p>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  auto r = ExtractBytes(html, Format::kHtml);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
}

TEST(ExtractTest, EmptyInputFails) {
  auto r = ExtractBytes("");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace newstrace

namespace newstrace {
namespace {

// The caller's URL reaches metadata: the record's url and domain, and a
// date in the URL's path when the page states none.
TEST(ExtractTest, SourceUrlFeedsMetadata) {
  RawDoc doc;
  doc.id = "url";
  doc.format = Format::kHtml;
  doc.bytes =
      "<html><head><title>Pond count passes four thousand</title></head>"
      "<body><article><h1>Pond count passes four thousand</h1>"
      "<p>Volunteers carried buckets across the road on three wet nights "
      "and counted every toad, a record for the crossing.</p></article>"
      "</body></html>";
  auto without = Extract(doc, ExtractOptions());
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->published, "");
  EXPECT_EQ(without->source.domain, "");
  doc.source.url = "https://www.pond-news.example/2021/03/04/toads/";
  auto with = Extract(doc, ExtractOptions());
  ASSERT_TRUE(with.ok());
  EXPECT_EQ(with->published, "2021-03-04");
  EXPECT_EQ(with->source.domain, "pond-news.example");
}

}  // namespace
}  // namespace newstrace
