// Figures: numbers with their unit and scale, and dates, found in English
// news text. See FindFigures for what is and is not recognized.
//
// Thread-safe: FindFigures is a pure function of its arguments.
#ifndef NEWSTRACE_ANALYZE_FIGURES_H_
#define NEWSTRACE_ANALYZE_FIGURES_H_

#include <string_view>
#include <vector>

#include "newstrace/document.h"

namespace newstrace::analyze {

// Values past this magnitude are reported as +/-kMaxFigureValue (a figure
// is still reported; its value is a cap, never inf or NaN).
inline constexpr double kMaxFigureValue = 1e300;

// Appends to *out the figures found in `text` inside each of `ranges`
// (byte spans into text: the article's title and body paragraphs; nothing
// outside them is read), range by range in the order given, and in text
// order inside a range. A range past the end of text is clipped; an empty
// or inverted range yields nothing. Text is UTF-8; ill-formed bytes never
// fail, they only break words.
//
// Numbers (kind kNumber). The span covers sign, currency, digits or number
// words, scale and percent ("$3.2 million", "40 per cent", "seven-year"),
// but not a following counted noun, which becomes the unit:
//   "2.3 million people"   value 2300000, unit "people" (span "2.3 million")
//   "3,000 troops"         3000, "troops"
//   "$3.2m" "£5bn" "€40m"  3200000 "USD", 5e9 "GBP", 4e7 "EUR"
//                          (US$ USD, A$ AUD, C$ CAD, HK$ HKD, NZ$ NZD, ¥ JPY)
//   "40%" "40 per cent" "40 percent" "40pc"  40, "percent"
//   "5 percentage points"  5, "percentage points"
//   "seven-year" "45-year-old"  7 / 45, "year" (a hyphen noun from a fixed
//                          list of time and measure nouns)
//   "-3.5" "−3.5"          negative; "1,234,567.89" comma thousands
//   "5km" "70mph"          glued unit abbreviations: unit "km", "mph"
//   number words           one..ninety-nine (twenty-five), hundred, thousand,
//                          million, billion, trillion, dozen, "a dozen",
//                          "a million", "half a million", "two hundred and
//                          fifty", "three million"
//   "10 to 15 people"      two figures; the first takes the second's unit
//                          and scale when it has none ("2 to 3 million": 2e6)
// The unit is the word right after the number when it starts lower case and
// is not a function word ("3,000 troops", not "3,000 of them"); no adjective
// is skipped ("3,000 Russian troops" has no unit). Currency and percent
// win over a following noun.
// Not numbers: digits glued to letters or identifiers (COVID-19, F-16, G20,
// 3D, 5am, 1990s), slash and colon forms (9/11, 24/7, 10:30), hyphenated
// digit chains (phone numbers 555-1234, scores 2-1, "2014-15"), digits next
// to other digits with only spaces between (phone numbers "020 7946 0958"),
// numbers with a leading zero ("007"), malformed separators ("1,23",
// "1.2.3"), anything inside a URL or e-mail address, list numbering (a
// number opening a range followed by "." or ")", or "(1)"), ordinals ("the
// 5th"), a bare integer right after a capitalized word with no unit of its
// own (names: "World War 3", "Article 50"), and the word "one" on its own:
// "one" is a pronoun or determiner too often ("one of the leaders", "no
// one", "one day"), so it counts only inside a compound ("twenty-one", "one
// hundred", "one million") or before a hyphen noun ("one-year"). Other number
// words need a unit, a scale or percent after them ("two leaders", not "the
// two met"). Digits need nothing.
//
// Dates (kind kDate). `date` is:
//   "YYYY-MM-DD"  "25 November 2017", "November 25, 2017", "25th of
//                 November 2017", ISO "2017-11-25"
//   "YYYY-MM"     "November 2017"
//   "YYYY"        a bare year 1900-2099: "in 2015", "since 2011", "2015's",
//                 "mid-2015", "2011-2015" (two dates); a 4-digit integer in
//                 that range is a year unless it has a currency, scale,
//                 percent or sign, or is followed by a plural noun ("2000
//                 people") without a date word before it ("in 2000 people
//                 ..." is still a year). 1700-1899 only right after one of
//                 in/since/until/till/by/from/of/during/before/after/
//                 between/circa ("taken from the island in 1898", not "the
//                 1898 treaty"), or as the second year of a range opened so
//                 ("from 1850 to 1870", "between 1850 and 1870"), and never
//                 before a plural noun ("by 1800 votes" is a number)
//   "--MM-DD"     a year-less day ("Nov. 25", "25 November"), relative=true
//   "--MM"        a month alone ("in November"), relative=true
//   "Thursday"    a weekday, capitalized, also for "Thursdays"; relative=true
//   a phrase      relative words, lower-cased with single spaces and
//                 relative=true: "yesterday", "today", "tonight",
//                 "tomorrow", "last week", "next month", "this year", "past
//                 week", "last thursday", "last november", "earlier this
//                 month", "three days ago", "a year ago"
// Years written with a month or day may be 1000-2999. A month name must be
// capitalized and, for May, March, April, June, August and abbreviations
// (Jan, Nov., Sept. ...), needs a day or year next to it or one of
// in/on/since/until/till/by/early/late/mid/during/from/through/before/after/
// of/last/next/this before it; other month names count alone. A weekday
// followed by a date ("Thursday, November 23, 2017") is one date whose span
// starts at the weekday. "Today" right after a capitalized word is a name
// ("Russia Today"), not a date.
void FindFigures(std::string_view text, const std::vector<Span>& ranges,
                 std::vector<Figure>* out);

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_FIGURES_H_
