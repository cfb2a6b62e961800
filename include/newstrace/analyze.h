// Public API of the analyze module: what an article says and who says it.
// Quotes with their speakers, named entities, and figures (numbers with
// units, dates), all as spans into Article::text (document.h); and the
// style signals (docs/format/signals.md), named numbers a classifier and a
// reader can use.
#ifndef NEWSTRACE_ANALYZE_H_
#define NEWSTRACE_ANALYZE_H_

#include <string_view>
#include <vector>

#include "newstrace/document.h"

namespace newstrace {

struct AnalysisOptions {
  // Each part can be switched off (for speed, or to measure its cost).
  bool quotes = true;
  bool entities = true;  // quotes resolve speakers through entities: with
                         // entities off, speakers keep their surface names
  bool figures = true;
  bool signals = true;  // style signals; with quotes off, the quote-based
                        // signals (quote_rate, named_quote_*) are 0
};

// Fills record->quotes, entities, figures and signals from
// record->article. Quotes, entities and figures read the title and the body
// blocks (paragraph, heading); boilerplate is left out. Signals also read
// the boilerplate blocks (counts, related-link headlines). Pure: the same
// article always gives the same result.
void AnalyzeArticle(const AnalysisOptions& options, Record* record);

// What part of the article a signal reads.
enum class SignalScope {
  kHeadline,  // the title only: works for title-only rows
  kBody,      // the body blocks (paragraph, heading), and their quotes
  kPage,      // the blocks outside the body (boilerplate)
};

// How a signal's value reads.
enum class SignalUnit {
  kFlag,   // 0 or 1
  kCount,  // a whole number from 0 to `max`
  kRate,   // occurrences per 100 body words, 0 to `max`
  kShare,  // a fraction in [0, 1]
  kScore,  // a measure in [0, max] (Flesch reading ease, mean lengths)
};

// The description of one signal. All views point to static storage.
struct SignalInfo {
  std::string_view name;    // stable snake_case, e.g. "headline_caps_prefix"
  std::string_view reason;  // one line for a person: what a high value means
  SignalScope scope = SignalScope::kBody;
  SignalUnit unit = SignalUnit::kFlag;
  double max = 1;  // the largest value it takes (values are capped)
};

// Every signal, in the fixed order of Record::signals. Built once; safe to
// call from any thread; the reference stays valid for the program's life.
const std::vector<SignalInfo>& SignalCatalog();

// The catalogue entry named `name`, or null.
const SignalInfo* FindSignalInfo(std::string_view name);

}  // namespace newstrace

#endif  // NEWSTRACE_ANALYZE_H_
