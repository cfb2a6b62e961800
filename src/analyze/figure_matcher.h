// The token matcher behind FindFigures (figures.h). Internal to analyze:
// figures.cc holds the walk and the numbers, figure_dates.cc the dates.
#ifndef NEWSTRACE_ANALYZE_FIGURE_MATCHER_H_
#define NEWSTRACE_ANALYZE_FIGURE_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/figure_tokens.h"
#include "analyze/figure_words.h"
#include "base/utf8.h"
#include "newstrace/document.h"

namespace newstrace::analyze::figure_internal {

// Decimal digits as a mantissa (at most 19 significant digits) and a power
// of ten; digits past the 19th only move the exponent.
struct Decimal {
  uint64_t mantissa = 0;
  int exp10 = 0;
};
Decimal ParseDecimal(std::string_view s);
// mantissa * 10^exp10, capped at kMaxFigureValue (figures.h).
double ScaledValue(uint64_t mantissa, int exp10);
// v capped at kMaxFigureValue (NaN becomes the cap too).
double CapValue(double v);
// Days in `month` (1-12) of `year`; 29 for February when year is 0.
int DaysInMonth(int month, int year);
// Value of a short digit string (at most 9 digits).
int SmallInt(std::string_view s);
// snprintf into a string.
std::string Format(const char* fmt, int a, int b = 0, int c = 0);
// "USD" for '$', "GBP" for '£', "EUR" for '€', "JPY" for '¥', else empty.
std::string_view CurrencyOfSymbol(char32_t c);

// The matcher over one range's tokens; see the design note.
class Matcher {
 public:
  Matcher(std::string_view text, const Token* toks, size_t n,
          std::vector<Figure>* out)
      : text_(text), toks_(toks), n_(n), out_(out) {}

  // Tries the matchers at each of starts[0, n_starts) (increasing token
  // indices, as Tokenize writes them) not yet consumed. Every other token
  // fails all the matchers at once.
  void Run(const size_t* starts, size_t n_starts);

 private:
  // A number waiting for the second half of its range ("10 to 15 people").
  struct Pending {
    bool active = false;
    size_t index = 0;       // into *out_
    size_t next_first = 0;  // the token where the second number starts
    Decimal dec;
    bool negative = false;
    bool has_scale = false;
  };
  // What follows a number: percent or the counted noun.
  struct Tail {
    bool percent = false;
    std::string unit;
    size_t last = kNone;      // last token of the span when extended
    size_t unit_tok = kNone;  // the counted noun (not in the span)
  };

  bool IsWord(size_t j) const { return j < n_ && toks_[j].kind == Tok::kWord; }
  bool IsNum(size_t j) const {
    return j < n_ && toks_[j].kind == Tok::kNumber && !toks_[j].bad;
  }
  bool IsSym(size_t j, char32_t c) const {
    return j < n_ && toks_[j].kind == Tok::kSymbol && toks_[j].sym == c;
  }
  bool IsDash(size_t j) const {
    return IsSym(j, '-') || IsSym(j, kEnDash) || IsSym(j, kEmDash);
  }
  bool Glued(size_t j) const { return j < n_ && !toks_[j].space_before; }
  bool Spaced(size_t j) const { return j < n_ && toks_[j].space_before; }
  const FigureWord* Word(size_t j) const {
    return IsWord(j) ? toks_[j].word : nullptr;
  }
  bool Has(size_t j, uint32_t flag) const {
    const FigureWord* w = Word(j);
    return w != nullptr && (w->flags & flag) != 0;
  }
  std::string_view Text(size_t j) const {
    return text_.substr(toks_[j].begin, toks_[j].end - toks_[j].begin);
  }
  unsigned char Byte(size_t j, size_t k) const {
    return static_cast<unsigned char>(text_[toks_[j].begin + k]);
  }
  bool StartsUpper(size_t j) const {
    return IsWord(j) && Byte(j, 0) >= 'A' && Byte(j, 0) <= 'Z';
  }
  bool StartsLower(size_t j) const {
    if (!IsWord(j)) return false;
    if (Byte(j, 0) < 0x80) return Byte(j, 0) >= 'a' && Byte(j, 0) <= 'z';
    size_t p = toks_[j].begin;
    return base::IsLower(
        base::NextCodePoint(text_.substr(0, toks_[j].end), &p));
  }
  // "November", "Nov", not "NOVEMBER".
  bool TitleCase(size_t j) const {
    if (!StartsUpper(j)) return false;
    return toks_[j].end - toks_[j].begin == 1 ||
           !(Byte(j, 1) >= 'A' && Byte(j, 1) <= 'Z');
  }
  bool LowerOrTitle(size_t j) const { return StartsLower(j) || TitleCase(j); }

  bool BoundaryBefore(size_t j) const;
  bool BoundaryAfter(size_t k) const;
  bool ApostropheS(size_t k) const;
  size_t DayEnd(size_t j) const;
  bool IsYear(size_t j, int lo, int hi) const;
  bool NumberNeighbour(size_t j) const;
  size_t RangeTarget(size_t k);
  // At a glued "-<unit>" after a number (seven-year, 45-year-old): takes
  // the unit into `tail` and moves `k` and `last` past it and a "-old".
  void TakeHyphenUnit(size_t* k, size_t* last, Tail* tail) const;
  void ReadTail(size_t k, bool scale_allowed, bool unit_allowed, int* scale,
                Tail* tail) const;

  bool MatchWord(size_t i);
  bool MatchSymbol(size_t i);
  bool MatchNumber(size_t first, size_t j, bool negative,
                   std::string_view currency);
  bool MatchNumberWords(size_t i);
  bool MatchIsoDate(size_t j);
  bool MatchYearRange(size_t j);
  bool MatchPrefixedYear(size_t j);
  bool MatchDayFirst(size_t j, size_t first);
  bool MatchMonth(size_t i, size_t first, bool require_day_or_year);
  bool MatchWeekday(size_t i);
  bool MatchRelative(size_t i);

  void EmitDate(size_t first, size_t last, std::string date, bool relative);
  void EmitPhrase(size_t first, size_t last);
  void EmitNumber(size_t first, size_t last, double value, std::string unit,
                  bool has_scale, int scale_exp);
  void SetPending(size_t k, const Decimal& dec, bool negative, bool has_scale);

  const std::string_view text_;
  const Token* const toks_;
  const size_t n_;
  std::vector<Figure>* const out_;
  size_t i_ = 0;
  size_t allow_glued_ = kNone;  // a number token glued to an en dash range
  size_t past_year_ = kNone;    // the last year before 1900 emitted ...
  int past_year_value_ = 0;     // ... and its value ("from 1850 to 1870")
  Pending pending_;
};

}  // namespace newstrace::analyze::figure_internal

#endif  // NEWSTRACE_ANALYZE_FIGURE_MATCHER_H_
