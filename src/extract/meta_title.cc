#include "extract/meta_title.h"

#include <libxml/HTMLparser.h>

#include <string>

#include "base/strings.h"
#include "base/utf8.h"

namespace newstrace::extract {
namespace {

struct Part {
  size_t begin;  // byte offsets into the title
  size_t end;
};

// Separators between a headline and a site's or section's name.
constexpr std::string_view kSeparators[] = {
    " | ", " - ", " – ",  " — ", " :: ", " » ", " « ", " · ",
    " • ", " ~ ", " // ", " > ", " › ",  " ‹ ", "|",   " -- "};

std::vector<Part> SplitParts(std::string_view title) {
  std::vector<Part> parts;
  size_t begin = 0;
  size_t i = 0;
  while (i < title.size()) {
    size_t len = 0;
    for (std::string_view sep : kSeparators) {
      if (title.substr(i, sep.size()) == sep) {
        len = sep.size();
        break;
      }
    }
    if (len == 0) {
      ++i;
      continue;
    }
    parts.push_back({begin, i});
    i += len;
    begin = i;
  }
  parts.push_back({begin, title.size()});
  // Trim and drop empty parts.
  std::vector<Part> out;
  for (Part p : parts) {
    std::string_view t = base::Trim(title.substr(p.begin, p.end - p.begin));
    if (t.empty()) continue;
    size_t b = static_cast<size_t>(t.data() - title.data());
    out.push_back({b, b + t.size()});
  }
  return out;
}

std::string_view Range(std::string_view title, const std::vector<Part>& p,
                       size_t first, size_t last) {
  return title.substr(p[first].begin, p[last].end - p[first].begin);
}

size_t WordCount(std::string_view s) { return base::CountWords(s); }

}  // namespace

std::string DecodeEntities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12 || semi == i + 1) {
      out += s[i++];
      continue;
    }
    std::string_view ref = s.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (ref[0] == '#') {
      bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
      std::string_view digits = ref.substr(hex ? 2 : 1);
      bool ok = !digits.empty();
      for (char c : digits) {
        int v = (c >= '0' && c <= '9')   ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                         : 99;
        if (v >= (hex ? 16 : 10) || cp > 0x10FFFF) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      }
      if (!ok || cp == 0) cp = 0;
    } else {
      std::string name(ref);
      const htmlEntityDesc* e =
          htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
      if (e != nullptr) cp = e->value;
    }
    if (cp == 0) {
      out += s[i++];
      continue;
    }
    base::AppendUtf8(cp, &out);
    i = semi + 1;
  }
  return out;
}

// One pass over `s`, lower-casing each code point as base::Lower does and
// reading the lowered bytes back as the two-pass definition (Lower, then
// split at non-alphanumerics) would: ASCII inline, other code points
// through a small scratch string.
std::string TitleKey(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  std::string lowered;  // one non-ASCII code point, lowered
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(c);
      } else {
        space = true;
      }
      continue;
    }
    lowered.clear();
    base::AppendUtf8(base::ToLower(base::NextCodePoint(s, &i)), &lowered);
    size_t j = 0;
    while (j < lowered.size()) {
      size_t start = j;
      char32_t cp = base::NextCodePoint(lowered, &j);
      if (base::IsLetter(cp) || base::IsDigit(cp)) {
        if (space && !out.empty()) out += ' ';
        space = false;
        if (cp == U'\u00df') {
          out += "ss";
        } else {
          out.append(lowered, start, j - start);
        }
      } else {
        space = true;
      }
    }
  }
  return out;
}

std::vector<std::string> SplitTitle(std::string_view title) {
  std::vector<std::string> out;
  for (Part p : SplitParts(title)) {
    out.emplace_back(title.substr(p.begin, p.end - p.begin));
  }
  return out;
}

