// Public API of the pipeline module: one document to one record, and the
// record's JSON form (ARCHITECTURE.md, "The record as JSON";
// docs/format/record.md).
#ifndef NEWSTRACE_PIPELINE_H_
#define NEWSTRACE_PIPELINE_H_

#include <string>

#include "newstrace/document.h"
#include "newstrace/extract.h"
#include "newstrace/result.h"

namespace newstrace {

struct AnalyzeOptions {
  ExtractOptions extract;
};

// Extracts and analyzes one document. Fails as Extract does.
Result<Record> AnalyzeDocument(const RawDoc& doc,
                               const AnalyzeOptions& options);

struct JsonOptions {
  // Indent with two spaces instead of one compact line. Default: false.
  bool pretty = false;
};

// The record as one JSON object (UTF-8; no trailing newline). Fields are
// absent when unknown.
std::string RecordToJson(const Record& record, const JsonOptions& options);

}  // namespace newstrace

#endif  // NEWSTRACE_PIPELINE_H_
