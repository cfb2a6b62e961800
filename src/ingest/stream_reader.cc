#include "ingest/stream_reader.h"

#include "ingest/charset.h"

namespace newstrace::ingest {

Result<bool> StreamReader::Start() {
  if (started_ || stopped_) return !stopped_;
  started_ = true;
  stopped_ = true;  // until the input passes the checks below
  NT_RETURN_IF_ERROR(in_->Fill(size_t{16} << 10).status());
  std::string_view head = in_->window();
  if (head.empty()) {
    NT_RETURN_IF_ERROR(FlushStreamError());
    NT_RETURN_IF_ERROR(Bad("empty_file", path_, "empty input"));
    return false;
  }
  bool big_endian = false;
  if (!LooksLikeUtf16(head, &big_endian)) {
    std::string kind = SniffBinary(head);
    if (!kind.empty()) {
      NT_RETURN_IF_ERROR(Bad("binary", path_, "binary input (" + kind + ")"));
      return false;
    }
  }
  stopped_ = false;
  return true;
}

Status StreamReader::Bad(std::string_view code, std::string_view where,
                         std::string_view why, uint64_t record_end) {
  std::string message = std::string(where) + ": " + std::string(why);
  std::string gz = in_->TakeError(record_end);
  if (!gz.empty()) {
    message += " (" + gz + ")";
    code = "bad_gzip";
  }
  return Malformed(std::string(code), std::move(message), options_.strict);
}

Status StreamReader::FlushStreamError() {
  std::string gz = in_->TakeError(in_->offset());
  if (gz.empty()) return Status::Ok();
  return Malformed("bad_gzip", gz, options_.strict);
}

}  // namespace newstrace::ingest
