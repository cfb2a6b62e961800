// Rules for reading metadata off the DOM. See meta_rules.h.
#include "extract/meta_rules.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"

namespace newstrace::extract {

// Elements whose content is never metadata. <noscript> is walked: broken
// pages leave it open and libxml2 then nests the whole page in it.
namespace {
constexpr std::string_view kSkipped[] = {"script", "style",   "template",
                                         "svg",    "select",  "option",
                                         "button", "textarea"};
}  // namespace

bool IsSkipped(std::string_view name) {
  for (std::string_view s : kSkipped) {
    if (name == s) return true;
  }
  return false;
}

bool MayBeSkippedName(unsigned char first) {
  for (std::string_view s : kSkipped) {
    if (static_cast<unsigned char>(s[0]) == first) return true;
  }
  return false;
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

// True when `hay` holds lower-case ASCII `word`, ASCII case ignored (as
// AsciiLower(hay).find(word) != npos, without the copy).
bool ContainsLower(std::string_view hay, std::string_view word) {
  if (word.size() > hay.size()) return false;
  for (size_t i = 0; i + word.size() <= hay.size(); ++i) {
    size_t j = 0;
    while (j < word.size()) {
      char c = hay[i + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != word[j]) break;
      ++j;
    }
    if (j == word.size()) return true;
  }
  return false;
}

// True for an element that holds a headline's kicker ("Klimaschutz" above
// "Bohren, bis es heiß wird").
bool IsKickerOrHidden(const xmlNode* n) {
  std::string scratch;
  std::string_view c = AttrText(n, "class", &scratch);
  if (c.empty()) return false;
  for (std::string_view w : {"kicker", "overline", "dachzeile", "topline",
                             "roofline", "supertitle", "eyebrow"}) {
    if (ContainsLower(c, w)) return true;
  }
  return false;
}

}  // namespace

// True for an element only screen readers get ("screen-reader-text").
bool IsScreenReaderOnly(const xmlNode* n) {
  std::string scratch;
  std::string_view c = AttrText(n, "class", &scratch);
  return ContainsLower(c, "screen-reader") || ContainsLower(c, "sr-only") ||
         ContainsLower(c, "visually-hidden") ||
         ContainsLower(c, "visuallyhidden");
}

// The visible text of `node`, whitespace-collapsed: script and style
// skipped, a space at every element boundary ("<span>Author</span>Jane"
// gives "Author Jane"). With `headline`, only block elements get spaces
// ("<span>Abrechnung</span>: Musik" stays "Abrechnung: Musik") and kicker
// parts are skipped. Returns "" when the text is longer than `cap`.
namespace {

// What a VisibleText walk that ran to the end measured: a smaller cap gives
// the same text when these stay within its limits.
struct WalkStats {
  size_t nodes = 0;  // nodes taken from the stack (the budget spent)
  size_t raw = 0;    // raw text bytes at the last text node
};

std::string VisibleTextWalk(const xmlNode* node, size_t cap, bool headline,
                            WalkStats* stats) {
  // Scratch reused across calls on this thread: no allocation per call.
  thread_local std::vector<const xmlNode*> stack;
  thread_local std::string out;
  stack.clear();
  out.clear();
  stack.push_back(node);
  // A node budget keeps deep or bushy subtrees cheap: a byline or a
  // headline has few nodes.
  size_t budget = cap + 64;
  // Printable ASCII bytes read so far: CollapseWhitespace keeps every one,
  // so past `cap` of them the result is "" whatever follows.
  size_t kept = 0;
  while (!stack.empty()) {
    const xmlNode* n = stack.back();
    stack.pop_back();
    if (n == nullptr) {
      out += ' ';  // a block element ended
      continue;
    }
    if (budget-- == 0) return {};
    ++stats->nodes;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) {
        const char* t = reinterpret_cast<const char*>(n->content);
        size_t len = std::strlen(t);
        for (size_t i = 0; i < len; ++i) {
          unsigned char c = static_cast<unsigned char>(t[i]);
          kept += c > ' ' && c < 0x80;
        }
        if (kept > cap) return {};
        out.append(t, len);
      }
      if (out.size() > 4 * cap + 64) return {};
      stats->raw = out.size();
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

}  // namespace

std::string VisibleText(const xmlNode* node, size_t cap, bool headline) {
  WalkStats stats;
  return VisibleTextWalk(node, cap, headline, &stats);
}

std::string VisibleTextAndShorter(const xmlNode* node, size_t cap,
                                  size_t small_cap, std::string* small) {
  WalkStats stats;
  std::string text = VisibleTextWalk(node, cap, false, &stats);
  // VisibleText(node, small_cap) fails on the same walk exactly when one
  // of its tighter limits is passed; its printable-byte limit is passed
  // only when the text is longer than small_cap.
  bool fits = !text.empty() && text.size() <= small_cap &&
              stats.nodes <= small_cap + 64 && stats.raw <= 4 * small_cap + 64;
  if (fits) {
    *small = text;
  } else {
    small->clear();
  }
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

std::string SignatureText(const xmlNode* node, size_t cap) {
  // Down a chain of only children to the text; one of them emphasizes
  // (tested first: most paragraphs hold text of their own).
  bool emphasized = false;
  const xmlNode* n = node;
  while (true) {
    const xmlNode* only = nullptr;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type == XML_ELEMENT_NODE) {
        if (only != nullptr) return {};
        only = c;
      } else if (c->type == XML_TEXT_NODE && c->content != nullptr &&
                 !base::Trim(reinterpret_cast<const char*>(c->content))
                      .empty()) {
        if (n == node || only != nullptr) return {};
        // The text of the innermost element.
        only = nullptr;
        break;
      }
    }
    if (only == nullptr) break;
    std::string_view name = NodeName(only);
    emphasized = emphasized || name == "b" || name == "strong" ||
                 name == "em" || name == "i";
    n = only;
  }
  if (!emphasized) return {};
  // Prose before it: one of the few elements before it is a long
  // paragraph (a book's details may stand between: "Verlag, 816 Seiten").
  constexpr size_t kProse = 120;
  constexpr int kBefore = 3;
  bool prose = false;
  int seen = 0;
  for (const xmlNode* prev = node->prev; prev != nullptr && seen < kBefore;
       prev = prev->prev) {
    if (prev->type != XML_ELEMENT_NODE) continue;
    ++seen;
    if (NodeName(prev) == "p" && OpeningText(prev, kProse).size() >= kProse) {
      prose = true;
      break;
    }
  }
  if (!prose) return {};
  // Nothing of substance after it: a crosshead heads more text.
  constexpr size_t kSubstance = 40;
  for (const xmlNode* next = node->next; next != nullptr; next = next->next) {
    if (next->type == XML_TEXT_NODE && next->content != nullptr &&
        base::Trim(reinterpret_cast<const char*>(next->content)).size() >=
            kSubstance) {
      return {};
    }
    if (next->type == XML_ELEMENT_NODE &&
        OpeningText(next, kSubstance).size() >= kSubstance) {
      return {};
    }
  }
  return VisibleText(node, cap);
}

// True when an inline style hides `node` or one of its few nearest
// ancestors ("display:none", "visibility:hidden", any spacing and case).
bool IsHiddenByStyle(const xmlNode* node) {
  constexpr int kMaxUp = 3;
  int up = 0;
  for (const xmlNode* n = node; n != nullptr && up <= kMaxUp;
       n = n->parent, ++up) {
    if (n->type != XML_ELEMENT_NODE) continue;
    std::string scratch;
    std::string_view style = AttrText(n, "style", &scratch);
    if (style.empty()) continue;
    std::string compact;
    for (char c : style) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
      compact += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (compact.find("display:none") != std::string::npos ||
        compact.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  return false;
}

// True when `node` sits in a link that wraps more than `node`'s own text:
// a teaser for another page ("<a href=...><h3>Headline</h3><span
// class=author>Jane Roe</span></a>"), whose byline and date are that
// page's. A link that holds only the name (an author's profile link) is
// not one. Reads the link's text up to a small cap.
bool InTeaserLink(const xmlNode* node, const std::string* own_text,
                  TeaserLinkMemo* memo) {
  constexpr int kMaxUp = 8;         // ancestors searched for the link
  constexpr size_t kCap = 600;      // link text read, in bytes
  constexpr size_t kMoreText = 24;  // bytes a teaser adds to the byline
  const xmlNode* link = nullptr;
  int up = 0;
  for (const xmlNode* n = node; n != nullptr && up <= kMaxUp;
       n = n->parent, ++up) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const xmlChar* name = n->name;
    if (name != nullptr && name[0] == 'a' && name[1] == 0 &&
        xmlHasProp(n, BAD_CAST "href") != nullptr) {
      link = n;
      break;
    }
  }
  if (link == nullptr) return false;
  // A non-empty VisibleText(node, c) with c <= kCap is VisibleText(node,
  // kCap) too: the walk is the same and passed the tighter limits.
  const bool known = own_text != nullptr && !own_text->empty();
  if (link == node) {
    // The link's text is the node's own: a teaser only when too long.
    return known ? false : VisibleText(node, kCap).empty();
  }
  size_t all;  // the size of VisibleText(link, kCap)
  if (memo != nullptr && memo->link == link) {
    all = memo->text_size;
  } else {
    all = VisibleText(link, kCap).size();
    if (memo != nullptr) *memo = {link, all};
  }
  if (all == 0) return true;  // longer than the cap
  if (all < kMoreText) return false;
  size_t own = known ? own_text->size() : VisibleText(node, kCap).size();
  return all >= own + kMoreText;
}

// True when `node` reads like navigation: little text, or text mostly in
// links. A class named "sidebar" or "navigation-container" on a wrapper
// around the whole article (it happens) fails this test, and so does a
// column that holds an <h1>: the page's headline sits in the article's
// own column (its header, byline and date beside the text), never in a
// list of links to other pages.
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
    if (NodeName(it.n) == "h1" && !it.in_link) return false;
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

// True when `text` opens with a word that introduces an author. The
// plural and feminine "Autoren"/"Autorin" introduce names even without a
// colon ("Autoren Jane Roe und John Doe").
namespace {
constexpr std::string_view kBylineOpeners[] = {"von ",
                                               "by ",
                                               "autor:",
                                               "autorin:",
                                               "autoren:",
                                               "autoren ",
                                               "autor/in",
                                               "autor*in",
                                               "autorin ",
                                               "author:",
                                               "text:",
                                               "text von ",
                                               "ein artikel von ",
                                               "ein beitrag von ",
                                               "ein interview von ",
                                               "ein kommentar von ",
                                               "eine analyse von ",
                                               "erstellt von ",
                                               "geschrieben von ",
                                               "written by ",
                                               "posted by ",
                                               "par ",
                                               "por ",
                                               "door ",
                                               "verfasst von ",
                                               "eingestellt von "};
constexpr std::string_view kDatelineOpeners[] = {
    "veröffentlicht am",    "veröffentlicht:", "veröffentlichung:",
    "pressemitteilung vom", "publiziert am",   "erschienen am",
    "erstellt am",          "datum:",          "published on",
    "published:",           "posted on",       "publié le",
    "publicado el",         "pubblicato il",   "stand:"};

// True unless `c` is printable ASCII and no opener starts with it (any
// case).
template <size_t N>
bool MayOpen(const std::string_view (&openers)[N], unsigned char c) {
  if (c < 0x21 || c > 0x7E) return true;
  if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
  for (std::string_view o : openers) {
    if (!o.empty() && static_cast<unsigned char>(o[0]) == c) return true;
  }
  return false;
}
}  // namespace

bool MayOpenBylineWord(unsigned char c) { return MayOpen(kBylineOpeners, c); }
bool MayOpenDatelineWord(unsigned char c) {
  return MayOpen(kDatelineOpeners, c);
}

bool StartsWithBylineWord(std::string_view text) {
  std::string lower = base::AsciiLower(text.substr(0, 20));
  for (std::string_view o : kBylineOpeners) {
    if (lower.compare(0, o.size(), o) == 0) return true;
  }
  return false;
}

namespace {
// Labels that stand before an author's name in their own element.
constexpr std::string_view kAuthorLabels[] = {
    "autor",  "autorin", "autoren", "author", "authors", "auteur", "auteurs",
    "autore", "autora",  "by",      "von",    "text",    "texte",  "verfasser"};
}  // namespace

bool IsAuthorLabel(std::string_view text, bool term) {
  std::string lower = base::Lower(base::Trim(text));
  bool colon = !lower.empty() && lower.back() == ':';
  if (colon) lower.pop_back();
  if (!colon && !term) return false;
  std::string_view word = base::Trim(lower);
  for (std::string_view label : kAuthorLabels) {
    if (word == label) return true;
  }
  return false;
}

std::string TextAfterLabel(const xmlNode* node, size_t cap) {
  if (NodeName(node) == "dt") {
    for (const xmlNode* n = node->next; n != nullptr; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      return NodeName(n) == "dd" ? VisibleText(n, cap) : std::string();
    }
    return {};
  }
  // A label is a small element: one holding a form or a block of its own
  // ("<div>Von: <input></div>") labels something else.
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string_view name = NodeName(c);
    if (name != "b" && name != "strong" && name != "span" && name != "em" &&
        name != "i" && name != "small" && name != "font") {
      return {};
    }
  }
  std::string out;
  for (const xmlNode* n = node->next; n != nullptr; n = n->next) {
    bool has_text = base::Trim(out).size() > 0;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) out += reinterpret_cast<const char*>(n->content);
    } else if (n->type == XML_ELEMENT_NODE) {
      std::string_view name = NodeName(n);
      if (name == "br") {
        if (has_text) break;
        continue;
      }
      // A form field's label ("Von:" before a search box) is no byline.
      if (name == "input" || name == "select" || name == "textarea" ||
          name == "button") {
        return {};
      }
      if (IsSkipped(name)) continue;
      std::string text = VisibleText(n, cap);
      if (text.empty() && n->children != nullptr) break;  // a long element
      if (!text.empty() && text.back() == ':') break;     // the next label
      out += ' ';
      out += text;
    }
    if (out.size() > 4 * cap) return {};
  }
  std::string text = base::CollapseWhitespace(out);
  return text.size() > cap ? std::string() : text;
}

