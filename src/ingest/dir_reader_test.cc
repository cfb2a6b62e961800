#include "ingest/dir_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "testutil/reader_testutil.h"

namespace newstrace::ingest {
namespace {

using testutil::Gzip;
using testutil::ReadAll;
using testutil::ReadResult;
using testutil::StrictOptions;
using testutil::TempDir;

std::string Binary() {
  std::string b("\x89PNG\r\n\x1a\n", 8);
  for (int i = 0; i < 2000; ++i) b.push_back(static_cast<char>(i % 5));
  return b;
}

// A tree with one file of each kind, hidden entries, binaries and
// problems.
void MakeTree(const TempDir& dir) {
  dir.Write("a/2.txt", "Second text file.");
  dir.Write("a/1.html", "<p>First, an HTML file.</p>");
  dir.Write("b.jsonl", "{\"text\": \"r1\"}\nnot json\n{\"text\": \"r3\"}\n");
  dir.Write("c/d/e.csv", "title,text\nT,csv body\n");
  dir.Write("c/f.jsonl.gz", Gzip("{\"text\": \"zipped\"}\n"));
  dir.Write(".hidden/x.txt", "hidden");
  dir.Write(".dot.txt", "hidden too");
  dir.Write("img.png", Binary());
  dir.Write("old.txt.gz", Gzip("not read"));
  dir.Write("blob", Binary());
  dir.Write("notes", "A note without an extension.");
  dir.Write("empty.txt", "");
  std::filesystem::create_symlink(dir.path() + "/missing",
                                  dir.path() + "/dangling.txt");
}

TEST(DirReaderTest, ReadsEveryFileInSortedOrder) {
  TempDir dir;
  MakeTree(dir);
  ReadResult r = ReadAll(dir.path());
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  std::vector<std::string> ids;
  for (const RawDoc& d : r.docs) {
    ids.push_back(d.id.substr(dir.path().size() + 1));
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"a/1.html", "a/2.txt", "b.jsonl:1",
                                           "b.jsonl:3", "c/d/e.csv:1",
                                           "c/f.jsonl.gz:1", "notes"}));
  EXPECT_EQ(r.docs[0].format, Format::kHtml);
  EXPECT_EQ(r.docs[1].format, Format::kText);
  EXPECT_EQ(r.docs[6].format, Format::kUnknown);
  EXPECT_EQ(r.stats.documents, 7u);
  // blob (sniffed binary), img.png and old.txt.gz (by extension).
  EXPECT_EQ(r.stats.skipped, 3u);
  // The dangling link, the bad JSON line and the empty file.
  EXPECT_EQ(r.stats.malformed, 3u);
  EXPECT_TRUE(r.HasProblem("unreadable"));
  EXPECT_TRUE(r.HasProblem("bad_json"));
  EXPECT_TRUE(r.HasProblem("empty_file"));
}

TEST(DirReaderTest, ProgressReachesTheTotal) {
  TempDir dir;
  MakeTree(dir);
  auto reader = OpenReader(dir.path(), ReaderOptions());
  ASSERT_TRUE(reader.ok());
  RawDoc doc;
  uint64_t last = 0;
  while (true) {
    Result<bool> more = (*reader)->Next(&doc);
    ASSERT_TRUE(more.ok());
    EXPECT_GE((*reader)->bytes_read(), last);
    last = (*reader)->bytes_read();
    if (!*more) break;
  }
  EXPECT_GT((*reader)->bytes_total(), 0u);
  EXPECT_EQ((*reader)->bytes_read(), (*reader)->bytes_total());
}

TEST(DirReaderTest, StrictStopsAtTheFirstProblem) {
  TempDir dir;
  dir.Write("a.txt", "fine");
  dir.Write("b.jsonl", "{\"text\": \"ok\"}\n{bad\n");
  dir.Write("c.txt", "never reached");
  ReadResult r = ReadAll(dir.path(), StrictOptions());
  EXPECT_EQ(r.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.stats.malformed, 1u);
}

TEST(DirReaderTest, EmptyDirectory) {
  TempDir dir;
  ReadResult r = ReadAll(dir.path());
  EXPECT_TRUE(r.status.ok());
  EXPECT_TRUE(r.docs.empty());
  EXPECT_EQ(r.stats.malformed, 0u);
}

}  // namespace
}  // namespace newstrace::ingest
