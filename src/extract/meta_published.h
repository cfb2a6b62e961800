// The publication date of an HTML page, from the candidates ScanPage found
// and the page's main JSON-LD article. Pure; thread-safe.
#ifndef NEWSTRACE_EXTRACT_META_PUBLISHED_H_
#define NEWSTRACE_EXTRACT_META_PUBLISHED_H_

#include <string>
#include <string_view>

#include "base/dates.h"
#include "extract/jsonld.h"
#include "extract/meta_scan.h"

namespace newstrace::extract {

// The publication date as "YYYY-MM-DD", or "" when the page gives none.
// Precedence: the date the page declares (the JSON-LD `article`'s
// datePublished, else named <meta> such as article:published_time, else the
// article's dateCreated), unless the page labels another one as its
// publication date ("Erschienen am: 13.10.2021") or shows another date and
// never the declared one, in which case the shown date wins; a shown date
// that reads as the declared one with the other slash order ("11/01/2021")
// agrees with it, and a declared UTC (or zone-less) timestamp one day off
// the date shown near the headline yields to that date. Without a declared
// date: the shown date (pubdate and itemprop first, then <time>, date-named
// elements and datelines near the <h1>, outside navigation, teaser links
// and the page's own header; lines that give the date of the last change
// skipped), then a date in `url`'s path, then a date that opens the
// <title> or og:title ("23.01.2022 - Headline"), then the date of the last
// change the page shows ("Aktualisiert: 30.12.2016"). A date of the last
// change it only declares (article:modified_time) is never taken. A declared
// UTC timestamp counts by its local date in the zone the page's
// `language` ("de-at") or `url` implies (meta_zones.h). `slash` says how to
// read "03/05/2022". `article` may be null.
std::string PickPublishedDate(const PageScan& scan, const JsonLdNode* article,
                              const std::string& url, base::SlashOrder slash,
                              std::string_view language = {});

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_META_PUBLISHED_H_
