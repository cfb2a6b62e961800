// Figure recognition (figures.h).
//
// Design note. Each range is read in two linear steps, with no backtracking
// over bytes and no regular expressions:
//  1. Tokenize (figure_tokens.h): one pass over the bytes into words,
//     numbers, symbols and opaque chunks (URLs, e-mail addresses), each
//     knowing whether whitespace precedes it and, for a word, its entry in
//     the word table (figure_words.h).
//  2. Match: a left-to-right walk over the tokens. At each token a few
//     matchers (dates, relative dates, digits, number words, currency, sign)
//     look a bounded number of tokens ahead, emit at most two figures and
//     move the cursor past what they used; a matcher that fails consumes
//     nothing. Only the tokens Tokenize marked as possible starts are
//     visited: a word that cannot open a figure (no entry, or an entry
//     without kFwStarts: "the", "said") or a punctuation mark fails every
//     matcher at once. The number matchers are here, the date matchers in
//     figure_dates.cc.
// Range pairs ("10 to 15 people") are joined after the fact: the first
// figure is patched when the second one is emitted.
#include "analyze/figures.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include "analyze/figure_matcher.h"
#include "analyze/figure_tokens.h"
#include "analyze/figure_words.h"
#include "base/strings.h"
#include "base/utf8.h"

namespace newstrace::analyze::figure_internal {
namespace {

// The first year a bare number before 1900 may be ("in 1776").
constexpr int kMinPastYear = 1700;

}  // namespace

Decimal ParseDecimal(std::string_view s) {
  Decimal d;
  bool frac = false;
  int sig = 0;
  for (char c : s) {
    if (c == ',') continue;
    if (c == '.') {
      frac = true;
      continue;
    }
    const int v = c - '0';
    if (sig == 0 && v == 0) {
      if (frac) --d.exp10;
      continue;
    }
    if (sig < 19) {
      d.mantissa = d.mantissa * 10 + static_cast<uint64_t>(v);
      ++sig;
      if (frac) --d.exp10;
    } else if (!frac) {
      ++d.exp10;
    }
  }
  return d;
}

// mantissa * 10^exp10, correctly rounded for small exponents (one rounding:
// 10^k is exact for k <= 22), capped at kMaxFigureValue.
double ScaledValue(uint64_t mantissa, int exp10) {
  static constexpr std::array<double, 23> kPow10 = {
      1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  if (mantissa == 0) return 0;
  int digits = 0;
  for (uint64_t m = mantissa; m > 0; m /= 10) ++digits;
  const long magnitude = static_cast<long>(digits) + exp10 - 1;
  if (magnitude > 300) return kMaxFigureValue;
  if (magnitude < -300) return 0;
  const double v = static_cast<double>(mantissa);
  double r;
  if (exp10 >= 0) {
    r = exp10 <= 22 ? v * kPow10[exp10] : v * std::pow(10.0, exp10);
  } else {
    r = -exp10 <= 22 ? v / kPow10[-exp10] : v / std::pow(10.0, -exp10);
  }
  return r > kMaxFigureValue ? kMaxFigureValue : r;
}

double CapValue(double v) {
  if (!(v <= kMaxFigureValue)) return kMaxFigureValue;  // also NaN
  return v;
}

int DaysInMonth(int month, int year) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30,
                                                31, 31, 30, 31, 30, 31};
  if (month == 2 && year > 0) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

// Value of a short digit string (<= 9 digits).
int SmallInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string Format(const char* fmt, int a, int b, int c) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), fmt, a, b, c);
  return buf;
}
std::string_view CurrencyOfSymbol(char32_t c) {
  switch (c) {
    case '$':
      return "USD";
    case 0xA3:
      return "GBP";
    case 0x20AC:
      return "EUR";
    case 0xA5:
      return "JPY";
    default:
      return {};
  }
}

void Matcher::Run(const size_t* starts, size_t n_starts) {
  for (size_t s = 0; s < n_starts; ++s) {
    const size_t at = starts[s];
    if (at < i_) continue;  // consumed by the last match
    i_ = at;
    bool matched = false;
    switch (toks_[at].kind) {
      case Tok::kWord:
        matched = MatchWord(at);
        break;
      case Tok::kNumber:
        matched = MatchNumber(at, at, false, {});
        break;
      case Tok::kSymbol:
        matched = MatchSymbol(at);
        break;
      case Tok::kOpaque:
        break;
    }
    if (!matched || i_ <= at) i_ = at + 1;
  }
}

