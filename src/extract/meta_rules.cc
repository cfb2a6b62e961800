// Rules for reading metadata off the DOM. See meta_rules.h.
#include "extract/meta_rules.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"

namespace newstrace::extract {

// Elements whose content is never metadata. <noscript> is walked: broken
// pages leave it open and libxml2 then nests the whole page in it.
bool IsSkipped(std::string_view name) {
  return name == "script" || name == "style" || name == "template" ||
         name == "svg" || name == "select" || name == "option" ||
         name == "button" || name == "textarea";
}

namespace {

bool IsInline(std::string_view name) {
  static constexpr std::string_view kInline[] = {
      "a",    "abbr", "b",     "bdi",  "bdo",    "cite",  "code",
      "data", "dfn",  "em",    "font", "i",      "kbd",   "mark",
      "q",    "s",    "small", "span", "strong", "sub",   "sup",
      "time", "u",    "var",   "ins",  "del",    "label", "nobr"};
  for (std::string_view n : kInline) {
    if (n == name) return true;
  }
  return false;
}

}  // namespace

namespace {

// True for an element that holds a headline's kicker ("Klimaschutz" above
// "Bohren, bis es heiß wird").
bool IsKickerOrHidden(const xmlNode* n) {
  std::string c = base::AsciiLower(NodeAttr(n, "class"));
  for (std::string_view w : {"kicker", "overline", "dachzeile", "topline",
                             "roofline", "supertitle", "eyebrow"}) {
    if (c.find(w) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

// True for an element only screen readers get ("screen-reader-text").
bool IsScreenReaderOnly(const xmlNode* n) {
  std::string c = base::AsciiLower(NodeAttr(n, "class"));
  return c.find("screen-reader") != std::string::npos ||
         c.find("sr-only") != std::string::npos ||
         c.find("visually-hidden") != std::string::npos ||
         c.find("visuallyhidden") != std::string::npos;
}

// The visible text of `node`, whitespace-collapsed: script and style
// skipped, a space at every element boundary ("<span>Author</span>Jane"
// gives "Author Jane"). With `headline`, only block elements get spaces
// ("<span>Abrechnung</span>: Musik" stays "Abrechnung: Musik") and kicker
// parts are skipped. Returns "" when the text is longer than `cap`.
std::string VisibleText(const xmlNode* node, size_t cap, bool headline) {
  std::string out;
  std::vector<const xmlNode*> stack{node};
  // A node budget keeps deep or bushy subtrees cheap: a byline or a
  // headline has few nodes.
  size_t budget = cap + 64;
  while (!stack.empty()) {
    const xmlNode* n = stack.back();
    stack.pop_back();
    if (n == nullptr) {
      out += ' ';  // a block element ended
      continue;
    }
    if (budget-- == 0) return {};
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) out += reinterpret_cast<const char*>(n->content);
      if (out.size() > 4 * cap + 64) return {};
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    if (n != node && IsSkipped(NodeName(n))) continue;
    if (n != node && headline && IsKickerOrHidden(n)) continue;
    if (!headline || !IsInline(NodeName(n))) {
      out += ' ';
      stack.push_back(nullptr);
    }
    for (const xmlNode* c = n->last; c != nullptr; c = c->prev) {
      stack.push_back(c);
    }
  }
  std::string text = base::CollapseWhitespace(out);
  if (text.size() > cap) return {};
  return text;
}

std::string OpeningText(const xmlNode* node, size_t want) {
  std::string out;
  std::vector<const xmlNode*> stack{node};
  size_t budget = 64;  // nodes visited
  while (!stack.empty() && out.size() < want && budget-- > 0) {
    const xmlNode* n = stack.back();
    stack.pop_back();
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) {
        // A long text node costs no more than the bytes wanted.
        // (Cut on a UTF-8 character boundary.)
        const char* t = reinterpret_cast<const char*>(n->content);
        size_t len = 0;
        while (len < 2 * want && t[len] != '\0') ++len;
        if (t[len] != '\0') {
          while (len > 0 &&
                 (static_cast<unsigned char>(t[len]) & 0xC0) == 0x80) {
            --len;
          }
        }
        out.append(t, len);
      }
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    if (n != node && IsSkipped(NodeName(n))) continue;
    out += ' ';
    for (const xmlNode* c = n->last; c != nullptr; c = c->prev) {
      stack.push_back(c);
    }
  }
  return base::CollapseWhitespace(out);
}

std::string OpeningDateline(const xmlNode* node) {
  std::string text = OpeningText(node, 48);
  if (text.empty() || text[0] < '0' || text[0] > '9') return {};
  size_t sep = std::string::npos;
  for (std::string_view s :
       {" - ", " \u2013 ", " \u2014 ", " | ", " \u201e", " \u201c", " \""}) {
    sep = std::min(sep, text.find(s));
  }
  if (sep == std::string::npos || sep > 32) return {};
  return text.substr(0, sep);
}

// True when `node` (an <h1>) is a logo: its text sits in a link to the
// site's home page.
bool IsHomeLink(const xmlNode* node) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      for (const xmlChar* p = c->content; p && *p; ++p) {
        if (*p > ' ') return false;
      }
      continue;
    }
    if (c->type != XML_ELEMENT_NODE) continue;
    if (NodeName(c) != "a") return false;
    std::string href = NodeAttr(c, "href");
    // An archived link ("https://web.archive.org/web/2014/http://site/")
    // is judged by the URL it archives.
    size_t scheme = href.rfind("://");
    if (scheme != std::string::npos) {
      size_t path = href.find('/', scheme + 3);
      href = path == std::string::npos ? "/" : href.substr(path);
    }
    if (href != "/" && href != "./" && href.rfind("/index", 0) != 0 &&
        href != "/#") {
      return false;
    }
  }
  return true;
}

