// SingleReader: one whole file (or standard input) as one document, around
// ReadDocument (ingest.h).
#ifndef NEWSTRACE_INGEST_SINGLE_READER_H_
#define NEWSTRACE_INGEST_SINGLE_READER_H_

#include <memory>
#include <string>

#include "newstrace/reader.h"

namespace newstrace::ingest {

// Yields the file as one document with id `path` (or "-"), format
// `format` (kUnknown: left for detection) and label options.label. An
// input over max_bytes is counted malformed ("too_large"), and so is an
// empty one ("empty_file"). A binary input (SniffBinary) is counted
// malformed ("binary") when `binary_is_skipped` is false, else counted in
// stats().skipped (for files chosen by no extension).
class SingleReader : public DocumentReader {
 public:
  // `size`: the file's size when known, else 0.
  SingleReader(std::string path, Format format, bool binary_is_skipped,
               uint64_t size, const ReaderOptions& options)
      : path_(std::move(path)),
        format_(format),
        binary_is_skipped_(binary_is_skipped),
        size_(size),
        options_(options) {}

  // Fails with kNotFound or kIoError when the file cannot be read, and
  // kCorruption for a malformed input when strict.
  Result<bool> Next(RawDoc* doc) override;
  uint64_t bytes_read() const override { return bytes_read_; }
  uint64_t bytes_total() const override { return size_; }

 private:
  const std::string path_;
  const Format format_;
  const bool binary_is_skipped_;
  const uint64_t size_;
  const ReaderOptions options_;
  bool done_ = false;
  uint64_t bytes_read_ = 0;
};

}  // namespace newstrace::ingest

#endif  // NEWSTRACE_INGEST_SINGLE_READER_H_