// Whitespace, the range start or opening punctuation before token j.
bool Matcher::BoundaryBefore(size_t j) const {
  if (j == 0 || toks_[j].space_before) return true;
  const Token& p = toks_[j - 1];
  if (p.kind != Tok::kSymbol || !IsOpenPunct(p.sym)) return false;
  return j == 1 || p.space_before || toks_[j - 2].kind == Tok::kSymbol;
}

// Whitespace, the range end or closing punctuation (not glued on to another
// word or number: "10:30", "5.Next") at token k.
bool Matcher::BoundaryAfter(size_t k) const {
  if (k >= n_ || toks_[k].space_before) return true;
  const Token& t = toks_[k];
  if (t.kind != Tok::kSymbol || !IsClosePunct(t.sym)) return false;
  if (t.sym == kEmDash) return true;
  return !(Glued(k + 1) &&
           (IsWord(k + 1) || toks_[k + 1].kind == Tok::kNumber));
}

// "'s" or "’s" glued at k ("2015's").
bool Matcher::ApostropheS(size_t k) const {
  return Glued(k) && (IsSym(k, '\'') || IsSym(k, kRightQuote)) &&
         Glued(k + 1) && IsWord(k + 1) &&
         base::EqualsIgnoreCase(Text(k + 1), "s") && BoundaryAfter(k + 2);
}

// When token j is a day of the month ("25", "25th"), the token after it;
// else kNone.
size_t Matcher::DayEnd(size_t j) const {
  if (!IsNum(j) || toks_[j].has_sep || Text(j).size() > 2) return kNone;
  const int day = SmallInt(Text(j));
  if (day < 1 || day > 31) return kNone;
  size_t k = j + 1;
  if (Glued(k) && Has(k, kFwOrdinal)) ++k;
  return BoundaryAfter(k) ? k : kNone;
}

// Token j is a 4-digit year in [lo, hi] standing on its own.
bool Matcher::IsYear(size_t j, int lo, int hi) const {
  if (!IsNum(j) || toks_[j].has_sep || Text(j).size() != 4) return false;
  const int y = SmallInt(Text(j));
  return y >= lo && y <= hi && (BoundaryAfter(j + 1) || ApostropheS(j + 1));
}

// Another number with only spaces (or a parenthesis) between: phone numbers
// and tables, not figures.
bool Matcher::NumberNeighbour(size_t j) const {
  if (Spaced(j) && j > 0 && toks_[j - 1].kind == Tok::kNumber) return true;
  if (Spaced(j) && j > 1 && IsSym(j - 1, ')') && Glued(j - 1) &&
      toks_[j - 2].kind == Tok::kNumber) {
    return true;
  }
  if (Spaced(j + 1) && toks_[j + 1].kind == Tok::kNumber) return true;
  return Glued(j + 1) && IsSym(j + 1, ')') && Spaced(j + 2) &&
         toks_[j + 2].kind == Tok::kNumber;
}

// The start of the second number of a range whose link ("to", "and", "or",
// a spaced dash, a glued en dash) is token k, or kNone.
size_t Matcher::RangeTarget(size_t k) {
  size_t next;
  if (Spaced(k) && Has(k, kFwRangeLink) && StartsLower(k)) {
    next = k + 1;
  } else if (Spaced(k) && IsDash(k) && Spaced(k + 1)) {
    next = k + 1;
  } else if (Glued(k) && IsSym(k, kEnDash) && Glued(k + 1) && IsNum(k + 1)) {
    allow_glued_ = k + 1;
    return k + 1;
  } else {
    return kNone;
  }
  if (!Spaced(next)) return kNone;
  if (IsNum(next)) return next;
  if (next < n_ && toks_[next].kind == Tok::kSymbol &&
      !CurrencyOfSymbol(toks_[next].sym).empty() && Glued(next + 1) &&
      IsNum(next + 1)) {
    return next;
  }
  const FigureWord* w = Word(next);
  if (w != nullptr && w->number > 0) return next;
  return kNone;
}

