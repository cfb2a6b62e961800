// The local publication date of a timestamp a page declares in UTC.
//
// Readers, and the date a news page shows, count days in the publisher's
// time zone: a German article stamped "2018-12-31T23:11:59+00:00" came out
// on January 1 in Berlin, a Brazilian one stamped "2022-05-04T00:44Z" on
// May 3 in São Paulo. Pages rarely state their zone, but their language
// region ("pt-BR", "de-AT"), country domain (".de", ".ar") or language
// alone ("de", "pl") usually implies one. Pure; thread-safe.
#ifndef NEWSTRACE_EXTRACT_META_ZONES_H_
#define NEWSTRACE_EXTRACT_META_ZONES_H_

#include <optional>
#include <string>
#include <string_view>

namespace newstrace::extract {

// The local date ("YYYY-MM-DD") of `timestamp` when it is an ISO 8601
// date and clock time stated in UTC ("...Z", "+00:00", "+0000") and the
// page's region is known: first the region subtag of `language` ("pt-br"),
// then the country-code top-level domain of `url`'s host, then `language`
// when one zone serves most of its readers ("de", "pl", "ja"). Regions
// with several zones (the US, Brazil) convert only when every zone gives
// the same date. European zones follow the EU summer-time rule. Returns
// nullopt otherwise, and for a clock time of exactly midnight, which
// stands for a date without a time.
std::optional<std::string> LocalDateOfUtc(std::string_view timestamp,
                                          std::string_view language,
                                          std::string_view url);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_META_ZONES_H_
