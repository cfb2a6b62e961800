// Article metadata from an HTML page.
//
// Design note: source precedence. One walk (meta_scan.cc) collects every
// candidate; this file picks, per field, from the strongest source that
// gives a valid value, strongest first:
//   1. JSON-LD: the first article-typed node at top level (NewsArticle,
//      BlogPosting, ...), else any article node. Sites write it for search
//      engines, so it is the most deliberate statement. (A WebPage node's
//      date is not taken: CMSs stamp plain pages with one.)
//   2. Named <meta> in the head: Open Graph / article:*, Dublin Core,
//      author, date, pubdate, sailthru, parsely, citation_*, byl, ...
//   3. Other JSON-LD works (Recipe, HowTo: their author only); microdata
//      (itemprop) and rel=author links in the body, first cluster only.
//   4. Page structure: <time>, elements whose class or id names a byline or
//      a date, lines that say so ("Von ...", "Veröffentlicht am ...",
//      wherever in an element they start), a dated line just below the
//      <h1> (or, on a page without one, below the headline-marked element
//      or the heading the <title> opens with).
//   5. Last resorts: a date in the canonical URL's path, then a date of
//      the last change the page shows (never one it only declares: CMSs
//      restamp it on every save); JSON-LD organization authors, then a
//      full name set off below the text as its signature.
// Two deliberate exceptions:
//   - Title: readers see the <h1>, and metadata titles often carry the
//     site's name or a kicker, so a heading that a metadata title confirms
//     wins, and an unconfirmed page's single <h1> still beats a metadata
//     title (meta_title.h: PickHeadline).
//   - Date: a timestamp declared in UTC or without a zone can be a day off
//     the local date the page shows next to its headline; the shown date
//     wins then. A declared local offset is trusted.
//   - Shown beats declared: an author declared only in metadata and never
//     shown on the page is dropped (a CMS account more often than a
//     byline), and a declared date the page contradicts by showing another
//     one yields to it (meta_published.h).
// Nothing is guessed: a field no source gives stays empty, a date must
// parse as a full calendar date, and an author must look like a name
// (meta_names.h) and not be the site itself. Everything found inside
// reader comments (and microdata review items) is ignored, and so are
// navigation (class-named regions that read like links), a page header
// without the headline, and teaser links to other pages for bylines and
// dates. Organizations are not authors: the site's names (og:site_name
// and each of its parts, the host) and any name the page also gives with
// a legal form ("Beispielhilfe e.V." makes "Beispielhilfe" one) are
// dropped.
#include "extract/metadata.h"

#include <iterator>
#include <string>
#include <vector>

#include "base/dates.h"
#include "base/strings.h"
#include "extract/jsonld.h"
#include "extract/meta_authors.h"
#include "extract/meta_names.h"
#include "extract/meta_published.h"
#include "extract/meta_scan.h"
#include "extract/meta_title.h"

namespace newstrace::extract {
namespace {

using base::CollapseWhitespace;

// <meta> keys naming the author, strongest first.
constexpr std::string_view kAuthorKeys[] = {"author",
                                            "article:author",
                                            "dc.creator",
                                            "dcterms.creator",
                                            "byl",
                                            "sailthru.author",
                                            "parsely-author",
                                            "citation_author",
                                            "dc.creator.name",
                                            "author_name",
                                            "twitter:data1"};

// Elements between two author mentions of one byline, at most.
constexpr int kAuthorClusterGap = 30;

class Picker {
 public:
  explicit Picker(const HtmlDocument& doc) : scan_(ScanPage(doc)) {
    for (const std::string& script : scan_.jsonld) ld_.Add(script);
    ld_.Finish();
    for (const JsonLdNode& n : ld_.nodes()) {
      bool is_article = false;
      for (const std::string& t : n.types) {
        is_article = is_article || IsArticleType(t);
      }
      bool is_content = false;
      for (const std::string& t : n.types) is_content |= IsContentType(t);
      if (is_content && n.top_level && content_ == nullptr) content_ = &n;
      bool is_page = false;
      for (const std::string& t : n.types) is_page |= IsPageType(t);
      if (is_page && n.top_level && page_ == nullptr) page_ = &n;
      if (is_article && n.top_level && article_ == nullptr) article_ = &n;
      if (is_article && any_article_ == nullptr) any_article_ = &n;
    }
    if (article_ == nullptr) article_ = any_article_;
  }

