#include "extract/html_tree_builder.h"

#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace newstrace::extract {

// -------------------------------------------------------------- callbacks

namespace {

// Appends `child` to `parent`'s children (xmlAddChild for anything but
// text, which the callers merge themselves). `parent` may be the document.
void AppendChild(xmlNodePtr parent, xmlNodePtr child) {
  child->parent = parent;
  if (parent->children == nullptr) {
    parent->children = child;
  } else {
    xmlNodePtr prev = parent->last;
    prev->next = child;
    child->prev = prev;
  }
  parent->last = child;
}

// xmlAddSibling(cur, elem) for a non-text `elem`: appends it after the
// last sibling of `cur`.
void AddSibling(xmlNodePtr cur, xmlNodePtr elem) {
  if (cur->type != XML_ELEMENT_NODE && cur->parent != nullptr &&
      cur->parent->children != nullptr && cur->parent->last != nullptr &&
      cur->parent->last->next == nullptr) {
    cur = cur->parent->last;
  } else {
    while (cur->next != nullptr) cur = cur->next;
  }
  xmlNodePtr parent = cur->parent;
  elem->prev = cur;
  elem->next = nullptr;
  elem->parent = parent;
  cur->next = elem;
  if (parent != nullptr) parent->last = elem;
}

// Links a comment or processing instruction as xmlSAX2Comment does.
void LinkMisc(htmlParserCtxtPtr ctxt, xmlNodePtr node) {
  xmlNodePtr parent = ctxt->node;
  if (parent == nullptr) {
    AppendChild(reinterpret_cast<xmlNodePtr>(ctxt->myDoc), node);
  } else if (parent->type == XML_ELEMENT_NODE) {
    AppendChild(parent, node);
  } else {
    AddSibling(parent, node);
  }
}

// The line number libxml2 stores in a node: the input line, saturated.
unsigned short LineOf(htmlParserCtxtPtr ctxt) {
  if (!ctxt->linenumbers || ctxt->input == nullptr) return 0;
  int line = ctxt->input->line;
  return line < 65535 ? static_cast<unsigned short>(line) : 65535;
}

// xmlGetIntSubset.
xmlDtdPtr IntSubset(xmlDocPtr doc) {
  for (xmlNodePtr n = doc->children; n != nullptr; n = n->next) {
    if (n->type == XML_DTD_NODE) return reinterpret_cast<xmlDtdPtr>(n);
  }
  return doc->intSubset;
}

ArenaTreeBuilder* BuilderOf(void* user) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(user);
  return static_cast<HtmlParseState*>(ctxt->_private)->builder;
}

}  // namespace

// The SAX callbacks; `user` is the parser context (ctxt->userData).
struct TreeCallbacks {
  static void StartDocument(void* user) {
    auto* ctxt = static_cast<htmlParserCtxtPtr>(user);
    ArenaTreeBuilder* b = BuilderOf(user);
    if (ctxt->myDoc == nullptr) {
      // htmlNewDocNoDtD(NULL, NULL).
      auto* doc =
          static_cast<xmlDocPtr>(b->arena_->AllocateZeroed(sizeof(xmlDoc)));
      doc->type = XML_HTML_DOCUMENT_NODE;
      doc->doc = doc;
      doc->standalone = 1;
      doc->charset = XML_CHAR_ENCODING_UTF8;
      ctxt->myDoc = doc;
    }
    ctxt->myDoc->properties = XML_DOC_HTML;
    ctxt->myDoc->parseFlags = ctxt->options;
    if (ctxt->myDoc->URL == nullptr && ctxt->input != nullptr &&
        ctxt->input->filename != nullptr) {
      xmlChar* url =
          xmlPathToURI(reinterpret_cast<const xmlChar*>(ctxt->input->filename));
      ctxt->myDoc->URL = b->arena_->CopyString(url);
      xmlFree(url);
    }
  }

