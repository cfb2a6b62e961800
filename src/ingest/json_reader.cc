#include "ingest/json_reader.h"

#include <cstdint>

#include "ingest/json_record.h"

namespace newstrace::ingest {

Result<std::unique_ptr<DocumentReader>> JsonReader::Open(
    const std::string& path, const ReaderOptions& options) {
  NT_ASSIGN_OR_RETURN(std::unique_ptr<ByteStream> in, ByteStream::Open(path));
  return std::unique_ptr<DocumentReader>(
      new JsonReader(path, std::move(in), options));
}

Result<bool> JsonReader::Load() {
  NT_ASSIGN_OR_RETURN(bool go, Start());
  if (!go) return false;
  size_t cap = options_.max_bytes;
  NT_ASSIGN_OR_RETURN(bool too_large,
                      in_->Fill(cap == SIZE_MAX ? cap : cap + 1));
  if (too_large) {
    NT_RETURN_IF_ERROR(Bad("too_large", path_,
                           "file larger than max_bytes (" +
                               std::to_string(options_.max_bytes) + ")"));
    return false;
  }
  std::string_view bytes = in_->window();
  simdjson::dom::element root;
  simdjson::error_code err =
      parser_.parse(bytes.data(), bytes.size()).get(root);
  in_->Consume(bytes.size());
  if (err != simdjson::SUCCESS) {
    NT_RETURN_IF_ERROR(
        Bad(err == simdjson::UTF8_ERROR ? "invalid_utf8" : "bad_json", path_,
            simdjson::error_message(err)));
    return false;
  }
  NT_RETURN_IF_ERROR(FlushStreamError());
  if (root.get_object().get(object_) == simdjson::SUCCESS) {
    single_ = true;
    return true;
  }
  simdjson::dom::array array;
  if (root.get_array().get(array) == simdjson::SUCCESS) {
    it_ = array.begin();
    end_ = array.end();
    return true;
  }
  NT_RETURN_IF_ERROR(
      Bad("not_object", path_, "neither a JSON object nor an array"));
  return false;
}

Result<bool> JsonReader::Next(RawDoc* doc) {
  if (!loaded_) {
    loaded_ = true;
    NT_ASSIGN_OR_RETURN(bool go, Load());
    if (!go) {
      single_ = true;
      single_done_ = true;
      return false;
    }
  }
  if (single_) {
    if (single_done_) return false;
    single_done_ = true;
    if (!JsonObjectToDocument(object_, options_.fields, options_.label, doc)) {
      NT_RETURN_IF_ERROR(Bad("no_text", path_, "no text or html field"));
      return false;
    }
    doc->id = path_;
    ++stats_.documents;
    return true;
  }
  while (it_ != end_) {
    simdjson::dom::element item = *it_;
    ++it_;
    std::string where = path_ + ":" + std::to_string(++index_);
    simdjson::dom::object object;
    if (item.get_object().get(object) != simdjson::SUCCESS) {
      NT_RETURN_IF_ERROR(Bad("not_object", where, "not a JSON object"));
      continue;
    }
    if (!JsonObjectToDocument(object, options_.fields, options_.label, doc)) {
      NT_RETURN_IF_ERROR(Bad("no_text", where, "no text or html field"));
      continue;
    }
    doc->id = std::move(where);
    ++stats_.documents;
    return true;
  }
  return false;
}

}  // namespace newstrace::ingest