  void SetPageUrl(std::string_view url) { page_url_ = std::string(url); }

  HtmlMetadata Pick() {
    HtmlMetadata meta;
    meta.url = Meta({"og:url"});
    if (!scan_.canonical.empty()) {
      meta.url = Resolve(scan_.canonical, page_url_);
    }
    if (meta.url.empty() && article_) meta.url = article_->url;
    if (meta.url.empty()) meta.url = page_url_;
    meta.language = PickLanguage();
    // "03/05/2022" is March 5 in US English, May 3 nearly everywhere else.
    base::SlashOrder slash = meta.language.empty() || meta.language == "en" ||
                                     meta.language == "en-us"
                                 ? base::SlashOrder::kMonthFirst
                                 : base::SlashOrder::kDayFirst;
    meta.site_name = PickSiteName();
    meta.description = Meta({"description", "og:description"});
    if (meta.description.empty() && article_) {
      meta.description = Clean(article_->description);
    }
    std::string page_url = meta.url.empty() ? Meta({"og:url"}) : meta.url;
    site_names_ = SiteNames({meta.site_name, Meta({"application-name"}),
                             article_ ? Clean(article_->publisher) : ""},
                            page_url);
    // A personal blog's publisher is its author: only the site's own name,
    // its host and organizations the JSON-LD declares rule a byline out.
    std::vector<std::string> orgs = {Meta({"og:site_name"}),
                                     Meta({"application-name"})};
    for (const JsonLdNode& n : ld_.nodes()) {
      if (!IsOrganizationOnly(n.types) || n.name.empty()) continue;
      // An organization credited as the article's author is not the site.
      bool credited = false;
      if (article_) {
        for (const std::string& a : article_->author_orgs) {
          credited = credited || a == n.name;
        }
      }
      if (!credited) orgs.push_back(Clean(n.name));
    }
    // og:site_name may carry a title before the site's name ("Infoportal
    // - Diakonie Deutschland"): each of its parts names the site.
    std::vector<std::string> parts = SplitTitle(Meta({"og:site_name"}));
    if (parts.size() > 1) orgs.insert(orgs.end(), parts.begin(), parts.end());
    // A name the page also gives with a legal form ("Deutsches Rotes Kreuz
    // e.V.") is that organization's, wherever it stands without one.
    for (std::string& org : LegalFormNames()) orgs.push_back(std::move(org));
    author_site_names_ = SiteNames(orgs, page_url);
    meta.title = PickTitle();
    meta.authors = PickAuthors();
    meta.published =
        PickPublishedDate(scan_, article_, meta.url, slash, meta.language);
    return meta;
  }

 private:
  // `href` made absolute against `base` when it is relative to its host
  // ("/a/b.html", "//host/a") and `base` is an absolute URL; else `href`.
  static std::string Resolve(const std::string& href, const std::string& base) {
    size_t scheme = base.find("://");
    if (href.empty() || href[0] != '/' || scheme == std::string::npos) {
      return href;
    }
    if (href.size() > 1 && href[1] == '/')
      return base.substr(0, scheme + 1) + href;
    size_t path = base.find('/', scheme + 3);
    return base.substr(0, path) + href;
  }

  // JSON-LD strings may hold HTML entities and markup-free whitespace.
  static std::string Clean(std::string_view s) {
    return CollapseWhitespace(DecodeEntities(s));
  }

  // The first <meta> content for the first of `keys` present.
  std::string Meta(std::initializer_list<std::string_view> keys) const {
    for (std::string_view k : keys) {
      for (const ScanItem& m : scan_.metas) {
        if (m.key == k) return m.text;
      }
    }
    return {};
  }

  std::string PickLanguage() const {
    std::string lang = scan_.html_lang;
    if (lang.empty())
      lang = Meta({"og:locale", "content-language", "language", "dc.language"});
    if (lang.empty() && article_) lang = article_->in_language;
    lang = base::AsciiLower(base::Trim(lang));
    for (char& c : lang) {
      if (c == '_') c = '-';
    }
    return lang;
  }

  std::string PickSiteName() const {
    std::string s = Meta({"og:site_name"});
    if (s.empty() && article_) s = Clean(article_->publisher);
    if (s.empty()) {
      for (const JsonLdNode& n : ld_.nodes()) {
        for (const std::string& t : n.types) {
          if (t == "WebSite" && s.empty()) s = Clean(n.name);
        }
      }
    }
    if (s.empty()) s = Meta({"application-name"});
    return s;
  }

