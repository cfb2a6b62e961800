// An HTML document parsed by libxml2's HTML parser (the parser lxml uses).
//
// Non-copyable; owns the libxml2 tree and frees it on destruction. The tree
// is read-only after Parse, so one HtmlDocument may be read from several
// threads at once.
#ifndef NEWSTRACE_EXTRACT_HTML_DOCUMENT_H_
#define NEWSTRACE_EXTRACT_HTML_DOCUMENT_H_

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

#include "newstrace/result.h"

namespace newstrace::extract {

struct HtmlParseOptions {
  // Base URL for the document, used only for diagnostics. Default: "".
  std::string url;
};

class HtmlDocument {
 public:
  // Parses UTF-8 `html` (recovering from errors, no network access).
  // Fails with kCorruption only when libxml2 produces no tree at all.
  static Result<std::unique_ptr<HtmlDocument>> Parse(
      std::string_view html, const HtmlParseOptions& options);

  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  xmlDocPtr doc() const { return doc_; }
  // The <html> element, or nullptr for an empty tree.
  xmlNodePtr root() const { return xmlDocGetRootElement(doc_); }

 private:
  explicit HtmlDocument(xmlDocPtr doc) : doc_(doc) {}
  xmlDocPtr doc_;
};

// Helpers for walking libxml2 trees.

// Lower-case element name ("div"), or "" for non-elements.
std::string_view NodeName(const xmlNode* node);
// Attribute value, or "" when absent.
std::string NodeAttr(const xmlNode* node, const char* name);
// Concatenated text of all descendant text nodes (no whitespace cleanup).
// Iterative, so any depth is safe.
std::string NodeText(const xmlNode* node);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_HTML_DOCUMENT_H_
