// The tokenizer behind FindFigures (figures.h). Internal to analyze.
//
// One pass over a range's bytes into words (letter runs), numbers (digits
// with ',' or '.' between digits, validated as "1,234.5" or "1234.5"),
// symbols (one code point each) and opaque chunks (a whole whitespace-
// delimited chunk holding "://", "www." or '@': URLs and e-mail addresses,
// never read for figures). Each token knows whether whitespace precedes it,
// which is how "seven-year", "COVID-19" and "9/11" are told apart. ASCII
// bytes take a fast path (a 256-entry byte class table); other bytes are
// decoded once, ill-formed ones as U+FFFD (a symbol). Words are looked up in
// the word table as they are cut (figure_words.h), so the walk never hashes.
#ifndef NEWSTRACE_ANALYZE_FIGURE_TOKENS_H_
#define NEWSTRACE_ANALYZE_FIGURE_TOKENS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>

#include "analyze/figure_words.h"
#include "newstrace/document.h"

namespace newstrace::analyze::figure_internal {

constexpr size_t kNone = static_cast<size_t>(-1);
constexpr char32_t kMinusSign = 0x2212;
constexpr char32_t kEnDash = 0x2013;
constexpr char32_t kEmDash = 0x2014;
constexpr char32_t kLeftQuote = 0x2018;
constexpr char32_t kRightQuote = 0x2019;
constexpr char32_t kLeftDoubleQuote = 0x201C;
constexpr char32_t kRightDoubleQuote = 0x201D;
constexpr char32_t kEllipsis = 0x2026;

enum class Tok : uint8_t { kWord, kNumber, kSymbol, kOpaque };

// Trivially constructible on purpose (no member initializers): Tokenize
// writes every field, into a buffer that is never zeroed first.
struct Token {
  size_t begin;
  size_t end;
  Tok kind;
  bool space_before;       // whitespace or the range start precedes it
  bool bad;                // number: malformed separators ("1,23")
  bool has_sep;            // number: holds ',' or '.'
  char32_t sym;            // symbol: its code point, else 0
  const FigureWord* word;  // word: its table entry, if any, else nullptr
};

// The tokens of a range and the indices of those where a figure may start,
// in two arrays of one capacity. Reused from range to range: grows, never
// shrinks, never initializes.
class TokenBuffer {
 public:
  Token* tokens() const { return tokens_.get(); }
  size_t* starts() const { return starts_.get(); }
  size_t capacity() const { return capacity_; }

  // Doubles the capacity (at least 256), keeping tokens()[0, n) and
  // starts()[0, n_starts).
  void Grow(size_t n, size_t n_starts) {
    const size_t capacity = capacity_ < 128 ? 256 : 2 * capacity_;
    auto tokens = std::make_unique_for_overwrite<Token[]>(capacity);
    auto starts = std::make_unique_for_overwrite<size_t[]>(capacity);
    std::copy(tokens_.get(), tokens_.get() + n, tokens.get());
    std::copy(starts_.get(), starts_.get() + n_starts, starts.get());
    tokens_ = std::move(tokens);
    starts_ = std::move(starts);
    capacity_ = capacity;
  }

 private:
  std::unique_ptr<Token[]> tokens_;
  std::unique_ptr<size_t[]> starts_;
  size_t capacity_ = 0;
};

// Writes the tokens of text[r.begin, r.end) to buf->tokens()[0, n) and
// returns n. Also writes to buf->starts()[0, *n_starts), in order, the
// indices of the tokens where a figure may start: numbers, words with
// kFwStarts (figure_words.h), and the symbols '$' '£' '€' '¥' '-' '−' (every
// other token fails all the matchers at once). Bytes outside the range are
// never read. REQUIRES: r.begin <= r.end <= text.size().
size_t Tokenize(std::string_view text, Span r, const FigureWordIndex& words,
                TokenBuffer* buf, size_t* n_starts);

// Punctuation that may open or close a figure: '(' '"' '—' ... / ',' '.'
// ')' '’' ...
bool IsOpenPunct(char32_t c);
bool IsClosePunct(char32_t c);

}  // namespace newstrace::analyze::figure_internal

#endif  // NEWSTRACE_ANALYZE_FIGURE_TOKENS_H_
