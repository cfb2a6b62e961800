// Author names from the strings pages give for them: meta tags, JSON-LD,
// bylines. A byline says more than names ("By Jane Roe and John Doe, Staff
// Writers | March 3, 2019"); this file keeps only the names.
#ifndef NEWSTRACE_EXTRACT_META_AUTHORS_H_
#define NEWSTRACE_EXTRACT_META_AUTHORS_H_

#include <string>
#include <string_view>
#include <vector>

namespace newstrace::extract {

struct AuthorCleanOptions {
  // Names that are the site or publisher, never an author ("Reuters" on
  // reuters.com). Compared case-insensitively. Default: none.
  std::vector<std::string> site_names;
  // When true, a byline only counts when it starts with a byline word
  // ("By", "Von", "Autor:"); for text from elements whose class merely
  // mentions "author". Default: false.
  bool require_byline_word = false;
};

// Splits a byline or author string into names, in order, without
// duplicates: drops a leading "By"/"Von"/"Par"/"Por"/"Autor:" and the like,
// roles ("Staff Writer"), degrees ("PhD"), e-mail addresses, URLs, dates
// and times, "@" handles' "@", photo credits ("Fotos: ..."), everything
// from a field label on ("Tags:", "Kategorie:", "Filed under"), and splits on
// ",", ";", "/", "&", "and"/"und"/"et"/"y". The byline is the first segment
// (text between " | ", "•", spaced dashes) that names someone, or the
// first that opens with a byline word. A segment that names a company
// (a legal form), a postal address (a country) or reads as a phrase yields
// nothing; so do the site's own names and placeholders ("admin",
// "Unknown"); see IsPlausibleAuthor. A phrase that opens the value without
// a byline word describes an organization, and what follows it is that
// organization's short name ("Landesamt für Wald - LWF"): no names then.
// What follows the site's name in a list ("Jane Roe, Daily Planet, New
// York"), "<site> Staff" after a name, an agency's code after a slash
// ("Jane Roe/SP-X"), a leading job title ("Gastautor Jane Roe") and the
// one interviewed ("Ein Interview von Jane Roe mit John Doe") are
// dropped; a label that credits the text with something else ("Text &
// Fotos: Jane Roe") names the author. Returns no
// names when nothing in `raw` qualifies.
std::vector<std::string> CleanAuthors(std::string_view raw,
                                      const AuthorCleanOptions& options);

// The author part of a dateline that credits its writer after the date,
// set off by a separator CleanAuthors cuts at ("11.12.2019 - Jane Roe",
// "04.02.2022 | 13:10 Uhr | Jane Roe"): the one segment that follows the
// date and an optional clock time. Returns "" when `text` does not open
// with a date, or when anything else follows it (a dated list entry
// "02.11.2022 - Band - Venue", a segment with a number).
std::string BylineAfterDate(std::string_view text);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_META_AUTHORS_H_