std::vector<std::string> SiteNames(const std::vector<std::string>& names,
                                   std::string_view url) {
  std::vector<std::string> out;
  for (const std::string& n : names) {
    if (!n.empty()) out.push_back(n);
  }
  size_t p = url.find("://");
  if (p != std::string_view::npos) {
    std::string_view host = url.substr(p + 3);
    host = host.substr(0, host.find_first_of("/:?#"));
    if (host.substr(0, 4) == "www.") host.remove_prefix(4);
    if (!host.empty()) {
      out.emplace_back(host);
      size_t dot = host.rfind('.');
      if (dot != std::string_view::npos && dot > 0) {
        // The registrable name: "auto.oe24.at" -> "oe24.at" and "oe24";
        // "bbc.co.uk" -> "bbc.co.uk" and "bbc" (a short second level such
        // as "co" or "com" belongs to the suffix).
        size_t start = host.rfind('.', dot - 1);
        start = start == std::string_view::npos ? 0 : start + 1;
        if (dot - start <= 3 && start > 1) {
          size_t wider = host.rfind('.', start - 2);
          start = wider == std::string_view::npos ? 0 : wider + 1;
        }
        std::string_view domain = host.substr(start);
        if (domain != host) out.emplace_back(domain);
        std::string_view label = domain.substr(0, domain.find('.'));
        if (label.size() >= 3) out.emplace_back(label);
      }
    }
  }
  return out;
}

bool IsSitePart(std::string_view part,
                const std::vector<std::string>& site_names, bool exact) {
  std::string key = TitleKey(part);
  if (key.empty()) return false;
  // WordPress themes put "Blog Archive" between site and post.
  if (key == "blog archive" || key == "blog archiv") return true;
  std::string compact;  // "mdr de" -> "mdrde", to match "MDR.DE"
  for (char c : key) {
    if (c != ' ') compact += c;
  }
  for (const std::string& name : site_names) {
    std::string nk = TitleKey(name);
    if (nk.empty()) continue;
    std::string nc;
    for (char c : nk) {
      if (c != ' ') nc += c;
    }
    if (key == nk || compact == nc) return true;
    if (exact) continue;
    bool short_part = WordCount(part) <= 5;
    if (short_part && nc.size() >= 3 &&
        (compact.find(nc) != std::string::npos ||
         (compact.size() >= 4 && nc.find(compact) != std::string::npos))) {
      return true;
    }
  }
  return false;
}

std::string StripSiteName(std::string_view title,
                          const std::vector<std::string>& site_names,
                          const std::vector<std::string>& references,
                          bool guess) {
  title = base::Trim(title);
  std::vector<Part> parts = SplitParts(title);
  if (parts.size() <= 1) return std::string(title);
  // The longest run of parts that is a visible heading.
  size_t best_a = 0;
  size_t best_b = 0;
  size_t best_len = 0;
  for (const std::string& ref : references) {
    std::string rk = TitleKey(ref);
    if (rk.empty()) continue;
    for (size_t a = 0; a < parts.size(); ++a) {
      for (size_t b = a; b < parts.size(); ++b) {
        std::string_view run = Range(title, parts, a, b);
        if (run.size() > best_len && TitleKey(run) == rk) {
          best_a = a;
          best_b = b;
          best_len = run.size();
        }
      }
    }
  }
  if (best_len > 0) return std::string(Range(title, parts, best_a, best_b));
  size_t first = 0;
  size_t last = parts.size() - 1;
  bool dropped = false;
  while (last > first &&
         IsSitePart(Range(title, parts, last, last), site_names, false)) {
    --last;
    dropped = true;
  }
  while (first < last &&
         IsSitePart(Range(title, parts, first, first), site_names, false)) {
    ++first;
    dropped = true;
  }
  if (dropped || !guess) return std::string(Range(title, parts, first, last));
  // Without a known site name: the site's name is usually the last part
  // ("Headline | Site"), unless the first part is much shorter than the
  // rest ("Site » Headline"). Either way it has at most 6 words.
  auto words = [&](size_t i) { return WordCount(Range(title, parts, i, i)); };
  auto size = [&](size_t a, size_t b) {
    return Range(title, parts, a, b).size();
  };
  while (last > first) {
    bool first_is_site =
        words(first) <= 6 && size(first, first) * 2 <= size(last, last);
    if (first_is_site) {
      ++first;
    } else if (words(last) <= 6) {
      --last;
    } else {
      break;
    }
  }
  return std::string(Range(title, parts, first, last));
}

