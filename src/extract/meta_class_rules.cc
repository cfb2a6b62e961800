// Rules for reading an element's class and id (meta_rules.h): what a
// region is by its name. The Is*Class functions state each rule on its
// own; ReadClassFacts applies them all in one allocation-free pass, for
// the scan's every element (meta_rules_test.cc checks the two agree).
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "extract/meta_rules.h"

namespace newstrace::extract {

// Lower-case tokens of the class and id attributes, split on spaces, '-'
// and '_' ("post-meta entry__date" -> post, meta, entry, date).
std::vector<std::string> ClassTokens(const xmlNode* node, std::string* joined) {
  *joined =
      base::AsciiLower(NodeAttr(node, "class") + " " + NodeAttr(node, "id"));
  return JoinedTokens(*joined);
}

std::vector<std::string> JoinedTokens(std::string_view joined) {
  std::vector<std::string> tokens;
  for (std::string_view name : base::Split(joined, ' ')) {
    // State classes ("has-sidebar", "no-comments") name no region.
    if (name.starts_with("has-") || name.starts_with("no-") ||
        name.starts_with("with-") || name.starts_with("is-")) {
      continue;
    }
    std::string cur;
    for (char c : name) {
      if (c == '-' || c == '_' || c == '\t' || c == '\n') {
        if (!cur.empty()) tokens.push_back(std::move(cur));
        cur.clear();
      } else {
        cur += c;
      }
    }
    if (!cur.empty()) tokens.push_back(std::move(cur));
  }
  return tokens;
}

namespace {

bool HasToken(const std::vector<std::string>& tokens,
              std::initializer_list<std::string_view> words) {
  for (const std::string& t : tokens) {
    for (std::string_view w : words) {
      if (t == w) return true;
    }
  }
  return false;
}

}  // namespace

namespace {

bool TokenContains(const std::vector<std::string>& tokens,
                   std::string_view part) {
  for (const std::string& t : tokens) {
    if (t.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

namespace {

// Splits one class name into tokens at '-' and '_'.
std::vector<std::string_view> NameTokens(std::string_view name) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == '-' || name[i] == '_') {
      if (i > b) out.push_back(name.substr(b, i - b));
      b = i + 1;
    }
  }
  return out;
}

}  // namespace

namespace {

// True when a class or id name in `joined` begins with one of `words`
// ("sidebar-right", "widget_text"; not "sticky-sidebar-parent" or
// "wrapper__with-sidebar", which name what sits beside a sidebar). With
// `substring`, the first token need only contain the word.
bool EdgeNamed(const std::string& joined,
               std::initializer_list<std::string_view> words, bool substring) {
  for (std::string_view name : base::Split(joined, ' ')) {
    std::vector<std::string_view> t = NameTokens(name);
    if (t.empty()) continue;
    for (std::string_view w : words) {
      std::string_view edge = t.front();
      if (substring ? edge.find(w) != std::string_view::npos : edge == w) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

// Reader comments ("comments", "comment-list", "disqus_thread"); an
// opinion piece ("commentary") is not.
bool IsCommentsClass(const std::string& joined) {
  if (joined.find("commentar") != std::string::npos) return false;
  return EdgeNamed(joined, {"comment", "respond", "disqus"}, true);
}

// A region of navigation or of other pages' links. "footer" inside an
// article is the article's own footer (byline, date), not the page's.
bool IsBoilerplateClass(const std::string& joined, bool in_article) {
  if (!in_article && EdgeNamed(joined, {"footer"}, false)) return true;
  return EdgeNamed(joined,
                   {"sidebar", "related", "menu", "nav", "navbar", "navigation",
                    "breadcrumb", "breadcrumbs", "recommended"},
                   false);
}

// A class or id that names an author or byline ("byline", "author",
// "post-author", "autor", "article__author-name").
bool IsAuthorClass(const std::vector<std::string>& tokens) {
  for (const std::string& t : tokens) {
    if (t.find("avatar") != std::string::npos ||
        t.find("bio") != std::string::npos ||
        t.find("image") != std::string::npos ||
        t.find("img") != std::string::npos ||
        t.find("photo") != std::string::npos) {
      return false;
    }
  }
  return TokenContains(tokens, "author") || TokenContains(tokens, "byline") ||
         TokenContains(tokens, "autor") || TokenContains(tokens, "auteur") ||
         HasToken(tokens, {"autore", "writer", "verfasser", "reporter",
                           "signature", "contributor", "contributors"});
}

// A class or id that names a date ("date", "post-date", "datum", "time",
// "published", "entry-meta"). "update" and "updated" do not.
bool IsDateClass(const std::vector<std::string>& tokens) {
  for (const std::string& t : tokens) {
    if (t.find("update") != std::string::npos) continue;
    if (t.find("date") != std::string::npos ||
        t.find("datum") != std::string::npos ||
        t.find("publish") != std::string::npos ||
        t.find("posted") != std::string::npos ||
        t.find("byline") != std::string::npos ||
        t.find("dateline") != std::string::npos ||
        t.find("timestamp") != std::string::npos) {
      return true;
    }
  }
  // "publication" does not contain "publish" (French and English CMSs:
  // <div class="publication">jeudi 13 juin 2019</div>).
  return HasToken(tokens,
                  {"time", "zeit", "meta", "postmeta", "entrymeta", "postinfo",
                   "info", "submitted", "created", "stand", "publication"});
}

bool IsHeadlineClass(const std::vector<std::string>& joined_tokens,
                     const std::string& joined) {
  return joined.find("entry-title") != std::string::npos ||
         joined.find("post-title") != std::string::npos ||
         joined.find("article-title") != std::string::npos ||
         joined.find("story-title") != std::string::npos ||
         HasToken(joined_tokens, {"headline"});
}

namespace {

bool OneOf(std::string_view t, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (t == w) return true;
  }
  return false;
}

bool Has(std::string_view t, std::string_view part) {
  return t.find(part) != std::string_view::npos;
}

// Substrings the author and date rules look for in a token, as bits.
enum : unsigned {
  kAvatar = 1u << 0,
  kBio = 1u << 1,
  kImage = 1u << 2,
  kImg = 1u << 3,
  kPhoto = 1u << 4,
  kAuthor = 1u << 5,
  kByline = 1u << 6,
  kAutor = 1u << 7,
  kAuteur = 1u << 8,
  kUpdate = 1u << 9,
  kDate = 1u << 10,
  kDatum = 1u << 11,
  kPublish = 1u << 12,
  kPosted = 1u << 13,
  kTimestamp = 1u << 14,
  kNotAuthorParts = kAvatar | kBio | kImage | kImg | kPhoto,
  kAuthorParts = kAuthor | kByline | kAutor | kAuteur,
  // "dateline" contains "date".
  kDateParts = kDate | kDatum | kPublish | kPosted | kByline | kTimestamp,
};

// The parts above that `t` contains: bit b is set iff t.find(part b)
// succeeds. One pass, dispatching on each position's first letter.
unsigned TokenParts(std::string_view t) {
  struct Part {
    char first;
    std::string_view text;
    unsigned bit;
  };
  static constexpr Part kParts[] = {
      {'a', "avatar", kAvatar},
      {'a', "author", kAuthor},
      {'a', "autor", kAutor},
      {'a', "auteur", kAuteur},
      {'b', "bio", kBio},
      {'b', "byline", kByline},
      {'i', "image", kImage},
      {'i', "img", kImg},
      {'p', "photo", kPhoto},
      {'p', "publish", kPublish},
      {'p', "posted", kPosted},
      {'u', "update", kUpdate},
      {'d', "date", kDate},
      {'d', "datum", kDatum},
      {'t', "timestamp", kTimestamp},
  };
  static constexpr auto kFirst = [] {
    std::array<bool, 256> first{};
    for (const Part& p : kParts)
      first[static_cast<unsigned char>(p.first)] = true;
    return first;
  }();
  unsigned m = 0;
  for (size_t i = 0; i + 3 <= t.size(); ++i) {
    char c = t[i];
    if (!kFirst[static_cast<unsigned char>(c)]) continue;
    std::string_view rest = t.substr(i);
    for (const Part& p : kParts) {
      if (p.first == c && rest.starts_with(p.text)) m |= p.bit;
    }
  }
  return m;
}

// Calls f(token) for each ClassTokens token of one space-free `name`.
template <typename F>
void ForEachToken(std::string_view name, F&& f) {
  if (name.starts_with("has-") || name.starts_with("no-") ||
      name.starts_with("with-") || name.starts_with("is-")) {
    return;
  }
  size_t b = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == '-' || name[i] == '_' ||
        name[i] == '\t' || name[i] == '\n') {
      if (i > b) f(name.substr(b, i - b));
      b = i + 1;
    }
  }
}

}  // namespace

// The rules above in one pass over string views: no token is copied.
ClassFacts ReadClassFacts(const std::string& joined) {
  bool edge_comments = false, footer = false, boiler = false;
  bool any_token = false, not_author = false, author = false, date = false;
  bool headline_token = false;
  std::string_view rest = joined;
  while (true) {
    size_t sp = rest.find(' ');
    std::string_view name = rest.substr(0, sp);
    // EdgeNamed: the first '-'/'_' token of the name.
    size_t b = name.find_first_not_of("-_");
    if (b != std::string_view::npos) {
      std::string_view edge = name.substr(b);
      edge = edge.substr(0, edge.find_first_of("-_"));
      edge_comments = edge_comments || Has(edge, "comment") ||
                      Has(edge, "respond") || Has(edge, "disqus");
      footer = footer || edge == "footer";
      boiler = boiler || OneOf(edge, {"sidebar", "related", "menu", "nav",
                                      "navbar", "navigation", "breadcrumb",
                                      "breadcrumbs", "recommended"});
    }
    ForEachToken(name, [&](std::string_view t) {
      any_token = true;
      unsigned m = TokenParts(t);
      not_author = not_author || (m & kNotAuthorParts);
      author = author || (m & kAuthorParts) ||
               OneOf(t, {"autore", "writer", "verfasser", "reporter",
                         "signature", "contributor", "contributors"});
      if (!(m & kUpdate)) date = date || (m & kDateParts);
      date = date || OneOf(t, {"time", "zeit", "meta", "postmeta", "entrymeta",
                               "postinfo", "info", "submitted", "created",
                               "stand", "publication"});
      headline_token = headline_token || t == "headline";
    });
    if (sp == std::string_view::npos) break;
    rest.remove_prefix(sp + 1);
  }
  ClassFacts f;
  f.comments = edge_comments && !Has(joined, "commentar");
  f.boilerplate = footer || boiler;
  f.boilerplate_in = boiler;
  // Each headline class contains "-title".
  f.headline = headline_token ||
               (Has(joined, "-title") &&
                (Has(joined, "entry-title") || Has(joined, "post-title") ||
                 Has(joined, "article-title") || Has(joined, "story-title")));
  f.author = any_token && !not_author && author;
  f.date = any_token && date;
  return f;
}

}  // namespace newstrace::extract
