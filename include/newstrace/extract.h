// Public API of the extract module: a RawDoc in, a cleaned Article out.
#ifndef NEWSTRACE_EXTRACT_H_
#define NEWSTRACE_EXTRACT_H_

#include <cstddef>

#include "newstrace/document.h"
#include "newstrace/ingest.h"
#include "newstrace/result.h"

namespace newstrace {

struct ExtractOptions {
  // Input syntax; kUnknown (default) uses the RawDoc's format, else detects.
  Format format = Format::kUnknown;
  // Reject input that needs repair instead of repairing it. Default: false.
  bool strict = false;
  // Deepest HTML element nesting walked; deeper content is dropped with a
  // diagnostic ("depth_cap"). Default: 512.
  size_t max_html_depth = 512;
  // Detect the language with CLD2. Default: true.
  bool detect_language = true;
  // Most bytes of the body CLD2 reads (cut at a UTF-8 boundary). Default:
  // 65536.
  size_t language_sample_bytes = 65536;
};

// Decodes, cleans and labels one document. Plain text is split into lines
// classified as title, byline, dateline, paragraph, caption (+ credit),
// tag_line, related_link, navigation, advertisement or other; HTML is parsed
// with libxml2 and its text blocks scored into the same kinds, with metadata
// from <title>, <meta>, <time> and JSON-LD.
// Fails with the codes of DecodeToUtf8 (empty, binary, strict repair).
Result<Article> Extract(const RawDoc& doc, const ExtractOptions& options);

}  // namespace newstrace

#endif  // NEWSTRACE_EXTRACT_H_
