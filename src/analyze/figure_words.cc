#include "analyze/figure_words.h"

#include <array>
#include <initializer_list>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newstrace::analyze {
namespace {

using Table = std::unordered_map<std::string_view, FigureWord>;

void AddFlags(Table* t, uint32_t flags,
              std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) (*t)[w].flags |= flags;
}

Table* BuildTable() {
  auto* t = new Table();
  static constexpr std::array<std::string_view, 19> kSmall = {
      "one",     "two",       "three",    "four",     "five",
      "six",     "seven",     "eight",    "nine",     "ten",
      "eleven",  "twelve",    "thirteen", "fourteen", "fifteen",
      "sixteen", "seventeen", "eighteen", "nineteen"};
  for (size_t i = 0; i < kSmall.size(); ++i) {
    (*t)[kSmall[i]].number = static_cast<int8_t>(i + 1);
  }
  static constexpr std::array<std::string_view, 8> kTens = {
      "twenty", "thirty",  "forty",  "fifty",
      "sixty",  "seventy", "eighty", "ninety"};
  for (size_t i = 0; i < kTens.size(); ++i) {
    (*t)[kTens[i]].number = static_cast<int8_t>(20 + 10 * i);
  }
  (*t)["hundred"].scale_exp = 2;
  (*t)["thousand"].scale_exp = 3;
  (*t)["million"].scale_exp = 6;
  (*t)["billion"].scale_exp = 9;
  (*t)["trillion"].scale_exp = 12;
  (*t)["mn"].scale_exp = 6;
  (*t)["bn"].scale_exp = 9;
  (*t)["tn"].scale_exp = 12;
  (*t)["dozen"].dozen = true;
  (*t)["k"].glued_exp = 3;
  (*t)["m"].glued_exp = 6;
  (*t)["mn"].glued_exp = 6;
  (*t)["mln"].glued_exp = 6;
  (*t)["bn"].glued_exp = 9;
  (*t)["bln"].glued_exp = 9;
  (*t)["tn"].glued_exp = 12;
  (*t)["trn"].glued_exp = 12;

  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (size_t i = 0; i < kMonths.size(); ++i) {
    FigureWord& w = (*t)[kMonths[i]];
    w.month = static_cast<int8_t>(i + 1);
  }
  // Months that are also common verbs or given names.
  for (std::string_view w : {"march", "may", "april", "june", "august"}) {
    (*t)[w].month_needs_context = true;
  }
  struct Abbrev {
    std::string_view name;
    int month;
  };
  static constexpr Abbrev kAbbrevs[] = {{"jan", 1},  {"feb", 2},  {"mar", 3},
                                        {"apr", 4},  {"jun", 6},  {"jul", 7},
                                        {"aug", 8},  {"sep", 9},  {"sept", 9},
                                        {"oct", 10}, {"nov", 11}, {"dec", 12}};
  for (const Abbrev& a : kAbbrevs) {
    FigureWord& w = (*t)[a.name];
    w.month = static_cast<int8_t>(a.month);
    w.month_needs_context = true;
    w.month_abbrev = true;
  }
  static constexpr std::array<std::string_view, 7> kWeekdays = {
      "monday", "tuesday",  "wednesday", "thursday",
      "friday", "saturday", "sunday"};
  static constexpr std::array<std::string_view, 7> kWeekdaysPlural = {
      "mondays", "tuesdays",  "wednesdays", "thursdays",
      "fridays", "saturdays", "sundays"};
  for (size_t i = 0; i < 7; ++i) {
    (*t)[kWeekdays[i]].weekday = static_cast<int8_t>(i + 1);
    (*t)[kWeekdaysPlural[i]].weekday = static_cast<int8_t>(i + 1);
  }

  AddFlags(
      t, kFwStop,
      {"a",         "an",      "the",        "of",      "and",     "or",
       "but",       "nor",     "to",         "in",      "on",      "at",
       "by",        "for",     "from",       "with",    "without", "as",
       "than",      "that",    "this",       "these",   "those",   "there",
       "their",     "its",     "it",         "he",      "she",     "they",
       "we",        "i",       "you",        "his",     "her",     "our",
       "who",       "whom",    "whose",      "which",   "what",    "where",
       "when",      "while",   "why",        "how",     "is",      "are",
       "was",       "were",    "be",         "been",    "being",   "am",
       "has",       "have",    "had",        "having",  "will",    "would",
       "could",     "should",  "shall",      "may",     "might",   "must",
       "can",       "cannot",  "did",        "do",      "does",    "done",
       "said",      "says",    "say",        "told",    "tells",   "met",
       "more",      "most",    "less",       "least",   "fewer",   "many",
       "much",      "some",    "any",        "all",     "each",    "every",
       "other",     "another", "such",       "only",    "just",    "also",
       "even",      "still",   "yet",        "already", "so",      "very",
       "too",       "not",     "no",         "up",      "down",    "out",
       "over",      "under",   "about",      "into",    "onto",    "upon",
       "off",       "between", "among",      "during",  "since",   "until",
       "till",      "before",  "after",      "against", "across",  "through",
       "per",       "via",     "if",         "then",    "else",    "according",
       "including", "ago",     "again",      "away",    "back",    "here",
       "around",    "nearly",  "almost",     "last",    "next",    "earlier",
       "later",     "percent", "percentage", "am",      "pm",      "st",
       "nd",        "rd",      "th"});
  AddFlags(t, kFwYearContext,
           {"in",      "since",  "until",  "till",  "by",   "from",   "to",
            "through", "during", "before", "after", "of",   "around", "circa",
            "between", "and",    "or",     "early", "late", "mid",    "spring",
            "summer",  "autumn", "winter", "year",  "end",  "as"});
  AddFlags(t, kFwPastYearContext,
           {"in", "since", "until", "till", "by", "from", "of", "during",
            "before", "after", "between", "circa"});
  AddFlags(t, kFwMonthContext,
           {"in", "on", "since", "until", "till", "by", "early", "late", "mid",
            "during", "from", "through", "before", "after", "of", "last",
            "next", "this"});
  AddFlags(t, kFwRelModifier, {"last", "next", "this", "past", "coming"});
  AddFlags(t, kFwRelShift, {"earlier", "later"});
  AddFlags(t, kFwPeriod,
           {"week", "month", "year", "weekend", "night", "morning", "afternoon",
            "evening", "spring", "summer", "autumn", "fall", "winter", "decade",
            "century", "quarter"});
  AddFlags(t, kFwRelWord, {"yesterday", "today", "tonight", "tomorrow"});
  AddFlags(t, kFwHyphenUnit,
           {"second", "minute", "hour",    "day",    "week",      "month",
            "year",   "decade", "century", "mile",   "kilometre", "kilometer",
            "km",     "metre",  "meter",   "foot",   "feet",      "inch",
            "mm",     "cm",     "kg",      "tonne",  "ton",       "pound",
            "point",  "member", "man",     "person", "seat",      "storey",
            "story",  "page",   "bed",     "lane",   "game",      "match",
            "round",  "hole",   "party",   "nation", "country",   "car",
            "room",   "mph",    "percent"});
  AddFlags(t, kFwTimeUnit,
           {"second", "seconds", "minute", "minutes", "hour", "hours", "day",
            "days", "week", "weeks", "month", "months", "year", "years",
            "decade", "decades", "century", "centuries"});
  AddFlags(t, kFwAgo, {"ago"});
  AddFlags(t, kFwArticle, {"a", "an"});
  AddFlags(t, kFwHalf, {"half"});
  AddFlags(t, kFwRangeLink, {"to", "and", "or"});
  AddFlags(t, kFwCountNoun,
           {"people", "men", "women", "children", "police", "personnel",
            "staff", "cattle", "sheep", "fish", "aircraft", "troops"});
  AddFlags(t, kFwOrdinal, {"st", "nd", "rd", "th"});
  AddFlags(t, kFwPercent, {"percent"});
  AddFlags(t, kFwPer, {"per"});
  AddFlags(t, kFwCent, {"cent"});
  AddFlags(t, kFwUnitSuffix,
           {"km", "kg", "cm", "mm", "mph", "kph", "kmh", "ft", "lb", "lbs",
            "mi", "ha", "sq", "kw", "mw", "gw", "kwh", "mwh", "gwh"});
  AddFlags(t, kFwPercentSuffix, {"pc"});
  AddFlags(t, kFwYearPrefix, {"mid", "pre", "post", "early", "late", "end"});
  AddFlags(t, kFwOf, {"of"});
  AddFlags(t, kFwAnd, {"and"});
  AddFlags(t, kFwPercentage, {"percentage"});
  AddFlags(t, kFwPoint, {"point", "points"});
  return t;
}

