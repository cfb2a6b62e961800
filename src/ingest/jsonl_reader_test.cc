#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "testutil/reader_testutil.h"

namespace newstrace::ingest {
namespace {

using testutil::Gzip;
using testutil::ReadAll;
using testutil::ReadResult;
using testutil::StrictOptions;
using testutil::TempDir;

std::string Line(int i) {
  return "{\"id\": " + std::to_string(i) + ", \"text\": \"Story number " +
         std::to_string(i) + ".\", \"title\": \"T" + std::to_string(i) +
         "\"}\n";
}

TEST(JsonlReaderTest, ReadsRecordsAndFields) {
  TempDir dir;
  std::string path = dir.Write(
      "a.jsonl",
      "{\"text\": \"Body one.\", \"title\": \"One\", \"url\": "
      "\"https://www.news.example/a\", \"authors\": [\"Ann Lee\", \"Bo "
      "Chan\"], \"label\": 1, \"published\": \"2017-11-21\", \"domain\": "
      "\"https://news.example/x\"}\n"
      "\n"
      "   \r\n"
      "{\"Content\": \"Body two.\", \"Headline\": \"Two\", \"author\": \"Cy "
      "Doe, Di Roe\", \"date_publish\": 1511222400, \"type\": true}\r\n"
      "{\"html\": \"<p>Three</p>\", \"published\": {\"$date\": "
      "1474272304000}}");
  ReaderOptions options;
  options.label = "default";
  ReadResult r = ReadAll(path, options);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.stats.documents, 3u);
  EXPECT_EQ(r.stats.malformed, 0u);

  const RawDoc& a = r.docs[0];
  EXPECT_EQ(a.id, path + ":1");
  EXPECT_EQ(a.bytes, "Body one.");
  EXPECT_EQ(a.format, Format::kText);
  EXPECT_EQ(a.charset, "utf-8");
  EXPECT_EQ(a.source.title, "One");
  EXPECT_EQ(a.source.url, "https://www.news.example/a");
  EXPECT_EQ(a.source.domain, "news.example");
  EXPECT_EQ(a.source.authors, (std::vector<std::string>{"Ann Lee", "Bo Chan"}));
  EXPECT_EQ(a.source.label, "1");
  EXPECT_EQ(a.source.published, "2017-11-21");

  const RawDoc& b = r.docs[1];
  EXPECT_EQ(b.id, path + ":4");
  EXPECT_EQ(b.bytes, "Body two.");
  EXPECT_EQ(b.source.title, "Two");
  EXPECT_EQ(b.source.authors, (std::vector<std::string>{"Cy Doe", "Di Roe"}));
  EXPECT_EQ(b.source.published, "2017-11-21");
  EXPECT_EQ(b.source.label, "true");

  const RawDoc& c = r.docs[2];
  EXPECT_EQ(c.id, path + ":5");
  EXPECT_EQ(c.format, Format::kHtml);
  EXPECT_EQ(c.bytes, "<p>Three</p>");
  EXPECT_EQ(c.source.published, "2016-09-19");
  EXPECT_EQ(c.source.label, "default");
}

TEST(JsonlReaderTest, MalformedLinesAreCountedAndSkipped) {
  TempDir dir;
  std::string deep(100000, '[');
  std::string path =
      dir.Write("m.ndjson", Line(1) + "not json at all\n" + "[1, 2]\n" +
                                "{\"title\": \"no text\"}\n" + deep + "\n" +
                                "{\"text\": \"bad \xff\xfe utf8\"}\n" +
                                std::string("\x01\x02\x00\x03junk", 8) + "\n" +
                                "{\"text\": \"cut" + "\n" + Line(9));
  ReadResult r = ReadAll(path);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].id, path + ":1");
  EXPECT_EQ(r.docs[1].id, path + ":9");
  EXPECT_EQ(r.stats.malformed, 7u);
  EXPECT_TRUE(r.HasProblem("bad_json"));
  EXPECT_TRUE(r.HasProblem("not_object"));
  EXPECT_TRUE(r.HasProblem("no_text"));
  EXPECT_TRUE(r.HasProblem("invalid_utf8"));
  // Messages name the file and line.
  EXPECT_EQ(r.stats.problems[0].message.rfind(path + ":2: ", 0), 0u)
      << r.stats.problems[0].message;
}

TEST(JsonlReaderTest, StrictFailsOnFirstMalformedLine) {
  TempDir dir;
  std::string path = dir.Write("s.jsonl", Line(1) + "{oops\n" + Line(3));
  ReadResult r = ReadAll(path, StrictOptions());
  EXPECT_EQ(r.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(r.docs.size(), 1u);
  EXPECT_NE(r.status.message().find(":2:"), std::string::npos);
}

TEST(JsonlReaderTest, LineOverCapIsSkippedAndStreamedPast) {
  TempDir dir;
  std::string big = "{\"text\": \"" + std::string(300000, 'x') + "\"}\n";
  std::string path = dir.Write("big.jsonl", Line(1) + big + Line(3));
  ReaderOptions options;
  options.max_bytes = 100000;
  ReadResult r = ReadAll(path, options);
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[1].id, path + ":3");
  EXPECT_EQ(r.stats.malformed, 1u);
  EXPECT_TRUE(r.HasProblem("too_large"));
}

