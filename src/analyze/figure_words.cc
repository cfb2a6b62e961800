#include "analyze/figure_words.h"

#include <array>
#include <initializer_list>
#include <memory>
#include <unordered_map>

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

// The table as open addressing with linear probing over an FNV-1a hash of
// the lower-cased word: a lookup is a short loop over at most 15 bytes and
// usually one slot. Built once from BuildTable.
constexpr uint32_t kFnvBasis = 2166136261u;
constexpr uint32_t kFnvPrime = 16777619u;
constexpr uint32_t kSlots = 1024;  // > 2x the entries
constexpr uint32_t kSlotMask = kSlots - 1;

struct FlatTable {
  struct Slot {
    std::string_view key;  // empty: free
    FigureWord word;
  };
  std::array<Slot, kSlots> slots;
  size_t max_len = 0;
};

FlatTable* BuildFlatTable() {
  std::unique_ptr<Table> words(BuildTable());
  auto* flat = new FlatTable();
  for (const auto& [key, word] : *words) {
    if (key.size() > 15) continue;  // LookupFigureWord's buffer
    uint32_t h = kFnvBasis;
    for (unsigned char c : key) h = (h ^ c) * kFnvPrime;
    uint32_t slot = h & kSlotMask;
    while (!flat->slots[slot].key.empty()) slot = (slot + 1) & kSlotMask;
    flat->slots[slot] = FlatTable::Slot{key, word};
    if (key.size() > flat->max_len) flat->max_len = key.size();
  }
  return flat;
}

}  // namespace

const FigureWord* LookupFigureWord(std::string_view word) {
  static const FlatTable* const table = BuildFlatTable();
  if (word.empty() || word.size() > table->max_len) return nullptr;
  char buf[16];
  uint32_t h = kFnvBasis;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) return nullptr;
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    buf[i] = static_cast<char>(c);
    h = (h ^ c) * kFnvPrime;
  }
  const std::string_view key(buf, word.size());
  for (uint32_t slot = h & kSlotMask;; slot = (slot + 1) & kSlotMask) {
    const FlatTable::Slot& e = table->slots[slot];
    if (e.key.empty()) return nullptr;
    if (e.key == key) return &e.word;
  }
}

std::string_view WeekdayName(int weekday) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "Monday", "Tuesday",  "Wednesday", "Thursday",
      "Friday", "Saturday", "Sunday"};
  if (weekday < 1 || weekday > 7) return {};
  return kNames[weekday - 1];
}

}  // namespace newstrace::analyze
