// Quotations and their attribution: quote marks paired into quotes (across
// paragraphs when a mark reopens each one), each typed full, partial or
// scare, and attributed to a speaker through the cue patterns of news
// writing:
//   "...," Mr Putin said.          "...," said Vladimir Putin.
//   "...," he said.                "...," the Russian president said.
//   Putin told Assad: "..."        "...," Putin told Assad.
//   ... and said their "military success" ...     (partial, the subject)
//   "...," he said, "..."          (a split quote: both parts)
//   "..."  (no cue: the previous quote's speaker in the same or the
//           preceding paragraph, else unknown)
// Pronouns resolve to the first compatible person of the nearest earlier
// sentence that names one, or to the previous quote's speaker when that
// sentence names them too; role nouns resolve through the article's own
// titles and appositions (entities.h). Every backward search is bounded,
// so the work stays linear in the text.
#ifndef NEWSTRACE_ANALYZE_QUOTES_H_
#define NEWSTRACE_ANALYZE_QUOTES_H_

#include <vector>

#include "analyze/entities.h"
#include "analyze/tokens.h"
#include "newstrace/document.h"

namespace newstrace::analyze {

// A quote as paired marks, before attribution.
struct QuoteMarks {
  uint32_t open = 0;   // token of the opening mark
  uint32_t close = 0;  // token of the closing mark; == end_token of the
                       // last paragraph when the quote is left open
  bool closed = true;
  bool single = false;  // single quote marks
  Span span;            // the words between the marks
};

// Pairs the quote marks of `view`. Single marks count only in headlines,
// and in the body of an article that uses no double marks at all.
std::vector<QuoteMarks> FindQuoteMarks(const TextView& view);

// Whether token `i` is a double quote mark that opens a quote (a typographic
// opener, or a straight mark with a space before it and a word after).
bool IsDoubleOpener(const TextView& view, uint32_t i);

// Types and attributes `marks` (from FindQuoteMarks). `entities` may be
// null: speakers then keep their surface names.
std::vector<Quote> AttributeQuotes(const TextView& view,
                                   const std::vector<QuoteMarks>& marks,
                                   const EntityIndex* entities);

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_QUOTES_H_
