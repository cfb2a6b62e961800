// Date recognition: turns the many ways pages and bylines write a date into
// ISO 8601 "YYYY-MM-DD".
#ifndef NEWSTRACE_BASE_DATES_H_
#define NEWSTRACE_BASE_DATES_H_

#include <optional>
#include <string>
#include <string_view>

namespace newstrace::base {

// Parses a string that is (or starts with) one date: ISO 8601 with or
// without time ("2017-11-21", "2017-11-21T10:00:00+03:00"), and written forms
// such as "November 21, 2017", "21 November 2017", "Nov. 21, 2017",
// "21.11.2017", "2017/11/21". Returns "YYYY-MM-DD", or nullopt when `s` holds
// no valid calendar date (month 1-12, day valid for the month, year
// 1900-2100).
std::optional<std::string> ParseDate(std::string_view s);

// Finds the first date anywhere in free text (a dateline such as "Published
// 10:32 EST, 21 November 2017 | Updated ..."); nullopt when none.
std::optional<std::string> FindDate(std::string_view text);

}  // namespace newstrace::base

#endif  // NEWSTRACE_BASE_DATES_H_
