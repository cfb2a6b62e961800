// The tokenizer behind FindFigures (figures.h). Internal to analyze.
//
// One pass over a range's bytes into words (letter runs), numbers (digits
// with ',' or '.' between digits, validated as "1,234.5" or "1234.5"),
// symbols (one code point each) and opaque chunks (a whole whitespace-
// delimited chunk holding "://", "www." or '@': URLs and e-mail addresses,
// never read for figures). Each token knows whether whitespace precedes it,
// which is how "seven-year", "COVID-19" and "9/11" are told apart. ASCII
// bytes take a fast path; other bytes are decoded once, ill-formed ones as
// U+FFFD (a symbol).
#ifndef NEWSTRACE_ANALYZE_FIGURE_TOKENS_H_
#define NEWSTRACE_ANALYZE_FIGURE_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

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

struct Token {
  size_t begin = 0;
  size_t end = 0;
  Tok kind = Tok::kSymbol;
  bool space_before = true;  // whitespace or the range start precedes it
  bool bad = false;          // number: malformed separators ("1,23")
  bool has_sep = false;      // number: holds ',' or '.'
  char32_t sym = 0;          // symbol: its code point
  const FigureWord* word = nullptr;  // word: its table entry, if any
};

// Replaces *toks with the tokens of text[r.begin, r.end). Bytes outside the
// range are never read. REQUIRES: r.begin <= r.end <= text.size().
void Tokenize(std::string_view text, Span r, std::vector<Token>* toks);

// Punctuation that may open or close a figure: '(' '"' '—' ... / ',' '.'
// ')' '’' ...
bool IsOpenPunct(char32_t c);
bool IsClosePunct(char32_t c);

}  // namespace newstrace::analyze::figure_internal

#endif  // NEWSTRACE_ANALYZE_FIGURE_TOKENS_H_
