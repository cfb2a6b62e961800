// Bad input through the whole extract path: every case must return a value
// or a clean error, never crash or hang (the suite also runs under ASan and
// UBSan).
#include <gtest/gtest.h>

#include <string>

#include "newstrace/extract.h"

namespace newstrace {
namespace {

Result<Article> ExtractAs(std::string bytes, Format f,
                          ExtractOptions options = ExtractOptions()) {
  RawDoc doc;
  doc.id = "bad";
  doc.bytes = std::move(bytes);
  doc.format = f;
  return Extract(doc, options);
}

bool HasDiag(const Article& a, const std::string& code) {
  for (const auto& d : a.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

const char kPage[] =
    "<html><head><title>A headline</title></head><body><article>"
    "<p>The first paragraph of the story has enough words in it to count as "
    "a real paragraph of a news article.</p>"
    "<p>The second paragraph goes on with the story and adds a quote from "
    "somebody who was there when it happened.</p>"
    "</article></body></html>";

TEST(BadInputTest, TruncatedHtmlAtEveryCut) {
  std::string page(kPage);
  const size_t first_done = page.find("</p>") + 4;
  for (size_t cut = 1; cut < page.size(); cut += 7) {
    auto r = ExtractAs(page.substr(0, cut), Format::kHtml);
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kCorruption) << cut;
    } else if (cut >= first_done) {
      // What was complete before the cut survives it.
      EXPECT_NE(r->text.find("first paragraph of the story"), std::string::npos)
          << cut;
    }
  }
}

TEST(BadInputTest, TruncatedTextAtEveryCut) {
  std::string text =
      "Headline \xE2\x80\x9Cquoted\xE2\x80\x9D\n\nBy Jane Doe\n\nA paragraph "
      "of the article, with caf\xC3\xA9 and na\xC3\xAFve words.\n";
  for (size_t cut = 1; cut < text.size(); ++cut) {
    auto r = ExtractAs(text.substr(0, cut), Format::kText);
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kCorruption) << cut;
    }
  }
}

TEST(BadInputTest, InvalidUtf8InHtmlIsRepaired) {
  std::string page(kPage);
  // Mostly well-formed UTF-8 with two broken bytes: repaired, not a
  // legacy charset.
  page.insert(page.find("first"),
              "caf\xC3\xA9 na\xC3\xAFve r\xC3\xA9sum\xC3\xA9 \xC3\x28 \xFF ");
  auto r = ExtractAs(page, Format::kHtml);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(HasDiag(*r, "invalid_encoding"));
  ExtractOptions strict;
  strict.strict = true;
  auto s = ExtractAs(page, Format::kHtml, strict);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption);
}

TEST(BadInputTest, BinaryAsHtmlIsRejected) {
  std::string bin("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
  bin += std::string(1000, '\x01');
  auto r = ExtractAs(bin, Format::kHtml);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
}

TEST(BadInputTest, HugeHtmlPage) {
  std::string page = "<html><body><article>";
  std::string para =
      "<p>Another paragraph of a very long live blog that goes on and on "
      "with updates from the scene, each of them a few sentences long.</p>";
  while (page.size() < (20u << 20)) page += para;
  page += "</article></body></html>";
  auto r = ExtractAs(page, Format::kHtml);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT(r->BodyText().size(), 10u << 20);
}

TEST(BadInputTest, HtmlWithNulBytesAndControls) {
  std::string page(kPage);
  page.insert(page.find("second"), std::string("\0\x01\x02", 3));
  auto r = ExtractAs(page, Format::kHtml);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(HasDiag(*r, "nul_bytes"));
  EXPECT_EQ(r->text.find('\0'), std::string::npos);
}

TEST(BadInputTest, DeepNestingBeyondTheCapIsDroppedWithDiagnostic) {
  std::string page = "<html><body>";
  for (int i = 0; i < 2000; ++i) page += "<div>";
  page += "<p>deep paragraph text that sits below two thousand divs</p>";
  for (int i = 0; i < 2000; ++i) page += "</div>";
  page += "<p>shallow paragraph text that anyone can reach easily</p>";
  page += "</body></html>";
  auto r = ExtractAs(page, Format::kHtml);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find("shallow paragraph"), std::string::npos);
  EXPECT_EQ(r->text.find("deep paragraph"), std::string::npos);
  EXPECT_TRUE(HasDiag(*r, "depth_cap"));
  ExtractOptions deeper;
  deeper.max_html_depth = 5000;
  auto all = ExtractAs(page, Format::kHtml, deeper);
  ASSERT_TRUE(all.ok());
  EXPECT_NE(all->text.find("deep paragraph"), std::string::npos);
  EXPECT_FALSE(HasDiag(*all, "depth_cap"));
}

TEST(BadInputTest, UnbalancedAndGarbageMarkup) {
  for (std::string page :
       {std::string("<<<<>>>><p>text</div></span></p></p></html>"),
        std::string("<html><body><p>unclosed <b><i><u>tags everywhere"),
        std::string("<!-- never closed comment <p>hidden</p>"),
        std::string("<script>var x = '<p>not text</p>';"),
        std::string("<p>") + std::string(100000, '<'),
        std::string("<html>") + std::string(50000, '&') + "</html>"}) {
    auto r = ExtractAs(page, Format::kHtml);
    if (!r.ok()) EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  }
  // Unclosed inline tags keep their text.
  auto r = ExtractAs("<html><body><p>unclosed <b><i><u>tags everywhere",
                     Format::kHtml);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find("unclosed tags everywhere"), std::string::npos);
}

TEST(BadInputTest, TextWithoutNewlinesAndOnlyNewlines) {
  auto r = ExtractAs(std::string(200000, 'x'), Format::kText);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->blocks.empty());
  auto blank = ExtractAs(std::string(1000, '\n'), Format::kText);
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.status().code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace newstrace
