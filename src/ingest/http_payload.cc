#include "ingest/http_payload.h"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <vector>

#include "base/strings.h"

namespace newstrace::ingest {
namespace {

// Undoes chunked transfer coding. A malformed or cut chunk stream keeps
// what was read up to the damage.
std::string Dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) break;
    std::string_view line = base::Trim(body.substr(pos, eol - pos));
    size_t semi = line.find(';');  // chunk extensions
    if (semi != std::string_view::npos) line = line.substr(0, semi);
    size_t size = 0;
    auto r = std::from_chars(line.data(), line.data() + line.size(), size, 16);
    if (r.ec != std::errc() || line.empty()) break;
    pos = eol + 1;
    if (size == 0) break;  // last chunk (trailers ignored)
    size_t take = std::min(size, body.size() - pos);
    out.append(body.data() + pos, take);
    pos += take;
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
  return out;
}

// Inflates gzip, zlib or (raw == true) raw deflate data.
Result<std::string> Decompress(std::string_view data, bool raw,
                               size_t max_bytes) {
  z_stream zs{};
  if (inflateInit2(&zs, raw ? -MAX_WBITS : MAX_WBITS + 32) != Z_OK) {
    return Status::Internal("zlib: inflateInit2 failed");
  }
  std::string out;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  char buf[1 << 16];
  int ret = Z_OK;
  while (ret == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    ret = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_bytes) {
      inflateEnd(&zs);
      return Status::ResourceExhausted("decompressed body over max_bytes");
    }
    if (ret == Z_BUF_ERROR) break;  // input cut short: keep what decoded
  }
  inflateEnd(&zs);
  if (ret != Z_STREAM_END && ret != Z_BUF_ERROR && out.empty()) {
    return Status::Corruption("bad compressed body");
  }
  return out;
}

}  // namespace

void ParseContentType(std::string_view value, std::string* mime_type,
                      std::string* charset) {
  std::vector<std::string_view> parts = base::Split(value, ';');
  *mime_type = base::AsciiLower(base::Trim(parts.empty() ? "" : parts[0]));
  charset->clear();
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string_view p = base::Trim(parts[i]);
    if (!base::StartsWithIgnoreCase(p, "charset=")) continue;
    std::string_view cs = base::Trim(p.substr(8));
    if (cs.size() >= 2 && (cs.front() == '"' || cs.front() == '\'')) {
      cs = cs.substr(1, cs.size() - 2);
    }
    *charset = std::string(base::Trim(cs));
  }
}

bool IsHtmlMimeType(std::string_view mime_type) {
  return mime_type == "text/html" || mime_type == "application/xhtml+xml";
}

Result<HttpResponse> ParseHttpResponse(std::string_view block,
                                       size_t max_bytes) {
  HttpResponse r;
  if (!base::StartsWith(block, "HTTP/")) {
    return Status::Corruption("no HTTP status line");
  }
  size_t eol = block.find('\n');
  if (eol == std::string_view::npos) {
    return Status::Corruption("no HTTP header end");
  }
  std::string_view status_line = base::Trim(block.substr(0, eol));
  size_t sp = status_line.find(' ');
  if (sp != std::string_view::npos) {
    std::string_view code = base::Trim(status_line.substr(sp + 1));
    std::from_chars(code.data(), code.data() + code.size(), r.status);
  }
  bool chunked = false;
  std::string encoding;
  size_t pos = eol + 1;
  while (true) {
    if (pos >= block.size()) {
      return Status::Corruption("no HTTP header end");
    }
    eol = block.find('\n', pos);
    if (eol == std::string_view::npos) eol = block.size();
    std::string_view line = block.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = base::Trim(line.substr(0, colon));
    std::string_view value = base::Trim(line.substr(colon + 1));
    if (base::EqualsIgnoreCase(name, "Content-Type")) {
      ParseContentType(value, &r.mime_type, &r.charset);
    } else if (base::EqualsIgnoreCase(name, "Transfer-Encoding")) {
      chunked = base::ContainsIgnoreCase(value, "chunked");
    } else if (base::EqualsIgnoreCase(name, "Content-Encoding")) {
      encoding = base::AsciiLower(value);
    }
  }
  std::string_view body = pos < block.size() ? block.substr(pos) : "";
  std::string dechunked;
  if (chunked) {
    dechunked = Dechunk(body);
    body = dechunked;
  }
  if (encoding.empty() || encoding == "identity") {
    if (body.size() > max_bytes) {
      return Status::ResourceExhausted("body over max_bytes");
    }
    r.body = std::string(body);
  } else if (encoding == "gzip" || encoding == "x-gzip" ||
             encoding == "deflate") {
    bool raw = encoding == "deflate" && body.size() >= 2 &&
               (static_cast<unsigned char>(body[0]) & 0x0F) != 8;
    NT_ASSIGN_OR_RETURN(r.body, Decompress(body, raw, max_bytes));
  } else {
    return Status::Unsupported("Content-Encoding " + encoding);
  }
  return r;
}

}  // namespace newstrace::ingest
