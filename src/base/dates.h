// Date recognition: turns the many ways pages and bylines write a date into
// ISO 8601 "YYYY-MM-DD". No relative dates ("yesterday", "3 hours ago"): a
// date is recognized only when its year, month and day are all written.
//
// All functions are pure and thread-safe.
#ifndef NEWSTRACE_BASE_DATES_H_
#define NEWSTRACE_BASE_DATES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newstrace::base {

// How to read an ambiguous "03/05/2019": month first (US English, the
// default) or day first (most other languages). A reading the calendar
// rules out ("21/03/2019") never wins, whatever the order.
enum class SlashOrder { kMonthFirst, kDayFirst };

// Parses a string that is (or starts with) one date, optionally after a
// weekday name ("Tuesday, 21 November 2017"). Recognized forms:
//   ISO 8601 with or without time: "2017-11-21", "2017-11-21T10:00:00+03:00",
//     "2017-11-21 10:00", "2017/11/21", "20171121" (the whole string only);
//   numeric D.M.Y, D-M-Y, M/D/Y or D/M/Y (by `order`), D.M.YY
//     with two-digit day and month ("21.11.17" is 2017-11-21);
//   written forms in English, German, French, Spanish, Italian, Portuguese,
//     Dutch, Polish, Scandinavian, Czech, Turkish, Finnish and Russian:
//     "November 21, 2017", "Nov. 21st, 2017", "21 November 2017",
//     "21. März 2019", "1er janvier 2020", "21 de marzo de 2019",
//     "21-Nov-2017";
//   CJK "2017年11月21日" and Korean "2017년 11월 21일".
// Returns "YYYY-MM-DD", or nullopt when `s` does not start with a valid
// calendar date (month 1-12, day valid for the month, year 1900-2100).
std::optional<std::string> ParseDate(
    std::string_view s, SlashOrder order = SlashOrder::kMonthFirst);

// Finds the first date (a form ParseDate accepts) that starts at a word
// boundary anywhere in free text, such as a dateline "Published 10:32 EST,
// 21 November 2017 | Updated ...". Returns nullopt when there is none. A
// number run that continues past the date ("2017-11-21-5", "1.2.2017.3")
// is not a date.
std::optional<std::string> FindDate(std::string_view text,
                                    SlashOrder order = SlashOrder::kMonthFirst);

// Every date FindDate would find, in order, at most `max` of them.
std::vector<std::string> FindDates(std::string_view text, size_t max,
                                   SlashOrder order = SlashOrder::kMonthFirst);

// True when one of the first `max` dates FindDates would find in `text` is
// `ymd` ("YYYY-MM-DD"); stops reading at that date.
bool ShowsDate(std::string_view text, std::string_view ymd, size_t max,
               SlashOrder order = SlashOrder::kMonthFirst);

// True when `word` (any case, a trailing dot ignored) is a month name or
// abbreviation, or a weekday name, in one of the languages ParseDate
// reads: "März", "Nov.", "Tuesday", "Di".
bool IsDateWord(std::string_view word);

// True when `word` is a weekday name or abbreviation ("Thursday", "Do.").
bool IsWeekdayWord(std::string_view word);

// Whole days from date `a` to date `b` (b minus a), both "YYYY-MM-DD" as
// ParseDate returns them; nullopt when either is not such a date.
std::optional<long> DaysBetween(std::string_view a, std::string_view b);

// The date `days` days after "YYYY-MM-DD" `ymd` (before it when
// negative); nullopt when `ymd` is not such a date or the result falls
// outside the years ParseDate accepts.
std::optional<std::string> AddDays(std::string_view ymd, long days);

// Finds a date written in a URL's path: "/2017/11/21/", "/2017-11-21-slug",
// "/20171121/", "_20171121.html" or a segment opening with "/21-11-2017"
// (year 1990-2099). Year-and-month paths
// ("/2017/11/slug") have no day and yield nullopt.
std::optional<std::string> FindDateInUrl(std::string_view url);

}  // namespace newstrace::base

#endif  // NEWSTRACE_BASE_DATES_H_
