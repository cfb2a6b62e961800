// Parsing the HTTP response held in a WARC response record.
#ifndef NEWSTRACE_INGEST_HTTP_PAYLOAD_H_
#define NEWSTRACE_INGEST_HTTP_PAYLOAD_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "newstrace/result.h"

namespace newstrace::ingest {

struct HttpResponse {
  int status = 0;         // e.g. 200
  std::string mime_type;  // lower-cased, e.g. "text/html"; "" when absent
  std::string charset;    // from Content-Type, as written; "" when absent
  std::string body;       // de-chunked and decompressed
};

// Splits a Content-Type value ("text/html; charset=UTF-8") into its
// lower-cased mime type and its charset parameter (unquoted, as written).
void ParseContentType(std::string_view value, std::string* mime_type,
                      std::string* charset);

// Parses an HTTP/1.x response: status line, headers up to the blank line
// (CRLF or LF), then the body, undoing "Transfer-Encoding: chunked" and
// "Content-Encoding: gzip", "x-gzip" or "deflate" (best effort: a body cut
// short keeps what decoded). Fails with kCorruption when there is no
// status line or header end, kUnsupported for another content encoding,
// and kResourceExhausted when the decoded body exceeds `max_bytes`.
Result<HttpResponse> ParseHttpResponse(std::string_view block,
                                       size_t max_bytes);

// True when `mime_type` names an HTML page: text/html or
// application/xhtml+xml.
bool IsHtmlMimeType(std::string_view mime_type);

}  // namespace newstrace::ingest

#endif  // NEWSTRACE_INGEST_HTTP_PAYLOAD_H_
