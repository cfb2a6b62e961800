#include "newstrace/pipeline.h"

namespace newstrace {

Result<Record> AnalyzeDocument(const RawDoc& doc,
                               const AnalyzeOptions& options) {
  Record record;
  NT_ASSIGN_OR_RETURN(record.article, Extract(doc, options.extract));
  return record;
}

}  // namespace newstrace