  // ---- title ----

  // Visible headings that may be the headline: <h1>s outside boilerplate
  // and comments, then headline-marked elements.
  // Sets *h1s to those that are <h1>s.
  std::vector<std::string> Headings(std::vector<std::string>* h1s) const {
    std::vector<std::string> out;
    for (const ScanItem& h : scan_.headings) {
      if (h.context & (kCtxBoilerplate | kCtxComments)) continue;
      if (IsSitePart(h.text, site_names_, true)) continue;  // a blog's name
      out.push_back(h.text);
      if (h.key == "h1") h1s->push_back(h.text);
    }
    return out;
  }

  std::string PickTitle() const {
    TitleSources src;
    src.headings = Headings(&src.h1s);
    for (const ScanItem& h : scan_.subheadings)
      src.subheadings.push_back(h.text);
    if (article_) {
      if (!article_->headline.empty()) {
        src.metas.push_back(Clean(article_->headline));
      } else if (!article_->name.empty()) {
        src.metas.push_back(Clean(article_->name));
      }
    }
    for (std::string_view key : {"og:title", "twitter:title", "dc.title",
                                 "citation_title", "headline", "title"}) {
      std::string v = Meta({key});
      if (!v.empty()) src.metas.push_back(std::move(v));
    }
    src.title_tag = scan_.title;
    src.site_names = site_names_;
    return PickHeadline(src);
  }

  // ---- authors ----

  // The names of organizations the page credits with a legal form, without
  // it: from author metas, JSON-LD authors and publisher, og:site_name and
  // author candidates in the body, each cut at separators and commas.
  std::vector<std::string> LegalFormNames() const {
    std::vector<std::string> raws = {Meta({"og:site_name"})};
    for (const ScanItem& m : scan_.metas) {
      for (std::string_view key : kAuthorKeys) {
        if (m.key == key) raws.push_back(m.text);
      }
      if (m.key == "publisher" || m.key == "dc.publisher") {
        raws.push_back(m.text);
      }
    }
    if (article_) {
      raws.insert(raws.end(), article_->authors.begin(),
                  article_->authors.end());
      raws.insert(raws.end(), article_->author_orgs.begin(),
                  article_->author_orgs.end());
      raws.push_back(article_->publisher);
    }
    for (const ScanItem& a : scan_.authors) raws.push_back(a.text);
    std::vector<std::string> out;
    for (const std::string& raw : raws) {
      std::string piece;
      auto flush = [&] {
        std::string base = WithoutLegalForm(piece);
        if (!base.empty()) out.push_back(Clean(base));
        piece.clear();
      };
      for (char c : raw) {
        if (c == ',' || c == ';' || c == '|' || c == '/') {
          flush();
        } else {
          piece += c;
        }
      }
      flush();
    }
    return out;
  }

  std::vector<std::string> Names(const std::vector<std::string>& raws,
                                 bool require_byline_word = false) const {
    AuthorCleanOptions options;
    options.site_names = author_site_names_;
    options.require_byline_word = require_byline_word;
    std::vector<std::string> out;
    for (const std::string& raw : raws) {
      for (std::string& n : CleanAuthors(DecodeEntities(raw), options)) {
        // A wire service credits the story's source, not a writer.
        if (IsNewsAgency(n)) continue;
        bool dup = false;
        for (const std::string& o : out) {
          dup = dup || base::Lower(o) == base::Lower(n);
        }
        if (!dup) out.push_back(std::move(n));
      }
    }
    // "Tina Roe, TR": a byline's initials repeat a listed name.
    std::vector<std::string> kept;
    for (const std::string& n : out) {
      bool initials = false;
      for (const std::string& o : out) initials |= IsInitialsOf(n, o);
      if (!initials) kept.push_back(n);
    }
    return kept;
  }

  // True when `abbr` ("TR") is the initials of several-word `name`.
  static bool IsInitialsOf(const std::string& abbr, const std::string& name) {
    if (abbr.size() < 2 || abbr.size() > 4) return false;
    std::string initials;
    bool start = true;
    for (char c : name) {
      if (c == ' ' || c == '-') {
        start = true;
      } else {
        if (start) initials += c;
        start = false;
      }
    }
    return initials.size() >= 2 && initials == abbr;
  }