// Reads what follows a number from token k: spaced scale words (when
// allowed), "%", "percent", "per cent", "percentage points", or else the
// counted noun (when allowed).
void Matcher::TakeHyphenUnit(size_t* k, size_t* last, Tail* tail) const {
  tail->unit = base::Lower(Text(*k + 1));
  *last = *k + 1;
  *k += 2;
  if (Glued(*k) && IsSym(*k, '-') && Glued(*k + 1) &&
      base::EqualsIgnoreCase(Text(*k + 1), "old")) {
    *last = *k + 1;
    *k += 2;
  }
}

void Matcher::ReadTail(size_t k, bool scale_allowed, bool unit_allowed,
                       int* scale, Tail* tail) const {
  if (scale_allowed) {
    while (Spaced(k) && Word(k) != nullptr && Word(k)->scale_exp > 0 &&
           LowerOrTitle(k)) {
      *scale = std::min(*scale + Word(k)->scale_exp, 1000);
      tail->last = k++;
    }
  }
  if (Spaced(k) && IsSym(k, '%')) {
    tail->percent = true;
    tail->last = k;
    return;
  }
  if (Spaced(k) && Has(k, kFwPercent) && StartsLower(k)) {
    tail->percent = true;
    tail->last = k;
    return;
  }
  if (Spaced(k) && Has(k, kFwPer) && Spaced(k + 1) && Has(k + 1, kFwCent)) {
    tail->percent = true;
    tail->last = k + 1;
    return;
  }
  if (Spaced(k) && Has(k, kFwPercentage) && Spaced(k + 1) &&
      Has(k + 1, kFwPoint)) {
    tail->unit = "percentage points";
    tail->last = k + 1;
    return;
  }
  if (unit_allowed && Spaced(k) && IsWord(k) && !Has(k, kFwStop) &&
      StartsLower(k)) {
    tail->unit = base::Lower(Text(k));
    tail->unit_tok = k;
  }
}

bool Matcher::MatchWord(size_t i) {
  const FigureWord* w = Word(i);
  if (w == nullptr) return false;
  if (w->weekday > 0 && MatchWeekday(i)) return true;
  if (w->month > 0 && MatchMonth(i, i, false)) return true;
  if ((w->flags & (kFwRelWord | kFwRelModifier | kFwRelShift)) &&
      MatchRelative(i)) {
    return true;
  }
  return MatchNumberWords(i);
}

bool Matcher::MatchSymbol(size_t i) {
  const char32_t c = toks_[i].sym;
  std::string_view currency = CurrencyOfSymbol(c);
  if (!currency.empty() && Glued(i + 1) && IsNum(i + 1)) {
    size_t first = i;
    if (c == '$' && Glued(i) && IsWord(i - 1)) {  // US$, A$, ...
      static constexpr std::array<std::pair<std::string_view, std::string_view>,
                                  5>
          kDollars = {{{"US", "USD"},
                       {"A", "AUD"},
                       {"C", "CAD"},
                       {"HK", "HKD"},
                       {"NZ", "NZD"}}};
      currency = {};
      for (const auto& [prefix, code] : kDollars) {
        if (Text(i - 1) == prefix) currency = code;
      }
      if (currency.empty() || !BoundaryBefore(i - 1)) return false;
      first = i - 1;
    } else if (!BoundaryBefore(i)) {
      return false;
    }
    return MatchNumber(first, i + 1, false, currency);
  }
  if ((c == '-' || c == kMinusSign) && Glued(i + 1) && IsNum(i + 1) &&
      BoundaryBefore(i)) {
    return MatchNumber(i, i + 1, true, {});
  }
  return false;
}