// A word that may open a figure: Matcher::MatchWord fails at once on any
// other word, so the walk skips them without looking further.
bool StartsFigure(const FigureWord& w) {
  return w.number > 0 || w.weekday > 0 || w.month > 0 ||
         (w.flags & (kFwRelWord | kFwRelModifier | kFwRelShift | kFwArticle |
                     kFwHalf)) != 0;
}

}  // namespace

// Cuckoo insertion: place s in one of its two slots, moving the occupant
// to its other slot, and so on; false after too many moves.
bool FigureWordIndex::Insert(Slot s) {
  uint32_t slot = Hash(s.lo ^ (s.hi * kMixHi), mul_[0]);
  for (int moves = 0; moves < 500; ++moves) {
    std::swap(s, slots_[slot]);
    if (s.tagged == 0) return true;
    const uint64_t k = s.lo ^ (s.hi * kMixHi);
    const uint32_t h0 = Hash(k, mul_[0]);
    slot = slot == h0 ? Hash(k, mul_[1]) : h0;
  }
  return false;
}

// Built once from BuildTable; the hash multipliers are drawn (from a fixed
// sequence) until every word finds a slot.
FigureWordIndex* FigureWordIndex::Build() {
  std::unique_ptr<Table> words(BuildTable());
  auto* index = new FigureWordIndex();
  std::vector<std::string_view> keys;
  index->words_.reserve(words->size());  // no reallocation: slots point in
  for (const auto& [key, word] : *words) {
    // The tokenizer only looks up letter runs of at most kMaxFigureWordLen
    // (and PackFigureWord only packs letters).
    if (key.empty() || key.size() > kMaxFigureWordLen ||
        key.find_first_not_of("abcdefghijklmnopqrstuvwxyz") !=
            std::string_view::npos) {
      continue;
    }
    keys.push_back(key);
    index->words_.push_back(word);
    FigureWord& w = index->words_.back();
    if (StartsFigure(w)) w.flags |= kFwStarts;
  }
  uint64_t seed = 0x9E3779B97F4A7C15ull;
  const auto next_multiplier = [&seed] {  // splitmix64, made odd
    uint64_t z = (seed += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (z ^ (z >> 31)) | 1;
  };
  for (;;) {
    index->mul_ = {next_multiplier(), next_multiplier()};
    index->slots_.fill(Slot{});
    bool ok = true;
    for (size_t i = 0; i < keys.size(); ++i) {
      Slot s;
      PackFigureWord(keys[i].data(), keys[i].size(), &s.lo, &s.hi);
      const FigureWord* w = &index->words_[i];
      static_assert(alignof(FigureWord) >= 2, "bit 0 tags kFwStarts");
      s.tagged = reinterpret_cast<uintptr_t>(w) |
                 ((w->flags & kFwStarts) != 0 ? 1 : 0);
      if (!index->Insert(s)) {
        ok = false;
        break;
      }
    }
    if (ok) return index;
  }
}

const FigureWordIndex& FigureWordIndex::Get() {
  static const FigureWordIndex* const index = Build();
  return *index;
}

std::string_view WeekdayName(int weekday) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "Monday", "Tuesday",  "Wednesday", "Thursday",
      "Friday", "Saturday", "Sunday"};
  if (weekday < 1 || weekday > 7) return {};
  return kNames[weekday - 1];
}

}  // namespace newstrace::analyze
