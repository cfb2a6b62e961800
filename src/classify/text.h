// The words a classifier reads from a record: one line of space-separated
// tokens for fastText, the title's words marked.
#ifndef NEWSTRACE_CLASSIFY_TEXT_H_
#define NEWSTRACE_CLASSIFY_TEXT_H_

#include <string>
#include <string_view>

#include "newstrace/document.h"

namespace newstrace::classify {

// Appends to *out the tokens of `text`: words lower-cased (ASCII letters;
// other letters kept as written), every digit as '0' ("17" -> "00", so
// numbers generalize), '!' and '?' as tokens of their own; everything else
// separates. Each token starts with `prefix` ("t:" marks a title's).
// Stops after `max_tokens` tokens; returns the count written.
size_t AppendTokens(std::string_view text, std::string_view prefix,
                    size_t max_tokens, std::string* out);

// Appends to *out the shape of each token AppendTokens would write:
// "s:u" (two or more capitals, no small letter: "FEMA"), "s:c" (a capital
// first: "Paddock"), "s:d" (digits only), "s:p" ('!' or '?'), else "s:l".
// Returns the count written.
size_t AppendShapes(std::string_view text, size_t max_tokens, std::string* out);

// The record's classifier line: the title's tokens marked with "t:", the
// title's token shapes (AppendShapes), the title's tokens plain, then the
// body's (paragraph and heading blocks; the whole text when there are no
// blocks), at most `max_tokens` plain tokens in all. So the title's words
// count both as title words and as words, and plain word pairs run on from
// the title into the body. Never contains '\n'. With `headline_only`, the
// title's shapes and plain tokens alone (every word is a title word then).
std::string ClassifierLine(const Record& record, size_t max_tokens,
                           bool headline_only = false);

// True when the record is a headline and nothing else: no body, or a body
// that only repeats the title (a headline row read as its own text).
bool IsHeadlineOnly(const Record& record);

}  // namespace newstrace::classify

#endif  // NEWSTRACE_CLASSIFY_TEXT_H_