// Digits at token j; `first` is where the span starts (a sign or currency).
bool Matcher::MatchNumber(size_t first, size_t j, bool negative,
                          std::string_view currency) {
  const Token& t = toks_[j];
  if (t.bad) return false;
  const bool plain = !negative && currency.empty();
  if (plain && (MatchIsoDate(j) || MatchYearRange(j) || MatchDayFirst(j, j))) {
    return true;
  }
  const bool continuation = j == allow_glued_;
  if (plain && !continuation && !BoundaryBefore(j)) {
    return MatchPrefixedYear(j);
  }
  const std::string_view digits = Text(j);
  const bool is_int = !t.has_sep;
  if (is_int && digits.size() > 1 && digits[0] == '0') return false;
  if (plain && !continuation && NumberNeighbour(j)) return false;
  // List numbering: "1. ..." opening a range, "(2)".
  if (plain && is_int && j == 0 && digits.size() <= 3 &&
      (IsSym(1, '.') || IsSym(1, ')')) && Glued(1) && !IsNum(2) &&
      (n_ <= 2 || Spaced(2))) {
    return false;
  }
  if (plain && is_int && digits.size() <= 2 && j > 0 && IsSym(j - 1, '(') &&
      Glued(j) && IsSym(j + 1, ')') && Glued(j + 1)) {
    return false;
  }

  int scale_exp = 0;
  Tail tail;
  bool fixed_unit = false;  // a glued unit ("5km", "seven-year")
  bool stop = false;        // "5-star": nothing after belongs to the figure
  size_t last = j;
  size_t k = j + 1;
  if (Glued(k) && IsWord(k)) {
    const FigureWord* w = Word(k);
    if (w != nullptr && w->glued_exp > 0) {
      scale_exp += w->glued_exp;
    } else if (w != nullptr && (w->flags & kFwUnitSuffix)) {
      tail.unit = base::Lower(Text(k));
      fixed_unit = true;
    } else if (w != nullptr && (w->flags & kFwPercentSuffix)) {
      tail.percent = true;
    } else {
      return false;  // 3D, 5am, 19th, 1990s, 5G
    }
    last = k++;
  }
  bool range_glued = false;
  if (Glued(k) && IsSym(k, '%')) {
    tail.percent = true;
    last = k++;
  } else if (Glued(k) && IsSym(k, '-') && Glued(k + 1) && IsWord(k + 1)) {
    if (scale_exp == 0 && !tail.percent && !fixed_unit &&
        Has(k + 1, kFwHyphenUnit) && StartsLower(k + 1)) {
      TakeHyphenUnit(&k, &last, &tail);
      fixed_unit = true;
    } else {
      stop = true;
    }
  } else if (Glued(k) && IsSym(k, kEnDash) && Glued(k + 1) && IsNum(k + 1)) {
    range_glued = true;
  }
  const bool year_s = ApostropheS(k);
  if (!stop && !range_glued && !year_s && !BoundaryAfter(k)) return false;

  if (!stop && !year_s && !tail.percent && !fixed_unit) {
    ReadTail(k, true, currency.empty(), &scale_exp, &tail);
    if (tail.last != kNone) last = tail.last;
    if (tail.last != kNone && tail.unit_tok == kNone) k = tail.last + 1;
  }
  const bool has_scale = scale_exp > 0;
  const bool no_unit = tail.unit.empty() && !tail.percent && currency.empty();

  // "3 days ago"
  if (plain && !has_scale && tail.unit_tok != kNone &&
      Has(tail.unit_tok, kFwTimeUnit) && Spaced(tail.unit_tok + 1) &&
      Has(tail.unit_tok + 1, kFwAgo)) {
    EmitPhrase(first, tail.unit_tok + 1);
    i_ = tail.unit_tok + 2;
    return true;
  }
  // A bare year.
  if (plain && is_int && digits.size() == 4 && !has_scale && !tail.percent &&
      !fixed_unit && !stop) {
    const int year = SmallInt(digits);
    const bool plural_noun =
        tail.unit_tok != kNone &&
        (base::EndsWith(tail.unit, "s") || Has(tail.unit_tok, kFwCountNoun));
    // Before 1900 only after a date preposition ("in 1898") or as the end
    // of a range opened so ("from 1850 to 1870"), and never before a plural
    // noun ("by 1800 votes").
    if (year >= kMinPastYear && year < 1900 && !plural_noun && !range_glued &&
        j > 0 && Spaced(j) &&
        (Has(j - 1, kFwPastYearContext) ||
         (j >= 2 && past_year_ == j - 2 && year > past_year_value_ &&
          Spaced(j - 1) &&
          ((Has(j - 1, kFwRangeLink) && StartsLower(j - 1)) ||
           IsDash(j - 1))))) {
      EmitDate(j, j, Format("%04d", year), false);
      past_year_ = j;
      past_year_value_ = year;
      i_ = j + 1;
      return true;
    }
    if (year >= 1900 && year <= 2099) {
      const bool count = !year_s && plural_noun && !range_glued &&
                         !(j > 0 && Spaced(j) && Has(j - 1, kFwYearContext));
      if (!count) {
        EmitDate(j, j, Format("%04d", year), false);
        i_ = j + 1;
        return true;
      }
    }
  }
  // A number naming something: "World War 3", "Article 50".
  if (plain && is_int && no_unit && !has_scale && !stop && j > 0 && Spaced(j) &&
      StartsUpper(j - 1) && Word(j - 1) == nullptr) {
    return false;
  }

  const Decimal dec = ParseDecimal(digits);
  double value = ScaledValue(dec.mantissa, dec.exp10 + scale_exp);
  if (negative) value = -value;
  std::string unit = !currency.empty() ? std::string(currency)
                     : tail.percent    ? std::string("percent")
                                       : tail.unit;
  EmitNumber(first, last, value, std::move(unit), has_scale, scale_exp);
  i_ = last + 1;
  if (!stop && (no_unit || !has_scale) && tail.unit_tok == kNone) {
    SetPending(last + 1, dec, negative, has_scale);
  }
  return true;
}

