// Plain-text cleaning: bylines ("By Jane Doe and John Roe", "Jane Doe,
// Political Correspondent", "By JANE DOE | Reuters") and datelines
// ("Published: 21 November 2017", "Updated 10:32 EST, Nov 21, 2017", a bare
// date). Internal to the extract module.
#ifndef NEWSTRACE_EXTRACT_TEXT_BYLINE_H_
#define NEWSTRACE_EXTRACT_TEXT_BYLINE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/text_features.h"

namespace newstrace::extract::text {

struct Byline {
  // The persons named, in order ("Jane Doe"); agencies ("Reuters") and roles
  // are left out, names written in capitals are title-cased.
  std::vector<std::string> names;
  // Introduced by "By" (or "Von", "Par", "Por", "Written by", "Author:").
  // Such a line is a byline wherever it stands; one without ("Jane Doe,
  // Political Correspondent") only in the head or tail of an article.
  bool explicit_by = false;
};

// The byline `s` states, or nullopt when `s` is not a byline. Short inputs
// only (longer than 200 bytes: nullopt).
std::optional<Byline> ParseByline(std::string_view s);

// The authors of a contributors line ("Reporting by Jane Doe in Moscow;
// Writing by John Roe; Editing by Mary Major" -> Jane Doe, John Roe): the
// names after "Reporting by" and "Writing by".
std::vector<std::string> ContributorNames(std::string_view s);

// True when `s` is only a person's name: two or three capitalized words.
bool IsBareName(std::string_view s);

struct Dateline {
  bool cue = false;      // starts with "Published", "Updated", ...
  bool updated = false;  // the cue says the date is an update
  std::string date;      // YYYY-MM-DD, or empty when unreadable
};

// The dateline `s` (with features `f`) states, or nullopt: a short line
// that starts with a date cue and holds a number, or that holds a date and
// hardly anything else (weekdays, times, time zones).
std::optional<Dateline> ParseDateline(std::string_view s, const Features& f);

}  // namespace newstrace::extract::text

#endif  // NEWSTRACE_EXTRACT_TEXT_BYLINE_H_
