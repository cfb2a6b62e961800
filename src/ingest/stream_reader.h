// StreamReader: the common base of the readers that parse records from one
// ByteStream (JSON Lines, JSON, CSV, WARC).
#ifndef NEWSTRACE_INGEST_STREAM_READER_H_
#define NEWSTRACE_INGEST_STREAM_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/byte_stream.h"
#include "newstrace/reader.h"

namespace newstrace::ingest {

class StreamReader : public DocumentReader {
 public:
  uint64_t bytes_read() const override { return in_->bytes_read(); }
  uint64_t bytes_total() const override { return in_->bytes_total(); }

 protected:
  StreamReader(std::string path, std::unique_ptr<ByteStream> in,
               const ReaderOptions& options)
      : path_(std::move(path)), in_(std::move(in)), options_(options) {}

  // On the first call, looks at the input's start: an empty input, or one
  // that SniffBinary names binary, is counted malformed ("empty_file",
  // "binary") and yields no records. Returns whether records should be
  // read: false once the input is rejected or Stop() was called. Fails
  // with kIoError, or kCorruption when strict.
  Result<bool> Start();

  // Makes every later Start() return false: the input yields no more.
  void Stop() { stopped_ = true; }

  // Counts a malformed record at `where` (e.g. "path:12"). Gzip damage the
  // stream saw up to decoded offset `record_end` (the record's end) is
  // folded into it (code "bad_gzip"). Returns kCorruption when strict,
  // else OK.
  Status Bad(std::string_view code, std::string_view where,
             std::string_view why, uint64_t record_end = UINT64_MAX);

  // Counts gzip damage the stream saw in the bytes consumed so far, if any,
  // as a malformed record of its own. Returns kCorruption when strict and
  // one was counted.
  Status FlushStreamError();

  const std::string path_;
  const std::unique_ptr<ByteStream> in_;
  const ReaderOptions options_;

 private:
  bool started_ = false;
  bool stopped_ = false;
};

}  // namespace newstrace::ingest

#endif  // NEWSTRACE_INGEST_STREAM_READER_H_
