#include "extract/html_document.h"

#include <libxml/parser.h>
#include <libxml/xmlversion.h>

#include <climits>
#include <cstring>

#include "extract/html_strip.h"

namespace newstrace::extract {

namespace {

// Error recovery accounting (see HtmlParseOptions::max_recovery_work).
struct RecoveryBudget {
  size_t work = 0;
  size_t limit = 0;
  bool stopped = false;
};

// libxml2 calls this for every parse error, which includes every end tag it
// had to search its open-element stack for. Charging the stack depth per
// error bounds the parser's quadratic recovery paths. The message is not
// formatted or printed.
// `user` is the parser context (libxml2 passes ctxt->userData, which the
// DOM builder needs to be the context itself); the budget hangs off
// ctxt->_private, which libxml2 leaves alone.
void OnParseError(void* user, xmlErrorPtr /*error*/) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(user);
  auto* budget = static_cast<RecoveryBudget*>(ctxt->_private);
  if (budget == nullptr) return;
  if (budget->stopped) return;
  budget->work += static_cast<size_t>(ctxt->nameNr) + 1;
  if (budget->work > budget->limit) {
    budget->stopped = true;
    xmlStopParser(ctxt);
  }
}

}  // namespace

Result<std::unique_ptr<HtmlDocument>> HtmlDocument::Parse(
    std::string_view html, const HtmlParseOptions& options) {
  if (html.size() > static_cast<size_t>(INT_MAX)) {
    return Status::ResourceExhausted("HTML larger than 2 GiB");
  }
  // XML_PARSE_HUGE lifts libxml2's nesting limit (256), past which it
  // silently stops parsing and loses the rest of the page; our own walk caps
  // the depth instead (MainContentOptions::max_depth), with a diagnostic.
  // The recovery budget keeps the deep stack from costing quadratic time.
  int flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
              HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
  std::string stripped;
#if LIBXML_VERSION < 21400  // html_strip.h models the 2.9 tokenizer
  if (options.strip_raw_text && StripRawText(html, &stripped)) {
    html = stripped;
  }
#endif
  const char* url = options.url.empty() ? nullptr : options.url.c_str();
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (ctxt == nullptr) return Status::Internal("out of memory");
  RecoveryBudget budget;
  budget.limit = options.max_recovery_work;
  // Every error reaches the structured handler (NOERROR only unhooks the
  // printing ones), which libxml2 consults only on a handler marked SAX2.
  ctxt->sax->serror = OnParseError;
  ctxt->sax->initialized = XML_SAX2_MAGIC;
  ctxt->_private = &budget;
  htmlDocPtr doc = htmlCtxtReadMemory(
      ctxt, html.data(), static_cast<int>(html.size()), url, "UTF-8", flags);
  htmlFreeParserCtxt(ctxt);
  if (doc == nullptr) {
    return Status::Corruption("HTML parser produced no document");
  }
  return std::unique_ptr<HtmlDocument>(new HtmlDocument(doc, budget.stopped));
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

std::string_view AttrText(const xmlNode* node, const char* name,
                          std::string* scratch) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return {};
  // xmlGetProp's match: no namespace, exact name.
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->ns != nullptr || a->name == nullptr ||
        std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) {
      continue;
    }
    const xmlNode* v = a->children;
    if (v != nullptr && v->next == nullptr &&
        (v->type == XML_TEXT_NODE || v->type == XML_CDATA_SECTION_NODE)) {
      if (v->content == nullptr) return {};
      return reinterpret_cast<const char*>(v->content);
    }
    *scratch = NodeAttr(node, name);
    return *scratch;
  }
  return {};
}

std::string_view AttrView(const xmlNode* node, std::string_view name) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return {};
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || a->ns != nullptr) continue;
    std::string_view n(reinterpret_cast<const char*>(a->name));
    if (n.size() != name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < n.size() && same; ++i) {
      char c = n[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      same = c == name[i];
    }
    if (!same) continue;
    const xmlNode* v = a->children;
    if (v == nullptr || v->content == nullptr) return std::string_view("", 0);
    return reinterpret_cast<const char*>(v->content);
  }
  return {};
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