// True when `node` reads like navigation: little text, or text mostly in
// links. A class named "sidebar" or "navigation-container" on a wrapper
// around the whole article (it happens) fails this test.
bool LooksLikeLinks(const xmlNode* node) {
  constexpr size_t kSmall = 3000;  // bytes of text a sidebar rarely exceeds
  constexpr size_t kCap = 20000;   // stop counting here
  size_t text = 0;
  size_t link = 0;
  struct Item {
    const xmlNode* n;
    bool in_link;
  };
  std::vector<Item> stack{{node, false}};
  size_t budget = 4 * kCap;  // nodes; a bigger region is not a sidebar
  while (!stack.empty() && text < kCap) {
    if (budget-- == 0) return false;
    Item it = stack.back();
    stack.pop_back();
    if (it.n->type == XML_TEXT_NODE && it.n->content) {
      size_t len = 0;
      for (const xmlChar* p = it.n->content; *p; ++p) len += *p > ' ';
      text += len;
      if (it.in_link) link += len;
      continue;
    }
    if (it.n->type != XML_ELEMENT_NODE || IsSkipped(NodeName(it.n))) continue;
    bool in_link = it.in_link || NodeName(it.n) == "a";
    for (const xmlNode* c = it.n->children; c != nullptr; c = c->next) {
      stack.push_back({c, in_link});
    }
  }
  return text < kSmall || link * 2 >= text;
}

// Elements whose whole text may be a byline found by its wording.
bool IsBylineCarrier(std::string_view name) {
  return name == "p" || name == "span" || name == "em" || name == "i" ||
         name == "strong" || name == "b" || name == "small" || name == "div" ||
         name == "byline" || name == "font";
}

// True when `text` opens with a word that introduces an author.
bool StartsWithBylineWord(std::string_view text) {
  static constexpr std::string_view kOpeners[] = {"von ",
                                                  "by ",
                                                  "autor:",
                                                  "autorin:",
                                                  "autoren:",
                                                  "author:",
                                                  "text:",
                                                  "text von ",
                                                  "ein artikel von ",
                                                  "ein beitrag von ",
                                                  "geschrieben von ",
                                                  "written by ",
                                                  "posted by ",
                                                  "par ",
                                                  "por ",
                                                  "door ",
                                                  "verfasst von ",
                                                  "eingestellt von "};
  std::string lower = base::AsciiLower(text.substr(0, 20));
  for (std::string_view o : kOpeners) {
    if (lower.compare(0, o.size(), o) == 0) return true;
  }
  return false;
}

// True when `text` opens with words that introduce a publication date.
bool StartsWithDatelineWord(std::string_view text) {
  static constexpr std::string_view kOpeners[] = {
      "veröffentlicht am",    "veröffentlicht:", "veröffentlichung:",
      "pressemitteilung vom", "publiziert am",   "erschienen am",
      "erstellt am",          "datum:",          "published on",
      "published:",           "posted on",       "publié le",
      "publicado el",         "pubblicato il",   "stand:"};
  std::string lower = base::Lower(text.substr(0, 24));
  for (std::string_view o : kOpeners) {
    if (lower.compare(0, o.size(), o) == 0) return true;
  }
  return false;
}

// Lower-case tokens of the class and id attributes, split on spaces, '-'
// and '_' ("post-meta entry__date" -> post, meta, entry, date).
std::vector<std::string> ClassTokens(const xmlNode* node, std::string* joined) {
  *joined =
      base::AsciiLower(NodeAttr(node, "class") + " " + NodeAttr(node, "id"));
  std::vector<std::string> tokens;
  for (std::string_view name : base::Split(*joined, ' ')) {
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
  return HasToken(tokens,
                  {"time", "zeit", "meta", "postmeta", "entrymeta", "postinfo",
                   "info", "submitted", "created", "stand"});
}

bool IsHeadlineClass(const std::vector<std::string>& joined_tokens,
                     const std::string& joined) {
  return joined.find("entry-title") != std::string::npos ||
         joined.find("post-title") != std::string::npos ||
         joined.find("article-title") != std::string::npos ||
         joined.find("story-title") != std::string::npos ||
         HasToken(joined_tokens, {"headline"});
}

}  // namespace newstrace::extract
