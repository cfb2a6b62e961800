#include "ingest/csv_reader.h"

#include <algorithm>
#include <cstring>

#include "base/strings.h"
#include "base/utf8.h"
#include "ingest/charset.h"
#include "ingest/field_map.h"

namespace newstrace::ingest {
namespace {

constexpr size_t kSniffBytes = size_t{1} << 20;

// True when `chunk`, the start of a longer input unless `whole`, is valid
// UTF-8 up to a character possibly cut at its end.
bool LooksUtf8(std::string_view chunk, bool whole) {
  if (!whole && !chunk.empty()) {
    size_t k = chunk.size() - 1;
    while (k > 0 && chunk.size() - k < 4 &&
           (static_cast<unsigned char>(chunk[k]) & 0xC0) == 0x80) {
      --k;
    }
    chunk = chunk.substr(0, k);
  }
  return base::IsValidUtf8(chunk);
}

}  // namespace

Result<std::unique_ptr<DocumentReader>> CsvReader::Open(
    const std::string& path, char delimiter, const ReaderOptions& options) {
  NT_ASSIGN_OR_RETURN(std::unique_ptr<ByteStream> in, ByteStream::Open(path));
  return std::unique_ptr<DocumentReader>(
      new CsvReader(path, std::move(in), options, delimiter));
}

Result<CsvReader::Row> CsvReader::ParseRow() {
  enum State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };
  State state = kFieldStart;
  fields_.clear();
  fields_.emplace_back();
  size_t row_bytes = 0;  // bytes of this row consumed so far
  bool too_large = false;
  while (true) {
    std::string_view w = in_->window();
    if (skip_lf_ && !w.empty()) {
      skip_lf_ = false;
      if (w[0] == '\n') {
        in_->Consume(1);
        continue;
      }
    }
    size_t limit = w.size();
    uint64_t boundary = in_->NextBoundary();
    uint64_t at = in_->offset();
    if (boundary > at && boundary - at < limit) {
      limit = boundary - at;  // gzip damage ahead: stop there
    } else if (boundary == at && row_bytes > 0) {
      return Row::kCut;
    }
    size_t i = 0;
    bool done = false;
    while (i < limit && !done) {
      std::string& field = fields_.back();
      switch (state) {
        case kFieldStart:
          if (w[i] == '"') {
            state = kQuoted;
            ++i;
            break;
          }
          state = kUnquoted;
          [[fallthrough]];
        case kUnquoted: {
          size_t j = i;
          while (j < limit && w[j] != delimiter_ && w[j] != '\n' &&
                 w[j] != '\r') {
            ++j;
          }
          if (!too_large) field.append(w.data() + i, j - i);
          i = j;
          if (i < limit) {
            char c = w[i++];
            if (c == delimiter_) {
              fields_.emplace_back();
              state = kFieldStart;
            } else {
              done = true;
              skip_lf_ = c == '\r';
              ++line_no_;
            }
          }
          break;
        }
        case kQuoted: {
          const void* q = std::memchr(w.data() + i, '"', limit - i);
          size_t j = q ? static_cast<const char*>(q) - w.data() : limit;
          if (!too_large) field.append(w.data() + i, j - i);
          line_no_ += std::count(w.data() + i, w.data() + j, '\n');
          i = j;
          if (i < limit) {
            ++i;
            state = kQuoteInQuoted;
          }
          break;
        }
        case kQuoteInQuoted:
          if (w[i] == '"') {  // a doubled quote
            if (!too_large) field.push_back('"');
            ++i;
            state = kQuoted;
          } else {  // the quote closed; lenient about what follows
            state = kUnquoted;
          }
          break;
      }
      if (!too_large && row_bytes + i > options_.max_bytes) {
        too_large = true;
        fields_.assign(1, std::string());
      }
    }
    in_->Consume(i);
    row_bytes += i;
    if (done) return too_large ? Row::kTooLarge : Row::kRow;
    if (limit < w.size()) {  // reached gzip damage
      if (row_bytes > 0) return Row::kCut;
      continue;
    }
    NT_ASSIGN_OR_RETURN(bool more, in_->FillMore());
    if (!more) {
      if (state == kQuoted) return Row::kUnclosedQuote;
      if (row_bytes == 0) return Row::kEnd;
      ++line_no_;
      return too_large ? Row::kTooLarge : Row::kRow;
    }
  }
}

