// Builds the tree of an HTML document in an arena, from the SAX events of
// libxml2's HTML parser, instead of libxml2's own tree builder (SAX2.c).
//
// Design note. libxml2's builder mallocs every element, attribute, text
// node and string (four allocations for one attribute), and xmlFreeDoc
// frees them one by one: about a sixth of an extraction's time. The
// callbacks here build the very same tree, the same xmlNode, xmlAttr,
// xmlDtd and xmlDoc structs linked the same way, so that every reader keeps
// walking xmlNodePtr, but carve them out of one TreeArena that is released
// whole. They mirror xmlSAX2StartDocument, xmlSAX2InternalSubset,
// xmlSAX2StartElement (HTML branch), xmlSAX2EndElement, xmlSAX2Characters,
// xmlSAX2CDataBlock, xmlSAX2Comment, xmlSAX2ProcessingInstruction and
// xmlSAX2EndDocument of libxml2 2.9.14, quirks included: an element opened
// after the root element closed goes under the document's first child when
// that is an element, "fb:like" is named "like" (xmlSplitQName, errors and
// all), a boolean attribute without a value gets its name as value,
// adjacent text (or CDATA) events merge into one node, the default DTD
// comes first. The parser itself reads the tree as it goes (ctxt->node,
// ctxt->myDoc: htmlParseCharData's areBlanks), one more reason for the
// real layout. Element and attribute names are copied into the arena, as
// libxml2 copies them (its HTML trees use no dictionary); readers compare
// names by content. html_tree_builder_test.cc compares the two builders'
// trees field by field, on hand-made cases, every cut of them, tag soup
// and the golden pages.
//
// Text a node receives in pieces (libxml2 hands text over in chunks of at
// most 1000 bytes, and each entity reference apart) grows in place at the
// end of the arena when it can, else doubles.
#ifndef NEWSTRACE_EXTRACT_HTML_TREE_BUILDER_H_
#define NEWSTRACE_EXTRACT_HTML_TREE_BUILDER_H_

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstddef>
#include <memory>

#include "extract/html_strip.h"
#include "extract/tree_arena.h"

namespace newstrace::extract {

class ArenaTreeBuilder;

// What htmlParserCtxt::_private points to while HtmlDocument::Parse runs:
// the state its SAX callbacks share.
struct HtmlParseState {
  // Error recovery accounting: see HtmlParseOptions::max_recovery_work.
  size_t work = 0;
  size_t limit = 0;
  bool stopped = false;
  // The arena builder the callbacks feed, or nullptr when libxml2's own
  // builder builds the tree.
  ArenaTreeBuilder* builder = nullptr;
};

// One document's arena build. Usage: Install the callbacks in the context's
// SAX handler, hang an HtmlParseState with `builder` set off
// ctxt->_private, parse, then Finish the document the parser returns.
class ArenaTreeBuilder {
 public:
  // `keep` names the attributes the tree keeps; nullptr keeps them all.
  explicit ArenaTreeBuilder(KeepAttribute keep);
  ~ArenaTreeBuilder();
  ArenaTreeBuilder(const ArenaTreeBuilder&) = delete;
  ArenaTreeBuilder& operator=(const ArenaTreeBuilder&) = delete;

  // Points the tree-building callbacks of `sax` (startDocument,
  // endDocument, internalSubset, startElement, endElement, characters,
  // cdataBlock, comment, processingInstruction) at the builder that
  // ctxt->_private names; leaves the others (errors, setDocumentLocator,
  // getEntity, the no-op ignorableWhitespace) alone.
  static void Install(xmlSAXHandler* sax);

  // Takes over `doc`, the document the parse returned (built by this
  // builder; nullptr when it built none): moves into the arena the default
  // DTD that htmlParseDocument adds itself once the callbacks are done.
  // Returns the arena that holds the whole tree; `doc` lives as long as it.
  std::unique_ptr<TreeArena> Finish(xmlDocPtr doc);

 private:
  friend struct TreeCallbacks;

  xmlNodePtr NewNode(xmlElementType type, const xmlChar* name);
  xmlDtdPtr NewDtd(xmlDocPtr doc, const xmlChar* name,
                   const xmlChar* external_id, const xmlChar* system_id);
  void AddAttribute(xmlNodePtr element, const xmlChar* name,
                    const xmlChar* value);
  void AddText(htmlParserCtxtPtr ctxt, const xmlChar* ch, int len,
               xmlElementType type);
  void AppendToText(xmlNodePtr text, const xmlChar* ch, size_t len);

  std::unique_ptr<TreeArena> arena_;
  KeepAttribute keep_;
  xmlDtdPtr dtd_ = nullptr;  // the document's DTD node, when built here
  // The text node whose content may still grow in place, its length and
  // the capacity of its buffer (not counting the NUL).
  xmlNodePtr open_text_ = nullptr;
  size_t open_len_ = 0;
  size_t open_cap_ = 0;
};

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_HTML_TREE_BUILDER_H_
