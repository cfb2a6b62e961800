#include "ingest/jsonl_reader.h"

#include <algorithm>
#include <cstring>

#include "base/strings.h"
#include "ingest/json_record.h"

namespace newstrace::ingest {

Result<std::unique_ptr<DocumentReader>> JsonlReader::Open(
    const std::string& path, const ReaderOptions& options) {
  NT_ASSIGN_OR_RETURN(std::unique_ptr<ByteStream> in, ByteStream::Open(path));
  return std::unique_ptr<DocumentReader>(
      new JsonlReader(path, std::move(in), options));
}

Result<JsonlReader::Line> JsonlReader::NextLine(std::string_view* line) {
  in_->Consume(pending_);
  pending_ = 0;
  size_t scanned = 0;
  while (true) {
    std::string_view w = in_->window();
    size_t limit = w.size();
    uint64_t boundary = in_->NextBoundary();
    uint64_t at = in_->offset();
    if (boundary > at && boundary - at < limit) {
      limit = std::max<size_t>(boundary - at, scanned);
    }
    const void* nl = std::memchr(w.data() + scanned, '\n', limit - scanned);
    if (nl != nullptr) {
      size_t len = static_cast<const char*>(nl) - w.data();
      pending_ = len + 1;
      *line = w.substr(0, len);
      return len > options_.max_bytes ? Line::kTooLong : Line::kLine;
    }
    if (limit < w.size()) {  // gzip damage cuts the line here
      pending_ = limit;
      *line = w.substr(0, limit);
      return Line::kCut;
    }
    scanned = limit;
    if (w.size() > options_.max_bytes) {
      NT_RETURN_IF_ERROR(SkipRestOfLine());
      return Line::kTooLong;
    }
    NT_ASSIGN_OR_RETURN(bool more, in_->FillMore());
    if (!more) {
      w = in_->window();
      if (w.empty()) return Line::kEnd;
      pending_ = w.size();  // a last line without newline
      *line = w;
      return w.size() > options_.max_bytes ? Line::kTooLong : Line::kLine;
    }
  }
}

Status JsonlReader::SkipRestOfLine() {
  while (true) {
    std::string_view w = in_->window();
    const void* nl = std::memchr(w.data(), '\n', w.size());
    if (nl != nullptr) {
      in_->Consume(static_cast<const char*>(nl) - w.data() + 1);
      return Status::Ok();
    }
    in_->Consume(w.size());
    NT_ASSIGN_OR_RETURN(bool more, in_->FillMore());
    if (!more) return Status::Ok();
  }
}

Result<bool> JsonlReader::Next(RawDoc* doc) {
  NT_ASSIGN_OR_RETURN(bool go, Start());
  if (!go) return false;
  while (true) {
    NT_RETURN_IF_ERROR(FlushStreamError());
    std::string_view line;
    NT_ASSIGN_OR_RETURN(Line kind, NextLine(&line));
    if (kind == Line::kEnd) {
      NT_RETURN_IF_ERROR(FlushStreamError());
      return false;
    }
    ++line_no_;
    std::string where = path_ + ":" + std::to_string(line_no_);
    uint64_t end = in_->offset() + pending_;
    if (kind == Line::kTooLong) {
      NT_RETURN_IF_ERROR(Bad("too_large", where,
                             "line longer than max_bytes (" +
                                 std::to_string(options_.max_bytes) + ")",
                             end));
      continue;
    }
    if (kind == Line::kCut) {
      NT_RETURN_IF_ERROR(
          Bad("bad_gzip", where, "line cut by gzip damage", end));
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (base::Trim(line).empty()) continue;
    simdjson::dom::element value;
    simdjson::error_code err =
        parser_.parse(line.data(), line.size()).get(value);
    if (err != simdjson::SUCCESS) {
      NT_RETURN_IF_ERROR(
          Bad(err == simdjson::UTF8_ERROR ? "invalid_utf8" : "bad_json", where,
              simdjson::error_message(err), end));
      continue;
    }
    simdjson::dom::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS) {
      NT_RETURN_IF_ERROR(Bad("not_object", where, "not a JSON object", end));
      continue;
    }
    if (!JsonObjectToDocument(object, options_.fields, options_.label, doc)) {
      NT_RETURN_IF_ERROR(Bad("no_text", where, "no text or html field", end));
      continue;
    }
    doc->id = std::move(where);
    ++stats_.documents;
    return true;
  }
}

}  // namespace newstrace::ingest
