// AnalyzeArticle: quotes, entities and figures of one article.
#include "newstrace/analyze.h"

namespace newstrace {

void AnalyzeArticle(const AnalysisOptions& options, Record* record) {
  (void)options;
  record->quotes.clear();
  record->entities.clear();
  record->figures.clear();
}

}  // namespace newstrace
