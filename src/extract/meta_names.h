// Telling a person's name from the other things bylines hold: roles,
// dates, photo credits, companies, addresses, prose. Word lists and
// predicates for meta_authors.cc; all pure and thread-safe. Comparisons
// are on lower-cased words unless said otherwise.
#ifndef NEWSTRACE_EXTRACT_META_NAMES_H_
#define NEWSTRACE_EXTRACT_META_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace newstrace::extract {

// `s` split at spaces, empty pieces dropped. Views point into `s`.
std::vector<std::string_view> SplitWords(std::string_view s);

// True for an academic degree or post-nominal standing alone as a piece
// of a byline ("phd", "md", "dr.").
bool IsDegree(std::string_view lower);

// True when `piece` credits something other than the text: "Fotos: Jane
// Roe", "Illustration: John Doe".
bool IsCredit(std::string_view piece);

// `name` without a date and what follows it ("Jane Roe am 3. März 2019 um
// 10:00" -> "Jane Roe"), a credit for something else ("Jane Roe
// Illustration von John Doe" -> "Jane Roe"), or a trailing weekday
// ("Jane Roe Thursday" -> "Jane Roe").
std::string CutDateTail(std::string name);

// `name` without trailing job titles ("Jane Roe Staff Writer" -> "Jane
// Roe"), as long as two words stay.
std::string StripTrailingRoles(std::string name);

// `name` without a leading job title when a full name follows it
// ("Gastautor Jane Roe", "Online-Experte Jane Roe" -> "Jane Roe").
std::string StripLeadingRole(std::string name);

// True when one of `pieces` (the comma-separated parts of one byline)
// carries a legal form ("Verlag GmbH") or is a country ("Germany"): the
// byline names a company or an address.
bool IsOrganizationOrAddress(const std::vector<std::string>& pieces);

// `name` without the legal form it carries and what follows it
// ("Deutsches Rotes Kreuz e.V." -> "Deutsches Rotes Kreuz", "Beispiel
// Verlag GmbH & Co. KG" -> "Beispiel Verlag"), or "" when it carries none
// or is nothing but one.
std::string WithoutLegalForm(std::string_view name);

// True when `name` has several words and one is lower-case without being a
// name particle ("von", "de", "der") or a brand with a dot or hyphen: "hit
// save", "Departement für Wirtschaft".
bool HasProseWord(std::string_view name);

// "Jane Roe Jane Roe" (a name printed twice) -> "Jane Roe"; other names
// unchanged.
std::string Dedouble(const std::string& name);

// True when `name` is written as a person's full name: two to four words,
// each capitalized and in mixed case ("Jane Roe", "Anna-Lena de Vries"),
// name particles allowed, no digits or list punctuation. Stricter than
// IsPlausibleAuthor, for text that nothing but its form marks as a
// byline. "PAID CONTENT" and "Umwelt" are not full names.
bool IsFullName(std::string_view name);

// The full name a text about a person opens with when its first word is
// `first` ("Jane Roe ist freie Autorin ...", "Jane Roe - Reporter" with
// `first` "Jane" -> "Jane Roe"): the capitalized words up to the first
// lower-case word or punctuation, two or three of them, forming a
// IsFullName. "" otherwise. Author bios open that way.
std::string OpeningFullName(std::string_view text, std::string_view first);

// True when `name` is the short credit of a news agency ("dpa", "AFP",
// "Reuters", "EFE"): the source of a wire story, not its writer. Compared
// case-insensitively with the whole name.
bool IsNewsAgency(std::string_view name);

// True when `name` (one already-cleaned name) can be a person's name or a
// credited desk: 1-6 words, letters, no sentence punctuation, no prose, not
// a placeholder ("admin", "Unknown", "No Author"), not a bare role or a
// file name.
bool IsPlausibleAuthor(std::string_view name);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_META_NAMES_H_
