#include "base/url.h"

#include "base/strings.h"

namespace newstrace::base {

std::string UrlDomain(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#");
  std::string_view host = rest.substr(0, end);
  size_t at = host.rfind('@');
  if (at != std::string_view::npos) host.remove_prefix(at + 1);
  size_t colon = host.find(':');
  if (colon != std::string_view::npos) host = host.substr(0, colon);
  std::string out = AsciiLower(host);
  if (StartsWith(out, "www.")) out.erase(0, 4);
  return out;
}

}  // namespace newstrace::base