  static void EndDocument(void* user) {
    auto* ctxt = static_cast<htmlParserCtxtPtr>(user);
    ArenaTreeBuilder* b = BuilderOf(user);
    xmlDocPtr doc = ctxt->myDoc;
    if (doc == nullptr) return;
    // xmlSAX2EndDocument hands ctxt->encoding over to the document; this
    // copies it and leaves the context its own.
    if (ctxt->encoding != nullptr && doc->encoding == nullptr) {
      doc->encoding = b->arena_->CopyString(ctxt->encoding);
    }
    if (ctxt->inputTab != nullptr && ctxt->inputNr > 0 &&
        ctxt->inputTab[0] != nullptr &&
        ctxt->inputTab[0]->encoding != nullptr && doc->encoding == nullptr) {
      doc->encoding = b->arena_->CopyString(ctxt->inputTab[0]->encoding);
    }
    if (ctxt->charset != XML_CHAR_ENCODING_NONE &&
        doc->charset == XML_CHAR_ENCODING_NONE) {
      doc->charset = ctxt->charset;
    }
    // What htmlParseDocument adds right after this callback, here so that
    // it comes from the arena.
    if (!(ctxt->options & HTML_PARSE_NODEFDTD) && IntSubset(doc) == nullptr) {
      doc->intSubset =
          b->NewDtd(doc, BAD_CAST "html",
                    BAD_CAST "-//W3C//DTD HTML 4.0 Transitional//EN",
                    BAD_CAST "http://www.w3.org/TR/REC-html40/loose.dtd");
    }
  }

  static void InternalSubset(void* user, const xmlChar* name,
                             const xmlChar* external_id,
                             const xmlChar* system_id) {
    auto* ctxt = static_cast<htmlParserCtxtPtr>(user);
    if (ctxt->myDoc == nullptr || IntSubset(ctxt->myDoc) != nullptr) return;
    ctxt->myDoc->intSubset =
        BuilderOf(user)->NewDtd(ctxt->myDoc, name, external_id, system_id);
  }

  static void StartElement(void* user, const xmlChar* fullname,
                           const xmlChar** atts) {
    auto* ctxt = static_cast<htmlParserCtxtPtr>(user);
    ArenaTreeBuilder* b = BuilderOf(user);
    xmlDocPtr doc = ctxt->myDoc;
    if (fullname == nullptr || doc == nullptr) return;
    xmlNodePtr parent = ctxt->node;
    const xmlChar* name;
    if (std::strchr(reinterpret_cast<const char*>(fullname), ':') == nullptr) {
      name = b->arena_->CopyString(fullname);
    } else {
      // "fb:like" is "like": xmlSplitQName, with the errors it reports.
      xmlChar* prefix = nullptr;
      xmlChar* local = xmlSplitQName(ctxt, fullname, &prefix);
      if (prefix != nullptr) xmlFree(prefix);
      if (local == nullptr) return;
      name = b->arena_->CopyString(local);
      xmlFree(local);
    }
    xmlNodePtr node = b->NewNode(XML_ELEMENT_NODE, name);
    node->doc = doc;
    if (doc->children == nullptr) {
      AppendChild(reinterpret_cast<xmlNodePtr>(doc), node);
    } else if (parent == nullptr) {
      parent = doc->children;
    }
    ctxt->nodemem = -1;
    node->line = LineOf(ctxt);
    nodePush(ctxt, node);
    if (parent != nullptr) {
      if (parent->type == XML_ELEMENT_NODE) {
        AppendChild(parent, node);
      } else {
        AddSibling(parent, node);
      }
    }
    if (atts == nullptr) return;
    for (const xmlChar** a = atts; a[0] != nullptr; a += 2) {
      if (b->keep_ == nullptr ||
          b->keep_(reinterpret_cast<const char*>(a[0]))) {
        b->AddAttribute(node, a[0], a[1]);
      }
    }
  }

  static void EndElement(void* user, const xmlChar* /*name*/) {
    auto* ctxt = static_cast<htmlParserCtxtPtr>(user);
    ctxt->nodemem = -1;
    nodePop(ctxt);
  }

  static void Characters(void* user, const xmlChar* ch, int len) {
    BuilderOf(user)->AddText(static_cast<htmlParserCtxtPtr>(user), ch, len,
                             XML_TEXT_NODE);
  }

  static void CDataBlock(void* user, const xmlChar* ch, int len) {
    BuilderOf(user)->AddText(static_cast<htmlParserCtxtPtr>(user), ch, len,
                             XML_CDATA_SECTION_NODE);
  }

