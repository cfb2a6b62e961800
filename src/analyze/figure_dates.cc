// The date matchers of figure_matcher.h: ISO dates, year ranges, day and
// month names, weekdays and relative phrases (conventions in figures.h).
#include <string>

#include "analyze/figure_matcher.h"
#include "analyze/figure_tokens.h"
#include "analyze/figure_words.h"
#include "base/strings.h"

namespace newstrace::analyze::figure_internal {

// ISO "2017-11-25" (and a glued time after it).
bool Matcher::MatchIsoDate(size_t j) {
  if (!IsNum(j) || toks_[j].has_sep || Text(j).size() != 4) return false;
  if (!(Glued(j + 1) && IsSym(j + 1, '-') && Glued(j + 2) && IsNum(j + 2) &&
        Text(j + 2).size() == 2 && Glued(j + 3) && IsSym(j + 3, '-') &&
        Glued(j + 4) && IsNum(j + 4) && Text(j + 4).size() == 2)) {
    return false;
  }
  if (!BoundaryBefore(j)) return false;
  const int year = SmallInt(Text(j));
  const int month = SmallInt(Text(j + 2));
  const int day = SmallInt(Text(j + 4));
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(month, year)) {
    return false;
  }
  size_t k = j + 5;
  if (Glued(k) && (IsSym(k, '-') || toks_[k].kind == Tok::kNumber)) {
    return false;  // "2017-11-21-5"
  }
  const bool time = Glued(k) && IsWord(k) && (Byte(k, 0) == 'T');
  if (!time && !BoundaryAfter(k)) return false;
  EmitDate(j, j + 4, Format("%04d-%02d-%02d", year, month, day), false);
  if (time) {
    while (Glued(k)) ++k;  // "T10:00:00+03:00"
  }
  i_ = k;
  return true;
}

// Two years joined by a hyphen or an en dash: "2011-2015".
bool Matcher::MatchYearRange(size_t j) {
  if (!IsNum(j) || toks_[j].has_sep || Text(j).size() != 4) return false;
  if (!(Glued(j + 1) && (IsSym(j + 1, '-') || IsSym(j + 1, kEnDash)) &&
        Glued(j + 2) && IsYear(j + 2, 1900, 2099) && BoundaryBefore(j))) {
    return false;
  }
  const int from = SmallInt(Text(j));
  const int to = SmallInt(Text(j + 2));
  if (from < 1900 || from >= to) return false;
  EmitDate(j, j, Format("%04d", from), false);
  EmitDate(j + 2, j + 2, Format("%04d", to), false);
  i_ = j + 3;
  return true;
}

// "mid-2015", "pre-2011", "end-2019": the year, glued to its prefix.
bool Matcher::MatchPrefixedYear(size_t j) {
  if (j < 2 || !IsSym(j - 1, '-') || !Glued(j) || !Glued(j - 1) ||
      !Has(j - 2, kFwYearPrefix) || !IsYear(j, 1900, 2099)) {
    return false;
  }
  EmitDate(j, j, Format("%04d", SmallInt(Text(j))), false);
  i_ = j + 1;
  return true;
}

// "25 November 2017", "25th of November", "5 May"; `first` is where the
// span starts (a weekday before the day).
bool Matcher::MatchDayFirst(size_t j, size_t first) {
  const size_t after = DayEnd(j);
  if (after == kNone || !BoundaryBefore(j)) return false;
  size_t m = after;
  if (after > j + 1 && Spaced(m) && Has(m, kFwOf) && StartsLower(m)) ++m;
  const FigureWord* w = Word(m);
  if (w == nullptr || w->month == 0 || !Spaced(m) || !TitleCase(m)) {
    return false;
  }
  size_t last = m;
  if (w->month_abbrev && Glued(m + 1) && IsSym(m + 1, '.')) last = m + 1;
  if (!BoundaryAfter(last + 1) && !ApostropheS(last + 1)) return false;
  const int day = SmallInt(Text(j));
  size_t y = last + 1;
  if (IsSym(y, ',') && Glued(y)) ++y;
  if (Spaced(y) && IsYear(y, 1000, 2999)) {
    const int year = SmallInt(Text(y));
    i_ = y + 1;  // not a calendar date ("30 February 2017"): no figure
    if (day > DaysInMonth(w->month, year)) return true;
    EmitDate(first, y, Format("%04d-%02d-%02d", year, w->month, day), false);
    return true;
  }
  if (day > DaysInMonth(w->month, 0)) {
    i_ = last + 1;
    return true;
  }
  EmitDate(first, last, Format("--%02d-%02d", w->month, day), true);
  i_ = last + 1;
  return true;
}

