#include "ingest/warc_reader.h"

#include <gtest/gtest.h>

#include "testutil/reader_testutil.h"

namespace newstrace::ingest {
namespace {

using testutil::Gzip;
using testutil::ReadAll;
using testutil::ReadResult;
using testutil::StrictOptions;
using testutil::TempDir;

std::string Record(const std::string& type, const std::string& block,
                   const std::string& content_type = "",
                   const std::string& uri = "http://news.example/a",
                   long length = -1) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type +
                  "\r\nWARC-Record-ID: <urn:uuid:0000>\r\n"
                  "WARC-Date: 2017-11-21T10:00:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  if (!content_type.empty()) r += "Content-Type: " + content_type + "\r\n";
  r += "Content-Length: " +
       std::to_string(length < 0 ? static_cast<long>(block.size()) : length) +
       "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

std::string Http(int status, const std::string& content_type,
                 const std::string& body, const std::string& extra = "") {
  return "HTTP/1.1 " + std::to_string(status) +
         " Whatever\r\nServer: test\r\nContent-Type: " + content_type + "\r\n" +
         extra + "\r\n" + body;
}

std::string Page(const std::string& word) {
  return "<html><head><title>" + word + "</title></head><body><p>" + word +
         " happened today.</p></body></html>";
}

std::string Response(const std::string& word,
                     const std::string& uri = "http://news.example/a") {
  return Record("response", Http(200, "text/html; charset=UTF-8", Page(word)),
                "application/http; msgtype=response", uri);
}

TEST(WarcReaderTest, KeepsHtmlResponsesAndSkipsTheRest) {
  TempDir dir;
  std::string path = dir.Write(
      "a.warc",
      Record("warcinfo", "software: test\r\n", "application/warc-fields", "") +
          Record("request", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
                 "application/http; msgtype=request") +
          Response("Alpha", "<http://news.example/alpha>") +
          Record("response", Http(200, "image/png", "\x89PNG...."),
                 "application/http; msgtype=response") +
          Record("response", Http(404, "text/html", Page("Missing")),
                 "application/http; msgtype=response") +
          Record("metadata", "via: x\r\n", "application/warc-fields") +
          Record("resource", Page("Beta"), "text/html; charset=iso-8859-1",
                 "http://news.example/beta") +
          Record("resource", "plain words", "text/plain") +
          Record("revisit", "", "application/http"));
  ReaderOptions options;
  options.label = "crawl";
  ReadResult r = ReadAll(path, options);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.stats.skipped, 7u);
  EXPECT_EQ(r.stats.malformed, 0u);
  const RawDoc& a = r.docs[0];
  EXPECT_EQ(a.id, path + ":3");
  EXPECT_EQ(a.format, Format::kHtml);
  EXPECT_EQ(a.bytes, Page("Alpha"));
  EXPECT_EQ(a.charset, "UTF-8");
  EXPECT_EQ(a.source.url, "http://news.example/alpha");
  EXPECT_EQ(a.source.fetched, "2017-11-21T10:00:00Z");
  EXPECT_EQ(a.source.label, "crawl");
  EXPECT_EQ(r.docs[1].id, path + ":7");
  EXPECT_EQ(r.docs[1].bytes, Page("Beta"));
  EXPECT_EQ(r.docs[1].charset, "iso-8859-1");
}

TEST(WarcReaderTest, ChunkedAndGzipPayloads) {
  TempDir dir;
  std::string page = Page("Gamma");
  std::string chunked =
      "10\r\n" + page.substr(0, 16) + "\r\n" + std::to_string(0) + "\r\n\r\n";
  // Hex chunk sizes: first 16 bytes, then the rest.
  char hex[16];
  std::snprintf(hex, sizeof hex, "%zx", page.size() - 16);
  chunked = "10;ext=1\r\n" + page.substr(0, 16) + "\r\n" + hex + "\r\n" +
            page.substr(16) + "\r\n0\r\n\r\n";
  std::string gz = Gzip(page);
  ReadResult r = ReadAll(dir.Write(
      "c.warc",
      Record("response",
             Http(200, "text/html", chunked, "Transfer-Encoding: chunked\r\n"),
             "application/http; msgtype=response") +
          Record("response",
                 Http(200, "text/html", gz, "Content-Encoding: gzip\r\n"),
                 "application/http; msgtype=response") +
          Record("response",
                 Http(200, "text/html", page, "Content-Encoding: br\r\n"),
                 "application/http; msgtype=response") +
          Record("response", Http(200, "", page),
                 "application/http; msgtype=response")));
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[0].bytes, page);
  EXPECT_EQ(r.docs[1].bytes, page);
  EXPECT_EQ(r.docs[2].bytes, page);  // no Content-Type: sniffed as HTML
  EXPECT_EQ(r.stats.skipped, 1u);    // brotli
}

