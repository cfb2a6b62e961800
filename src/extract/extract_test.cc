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
