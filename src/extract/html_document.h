// An HTML document parsed by libxml2's HTML parser (the parser lxml uses).
//
// Non-copyable; owns the tree (libxml2 structs, in an arena by default:
// HtmlParseOptions::arena_tree) and frees it on destruction. The tree is
// read-only after Parse, so one HtmlDocument may be read from several
// threads at once. Readers must not free, unlink or add nodes: arena nodes
// are not libxml2's to free (xmlGetProp and the like, which return copies,
// are fine).
#ifndef NEWSTRACE_EXTRACT_HTML_DOCUMENT_H_
#define NEWSTRACE_EXTRACT_HTML_DOCUMENT_H_

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

#include "newstrace/result.h"

namespace newstrace::extract {

class TreeArena;

struct HtmlParseOptions {
  // Base URL for the document, used only for diagnostics. Default: "".
  std::string url;
  // Budget for libxml2's error recovery, in open elements scanned. Each
  // stray or mismatched end tag makes libxml2 scan its stack of open
  // elements, so a page of 100,000 unclosed <div>s followed by 100,000 stray
  // </span>s costs 10^10 steps. Past this budget the parser stops and the
  // rest of the page is dropped (HtmlDocument::truncated()). Real pages
  // spend well under 10^5. Default: 2*10^7 (a few tens of milliseconds).
  size_t max_recovery_work = 20'000'000;
  // Empty script and style elements (but JSON ones) and comments before
  // parsing (html_strip.h): the tree is the same but for those texts, and
  // parsing is about twice as fast. Default: true.
  bool strip_raw_text = true;
  // Keep every attribute. By default the tree keeps only the attributes
  // that IsKeptAttribute names (the ones the extractor reads): the others
  // cost a good share of the parse. Default: false.
  bool all_attributes = false;
  // Build the tree in one arena (html_tree_builder.h) rather than with
  // libxml2's own tree builder: the same tree, built and freed faster.
  // false is for tests that compare the two. Ignored (false) with libxml2
  // 2.14 or later. Default: true.
  bool arena_tree = true;
};

// True for the attributes HtmlDocument keeps by default: class, id, role,
// itemprop, rel, href, lang, xml:lang, name, property, http-equiv, content,
// value, type, title, style, hidden, aria-hidden, pubdate, datetime.
// A reader of any other attribute must add it to the list (html_document.cc)
// or parse with HtmlParseOptions::all_attributes: on a default parse,
// NodeAttr, AttrText and AttrView find no other attribute.
bool IsKeptAttribute(std::string_view name);

class HtmlDocument {
 public:
  // Parses UTF-8 `html` (recovering from errors, no network access). With
  // options.strip_raw_text, script elements other than JSON ones, style
  // elements and comments come out empty; elements carry only the
  // attributes IsKeptAttribute names unless options.all_attributes.
  // Parsing reuses a per-thread libxml2 context.
  // Fails with kCorruption only when libxml2 produces no tree at all.
  static Result<std::unique_ptr<HtmlDocument>> Parse(
      std::string_view html, const HtmlParseOptions& options);

  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  xmlDocPtr doc() const { return doc_; }
  // The <html> element, or nullptr for an empty tree.
  xmlNodePtr root() const { return xmlDocGetRootElement(doc_); }
  // True when parsing stopped early (HtmlParseOptions::max_recovery_work):
  // the tree holds only the page up to that point.
  bool truncated() const { return truncated_; }

 private:
  HtmlDocument(xmlDocPtr doc, bool truncated, std::unique_ptr<TreeArena> arena);
  xmlDocPtr doc_;
  bool truncated_;
  // Holds every node of doc_, or nullptr when libxml2 allocated the tree
  // (then xmlFreeDoc frees it).
  std::unique_ptr<TreeArena> arena_;
};

// Helpers for walking libxml2 trees.

// Lower-case element name ("div"), or "" for non-elements.
std::string_view NodeName(const xmlNode* node);
// Attribute value, or "" when absent.
std::string NodeAttr(const xmlNode* node, const char* name);
// The value of attribute `name` (lower case) of element `node` as a view
// into the tree (valid as long as the document), or "" when absent. Faster
// than NodeAttr: no allocation. Values made of several nodes (entity
// references kept apart) yield only their first text part.
std::string_view AttrView(const xmlNode* node, std::string_view name);
// The value of attribute `name` exactly as NodeAttr returns it (same
// case-sensitive match, "" when absent), without allocating in the usual
// case: a value held in one text node is viewed in the tree (valid as long
// as the document); any other value is copied into *scratch and viewed
// there (valid until *scratch changes). REQUIRES: scratch != nullptr.
std::string_view AttrText(const xmlNode* node, const char* name,
                          std::string* scratch);
// Concatenated text of all descendant text nodes (no whitespace cleanup).
// Iterative, so any depth is safe.
std::string NodeText(const xmlNode* node);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_HTML_DOCUMENT_H_