namespace {

// Trims separators and stray punctuation off a title's ends (": Wie
// Firmen ..." after a skipped kicker).
std::string TrimTitle(std::string_view s) {
  s = base::Trim(s);
  for (bool again = true; again && !s.empty();) {
    again = false;
    for (std::string_view p : {":", "|", "-", "–", "—", "»", "«", "·", "•", "/",
                               "::", "›", ",", ";"}) {
      // Guillemets are quotes, unless unpaired ("» Jens Weber").
      bool quote = p == "»" || p == "«";
      if (quote && (s.find("»", 1) != std::string_view::npos ||
                    s.find("«", 1) != std::string_view::npos)) {
        continue;
      }
      if (s.substr(0, p.size()) == p) {
        s = base::Trim(s.substr(p.size()));
        again = true;
      }
      if (!quote && s.size() >= p.size() &&
          s.substr(s.size() - p.size()) == p) {
        s = base::Trim(s.substr(0, s.size() - p.size()));
        again = true;
      }
    }
  }
  return std::string(s);
}

// True when heading key `hk` is a metadata title's key `ck` or most of it.
bool Confirms(const std::string& hk, const std::string& ck) {
  if (hk.empty() || ck.empty()) return false;
  if (hk == ck) return true;
  return hk.size() * 3 >= ck.size() && hk.size() >= 12 &&
         ck.find(hk) != std::string::npos;
}

}  // namespace

std::string PickHeadline(const TitleSources& sources) {
  // Sub-headings that repeat the whole <title> tell nothing about its
  // parts.
  std::vector<std::string> refs = sources.headings;
  std::string title_key = TitleKey(sources.title_tag);
  for (const std::string& h : sources.subheadings) {
    if (TitleKey(h) != title_key) refs.push_back(h);
  }
  std::vector<std::string> metas;
  for (const std::string& m : sources.metas) {
    std::string t = StripSiteName(m, sources.site_names, refs, false);
    if (!TitleKey(t).empty()) metas.push_back(std::move(t));
  }
  if (!sources.title_tag.empty()) {
    std::string t =
        StripSiteName(sources.title_tag, sources.site_names, refs, true);
    if (!TitleKey(t).empty()) metas.push_back(std::move(t));
  }
  for (const std::string& m : metas) {
    std::vector<std::string> containers = SplitTitle(m);
    containers.push_back(m);
    std::string mk = TitleKey(m);
    const std::string* best = nullptr;
    size_t best_len = 0;
    for (const std::string& h : sources.headings) {
      std::string hk = TitleKey(h);
      bool confirmed = false;
      for (const std::string& c : containers) {
        confirmed = confirmed || Confirms(hk, TitleKey(c));
      }
      if (confirmed && hk.size() > best_len) {
        best = &h;
        best_len = hk.size();
      }
    }
    if (best != nullptr) return TrimTitle(*best);
    // A metadata title inside a heading that adds a kicker.
    for (const std::string& h : sources.headings) {
      std::string hk = TitleKey(h);
      if (mk.size() * 3 >= hk.size() * 2 && mk.size() >= 12 &&
          hk.find(mk) != std::string::npos) {
        return TrimTitle(m);
      }
    }
  }
  // Nothing confirms a heading: the page's one <h1> is its headline.
  if (sources.h1s.size() == 1) return TrimTitle(sources.h1s.front());
  if (!metas.empty()) return TrimTitle(metas.front());
  if (!sources.headings.empty()) return TrimTitle(sources.headings.front());
  return {};
}

}  // namespace newstrace::extract