Result<bool> CsvReader::ReadHeader() {
  NT_RETURN_IF_ERROR(in_->Fill(kSniffBytes).status());
  std::string_view head = in_->window();
  if (base::StartsWith(head, "\xEF\xBB\xBF")) {
    in_->Consume(3);
    head = in_->window();
  }
  bool whole = in_->at_end() && head.size() <= kSniffBytes;
  cp1252_ = !LooksUtf8(head.substr(0, kSniffBytes), whole);
  NT_ASSIGN_OR_RETURN(Row row, ParseRow());
  if (row == Row::kEnd) return false;
  if (row != Row::kRow) {
    NT_RETURN_IF_ERROR(Bad("bad_header", path_, "unreadable header row"));
    return false;
  }
  std::vector<std::string> names;
  for (size_t i = 0; i < fields_.size(); ++i) names.push_back(Field(i));
  std::vector<std::string_view> keys(names.begin(), names.end());
  const FieldMap& f = options_.fields;
  columns_.text = CandidateIndices(keys, f.text);
  columns_.html = CandidateIndices(keys, f.html);
  columns_.title = CandidateIndices(keys, f.title);
  columns_.url = CandidateIndices(keys, f.url);
  columns_.published = CandidateIndices(keys, f.published);
  columns_.domain = CandidateIndices(keys, f.domain);
  columns_.authors = CandidateIndices(keys, f.authors);
  columns_.label = CandidateIndices(keys, f.label);
  columns_.fetched = CandidateIndices(keys, f.fetched);
  return true;
}

std::string CsvReader::Field(size_t i) const {
  if (i >= fields_.size()) return {};
  const std::string& raw = fields_[i];
  if (cp1252_) return DecodeCp1252(raw);
  if (base::IsValidUtf8(raw)) return raw;
  std::string out;
  base::RepairUtf8(raw, &out);
  return out;
}

std::string CsvReader::Pick(const std::vector<size_t>& columns) const {
  for (size_t i : columns) {
    if (i < fields_.size() && !base::Trim(fields_[i]).empty()) {
      return Field(i);
    }
  }
  return {};
}

Result<bool> CsvReader::Next(RawDoc* doc) {
  NT_ASSIGN_OR_RETURN(bool go, Start());
  if (!go) return false;
  if (!header_done_) {
    header_done_ = true;
    NT_ASSIGN_OR_RETURN(bool has_header, ReadHeader());
    if (!has_header) {
      Stop();
      NT_RETURN_IF_ERROR(FlushStreamError());
      return false;
    }
  }
  while (true) {
    NT_RETURN_IF_ERROR(FlushStreamError());
    uint64_t line = line_no_;
    NT_ASSIGN_OR_RETURN(Row row, ParseRow());
    if (row == Row::kEnd) {
      NT_RETURN_IF_ERROR(FlushStreamError());
      return false;
    }
    if (row == Row::kRow && fields_.size() == 1 && fields_[0].empty()) {
      continue;  // a blank line
    }
    std::string where = path_ + ":" + std::to_string(++row_no_);
    std::string at_line = " (line " + std::to_string(line) + ")";
    if (row == Row::kTooLarge) {
      NT_RETURN_IF_ERROR(Bad("too_large", where,
                             "row longer than max_bytes" + at_line,
                             in_->offset()));
      continue;
    }
    if (row == Row::kUnclosedQuote) {
      NT_RETURN_IF_ERROR(Bad(
          "unclosed_quote", where,
          "quote still open at the end of the input" + at_line, in_->offset()));
      continue;
    }
    if (row == Row::kCut) {
      NT_RETURN_IF_ERROR(
          Bad("bad_gzip", where, "row cut by gzip damage", in_->offset()));
      continue;
    }
    RecordValues v;
    bool text_is_utf8 = true;
    for (size_t i : columns_.text) {
      if (i < fields_.size() && !base::Trim(fields_[i]).empty()) {
        if (cp1252_) {
          v.text = DecodeCp1252(fields_[i]);
        } else {
          text_is_utf8 = base::IsValidUtf8(fields_[i]);
          v.text = std::move(fields_[i]);
        }
        break;
      }
    }
    if (v.text.empty()) v.html = Pick(columns_.html);
    v.title = Pick(columns_.title);
    v.url = Pick(columns_.url);
    v.published = Pick(columns_.published);
    v.domain = Pick(columns_.domain);
    v.label = Pick(columns_.label);
    v.fetched = Pick(columns_.fetched);
    v.authors = SplitAuthors(Pick(columns_.authors));
    if (!BuildRecordDocument(std::move(v), options_.label, doc,
                             options_.fields.title_as_text)) {
      NT_RETURN_IF_ERROR(
          Bad("no_text", where, "no text or html field", in_->offset()));
      continue;
    }
    if (!text_is_utf8) doc->charset.clear();
    doc->id = std::move(where);
    ++stats_.documents;
    return true;
  }
}

}  // namespace newstrace::ingest
