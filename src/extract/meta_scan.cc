#include "extract/meta_scan.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/strings.h"
#include "extract/meta_rules.h"

namespace newstrace::extract {
namespace {

// Longest element text kept as an author or date candidate, in bytes.
constexpr size_t kMaxAuthorText = 160;
constexpr size_t kMaxDateText = 260;
constexpr size_t kMaxHeadingText = 400;
constexpr size_t kMaxBylineText = 100;    // a byline found by its wording
constexpr size_t kMaxDatelineText = 80;   // a dateline found near the <h1>
constexpr size_t kMaxLabelText = 24;      // a field label ("Author")
constexpr size_t kMaxSignatureText = 60;  // a signature below the text
constexpr int kDatelineWindow = 80;
// A short dated line at most this many elements above an <h1> is its
// dateline too ("<span>Bonn, 11.10.2021</span><h1>..."), also past a
// print link or an image with its credit in between.
constexpr size_t kMaxPreDatelineText = 40;
constexpr int kPreDatelineWindow = 12;
constexpr size_t kOpeningBytes = 48;  // a long line's opening read
constexpr int kLeadParagraphs = 3;    // paragraphs below the <h1> read
constexpr size_t kMaxVisibleText =
    size_t{4} << 20;  // page text kept      // elements after the <h1> searched

class Scanner {
 public:
  explicit Scanner(PageScan* out) : out_(out) {}

  void Run(xmlNodePtr root) {
    struct Frame {
      xmlNodePtr node;
      unsigned ctx;
    };
    std::vector<Frame> stack;
    if (root != nullptr) stack.push_back({root, 0});
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      unsigned child_ctx = f.ctx;
      if (!Visit(f.node, f.ctx, &child_ctx)) continue;
      for (xmlNodePtr c = f.node->last; c != nullptr; c = c->prev) {
        if (c->type == XML_ELEMENT_NODE) stack.push_back({c, child_ctx});
      }
    }
  }