// Spelled-out numbers: "seven-year", "twenty-five people", "two hundred
// and fifty", "a dozen", "half a million". Also "a year ago".
bool Matcher::MatchNumberWords(size_t i) {
  if (!BoundaryBefore(i) || !LowerOrTitle(i)) return false;
  const auto is_multiplier = [&](size_t j) {
    const FigureWord* w = Word(j);
    return w != nullptr && (w->dozen || w->scale_exp > 0) && StartsLower(j);
  };
  size_t j = i;
  double factor = 1;
  double total = 0, current = 0;
  bool any = false, last_small = false, only_one = true, has_scale = false;
  bool last_big = false;  // the previous word was thousand..trillion
  if (Has(j, kFwArticle) && Spaced(j + 1) && Has(j + 1, kFwTimeUnit) &&
      StartsLower(j + 1) && Spaced(j + 2) && Has(j + 2, kFwAgo)) {
    EmitPhrase(i, j + 2);  // "a year ago"
    i_ = j + 3;
    return true;
  }
  if (Has(j, kFwHalf) && Spaced(j + 1) && Has(j + 1, kFwArticle) &&
      Spaced(j + 2) && is_multiplier(j + 2)) {
    factor = 0.5;
    ++j;
  }
  if (Has(j, kFwArticle) && Spaced(j + 1) && is_multiplier(j + 1)) {
    current = 1;
    any = true;
    only_one = false;
    ++j;
  }
  size_t last = j;
  while (IsWord(j) && (j == i || Spaced(j))) {
    const FigureWord* w = Word(j);
    if (w == nullptr || !LowerOrTitle(j)) break;
    if (w->number > 0) {
      if (last_small) break;  // "five six"
      int v = w->number;
      size_t end = j;
      if (v >= 20 && Glued(j + 1) && IsSym(j + 1, '-') && Glued(j + 2) &&
          Word(j + 2) != nullptr && Word(j + 2)->number > 0 &&
          Word(j + 2)->number < 10) {
        v += Word(j + 2)->number;  // "twenty-five"
        end = j + 2;
      }
      if (v != 1) only_one = false;
      current += v;
      last_big = false;
      any = last_small = true;
      last = end;
      j = end + 1;
      continue;
    }
    if (w->dozen || w->scale_exp == 2) {
      if (!any) break;
      current = (current > 0 ? current : 1) * (w->dozen ? 12 : 100);
    } else if (w->scale_exp >= 3) {
      if (!any) break;
      const double scale = std::pow(10.0, w->scale_exp);
      if (last_big && current == 0) {
        total = CapValue(total * scale);  // "a million million"
      } else {
        total = CapValue(total + (current > 0 ? current : 1) * scale);
      }
      current = 0;
      last_big = true;
    } else if ((w->flags & kFwAnd) && any && !last_small && Spaced(j + 1) &&
               Word(j + 1) != nullptr && Word(j + 1)->number > 0) {
      ++j;  // "hundred and fifty"
      continue;
    } else {
      break;
    }
    if (w->scale_exp < 3) last_big = false;
    has_scale = true;
    only_one = false;
    last_small = false;
    last = j++;
  }
  if (!any) return false;
  const double value = CapValue((total + current) * factor);

  Tail tail;
  bool fixed_unit = false;
  size_t k = last + 1;
  if (Glued(k)) {
    if (IsSym(k, '-') && Glued(k + 1) && Has(k + 1, kFwHyphenUnit) &&
        StartsLower(k + 1) && !has_scale) {
      TakeHyphenUnit(&k, &last, &tail);
      fixed_unit = true;
    }
    if (!BoundaryAfter(k)) return false;  // "one-sided", "two-thirds"
  }
  if (!fixed_unit) {
    int no_scale = 0;
    ReadTail(k, false, true, &no_scale, &tail);
    if (tail.last != kNone) last = tail.last;
  }
  if (!has_scale && tail.unit_tok != kNone && Has(tail.unit_tok, kFwTimeUnit) &&
      Spaced(tail.unit_tok + 1) && Has(tail.unit_tok + 1, kFwAgo)) {
    EmitPhrase(i, tail.unit_tok + 1);  // "three days ago"
    i_ = tail.unit_tok + 2;
    return true;
  }
  if (!has_scale && !fixed_unit && !tail.percent && tail.unit.empty()) {
    return false;  // "the two met", "three of them"
  }
  if (only_one && !fixed_unit && !tail.percent) return false;  // pronoun
  std::string unit = tail.percent ? std::string("percent") : tail.unit;
  const bool no_unit = unit.empty();
  EmitNumber(i, last, value, std::move(unit), has_scale, 0);
  i_ = last + 1;
  if (no_unit || !has_scale) {
    Decimal dec;
    dec.mantissa = value < 1e18 && value == std::floor(value)
                       ? static_cast<uint64_t>(value)
                       : 0;
    if (dec.mantissa > 0 && tail.unit_tok == kNone) {
      SetPending(last + 1, dec, false, has_scale);
    }
  }
  return true;
}

