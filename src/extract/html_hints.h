// Hints from an element's markup: what its class, id, role and itemprop
// attributes (and a few tags) say it is. "sidebar", "comment-list",
// "articleBody" and their kin in several languages become bit flags and a
// signed weight that the main-content scorer and the block labeler read.
#ifndef NEWSTRACE_EXTRACT_HTML_HINTS_H_
#define NEWSTRACE_EXTRACT_HTML_HINTS_H_

#include <cstdint>
#include <string_view>

namespace newstrace::extract {

// One bit per thing an element can be hinted to be.
enum HintBit : uint32_t {
  kHintPositive = 1u << 0,     // article, content, entry, post, story, text...
  kHintArticleBody = 1u << 1,  // itemprop=articleBody (strongest)
  kHintComment = 1u << 2,      // reader comments
  kHintNav = 1u << 3,          // nav, menu, breadcrumb, pagination
  kHintRelated = 1u << 4,      // related, recommended, most read
  kHintAd = 1u << 5,           // ads, sponsors, promos
  kHintSocial = 1u << 6,       // share buttons, social links, print/email
  kHintPromo = 1u << 7,        // newsletter, subscribe, paywall prompts
  kHintConsent = 1u << 8,      // cookie/consent banners, popups, modals
  kHintSidebar = 1u << 9,      // sidebar, widget, rail, <aside>
  kHintFooter = 1u << 10,      // footer, role=contentinfo
  kHintHeader = 1u << 11,      // header, masthead, role=banner
  kHintCaption = 1u << 12,     // caption, figcaption, legend
  kHintCredit = 1u << 13,      // photo credit, copyright
  kHintByline = 1u << 14,      // byline, author, rel=author
  kHintDate = 1u << 15,        // date, time, published
  kHintTags = 1u << 16,        // tag lists, keywords
  kHintBio = 1u << 17,         // author biography box
  kHintTitle = 1u << 18,       // headline, title
  kHintHidden = 1u << 19,      // class says hidden (sr-only, ...): skipped
  kHintLink = 1u << 20,        // set on <a> elements (not from attributes)
  kHintWidget = 1u << 21,      // "widget": a box, often but not always aside
};

// Hints whose presence makes an element an unlikely content container.
inline constexpr uint32_t kNegativeHints =
    kHintComment | kHintNav | kHintRelated | kHintAd | kHintSocial |
    kHintPromo | kHintConsent | kHintSidebar | kHintFooter | kHintBio |
    kHintTags | kHintWidget;

// Hints that rule an element and everything in it out as the article's
// container, unless the element is also hinted as content.
inline constexpr uint32_t kUnlikelyHints =
    kHintComment | kHintNav | kHintRelated | kHintAd | kHintSocial |
    kHintPromo | kHintConsent | kHintSidebar | kHintFooter | kHintBio |
    kHintTags;

struct ElementHints {
  uint32_t bits = 0;
  // Readability-style weight: +25 per attribute (class, id) with a positive
  // hint, -25 per attribute with a negative one; itemprop=articleBody adds
  // more. 0 when nothing is hinted.
  int weight = 0;
};

// Hints of one class or id attribute value. Tokens are split at
// non-alphanumerics and camelCase boundaries and matched ASCII
// case-insensitively, some whole, some as prefixes; a few compounds
// ("author-bio", "most-read") are matched as substrings of the whole value.
// Pure and thread-safe.
uint32_t ClassHints(std::string_view value);

// Hints of a role attribute value ("navigation", "main", ...).
uint32_t RoleHints(std::string_view value);

// Hints of an itemprop attribute value ("articleBody", "author", ...).
uint32_t ItempropHints(std::string_view value);

// The weight contribution of one class or id attribute's hint bits.
int HintWeight(uint32_t bits);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_HTML_HINTS_H_