// True when `text` opens with words that introduce a publication date.
bool StartsWithDatelineWord(std::string_view text) {
  std::string lower = base::Lower(text.substr(0, 24));
  for (std::string_view o : kDatelineOpeners) {
    if (lower.compare(0, o.size(), o) == 0) return true;
  }
  return false;
}

namespace {
// Labels of the date of a page's last change, lower-case.
constexpr std::string_view kModifiedOpeners[] = {"letzte änderung",
                                                 "zuletzt geändert",
                                                 "zuletzt aktualisiert",
                                                 "aktualisiert",
                                                 "geändert am",
                                                 "last modified",
                                                 "last updated",
                                                 "last edited",
                                                 "updated",
                                                 "modified",
                                                 "page revision",
                                                 "this page was last",
                                                 "diese seite wurde zuletzt",
                                                 "mis à jour",
                                                 "modifié le",
                                                 "actualizado",
                                                 "aggiornato"};
}  // namespace

// True when `text` opens with words that introduce the date of the last
// change: "Letzte Änderung 14.02.2019", "Last updated: May 3, 2021".
bool StartsWithModifiedWord(std::string_view text) {
  std::string lower = base::Lower(text.substr(0, 32));
  for (std::string_view o : kModifiedOpeners) {
    if (lower.compare(0, o.size(), o) == 0) return true;
  }
  return false;
}

}  // namespace newstrace::extract
