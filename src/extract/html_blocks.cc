#include "extract/html_blocks.h"

#include <string_view>
#include <unordered_map>

#include "extract/html_hints.h"

namespace newstrace::extract {
namespace {

enum class Kind : uint8_t { kSkip, kBr, kBlock, kInline };

struct TagInfo {
  Kind kind;
  HtmlTag tag;
  uint8_t heading_level;
};

// Classifies an element name (lower case, as libxml2's HTML parser gives).
TagInfo Classify(std::string_view n) {
  using T = HtmlTag;
  constexpr TagInfo kInl{Kind::kInline, T::kInline, 0};
  auto block = [](T t) { return TagInfo{Kind::kBlock, t, 0}; };
  switch (n.size()) {
    case 1:
      if (n == "p") return block(T::kP);
      if (n == "a") return {Kind::kInline, T::kA, 0};
      return kInl;
    case 2:
      if (n[0] == 'h' && n[1] >= '1' && n[1] <= '6') {
        return {Kind::kBlock, T::kHeading, static_cast<uint8_t>(n[1] - '0')};
      }
      if (n == "li" || n == "dt" || n == "dd") return block(T::kLi);
      if (n == "ul" || n == "ol" || n == "dl") return block(T::kList);
      if (n == "td" || n == "th") return block(T::kCell);
      if (n == "tr") return block(T::kTr);
      if (n == "br") return {Kind::kBr, T::kInline, 0};
      if (n == "hr") return block(T::kBlockOther);
      return kInl;
    case 3:
      if (n == "div") return block(T::kDiv);
      if (n == "pre") return block(T::kPre);
      if (n == "nav") return block(T::kNav);
      if (n == "svg" || n == "map") return {Kind::kSkip, T::kInline, 0};
      if (n == "dir") return block(T::kList);
      return kInl;
    case 4:
      if (n == "body") return block(T::kBody);
      if (n == "html") return block(T::kHtml);
      if (n == "main") return block(T::kMain);
      if (n == "form") return block(T::kForm);
      if (n == "time") return {Kind::kInline, T::kTime, 0};
      if (n == "menu") return block(T::kList);
      if (n == "head" || n == "math" || n == "meta" || n == "link" ||
          n == "base") {
        return {Kind::kSkip, T::kInline, 0};
      }
      return kInl;
    case 5:
      if (n == "table") return block(T::kTable);
      if (n == "aside") return block(T::kAside);
      if (n == "tbody" || n == "thead" || n == "tfoot")
        return block(T::kBlockOther);
      if (n == "style" || n == "embed" || n == "input" || n == "audio" ||
          n == "video" || n == "title" || n == "frame") {
        return {Kind::kSkip, T::kInline, 0};
      }
      return kInl;
    case 6:
      if (n == "figure") return block(T::kFigure);
      if (n == "header") return block(T::kHeader);
      if (n == "footer") return block(T::kFooter);
      if (n == "center" || n == "legend" || n == "dialog" || n == "hgroup") {
        return block(T::kBlockOther);
      }
      if (n == "script" || n == "iframe" || n == "object" || n == "canvas" ||
          n == "select" || n == "option" || n == "button" || n == "applet") {
        return {Kind::kSkip, T::kInline, 0};
      }
      return kInl;
    case 7:
      if (n == "article") return block(T::kArticle);
      if (n == "section") return block(T::kSection);
      if (n == "caption") return block(T::kCaption);
      if (n == "address") return block(T::kAddress);
      if (n == "details" || n == "summary" || n == "listing") {
        return block(T::kBlockOther);
      }
      return kInl;
    case 8:
      if (n == "noscript" || n == "template" || n == "textarea" ||
          n == "optgroup" || n == "frameset" || n == "datalist") {
        return {Kind::kSkip, T::kInline, 0};
      }
      if (n == "fieldset" || n == "noframes") return block(T::kBlockOther);
      return kInl;
    case 10:
      if (n == "blockquote") return block(T::kBlockquote);
      if (n == "figcaption") return block(T::kFigcaption);
      return kInl;
    default:
      return kInl;
  }
}

// Tags inside which a single <br> is a line break, not a block boundary.
bool BrJoins(HtmlTag t) {
  switch (t) {
    case HtmlTag::kP:
    case HtmlTag::kLi:
    case HtmlTag::kHeading:
    case HtmlTag::kFigcaption:
    case HtmlTag::kCaption:
    case HtmlTag::kAddress:
    case HtmlTag::kPre:
      return true;
    default:
      return false;
  }
}

// True when the inline style hides the element (display:none or
// visibility:hidden, any spacing and case).
bool StyleHides(std::string_view style) {
  char buf[256];
  size_t n = 0;
  for (char c : style) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (n < sizeof buf) buf[n++] = c;
  }
  std::string_view s(buf, n);
  return s.find("display:none") != std::string_view::npos ||
         s.find("visibility:hidden") != std::string_view::npos;
}

// Length of the Unicode space at s[i] (NBSP, the U+2000 block, ideographic
// space, ...) or 0. ASCII whitespace is handled by the caller.
size_t UnicodeSpaceLen(const unsigned char* s, size_t i, size_t n) {
  unsigned char c = s[i];
  if (c == 0xC2 && i + 1 < n && (s[i + 1] == 0xA0 || s[i + 1] == 0x85)) {
    return 2;
  }
  if (c == 0xE2 && i + 2 < n) {
    unsigned char b = s[i + 1], d = s[i + 2];
    if (b == 0x80 && (d <= 0x8A || d == 0xA8 || d == 0xA9 || d == 0xAF)) {
      return 3;
    }
    if (b == 0x81 && d == 0x9F) return 3;
  }
  if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80) return 3;
  if (c == 0xE1 && i + 2 < n && s[i + 1] == 0x9A && s[i + 2] == 0x80) return 3;
  return 0;
}

