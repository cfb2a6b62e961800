// HTML main-content extraction: which blocks of a page are the article.
//
// Design note. The walk (html_blocks.h) turns the page into text blocks and
// per-element facts in one pass. Scoring then follows the classic
// content-container idea of readability-style extractors, written afresh:
//
//  0. Elements hinted as comments, navigation, sidebars, ads, share
//     boxes, footers and the like (html_hints.h kUnlikelyHints), and all
//     their descendants, are ruled out, unless they are or hold elements
//     hinted as content.
//  1. Every other block of at least kMinScoredChars code points that is not a
//     heading scores 1 + commas + min(chars/100, 3), times (1 - its link
//     density). The score goes to the block's container (the parent of a
//     paragraph-like element; the element itself when it holds several
//     text runs, as a <div> of <br>-separated lines does) in full, to the
//     container's parent at 1/2 and to three more ancestors at 1/(3 level).
//     Propagation stops after five levels, so the cost is linear.
//  2. A scored element's final score adds a tag prior (div +5, lists -3, ...)
//     and is scaled by its class/id/itemprop weight (html_hints.h;
//     HintFactor) and by (1 - the link density of its whole subtree).
//  3. The best element is the top candidate. It moves up to a common
//     ancestor when three strong rival candidates share one with it (an
//     article split into several blocks), up to a parent whose score is
//     higher still, and then up through parents that add only itself or
//     mostly prose (>= 100 code points, >= 60% of what they add; pages
//     built of several text sections).
//  4. Siblings of the top candidate join the content when they score well
//     (>= 20% of the top, or with a bonus when they share its class) or
//     when they are paragraphs that read like prose.
//
// The selected containers and everything in them are the content region;
// html_labels.h then labels every block, inside and outside it: inside,
// body unless markup (a share box, a caption) or text ("Advertisement", a
// list of links) says otherwise; outside, boilerplate of the kind its
// markup and text suggest. Cost: O(elements + text), a few percent of
// libxml2's parse time.
#include "extract/main_content.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/html_blocks.h"
#include "extract/html_hints.h"
#include "extract/html_labels.h"

namespace newstrace::extract {
namespace {

constexpr uint32_t kMinScoredChars = 25;
constexpr int kPropagationLevels = 5;

bool IsParagraphTag(HtmlTag t) {
  switch (t) {
    case HtmlTag::kP:
    case HtmlTag::kPre:
    case HtmlTag::kHeading:
    case HtmlTag::kLi:
    case HtmlTag::kBlockquote:
    case HtmlTag::kFigcaption:
    case HtmlTag::kCaption:
    case HtmlTag::kAddress:
      return true;
    default:
      return false;
  }
}

double TagPrior(HtmlTag t) {
  switch (t) {
    case HtmlTag::kDiv:
    case HtmlTag::kArticle:
    case HtmlTag::kMain:
    case HtmlTag::kSection:
      return 5;
    case HtmlTag::kPre:
    case HtmlTag::kCell:
    case HtmlTag::kBlockquote:
      return 3;
    case HtmlTag::kAddress:
    case HtmlTag::kList:
    case HtmlTag::kLi:
    case HtmlTag::kForm:
      return -3;
    case HtmlTag::kHeading:
      return -5;
    default:
      return 0;
  }
}

// Class/id weight as a factor: +25 -> 1.25, +50 -> 1.5; -25 -> 1/2,
// -50 -> 1/3. A factor, not a sum, so that a hinted wrapper high above the
// text does not outscore the paragraphs' own container.
double HintFactor(int weight) {
  return weight >= 0 ? 1.0 + weight / 100.0 : 1.0 / (1.0 - weight / 25.0);
}

double SubtreeLinkDensity(const HtmlElement& e) {
  return e.text_chars == 0 ? 0.0
                           : static_cast<double>(e.link_chars) / e.text_chars;
}

class Selector {
 public:
  explicit Selector(const HtmlPage& page)
      : page_(page),
        raw_(page.elements.size(), 0.0),
        touched_(page.elements.size(), 0),
        unlikely_(page.elements.size(), 0),
        prose_(page.elements.size(), 0),
        neutral_(page.elements.size(), 0),
        owned_blocks_(page.elements.size(), 0),
        first_block_(page.elements.size(), -1) {}

  // Returns one flag per element: 1 for the selected content containers.
  std::vector<uint8_t> Select();

