#include "ingest/json_reader.h"

#include <gtest/gtest.h>

#include "testutil/reader_testutil.h"

namespace newstrace::ingest {
namespace {

using testutil::ReadAll;
using testutil::ReadResult;
using testutil::StrictOptions;
using testutil::TempDir;

// Shaped like a FakeNewsNet v1 file (invented content).
constexpr const char* kFakeNewsNetLike = R"({
  "top_img": "http://img.example/a.jpg",
  "text": "The council met on Tuesday.\n\nIt voted to reopen the bridge.",
  "keywords": [], "images": ["http://img.example/a.jpg"],
  "title": "Council votes to reopen bridge",
  "url": "http://www.daily.example/2016/09/19/bridge",
  "canonical_link": "http://daily.example/bridge",
  "movies": [], "summary": "",
  "authors": ["Pat Quill", "Lee Ink"],
  "publish_date": {"$date": 1474272304000},
  "source": "http://www.daily.example",
  "meta_data": {"og": {"type": "article"}}
})";

TEST(JsonReaderTest, OneObjectIsOneDocument) {
  TempDir dir;
  std::string path = dir.Write("one.json", kFakeNewsNetLike);
  ReaderOptions options;
  options.label = "real";
  ReadResult r = ReadAll(path, options);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.docs.size(), 1u);
  const RawDoc& d = r.docs[0];
  EXPECT_EQ(d.id, path);
  EXPECT_EQ(d.format, Format::kText);
  EXPECT_EQ(d.bytes,
            "The council met on Tuesday.\n\nIt voted to reopen the bridge.");
  EXPECT_EQ(d.source.title, "Council votes to reopen bridge");
  EXPECT_EQ(d.source.url, "http://www.daily.example/2016/09/19/bridge");
  EXPECT_EQ(d.source.domain, "daily.example");
  EXPECT_EQ(d.source.published, "2016-09-19");
  EXPECT_EQ(d.source.authors,
            (std::vector<std::string>{"Pat Quill", "Lee Ink"}));
  EXPECT_EQ(d.source.label, "real");
  EXPECT_EQ(r.stats.documents, 1u);
}

TEST(JsonReaderTest, NullAndOddPublishDatesAreHandled) {
  TempDir dir;
  ReadResult r = ReadAll(
      dir.Write("a.json",
                R"([{"text": "a", "publish_date": null, "authors": null},
          {"text": "b", "publish_date": 1e30},
          {"text": "c", "publish_date": {"$date": {"$numberLong": "1474272304000"}}},
          {"text": "d", "publish_date": {"weird": 1}},
          {"text": "e", "publish_date": 1474272304}])"));
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 5u);
  EXPECT_EQ(r.docs[0].source.published, "");
  EXPECT_TRUE(r.docs[0].source.authors.empty());
  EXPECT_EQ(r.docs[1].source.published, "");
  EXPECT_EQ(r.docs[2].source.published, "2016-09-19");
  EXPECT_EQ(r.docs[3].source.published, "");
  EXPECT_EQ(r.docs[4].source.published, "2016-09-19");
}

TEST(JsonReaderTest, ArrayOfRecordsWithBadItems) {
  TempDir dir;
  std::string path =
      dir.Write("arr.json",
                R"([{"text": "first", "labels": 0}, 42, {"title": "no text"},
          {"body": "fourth", "site": "https://m.example/x"}])");
  ReadResult r = ReadAll(path);
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].id, path + ":1");
  EXPECT_EQ(r.docs[0].source.label, "0");
  EXPECT_EQ(r.docs[1].id, path + ":4");
  EXPECT_EQ(r.docs[1].source.domain, "m.example");
  EXPECT_EQ(r.stats.malformed, 2u);
  EXPECT_TRUE(r.HasProblem("not_object"));
  EXPECT_TRUE(r.HasProblem("no_text"));
  EXPECT_EQ(ReadAll(path, StrictOptions()).status.code(),
            StatusCode::kCorruption);
}

TEST(JsonReaderTest, BrokenFilesAreOneMalformedRecordEach) {
  TempDir dir;
  struct Case {
    std::string bytes;
    const char* code;
  } cases[] = {
      {"", "empty_file"},
      {"{\"text\": \"unterminated", "bad_json"},
      {"\"just a string\"", "not_object"},
      {std::string(100000, '['), "bad_json"},
      {"{\"text\": \"\xc3\x28\"}", "invalid_utf8"},
      {std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "binary"},
  };
  int i = 0;
  for (const Case& c : cases) {
    std::string path = dir.Write("c" + std::to_string(i++) + ".json", c.bytes);
    ReadResult r = ReadAll(path);
    EXPECT_TRUE(r.status.ok()) << c.code;
    EXPECT_TRUE(r.docs.empty()) << c.code;
    EXPECT_EQ(r.stats.malformed, 1u) << c.code;
    EXPECT_TRUE(r.HasProblem(c.code))
        << c.code << ": "
        << (r.stats.problems.empty() ? "" : r.stats.problems[0].code);
    EXPECT_EQ(ReadAll(path, StrictOptions()).status.code(),
              StatusCode::kCorruption);
  }
}

TEST(JsonReaderTest, TextArrayIsJoinedAsParagraphs) {
  TempDir dir;
  ReadResult r = ReadAll(dir.Write(
      "p.json",
      R"({"text": ["Para one.", "Para two."], "title": ["A", "B"]})"));
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].bytes, "Para one.\n\nPara two.");
  EXPECT_EQ(r.docs[0].source.title, "A, B");
}

TEST(JsonReaderTest, FileOverCapIsMalformed) {
  TempDir dir;
  std::string path =
      dir.Write("big.json", "{\"text\": \"" + std::string(5000, 'x') + "\"}");
  ReaderOptions options;
  options.max_bytes = 1000;
  ReadResult r = ReadAll(path, options);
  EXPECT_TRUE(r.status.ok());
  EXPECT_TRUE(r.docs.empty());
  EXPECT_TRUE(r.HasProblem("too_large"));
}

}  // namespace
}  // namespace newstrace::ingest