// The attributes the walk reads, found in one pass over an element's
// attribute list (as AttrView finds each: first match, name compared ASCII
// case-insensitively, namespaced attributes ignored). A null data() means
// absent.
struct WalkAttrs {
  std::string_view cls, id, role, itemprop, rel, hidden, aria_hidden, style;

  explicit WalkAttrs(const xmlNode* n) {
    for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
      if (a->name == nullptr || a->ns != nullptr) continue;
      char lower[12];
      const char* name = reinterpret_cast<const char*>(a->name);
      size_t len = 0;
      while (name[len] != '\0' && len < sizeof lower) {
        char c = name[len];
        lower[len++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      }
      if (name[len] != '\0') continue;  // longer than any name read here
      std::string_view* slot = Slot(std::string_view(lower, len));
      if (slot == nullptr || slot->data() != nullptr) continue;
      const xmlNode* v = a->children;
      *slot = v == nullptr || v->content == nullptr
                  ? std::string_view("", 0)
                  : std::string_view(reinterpret_cast<const char*>(v->content));
    }
  }

 private:
  std::string_view* Slot(std::string_view name) {
    if (name == "class") return &cls;
    if (name == "id") return &id;
    if (name == "role") return &role;
    if (name == "itemprop") return &itemprop;
    if (name == "rel") return &rel;
    if (name == "hidden") return &hidden;
    if (name == "aria-hidden") return &aria_hidden;
    if (name == "style") return &style;
    return nullptr;
  }
};

class Walker {
 public:
  Walker(size_t max_depth, HtmlPage* page)
      : max_depth_(max_depth), page_(page) {
    cur_.reserve(1024);
  }

  void Run(const xmlNode* root);

 private:
  // Returns true when the walk should descend into `n`'s children.
  bool Enter(const xmlNode* n, size_t depth);
  void Leave(const xmlNode* n);
  void AppendText(const char* s, size_t len);
  void Flush();
  uint32_t CachedClassHints(std::string_view v);
  bool Hidden(const WalkAttrs& attrs, uint32_t hints) const;
  // The nearest <a> at or above element `e` (which is inside a link).
  const xmlNode* LinkOf(int32_t e) const {
    while (e >= 0 && page_->elements[e].tag != HtmlTag::kA) {
      e = page_->elements[e].parent;
    }
    return e >= 0 ? page_->elements[e].node : nullptr;
  }

  size_t max_depth_;
  HtmlPage* page_;
  std::vector<int32_t> open_;    // walked elements on the path to the cursor
  std::vector<int32_t> blocks_;  // block-level elements among them
  std::string cur_;              // text of the block being built
  bool pending_space_ = false;
  bool after_br_ = false;
  uint32_t cur_chars_ = 0;
  uint32_t cur_link_chars_ = 0;
  uint32_t cur_links_ = 0;
  const xmlNode* last_link_ = nullptr;
  uint32_t credit_begin_ = 0;
  uint32_t credit_end_ = 0;
  std::unordered_map<std::string_view, uint32_t> class_cache_;
};

uint32_t Walker::CachedClassHints(std::string_view v) {
  auto it = class_cache_.find(v);
  if (it != class_cache_.end()) return it->second;
  uint32_t bits = ClassHints(v);
  class_cache_.emplace(v, bits);
  return bits;
}

bool Walker::Hidden(const WalkAttrs& attrs, uint32_t hints) const {
  if (hints & kHintHidden) return true;
  if (attrs.hidden.data() != nullptr) return true;
  if (attrs.aria_hidden == "true") return true;
  return !attrs.style.empty() && StyleHides(attrs.style);
}