 private:
  double Final(int32_t e) const {
    const HtmlElement& el = page_.elements[e];
    return (raw_[e] + TagPrior(el.tag)) * HintFactor(el.weight) *
           (1.0 - SubtreeLinkDensity(el));
  }
  int32_t Parent(int32_t e) const { return page_.elements[e].parent; }
  bool IsPageRoot(int32_t e) const {
    HtmlTag t = page_.elements[e].tag;
    return t == HtmlTag::kBody || t == HtmlTag::kHtml;
  }
  void MarkUnlikely();
  // Fills prose_ and neutral_ (subtree sums).
  void CountProse();
  // True when `parent` adds to `child` (one of its children) at least 100
  // code points of prose, and mostly prose.
  bool AddsProse(int32_t parent, int32_t child) const;
  void ScoreBlocks();
  int32_t TopCandidate(std::vector<int32_t>* ranked);
  bool ReadsLikeProse(int32_t e) const;

  const HtmlPage& page_;
  std::vector<double> raw_;
  std::vector<uint8_t> touched_;
  std::vector<uint8_t> unlikely_;  // in a comment/nav/sidebar/... subtree
  std::vector<uint32_t> prose_;    // chars of prose-like blocks in subtree
  std::vector<uint32_t> neutral_;  // chars of headings in subtree
  std::vector<uint32_t> owned_blocks_;
  std::vector<int32_t> first_block_;
};

void Selector::MarkUnlikely() {
  const auto& els = page_.elements;
  const size_t n = els.size();
  // holds_content[e]: some element below e is hinted as content and
  // nothing else (a wrapper called "has-sidebar" around the article is not
  // a sidebar).
  std::vector<uint8_t> holds_content(n, 0);
  for (size_t i = n; i-- > 1;) {
    const HtmlElement& e = els[i];
    bool content = e.tag == HtmlTag::kArticle || e.tag == HtmlTag::kMain ||
                   ((e.hints & (kHintPositive | kHintArticleBody)) &&
                    !(e.hints & kNegativeHints));
    if ((content || holds_content[i]) && e.parent >= 0) {
      holds_content[e.parent] = 1;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const HtmlElement& e = els[i];
    bool own = (e.hints & kUnlikelyHints) &&
               !(e.hints & (kHintPositive | kHintArticleBody)) &&
               !holds_content[i] && e.tag != HtmlTag::kArticle &&
               e.tag != HtmlTag::kMain && !IsPageRoot(static_cast<int32_t>(i));
    unlikely_[i] = own || (e.parent >= 0 && unlikely_[e.parent]);
  }
}

void Selector::CountProse() {
  const auto& els = page_.elements;
  for (const HtmlBlock& b : page_.blocks) {
    if (b.owner < 0) continue;
    const HtmlElement& o = els[b.owner];
    if (o.tag == HtmlTag::kHeading) {
      neutral_[b.owner] += b.chars;
      continue;
    }
    if (unlikely_[b.owner] || b.chars < 30 || b.LinkDensity() > 0.25) continue;
    if (b.stops == 0 && b.commas == 0 && b.chars < 80) continue;
    prose_[b.owner] += b.chars;
  }
  for (size_t i = els.size(); i-- > 1;) {
    int32_t p = els[i].parent;
    if (p < 0) continue;
    prose_[p] += prose_[i];
    neutral_[p] += neutral_[i];
  }
}

bool Selector::AddsProse(int32_t parent, int32_t child) const {
  const auto& els = page_.elements;
  double added_text = static_cast<double>(els[parent].text_chars) -
                      els[child].text_chars -
                      (neutral_[parent] - neutral_[child]);
  double added_prose = static_cast<double>(prose_[parent]) - prose_[child];
  return added_prose >= 100 && added_prose >= 0.6 * added_text;
}

void Selector::ScoreBlocks() {
  const auto& els = page_.elements;
  MarkUnlikely();
  for (size_t i = 0; i < page_.blocks.size(); ++i) {
    int32_t o = page_.blocks[i].owner;
    if (o < 0) continue;
    if (owned_blocks_[o]++ == 0) first_block_[o] = static_cast<int32_t>(i);
  }
  for (const HtmlBlock& b : page_.blocks) {
    if (b.owner < 0 || b.chars < kMinScoredChars || unlikely_[b.owner]) {
      continue;
    }
    const HtmlElement& o = els[b.owner];
    if (o.tag == HtmlTag::kHeading) continue;
    double s = 1.0 + b.commas + std::min(b.chars / 100.0, 3.0);
    s *= 1.0 - b.LinkDensity();
    if (s <= 0) continue;
    bool paragraph = IsParagraphTag(o.tag) ||
                     (!o.has_block_child && owned_blocks_[b.owner] == 1);
    int32_t c = paragraph ? o.parent : b.owner;
    for (int level = 0; c >= 0 && level < kPropagationLevels; ++level) {
      double div = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      raw_[c] += s / div;
      touched_[c] = 1;
      c = els[c].parent;
    }
  }
}

int32_t Selector::TopCandidate(std::vector<int32_t>* ranked) {
  const size_t n = page_.elements.size();
  std::vector<std::pair<double, int32_t>> scored;
  for (size_t i = 0; i < n; ++i) {
    if (touched_[i]) scored.emplace_back(Final(i), static_cast<int32_t>(i));
  }
  if (scored.empty()) return -1;
  size_t k = std::min<size_t>(6, scored.size());
  std::partial_sort(
      scored.begin(), scored.begin() + k, scored.end(),
      [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; i < k; ++i) ranked->push_back(scored[i].second);
  return scored[0].second;
}

bool Selector::ReadsLikeProse(int32_t e) const {
  const HtmlElement& el = page_.elements[e];
  if (el.tag != HtmlTag::kP && el.tag != HtmlTag::kDiv &&
      el.tag != HtmlTag::kBlockquote && el.tag != HtmlTag::kPre) {
    return false;
  }
  if (el.text_chars == 0 || (el.hints & kNegativeHints)) return false;
  double ld = SubtreeLinkDensity(el);
  if (el.text_chars > 80) return ld < 0.25;
  int32_t b = first_block_[e];
  return ld == 0 && b >= 0 && page_.blocks[b].stops > 0 &&
         owned_blocks_[e] == 1;
}

std::vector<uint8_t> Selector::Select() {
  const auto& els = page_.elements;
  std::vector<uint8_t> roots(els.size(), 0);
  if (els.empty()) return roots;
  ScoreBlocks();
  std::vector<int32_t> ranked;
  int32_t top = TopCandidate(&ranked);
  if (top < 0) {
    roots[0] = 1;  // nothing reads like an article: keep the whole page
    return roots;
  }
  double top_score = Final(top);

  // Several strong candidates under one ancestor: the article is split.
  std::vector<int32_t> rivals;
  for (size_t i = 1; i < ranked.size(); ++i) {
    if (Final(ranked[i]) >= 0.75 * top_score) rivals.push_back(ranked[i]);
  }
  if (rivals.size() >= 3) {
    std::vector<uint8_t> count(els.size(), 0);
    for (int32_t r : rivals) {
      for (int32_t a = Parent(r), steps = 0; a >= 0 && steps < 64;
           a = Parent(a), ++steps) {
        ++count[a];
      }
    }
    for (int32_t a = Parent(top), steps = 0;
         a >= 0 && !IsPageRoot(a) && steps < 64; a = Parent(a), ++steps) {
      if (count[a] >= 3) {
        top = a;
        break;
      }
    }
  }
  // A parent that scores higher still takes over.
  double last = Final(top);
  double threshold = last / 3;
  for (int32_t p = Parent(top); p >= 0 && !IsPageRoot(p); p = Parent(p)) {
    if (!touched_[p]) continue;
    double s = Final(p);
    if (s < threshold) break;
    if (s > last) {
      top = p;
      break;
    }
    last = s;
  }
  // An only child stands for its parent; a parent whose extra text is
  // mostly prose holds more of the article.
  CountProse();
  for (int32_t p = Parent(top); p >= 0 && !IsPageRoot(p); p = Parent(top)) {
    bool only_child = els[p].first_child == top && els[top].next_sibling < 0;
    if (!only_child && !AddsProse(p, top)) break;
    top = p;
  }
  top_score = std::max(Final(top), top_score);

  roots[top] = 1;
  int32_t parent = Parent(top);
  if (parent < 0) return roots;
  double sibling_threshold = std::max(10.0, 0.2 * top_score);
  std::string_view top_class = AttrView(els[top].node, "class");
  for (int32_t s = els[parent].first_child; s >= 0; s = els[s].next_sibling) {
    if (s == top || els[s].text_chars == 0) continue;
    double bonus = 0;
    if (!top_class.empty() && AttrView(els[s].node, "class") == top_class) {
      bonus = 0.2 * top_score;
    }
    if ((touched_[s] && Final(s) + bonus >= sibling_threshold) ||
        ReadsLikeProse(s)) {
      roots[s] = 1;
    }
  }
  return roots;
}

}  // namespace

void ExtractHtmlBlocks(const HtmlDocument& doc, const HtmlMetadata& meta,
                       const MainContentOptions& options, Article* article) {
  HtmlPage page = WalkHtml(doc, options.max_depth);
  if (page.depth_capped || doc.truncated()) {
    article->diagnostics.push_back(
        {"depth_cap", page.depth_capped
                          ? "HTML nested deeper than " +
                                std::to_string(options.max_depth) +
                                " elements; deeper content dropped"
                          : "HTML too deeply nested to parse; the rest of "
                            "the page was dropped"});
  }
  std::vector<uint8_t> roots = Selector(page).Select();
  LabelBlocks(roots, meta, &page);
  AppendBlocks(page, article);
}

}  // namespace newstrace::extract
