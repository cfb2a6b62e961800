// The English word list behind FindFigures (figures.h): number words and
// scales, month and weekday names, relative-date words, and the function
// words that are never a counted noun. A lookup packs the lower-cased word
// into two 64-bit words and reads two slots of a cuckoo hash table, with
// no branch on whether the word is there.
//
// Thread-safe: the table is built once, on first use, and never changes.
#ifndef NEWSTRACE_ANALYZE_FIGURE_WORDS_H_
#define NEWSTRACE_ANALYZE_FIGURE_WORDS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

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
  // in, since, by, of...: a 4-digit number from 1700 to 1899 after it is a
  // year ("in 1898"), see figures.h
  kFwPastYearContext = 1u << 25,
  // Derived, not listed: a word that may open a figure (a number word,
  // month, weekday, relative word or modifier, "a", "an", "half").
  kFwStarts = 1u << 26,
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

// Words longer than this are never in the table.
inline constexpr size_t kMaxFigureWordLen = 15;

// Packs the ASCII letters p[0, len) (1 <= len <= kMaxFigureWordLen),
// lower-cased, into *lo (bytes 0-7) and *hi (bytes 8-14), zero-padded.
inline void PackFigureWord(const char* p, size_t len, uint64_t* lo,
                           uint64_t* hi) {
  unsigned char buf[16] = {};
  std::memcpy(buf, p, len);
  uint64_t a, b;
  std::memcpy(&a, buf, 8);
  std::memcpy(&b, buf + 8, 8);
  // Letters only: setting bit 5 lower-cases A-Z and keeps a-z; the zero
  // padding must stay zero.
  const uint64_t ones = 0x2020202020202020ull;
  *lo = a | (len >= 8 ? ones : ones & ((1ull << (8 * len)) - 1));
  *hi = b | (len <= 8 ? 0 : ones & ((1ull << (8 * (len - 8))) - 1));
}

// The word table (built once, on first use, never changed): a two-choice
// (cuckoo) hash table, so a lookup reads exactly two slots and selects
// without branching. English text is about half table words ("the", "of",
// "said"...) and half others, which a branchy lookup would mispredict.
class FigureWordIndex {
 public:
  static const FigureWordIndex& Get();

  // The entry for the word packed by PackFigureWord (or an equal packing),
  // or 0, as a tagged pointer: bit 0 is set when the entry has kFwStarts
  // (see Untag).
  // Words longer than kMaxFigureWordLen or not ASCII letters are never in
  // the table.
  uintptr_t FindPacked(uint64_t lo, uint64_t hi) const {
    const uint64_t k = lo ^ (hi * kMixHi);
    const Slot& a = slots_[Hash(k, mul_[0])];
    const Slot& b = slots_[Hash(k, mul_[1])];
    // Masks rather than ifs: the compiler would branch on them.
    const uintptr_t hit_a =
        0 - static_cast<uintptr_t>(((a.lo ^ lo) | (a.hi ^ hi)) == 0);
    const uintptr_t hit_b =
        0 - static_cast<uintptr_t>(((b.lo ^ lo) | (b.hi ^ hi)) == 0);
    return (a.tagged & hit_a) | (b.tagged & hit_b);
  }
  static const FigureWord* Untag(uintptr_t tagged) {
    return reinterpret_cast<const FigureWord*>(tagged & ~uintptr_t{1});
  }

 private:
  static constexpr int kSlotBits = 10;  // about 3x the entries
  static constexpr uint64_t kMixHi = 0xC2B2AE3D27D4EB4Full;
  struct Slot {
    uint64_t lo = 0;  // all zero: free (no word packs to zero)
    uint64_t hi = 0;
    uintptr_t tagged = 0;  // the entry, bit 0 set when it has kFwStarts
  };
  static uint32_t Hash(uint64_t k, uint64_t mul) {
    return static_cast<uint32_t>((k * mul) >> (64 - kSlotBits));
  }
  static FigureWordIndex* Build();
  bool Insert(Slot s);

  std::vector<FigureWord> words_;
  std::array<Slot, 1u << kSlotBits> slots_{};
  std::array<uint64_t, 2> mul_{};  // odd multipliers of the two hashes
};

// "Monday" .. "Sunday" for 1..7.
std::string_view WeekdayName(int weekday);

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_FIGURE_WORDS_H_
