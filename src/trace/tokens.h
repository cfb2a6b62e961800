// Words of an article for tracing: the units that shingles, signatures and
// diffs are made of.
//
// A word is a maximal run of letters, digits and combining marks; an
// apostrophe between letters and a '.' or ',' between digits stay inside it
// ("don't", "2.3", "1,000"), a possessive "'s" at a word's end is a word of
// its own, and everything else (spaces, punctuation, symbols, hyphens)
// separates words. Each word carries two 64-bit keys: `exact` (its bytes,
// with the typographic apostrophe read as "'") for diffs, and `folded`
// (lower case) for shingles.
#ifndef NEWSTRACE_TRACE_TOKENS_H_
#define NEWSTRACE_TRACE_TOKENS_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace newstrace::trace {

struct Token {
  uint32_t begin = 0;  // byte offsets into the tokenized text
  uint32_t end = 0;
  uint64_t exact = 0;   // hash of the word as written
  uint64_t folded = 0;  // hash of the word in lower case
};

// Appends the words of `text` to `out`, with offsets shifted by `offset`
// (so several blocks of one article can be tokenized into one list with
// offsets into the article's text). Words past 2^32 - 1 bytes are not
// produced. Invalid UTF-8 is read as U+FFFD, which separates words.
void Tokenize(std::string_view text, uint32_t offset, std::vector<Token>* out);

}  // namespace newstrace::trace

#endif  // NEWSTRACE_TRACE_TOKENS_H_
