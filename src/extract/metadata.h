// Article metadata from an HTML page: title, authors, publication date, site
// name, language, canonical URL. Sources, strongest first: JSON-LD
// (NewsArticle and kin), Open Graph / article:* / Dublin Core / named
// <meta>, microdata and rel=author, <time> and byline or date elements,
// then <title> and <h1>; the design note in metadata.cc has the details
// and the exceptions (a confirmed <h1> wins the title; what the page shows
// beats what it only declares).
#ifndef NEWSTRACE_EXTRACT_METADATA_H_
#define NEWSTRACE_EXTRACT_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/html_document.h"

namespace newstrace::extract {

struct HtmlMetadata {
  std::string title;      // the headline, without the site's name
  std::string site_name;  // og:site_name or the suffix split off <title>
  std::vector<std::string> authors;  // person names; empty when unknown
  std::string published;             // YYYY-MM-DD, or empty when unknown
  std::string url;                   // canonical URL, or empty
  std::string language;  // <html lang> / og:locale, lower case, or empty
  std::string description;
};

// Reads the metadata of `doc`. Never fails: unknown fields stay empty.
// `page_url` is the page's own URL when the caller knows it ("" otherwise):
// the fallback for `url` when the page declares none, and so a source of
// dates in the path (/2017/11/21/).
HtmlMetadata ExtractHtmlMetadata(const HtmlDocument& doc,
                                 std::string_view page_url = {});

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_METADATA_H_
