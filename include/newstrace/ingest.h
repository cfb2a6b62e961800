// Public API of the ingest module: reading raw documents and turning their
// bytes into normalized UTF-8 text.
#ifndef NEWSTRACE_INGEST_H_
#define NEWSTRACE_INGEST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "newstrace/document.h"
#include "newstrace/result.h"

namespace newstrace {

struct ReadOptions {
  // Largest input accepted, in bytes. Default: 64 MiB.
  size_t max_bytes = size_t{64} << 20;
};

// Reads one document from `path` ("-" reads standard input). The format is
// set from the file extension (.html/.htm/.xhtml: html, .txt: text) and left
// kUnknown otherwise. Fails with kNotFound, kIoError, kInvalidArgument (a
// directory) or kResourceExhausted (over max_bytes).
Result<RawDoc> ReadDocument(const std::string& path,
                            const ReadOptions& options);

struct DecodeOptions {
  // When true, input that needs repair (invalid UTF-8, NUL or control bytes)
  // is rejected with kCorruption instead of repaired with a diagnostic.
  bool strict = false;
};

struct DecodedText {
  std::string text;     // normalized UTF-8: NFC, LF line ends, no NULs
  std::string charset;  // what the bytes were decoded from, e.g. "utf-8"
  std::vector<Diagnostic> diagnostics;
};

// Decodes `bytes` to normalized UTF-8. The charset comes from a byte order
// mark, then `declared_charset` (or an HTML <meta> declaration when
// `format` is kHtml or kUnknown), then the bytes themselves (UTF-8, UTF-16
// without BOM, cp1252). Line ends become "\n", NUL and other C0 control
// bytes (but tab and newline) are dropped, and the text is put in NFC.
// Fails with kCorruption for empty or binary input (and, when strict, for
// input that needed repair) and kUnsupported for an unknown declared
// charset that the bytes do not satisfy.
Result<DecodedText> DecodeToUtf8(std::string_view bytes,
                                 std::string_view declared_charset,
                                 Format format, const DecodeOptions& options);

// Guesses whether decoded text is HTML or plain text.
Format DetectFormat(std::string_view text);

}  // namespace newstrace

#endif  // NEWSTRACE_INGEST_H_