bool Walker::Enter(const xmlNode* n, size_t depth) {
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content != nullptr) {
      const char* s = reinterpret_cast<const char*>(n->content);
      AppendText(s, std::char_traits<char>::length(s));
    }
    return false;
  }
  if (n->type != XML_ELEMENT_NODE || n->name == nullptr) return false;
  TagInfo info = Classify(reinterpret_cast<const char*>(n->name));
  if (info.kind == Kind::kSkip) return false;
  if (depth > max_depth_) {
    page_->depth_capped = true;
    return false;
  }
  if (info.kind == Kind::kBr) {
    HtmlTag owner =
        blocks_.empty() ? HtmlTag::kBody : page_->elements[blocks_.back()].tag;
    if (BrJoins(owner) && !after_br_) {
      pending_space_ = true;
      after_br_ = true;
    } else {
      Flush();
    }
    return false;
  }

  uint32_t hints = 0;
  int weight = 0;
  bool hidden = false;
  if (n->properties != nullptr) {
    WalkAttrs attrs(n);
    if (!attrs.cls.empty()) {
      uint32_t b = CachedClassHints(attrs.cls);
      hints |= b;
      weight += HintWeight(b);
    }
    if (!attrs.id.empty()) {
      uint32_t b = ClassHints(attrs.id);
      hints |= b;
      weight += HintWeight(b);
    }
    if (!attrs.role.empty()) hints |= RoleHints(attrs.role);
    if (!attrs.itemprop.empty()) {
      uint32_t b = ItempropHints(attrs.itemprop);
      hints |= b;
      if (b & kHintArticleBody) weight += 50;
    }
    if (info.tag == HtmlTag::kA && attrs.rel == "author") {
      hints |= kHintByline;
    }
    hidden = Hidden(attrs, hints);
  } else {
    hidden = (hints & kHintHidden) != 0;
  }
  if (hidden) return false;
  switch (info.tag) {
    case HtmlTag::kA:
      hints |= kHintLink;
      break;
    case HtmlTag::kNav:
      hints |= kHintNav;
      break;
    case HtmlTag::kAside:
      hints |= kHintSidebar;
      break;
    case HtmlTag::kFooter:
      hints |= kHintFooter;
      break;
    case HtmlTag::kHeader:
      hints |= kHintHeader;
      break;
    case HtmlTag::kFigcaption:
      hints |= kHintCaption;
      break;
    case HtmlTag::kTime:
      hints |= kHintDate;
      break;
    case HtmlTag::kHtml:
    case HtmlTag::kBody:
      // Page-wide classes ("single-post has-sidebar") say nothing about
      // any one part of the page.
      hints = 0;
      weight = 0;
      break;
    default:
      break;
  }

  bool block = info.kind == Kind::kBlock;
  if (block) Flush();
  int32_t index = static_cast<int32_t>(page_->elements.size());
  HtmlElement e;
  e.node = n;
  e.tag = info.tag;
  e.heading_level = info.heading_level;
  e.block_level = block;
  e.hints = hints;
  e.weight = static_cast<int16_t>(weight);
  e.anc_hints = hints;
  if (!open_.empty()) {
    int32_t p = open_.back();
    HtmlElement& parent = page_->elements[p];
    e.parent = p;
    e.anc_hints |= parent.anc_hints;
    if (parent.last_child >= 0) {
      page_->elements[parent.last_child].next_sibling = index;
    } else {
      parent.first_child = index;
    }
    parent.last_child = index;
  }
  if (block && !blocks_.empty()) {
    page_->elements[blocks_.back()].has_block_child = true;
  }
  page_->elements.push_back(e);
  open_.push_back(index);
  if (block) blocks_.push_back(index);
  return true;
}

void Walker::Leave(const xmlNode* n) {
  if (open_.empty() || page_->elements[open_.back()].node != n) return;
  if (page_->elements[open_.back()].block_level) {
    Flush();
    blocks_.pop_back();
  }
  open_.pop_back();
}