// A month name at i: "November 25, 2017", "Nov. 25", "November 2017", or
// alone ("in November").
bool Matcher::MatchMonth(size_t i, size_t first, bool require_day_or_year) {
  const FigureWord* w = Word(i);
  if (w == nullptr || w->month == 0 || !TitleCase(i)) return false;
  const bool prefixed = i >= 2 && IsSym(i - 1, '-') && Glued(i) &&
                        Glued(i - 1) && Has(i - 2, kFwYearPrefix);
  if (!prefixed && !BoundaryBefore(i)) return false;
  size_t last = i;
  if (w->month_abbrev && Glued(i + 1) && IsSym(i + 1, '.')) last = i + 1;
  if (!BoundaryAfter(last + 1) && !ApostropheS(last + 1)) return false;
  const size_t p = last + 1;
  const size_t after = Spaced(p) ? DayEnd(p) : kNone;
  if (after != kNone) {
    const int day = SmallInt(Text(p));
    size_t y = after;
    if (IsSym(y, ',') && Glued(y)) ++y;
    if (Spaced(y) && IsYear(y, 1000, 2999)) {
      const int year = SmallInt(Text(y));
      i_ = y + 1;  // "February 30, 2017": consumed, no figure
      if (day > DaysInMonth(w->month, year)) return true;
      EmitDate(first, y, Format("%04d-%02d-%02d", year, w->month, day), false);
      return true;
    }
    if (day <= DaysInMonth(w->month, 0)) {
      EmitDate(first, after - 1, Format("--%02d-%02d", w->month, day), true);
      i_ = after;
      return true;
    }
  }
  size_t y = p;
  if (IsSym(y, ',') && Glued(y)) ++y;
  if (Spaced(y) && IsYear(y, 1000, 2999)) {
    EmitDate(first, y, Format("%04d-%02d", SmallInt(Text(y)), w->month), false);
    i_ = y + 1;
    return true;
  }
  if (require_day_or_year) return false;
  const bool context =
      prefixed || (i > 0 && Spaced(i) && Has(i - 1, kFwMonthContext) &&
                   LowerOrTitle(i - 1));
  if (w->month_needs_context && !context) return false;
  EmitDate(first, last, Format("--%02d", w->month), true);
  i_ = last + 1;
  return true;
}

// "Thursday", "Thursdays", or a weekday opening a date.
bool Matcher::MatchWeekday(size_t i) {
  if (!TitleCase(i) || !BoundaryBefore(i)) return false;
  size_t p = i + 1;
  if (IsSym(p, ',') && Glued(p)) ++p;
  if (Spaced(p)) {
    if (IsNum(p) && MatchDayFirst(p, i)) return true;
    if (Word(p) != nullptr && Word(p)->month > 0 && MatchMonth(p, i, true)) {
      return true;
    }
  }
  if (!BoundaryAfter(i + 1) && !ApostropheS(i + 1)) return false;
  EmitDate(i, i, std::string(WeekdayName(Word(i)->weekday)), true);
  i_ = i + 1;
  return true;
}

// "yesterday", "last week", "this year", "earlier this month", "next
// Thursday", "last November".
bool Matcher::MatchRelative(size_t i) {
  if (!BoundaryBefore(i) || !LowerOrTitle(i)) return false;
  const uint32_t flags = Word(i)->flags;
  if (flags & kFwRelWord) {
    // "Russia Today", "USA Today": a name, not a date.
    if (StartsUpper(i) && i > 0 && Spaced(i) && StartsUpper(i - 1)) {
      return false;
    }
    if (Glued(i + 1) && !BoundaryAfter(i + 1) && !ApostropheS(i + 1)) {
      return false;
    }
    EmitPhrase(i, i);
    i_ = i + 1;
    return true;
  }
  size_t p = i;
  if (flags & kFwRelShift) {
    if (!(Spaced(i + 1) && Has(i + 1, kFwRelModifier) && StartsLower(i + 1))) {
      return false;
    }
    p = i + 1;
  } else if (!(flags & kFwRelModifier)) {
    return false;
  }
  const size_t q = p + 1;
  const FigureWord* w = Word(q);
  if (!Spaced(q) || w == nullptr) return false;
  const bool period = (w->flags & kFwPeriod) && StartsLower(q);
  const bool named = (w->month > 0 || w->weekday > 0) && TitleCase(q);
  if (!period && !named) return false;
  if (Glued(q + 1) && !BoundaryAfter(q + 1) && !ApostropheS(q + 1)) {
    return false;
  }
  EmitPhrase(i, q);
  i_ = q + 1;
  return true;
}

}  // namespace newstrace::analyze::figure_internal