 private:
  // Handles one element; returns false when its subtree is not walked.
  bool Visit(xmlNodePtr node, unsigned ctx, unsigned* child_ctx) {
    std::string_view name = NodeName(node);
    int order = order_++;
    if (name == "script") {
      if (base::ContainsIgnoreCase(NodeAttr(node, "type"), "ld+json")) {
        out_->jsonld.push_back(NodeText(node));
      }
      return false;
    }
    if (IsSkipped(name)) return false;
    if (!(ctx & kCtxHead) && name != "head" && name != "title") {
      AppendOwnText(node);
      if (!(ctx & (kCtxBoilerplate | kCtxComments))) {
        TakeLabelledDates(node, order, ctx);
      }
    }
    if (name == "html") {
      out_->html_lang = NodeAttr(node, "lang");
      if (out_->html_lang.empty()) out_->html_lang = NodeAttr(node, "xml:lang");
    } else if (name == "head") {
      *child_ctx |= kCtxHead;
    } else if (name == "meta") {
      // (A body <meta> in a review or comment item is a reader's.)
      if (!(ctx & kCtxComments)) AddMeta(node, order, ctx);
      return false;
    } else if (name == "link") {
      std::string rel = base::AsciiLower(NodeAttr(node, "rel"));
      if (rel == "canonical" && out_->canonical.empty()) {
        out_->canonical = NodeAttr(node, "href");
      }
      return false;
    } else if (name == "title") {
      if (out_->title.empty()) {
        out_->title = base::CollapseWhitespace(NodeText(node));
      }
      return false;
    } else if (name == "nav" || name == "aside" ||
               (name == "footer" && !(ctx & kCtxArticle))) {
      // An <aside> in the article that a class calls its meta, byline or
      // date ("<aside class=meta><time>") holds the article's own byline
      // and date, as an article's <footer> does.
      bool own_meta = false;
      if (name == "aside" && (ctx & kCtxArticle)) {
        ReadAttrs(node);
        const ClassFacts f = Facts();
        own_meta = f.date || f.author;
      }
      if (!own_meta) *child_ctx |= kCtxBoilerplate;
    } else if (name == "header" && !(ctx & kCtxArticle) && !HasHeadline(node)) {
      // The page's own header without the headline: logo, menu and the
      // day's date ("Mittwoch, 1. November 2023"), not the article's.
      *child_ctx |= kCtxBoilerplate;
    } else if (name == "article" || name == "main") {
      *child_ctx |= kCtxArticle;
      // The page's main article inside a wrapper that a class calls
      // navigation: the article wins.
      // (LooksLikeLinks walks the subtree: only asked when it matters.)
      if ((*child_ctx & kCtxBoilerplate) && !LooksLikeLinks(node)) {
        *child_ctx &= ~kCtxBoilerplate;
      }
    }

    ReadAttrs(node);
    const ClassFacts facts = Facts();
    // <html> and <body> classes describe the page ("has-sidebar",
    // "comments-open"), not a region of it.
    if (name != "html" && name != "body") {
      if (facts.comments) *child_ctx |= kCtxComments;
      if (name != "article" && name != "main" &&
          !(*child_ctx & kCtxBoilerplate) &&
          ((ctx & kCtxArticle) ? facts.boilerplate_in : facts.boilerplate) &&
          LooksLikeLinks(node)) {
        *child_ctx |= kCtxBoilerplate;
      }
    }
    std::string_view itemprop = itemprop_;
    if (itemprop == "articleBody") *child_ctx |= kCtxArticle;
    // A nested review or comment item (schema.org microdata): its author
    // and date are a reader's, not the page's.
    if (itemprop == "review" || itemprop == "reviews" ||
        itemprop == "comment") {
      *child_ctx |= kCtxComments;
    }
    if (ctx & kCtxHead) return true;

    if (name == "h1" && !IsHomeLink(node)) {
      std::string text = VisibleText(node, kMaxHeadingText, true);
      if (!text.empty()) {
        if (!(ctx & (kCtxBoilerplate | kCtxComments))) TakePreDatelines(order);
        if (out_->first_h1_order < 0) out_->first_h1_order = order;
        bool in_article = (*child_ctx & kCtxArticle) != 0;
        if (anchor_ < 0 || !anchor_is_h1_) {
          // (A headline found before the first <h1> yields to it.)
          anchor_ = order;
          anchor_in_article_ = in_article;
          anchor_is_h1_ = true;
          paragraphs_after_h1_ = 0;
        } else if (in_article && !anchor_in_article_ &&
                   !(ctx & (kCtxBoilerplate | kCtxComments))) {
          // The first <h1> was outside the article (a logo, a site name):
          // the article's own <h1> is the headline the dateline and the
          // lead paragraphs sit below.
          Reanchor(order);
        }
        out_->headings.push_back(
            {text, "h1", order, ctx, (*child_ctx & kCtxArticle) != 0});
      }
    } else if ((name == "h2" || name == "h3") &&
               !(ctx & (kCtxBoilerplate | kCtxComments)) &&
               !IsScreenReaderOnly(node)) {
      std::string text = VisibleText(node, kMaxHeadingText, true);
      if (!text.empty()) {
        out_->subheadings.push_back(
            {text, std::string(name), order, ctx, false});
      }
    }
    if (name != "h1" && (itemprop == "headline" || facts.headline)) {
      std::string text = VisibleText(node, kMaxHeadingText, true);
      if (!text.empty()) {
        AnchorWithoutH1(order, ctx, *child_ctx);
        out_->headings.push_back(
            {text, itemprop.empty() ? "class" : std::string(itemprop), order,
             ctx, false});
      }
    } else if (anchor_ < 0 && name.size() == 2 && name[0] == 'h' &&
               name[1] >= '2' && name[1] <= '6' &&
               !(ctx & (kCtxBoilerplate | kCtxComments))) {
      // A page without an <h1> may set its headline in a lower heading:
      // the one its <title> opens with.
      std::string text = VisibleText(node, kMaxHeadingText, true);
      if (TitleOpensWith(text)) AnchorWithoutH1(order, ctx, *child_ctx);
    }
    if (ctx & kCtxComments) return true;

    if (name == "time") {
      std::string value = NodeAttr(node, "datetime");
      if (value.empty()) value = VisibleText(node, kMaxDateText);
      std::string cls = base::AsciiLower(NodeAttr(node, "class"));
      bool strong = xmlHasProp(node, BAD_CAST "pubdate") != nullptr ||
                    itemprop == "datePublished" ||
                    cls.find("publish") != std::string::npos ||
                    cls.find("entry-date") != std::string::npos;
      if (!value.empty()) {
        out_->dates.push_back(
            {value, "time", order, CandidateCtx(node, ctx), strong});
      }
    }
    if (itemprop == "datePublished" || itemprop == "dateCreated" ||
        itemprop == "dateModified" || itemprop == "uploadDate") {
      std::string value = NodeAttr(node, "content");
      if (value.empty()) value = NodeAttr(node, "datetime");
      if (value.empty()) value = VisibleText(node, kMaxDateText);
      if (!value.empty()) {
        out_->dates.push_back({value, std::string(itemprop), order,
                               CandidateCtx(node, ctx), true});
      }
    }
    if (itemprop == "author" || itemprop == "creator") {
      std::string text = ItempropName(node);
      if (!text.empty()) {
        out_->authors.push_back(
            {text, "itemprop", order, CandidateCtx(node, ctx), true});
        return true;
      }
    }
    if (name == "a" &&
        base::ContainsIgnoreCase(NodeAttr(node, "rel"), "author")) {
      std::string text = VisibleText(node, kMaxAuthorText);
      // Blog templates add a hidden rel=author link to a profile.
      if (!text.empty() && !IsHiddenByStyle(node)) {
        out_->authors.push_back(
            {text, "rel", order, CandidateCtx(node, ctx, &text), true});
      }
      return true;
    }
    if (facts.author || name == "address") {
      std::string text = VisibleText(node, kMaxAuthorText);
      if (!text.empty()) {
        out_->authors.push_back({text, name == "address" ? "address" : joined_,
                                 order, CandidateCtx(node, ctx, &text), false});
      }
    }
    if (IsBylineCarrier(name)) {
      // A short text that opens with a byline word: "Von Jane Roe",
      // "Posted by Jane Roe", "Text: Jane Roe".
      // Most carriers hold a long text, which VisibleTextAndShorter turns
      // into "" (both caps passed), or a short one without a digit that
      // no byline word opens: a cheap bounded walk says so first.
      const TextProbe probe = ProbeText(node, kMaxBylineText);
      if (probe.passes_cap || probe.digit || MayOpenByline(probe.first)) {
        ReadCarrier(node, probe, order, ctx);
      }
    } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '2' &&
               name[1] <= '6') {
      std::string text = VisibleText(node, kMaxPreDatelineText + 1);
      if (IsAuthorLabel(text, false)) AddLabelledByline(node, text, order, ctx);
      NotePreDateline(std::move(text), order, ctx);
    } else if (name == "dt" || name == "th") {
      std::string text = VisibleText(node, kMaxLabelText);
      if (IsAuthorLabel(text, true)) AddLabelledByline(node, text, order, ctx);
    }
    if (name == "p" && !(ctx & kCtxBoilerplate)) {
      std::string signature = SignatureText(node, kMaxSignatureText);
      if (!signature.empty()) {
        out_->authors.push_back({std::move(signature), "signature", order,
                                 CandidateCtx(node, ctx), false});
      }
    }
    // The first paragraphs below the headline may open with the dateline
    // ("29.11.2022 – Die Regierung ...").
    if (name == "p" && anchor_ >= 0 && order > anchor_ &&
        paragraphs_after_h1_ < kLeadParagraphs && !(ctx & kCtxBoilerplate)) {
      ++paragraphs_after_h1_;
      std::string lead = OpeningDateline(node);
      if (!lead.empty()) {
        out_->dates.push_back({std::move(lead), "lead", order, ctx, false});
      }
    }
    if (facts.date) {
      std::string text = VisibleText(node, kMaxDateText);
      // A "post-meta" wrapper around the headline: a date in the headline
      // ("Ergebnisse vom 19.5.2007") is its subject, and the byline's
      // date has an element of its own.
      if (!text.empty() && !HasHeadline(node)) {
        out_->dates.push_back(
            {text, "class", order, CandidateCtx(node, ctx, &text), false});
      }
      // <abbr class="published" title="2019-03-21T10:00">
      std::string title = NodeAttr(node, "title");
      if (!title.empty() && title.size() < 64) {
        out_->dates.push_back({title, "class", order, ctx, false});
      }
    }
    return true;
  }

