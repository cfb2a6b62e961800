#include "ingest/open_reader.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "testutil/reader_testutil.h"

namespace newstrace::ingest {
namespace {

using testutil::ReadAll;
using testutil::ReadResult;
using testutil::StrictOptions;
using testutil::TempDir;

TEST(OpenReaderTest, FileKindByExtension) {
  EXPECT_EQ(FileKindOf("a/b.TXT"), FileKind::kText);
  EXPECT_EQ(FileKindOf("x.text"), FileKind::kText);
  EXPECT_EQ(FileKindOf("x.htm"), FileKind::kHtml);
  EXPECT_EQ(FileKindOf("x.xhtml"), FileKind::kHtml);
  EXPECT_EQ(FileKindOf("x.json"), FileKind::kJson);
  EXPECT_EQ(FileKindOf("x.json.gz"), FileKind::kJson);
  EXPECT_EQ(FileKindOf("x.jsonl"), FileKind::kJsonl);
  EXPECT_EQ(FileKindOf("x.ndjson.gz"), FileKind::kJsonl);
  EXPECT_EQ(FileKindOf("x.csv.gz"), FileKind::kCsv);
  EXPECT_EQ(FileKindOf("x.tsv"), FileKind::kTsv);
  EXPECT_EQ(FileKindOf("crawl.warc.gz"), FileKind::kWarc);
  EXPECT_EQ(FileKindOf("CRAWL.WARC"), FileKind::kWarc);
  EXPECT_EQ(FileKindOf("x.txt.gz"), FileKind::kSkip);
  EXPECT_EQ(FileKindOf("x.png"), FileKind::kSkip);
  EXPECT_EQ(FileKindOf("x.pdf"), FileKind::kSkip);
  EXPECT_EQ(FileKindOf("README"), FileKind::kOther);
  EXPECT_EQ(FileKindOf("notes.md"), FileKind::kOther);
  EXPECT_EQ(FileKindOf("dir.json/file"), FileKind::kOther);
}

TEST(OpenReaderTest, BadPaths) {
  EXPECT_EQ(OpenReader("", ReaderOptions()).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(
      OpenReader("/nonexistent/newstrace.txt", ReaderOptions()).status().code(),
      StatusCode::kNotFound);
}

TEST(OpenReaderTest, SingleDocuments) {
  TempDir dir;
  ReaderOptions options;
  options.label = "satire";
  ReadResult t = ReadAll(dir.Write("a.txt", "Plain story."), options);
  ASSERT_EQ(t.docs.size(), 1u);
  EXPECT_EQ(t.docs[0].id, dir.path() + "/a.txt");
  EXPECT_EQ(t.docs[0].bytes, "Plain story.");
  EXPECT_EQ(t.docs[0].format, Format::kText);
  EXPECT_EQ(t.docs[0].source.label, "satire");
  EXPECT_EQ(t.stats.documents, 1u);

  ReadResult h = ReadAll(dir.Write("a.htm", "<p>x</p>"));
  ASSERT_EQ(h.docs.size(), 1u);
  EXPECT_EQ(h.docs[0].format, Format::kHtml);

  ReadResult o = ReadAll(dir.Write("README", "Some words."));
  ASSERT_EQ(o.docs.size(), 1u);
  EXPECT_EQ(o.docs[0].format, Format::kUnknown);

  ReadResult b = ReadAll(dir.Write("blob.dat", std::string(600, '\0')));
  EXPECT_TRUE(b.docs.empty());
  EXPECT_EQ(b.stats.skipped, 1u);

  ReadResult bt = ReadAll(dir.Write("bin.txt", std::string(600, '\x01')));
  EXPECT_TRUE(bt.docs.empty());
  EXPECT_TRUE(bt.HasProblem("binary"));

  // Non-UTF-8 bytes pass through: DecodeToUtf8 decides later.
  ReadResult l = ReadAll(dir.Write("latin.txt", "caf\xE9"));
  ASSERT_EQ(l.docs.size(), 1u);
  EXPECT_EQ(l.docs[0].bytes, "caf\xE9");
}

TEST(OpenReaderTest, SingleFileOverCapAndEmpty) {
  TempDir dir;
  std::string big = dir.Write("big.txt", std::string(5000, 'x'));
  ReaderOptions options;
  options.max_bytes = 1000;
  ReadResult r = ReadAll(big, options);
  EXPECT_TRUE(r.status.ok());
  EXPECT_TRUE(r.docs.empty());
  EXPECT_TRUE(r.HasProblem("too_large"));
  options.strict = true;
  EXPECT_EQ(ReadAll(big, options).status.code(), StatusCode::kCorruption);

  ReadResult e = ReadAll(dir.Write("e.html", ""));
  EXPECT_TRUE(e.docs.empty());
  EXPECT_TRUE(e.HasProblem("empty_file"));
  EXPECT_EQ(ReadAll(dir.path() + "/e.html", StrictOptions()).status.code(),
            StatusCode::kCorruption);
}

// Next() after the end keeps returning false and counts nothing more.
TEST(OpenReaderTest, NextAfterTheEndStaysAtTheEnd) {
  TempDir dir;
  std::string junk;
  for (int i = 0; i < 3000; ++i) junk.push_back(static_cast<char>(i % 7));
  junk += "\n{\"text\": \"after junk\"}\n";
  for (const std::string& path :
       {dir.Write("b.jsonl", junk), dir.Write("b.csv", junk),
        dir.Write("b.warc", junk), dir.Write("h.csv", "\"open,header\n1,2\n"),
        dir.Write("e.jsonl", ""), dir.Write("ok.jsonl", "{\"text\": \"x\"}"),
        dir.Write("bad.json", "[1, 2"), dir.Write("a.txt", "words")}) {
    auto reader = OpenReader(path, ReaderOptions());
    ASSERT_TRUE(reader.ok());
    RawDoc doc;
    while (true) {
      Result<bool> more = (*reader)->Next(&doc);
      ASSERT_TRUE(more.ok()) << path;
      if (!*more) break;
    }
    ReadStats before = (*reader)->stats();
    for (int i = 0; i < 3; ++i) {
      Result<bool> more = (*reader)->Next(&doc);
      ASSERT_TRUE(more.ok()) << path;
      EXPECT_FALSE(*more) << path;
    }
    EXPECT_EQ((*reader)->stats().malformed, before.malformed) << path;
    EXPECT_EQ((*reader)->stats().documents, before.documents) << path;
    EXPECT_LE((*reader)->stats().malformed, 1u) << path;
  }
}

TEST(OpenReaderTest, StandardInput) {
  TempDir dir;
  std::string path = dir.Write("stdin.txt", "<html><p>piped</p></html>");
  ASSERT_NE(std::freopen(path.c_str(), "rb", stdin), nullptr);
  ReadResult r = ReadAll("-");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "-");
  EXPECT_EQ(r.docs[0].bytes, "<html><p>piped</p></html>");
  EXPECT_EQ(r.docs[0].format, Format::kUnknown);
}

}  // namespace
}  // namespace newstrace::ingest
