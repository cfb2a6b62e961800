// Public API of the analyze module: what an article says and who says it.
// Quotes with their speakers, named entities, and figures (numbers with
// units, dates), all as spans into Article::text (document.h).
#ifndef NEWSTRACE_ANALYZE_H_
#define NEWSTRACE_ANALYZE_H_

#include "newstrace/document.h"

namespace newstrace {

struct AnalysisOptions {
  // Each part can be switched off (for speed, or to measure its cost).
  bool quotes = true;
  bool entities = true;  // quotes resolve speakers through entities: with
                         // entities off, speakers keep their surface names
  bool figures = true;
};

// Fills record->quotes, entities and figures from record->article. Reads
// the title and the body blocks (paragraph, heading); boilerplate is left
// out. Pure: the same article always gives the same result.
void AnalyzeArticle(const AnalysisOptions& options, Record* record);

}  // namespace newstrace

#endif  // NEWSTRACE_ANALYZE_H_
