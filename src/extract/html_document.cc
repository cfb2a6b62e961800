#include "extract/html_document.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlversion.h>

#include <array>
#include <bit>
#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include "extract/html_strip.h"
#include "extract/html_tree_builder.h"

namespace newstrace::extract {

namespace {

// The attributes HtmlDocument keeps (see IsKeptAttribute).
constexpr std::string_view kKeptAttributes[] = {
    "id",       "rel",      "lang",     "href",       "name",
    "role",     "type",     "class",    "style",      "title",
    "value",    "hidden",   "content",  "pubdate",    "itemprop",
    "datetime", "property", "xml:lang", "http-equiv", "aria-hidden"};

// A name's bucket in kKeptIndex: from its length and first byte.
// REQUIRES: !name.empty().
constexpr size_t KeptSlot(std::string_view name) {
  return (name.size() * 7 + static_cast<unsigned char>(name[0])) & 63;
}

// For each bucket, the bit set of the kKeptAttributes entries in it:
// IsKeptAttribute compares a name with one or two entries, not twenty.
constexpr auto kKeptIndex = [] {
  static_assert(std::size(kKeptAttributes) <= 32);
  std::array<uint32_t, 64> index{};
  for (size_t i = 0; i < std::size(kKeptAttributes); ++i) {
    index[KeptSlot(kKeptAttributes[i])] |= uint32_t{1} << i;
  }
  return index;
}();

// libxml2 calls this for every parse error, which includes every end tag it
// had to search its open-element stack for. Charging the stack depth per
// error bounds the parser's quadratic recovery paths. The message is not
// formatted or printed.
// `user` is the parser context (libxml2 passes ctxt->userData, which the
// DOM builder needs to be the context itself); the budget is the
// HtmlParseState that hangs off ctxt->_private, which libxml2 leaves alone.
void OnParseError(void* user, xmlErrorPtr /*error*/) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(user);
  auto* budget = static_cast<HtmlParseState*>(ctxt->_private);
  if (budget == nullptr) return;
  if (budget->stopped) return;
  budget->work += static_cast<size_t>(ctxt->nameNr) + 1;
  if (budget->work > budget->limit) {
    budget->stopped = true;
    xmlStopParser(ctxt);
  }
}

// Called by htmlParseDocument before it reads anything past leading
// whitespace. The input is already UTF-8 (DecodeToUtf8), so the parser is
// told so directly instead of through an encoding handler: a "UTF-8"
// handler would copy the whole page through a UTF-8-to-UTF-8 converter.
// With no handler, a <meta charset> could make libxml2 switch encodings
// mid-page; HTML_PARSE_IGNORE_ENC rules that out. XML_SKIP_IDS spares the
// per-attribute ID/IDREF bookkeeping (a hash of every id="" value) that
// nothing here reads.
void OnDocumentLocator(void* user, xmlSAXLocatorPtr /*locator*/) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(user);
  ctxt->charset = XML_CHAR_ENCODING_UTF8;
  ctxt->loadsubset |= XML_SKIP_IDS;
}

// Builds the element as libxml2's own tree builder does, but with only the
// attributes some reader asks for (IsKeptAttribute): a news page's
// srcset, data-*, on*, width, aria-* ... attributes are each three
// allocations (attribute, text node, value) that nothing reads, and
// building and freeing them is a good share of the parse. (The arena
// builder filters the same way: ArenaTreeBuilder's `keep`.)
void OnStartElement(void* user, const xmlChar* name, const xmlChar** atts) {
  if (atts != nullptr) {
    thread_local std::vector<const xmlChar*> kept;
    kept.clear();
    for (const xmlChar** a = atts; *a != nullptr; a += 2) {
      if (IsKeptAttribute(reinterpret_cast<const char*>(a[0]))) {
        kept.push_back(a[0]);
        kept.push_back(a[1]);
      }
    }
    kept.push_back(nullptr);
    xmlSAX2StartElement(user, name, kept.size() > 1 ? kept.data() : nullptr);
    return;
  }
  xmlSAX2StartElement(user, name, nullptr);
}

// Documents one parser context parses before it is replaced: its
// dictionary (element and attribute names, short texts) is shared by every
// tree it builds and would otherwise grow with each page's odd names.
constexpr int kParsesPerContext = 256;

struct ContextDeleter {
  void operator()(htmlParserCtxtPtr ctxt) const { htmlFreeParserCtxt(ctxt); }
};

// A parser context per thread, reused across documents: creating one
// (handler tables, stacks, a dictionary) is a fixed cost per page, and a
// warm dictionary interns the usual names without growing.
struct ParserCache {
  std::unique_ptr<htmlParserCtxt, ContextDeleter> ctxt;
  int parses = 0;
};

