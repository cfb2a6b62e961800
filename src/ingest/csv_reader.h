// CsvReader: comma- (or tab-) separated values with a header row, one
// record per row, streamed row by row.
//
// Syntax (RFC 4180, read leniently): fields are separated by the delimiter;
// rows end with LF, CRLF or CR; a field that starts with a double quote is
// quoted and may hold delimiters, newlines and doubled quotes; a quote
// elsewhere is an ordinary character, and so is text after a closing quote.
// A UTF-8 byte order mark is dropped.
//
// Encoding: the first MiB decides. When it is valid UTF-8 the file is read
// as UTF-8 (a field that is not is repaired with U+FFFD, except the text
// whose charset is then left for DecodeToUtf8 to detect); otherwise the
// whole file is read as windows-1252 and every field converted to UTF-8.
#ifndef NEWSTRACE_INGEST_CSV_READER_H_
#define NEWSTRACE_INGEST_CSV_READER_H_

#include <memory>
#include <string>
#include <vector>

#include "ingest/stream_reader.h"

namespace newstrace::ingest {

// Document ids are "path:N", N the 1-based data row (the header is row 0).
// Blank rows are skipped; a row with more fields than the header has its
// extra fields ignored, one with fewer has the missing ones empty.
// Malformed, counted and skipped: a row longer than max_bytes
// ("too_large", streamed past), a quote still open at the end of the input
// ("unclosed_quote", only the last record is lost), a row without text or
// html ("no_text"). A file without a header row yields nothing.
class CsvReader : public StreamReader {
 public:
  // Opens `path`; `delimiter` is ',' or '\t'. Fails as
  // base::ReadableFile::Open.
  static Result<std::unique_ptr<DocumentReader>> Open(
      const std::string& path, char delimiter, const ReaderOptions& options);

  Result<bool> Next(RawDoc* doc) override;

 private:
  CsvReader(std::string path, std::unique_ptr<ByteStream> in,
            const ReaderOptions& options, char delimiter)
      : StreamReader(std::move(path), std::move(in), options),
        delimiter_(delimiter) {}

  enum class Row { kEnd, kRow, kTooLarge, kUnclosedQuote, kCut };
  // Parses the next row into fields_.
  Result<Row> ParseRow();
  // Reads the header and sniffs the encoding; false when there is none.
  Result<bool> ReadHeader();
  // The UTF-8 value of column `i` of fields_ ("" when the row is short).
  std::string Field(size_t i) const;
  // The first non-blank value among `columns`.
  std::string Pick(const std::vector<size_t>& columns) const;

  const char delimiter_;
  bool header_done_ = false;
  bool cp1252_ = false;
  bool skip_lf_ = false;  // the last row ended with CR: drop a leading LF
  uint64_t row_no_ = 0;
  uint64_t line_no_ = 1;  // line where the current row starts
  std::vector<std::string> fields_;
  struct Columns {
    std::vector<size_t> text, html, title, url, published, domain, authors,
        label, fetched;
  } columns_;
};

}  // namespace newstrace::ingest

#endif  // NEWSTRACE_INGEST_CSV_READER_H_