TEST(WarcReaderTest, LyingContentLengthResyncsToTheNextRecord) {
  TempDir dir;
  std::string block = Http(200, "text/html", Page("Liar"));
  std::string path = dir.Write(
      "l.warc",
      Response("One") +
          Record("response", block, "application/http", "http://x/long",
                 static_cast<long>(block.size()) + 150) +
          Response("Three") +
          Record("response", block, "application/http", "http://x/short",
                 static_cast<long>(block.size()) - 20) +
          Response("Five") +
          Record("response", block, "application/http", "http://x/past",
                 static_cast<long>(block.size()) + 100000));
  ReadResult r = ReadAll(path);
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[0].bytes, Page("One"));
  EXPECT_EQ(r.docs[1].bytes, Page("Three"));
  EXPECT_EQ(r.docs[1].id, path + ":3");
  EXPECT_EQ(r.docs[2].bytes, Page("Five"));
  EXPECT_EQ(r.stats.malformed, 3u);
  EXPECT_TRUE(r.HasProblem("bad_length"));
  ReadResult s = ReadAll(path, StrictOptions());
  EXPECT_EQ(s.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(s.docs.size(), 1u);
}

TEST(WarcReaderTest, RecordOverCapIsStreamedPast) {
  TempDir dir;
  std::string big =
      Record("response", Http(200, "text/html", Page(std::string(50000, 'w'))),
             "application/http");
  ReaderOptions options;
  options.max_bytes = 10000;
  ReadResult r = ReadAll(
      dir.Write("b.warc", Response("A") + big + Response("C")), options);
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[1].bytes, Page("C"));
  EXPECT_EQ(r.stats.malformed, 1u);
  EXPECT_TRUE(r.HasProblem("too_large"));
}

TEST(WarcReaderTest, GzipPerRecordWholeFileAndTruncatedMembers) {
  TempDir dir;
  std::string members = Gzip(Record("warcinfo", "x: y\r\n")) +
                        Gzip(Response("One")) + Gzip(Response("Two")) +
                        Gzip(Response("Three"));
  ReadResult r = ReadAll(dir.Write("a.warc.gz", members));
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.stats.skipped, 1u);
  EXPECT_GT(r.docs.size(), 0u);

  ReadResult whole = ReadAll(dir.Write(
      "w.warc.gz", Gzip(Response("One") + Response("Two") + Response("3"))));
  EXPECT_EQ(whole.docs.size(), 3u);

  // The second record's member is cut in half: it is lost, counted once,
  // and the records after it are read.
  std::string two = Gzip(Response("Two" + std::string(3000, 'z')));
  ReadResult mid = ReadAll(dir.Write(
      "m.warc.gz", Gzip(Response("One")) + two.substr(0, two.size() / 2) +
                       Gzip(Response("Three")) + Gzip(Response("Four"))));
  ASSERT_TRUE(mid.status.ok());
  ASSERT_EQ(mid.docs.size(), 3u);
  EXPECT_EQ(mid.docs[0].bytes, Page("One"));
  EXPECT_EQ(mid.docs[1].bytes, Page("Three"));
  EXPECT_EQ(mid.docs[2].bytes, Page("Four"));
  EXPECT_EQ(mid.stats.malformed, 1u);
  EXPECT_TRUE(mid.HasProblem("bad_gzip"));

  ReadResult last = ReadAll(dir.Write(
      "t.warc.gz", Gzip(Response("One")) + two.substr(0, two.size() - 10)));
  ASSERT_TRUE(last.status.ok());
  EXPECT_EQ(last.docs.size(), 1u);
  EXPECT_EQ(last.stats.malformed, 1u);
  EXPECT_TRUE(last.HasProblem("bad_gzip"));
}

TEST(WarcReaderTest, JunkEmptyAndLfOnly) {
  TempDir dir;
  ReadResult junk = ReadAll(dir.Write(
      "j.warc", "this is not a warc file\n" + Response("After junk") +
                    "garbage between records\r\n" + Response("Later")));
  ASSERT_TRUE(junk.status.ok());
  // Junk before the first record is one problem; a record followed by junk
  // instead of the next record is not trusted (its Content-Length may lie).
  ASSERT_EQ(junk.docs.size(), 1u);
  EXPECT_EQ(junk.docs[0].bytes, Page("Later"));
  EXPECT_EQ(junk.stats.malformed, 2u);
  EXPECT_TRUE(junk.HasProblem("bad_warc"));
  EXPECT_TRUE(junk.HasProblem("bad_length"));

  ReadResult empty = ReadAll(dir.Write("e.warc", ""));
  EXPECT_TRUE(empty.docs.empty());
  EXPECT_TRUE(empty.HasProblem("empty_file"));

  std::string bin;
  for (int i = 0; i < 3000; ++i) bin.push_back(static_cast<char>(i % 7));
  ReadResult b = ReadAll(dir.Write("b.warc", bin));
  EXPECT_TRUE(b.docs.empty());
  EXPECT_EQ(b.stats.malformed, 1u);

  std::string page = Page("Unix");
  std::string http = "HTTP/1.1 200 OK\nContent-Type: text/html\n\n" + page;
  std::string lf = "WARC/1.1\nWARC-Type: response\nContent-Length: " +
                   std::to_string(http.size()) + "\n\n" + http + "\n\n";
  ReadResult l = ReadAll(dir.Write("lf.warc", lf + lf));
  ASSERT_EQ(l.docs.size(), 2u);
  EXPECT_EQ(l.docs[1].bytes, page);

  ReadResult nolen = ReadAll(dir.Write(
      "n.warc",
      "WARC/1.0\r\nWARC-Type: response\r\n\r\nxx\r\n\r\n" + Response("Fine")));
  EXPECT_EQ(nolen.docs.size(), 1u);
  EXPECT_EQ(nolen.stats.malformed, 1u);
}

}  // namespace
}  // namespace newstrace::ingest