// Points the tree-building callbacks of `sax` at libxml2's own builder
// (SAX2.c), as htmlNewParserCtxt sets them, or at the arena builder.
void UseTreeBuilder(xmlSAXHandler* sax, bool arena, bool all_attributes) {
  if (arena) {
    ArenaTreeBuilder::Install(sax);
    return;
  }
  sax->startDocument = xmlSAX2StartDocument;
  sax->endDocument = xmlSAX2EndDocument;
  sax->internalSubset = xmlSAX2InternalSubset;
  sax->startElement = all_attributes ? xmlSAX2StartElement : OnStartElement;
  sax->endElement = xmlSAX2EndElement;
  sax->characters = xmlSAX2Characters;
  sax->cdataBlock = xmlSAX2CDataBlock;
  sax->comment = xmlSAX2Comment;
  sax->processingInstruction = xmlSAX2ProcessingInstruction;
}

htmlParserCtxtPtr AcquireContext(bool arena, bool all_attributes) {
  thread_local ParserCache cache;
  if (cache.ctxt == nullptr || cache.parses >= kParsesPerContext) {
    cache.ctxt.reset(htmlNewParserCtxt());
    cache.parses = 0;
    if (cache.ctxt == nullptr) return nullptr;
    htmlParserCtxtPtr ctxt = cache.ctxt.get();
    // Every error reaches the structured handler (NOERROR only unhooks the
    // printing ones), which libxml2 consults only on a handler marked SAX2.
    ctxt->sax->serror = OnParseError;
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    ctxt->sax->setDocumentLocator = OnDocumentLocator;
  }
  UseTreeBuilder(cache.ctxt->sax, arena, all_attributes);
  ++cache.parses;
  return cache.ctxt.get();
}

// Largest stripped-page buffer kept for the next page, in bytes.
constexpr size_t kMaxKeptBuffer = size_t{8} << 20;

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
              HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE |
              HTML_PARSE_IGNORE_ENC;
  // The stripped page goes to a per-thread buffer that keeps its capacity:
  // one big allocation less per page.
  thread_local std::string stripped;
  bool use_stripped = false;
#if LIBXML_VERSION < 21400  // html_strip.h models the 2.9 tokenizer
  // Attributes the tree drops (OnStartElement) need no parsing: the pass
  // removes the quoted ones.
  use_stripped =
      options.strip_raw_text &&
      StripRawText(html, &stripped,
                   options.all_attributes ? nullptr : IsKeptAttribute,
                   /*drop_attributes=*/true);
#endif
  const char* url = options.url.empty() ? nullptr : options.url.c_str();
  // html_tree_builder.h mirrors the 2.9 tree builder; a libxml2 2.14 or
  // later builds its own tree.
  bool use_arena = options.arena_tree && LIBXML_VERSION < 21400;
  htmlParserCtxtPtr ctxt = AcquireContext(use_arena, options.all_attributes);
  if (ctxt == nullptr) return Status::Internal("out of memory");
  std::optional<ArenaTreeBuilder> builder;
  if (use_arena) {
    builder.emplace(options.all_attributes ? nullptr : IsKeptAttribute);
  }
  HtmlParseState state;
  state.limit = options.max_recovery_work;
  state.builder = builder ? &*builder : nullptr;
  ctxt->_private = &state;
  // No encoding: see OnDocumentLocator.
  std::string_view text = use_stripped ? std::string_view(stripped) : html;
  htmlDocPtr doc = htmlCtxtReadMemory(
      ctxt, text.data(), static_cast<int>(text.size()), url, nullptr, flags);
  if (stripped.capacity() > kMaxKeptBuffer) std::string().swap(stripped);
  ctxt->_private = nullptr;
  std::unique_ptr<TreeArena> arena;
  if (builder) arena = builder->Finish(doc);
  if (doc == nullptr) {
    return Status::Corruption("HTML parser produced no document");
  }
  return std::unique_ptr<HtmlDocument>(
      new HtmlDocument(doc, state.stopped, std::move(arena)));
}

HtmlDocument::HtmlDocument(xmlDocPtr doc, bool truncated,
                           std::unique_ptr<TreeArena> arena)
    : doc_(doc), truncated_(truncated), arena_(std::move(arena)) {}

HtmlDocument::~HtmlDocument() {
  if (arena_ == nullptr) xmlFreeDoc(doc_);
}

bool IsKeptAttribute(std::string_view name) {
  if (name.empty()) return false;
  for (uint32_t m = kKeptIndex[KeptSlot(name)]; m != 0; m &= m - 1) {
    if (kKeptAttributes[std::countr_zero(m)] == name) return true;
  }
  return false;
}

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
