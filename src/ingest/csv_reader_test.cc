#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include "testutil/reader_testutil.h"

namespace newstrace::ingest {
namespace {

using testutil::Gzip;
using testutil::ReadAll;
using testutil::ReadResult;
using testutil::StrictOptions;
using testutil::TempDir;

TEST(CsvReaderTest, QuotedFieldsAndLineEnds) {
  TempDir dir;
  std::string path = dir.Write(
      "a.csv",
      "\xEF\xBB\xBFid,title,content,authors,type,url\r\n"
      "1,\"Comma, in title\",\"Line one\r\nLine two, \"\"quoted\"\"\","
      "\"Ann Lee, Bo Chan\",fake,http://x.example/1\r\n"
      "\r\n"
      "2,Plain,Just text,,,\n"
      "3,Short row,Only three\n"
      "4,Long row,Has extra,A,reliable,http://y.example/4,extra1,extra2\r"
      "5,Last,\"No newline at end\"");
  ReaderOptions options;
  options.label = "dflt";
  ReadResult r = ReadAll(path, options);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.docs.size(), 5u);
  EXPECT_EQ(r.stats.malformed, 0u);
  const RawDoc& a = r.docs[0];
  EXPECT_EQ(a.id, path + ":1");
  EXPECT_EQ(a.source.title, "Comma, in title");
  EXPECT_EQ(a.bytes, "Line one\r\nLine two, \"quoted\"");
  EXPECT_EQ(a.source.authors, (std::vector<std::string>{"Ann Lee", "Bo Chan"}));
  EXPECT_EQ(a.source.label, "fake");
  EXPECT_EQ(a.source.url, "http://x.example/1");
  EXPECT_EQ(a.charset, "utf-8");
  EXPECT_EQ(r.docs[1].id, path + ":2");
  EXPECT_EQ(r.docs[1].source.label, "dflt");
  EXPECT_EQ(r.docs[2].bytes, "Only three");
  EXPECT_EQ(r.docs[2].source.url, "");
  EXPECT_EQ(r.docs[3].source.label, "reliable");
  EXPECT_EQ(r.docs[3].source.url, "http://y.example/4");
  EXPECT_EQ(r.docs[4].id, path + ":5");
  EXPECT_EQ(r.docs[4].bytes, "No newline at end");
}

TEST(CsvReaderTest, TabSeparated) {
  TempDir dir;
  ReadResult r = ReadAll(
      dir.Write("a.tsv", "text\ttitle\nfirst, with comma\tT1\nsecond\tT2\n"));
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].bytes, "first, with comma");
  EXPECT_EQ(r.docs[1].source.title, "T2");
}

TEST(CsvReaderTest, UnclosedQuoteLosesOnlyTheLastRecord) {
  TempDir dir;
  std::string path = dir.Write(
      "q.csv", "text,title\nfine,A\nalso fine,B\n\"never closed,C\nmore\n");
  ReadResult r = ReadAll(path);
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.stats.malformed, 1u);
  EXPECT_TRUE(r.HasProblem("unclosed_quote"));
  EXPECT_NE(r.stats.problems[0].message.find(path + ":3:"), std::string::npos);
  ReadResult s = ReadAll(path, StrictOptions());
  EXPECT_EQ(s.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(s.docs.size(), 2u);
}

TEST(CsvReaderTest, Cp1252FileIsConverted) {
  TempDir dir;
  // "café" and curly quotes in windows-1252.
  std::string path =
      dir.Write("w.csv",
                "article_title,article_content,source,labels\r\n"
                "Caf\xE9 \x93news\x94,Body in caf\xE9 with \x80 5,nna,1\r\n");
  ReadResult r = ReadAll(path);
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].source.title, "Caf\xC3\xA9 \xE2\x80\x9Cnews\xE2\x80\x9D");
  EXPECT_EQ(r.docs[0].bytes, "Body in caf\xC3\xA9 with \xE2\x82\xAC 5");
  EXPECT_EQ(r.docs[0].charset, "utf-8");
  EXPECT_EQ(r.docs[0].source.domain, "nna");
  EXPECT_EQ(r.docs[0].source.label, "1");
}

TEST(CsvReaderTest, SmallFileWithOneBadByteIsCp1252) {
  TempDir dir;
  ReadResult r = ReadAll(dir.Write("s.csv", "title,text\nNa\xEFve,body\n"));
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].source.title, "Na\xC3\xAFve");
}

TEST(CsvReaderTest, StrayBadBytesInUtf8FileAreRepairedInMetadata) {
  TempDir dir;
  // Valid UTF-8 beyond the 1 MiB that decides the encoding.
  std::string head = "title,text\n";
  for (int i = 0; i < 130000; ++i) head += "T\xC3\xA9,body\n";
  ReadResult r =
      ReadAll(dir.Write("m.csv", head + "Bad \xFF title,bad \xFF body\n"));
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 130001u);
  EXPECT_EQ(r.docs[0].source.title, "T\xC3\xA9");
  const RawDoc& last = r.docs.back();
  EXPECT_EQ(last.source.title, "Bad \xEF\xBF\xBD title");
  EXPECT_EQ(last.bytes, "bad \xFF body");  // left for DecodeToUtf8
  EXPECT_EQ(last.charset, "");
}

TEST(CsvReaderTest, MalformedRowsAreCounted) {
  TempDir dir;
  std::string path = dir.Write(
      "m.csv", "title,text\nA,\nB," + std::string(5000, 'x') + "\nC,ok\n");
  ReaderOptions options;
  options.max_bytes = 1000;
  ReadResult r = ReadAll(path, options);
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, path + ":3");
  EXPECT_EQ(r.stats.malformed, 2u);
  EXPECT_TRUE(r.HasProblem("no_text"));
  EXPECT_TRUE(r.HasProblem("too_large"));
}

TEST(CsvReaderTest, EmptyHeaderOnlyAndBinary) {
  TempDir dir;
  ReadResult e = ReadAll(dir.Write("e.csv", ""));
  EXPECT_TRUE(e.docs.empty());
  EXPECT_TRUE(e.HasProblem("empty_file"));
  ReadResult h = ReadAll(dir.Write("h.csv", "text,title\n"));
  EXPECT_TRUE(h.docs.empty());
  EXPECT_EQ(h.stats.malformed, 0u);
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk.push_back(static_cast<char>(i % 9));
  ReadResult b = ReadAll(dir.Write("b.csv", junk));
  EXPECT_TRUE(b.docs.empty());
  EXPECT_TRUE(b.HasProblem("binary"));
}

TEST(CsvReaderTest, GzipAndTruncatedGzip) {
  TempDir dir;
  std::string csv = "text,title\n";
  for (int i = 0; i < 2000; ++i) {
    csv += "\"Body " + std::to_string(i) + ", long enough\",T\n";
  }
  ReadResult r = ReadAll(dir.Write("g.csv.gz", Gzip(csv)));
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.docs.size(), 2000u);
  std::string gz = Gzip(csv);
  ReadResult t = ReadAll(dir.Write("t.csv.gz", gz.substr(0, gz.size() / 2)));
  ASSERT_TRUE(t.status.ok());
  EXPECT_GT(t.docs.size(), 10u);
  EXPECT_LT(t.docs.size(), 2000u);
  EXPECT_EQ(t.stats.malformed, 1u);
  EXPECT_TRUE(t.HasProblem("bad_gzip"));
}

}  // namespace
}  // namespace newstrace::ingest