void Matcher::EmitDate(size_t first, size_t last, std::string date,
                       bool relative) {
  pending_.active = false;
  Figure f;
  f.kind = FigureKind::kDate;
  f.span = Span{toks_[first].begin, toks_[last].end};
  f.date = std::move(date);
  f.relative = relative;
  out_->push_back(std::move(f));
}

void Matcher::EmitPhrase(size_t first, size_t last) {
  const Span span{toks_[first].begin, toks_[last].end};
  EmitDate(first, last,
           base::Lower(base::CollapseWhitespace(
               text_.substr(span.begin, span.end - span.begin))),
           true);
}

void Matcher::EmitNumber(size_t first, size_t last, double value,
                         std::string unit, bool has_scale, int scale_exp) {
  if (pending_.active && first == pending_.next_first &&
      pending_.index < out_->size()) {
    Figure& a = (*out_)[pending_.index];  // "10 to 15 people"
    if (!pending_.has_scale && has_scale) {
      a.value =
          ScaledValue(pending_.dec.mantissa, pending_.dec.exp10 + scale_exp);
      if (pending_.negative) a.value = -a.value;
    }
    if (a.unit.empty()) a.unit = unit;
  }
  pending_.active = false;
  Figure f;
  f.kind = FigureKind::kNumber;
  f.span = Span{toks_[first].begin, toks_[last].end};
  f.value = value;
  f.unit = std::move(unit);
  out_->push_back(std::move(f));
}

void Matcher::SetPending(size_t k, const Decimal& dec, bool negative,
                         bool has_scale) {
  const size_t target = RangeTarget(k);
  if (target == kNone) return;
  pending_.active = true;
  pending_.index = out_->size() - 1;
  pending_.next_first = target;
  pending_.dec = dec;
  pending_.negative = negative;
  pending_.has_scale = has_scale;
}

}  // namespace newstrace::analyze::figure_internal

namespace newstrace::analyze {

void FindFigures(std::string_view text, const std::vector<Span>& ranges,
                 std::vector<Figure>* out) {
  const FigureWordIndex& words = FigureWordIndex::Get();
  figure_internal::TokenBuffer buffer;
  for (Span r : ranges) {
    const size_t end = r.end < text.size() ? r.end : text.size();
    if (r.begin >= end) continue;
    size_t n_starts = 0;
    const size_t n = figure_internal::Tokenize(text, Span{r.begin, end}, words,
                                               &buffer, &n_starts);
    figure_internal::Matcher(text, buffer.tokens(), n, out)
        .Run(buffer.starts(), n_starts);
  }
}

}  // namespace newstrace::analyze
