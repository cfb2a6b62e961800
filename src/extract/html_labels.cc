#include "extract/html_labels.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "extract/html_cues.h"
#include "extract/html_hints.h"

namespace newstrace::extract {
namespace {

// Kind named by the markup hints `h`, or kParagraph when none applies.
// Inside the content region a sidebar or widget hint vetoes only link
// lists (page builders call every box a "widget").
BlockKind KindFromHints(uint32_t h, const HtmlBlock& b, bool in) {
  bool short_block = b.chars <= 200;
  if (h & kHintComment) return BlockKind::kComment;
  if (h & kHintConsent) return BlockKind::kOther;
  if (h & kHintRelated) return BlockKind::kRelatedLink;
  if (h & (kHintAd | kHintPromo)) return BlockKind::kAdvertisement;
  if (h & kHintNav) return BlockKind::kNavigation;
  if (h & kHintTags) return BlockKind::kTagLine;
  if (h & kHintCaption) return BlockKind::kCaption;
  if ((h & kHintCredit) && short_block) return BlockKind::kCredit;
  // Share and follow prompts are navigation, as in plain text (text_cues).
  if (h & kHintSocial) return BlockKind::kNavigation;
  if (h & kHintBio) return BlockKind::kOther;
  if ((h & kHintByline) && short_block) return BlockKind::kByline;
  if ((h & kHintDate) && b.chars <= 100) return BlockKind::kDateline;
  if (h & (kHintSidebar | kHintWidget)) {
    if (b.LinkDensity() > 0.5) return BlockKind::kRelatedLink;
    if (!in) return BlockKind::kOther;
  }
  if (h & (kHintHeader | kHintFooter)) {
    if (b.LinkDensity() > 0.5) return BlockKind::kNavigation;
    if (!in || (h & kHintFooter)) return BlockKind::kOther;
  }
  return BlockKind::kParagraph;
}

bool IsBody(BlockKind k) {
  return k == BlockKind::kParagraph || k == BlockKind::kHeading;
}

}  // namespace

void LabelBlocks(const std::vector<uint8_t>& roots, const HtmlMetadata& meta,
                 HtmlPage* page) {
  const auto& els = page->elements;
  // Per element: inside the content region? Hints between the region's
  // container and the element (all ancestors' hints outside the region).
  std::vector<uint8_t> inside(els.size(), 0);
  std::vector<uint32_t> hints(els.size(), 0);
  for (size_t i = 0; i < els.size(); ++i) {
    int32_t p = els[i].parent;
    inside[i] = roots[i] || (p >= 0 && inside[p]);
    uint32_t up = p >= 0 ? hints[p] : 0;
    // A content-hinted element inside a "widget", "sidebar" or "header"
    // wrapper (page builders and blog engines nest posts in those) is
    // content again; not so inside comments, related links or ads.
    if ((els[i].hints & (kHintPositive | kHintArticleBody)) &&
        !(els[i].hints & kNegativeHints)) {
      up &= ~(kHintSidebar | kHintWidget | kHintHeader);
    }
    hints[i] = roots[i] ? 0 : (up | els[i].hints);
  }
  std::string title = TextKey(meta.title);
  bool title_found = false;

  for (HtmlBlock& b : page->blocks) {
    const HtmlElement* o = b.owner >= 0 ? &els[b.owner] : nullptr;
    bool in = o != nullptr && inside[b.owner];
    uint32_t h = o != nullptr ? hints[b.owner] : 0;
    bool heading = o != nullptr && o->tag == HtmlTag::kHeading;
    double ld = b.LinkDensity();

    // The headline, wherever it is.
    if (b.chars <= 400 && (heading || (h & kHintTitle))) {
      std::string key = TextKey(b.text);
      bool match = title.empty()
                       ? (!title_found && heading && o->heading_level == 1)
                       : MatchesTitle(key, title);
      if (match) {
        b.kind = BlockKind::kTitle;
        title_found = true;
        continue;
      }
    }
    BlockKind k = KindFromHints(h, b, in);
    if (k == BlockKind::kParagraph && o != nullptr &&
        (o->tag == HtmlTag::kFigcaption || o->tag == HtmlTag::kCaption)) {
      k = BlockKind::kCaption;
    }
    if (k == BlockKind::kParagraph) {
      if (b.chars <= 40) {
        k = FurniturePhrase(TextKey(b.text, 160));
      }
    }
    if (k == BlockKind::kParagraph) {
      if (LooksLikeByline(b))
        k = BlockKind::kByline;
      else if (LooksLikeDateline(b))
        k = BlockKind::kDateline;
    }
    if (k == BlockKind::kParagraph && ld > 0.5) {
      // Menus have links of a word or two; lists of stories have headlines.
      bool menu = b.words <= 3 * std::max<uint32_t>(b.links, 1);
      k = in || !menu ? BlockKind::kRelatedLink : BlockKind::kNavigation;
    }
    if (k == BlockKind::kParagraph) {
      if (!in)
        k = BlockKind::kOther;
      else if (heading)
        k = BlockKind::kHeading;
    }
    b.kind = k;
  }

  // A heading with no body text under it (up to the next heading) heads a
  // box of boilerplate ("Related stories", "Comments"): it takes the box's
  // kind.
  auto& blocks = page->blocks;
  for (size_t i = blocks.size(); i-- > 0;) {
    if (blocks[i].kind != BlockKind::kHeading) continue;
    size_t j = i + 1;
    bool body = false;
    BlockKind next = BlockKind::kOther;
    for (; j < blocks.size() && blocks[j].kind != BlockKind::kHeading &&
           blocks[j].kind != BlockKind::kTitle;
         ++j) {
      if (IsBody(blocks[j].kind)) {
        body = true;
        break;
      }
      if (j == i + 1) next = blocks[j].kind;
    }
    bool last_heading =
        j >= blocks.size() || blocks[j].kind == BlockKind::kTitle;
    if (!body && (j > i + 1 || last_heading)) blocks[i].kind = next;
  }
}

namespace {

void AddBlock(Article* a, BlockKind kind, std::string_view text,
              std::string credit = {}) {
  if (!a->text.empty()) a->text += "\n\n";
  size_t b = a->text.size();
  a->text += text;
  a->blocks.push_back({kind, {b, a->text.size()}, std::move(credit)});
}

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '|' ||
                        s.front() == '-' || s.front() == '(')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '|' || s.back() == '-' ||
                        s.back() == '(')) {
    s.remove_suffix(1);
  }
  return s;
}

