// JsonlReader: JSON Lines (.jsonl, .ndjson, gzip-compressed or not), one
// JSON object per line, each a record mapped through ReaderOptions::fields.
#ifndef NEWSTRACE_INGEST_JSONL_READER_H_
#define NEWSTRACE_INGEST_JSONL_READER_H_

#include <simdjson.h>

#include <memory>
#include <string>

#include "ingest/stream_reader.h"

namespace newstrace::ingest {

// Reads line by line without holding more than one line (up to
// max_bytes) in memory. Document ids are "path:LINE" (1-based line
// number). Blank lines are skipped silently. Malformed, counted and
// skipped: a line longer than max_bytes ("too_large", streamed past, not
// buffered), not JSON ("bad_json"), not UTF-8 ("invalid_utf8"), not an
// object ("not_object"), an object without text or html ("no_text"). The
// JSON parser's depth cap (1024) makes deeper nesting "bad_json".
class JsonlReader : public StreamReader {
 public:
  // Opens `path`. Fails as base::ReadableFile::Open.
  static Result<std::unique_ptr<DocumentReader>> Open(
      const std::string& path, const ReaderOptions& options);

  Result<bool> Next(RawDoc* doc) override;

 private:
  using StreamReader::StreamReader;

  enum class Line { kEnd, kLine, kTooLong, kCut };
  // Finds the next line, a view of the stream's window valid until the next
  // call; its bytes (and the newline) are consumed on the next call.
  Result<Line> NextLine(std::string_view* line);
  Status SkipRestOfLine();

  uint64_t line_no_ = 0;
  size_t pending_ = 0;  // bytes of the last line to consume
  simdjson::dom::parser parser_;
};

}  // namespace newstrace::ingest

#endif  // NEWSTRACE_INGEST_JSONL_READER_H_
