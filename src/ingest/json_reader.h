// JsonReader: a .json file holding one object (one record, id "path") or an
// array of objects (records, ids "path:N", N the 1-based index).
#ifndef NEWSTRACE_INGEST_JSON_READER_H_
#define NEWSTRACE_INGEST_JSON_READER_H_

#include <simdjson.h>

#include <memory>
#include <string>

#include "ingest/stream_reader.h"

namespace newstrace::ingest {

// Reads the whole file (it must fit in max_bytes: a larger one is one
// "too_large" malformed record) and parses it at once. Malformed, counted
// and skipped: a file that is not JSON ("bad_json", "invalid_utf8") or
// neither an object nor an array ("not_object"), an array item that is not
// an object ("not_object"), a record without text or html ("no_text").
// See JsonObjectToDocument for how fields are read.
class JsonReader : public StreamReader {
 public:
  // Opens `path`. Fails as base::ReadableFile::Open.
  static Result<std::unique_ptr<DocumentReader>> Open(
      const std::string& path, const ReaderOptions& options);

  Result<bool> Next(RawDoc* doc) override;

 private:
  using StreamReader::StreamReader;
  // Reads and parses the file; false when it yields no records.
  Result<bool> Load();

  bool loaded_ = false;
  bool single_ = false;  // one top-level object
  bool single_done_ = false;
  simdjson::dom::parser parser_;
  simdjson::dom::object object_;
  simdjson::dom::array::iterator it_, end_;
  size_t index_ = 0;
};

}  // namespace newstrace::ingest

#endif  // NEWSTRACE_INGEST_JSON_READER_H_
