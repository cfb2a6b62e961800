// Minimal URL helpers.
#ifndef NEWSTRACE_BASE_URL_H_
#define NEWSTRACE_BASE_URL_H_

#include <string>
#include <string_view>

namespace newstrace::base {

// The lower-cased host of an absolute http(s) URL without "www." and port
// ("https://www.Example.com:8080/a" -> "example.com"); "" when `url` has no
// scheme and host.
std::string UrlDomain(std::string_view url);

}  // namespace newstrace::base

#endif  // NEWSTRACE_BASE_URL_H_
