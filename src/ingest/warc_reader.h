// WarcReader: WARC 1.0/1.1 files (.warc, or .warc.gz with one gzip member
// per record or one gzip stream for the whole file), yielding the HTML
// pages they archive.
//
// Design note. A record is "WARC/1.x" CRLF, named header lines, CRLF, then
// exactly Content-Length bytes of block and CRLF CRLF. The reader trusts
// Content-Length only when the block it delimits is followed by CRLF CRLF
// (or LF LF) and then the end of input or the next "WARC/" line; otherwise
// the record is malformed and the reader resyncs: it scans forward from
// just after the bad record's start for "WARC/1." at a line start (or at a
// gzip member boundary after damage). A record whose Content-Length is over
// max_bytes is counted malformed and streamed past, never buffered.
#ifndef NEWSTRACE_INGEST_WARC_READER_H_
#define NEWSTRACE_INGEST_WARC_READER_H_

#include <memory>
#include <string>

#include "ingest/stream_reader.h"

namespace newstrace::ingest {

// Yields, as kHtml documents with id "path:N" (N the 1-based record index
// among all records): "response" records whose HTTP payload is a 2xx
// text/html or application/xhtml+xml page, and "resource" records whose
// Content-Type is one of those. Source url is WARC-Target-URI, fetched is
// WARC-Date, charset the HTTP Content-Type charset. Every other record
// (warcinfo, request, metadata, revisit, conversion, non-HTML or non-2xx
// responses, unsupported Content-Encoding) is counted in stats().skipped.
// Malformed, counted: "bad_warc" (no record header where one must start,
// no header end, no Content-Length), "bad_length" (Content-Length runs past
// the input or does not end the record), "too_large", "bad_http" (a
// response whose payload is not HTTP), "bad_gzip". Junk where a record
// must start has no record number: its diagnostic names "path@OFFSET",
// the decoded byte offset.
class WarcReader : public StreamReader {
 public:
  // Opens `path`. Fails as base::ReadableFile::Open.
  static Result<std::unique_ptr<DocumentReader>> Open(
      const std::string& path, const ReaderOptions& options);

  Result<bool> Next(RawDoc* doc) override;

 private:
  using StreamReader::StreamReader;

  struct Header;
  // Reads the named header lines of a record header block.
  static void ParseHeader(std::string_view text, Header* h);
  // Skips CR and LF bytes before a record. Returns false at the end.
  Result<bool> SkipBlankLines();
  // Finds the end of the header block at the window's start; 0 when there
  // is none within the header cap.
  Result<size_t> HeaderLength();
  // Drops bytes up to the next "WARC/1." at a line start (or a gzip
  // boundary) at or after window offset `from`, or to the end.
  Status Resync(size_t from);
  // Streams past `n` bytes without keeping them.
  Status SkipBytes(uint64_t n);
  // Turns a parsed record into a document; false when it is skipped.
  Result<bool> MakeDocument(const Header& h, std::string_view block,
                            const std::string& where, RawDoc* doc);

  uint64_t record_no_ = 0;
};

}  // namespace newstrace::ingest

#endif  // NEWSTRACE_INGEST_WARC_READER_H_