  // Sets class_, id_ and itemprop_ to AttrText(node, "class" / "id" /
  // "itemprop") from one pass over the attributes.
  void ReadAttrs(xmlNodePtr node) {
    class_ = id_ = itemprop_ = {};
    bool seen_class = false, seen_id = false, seen_itemprop = false;
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
      if (a->ns != nullptr || a->name == nullptr) continue;
      const char* n = reinterpret_cast<const char*>(a->name);
      std::string_view* slot;
      std::string* scratch;
      if (!seen_class && std::strcmp(n, "class") == 0) {
        seen_class = true;
        slot = &class_;
        scratch = &class_scratch_;
      } else if (!seen_id && std::strcmp(n, "id") == 0) {
        seen_id = true;
        slot = &id_;
        scratch = &id_scratch_;
      } else if (!seen_itemprop && std::strcmp(n, "itemprop") == 0) {
        seen_itemprop = true;
        slot = &itemprop_;
        scratch = &itemprop_scratch_;
      } else {
        continue;
      }
      const xmlNode* v = a->children;
      if (v != nullptr && v->next == nullptr &&
          (v->type == XML_TEXT_NODE || v->type == XML_CDATA_SECTION_NODE)) {
        if (v->content != nullptr) {
          *slot = reinterpret_cast<const char*>(v->content);
        }
      } else {
        *slot = AttrText(node, n, scratch);  // a value of several nodes
      }
    }
  }

  // The class rules' verdict on the element's class_ and id_; sets joined_ to
  // the lower-cased "class id" string.
  ClassFacts Facts() {
    joined_.assign(class_);
    joined_ += ' ';
    joined_.append(id_);
    for (char& c : joined_) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    if (joined_.size() == 1) return ClassFacts{};  // neither class nor id
    // Pages repeat a few class names on many elements: read each once.
    auto it = facts_cache_.find(joined_);
    if (it != facts_cache_.end()) return it->second;
    ClassFacts facts = ReadClassFacts(joined_);
    facts_cache_.emplace(joined_, facts);
    return facts;
  }

  void AddMeta(xmlNodePtr node, int order, unsigned ctx) {
    std::string key = NodeAttr(node, "name");
    if (key.empty()) key = NodeAttr(node, "property");
    if (key.empty()) key = NodeAttr(node, "itemprop");
    if (key.empty()) key = NodeAttr(node, "http-equiv");
    if (key.empty()) return;
    std::string content = NodeAttr(node, "content");
    if (content.empty()) content = NodeAttr(node, "value");
    content = base::CollapseWhitespace(content);
    if (content.empty()) return;
    out_->metas.push_back({std::move(content),
                           base::AsciiLower(base::Trim(key)), order, ctx,
                           false});
  }

  // The name of an itemprop=author element: a nested itemprop=name (text or
  // content attribute), else the element's own content or text.
  std::string ItempropName(xmlNodePtr node) {
    std::vector<xmlNodePtr> stack{node};
    size_t budget = 2000;  // nodes searched for the name
    while (!stack.empty() && budget-- > 0) {
      xmlNodePtr n = stack.back();
      stack.pop_back();
      if (n != node && NodeAttr(n, "itemprop") == "name") {
        std::string v = NodeAttr(n, "content");
        if (v.empty()) v = VisibleText(n, kMaxAuthorText);
        if (!v.empty()) return v;
      }
      for (xmlNodePtr c = n->last; c != nullptr; c = c->prev) {
        if (c->type == XML_ELEMENT_NODE) stack.push_back(c);
      }
    }
    std::string v = NodeAttr(node, "content");
    if (!v.empty()) return base::CollapseWhitespace(v);
    return VisibleText(node, kMaxAuthorText);
  }

  // What a walk over the text VisibleText(node, cap) reads tells without
  // building it.
  struct TextProbe {
    // VisibleText(node, cap) is "" for sure: its walk passes its node
    // budget (cap + 64) or reads more than `cap` printable ASCII bytes.
    // When set, digit and first describe only the text read so far.
    bool passes_cap = false;
    bool digit = false;       // the text has an ASCII digit
    unsigned char first = 0;  // its first byte not ASCII white space, or 0
  };

  // Visits the nodes VisibleText(node, cap) visits, in document order, and
  // stops at the first limit passed (any gives ""), without copying text.
  TextProbe ProbeText(const xmlNode* node, size_t cap) {
    TextProbe probe;
    size_t budget = cap + 64;
    size_t kept = 0;
    const xmlNode* n = node;
    while (true) {
      if (budget-- == 0) {
        probe.passes_cap = true;
        return probe;
      }
      bool descend = false;
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content != nullptr) {
          for (const xmlChar* p = n->content; *p != 0; ++p) {
            unsigned char c = *p;
            if (probe.first == 0 && c != ' ' && (c < 0x09 || c > 0x0D)) {
              probe.first = c;
            }
            probe.digit = probe.digit || (c >= '0' && c <= '9');
            kept += c > ' ' && c < 0x80;
            if (kept > cap) {
              probe.passes_cap = true;
              return probe;
            }
          }
        }
      } else if (n->type == XML_ELEMENT_NODE) {
        descend = n == node || !MayBeSkipped(n);
      }
      if (descend && n->children != nullptr) {
        n = n->children;
        continue;
      }
      // Next in pre-order within node's subtree.
      while (n != node && n->next == nullptr) n = n->parent;
      if (n == node) return probe;
      n = n->next;
    }
  }

  // IsSkipped(NodeName(n)) for element `n`, without measuring the name
  // when its first letter opens no skipped name.
  static bool MayBeSkipped(const xmlNode* n) {
    const xmlChar* name = n->name;
    if (name == nullptr) return IsSkipped(NodeName(n));
    if (!MayBeSkippedName(name[0])) return false;
    return IsSkipped(NodeName(n));
  }

  // False when a text whose first byte not ASCII white space is `first`
  // (0: none) cannot pass StartsWithBylineWord: `first` is printable ASCII
  // other than the initial of a byline word (MayOpenBylineWord, derived
  // from StartsWithBylineWord's list). CollapseWhitespace drops only white
  // space before it and keeps it.
  static bool MayOpenByline(unsigned char first) {
    if (first == 0) return false;
    return MayOpenBylineWord(first);
  }

  // The byline and dateline an IsBylineCarrier element may hold by its
  // wording; `probe` is ProbeText(node, kMaxBylineText).
  void ReadCarrier(xmlNodePtr node, const TextProbe& probe, int order,
                   unsigned ctx) {
    std::string text;
    std::string byline;
    if (!probe.passes_cap) {
      byline =
          VisibleTextAndShorter(node, kMaxBylineText, kMaxDatelineText, &text);
    }
    if (!byline.empty() && IsAuthorLabel(byline, false)) {
      AddLabelledByline(node, byline, order, ctx);
    }
    if (!byline.empty() && StartsWithBylineWord(byline)) {
      unsigned byline_ctx = CandidateCtx(node, ctx, &byline);
      out_->authors.push_back(
          {std::move(byline), "text", order, byline_ctx, false});
    }
    // Just below the headline, a short line with a date is the dateline
    // even without a telling class ("<p>January 22, 2014</p>"); anywhere,
    // one that says so ("Veröffentlicht am 16.08.2019").
    bool near =
        anchor_ >= 0 && order > anchor_ && order <= anchor_ + kDatelineWindow;
    // (`text`, unless an opening, is VisibleText(node, kMaxDatelineText).)
    bool opening = false;
    if (text.empty() && OpeningMayBeDatelineWord(node)) {
      // A long line that says so: keep its opening only.
      std::string head = OpeningText(node, kOpeningBytes);
      if (StartsWithDatelineWord(head)) {
        text = std::move(head);
        opening = true;
      }
    }
    bool digit = false;
    for (char c : text) digit = digit || (c >= '0' && c <= '9');
    if (digit && (near || StartsWithDatelineWord(text))) {
      out_->dates.push_back({text, "near", order,
                             CandidateCtx(node, ctx, opening ? nullptr : &text),
                             false});
    } else if (digit) {
      NotePreDateline(text, order, ctx);
    }
  }

  // False when OpeningText(node, kOpeningBytes) surely does not start with
  // a dateline word: its first byte that is not ASCII white space (which
  // CollapseWhitespace drops) is printable ASCII other than the first
  // letter of one of them, or there is none. Follows OpeningText's walk
  // (same order, budget and byte counts) up to that byte.
  bool OpeningMayBeDatelineWord(const xmlNode* node) {
    const size_t want = kOpeningBytes;
    stack_.clear();
    stack_.push_back(node);
    size_t out = 0;  // the bytes OpeningText would have appended
    size_t budget = 64;
    while (!stack_.empty() && out < want && budget-- > 0) {
      const xmlNode* n = stack_.back();
      stack_.pop_back();
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content) {
          const char* t = reinterpret_cast<const char*>(n->content);
          size_t len = 0;
          while (len < 2 * want && t[len] != '\0') ++len;
          if (t[len] != '\0') {
            while (len > 0 &&
                   (static_cast<unsigned char>(t[len]) & 0xC0) == 0x80) {
              --len;
            }
          }
          for (size_t i = 0; i < len; ++i) {
            unsigned char c = static_cast<unsigned char>(t[i]);
            if (c == ' ' || (c >= 0x09 && c <= 0x0D)) continue;
            return MayOpenDatelineWord(c);
          }
          out += len;
        }
        continue;
      }
      if (n->type != XML_ELEMENT_NODE) continue;
      if (n != node && MayBeSkipped(n)) continue;
      ++out;
      for (const xmlNode* c = n->last; c != nullptr; c = c->prev) {
        stack_.push_back(c);
      }
    }
    return false;
  }

  // Makes the name that follows the author label `node` ("<b>Autor:</b>
  // Jane Roe", "<dt>Author</dt><dd>Jane Roe</dd>") an author candidate
  // worded as a byline ("Autor: Jane Roe"): templates that print fields as
  // label and value put the byline's two halves in separate elements.
  void AddLabelledByline(const xmlNode* node, std::string_view label, int order,
                         unsigned ctx) {
    std::string value = TextAfterLabel(node, kMaxBylineText);
    if (value.empty()) return;
    std::string text(base::Trim(label));
    if (text.back() != ':') text += ':';
    text += ' ';
    text += value;
    out_->authors.push_back(
        {std::move(text), "text", order, CandidateCtx(node, ctx), false});
  }

  // True when `node`'s subtree holds an <h1> or a headline-marked element
  // (itemprop=headline); reads a bounded number of nodes and says true
  // when it stops early.
  bool HasHeadline(const xmlNode* node) {
    size_t budget = 5000;
    std::vector<const xmlNode*>& stack = headline_stack_;
    stack.clear();
    stack.push_back(node);
    while (!stack.empty()) {
      if (budget-- == 0) return true;
      const xmlNode* n = stack.back();
      stack.pop_back();
      if (n != node) {
        const xmlChar* name = n->name;  // (an element's: NodeName)
        if (name != nullptr && name[0] == 'h' && name[1] == '1' &&
            name[2] == 0) {
          return true;
        }
        if (HasItemprop(n) &&
            AttrText(n, "itemprop", &headline_scratch_) == "headline") {
          return true;
        }
      }
      for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) stack.push_back(c);
      }
    }
    return false;
  }

  // True when element `n` has an attribute AttrText(n, "itemprop", ...)
  // reads (no namespace, that exact name).
  static bool HasItemprop(const xmlNode* n) {
    for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
      const xmlChar* an = a->name;
      if (a->ns == nullptr && an != nullptr && an[0] == 'i' &&
          std::strcmp(reinterpret_cast<const char*>(an), "itemprop") == 0) {
        return true;
      }
    }
    return false;
  }

  // `ctx` for an author or date candidate at `node`, with kCtxBoilerplate
  // added when it sits in a teaser link: the byline or date of the page
  // linked to.
  // `own_text`, when given and not empty, is VisibleText(node, cap) for a
  // cap of at most 600 (InTeaserLink).
  unsigned CandidateCtx(const xmlNode* node, unsigned ctx,
                        const std::string* own_text = nullptr) {
    if (ctx & kCtxBoilerplate) return ctx;
    return InTeaserLink(node, own_text, &teaser_memo_) ? ctx | kCtxBoilerplate
                                                       : ctx;
  }

  // Appends the element's own text nodes (not its children's) to the
  // page's visible text, up to kMaxVisibleText bytes.
  void AppendOwnText(xmlNodePtr node) {
    std::string& text = out_->visible_text;
    for (xmlNodePtr c = node->children; c != nullptr; c = c->next) {
      if (text.size() >= kMaxVisibleText) return;
      if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
          c->content) {
        text += ' ';
        text += reinterpret_cast<const char*>(c->content);
      }
    }
  }

  // Makes a line inside `node` that opens with a publication-date label
  // a date candidate (key "label"), wherever in the element it starts:
  // after a line break ("Letzte Änderung: 31.10.2023<br>Erschienen am:
  // 01.11.2023") or as loose text in a long block ("Veröffentlichung:
  // <a>04.02.2022</a>"). The line runs from the label's text node through
  // the siblings after it, up to a <br> or kOpeningBytes.
  void TakeLabelledDates(xmlNodePtr node, int order, unsigned ctx) {
    for (xmlNodePtr c = node->children; c != nullptr; c = c->next) {
      if (c->type != XML_TEXT_NODE || c->content == nullptr) continue;
      const char* t = reinterpret_cast<const char*>(c->content);
      while (*t == ' ' || (*t >= 0x09 && *t <= 0x0D)) ++t;
      if (*t == 0 || !MayOpenDatelineWord(static_cast<unsigned char>(*t)) ||
          !StartsWithDatelineWord(t)) {
        continue;
      }
      std::string line(t, std::min(std::strlen(t), 2 * kOpeningBytes));
      for (xmlNodePtr n = c->next; n != nullptr && line.size() < kOpeningBytes;
           n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content != nullptr) {
          line += reinterpret_cast<const char*>(n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
          if (NodeName(n) == "br" || MayBeSkipped(n)) break;
          line += ' ';
          line += OpeningText(n, kOpeningBytes);
        }
      }
      line = base::CollapseWhitespace(line);
      if (line.size() > kMaxDatelineText) {
        size_t cut = kMaxDatelineText;  // on a UTF-8 character boundary
        while (cut > 0 &&
               (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) {
          --cut;
        }
        line.resize(cut);
      }
      bool digit = false;
      for (char ch : line) digit = digit || (ch >= '0' && ch <= '9');
      if (digit) out_->dates.push_back({line, "label", order, ctx, false});
    }
  }

  // Remembers a short line with a digit that an <h1> just below may make
  // its dateline.
  void NotePreDateline(std::string text, int order, unsigned ctx) {
    if (text.empty() || text.size() > kMaxPreDatelineText ||
        (ctx & (kCtxBoilerplate | kCtxComments))) {
      return;
    }
    if (pre_.size() >= 8) pre_.erase(pre_.begin());
    pre_.push_back({std::move(text), "near", order, ctx, false});
  }

  // Makes the remembered lines just above the <h1> at `h1_order` date
  // candidates.
  void TakePreDatelines(int h1_order) {
    for (ScanItem& item : pre_) {
      if (item.order >= h1_order - kPreDatelineWindow) {
        out_->dates.push_back(std::move(item));
      }
    }
    pre_.clear();
  }

  // Makes the headline-marked element or heading at `order` the anchor
  // that datelines are looked for around, while no <h1> has been seen: a
  // page without an <h1> shows its date by its headline all the same.
  void AnchorWithoutH1(int order, unsigned ctx, unsigned child_ctx) {
    if (anchor_ >= 0 || (ctx & (kCtxBoilerplate | kCtxComments))) return;
    TakePreDatelines(order);
    anchor_ = order;
    anchor_in_article_ = (child_ctx & kCtxArticle) != 0;
    anchor_is_h1_ = false;
  }

  // True when the page's <title> opens with `heading` (two words or more,
  // ASCII case ignored), the rest being a separator and the site's name:
  // "Effiziente Hybridbatterie", "Tagung: Ein Rückblick | Site".
  bool TitleOpensWith(std::string_view heading) const {
    std::string_view title = out_->title;
    if (heading.find(' ') == std::string_view::npos ||
        !base::StartsWithIgnoreCase(title, heading)) {
      return false;
    }
    std::string_view rest = base::Trim(title.substr(heading.size()));
    return rest.empty() || rest[0] == '-' || rest[0] == '|' || rest[0] == ':' ||
           base::StartsWith(rest, "\u2013") || base::StartsWith(rest, "\u2014");
  }

  // Makes the <h1> at `order` the headline as well: the lines just below it
  // are read as its dateline, and its lead paragraphs are counted afresh.
  // (What was read below the first <h1> stays a candidate: dropping it
  // lost more pages than it won.)
  void Reanchor(int order) {
    anchor_ = order;
    anchor_in_article_ = true;
    anchor_is_h1_ = true;
    paragraphs_after_h1_ = 0;
  }

  PageScan* out_;
  int order_ = 0;
  int anchor_ = -1;  // order of the headline <h1>, -1 before any
  bool anchor_in_article_ = false;
  bool anchor_is_h1_ = false;  // false for a headline found without an <h1>
  std::vector<ScanItem> pre_;  // short dated lines since the last <h1>
  int paragraphs_after_h1_ = 0;
  std::vector<const xmlNode*> stack_;           // OpeningMayBeDatelineWord's
  std::vector<const xmlNode*> headline_stack_;  // HasHeadline's
  std::string headline_scratch_;                // HasHeadline's AttrText
  TeaserLinkMemo teaser_memo_;                  // CandidateCtx's
  std::string joined_;  // the current element's "class id", lower case
  std::unordered_map<std::string, ClassFacts> facts_cache_;    // by joined_
  std::string class_scratch_, id_scratch_, itemprop_scratch_;  // AttrText
  // The current element's class, id and itemprop (ReadAttrs).
  std::string_view class_, id_, itemprop_;
};

}  // namespace

PageScan ScanPage(const HtmlDocument& doc) {
  PageScan scan;
  Scanner(&scan).Run(doc.root());
  return scan;
}

}  // namespace newstrace::extract