  static void Comment(void* user, const xmlChar* value) {
    auto* ctxt = static_cast<htmlParserCtxtPtr>(user);
    // The HTML parser is never inside a DTD subset (ctxt->inSubset).
    if (ctxt->myDoc == nullptr || ctxt->inSubset != 0) return;
    ArenaTreeBuilder* b = BuilderOf(user);
    xmlNodePtr node = b->NewNode(XML_COMMENT_NODE, xmlStringComment);
    node->content = b->arena_->CopyString(value);
    node->doc = ctxt->myDoc;
    node->line = LineOf(ctxt);
    LinkMisc(ctxt, node);
  }

  static void ProcessingInstruction(void* user, const xmlChar* target,
                                    const xmlChar* data) {
    auto* ctxt = static_cast<htmlParserCtxtPtr>(user);
    if (ctxt->myDoc == nullptr || ctxt->inSubset != 0 || target == nullptr) {
      return;
    }
    ArenaTreeBuilder* b = BuilderOf(user);
    xmlNodePtr node = b->NewNode(XML_PI_NODE, b->arena_->CopyString(target));
    node->content = b->arena_->CopyString(data);
    node->doc = ctxt->myDoc;
    node->line = LineOf(ctxt);
    LinkMisc(ctxt, node);
  }
};

// ---------------------------------------------------------------- builder

ArenaTreeBuilder::ArenaTreeBuilder(KeepAttribute keep)
    : arena_(std::make_unique<TreeArena>()), keep_(keep) {}

ArenaTreeBuilder::~ArenaTreeBuilder() = default;

void ArenaTreeBuilder::Install(xmlSAXHandler* sax) {
  sax->startDocument = TreeCallbacks::StartDocument;
  sax->endDocument = TreeCallbacks::EndDocument;
  sax->internalSubset = TreeCallbacks::InternalSubset;
  sax->startElement = TreeCallbacks::StartElement;
  sax->endElement = TreeCallbacks::EndElement;
  sax->characters = TreeCallbacks::Characters;
  sax->cdataBlock = TreeCallbacks::CDataBlock;
  sax->comment = TreeCallbacks::Comment;
  sax->processingInstruction = TreeCallbacks::ProcessingInstruction;
}

xmlNodePtr ArenaTreeBuilder::NewNode(xmlElementType type, const xmlChar* name) {
  auto* node = static_cast<xmlNodePtr>(arena_->AllocateZeroed(sizeof(xmlNode)));
  node->type = type;
  node->name = name;
  return node;
}

xmlDtdPtr ArenaTreeBuilder::NewDtd(xmlDocPtr doc, const xmlChar* name,
                                   const xmlChar* external_id,
                                   const xmlChar* system_id) {
  // xmlCreateIntSubset on an HTML document: first child of the document.
  auto* dtd = static_cast<xmlDtdPtr>(arena_->AllocateZeroed(sizeof(xmlDtd)));
  dtd->type = XML_DTD_NODE;
  dtd->name = arena_->CopyString(name);
  dtd->ExternalID = arena_->CopyString(external_id);
  dtd->SystemID = arena_->CopyString(system_id);
  dtd->parent = doc;
  dtd->doc = doc;
  auto* node = reinterpret_cast<xmlNodePtr>(dtd);
  if (doc->children == nullptr) {
    doc->children = node;
    doc->last = node;
  } else {
    doc->children->prev = node;
    node->next = doc->children;
    doc->children = node;
  }
  dtd_ = dtd;
  return dtd;
}

void ArenaTreeBuilder::AddAttribute(xmlNodePtr element, const xmlChar* name,
                                    const xmlChar* value) {
  // xmlSAX2AttributeInternal, HTML branch.
  if (value == nullptr && htmlIsBooleanAttr(name)) value = name;
  auto* attr = static_cast<xmlAttrPtr>(arena_->AllocateZeroed(sizeof(xmlAttr)));
  attr->type = XML_ATTRIBUTE_NODE;
  attr->name = arena_->CopyString(name);
  attr->parent = element;
  attr->doc = element->doc;
  if (value != nullptr) {
    xmlNodePtr text = NewNode(XML_TEXT_NODE, xmlStringText);
    text->content = arena_->CopyString(value);
    text->doc = element->doc;
    text->parent = reinterpret_cast<xmlNodePtr>(attr);
    attr->children = text;
    attr->last = text;
  }
  if (element->properties == nullptr) {
    element->properties = attr;
  } else {
    xmlAttrPtr prev = element->properties;
    while (prev->next != nullptr) prev = prev->next;
    prev->next = attr;
    attr->prev = prev;
  }
}