// A 100 MB line with the default 64 MiB cap: skipped without holding it,
// the lines around it still read.
TEST(JsonlReaderTest, HundredMegabyteLine) {
  TempDir dir;
  std::string path = dir.path() + "/huge.jsonl";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::string first = Line(1);
    std::fwrite(first.data(), 1, first.size(), f);
    std::string chunk(1 << 20, 'y');
    std::fputs("{\"text\": \"", f);
    for (int i = 0; i < 100; ++i) std::fwrite(chunk.data(), 1, chunk.size(), f);
    std::fputs("\"}\n", f);
    std::string last = Line(3);
    std::fwrite(last.data(), 1, last.size(), f);
    std::fclose(f);
  }
  ReadResult r = ReadAll(path);
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].bytes, "Story number 1.");
  EXPECT_EQ(r.docs[1].id, path + ":3");
  EXPECT_EQ(r.stats.malformed, 1u);
  EXPECT_TRUE(r.HasProblem("too_large"));
}

TEST(JsonlReaderTest, EmptyFileAndBinaryJunk) {
  TempDir dir;
  ReadResult e = ReadAll(dir.Write("e.jsonl", ""));
  EXPECT_TRUE(e.status.ok());
  EXPECT_TRUE(e.docs.empty());
  EXPECT_EQ(e.stats.malformed, 1u);
  EXPECT_TRUE(e.HasProblem("empty_file"));

  std::string junk;
  for (int i = 0; i < 20000; ++i) junk.push_back(static_cast<char>(i * 131));
  ReadResult b = ReadAll(dir.Write("b.jsonl", junk));
  EXPECT_TRUE(b.status.ok());
  EXPECT_TRUE(b.docs.empty());
  EXPECT_EQ(b.stats.malformed, 1u);
  EXPECT_TRUE(b.HasProblem("binary"));
  EXPECT_EQ(ReadAll(dir.path() + "/b.jsonl", StrictOptions()).status.code(),
            StatusCode::kCorruption);
}

TEST(JsonlReaderTest, GzipInput) {
  TempDir dir;
  std::string text;
  for (int i = 1; i <= 500; ++i) text += Line(i);
  ReadResult r = ReadAll(dir.Write("g.jsonl.gz", Gzip(text)));
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.docs.size(), 500u);
  EXPECT_EQ(r.stats.malformed, 0u);
}

TEST(JsonlReaderTest, TruncatedGzipMemberIsOneMalformedRecord) {
  TempDir dir;
  std::string first, second;
  for (int i = 1; i <= 10; ++i) first += Line(i);
  for (int i = 11; i <= 400; ++i) second += Line(i);
  std::string g2 = Gzip(second);
  std::string path =
      dir.Write("t.jsonl.gz", Gzip(first) + g2.substr(0, g2.size() / 2));
  ReadResult r = ReadAll(path);
  ASSERT_TRUE(r.status.ok());
  EXPECT_GE(r.docs.size(), 10u);
  EXPECT_LT(r.docs.size(), 400u);
  EXPECT_EQ(r.stats.malformed, 1u);
  EXPECT_TRUE(r.HasProblem("bad_gzip"));
  EXPECT_EQ(ReadAll(path, StrictOptions()).status.code(),
            StatusCode::kCorruption);
}

TEST(JsonlReaderTest, DamagedMiddleMemberDoesNotEatTheNextOne) {
  TempDir dir;
  std::string a, b, c;
  for (int i = 1; i <= 5; ++i) a += Line(i);
  for (int i = 6; i <= 300; ++i) b += Line(i);
  for (int i = 301; i <= 305; ++i) c += Line(i);
  std::string gb = Gzip(b);
  ReadResult r = ReadAll(
      dir.Write("d.jsonl.gz", Gzip(a) + gb.substr(0, gb.size() / 2) + Gzip(c)));
  ASSERT_TRUE(r.status.ok());
  ASSERT_GE(r.docs.size(), 10u);
  // The last member's five lines all come through.
  EXPECT_EQ(r.docs.back().bytes, "Story number 305.");
  EXPECT_EQ(r.docs[r.docs.size() - 5].bytes, "Story number 301.");
  EXPECT_GE(r.stats.malformed, 1u);
  EXPECT_TRUE(r.HasProblem("bad_gzip"));
}

}  // namespace
}  // namespace newstrace::ingest
