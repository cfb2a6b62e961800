// Public API of the ingest module's readers: a stream of RawDocs from a file,
// a directory or standard input, whatever its container format.
//
//   auto reader = OpenReader("crawl.warc.gz", ReaderOptions());
//   RawDoc doc;
//   while (true) {
//     Result<bool> more = (*reader)->Next(&doc);
//     if (!more.ok()) ...;           // I/O error, or malformed when strict
//     if (!*more) break;             // end of input
//     ...
//   }
//
// Malformed records are data, not errors: each is counted in stats() with a
// diagnostic and skipped, and the rest of the input is still read.
#ifndef NEWSTRACE_READER_H_
#define NEWSTRACE_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newstrace/document.h"
#include "newstrace/result.h"
#include "newstrace/status.h"

namespace newstrace {

// Which field of a structured record (JSON object, CSV column) feeds which
// document field. Each entry lists candidate names, matched
// case-insensitively; the first one present and non-empty wins.
struct FieldMap {
  std::vector<std::string> text = {"text", "content", "maintext",
                                   "article_content", "body"};
  std::vector<std::string> html = {"html", "raw_html"};  // raw page markup
  std::vector<std::string> title = {"title", "article_title", "headline"};
  std::vector<std::string> url = {"url", "source_url", "canonical_link",
                                  "link"};
  std::vector<std::string> published = {"published", "date", "date_publish",
                                        "publish_date", "datepublished"};
  std::vector<std::string> domain = {"domain", "source", "site"};
  std::vector<std::string> authors = {"authors", "author", "byline"};
  std::vector<std::string> label = {"label", "labels", "type"};
  // When the page was fetched (kept as written).
  std::vector<std::string> fetched = {"fetched", "fetched_at", "scraped_at",
                                      "crawled_at"};
  // A record with a title but no text or html becomes a plain-text document
  // of its title (headline data sets, e.g. clickbait lists). Default: false
  // (such a record is malformed, code "no_text").
  bool title_as_text = false;

  // Applies a "--field" spec: comma-separated `target=name` pairs, e.g.
  // "text=content,title=headline", each replacing that target's candidates
  // with the one name. Fails with kInvalidArgument on an unknown target or
  // a malformed pair.
  Status Apply(std::string_view spec);
};

struct ReaderOptions {
  // Largest document, record, JSON line, CSV row or WARC record accepted, in
  // bytes; a larger one is counted as malformed and skipped. Default: 64 MiB.
  size_t max_bytes = size_t{64} << 20;
  // Field names for JSON, JSONL and CSV input.
  FieldMap fields;
  // A label given to every document that has none of its own. Default: "".
  std::string label;
  // A malformed record stops the read with kCorruption instead of being
  // counted and skipped. Default: false.
  bool strict = false;
};

// What a reader has seen so far.
struct ReadStats {
  uint64_t documents = 0;  // documents returned by Next()
  uint64_t malformed = 0;  // records skipped as malformed
  uint64_t skipped = 0;    // records skipped by design (WARC requests, ...)
  // The first few malformed records' reasons ("file:line: why").
  std::vector<Diagnostic> problems;
  static constexpr size_t kMaxProblems = 10;
};

// A stream of documents. Not thread-safe: one reader, one thread.
class DocumentReader {
 public:
  virtual ~DocumentReader() = default;
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Reads the next document into *doc (overwriting it). Returns true when a
  // document was read, false at the end of the input. Fails with kIoError
  // when the input cannot be read and, when options.strict, kCorruption on
  // the first malformed record. After a failure the reader is spent: do not
  // call Next() again.
  virtual Result<bool> Next(RawDoc* doc) = 0;

  // Input bytes consumed so far (compressed bytes for gzip input) and the
  // total when known (0: unknown, e.g. stdin), for progress reports.
  virtual uint64_t bytes_read() const = 0;
  virtual uint64_t bytes_total() const = 0;

  const ReadStats& stats() const { return stats_; }

 protected:
  DocumentReader() = default;
  // Counts a malformed record and keeps its reason if among the first few.
  void CountMalformed(std::string code, std::string message);
  // CountMalformed, then returns kCorruption carrying `message` when
  // `strict`, else OK.
  Status Malformed(std::string code, std::string message, bool strict);
  ReadStats stats_;
};

// Opens a reader for `path`, chosen by what it is:
//   "-"                      standard input, one document (format sniffed)
//   a directory              every readable file below it, recursively, in
//                            sorted path order, each by its own extension
//   .txt .text               one plain-text document
//   .html .htm .xhtml        one HTML document
//   .json                    one object or an array of objects (records)
//   .jsonl .ndjson (.gz)     one JSON object per line
//   .csv .tsv (.gz)          RFC 4180 with a header row (records)
//   .warc .warc.gz           WARC 1.0/1.1 response records (HTML)
//   anything else            one document, format sniffed
// Fails with kNotFound, kIoError, or kInvalidArgument (e.g. an empty path).
Result<std::unique_ptr<DocumentReader>> OpenReader(
    const std::string& path, const ReaderOptions& options);

}  // namespace newstrace

#endif  // NEWSTRACE_READER_H_
