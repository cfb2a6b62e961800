// Small string helpers on UTF-8 text. Pure and thread-safe; returned views
// point into the argument.
#ifndef NEWSTRACE_BASE_STRINGS_H_
#define NEWSTRACE_BASE_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace newstrace::base {

// `s` without leading and trailing whitespace (ASCII and Unicode spaces such
// as NBSP).
std::string_view Trim(std::string_view s);

// Each run of whitespace (ASCII or Unicode) becomes one ' '; the ends are
// trimmed.
std::string CollapseWhitespace(std::string_view s);
// CollapseWhitespace(s) == collapsed, without building the string: stops at
// the first piece that differs.
bool CollapsesTo(std::string_view s, std::string_view collapsed);

// ASCII lower-casing (other bytes unchanged).
std::string AsciiLower(std::string_view s);

// Unicode lower-casing (simple case mapping).
std::string Lower(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
// ASCII case-insensitive comparisons.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);

// Splits on `sep`; empty pieces are kept.
std::vector<std::string_view> Split(std::string_view s, char sep);

// Number of words: maximal runs of letters or digits (Unicode aware).
size_t CountWords(std::string_view s);

}  // namespace newstrace::base

#endif  // NEWSTRACE_BASE_STRINGS_H_