// Emits a caption block with its credit split off when one is found.
void AddCaption(Article* a, const HtmlBlock& b) {
  std::string_view t = b.text;
  size_t cb = b.credit_begin, ce = b.credit_end;
  if (ce <= cb && !FindTextCredit(t, &cb, &ce)) {
    AddBlock(a, BlockKind::kCaption, t);
    return;
  }
  std::string_view before = TrimView(t.substr(0, cb));
  std::string_view credit = TrimView(t.substr(cb, ce - cb));
  std::string_view after = TrimView(t.substr(ce));
  if (credit.empty() || (!before.empty() && !after.empty())) {
    AddBlock(a, BlockKind::kCaption, t);
    return;
  }
  if (before.empty() && after.empty()) {
    AddBlock(a, BlockKind::kCredit, credit);
    return;
  }
  // One text with two adjacent spans: the caption and its credit.
  if (!a->text.empty()) a->text += "\n\n";
  size_t base = a->text.size();
  a->text += t;
  auto span = [&](std::string_view part) {
    size_t off = static_cast<size_t>(part.data() - t.data());
    return Span{base + off, base + off + part.size()};
  };
  std::string name(credit);
  if (!before.empty()) {
    a->blocks.push_back({BlockKind::kCaption, span(before), name});
    a->blocks.push_back({BlockKind::kCredit, span(credit), ""});
  } else {
    a->blocks.push_back({BlockKind::kCredit, span(credit), ""});
    a->blocks.push_back({BlockKind::kCaption, span(after), name});
  }
}

}  // namespace

void AppendBlocks(const HtmlPage& page, Article* article) {
  size_t total = 0;
  for (const HtmlBlock& b : page.blocks) total += b.text.size() + 2;
  article->text.reserve(article->text.size() + total);
  article->blocks.reserve(article->blocks.size() + page.blocks.size() + 4);
  for (const HtmlBlock& b : page.blocks) {
    if (b.kind == BlockKind::kCaption) {
      AddCaption(article, b);
    } else {
      AddBlock(article, b.kind, b.text);
    }
  }
}

}  // namespace newstrace::extract
