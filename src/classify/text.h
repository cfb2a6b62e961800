// The words a classifier reads from a record: one line of space-separated
// tokens for fastText, the title's words marked.
#ifndef NEWSTRACE_CLASSIFY_TEXT_H_
#define NEWSTRACE_CLASSIFY_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newstrace/document.h"

namespace newstrace::classify {

// A classifier line as its tokens (the line is them joined by single
// spaces), each with the XXH3-64 hash of its bytes (seed 0): both text
// views key their tables by that hash, so prediction tokenizes and hashes
// once instead of once per view. Reusable: Clear keeps the memory (below
// kKeepBytes), so a thread_local instance allocates nothing once warm.
// Not thread-safe.
class LineTokens {
 public:
  struct Token {
    uint32_t begin = 0;  // offset of the token's bytes
    uint32_t size = 0;   // never 0
    uint64_t hash = 0;   // XXH3_64bits of the bytes
  };

  // Empties the list, keeping its memory (up to a point) for reuse.
  void Clear();
  size_t size() const { return tokens_.size(); }
  bool empty() const { return tokens_.empty(); }
  const Token& token(size_t i) const { return tokens_[i]; }
  // Valid until the next change to *this.
  std::string_view text(size_t i) const {
    return std::string_view(bytes_.data() + tokens_[i].begin, tokens_[i].size);
  }
  uint64_t hash(size_t i) const { return tokens_[i].hash; }

  // Adds `token` (not empty, no ' ') as it is.
  void Add(std::string_view token);
  // Adds the tokens of `line`, which are separated by spaces (runs of
  // spaces and spaces at either end separate nothing more).
  void AddLine(std::string_view line);
  // The tokens joined by single spaces.
  std::string Join() const;

  // Appends the tokens of `text` (see ClassifierTokens), each behind
  // `prefix`; at most `max_tokens`. Returns the count added.
  size_t AddWords(std::string_view text, std::string_view prefix,
                  size_t max_tokens);
  // Appends the shape of each token AddWords would add: "s:u" (two or
  // more capitals, no small letter: "FEMA"), "s:c" (a capital first:
  // "Paddock"), "s:d" (digits only), "s:p" ('!' or '?'), else "s:l".
  // Returns the count added.
  size_t AddShapes(std::string_view text, size_t max_tokens);

 private:
  // Room for `n` more bytes after used_.
  char* Grow(size_t n);
  // Records bytes [begin, end) as a token and hashes them.
  void Push(size_t begin, size_t end);

  // Clear frees the memory beyond this, kept for the next line otherwise.
  static constexpr size_t kKeepBytes = size_t{1} << 20;

  // bytes_[0, used_) holds the tokens; bytes_ only grows (its size is the
  // high-water mark), so refilling it neither allocates nor zero-fills.
  std::vector<char> bytes_;
  size_t used_ = 0;
  std::vector<Token> tokens_;
};

// The record's classifier tokens: the title's tokens marked with "t:", the
// title's token shapes (LineTokens::AddShapes), the title's tokens plain,
// then the body's (paragraph and heading blocks; the whole text when there
// are no blocks), at most `max_tokens` plain tokens in all. So the title's
// words count both as title words and as words, and plain word pairs run
// on from the title into the body. With `headline_only`, the title's
// shapes and plain tokens alone (every word is a title word then).
// A token is a word lower-cased (ASCII letters; other letters kept as
// written), every digit as '0' ("17" -> "00", so numbers generalize),
// without trailing apostrophes; or '!' or '?' alone; everything else
// separates. Replaces the contents of *out.
void ClassifierTokens(const Record& record, size_t max_tokens,
                      bool headline_only, LineTokens* out);

// The record's classifier line: ClassifierTokens joined by single spaces.
// Never contains '\n'.
std::string ClassifierLine(const Record& record, size_t max_tokens,
                           bool headline_only = false);

// True when the record is a headline and nothing else: no body, or a body
// that only repeats the title (a headline row read as its own text).
bool IsHeadlineOnly(const Record& record);

}  // namespace newstrace::classify

#endif  // NEWSTRACE_CLASSIFY_TEXT_H_