void ArenaTreeBuilder::AddText(htmlParserCtxtPtr ctxt, const xmlChar* ch,
                               int len, xmlElementType type) {
  // xmlSAX2Text: text goes to the open element, merging into its last
  // child when that is text of the same kind.
  xmlNodePtr parent = ctxt->node;
  if (parent == nullptr || len < 0) return;
  size_t n = static_cast<size_t>(len);
  xmlNodePtr last = parent->last;
  if (last != nullptr && last->type == type &&
      (type != XML_TEXT_NODE || last->name == xmlStringText)) {
    AppendToText(last, ch, n);
    return;
  }
  xmlNodePtr text =
      NewNode(type, type == XML_TEXT_NODE ? xmlStringText : nullptr);
  text->content = arena_->CopyString(ch, n);
  text->doc = parent->doc;
  // xmlNewCDataBlock records no line.
  if (type == XML_TEXT_NODE) text->line = LineOf(ctxt);
  AppendChild(parent, text);
  open_text_ = text;
  open_len_ = n;
  open_cap_ = n;
}

void ArenaTreeBuilder::AppendToText(xmlNodePtr text, const xmlChar* ch,
                                    size_t len) {
  if (text != open_text_) {
    open_text_ = text;
    open_len_ = text->content == nullptr
                    ? 0
                    : std::strlen(reinterpret_cast<char*>(text->content));
    open_cap_ = open_len_;
    if (text->content == nullptr) {
      text->content = arena_->CopyString(BAD_CAST "", 0);
    }
  }
  char* buf = reinterpret_cast<char*>(text->content);
  size_t need = open_len_ + len;
  if (need > open_cap_) {
    if (arena_->TryExtend(buf, open_cap_ + 1, need + 1)) {
      open_cap_ = need;
    } else {
      size_t cap = std::max(need, open_cap_ * 2);
      char* grown = arena_->AllocateBytes(cap + 1);
      std::memcpy(grown, buf, open_len_);
      buf = grown;
      text->content = reinterpret_cast<xmlChar*>(buf);
      open_cap_ = cap;
    }
  }
  std::memcpy(buf + open_len_, ch, len);
  open_len_ = need;
  buf[need] = 0;
}

std::unique_ptr<TreeArena> ArenaTreeBuilder::Finish(xmlDocPtr doc) {
  open_text_ = nullptr;
  if (doc != nullptr && doc->intSubset != nullptr && doc->intSubset != dtd_) {
    // A DTD libxml2 allocated itself (htmlParseDocument's default one,
    // when the parse stopped before EndDocument): swap in an arena copy.
    xmlDtdPtr foreign = doc->intSubset;
    auto* node = reinterpret_cast<xmlNodePtr>(foreign);
    auto* copy = static_cast<xmlDtdPtr>(arena_->AllocateZeroed(sizeof(xmlDtd)));
    copy->type = XML_DTD_NODE;
    copy->name = arena_->CopyString(foreign->name);
    copy->ExternalID = arena_->CopyString(foreign->ExternalID);
    copy->SystemID = arena_->CopyString(foreign->SystemID);
    copy->parent = doc;
    copy->doc = doc;
    auto* copy_node = reinterpret_cast<xmlNodePtr>(copy);
    copy_node->prev = node->prev;
    copy_node->next = node->next;
    if (node->prev != nullptr) {
      node->prev->next = copy_node;
    } else if (doc->children == node) {
      doc->children = copy_node;
    }
    if (node->next != nullptr) {
      node->next->prev = copy_node;
    } else if (doc->last == node) {
      doc->last = copy_node;
    }
    doc->intSubset = copy;
    node->prev = node->next = nullptr;
    node->parent = nullptr;
    foreign->doc = nullptr;
    xmlFreeDtd(foreign);
    dtd_ = copy;
  }
  return std::move(arena_);
}

}  // namespace newstrace::extract
