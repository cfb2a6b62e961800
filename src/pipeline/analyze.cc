#include "base/dates.h"
#include "newstrace/pipeline.h"

namespace newstrace {

Result<Record> AnalyzeDocument(const RawDoc& doc,
                               const AnalyzeOptions& options) {
  Record record;
  NT_ASSIGN_OR_RETURN(record.article, Extract(doc, options.extract));
  // What a structured input declares (a data set's title, authors and date
  // columns) is the publisher's own metadata: it wins over what extraction
  // guessed from the text.
  Article& a = record.article;
  if (!doc.source.title.empty()) a.title = doc.source.title;
  if (!doc.source.authors.empty()) a.authors = doc.source.authors;
  if (!doc.source.published.empty()) {
    // Data sets write dates many ways; the record holds ISO 8601. A value
    // that is no date is reported, not stored.
    std::optional<std::string> iso = base::ParseDate(doc.source.published);
    if (iso) {
      a.published = *iso;
    } else {
      a.diagnostics.push_back(
          {"unreadable_date", "declared date '" +
                                  doc.source.published.substr(0, 80) +
                                  "' is not a date"});
    }
  }
  AnalyzeArticle(options.analysis, &record);
  return record;
}

}  // namespace newstrace
