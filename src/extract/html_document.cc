#include "extract/html_document.h"

#include <libxml/parser.h>

#include <climits>

namespace newstrace::extract {

Result<std::unique_ptr<HtmlDocument>> HtmlDocument::Parse(
    std::string_view html, const HtmlParseOptions& options) {
  if (html.size() > static_cast<size_t>(INT_MAX)) {
    return Status::ResourceExhausted("HTML larger than 2 GiB");
  }
  // XML_PARSE_HUGE lifts libxml2's nesting limit (256), past which it
  // silently stops parsing and loses the rest of the page; our own walk caps
  // the depth instead (MainContentOptions::max_depth), with a diagnostic.
  int flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
              HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
  const char* url = options.url.empty() ? nullptr : options.url.c_str();
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()),
                                  url, "UTF-8", flags);
  if (doc == nullptr) {
    return Status::Corruption("HTML parser produced no document");
  }
  return std::unique_ptr<HtmlDocument>(new HtmlDocument(doc));
}

HtmlDocument::~HtmlDocument() { xmlFreeDoc(doc_); }

std::string_view NodeName(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || !node->name) {
    return {};
  }
  // libxml2's HTML parser lower-cases element names.
  return reinterpret_cast<const char*>(node->name);
}

std::string NodeAttr(const xmlNode* node, const char* name) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return {};
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

std::string NodeText(const xmlNode* node) {
  std::string out;
  if (node == nullptr) return out;
  const xmlNode* cur = node->children;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    if (node->content) out += reinterpret_cast<const char*>(node->content);
    return out;
  }
  while (cur != nullptr) {
    if ((cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) &&
        cur->content) {
      out += reinterpret_cast<const char*>(cur->content);
    }
    if (cur->type == XML_ELEMENT_NODE && cur->children) {
      cur = cur->children;
      continue;
    }
    while (cur != nullptr && cur->next == nullptr) {
      cur = cur->parent;
      if (cur == node) return out;
    }
    if (cur != nullptr) cur = cur->next;
  }
  return out;
}

}  // namespace newstrace::extract
