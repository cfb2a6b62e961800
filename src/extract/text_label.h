// Plain-text cleaning, pass 1: the unit record that text_blocks.cc labels,
// and what a unit says about itself before any context (cue phrases,
// bylines, photo credits, cued datelines, the prose and headline shapes).
// Internal to the extract module.
#ifndef NEWSTRACE_EXTRACT_TEXT_LABEL_H_
#define NEWSTRACE_EXTRACT_TEXT_LABEL_H_

#include <optional>
#include <string_view>

#include "extract/text_byline.h"
#include "extract/text_credits.h"
#include "extract/text_cues.h"
#include "extract/text_features.h"
#include "newstrace/document.h"

namespace newstrace::extract::text {

// One unit of the text and what the passes learned about it. `text` views
// the article's text and stays valid as long as that text is unchanged.
struct Unit {
  Span span;
  std::string_view text;
  Features f;
  Cue cue = Cue::kNone;
  std::optional<BlockKind> kind;  // set once a pass has decided
  std::optional<CreditSplit> credit;
  std::optional<Byline> byline;
  std::optional<Dateline> dateline;
  bool prose = false;
  bool in_vocabulary = false;  // its words were added to the vocabulary
};

// True when a unit with features `f` reads as running prose on its own: a
// final period and 3+ words, two sentences that are not Title Case, a colon
// after 6+ words, a long question or ellipsis, or 25+ words.
bool IsProse(const Features& f);

// True when a unit with features `f` has a headline's shape: 2-30 words,
// at most 300 bytes, no final period or colon, at most two sentences.
bool TitleLike(const Features& f);

// True for an image's keyword list ("World War 3 Putin Assad Syria USA"):
// 6-40 capitalized words, no function word, no sentence punctuation.
bool KeywordList(const Unit& u);

// True when `text` opens as speech rather than as a headline: with a
// quotation mark ("\"Are you sure?\"", "«Et alors ?»"), or with a comma
// among its first three words ("After all, who would?", "So, why now?").
bool SpokenQuestion(std::string_view text);

// Pass 1. Sets u->cue, and u->kind when the unit's own words decide it
// (cue phrases, explicit bylines, photo and embed credits, tag lists,
// caption prefixes, contributors lines, cued datelines); fills u->byline,
// u->credit and u->dateline when the unit parses as one. REQUIRES: u->text
// and u->f are set.
void LabelAlone(Unit* u);

}  // namespace newstrace::extract::text

#endif  // NEWSTRACE_EXTRACT_TEXT_LABEL_H_
