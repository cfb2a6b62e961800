// Style signals (docs/format/signals.md): named numbers about an article's
// headline, body and page that a classifier weighs and a reader can check.
// Each is a 0/1 flag, a capped count, a rate per 100 body words, a share in
// [0, 1] or a bounded score, so values compare across articles of any
// length. The catalogue (SignalCatalog, analyze.h) names and explains them.
#ifndef NEWSTRACE_ANALYZE_SIGNALS_H_
#define NEWSTRACE_ANALYZE_SIGNALS_H_

#include <cstddef>

#include "newstrace/document.h"

namespace newstrace::analyze {

// Positions in SignalCatalog() and Record::signals.
enum SignalId : size_t {
  // headline
  kHeadlineWords,
  kHeadlineCapsPrefix,
  kHeadlineCapsShare,
  kHeadlineCapsRun,
  kHeadlineQuestion,
  kHeadlineExclamation,
  kHeadlineNumeralStart,
  kHeadlineSecondPerson,
  kHeadlineClickbait,
  kHeadlineSensational,
  // body: style
  kBodyWords,
  kClickbaitRate,
  kSensationalRate,
  kEmotionalRate,
  kExclamationRate,
  kFirstPersonRate,
  kSecondPersonRate,
  // body: attribution and sourcing
  kQuoteRate,
  kNamedQuoteRate,
  kNamedQuoteShare,
  kAccordingToRate,
  kStatementRate,
  kOutletRate,
  kUrlRate,
  // body: readability
  kFleschReadingEase,
  kMeanSentenceWords,
  // page: boilerplate
  kTagLineBlocks,
  kRelatedLinkBlocks,
  kAdvertisementBlocks,
  kBoilerplateShare,
  kRelatedLinkClickbait,
  kSignalCount
};

// Sets record->signals to every signal of record->article, in catalogue
// order. `quotes_found`: record->quotes holds the article's quotes (the
// quotes part ran); when false the quote signals are 0. Any text is
// accepted (invalid UTF-8, spans past the text's end are clipped). Linear
// in the article's size.
void ComputeSignals(bool quotes_found, Record* record);

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_SIGNALS_H_
