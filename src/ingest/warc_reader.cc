#include "ingest/warc_reader.h"

#include <algorithm>
#include <charconv>

#include "base/strings.h"
#include "ingest/http_payload.h"

namespace newstrace::ingest {
namespace {

// Longest record header block looked at; a longer one is malformed.
constexpr size_t kMaxHeader = size_t{64} << 10;
constexpr std::string_view kRecordStart = "\nWARC/1.";

// True when an HTML page without a Content-Type starts like one.
bool LooksLikeHtml(std::string_view body) {
  std::string_view head = base::Trim(body.substr(0, 1024));
  return base::StartsWith(head, "<") &&
         (base::ContainsIgnoreCase(head, "<html") ||
          base::ContainsIgnoreCase(head, "<!doctype html"));
}

}  // namespace

struct WarcReader::Header {
  std::string type;  // lower-cased
  std::string target_uri;
  std::string date;
  std::string content_type;
  uint64_t content_length = 0;
  bool has_length = false;
};

Result<std::unique_ptr<DocumentReader>> WarcReader::Open(
    const std::string& path, const ReaderOptions& options) {
  NT_ASSIGN_OR_RETURN(std::unique_ptr<ByteStream> in, ByteStream::Open(path));
  return std::unique_ptr<DocumentReader>(
      new WarcReader(path, std::move(in), options));
}

Result<bool> WarcReader::SkipBlankLines() {
  while (true) {
    std::string_view w = in_->window();
    size_t i = 0;
    while (i < w.size() && (w[i] == '\r' || w[i] == '\n')) ++i;
    in_->Consume(i);
    if (i < w.size()) return true;
    NT_ASSIGN_OR_RETURN(bool more, in_->FillMore());
    if (!more) return false;
  }
}

Result<size_t> WarcReader::HeaderLength() {
  size_t from = 0;
  while (true) {
    std::string_view w = in_->window();
    size_t crlf = w.find("\n\r\n", from);
    size_t lf = w.find("\n\n", from);
    size_t end = std::min(crlf == std::string_view::npos ? crlf : crlf + 3,
                          lf == std::string_view::npos ? lf : lf + 2);
    if (end != std::string_view::npos) return end <= kMaxHeader ? end : 0;
    if (w.size() > kMaxHeader) return 0;
    from = w.size() >= 2 ? w.size() - 2 : 0;
    NT_ASSIGN_OR_RETURN(bool more, in_->FillMore());
    if (!more) return 0;
  }
}

Status WarcReader::Resync(size_t from) {
  while (true) {
    std::string_view w = in_->window();
    size_t best = std::string_view::npos;
    size_t k = w.find(kRecordStart, from - 1);
    if (k != std::string_view::npos) best = k + 1;
    uint64_t boundary = in_->NextBoundary();
    uint64_t at = in_->offset();
    if (boundary > at && boundary - at >= from && boundary - at < best &&
        boundary - at < w.size()) {
      best = boundary - at;
    }
    if (best != std::string_view::npos) {
      in_->Consume(best);
      return Status::Ok();
    }
    if (w.size() > kRecordStart.size()) {
      in_->Consume(w.size() - kRecordStart.size());
      from = 1;
    }
    NT_ASSIGN_OR_RETURN(bool more, in_->FillMore());
    if (!more) {
      in_->Consume(in_->window().size());
      return Status::Ok();
    }
  }
}

Status WarcReader::SkipBytes(uint64_t n) {
  while (n > 0) {
    std::string_view w = in_->window();
    if (w.empty()) {
      NT_ASSIGN_OR_RETURN(bool more, in_->FillMore());
      if (!more) return Status::Ok();
      continue;
    }
    size_t take = static_cast<size_t>(std::min<uint64_t>(n, w.size()));
    in_->Consume(take);
    n -= take;
  }
  return Status::Ok();
}

Result<bool> WarcReader::Next(RawDoc* doc) {
  NT_ASSIGN_OR_RETURN(bool go, Start());
  if (!go) return false;
  while (true) {
    NT_RETURN_IF_ERROR(FlushStreamError());
    NT_ASSIGN_OR_RETURN(bool more, SkipBlankLines());
    if (!more) {
      NT_RETURN_IF_ERROR(FlushStreamError());
      return false;
    }
    NT_RETURN_IF_ERROR(in_->Fill(5).status());
    if (!base::StartsWith(in_->window(), "WARC/")) {
      NT_RETURN_IF_ERROR(Bad("bad_warc",
                             path_ + "@" + std::to_string(in_->offset()),
                             "no WARC record header where one must start"));
      NT_RETURN_IF_ERROR(Resync(1));
      continue;
    }
    std::string where = path_ + ":" + std::to_string(++record_no_);
    NT_ASSIGN_OR_RETURN(size_t header_len, HeaderLength());
    Header h;
    if (header_len > 0) {
      ParseHeader(in_->window().substr(0, header_len), &h);
    }
    if (header_len == 0 || !h.has_length) {
      NT_RETURN_IF_ERROR(Bad("bad_warc", where,
                             header_len == 0 ? "no end of the record header"
                                             : "no valid Content-Length"));
      NT_RETURN_IF_ERROR(Resync(1));
      continue;
    }
    if (h.content_length > options_.max_bytes) {
      NT_RETURN_IF_ERROR(Bad("too_large", where,
                             "Content-Length " +
                                 std::to_string(h.content_length) +
                                 " over max_bytes"));
      in_->Consume(header_len);
      NT_RETURN_IF_ERROR(SkipBytes(h.content_length));
      continue;
    }
    size_t total = header_len + static_cast<size_t>(h.content_length);
    NT_RETURN_IF_ERROR(in_->Fill(total + 4).status());
    std::string_view w = in_->window();
    if (w.size() < total) {
      NT_RETURN_IF_ERROR(Bad("bad_length", where,
                             "Content-Length " +
                                 std::to_string(h.content_length) +
                                 " runs past the end of the input"));
      NT_RETURN_IF_ERROR(Resync(1));
      continue;
    }
    // The block must end in CRLF CRLF (LF LF tolerated), then the input
    // ends or the next record starts.
    size_t end = total;
    bool ok = false;
    if (w.substr(end, 4) == "\r\n\r\n") {
      end += 4;
      ok = true;
    } else if (w.substr(end, 2) == "\n\n") {
      end += 2;
      ok = true;
    }
    if (ok) {
      NT_RETURN_IF_ERROR(in_->Fill(end + 5).status());
      w = in_->window();
      while (end < w.size() && (w[end] == '\r' || w[end] == '\n')) {
        ++end;
        NT_RETURN_IF_ERROR(in_->Fill(end + 5).status());
        w = in_->window();
      }
      ok = (end == w.size() && in_->at_end()) ||
           base::StartsWith(w.substr(end), "WARC/");
    }
    uint64_t boundary = in_->NextBoundary();
    if (boundary > in_->offset() && boundary - in_->offset() < total) {
      ok = false;  // the record spans gzip damage
    }
    if (!ok) {
      NT_RETURN_IF_ERROR(Bad("bad_length", where,
                             "Content-Length " +
                                 std::to_string(h.content_length) +
                                 " does not end the record"));
      NT_RETURN_IF_ERROR(Resync(1));
      continue;
    }
    NT_ASSIGN_OR_RETURN(
        bool made,
        MakeDocument(h, w.substr(header_len, h.content_length), where, doc));
    in_->Consume(end);
    if (made) {
      ++stats_.documents;
      return true;
    }
  }
}

Result<bool> WarcReader::MakeDocument(const Header& h, std::string_view block,
                                      const std::string& where, RawDoc* doc) {
  std::string mime, charset;
  ParseContentType(h.content_type, &mime, &charset);
  if (h.type == "response" && (mime.empty() || mime == "application/http")) {
    Result<HttpResponse> r = ParseHttpResponse(block, options_.max_bytes);
    if (!r.ok()) {
      if (r.status().code() == StatusCode::kUnsupported) {
        ++stats_.skipped;
        return false;
      }
      NT_RETURN_IF_ERROR(Bad(r.status().code() == StatusCode::kResourceExhausted
                                 ? "too_large"
                                 : "bad_http",
                             where, r.status().message()));
      return false;
    }
    bool html = IsHtmlMimeType(r->mime_type) ||
                (r->mime_type.empty() && LooksLikeHtml(r->body));
    if (r->status < 200 || r->status > 299 || !html ||
        base::Trim(r->body).empty()) {
      ++stats_.skipped;
      return false;
    }
    doc->bytes = std::move(r->body);
    doc->charset = std::move(r->charset);
  } else if (h.type == "resource" && IsHtmlMimeType(mime) &&
             !base::Trim(block).empty()) {
    doc->bytes = std::string(block);
    doc->charset = std::move(charset);
  } else {
    ++stats_.skipped;
    return false;
  }
  doc->id = where;
  doc->format = Format::kHtml;
  doc->source = Source();
  std::string_view uri = base::Trim(h.target_uri);
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
    uri = uri.substr(1, uri.size() - 2);  // WARC 1.0 examples wrote <uri>
  }
  doc->source.url = std::string(uri);
  doc->source.fetched = h.date;
  doc->source.label = options_.label;
  return true;
}