  // Authors from the strongest source that names any; see the design
  // note. A one-word name is completed from another source that gives the
  // full name: a first name ("Todd" -> "Todd Bates") or a user name
  // ("robert.stitz" -> "Robert Stitz").
  std::vector<std::string> PickAuthors() const {
    std::vector<std::vector<std::string>> found = AuthorsBySource();
    for (size_t i = 0; i < found.size(); ++i) {
      std::vector<std::string> names = found[i];
      for (std::string& name : names) {
        if (name.find(' ') != std::string::npos) continue;
        for (size_t j = 0; j < found.size(); ++j) {
          if (j == i) continue;
          for (const std::string& full : found[j]) {
            if (Completes(name, full)) name = full;
          }
        }
        if (name.find(' ') == std::string::npos) name = FromBio(name);
      }
      if (names.empty()) continue;
      // Another declared source (the JSON-LD article or a head <meta>)
      // that names these authors and co-authors besides ("A" in JSON-LD,
      // "A, B" in <meta name=author>) is more complete.
      constexpr size_t kDeclared = 1 + std::size(kAuthorKeys);
      for (size_t j = 0; i < kDeclared && j < kDeclared; ++j) {
        if (j != i && Includes(found[j], names)) return found[j];
      }
      return names;
    }
    return {};
  }

  // `name` (one word) completed from the bio of the JSON-LD Person of that
  // name when the bio opens with the full name and the page shows it
  // ("Jane" with "description": "Jane Roe ist freie Autorin ..."): author
  // pages and SEO plugins declare the account's short display name and a
  // bio that names the person. Else `name`.
  std::string FromBio(const std::string& name) const {
    for (const JsonLdNode& n : ld_.nodes()) {
      bool person = false;
      for (const std::string& t : n.types) person = person || t == "Person";
      if (!person || n.description.empty() ||
          base::Lower(Clean(n.name)) != base::Lower(name)) {
        continue;
      }
      std::string full = OpeningFullName(Clean(n.description), name);
      if (!full.empty() && Shown(full)) return full;
    }
    return name;
  }

  // True when `big` has more names than `small` and every name of `small`.
  static bool Includes(const std::vector<std::string>& big,
                       const std::vector<std::string>& small) {
    if (big.size() <= small.size()) return false;
    for (const std::string& s : small) {
      bool in = false;
      for (const std::string& b : big) {
        in = in || base::Lower(b) == base::Lower(s);
      }
      if (!in) return false;
    }
    return true;
  }

  // True when `full` (several words) is the full form of one-word `name`.
  static bool Completes(const std::string& name, const std::string& full) {
    if (full.find(' ') == std::string::npos) return false;
    std::string ln = base::Lower(name);
    std::string lf = base::Lower(full);
    if (lf.compare(0, ln.size() + 1, ln + " ") == 0) return true;
    auto letters = [](const std::string& s) {
      std::string out;
      for (char c : s) {
        if (c != ' ' && c != '.' && c != '_' && c != '-') out += c;
      }
      return out;
    };
    return letters(ln) == letters(lf);
  }

  // True when `name` appears in the text the page shows its readers.
  bool Shown(const std::string& name) const {
    if (visible_key_.empty()) {
      visible_key_ = " " + TitleKey(scan_.visible_text) + " ";
    }
    std::string key = TitleKey(name);
    return !key.empty() &&
           visible_key_.find(" " + key + " ") != std::string::npos;
  }

  // `names` when the page shows at least one of them, else none: an
  // author declared only in metadata and never shown is a CMS account
  // ("sv_team") or filler more often than a byline.
  std::vector<std::string> IfShown(std::vector<std::string> names) const {
    for (const std::string& n : names) {
      if (Shown(n)) return names;
    }
    return {};
  }

