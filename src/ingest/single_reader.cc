#include "ingest/single_reader.h"

#include "ingest/charset.h"
#include "newstrace/ingest.h"

namespace newstrace::ingest {

Result<bool> SingleReader::Next(RawDoc* doc) {
  if (done_) return false;
  done_ = true;
  ReadOptions read_options;
  read_options.max_bytes = options_.max_bytes;
  Result<RawDoc> r = ReadDocument(path_, read_options);
  if (!r.ok()) {
    if (r.status().code() != StatusCode::kResourceExhausted) return r.status();
    bytes_read_ = size_;
    NT_RETURN_IF_ERROR(
        Malformed("too_large", r.status().message(), options_.strict));
    return false;
  }
  bytes_read_ = r->bytes.size();
  if (r->bytes.empty()) {
    NT_RETURN_IF_ERROR(
        Malformed("empty_file", path_ + ": empty input", options_.strict));
    return false;
  }
  bool big_endian = false;
  if (!LooksLikeUtf16(r->bytes, &big_endian)) {
    std::string kind = SniffBinary(r->bytes);
    if (!kind.empty()) {
      if (binary_is_skipped_) {
        ++stats_.skipped;
        return false;
      }
      NT_RETURN_IF_ERROR(Malformed(
          "binary", path_ + ": binary input (" + kind + ")", options_.strict));
      return false;
    }
  }
  *doc = std::move(r).value();
  if (format_ != Format::kUnknown) doc->format = format_;
  doc->source.label = options_.label;
  ++stats_.documents;
  return true;
}

}  // namespace newstrace::ingest
