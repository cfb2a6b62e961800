// How metadata reads the DOM: visible text, and the rules that tell from
// an element's name, class, id and wording what it holds (a byline, a
// date, a headline, navigation, reader comments). Pure functions over a
// read-only libxml2 tree; thread-safe.
#ifndef NEWSTRACE_EXTRACT_META_RULES_H_
#define NEWSTRACE_EXTRACT_META_RULES_H_

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/html_document.h"

namespace newstrace::extract {

// Elements whose content is never metadata (script, style, svg, form
// controls). <noscript> is walked: broken pages leave it open and libxml2
// then nests the whole page in it.
bool IsSkipped(std::string_view name);
// False when no name IsSkipped accepts starts with byte `first`.
bool MayBeSkippedName(unsigned char first);

// True for an element only screen readers get ("screen-reader-text",
// "sr-only", "visually-hidden").
bool IsScreenReaderOnly(const xmlNode* n);

// The visible text of `node`, whitespace-collapsed: script and style
// skipped, a space at every element boundary ("<span>Author</span>Jane"
// gives "Author Jane"). With `headline`, only block elements get spaces
// ("<span>Abrechnung</span>: Musik" stays "Abrechnung: Musik") and kicker
// parts ("Klimaschutz" above "Bohren, bis es heiß wird") are skipped.
// Returns "" when the text is longer than `cap` bytes or the subtree has
// more than about `cap` nodes; stops reading there, so a huge or deep
// subtree costs little.
std::string VisibleText(const xmlNode* node, size_t cap, bool headline = false);

// VisibleText(node, cap) returned, and VisibleText(node, small_cap) set in
// *small, from one walk. REQUIRES: small_cap <= cap, small != nullptr.
std::string VisibleTextAndShorter(const xmlNode* node, size_t cap,
                                  size_t small_cap, std::string* small);

// The first `want` or so bytes of `node`'s visible text, whitespace
// collapsed, a space at every element boundary; reads a bounded number of
// nodes however large the subtree.
std::string OpeningText(const xmlNode* node, size_t want);

// The date that opens `node`'s text and is set off from what follows by a
// dash, a bar or an opening quote, as a dateline opens a story's first
// paragraph ("29.11.2022 – Die Regierung ..."): the date as written, at
// most a few words, or "" when the text does not open so. Reads only the
// first bytes of the text.
std::string OpeningDateline(const xmlNode* node);

// The text of `node` (a <p>) when it reads as the signature that closes an
// article: it holds nothing but one emphasized element (<b>, <strong>,
// <em>, <i>, maybe nested in others) with at most `cap` bytes of text,
// and the element before it is a paragraph of prose ("<p>... long text
// ...</p><p><b>Jane Roe</b></p>"). "" otherwise. Whether the text is a
// name is the caller's to judge.
std::string SignatureText(const xmlNode* node, size_t cap);

// True when `node` (an <h1>) is a logo: its text sits in a link to the
// site's home page (an archived link is judged by the URL it archives).
bool IsHomeLink(const xmlNode* node);

// True when an inline style hides `node` or one of its nearest ancestors
// (display:none, visibility:hidden): markup for machines, not a byline
// readers see.
bool IsHiddenByStyle(const xmlNode* node);

// True when `node` sits in a link that wraps a teaser for another page:
// the link's text holds more than `node`'s own (a headline, a summary).
// An author's profile link around the name alone is not one. `own_text`,
// when given and not empty, is VisibleText(node, cap) for some cap <= 600,
// which spares reading it again; `memo`, when given, keeps the last link's
// text size for the next call on the same (unchanged) document.
struct TeaserLinkMemo {
  const xmlNode* link = nullptr;  // the link last read, or nullptr
  size_t text_size = 0;  // the size of its text as InTeaserLink read it
};
bool InTeaserLink(const xmlNode* node, const std::string* own_text = nullptr,
                  TeaserLinkMemo* memo = nullptr);

// True when `node` reads like navigation: under 3000 bytes of text, or
// text mostly inside links (at most 80000 nodes are read; a bigger region
// is not navigation). A wrapper around the whole article that a
// class calls "sidebar" or "navigation-container" fails this test.
bool LooksLikeLinks(const xmlNode* node);

// Elements whose whole text may be a byline or dateline found by its
// wording (p, span, div, em, strong, ...).
bool IsBylineCarrier(std::string_view name);

// True when `text` opens with a word that introduces an author: "Von ",
// "By ", "Autor:", "Posted by ", ...
bool StartsWithBylineWord(std::string_view text);

// True when `text` is only a label that introduces the author's name
// printed after it, in the next element or text: "Autor:", "Von:",
// "Author :", "Text:". With `term` (the text of a <dt> or <th>), the colon
// may be missing: "<dt>Auteur</dt><dd>Jane Roe</dd>".
bool IsAuthorLabel(std::string_view text, bool term);

// The text that follows the label element `node`: for a <dt>, the text of
// the <dd> after it; otherwise the text of the siblings after it, up to a
// line break (<br>) that follows some text, the next label (an element
// whose text ends in ':') or the parent's end ("<b>Autor:</b> Jane
// Roe<br>Tags: ..." gives "Jane Roe"). Returns "" when there is none or it
// is longer than `cap` bytes.
std::string TextAfterLabel(const xmlNode* node, size_t cap);

// True when `text` opens with words that introduce a publication date:
// "Veröffentlicht am", "Published on", "Publié le", "Stand:", ...
bool StartsWithDatelineWord(std::string_view text);

// True when `text` opens with words that introduce the date of the last
// change rather than of publication: "Letzte Änderung:", "Zuletzt
// geändert am", "Last updated", "Mis à jour le", ...
bool StartsWithModifiedWord(std::string_view text);

// False when a text whose first byte is the printable ASCII `c` surely
// fails StartsWithBylineWord / StartsWithDatelineWord (derived from their
// word lists, for cheap pre-checks); true for any other byte.
bool MayOpenBylineWord(unsigned char c);
bool MayOpenDatelineWord(unsigned char c);

// Lower-case tokens of the class and id attributes, split at spaces, '-'
// and '_' ("post-meta entry__date" -> post, meta, entry, date); state
// classes ("has-sidebar", "no-comments") are left out. *joined gets the
// lower-cased "class id" string.
std::vector<std::string> ClassTokens(const xmlNode* node, std::string* joined);

// ClassTokens of an already joined "class id" string.
std::vector<std::string> JoinedTokens(std::string_view joined);

// What an element's lower-cased "class id" string says, rule by rule.
struct ClassFacts {
  bool comments = false;        // IsCommentsClass
  bool boilerplate = false;     // IsBoilerplateClass outside an article
  bool boilerplate_in = false;  // IsBoilerplateClass inside an article
  bool headline = false;        // IsHeadlineClass
  bool author = false;          // some token, and IsAuthorClass
  bool date = false;            // some token, and IsDateClass
};

// Applies every class rule above to `joined` (as set by ClassTokens).
ClassFacts ReadClassFacts(const std::string& joined);

// Reader comments ("comments", "comment-list", "disqus_thread"); an opinion
// piece ("commentary") is not. `joined` as set by ClassTokens.
bool IsCommentsClass(const std::string& joined);

// A class or id name that begins with a navigation word ("sidebar-right",
// "nav", "related-posts", "breadcrumb"); "footer" only outside an article,
// where it is the page's footer rather than the article's.
bool IsBoilerplateClass(const std::string& joined, bool in_article);

// A class or id that names an author or byline ("byline", "post-author",
// "autor", "contributor"), not an author's picture or biography.
bool IsAuthorClass(const std::vector<std::string>& tokens);

// A class or id that names a date ("date", "post-date", "datum", "time",
// "published", "entry-meta"); "update" and "updated" do not.
bool IsDateClass(const std::vector<std::string>& tokens);

// A class that marks a headline ("entry-title", "post-title", "headline").
bool IsHeadlineClass(const std::vector<std::string>& joined_tokens,
                     const std::string& joined);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_META_RULES_H_