  // The names each author source gives, strongest source first.
  std::vector<std::vector<std::string>> AuthorsBySource() const {
    std::vector<std::vector<std::string>> out;
    // Always one entry, so that the declared sources are the first ones.
    out.push_back(article_ ? IfShown(Names(article_->authors))
                           : std::vector<std::string>{});
    // Named <meta> in the head; article:author may be a profile URL or a
    // "@handle", which are not names.
    for (std::string_view key : kAuthorKeys) {
      std::vector<std::string> values;
      for (const ScanItem& m : scan_.metas) {
        if (m.key != key || !(m.context & kCtxHead)) continue;
        if (!m.text.empty() && m.text[0] == '@') continue;
        values.push_back(m.text);
      }
      out.push_back(IfShown(Names(values)));
    }
    if (content_) out.push_back(IfShown(Names(content_->authors)));
    // A WebPage node's author: SEO plugins put the post's author there
    // when they declare no article.
    if (page_) out.push_back(IfShown(Names(page_->authors)));
    // Microdata (itemprop=author, also as body <meta>) and rel=author,
    // outside boilerplate: the first cluster only, so that the authors of
    // related articles further down do not join.
    std::vector<const ScanItem*> strong;
    for (const ScanItem& m : scan_.metas) {
      if (m.key == "author" && !(m.context & kCtxHead) &&
          !(m.context & kCtxBoilerplate) && !IfShown({m.text}).empty()) {
        strong.push_back(&m);
        break;
      }
    }
    for (const ScanItem& a : scan_.authors) {
      if (a.strong && !(a.context & kCtxBoilerplate)) strong.push_back(&a);
    }
    std::vector<std::string> cluster;
    int last = -1;
    for (const ScanItem* a : strong) {
      if (last >= 0 && a->order > last + kAuthorClusterGap) break;
      cluster.push_back(a->text);
      last = a->order;
    }
    out.push_back(Names(cluster));
    // Bylines named by class or id: the first that yields a name.
    std::vector<std::string> bylines;
    for (const ScanItem& a : scan_.authors) {
      if (a.strong || (a.context & kCtxBoilerplate) || a.key == "text" ||
          a.key == "signature") {
        continue;
      }
      // <address> is as often a postal address as a byline.
      bylines = Names({a.text}, a.key == "address");
      if (!bylines.empty()) break;
    }
    out.push_back(std::move(bylines));
    // A short text that opens with a byline word.
    std::vector<std::string> worded;
    for (const ScanItem& a : scan_.authors) {
      if (a.key != "text" || (a.context & kCtxBoilerplate)) continue;
      worded = Names({a.text}, true);
      if (!worded.empty()) break;
    }
    // A byline inside a date line ("Posted by Jane Roe on March 3"): only
    // with a byline word, or after the date as its own segment
    // ("11.12.2019 - Jane Roe"), as CMS templates print "date - author"
    // in one line below or above the headline.
    std::vector<std::string> in_dates;
    for (const ScanItem& d : scan_.dates) {
      if ((d.key != "class" && d.key != "near") ||
          (d.context & kCtxBoilerplate)) {
        continue;
      }
      // A line found by its place near the headline counts only when it
      // opens with the date: "2009 Fertigstellung von Haus 4" is prose.
      if (d.key == "near" &&
          !base::ParseDate(d.text, base::SlashOrder::kDayFirst) &&
          !base::ParseDate(d.text, base::SlashOrder::kMonthFirst)) {
        continue;
      }
      in_dates = Names({d.text}, true);
      if (in_dates.empty()) {
        std::string after = BylineAfterDate(d.text);
        if (!after.empty()) in_dates = Names({after});
      }
      if (!in_dates.empty()) break;
    }
    out.push_back(std::move(in_dates));
    out.push_back(std::move(worded));
    if (article_) out.push_back(IfShown(Names(article_->author_orgs)));
    // Last: a full name set off below the text as its signature.
    std::vector<std::string> signed_by;
    for (const ScanItem& a : scan_.authors) {
      if (a.key != "signature" || (a.context & kCtxBoilerplate)) continue;
      signed_by = Names({a.text});
      bool full = !signed_by.empty();
      for (const std::string& n : signed_by) full = full && IsFullName(n);
      if (full) break;
      signed_by.clear();
    }
    out.push_back(std::move(signed_by));
    return out;
  }

  PageScan scan_;
  JsonLdReader ld_;
  const JsonLdNode* article_ = nullptr;
  const JsonLdNode* any_article_ = nullptr;
  const JsonLdNode* content_ = nullptr;  // a Recipe, HowTo, ...
  const JsonLdNode* page_ = nullptr;     // the first top-level WebPage
  std::vector<std::string> site_names_;
  std::vector<std::string> author_site_names_;
  std::string page_url_;             // the caller's URL for the page, or ""
  mutable std::string visible_key_;  // TitleKey of the visible text, lazily
};

}  // namespace

HtmlMetadata ExtractHtmlMetadata(const HtmlDocument& doc,
                                 std::string_view page_url) {
  Picker picker(doc);
  picker.SetPageUrl(page_url);
  return picker.Pick();
}

}  // namespace newstrace::extract