void Walker::AppendText(const char* s, size_t len) {
  const auto* u = reinterpret_cast<const unsigned char*>(s);
  uint32_t in = open_.empty() ? 0 : page_->elements[open_.back()].anc_hints;
  bool link = in & kHintLink;
  bool credit = in & kHintCredit;
  size_t i = 0;
  while (i < len) {
    unsigned char c = u[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
        c == '\v') {
      pending_space_ = true;
      ++i;
      continue;
    }
    size_t sp = c >= 0x80 ? UnicodeSpaceLen(u, i, len) : 0;
    if (sp > 0) {
      pending_space_ = true;
      i += sp;
      continue;
    }
    if (link) {
      // A new link starts when the text's <a> differs from the last one.
      const xmlNode* a = LinkOf(open_.back());
      if (a != last_link_) ++cur_links_;
      last_link_ = a;
    }
    if (pending_space_ && !cur_.empty()) cur_.push_back(' ');
    pending_space_ = false;
    after_br_ = false;
    if (credit && credit_end_ == 0) credit_begin_ = cur_.size();
    // Copy the run up to the next ASCII space or non-ASCII lead that might
    // start a space.
    size_t j = i;
    uint32_t cps = 0;
    while (j < len) {
      unsigned char d = u[j];
      if (d == ' ' || d == '\n' || d == '\t' || d == '\r' || d == '\f' ||
          d == '\v') {
        break;
      }
      if ((d == 0xC2 || d == 0xE2 || d == 0xE3 || d == 0xE1) &&
          UnicodeSpaceLen(u, j, len) > 0) {
        break;
      }
      cps += (d & 0xC0) != 0x80;
      ++j;
    }
    cur_.append(s + i, j - i);
    cur_chars_ += cps;
    if (link) cur_link_chars_ += cps;
    if (credit) credit_end_ = static_cast<uint32_t>(cur_.size());
    i = j;
  }
}

void Walker::Flush() {
  pending_space_ = false;
  after_br_ = false;
  if (cur_.empty()) return;
  HtmlBlock b;
  b.owner = blocks_.empty() ? -1 : blocks_.back();
  b.chars = cur_chars_;
  b.link_chars = cur_link_chars_;
  b.links = cur_links_;
  b.credit_begin = credit_begin_;
  b.credit_end = credit_end_;
  const auto* u = reinterpret_cast<const unsigned char*>(cur_.data());
  size_t n = cur_.size();
  b.words = 1;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = u[i];
    bool at_end = i + 1 == n || u[i + 1] == ' ';
    if (c == ' ') {
      ++b.words;
    } else if (c == ',') {
      ++b.commas;
    } else if (c == '.' || c == '!' || c == '?') {
      b.stops += at_end;
    } else if (c == 0xEF && i + 2 < n && u[i + 1] == 0xBC) {
      // Fullwidth ！ (EF BC 81), ， (EF BC 8C), ？ (EF BC 9F).
      if (u[i + 2] == 0x8C) ++b.commas;
      if (u[i + 2] == 0x81 || u[i + 2] == 0x9F) ++b.stops;
    } else if (c == 0xE3 && i + 2 < n && u[i + 1] == 0x80) {
      // Ideographic 、 (E3 80 81) and 。 (E3 80 82).
      if (u[i + 2] == 0x81) ++b.commas;
      if (u[i + 2] == 0x82) ++b.stops;
    } else if (c == 0xD8 && i + 1 < n && u[i + 1] == 0x8C) {
      ++b.commas;  // Arabic comma
    }
  }
  if (b.owner >= 0) {
    HtmlElement& o = page_->elements[b.owner];
    o.text_chars += b.chars;
    o.link_chars += b.link_chars;
  }
  b.text = std::move(cur_);
  page_->blocks.push_back(std::move(b));
  cur_.clear();
  cur_.reserve(256);
  cur_chars_ = cur_link_chars_ = cur_links_ = 0;
  last_link_ = nullptr;
  credit_begin_ = credit_end_ = 0;
}

void Walker::Run(const xmlNode* root) {
  const xmlNode* n = root;
  size_t depth = 1;
  bool descend = Enter(n, depth);
  while (true) {
    if (descend && n->children != nullptr) {
      n = n->children;
      ++depth;
      descend = Enter(n, depth);
      continue;
    }
    Leave(n);
    while (n != root && n->next == nullptr) {
      n = n->parent;
      --depth;
      Leave(n);
    }
    if (n == root) break;
    n = n->next;
    descend = Enter(n, depth);
  }
  Flush();
  // Direct counts become subtree counts (children come after parents).
  std::vector<HtmlElement>& els = page_->elements;
  for (size_t i = els.size(); i-- > 1;) {
    int32_t p = els[i].parent;
    if (p < 0) continue;
    els[p].text_chars += els[i].text_chars;
    els[p].link_chars += els[i].link_chars;
  }
}

}  // namespace

HtmlPage WalkHtml(const HtmlDocument& doc, size_t max_depth) {
  HtmlPage page;
  const xmlNode* root = doc.root();
  if (root == nullptr) return page;
  page.elements.reserve(2048);
  page.blocks.reserve(512);
  Walker(max_depth, &page).Run(root);
  return page;
}

}  // namespace newstrace::extract
