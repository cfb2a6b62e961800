// The walk: a parsed HTML page's visible text as raw blocks, plus the
// element facts (tag, hints, subtree text and link counts) that the
// main-content scorer needs, all gathered in one iterative pass.
#ifndef NEWSTRACE_EXTRACT_HTML_BLOCKS_H_
#define NEWSTRACE_EXTRACT_HTML_BLOCKS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/html_document.h"
#include "newstrace/document.h"

namespace newstrace::extract {

// The element types the extractor tells apart. Everything else is kInline
// (span, b, em, font, ...) or kBlockOther (fieldset, details, center, ...).
enum class HtmlTag : uint8_t {
  kInline,
  kBlockOther,
  kHtml,
  kBody,
  kA,
  kP,
  kDiv,
  kHeading,  // h1-h6 (HtmlElement::heading_level)
  kList,     // ul, ol, dl, menu
  kLi,       // li, dt, dd
  kBlockquote,
  kPre,
  kFigure,
  kFigcaption,
  kTable,
  kTr,
  kCell,  // td, th
  kCaption,
  kArticle,
  kMain,
  kSection,
  kNav,
  kAside,
  kHeader,
  kFooter,
  kForm,
  kAddress,
  kTime,
};

// One element of the page. Elements are stored in document (pre)order, so
// an element's parent always comes before it.
struct HtmlElement {
  const xmlNode* node = nullptr;
  int32_t parent = -1;        // index, or -1 for the root
  int32_t first_child = -1;   // first child element that was walked
  int32_t next_sibling = -1;  // next sibling element that was walked
  int32_t last_child = -1;    // (walk bookkeeping)
  HtmlTag tag = HtmlTag::kInline;
  uint8_t heading_level = 0;     // 1-6 for kHeading
  bool block_level = false;      // starts and ends a block
  bool has_block_child = false;  // a block-level element inside
  uint32_t hints = 0;      // own HintBit set (class, id, role, itemprop, tag)
  uint32_t anc_hints = 0;  // hints of this element and its ancestors,
                           // <html> and <body> excluded
  int16_t weight = 0;      // class/id weight (HintWeight)
  // Text in blocks this element owns directly (HtmlBlock::owner), then,
  // after the walk, in its whole subtree.
  uint32_t text_chars = 0;
  uint32_t link_chars = 0;
};

// A run of text between block boundaries, whitespace collapsed.
struct HtmlBlock {
  std::string text;
  int32_t owner = -1;       // innermost enclosing block-level element
  uint32_t chars = 0;       // code points
  uint32_t link_chars = 0;  // code points inside <a>
  uint32_t links = 0;       // <a> elements with text in the block
  uint32_t words = 0;       // space-separated tokens
  uint32_t commas = 0;      // , ، 、 ，
  uint32_t stops = 0;  // sentence ends: . ! ? 。 ！ ？ followed by a space
                       // or the end
  // Byte range of text inside a credit-hinted element ([0,0) for none).
  uint32_t credit_begin = 0;
  uint32_t credit_end = 0;
  BlockKind kind = BlockKind::kOther;  // set by the labeler

  double LinkDensity() const {
    return chars == 0 ? 0.0 : static_cast<double>(link_chars) / chars;
  }
};

struct HtmlPage {
  std::vector<HtmlElement> elements;  // preorder
  std::vector<HtmlBlock> blocks;      // document order
  bool depth_capped = false;          // content below max_depth was dropped
};

// Walks `doc` iteratively (any depth is safe; elements deeper than
// `max_depth` are dropped and depth_capped set) and returns its visible
// text as blocks: one per paragraph-level element, <br><br>-separated run
// (any <br> outside p/li/headings/cells), or text run between block
// elements. Skips script, style, noscript, template, svg, math, head,
// iframe, object, form controls, and hidden elements (hidden attribute,
// aria-hidden=true, inline display:none or visibility:hidden, sr-only-style
// classes). Linear in the size of the tree.
HtmlPage WalkHtml(const HtmlDocument& doc, size_t max_depth);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_HTML_BLOCKS_H_