void WarcReader::ParseHeader(std::string_view text, Header* h) {
  size_t pos = text.find('\n');
  while (pos != std::string_view::npos && pos + 1 < text.size()) {
    size_t start = pos + 1;
    pos = text.find('\n', start);
    std::string_view line = text.substr(
        start, (pos == std::string_view::npos ? text.size() : pos) - start);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = base::Trim(line.substr(0, colon));
    std::string_view value = base::Trim(line.substr(colon + 1));
    if (base::EqualsIgnoreCase(name, "WARC-Type")) {
      h->type = base::AsciiLower(value);
    } else if (base::EqualsIgnoreCase(name, "WARC-Target-URI")) {
      h->target_uri = std::string(value);
    } else if (base::EqualsIgnoreCase(name, "WARC-Date")) {
      h->date = std::string(value);
    } else if (base::EqualsIgnoreCase(name, "Content-Type")) {
      h->content_type = std::string(value);
    } else if (base::EqualsIgnoreCase(name, "Content-Length")) {
      uint64_t n = 0;
      auto r = std::from_chars(value.data(), value.data() + value.size(), n);
      h->has_length = r.ec == std::errc() && !value.empty() &&
                      r.ptr == value.data() + value.size();
      h->content_length = n;
    }
  }
}

}  // namespace newstrace::ingest
