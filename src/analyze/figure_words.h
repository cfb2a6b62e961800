// The English word list behind FindFigures (figures.h): number words and
// scales, month and weekday names, relative-date words, and the function
// words that are never a counted noun. One hash lookup per word.
//
// Thread-safe: the table is built once, on first use, and never changes.
#ifndef NEWSTRACE_ANALYZE_FIGURE_WORDS_H_
#define NEWSTRACE_ANALYZE_FIGURE_WORDS_H_

#include <cstdint>
#include <string_view>

namespace newstrace::analyze {

// What a word can do in a figure. A word may have several flags ("may" is
// a month that needs context and a stop word).
enum FigureWordFlag : uint32_t {
  kFwStop = 1u << 0,          // never a counted noun ("of", "said")
  kFwYearContext = 1u << 1,   // "in", "since": a 4-digit number after is a year
  kFwMonthContext = 1u << 2,  // "in", "on", "early": a month name after counts
  kFwRelModifier = 1u << 3,   // last, next, this, past, coming
  kFwRelShift = 1u << 4,      // earlier, later (+ this/last/next + period)
  kFwPeriod = 1u << 5,        // week, month, year, weekend, night, summer...
  kFwRelWord = 1u << 6,       // yesterday, today, tonight, tomorrow
  kFwHyphenUnit = 1u << 7,    // the noun of "seven-year", "10-mile"
  kFwTimeUnit = 1u << 8,      // days, years... ("three days ago")
  kFwAgo = 1u << 9,           // ago
  kFwArticle = 1u << 10,      // a, an ("a dozen", "a million")
  kFwHalf = 1u << 11,         // half ("half a million")
  kFwRangeLink = 1u << 12,    // to, and, or ("10 to 15 people")
  kFwCountNoun = 1u << 13,    // plural count nouns without -s (people, men)
  kFwOrdinal = 1u << 14,      // st, nd, rd, th glued to a day number
  kFwPercent = 1u << 15,      // percent (a word of its own)
  kFwPer = 1u << 16,          // per (of "per cent")
  kFwCent = 1u << 17,         // cent (of "per cent")
  kFwUnitSuffix = 1u << 18,   // glued unit abbreviations: 5km, 10kg, 70mph
  kFwPercentSuffix = 1u << 19,  // pc, glued: 40pc
  kFwYearPrefix = 1u << 20,     // mid, pre, post, early, late, end (mid-2015)
  kFwOf = 1u << 21,             // of ("the 25th of November")
  kFwAnd = 1u << 22,            // and ("two hundred and fifty")
  kFwPercentage = 1u << 23,     // percentage (of "percentage points")
  kFwPoint = 1u << 24,          // point, points
};

struct FigureWord {
  uint32_t flags = 0;
  int8_t number = 0;     // number words: 1..19, 20, 30, ..., 90; else 0
  int8_t scale_exp = 0;  // spaced scale: hundred 2, thousand 3, million 6,
                         // billion 9, trillion 12 (also mn, bn, tn)
  int8_t glued_exp = 0;  // glued scale suffix: 5k 3, 2.3m 6, 5bn 9, 3tn 12
  bool dozen = false;    // dozen: multiplies by 12
  int8_t month = 0;      // month names and abbreviations: 1..12
  bool month_needs_context = false;  // May, March, April, June, August and
                                     // every abbreviation: a day, a year or
                                     // a context word must be next to it
  bool month_abbrev = false;         // may take a glued '.' ("Nov.")
  int8_t weekday = 0;                // 1 (Monday) .. 7 (Sunday)
};

// The entry for `word` (ASCII case-insensitive), or nullptr when the word
// plays no part in figures. Words longer than 15 bytes or non-ASCII are
// never in the table.
const FigureWord* LookupFigureWord(std::string_view word);

// "Monday" .. "Sunday" for 1..7.
std::string_view WeekdayName(int weekday);

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_FIGURE_WORDS_H_
