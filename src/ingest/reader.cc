// ReadDocument (ingest.h): one file or standard input.
#include <cstdio>

#include "base/file_io.h"
#include "base/strings.h"
#include "newstrace/ingest.h"

namespace newstrace {

Result<RawDoc> ReadDocument(const std::string& path,
                            const ReadOptions& options) {
  RawDoc doc;
  doc.id = path;
  if (path == "-") {
    NT_ASSIGN_OR_RETURN(doc.bytes, base::ReadStream(stdin, options.max_bytes));
    return doc;
  }
  NT_ASSIGN_OR_RETURN(doc.bytes, base::ReadFile(path, options.max_bytes));
  std::string lower = base::AsciiLower(path);
  if (base::EndsWith(lower, ".html") || base::EndsWith(lower, ".htm") ||
      base::EndsWith(lower, ".xhtml")) {
    doc.format = Format::kHtml;
  } else if (base::EndsWith(lower, ".txt")) {
    doc.format = Format::kText;
  }
  return doc;
}

}  // namespace newstrace
