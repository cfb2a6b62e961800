// Headline text helpers: comparing titles, splitting a site's name off a
// <title> or og:title, decoding the HTML entities JSON-LD strings carry.
#ifndef NEWSTRACE_EXTRACT_META_TITLE_H_
#define NEWSTRACE_EXTRACT_META_TITLE_H_

#include <string>
#include <string_view>
#include <vector>

namespace newstrace::extract {

// `s` with HTML character references decoded ("&amp;", "&#8211;",
// "&#x27;", "&hellip;"); unknown references are kept as written.
std::string DecodeEntities(std::string_view s);

// A comparison key for titles and names: lower-cased, whitespace-collapsed,
// quotes, dashes and ß/ss unified, outer punctuation dropped.
std::string TitleKey(std::string_view s);

// The parts of a title split at site-name separators (" | ", " - ", " – ",
// " — ", " :: ", " » ", " · ", " • ", unspaced "|"), trimmed, empties
// dropped. A title without separators gives one part.
std::vector<std::string> SplitTitle(std::string_view title);

// Names a site is known by, for matching title parts: given names
// (og:site_name, the publisher) plus the host of `url` and its registrable
// name ("https://www.mdr.de/x" gives "mdr.de" and "mdr";
// "https://auto.oe24.at/x" gives "auto.oe24.at", "oe24.at" and "oe24").
std::vector<std::string> SiteNames(const std::vector<std::string>& names,
                                   std::string_view url);

// True when title part `part` is the site's name: equal (by TitleKey) to
// one of `site_names`, or, unless `exact`, one contains the other and the
// part is short ("Spektrum der Wissenschaft" for "spektrum.de").
bool IsSitePart(std::string_view part,
                const std::vector<std::string>& site_names, bool exact);

// The headline inside `title` (a <title> or og:title): the run of parts
// equal to one of `references` (visible headings) if any; otherwise `title`
// without the edge parts that name the site; or, when none does and
// `guess` is set (for a <title>, which nearly always names its site), without
// edge parts of at most 6 words: the first when it is under half the
// length of the last ("Site » Headline"), else the last ("Headline |
// Section | Site").
// Returns `title` itself when it has no separator.
std::string StripSiteName(std::string_view title,
                          const std::vector<std::string>& site_names,
                          const std::vector<std::string>& references,
                          bool guess);

// What a page says its headline is, strongest first.
struct TitleSources {
  // Metadata titles in priority order: JSON-LD headline, og:title,
  // twitter:title, dc.title, ... (as written, site names not yet removed).
  std::vector<std::string> metas;
  std::string title_tag;  // <title>
  // Visible headline candidates: <h1>s, then elements marked as headlines;
  // site names and boilerplate already removed.
  std::vector<std::string> headings;
  std::vector<std::string> h1s;  // those of `headings` that are <h1>s
  // <h2>/<h3> texts: evidence for splitting <title>, never picked alone.
  std::vector<std::string> subheadings;
  std::vector<std::string> site_names;  // see SiteNames
};

// The article's headline. A visible heading wins when a metadata title
// (tried in priority order, the <title> last) confirms it: equal, or most
// of the metadata title or of one of its parts; among several confirmed
// headings the longest. Otherwise the page's only <h1>; else the first
// metadata title with its site name removed, else the <title> split
// (StripSiteName with guessing), else the first heading. Leading and trailing
// separators are trimmed. Returns
// "" when the page names no title at all.
std::string PickHeadline(const TitleSources& sources);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_META_TITLE_H_
