#include "ingest/field_map.h"

#include <gtest/gtest.h>

namespace newstrace::ingest {
namespace {

TEST(FieldMapTest, ApplyReplacesCandidates) {
  FieldMap m;
  ASSERT_TRUE(m.Apply("text=content, Title = headline").ok());
  EXPECT_EQ(m.text, std::vector<std::string>{"content"});
  EXPECT_EQ(m.title, std::vector<std::string>{"headline"});
  EXPECT_EQ(m.url, FieldMap().url);  // untouched
  EXPECT_TRUE(m.Apply("").ok());
}

TEST(FieldMapTest, FetchedIsMappedAndKeptAsWritten) {
  FieldMap m;
  ASSERT_TRUE(m.Apply("fetched=crawl_time").ok());
  EXPECT_EQ(m.fetched, std::vector<std::string>{"crawl_time"});
  RecordValues v;
  v.text = "Body text.";
  v.fetched = " 2018-01-25 16:17:44.789555 ";
  RawDoc doc;
  ASSERT_TRUE(BuildRecordDocument(std::move(v), "", &doc));
  EXPECT_EQ(doc.source.fetched, "2018-01-25 16:17:44.789555");
}

TEST(FieldMapTest, ApplyRejectsBadSpecs) {
  FieldMap m;
  EXPECT_EQ(m.Apply("body=text").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(m.Apply("text").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(m.Apply("text=").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(m.Apply("=x").code(), StatusCode::kInvalidArgument);
}

TEST(FieldMapTest, CandidateIndicesFollowCandidateOrder) {
  std::vector<std::string_view> keys = {"Body", "id", " TEXT ", "content"};
  std::vector<size_t> got = CandidateIndices(keys, FieldMap().text);
  EXPECT_EQ(got, (std::vector<size_t>{2, 3, 0}));
  EXPECT_TRUE(CandidateIndices(keys, {"title"}).empty());
}

TEST(FieldMapTest, CandidateIndicesTrimAnyWhiteSpace) {
  // Keys whose ends are visible ASCII skip the trim; the others are trimmed
  // as base::Trim does (ASCII and Unicode white space).
  std::vector<std::string_view> keys = {"\xC2\xA0Title\t", "\ttitle", "title ",
                                        "titles",          "itle",    "TITLE"};
  EXPECT_EQ(CandidateIndices(keys, {"title"}),
            (std::vector<size_t>{0, 1, 2, 5}));
  EXPECT_TRUE(CandidateIndices({"", " ", "\xC2\xA0"}, {"title"}).empty());
}

TEST(FieldMapTest, SplitAuthors) {
  EXPECT_EQ(SplitAuthors("Ruth Harris"),
            std::vector<std::string>{"Ruth Harris"});
  EXPECT_EQ(SplitAuthors(" A. Smith, B. Jones ;C. Doe,, "),
            (std::vector<std::string>{"A. Smith", "B. Jones", "C. Doe"}));
  EXPECT_EQ(SplitAuthors("Ann Lee and Bo Chan"),
            (std::vector<std::string>{"Ann Lee", "Bo Chan"}));
  EXPECT_EQ(SplitAuthors("A, B, and C"),
            (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_TRUE(SplitAuthors("  ").empty());
}

TEST(FieldMapTest, EpochToIsoDate) {
  EXPECT_EQ(EpochToIsoDate(0).value_or(""), "1970-01-01");
  EXPECT_EQ(EpochToIsoDate(1474272304).value_or(""), "2016-09-19");
  EXPECT_EQ(EpochToIsoDate(1474272304000.0).value_or(""), "2016-09-19");
  EXPECT_FALSE(EpochToIsoDate(-5).has_value());
  EXPECT_FALSE(EpochToIsoDate(1e20).has_value());
}

TEST(FieldMapTest, BuildRecordDocument) {
  RecordValues v;
  v.text = "Body text.";
  v.title = " A title ";
  v.domain = "https://www.Example.com/path";
  v.authors = {"X"};
  RawDoc doc;
  ASSERT_TRUE(BuildRecordDocument(v, "fake", &doc));
  EXPECT_EQ(doc.bytes, "Body text.");
  EXPECT_EQ(doc.format, Format::kText);
  EXPECT_EQ(doc.charset, "utf-8");
  EXPECT_EQ(doc.source.title, "A title");
  EXPECT_EQ(doc.source.domain, "example.com");
  EXPECT_EQ(doc.source.label, "fake");
  EXPECT_EQ(doc.source.authors, std::vector<std::string>{"X"});

  v.label = "1";
  v.domain = "nna";
  ASSERT_TRUE(BuildRecordDocument(v, "fake", &doc));
  EXPECT_EQ(doc.source.label, "1");
  EXPECT_EQ(doc.source.domain, "nna");

  RecordValues html;
  html.text = "  ";
  html.html = "<p>x</p>";
  ASSERT_TRUE(BuildRecordDocument(html, "", &doc));
  EXPECT_EQ(doc.format, Format::kHtml);
  EXPECT_EQ(doc.bytes, "<p>x</p>");
  EXPECT_TRUE(doc.source.domain.empty());

  EXPECT_FALSE(BuildRecordDocument(RecordValues(), "", &doc));
}

}  // namespace
}  // namespace newstrace::ingest
